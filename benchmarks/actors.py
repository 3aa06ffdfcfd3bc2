"""Benchmark the actors stage and ``resolve`` on external gold data.

Usage::

    python benchmarks/actors.py [DATA] [--errors [all|even|odd]] [--as-of YYYY-MM-DD|none]
                                [--only plover,ngec,seed]

``DATA`` is a data folder holding ``events/plover_gsr_dev.jsonl``,
``actors/ngec_actor_resolution_dev.jsonl`` and ``seed/seed_article.txt`` (+ ``.gold.json``);
the default is ``../shared/data`` from the project root.  A missing file is skipped, saying so
(the data lives beside the project, never inside it).  ``--errors`` lists each miss (with
``--errors even`` only the even-indexed records' misses are listed, so the odd half stays
unseen).  Every figure is printed for the whole set and for its even- and odd-indexed halves.

Figures:

* **PLOVER actor texts** (``plover_gsr_dev``): every gold actor or recipient whose text occurs
  in its sentence and has a country (``IGO`` excepted) counts as found when a mention of the
  actors stage overlaps it with the gold country; **sector** is then the share of those with a
  gold sector whose overlapping mention has it.  The sentence goes through the layout, parse
  and actors stages only, with the record's date as the publication date.  Halves: sentence
  index.
* **NGEC actor resolution** (``ngec_actor_resolution_dev``, active assertions), by method:

  - ``agent_to_code`` (text, context, date): :func:`newsevents.actors.resolve` on the text,
    with the context (a country or description of the setting: "Somalia", "Colombian
    defense") and the date; ``country`` must equal the expected one (an empty expectation
    means no country) and ``code_1`` (or ``code_2``) the resolved sector (``UNK``/``JNK``/
    empty mean no sector is expected and are not scored); ``wiki`` is a name match (below);
    assertions that nothing resolves (``None``) count as country and sector assertions.
  - ``search_nat`` (a phrase with a nationality): the resolved country.
  - ``short_text_to_agent`` (a short description): country and ``code_1``.
  - ``query_wiki`` and the ``wiki`` field of ``agent_to_code``: a **name match**, scored only
    where the knowledge base has the entity (the expected Wikipedia title is one of an
    entry's names or aliases, accents and case folded): the resolved actor must be that entry.

  **Pseudo-countries.**  NGEC writes international organisations as pseudo-countries; the
  contract gives an ``igo`` no country.  They are mapped so: ``IGO`` is met by any actor of
  kind ``igo``; ``UNO`` by an ``igo`` of the United Nations system (its id starts with
  ``igo:un`` or is one of :data:`UN_SYSTEM`); ``EUR`` by an ``igo`` of the European Union
  (:data:`EU_SYSTEM`).  An IGO with a functional sector ("EU legislators" -> LEG) is resolved
  as the igo with that sector, like a part of a state.

  An assertion's date is its third argument or its ``query_date`` keyword (NGEC's
  ``agent_to_code(text, context, query_date)``).  **Undated assertions** (no date, or "today")
  describe the time the set was written, which neither the data README nor the file states;
  the file itself bounds it: it was written no earlier than the latest date any of its
  assertions names (read from the file at run time, 2022-10-20 for the current file).  They
  are resolved on that **reference date**, a rule taken from the file, not a date chosen for
  the score.  ``--as-of D`` prints a second variant with undated assertions resolved on D,
  and ``--as-of none`` one resolved with no date at all (the latest role a person still holds,
  ``ELI`` once every role has ended).  Halves: line index in the file.

  **Sector vocabulary.**  NGEC's agent dictionary (``PLOVER_agents.txt``) writes news media
  ``JRN`` and medical actors ``MED``; this project follows CAMEO, where ``MED`` is media and
  ``HLH`` health.  So an expected ``JRN`` is met by ``MED`` and an expected ``MED`` by ``HLH``
  (:data:`NGEC_SECTORS`); CAMEO religion codes (``BUD``, ``MOS``, ...) are met by ``REL``.
  Its other codes are PLOVER sectors of :data:`newsevents.models.SECTORS` (``PRE``: a
  self-proclaimed state, ``PRM``: a paramilitary force, ``SOC``: civil society).
* **Seed article** (``seed/seed_article``): the full pipeline; for each gold actor mention,
  found (a predicted mention overlaps it), kind (``igo`` counts as ``organization``), country
  (not checked where the gold says ``optional_country``), sector (where the gold has one),
  ``state_affiliated`` of outlets (from the knowledge base entry), every ``same_as`` link (the
  two mentions resolve to the same actor id) and metonymy (a capital used for its state, as
  "Tehran has denied", is the country).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
import time
import unicodedata
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "data"
NO_SECTOR = {None, "", "UNK", "JNK"}
#: igo ids of the United Nations system besides ``igo:un*`` (NGEC pseudo-country ``UNO``)
UN_SYSTEM = {"igo:who", "igo:icj", "igo:unicef", "igo:unhcr", "igo:unrwa", "igo:wfp", "igo:iaea",
             "igo:fao", "igo:unesco", "igo:ilo", "igo:undp", "igo:unep", "igo:ocha", "igo:unctad",
             "igo:unfpa", "igo:unido", "igo:itu", "igo:wmo", "igo:wipo", "igo:icao", "igo:imo"}
#: igo ids of the European Union and its institutions (NGEC pseudo-country ``EUR``)
EU_SYSTEM = {"igo:eu", "igo:european-commission", "igo:european-parliament", "igo:european-council",
             "igo:council-of-the-eu", "igo:european-central-bank", "igo:ecb", "igo:eib",
             "igo:european-investment-bank", "igo:court-of-justice-of-the-eu", "igo:frontex",
             "igo:europol", "igo:eeas"}
PSEUDO = ("UNO", "EUR", "IGO")
#: NGEC agent codes written otherwise in this project's (CAMEO) sector vocabulary
NGEC_SECTORS = {"JRN": "MED", "MED": "HLH",
                **{faith: "REL" for faith in ("BUD", "CHR", "CTH", "ORT", "JEW", "HIN", "MOS", "SHI", "SUN",
                                              "SIK", "TAO", "DRZ", "SFI", "ALE")}}


def _halves(i: int) -> tuple[str, ...]:
    return ("all", "even" if i % 2 == 0 else "odd")


class Tally:
    """Right/total counts per (figure, half)."""

    def __init__(self) -> None:
        self.n: dict[tuple[str, str], int] = defaultdict(int)
        self.ok: dict[tuple[str, str], int] = defaultdict(int)

    def add(self, figure: str, i: int, ok: bool) -> None:
        for h in _halves(i):
            self.n[figure, h] += 1
            self.ok[figure, h] += bool(ok)

    def line(self, figure: str, label: str) -> str:
        cells = []
        for h in ("all", "even", "odd"):
            n, ok = self.n[figure, h], self.ok[figure, h]
            cells.append(f"{h} {ok / n:.3f} ({ok}/{n})" if n else f"{h} -")
        return f"  {label:<34} " + "   ".join(cells)


def _show(errors: str | None, i: int) -> bool:
    return errors is not None and (errors == "all" or _halves(i)[1] == errors)


# ---------------------------------------------------------------------------------------
# PLOVER

def run_plover(path: Path, errors: str | None) -> None:
    from newsevents import nlp as nlp_mod
    from newsevents.actors import find_actors
    from newsevents.analysis import Analysis

    nlp = nlp_mod.load()
    rows = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    t0 = time.perf_counter()
    tally = Tally()
    for i, row in enumerate(rows):
        text = row["text"]
        a = Analysis.begin(nlp(text), published=dt.date.fromisoformat(row["date"]))
        _actors, mentions = find_actors(a)
        for gold in row["actors"] + row["recipients"]:
            if not gold.get("text") or not gold.get("country") or gold["country"] == "IGO":
                continue
            start = text.find(gold["text"])
            if start < 0:
                continue
            end = start + len(gold["text"])
            near = [m for m in mentions if m.start < end and start < m.end]
            right = [m for m in near if m.country == gold["country"]]
            tally.add("country", i, bool(right))
            if _show(errors, i) and not right:
                print(f"COUNTRY {gold['text']!r} want {gold['country']}, got "
                      f"{[(text[m.start:m.end], m.country) for m in near]} | {text[:100]}")
            if right and gold.get("sector"):
                ok = any(m.sector == gold["sector"] for m in right)
                tally.add("sector", i, ok)
                if _show(errors, i) and not ok:
                    print(f"SECTOR  {gold['text']!r} want {gold['sector']}, got "
                          f"{[m.sector for m in right]} | {text[:100]}")
    secs = time.perf_counter() - t0
    print(f"PLOVER gold actor texts in {len(rows)} sentences ({path.name}), {secs:.1f}s")
    print(tally.line("country", "found with the gold country"))
    print(tally.line("sector", "sector, where the gold has one"))


# ---------------------------------------------------------------------------------------
# NGEC

_ISO_DATE = re.compile(r"\b(\d{4}-\d{2}-\d{2})\b")


def reference_date(rows: list[dict]) -> dt.date | None:
    """The latest date any assertion of the file names: the set was written no earlier."""
    found = [dt.date.fromisoformat(d) for row in rows
             for d in _ISO_DATE.findall(json.dumps([row.get("args"), row.get("kwargs")]))]
    return max(found, default=None)


def _date(value: str | None, as_of: dt.date | None) -> dt.date | None:
    value = (value or "").strip()
    if not value or value.lower() == "today":
        return as_of
    for parse in (dt.date.fromisoformat, lambda v: dt.datetime.strptime(v, "%d %B %Y").date()):
        try:
            return parse(value)
        except ValueError:
            continue
    return as_of


def _fold(s: str) -> str:
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode().lower()
    return " ".join(s.replace(".", "").replace("’", "'").split())


def country_ok(actor, want: str) -> bool:
    """The resolved actor's country against an NGEC expectation (pseudo-countries mapped)."""
    if want in PSEUDO:
        if actor is None or actor.kind != "igo":
            return False
        if want == "UNO":
            return actor.id.startswith("igo:un") or actor.id in UN_SYSTEM
        if want == "EUR":
            return actor.id in EU_SYSTEM
        return True
    got = (actor.country if actor else None) or ""
    return got == want


