#!/usr/bin/python3
"""Tranche driven through the accessibility tree, as a screen reader user would.

Starts the built tranche (no file: it opens the sample), finds its window over
AT-SPI, switches to the Table view with the view switcher's "Table" button,
selects the row of "Microsoft invests $1B in OpenAI" through the list's
Selection interface, then reads the Event Details panel's text and checks that
it holds the event's title and its quote.

Usage: test-atspi.py TRANCHE_BINARY   (tests/atspi/run-atspi.sh sets up the
display and buses). Exit status: 0 pass, 1 fail, 77 skip — only when AT-SPI
itself can't be started (no client library, no accessibility bus, no
registry). Waits are for conditions, with a deadline; none is an assertion.
"""

import os
import shutil
import subprocess
import sys
import tempfile
import time

SKIP = 77
TIMEOUT = 60  # seconds, per wait; a condition that holds returns at once
TITLE = "Microsoft invests $1B in OpenAI"
QUOTE = "investissements précédents de Microsoft de 1 milliard de dollars en 2019"


def log(message):
    print(message, flush=True)


def fail(message):
    log("FAIL: " + message)
    sys.exit(1)


def skip(message):
    log("SKIP: " + message)
    sys.exit(SKIP)


try:
    import gi

    gi.require_version("Atspi", "2.0")
    from gi.repository import Gio, GLib  # noqa: E402
    import pyatspi  # noqa: E402
except (ImportError, ValueError) as error:
    skip(f"no AT-SPI client library ({error}); install python3-pyatspi gir1.2-atspi-2.0")


def wait_for(what, condition, timeout=TIMEOUT):
    """Polls `condition` until it returns something true; fails naming `what`."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            result = condition()
        except GLib.Error:
            result = None  # an object went away while we looked: look again
        if result:
            return result
        if time.monotonic() > deadline:
            fail(f"timed out waiting for {what}")
        time.sleep(0.1)


# The accessibility bus and registry.


def session_call(bus, name, path, interface, method, reply_type):
    return bus.call_sync(name, path, interface, method, None,
                         GLib.VariantType(reply_type) if reply_type else None,
                         Gio.DBusCallFlags.NONE, 10000, None)


def a11y_bus_address(session):
    try:
        return session_call(session, "org.a11y.Bus", "/org/a11y/bus", "org.a11y.Bus",
                            "GetAddress", "(s)").unpack()[0]
    except GLib.Error:
        return None


def start_atspi():
    """Makes sure the accessibility bus and its registry run; skips if they can't."""
    try:
        session = Gio.bus_get_sync(Gio.BusType.SESSION, None)
    except GLib.Error as error:
        skip(f"no session bus: {error.message}")
    address = a11y_bus_address(session)  # normally starts at-spi-bus-launcher
    launcher = None
    if not address:
        for path in ("/usr/libexec/at-spi-bus-launcher",
                     "/usr/lib/at-spi2-core/at-spi-bus-launcher"):
            if os.access(path, os.X_OK):
                launcher = subprocess.Popen([path, "--launch-immediately"])
                break
        deadline = time.monotonic() + 20
        while not address and time.monotonic() < deadline:
            time.sleep(0.2)
            address = a11y_bus_address(session)
    if not address:
        skip("the accessibility bus (org.a11y.Bus) can't be started")
    try:
        flags = (Gio.DBusConnectionFlags.AUTHENTICATION_CLIENT
                 | Gio.DBusConnectionFlags.MESSAGE_BUS_CONNECTION)
        a11y = Gio.DBusConnection.new_for_address_sync(address, flags, None, None)
        session_call(a11y, "org.a11y.atspi.Registry", "/org/a11y/atspi/accessible/root",
                     "org.freedesktop.DBus.Peer", "Ping", None)
    except GLib.Error as error:
        skip(f"the AT-SPI registry does not answer: {error.message}")
    return launcher


# The tree.


def find_all(root, predicate):
    return pyatspi.utils.findAllDescendants(root, predicate)


def on_screen(accessible):
    """GTK 4.8 does not set SHOWING; what is not laid out has no size."""
    try:
        return accessible.queryComponent().getExtents(pyatspi.WINDOW_COORDS).width > 0
    except NotImplementedError:
        return False


