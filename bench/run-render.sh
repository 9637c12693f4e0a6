#!/bin/sh
# run-render.sh [BUILDDIR]: timeline frame and PNG export times at 1920×1080
#
# Uses the generated datasets in bench/out/ (made by generate-dataset.py, run
# here when they are missing); with GENERATE=0 and no datasets it falls back
# to synthetic events built in memory.
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu

here=$(cd "$(dirname "$0")" && pwd)
build=${1:-"$here/../build"}
bench="$build/bench/bench-render"
out="$here/out"

if [ ! -x "$bench" ]; then
  echo "run-render.sh: $bench is missing; build first (ninja -C $build bench/bench-render)" >&2
  exit 2
fi

if [ "${GENERATE:-1}" = 1 ] && [ ! -f "$out/events-1m.json" ]; then
  /usr/bin/python3 "$here/generate-dataset.py" "$out"
fi

set --
for size in 1k 10k 100k 1m; do
  if [ -f "$out/events-$size.json" ]; then
    set -- "$@" "$out/events-$size.json"
  fi
done

# "whole": the dataset's full range; "1 year": zoomed into one year.
# Frames must stay under 16 ms; png is write-to-file after layout.
exec "$bench" --frames "${FRAMES:-20}" "$@"
