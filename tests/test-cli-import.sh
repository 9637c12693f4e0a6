#!/bin/sh
# test-cli-import.sh TRANCHE FIXTURES: `tranche --import` and `--export *.csv`
#
# 0 when written, 1 when rows were left out (or the CSV can't be read: then
# nothing is written), 2 for options that can't work; problems print as
# FILE:ROW:COL like --check, and a table export imports back the same.

tranche=$(realpath "$1")
fixtures=$(realpath "$2")
failures=0

fail () {
  echo "not ok: $*"
  failures=$((failures + 1))
}

# run ARGS...: sets $status, $out and $err
run () {
  "$tranche" "$@" > "$tmp/out" 2> "$tmp/err"
  status=$?
  err=$(cat "$tmp/err")
  out=$(cat "$tmp/out")
}

expect_status () {
  [ "$status" -eq "$1" ] || fail "$2: exit status $status, expected $1 ($err)"
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

run --help
expect_status 0 help
for option in --import --map --currency --date-order --into; do
  expect_in "$out" "$option" "help lists $option"
done

run --import crunchbase.csv -o "$tmp/cb.json"
expect_status 0 "crunchbase"
expect_in "$out" "5 events imported" "crunchbase count"
expect_in "$(cat "$tmp/cb.json")" '"currency" : "EUR"' "crunchbase keeps the native currency"
run --check "$tmp/cb.json"
expect_status 0 "the imported crunchbase file checks"
expect_in "$out" "5 events loaded" "crunchbase loads every event"
expect_in "$out$err" "0 errors" "crunchbase loads with no error"

run --import french-excel.csv --currency EUR -o "$tmp/fr.json"
expect_status 0 "french excel"
expect_in "$(cat "$tmp/fr.json")" '"value" : 1250000000' "1,25 Md€"

# Rows with problems: each named by row and column, the others written.
run --import errors.csv -o "$tmp/errors.json"
expect_status 1 "errors"
expect_in "$err" "errors.csv:2:3: error: " "bad amount at its cell"
expect_in "$err" "errors.csv:7:5: error: " "bad kind at its cell"
expect_in "$out" "6 rows left out" "errors count"
[ -f "$tmp/errors.json" ] || fail "the good rows of errors.csv were not written"

# Another encoding: nothing written, the older file kept.
echo "older" > "$tmp/keep.json"
run --import latin1.csv -o "$tmp/keep.json"
expect_status 1 "latin1"
expect_in "$err" "line 3" "latin1 names the line"
[ "$(cat "$tmp/keep.json")" = "older" ] || fail "a failed import replaced keep.json"
ls -a "$tmp" | grep -q '^\.keep\.json\.' && fail "a failed import left a temporary file"

run --import ambiguous-dates.csv -o "$tmp/amb.json"
expect_status 1 "ambiguous dates"
expect_in "$err" "ambiguous-dates.csv:2:1: error: " "ambiguous dates at their cell"
expect_in "$err" "--date-order" "ambiguous dates say how to choose"
run --import ambiguous-dates.csv --date-order dmy -o "$tmp/amb.json"
expect_status 0 "--date-order dmy"
expect_in "$(cat "$tmp/amb.json")" '"2023-02-01"' "dmy reads 01/02 as 1 February"

run --import french-excel.csv --into into.json -o "$tmp/into.json"
expect_status 0 "--into"
expect_in "$(cat "$tmp/into.json")" '"lsvp"' "--into matches entities by name"

# Options that can't work.
run --import crunchbase.csv
expect_status 2 "no -o"
run --import crunchbase.csv -o "$tmp/x.json" --date-order ymd
expect_status 2 "bad date order"
run --import crunchbase.csv -o "$tmp/x.json" --currency euros
expect_status 2 "bad currency"
run --import crunchbase.csv -o "$tmp/x.json" --map "Nope=amount"
expect_status 2 "map to no column"
expect_in "$err" "Nope" "bad map names the column"
run --map "Date=date" crunchbase.csv
expect_status 2 "map without import"
run --import crunchbase.csv -o "$tmp/x.json" other.csv
expect_status 2 "two files"
run --import empty.csv -o "$tmp/x.json"
expect_status 1 "empty file"
expect_in "$err" "empty" "empty file says so"
[ ! -e "$tmp/x.json" ] || fail "a failed import wrote x.json"

# The table out and back: the same events, the same table.
run --export "$tmp/events.csv" round-trip.json
expect_status 0 "export csv"
head -n 1 "$tmp/events.csv" | grep -q "id,date,kind,title,investors,lead investors,target,amount,currency,approximate,min,max,valuation,basis,round,tags,sources" \
  || fail "events.csv header: $(head -n 1 "$tmp/events.csv")"
run --import "$tmp/events.csv" -o "$tmp/back.json"
expect_status 0 "import the export"
run --check "$tmp/back.json"
expect_status 0 "the imported export loads"
expect_in "$out" "7 events loaded" "every event came back"
run --export "$tmp/again.csv" "$tmp/back.json"
cmp -s "$tmp/events.csv" "$tmp/again.csv" || fail "the table changed on the round trip"
run --export "$tmp/x.csv" --view all round-trip.json
expect_status 2 "chart options with a table"

if [ "$failures" -gt 0 ]; then
  echo "$failures failure(s)"
  exit 1
fi
echo "ok: tranche --import and --export *.csv"
