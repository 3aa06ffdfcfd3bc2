"""Wall time of `newsevents extract` on the seed article, start-up included.

    python benchmarks/extract_latency.py [DATA] [--runs 5]

Runs the installed command as a user would (a fresh process each time) and prints each run
and the median; also the in-process time per stage for one article.  Skips with a message
when the data folder is absent.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[1])
    ap.add_argument("data", nargs="?", type=Path, default=Path("../shared/data"))
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    seed = args.data / "seed" / "seed_article.txt"
    if not seed.exists():
        print(f"skipped: {seed} not found (pass the shared data folder)")
        return 0
    exe = shutil.which("newsevents")
    cmd = [exe] if exe else [sys.executable, "-m", "newsevents.cli"]
    cmd += ["extract", str(seed), "--published", "2024-12-23", "--publisher", "Newsweek"]
    walls = []
    for i in range(args.runs):
        t0 = time.perf_counter()
        out = subprocess.run(cmd, capture_output=True, text=True)
        walls.append(time.perf_counter() - t0)
        if out.returncode != 0:
            print(out.stderr)
            return 1
        print(f"run {i + 1}: {walls[-1]:.2f} s")
    print(f"newsevents extract on the seed article, start-up included: median {statistics.median(walls):.2f} s "
          f"(min {min(walls):.2f}, max {max(walls):.2f}) over {args.runs} runs")

    # in-process stage times
    import datetime as dt

    from newsevents import actors, events, nlp, quotes, times
    from newsevents.analysis import Analysis
    from newsevents.layout import analyze_layout
    from newsevents.pipeline import Extractor

    text = seed.read_text(encoding="utf-8")
    ex = Extractor()
    ex.extract(text, published="2024-12-23")  # warm up
    n = 20
    acc = dict.fromkeys(["layout", "spacy", "actors", "times", "quotes", "events"], 0.0)
    for _ in range(n):
        t = time.perf_counter(); lay = analyze_layout(text); acc["layout"] += time.perf_counter() - t
        t = time.perf_counter(); doc = ex.nlp(text); acc["spacy"] += time.perf_counter() - t
        a = Analysis.begin(doc, published=dt.date(2024, 12, 23), publisher="Newsweek", layout=lay)
        t = time.perf_counter(); a.actors, a.mentions = actors.find_actors(a); acc["actors"] += time.perf_counter() - t
        t = time.perf_counter(); a.times = times.find_times(a); acc["times"] += time.perf_counter() - t
        t = time.perf_counter(); a.quotes = quotes.find_quotes(a); acc["quotes"] += time.perf_counter() - t
        t = time.perf_counter(); events.find_events(a); acc["events"] += time.perf_counter() - t
    total = sum(acc.values())
    print(f"per article, in process (mean of {n}), model {nlp.model_name()}:")
    for k, v in acc.items():
        print(f"  {k:<7} {1000 * v / n:7.1f} ms  ({100 * v / total:4.1f}%)")
    print(f"  total   {1000 * total / n:7.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
