#!/usr/bin/env bash
# Runs one GUI test in its own virtual display and session bus, with the
# renderer and backend pinned so pixels and timing don't depend on the host.
#
# Without xvfb-run: in CI (CI=true, as CI services set it) that is a failure,
# so the GUI suite can't pass by not running; elsewhere the test reports
# itself skipped, which meson counts and shows in its summary. The tests
# speak TAP, where meson reads exit 77 as an error, so the skip is a TAP plan
# with no tests and a SKIP directive, and exit 0.
set -u
if ! command -v xvfb-run >/dev/null 2>&1; then
  if [ "${CI:-}" = true ]; then
    echo "Bail out! xvfb-run is not installed (CI=true: the GUI tests must run;" \
      "build-aux/install-deps.sh test installs it)"
    exit 1
  fi
  echo "1..0 # SKIP xvfb-run is not installed (build-aux/install-deps.sh test installs it)"
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
