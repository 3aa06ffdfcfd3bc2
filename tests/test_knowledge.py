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
    assert [(h.entry.id, h.sector) for h in kb.lookup("Lubyanka")] == [("RUS", "SPY")]
    assert kb.lookup("Moncloa")[0].entry.id == "ESP"


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
    assert trump.on(D(2024, 12, 23)) == ("USA", "ELI", "President-elect")  # not yet the government
    assert trump.on(D(2025, 3, 1))[1] == "GOV"
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


def test_a_seat_kept_after_the_office_makes_a_legislator_not_eli():
    e = Entry(id="person:x", name="X", kind="person", country="AAA", sector=None, roles=(
        Role("AAA", "LEG", "Member of Parliament", D(2005, 1, 1), None),
        Role("AAA", "GOV", "Prime Minister", D(2015, 1, 1), D(2020, 1, 1))))
    assert e.on(D(2016, 1, 1))[1] == "GOV"
    assert e.on(D(2021, 1, 1))[1] == "LEG"
    assert e.on(None)[1] == "LEG"  # with no date: the office still held, not the last one taken
    gone = Entry(id="person:y", name="Y", kind="person", country="AAA", sector=None, roles=(
        Role("AAA", "GOV", "Prime Minister", D(2015, 1, 1), D(2020, 1, 1)),))
    assert gone.on(None)[1] == "ELI"


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


# -- users' own knowledge-base files -------------------------------------------------------

import json  # noqa: E402

import pytest  # noqa: E402

from newsevents.errors import KnowledgeBaseError  # noqa: E402
from newsevents.knowledge import KB_ENV, check_row  # noqa: E402

_OWN = [
    {"_meta": {"version": "1", "updated": "2026-11-29", "source": "test", "description": "test"}},
    {"id": "person:odile-varenne", "name": "Odile Varenne", "kind": "person", "country": "FRA", "sector": None,
     "aliases": ["Varenne"], "roles": [{"country": "FRA", "sector": "GOV", "title": "Minister of Culture",
                                        "start": "2023-03-01", "end": "2025-02-01"}]},
    {"id": "media:fjordline-courier", "name": "Fjordline Courier", "kind": "media", "country": "NOR", "sector": "MED"},
    # a correction of a packaged entry: the user's record replaces it
    {"id": "media:sputnik", "name": "Sputnik", "kind": "media", "country": "RUS", "sector": "MED",
     "aliases": ["Sputnik Radio Test Alias"], "state_affiliated": True},
]


def _write(path, rows):
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    return str(path)


def test_user_file_is_merged_and_replaces_by_id(tmp_path, monkeypatch):
    own = _write(tmp_path / "own.jsonl", _OWN)
    monkeypatch.setenv(KB_ENV, own)
    kb = load_kb()
    varenne = kb.lookup("Varenne")[0].entry
    assert varenne.on(D(2024, 1, 1))[:2] == ("FRA", "GOV")
    assert varenne.on(D(2025, 6, 1))[1] == "ELI"
    assert kb.lookup("Fjordline Courier")[0].entry.country == "NOR"
    assert kb.lookup("Sputnik Radio Test Alias")[0].entry.id == "media:sputnik"
    assert kb.lookup("Iran")[0].entry.id == "IRN"  # the packaged entries are all still there
    monkeypatch.delenv(KB_ENV)
    assert not load_kb().lookup("Fjordline Courier")  # another list of files, another knowledge base


def test_load_kb_takes_files_as_arguments(tmp_path):
    own = _write(tmp_path / "own.jsonl", _OWN)
    assert load_kb([own]).lookup("Odile Varenne")[0].entry.id == "person:odile-varenne"


@pytest.mark.parametrize("row, problem", [
    ({"id": "person:x", "name": "X", "kind": "persn"}, "kind"),
    ({"id": "person:x", "name": "X", "kind": "person", "country": "France"}, "ISO3"),
    ({"id": "person:x", "name": "X", "kind": "person", "roles": [
        {"sector": "GOV", "start": "2024-05-01", "end": "2023-01-01"}]}, "ends"),
    ({"id": "person:x", "name": "X", "kind": "person", "roles": [{"sector": "BOSS", "start": "2024"}]}, "PLOVER"),
    ({"id": "person:x", "name": "X", "kind": "person", "roles": [{"sector": "GOV", "start": "May 2024"}]},
     "YYYY"),
    ({"id": "Person X", "name": "X", "kind": "person"}, "slug"),
    ({"id": "person:x", "name": "X", "kind": "person", "aliases": [""]}, "aliases"),
    ({"id": "media:x", "name": "X", "kind": "media", "sector": "BUS"}, "MED"),
    ({"id": "media:x", "name": "X", "kind": "media", "state_affiliated": "yes"}, "state_affiliated"),
])
def test_row_checker_names_the_problem(row, problem):
    assert any(problem in p for p in check_row(row)), check_row(row)


