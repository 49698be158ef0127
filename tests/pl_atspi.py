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


class TooManyNodes(Exception):
    pass


def unnamed_controls(pyatspi, node, visited=None, limit=50000):
    """Interactive, visible nodes under NODE that a screen reader cannot
    name. Every node is walked, whether scrolled into view or not (GTK
    keeps them all in the tree): "visible", not "showing". The names of
    the nodes walked go into VISITED (a set) when given. A tree larger
    than LIMIT is an error, not a silent stop."""
    missing = []
    stack = [node]
    seen = 0
    while stack:
        n = stack.pop()
        seen += 1
        if seen > limit:
            raise TooManyNodes('more than %d accessible nodes under %r' % (limit, node))
        try:
            role = n.roleName
            visible = n.getState().contains(pyatspi.STATE_VISIBLE)
            name = n.name
        except Exception:
            continue
        if visited is not None and name:
            visited.add(name)
        if visible and role in INTERACTIVE and (not (name or '').strip() or name.startswith('Gtk')):
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


def label_of(node):
    """A node's name as shown: GTK 4.8 names a button with a mnemonic
    "_Label Label"; this gives "Label"."""
    name = (node.name or '').replace('_', '')
    half = len(name) // 2
    if len(name) % 2 == 1 and name[:half] == name[half + 1:]:
        return name[half + 1:]
    return name


class Keyboard:
    """Drives the application with key presses only (XTest, through
    AT-SPI's device events) and follows the keyboard focus from AT-SPI's
    focus events, the way a screen reader does."""

    def __init__(self, pyatspi, rawinput):
        from gi.repository import GLib
        self.pyatspi = pyatspi
        self.rawinput = rawinput
        self.context = GLib.MainContext.default()
        self.focused = None
        pyatspi.Registry.registerEventListener(self._on_focus, 'object:state-changed:focused')

    def _on_focus(self, event):
        if event.detail1:
            self.focused = event.source

    def pump(self, seconds=0.15):
        end = time.time() + seconds
        while True:
            while self.context.pending():
                self.context.iteration(False)
            if time.time() >= end:
                return
            time.sleep(0.01)

    def press(self, key, settle=0.15):
        self.rawinput.pressKey(key)
        self.pump(settle)

    def combo(self, keys, settle=0.3):
        self.rawinput.keyCombo(keys)
        self.pump(settle)

    def type(self, text, settle=0.2):
        self.rawinput.typeText(text)
        self.pump(settle)

    def focus_is(self, role=None, label=None):
        n = self.focused
        try:
            return n is not None and (role is None or n.roleName in role) and \
                (label is None or label_of(n) == label)
        except Exception:
            return False

    def tab_to(self, role=None, label=None, limit=60, backwards=False):
        """Presses Tab (Shift+Tab) until the focus is on a ROLE node
        labelled LABEL; the node, or None after LIMIT presses."""
        if self.focus_is(role, label):
            return self.focused
        for _ in range(limit):
            if backwards:
                self.combo('<Shift>Tab', settle=0.15)
            else:
                self.press('Tab')
            if self.focus_is(role, label):
                return self.focused
        return None

    def describe(self):
        n = self.focused
        try:
            return '%s %r' % (n.roleName, n.name) if n is not None else 'nothing'
        except Exception:
            return 'a node gone'


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
