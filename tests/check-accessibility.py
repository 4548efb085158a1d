#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Starts Kensho on the sample and walks its accessible tree over AT-SPI:
every control a user can operate must have a name that a screen reader
can say. Run inside a D-Bus session with an X server (see README)."""
import faulthandler
import os
import shutil
import subprocess
import sys
import tempfile
import time

# libatspi warns (dbind) when it asks an application for its cache while
# that application is still starting up. The warning is libatspi's, in this
# process: only Kensho itself runs with fatal warnings.
APP_G_DEBUG = os.environ.pop("G_DEBUG", None)

import gi  # noqa: E402
gi.require_version("Atspi", "2.0")
from gi.repository import Atspi, GLib  # noqa: E402

CONTROL_ROLES = {
    Atspi.Role.PUSH_BUTTON, Atspi.Role.TOGGLE_BUTTON, Atspi.Role.CHECK_BOX,
    Atspi.Role.RADIO_BUTTON, Atspi.Role.COMBO_BOX, Atspi.Role.ENTRY,
    Atspi.Role.TEXT, Atspi.Role.SPIN_BUTTON, Atspi.Role.SLIDER,
    Atspi.Role.LIST, Atspi.Role.TREE, Atspi.Role.TREE_TABLE, Atspi.Role.MENU_ITEM,
}


def find_app(name, deadline):
    while time.time() < deadline:
        desktop = Atspi.get_desktop(0)
        for i in range(desktop.get_child_count()):
            app = desktop.get_child_at_index(i)
            if app is not None and name in (app.get_name() or ""):
                return app
        time.sleep(0.2)
    return None


def walk(node, depth=0, found=None):
    if found is None:
        found = []
    if node is None or depth > 60:
        return found
    print(f"# {'  ' * depth}{node.get_role_name()} {node.get_name()!r}", file=sys.stderr) if os.environ.get("A11Y_DEBUG") else None
    try:
        role = node.get_role()
        states = node.get_state_set()
        showing = states.contains(Atspi.StateType.VISIBLE) or states.contains(Atspi.StateType.SHOWING)
        if role in CONTROL_ROLES and showing:
            name = (node.get_name() or "").strip()
            labelled = any(r.get_relation_type() == Atspi.RelationType.LABELLED_BY
                           for r in node.get_relation_set())
            found.append((role.value_nick, name, labelled))
        for i in range(node.get_child_count()):
            walk(node.get_child_at_index(i), depth + 1, found)
    except GLib.Error as error:
        print(f"# {error}")
    return found


# What a screen reader would say for a control that has no name of its own.
def unnamed(control):
    _role, name, labelled = control
    if labelled and not name:
        return False
    return not name or name.startswith("Gtk") or "_" in name


EXPECTED = {"Open", "Search", "Save", "Main Menu", "Add", "Delete", "Responsible division",
            "Fiscal year shown and edited"}


def controls_of_running_app(kensho, sample):
    """Starts Kensho, waits for its controls to show, returns them."""
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, GTK_A11Y="atspi", NO_AT_BRIDGE="0")
        if APP_G_DEBUG is not None:
            env["G_DEBUG"] = APP_G_DEBUG
        # A copy: opening a sheet puts a lock file beside it.
        copy = os.path.join(tmp, "sheet.xml")
        shutil.copyfile(sample, copy)
        # The app's output goes to a file: a pipe it kept open would keep
        # the test runner waiting after this script is done.
        log = open(os.path.join(tmp, "kensho.log"), "w")
        proc = subprocess.Popen([kensho, "--workspace", os.path.join(tmp, "ws.db"), copy], env=env,
                                stdin=subprocess.DEVNULL, stdout=log, stderr=log)
        try:
            app = find_app("kensho", time.time() + 20)
            if app is None:
                return None
            deadline = time.time() + 20
            controls = []
            while time.time() < deadline and len(controls) < 5:
                time.sleep(0.5)
                controls = walk(app)
            time.sleep(1.0)
            return walk(app)
        finally:
            proc.terminate()
            try:
                proc.wait(10)
            except subprocess.TimeoutExpired:
                print("# Kensho did not quit on SIGTERM within 10 s", file=sys.stderr)
                proc.kill()
                proc.wait()
            log.close()
            with open(os.path.join(tmp, "kensho.log")) as output:
                sys.stderr.write(output.read())


def main():
    kensho, sample = sys.argv[1], sys.argv[2]
    faulthandler.dump_traceback_later(45, exit=True)
    # A peer that does not answer must not stall the walk for 25 s a call.
    Atspi.set_timeout(5000, 15000)
    controls = controls_of_running_app(kensho, sample)
    print("1..3")
    if controls is None:
        print("not ok 1 - Kensho did not appear on the accessibility bus")
        return 1
    print(f"ok 1 - found {len(controls)} controls")
    status = 0
    missing = [c for c in controls if unnamed(c)]
    if missing:
        print(f"not ok 2 - {len(missing)} controls without a proper name: {missing}")
        status = 1
    else:
        print("ok 2 - every control has a name")
    names = {c[1] for c in controls}
    lacking = EXPECTED - names
    if lacking:
        print(f"not ok 3 - controls missing or named otherwise: {sorted(lacking)}")
        status = 1
    else:
        print("ok 3 - the main controls are there by name")
    return status


if __name__ == "__main__":
    sys.exit(main())
