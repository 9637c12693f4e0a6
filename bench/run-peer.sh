#!/bin/sh
# run-peer.sh [BUILDDIR] [FILE.json]: Tranche against a matplotlib chart of the same data
#
# Both load the same JSON and write a 1920×1080 PNG of the same chart
# (markers sized by amount on a date axis, cumulative line, labels). Prints
# each side's load and render times and the ratios: how many times slower
# the peer is overall, and for rendering alone.
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu

here=$(cd "$(dirname "$0")" && pwd)
build=${1:-"$here/../build"}
file=${2:-"$here/out/events-10k.json"}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

if [ ! -f "$file" ]; then
  /usr/bin/python3 "$here/generate-dataset.py" "$(dirname "$file")"
fi

# Debian's Python, which has python3-matplotlib (not whatever python3 is first on PATH).
peer=$(/usr/bin/python3 "$here/peer/peer-chart.py" "$file" "$tmp/peer.png")
ours=$("$build/bench/bench-render" --one "$file" "$tmp/tranche.png")
echo "$peer"
echo "$ours"

value () { echo "$1" | sed -n "s/.*$2=\([0-9.]*\).*/\1/p"; }
pl=$(value "$peer" load_ms); pr=$(value "$peer" render_ms)
tl=$(value "$ours" load_ms); tr=$(value "$ours" render_ms)
awk -v pl="$pl" -v pr="$pr" -v tl="$tl" -v tr="$tr" -v f="$(basename "$file")" 'BEGIN {
  printf "%s: matplotlib/tranche  total %.1fx  (%.0f ms vs %.0f ms)   render alone %.1fx  (%.0f ms vs %.0f ms)\n",
         f, (pl + pr) / (tl + tr), pl + pr, tl + tr, pr / tr, pr, tr
}'
