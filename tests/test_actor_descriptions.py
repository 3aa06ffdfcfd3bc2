"""Actors named by a description: offices, definite descriptions, groups in a place."""

from __future__ import annotations

import pytest

from newsevents.actors import find_actors


@pytest.fixture(scope="module")
def run(make_analysis):
    def go(text, published="2024-12-23"):
        a = make_analysis(text, published)
        _actors, mentions = find_actors(a)
        return {a.text[m.start:m.end]: m for m in mentions}
    return go


def test_office_after_a_state_is_its_holder_on_the_date(run):
    m = run("Iran's foreign minister flew to Oman on Sunday, and the Kremlin spokesman said talks went on.\n")
    assert m["Iran's foreign minister"].actor_id == "person:abbas-araghchi"
    assert m["Kremlin spokesman"].actor_id == "person:dmitry-peskov"
    m = run("The U.S. secretary of state landed in Cairo.\n", published="2025-03-01")
    assert m["U.S. secretary of state"].actor_id == "person:marco-rubio"


def test_indefinite_deputy_and_named_offices_are_not_the_holder(run):
    m = run("A Kremlin spokesman declined to comment. The Russian deputy prime minister arrived later.\n")
    assert m["Kremlin"].actor_id == "RUS" and m["Russian"].actor_id == "RUS"
    m = run("Kremlin spokesman Ivan Petrovich Orlov said no.\n")  # the title of the named person
    assert "Kremlin spokesman" not in m and m["Ivan Petrovich Orlov"].kind == "person"


def test_definite_description_is_the_person_named_before(run):
    m = run("Brazilian President Luiz Inacio Lula da Silva met Chilean Foreign Minister Ana Lucia Ferreyra. "
            "The Brazilian leader said the talks were useful, and the minister agreed.\n")
    lula = m["Luiz Inacio Lula da Silva"].actor_id
    assert m["Brazilian leader"].actor_id == lula
    assert m["minister"].actor_id == m["Ana Lucia Ferreyra"].actor_id


def test_spokesman_is_the_last_spokesman_named(run):
    m = run("Kenyan government spokesman Peter Odhiambo Kariuki said the border was open. "
            "The spokesman added that trade would resume.\n")
    assert m["spokesman"].actor_id == m["Peter Odhiambo Kariuki"].actor_id


def test_no_description_without_a_fitting_person(run):
    m = run("The spokesman said the border was open.\n")
    assert "spokesman" not in m


def test_group_in_a_place_is_a_mention_of_its_state(run):
    m = run("Protesters in Tbilisi marched on parliament, and farmers from Lviv joined them.\n")
    assert (m["Protesters"].actor_id, m["Protesters"].sector) == ("GEO", "CVL")
    assert (m["farmers"].actor_id, m["farmers"].sector) == ("UKR", "AGR")
    m = run("Officials in Kyiv said the talks were over.\n")
    assert "Officials" not in m  # a state sector: the officials of any state may be in Kyiv


def test_ethnic_people_of_another_state(run):
    m = run("Police detained two ethnic Hungarians in northern Serbia on Monday.\n")
    assert (m["Hungarians"].actor_id, m["Hungarians"].sector) == ("SRB", "CVL")
    m = run("Hungarians voted on Sunday.\n")
    assert m["Hungarians"].actor_id == "HUN"
    m = run("The Croats of western Montenegro asked for schools in their language.\n")  # no "ethnic"
    assert (m["Croats"].actor_id, m["Croats"].sector) == ("MNE", "CVL")
    m = run("Croats asked Montenegro for schools.\n")  # the state named later is not where they live
    assert m["Croats"].actor_id == "HRV"


def test_the_government_of_a_province_is_its_state(run):
    m = run("The government of Sindh province ordered more patrols on Tuesday.\n")
    assert (m["government"].actor_id, m["government"].sector) == ("PAK", "GOV")


def test_a_state_glued_to_anti_or_pro_is_no_actor(run):
    m = run("An anti-Syria columnist and pro-Iran militias were named in the report.\n")
    assert "Syria" not in m and "Iran" not in m


