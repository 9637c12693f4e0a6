#!/usr/bin/env python3
"""generate-csv.py OUT.csv [ROWS]: a Crunchbase-style funding-round export.

Rows as such exports have them: quoted names with commas, amounts with
currency symbols and grouping, a few undisclosed amounts and unreported
investors, US dates in words. Deterministic, so every run reads the same.

SPDX-License-Identifier: GPL-3.0-or-later
"""
import csv
import random
import sys

out = sys.argv[1]
rows = int(sys.argv[2]) if len(sys.argv) > 2 else 100000
rng = random.Random(16)
companies = ["Company %d" % i for i in range(5000)]
investors = ["Fund %d" % i for i in range(2000)] + ['Capital %d, L.P.' % i for i in range(200)]
rounds = ["Seed", "Series A", "Series B", "Series C", "Venture - Series Unknown", "Corporate Round"]
months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
currencies = [("USD", "$"), ("EUR", "€"), ("GBP", "£")]

with open(out, "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f)
    w.writerow(["Transaction Name", "Organization Name", "Funding Type", "Money Raised",
                "Money Raised Currency", "Announced Date", "Pre-Money Valuation",
                "Lead Investors", "Investor Names"])
    for i in range(rows):
        company = rng.choice(companies)
        rnd = rng.choice(rounds)
        code, symbol = rng.choice(currencies)
        amount = rng.randrange(100, 500000) * 1000
        money = "" if rng.random() < 0.05 else "%s%s" % (symbol, format(amount, ","))
        year, month, day = rng.randrange(2000, 2025), rng.randrange(12), rng.randrange(1, 29)
        date = ("%s %d, %d" % (months[month], day, year) if rng.random() < 0.5
                else "%d-%02d-%02d" % (year, month + 1, day))
        names = rng.sample(investors, rng.randrange(0, 6))
        lead = names[0] if names and rng.random() < 0.7 else ""
        quoted = ", ".join('"%s"' % n if "," in n else n for n in names)
        valuation = "" if rng.random() < 0.8 else str(amount * rng.randrange(3, 10))
        w.writerow(["%s - %s" % (rnd, company), company, rnd, money, code if money else "",
                    date, valuation, lead, quoted])
