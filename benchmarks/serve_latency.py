"""How fast every page and API route of ``newsevents serve`` answers over a store of 10,000 articles.

    python benchmarks/serve_latency.py [--articles 10000] [--db /tmp/newsevents-serve-10k.db]
                                       [--repeat 20] [--json OUT.json]

Builds the store once (``benchmarks/synthetic_corpus.py``: distinct synthetic articles, ingested
with ``newsevents ingest --workers 2``; a store that holds the articles already is reused),
serves it on 127.0.0.1 (one uvicorn process) and requests each URL ``--repeat`` times after two
warm-up requests, one at a time over a kept-alive connection. Prints, per URL, the median, p95
and max wall time in milliseconds, and whether p95 is under the target (300 ms). The machine's
load average is printed too: on a shared machine the figures move with it.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

import httpx

from newsevents.store import open_store
from newsevents.web.local import running_server

HERE = Path(__file__).resolve().parent
TARGET_MS = 300.0


def build_store(db: str, n: int, seed: int = 7, workers: int = 2) -> dict:
    """The store at ``db`` with ``n`` synthetic articles (built unless it holds them already)."""
    with open_store(db) as store:
        have = store.counts()
    if have["articles"] >= n:
        return have
    corpus = Path(db).with_suffix(f".{n}.jsonl")
    if not corpus.exists():
        subprocess.run([sys.executable, str(HERE / "synthetic_corpus.py"), "--articles", str(n), "--out",
                        str(corpus), "--seed", str(seed)], check=True)
    sys.stderr.write(f"ingesting {n} articles into {db} (--workers {workers}); a rerun resumes\n")
    subprocess.run([sys.executable, "-m", "newsevents.cli", "ingest", str(corpus), "--db", db,
                    "--workers", str(workers)], check=False, stdout=subprocess.DEVNULL)
    with open_store(db) as store:
        return store.counts()


def urls(client: httpx.Client) -> list[str]:
    """The pages and API routes, with parameters taken from the store (its busiest pair, an
    article in the middle, a story event of it, a word of its text)."""
    net = client.get("/api/network").json()
    a, b = net["edges"][0]["source"], net["edges"][0]["target"]
    arts = client.get("/api/articles?limit=1&offset=5000").json()["items"] or client.get("/api/articles?limit=1").json()["items"]
    art = quote(arts[0]["id"], safe="")
    entry = client.get(f"/api/articles/{art}").json()
    se = next((s for s in entry["story_events"] if s), "")
    word = (arts[0]["title"] or "talks").split()[0]
    pair = f"actor={a}&actor={b}"
    return [
        "/", f"/story?{pair}", f"/story?actor={a}", "/network", "/network?level=actors&type=ACCUSE",
        "/articles", "/articles?offset=5000", f"/articles/{art}", f"/articles/{art}?story_event={se}",
        "/actors", "/actors?q=min", f"/actors/{a}", "/next", "/search?q=" + quote(word), "/search?q=talks+minister",
        "/ingest", "/api/docs",
        "/api/events", "/api/events?offset=5000", f"/api/events?{pair}", "/api/events?type=ACCUSE&status=asserted",
        "/api/events?since=2025-01-01&until=2025-03-31", "/api/events?overdue=true", f"/api/events/{se}",
        f"/api/timeline?{pair}", "/api/next", "/api/next?which=open", "/api/actors?q=min", f"/api/actors/{a}",
        "/api/network", "/api/network?level=actors", "/api/articles", f"/api/articles/{art}",
        "/api/search?q=" + quote(word), "/api/health", "/openapi.json",
    ]


def measure(client: httpx.Client, url: str, repeat: int) -> dict:
    for _ in range(2):
        client.get(url)
    times, statuses = [], set()
    for _ in range(repeat):
        t0 = time.perf_counter()
        r = client.get(url)
        r.read()
        times.append((time.perf_counter() - t0) * 1000)
        statuses.add(r.status_code)
    times.sort()
    p95 = times[min(len(times) - 1, int(round(0.95 * (len(times) - 1))))]
    return {"url": url, "median_ms": round(statistics.median(times), 1), "p95_ms": round(p95, 1),
            "max_ms": round(times[-1], 1), "status": sorted(statuses), "ok": p95 < TARGET_MS and statuses == {200}}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--db", default="/tmp/newsevents-serve-10k.db")
    ap.add_argument("--repeat", type=int, default=20)
    ap.add_argument("--json", help="also write the results here")
    args = ap.parse_args(argv)
    counts = build_store(args.db, args.articles)
    print(f"store {args.db}: {json.dumps(counts)}")
    with running_server(args.db) as base, httpx.Client(base_url=base, timeout=60) as client:
        t0 = time.perf_counter()
        first = client.get("/network")
        print(f"first /network right after start (the server reads every story event's parties once, "
              f"in the background from its start): "
              f"{(time.perf_counter() - t0) * 1000:.0f} ms, HTTP {first.status_code}")
        results = [measure(client, u, args.repeat) for u in urls(client)]
    load = os.getloadavg()
    print(f"load average {load[0]:.1f} {load[1]:.1f} {load[2]:.1f} on {os.cpu_count()} cores; "
          f"{args.repeat} requests per URL, target p95 < {TARGET_MS:.0f} ms")
    width = max(len(r["url"]) for r in results)
    print(f"{'url':<{width}}  median    p95    max  status")
    for r in results:
        print(f"{r['url']:<{width}}  {r['median_ms']:6.1f} {r['p95_ms']:6.1f} {r['max_ms']:6.1f}  "
              f"{','.join(map(str, r['status']))} {'ok' if r['ok'] else 'SLOW' if r['status'] == [200] else 'ERROR'}")
    worst = max(results, key=lambda r: r["p95_ms"])
    n_ok = sum(r["ok"] for r in results)
    print(f"{n_ok}/{len(results)} under {TARGET_MS:.0f} ms at p95; worst p95 {worst['p95_ms']} ms ({worst['url']})")
    if args.json:
        Path(args.json).write_text(json.dumps({"counts": counts, "load": load, "results": results}, indent=1))
    return 0 if n_ok == len(results) else 1


if __name__ == "__main__":
    sys.exit(main())