def test_a_people_after_a_state_adjective_is_of_that_state(run):
    m = run("Bosnian Croats and Kosovo Albanians met in Vienna on Friday.\n")
    assert (m["Bosnian Croats"].actor_id, m["Bosnian Croats"].sector) == ("BIH", "CVL")
    assert m["Kosovo Albanians"].actor_id == "XKX"
    assert "Croats" not in m and "Albanians" not in m  # one mention each, not the kin state


def test_a_title_word_modifying_another_noun_is_no_description(run):
    m = run("Attorney General Merrick Garland spoke on Monday. The general election will be held in May, "
            "and the Iranian president's office said nothing.\n")
    assert "general" not in m
    m = run("Iran's foreign ministry said nothing.\n")  # the ministry, not the minister
    assert m["Iran's foreign ministry"].kind == "organization"


def test_a_person_from_a_place_and_a_two_word_group_noun(run):
    m = run("An Anglican missionary from Mombasa was detained. Food ran short in a Somali refugee camp.\n")
    assert (m["missionary"].actor_id, m["missionary"].sector) == ("KEN", "REL")
    assert (m["Somali"].actor_id, m["Somali"].sector) == ("SOM", "REF")
    m = run("Shelling hit the city of Kharkiv.\n")
    assert "city" not in m


def test_a_nameless_group_is_placed_where_the_sentence_puts_it(run):
    m = run("Thousands of people blocked roads in Lusaka on Tuesday.\n")
    assert (m["people"].actor_id, m["people"].sector) == ("ZMB", "CVL")
    m = run("Riot police fired tear gas at students marching on parliament in Windhoek.\n")
    assert (m["students"].actor_id, m["students"].sector) == ("NAM", "EDU")
    assert (m["Riot police"].actor_id, m["Riot police"].sector) == ("NAM", "COP")
    m = run("Rebels attacked an army post near the city of Maiduguri.\n")
    assert (m["Rebels"].actor_id, m["Rebels"].sector) == ("NGA", "REB")


def test_a_nameless_organised_group_with_no_state_is_its_own_actor(run):
    m = run("A human rights group said the trial was unfair.\n")
    g = m["human rights group"]
    assert (g.actor_id, g.kind, g.country, g.sector) == ("group:human-rights-group", "group", None, "NGO")
    m = run("Residents said the water was cut.\n")
    assert "Residents" not in m  # civilians of no stated place are left to the events stage


def test_a_nameless_party_belongs_to_the_one_state_named(run):
    m = run("The opposition said it would boycott Togo's elections.\n")
    assert (m["opposition"].actor_id, m["opposition"].sector) == ("TGO", "OPP")


def test_named_or_foreign_groups_are_not_nameless(run):
    m = run("Georgian protesters and Hamas militants met settlers in Hebron. "
            "People familiar with the talks in Oslo said so.\n")
    assert "protesters" not in m and "militants" not in m  # named by their modifiers
    assert "settlers" not in m  # people from elsewhere are not the state of the place they are in
    assert "People" not in m  # sources, not a group that acts
    m = run("The main rebel group, the Revolutionary United Front, laid down its arms.\n")
    assert "rebel group" not in m  # the apposition names it
    m = run("Chile and Peru voiced their shared opposition to the plan. Opposition to the tax grew in Chile.\n")
    assert "opposition" not in m and "Opposition" not in m  # a stance, not the opposition


def test_a_place_after_a_pair_of_nameless_groups_is_both_groups(run):
    m = run("Local rebels and police in the north of Chad clashed on Friday.\n")
    assert (m["rebels"].actor_id, m["police"].actor_id) == ("TCD", "TCD")


def test_a_crowd_given_as_a_number_is_placed_where_it_acts(run):
    m = run("Thousands marched in Lima on Sunday.\n")
    assert (m["Thousands"].actor_id, m["Thousands"].sector) == ("PER", "CVL")
    m = run("Hundreds took to the streets of Accra.\n")
    assert m["Hundreds"].actor_id == "GHA"
    m = run("Thousands of people marched through Nairobi.\n")
    assert m["people"].actor_id == "KEN" and "Thousands" not in m
    # a number of things, or a crowd the sentence places nowhere, is no group
    m = run("Thousands of dollars were lost in Lima.\n")
    assert "Thousands" not in m
    m = run("Hundreds gathered to listen.\n")
    assert "Hundreds" not in m
