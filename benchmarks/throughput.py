"""Throughput (words per second) and peak memory of extraction and ingest, against bare spaCy.

    python benchmarks/throughput.py [--words 200000] [--runs 1] [--only a,b,c,d1,d2,w2]
    python benchmarks/throughput.py --articles 20000 --only c     # memory while ingesting 20,000 articles

The texts (``--source``) are by default distinct synthetic articles (``synthetic_corpus.py``),
or the bundled examples and the stories benchmark corpus repeated, each copy with its own id
(``--source repeated``: real prose, but a store keeps only the first copy of each), to
``--words`` words or ``--articles`` articles.  Synthetic articles are dated at random over six
years (a backfill in no order, where each day holds more stories the longer the corpus: a batch
spans years, and only the story events one of its mentions could join may be loaded for linking,
or memory grows with the store), or ``--per-day N`` a day in order (a daily feed: the same
number of stories a day however long it runs).  Both sources use the example corpus's invented outlets
and people, so ``examples/kb_fictional.jsonl`` is loaded as a user knowledge-base file.  Every
measurement runs in a fresh process on the same texts, after the pipeline is loaded (start-up
is not timed):

  a   bare spaCy: ``nlp.pipe`` of the same model over the texts (batch 32)
  b   ``newsevents extract``: ``Extractor.extract_many``, each record serialised to JSON
  c   ``newsevents ingest`` into a new SQLite file (extract, store, duplicates, linking)
  w2  ``extract --workers 2`` (local processes)
  d1  ``extract --executor dask --workers 1`` (a local Dask cluster)
  d2  ``extract --executor dask --workers 2``; its records are checked against (b)'s

Peak memory is the largest resident set of the measuring process and of its worker processes.
Words per CPU-second (a, b, c: one process does all the work) do not depend on what else the
machine runs, unlike words per (wall-clock) second.
With ``--runs N`` each figure is the median of N runs, the runs interleaved.  In (c) the
resident set is also sampled every 1,000 articles read, to show whether memory grows with the
corpus (it must stay flat: the ingest streams).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [ROOT / "examples" / "articles.jsonl", ROOT / "benchmarks" / "stories_corpus" / "articles.jsonl"]
#: the invented outlets and people of the example corpus, which both sources use (Harbor Wire, ...):
#: a user knowledge-base file, loaded for every measurement (not part of the package's KB)
EXAMPLE_KB = ROOT / "examples" / "kb_fictional.jsonl"
MODES = ["a", "b", "c", "w2", "d1", "d2"]
LABELS = {"a": "bare spaCy nlp.pipe", "b": "newsevents extract", "c": "newsevents ingest (SQLite)",
          "w2": "extract --workers 2", "d1": "dask, 1 worker", "d2": "dask, 2 workers"}


def build_corpus(path: Path, words: int | None, articles: int | None,
                 source: str = "synthetic", per_day: int | None = None) -> tuple[int, int]:
    """Write the corpus to ``path``; returns (articles, words)."""
    if source == "synthetic":
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        from synthetic_corpus import generate

        n = w = 0
        with path.open("w", encoding="utf-8") as out:
            for row in generate(articles if articles is not None else 10**9, per_day=per_day):
                if articles is None and w >= (words or 0):
                    break
                out.write(json.dumps(row) + "\n")
                w += len(row["text"].split())
                n += 1
        return n, w
    base = []
    for src in SOURCES:
        with src.open(encoding="utf-8") as f:
            base += [json.loads(line) for line in f if line.strip()]
    n = w = 0
    with path.open("w", encoding="utf-8") as out:
        while (articles is not None and n < articles) or (articles is None and w < (words or 0)):
            row = dict(base[n % len(base)])
            row["id"] = f"{row.get('id') or 'row'}#{n // len(base)}"
            out.write(json.dumps(row) + "\n")
            w += len(row["text"].split())
            n += 1
    return n, w


_WARM = "Egypt and Ethiopia agreed on Monday to resume talks next week, the African Union said."


def _rows(path: Path):
    with path.open(encoding="utf-8") as f:
        for line in f:
            yield json.loads(line)


def _peak_mb() -> float:
    """Largest resident set (MB) of this process and of any waited-for child (workers)."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, kids) / 1024


