"""Document-level event types on NGEC's synthetic PLOVER news stories (issue 6).

Usage::

    python benchmarks/events_synthetic.py [DATA] [--limit N] [--errors] [--half even|odd]
                                          [--type T]... [--no-cache]

``DATA`` is the shared data folder (default ``../shared/data`` from the project root); when
``events/ngec_synthetic_plover_docs.jsonl`` is absent the script says so and exits 0.

Each of the 4,500 documents is an LLM-written story continuing a headline, labelled with the
headline's PLOVER type and mode (a pseudo-label from the prompt, not a hand coding: a smoke test
and a large, independent look at the trigger lexicon, not gold).  The headline itself is not
given to the pipeline: only the story text is, as an article with no date.

Scores, per document:

* *main type*: the document's most confident event (ties: the earliest) has the gold type;
* *any event*: some event of the document has it;
* *first event*: the earliest event in the text has it (the lead usually states the story);
* documents with no event at all;
* a confusion table of gold type (rows) by main-event type (columns).

**Sample and halves.** The stories come from 332 headline templates, about 13 stories each
with different country names.  ``--limit N`` takes N documents spread over the templates
(round-robin: the first story of every template, then the second, ...), so a small sample still
covers every template.  The halves split *templates*, not documents (even- and odd-numbered
templates in file order), so the stories of one headline never fall on both sides: rule work
looks at the even half's errors (``--errors --half even``) and the odd half shows whether a
change generalises.

Parsed documents are cached as spaCy ``DocBin`` chunks of 300 sampled documents under
``$TMPDIR/newsevents-bench`` (keyed by the model and the texts), so a larger ``--limit`` reuses
what a smaller one parsed; ``--no-cache`` parses afresh.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import events as events_bench  # noqa: E402  (benchmarks/events.py: the cached parser)

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "data"
FILE = Path("events") / "ngec_synthetic_plover_docs.jsonl"
HALVES = ("all", "even", "odd")
CHUNK = 300


class Ratio:
    def __init__(self) -> None:
        self.ok = 0
        self.n = 0

    def add(self, hit: bool) -> None:
        self.ok += bool(hit)
        self.n += 1

    @property
    def value(self) -> float:
        return self.ok / self.n if self.n else 0.0

    def __str__(self) -> str:
        return f"{self.value:.3f} ({self.ok}/{self.n})"


def load_rows(path: Path) -> list[dict]:
    """The documents, each with ``template`` (its headline template's number in file order)."""
    rows = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    number: dict[str, int] = {}
    for r in rows:
        r["template"] = number.setdefault(r["title_template"], len(number))
    return rows


def sample(rows: list[dict], limit: int | None) -> list[dict]:
    """Round-robin over templates: every template's first story, then every second, ..."""
    seen: Counter[int] = Counter()
    ranked = []
    for i, r in enumerate(rows):
        ranked.append((seen[r["template"]], r["template"], i))
        seen[r["template"]] += 1
    order = [rows[i] for _, _, i in sorted(ranked)]
    return order if limit is None else order[:limit]


def half_of(row: dict) -> str:
    return "even" if row["template"] % 2 == 0 else "odd"


class Runner(events_bench.Runner):
    """The PLOVER benchmark's cached parser, in chunks of :data:`CHUNK` documents."""

    def docs(self, texts: list[str]) -> list:
        out: list = []
        for start in range(0, len(texts), CHUNK):
            out.extend(super().docs(texts[start:start + CHUNK]))
        return out

    def articles(self, texts: list[str]) -> list:  # type: ignore[override]
        """Article records, None for a document the pipeline fails on (counted, not fatal)."""
        from newsevents.models import InputItem
        from newsevents.pipeline import build_article

        out = []
        for text, doc in zip(texts, self.docs(texts)):
            try:
                out.append(build_article(InputItem(text=text), text, None, doc))
            except Exception as e:  # report and go on: one bad document says little of the rest
                print(f"  pipeline error on a document ({type(e).__name__}): {text[:80]!r}")
                out.append(None)
        return out


def confusion_table(pairs: Counter[tuple[str, str]]) -> list[str]:
    gold = sorted({g for g, _ in pairs})
    pred = sorted({p for _, p in pairs})
    lines = ["    gold \\ main  " + " ".join(f"{p[:4]:>4}" for p in pred) + "     n"]
    for g in gold:
        n = sum(pairs[(g, p)] for p in pred)
        lines.append(f"    {g:<13}" + " ".join(f"{pairs[(g, p)] or '.':>4}" for p in pred) + f" {n:>5}")
    return lines


def main_event(events: list):
    """The most confident event, the earliest of equals (events come in text order)."""
    return max(events, key=lambda e: e.confidence) if events else None


def run(rows: list[dict], runner: Runner, args) -> dict:
    recs = runner.articles([r["text"] for r in rows])
    main = {h: Ratio() for h in HALVES}
    any_ = {h: Ratio() for h in HALVES}
    first = {h: Ratio() for h in HALVES}
    empty = {h: Ratio() for h in HALVES}
    per_type: dict[str, Ratio] = {}
    confusion: Counter[tuple[str, str]] = Counter()
    n_events = 0
    failed = sum(rec is None for rec in recs)
    for row, rec in zip(rows, recs):
        gold = row["event_type"]
        events = rec.events if rec is not None else []
        top = main_event(events)
        n_events += len(events)
        for h in ("all", half_of(row)):
            main[h].add(top is not None and top.type == gold)
            any_[h].add(any(e.type == gold for e in events))
            first[h].add(bool(events) and events[0].type == gold)
            empty[h].add(not events)
        per_type.setdefault(gold, Ratio()).add(top is not None and top.type == gold)
        confusion[(gold, top.type if top else "NONE")] += 1
        if args.errors and (top is None or top.type != gold) \
                and (args.half is None or args.half == half_of(row)) \
                and (not args.type or gold in args.type):
            got = [f"{e.type}/{e.mode} {e.status} {e.confidence} "
                   f"[{rec.text[e.evidence.start:e.evidence.end][:90]}]"
                   for e in sorted(events, key=lambda e: -e.confidence)[:4]]
            print(f"SYN {row['id']} t{row['template']}: gold {gold}/{row.get('mode')} "
                  f"<{row['title_template']}>\n    got {got}\n    {row['text'][:300]!r}")
    print(f"NGEC synthetic stories ({len(rows)} documents, {len({r['template'] for r in rows})} "
          f"templates; {n_events} events, {n_events / max(1, len(rows)):.1f} a document"
          + (f"; the pipeline failed on {failed}, counted as no event" if failed else "") + ")")
    for h in HALVES:
        print(f"  [{h:>4}] main type {main[h]}  any event {any_[h]}  first event {first[h]}  "
              f"no event {empty[h]}")
    print("  main type by gold type: " + ", ".join(f"{t} {r}" for t, r in sorted(per_type.items())))
    print("  confusion (rows gold, columns main event):")
    print("\n".join(confusion_table(confusion)))
    return {"main": main["all"].value, "any": any_["all"].value}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--limit", type=int, default=None,
                    help="score N documents spread over the templates (default: all 4,500)")
    ap.add_argument("--errors", action="store_true", help="list each document whose main event is wrong")
    ap.add_argument("--half", choices=("even", "odd"), help="list errors of one half only")
    ap.add_argument("--type", action="append", help="list errors of this gold type only")
    ap.add_argument("--no-cache", action="store_true", help="parse afresh, do not cache")
    args = ap.parse_args(argv)
    path = args.data / FILE
    if not path.is_file():
        print(f"no synthetic PLOVER stories at {path}; skipping (the data lives beside the project)")
        return 0
    rows = sample(load_rows(path), args.limit)
    t0 = time.perf_counter()
    run(rows, Runner(use_cache=not args.no_cache), args)
    print(f"({time.perf_counter() - t0:.1f}s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
