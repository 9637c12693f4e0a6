#!/bin/sh
# run-extract.sh [BUILDDIR] [WORDS]: drafting a long article, beside a peer
#
# bench-extract generates an article of WORDS words (default 10,000), drafts
# it with Tranche's extractor and prints its best and median milliseconds
# (the goal is under 50 ms); then a Python regex pass over the same text
# (bench/peer/extract-peer.py) prints its own.
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu

here=$(cd "$(dirname "$0")" && pwd)
build=${1:-"$here/../build"}
words=${2:-10000}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

ours=$("$build/bench/bench-extract" --write "$tmp/article.txt" "$words")
peer=$(/usr/bin/python3 "$here/peer/extract-peer.py" "$tmp/article.txt")
echo "tranche: $ours"
echo "python regex peer: $peer"
