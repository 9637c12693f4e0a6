#!/usr/bin/env bash
# Runs one GUI test in its own virtual display and session bus, with the
# renderer and backend pinned so pixels and timing don't depend on the host.
# Without xvfb-run the test is reported as skipped (exit 77), never failed.
set -u
if ! command -v xvfb-run >/dev/null 2>&1; then
  echo "1..0 # SKIP xvfb-run is not installed"
  exit 0
fi
export GSK_RENDERER=cairo GDK_BACKEND=x11 GTK_A11Y=${GTK_A11Y:-none}
export NO_AT_BRIDGE=${NO_AT_BRIDGE:-1}
unset WAYLAND_DISPLAY
runner=()
if command -v dbus-run-session >/dev/null 2>&1; then
  runner=(dbus-run-session --)
fi
exec xvfb-run -a -s "-screen 0 1600x1000x24 -nolisten tcp" "${runner[@]}" "$@"
