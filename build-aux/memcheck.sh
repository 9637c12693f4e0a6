#!/usr/bin/env bash
# build-aux/memcheck.sh STATUS COMMAND [ARG…]
#
# Runs COMMAND under valgrind's memcheck and passes when it exits with STATUS
# and valgrind saw no invalid access, no use of uninitialised memory and no
# definite leak. Only the libraries' own one-time allocations are suppressed
# (build-aux/valgrind.supp). The 'memcheck' suite of `meson test` runs
# `tranche --check` and `tranche --export` through it.
set -u
if ! command -v valgrind >/dev/null 2>&1; then
  echo "valgrind is not installed: skipped"
  exit 77
fi
expected=$1
shift
here=$(cd "$(dirname "$0")" && pwd)

# GLib's slice allocator keeps freed blocks for reuse, which valgrind would
# see as leaks or miss as overruns; gc-friendly clears what is freed.
export G_SLICE=always-malloc
export G_DEBUG=${G_DEBUG:-gc-friendly}

valgrind --tool=memcheck --error-exitcode=99 --leak-check=full \
  --show-leak-kinds=definite --errors-for-leak-kinds=definite \
  --track-origins=yes --num-callers=30 \
  --suppressions="$here/valgrind.supp" --gen-suppressions=all \
  "$@"
status=$?
if [ "$status" -eq 99 ]; then
  echo "memcheck: valgrind found errors or definite leaks (above)"
  exit 1
fi
if [ "$status" -ne "$expected" ]; then
  echo "memcheck: exit status $status, expected $expected"
  exit 1
fi
echo "memcheck: clean, exit status $status"
