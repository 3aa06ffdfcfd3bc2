"""Fuzz run (issue #11): the property tests of ``tests/test_properties.py``, for as long as asked.

    python benchmarks/fuzz.py --minutes 10 [--chunk 200] [--only text,page] [--out /tmp/fuzz.jsonl]

Each property (random and adversarial text, HTML pages, batches of rows, JSON lines, bytes,
feeds, dates, a store round trip) is run by Hypothesis in turns of ``--chunk`` fresh random
examples, round robin, until the time is up.  A failure (an exception escaping the library, an
offset outside the text, a record the model refuses, ``E_EXTRACT`` from a crashed stage) is
shrunk by Hypothesis to a small example, written to ``--out`` (one JSON line: the property,
the error and the falsifying example) and counted; the run goes on.  At the end one JSON line
gives the inputs tried and the failures, overall and per property, and the slowest input.

Needs the test extra (``pip install -e '.[test]'``: pytest and hypothesis).
"""

from __future__ import annotations

import argparse
import functools
import json
import sys
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))


def counted(fn, stats: dict):
    """``fn`` that counts its calls and keeps its slowest call's time in ``stats``."""
    @functools.wraps(fn)
    def run(**kwargs):
        t0 = time.perf_counter()
        try:
            return fn(**kwargs)
        finally:
            secs = time.perf_counter() - t0
            stats["inputs"] += 1
            stats["slowest_s"] = max(stats["slowest_s"], round(secs, 3))
    return run


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--minutes", type=float, default=10.0, help="how long to run (default 10)")
    ap.add_argument("--chunk", type=int, default=200, help="examples per turn of one property")
    ap.add_argument("--only", help="comma-separated property names (default: all)")
    ap.add_argument("--out", type=Path, default=Path("fuzz-failures.jsonl"), help="failures, one JSON line each")
    args = ap.parse_args(argv)

    from hypothesis import Phase, given, settings
    from test_properties import PROPERTIES, SETTINGS

    from newsevents.pipeline import get_extractor

    names = args.only.split(",") if args.only else list(PROPERTIES)
    unknown = [n for n in names if n not in PROPERTIES]
    if unknown:
        ap.error(f"unknown properties {unknown}; known: {', '.join(PROPERTIES)}")
    get_extractor()  # loaded before the clock starts
    stats = {n: {"inputs": 0, "failures": 0, "slowest_s": 0.0} for n in names}
    runs = {}
    for n in names:
        fn, strategies = PROPERTIES[n]
        runs[n] = settings(SETTINGS, max_examples=args.chunk, phases=[Phase.generate, Phase.shrink])(
            given(**strategies)(counted(fn, stats[n])))
    t0 = time.monotonic()
    deadline = t0 + args.minutes * 60
    turns = 0
    with args.out.open("w", encoding="utf-8") as out:
        while time.monotonic() < deadline:
            name = names[turns % len(names)]
            turns += 1
            try:
                runs[name]()
            except Exception as e:  # a property failed: Hypothesis has shrunk it; note it, go on
                stats[name]["failures"] += 1
                notes = getattr(e, "__notes__", [])
                out.write(json.dumps({"property": name, "error": f"{type(e).__name__}: {e}"[:2000],
                                      "example": notes, "traceback": traceback.format_exc()[-3000:]},
                                     ensure_ascii=True) + "\n")
                out.flush()
                print(f"FAIL {name}: {type(e).__name__}: {str(e)[:200]}", file=sys.stderr, flush=True)
    summary = {
        "seconds": round(time.monotonic() - t0, 1),
        "inputs": sum(s["inputs"] for s in stats.values()),
        "failures": sum(s["failures"] for s in stats.values()),
        "turns": turns,
        "by_property": stats,
        "failures_file": str(args.out),
    }
    print(json.dumps(summary))
    return 1 if summary["failures"] else 0


if __name__ == "__main__":
    sys.exit(main())
