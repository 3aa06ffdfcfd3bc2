"""The events stage on short hand-written sentences with hand-made actor mentions and times."""

from __future__ import annotations

import pytest
from conftest import mention

from newsevents.event_lexicon import lexicon
from newsevents.event_roles import GroupMemory, Parties, Party
from newsevents.event_status import event_location
from newsevents.events import find_events
from newsevents.models import Time
from newsevents.resources import META_KEYS, load_toml

PLOVER = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
          "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}


def events_of(make_analysis, text, mentions, times=None, publisher=None):
    a = make_analysis(text, mentions=mentions, times=times or [], publisher=publisher)
    return find_events(a)


def by_type(events, type_):
    found = [e for e in events if e.type == type_]
    assert found, f"no {type_} event in {[(e.type, e.actors, e.recipients) for e in events]}"
    return found[0]


# -- the lexicon --------------------------------------------------------------------------
def test_lexicon_has_provenance_and_valid_types():
    raw = load_toml("event_triggers.toml")
    assert all(raw["meta"].get(k) for k in META_KEYS)
    lex = lexicon()
    for entry in lex.verbs + lex.nouns:
        assert entry.type in PLOVER
        assert entry.lemmas
        assert entry.cameo is None or entry.cameo.isdigit()
    # reporting is no event, except a reported obligation on another party ("said Y must")
    assert all(e.requires == "obligation" for e in lex.verbs if "say" in e.lemmas)


# -- parties ------------------------------------------------------------------------------
#: (text, country mentions, type, actors, recipients, status): whole codings of one sentence
CODINGS = [
    # a nominal trigger: the possessor acts, the "of" object is the target
    ("Analysts pointed to Brazil's alleged support of Argentina's claims.", ["Brazil", "Argentina"],
     "SUPPORT", ["BRA"], ["ARG"], "alleged"),
    # the subject pronoun of a reported clause is the reporting clause's subject
    ("Chile denied that it had attacked Peru.", ["Chile", "Peru"],
     "ASSAULT", ["CHL"], ["PER"], "denied"),
    # a light verb passes its subject to the event noun it governs
    ("Norway imposed sanctions on Iceland last year.", ["Norway", "Iceland"],
     "SANCTION", ["NOR"], ["ISL"], "asserted"),
    # a reported obligation on another party is a request
    ("A Norwegian minister said that Iceland must withdraw its claim.", ["Norwegian", "Iceland"],
     "REQUEST", ["NOR"], ["ISL"], "asserted"),
    # a passive without agent leaves the event to the noun that names the attacker
    ("Four children were killed in a Syrian attack on Lebanon.", ["Syrian", "Lebanon"],
     "ASSAULT", ["SYR"], ["LBN"], "asserted"),
    # the subject of a demanded clause is the target, not the things it names
    ("Norway demanded that Iceland reject Chile's proposal.", ["Norway", "Iceland", "Chile"],
     "REQUEST", ["NOR"], ["ISL"], "asserted"),
    # a threat's target can be the party the condition is put to
    ("Norway threatened to leave the talks if Iceland goes ahead with the plan.", ["Norway", "Iceland"],
     "THREATEN", ["NOR"], ["ISL"], "asserted"),
    # easing a sanction is a concession to its target
    ("Norway lifted its sanctions on Iceland.", ["Norway", "Iceland"],
     "CONCEDE", ["NOR"], ["ISL"], "asserted"),
    # an offer to act states an intent: AGREE
    ("Norway offered to mediate between Iceland and Chile.", ["Norway", "Iceland", "Chile"],
     "AGREE", ["NOR"], ["ISL", "CHL"], "asserted"),
    # the issuer of a statement acts through it
    ("Norway issued a statement condemning Iceland.", ["Norway", "Iceland"],
     "ACCUSE", ["NOR"], ["ISL"], "asserted"),
    # the target of a threat is in its complement
    ("Norway threatened to cut ties with Iceland.", ["Norway", "Iceland"],
     "THREATEN", ["NOR"], ["ISL"], "asserted"),
]
ISO = {"Syrian": "SYR", "Lebanon": "LBN", "Norwegian": "NOR", "Brazil": "BRA", "Argentina": "ARG", "Chile": "CHL", "Peru": "PER", "Norway": "NOR",
       "Iceland": "ISL"}


@pytest.mark.parametrize("text,names,type_,actors,recipients,status", CODINGS)
def test_codings(make_analysis, text, names, type_, actors, recipients, status):
    ev = by_type(events_of(make_analysis, text, [mention(text, n, ISO[n]) for n in names]), type_)
    assert (ev.actors, ev.recipients, ev.status) == (actors, recipients, status)


def test_compound_subject_plan_to_sign_is_symmetric_and_expected(make_analysis):
    text = "Kenya and Uganda plan to sign a new trade pact next year."
    ev = events_of(make_analysis, text, [mention(text, "Kenya", "KEN"), mention(text, "Uganda", "UGA")])
    agree = by_type(ev, "AGREE")
    assert set(agree.actors) == {"KEN", "UGA"} and agree.recipients == []
    assert agree.status == "expected"


def test_passive_agent_is_actor_and_pair_anaphor_is_recipient(make_analysis):
    text = ("Chile and Peru held talks in March.\n"
            "The two nations were sanctioned by Canada over the dispute.")
    ms = [mention(text, "Chile", "CHL"), mention(text, "Peru", "PER"), mention(text, "Canada", "CAN")]
    ev = events_of(make_analysis, text, ms)
    consult = by_type(ev, "CONSULT")
    assert set(consult.actors) == {"CHL", "PER"}
    sanction = by_type(ev, "SANCTION")
    assert sanction.actors == ["CAN"] and set(sanction.recipients) == {"CHL", "PER"}
    assert sanction.status == "asserted"


def test_invasion_of_country_needs_an_actor(make_analysis):
    text = "The invasion of Latvia was discussed at length."
    assert find_events(make_analysis(text, mentions=[mention(text, "Latvia", "LVA")])) == []


def test_former_and_latter_resolve_to_the_pair(make_analysis):
    text = ("Serbia and Albania signed an accord.\n"
            "Both were criticized by Greece, the former because of the invasion of Kosovo.")
    ms = [mention(text, "Serbia", "SRB"), mention(text, "Albania", "ALB"),
          mention(text, "Greece", "GRC"), mention(text, "Kosovo", "XKX")]
    ev = events_of(make_analysis, text, ms)
    assault = by_type(ev, "ASSAULT")
    assert assault.actors == ["SRB"] and assault.recipients == ["XKX"]


