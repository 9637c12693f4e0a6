#!/usr/bin/env bash
# Installs dependencies, builds, and runs Tranche (with no FILE: the bundled sample).
set -euo pipefail
here=$(dirname "$0")
"$here/install-deps.sh"
"$here/build.sh"
exec "$here/../build/src/tranche" "$@"
