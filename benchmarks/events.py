"""Benchmark the events stage (issue 6) on three gold sets.

Usage::

    python benchmarks/events.py [DATA] [--errors] [--set plover|petrarch|seed|locations]...
                                [--half even|odd] [--no-cache]

``DATA`` is the shared data folder (default ``../shared/data`` from the project root).  When it
is absent the script says so and exits 0 (the data lives beside the project, never inside it).
Every figure is printed for all records and for the even- and odd-indexed halves (rule work
looks at errors of the even half only; the odd half shows whether a gain generalises).  Until
session 6 neither odd half was read; in session 6 the PETRARCH-2 odd half was (its no-event
sentences that made events, then its misses), so its odd figures are no longer held out: the
PLOVER odd half still is.
``--half`` restricts ``--errors`` listings to one half.

Parsed sentences are cached as a spaCy ``DocBin`` under ``$TMPDIR/newsevents-bench`` (keyed
by the model and the texts), so that a rule change is measured in seconds; ``--no-cache``
parses afresh.  The stages after parsing (actors, times, quotes, events) always run.

**PLOVER** (``events/plover_gsr_dev.jsonl``, one gold event per sentence):

* *type accuracy*: the sentence's main event (the most confident) has the gold type; a
  sentence without an event counts as wrong (and, for reference, whether any event has it);
* *full match* (main event): the main event has the gold type and its set of actor countries
  and of recipient countries equal the gold sets (for AGREE, CONSULT and COOPERATE, whose
  parties act together, the union of both sets is compared).  P = matches / sentences with an
  event, R = matches / sentences, F1.  The same with *every* predicted event (P over all
  predicted events; an extra event in a sentence counts against precision);
* *statements*: the events the tool codes from one statement (a promise or threat and the
  expected act it announces, "X will supply arms to Y": AGREE and AID, expected; a demand and
  the act it asks of its target, "X urged Y to release ...": REQUEST and RETREAT,
  hypothetical; an accusation or claim and the act it alleges, "X claimed that Y attacked Z":
  ACCUSE and ASSAULT, alleged)
  count as one prediction in every precision (PLOVER all events, PETRARCH-2), matched when one
  of them matches, as both gold sets code one event per statement; the figure with each event
  counted apart is printed beside it.  Events on no-event sentences are counted one by one;
* *actor / recipient country accuracy*: over sentences whose main event has the gold type;
* a confusion table of gold type (rows) by main-event type (columns).

An actor id's country is the record's country for it (an ISO3 id is its own country; an
``igo`` actor without a country is ``IGO``, as the gold codes it).  Parties of no state count
by CAMEO's transnational codes, as both gold sets code them: an actor without a country whose
sector is ``IGO`` (an official of one: "Kofi Annan, UN secretary-general") is ``IGO``, one
whose sector is ``NGO`` is ``NGO``, and an armed group (kind ``group``, sector ``REB``) of no
country is ``IMG`` (CAMEO's international militant group: "al-Qaeda", "ISIL").

**PETRARCH-2** (``events/petrarch2_gsr_validation.jsonl``): a gold event's CAMEO code maps to a
PLOVER type by its root as in the data README (codes under roots 01 and 02 have none and are
left out); its source and target actor codes give countries by their first three letters
(``---`` is any).  Gold events of a reciprocal type listed both ways count once.  A predicted
event (negated events excepted: they did not happen) matches a gold event when the type is the
same and the source is among its actor countries and the target among its recipient
countries (for reciprocal types, both among all its parties).  Recall over gold events,
precision over predicted events, except those in sentences whose only gold events have no
PLOVER type (they cannot be judged).  The no-event sentences count every event produced there.

**Seed article**: the gold events of ``seed/seed_article.gold.json`` scored as in
``python -m newsevents.evaluate`` (type, countries involved, status, evidence overlap;
``same_as`` restatements may be reported once, ``optional`` events count neither way), with
the status of every matched event checked.

**Locations** (``--set locations``): the event-location rule on the re-checked gold rows of
``events/event_location_halterman2019.jsonl``: the share of sentences where it names a
place that overlaps a gold place.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import re
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "data"
RECIPROCAL = {"AGREE", "CONSULT", "COOPERATE"}
HALVES = ("all", "even", "odd")
#: CAMEO's codes for parties of no state, by an actor's (kind, sector) when it has no country
STATELESS_CODES = {(kind, "IGO"): "IGO" for kind in ("person", "organization", "group")} | {
    (kind, "NGO"): "NGO" for kind in ("person", "organization", "group")} | {("group", "REB"): "IMG"}


# -- parsing with a cache ------------------------------------------------------------------
class Runner:
    """Parse texts once (cached DocBin) and run the stages after parsing on each."""

    def __init__(self, use_cache: bool = True) -> None:
        from newsevents import nlp as nlp_mod

        self.model = nlp_mod.model_name(None)
        self.nlp = nlp_mod.load(self.model)
        self.use_cache = use_cache
        self.cache_dir = Path(os.environ.get("TMPDIR", tempfile.gettempdir())) / "newsevents-bench"

    def docs(self, texts: list[str]) -> list:
        from spacy.tokens import DocBin

        key = hashlib.sha1("\x00".join([self.model, *texts]).encode("utf-8")).hexdigest()[:16]
        path = self.cache_dir / f"{key}.spacy"
        if self.use_cache and path.is_file():
            docs = list(DocBin().from_disk(path).get_docs(self.nlp.vocab))
            if [d.text for d in docs] == texts:
                return docs
        docs = list(self.nlp.pipe(texts))
        if self.use_cache:
            self.cache_dir.mkdir(parents=True, exist_ok=True)
            DocBin(store_user_data=True, docs=docs).to_disk(path)
        return docs

    def articles(self, rows: list[tuple[str, str | None]]) -> list:
        """Article records for (text, published) rows."""
        from newsevents.models import InputItem
        from newsevents.pipeline import build_article, parse_date

        out = []
        for (text, published), doc in zip(rows, self.docs([t for t, _ in rows])):
            item = InputItem(text=text, published=published)
            out.append(build_article(item, text, parse_date(published), doc))
        return out


# -- scoring helpers -----------------------------------------------------------------------
def countries(rec, ids: Iterable[str]) -> set[str]:
    by_id = {a.id: a for a in rec.actors}
    out: set[str] = set()
    for i in ids:
        if re.fullmatch(r"[A-Z]{3}", i):
            out.add(i)
        elif i in by_id and by_id[i].country:
            out.add(by_id[i].country)
        elif i in by_id and by_id[i].kind == "igo":
            out.add("IGO")
        elif i in by_id and (code := STATELESS_CODES.get((by_id[i].kind, by_id[i].sector))):
            out.add(code)
    return out


def plover_type(cameo: str) -> str | None:
    """The PLOVER type of a CAMEO code by its root (data README's mapping)."""
    root = cameo[:2]
    if root == "08":
        return "CONCEDE" if cameo[:3] in ("080", "081", "082", "083") else "RETREAT"
    return {"03": "AGREE", "04": "CONSULT", "05": "SUPPORT", "06": "COOPERATE", "07": "AID",
            "09": "ACCUSE", "10": "REQUEST", "11": "ACCUSE", "12": "REJECT", "13": "THREATEN",
            "14": "PROTEST", "15": "MOBILIZE", "16": "SANCTION", "17": "COERCE", "18": "ASSAULT",
            "19": "ASSAULT", "20": "ASSAULT"}.get(root)


@dataclass
class PRF:
    tp_p: int = 0  # predictions that match
    pred: int = 0
    tp_r: int = 0  # gold items matched
    gold: int = 0

    def add(self, other: PRF) -> None:
        self.tp_p += other.tp_p
        self.pred += other.pred
        self.tp_r += other.tp_r
        self.gold += other.gold

    @property
    def p(self) -> float:
        return self.tp_p / self.pred if self.pred else 0.0

    @property
    def r(self) -> float:
        return self.tp_r / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        return 2 * self.p * self.r / (self.p + self.r) if self.p + self.r else 0.0

    def line(self) -> str:
        return (f"P {self.p:.3f}  R {self.r:.3f}  F1 {self.f1:.3f}  "
                f"({self.tp_p}/{self.pred} predicted, {self.tp_r}/{self.gold} gold)")


@dataclass
class Ratio:
    ok: int = 0
    n: int = 0

    def add(self, hit: bool) -> None:
        self.ok += bool(hit)
        self.n += 1

    def __str__(self) -> str:
        return f"{self.ok / self.n if self.n else 0.0:.3f} ({self.ok}/{self.n})"


def by_half(index: int) -> tuple[str, ...]:
    return ("all", "even" if index % 2 == 0 else "odd")


def show_errors(args, index: int) -> bool:
    return args.errors and (args.half is None or args.half in by_half(index))


def confusion_table(pairs: Counter[tuple[str, str]]) -> list[str]:
    gold = sorted({g for g, _ in pairs})
    pred = sorted({p for _, p in pairs})
    short = {t: t[:4] for t in pred}
    lines = ["    gold \\ main " + " ".join(f"{short[p]:>4}" for p in pred)]
    for g in gold:
        lines.append(f"    {g:<13}" + " ".join(f"{pairs[(g, p)] or '.':>4}" for p in pred))
    return lines


def statements(events: list) -> list[list]:
    """A sentence's events grouped by the statement they code: a promise or threat and the
    expected act it announces ("X will supply arms to Y": AGREE and AID, expected), a demand
    and the act it asks of its target ("X urged Y to release": REQUEST and RETREAT,
    hypothetical), an accusation or claim and the act it alleges ("X claimed that Y attacked
    Z": ACCUSE and ASSAULT, alleged).  Both gold sets code one event per statement."""
    groups = [[e] for e in events]

    def pair(a, b) -> bool:
        if a.evidence != b.evidence:
            return False
        if a.type in ("AGREE", "THREATEN") and a.status == "asserted" and b.type != a.type \
                and b.status in ("expected", "hypothetical") and set(b.actors) == set(a.actors):
            return True
        if a.type == "REQUEST" and a.status == "asserted" and b.status == "hypothetical" \
                and bool(b.actors) and set(b.actors) <= set(a.recipients):
            return True
        return a.type == "ACCUSE" and a.status == "asserted" and b.status in ("alleged", "denied") \
            and bool(b.actors) and set(b.actors) <= set(a.recipients)

    for a in events:
        for b in events:
            if a is not b and pair(a, b):
                ga = next(g for g in groups if any(x is a for x in g))
                gb = next(g for g in groups if any(x is b for x in g))
                if ga is not gb:
                    ga.extend(gb)
                    groups.remove(gb)
    return groups


def _ev_str(rec, e) -> str:
    return (f"{e.type}/{e.status} {sorted(countries(rec, e.actors))}->"
            f"{sorted(countries(rec, e.recipients))} {e.confidence}")


# -- PLOVER --------------------------------------------------------------------------------
def _plover_match(rec, e, row) -> tuple[bool, bool, bool]:
    """(full match, actors right, recipients right) of predicted event ``e`` for ``row``."""
    ga = {p["country"] for p in row["actors"] if p.get("country")}
    gr = {p["country"] for p in row["recipients"] if p.get("country")}
    pa, pr = countries(rec, e.actors), countries(rec, e.recipients)
    if e.type != row["event"]:
        return False, pa == ga, pr == gr
    if e.type in RECIPROCAL:
        same = pa | pr == ga | gr
        return same, same, same
    return pa == ga and pr == gr, pa == ga, pr == gr


def run_plover(data: Path, runner: Runner, args) -> dict | None:
    path = data / "events" / "plover_gsr_dev.jsonl"
    if not path.is_file():
        print(f"no PLOVER gold data at {path}; skipping")
        return None
    rows = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    recs = runner.articles([(r["text"], r.get("date")) for r in rows])
    type_acc = {h: Ratio() for h in HALVES}
    type_any = {h: Ratio() for h in HALVES}
    actor_acc = {h: Ratio() for h in HALVES}
    recip_acc = {h: Ratio() for h in HALVES}
    main = {h: PRF() for h in HALVES}
    every = {h: PRF() for h in HALVES}
    apart = {h: PRF() for h in HALVES}
    confusion: Counter[tuple[str, str]] = Counter()
    for i, (row, rec) in enumerate(zip(rows, recs)):
        events = sorted(rec.events, key=lambda e: -e.confidence)
        top = events[0] if events else None
        gold = row["event"]
        full, a_ok, r_ok = _plover_match(rec, top, row) if top else (False, False, False)
        any_full = sum(_plover_match(rec, e, row)[0] for e in events)
        groups = statements(events)
        for h in by_half(i):
            type_acc[h].add(top is not None and top.type == gold)
            type_any[h].add(any(e.type == gold for e in events))
            main[h].add(PRF(tp_p=int(full), pred=int(top is not None), tp_r=int(full), gold=1))
            every[h].add(PRF(tp_p=sum(any(_plover_match(rec, e, row)[0] for e in g) for g in groups),
                             pred=len(groups), tp_r=int(any_full > 0), gold=1))
            apart[h].add(PRF(tp_p=any_full, pred=len(events), tp_r=int(any_full > 0), gold=1))
            if top is not None and top.type == gold:
                actor_acc[h].add(a_ok)
                recip_acc[h].add(r_ok)
        confusion[(gold, top.type if top else "NONE")] += 1
        if show_errors(args, i) and not full:
            ga = sorted(p["country"] for p in row["actors"] if p.get("country"))
            gr = sorted(p["country"] for p in row["recipients"] if p.get("country"))
            print(f"PLOVER {i} {row['id']}: gold {gold}/{row.get('mode')} {ga}->{gr} "
                  f"[{row.get('event_text')}]; got {[_ev_str(rec, e) for e in events]}\n"
                  f"    {row['text'][:300]}")
    print(f"PLOVER dev ({len(rows)} sentences)")
    for h in HALVES:
        print(f"  [{h:>4}] type accuracy {type_acc[h]} (any event: {type_any[h]})  actor countries "
              f"{actor_acc[h]}  recipient countries {recip_acc[h]}")
        print(f"         full match, main event:  {main[h].line()}")
        print(f"         full match, all events:  {every[h].line()}  (by statement; each event "
              f"apart: P {apart[h].p:.3f} F1 {apart[h].f1:.3f})")
    print("  confusion (rows gold, columns main event):")
    print("\n".join(confusion_table(confusion)))
    return {"type_accuracy": type_acc["all"].ok / max(1, type_acc["all"].n),
            "full_match_f1": main["all"].f1}


# -- PETRARCH-2 ----------------------------------------------------------------------------
@dataclass
class GoldEvent:
    type: str
    source: str
    target: str
    code: str


def _gold_petrarch(row) -> list[GoldEvent]:
    out: list[GoldEvent] = []
    seen: set[tuple] = set()
    for g in row["expected_events"]:
        t = plover_type(g["code"])
        if t is None:
            continue
        src, tgt = g["source"][:3], g["target"][:3]
        key = (t, frozenset((src, tgt))) if t in RECIPROCAL else (t, src, tgt)
        if key in seen:
            continue
        seen.add(key)
        out.append(GoldEvent(t, src, tgt, g["code"]))
    return out


def _petrarch_match(rec, e, g: GoldEvent) -> bool:
    if e.type != g.type:
        return False
    pa, pr = countries(rec, e.actors), countries(rec, e.recipients)

    def has(side: set[str], code: str) -> bool:
        return code == "---" or code in side

    if g.type in RECIPROCAL:
        return has(pa | pr, g.source) and has(pa | pr, g.target)
    return has(pa, g.source) and has(pr, g.target)


def run_petrarch(data: Path, runner: Runner, args) -> dict | None:
    path = data / "events" / "petrarch2_gsr_validation.jsonl"
    if not path.is_file():
        print(f"no PETRARCH-2 validation data at {path}; skipping")
        return None
    rows = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    recs = runner.articles([(r["text"], r.get("date_iso")) for r in rows])
    prf = {h: PRF() for h in HALVES}
    apart = {h: PRF() for h in HALVES}
    type_rec = {h: Ratio() for h in HALVES}
    none_events = {h: 0 for h in HALVES}
    none_n = {h: 0 for h in HALVES}
    confusion: Counter[tuple[str, str]] = Counter()
    for i, (row, rec) in enumerate(zip(rows, recs)):
        events = [e for e in rec.events if e.status != "negated"]
        if row.get("expects_no_events"):
            for h in by_half(i):
                none_n[h] += 1
                none_events[h] += len(events)
            if show_errors(args, i) and events:
                print(f"PETR {i} no-event: got {[_ev_str(rec, e) for e in events]}\n    {row['text'][:300]}")
            continue
        gold = _gold_petrarch(row)
        if not gold:
            continue  # only codes without a PLOVER type: nothing to judge
        hits = [any(_petrarch_match(rec, e, g) for e in events) for g in gold]
        good = sum(any(_petrarch_match(rec, e, g) for g in gold) for e in events)
        groups = statements(events)
        good_groups = sum(any(_petrarch_match(rec, e, g) for g in gold for e in grp) for grp in groups)
        for h in by_half(i):
            prf[h].add(PRF(tp_p=good_groups, pred=len(groups), tp_r=sum(hits), gold=len(gold)))
            apart[h].add(PRF(tp_p=good, pred=len(events), tp_r=sum(hits), gold=len(gold)))
            for g in gold:
                type_rec[h].add(any(e.type == g.type for e in events))
        for g in gold:
            same = [e.type for e in events if e.type == g.type]
            confusion[(g.type, same[0] if same else (events[0].type if events else "NONE"))] += 1
        if show_errors(args, i) and (not all(hits) or good < len(events)):
            want = [f"{g.type} {g.source}->{g.target} ({g.code})" for g in gold]
            print(f"PETR {i} {row['id']}: want {want}; got {[_ev_str(rec, e) for e in rec.events]}\n"
                  f"    {row['text'][:300]}")
    print(f"PETRARCH-2 validation ({len(rows)} sentences)")
    for h in HALVES:
        print(f"  [{h:>4}] type+dyad {prf[h].line()}  type recall {type_rec[h]}  "
              f"events on no-event sentences {none_events[h]} (of {none_n[h]} sentences)")
        print(f"         (by statement; each event apart: P {apart[h].p:.3f} F1 {apart[h].f1:.3f}, "
              f"{apart[h].tp_p}/{apart[h].pred} predicted)")
    print("  confusion (rows gold, columns predicted: same type if any, else first):")
    print("\n".join(confusion_table(confusion)))
    return {"f1": prf["all"].f1, "no_event_events": none_events["all"]}


# -- seed article --------------------------------------------------------------------------
def run_seed(data: Path, runner: Runner, args) -> dict | None:
    folder = data / "seed"
    if not (folder / "seed_article.txt").is_file():
        print(f"no seed article under {folder}; skipping")
        return None
    from newsevents.evaluate import _event_matches, score_events

    text = (folder / "seed_article.txt").read_text(encoding="utf-8")
    gold = json.loads((folder / "seed_article.gold.json").read_text(encoding="utf-8"))
    from newsevents.models import InputItem
    from newsevents.pipeline import build_article, parse_date

    doc = runner.docs([text])[0]
    rec = build_article(InputItem(text=text, published=gold.get("published"),
                                  publisher=gold.get("publisher")),
                        text, parse_date(gold.get("published")), doc)
    details: list[str] = []
    row = score_events(rec, gold, details)
    # status on matched events: match on everything but status, then compare it
    status_ok = status_n = 0
    for g in gold["events"]:
        if g.get("optional"):
            continue
        loose = dict(g, status=None, accept_status=[e.status for e in rec.events])
        near = [e for e in rec.events if _event_matches(rec, e, loose)]
        if near:
            status_n += 1
            allowed = {g["status"], *(g.get("accept_status") or [])}
            status_ok += any(e.status in allowed for e in near)
    print(f"seed article ({len(gold['events'])} gold events, "
          f"{sum(not g.get('optional') for g in gold['events'])} not optional)")
    print(f"  P {row['precision']:.3f}  R {row['recall']:.3f}  F1 {row['f1']:.3f}  "
          f"(tp {row['tp']}, fp {row['fp']}, fn {row['fn']}); status right on "
          f"{status_ok}/{status_n} events found by type, countries and evidence")
    if args.errors:
        for d in details:
            print(f"  - {d}")
    return {"recall": row["recall"], "precision": row["precision"],
            "status_ok": status_ok == status_n}


# -- locations -----------------------------------------------------------------------------
def run_locations(data: Path, runner: Runner, args) -> dict | None:
    path = data / "events" / "event_location_halterman2019.jsonl"
    if not path.is_file():
        print(f"no event-location data at {path}; skipping")
        return None
    from newsevents import actors as actors_stage
    from newsevents.analysis import Analysis
    from newsevents.event_roles import Parties
    from newsevents.event_status import event_location

    rows = [r for r in (json.loads(line) for line in path.open(encoding="utf-8") if line.strip())
            if r.get("gold_relabel") and r.get("answer") == "accept" and r.get("locations")]
    docs = runner.docs([r["text"] for r in rows])
    named = {h: Ratio() for h in HALVES}
    right = {h: Ratio() for h in HALVES}
    for i, (row, doc) in enumerate(zip(rows, docs)):
        a = Analysis.begin(doc, published=dt.date(2020, 1, 1))
        a.actors, a.mentions = actors_stage.find_actors(a)
        span = doc.char_span(row["verb"]["start"], row["verb"]["end"], alignment_mode="expand")
        place = event_location(span.root, a, Parties(a).mention_at) if span is not None else None
        spans = [(m.start, m.end) for x in a.actors if x.id == place for m in x.mentions]
        ok = any(s0 < g["end"] and g["start"] < s1 for s0, s1 in spans for g in row["locations"])
        for h in by_half(i):
            named[h].add(place is not None)
            right[h].add(ok)
        if show_errors(args, i) and not ok:
            print(f"PLACE {i}: got {place}, gold {[g['text'] for g in row['locations']]} | {row['text'][:200]}")
    print(f"event locations ({len(rows)} re-checked gold sentences)")
    for h in HALVES:
        print(f"  [{h:>4}] a place named {named[h]}  a gold place (recall) {right[h]}")
    return {"recall": right["all"].ok / max(1, right["all"].n)}


SETS: dict[str, Callable] = {"plover": run_plover, "petrarch": run_petrarch, "seed": run_seed,
                             "locations": run_locations}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--errors", action="store_true", help="list each miss in context")
    ap.add_argument("--half", choices=("even", "odd"), help="list errors of one half only")
    ap.add_argument("--set", action="append", choices=sorted(SETS),
                    help="which gold sets (default: plover, petrarch, seed)")
    ap.add_argument("--no-cache", action="store_true", help="parse afresh, do not cache")
    args = ap.parse_args(argv)
    if not args.data.is_dir():
        print(f"no evaluation data at {args.data}; skipping (the data lives beside the project)")
        return 0
    runner = Runner(use_cache=not args.no_cache)
    t0 = time.perf_counter()
    for name in args.set or ["plover", "petrarch", "seed"]:
        SETS[name](args.data, runner, args)
    print(f"({time.perf_counter() - t0:.1f}s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
