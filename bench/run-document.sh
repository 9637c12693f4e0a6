#!/bin/sh
# run-document.sh [BUILDDIR] [SIZE]: edit one event of a generated file and save it
#
# Generates bench/out/events-SIZE.json (default 100k) if missing and runs
# bench-document on it, which prints Tranche's edit, save and undo times
# beside `cp` and Python's json.load + dump of the same file.
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu

here=$(cd "$(dirname "$0")" && pwd)
build=${1:-"$here/../build"}
size=${2:-100k}
file="$here/out/events-$size.json"

if [ ! -f "$file" ]; then
  python3 "$here/generate-dataset.py" "$here/out" --sizes "$size"
fi
mkdir -p "$here/out/document"
"$build/bench/bench-document" "$file" "$here/out/document"
