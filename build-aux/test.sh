#!/usr/bin/env bash
# Installs every dependency (the test toolchain too), builds with warnings as
# errors, and runs every test. The last lines are meson's summary of the
# whole suite.
set -euo pipefail
here=$(dirname "$0")
cd "$here/.."
build-aux/install-deps.sh test
build-aux/build.sh
# The tests again in build-asan/, under AddressSanitizer and UndefinedBehavior-
# Sanitizer, leaks included (build-aux/asan-test.sh says which run in CI).
build-aux/asan-test.sh ci
# Then the main build's suite, valgrind's memcheck suite included: its
# summary is what the output ends with.
meson test -C build --print-errorlogs --num-processes 2
