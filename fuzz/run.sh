#!/usr/bin/env bash
# fuzz/run.sh [SECONDS] [LIBFUZZER-OPTION…]
#
# Builds the loader's libFuzzer target in build-fuzz/ (clang, ASan, UBSan)
# and fuzzes it for SECONDS (default 60), seeded with the test fixtures, the
# samples, the kept regressions and small hostile seeds (fuzz/seeds/). New interesting inputs go to
# fuzz/corpus-run/ (kept between runs, not committed); a crash is written to
# fuzz/crashes/ and the script exits non-zero. FUZZ_JOBS=2 runs two
# processes (libFuzzer's -fork). FUZZ_TARGET=fuzz-json-scan fuzzes the
# first pass (the JSON pre-scan) alone, with its own corpus;
# FUZZ_TARGET=fuzz-document runs random edit sequences through a document;
# FUZZ_TARGET=fuzz-csv-import any bytes through the CSV import.
# See fuzz/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-60}
shift || true
case $seconds in
  ''|*[!0-9]*) echo "usage: fuzz/run.sh [SECONDS] [LIBFUZZER-OPTION…]" >&2; exit 2 ;;
esac
build=${FUZZ_BUILD_DIR:-build-fuzz}
jobs=${FUZZ_JOBS:-1}
target=${FUZZ_TARGET:-fuzz-loader}
case $target in
  fuzz-loader) corpus=fuzz/corpus-run ;;
  fuzz-json-scan) corpus=fuzz/corpus-run-json-scan ;;
  fuzz-document) corpus=fuzz/corpus-run-document ;;
  fuzz-csv-import) corpus=fuzz/corpus-run-csv-import ;;
  *) echo "FUZZ_TARGET is fuzz-loader, fuzz-json-scan, fuzz-document or fuzz-csv-import" >&2
     exit 2 ;;
esac

if [ ! -f "$build/build.ninja" ]; then
  CC=clang meson setup "$build" -Dfuzzing=true -Dbuildtype=debugoptimized >/dev/null
fi
meson compile -C "$build" "$target" >/dev/null

mkdir -p "$corpus" fuzz/crashes
seeds=()
for dir in tests/fixtures data/samples fuzz/regressions fuzz/seeds; do
  [ -d "$dir" ] && seeds+=("$dir")
done

# Leaks are real findings, except the libraries' one-time allocations that
# build-aux/lsan.supp lists. Nothing here opens a display or a session bus.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1}
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$PWD/build-aux/lsan.supp:print_suppressions=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export G_SLICE=always-malloc G_DEBUG=gc-friendly LC_ALL=C.UTF-8 TZ=UTC

options=(
  -max_total_time="$seconds"
  -dict=fuzz/tranche.dict
  -max_len=65536
  -timeout=10
  -rss_limit_mb=2048
  -artifact_prefix=fuzz/crashes/
  -print_final_stats=1
)
# fuzz-document's inputs are edit programs, not files: no JSON seeds or
# dictionary, and short inputs (64 edits at most are read)
if [ "$target" = fuzz-document ]; then
  seeds=()
  options=("${options[@]/-dict=fuzz\/tranche.dict/-max_len=512}")
  options=("${options[@]/-max_len=65536/-use_value_profile=0}")
fi
# fuzz-csv-import reads spreadsheets: the CSV fixtures as seeds (a first byte
# of options before each, so they are seeded as files prefixed by it), and
# the headers and value forms as words
if [ "$target" = fuzz-csv-import ]; then
  seeds=(fuzz/seeds-csv)
  options=("${options[@]/-dict=fuzz\/tranche.dict/-dict=fuzz/csv.dict}")
fi
if [ "$jobs" -gt 1 ]; then
  options+=(-fork="$jobs" -ignore_crashes=0)
fi

exec "$build/fuzz/$target" "${options[@]}" "$@" "$corpus" "${seeds[@]}"
