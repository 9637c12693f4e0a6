#!/usr/bin/env bash
# Installs what running needs (not the test toolchain), builds, and runs
# Tranche (with no FILE: the bundled sample).
set -euo pipefail
here=$(dirname "$0")
"$here/install-deps.sh" run
"$here/build.sh"
exec "$here/../build/src/tranche" "$@"