def test_group_memory_prefers_the_group_named_most_often():
    def p(i):
        return Party(i, i, "country", 0)

    mem = GroupMemory()
    mem.add(0, p("AAA"), p("BBB"))
    mem.add(10, p("BBB"), p("AAA"))  # same pair, other order: keeps the first order
    mem.add(20, p("CCC"), p("DDD"))
    pair = mem.last_before(30)
    assert [x.actor_id for x in pair] == ["AAA", "BBB"]
    assert [x.actor_id for x in mem.last_before(5)] == ["AAA", "BBB"]
    mem.add(25, p("EEE"), p("FFF"), p("GGG"))
    assert [x.actor_id for x in mem.last_before(30, size=3)] == ["EEE", "FFF", "GGG"]


def test_symmetric_meeting_and_location(make_analysis):
    text = "Chile's president met with Peru's president at a summit in Lima."
    ms = [mention(text, "Chile", "CHL"), mention(text, "Peru", "PER"),
          mention(text, "Lima", "location:lima", kind="location", country="PER")]
    consult = by_type(events_of(make_analysis, text, ms), "CONSULT")
    assert set(consult.actors) == {"CHL", "PER"} and consult.recipients == []
    assert consult.location == "location:lima"


def test_arrival_of_a_delegation_is_a_directed_visit(make_analysis):
    text = "A Chilean delegation arrived in Lima on Monday."
    ms = [mention(text, "Chilean", "CHL"),
          mention(text, "Lima", "location:lima", kind="location", country="PER")]
    times = [Time(start=text.index("Monday"), end=text.index("Monday") + 6, text="Monday",
                  type="DATE", value="2024-12-23")]
    consult = by_type(events_of(make_analysis, text, ms, times), "CONSULT")
    assert consult.actors == ["CHL"] and consult.recipients == ["location:lima"]
    assert consult.mode == "visit" and consult.location == "location:lima"
    assert consult.time is not None and consult.time.value == "2024-12-23"


# -- status -------------------------------------------------------------------------------
def test_accused_act_is_alleged_and_a_denial_makes_it_denied(make_analysis):
    base = "Canada accused Norway of supplying Sweden with rifles"
    for text, expected in ((base + ".", "alleged"), (base + ", though Oslo has denied it.", "denied")):
        ms = [mention(text, "Canada", "CAN"), mention(text, "Norway", "NOR"),
              mention(text, "Sweden", "SWE")]
        if "Oslo" in text:
            ms.append(mention(text, "Oslo", "NOR"))
        ev = events_of(make_analysis, text, ms)
        accuse = by_type(ev, "ACCUSE")
        assert (accuse.actors, accuse.recipients, accuse.status) == (["CAN"], ["NOR"], "asserted")
        aid = by_type(ev, "AID")
        assert (aid.actors, aid.recipients, aid.status) == (["NOR"], ["SWE"], expected)
        assert aid.attributed_to == ["CAN"]  # the accuser says so


@pytest.mark.parametrize("text,type_,status", [
    ("Spain did not attack Portugal.", "ASSAULT", "negated"),
    ("Spain could impose sanctions on Portugal.", "SANCTION", "hypothetical"),
    ("Spain will meet Portugal in June.", "CONSULT", "expected"),
    ("Spain reportedly attacked Portugal.", "ASSAULT", "alleged"),
    ("Spain attacked Portugal.", "ASSAULT", "asserted"),
    ("If Spain attacks Portugal, the alliance will respond.", "ASSAULT", "hypothetical"),
    ("Spain plans to sign an accord with Portugal.", "AGREE", "expected"),
    ("Spain failed to sign an accord with Portugal.", "AGREE", "negated"),
    ("Spain's attack on Portugal is not confirmed.", "ASSAULT", "hypothetical"),
])
def test_status(make_analysis, text, type_, status):
    ms = [mention(text, "Spain", "ESP"), mention(text, "Portugal", "PRT")]
    assert by_type(events_of(make_analysis, text, ms), type_).status == status


# -- time ---------------------------------------------------------------------------------
def test_time_is_the_one_governing_the_trigger(make_analysis):
    text = "Ghana will replace the accord signed between Togo and Benin in 2001."
    ms = [mention(text, "Ghana", "GHA"), mention(text, "Togo", "TGO"), mention(text, "Benin", "BEN")]
    times = [Time(start=text.index("2001"), end=text.index("2001") + 4, text="2001", type="DATE",
                  value="2001")]
    agree = by_type(events_of(make_analysis, text, ms, times), "AGREE")
    assert set(agree.actors) == {"TGO", "BEN"} and agree.status == "asserted"
    assert agree.time is not None and (agree.time.value, agree.time.source) == ("2001", "text")


def test_asserted_event_without_time_takes_the_publication_date(make_analysis):
    text = "Spain attacked Portugal."
    ev = by_type(events_of(make_analysis, text, [mention(text, "Spain", "ESP"),
                                                 mention(text, "Portugal", "PRT")]), "ASSAULT")
    assert ev.time is not None and (ev.time.value, ev.time.source) == ("2024-12-23", "published")
    assert (ev.evidence.start, ev.evidence.end) == (0, len(text))


# -- what is not an event -----------------------------------------------------------------
def test_reporting_and_the_publishers_own_actions_are_not_events(make_analysis):
    text = "Chile said on Monday that talks were useful.\nThe Daily Planet asked Chile to comment."
    ms = [mention(text, "Chile", "CHL"), mention(text, "Chile", "CHL", nth=1),
          mention(text, "The Daily Planet", "media:daily-planet", kind="media", country="USA")]
    assert find_events(make_analysis(text, mentions=ms, publisher="The Daily Planet")) == []


def test_one_event_per_type_and_parties_in_a_sentence(make_analysis):
    text = "Kenya and Uganda signed the agreement and the treaty."
    ev = events_of(make_analysis, text, [mention(text, "Kenya", "KEN"), mention(text, "Uganda", "UGA")])
    assert [e.type for e in ev].count("AGREE") == 1


# -- senses, datelines, pronouns, groups ------------------------------------------------------
@pytest.mark.parametrize("text", [
    "Spain struck a conciliatory tone.",
    "Spain asked not to be named.",
    "Spain said it must defend itself.",
    "Spain demonstrated its commitment to reform.",
    "Spain agrees.",
    "Spain offered its condolences.",
    "Spain will hold elections in March.",
    "Spain's win in the final is helping Portugal.",
    "Spain captured the title.",
])
def test_other_senses_of_trigger_verbs_are_not_events(make_analysis, text):
    ms = [mention(text, "Spain", "ESP")] + ([mention(text, "Portugal", "PRT")] if "Portugal" in text else [])
    assert events_of(make_analysis, text, ms) == []


