#!/usr/bin/python3
"""The event form filled through the accessibility tree, as a screen reader user would.

Starts the built tranche on an empty dataset (a copy in a temporary folder), presses
the "New Event" button of its "No Events Yet" page, and fills the New Event dialog
field by field, found by their accessible names: title, date, target, an investor,
and the amount (a new event's amount is an exact figure). Before the amount is
given, the dialog reads out the loader's message about it; once it is, the message
is gone. "Add" puts the event in the window, whose title then marks unsaved changes,
and whose Event Details panel shows the event.

Usage: test-atspi-edit.py TRANCHE_BINARY   (run-atspi.sh sets up the display and
buses). Exit status: 0 pass, 1 fail, 77 skip (AT-SPI can't be started).
"""

import importlib.util
import os
import shutil
import subprocess
import sys
import tempfile

here = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("atspi_common", os.path.join(here, "test-atspi.py"))
common = importlib.util.module_from_spec(spec)
spec.loader.exec_module(common)
pyatspi = common.pyatspi
fail, log, wait_for, find_all, find_one = (common.fail, common.log, common.wait_for,
                                           common.find_all, common.find_one)

TITLE = "Seed round led by Big Fund"
EMPTY = '{\n  "tranche": 1,\n  "title": "Accessible",\n  "events": []\n}\n'


def named(name):
    """Accessible names here are the label, sometimes followed by the same again."""
    return lambda a: a is not None and (a.name == name or a.name == f"{name} {name}"
                                        or a.name.replace("_", "").startswith(name + " "))


def editable(root, name):
    return find_one(f"the field '{name}'", root,
                    lambda a: named(name)(a) and "EditableText" in pyatspi.listInterfaces(a))


def type_into(root, name, text):
    field = editable(root, name)
    if not field.queryEditableText().setTextContents(text):
        fail(f"'{name}' refused its text")
    wait_for(f"'{name}' to read '{text}'", lambda: common.text_of(field) == text)


def labels_under(root):
    return [common.text_of(a) for a in find_all(
        root, lambda a: a.getRole() == pyatspi.ROLE_LABEL and common.on_screen(a))]


def main():
    if len(sys.argv) != 2:
        fail("usage: test-atspi-edit.py TRANCHE_BINARY")
    binary = os.path.abspath(sys.argv[1])
    launcher = common.start_atspi()
    home = tempfile.mkdtemp(prefix="tranche-atspi-edit-")
    dataset = os.path.join(home, "empty.json")
    with open(dataset, "w", encoding="utf-8") as f:
        f.write(EMPTY)
    env = dict(os.environ)
    env.update(GTK_A11Y="atspi", GSETTINGS_BACKEND="memory", LC_ALL="C.UTF-8", LANGUAGE="",
               XDG_DATA_HOME=os.path.join(home, "data"),
               XDG_CONFIG_HOME=os.path.join(home, "config"),
               XDG_CACHE_HOME=os.path.join(home, "cache"),
               XDG_STATE_HOME=os.path.join(home, "state"))
    env.pop("NO_AT_BRIDGE", None)
    app_process = subprocess.Popen([binary, dataset], env=env)
    try:
        def app_or_exit():
            if app_process.poll() is not None:
                fail(f"tranche exited with status {app_process.returncode}")
            return common.find_app(app_process.pid)

        app = wait_for("tranche in the accessibility tree", app_or_exit)
        window = find_one("the window with the empty dataset", app,
                          lambda a: a.getRole() == pyatspi.ROLE_FRAME and a.name == "Accessible")
        button = find_one("the New Event button", window,
                          lambda a: a.getRole() == pyatspi.ROLE_PUSH_BUTTON
                          and named("New Event")(a) and common.on_screen(a))
        common.do_action(button, "click")
        dialog = wait_for("the New Event dialog",
                          lambda: next((w for w in app if w is not None
                                        and w.name == "New Event"), None))
        log("the New Event dialog is open")

        type_into(dialog, "Title", TITLE)
        type_into(dialog, "Date (2021, 2021-Q3, 2021-07 or 2021-07-14)", "2024-03")
        type_into(dialog, "Target", "Acme")
        common.do_action(find_one("the Add Investor button", dialog, named("Add Investor")),
                         "click")
        type_into(dialog, "Investor", "Big Fund")

        # An investment needs its amount: the loader says so, in the dialog
        # ("missing: give a value, a min and a max, or "disclosed": false").
        def amount_message():
            return next((t for t in labels_under(dialog) if t.startswith("missing")
                         and "value" in t), None)

        message = wait_for("the loader's message about the missing amount", amount_message)
        log(f"the dialog reads: {message}")

        type_into(dialog, "Value (1.25B, 300M…)", "2M")
        wait_for("the amount message to go", lambda: amount_message() is None)
        log("the form has no problem left")

        common.do_action(find_one("the Add button", dialog,
                                  lambda a: a.getRole() == pyatspi.ROLE_PUSH_BUTTON
                                  and named("Add")(a)), "click")
        wait_for("the window title to mark unsaved changes",
                 lambda: window.name.startswith("• "))
        panel = find_one("the Event Details panel", window,
                         lambda a: a.name == "Event Details" and a.getRole() == pyatspi.ROLE_PANEL)
        wait_for("the new event in the panel", lambda: TITLE in common.texts_under(panel))
        log("PASS")
    finally:
        app_process.terminate()
        try:
            app_process.wait(10)
        except subprocess.TimeoutExpired:
            app_process.kill()
        if launcher is not None:
            launcher.terminate()
        shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    main()
