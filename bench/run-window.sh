#!/bin/sh
# run-window.sh [BUILDDIR] [FILE.json] [RUNS]: a file in the window beside `tranche --check`
#
# Interleaves RUNS (default 3) runs of each: bench-window (under its own
# Xvfb, as the GUI tests run) opens FILE in a window and reports the time to
# the first frame with the charts, the longest main-loop stall and its peak
# memory; `tranche --check FILE` is timed with its peak memory by
# /usr/bin/time. The stall on a busy machine includes time the main
# thread waited for a core; busy_ms is the main thread's own work between
# two timer runs, which that does not inflate. Prints every run, then medians and ranges and the ratios
# the window is held to (time and memory within 1.1x and 1.2x of --check).
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu

here=$(cd "$(dirname "$0")" && pwd)
build=${1:-"$here/../build"}
file=${2:-"$here/out/events-1m.json"}
runs=${3:-3}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export GSK_RENDERER=cairo GDK_BACKEND=x11 GTK_A11Y=none NO_AT_BRIDGE=1 GSETTINGS_BACKEND=memory
unset WAYLAND_DISPLAY

for i in $(seq "$runs"); do
  xvfb-run -a -s "-screen 0 1600x1000x24 -nolisten tcp" \
    "$build/bench/bench-window" "$file" | tee -a "$tmp/window"
  /usr/bin/time -f "check seconds %e peak_rss_mib %M" "$build/src/tranche" --check "$file" \
    2>&1 >/dev/null | awk '{ $5 = sprintf ("%.1f", $5 / 1024); print }' | tee -a "$tmp/check"
done

# stats FIELD FILE: "median (min–max)" of FIELD over the runs
stats () {
  awk -v f="$1" '{ for (i = 1; i < NF; i++) if ($i == f) print $(i + 1) }' "$2" | sort -g |
    awk '{ v[NR] = $1 } END { m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2;
           printf "%g (%g-%g)", m, v[1], v[NR] }'
}
median () { stats "$1" "$2" | cut -d' ' -f1; }

echo "$(basename "$file"), $runs interleaved runs, median (range):"
echo "  window: first frame $(stats first_frame_s "$tmp/window") s," \
  "longest stall $(stats stall_ms "$tmp/window") ms" \
  "(after the first frame $(stats stall_after_ms "$tmp/window") ms;" \
  "its own work at most $(stats busy_ms "$tmp/window") ms of CPU:" \
  "$(stats swap_cpu_ms "$tmp/window") ms taking the dataset," \
  "$(stats frame_cpu_ms "$tmp/window") ms the frames up to both charts, a view a frame)," \
  "peak $(stats peak_rss_mib "$tmp/window") MiB"
echo "  --check: $(stats seconds "$tmp/check") s, peak $(stats peak_rss_mib "$tmp/check") MiB"
awk -v wt="$(median first_frame_s "$tmp/window")" -v ct="$(median seconds "$tmp/check")" \
    -v wm="$(median peak_rss_mib "$tmp/window")" -v cm="$(median peak_rss_mib "$tmp/check")" \
  'BEGIN { printf "  window/--check: time %.2fx (goal 1.1x), memory %.2fx (goal 1.2x)\n",
           wt / ct, wm / cm }'