def test_dateline_place_is_not_the_actor(make_analysis):
    text = "LIMA, May 2 (Wire) - Chile and Peru signed a fisheries accord on Friday."
    ms = [mention(text, "LIMA", "location:lima", kind="location", country="PER"),
          mention(text, "Chile", "CHL"), mention(text, "Peru", "PER")]
    agree = by_type(events_of(make_analysis, text, ms), "AGREE")
    assert set(agree.actors) == {"CHL", "PER"}


def test_the_three_states_resolve_to_the_last_group_of_three(make_analysis):
    text = ("Kenya, Uganda and Tanzania opened a customs office.\n"
            "The three states agreed on a tariff schedule on Monday.")
    ms = [mention(text, "Kenya", "KEN"), mention(text, "Uganda", "UGA"), mention(text, "Tanzania", "TZA")]
    agree = by_type(events_of(make_analysis, text, ms), "AGREE")
    assert set(agree.actors) == {"KEN", "UGA", "TZA"}


def test_a_planned_event_restated_nearby_shares_its_time(make_analysis):
    text = ("Chile and Peru plan to sign a fisheries accord.\n"
            "Officials said the two countries would sign the accord in March.")
    ms = [mention(text, "Chile", "CHL"), mention(text, "Peru", "PER")]
    start = text.index("March")
    times = [Time(start=start, end=start + 5, text="March", type="DATE", value="2025-03")]
    agrees = [e for e in events_of(make_analysis, text, ms, times) if e.type == "AGREE"]
    assert len(agrees) == 2 and all(e.status == "expected" for e in agrees)
    assert [e.time.value for e in agrees if e.time] == ["2025-03", "2025-03"]


def test_location_through_a_place_noun_and_the_governing_clause(make_analysis):
    text = "In the city of Homs, Syria said rebels attacked its soldiers."
    ms = [mention(text, "Homs", "location:homs", kind="location", country="SYR"),
          mention(text, "Syria", "SYR")]
    a = make_analysis(text, mentions=ms)
    attacked = next(t for t in a.doc if t.lower_ == "attacked")
    assert event_location(attacked, a, Parties(a).mention_at) == "location:homs"


def test_the_place_of_a_visit_before_the_post_of_a_party(make_analysis):
    # "in Kabul" says where the envoy serves; the talks were held on a visit to Islamabad
    text = "The British envoy in Kabul held talks with Pakistani officials during a visit to Islamabad."
    ms = [mention(text, "British", "GBR"),
          mention(text, "Kabul", "location:kabul", kind="location", country="AFG"),
          mention(text, "Pakistani", "PAK"),
          mention(text, "Islamabad", "location:islamabad", kind="location", country="PAK")]
    a = make_analysis(text, mentions=ms)
    held = next(t for t in a.doc if t.lower_ == "held")
    assert event_location(held, a, Parties(a).mention_at) == "location:islamabad"
    consult = by_type(find_events(a), "CONSULT")
    assert "AFG" not in consult.actors + consult.recipients


def test_its_soldiers_in_a_denial_are_the_deniers(make_analysis):
    text = "Armenia on Friday denied that its soldiers had shelled a border post near Tavush."
    assault = by_type(events_of(make_analysis, text, [mention(text, "Armenia", "ARM")]), "ASSAULT")
    assert assault.actors == ["ARM"] and assault.status == "denied"


def test_a_dateline_city_is_no_modifier_of_the_subject(make_analysis):
    text = "MEXICO CITY - Negotiators from Peru and Chile met on Monday for a third round of talks."
    ms = [mention(text, "Peru", "PER"), mention(text, "Chile", "CHL")]
    consult = by_type(events_of(make_analysis, text, ms), "CONSULT")
    assert set(consult.actors) == {"PER", "CHL"}


def test_a_point_in_time_beats_a_duration_governing_the_trigger(make_analysis):
    text = ("Peru and Chile signed an accord.\n"
            "It followed three weeks of talks between the two countries in Lima, which ended on Friday.")
    ms = [mention(text, "Peru", "PER"), mention(text, "Chile", "CHL")]
    w, f = text.index("three weeks"), text.index("Friday")
    times = [Time(start=w, end=w + 11, text="three weeks", type="DURATION", value="P3W"),
             Time(start=f, end=f + 6, text="Friday", type="DATE", value="2024-12-20")]
    consult = by_type(events_of(make_analysis, text, ms, times), "CONSULT")
    assert consult.time.value == "2024-12-20"


def test_a_threatened_act_set_apart_by_a_time_is_hypothetical(make_analysis):
    text = "Ghana threatened on Monday to impose tariffs on cement from Togo."
    ms = [mention(text, "Ghana", "GHA"), mention(text, "Togo", "TGO")]
    assert by_type(events_of(make_analysis, text, ms), "SANCTION").status == "hypothetical"


@pytest.mark.parametrize("text, type_", [
    ("Peru and Chile exchanged twelve prisoners on Friday.", "RETREAT"),
    ("Ghana imposed a levy on cement from Togo.", "SANCTION"),
    ("Ghana lifted its levy on cement from Togo.", "CONCEDE"),
])
def test_prisoner_swaps_and_levies(make_analysis, text, type_):
    ms = [mention(text, n, i) for n, i in (("Peru", "PER"), ("Chile", "CHL"), ("Ghana", "GHA"), ("Togo", "TGO"))
          if n in text]
    by_type(events_of(make_analysis, text, ms), type_)


def test_coordinated_modifiers_of_a_noun_modifier_name_the_parties(make_analysis):
    text = "Danish and Swedish fisheries ministers met in Bergen on Monday."
    ms = [mention(text, "Danish", "DNK"), mention(text, "Swedish", "SWE")]
    consult = by_type(events_of(make_analysis, text, ms), "CONSULT")
    assert set(consult.actors) == {"DNK", "SWE"}


def test_a_time_in_another_clause_with_its_own_agent_is_not_the_events(make_analysis):
    text = "Peru accused Chile of violating the truce agreed by both governments in 2019."
    ms = [mention(text, "Peru", "PER"), mention(text, "Chile", "CHL")]
    y = text.index("2019")
    times = [Time(start=y, end=y + 4, text="2019", type="DATE", value="2019")]
    accuse = by_type(events_of(make_analysis, text, ms, times), "ACCUSE")
    assert accuse.time is None or accuse.time.value != "2019"


def test_they_opening_a_sentence_is_the_group_named_just_before(make_analysis):
    text = ("Kenyan and Ugandan trade officials met in Busia on Monday.\n"
            "They agreed on Monday to reopen the border market.")
    ms = [mention(text, "Kenyan", "KEN"), mention(text, "Ugandan", "UGA")]
    agree = by_type(events_of(make_analysis, text, ms), "AGREE")
    assert set(agree.actors) == {"KEN", "UGA"}


