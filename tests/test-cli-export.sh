#!/bin/sh
# test-cli-export.sh TRANCHE: `tranche --export` options, errors and decks
#
# 0 when written, 2 for options that can't work (with a message naming the
# option), and nothing written or replaced when it fails.

tranche=$(realpath "$1")
failures=0

fail () {
  echo "not ok: $*"
  failures=$((failures + 1))
}

# run ARGS...: sets $status and $err
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
cd "$tmp" || exit 1

# --help names every export option.
run --help
expect_status 0 help
for option in --export --view --size --scale --theme --transparent --title --subtitle --no-title \
              --footer --no-footer --deck --from --to; do
  expect_in "$out" "$option" "help lists $option"
done

# Writes what is asked, at the asked size.
run --export all.png --view all --footer --size 1200x800 --scale 2
expect_status 0 "png all views"
# the IHDR's width and height, big-endian: 2400 = 0x960, 1600 = 0x640
case $(od -An -tx1 -j16 -N8 all.png | tr -d ' \n') in
  0000096000000640) ;;
  *) fail "all.png is not 2400x1600: $(od -An -tx1 -j16 -N8 all.png)" ;;
esac
run --export a4.pdf --size a4 --view valuation,cumulative --theme dark
expect_status 0 "pdf a4"
grep -a -q "/MediaBox \[ 0 0 842 595 \]" a4.pdf || fail "a4.pdf is not A4 landscape"
run --export clear.png --transparent --no-title
expect_status 0 "transparent png"

# Clear errors, exit 2, and the older file kept.
echo "older" > keep.pdf
run --export keep.pdf --transparent
expect_status 2 "transparent pdf"
expect_in "$err" "--transparent" "transparent pdf names the option"
[ "$(cat keep.pdf)" = "older" ] || fail "keep.pdf was replaced by a failed export"
run --export x.png --view pie
expect_status 2 "unknown view"
expect_in "$err" "--view “pie”" "unknown view names it"
run --export x.png --size huge
expect_status 2 "bad size"
run --export x.svg --scale 2
expect_status 2 "scale with svg"
run --export x.png --title "Board deck" --no-title
expect_status 2 "title and no-title"
run --export x.png --subtitle "As of June" --no-title
expect_status 2 "subtitle and no-title"
run --view all
expect_status 2 "view without export"
run --export x.png --deck
expect_status 2 "deck into a png"
expect_in "$err" "deck" "deck into a png says why"
run --export deck.pdf --deck --view all
expect_status 2 "view with deck"
[ ! -e x.png ] || fail "a failed export left x.png"

# A deck: a PDF with the title page, a page per step, then valuation,
# cumulative funding, summary and sources, or numbered PNGs in a folder made
# for them.
run --export deck.pdf --deck
expect_status 0 "deck pdf"
pages=$(grep -a -c "/Type /Page$\|/Type /Page[^s]" deck.pdf)
[ "$pages" -ge 2 ] || fail "deck.pdf has $pages pages"
if command -v pdfinfo > /dev/null; then
  pdfinfo deck.pdf | grep -q "^Pages: *18$" || fail "deck.pdf: $(pdfinfo deck.pdf | grep Pages)"
fi
run --export slides/deck/ --deck --size 960x540 --from 2023
expect_status 0 "deck folder"
expect_in "$out" "pages written" "deck folder says how many"
[ -f slides/deck/deck-01.png ] || fail "no deck-01.png"
n=$(ls slides/deck | grep -c '^deck-[0-9][0-9]\.png$')
# --from 2023 leaves the sample's ten 2023 events, the title page and the
# four closing slides.
[ "$n" -eq 15 ] || fail "slides/deck has $n pages, expected 15"

# Problems are never silent: events left out are said on standard error, and
# a file with no event left to draw is an error, with nothing written.
cat > some-bad.json <<'JSON'
{"tranche": 1, "events": [
  {"id": "ok", "date": "2023", "kind": "news", "title": "Fine"},
  {"id": "bad", "date": "2023-02-30", "kind": "news", "title": "No such day"}]}
JSON
cat > all-bad.json <<'JSON'
{"tranche": 1, "events": [
  {"id": "a", "date": 2023, "title": "Date as a number"},
  {"id": "b", "date": "2023", "title": ["not", "a", "string"]}]}
JSON
run --export some-bad.png some-bad.json
expect_status 0 "export with an event left out"
expect_in "$err" "1 event left out" "export says what was left out"
expect_in "$err" "tranche --check some-bad.json" "export says how to see the problems"
run --export all-bad.png all-bad.json
expect_status 1 "export with every event in error"
expect_in "$err" "no event to draw" "export of nothing says so"
[ ! -e all-bad.png ] || fail "an export with no event wrote all-bad.png"
run --export all-bad.pdf --deck all-bad.json
expect_status 1 "deck with every event in error"

# A file refused for a bad byte or too deep a nesting: that problem, with
# its line, and no "not a Tranche dataset" after it (which it may well be).
printf '{"tranche": 1, "title": "caf\351", "events": []}\n' > latin1.json
printf '{"tranche": 1, "events": [], "x": %s1%s}\n' \
  "$(printf '[%.0s' $(seq 600))" "$(printf ']%.0s' $(seq 600))" > deep.json
for refused in latin1 deep; do
  run --export "$refused.png" "$refused.json"
  expect_status 1 "export of $refused.json"
  case $refused in
    latin1) expect_in "$err" "$refused.json:1:29: error: not UTF-8 text" "$refused: the byte" ;;
    deep) expect_in "$err" "$refused.json:1:546: error: nested more than 512" "$refused: the depth" ;;
  esac
  [ "$(printf '%s\n' "$err" | wc -l)" -eq 1 ] || fail "$refused: one line expected, got: $err"
  [ ! -e "$refused.png" ] || fail "a refused file was exported to $refused.png"
done
run --export latin1-deck.pdf --deck latin1.json
expect_status 1 "deck of latin1.json"
[ "$(printf '%s\n' "$err" | wc -l)" -eq 1 ] || fail "deck of latin1: one line expected: $err"

# A write that fails names the file and the system's reason, for every
# format, and leaves nothing behind. A file size limit stands in for a full
# disk (SIGXFSZ ignored, so the write fails with EFBIG instead of killing).
mkdir limited
for out in limited/big.png limited/big.svg limited/big.pdf limited/deck.pdf limited/pages/; do
  deck=""
  case $out in *deck.pdf|*/) deck=--deck ;; esac
  ( trap '' XFSZ; ulimit -f 8; exec "$tranche" --export "$out" $deck ) > "$tmp/out" 2> "$tmp/err"
  status=$?
  err=$(cat "$tmp/err")
  expect_status 1 "$out over the size limit"
  expect_in "$err" "File too large" "$out: the system's reason"
  case $out in
    */) expect_in "$err" "“limited/pages/”" "$out: the folder" ;;
    *) expect_in "$err" "“$out”" "$out: the file" ;;
  esac
done
leftover=$(find limited -name '.*' -type f | head -1)
[ -z "$leftover" ] || fail "a failed write left $leftover"
[ ! -e limited/big.pdf ] || fail "a failed write left a truncated limited/big.pdf"

if [ "$failures" -gt 0 ]; then
  echo "$failures failure(s)"
  exit 1
fi
echo "ok: tranche --export"
