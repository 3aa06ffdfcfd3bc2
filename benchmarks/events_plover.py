"""Benchmark the events stage on PLOVER gold-standard sentences (one event per record).

Usage::

    python benchmarks/events_plover.py [DATA] [--errors] [--limit N] [--petrarch] [--locations]

``DATA`` is ``plover_gsr_dev.jsonl`` or a data folder holding ``events/plover_gsr_dev.jsonl``;
the default is ``../shared/data`` from the project root.  When the data is absent the script
says so and exits 0 (the data lives beside the project, never inside it).

Each sentence goes through the whole pipeline (:class:`newsevents.pipeline.Extractor`) with its
record date as the publication date.  Figures:

* **coverage**: sentences with at least one predicted event;
* **type accuracy (top)**: the most confident predicted event has the gold type (a sentence
  without a prediction counts as wrong);
* **type recall (any)**: some predicted event has the gold type;
* **actor / recipient country accuracy**: over sentences where an event of the gold type was
  predicted, its set of actor (recipient) countries equals the gold set; an actor id's country
  is taken from the record's actors (an ISO3 id is its own country).  Gold ``IGO`` and empty
  countries are compared as given;
* per-type recall (any) and the confusion of the top type.

``--petrarch`` also scores ``events/petrarch2_gsr_validation.jsonl`` (PETRARCH-2 validation
sentences with CAMEO codes): for expected events whose CAMEO root has a PLOVER type, type recall
and dyad recall (type, source country among the actors' countries and target country among the
recipients'); and for the sentences that must yield no event (negation, passive and
hypothetical probes), how many get an *asserted* event (false alarms).

``--locations`` scores the event-location rule (``event_status.event_location``) on the
re-checked gold rows of ``events/event_location_halterman2019.jsonl`` (a sentence, its event
verb, the place(s) where it happened): how often the rule names a place, and how often that
place overlaps a gold place (actor mentions come from the project's actors stage).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "data"


def _dataset(path: Path) -> Path | None:
    if path.is_dir():
        path = path / "events" / "plover_gsr_dev.jsonl"
    return path if path.is_file() else None


def _countries(rec, ids: list[str]) -> set[str]:
    by_id = {a.id: a for a in rec.actors}
    out: set[str] = set()
    for i in ids:
        if re.fullmatch(r"[A-Z]{3}", i):
            out.add(i)
        elif i in by_id and by_id[i].country:
            out.add(by_id[i].country)
        elif i in by_id and by_id[i].kind == "igo":
            out.add("IGO")
    return out


def _gold_countries(parties: list[dict]) -> set[str]:
    return {p["country"] for p in parties if p.get("country")}


def plover_type(cameo: str) -> str | None:
    """The PLOVER type of a CAMEO code by its root (the 2021 conversion table's roots)."""
    root = cameo[:2]
    if root == "08":
        return "CONCEDE" if cameo[:3] in ("080", "081", "082", "083") else "RETREAT"
    return {"03": "AGREE", "04": "CONSULT", "05": "SUPPORT", "06": "COOPERATE", "07": "AID",
            "09": "ACCUSE", "10": "REQUEST", "11": "ACCUSE", "12": "REJECT", "13": "THREATEN",
            "14": "PROTEST", "15": "MOBILIZE", "16": "SANCTION", "17": "COERCE", "18": "ASSAULT",
            "19": "ASSAULT", "20": "ASSAULT"}.get(root)


def run_petrarch(folder: Path, extractor, errors: bool) -> None:
    path = folder / "events" / "petrarch2_gsr_validation.jsonl" if folder.is_dir() else None
    if path is None or not path.is_file():
        print(f"no PETRARCH-2 validation data under {folder}; skipping")
        return
    rows = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    n_exp = type_ok = dyad_ok = n_none = false_alarms = 0
    for row in rows:
        rec = extractor.extract(row["text"], published=row.get("date_iso"))
        if row.get("expects_no_events"):
            n_none += 1
            asserted = [e for e in rec.events if e.status == "asserted"]
            false_alarms += bool(asserted)
            if errors and asserted:
                print(f"ALARM {row['id']}: {[(e.type, e.actors, e.recipients) for e in asserted]}"
                      f" | {row['text'][:110]}")
            continue
        for exp in row["expected_events"]:
            want = plover_type(exp["code"])
            if want is None:
                continue
            n_exp += 1
            same = [e for e in rec.events if e.type == want]
            type_ok += bool(same)
            src, tgt = exp["source"][:3], exp["target"][:3]
            hit = any(src in _countries(rec, e.actors) | _countries(rec, e.recipients)
                      and (tgt == src or tgt in _countries(rec, e.actors + e.recipients))
                      for e in same)
            dyad_ok += hit
            if errors and not hit:
                print(f"PETR  {row['id']}: want {want} {src}->{tgt} ({exp['code']}), got "
                      f"{[(e.type, sorted(_countries(rec, e.actors)), sorted(_countries(rec, e.recipients))) for e in rec.events]}"
                      f" | {row['text'][:110]}")
    print(f"PETRARCH-2 validation: {len(rows)} sentences, {n_exp} expected events with a PLOVER type")
    if n_exp:
        print(f"  type recall                   {type_ok / n_exp:.3f}")
        print(f"  dyad recall (type + countries) {dyad_ok / n_exp:.3f}")
    if n_none:
        print(f"  no-event probes with an asserted event: {false_alarms}/{n_none}")


def run_locations(folder: Path, extractor, errors: bool) -> None:
    path = folder / "events" / "event_location_halterman2019.jsonl" if folder.is_dir() else None
    if path is None or not path.is_file():
        print(f"no event-location data under {folder}; skipping")
        return
    import datetime as dt

    from newsevents import actors as actors_stage
    from newsevents.analysis import Analysis
    from newsevents.event_roles import Parties
    from newsevents.event_status import event_location

    rows = [r for r in (json.loads(line) for line in path.open(encoding="utf-8") if line.strip())
            if r.get("gold_relabel") and r.get("answer") == "accept" and r.get("locations")]
    named = right = 0
    for row in rows:
        text = row["text"]
        doc = extractor.nlp(text)
        a = Analysis.begin(doc, published=dt.date(2020, 1, 1))
        a.actors, a.mentions = actors_stage.find_actors(a)
        span = doc.char_span(row["verb"]["start"], row["verb"]["end"], alignment_mode="expand")
        if span is None:
            continue
        place = event_location(span.root, a, Parties(a).mention_at)
        if place is None:
            continue
        named += 1
        spans = [(m.start, m.end) for x in a.actors if x.id == place for m in x.mentions]
        ok = any(s0 < g["end"] and g["start"] < s1 for s0, s1 in spans for g in row["locations"])
        right += ok
        if errors and not ok:
            print(f"PLACE {row['id']}: got {place}, gold {[g['text'] for g in row['locations']]}"
                  f" | {text[:110]}")
    n = len(rows)
    print(f"event locations (re-checked gold): {n} sentences")
    if n:
        print(f"  a place named                 {named / n:.3f}")
        print(f"  named place is a gold place   {right / named if named else 0:.3f}   (recall {right / n:.3f})")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--errors", action="store_true", help="list each sentence coded wrongly")
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--petrarch", action="store_true", help="also score the PETRARCH-2 validation set")
    ap.add_argument("--locations", action="store_true", help="also score event locations")
    args = ap.parse_args(argv)
    path = _dataset(args.data)
    if path is None:
        print(f"no PLOVER gold data at {args.data}; skipping (the data lives beside the project)")
        return 0

    from newsevents.pipeline import Extractor

    rows = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    if args.limit:
        rows = rows[: args.limit]
    extractor = Extractor()
    t0 = time.perf_counter()
    n = covered = top_ok = any_ok = 0
    actor_ok = recip_ok = role_n = 0
    per_type: Counter[str] = Counter()
    per_type_ok: Counter[str] = Counter()
    confusion: Counter[tuple[str, str]] = Counter()
    for row in rows:
        gold_type = row["event"]
        rec = extractor.extract(row["text"], published=row.get("date"))
        events = sorted(rec.events, key=lambda e: -e.confidence)
        n += 1
        per_type[gold_type] += 1
        covered += bool(events)
        top = events[0].type if events else "NONE"
        top_ok += top == gold_type
        confusion[(gold_type, top)] += top != gold_type
        same = [e for e in events if e.type == gold_type]
        any_ok += bool(same)
        per_type_ok[gold_type] += bool(same)
        if same:
            ev = same[0]
            role_n += 1
            a_ok = _countries(rec, ev.actors) == _gold_countries(row["actors"])
            r_ok = _countries(rec, ev.recipients) == _gold_countries(row["recipients"])
            actor_ok += a_ok
            recip_ok += r_ok
            if args.errors and not (a_ok and r_ok):
                print(f"ROLES {row['id']}: gold {sorted(_gold_countries(row['actors']))}->"
                      f"{sorted(_gold_countries(row['recipients']))}, got "
                      f"{sorted(_countries(rec, ev.actors))}->{sorted(_countries(rec, ev.recipients))}"
                      f" | {row['text'][:110]}")
        elif args.errors:
            got = [(e.type, e.status) for e in events]
            print(f"TYPE  {row['id']}: gold {gold_type} ({row.get('event_text')}), got {got}"
                  f" | {row['text'][:110]}")
    secs = time.perf_counter() - t0
    if not n:
        print("no records")
        return 0
    print(f"PLOVER gold sentences: {n} ({path.name}), {secs:.1f}s")
    print(f"  coverage (>=1 event)          {covered / n:.3f}")
    print(f"  type accuracy (top event)     {top_ok / n:.3f}")
    print(f"  type recall (any event)       {any_ok / n:.3f}")
    if role_n:
        print(f"  actor countries accuracy      {actor_ok / role_n:.3f}   (over {role_n} typed right)")
        print(f"  recipient countries accuracy  {recip_ok / role_n:.3f}")
    print("  per-type recall (any): " + ", ".join(
        f"{t} {per_type_ok[t]}/{per_type[t]}" for t in sorted(per_type)))
    worst = [f"{g}->{p} {c}" for (g, p), c in confusion.most_common(8) if c]
    print("  top confusions: " + "; ".join(worst))
    if args.petrarch:
        run_petrarch(args.data, extractor, args.errors)
    if args.locations:
        run_locations(args.data, extractor, args.errors)
    return 0


if __name__ == "__main__":
    sys.exit(main())
