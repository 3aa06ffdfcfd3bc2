"""Benchmark the actors stage and ``resolve`` on external gold data.

Usage::

    python benchmarks/actors.py [DATA] [--errors]

``DATA`` is a data folder holding ``events/plover_gsr_dev.jsonl`` and
``actors/ngec_actor_resolution_dev.jsonl``; the default is ``../shared/data`` from the project
root.  A missing file is skipped, saying so (the data lives beside the project, never inside it).

Figures:

* **PLOVER actor texts** (``plover_gsr_dev``): every gold actor or recipient whose text occurs
  in its sentence and has a country (``IGO`` excepted) counts as found when a mention of the
  actors stage overlaps it with the gold country; **sector** is then the share of those with a
  gold sector whose overlapping mention has it.  The sentence goes through the layout, parse
  and actors stages only, with the record's date as the publication date.
* **NGEC actor resolution** (``ngec_actor_resolution_dev``, method ``agent_to_code``, active
  assertions): :func:`newsevents.actors.resolve` on the text and date; the country must equal
  the expected one (``UNO``/``EUR``/``IGO`` pseudo-countries skipped, an empty expectation
  means no country), and the sector must be the expected ``code_1`` (or ``code_2``).  Texts with
  no date are resolved with no date (the latest role: someone out of office is ``ELI``).
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
PSEUDO_COUNTRIES = {"UNO", "EUR", "IGO"}
NO_SECTOR = {None, "", "UNK", "JNK"}


def run_plover(path: Path, errors: bool) -> None:
    from newsevents import nlp as nlp_mod
    from newsevents.actors import find_actors
    from newsevents.analysis import Analysis

    nlp = nlp_mod.load()
    rows = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    t0 = time.perf_counter()
    n = found = n_sec = sec_ok = 0
    for row in rows:
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
            n += 1
            near = [m for m in mentions if m.start < end and start < m.end]
            right = [m for m in near if m.country == gold["country"]]
            found += bool(right)
            if errors and not right:
                print(f"COUNTRY {gold['text']!r} want {gold['country']}, got "
                      f"{[(text[m.start:m.end], m.country) for m in near]} | {text[:100]}")
            if right and gold.get("sector"):
                n_sec += 1
                ok = any(m.sector == gold["sector"] for m in right)
                sec_ok += ok
                if errors and not ok:
                    print(f"SECTOR  {gold['text']!r} want {gold['sector']}, got "
                          f"{[m.sector for m in right]} | {text[:100]}")
    secs = time.perf_counter() - t0
    print(f"PLOVER gold actor texts: {n} in {len(rows)} sentences ({path.name}), {secs:.1f}s")
    if n:
        print(f"  found with the gold country    {found / n:.3f}   ({found}/{n})")
    if n_sec:
        print(f"  sector, where the gold has one {sec_ok / n_sec:.3f}   ({sec_ok}/{n_sec})")


def _date(value: str | None) -> dt.date | None:
    value = (value or "").strip()
    if not value or value.lower() == "today":
        return None
    for parse in (dt.date.fromisoformat, lambda v: dt.datetime.strptime(v, "%d %B %Y").date()):
        try:
            return parse(value)
        except ValueError:
            continue
    return None


def run_ngec(path: Path, errors: bool) -> None:
    from newsevents.actors import resolve

    rows = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    n_c = c_ok = n_s = s_ok = 0
    for row in rows:
        if row["method"] != "agent_to_code" or row["status"] != "active":
            continue
        expect = {e["field"]: e["value"] for e in row["expect"]}
        if None in expect:
            continue
        text, date = row["args"][0], _date(row["args"][2] if len(row["args"]) > 2 else None)
        actor = resolve(text, date)
        if "country" in expect and expect["country"] not in PSEUDO_COUNTRIES:
            n_c += 1
            got = (actor.country if actor else None) or ""
            c_ok += got == expect["country"]
            if errors and got != expect["country"]:
                print(f"COUNTRY {text!r} want {expect['country'] or '-'}, got {got or '-'}")
        code = expect.get("code_1")
        if isinstance(code, list) or code not in NO_SECTOR:
            want = code if isinstance(code, list) else [code]
            want = want + ([expect["code_2"]] if expect.get("code_2") else [])
            n_s += 1
            got = actor.sector if actor else None
            s_ok += got in want
            if errors and got not in want:
                print(f"SECTOR  {text!r} want {want}, got {got}")
    print(f"NGEC actor resolution ({path.name}): {n_c} country and {n_s} sector assertions")
    if n_c:
        print(f"  country accuracy               {c_ok / n_c:.3f}   ({c_ok}/{n_c})")
    if n_s:
        print(f"  sector accuracy                {s_ok / n_s:.3f}   ({s_ok}/{n_s})")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--errors", action="store_true", help="list each miss")
    args = ap.parse_args(argv)
    plover = args.data / "events" / "plover_gsr_dev.jsonl"
    ngec = args.data / "actors" / "ngec_actor_resolution_dev.jsonl"
    if plover.is_file():
        run_plover(plover, args.errors)
    else:
        print(f"no PLOVER gold data at {plover}; skipping (the data lives beside the project)")
    if ngec.is_file():
        run_ngec(ngec, args.errors)
    else:
        print(f"no NGEC actor data at {ngec}; skipping")
    return 0


if __name__ == "__main__":
    sys.exit(main())
