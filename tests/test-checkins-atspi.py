#!/usr/bin/python3
# test-checkins-atspi.py — a round of check-ins for the 24-learner demo
# class with the keyboard alone, in the real application under Xvfb, seen
# through the screen reader interface (AT-SPI): Alt+3, Enter on the first
# learner, then for each learner Ctrl+3, a few words, Ctrl+Return. Every
# control of the view must have a name a screen reader can say.
#
# Run by meson (suite "ui"); prints TAP. SPDX-License-Identifier: GPL-3.0-or-later

import datetime
import os
import shutil
import sqlite3
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pl_atspi  # noqa: E402

pl_atspi.reexec_under_xvfb(__file__)
tmp = pl_atspi.accessible_session('pl-checkins-atspi-')

try:
    import pyatspi  # noqa: E402
    from dogtail import config as dogtail_config  # noqa: E402
    from dogtail import rawinput, tree  # noqa: E402
except ImportError as e:
    print('1..0 # SKIP dogtail/pyatspi not available: %s' % e)
    sys.exit(0)

dogtail_config.config.searchCutoffCount = 40
dogtail_config.config.defaultDelay = 0.2
dogtail_config.config.logDebugToStdOut = False
dogtail_config.config.logDebugToFile = False

app_path = os.environ.get('PL_APP')
cli_path = os.environ.get('PL_CLI')
if not app_path or not cli_path or not os.access(app_path, os.X_OK):
    print('1..0 # SKIP the personallearn binaries are not built (PL_APP, PL_CLI)')
    sys.exit(0)

db = os.path.join(tmp, 'personallearn.db')
subprocess.run([cli_path, '--db', db, 'demo'], check=True, stdout=subprocess.DEVNULL)
env = dict(os.environ, GTK_A11Y='atspi', PERSONALLEARN_DB=db,
           XDG_DATA_HOME=os.path.join(tmp, 'data'), GSK_RENDERER='cairo',
           GDK_DEBUG='gl-disable', LANG='C.UTF-8', LANGUAGE='C')
app = subprocess.Popen([app_path], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
tap = pl_atspi.Tap()

# The check-in week starts on Monday (the default check-in day).
today = datetime.date.today()
week = (today - datetime.timedelta(days=today.weekday())).isoformat()

try:
    pl = pl_atspi.wait_for(lambda: pl_atspi.find_app(tree), 30)
    tap.check('the application is on the accessibility bus', pl is not None)
    if pl is None:
        raise SystemExit
    frame = pl_atspi.wait_for(lambda: pl.findChild(lambda n: n.roleName == 'frame',
                                                   retry=False, requireResult=False), 20)
    time.sleep(1.0)

    rawinput.keyCombo('<Alt>3')
    time.sleep(1.0)
    rawinput.pressKey('Return')        # open the first learner's check-in
    time.sleep(0.8)

    con = sqlite3.connect(db)
    before = con.execute("SELECT count(DISTINCT learner_uuid) FROM checkin WHERE week_of = ? AND deleted = 0",
                         (week,)).fetchone()[0]
    for i in range(24):
        rawinput.keyCombo('<Control>3')
        rawinput.typeText('Worked with a partner')
        rawinput.keyCombo('<Control>Return')
        time.sleep(0.6)
    time.sleep(1.0)
    done = con.execute(
        "SELECT count(DISTINCT c.learner_uuid) FROM checkin c JOIN enrollment e ON e.learner_uuid = c.learner_uuid"
        " WHERE c.week_of = ? AND c.deleted = 0 AND e.deleted = 0 AND e.archived = 0", (week,)).fetchone()[0]
    typed = con.execute("SELECT count(*) FROM checkin WHERE week_of = ? AND worked LIKE '%Worked with a partner%'"
                        " AND progress = 3", (week,)).fetchone()[0]
    tap.check('every learner of the class checked in this week', done == 24, 'before %d, after %d' % (before, done))
    tap.check('what was typed and the rating were saved', typed == 24, str(typed))

    view = pl.findChild(lambda n: n.name == 'PlCheckinsPage', retry=False, requireResult=False)
    if view is None:
        view = frame
    missing = pl_atspi.unnamed_controls(pyatspi, view)
    tap.check('every control of the Check-ins view has a name', not missing, ', '.join(sorted(set(missing))))
except SystemExit:
    pass
except Exception as e:  # a step that could not run fails the test, saying why
    tap.check('the round ran to the end', False, '%s: %s' % (type(e).__name__, e))
finally:
    app.terminate()
    try:
        app.wait(10)
    except subprocess.TimeoutExpired:
        app.kill()
    status = tap.finish()
    shutil.rmtree(tmp, ignore_errors=True)
    sys.exit(status)
