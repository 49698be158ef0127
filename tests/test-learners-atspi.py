#!/usr/bin/python3
# test-learners-atspi.py — the Learners flow of a conference with the
# keyboard alone, followed through the screen reader interface (AT-SPI)
# of the real application under Xvfb: import a OneRoster zip from the
# first-run page, check the preview, leave a class out, confirm, open a
# learner, fill in profile fields and add a conversation note. Every step
# is a key press (Tab, Shift+Tab, Space, Enter, typing, shortcuts); AT-SPI
# is only read: where the focus is, what the controls are called, and
# that every control, scrolled into view or not, has a name.
#
# Run by meson (suite "ui"); it starts its own Xvfb and session bus.
# Prints TAP. SPDX-License-Identifier: GPL-3.0-or-later

import os
import shutil
import sqlite3
import subprocess
import sys
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
dogtail_config.config.defaultDelay = 0.1
dogtail_config.config.typingDelay = 0.02
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

tap = pl_atspi.Tap()
check = tap.check
wait_for = pl_atspi.wait_for
label_of = pl_atspi.label_of
keys = pl_atspi.Keyboard(pyatspi, rawinput)
TEXT = ('text', 'entry')


def find(root, role, text, seconds=20):
    def look():
        return root.findChild(lambda n: n.roleName == role and label_of(n) == text,
                              retry=False, requireResult=False)
    return wait_for(look, seconds)


_con = []


def db_query(sql, args=()):
    # One connection, kept: reading never writes, and the application's
    # own connections are never the only ones.
    if not _con:
        _con.append(sqlite3.connect(db))
    return _con[0].execute(sql, args).fetchone()


def field(name):
    row = db_query("SELECT value FROM profile_field WHERE field = ? AND deleted = 0", (name,))
    return row[0] if row else None


def count(sql):
    return db_query(sql)[0]


def focus_line(what):
    return 'looking for %s, the focus is on %s' % (what, keys.describe())


