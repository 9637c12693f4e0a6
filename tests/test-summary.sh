#!/bin/sh
# test-summary.sh TRANCHE FIXTURES: `tranche --summary FILE --json` against
# golden files, FIXTURES/NAME.summary.json for each FIXTURES/NAME.json, and
# the command line's errors.

tranche=$1
case $tranche in
  /*) ;;
  *) tranche=$PWD/$tranche ;;
esac
fixtures=$2
failures=0
n=0

tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT

for golden in "$fixtures"/*.summary.json; do
  name=$(basename "$golden" .summary.json)
  n=$((n + 1))
  if "$tranche" --summary --json "$fixtures/$name.json" > "$tmp/out" 2> "$tmp/err" \
     && diff -u "$golden" "$tmp/out" > "$tmp/diff"; then
    echo "ok $n - $name"
  else
    echo "not ok $n - $name"
    sed 's/^/# /' "$tmp/err" "$tmp/diff"
    failures=$((failures + 1))
  fi
done

# the seed keeps its figures in the text form too
n=$((n + 1))
"$tranche" --summary "$fixtures/microsoft-openai.json" > "$tmp/out" 2>&1
if grep -q 'reported \$13B, computed \$11B + 1 undisclosed: ≤ \$2B in 1 undisclosed round' "$tmp/out"
then
  echo "ok $n - text"
else
  echo "not ok $n - text"; sed 's/^/# /' "$tmp/out"; failures=$((failures + 1))
fi

n=$((n + 1))
"$tranche" --json "$fixtures/microsoft-openai.json" > /dev/null 2>&1
if [ $? -eq 2 ]; then echo "ok $n - --json alone"; else
  echo "not ok $n - --json alone"; failures=$((failures + 1)); fi

n=$((n + 1))
"$tranche" --summary "$fixtures/missing.json" > /dev/null 2>&1
if [ $? -eq 2 ]; then echo "ok $n - missing file"; else
  echo "not ok $n - missing file"; failures=$((failures + 1)); fi

echo "1..$n"
[ "$failures" -eq 0 ]
