#!/bin/sh
# run-peer.sh [BUILDDIR] [FILE.json] [RUNS]: Tranche against a matplotlib chart of the same data
#
# Both load the same JSON and write a 1920×1080 PNG of the same chart
# (markers sized by amount on a date axis, cumulative line, labels).
#
# First, as an analyst runs them: RUNS (default 5) interleaved runs of the
# whole `tranche --export OUT.png FILE` process against the whole peer
# process (Python, matplotlib's import, load, render, save), wall clock from
# start to exit; prints medians and ranges and the ratio of the medians
# (the goal is 15x at 1k events). Then one in-process run of each, split
# into load and render, as before.
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu

here=$(cd "$(dirname "$0")" && pwd)
build=${1:-"$here/../build"}
file=${2:-"$here/out/events-10k.json"}
runs=${3:-5}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

if [ ! -f "$file" ]; then
  /usr/bin/python3 "$here/generate-dataset.py" "$(dirname "$file")"
fi

# ms OUT COMMAND...: appends to OUT.wall the wall-clock milliseconds COMMAND
# takes, start to exit, and to OUT.cpu its CPU milliseconds (user + system,
# what a busy machine inflates least)
ms () {
  out=$1
  shift
  /usr/bin/time -f "%e %U %S" -o "$out.time" "$@" >/dev/null 2>&1
  awk '{ printf "%.0f\n", $1 * 1000 }' "$out.time" >>"$out.wall"
  awk '{ printf "%.0f\n", ($2 + $3) * 1000 }' "$out.time" >>"$out.cpu"
}

stats () {
  sort -g "$1" | awk '{ v[NR] = $1 } END {
    m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
    printf "%g ms (%g-%g)", m, v[1], v[NR] }'
}

for i in $(seq "$runs"); do
  # Debian's Python, which has python3-matplotlib (not whatever python3 is first on PATH).
  ms "$tmp/peer" /usr/bin/python3 "$here/peer/peer-chart.py" "$file" "$tmp/peer.png"
  ms "$tmp/tranche" "$build/src/tranche" --export "$tmp/tranche.png" "$file"
done
echo "$(basename "$file"), whole processes, $runs interleaved runs, median (range):"
for kind in wall cpu; do
  echo "  $kind: tranche --export $(stats "$tmp/tranche.$kind")" \
    "  matplotlib $(stats "$tmp/peer.$kind")"
  awk -v t="$(stats "$tmp/tranche.$kind" | cut -d' ' -f1)" \
      -v p="$(stats "$tmp/peer.$kind" | cut -d' ' -f1)" \
    'BEGIN { printf "    matplotlib/tranche %.1fx (goal 15x)\n", p / t }'
done

peer=$(/usr/bin/python3 "$here/peer/peer-chart.py" "$file" "$tmp/peer.png")
ours=$("$build/bench/bench-render" --one "$file" "$tmp/tranche.png")
echo "$peer"
echo "$ours"

value () { echo "$1" | sed -n "s/.*$2=\([0-9.]*\).*/\1/p"; }
pl=$(value "$peer" load_ms); pr=$(value "$peer" render_ms)
tl=$(value "$ours" load_ms); tr=$(value "$ours" render_ms)
awk -v pl="$pl" -v pr="$pr" -v tl="$tl" -v tr="$tr" -v f="$(basename "$file")" 'BEGIN {
  printf "%s in process: matplotlib/tranche  total %.1fx  (%.0f ms vs %.0f ms)   render alone %.1fx  (%.0f ms vs %.0f ms)\n",
         f, (pl + pr) / (tl + tr), pl + pr, tl + tr, pr / tr, pr, tr
}'
