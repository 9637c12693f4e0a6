#!/usr/bin/env bash
# Configures (once) and builds Tranche in ./build, with warnings as errors:
# on Debian 12, the reference, the build has none, and a new one is a bug.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f build/build.ninja ]; then
  meson setup build -Dwerror=true
elif ! meson introspect build --buildoptions | grep -q '"name": "werror", "value": true'; then
  meson configure build -Dwerror=true
fi
meson compile -C build
