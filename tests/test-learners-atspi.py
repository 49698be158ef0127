#!/usr/bin/python3
# test-learners-atspi.py — the Learners flow driven through the screen
# reader interface (AT-SPI) of the real application under Xvfb: import a
# OneRoster zip from the first-run page, check the preview, pick a class,
# open a learner and fill in the profile during a conference, and check
# that every control on the way has a name a screen reader can say.
#
# Run by meson (suite "ui"); it starts its own Xvfb and session bus.
# Prints TAP. SPDX-License-Identifier: GPL-3.0-or-later

import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))


sys.path.insert(0, HERE)
import pl_atspi  # noqa: E402

pl_atspi.reexec_under_xvfb(__file__)

tmp = pl_atspi.accessible_session('pl-atspi-')

try:
    import pyatspi  # noqa: E402
    from dogtail import config as dogtail_config  # noqa: E402
    from dogtail import rawinput, tree  # noqa: E402
except ImportError as e:
    print('1..0 # SKIP dogtail/pyatspi not available: %s' % e)
    sys.exit(0)

dogtail_config.config.searchCutoffCount = 40
dogtail_config.config.defaultDelay = 0.3
dogtail_config.config.logDebugToStdOut = False
dogtail_config.config.logDebugToFile = False

app_path = os.environ.get('PL_APP')
if not app_path or not os.access(app_path, os.X_OK):
    print('1..0 # SKIP the personallearn binary is not built (PL_APP)')
    sys.exit(0)

# The roster the school sends, as a zip.
roster = os.path.join(tmp, 'roster.zip')
folder = os.path.join(HERE, 'data', 'oneroster', 'v11-folder')
with zipfile.ZipFile(roster, 'w') as z:
    for name in sorted(os.listdir(folder)):
        z.write(os.path.join(folder, name), 'export/' + name)

db = os.path.join(tmp, 'personallearn.db')
env = dict(os.environ, GTK_A11Y='atspi', PERSONALLEARN_DB=db,
           XDG_DATA_HOME=os.path.join(tmp, 'data'), GSK_RENDERER='cairo',
           GDK_DEBUG='gl-disable', LANG='C.UTF-8', LANGUAGE='C')
app = subprocess.Popen([app_path], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)

results = []


def check(name, ok, detail=''):
    results.append((name, ok, detail))


wait_for = pl_atspi.wait_for


def find_app():
    return pl_atspi.find_app(tree)


def unnamed_controls(node):
    return pl_atspi.unnamed_controls(pyatspi, node)


def label_of(node):
    # GTK 4.8 names a button with a mnemonic "_Label Label": compare
    # without the underscores, on the last half.
    name = (node.name or '').replace('_', '')
    half = len(name) // 2
    if len(name) % 2 == 1 and name[:half] == name[half + 1:]:
        return name[half + 1:]
    return name


def find(root, role, text, seconds=20):
    def look():
        return root.findChild(lambda n: n.roleName == role and label_of(n) == text,
                              retry=False, requireResult=False)
    return wait_for(look, seconds)


