"""Score the pipeline against hand-annotated gold: ``python -m newsevents.evaluate seed [DATA]``.

``DATA`` is the shared evaluation folder (default ``../shared/data``); when it is absent the
script says so and exits 0.  ``--check`` exits 1 when a target of issue 2 is missed;
``--json`` prints the figures as JSON; ``--details`` lists every miss and error.

Matching rules (items marked ``optional`` in the gold count neither as misses nor as errors:
a prediction that matches one is left out of precision):

* **sections**: a gold heading is found when a predicted section has the same title
  (white space folded).  **boilerplate**: a gold span is found when predicted boilerplate
  overlaps at least 90% of it.  Leaks: predicted actor mentions, times and event evidence
  that overlap gold boilerplate (must be 0).
* **actors**: a gold mention is found when a predicted mention overlaps its span and the
  predicted actor's country equals the gold country (not checked where the gold says
  ``optional_country``).  A predicted actor (kind ``location`` excepted: places are scored
  with events) is *spurious* when none of its mentions overlaps a gold mention, or when the
  gold mention it overlaps has another kind ("Trump" as an organization is spurious;
  ``igo`` and ``organization`` count as one kind, since the contract's own example is
  ``igo:brics`` where the gold says organization).
  Precision = non-spurious / predicted actors.
* **times**: TempEval-3 relaxed matching: any overlap, one-to-one, greedy, left to right.
  A true positive is a relaxed match whose value is exactly the gold value; P, R and F1 are
  computed over those (value F1).  Span F1 counts every relaxed match.  Mod accuracy is over
  relaxed matches (gold without ``mod`` means null).
* **quotes**: a gold quote is found when a predicted quote's content span overlaps at least
  50% of the gold content's characters and the predicted speaker is the gold speaker: the
  gold speaker is a name, taken to be any predicted actor that has a mention whose text is
  that name (or whose name is it), or, for a bare surname, ends with it.  One-to-one, gold in
  order.
* **events**: a gold event is found when a predicted event has the same type, the same set
  of countries involved (actors and recipients mapped to their countries through the
  record's actors; an ISO3 id is its own country), a status equal to the gold status or in
  its ``accept_status``, and evidence overlapping the gold evidence span.  One-to-one, gold
  in order.  An unmatched prediction that would match an already matched or optional gold
  event (the same event stated twice, ``same_as``) is not an error.  The event time value
  is reported for matched events but not scored.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from .models import Article

DEFAULT_DATA = Path("../shared/data")

TARGETS = {
    "sections_recall": 1.0,
    "boilerplate_recall": 1.0,
    "boilerplate_leaks_max": 0,
    "actors_recall": 0.90,
    "actors_spurious_max": 3,
    "times_value_f1": 0.85,
    "times_mod_accuracy": 0.80,
    "quotes_f1": 0.75,
    "events_recall": 0.70,
    "events_precision": 0.70,
}


@dataclass
class PRF:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def row(self) -> dict[str, float | int]:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 3),
                "recall": round(self.recall, 3), "f1": round(self.f1, 3)}


def _overlap(a0: int, a1: int, b0: int, b1: int) -> int:
    return max(0, min(a1, b1) - max(a0, b0))


def _fold(s: str) -> str:
    return re.sub(r"\s+", " ", s.replace("’", "'")).strip().lower()


# --------------------------------------------------------------------------------------
def score_sections(rec: Article, gold: dict, details: list[str]) -> dict[str, Any]:
    pred = {_fold(s.title) for s in rec.sections if s.title}
    sec = PRF()
    for title in gold["sections"]:
        if _fold(title) in pred:
            sec.tp += 1
        else:
            sec.fn += 1
            details.append(f"section missed: {title!r}")
    sec.fp = max(0, len(pred) - sec.tp)
    bp = PRF()
    for g in gold["boilerplate"]:
        glen = g["end"] - g["start"]
        if any(_overlap(g["start"], g["end"], b.start, b.end) >= 0.9 * glen for b in rec.boilerplate):
            bp.tp += 1
        else:
            bp.fn += 1
            details.append(f"boilerplate missed: {g['text'][:60]!r}")
    bp.fp = sum(1 for b in rec.boilerplate
                if not any(_overlap(g["start"], g["end"], b.start, b.end) for g in gold["boilerplate"]))
    leaks = 0
    spans = [(g["start"], g["end"]) for g in gold["boilerplate"]]
    for a in rec.actors:
        leaks += sum(1 for m in a.mentions for s, e in spans if _overlap(m.start, m.end, s, e))
    leaks += sum(1 for t in rec.times for s, e in spans if _overlap(t.start, t.end, s, e))
    leaks += sum(1 for ev in rec.events for s, e in spans if _overlap(ev.evidence.start, ev.evidence.end, s, e))
    if leaks:
        details.append(f"{leaks} actor mentions/times/events taken from boilerplate")
    return {"sections": sec.row(), "boilerplate": bp.row(), "boilerplate_leaks": leaks}


def _kind(kind: str) -> str:
    return "organization" if kind == "igo" else kind


def score_actors(rec: Article, gold: dict, details: list[str]) -> dict[str, Any]:
    golds = gold["actors"]
    found = 0
    for g in golds:
        ok = False
        for a in rec.actors:
            if any(_overlap(m.start, m.end, g["start"], g["end"]) for m in a.mentions):
                if g.get("optional_country") or a.country == g.get("country"):
                    ok = True
                    break
        if ok:
            found += 1
        else:
            details.append(f"actor missed: {g['text']!r} ({g.get('country')})")
    spurious = []
    for a in rec.actors:
        if a.kind == "location":
            continue
        hits = [g for g in golds for m in a.mentions if _overlap(m.start, m.end, g["start"], g["end"])]
        if not hits or all(_kind(g["kind"]) != _kind(a.kind) for g in hits):
            spurious.append(a)
            details.append(f"actor spurious: {a.id} {a.name!r} kind={a.kind}")
    n_pred = sum(1 for a in rec.actors if a.kind != "location")
    recall = found / len(golds) if golds else 0.0
    precision = (n_pred - len(spurious)) / n_pred if n_pred else 0.0
    return {"gold": len(golds), "found": found, "recall": round(recall, 3), "predicted": n_pred,
            "spurious": len(spurious), "precision": round(precision, 3)}


def score_times(rec: Article, gold: dict, details: list[str]) -> dict[str, Any]:
    golds = sorted(gold["times"], key=lambda g: g["start"])
    preds = sorted(rec.times, key=lambda t: t.start)
    used: set[int] = set()
    pairs: list[tuple[dict, Any]] = []
    for g in golds:
        for i, p in enumerate(preds):
            if i not in used and _overlap(g["start"], g["end"], p.start, p.end):
                used.add(i)
                pairs.append((g, p))
                break
        else:
            if not g.get("optional"):
                details.append(f"time missed: {g['text']!r} = {g['value']}")
    span, value = PRF(), PRF()
    mods_ok = mods_n = 0
    for g, p in pairs:
        if g.get("optional"):
            continue
        span.tp += 1
        mods_n += 1
        mods_ok += (g.get("mod") or None) == p.mod
        if p.value == g["value"]:
            value.tp += 1
        else:
            value.fn += 1
            value.fp += 1
            details.append(f"time value wrong: {g['text']!r} gold {g['value']} got {p.value}")
        if (g.get("mod") or None) != p.mod:
            details.append(f"time mod wrong: {g['text']!r} gold {g.get('mod')} got {p.mod}")
    n_req = sum(1 for g in golds if not g.get("optional"))
    span.fn = n_req - span.tp
    value.fn = n_req - value.tp
    extra = [p for i, p in enumerate(preds) if i not in used]
    span.fp = len(extra)
    value.fp = len(extra) + (span.tp - value.tp)
    for p in extra:
        details.append(f"time spurious: {p.text!r} = {p.value}")
    return {"span": span.row(), "value": value.row(),
            "mod_accuracy": round(mods_ok / mods_n, 3) if mods_n else 0.0}


def _speaker_ids(rec: Article, name: str) -> set[str]:
    target = _fold(name)
    ids = set()
    for a in rec.actors:
        if _fold(a.name) == target:
            ids.add(a.id)
        for m in a.mentions:
            surface = _fold(rec.text[m.start:m.end])
            if surface == target or (" " not in surface and target.endswith(" " + surface)) \
                    or (" " not in target and surface.endswith(" " + target)):
                ids.add(a.id)
    return ids


def score_quotes(rec: Article, gold: dict, details: list[str]) -> dict[str, Any]:
    prf = PRF()
    used: set[int] = set()
    neutral: set[int] = set()
    for g in gold["quotes"]:
        want = _speaker_ids(rec, g["speaker"])
        glen = g["end"] - g["start"]
        hit = None
        for i, q in enumerate(rec.quotes):
            if i in used:
                continue
            if _overlap(q.start, q.end, g["start"], g["end"]) >= 0.5 * glen:
                spk = q.speaker.actor if q.speaker else None
                if spk in want:
                    hit = i
                    break
        if g.get("optional"):
            if hit is not None:
                neutral.add(hit)
                used.add(hit)
            continue
        if hit is None:
            prf.fn += 1
            near = [q for q in rec.quotes if _overlap(q.start, q.end, g["start"], g["end"]) >= 0.5 * glen]
            why = (f"speaker {[q.speaker.actor if q.speaker else None for q in near]} "
                   f"not in {sorted(want) or 'no actor named ' + repr(g['speaker'])}") if near else "content not found"
            details.append(f"quote missed: {g['content'][:50]!r} ({g['speaker']}): {why}")
        else:
            prf.tp += 1
            used.add(hit)
    for i, q in enumerate(rec.quotes):
        if i not in used:
            prf.fp += 1
            details.append(f"quote spurious: {rec.text[q.start:q.end][:60]!r} "
                           f"speaker={q.speaker.actor if q.speaker else None}")
    return prf.row()


def _countries(rec: Article, ids: list[str]) -> set[str]:
    by_id = {a.id: a for a in rec.actors}
    out = set()
    for i in ids:
        if re.fullmatch(r"[A-Z]{3}", i):
            out.add(i)
        elif i in by_id and by_id[i].country:
            out.add(by_id[i].country)
    return out


def _event_matches(rec: Article, ev, g: dict) -> bool:
    statuses = set(g.get("accept_status") or []) | {g["status"]}
    return (ev.type == g["type"] and ev.status in statuses
            and _countries(rec, ev.actors + ev.recipients) == set(g["actors"]) | set(g["recipients"])
            and _overlap(ev.evidence.start, ev.evidence.end, g["start"], g["end"]) > 0)


def score_events(rec: Article, gold: dict, details: list[str]) -> dict[str, Any]:
    prf = PRF()
    used: set[int] = set()
    time_ok = time_n = 0
    for g in gold["events"]:
        hit = next((i for i, ev in enumerate(rec.events) if i not in used and _event_matches(rec, ev, g)), None)
        if hit is not None:
            used.add(hit)
            if not g.get("optional"):
                prf.tp += 1
                time_n += 1
                got = rec.events[hit].time.value if rec.events[hit].time else None
                time_ok += got == g.get("time")
            continue
        if not g.get("optional"):
            prf.fn += 1
            near = [ev for ev in rec.events
                    if _overlap(ev.evidence.start, ev.evidence.end, g["start"], g["end"])]
            seen = "; ".join(f"{ev.type}/{ev.status}/{sorted(_countries(rec, ev.actors + ev.recipients))}"
                             for ev in near) or "nothing in that sentence"
            details.append(f"event missed: {g['type']} {g['status']} {g['actors']}->{g['recipients']} "
                           f"{g['evidence'][:50]!r}; got {seen}")
    for i, ev in enumerate(rec.events):
        if i in used:
            continue
        if any(_event_matches(rec, ev, g) for g in gold["events"]):
            continue  # the same event stated again: neither right nor wrong
        prf.fp += 1
        details.append(f"event spurious: {ev.type} {ev.status} {ev.actors}->{ev.recipients} "
                       f"{rec.text[ev.evidence.start:ev.evidence.end][:60]!r}")
    row = prf.row()
    row["time_accuracy_of_found"] = round(time_ok / time_n, 3) if time_n else 0.0
    return row


# --------------------------------------------------------------------------------------
def evaluate_seed(data: Path, model: str | None = None) -> tuple[dict[str, Any], list[str]]:
    from .pipeline import Extractor

    text = (data / "seed" / "seed_article.txt").read_text(encoding="utf-8")
    gold = json.loads((data / "seed" / "seed_article.gold.json").read_text(encoding="utf-8"))
    t0 = time.perf_counter()
    extractor = Extractor(model)
    t1 = time.perf_counter()
    rec = extractor.extract(text, id=gold["id"], published=gold["published"], publisher=gold["publisher"])
    t2 = time.perf_counter()
    details: list[str] = []
    result: dict[str, Any] = {
        **score_sections(rec, gold, details),
        "actors": score_actors(rec, gold, details),
        "times": score_times(rec, gold, details),
        "quotes": score_quotes(rec, gold, details),
        "events": score_events(rec, gold, details),
        "seconds": {"load_model": round(t1 - t0, 3), "extract": round(t2 - t1, 3)},
    }
    return result, details


def check_targets(r: dict[str, Any]) -> list[tuple[str, float, float, bool]]:
    got = {
        "sections_recall": r["sections"]["recall"],
        "boilerplate_recall": r["boilerplate"]["recall"],
        "boilerplate_leaks_max": r["boilerplate_leaks"],
        "actors_recall": r["actors"]["recall"],
        "actors_spurious_max": r["actors"]["spurious"],
        "times_value_f1": r["times"]["value"]["f1"],
        "times_mod_accuracy": r["times"]["mod_accuracy"],
        "quotes_f1": r["quotes"]["f1"],
        "events_recall": r["events"]["recall"],
        "events_precision": r["events"]["precision"],
    }
    out = []
    for key, target in TARGETS.items():
        value = got[key]
        ok = value <= target if key.endswith("_max") else value >= target
        out.append((key, value, target, ok))
    return out


def _print_report(r: dict[str, Any]) -> None:
    def prf(name: str, row: dict) -> None:
        print(f"  {name:<22} P {row['precision']:.3f}  R {row['recall']:.3f}  F1 {row['f1']:.3f}"
              f"   (tp {row['tp']}, fp {row['fp']}, fn {row['fn']})")

    print("seed article (../shared/data/seed), per stage:")
    prf("sections", r["sections"])
    prf("boilerplate", r["boilerplate"])
    print(f"  {'boilerplate leaks':<22} {r['boilerplate_leaks']}")
    a = r["actors"]
    print(f"  {'actors':<22} P {a['precision']:.3f}  R {a['recall']:.3f}"
          f"   (found {a['found']}/{a['gold']}, predicted {a['predicted']}, spurious {a['spurious']})")
    prf("times (span, relaxed)", r["times"]["span"])
    prf("times (value)", r["times"]["value"])
    print(f"  {'times mod accuracy':<22} {r['times']['mod_accuracy']:.3f}")
    prf("quotes", r["quotes"])
    prf("events", r["events"])
    print(f"  {'event time (found)':<22} {r['events']['time_accuracy_of_found']:.3f}")
    s = r["seconds"]
    print(f"  seconds: load model {s['load_model']}, extract {s['extract']}")
    print("targets (issue 2):")
    for key, value, target, ok in check_targets(r):
        op = "<=" if key.endswith("_max") else ">="
        print(f"  {'PASS' if ok else 'FAIL'}  {key:<24} {value} (target {op} {target})")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m newsevents.evaluate", description=__doc__.split("\n")[0])
    ap.add_argument("suite", choices=["seed"], help="what to score")
    ap.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA, help="evaluation data folder")
    ap.add_argument("--model", help="spaCy pipeline to use")
    ap.add_argument("--details", action="store_true", help="list every miss and error")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    ap.add_argument("--check", action="store_true", help="exit 1 when a target is missed")
    args = ap.parse_args(argv)
    if not (args.data / "seed" / "seed_article.gold.json").exists():
        print(f"skipped: no seed gold under {args.data} (pass the shared data folder)")
        return 0
    result, details = evaluate_seed(args.data, args.model)
    if args.json:
        print(json.dumps({"result": result, "targets": [
            {"target": k, "value": v, "goal": t, "ok": ok} for k, v, t, ok in check_targets(result)]}, indent=1))
    else:
        _print_report(result)
    if args.details:
        print("details:")
        for line in details:
            print("  - " + line)
    if args.check and not all(ok for *_, ok in check_targets(result)):
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