@pytest.mark.parametrize("text, status", [
    ("Georgia said on Friday that Russian soldiers had detained two farmers near Gori.", "alleged"),
    ("Russia said on Friday that its soldiers had detained two farmers near Gori.", "asserted"),
])
def test_a_hostile_act_another_party_reports_is_its_claim(make_analysis, text, status):
    ms = [mention(text, n, i) for n, i in (("Georgia", "GEO"), ("Russian", "RUS"), ("Russia", "RUS")) if n in text]
    if "Russian" in text:
        ms = [m for m in ms if not (m.actor_id == "RUS" and text[m.start:m.end] == "Russia")]
    assert by_type(events_of(make_analysis, text, ms), "COERCE").status == status


@pytest.mark.parametrize("text", [
    "Egypt on Sunday denied that any of its patrol boats had rammed a Sudanese ferry.",
    "Egypt has denied that one of its patrol boats rammed a Sudanese ferry.",
])
def test_one_of_its_boats_in_a_denial_is_the_deniers(make_analysis, text):
    ms = [mention(text, "Egypt", "EGY"), mention(text, "Sudanese", "SDN")]
    assault = by_type(events_of(make_analysis, text, ms), "ASSAULT")
    assert assault.actors == ["EGY"] and assault.status == "denied"


def test_fired_on_and_a_pullback(make_analysis):
    text = "Georgia said Russian troops had fired on a border post.\nRussia's pullback from the area began on Monday."
    ms = [mention(text, "Georgia", "GEO"), mention(text, "Russian", "RUS"), mention(text, "Russia's", "RUS")]
    events = events_of(make_analysis, text, ms)
    assert by_type(events, "ASSAULT").status == "alleged"
    by_type(events, "RETREAT")


def test_a_controlled_complement_takes_its_own_time(make_analysis):
    text = "Nepal agreed on Tuesday to supply India with 40 megawatts of electricity from March."
    ms = [mention(text, "Nepal", "NPL"), mention(text, "India", "IND")]
    t, m = text.index("Tuesday"), text.index("March")
    times = [Time(start=t, end=t + 7, text="Tuesday", type="DATE", value="2025-01-14"),
             Time(start=m, end=m + 5, text="March", type="DATE", value="2025-03")]
    events = events_of(make_analysis, text, ms, times)
    aid = by_type(events, "AID")
    assert aid.status == "expected" and aid.time.value == "2025-03"


def test_a_trigger_noun_naming_a_kind_of_thing_is_no_event(make_analysis):
    text = "Nepal and India signed an aid contract on Friday."
    ms = [mention(text, "Nepal", "NPL"), mention(text, "India", "IND")]
    assert [e.type for e in events_of(make_analysis, text, ms)] == ["AGREE"]


@pytest.mark.parametrize("text", [
    "Laos urged Vietnam to release the fishermen.",
    "Laos demanded that Vietnam release the fishermen.",
    "Laos called on Vietnam to release the fishermen.",
])
def test_an_act_asked_of_someone_is_hypothetical(make_analysis, text):
    ms = [mention(text, "Laos", "LAO"), mention(text, "Vietnam", "VNM")]
    events = events_of(make_analysis, text, ms)
    assert by_type(events, "REQUEST").status == "asserted"
    retreat = by_type(events, "RETREAT")
    assert retreat.status == "hypothetical" and retreat.actors == ["VNM"]


# -- frames and recasts (issue 6, second pass) ----------------------------------------------
def test_received_from_makes_the_giver_the_actor(make_analysis):
    text = "Chad received tents and food from Niger on Monday."
    ms = [mention(text, "Chad", "TCD"), mention(text, "Niger", "NER")]
    aid = by_type(events_of(make_analysis, text, ms), "AID")
    assert aid.actors == ["NER"] and aid.recipients == ["TCD"]


def test_recipient_nested_in_a_purpose(make_analysis):
    text = "Peru called for sanctions against Bolivia."
    ms = [mention(text, "Peru", "PER"), mention(text, "Bolivia", "BOL")]
    ev = events_of(make_analysis, text, ms)[0]
    assert ev.actors == ["PER"] and ev.recipients == ["BOL"]


def test_a_domestic_event_keeps_its_recipient(make_analysis):
    text = "Malian students attacked the Malian government headquarters."
    ms = [mention(text, "Malian", "MLI"), mention(text, "Malian", "MLI", nth=1)]
    ev = by_type(events_of(make_analysis, text, ms), "ASSAULT")
    assert ev.actors == ["MLI"] and ev.recipients == ["MLI"]


def test_a_refused_future_is_a_rejection(make_analysis):
    text = "Chile said it would not provide weapons to Peru."
    ms = [mention(text, "Chile", "CHL"), mention(text, "Peru", "PER")]
    events = events_of(make_analysis, text, ms)
    rej = by_type(events, "REJECT")
    assert rej.status == "asserted" and rej.actors == ["CHL"] and rej.recipients == ["PER"]
    assert not [e for e in events if e.type == "AID"]


def test_an_act_on_condition_is_a_threat(make_analysis):
    text = "Ghana will withdraw its troops from Togo unless Togo holds elections."
    ms = [mention(text, "Ghana", "GHA"), mention(text, "Togo", "TGO")]
    ev = by_type(events_of(make_analysis, text, ms), "THREATEN")
    assert ev.status == "asserted" and ev.actors == ["GHA"]


@pytest.mark.parametrize("text, kind", [
    ("Oman said it would send food to Yemen.", "AGREE"),
    ("Oman says it is willing to send food to Yemen.", "AGREE"),
    ("Oman announced it would bomb Yemen.", "THREATEN"),
])
def test_a_partys_own_announced_act_is_a_promise_or_threat(make_analysis, text, kind):
    ms = [mention(text, "Oman", "OMN"), mention(text, "Yemen", "YEM")]
    events = events_of(make_analysis, text, ms)
    top = max(events, key=lambda e: e.confidence)
    assert top.type == kind and top.status == "asserted" and top.actors == ["OMN"]
    act = [e for e in events if e.type not in (kind,)]
    assert act and act[0].status == "expected"  # the act itself stays, planned


def test_another_partys_forecast_is_no_promise(make_analysis):
    text = "Qatar said Oman would send food to Yemen."
    ms = [mention(text, "Qatar", "QAT"), mention(text, "Oman", "OMN"), mention(text, "Yemen", "YEM")]
    assert not [e for e in events_of(make_analysis, text, ms) if e.type == "AGREE"]


