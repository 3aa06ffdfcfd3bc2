"""Load on the events API of ``newsevents serve`` from a second process: requests per second and
error rate, over a store of 10,000 articles.

    python benchmarks/serve_load.py [--db /tmp/newsevents-serve-10k.db] [--articles 10000]
                                    [--workers 2] [--concurrency 16] [--duration 20] [--client httpx|wrk]
                                    [--json OUT.json]

The store is built as by ``benchmarks/serve_latency.py`` (reused when it holds the articles).
The server runs in its own process group on 127.0.0.1 (``--workers`` uvicorn processes); this
process is the client: ``--concurrency`` connections kept alive, each sending the next request
as soon as the last is answered, for ``--duration`` seconds (and never more than
``--max-requests``), then it stops by itself; ``--client wrk`` sends the same requests from
Debian's ``wrk`` (a second process that takes less of the CPU than this one). The requests cycle through the events API's
filters (none, an actor, a pair, a type and status, a time range, overdue, pages deep in the
list). An error is any answer other than 200 or a failed connection. Target: 200 requests per
second with no errors.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import sys
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from serve_latency import build_store  # noqa: E402  (a sibling script)

from newsevents.web.local import running_server  # noqa: E402

TARGET_RPS = 200


def request_mix(base: httpx.Client) -> list[str]:
    """Events API requests with parameters from the store."""
    net = base.get("/api/network").json()
    pairs = [(e["source"], e["target"]) for e in net["edges"][:5]]
    actors = [n["id"] for n in net["nodes"][:8]]
    mix = ["/api/events", "/api/events?limit=20&offset=100", "/api/events?offset=2000",
           "/api/events?type=ACCUSE&status=asserted", "/api/events?type=AGREE",
           "/api/events?since=2025-01-01&until=2025-03-31", "/api/events?status=expected",
           "/api/events?overdue=true"]
    mix += [f"/api/events?actor={a}" for a in actors]
    mix += [f"/api/events?actor={a}&actor={b}" for a, b in pairs]
    return mix


async def run_load(base: str, mix: list[str], concurrency: int, duration: float, max_requests: int) -> dict:
    statuses: dict[str, int] = {}
    latencies: list[float] = []
    sent = 0
    deadline = time.monotonic() + duration
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)

    async def worker(client: httpx.AsyncClient, k: int) -> None:
        nonlocal sent
        i = k
        while time.monotonic() < deadline and sent < max_requests:
            sent += 1
            url = mix[i % len(mix)]
            i += concurrency
            t0 = time.perf_counter()
            try:
                r = await client.get(url)
                key = str(r.status_code)
            except httpx.HTTPError as e:
                key = e.__class__.__name__
            latencies.append((time.perf_counter() - t0) * 1000)
            statuses[key] = statuses.get(key, 0) + 1

    async with httpx.AsyncClient(base_url=base, timeout=30, limits=limits) as client:
        t0 = time.perf_counter()
        await asyncio.gather(*(worker(client, k) for k in range(concurrency)))
        elapsed = time.perf_counter() - t0
    total = sum(statuses.values())
    errors = total - statuses.get("200", 0)
    latencies.sort()
    return {"requests": total, "seconds": round(elapsed, 2), "rps": round(total / elapsed, 1),
            "errors": errors, "error_rate": round(errors / total, 4) if total else None, "statuses": statuses,
            "latency_ms": {"median": round(statistics.median(latencies), 1),
                           "p95": round(latencies[int(0.95 * (len(latencies) - 1))], 1),
                           "max": round(latencies[-1], 1)} if latencies else None}


WRK_SCRIPT = """
paths = {%s}
i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i %% #paths) + 1])
end
"""


def run_wrk(base: str, mix: list[str], concurrency: int, duration: float) -> dict:
    """The same load from Debian's ``wrk`` (C, little CPU of its own): requests cycle through
    ``mix``; an error is a socket error or a status other than 2xx/3xx."""
    import re
    import subprocess
    import tempfile

    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as f:
        f.write(WRK_SCRIPT % ", ".join(json.dumps(u) for u in mix))
    try:
        out = subprocess.run(["wrk", "-t", "2", "-c", str(concurrency), "-d", f"{int(duration)}s", "--latency",
                              "-s", f.name, base], capture_output=True, text=True, timeout=duration + 60).stdout
    finally:
        os.unlink(f.name)
    total = int(re.search(r"(\d+) requests in", out).group(1))
    seconds = re.search(r"requests in ([\d.]+)(m?s)", out)
    elapsed = float(seconds.group(1)) / (1000 if seconds.group(2) == "ms" else 1)
    non2xx = int((re.search(r"Non-2xx or 3xx responses: (\d+)", out) or [0, 0])[1])
    sock = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    errors = non2xx + (sum(int(x) for x in sock.groups()) if sock else 0)
    lat = dict(re.findall(r"^\s+(50|99)%\s+([\d.]+\w+)", out, re.M))
    return {"requests": total, "seconds": round(elapsed, 2), "rps": round(total / elapsed, 1), "errors": errors,
            "error_rate": round(errors / total, 4) if total else None, "statuses": {"non-2xx": non2xx},
            "latency_ms": {"p50": _ms(lat.get("50")), "p99": _ms(lat.get("99"))}, "client": "wrk"}


def _ms(text: str | None) -> float | None:
    """wrk's "182.67ms" / "1.25s" / "850us" in milliseconds."""
    if not text:
        return None
    for unit, scale in (("ms", 1.0), ("us", 0.001), ("s", 1000.0), ("m", 60_000.0)):
        if text.endswith(unit):
            return round(float(text[:-len(unit)]) * scale, 1)
    return None


