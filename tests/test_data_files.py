"""Every data file has a provenance header, and every actor record is well formed."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from newsevents.knowledge import ACTOR_FILES, check_row
from newsevents.models import SECTORS
from newsevents.resources import META_KEYS, list_data_files, load_jsonl, load_toml

DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
FILES = list_data_files()


def _check_meta(meta: dict, name: str) -> None:
    for key in META_KEYS:
        assert isinstance(meta.get(key), str) and meta[key].strip(), f"{name}: meta.{key} missing"
    dt.date.fromisoformat(meta["updated"])


@pytest.mark.parametrize("name", [f for f in FILES if f.endswith(".toml")])
def test_toml_meta(name):
    data = load_toml(name)
    assert "meta" in data, f"{name} has no [meta] table"
    _check_meta(data["meta"], name)


@pytest.mark.parametrize("name", [f for f in FILES if f.endswith(".jsonl")])
def test_jsonl_meta(name):
    from newsevents.resources import data_path

    first = data_path(name).read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith('{"_meta"'), f"{name}: first line must be the _meta header"
    meta, rows = load_jsonl(name)
    _check_meta(meta, name)
    assert rows, f"{name} has no records"


@pytest.mark.parametrize("name", ACTOR_FILES)
def test_actor_records(name):
    """The schema of every actor record (``knowledge.check_row``, the checker that user files
    go through too): kinds, ids, ISO3 countries, PLOVER sectors, non-empty aliases, role dates
    well formed with start <= end."""
    _meta, rows = load_jsonl(name)
    assert rows, name
    for row in rows:
        problems = check_row(row)
        assert not problems, f"{name}: {row.get('id')}: {problems}"
        for role in row.get("roles", []):  # packaged roles all say when they started
            assert DATE.match(role["start"]), row["id"]


def test_knowledge_base_size():
    """Issue 4: at least 300 news outlets and 1,500 dated roles."""
    outlets = roles = 0
    for name in ACTOR_FILES:
        _meta, rows = load_jsonl(name)
        outlets += sum(1 for r in rows if r["kind"] == "media")
        roles += sum(len(r.get("roles", [])) for r in rows)
    assert outlets >= 300, f"{outlets} outlets"
    assert roles >= 1500, f"{roles} dated roles"


def test_actor_ids_unique_and_countries_known():
    ids: set[str] = set()
    countries: set[str] = set()
    rows_all = []
    for name in ACTOR_FILES:
        _meta, rows = load_jsonl(name)
        for row in rows:
            assert row["id"] not in ids, f"duplicate id {row['id']}"
            ids.add(row["id"])
            if row["kind"] == "country":
                countries.add(row["id"])
            rows_all.append(row)
    for row in rows_all:
        refs = [row.get("country")] + [r.get("country") for r in row.get("roles", [])]
        for ref in refs:
            assert ref is None or ref in countries, f"{row['id']}: unknown country {ref}"


def test_actor_words_sectors():
    data = load_toml("actor_words.toml")
    for table in ("titles", "org_heads", "group_nouns"):
        for word, sector in data[table].items():
            assert sector in SECTORS, f"{table}.{word}"


def test_ids_are_slugs_of_names_or_declared_keys():
    """People's ids are the slug of their name, so the same person gets the same id everywhere."""
    from newsevents.knowledge import slugify

    for name in ("people.jsonl", "people_asia_africa.jsonl", "people_heads.jsonl"):
        _meta, rows = load_jsonl(name)
        for row in rows:
            if row["kind"] == "person":
                assert row["id"] == "person:" + slugify(row["name"]), row["id"]


def test_example_kb_file():
    """The example corpus's invented actors (``examples/kb_fictional.jsonl``, a user file, not
    packaged): a provenance header saying they are invented, well-formed rows (the user-file
    checker), ids that are slugs of names, no id of a packaged entry (they only add), known
    countries; and no packaged data file holds them."""
    import json
    from pathlib import Path

    from newsevents.knowledge import read_user_file, slugify

    path = Path(__file__).resolve().parents[1] / "examples" / "kb_fictional.jsonl"
    meta = json.loads(path.read_text(encoding="utf-8").splitlines()[0])["_meta"]
    _check_meta(meta, path.name)
    assert "fiction" in meta["source"].lower() and "invented" in meta["source"].lower()
    rows = read_user_file(str(path))
    assert rows
    packaged: dict[str, dict] = {}
    for name in ACTOR_FILES:
        packaged.update((r["id"], r) for r in load_jsonl(name)[1])
    for row in rows:
        assert row["id"] not in packaged, f"{row['id']} replaces a packaged entry"
        if row["kind"] == "person":
            assert row["id"] == "person:" + slugify(row["name"]), row["id"]
        for ref in [row.get("country")] + [r.get("country") for r in row.get("roles", [])]:
            assert ref is None or packaged.get(ref, {}).get("kind") == "country", f"{row['id']}: {ref}"
    assert not any("fiction" in f for f in FILES), "the example corpus's actors are not packaged"


def test_capital_variants_point_to_capitals():
    _meta, rows = load_jsonl("countries.jsonl")
    for row in rows:
        for variant, usual in row.get("capital_variants", {}).items():
            assert variant in row["capitals"] and usual in row["capitals"], row["id"]
