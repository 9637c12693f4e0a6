#!/bin/sh
# run-load.sh [BUILDDIR] [SIZES]: the load benchmark, one table row per size
#
# Generates the datasets into bench/out/ when missing (1M events is about
# 300 MB and takes a minute to write), then loads each with Tranche's loader
# (bench-load, built in BUILDDIR, default build/) and with Python's json.load
# for reference. Each figure is the best of RUNS runs (default 3): on a
# shared machine the fastest run is the one least disturbed.
#
# SPDX-License-Identifier: GPL-3.0-or-later

set -e
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
builddir=${1:-$root/build}
sizes=${2:-1k 10k 100k 1m}
runs=${RUNS:-3}
out=${BENCH_OUT:-$here/out}
bench=$builddir/bench/bench-load

if [ ! -x "$bench" ]; then
  echo "no $bench: build it first (ninja -C $builddir bench/bench-load)" >&2
  exit 1
fi

for size in $sizes; do
  python3 "$here/generate-dataset.py" "$out" --sizes "$size"
done

# best FIELD COMMAND...: the smallest value of FIELD over $runs runs
best () {
  field=$1
  shift
  for i in $(seq "$runs"); do
    "$@" | awk -v f="$field" '{ for (i = 1; i < NF; i++) if ($i == f) print $(i + 1) }'
  done | sort -g | head -n 1
}

printf '%-6s %10s %8s | %12s %8s | %12s %8s\n' size MB events "tranche s" MiB "json.load s" MiB
for size in $sizes; do
  file=$out/events-$size.json
  mb=$(awk -v b="$(wc -c < "$file")" 'BEGIN { printf "%.1f", b / 1e6 }')
  events=$("$bench" "$file" | awk '{ print $2 }')
  t_s=$(best seconds "$bench" "$file")
  t_mib=$(best peak_rss_mib "$bench" "$file")
  p_s=$(best seconds python3 "$here/load-python.py" "$file")
  p_mib=$(best peak_rss_mib python3 "$here/load-python.py" "$file")
  printf '%-6s %10s %8s | %12s %8s | %12s %8s\n' "$size" "$mb" "$events" "$t_s" "$t_mib" \
    "$p_s" "$p_mib"
done
