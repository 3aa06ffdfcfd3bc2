"""Resident memory and CPU time of storing alone (duplicates, mentions, linking), over article
records extracted beforehand, and a digest of the story events it makes.

    python benchmarks/store_memory.py --articles 6000 [--per-day N] [--records FILE] [--dump FILE]

The articles are those of ``throughput.py`` (distinct synthetic articles, ``synthetic_corpus.py``,
dated at random over six years, or ``--per-day N`` a day in order), extracted once with the
example corpus's knowledge-base file and kept in ``--records`` (default: a file in the system's
temporary directory, reused when it holds the same articles), so that the store can be measured
again in a minute or two without parsing: ``throughput.py --only c`` measures extraction and
storing together and takes half an hour for 20,000 articles.

Every 500 articles it prints the resident set, the story events (and their mentions) loaded per
batch to link it (the mean over the last 16 batches) and the CPU time so far; at the end the
peak while storing, the store's counts and a digest of every story event's record (``--dump``
writes them, one per line, sorted), to check that a change to the store links the same way.
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import resource
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from throughput import _rss_mb, use_example_kb  # noqa: E402  (the same measures as throughput.py)


def extract_records(path: Path, articles: int, per_day: int | None) -> None:
    """Extract the synthetic articles into ``path`` (one record per line), with a first line
    saying which articles they are."""
    from synthetic_corpus import generate

    use_example_kb()
    from newsevents import pipeline

    ex = pipeline.get_extractor()
    tmp = path.with_suffix(".part")
    with tmp.open("w", encoding="utf-8") as f:
        f.write(json.dumps({"articles": articles, "per_day": per_day}) + "\n")
        for r in ex.extract_many(pipeline.input_items(generate(articles, per_day=per_day))):
            f.write(r.to_json() + "\n")
    tmp.replace(path)


def _matches(path: Path, articles: int, per_day: int | None) -> bool:
    if not path.exists():
        return False
    with path.open(encoding="utf-8") as f:
        head = json.loads(f.readline() or "{}")
    return head.get("articles", 0) >= articles and head.get("per_day") == per_day


def measure(path: Path, articles: int, every: int = 500) -> tuple[list[str], dict]:
    """Ingest the first ``articles`` records of ``path`` into a new SQLite store; returns the
    story events' records (sorted) and the figures."""
    from newsevents import store as store_mod
    from newsevents.models import Article

    loaded: list[tuple[int, int]] = []
    nearby = store_mod.Store._nearby_events

    def counted(self, conn, new):  # how many story events and mentions a batch is linked against
        pool, latest = nearby(self, conn, new)
        loaded.append((len(pool), sum(len(ms) for ms in pool.values())))
        return pool, latest

    store_mod.Store._nearby_events = counted
    curve: list[dict] = []

    def records():
        with path.open(encoding="utf-8") as f:
            f.readline()
            for n, line in enumerate(itertools.islice(f, articles), 1):
                yield Article.model_validate_json(line)
                if n % every == 0:
                    last = loaded[-16:] or [(0, 0)]
                    curve.append({"articles": n, "rss_mb": round(_rss_mb(), 1),
                                  "story_events_per_batch": round(sum(a for a, _ in last) / len(last)),
                                  "mentions_per_batch": round(sum(b for _, b in last) / len(last)),
                                  "cpu_s": round(time.process_time() - cpu0, 1)})
                    print(json.dumps(curve[-1]), flush=True)

    try:
        with tempfile.TemporaryDirectory() as tmp:
            store = store_mod.open_store(str(Path(tmp) / "store.db"))
            cpu0 = time.process_time()
            summary = store.ingest(records())
            cpu = time.process_time() - cpu0
            peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # before the listing below
            lines = sorted(ev.to_json() for ev in store.story_events())
            counts = store.counts()
            store.close()
    finally:
        store_mod.Store._nearby_events = nearby
    digest = hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()[:16]
    return lines, {"summary": summary.to_dict(), "counts": counts, "cpu_s": round(cpu, 1),
                   "peak_mb": round(peak, 1), "story_events_digest": digest, "curve": curve}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=6000)
    ap.add_argument("--per-day", type=int, metavar="N",
                    help="N articles a day in publication order (default: dated at random over six years)")
    ap.add_argument("--records", type=Path, help="extracted records (made when missing)")
    ap.add_argument("--dump", type=Path, help="write the story events' records here, sorted")
    args = ap.parse_args()
    path = args.records or Path(tempfile.gettempdir()) / (
        f"newsevents-synthetic-{args.articles}{f'-per-day-{args.per_day}' if args.per_day else ''}.jsonl")
    if not _matches(path, args.articles, args.per_day):
        print(f"extracting {args.articles} synthetic articles into {path} (once) ...", flush=True)
        extract_records(path, args.articles, args.per_day)
    lines, res = measure(path, args.articles)
    if args.dump:
        args.dump.write_text("\n".join(lines) + "\n", encoding="utf-8")
    res.pop("curve")
    print(json.dumps(res))
    return 0


if __name__ == "__main__":
    sys.exit(main())