def _rss_mb() -> float:
    """This process's resident set now (MB), from /proc (0 where /proc is absent)."""
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _sampled(rows, curve: list, every: int = 1000):
    """``rows``, appending (rows read, resident MB) to ``curve`` every ``every`` rows."""
    for n, row in enumerate(rows, 1):
        if n % every == 0:
            curve.append((n, round(_rss_mb(), 1)))
        yield row


def measure(mode: str, corpus: Path, out: Path | None) -> dict:
    """One measurement in this process; returns seconds, words and peak memory."""
    from newsevents import executors, nlp, pipeline

    words = sum(len(r["text"].split()) for r in _rows(corpus))
    extra: dict = {}
    cpu0 = time.process_time()
    digest = hashlib.sha256()
    if mode == "a":
        import spacy

        bare = spacy.load(nlp.model_name())
        list(bare.pipe([_WARM]))
        cpu0 = time.process_time()
        t0 = time.perf_counter()
        for _ in bare.pipe((r["text"] for r in _rows(corpus)), batch_size=32):
            pass
        secs = time.perf_counter() - t0
    elif mode in ("b", "w2"):
        ex = pipeline.get_extractor()
        ex.extract(_WARM)  # first-use costs (rule tables, gazetteer regex) are start-up, as in (a)
        cpu0 = time.process_time()
        t0 = time.perf_counter()
        items = pipeline.input_items(_rows(corpus))
        results = (ex.extract_many(items) if mode == "b"
                   else executors.extract_parallel(items, workers=2))
        for r in results:
            digest.update(r.to_json().encode("utf-8"))
        secs = time.perf_counter() - t0
    elif mode == "c":
        from newsevents.queries import ingest
        from newsevents.store import open_store

        pipeline.get_extractor().extract(_WARM)
        with tempfile.TemporaryDirectory() as tmp:
            store = open_store(str(Path(tmp) / "bench.db"))
            cpu0 = time.process_time()
            t0 = time.perf_counter()
            curve: list = []
            summary = ingest(None, store, rows=_sampled(_rows(corpus), curve))
            secs = time.perf_counter() - t0
            extra["rss_curve"] = curve
            extra["cpu_s"] = time.process_time() - cpu0
            store.close()
        extra["summary"] = summary.to_dict()
    elif mode in ("d1", "d2"):
        import distributed

        n = 1 if mode == "d1" else 2
        with distributed.LocalCluster(n_workers=n, threads_per_worker=1, processes=True,
                                      dashboard_address=None) as cluster, distributed.Client(cluster) as client:
            client.run(executors._load, None)
            t0 = time.perf_counter()
            for r in executors.extract_dask(pipeline.input_items(_rows(corpus)), client=client):
                digest.update(r.to_json().encode("utf-8"))
            secs = time.perf_counter() - t0
            workers_mb = max(client.run(lambda: resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024).values())
        extra["worker_peak_mb"] = round(workers_mb, 1)
    else:
        raise SystemExit(f"unknown mode {mode}")
    if mode in ("a", "b"):  # one process does all the work: its CPU time is the cost, whatever the load
        extra["cpu_s"] = time.process_time() - cpu0
    if "cpu_s" in extra:
        extra["words_per_cpu_s"] = words / extra["cpu_s"]
    res = {"mode": mode, "seconds": secs, "words": words, "words_per_s": words / secs,
           "peak_mb": round(max(_peak_mb(), extra.get("worker_peak_mb", 0)), 1), **extra}
    if mode in ("b", "w2", "d1", "d2"):
        res["digest"] = digest.hexdigest()
    return res


def use_example_kb() -> None:
    """Put the example corpus's knowledge-base file first in ``$NEWSEVENTS_KB`` (a user's own
    files still win), for this process and the measuring processes and workers it starts."""
    from newsevents.knowledge import KB_ENV

    files = [p for p in os.environ.get(KB_ENV, "").split(os.pathsep) if p.strip()]
    if str(EXAMPLE_KB) not in files:
        os.environ[KB_ENV] = os.pathsep.join([str(EXAMPLE_KB), *files])


