#!/usr/bin/env python3
# generate-dataset.py: deterministic, realistic Tranche datasets for the load benchmark
#
# Writes events-1k.json, events-10k.json, events-100k.json and events-1m.json
# (or the sizes given with --sizes) into a folder, default bench/out/. The
# same seed always gives the same bytes, so figures from two machines or two
# commits compare the same input.
#
# The content looks like an analyst's file: a few thousand companies and
# investors, dates at every precision, approximate, ranged and undisclosed
# amounts, valuations, citations and tags, one event per line.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import argparse
import json
import os
import random
import sys

SIZES = {"1k": 1_000, "10k": 10_000, "100k": 100_000, "1m": 1_000_000}

SYLLABLES = ["ac", "al", "bri", "cor", "da", "el", "fin", "gra", "hel", "io", "ka", "lu",
             "mar", "neo", "or", "pix", "qua", "ro", "sol", "ta", "ul", "ver", "wex", "zen"]
SECTORS = ["ai", "robotics", "fintech", "health", "climate", "cloud", "security", "mobility",
           "biotech", "energy", "retail", "gaming"]
ROUNDS = ["Pre-seed", "Seed", "Series A", "Series B", "Series C", "Series D", "Growth",
          "Strategic", "Bridge", "Tranche 2"]
PUBLISHERS = ["Le Monde", "Les Echos", "Financial Times", "TechCrunch", "Bloomberg",
              "Reuters", "Handelsblatt"]
LANGUAGES = ["en", "fr", "de"]


def company_name(rng):
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()


def make_entities(rng, n_companies, n_investors):
    entities = []
    seen = set()

    def unique_id(base):
        ident = base
        k = 2
        while ident in seen:
            ident = "%s-%d" % (base, k)
            k += 1
        seen.add(ident)
        return ident

    for _ in range(n_companies):
        name = company_name(rng)
        entities.append({"id": unique_id(name.lower()), "name": name})
    kinds = ["investor", "fund", "person", "government"]
    for _ in range(n_investors):
        name = company_name(rng) + rng.choice([" Capital", " Ventures", " Partners", " Fund"])
        entity = {"id": unique_id(name.lower().replace(" ", "-")), "name": name,
                  "kind": rng.choice(kinds)}
        if rng.random() < 0.2:
            entity["color"] = "#%06x" % rng.randrange(0x1000000)
        entities.append(entity)
    return entities


def make_sources(rng, n):
    sources = []
    for i in range(n):
        source = {"id": "src-%d" % i,
                  "title": "%s raises money from %s" % (company_name(rng), company_name(rng)),
                  "publisher": rng.choice(PUBLISHERS),
                  "url": "https://news.example.com/%d" % i,
                  "published": "%d-%02d" % (rng.randint(2010, 2024), rng.randint(1, 12)),
                  "language": rng.choice(LANGUAGES)}
        if i % 10 == 0:
            source["text"] = ("The company announced a new round of funding. "
                              "Investors include several funds.\n\n"
                              "The round values the company at about a billion dollars.")
        sources.append(source)
    return sources


def make_date(rng):
    year = rng.randint(2005, 2024)
    r = rng.random()
    if r < 0.1:
        return "%d" % year
    if r < 0.2:
        return "%d-Q%d" % (year, rng.randint(1, 4))
    if r < 0.5:
        return "%d-%02d" % (year, rng.randint(1, 12))
    return "%d-%02d-%02d" % (year, rng.randint(1, 12), rng.randint(1, 28))


def make_money(rng, scale):
    value = round(rng.lognormvariate(0, 1.2) * scale, -3)
    r = rng.random()
    if r < 0.4:
        return value
    if r < 0.75:
        money = {"value": value}
        if rng.random() < 0.15:
            money["currency"] = rng.choice(["EUR", "GBP"])
        return money
    if r < 0.87:
        return {"value": value, "approx": True}
    if r < 0.95:
        return {"min": value, "max": round(value * rng.uniform(1.2, 2.5), -3)}
    return {"disclosed": False}


