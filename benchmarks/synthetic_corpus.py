"""A synthetic corpus of distinct news articles, for scale and load benchmarks.

    python benchmarks/synthetic_corpus.py --articles 20000 --out /tmp/synthetic.jsonl [--seed 7]

Writes JSON-lines input rows (``id``, ``published``, ``publisher``, ``title``, ``url``,
``language``, ``text``) as ``newsevents extract``/``ingest`` read them.  Each article is a
dateline and 5 to 9 sentences drawn from templates of diplomatic, military and economic news
(meetings, agreements, accusations, sanctions, deployments, strikes, aid, visits), filled with
countries, capitals and demonyms from the package's ``countries.jsonl``, numbers, weekdays and
relative dates, so that the pipeline finds actors, times, quotes and events in them as in real
reports.  The combinations make every article different from every other (near-duplicate
detection keeps all of them), unlike the repeated bundled examples, which a store mostly drops
as republications.  Outlets are invented.  ``generate(n, seed)`` yields the same rows in the
same order for the same arguments.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
from collections.abc import Iterator
from pathlib import Path

from newsevents.resources import load_jsonl

OUTLETS = ["Harbor Wire", "The Meridian Post", "Continental Desk", "Eastline News", "Red Sea Review",
           "Northgate Daily", "The Lantern Report", "Crossroads Bulletin"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
TITLES = ["foreign minister", "defence minister", "prime minister", "president", "trade minister",
          "finance minister", "national security adviser", "ambassador to the United Nations"]
FIRST = ["Amir", "Elena", "Tomas", "Leila", "Kofi", "Mei", "Rafael", "Ingrid", "Yusuf", "Anya",
         "Daniel", "Farida", "Sergio", "Hana", "Olu", "Marta", "Karim", "Sofia", "Jonas", "Nadia"]
LAST = ["Varga", "Okafor", "Lindqvist", "Haddad", "Moreno", "Petrenko", "Tanaka", "Mensah",
        "Novak", "Rahimi", "Castell", "Brandt", "Qureshi", "Solberg", "Adeyemi", "Kovacs",
        "Ferreira", "Aziz", "Holm", "Mirza"]
TOPICS = ["water sharing", "border security", "gas supplies", "grain exports", "a ceasefire",
          "prisoner exchanges", "fishing rights", "a rail corridor", "nuclear inspections",
          "refugee returns", "port access", "power lines", "debt relief", "visa rules"]
THINGS = ["air-defence systems", "armoured vehicles", "drones", "artillery shells", "patrol boats",
          "fuel", "medical supplies", "wheat", "electricity", "fertiliser"]

SENTENCES = [
    "{A} and {B} signed an agreement on {topic} in {capA} on {weekday}, the two governments said.",
    "{A}'s {title} {person} met {B_dem} officials in {capB} {when_past} to discuss {topic}.",
    "{A} accused {B} of violating the {topic} accord, a charge {capB} denied.",
    "\u201cWe will not accept any delay on {topic},\u201d {person}, {A_dem} {title}, told reporters {when_past}.",
    "{A} plans to send {n} {things} to {B} by the end of {month}, officials said.",
    "{B} said it would impose sanctions on {n} {A_dem} companies over {topic}.",
    "Talks between {A} and {B} on {topic} are scheduled to resume in {capC} on {date_future}.",
    "{A_dem} forces carried out a strike near the border with {B} {when_past}, killing {n} people.",
    "{B} rejected the proposal on {topic}, its foreign ministry said in a statement.",
    "{person} said {A} was ready to cooperate with {B} on {topic} if the talks went well.",
    "{A} deployed {n} troops to its border with {B} {when_past}, according to {outlet}.",
    "The {A_dem} government has denied reports that it supplied {things} to rebels in {B}.",
    "{A} and {B} agreed to hold a new round of talks on {topic} in {month_future}.",
    "Officials in {capA} expect the {topic} deal to be ratified by parliament {when_future}.",
    "{B} recalled its ambassador from {capA} {when_past} in protest over {topic}.",
    "{A} pledged ${n} million in aid to {B} for {topic}, the {title} said on {weekday}.",
    "Protesters gathered outside the {A_dem} embassy in {capB} {when_past} to demand action on {topic}.",
    "{A} could suspend {topic} cooperation with {B} next month, a senior official warned.",
    "{person} visited {capB} {when_past}, the first such trip by a {A_dem} {title} in {n} years.",
    "{B} threatened to cut {things} deliveries to {A} unless the dispute over {topic} is settled.",
]


def _countries() -> list[dict]:
    _meta, rows = load_jsonl("countries.jsonl")
    keep = []
    for r in rows:
        caps, dems = r.get("capitals") or [], r.get("demonyms") or []
        if caps and dems and r.get("kind") == "country":
            keep.append({"name": r["name"], "cap": caps[0], "dem": dems[0]})
    return keep


def generate(n: int, seed: int = 7, per_day: int | None = None) -> Iterator[dict]:
    """``n`` distinct article rows, the same for the same ``seed``.

    Publication dates are drawn at random over six years (a backfill in no order: the more
    articles, the more stories on each day), or with ``per_day``, ``per_day`` articles a day
    from 2020-01-01 on, in order (a daily feed: as many stories on each day however long the
    corpus)."""
    rng = random.Random(seed)
    countries = _countries()
    start = dt.date(2020, 1, 1)
    for i in range(n):
        published = start + dt.timedelta(days=rng.randrange(6 * 365))
        if per_day:
            published = start + dt.timedelta(days=i // per_day)
        a, b, c = rng.sample(countries, 3)
        outlet = rng.choice(OUTLETS)
        topic = rng.choice(TOPICS)
        person = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        sentences = []
        for template in rng.sample(SENTENCES, rng.randint(5, 9)):
            future = published + dt.timedelta(days=rng.randint(3, 60))
            sentences.append(template.format(
                A=a["name"], B=b["name"], capA=a["cap"], capB=b["cap"], capC=c["cap"],
                A_dem=a["dem"], B_dem=b["dem"], title=rng.choice(TITLES), person=person,
                topic=topic, things=rng.choice(THINGS), n=rng.randint(2, 900), outlet=outlet,
                weekday=rng.choice(WEEKDAYS), month=rng.choice(MONTHS),
                month_future=MONTHS[future.month - 1],
                when_past=rng.choice(["on " + rng.choice(WEEKDAYS), "last week", "yesterday",
                                      "earlier this month", f"on {published.day} {MONTHS[published.month - 1]}"]),
                when_future=rng.choice(["next week", "by the end of the year", "within weeks",
                                        "next month"]),
                date_future=f"{MONTHS[future.month - 1]} {future.day}"))
        dateline = f"{a['cap'].upper()}, {MONTHS[published.month - 1][:3]} {published.day} ({outlet}) - "
        paragraphs = [dateline + " ".join(sentences[:2])] + [" ".join(sentences[k:k + 2])
                                                             for k in range(2, len(sentences), 2)]
        slug = f"syn-{seed}-{i:07d}"
        yield {"id": slug, "published": published.isoformat(), "publisher": outlet,
               "title": f"{a['name']} and {b['name']} at odds over {topic}",
               "url": f"https://example.com/{slug}", "language": "en",
               "text": "\n".join(paragraphs)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, required=True)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--per-day", type=int, metavar="N", help="N articles a day in publication order "
                    "(default: dated at random over six years)")
    args = ap.parse_args(argv)
    words = 0
    with args.out.open("w", encoding="utf-8") as f:
        for row in generate(args.articles, args.seed, args.per_day):
            words += len(row["text"].split())
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{args.articles} articles, {words} words -> {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
