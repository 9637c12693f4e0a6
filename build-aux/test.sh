#!/usr/bin/env bash
# Installs dependencies, builds, and runs every test. The last lines are meson's
# summary of the whole suite.
set -euo pipefail
here=$(dirname "$0")
cd "$here/.."
build-aux/install-deps.sh
build-aux/build.sh
meson test -C build --print-errorlogs --num-processes 2