def make_event(rng, i, companies, investors, n_sources):
    r = rng.random()
    if r < 0.70:
        kind = "investment"
    elif r < 0.80:
        kind = "valuation"
    elif r < 0.85:
        kind = "acquisition"
    elif r < 0.90:
        kind = "commitment"
    else:
        kind = "news"
    target = rng.choice(companies)
    event = {"id": "ev-%07d" % i, "date": make_date(rng)}
    if kind != "investment" or rng.random() < 0.3:
        event["kind"] = kind
    if kind in ("investment", "commitment", "acquisition"):
        backers = rng.sample(investors, rng.randint(1, 4))
        event["title"] = "%s backs %s" % (backers[0]["name"], target["name"])
        event["investors"] = [b["id"] for b in backers]
        event["target"] = target["id"]
        event["amount"] = make_money(rng, 5e6)
        event["round"] = rng.choice(ROUNDS)
        if kind == "commitment":
            event["end"] = str(int(event["date"][:4]) + rng.randint(1, 5))
    elif kind == "valuation":
        event["title"] = "%s valued" % target["name"]
        event["target"] = target["id"]
        valuation = make_money(rng, 2e8)
        if not isinstance(valuation, dict):
            valuation = {"value": valuation}
        if "disclosed" in valuation:
            valuation = {"value": 1e9, "approx": True}
        valuation["basis"] = rng.choice(["post-money", "pre-money", "reported"])
        event["valuation"] = valuation
    else:
        event["title"] = "%s in the news" % target["name"]
        if rng.random() < 0.7:
            event["target"] = target["id"]
    if kind == "investment" and rng.random() < 0.1:
        event["cumulative"] = {"value": round(rng.uniform(1e7, 1e10), -6)}
    if rng.random() < 0.3:
        event["summary"] = "%s said the money goes to hiring and research." % target["name"]
    if rng.random() < 0.6:
        event["sources"] = [{"source": "src-%d" % rng.randrange(n_sources),
                             "quote": "a new round of funding"}]
    if rng.random() < 0.7:
        event["tags"] = rng.sample(SECTORS, rng.randint(1, 3))
    return event


def write_dataset(path, n_events, seed):
    rng = random.Random(seed * 1_000_003 + n_events)
    n_companies = max(20, min(20_000, n_events // 20))
    n_investors = max(10, min(5_000, n_events // 80))
    n_sources = max(5, min(2_000, n_events // 100))
    entities = make_entities(rng, n_companies, n_investors)
    companies = entities[:n_companies]
    investors = entities[n_companies:]
    sources = make_sources(rng, n_sources)

    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        header = {"tranche": 1, "title": "Synthetic funding, %d events" % n_events,
                  "currency": "USD", "rates": {"EUR": 1.08, "GBP": 1.27}}
        f.write(json.dumps(header, ensure_ascii=False)[:-1])
        f.write(',\n"entities": [\n')
        f.write(",\n".join(json.dumps(e, ensure_ascii=False) for e in entities))
        f.write('\n],\n"sources": [\n')
        f.write(",\n".join(json.dumps(s, ensure_ascii=False) for s in sources))
        f.write('\n],\n"events": [\n')
        for i in range(n_events):
            if i > 0:
                f.write(",\n")
            f.write(json.dumps(make_event(rng, i, companies, investors, n_sources),
                               ensure_ascii=False))
        f.write("\n]}\n")
    os.replace(tmp, path)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description="Write synthetic Tranche datasets.")
    parser.add_argument("outdir", nargs="?", default=os.path.join(here, "out"))
    parser.add_argument("--sizes", default="1k,10k,100k,1m",
                        help="comma-separated among " + ", ".join(SIZES))
    parser.add_argument("--seed", type=int, default=20231101)
    parser.add_argument("--force", action="store_true", help="rewrite existing files")
    args = parser.parse_args()

    os.makedirs(args.outdir, exist_ok=True)
    for size in args.sizes.split(","):
        if size not in SIZES:
            parser.error("unknown size %r" % size)
        path = os.path.join(args.outdir, "events-%s.json" % size)
        if os.path.exists(path) and not args.force:
            continue
        write_dataset(path, SIZES[size], args.seed)
        print(path, os.path.getsize(path), "bytes", file=sys.stderr)


if __name__ == "__main__":
    main()