def test_a_purpose_ranks_below_its_act(make_analysis):
    text = "Kenyan farmers began a hunger strike to demand land reform."
    ms = [mention(text, "Kenyan", "KEN")]
    events = events_of(make_analysis, text, ms)
    assert max(events, key=lambda e: e.confidence).type == "PROTEST"


def test_people_of_a_place_belong_to_its_country(make_analysis):
    text = "Libya released the mayor of Abeche on Sunday."
    ms = [mention(text, "Libya", "LBY"), mention(text, "Abeche", "location:abeche", kind="location", country="TCD")]
    ev = by_type(events_of(make_analysis, text, ms), "RETREAT")
    assert ev.actors == ["LBY"] and ev.recipients == ["TCD"]


def test_a_meetings_topic_is_no_party(make_analysis):
    text = "Peru and Chile held talks on Bolivia's debt."
    ms = [mention(text, "Peru", "PER"), mention(text, "Chile", "CHL"), mention(text, "Bolivia", "BOL")]
    ev = by_type(events_of(make_analysis, text, ms), "CONSULT")
    assert sorted(ev.actors) == ["CHL", "PER"] and not ev.recipients


@pytest.mark.parametrize("text, type_", [
    ("Mali imposed a curfew on Gao after the riots.", "COERCE"),
    ("Police in Niger used tear gas on protesters.", "COERCE"),
    ("Chad turned down Sudan's offer of talks.", "REJECT"),
    ("A court in Benin convicted two Togolese activists.", "ACCUSE"),
    ("Rebels in Mali took two Algerian engineers hostage.", "ASSAULT"),
    ("Chad withdrew its ambassador from Sudan.", "SANCTION"),
    ("Niger put its troops on high alert.", "MOBILIZE"),
    ("Benin said Niger had violated the ceasefire.", "ASSAULT"),
])
def test_codebook_frames(make_analysis, text, type_):
    names = {"Mali": "MLI", "Niger": "NER", "Chad": "TCD", "Sudan": "SDN", "Benin": "BEN",
             "Togolese": "TGO", "Algerian": "DZA"}
    ms = [mention(text, n, c) for n, c in names.items() if n in text]
    ms = [m for m in ms if not any(o is not m and o.start <= m.start < o.end for o in ms)]
    by_type(events_of(make_analysis, text, ms), type_)


def test_a_go_between_mediates_for_the_parties_between(make_analysis):
    text = "Oman launched a mediation effort between Yemen and Eritrea on Monday."
    ms = [mention(text, "Oman", "OMN"), mention(text, "Yemen", "YEM"), mention(text, "Eritrea", "ERI")]
    ev = by_type(events_of(make_analysis, text, ms), "CONSULT")
    assert ev.actors == ["OMN"] and sorted(ev.recipients) == ["ERI", "YEM"]


def test_a_kind_of_thing_still_is_no_event(make_analysis):
    text = "Oman and Yemen discussed a supply contract."
    ms = [mention(text, "Oman", "OMN"), mention(text, "Yemen", "YEM")]
    assert not [e for e in events_of(make_analysis, text, ms) if e.type == "AID"]


@pytest.mark.parametrize("text, type_, mode", [
    ("Peruvian protesters attacked a Chilean bank in Lima.", "PROTEST", "riot"),
    ("Peruvian police attacked the protesters in Lima.", "COERCE", "repress"),
])
def test_crowd_violence_and_its_repression(make_analysis, text, type_, mode):
    ms = [mention(text, "Peruvian", "PER")] + ([mention(text, "Chilean", "CHL")] if "Chilean" in text else [])
    events = events_of(make_analysis, text, ms)
    ev = by_type(events, type_)
    assert ev.mode == mode and not [e for e in events if e.type == "ASSAULT"]


def test_a_stated_intent_is_a_promise_or_threat(make_analysis):
    text = "Gabon wants to attack Cameroon."
    ms = [mention(text, "Gabon", "GAB"), mention(text, "Cameroon", "CMR")]
    events = events_of(make_analysis, text, ms)
    threat = by_type(events, "THREATEN")
    assert threat.actors == ["GAB"] and threat.recipients == ["CMR"] and threat.status == "asserted"
    assert by_type(events, "ASSAULT").status == "expected"


def test_a_refused_permission_is_a_rejection(make_analysis):
    text = "Gabon said it would not give permission to Cameroon to build the dam."
    ms = [mention(text, "Gabon", "GAB"), mention(text, "Cameroon", "CMR")]
    rej = by_type(events_of(make_analysis, text, ms), "REJECT")
    assert rej.actors == ["GAB"] and rej.recipients == ["CMR"]


def test_a_stance_participle_is_its_subjects_act(make_analysis):
    text = "Gabon is opposed to Cameroonian mediation."
    ms = [mention(text, "Gabon", "GAB"), mention(text, "Cameroonian", "CMR")]
    events = events_of(make_analysis, text, ms)
    top = max(events, key=lambda e: e.confidence)
    assert top.type == "REJECT" and top.actors == ["GAB"] and top.recipients == ["CMR"]


def test_a_protest_targets_the_authorities_where_it_is_held(make_analysis):
    text = "Malian farmers began a hunger strike outside parliament."
    ms = [mention(text, "Malian", "MLI")]
    ev = by_type(events_of(make_analysis, text, ms), "PROTEST")
    assert ev.actors == ["MLI"] and ev.recipients == ["MLI"]


def test_an_act_in_the_background_is_not_the_main_event(make_analysis):
    text = "Kenya ordered police patrols after violent protests by Somali students."
    ms = [mention(text, "Kenya", "KEN"), mention(text, "Somali", "SOM")]
    events = events_of(make_analysis, text, ms)
    assert max(events, key=lambda e: e.confidence).type == "MOBILIZE"


def test_the_place_acted_on_is_where_it_happened(make_analysis):
    text = "Rebels captured the town of Gao on Sunday.\nA soldier was wounded in an ambush near Kidal."
    ms = [mention(text, "Gao", "location:gao", kind="location", country="MLI"),
          mention(text, "Kidal", "location:kidal", kind="location", country="MLI")]
    a = make_analysis(text, mentions=ms, times=[])
    parties = Parties(a)
    captured = next(t for t in a.doc if t.lower_ == "captured")
    shot = next(t for t in a.doc if t.lower_ == "wounded")
    assert event_location(captured, a, parties.mention_at) == "location:gao"
    assert event_location(shot, a, parties.mention_at) == "location:kidal"


def test_a_claimed_attack_accuses_its_doer(make_analysis):
    text = "Benin claimed that Togolese troops had shelled a border village."
    ms = [mention(text, "Benin", "BEN"), mention(text, "Togolese", "TGO")]
    events = events_of(make_analysis, text, ms)
    assert by_type(events, "ASSAULT").status == "alleged"
    acc = by_type(events, "ACCUSE")
    assert acc.actors == ["BEN"] and acc.recipients == ["TGO"] and acc.status == "asserted"