def test_bad_user_file_names_file_and_line(tmp_path):
    bad = _write(tmp_path / "bad.jsonl", [_OWN[0], _OWN[1], {"id": "media:x", "name": "X", "kind": "media",
                                                            "sector": "NEWS"}])
    with pytest.raises(KnowledgeBaseError) as err:
        load_kb([bad])
    assert "bad.jsonl line 3" in err.value.message and err.value.code == "E_KB"
    with pytest.raises(KnowledgeBaseError):
        load_kb([str(tmp_path / "missing.jsonl")])


def test_resolve_command_with_kb_option(tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from newsevents.cli import app

    monkeypatch.setenv(KB_ENV, "")  # restored after the test: the option sets it for the process
    own = _write(tmp_path / "own.jsonl", _OWN)
    runner = CliRunner()
    r = runner.invoke(app, ["resolve", "Varenne", "--date", "2024-06-01", "--kb", own])
    assert r.exit_code == 0, r.output
    rec = json.loads(r.stdout)
    assert (rec["id"], rec["kind"], rec["country"], rec["sector"]) == ("person:odile-varenne", "person", "FRA", "GOV")
    r = runner.invoke(app, ["resolve", "Varenne", "--date", "2025-06-01", "--kb", own])
    assert json.loads(r.stdout)["sector"] == "ELI"
    bad = _write(tmp_path / "bad.jsonl", [{"id": "x", "name": "X", "kind": "thing"}])
    r = runner.invoke(app, ["resolve", "Varenne", "--kb", bad])
    assert r.exit_code == 2 and "E_KB" in r.stderr


def test_office_of_titles_and_phrases():
    from newsevents.knowledge import office_of

    assert office_of("Foreign Minister") == office_of("minister of foreign affairs") == "foreign-minister"
    assert office_of("Secretary of State") == "foreign-minister"
    assert office_of("Deputy Foreign Minister") is None  # another office
    assert office_of("Governor of the Bank of Narnia") == "central-bank-governor"
    assert office_of("Foreign Ministry spokesperson (Director of the Press Department)") == \
        "foreign-ministry-spokesperson"
    assert office_of("the Kremlin spokesman") == "presidential-spokesperson"
    # the titles other governments give the same offices
    assert office_of("Treasury and Finance Minister") == office_of("Minister of Economy and Finance") \
        == office_of("Treasury Cabinet Secretary") == "finance-minister"
    assert office_of("Defence Cabinet Secretary") == "defense-minister"
    assert office_of("Finance Secretary") is None  # a civil servant in some states, not the minister
    assert office_of("Minister of International Relations and Cooperation") == "foreign-minister"
    assert office_of("Acting Foreign Minister") == office_of("Caretaker Foreign Minister") == "foreign-minister"
    assert office_of("Interim President") == "president"
    assert office_of("Acting President") is None  # stands in for a president who keeps the office


def test_holders_of_an_office_on_a_date(tmp_path):
    own = _write(tmp_path / "own.jsonl", [
        {"id": "person:anna-first", "name": "Anna First", "kind": "person", "country": "TUV", "sector": None,
         "roles": [{"country": "TUV", "sector": "GOV", "title": "Minister of Foreign Affairs",
                    "start": "2020-01-01", "end": "2023-06-01"}]},
        {"id": "person:bjorn-second", "name": "Bjorn Second", "kind": "person", "country": "TUV", "sector": None,
         "roles": [{"country": "TUV", "sector": "GOV", "title": "Foreign Minister", "start": "2023-06-01",
                    "end": None}]}])
    kb = load_kb([own])
    assert [e.id for e in kb.holders("TUV", "foreign-minister", D(2021, 1, 1))] == ["person:anna-first"]
    assert [e.id for e in kb.holders("TUV", "foreign-minister", D(2024, 1, 1))] == ["person:bjorn-second"]
    assert [e.id for e in kb.holders("TUV", "foreign-minister", None)] == ["person:bjorn-second"]
    assert kb.holders("TUV", "foreign-minister", D(2019, 1, 1)) == []


def test_an_office_not_yet_taken_is_not_the_government():
    e = Entry(id="person:y", name="Y", kind="person", country="AAA", sector=None, roles=(
        Role("AAA", "LEG", "Senator", D(2019, 1, 1), D(2025, 1, 10)),
        Role("AAA", "GOV", "Vice President-elect", D(2024, 11, 6), D(2025, 1, 20)),
        Role("AAA", "GOV", "Vice President", D(2025, 1, 20), None)))
    assert e.on(D(2024, 12, 1))[1] == "LEG"   # still a senator while elected
    assert e.on(D(2025, 1, 15))[1] == "ELI"   # only elected
    assert e.on(D(2025, 2, 1))[1] == "GOV"


def test_extract_command_with_kb_option(tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from newsevents.cli import app

    monkeypatch.setenv(KB_ENV, "")
    own = _write(tmp_path / "own.jsonl", _OWN)
    article = tmp_path / "a.txt"
    article.write_text("Varenne told the Fjordline Courier that the festival would go ahead.\n", encoding="utf-8")
    r = CliRunner().invoke(app, ["extract", str(article), "--published", "2024-06-01", "--kb", own])
    assert r.exit_code == 0, r.output
    actors = {a["id"]: a for a in json.loads(r.stdout)["actors"]}
    assert actors["person:odile-varenne"]["sector"] == "GOV"
    assert actors["media:fjordline-courier"]["country"] == "NOR"


def test_closest_spelling_of_a_known_name():
    kb = load_kb()
    assert kb.closest("Sergey Lavrof").id == "person:sergei-lavrov"
    assert kb.closest("Lavrof") is None          # one word: too little to go on
    assert kb.closest("Hortensia Quillback") is None  # nobody spelled nearly so


def test_example_actors_only_with_their_file(monkeypatch):
    """The example corpus's invented people and outlets (``examples/kb_fictional.jsonl``) are not
    in the knowledge base unless that file is given: a real query never meets them ("Kenya's
    foreign minister" in 2025 is the real one, not the examples' Grace Wanjiru)."""
    from pathlib import Path

    from newsevents.actors import resolve
    from newsevents.knowledge import read_user_file

    example = str(Path(__file__).resolve().parents[1] / "examples" / "kb_fictional.jsonl")
    ids = [row["id"] for row in read_user_file(example)]
    assert "person:grace-wanjiru" in ids and "media:harbor-wire" in ids
    monkeypatch.delenv(KB_ENV, raising=False)
    kb = load_kb()
    assert [i for i in ids if kb.get(i) is not None] == []
    assert not any(h.entry.id in ids for name in ("Karim Haddad", "Grace Wanjiru", "Harbor Wire", "Babiker")
                   for h in kb.lookup(name))
    assert all(e.id not in ids for e in kb.holders("KEN", "foreign-minister", D(2025, 3, 28)))
    kenya = resolve("Kenya's foreign minister", D(2025, 3, 28))
    assert kenya is not None and kenya.id not in ids and kenya.country == "KEN"
    with_examples = load_kb([example])  # given, they are there
    assert all(with_examples.get(i) is not None for i in ids)
    assert "person:grace-wanjiru" in [e.id for e in with_examples.holders("KEN", "foreign-minister", D(2025, 3, 28))]


def test_officials_of_international_bodies_and_past_leaders_have_dated_roles():
    kb = load_kb()
    solana = kb.get("person:javier-solana")
    assert solana.on(D(1994, 1, 1))[:2] == ("ESP", "GOV")
    assert solana.on(D(1997, 1, 1))[:2] == (None, "IGO")  # NATO's secretary general
    assert kb.holders("RUS", "prime-minister", D(1999, 1, 1))[0].id == "person:yevgeny-primakov"
    assert kb.holders("IDN", "president", D(1995, 1, 1))[0].id == "person:suharto"
    assert kb.lookup("Boutros-Ghali")[0].entry.on(D(1995, 1, 1))[:2] == (None, "IGO")
    assert kb.lookup("Mullah Omar")[0].entry.on(D(2005, 1, 1))[:2] == ("AFG", "REB")


def test_armed_groups_parties_and_missions_of_past_decades():
    kb = load_kb()
    for surface, country, sector in [("Kosovo Liberation Army", "XKX", "REB"), ("Interahamwe", "RWA", "UAF"),
                                     ("ZANU-PF", "ZWE", "PTY"), ("Kuomintang", "TWN", "PTY"),
                                     ("UNPROFOR", None, "IGO"), ("OAU", None, "IGO")]:
        e = kb.lookup(surface)[0].entry
        assert (e.country, e.sector) == (country, sector), surface
    unita = kb.lookup("UNITA")[0].entry
    assert unita.on(D(1995, 1, 1))[1] == "REB" and unita.on(D(2010, 1, 1))[1] == "PTY"
    assert kb.lookup("Labour Party", fuzzy=False) == []  # a name several states' parties bear
