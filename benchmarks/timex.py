"""Benchmark the time-expression stage on TimeML TIMEX3 gold (TempEval-3 metrics).

Usage::

    python benchmarks/timex.py [DATA] [--errors] [--no-parse] [--limit N]

``DATA`` is a JSON-lines file of documents ``{"id", "dct", "text", "timexes": [...]}`` (e.g.
``tbaq_train.jsonl``) or a data folder holding ``timex/tbaq_train.jsonl``; the default is
``../shared/data`` from the project root.  When the data is absent the script says so and
exits 0 (the data lives beside the project, never inside it).

Each document is parsed with the project's spaCy pipeline (``newsevents.nlp.load()``, unless
``--no-parse``) and tagged with :func:`newsevents.times.tag_times` against its ``dct``.

Metrics (TempEval-3 rules, plus ``mod``):

* relaxed span match: any overlap, one-to-one, greedy, left to right; strict: identical
  offsets (the identical string);
* type and value accuracy over relaxed matches; type F1 and value F1 = relaxed F1 × accuracy;
* mod accuracy over relaxed matches (a missing gold mod counts as null).

``--errors`` lists each wrong value (and missed or spurious span) with its context.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "data"


def _dataset(path: Path) -> Path | None:
    if path.is_dir():
        path = path / "timex" / "tbaq_train.jsonl"
    return path if path.is_file() else None


def match(gold: list[dict], sys_: list[dict]) -> list[tuple[dict, dict]]:
    """Relaxed one-to-one matching: any overlap, greedy, left to right."""
    used: set[int] = set()
    pairs: list[tuple[dict, dict]] = []
    ordered = sorted(range(len(sys_)), key=lambda i: (sys_[i]["start"], sys_[i]["end"]))
    for g in sorted(gold, key=lambda t: (t["start"], t["end"])):
        for i in ordered:
            if i in used:
                continue
            s = sys_[i]
            if s["start"] < g["end"] and g["start"] < s["end"]:
                used.add(i)
                pairs.append((g, s))
                break
    return pairs


def _prf(tp: float, n_sys: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_sys if n_sys else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def _context(text: str, start: int, end: int, width: int = 60) -> str:
    left = text[max(0, start - width):start].replace("\n", " ")
    right = text[end:end + width].replace("\n", " ")
    return f"{left}[[{text[start:end]}]]{right}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("data", nargs="?", default=str(DEFAULT_DATA),
                    help="a TIMEX3 JSON-lines file or the shared data folder")
    ap.add_argument("--errors", action="store_true", help="list wrong values, misses and spurious spans")
    ap.add_argument("--no-parse", action="store_true", help="tag without a spaCy parse (no tense cues)")
    ap.add_argument("--limit", type=int, default=0, help="only the first N documents")
    args = ap.parse_args(argv)

    path = _dataset(Path(args.data))
    if path is None:
        print(f"timex benchmark skipped: no TIMEX3 data at {args.data}")
        return 0

    from newsevents.times import tag_times

    nlp = None
    if not args.no_parse:
        from newsevents import nlp as nlp_mod

        nlp = nlp_mod.load()

    docs = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    if args.limit:
        docs = docs[: args.limit]

    n_gold = n_sys = strict = 0
    pairs_all: list[tuple[dict, dict, dict]] = []
    misses: list[str] = []
    spurious: list[str] = []
    t_parse = t_tag = 0.0
    for d in docs:
        dct = dt.date.fromisoformat(d["dct"][:10]) if d.get("dct") else None
        text = d["text"]
        t0 = time.perf_counter()
        doc = nlp(text) if nlp is not None else None
        t1 = time.perf_counter()
        found = [t.model_dump() for t in tag_times(text, dct, doc)]
        t2 = time.perf_counter()
        t_parse += t1 - t0
        t_tag += t2 - t1
        gold = d["timexes"]
        n_gold += len(gold)
        n_sys += len(found)
        gold_spans = {(g["start"], g["end"]) for g in gold}
        strict += sum(1 for s in found if (s["start"], s["end"]) in gold_spans)
        pairs = match(gold, found)
        matched_g = {id(g) for g, _ in pairs}
        matched_s = {id(s) for _, s in pairs}
        pairs_all.extend((d, g, s) for g, s in pairs)
        if args.errors:
            for g in gold:
                if id(g) not in matched_g:
                    misses.append(f"{d['dct'][:10]} MISS {g['type']} {g['value']} {g.get('mod') or ''}  "
                                  f"{_context(text, g['start'], g['end'])}")
            for s in found:
                if id(s) not in matched_s:
                    spurious.append(f"{d['dct'][:10]} SPUR {s['type']} {s['value']} {s['mod'] or ''}  "
                                    f"{_context(text, s['start'], s['end'])}")

    tp = len(pairs_all)
    rp, rr, rf = _prf(tp, n_sys, n_gold)
    sp, sr, sf = _prf(strict, n_sys, n_gold)
    type_ok = sum(1 for _, g, s in pairs_all if g["type"] == s["type"])
    value_ok = sum(1 for _, g, s in pairs_all if g["value"] == s["value"])
    mod_ok = sum(1 for _, g, s in pairs_all if (g.get("mod") or None) == (s["mod"] or None))
    type_acc = type_ok / tp if tp else 0.0
    value_acc = value_ok / tp if tp else 0.0
    mod_acc = mod_ok / tp if tp else 0.0

    if args.errors:
        wrong = [(d, g, s) for d, g, s in pairs_all
                 if g["value"] != s["value"] or g["type"] != s["type"]
                 or (g.get("mod") or None) != (s["mod"] or None)]
        print(f"== wrong attributes ({len(wrong)})")
        for d, g, s in wrong:
            print(f"{d['dct'][:10]} gold {g['type']} {g['value']} {g.get('mod') or ''} | "
                  f"sys {s['type']} {s['value']} {s['mod'] or ''} | "
                  f"{_context(d['text'], g['start'], g['end'])}")
        print(f"== missed ({len(misses)})")
        print("\n".join(misses))
        print(f"== spurious ({len(spurious)})")
        print("\n".join(spurious))
        print()

    n = len(docs)
    print(f"TIMEX3 benchmark: {path.name}, {n} documents, {n_gold} gold, {n_sys} system")
    print(f"  strict  span  P {100*sp:5.1f}  R {100*sr:5.1f}  F1 {100*sf:5.1f}")
    print(f"  relaxed span  P {100*rp:5.1f}  R {100*rr:5.1f}  F1 {100*rf:5.1f}")
    print(f"  type   accuracy {100*type_acc:5.1f}  F1 {100*rf*type_acc:5.1f}")
    print(f"  value  accuracy {100*value_acc:5.1f}  F1 {100*rf*value_acc:5.1f}")
    print(f"  mod    accuracy {100*mod_acc:5.1f}")
    if n:
        parse = f"spaCy parse {1000*t_parse/n:.1f} ms/doc, " if nlp is not None else ""
        print(f"  time: {parse}tagging {1000*t_tag/n:.2f} ms/doc")
    return 0


if __name__ == "__main__":
    sys.exit(main())