def test_a_reported_attack_and_its_toll_are_one_alleged_event(make_analysis):
    text = "Benin said Togolese troops had shelled a border village, damaging a school."
    ms = [mention(text, "Benin", "BEN"), mention(text, "Togolese", "TGO")]
    events = events_of(make_analysis, text, ms)
    assert [(e.type, e.status) for e in events] == [("ASSAULT", "alleged")]


@pytest.mark.parametrize("text, type_, actors, recipients", [
    ("Peru expressed concern over the deployment of Chilean troops.", "ACCUSE", ["PER"], ["CHL"]),
    ("Peru lodged a protest with Chile over the incident.", "ACCUSE", ["PER"], ["CHL"]),
    ("Peruvian jets struck targets in Chile overnight.", "ASSAULT", ["PER"], ["CHL"]),
    ("Peru blocked the aid package for Chile.", "REJECT", ["PER"], []),
    ("Peru and Chile exchanged fire along the border.", "ASSAULT", ["CHL", "PER"], []),
])
def test_stance_complaint_and_target_frames(make_analysis, text, type_, actors, recipients):
    names = [("Peruvian", "PER"), ("Peru", "PER"), ("Chilean", "CHL"), ("Chile", "CHL")]
    ms = []
    for n, c in names:
        start = text.find(n)
        if start >= 0 and not any(m.start <= start < m.end for m in ms):
            ms.append(mention(text, n, c))
    ev = max(events_of(make_analysis, text, ms), key=lambda e: e.confidence)
    assert ev.type == type_ and sorted(ev.actors) == actors
    assert ev.recipients == recipients or (not recipients and ev.type == "REJECT")


def test_an_anti_or_pro_modifier_names_a_stance_not_a_member(make_analysis):
    text = "Pro-Russia rebels attacked anti-Kyiv activists in Donetsk."
    ms = [mention(text, "Russia", "RUS"), mention(text, "Kyiv", "UKR")]
    assert not [e for e in events_of(make_analysis, text, ms) if e.actors or e.recipients]


def test_a_title_takes_the_person_in_apposition(make_analysis):
    text = "The Interior Minister, Ana Ruiz, allowed the opposition to hold a rally."
    ms = [mention(text, "Ana Ruiz", "person:ana-ruiz", kind="person", country="PER")]
    ev = by_type(events_of(make_analysis, text, ms), "CONCEDE")
    assert ev.actors == ["person:ana-ruiz"]


def test_a_threat_takes_the_target_of_the_threatened_act(make_analysis):
    text = "The Malian president threatened to impose a curfew in Bamako."
    ms = [mention(text, "Malian", "MLI"), mention(text, "Bamako", "location:bamako", kind="location", country="MLI")]
    threat = by_type(events_of(make_analysis, text, ms), "THREATEN")
    assert threat.actors == ["MLI"] and threat.recipients == ["MLI"]


def test_committing_a_crime_is_no_pledge(make_analysis):
    text = "Benin said Togo committed atrocities."
    ms = [mention(text, "Benin", "BEN"), mention(text, "Togo", "TGO")]
    assert not [e for e in events_of(make_analysis, text, ms) if e.type == "AGREE"]


def test_witnesses_and_the_place_of_a_signing_are_no_parties(make_analysis):
    text = "Laos and Vietnam signed the accord in Hanoi, with a Thai envoy as witness."
    ms = [mention(text, "Laos", "LAO"), mention(text, "Vietnam", "VNM"), mention(text, "Thai", "THA"),
          mention(text, "Hanoi", "VNM")]
    ev = by_type(events_of(make_analysis, text, ms), "AGREE")
    assert sorted(ev.actors) == ["LAO", "VNM"] and not ev.recipients


def test_a_committed_act_is_expected(make_analysis):
    text = "Laos and Vietnam committed to resume talks within six months."
    ms = [mention(text, "Laos", "LAO"), mention(text, "Vietnam", "VNM")]
    assert by_type(events_of(make_analysis, text, ms), "CONSULT").status == "expected"


def test_an_accusation_outranks_the_act_it_alleges(make_analysis):
    text = "Peru accused Chile of attacking a fishing boat."
    ms = [mention(text, "Peru", "PER"), mention(text, "Chile", "CHL")]
    events = events_of(make_analysis, text, ms)
    assert by_type(events, "ACCUSE").confidence > by_type(events, "ASSAULT").confidence


def test_refuge_is_asked_of_the_state_where_it_is_sought(make_analysis):
    text = "Thousands of Malian refugees sought refuge in Niamey last month."
    ms = [mention(text, "Malian", "MLI"), mention(text, "Niamey", "location:niamey", kind="location", country="NER")]
    ev = by_type(events_of(make_analysis, text, ms), "REQUEST")
    assert ev.actors == ["MLI"] and ev.recipients == ["NER"]


# -- lexicon 1.3: CAMEO frames for yielding, strikes, joint drills, call-ups -------------------
def _name_mentions(text, names):
    """A mention of each name in ``text`` (its first occurrence), none inside another."""
    ms = [mention(text, n, c) for n, c in names.items() if n in text]
    return [m for m in ms if not any(o is not m and o.start <= m.start < o.end for o in ms)]


@pytest.mark.parametrize("text, type_, mode", [
    ("Mali made concessions to Niger over the border.", "CONCEDE", None),
    ("Chad finally caved in to Sudan's demands.", "CONCEDE", "080"),
    ("Benin met the demands of Togo.", "CONCEDE", "083"),
    ("Mali and Niger held joint military exercises near Gao.", "COOPERATE", "military"),
    ("Chad launched an air strike on Sudan.", "ASSAULT", None),
    ("Workers in Benin began a general strike against Togo.", "PROTEST", "strike"),
    ("Niger pulled back its troops from Mali.", "RETREAT", "withdraw"),
    ("Chad called up thousands of reservists.", "MOBILIZE", "troops"),
    ("Police in Niger deployed hundreds of officers in Niamey.", "MOBILIZE", "police"),
    ("Benin denied entry to two Togolese ministers.", "REJECT", None),
    ("Mali expressed gratitude to Niger for its help.", "SUPPORT", None),
    ("Niger test-fired a ballistic missile on Sunday.", "MOBILIZE", "weapons"),
    ("Chad allowed UN inspectors into the site.", "RETREAT", "access"),
    ("Rebels in Mali laid down their arms.", "RETREAT", "disarm"),
    ("Sudan quit the talks with Chad.", "SANCTION", "withdraw"),
    ("The president of Niger will attend a summit in Mali.", "CONSULT", None),
    ("Benin rallied behind Togo.", "SUPPORT", None),
    ("Mali opened an inquiry into the killings.", "ACCUSE", "investigate"),
    ("Benin hosted talks between Mali and Niger.", "CONSULT", "043"),
    ("Teachers in Mali went on strike on Monday.", "PROTEST", "strike"),
    ("A jailed activist from Chad launched a hunger strike.", "PROTEST", "hunger"),
    ("Chad imposed a travel ban on Sudan.", "SANCTION", None),
    ("Benin exported maize to Togo.", "COOPERATE", "economic"),
    ("Benin broke off talks with Togo.", "SANCTION", "withdraw"),
    ("Benin said it was ready to use force against Togo.", "THREATEN", None),
    ("Benin warned that Togo would face consequences.", "THREATEN", None),
])
def test_codebook_frames_of_lexicon_1_3(make_analysis, text, type_, mode):
    ms = _name_mentions(text, {"Mali": "MLI", "Niger": "NER", "Chad": "TCD", "Sudan": "SDN",
                               "Benin": "BEN", "Togolese": "TGO", "Togo": "TGO"})
    if "UN " in text:
        ms.append(mention(text, "UN", "igo:un", kind="igo"))
    ev = by_type(events_of(make_analysis, text, ms), type_)
    if mode is not None:
        assert mode in (ev.mode, ev.cameo)


