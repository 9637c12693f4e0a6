#!/usr/bin/env bash
# build-aux/asan-test.sh [ci]
#
# Builds Tranche in build-asan/ with AddressSanitizer and UndefinedBehavior-
# Sanitizer (float-to-integer overflow included: huge amounts end up as
# pixels) and runs the tests under them: an invalid access, undefined
# behaviour or a leak fails the test it happens in. Leaks that are the
# libraries' own one-time allocations are listed, and only those, in
# build-aux/lsan.supp.
#
# With no argument every suite runs, leaks checked everywhere. With `ci`
# (what build-aux/test.sh runs, to stay within its time budget): every
# display-free suite with leak checks, and of the GUI suite the hostile-input
# window test, without them (see below).
set -euo pipefail
cd "$(dirname "$0")/.."

mode=${1:-all}
build=${ASAN_BUILD_DIR:-build-asan}
if [ ! -f "$build/build.ninja" ]; then
  meson setup "$build" -Dwerror=true -Db_sanitize=address,undefined -Db_lundef=false \
    -Dc_args=-fsanitize=float-cast-overflow -Dc_link_args=-fsanitize=float-cast-overflow \
    >/dev/null
elif ! meson introspect "$build" --buildoptions | grep -q '"name": "werror", "value": true'; then
  meson configure "$build" -Dwerror=true >/dev/null
fi
if ! meson compile -C "$build" > "$build/asan-compile.log" 2>&1; then
  tail -n 40 "$build/asan-compile.log"
  exit 1
fi

asan=detect_leaks=1:abort_on_error=1:detect_stack_use_after_return=1
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$PWD/build-aux/lsan.supp:print_suppressions=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}
# GLib's slice allocator would hide leaks and overflows inside its magazines.
export G_SLICE=always-malloc
run=(meson test -C "$build" --no-rebuild --print-errorlogs --num-processes 2
     --timeout-multiplier 3)

# Without a display, the leaks lsan.supp names are fontconfig's and Pango's,
# recognised by the library a stack starts in: the fast unwinder will do.
# (valgrind's memcheck suite can't run ASan binaries: it runs in the main build.)
# The scaling suite compares times, which the sanitizers distort unevenly.
ASAN_OPTIONS=${ASAN_OPTIONS:-$asan} "${run[@]}" --no-suite gui --no-suite memcheck \
  --no-suite scaling

# GTK's and GIO's one-time allocations are only recognised by functions
# deep in stacks through libraries built without frame pointers: leak checks
# of the GUI need the slow unwinder, at a price on every malloc (the hostile
# window test takes 5 minutes instead of 12 s). In `ci` mode the GUI runs
# for invalid accesses and undefined behaviour only.
if [ "$mode" = ci ]; then
  ASAN_OPTIONS=${ASAN_OPTIONS:-$asan:detect_leaks=0} "${run[@]}" hostile-window
else
  ASAN_OPTIONS=${ASAN_OPTIONS:-$asan:fast_unwind_on_malloc=0:malloc_context_size=30} \
    "${run[@]}" --suite gui
fi