def server_cpu_seconds(port: int) -> float | None:
    """CPU time (user + system) used so far by the server on ``port``: every process of the
    ``newsevents serve`` process group (the supervisor and its workers). Linux /proc only."""
    proc = Path("/proc")
    if not proc.exists():
        return None
    stats = {}
    for d in proc.iterdir():
        if not d.name.isdigit():
            continue
        try:
            cmd = (d / "cmdline").read_bytes().split(b"\0")
            fields = (d / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        stats[d.name] = (cmd, int(fields[2]), int(fields[11]) + int(fields[12]))  # pgrp, utime + stime
    group = next((pg for cmd, pg, _ in stats.values()
                  if b"serve" in cmd and str(port).encode() in cmd), None)
    if group is None:
        return None
    return sum(t for _, pg, t in stats.values() if pg == group) / os.sysconf("SC_CLK_TCK")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", default="/tmp/newsevents-serve-10k.db")
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--workers", type=int, default=2, help="server processes")
    ap.add_argument("--concurrency", type=int, default=16, help="connections of the client")
    ap.add_argument("--duration", type=float, default=20.0, help="seconds of load")
    ap.add_argument("--max-requests", type=int, default=100_000)
    ap.add_argument("--client", choices=("httpx", "wrk"), default="httpx",
                    help="httpx: asyncio connections from this process; wrk: Debian's wrk (apt-get install wrk)")
    ap.add_argument("--json", help="also write the results here")
    args = ap.parse_args(argv)
    counts = build_store(args.db, args.articles)
    print(f"store {args.db}: {json.dumps(counts)}")
    with running_server(args.db, workers=args.workers) as base:
        with httpx.Client(base_url=base, timeout=60) as client:
            mix = request_mix(client)
            for url in mix:  # warm: each worker's caches and the database pages
                client.get(url)
        port = int(base.rsplit(":", 1)[1])
        cpu0 = server_cpu_seconds(port)
        if args.client == "wrk":
            result = run_wrk(base, mix, args.concurrency, min(args.duration, 600.0))
        else:
            result = asyncio.run(run_load(base, mix, args.concurrency, min(args.duration, 600.0), args.max_requests))
        cpu1 = server_cpu_seconds(port)
    if cpu0 is not None and cpu1 is not None and cpu1 > cpu0:
        # what the server could answer with one core to itself: a figure that a busy machine does not move
        result["server_cpu_s"] = round(cpu1 - cpu0, 2)
        result["requests_per_server_cpu_s"] = round(result["requests"] / (cpu1 - cpu0), 1)
    load = os.getloadavg()
    result.update(workers=args.workers, concurrency=args.concurrency, load=load, urls=len(mix))
    print(f"{result['requests']} requests in {result['seconds']} s from {args.concurrency} connections to "
          f"{args.workers} server processes: {result['rps']} requests/s, {result['errors']} errors "
          f"(rate {result['error_rate']}), statuses {result['statuses']}; latency ms {result['latency_ms']}; "
          f"load average {load[0]:.1f} on {os.cpu_count()} cores")
    met = result["rps"] >= TARGET_RPS and result["errors"] == 0
    if "requests_per_server_cpu_s" in result:
        print(f"the server used {result['server_cpu_s']} CPU-seconds: {result['requests_per_server_cpu_s']} "
              f"requests per CPU-second (per core it has to itself)")
    print(f"target {TARGET_RPS} requests/s with no errors: {'met' if met else 'NOT met'}")
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=1))
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