@pytest.mark.parametrize("text, type_", [
    ("Chad suspended the strike after talks with Sudan.", "PROTEST"),  # a concession, no strike
    ("Mali held military exercises near Gao.", "COOPERATE"),  # alone: a show of force
    ("A jailed activist from Mali launched a hunger strike.", "ASSAULT"),  # no weapon launched
    ("Chad received 4,000 refugees from Sudan.", "CONSULT"),  # taking refugees in is aid
    ("Chad gave in its application to Sudan.", "CONCEDE"),  # handed in, no yielding
    ("Chad warned that its economy would face a slowdown.", "THREATEN"),  # a forecast
    ("Police in Mali called the army after the incident.", "MOBILIZE"),  # a call for help
])
def test_modifiers_and_objects_choose_the_sense(make_analysis, text, type_):
    names = {"Mali": "MLI", "Chad": "TCD", "Sudan": "SDN"}
    ms = [mention(text, n, c) for n, c in names.items() if n in text]
    assert type_ not in [e.type for e in events_of(make_analysis, text, ms)]


def test_noun_entries_are_indexed_in_file_order():
    lex = lexicon()
    kinds = [(e.type, e.mode) for e in lex.noun_entries("strike")]
    assert kinds[0] == ("ASSAULT", None) and ("PROTEST", "hunger") in kinds
    assert lex.noun_entry("strike").type == "PROTEST"  # the general entry needs no modifier


def test_aid_in_the_givers_plain_future_is_pledged(make_analysis):
    text = "Norway will give Kenya a grant of ten million dollars, a statement said."
    ms = [mention(text, "Norway", "NOR"), mention(text, "Kenya", "KEN")]
    ev = events_of(make_analysis, text, ms)
    pledge = by_type(ev, "AGREE")
    assert (pledge.actors, pledge.recipients, pledge.cameo) == (["NOR"], ["KEN"], "033")
    assert by_type(ev, "AID").status == "expected"
    # a conditional offer is no pledge; another party's forecast neither
    for text in ("Norway would give Kenya a grant if asked.", "Peru said Norway will give Kenya a grant."):
        ms = [mention(text, n, c) for n, c in (("Norway", "NOR"), ("Kenya", "KEN"), ("Peru", "PER")) if n in text]
        assert "AGREE" not in [e.type for e in events_of(make_analysis, text, ms)]


@pytest.mark.parametrize("text, type_, mode", [
    ("Turkish jets shot down a Syrian plane.", "ASSAULT", None),
    ("Russia launched a cyber attack on Estonia.", "COERCE", "cyber"),
    ("Iran blocked access to the website of the BBC.", "COERCE", None),
    ("Iran cut off the internet in Tehran.", "COERCE", "censor"),
    ("Clashes between Kenyan police and Somali protesters left five dead.", "ASSAULT", None),
])
def test_violence_and_censorship_frames(make_analysis, text, type_, mode):
    names = {"Turkish": "TUR", "Syrian": "SYR", "Russia": "RUS", "Estonia": "EST", "Iran": "IRN",
             "Kenyan": "KEN", "Somali": "SOM"}
    ms = [mention(text, n, c) for n, c in names.items() if n in text]
    if "BBC" in text:
        ms.append(mention(text, "BBC", "media:bbc", kind="media", country="GBR"))
    events = events_of(make_analysis, text, ms)
    ev = by_type(events, type_)
    assert mode is None or ev.mode == mode
    if "cyber" in text:  # an adjective ruling the weapon sense out: no missile attack
        assert "ASSAULT" not in [e.type for e in events]



def test_a_pledge_of_harm_is_a_threat_and_of_help_a_promise(make_analysis):
    text = "Chad vowed to crush the rebels of Sudan."
    ms = [mention(text, "Chad", "TCD"), mention(text, "Sudan", "SDN")]
    types = [e.type for e in events_of(make_analysis, text, ms)]
    assert "THREATEN" in types and "AGREE" not in types
    text = "Chad pledged to send aid to Sudan."
    ms = [mention(text, "Chad", "TCD"), mention(text, "Sudan", "SDN")]
    types = [e.type for e in events_of(make_analysis, text, ms)]
    assert "AGREE" in types and "THREATEN" not in types


# -- lexicon 1.4: consulting, sieges, strikes by workers, pressure, de-escalation -------------
NAMES_1_4 = {"Malian": "MLI", "Mali": "MLI", "Niger": "NER", "Chadian": "TCD", "Chad": "TCD",
             "Sudan": "SDN", "Benin": "BEN"}


def _events_1_4(make_analysis, text):
    return events_of(make_analysis, text, _name_mentions(text, NAMES_1_4))


