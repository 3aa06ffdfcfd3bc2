"""Benchmark the quotes stage on PolNeAR attributions (content spans).

Usage::

    python benchmarks/quotes_polnear.py [DATA] [--limit N] [--cognition] [--errors N]

``DATA`` is ``polnear_train.jsonl`` or a data folder holding ``quotes/polnear_train.jsonl``;
the default is ``../shared/data`` from the project root.  When the data is absent the script
says so and exits 0 (the data lives beside the project, never inside it).

Each document runs through the project's layout, spaCy parse, actors stage and
:func:`newsevents.quotes.find_quotes`.  Gold: every PolNeAR attribution (its content may be
several discontinuous spans, taken as one set of characters).  Metrics:

* **overlap F1** (the seed-article rule without the speaker): a gold content is found when a
  predicted content covers at least 50% of its characters; one-to-one, the eligible pairs
  taken greedily by character Jaccard (PolNeAR nests attributions: a short gold content
  inside a long one must not take the prediction meant for the long one).
  Precision counts the predictions used by a match;
* **character F1**: precision and recall of content characters (union of gold contents vs.
  union of predicted contents, over all documents);
* **exact**: predicted span equal to the gold span (single-span gold, white space and edge
  punctuation folded).

A quotation that continues the previous one in the same voice ('"A," X said. "B"') is a
separate quote for the project but one attribution with two spans for PolNeAR: the benchmark
joins them before scoring.

Published reference: dependency rules reach about 54 content F1 on PolNeAR.
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
EDGE = " \t\n,.;:\"“”'’‘—–-"


def _dataset(path: Path) -> Path | None:
    if path.is_dir():
        path = path / "quotes" / "polnear_train.jsonl"
    return path if path.is_file() else None


def _chars(spans: list[tuple[int, int]]) -> set[int]:
    out: set[int] = set()
    for s, e in spans:
        out.update(range(s, e))
    return out


def _fold(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s] in EDGE:
        s += 1
    while e > s and text[e - 1] in EDGE:
        e -= 1
    return s, e


def score_doc(text: str, gold: list[dict], pred: list[list[tuple[int, int]]]) -> dict[str, int]:
    gsets = [_chars([tuple(x) for x in g["content_spans"]]) for g in gold]
    psets = [_chars(p) for p in pred]
    # one-to-one: eligible pairs (>= 50% of the gold characters covered), best Jaccard first
    pairs = sorted(((len(gs & ps) / len(gs | ps), gi, pi) for gi, gs in enumerate(gsets) if gs
                    for pi, ps in enumerate(psets) if len(gs & ps) >= 0.5 * len(gs)), reverse=True)
    used_g: set[int] = set()
    used: set[int] = set()
    tp = 0
    for _, gi, pi in pairs:
        if gi not in used_g and pi not in used:
            used_g.add(gi)
            used.add(pi)
            tp += 1
    gall = set().union(*gsets) if gsets else set()
    pall = set().union(*psets) if psets else set()
    gall = {i for i in gall if not text[i].isspace()}
    pall = {i for i in pall if not text[i].isspace()}
    exact = 0
    pfold = {_fold(text, *p[0]) for p in pred if len(p) == 1}
    for g in gold:
        if len(g["content_spans"]) == 1 and _fold(text, *g["content_spans"][0]) in pfold:
            exact += 1
    return {"gold": sum(1 for g in gsets if g), "pred": len(pred), "tp": tp, "exact": exact,
            "gchars": len(gall), "pchars": len(pall), "both": len(gall & pall)}


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("data", nargs="?", default=str(DEFAULT_DATA))
    ap.add_argument("--limit", type=int, default=0, help="score only the first N documents")
    ap.add_argument("--cognition", action="store_true", help="also use belief verbs as cues")
    ap.add_argument("--errors", type=int, default=0, help="print N missed gold contents")
    args = ap.parse_args(argv)
    path = _dataset(Path(args.data))
    if path is None:
        print(f"PolNeAR data not found under {args.data}; skipping (nothing measured)")
        return 0

    from newsevents import actors as actors_stage
    from newsevents import nlp as nlp_mod
    from newsevents.analysis import Analysis
    from newsevents.quotes import find_attributions

    rows = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    if args.limit:
        rows = rows[: args.limit]
    nlp = nlp_mod.load()
    t0 = time.time()
    totals = {"gold": 0, "pred": 0, "tp": 0, "exact": 0, "gchars": 0, "pchars": 0, "both": 0}
    misses: list[str] = []
    for row, doc in zip(rows, nlp.pipe(r["text"] for r in rows)):
        text = row["text"]
        published = None
        try:
            published = dt.date.fromisoformat(row.get("meta", {}).get("date", ""))
        except ValueError:
            pass
        a = Analysis.begin(doc, published=published)
        a.actors, a.mentions = actors_stage.find_actors(a)
        pred: list[list[tuple[int, int]]] = []
        for t in find_attributions(a, cognition=args.cognition):
            if t.source == "continued" and pred:  # PolNeAR: one attribution, several spans
                pred[-1].append((t.start, t.end))
            else:
                pred.append([(t.start, t.end)])
        gold = [q for q in row["quotes"] if q.get("content_spans")]
        s = score_doc(text, gold, pred)
        for k in totals:
            totals[k] += s[k]
        if args.errors and len(misses) < args.errors:
            pc = _chars([sp for p in pred for sp in p])
            for g in gold:
                gs = _chars([tuple(x) for x in g["content_spans"]])
                if gs and len(gs & pc) < 0.5 * len(gs):
                    misses.append(f"[{g.get('cue')}] {g['content_text'][:100]!r}")
    secs = time.time() - t0
    p = totals["tp"] / totals["pred"] if totals["pred"] else 0.0
    r = totals["tp"] / totals["gold"] if totals["gold"] else 0.0
    cp = totals["both"] / totals["pchars"] if totals["pchars"] else 0.0
    cr = totals["both"] / totals["gchars"] if totals["gchars"] else 0.0
    print(f"PolNeAR {path.name}: {len(rows)} documents, {totals['gold']} gold attributions, "
          f"{totals['pred']} predicted ({secs:.1f}s)")
    print(f"  overlap (>=50% of gold chars)  P {p:.3f}  R {r:.3f}  F1 {_f1(p, r):.3f}")
    print(f"  character                      P {cp:.3f}  R {cr:.3f}  F1 {_f1(cp, cr):.3f}")
    ep = totals["exact"] / totals["pred"] if totals["pred"] else 0.0
    er = totals["exact"] / totals["gold"] if totals["gold"] else 0.0
    print(f"  exact span                     P {ep:.3f}  R {er:.3f}  F1 {_f1(ep, er):.3f}")
    for m in misses:
        print("  missed:", m)
    return 0


if __name__ == "__main__":
    sys.exit(main())