def focus(node, window=None):
    # GTK 4.8 accepts AT-SPI's grab_focus on an entry without moving the
    # focus: click into the field, scrolling it into the window first.
    if window is not None:
        wx, wy, ww, wh = window.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
        for _ in range(20):
            x, y, w, h = node.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
            if y > wy + 40 and y + h < wy + wh - 10:
                break
            rawinput.click(x + w // 2, wy + wh // 2, button=5 if y > wy + 40 else 4)
            time.sleep(0.2)
    node.click()
    time.sleep(0.3)


def doit(node):
    """Activates NODE through AT-SPI (no pointer)."""
    for action in ('click', 'activate', 'press', 'toggle'):
        if action in node.actions:
            node.doActionNamed(action)
            return
    try:
        node.grabFocus()
        rawinput.pressKey('space' if node.roleName == 'check box' else 'Return')
    except Exception:
        # GTK 4.8 exposes no action and no focus call on some controls.
        node.click()


try:
    pl = wait_for(find_app, 30)
    check('the application is on the accessibility bus', pl is not None)
    if pl is None:
        raise SystemExit

    # First run: "Import a Roster" on the welcome page.
    button = find(pl, 'push button', 'Import a Roster…')
    check('the welcome page offers the roster import', button is not None)
    doit(button)

    dialog = find(pl, 'push button', 'Choose a File…')
    if dialog is None and os.environ.get('PL_ATSPI_DEBUG'):
        for n in pl.findChildren(lambda n: n.roleName in ('push button', 'frame', 'dialog'), recursive=True):
            print('#', n.roleName, repr(n.name), n.showing)
    check('the import dialog opens', dialog is not None)
    doit(dialog)

    # The file chooser: type the path (Ctrl+L opens the location entry).
    time.sleep(1.5)
    rawinput.keyCombo('<Control>l')
    time.sleep(0.5)
    rawinput.typeText(roster)
    time.sleep(0.3)
    rawinput.pressKey('Return')

    preview = find(pl, 'check box', 'The "Makers" club', 30)
    check('the preview lists the classes with a named check box', preview is not None)
    if preview is not None:
        doit(preview)     # not this one
        subtitle_ok = wait_for(lambda: pl.findChild(
            lambda n: '3 new' in (n.name or '') or '3 new' in (n.description or ''),
            retry=False, requireResult=False), 5)
        check('the preview shows the counts per class', subtitle_ok is not None)
        missing = unnamed_controls(preview.parent.parent.parent.parent.parent)
        check('every control of the preview has a name', not missing, ', '.join(missing))
        doit(find(pl, 'push button', 'Import'))

    learner = wait_for(lambda: pl.findChild(lambda n: (n.name or '').startswith('Zoé Müller'),
                                            retry=False, requireResult=False), 30)
    check('the class list shows the imported learners', learner is not None)
    con = sqlite3.connect(db)
    n_learners = con.execute('SELECT count(*) FROM learner WHERE deleted = 0').fetchone()[0]
    check('only the chosen class was imported (3 learners)', n_learners == 3, str(n_learners))

    if learner is not None:
        doit(learner)
        interests = wait_for(lambda: pl.findChild(
            lambda n: n.roleName in ('text', 'entry') and n.name == 'Interests',
            retry=False, requireResult=False), 15)
        check('the profile has an "Interests" field a screen reader can name', interests is not None)
        if interests is not None:
            focus(interests, pl.findChild(lambda n: n.roleName == 'frame', retry=False, requireResult=False))
            rawinput.typeText('volcanoes, chess')
            time.sleep(2.0)
            if os.environ.get('PL_ATSPI_DEBUG'):
                subprocess.call(['import', '-window', 'root', os.path.join(tempfile.gettempdir(), 'pl-atspi.png')])
            row = con.execute("SELECT value FROM profile_field WHERE field = 'interests'").fetchone()
            check('the interest is saved without a Save button', row is not None and row[0] == 'volcanoes, chess',
                  repr(row))
        note = pl.findChild(lambda n: n.roleName in ('text', 'entry') and n.name == 'New note',
                            retry=False, requireResult=False)
        check('the note editor is named', note is not None)
        if note is not None:
            focus(note, pl.findChild(lambda n: n.roleName == 'frame', retry=False, requireResult=False))
            rawinput.typeText('Wants to build a seismograph')
            doit(find(pl, 'push button', 'Add Note'))
            time.sleep(1.0)
            n_notes = con.execute('SELECT count(*) FROM note').fetchone()[0]
            check('the conference note is saved', n_notes == 1, str(n_notes))
        view = pl.findChild(lambda n: n.name == 'PlLearnersPage', retry=False, requireResult=False)
        missing = unnamed_controls(view) if view is not None else ['no Learners view']
        check('every control of the Learners view has a name', not missing, ', '.join(sorted(set(missing))))
except SystemExit:
    pass
except Exception as e:  # a step that could not run fails the test, saying why
    import traceback
    check('the flow ran to the end', False, '%s: %s' % (type(e).__name__, e))
    if os.environ.get('PL_ATSPI_DEBUG'):
        traceback.print_exc()
finally:
    app.terminate()
    try:
        app.wait(10)
    except subprocess.TimeoutExpired:
        app.kill()
    print('1..%d' % len(results))
    for i, (name, ok, detail) in enumerate(results, 1):
        print('%s %d %s%s' % ('ok' if ok else 'not ok', i, name, (' # ' + detail) if detail and not ok else ''))
    shutil.rmtree(tmp, ignore_errors=True)
    sys.exit(0 if results and all(ok for _, ok, _ in results) else 1)