@pytest.mark.parametrize("text, type_, mode", [
    ("Mali discussed the border dispute with Niger on Monday.", "CONSULT", None),
    ("Mali and Niger discussed trade.", "CONSULT", None),
    ("The president of Mali spoke by telephone with the president of Niger.", "CONSULT", "phone"),
    ("Chad held a phone call with Sudan.", "CONSULT", None),
    ("Chad vetoed the resolution on Sudan.", "REJECT", "129"),
    ("Chad received $5 million in aid from Sudan.", "AID", None),
    ("Peacekeepers from Benin arrived in Mali.", "AID", "peacekeeping"),
    ("Chadian troops arrived in Sudan on Friday.", "MOBILIZE", "troops"),
    ("Malian workers struck on Monday.", "PROTEST", "strike"),
    ("Malian protesters took to the streets.", "PROTEST", "demo"),
    ("Mali froze the assets of the president of Niger.", "SANCTION", None),
    ("Niger protested that Mali had closed the border.", "ACCUSE", None),
    ("Chad halted its offensive against Sudan.", "RETREAT", None),
    ("Sudan halted air strikes on Chad.", "RETREAT", None),
    ("Mali sought the release of two soldiers from Niger.", "REQUEST", None),
    ("Chad finally backed down.", "CONCEDE", None),
    ("Chad ignored calls from Sudan to withdraw.", "REJECT", None),
    ("Benin joined forces with Niger against the rebels.", "COOPERATE", None),
    ("Mali settled its border dispute with Niger.", "AGREE", None),
    ("Chad encouraged Sudan to hold elections.", "REQUEST", None),
    ("Chad moved troops to the border with Sudan.", "MOBILIZE", None),
    ("Chadian forces besieged the town.", "COERCE", "191"),
    ("Sudan allowed the delivery of food to Chad.", "RETREAT", "access"),
    ("Chad warned it would retaliate against Sudan.", "THREATEN", None),
    ("Chad dismissed the claims of Sudan.", "REJECT", None),
    ("Chad pulled its troops from Sudan.", "RETREAT", "withdraw"),
    ("The president of Chad held a phone call with the president of Sudan.", "CONSULT", "phone"),
    ("Chad banned imports of maize from Sudan.", "SANCTION", None),
    ("Rebels in Mali handed over their weapons to Niger.", "RETREAT", "disarm"),
    ("The UN extended the mandate of the peacekeeping force in Mali.", "AID", "peacekeeping"),
    ("Chadian soldiers beat up two journalists from Sudan.", "ASSAULT", None),
    ("Chadian troops crossed into Sudan on Friday.", "ASSAULT", None),
    ("Chad sealed off its border with Sudan.", "COERCE", "191"),
    ("Mali granted amnesty to rebels from Niger.", "RETREAT", "release"),
    ("Chad ruled out talks with Sudan.", "REJECT", None),
    ("Chad pulled out of the border treaty with Sudan.", "REJECT", "127"),
    ("Chad withdrew from the council of Sahel states.", "SANCTION", "160"),
    ("Chad put two officials from Sudan on trial.", "ACCUSE", "115"),
    ("Chad sent warships to the coast of Sudan.", "MOBILIZE", None),
    ("Police in Mali tightened security around the embassy of Niger.", "MOBILIZE", "police"),
    ("The army of Chad began maneuvers near the border with Sudan.", "MOBILIZE", None),
])
def test_codebook_frames_of_lexicon_1_4(make_analysis, text, type_, mode):
    ev = by_type(_events_1_4(make_analysis, text), type_)
    if mode is not None:
        assert mode in (ev.mode, ev.cameo)


@pytest.mark.parametrize("text, type_", [
    ("The cabinet of Mali discussed the budget.", "CONSULT"),  # no one else is consulted
    ("The president of Mali spoke to reporters.", "CONSULT"),
    ("Chad traded fire with Sudan.", "COOPERATE"),  # fire is no merchandise
    ("Chad attacked Sudan for the third day.", "ACCUSE"),  # "for": a time, no grounds
    ("Chadian jets struck on Monday.", "PROTEST"),  # jets are no workers
    ("Sudan halted air strikes on Chad.", "CONCEDE"),  # air strikes are no labour strikes
    ("Chad did not back down.", "SUPPORT"),  # backing down is no backing
    ("Mali offered its condolences to Niger.", "SUPPORT"),  # empathy (CAMEO 018): no type
    ("Sudan received the delegation of Chad.", "AID"),  # a visit, no aid
    ("Chad dismissed its defence minister.", "REJECT"),  # removed from office, nothing refused
    ("Chad pulled out of the border treaty with Sudan.", "RETREAT"),  # an agreement left
    ("Chad increased security cooperation with Sudan.", "MOBILIZE"),  # cooperation, no police
])
def test_senses_of_lexicon_1_4(make_analysis, text, type_):
    assert type_ not in [e.type for e in _events_1_4(make_analysis, text)]


def test_mediating_between_parties_is_consulting_them(make_analysis):
    ev = by_type(_events_1_4(make_analysis, "Benin mediated between Mali and Niger."), "CONSULT")
    assert ev.cameo == "045" and ev.actors[0] == "BEN"


@pytest.mark.parametrize("text, type_", [
    ("An earthquake killed 300 people in Mali on Monday.", "ASSAULT"),
    ("Floods destroyed thousands of homes in Chad.", "COERCE"),
    ("Hundreds were killed in the cyclone in Sudan.", "ASSAULT"),
    ("Inflation hit Benin hard.", "ASSAULT"),
    ("The army of Chad moved its headquarters to Sudan.", "MOBILIZE"),  # offices are no troops
])
def test_harm_done_by_natural_forces_is_nobodys_act(make_analysis, text, type_):
    assert type_ not in [e.type for e in _events_1_4(make_analysis, text)]


def test_harm_done_by_people_is_still_an_act(make_analysis):
    by_type(_events_1_4(make_analysis, "Rebels killed 300 people in Mali on Monday."), "ASSAULT")
    by_type(_events_1_4(make_analysis, "Chadian jets set fire to a depot in Sudan."), "COERCE")


def test_a_noun_under_a_negated_verbs_preposition_is_presupposed(make_analysis):
    ev = by_type(_events_1_4(make_analysis, "Chad has not responded to the attack by Sudan on Mali."), "ASSAULT")
    assert ev.status == "asserted"
    ev = by_type(_events_1_4(make_analysis, "The signing of the accord by Chad is not guaranteed."), "AGREE")
    assert ev.status == "hypothetical"


def test_a_harm_a_party_warns_it_may_do_is_a_threat(make_analysis):
    types = [e.type for e in _events_1_4(make_analysis, "Chad warned it could retaliate against Sudan.")]
    assert "THREATEN" in types
    # a possible help is no promise; another party's possible attack no threat of the speaker's
    assert "AGREE" not in [e.type for e in _events_1_4(make_analysis, "Chad said it could help Sudan.")]
    events = _events_1_4(make_analysis, "Chad warned that Sudan could attack Mali.")
    assert not [e for e in events if e.type == "THREATEN" and e.actors == ["TCD"]]


def test_warships_sent_are_a_show_of_force_not_aid(make_analysis):
    types = [e.type for e in _events_1_4(make_analysis, "Chad sent an aircraft carrier to the coast of Sudan.")]
    assert "MOBILIZE" in types and "AID" not in types
