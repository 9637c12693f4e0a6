#!/usr/bin/env python3
# load-python.py FILE: Python's json.load of the same file, as a reference
#
# Prints the same fields as bench-load: events, wall seconds, CPU seconds
# and peak resident set (MiB) of this process. json.load builds the whole
# tree and checks nothing of the format, so it is a floor for a naive loader
# in a dynamic language rather than an equivalent of Tranche's.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import resource
import sys
import time


def main():
    if len(sys.argv) != 2:
        print("usage: load-python.py FILE", file=sys.stderr)
        return 2
    start = time.monotonic()
    cpu_start = time.process_time()
    with open(sys.argv[1], "rb") as f:
        data = json.load(f)
    seconds = time.monotonic() - start
    cpu = time.process_time() - cpu_start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0  # KiB on Linux
    print("events %d seconds %.3f cpu_seconds %.3f peak_rss_mib %.1f"
          % (len(data.get("events", [])), seconds, cpu, peak))
    return 0


if __name__ == "__main__":
    sys.exit(main())
