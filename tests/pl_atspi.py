# pl_atspi.py — what the AT-SPI tests share: running under Xvfb with a
# session bus, finding the application and its controls the way a screen
# reader does, and reporting TAP.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import shutil
import subprocess
import sys
import tempfile
import time


def reexec_under_xvfb(script):
    """Runs SCRIPT again inside Xvfb and a session bus; only TAP on stdout."""
    if os.environ.get('PL_ATSPI_INNER') == '1':
        return
    for tool in ('xvfb-run', 'dbus-run-session'):
        if shutil.which(tool) is None:
            print('1..0 # SKIP %s is not installed' % tool)
            sys.exit(0)
    env = dict(os.environ, PL_ATSPI_INNER='1')
    cmd = ['xvfb-run', '-a', '-s', '-screen 0 1280x800x24',
           'dbus-run-session', '--', '/usr/bin/python3', os.path.abspath(script)]
    proc = subprocess.run(cmd, env=env, stdout=subprocess.PIPE, text=True)
    for line in proc.stdout.splitlines():
        if line.startswith(('ok ', 'not ok ', '1..', '# ')):
            print(line)
        else:
            print(line, file=sys.stderr)
    sys.exit(proc.returncode)


def accessible_session(prefix):
    """A scratch folder whose settings turn toolkit accessibility on."""
    tmp = tempfile.mkdtemp(prefix=prefix)
    config = os.path.join(tmp, 'config')
    os.makedirs(os.path.join(config, 'glib-2.0', 'settings'))
    with open(os.path.join(config, 'glib-2.0', 'settings', 'keyfile'), 'w') as f:
        f.write('[org/gnome/desktop/interface]\ntoolkit-accessibility=true\n')
    os.environ['XDG_CONFIG_HOME'] = config
    os.environ['GSETTINGS_BACKEND'] = 'keyfile'
    os.environ.pop('NO_AT_BRIDGE', None)
    return tmp


def wait_for(fn, seconds=20):
    end = time.time() + seconds
    while time.time() < end:
        try:
            value = fn()
            if value:
                return value
        except Exception:
            pass
        time.sleep(0.3)
    return None


def find_app(tree):
    for a in tree.root.applications():
        if a.name in ('personallearn', 'PersonalLearn', 'org.example.PersonalLearn'):
            return a
    return None


INTERACTIVE = {'push button', 'toggle button', 'check box', 'radio button', 'text',
               'combo box', 'entry', 'password text', 'spin button', 'switch',
               'menu item', 'link'}


def unnamed_controls(pyatspi, node, limit=600):
    """Interactive, showing nodes under NODE that a screen reader cannot name."""
    missing = []
    stack = [node]
    seen = 0
    while stack and seen < limit:
        n = stack.pop()
        seen += 1
        try:
            role = n.roleName
            showing = n.getState().contains(pyatspi.STATE_VISIBLE)
            name = n.name
        except Exception:
            continue
        if showing and role in INTERACTIVE and (not (name or '').strip() or name.startswith('Gtk')):
            where = []
            p = n.parent
            while p is not None and len(where) < 4:
                if p.name:
                    where.append(p.name)
                p = p.parent
            missing.append('%s %r in %s' % (role, name, ' < '.join(where) or '?'))
        try:
            stack.extend(n.children)
        except Exception:
            pass
    return missing


class Tap:
    def __init__(self):
        self.results = []

    def check(self, name, ok, detail=''):
        self.results.append((name, bool(ok), detail))

    def finish(self):
        print('1..%d' % len(self.results))
        for i, (name, ok, detail) in enumerate(self.results, 1):
            print('%s %d %s%s' % ('ok' if ok else 'not ok', i, name,
                                  (' # ' + detail) if detail and not ok else ''))
        return 0 if self.results and all(ok for _, ok, _ in self.results) else 1
