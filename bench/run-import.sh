#!/bin/sh
# run-import.sh [BUILDDIR] [ROWS]: the CSV import against Python's csv module
#
# Generates a Crunchbase-style export of ROWS rows (default 100000) into
# bench/out/, imports it with Tranche's import (bench-import: read, convert,
# write the JSON) and with the same conversion in Python (peer/import-python.py),
# and prints both figures, best of RUNS runs (default 3). The goal is under
# 2 s for 100k rows.
#
# SPDX-License-Identifier: GPL-3.0-or-later

set -e
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
builddir=${1:-$root/build}
rows=${2:-100000}
runs=${RUNS:-3}
out=${BENCH_OUT:-$here/out}
bench=$builddir/bench/bench-import
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

if [ ! -x "$bench" ]; then
  echo "no $bench: build it first (ninja -C $builddir bench/bench-import)" >&2
  exit 1
fi
mkdir -p "$out"
file=$out/funding-rounds-$rows.csv
[ -f "$file" ] || /usr/bin/python3 "$here/generate-csv.py" "$file" "$rows"

# best FIELD COMMAND...: the smallest value of FIELD over $runs runs
best () {
  field=$1
  shift
  for i in $(seq "$runs"); do
    "$@" | awk -v f="$field" '{ for (i = 1; i < NF; i++) if ($i == f) print $(i + 1) }'
  done | sort -g | head -n 1
}

# as tranche runs itself (tranche-allocator.h)
ours=$(export G_SLICE=always-malloc; best seconds "$bench" "$file" "$tmp/tranche.json")
peer=$(best seconds /usr/bin/python3 "$here/peer/import-python.py" "$file" "$tmp/python.json")
mb=$(du -m "$file" | cut -f1)
printf '%s: %s rows, %s MB\n' "$(basename "$file")" "$rows" "$mb"
printf '  tranche import  %6.2f s\n  python csv      %6.2f s   (%.1fx tranche)\n' \
  "$ours" "$peer" "$(echo "$peer $ours" | awk '{ print $1 / $2 }')"
