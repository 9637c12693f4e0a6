#!/usr/bin/env bash
# Runs the AT-SPI test: like build-aux/xvfb-test.sh (its own virtual display
# and session bus, renderer and backend pinned), but with accessibility on —
# that wrapper turns it off for the widget tests. The session bus starts the
# accessibility bus (at-spi-bus-launcher) when the test first asks for it.
# Exits 77 (skipped) only when a display, a session bus or Debian's Python
# can't be had, and not in CI (CI=true), where that fails; everything else is
# the test's own verdict.
set -u
here=$(cd "$(dirname "$0")" && pwd)
for tool in xvfb-run dbus-run-session /usr/bin/python3; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    if [ "${CI:-}" = true ]; then
      echo "FAIL: $tool is not installed (CI=true: the AT-SPI test must run)"
      exit 1
    fi
    echo "SKIP: $tool is not installed (build-aux/install-deps.sh test installs it)"
    exit 77
  fi
done
# The test to run: test-atspi.py, or the script named first (test-atspi-edit.py).
script=test-atspi.py
case ${1:-} in
  *.py) script=$1; shift ;;
esac
export GSK_RENDERER=cairo GDK_BACKEND=x11 GTK_A11Y=atspi
unset NO_AT_BRIDGE WAYLAND_DISPLAY
exec xvfb-run -a -s "-screen 0 1600x1000x24 -nolisten tcp" \
  dbus-run-session -- /usr/bin/python3 "$here/$script" "$@"
