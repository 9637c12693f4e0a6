#!/bin/sh
# test-cli-draft.sh TRANCHE ARTICLES: `tranche --draft` as users run it
#
# Drafts a fixture article, checks the output is a dataset `tranche --check`
# loads without errors, with draft events whose quotes are passages of the
# article; then --into (ids of an existing dataset) and bad options.

tranche=$1
case $tranche in
  /*) ;;
  *) tranche=$PWD/$tranche ;;
esac
articles=$2
failures=0
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT

fail () {
  echo "not ok: $*"
  failures=$((failures + 1))
}

expect_in () {
  case "$1" in
    *"$2"*) ;;
    *) fail "$3: expected to find '$2'" ;;
  esac
}

# A French article, language guessed
"$tranche" --draft "$articles/azur-fr.txt" --published 2024-11-05 > "$tmp/azur.json" \
  2> "$tmp/err" || fail "--draft: exit status $?: $(cat "$tmp/err")"
out=$(cat "$tmp/azur.json")
expect_in "$out" '"tranche" : 1' "--draft output"
expect_in "$out" '"draft" : true' "--draft output"
expect_in "$out" '"language" : "fr"' "--draft guesses the language"
expect_in "$out" '"published" : "2024-11-05"' "--draft output"
expect_in "$out" '"id" : "azur-genomique"' "--draft names the target"
expect_in "$out" '"date" : "2024-02"' "--draft reads \"en février dernier\""
"$tranche" --check "$tmp/azur.json" > "$tmp/check" 2>&1 \
  || fail "--check of the draft: $(cat "$tmp/check")"
expect_in "$(cat "$tmp/check")" "0 errors" "--check of the draft"

# Every quote is a passage of the article (Debian's python3 reads the JSON)
if [ -x /usr/bin/python3 ]; then
  /usr/bin/python3 - "$tmp/azur.json" "$articles/azur-fr.txt" <<'PY' \
    || fail "quotes are not verbatim"
import json, sys
data = json.load(open(sys.argv[1], encoding="utf-8"))
text = open(sys.argv[2], encoding="utf-8").read()
assert data["sources"][0]["text"] == text, "the source text is the article"
assert len(data["events"]) >= 3
for event in data["events"]:
    assert event["draft"] is True
    for citation in event["sources"]:
        assert citation["quote"] in text, citation["quote"]
PY
fi

# --into: the dataset's entities and ids, and new ids that don't collide
"$tranche" --draft "$articles/azur-fr.txt" --published 2024-11-05 \
  --into "$articles/into.json" > "$tmp/into.json" 2> "$tmp/err" \
  || fail "--into: exit status $?: $(cat "$tmp/err")"
out=$(cat "$tmp/into.json")
expect_in "$out" '"target" : "azur"' "--into uses the dataset's entity ids"
expect_in "$out" '"nordlys"' "--into uses the dataset's investor ids"
expect_in "$out" '"id" : "article-2"' "--into picks a new source id"
case "$out" in
  *'"id" : "draft-1"'*) fail "--into reused an event id of the dataset" ;;
esac
"$tranche" --check "$tmp/into.json" > "$tmp/check" 2>&1 \
  || fail "--check of --into: $(cat "$tmp/check")"

# English, with the language given
"$tranche" --draft "$articles/nimbus-en.txt" --language en --published 2025-02-14 \
  > "$tmp/nimbus.json" 2> "$tmp/err" || fail "--draft en: $(cat "$tmp/err")"
expect_in "$(cat "$tmp/nimbus.json")" '"language" : "en"' "--language en"
expect_in "$(cat "$tmp/nimbus.json")" '"date" : "2025-02-12"' "--draft reads \"on Wednesday\""

# Bad options and files
"$tranche" --draft "$articles/azur-fr.txt" --language de > /dev/null 2>&1
[ $? -eq 2 ] || fail "--language de: expected exit status 2"
"$tranche" --draft "$articles/azur-fr.txt" --published 2024-13 > /dev/null 2>&1
[ $? -eq 2 ] || fail "--published 2024-13: expected exit status 2"
"$tranche" --draft "$tmp/missing.txt" > /dev/null 2>&1
[ $? -eq 1 ] || fail "a missing article: expected exit status 1"
printf 'Acme raised \377 $5 million.' > "$tmp/latin1.txt"
"$tranche" --draft "$tmp/latin1.txt" > /dev/null 2> "$tmp/err"
[ $? -eq 1 ] || fail "an article that is not UTF-8: expected exit status 1"
"$tranche" --published 2024 > /dev/null 2>&1
[ $? -eq 2 ] || fail "--published without --draft: expected exit status 2"

if [ "$failures" -gt 0 ]; then
  echo "$failures failures"
  exit 1
fi
echo "ok"
