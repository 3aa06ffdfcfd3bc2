"""The knowledge base: surfaces, dated roles, ministries (no spaCy needed)."""

from __future__ import annotations

import datetime as dt

from newsevents.knowledge import Entry, Role, fold, load_kb, parse_partial_date, slugify

D = dt.date


def test_slugify_and_fold():
    assert slugify("Sergei Lavrov") == "sergei-lavrov"
    assert slugify("Recep Tayyip Erdoğan") == "recep-tayyip-erdogan"
    assert fold("the U.S.") == fold("US") == "us"
    assert fold("Trump’s") == "trump's"


def test_partial_dates():
    assert parse_partial_date("2024-06") == D(2024, 6, 1)
    assert parse_partial_date("2024") == D(2024, 1, 1)
    assert parse_partial_date(None) is None


def test_country_surfaces():
    kb = load_kb()
    for surface, iso in [("Iran", "IRN"), ("U.S.", "USA"), ("United States", "USA"), ("America", "USA"),
                         ("UK", "GBR"), ("Britain", "GBR"), ("North Korea", "PRK"), ("DPRK", "PRK"),
                         ("Russian Federation", "RUS"), ("Islamic Republic of Iran", "IRN")]:
        assert kb.lookup(surface)[0].entry.id == iso, surface
    assert kb.country_of_word("Iranian") == "IRN"
    assert kb.country_of_word("Russia’s") == "RUS"


def test_capitals_and_metonyms():
    kb = load_kb()
    hit = kb.lookup("Tehran")[0]
    assert (hit.entry.id, hit.use) == ("IRN", "capital")
    hit = kb.lookup("Kremlin")[0]
    assert (hit.entry.id, hit.use, hit.sector) == ("RUS", "metonym", "GOV")
    hit = kb.lookup("the Pentagon")[0]
    assert (hit.entry.id, hit.sector) == ("USA", "MIL")


def test_every_country_has_iso3_and_name():
    kb = load_kb()
    countries = [e for e in kb.entries.values() if e.kind == "country"]
    assert len(countries) >= 195
    assert all(len(e.id) == 3 and e.id.isupper() and e.country == e.id for e in countries)


def test_dated_roles():
    kb = load_kb()
    lavrov = kb.get("person:sergei-lavrov")
    assert lavrov.on(D(2024, 12, 23))[:2] == ("RUS", "GOV")
    abdollahian = kb.get("person:hossein-amir-abdollahian")
    assert abdollahian.on(D(2023, 1, 1))[1] == "GOV"
    assert abdollahian.on(D(2024, 12, 23))[1] == "ELI"  # no longer in office
    trump = kb.get("person:donald-trump")
    assert trump.on(D(2024, 12, 23)) == ("USA", "GOV", "President-elect")
    assert trump.on(D(2022, 6, 1))[1] == "ELI"
    biden = kb.get("person:joe-biden")
    assert biden.on(D(2024, 12, 23))[2] == "President"
    assert kb.get("person:antony-blinken").on(D(2025, 3, 1))[1] == "ELI"


def test_role_boundaries_and_latest_office():
    e = Entry(id="person:x", name="X", kind="person", country="AAA", sector=None, roles=(
        Role("AAA", "LEG", "Member of Parliament", D(2010, 1, 1), D(2020, 1, 1)),
        Role("AAA", "GOV", "Minister", D(2019, 1, 1), None)))
    assert e.on(D(2019, 6, 1))[1] == "GOV"      # the office taken last wins
    assert e.on(D(2009, 1, 1)) == ("AAA", None, None)  # before any role
    assert e.on(None)[1] == "GOV"


def test_people_have_consistent_roles():
    kb = load_kb()
    people = [e for e in kb.entries.values() if e.kind == "person"]
    assert len(people) >= 60
    for p in people:
        assert p.roles, p.id
        for r in p.roles:
            assert r.start is not None, p.id
            assert r.end is None or r.end > r.start, p.id


def test_ministry_builder():
    kb = load_kb()
    e = kb.ministry("RUS", kb.ministry_key("Foreign Affairs"))
    assert (e.id, e.country, e.sector) == ("organization:russian-foreign-ministry", "RUS", "GOV")
    assert kb.ministry("IRN", kb.ministry_key("defence")).sector == "GOV"  # a ministry is government


def test_outlets_and_igos():
    kb = load_kb()
    sputnik = kb.lookup("Sputnik")[0].entry
    assert (sputnik.kind, sputnik.country, sputnik.state_affiliated) == ("media", "RUS", True)
    assert kb.lookup("BRICS")[0].entry.id == "igo:brics"
    assert kb.lookup("Center for New American Security")[0].entry.id == "organization:cnas"