def text_of(accessible):
    text = accessible.queryText()
    return text.getText(0, text.characterCount)


def texts_under(root):
    return [text_of(a) for a in find_all(root, lambda a: "Text" in pyatspi.listInterfaces(a)
                                         and on_screen(a))]


def find_app(pid):
    desktop = pyatspi.Registry.getDesktop(0)
    for app in desktop:
        if app is not None and app.get_process_id() == pid:
            return app
    return None


def find_one(what, root, predicate):
    return wait_for(what, lambda: next(iter(find_all(root, predicate)), None))


def do_action(accessible, name):
    action = accessible.queryAction()
    names = [action.getName(i) for i in range(action.nActions)]
    if name not in names:
        fail(f"{accessible.getRoleName()} '{accessible.name}' has no '{name}' action ({names})")
    if not action.doAction(names.index(name)):
        fail(f"'{name}' on {accessible.getRoleName()} '{accessible.name}' failed")


def main():
    if len(sys.argv) != 2:
        fail("usage: test-atspi.py TRANCHE_BINARY")
    binary = os.path.abspath(sys.argv[1])
    launcher = start_atspi()

    home = tempfile.mkdtemp(prefix="tranche-atspi-")
    env = dict(os.environ)
    env.update(GTK_A11Y="atspi", GSETTINGS_BACKEND="memory", LC_ALL="C.UTF-8", LANGUAGE="",
               XDG_DATA_HOME=os.path.join(home, "data"),
               XDG_CONFIG_HOME=os.path.join(home, "config"),
               XDG_CACHE_HOME=os.path.join(home, "cache"))
    env.pop("NO_AT_BRIDGE", None)
    app_process = subprocess.Popen([binary], env=env)
    try:
        def app_or_exit():
            if app_process.poll() is not None:
                fail(f"tranche exited with status {app_process.returncode}")
            return find_app(app_process.pid)

        app = wait_for("tranche in the accessibility tree", app_or_exit)
        log(f"found application '{app.name}' (pid {app_process.pid})")
        window = find_one("the window with the sample open", app,
                          lambda a: a.getRole() == pyatspi.ROLE_FRAME
                          and a.name == "Microsoft and OpenAI")
        panel = find_one("the Event Details panel", window,
                         lambda a: a.name == "Event Details" and a.getRole() == pyatspi.ROLE_PANEL)
        texts = texts_under(panel)
        if TITLE in texts or QUOTE in texts:
            fail(f"the panel shows the event before it was picked: {texts}")

        # The view switcher's Table button (the header shows one switcher of
        # several sizes; the one on screen is the one a user would press).
        table_tab = find_one("the view switcher's Table button", window,
                             lambda a: a.getRole() == pyatspi.ROLE_PAGE_TAB
                             and a.name == "Table" and on_screen(a))
        do_action(table_tab, "click")
        table = find_one("the Events table on screen", window,
                         lambda a: a.getRole() == pyatspi.ROLE_TREE_TABLE
                         and a.name == "Events" and on_screen(a))
        log("switched to the Table view")

        # The rows are a list with the Selection interface; pick the event's.
        rows = find_one("the table's rows", table,
                        lambda a: a.getRole() == pyatspi.ROLE_LIST
                        and "Selection" in pyatspi.listInterfaces(a) and a.childCount > 0)

        def row_index():
            for i, row in enumerate(rows):
                if row is not None and TITLE in [text_of(a) for a in find_all(
                        row, lambda a: "Text" in pyatspi.listInterfaces(a))]:
                    return i + 1  # so that row 0 is true
            return None

        index = wait_for(f"the row of '{TITLE}'", row_index) - 1
        selection = rows.querySelection()
        if not selection.selectChild(index):
            fail(f"selecting row {index} was refused")
        wait_for("the row to be selected", lambda: selection.isChildSelected(index))
        log(f"selected row {index}")

        # The panel now tells where the event's figures come from.
        texts = wait_for("the event's title and quote in the panel",
                         lambda: (lambda t: t if TITLE in t and QUOTE in t else None)(
                             texts_under(panel)))
        log("the panel reads: " + " | ".join(t for t in texts if t))
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
