#!/usr/bin/env python3
# extract-peer.py FILE: a Python regex pass over the same article, as a peer
#
# Splits sentences and finds money amounts, dates and cue words with Python's
# re module: roughly what Tranche's extractor reads, without its rules for
# actors, roles, qualifiers and relative dates, so it is a floor for a
# regex-based extractor in a dynamic language. Prints the same fields as
# bench-extract: sentences and matches found, best and median milliseconds.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import re
import statistics
import sys
import time

SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-ZÀ-Ý«“\"0-9$€])|\n\s*\n")
MONEY = re.compile(
    r"(?:(?:up to|about|roughly|some|environ|près de|jusqu[’']à|plus de|more than|at least)\s+)?"
    r"(?:US\$|\$|€|£|USD\s?|EUR\s?)?\d{1,3}(?:[ ,.\u00a0\u202f]\d{3})*(?:[.,]\d+)?"
    r"\s?(?:billion|million|milliards?|millions?|bn|mn|M|B|Md)?"
    r"(?:\s(?:de dollars|d[’']euros|dollars|euros)|\s?[$€£])?", re.IGNORECASE)
DATE = re.compile(
    r"\b(?:(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December|janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre"
    r"|décembre)\s+)?(?:19|20)\d\d\b|\b(?:earlier this year|last year|this year|l[’']an dernier"
    r"|plus tôt cette année|cette année)\b|\b(?:first|second|third|fourth) quarter of \d{4}",
    re.IGNORECASE)
CUE = re.compile(
    r"\b(?:invest(?:s|ed|ing|ment)?|raise[sd]?|round|tranche|levée|lève|levé|investit|investi"
    r"|valued|valuation|valorisation|valorise|in all|au total|cumulatif|acquire[sd]?"
    r"|acquisition|rachète|rachat|secondary|commit(?:s|ted|ment)?|s[’']engage)\b",
    re.IGNORECASE)


def run(text):
    found = 0
    sentences = SENTENCE.split(text)
    for sentence in sentences:
        if not CUE.search(sentence):
            continue
        found += len(MONEY.findall(sentence)) + len(DATE.findall(sentence))
    return len(sentences), found


def main():
    if len(sys.argv) != 2:
        print("usage: extract-peer.py FILE", file=sys.stderr)
        return 2
    with open(sys.argv[1], encoding="utf-8") as f:
        text = f.read()
    runs = max(1, int(os.environ.get("RUNS", "20")))
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        sentences, found = run(text)
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    print("sentences %d matches %d best_ms %.1f median_ms %.1f"
          % (sentences, found, times[0], statistics.median(times)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
