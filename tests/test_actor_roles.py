"""Roles from context: title phrases and their sectors (no spaCy needed for these)."""

from __future__ import annotations

import pytest

from newsevents.actor_roles import title_sector, title_sector_at_end
from newsevents.knowledge import actor_words


@pytest.mark.parametrize("title, sector", [
    ("foreign ministry spokesman", "GOV"),
    ("deputy prime ministers", "GOV"),
    ("secretary of state", "GOV"),
    ("army chief", "MIL"),
    ("senator", "LEG"),
    ("chief justice", "JUD"),
    ("state-owned outlet", None),
    ("analyst", None),
])
def test_title_sector_takes_the_longest_title(title, sector):
    assert title_sector(title, actor_words()) == sector


def test_title_sector_at_end_needs_the_title_last():
    assert title_sector_at_end("u.s. senator", actor_words()) == "LEG"
    assert title_sector_at_end("president of the zambian", actor_words()) is None


def test_a_movement_of_no_state_takes_the_state_that_owns_it_here(make_analysis):
    from newsevents.actors import find_actors

    a = make_analysis("Jordan's Muslim Brotherhood called for a boycott of the vote.\n")
    actors, _mentions = find_actors(a)
    mb = next(x for x in actors if x.id == "organization:muslim-brotherhood")
    assert mb.country == "JOR"
    a = make_analysis("The Muslim Brotherhood called for calm.\n")
    actors, _mentions = find_actors(a)
    assert next(x for x in actors if x.id == "organization:muslim-brotherhood").country is None


def test_a_title_takes_the_state_that_owns_it_before_the_state_it_is_in(make_analysis):
    from newsevents.actors import find_actors

    a = make_analysis("The Kenyan commander in Somalia, General Otieno Kamau Wafula, met elders.\n")
    _actors, mentions = find_actors(a)
    person = next(m for m in mentions if m.kind == "person")
    assert person.country == "KEN"


def test_a_party_name_several_states_share_takes_the_state_named_with_it(make_analysis):
    from newsevents.actors import find_actors

    a = make_analysis("Malawi's Democratic Progressive Party won the vote.\n")
    actors, _mentions = find_actors(a)
    assert next(x for x in actors if x.id == "organization:dpp").country == "MWI"


def test_a_title_in_a_known_name_gives_its_sector_on_any_date(make_analysis):
    from newsevents.actors import find_actors

    a = make_analysis("King Hussein received the envoy in Amman.\n", None)  # undated: his reign is over now
    _actors, mentions = find_actors(a)
    king = next(m for m in mentions if m.kind == "person")
    assert (king.actor_id, king.country, king.sector) == ("person:hussein-bin-talal", "JOR", "GOV")
    a = make_analysis("Italian Prime Minister Romano Prodi met the envoy.\n", "2002-05-01")
    _actors, mentions = find_actors(a)
    prodi = next(m for m in mentions if m.kind == "person")
    assert (prodi.country, prodi.sector) == ("ITA", "GOV")  # the office the text names, not his role then


def test_a_state_before_a_known_body_of_another_state_stays_a_mention(make_analysis):
    from newsevents.actors import find_actors

    a = make_analysis("The Kenya Airways Boeing 737 landed safely.\n")
    _actors, mentions = find_actors(a)
    ids = {a.text[m.start:m.end]: m.actor_id for m in mentions}
    assert ids.get("Kenya") == "KEN" and ids.get("Boeing") == "organization:boeing"
    a = make_analysis("US-based Human Rights Watch said the trial was unfair.\n")
    actors, _mentions = find_actors(a)
    assert next(x for x in actors if x.id == "organization:human-rights-watch").country is None  # based, not owned


def test_an_international_office_before_a_known_name_is_held_then(make_analysis):
    from newsevents.actors import find_actors

    a = make_analysis("Arab League Secretary-General Amr Moussa urged calm.\n", None)  # undated
    _actors, mentions = find_actors(a)
    moussa = next(m for m in mentions if m.kind == "person")
    assert (moussa.actor_id, moussa.country, moussa.sector) == ("person:amr-moussa", None, "IGO")
