#!/usr/bin/env bash
# build-aux/check-seed-quotes.sh [BUILD_DIR]
#
# Checks by hand that every quote of the bundled sample is a passage of the
# seed article. The article stays beside the project (../shared/seed), never
# in it, so this is no test of the suite: it gives the sample a copy that
# reads the article as its source's text_file, and lets `tranche --check`
# (which reports a quote not found in its source's text) say what is wrong.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
article=$(realpath ../shared/seed/article-fr.txt)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp "$article" "$tmp/article-fr.txt"
python3 - data/samples/microsoft-openai.json "$tmp/sample.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
for s in d["sources"]:
    s["text_file"] = "article-fr.txt"
json.dump(d, open(sys.argv[2], "w"), ensure_ascii=False, indent=1)
PY
out=$("$build/src/tranche" --check "$tmp/sample.json" 2>&1) || true
echo "$out"
if echo "$out" | grep -q "quote"; then
  echo "check-seed-quotes: some quotes are not in the article" >&2
  exit 1
fi
echo "check-seed-quotes: every quote of the sample is in the seed article"