def main() -> int:
    use_example_kb()
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--words", type=int, default=200_000, help="repeat the texts to this many words")
    ap.add_argument("--articles", type=int, help="repeat the texts to this many articles instead")
    ap.add_argument("--source", choices=["synthetic", "repeated"], default="synthetic",
                    help="distinct synthetic articles (default) or the bundled texts repeated")
    ap.add_argument("--per-day", type=int, metavar="N",
                    help="synthetic articles dated N a day in order (a daily feed), instead of at "
                         "random over six years (a backfill: more stories a day the longer it runs)")
    ap.add_argument("--runs", type=int, default=1, help="runs per measurement (the median is reported)")
    ap.add_argument("--only", default=",".join(MODES), help="comma-separated: " + ",".join(MODES))
    ap.add_argument("--measure", help=argparse.SUPPRESS)
    ap.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.measure:  # the child process
        print(json.dumps(measure(args.measure, args.corpus, None)))
        return 0

    modes = [m for m in args.only.split(",") if m]
    if any(m.startswith("d") for m in modes):
        try:
            import distributed  # noqa: F401
        except ImportError:
            print("dask.distributed is not installed (pip install -e '.[dask]'): skipping d1, d2")
            modes = [m for m in modes if not m.startswith("d")]
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        n, w = build_corpus(corpus, args.words, args.articles, args.source, args.per_day)
        what = ("distinct synthetic articles" if args.source == "synthetic"
                else "bundled examples + stories corpus, repeated")
        if args.source == "synthetic":
            what += (f", {args.per_day} a day in publication order" if args.per_day
                     else ", dated at random over six years")
        print(f"corpus: {n} articles, {w} words ({what}); "
              f"{os.cpu_count()} cores; load average {os.getloadavg()[0]:.2f}")
        runs: dict[str, list[dict]] = {m: [] for m in modes}
        for n_run in range(args.runs):  # runs interleaved: a load change meets every mode alike
            for mode in modes:
                p = subprocess.run([sys.executable, __file__, "--measure", mode, "--corpus", str(corpus)],
                                   capture_output=True, text=True)
                if p.returncode != 0:
                    print(p.stderr[-3000:])
                    return 1
                runs[mode].append(json.loads(p.stdout.strip().splitlines()[-1]))
                if args.runs > 1:
                    r = runs[mode][-1]
                    print(f"  run {n_run + 1} ({mode}): {r['words_per_s']:.0f} words/s, peak {r['peak_mb']:.0f} MB",
                          flush=True)
        results: dict[str, dict] = {}
        for mode in modes:
            med = dict(runs[mode][0])
            for k in ("seconds", "words_per_s", "peak_mb", "words_per_cpu_s"):
                if k in med:
                    med[k] = statistics.median(r[k] for r in runs[mode])
            results[mode] = med
            extra = f"  {med['summary']}" if "summary" in med else ""
            if med.get("rss_curve"):
                c = med["rss_curve"]
                step = max(1, len(c) // 10)
                extra += "\n     resident MB by articles read: " + ", ".join(
                    f"{k}: {mb:.0f}" for k, mb in c[::step] + ([c[-1]] if (len(c) - 1) % step else []))
            cpu = f"{med['words_per_cpu_s']:8.0f}" if "words_per_cpu_s" in med else " " * 8
            print(f"({mode:>2}) {LABELS[mode]:<28} {med['words_per_s']:8.0f} words/s {cpu} words/CPU-s  "
                  f"{med['seconds']:7.1f} s  peak {med['peak_mb']:6.0f} MB{extra}", flush=True)

    def ratio(x: str, y: str, label: str, target: float | None = None, key: str = "words_per_s") -> None:
        if x in results and y in results and key in results[x] and key in results[y]:
            r = results[x][key] / results[y][key]
            goal = f"  (target >= {target:.2f}: {'met' if r >= target else 'NOT met'})" if target else ""
            print(f"{label:<34} {r:5.2f}{goal}")

    print("ratios:")
    ratio("b", "a", "extract / bare spaCy", 0.80)
    ratio("b", "a", "extract / bare spaCy, CPU time", 0.80, key="words_per_cpu_s")
    ratio("c", "a", "ingest / bare spaCy")
    ratio("c", "b", "ingest / extract")
    ratio("w2", "b", "extract --workers 2 / 1 process")
    ratio("d1", "b", "dask 1 worker / extract")
    ratio("d2", "d1", "dask 2 workers / 1 worker", 1.70)
    digests = {m: results[m]["digest"] for m in ("b", "w2", "d1", "d2") if m in results}
    if len(digests) > 1:
        same = len(set(digests.values())) == 1
        print(f"records identical across {', '.join(digests)}: {'yes' if same else 'NO'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
