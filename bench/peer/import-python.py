#!/usr/bin/env python3
"""import-python.py FILE.csv OUT.json: the peer of bench-import.

Python's csv module reads the same file and the same conversion is done in
plain Python (amounts with symbols and grouping, two date forms, investors
split on commas outside quotes, entities with ids from names, one event per
row), then json.dump writes it. Prints seconds=… like bench-import.

SPDX-License-Identifier: GPL-3.0-or-later
"""
import csv
import json
import re
import sys
import time
import unicodedata

MONTHS = {m: i + 1 for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"])}
SYMBOLS = {"$": "USD", "€": "EUR", "£": "GBP"}


def slug(name):
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")[:48] or "entity"


def amount(text):
    text = text.strip()
    if not text:
        return {"disclosed": False}, None
    currency = SYMBOLS.get(text[0])
    if currency:
        text = text[1:]
    return float(text.replace(",", "")), currency


def date(text):
    if "-" in text:
        return text
    m, d, y = re.match(r"(\w+) (\d+), (\d+)", text).groups()
    return "%s-%02d-%02d" % (y, MONTHS[m.lower()[:3]], int(d))


def split(text):
    return [n.strip() for n in next(csv.reader([text], skipinitialspace=True)) if n.strip()]


def main():
    start = time.perf_counter()
    entities, ids, events, event_ids = {}, set(), [], set()

    def entity(name):
        key = name.casefold()
        if key not in entities:
            base = i = slug(name)
            n = 2
            while i in ids:
                i, n = "%s-%d" % (base, n), n + 1
            ids.add(i)
            entities[key] = {"id": i, "name": name}
        return entities[key]["id"]

    with open(sys.argv[1], encoding="utf-8-sig", newline="") as f:
        for row in csv.DictReader(f):
            value, currency = amount(row["Money Raised"])
            currency = row["Money Raised Currency"] or currency
            ev = {"date": date(row["Announced Date"]), "title": row["Transaction Name"],
                  "target": entity(row["Organization Name"]), "round": row["Funding Type"]}
            base = eid = "%s-%s" % (ev["target"], ev["date"])
            n = 2
            while eid in event_ids:
                eid, n = "%s-%d" % (base, n), n + 1
            event_ids.add(eid)
            ev = {"id": eid, **ev}
            leads = set(split(row["Lead Investors"]))
            names = split(row["Investor Names"])
            if names:
                ev["investors"] = [{"id": entity(n), "lead": True} if n in leads else entity(n)
                                   for n in names]
            ev["amount"] = value if isinstance(value, dict) else {"value": value,
                                                                   "currency": currency}
            if row["Pre-Money Valuation"]:
                ev["valuation"] = {"value": float(row["Pre-Money Valuation"]),
                                   "basis": "pre-money"}
            events.append(ev)
    with open(sys.argv[2], "w", encoding="utf-8") as f:
        json.dump({"tranche": 1, "entities": list(entities.values()), "events": events}, f,
                  indent=1, ensure_ascii=False)
    print("rows %d seconds %.3f" % (len(events), time.perf_counter() - start))


main()