try:
    pl = wait_for(lambda: pl_atspi.find_app(tree), 30)
    check('the application is on the accessibility bus', pl is not None)
    if pl is None:
        raise SystemExit
    keys.pump(1.0)

    # First run: Tab to "Import a Roster…" on the welcome page, Enter.
    button = keys.tab_to(('push button',), 'Import a Roster…', limit=10)
    check('Tab reaches "Import a Roster…" on the welcome page', button is not None, focus_line('it'))
    keys.press('Return', settle=1.0)

    chooser_button = keys.tab_to(('push button',), 'Choose a File…', limit=10)
    check('Tab reaches "Choose a File…" in the import dialog', chooser_button is not None, focus_line('it'))
    keys.press('Return', settle=1.5)

    # The file chooser: Ctrl+L opens the location entry; type the path.
    keys.combo('<Control>l', settle=0.5)
    keys.type(roster)
    keys.press('Return')

    makers = find(pl, 'check box', 'The "Makers" club', 30)
    check('the preview lists the classes with a named check box', makers is not None)
    if makers is None:
        raise SystemExit
    summary = wait_for(lambda: pl.findChild(lambda n: ': 4 new' in (n.name or ''),
                                            retry=False, requireResult=False), 5)
    check('the preview counts Amara, in both classes, once (4 new)', summary is not None)
    dialog = makers
    while dialog is not None and dialog.roleName not in ('dialog', 'frame', 'window'):
        dialog = dialog.parent
    missing = pl_atspi.unnamed_controls(pyatspi, dialog) if dialog is not None else ['no dialog']
    check('every control of the preview has a name', not missing, ', '.join(missing))

    # Leave the club out: Tab to its check box, Space.
    box = keys.tab_to(('check box',), 'The "Makers" club', limit=20)
    check('Tab reaches the club\'s check box', box is not None, focus_line('the check box'))
    keys.press('space', settle=0.4)
    check('Space unticks it', not makers.getState().contains(pyatspi.STATE_CHECKED))
    fewer = wait_for(lambda: pl.findChild(lambda n: ': 3 new' in (n.name or ''),
                                          retry=False, requireResult=False), 5)
    check('the totals follow (3 new)', fewer is not None)

    # Confirm with the Import button, found with Shift+Tab (it is in the
    # header bar, before the preview).
    import_button = keys.tab_to(('push button',), 'Import', limit=30, backwards=True)
    check('Shift+Tab reaches the Import button', import_button is not None, focus_line('Import'))
    keys.press('Return', settle=1.0)

    learner = wait_for(lambda: pl.findChild(lambda n: (n.name or '').startswith('Zoé Müller'),
                                            retry=False, requireResult=False), 30)
    check('the class list shows the imported learners', learner is not None)
    n_learners = count('SELECT count(*) FROM learner WHERE deleted = 0')
    check('only the chosen class was imported (3 learners)', n_learners == 3, str(n_learners))

    # Ctrl+F, a name, Enter: her profile opens, the cursor in its first
    # field. GTK 4.8 sends no focus event for the text inside an entry row
    # (nor exposes its text), so the fields are reached by counting Tabs
    # from a control that does report focus, in the tree's order (the Tab
    # order), and what is saved says where the typing went.
    keys.combo('<Control>f')
    keys.type('zoe')
    keys.pump(0.5)
    keys.press('Return', settle=0.8)

    def learner_names():
        return db_query("SELECT preferred_name, pronouns FROM learner WHERE source_id = 's-3'")

    def entry(label):
        return pl.findChild(lambda n: n.roleName in TEXT and n.name == label, retry=False, requireResult=False)

    # Given name, then two Tabs: the preferred name.
    keys.press('Tab')
    keys.press('Tab')
    keys.type('Zo')
    keys.press('Tab')
    keys.type('she/her')
    check('Enter opened her profile in its first field: two Tabs on, the preferred name takes the typing, '
          'one more the pronouns', wait_for(lambda: learner_names() == ('Zo', 'she/her'), 5), repr(learner_names()))

    # A conversation note: the note editor comes right after the names.
    note = keys.tab_to(TEXT, 'New note', limit=4)
    check('Tab reaches the note editor, named "New note"', note is not None, focus_line('New note'))
    keys.type('Wants to build a seismograph')
    add = keys.tab_to(('push button',), 'Add Note', limit=4)
    check('Tab reaches "Add Note"', add is not None, focus_line('Add Note'))
    keys.press('Return', settle=0.5)
    saved_note = wait_for(lambda: count('SELECT count(*) FROM note WHERE deleted = 0') == 1, 5)
    check('Enter saves the conference note', saved_note)

    # The note's text (a selectable label) is the last stop before the
    # profile's fields: from there, the Nth field is N Tabs away.
    body = keys.tab_to(('label',), 'Wants to build a seismograph', limit=6)
    check('Tab reaches the note in the timeline', body is not None, focus_line('the note'))
    interests = entry('Interests')
    group = [c for c in interests.parent if c.roleName in TEXT] if interests is not None else []
    order = [c.name for c in group]
    typed = {'interests': 'volcanoes, chess', 'strengths': 'patient, curious',
             'needs': 'reading aloud', 'languages': 'German, English'}
    labels = {'interests': 'Interests', 'strengths': 'Strengths', 'needs': 'Needs', 'languages': 'Languages'}
    at = 0
    for key in ('interests', 'strengths', 'needs', 'languages'):
        target = order.index(labels[key]) + 1 if labels[key] in order else None
        if target is None:
            check('the profile has a "%s" field' % labels[key], False, repr(order))
            continue
        for _ in range(target - at):
            keys.press('Tab')
        at = target
        keys.type(typed[key])
        check('Tab reaches "%s" and the typing is saved there' % labels[key],
              wait_for(lambda: field(key) == typed[key], 5), repr(field(key)))

    hands_on = keys.tab_to(('check box',), 'Hands-on', limit=20)
    check('Tab reaches the "Hands-on" preference', hands_on is not None, focus_line('Hands-on'))
    keys.press('space')
    check('the preference ticked with Space is saved',
          wait_for(lambda: field('learning_preferences') == 'hands-on', 5), repr(field('learning_preferences')))

    # Every control of the window, scrolled into view or not, has a name.
    window = pl.findChild(lambda n: n.roleName == 'frame', retry=False, requireResult=False)
    visited = set()
    missing = pl_atspi.unnamed_controls(pyatspi, window, visited) if window is not None else ['no window']
    check('every control of the window has a name', not missing, ', '.join(sorted(set(missing))))
    far = ['Languages', 'Section 504 plan', 'Other ways they like to learn', 'Classes of this learner']
    check('the walk reaches controls scrolled out of view', all(name in visited for name in far),
          ', '.join(name for name in far if name not in visited))
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
    status = tap.finish()
    shutil.rmtree(tmp, ignore_errors=True)
    sys.exit(status)
