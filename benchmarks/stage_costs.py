"""CPU cost of each extraction stage as a fraction of the spaCy parse of the same texts.

    python benchmarks/stage_costs.py [--articles 500] [--source synthetic|repeated] [--runs 1]

``benchmarks/throughput.py`` gives the end-to-end ratio (extract against bare spaCy); this
script says where our share goes.  The texts are parsed once with ``nlp.pipe`` (timed: the
parse), then each stage runs over every parsed document in pipeline order and its CPU time is
summed: the analysis set-up (layout, token forms), actors, times, quotes, events.  The issue's
target, extract ≥ 0.80 × bare spaCy, leaves our stages together 0.25 × the parse.  CPU time is
used, not wall-clock time, so a busy machine changes the figures less (it still changes them
some: caches and frequency are shared).  ``--runs N`` reports the median of N passes over the
same parsed documents.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

STAGES = ("setup", "actors", "times", "quotes", "events")


def texts(source: str, n: int) -> list[dict]:
    if source == "synthetic":
        from synthetic_corpus import generate

        return list(generate(n))
    from throughput import SOURCES

    base = [json.loads(line) for src in SOURCES for line in src.open(encoding="utf-8") if line.strip()]
    return [base[i % len(base)] for i in range(n)]


def one_pass(rows: list[dict], docs: list) -> dict[str, float]:
    from newsevents import actors, events, quotes, times
    from newsevents.analysis import Analysis
    from newsevents.pipeline import parse_date

    cost = dict.fromkeys(STAGES, 0.0)
    clock = time.process_time
    for row, doc in zip(rows, docs):
        published = parse_date(row.get("published"))
        t0 = clock()
        a = Analysis.begin(doc, published=published, publisher=row.get("publisher"))
        a.layout, a.words  # noqa: B018 - computed once, used by every stage
        t1 = clock()
        a.actors, a.mentions = actors.find_actors(a)
        a.publisher_actor = actors.publisher_actor(row.get("publisher"), published)
        t2 = clock()
        a.times = times.find_times(a)
        t3 = clock()
        a.quotes = quotes.find_quotes(a)
        t4 = clock()
        events.find_events(a)
        t5 = clock()
        for name, lo, hi in zip(STAGES, (t0, t1, t2, t3, t4), (t1, t2, t3, t4, t5)):
            cost[name] += hi - lo
    return cost


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, default=500)
    ap.add_argument("--source", choices=["synthetic", "repeated"], default="synthetic")
    ap.add_argument("--runs", type=int, default=1)
    args = ap.parse_args()

    from throughput import use_example_kb

    use_example_kb()
    from newsevents import pipeline

    rows = texts(args.source, args.articles)
    ex = pipeline.get_extractor()
    ex.extract("Warm-up: Russia and Iran met in Moscow on Monday, officials said.")
    t = time.process_time()
    docs = list(ex.nlp.pipe([r["text"] for r in rows], batch_size=32))
    parse = time.process_time() - t
    passes = [one_pass(rows, docs) for _ in range(args.runs)]
    cost = {k: statistics.median(p[k] for p in passes) for k in STAGES}
    words = sum(len(r["text"].split()) for r in rows)
    print(f"{len(rows)} articles, {words:,} words ({args.source}); parse {parse:.2f} CPU-s")
    for k in STAGES:
        print(f"  {k:7s} {cost[k]:7.2f} s  {cost[k] / parse:6.3f} × parse")
    total = sum(cost.values())
    print(f"  {'all':7s} {total:7.2f} s  {total / parse:6.3f} × parse   (target ≤ 0.25)")
    print(f"  parse / (parse + stages) = {parse / (parse + total):.3f}   (extract / bare spaCy, "
          "without reading, serialising and batching)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
