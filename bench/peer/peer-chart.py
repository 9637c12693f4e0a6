#!/usr/bin/python3
# peer-chart.py FILE.json OUT.png: the timeline chart drawn by matplotlib, timed
#
# The same chart Tranche exports, as an analyst would make it by hand:
# markers on a date axis with area proportional to the amount (undisclosed
# amounts hollow), one colour per investor, the cumulative total as a line on
# a second axis, and labels ("$1B · title") for the largest events. Prints
#   peer load_ms=… render_ms=… events=…
# where load is reading the JSON and render is building and saving the
# 1920×1080 PNG. Needs Debian's python3-matplotlib (run with /usr/bin/python3).
#
# SPDX-License-Identifier: GPL-3.0-or-later

import datetime
import json
import sys
import time

import matplotlib

matplotlib.use("Agg")
import matplotlib.dates as mdates  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402

OKABE_ITO = ["#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00", "#f0e442"]
# Tranche draws the largest few hundred exactly when there are more; so does this.
MAX_MARKERS = 300
MAX_LABELS = 60


def middle_date(text):
    """The middle of the span a partial date stands for, as Tranche places it."""
    parts = text.split("-")
    year = int(parts[0])
    if len(parts) == 1:
        first, end = datetime.date(year, 1, 1), datetime.date(year + 1, 1, 1)
    elif parts[1].upper().startswith("Q"):
        q = int(parts[1][1:])
        first = datetime.date(year, 3 * q - 2, 1)
        end = datetime.date(year + (q == 4), 1 if q == 4 else 3 * q + 1, 1)
    elif len(parts) == 2:
        month = int(parts[1])
        first = datetime.date(year, month, 1)
        end = datetime.date(year + (month == 12), 1 if month == 12 else month + 1, 1)
    else:
        first = datetime.date(year, int(parts[1]), int(parts[2]))
        end = first + datetime.timedelta(days=1)
    return first + (end - first) / 2


def amount_of(money, rates, currency):
    if isinstance(money, (int, float)):
        return float(money)
    if not isinstance(money, dict) or money.get("disclosed") is False:
        return None
    value = money.get("value")
    if value is None and "min" in money and "max" in money:
        value = (money["min"] + money["max"]) / 2
    if value is None:
        return None
    cur = money.get("currency", currency)
    return float(value) * (rates.get(cur, 1.0) if cur != currency else 1.0)


def short(value):
    for unit, scale in (("T", 1e12), ("B", 1e9), ("M", 1e6), ("K", 1e3)):
        if value >= scale:
            return "$%.3g%s" % (value / scale, unit)
    return "$%.0f" % value


def main():
    path, out = sys.argv[1], sys.argv[2]
    start = time.perf_counter()
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    load_ms = (time.perf_counter() - start) * 1000

    start = time.perf_counter()
    currency = data.get("currency", "USD")
    rates = data.get("rates", {})
    names = {e["id"]: e.get("name", e["id"]) for e in data.get("entities", [])}
    events = []
    for e in data["events"]:
        if e.get("kind", "investment") not in ("investment", "commitment", "acquisition"):
            continue
        investors = e.get("investors") or ["?"]
        events.append((middle_date(e["date"]), amount_of(e.get("amount"), rates, currency),
                       investors[0], e.get("title", "")))
    events.sort(key=lambda ev: ev[0])

    known = [ev for ev in events if ev[1] is not None]
    biggest = max((ev[1] for ev in known), default=1.0)
    shown = sorted(known, key=lambda ev: -ev[1])[:MAX_MARKERS]
    hidden = [ev for ev in events if ev[1] is None][:MAX_MARKERS // 4]
    investors = sorted({ev[2] for ev in shown + hidden})
    colour = {inv: OKABE_ITO[i % len(OKABE_ITO)] for i, inv in enumerate(investors)}
    lane = {inv: i for i, inv in enumerate(investors)}

    fig, ax = plt.subplots(figsize=(19.2, 10.8), dpi=100)
    fig.suptitle(data.get("title", ""), x=0.02, ha="left", fontsize=20, fontweight="bold")
    # area proportional to the amount: scatter's s is an area in points²
    ax.scatter([ev[0] for ev in shown], [lane[ev[2]] for ev in shown],
               s=[2500 * ev[1] / biggest for ev in shown],
               c=[colour[ev[2]] for ev in shown], alpha=0.9, edgecolors="white", linewidths=1)
    if hidden:
        ax.scatter([ev[0] for ev in hidden], [lane[ev[2]] for ev in hidden], s=300,
                   facecolors="none", edgecolors=[colour[ev[2]] for ev in hidden],
                   linestyles="dashed")
    for ev in sorted(shown, key=lambda ev: -ev[1])[:MAX_LABELS]:
        ax.annotate("%s · %s" % (short(ev[1]), ev[3]), (ev[0], lane[ev[2]]),
                    xytext=(0, 14), textcoords="offset points", ha="center", fontsize=9)
    ax.set_yticks(range(len(investors)))
    ax.set_yticklabels([names.get(inv, inv) for inv in investors])
    ax.xaxis.set_major_locator(mdates.AutoDateLocator())
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(ax.xaxis.get_major_locator()))
    ax.grid(axis="x", color="#deddda")

    total, xs, ys = 0.0, [], []
    for ev in known:
        total += ev[1]
        xs.append(ev[0])
        ys.append(total)
    cumulative = ax.twinx()
    cumulative.step(xs, ys, where="post", color="#5e5c64", linewidth=1.5)
    cumulative.set_ylabel("cumulative, " + currency)
    fig.savefig(out)
    plt.close(fig)
    render_ms = (time.perf_counter() - start) * 1000
    print("peer load_ms=%.1f render_ms=%.1f events=%d" % (load_ms, render_ms, len(data["events"])))


if __name__ == "__main__":
    main()