def _kb_entry_named(kb, title: str):
    """The KB entry whose name or alias is this Wikipedia title (folded), else None."""
    key = _fold(title)
    for e in kb.entries.values():
        if any(_fold(n) == key for n in (e.name, *e.aliases)):
            return e
    return None


def run_ngec(path: Path, errors: str | None, as_of: dt.date | None | str = "reference") -> Tally:
    """Score the NGEC assertions; ``as_of`` is the date of undated ones ("reference": the
    file's :func:`reference_date`; None: no date)."""
    from newsevents.actors import resolve
    from newsevents.knowledge import load_kb

    kb = load_kb()
    rows = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    if as_of == "reference":
        as_of = reference_date(rows)
        label = f"undated as of {as_of}, the latest date the file names"
    else:
        label = f"undated as of {as_of}" if as_of else "undated = latest role still held"
    tally = Tally()
    not_in_kb = 0
    for i, row in enumerate(rows):
        method = row["method"]
        if row["status"] != "active" or method not in ("agent_to_code", "search_nat", "short_text_to_agent",
                                                       "query_wiki"):
            continue
        args = row["args"]
        text = args[0]
        expect = [(e["field"], e["op"], e["value"]) for e in row["expect"]]
        if method == "query_wiki":
            actor = resolve(text, None, context=args[1] if len(args) > 1 else None)
        elif method == "agent_to_code":
            when = row.get("kwargs", {}).get("query_date") or (args[2] if len(args) > 2 else None)
            actor = resolve(text, _date(when, as_of),  # type: ignore[arg-type]
                            context=args[1] if len(args) > 1 and args[1] else None)
        else:
            actor = resolve(text, None)
        show = _show(errors, i)
        if any(f is None for f, _op, _v in expect):  # "resolves to nothing"
            ok = actor is None
            tally.add(f"{method}.none", i, ok)
            if show and not ok:
                print(f"NONE    {method} {text!r} want nothing, got {actor.id} {actor.country} {actor.sector}")
            continue
        fields = defaultdict(list)
        for f, op, v in expect:
            fields[f].append((op, v))
        country = fields.get("country") or fields.get(0)
        if country:
            want = country[0][1]
            ok = country_ok(actor, want)
            tally.add(f"{method}.country", i, ok)
            if show and not ok:
                print(f"COUNTRY {method} {text!r} want {want or '-'}, got "
                      f"{(actor.country or actor.id) if actor else '-'}")
        wants: list[str] = []
        for op, v in fields.get("code_1", []) + fields.get("code_2", []):
            wants += [NGEC_SECTORS.get(w, w) for w in (v if isinstance(v, list) else [v])]
        if wants and not all(w in NO_SECTOR for w in wants):
            got = actor.sector if actor else None
            ok = got in wants
            tally.add(f"{method}.sector", i, ok)
            if show and not ok:
                print(f"SECTOR  {method} {text!r} want {wants}, got {got}")
        for op, title in fields.get("wiki", []) + fields.get("title", []):
            if op != "==" or not title:
                continue
            entry = _kb_entry_named(kb, title)
            if entry is None:
                not_in_kb += 1
                continue
            ok = actor is not None and actor.id == entry.id
            tally.add(f"{method}.name", i, ok)
            tally.add("name", i, ok)
            if show and not ok:
                print(f"NAME    {method} {text!r} want {entry.id}, got {actor.id if actor else '-'}")
    # totals over methods
    for (fig, h), n in list(tally.n.items()):
        if "." in fig and not fig.endswith(".name"):
            kind = fig.split(".")[1]
            kind = "country" if kind == "none" else kind
            tally.n[f"total.{kind}", h] += n
            tally.ok[f"total.{kind}", h] += tally.ok[fig, h]
            if fig.endswith(".none"):  # "resolves to nothing" is also a sector assertion
                tally.n["total.sector", h] += n
                tally.ok["total.sector", h] += tally.ok[fig, h]
    print(f"NGEC actor resolution ({path.name}; {label})")
    for method in ("agent_to_code", "search_nat", "short_text_to_agent", "query_wiki"):
        for fig in ("country", "sector", "none", "name"):
            if tally.n[f"{method}.{fig}", "all"]:
                print(tally.line(f"{method}.{fig}", f"{method} {fig}"))
    print(tally.line("total.country", "ALL country (incl. 'nothing')"))
    print(tally.line("total.sector", "ALL sector (incl. 'nothing')"))
    print(tally.line("name", "ALL name matches (KB has it)"))
    print(f"  name assertions whose entity the KB lacks (not scored): {not_in_kb}")
    return tally


