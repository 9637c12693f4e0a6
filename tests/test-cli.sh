#!/bin/sh
# test-cli.sh TRANCHE FIXTURES: `tranche --check` exit codes and output
#
# 0 when a file loads cleanly, 1 when it has errors (each printed as
# FILE:LINE:COL: error: PATH: message, then a summary), 2 when it can't be read.

tranche=$1
# meson passes the binary relative to the build dir; the checks run elsewhere
case $tranche in
  /*) ;;
  *) tranche=$PWD/$tranche ;;
esac
fixtures=$2
failures=0

fail () {
  echo "not ok: $*"
  failures=$((failures + 1))
}

# run FILE...: sets $status, $out and $err
run () {
  "$tranche" --check "$@" > "$tmp/out" 2> "$tmp/err"
  status=$?
  out=$(cat "$tmp/out")
  err=$(cat "$tmp/err")
}

expect_status () {
  [ "$status" -eq "$1" ] || fail "$2: exit status $status, expected $1"
}

expect_in () {
  case "$1" in
    *"$2"*) ;;
    *) fail "$3: expected to find '$2' in: $1" ;;
  esac
}

tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
cd "$fixtures" || exit 1

run good.json
expect_status 0 good
expect_in "$out" "good.json: 5 events loaded, 0 left out, 0 errors, 0 warnings" good
[ -z "$err" ] || fail "good: nothing expected on stderr, got: $err"

run contract-errors.json
expect_status 1 contract-errors
expect_in "$err" "contract-errors.json:6:24: error: events[1].date: expected a date like" contract
expect_in "$err" "contract-errors.json:12:6: error: events[3].amount: " contract
expect_in "$err" "contract-errors.json:13:40: error: events[4].kind: " contract
expect_in "$err" "contract-errors.json:14:79: warning: events[5].investors[0]: " contract
# amounts of 1 to 3 units: --check asks whether millions were meant
expect_in "$err" "contract-errors.json:5: warning: events[0].amount: event “ok-1” (Fine) has an amount of \$1" contract
expect_in "$err" "did you mean millions?" contract
expect_in "$out" "contract-errors.json: 3 events loaded, 3 left out, 3 errors, 4 warnings" contract
[ "$(printf '%s\n' "$out" | grep -c 'events loaded')" -eq 1 ] \
  || fail "contract: the summary must be printed once"

run syntax-error.json
expect_status 1 syntax
expect_in "$err" "syntax-error.json:4:31: error: a comma before" syntax
[ "$(printf '%s\n' "$err" | wc -l)" -eq 1 ] || fail "syntax: one error expected, got: $err"
expect_in "$out" "syntax-error.json: not loaded (1 error)" syntax

run version-2.json
expect_status 1 version
expect_in "$err" "version-2.json:1:2: error: tranche: format version 2" version

run does-not-exist.json
expect_status 2 missing
expect_in "$err" "does-not-exist.json: error: " missing

run good.json does-not-exist.json contract-errors.json
expect_status 2 several

if [ -n "$TRANCHE_SOURCE_ROOT" ]; then
  run "$TRANCHE_SOURCE_ROOT/data/samples/microsoft-openai.json"
  expect_status 0 sample
fi

# Started without G_SLICE, tranche starts itself again with malloc'd slices
# (tranche-allocator.h): the second start must get the same arguments and work.
status=0
out=$(env -u G_SLICE "$tranche" --check good.json 2> "$tmp/err") || status=$?
expect_status 0 restart
expect_in "$out" "good.json: 5 events loaded" restart
[ "$(printf '%s\n' "$out" | grep -c 'events loaded')" -eq 1 ] \
  || fail "restart: the check must run once, got: $out"

if [ "$failures" -gt 0 ]; then
  echo "$failures check(s) failed"
  exit 1
fi
echo "all checks passed"