# ---------------------------------------------------------------------------------------
# seed article

def run_seed(folder: Path, errors: str | None) -> None:
    from newsevents.knowledge import load_kb
    from newsevents.pipeline import Extractor

    gold = json.loads((folder / "seed_article.gold.json").read_text(encoding="utf-8"))
    text = (folder / "seed_article.txt").read_text(encoding="utf-8")
    rec = Extractor().extract(text, id=gold["id"], published=gold["published"], publisher=gold["publisher"])
    kb = load_kb()
    spans = [(m.start, m.end, a) for a in rec.actors for m in a.mentions]

    def actor_at(g: dict):
        near = [(s, e, a) for s, e, a in spans if s < g["end"] and g["start"] < e]
        near.sort(key=lambda x: -(min(x[1], g["end"]) - max(x[0], g["start"])))
        return near[0][2] if near else None

    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])

    def add(fig: str, ok: bool, msg: str) -> None:
        counts[fig][0] += ok
        counts[fig][1] += 1
        if errors and not ok:
            print(f"SEED {fig}: {msg}")

    golds = gold["actors"]
    by_text = {g["text"]: g for g in golds}
    for g in golds:
        a = actor_at(g)
        add("found", a is not None, repr(g["text"]))
        if a is None:
            continue
        kind = lambda k: "organization" if k == "igo" else k  # noqa: E731
        add("kind", kind(a.kind) == kind(g["kind"]), f"{g['text']!r} {a.kind} != {g['kind']}")
        if not g.get("optional_country"):
            add("country", a.country == g.get("country"), f"{g['text']!r} {a.country} != {g.get('country')}")
        if g.get("sector"):
            add("sector", a.sector == g["sector"], f"{g['text']!r} {a.sector} != {g['sector']}")
        if "state_affiliated" in g:
            e = kb.get(a.id)
            add("state_affiliated", e is not None and e.state_affiliated == g["state_affiliated"], repr(g["text"]))
        if g.get("same_as"):
            other = actor_at(by_text[g["same_as"]])
            add("same_as", other is not None and other.id == a.id,
                f"{g['text']!r} -> {a.id}, {g['same_as']!r} -> {other.id if other else None}")
        if "metonymy" in g.get("note", ""):
            add("metonymy", a.id == g["country"] and a.kind == "country", f"{g['text']!r} -> {a.id}")
    print(f"Seed article gold actors ({len(golds)} mentions)")
    for fig in ("found", "kind", "country", "sector", "state_affiliated", "same_as", "metonymy"):
        ok, n = counts[fig]
        if n:
            print(f"  {fig:<34} {ok / n:.3f}   ({ok}/{n})")
    c_ok = sum(1 for g in golds if (a := actor_at(g)) is not None
               and (g.get("optional_country") or a.country == g.get("country")))
    print(f"  {'mentions with the right country':<34} {c_ok / len(golds):.3f}   ({c_ok}/{len(golds)})")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--errors", nargs="?", const="all", choices=["all", "even", "odd"],
                    help="list each miss (of one half only with 'even' or 'odd')")
    ap.add_argument("--as-of", type=lambda v: "none" if v == "none" else dt.date.fromisoformat(v), default=None,
                    help="a second variant: undated NGEC assertions resolved on this date ('none': no date)")
    ap.add_argument("--only", default="plover,ngec,seed", help="comma-separated parts to run")
    args = ap.parse_args(argv)
    parts = set(args.only.split(","))
    plover = args.data / "events" / "plover_gsr_dev.jsonl"
    ngec = args.data / "actors" / "ngec_actor_resolution_dev.jsonl"
    seed = args.data / "seed"
    if "plover" in parts:
        if plover.is_file():
            run_plover(plover, args.errors)
        else:
            print(f"no PLOVER gold data at {plover}; skipping (the data lives beside the project)")
    if "ngec" in parts:
        if ngec.is_file():
            run_ngec(ngec, args.errors)
            if args.as_of:
                run_ngec(ngec, None, None if args.as_of == "none" else args.as_of)
        else:
            print(f"no NGEC actor data at {ngec}; skipping")
    if "seed" in parts:
        if (seed / "seed_article.gold.json").is_file():
            run_seed(seed, args.errors)
        else:
            print(f"no seed article at {seed}; skipping")
    return 0


if __name__ == "__main__":
    sys.exit(main())
