"""Who did what to whom: the arguments of events read from the parse (hand-written sentences,
hand-made actor mentions)."""

from __future__ import annotations

from conftest import mention

from newsevents.events import find_events


def events_of(make_analysis, text, mentions):
    return find_events(make_analysis(text, mentions=mentions))


def coded(events):
    return sorted((e.type, tuple(e.actors), tuple(e.recipients)) for e in events)


def of_type(events, type_):
    found = [e for e in events if e.type == type_]
    assert found, f"no {type_} event in {coded(events)}"
    return found[0]


# -- the location convention ------------------------------------------------------------------

def test_agentless_passive_in_a_place_codes_doer_and_unnamed_victim(make_analysis):
    text = "Two farmers were shot dead outside the town of Gulu on Sunday."
    ev = of_type(events_of(make_analysis, text, [mention(text, "Gulu", "location:gulu", "location", "UGA")]),
                 "ASSAULT")
    assert (ev.actors, ev.recipients) == (["UGA"], ["UGA"])


def test_instrument_agent_is_unnamed_victims_keep_their_state(make_analysis):
    text = "Four Kenyan soldiers were killed by a roadside bomb near the city of Kismayo."
    ev = of_type(events_of(make_analysis, text, [
        mention(text, "Kenyan", "KEN"), mention(text, "Kismayo", "location:kismayo", "location", "SOM")]),
        "ASSAULT")
    assert (ev.actors, ev.recipients) == (["SOM"], ["KEN"])


def test_existential_participle_states_the_act(make_analysis):
    text = "There were twelve Chadian soldiers killed in Nigeria yesterday."
    ev = of_type(events_of(make_analysis, text, [mention(text, "Chadian", "TCD"), mention(text, "Nigeria", "NGA")]),
                 "ASSAULT")
    assert (ev.actors, ev.recipients) == (["NGA"], ["TCD"])


def test_participle_describing_a_party_of_another_clause_is_no_event(make_analysis):
    text = "Peru said that Chilean officers accused of smuggling would face trial."
    evs = events_of(make_analysis, text, [mention(text, "Peru", "PER"), mention(text, "Chilean", "CHL")])
    assert not [e for e in evs if e.type == "ACCUSE" and not e.actors]


def test_named_doer_is_not_replaced_by_the_place(make_analysis):
    text = "Sudanese troops shelled a village in Chad."
    ev = of_type(events_of(make_analysis, text, [mention(text, "Sudanese", "SDN"), mention(text, "Chad", "TCD")]),
                 "ASSAULT")
    assert (ev.actors, ev.recipients) == (["SDN"], ["TCD"])


def test_planned_act_with_nobody_named_is_no_event(make_analysis):
    text = "Villagers could be attacked in Chad next week."
    evs = events_of(make_analysis, text, [mention(text, "Chad", "TCD")])
    assert not [e for e in evs if e.type == "ASSAULT"]


# -- meetings ---------------------------------------------------------------------------------
def test_state_hosting_a_meeting_is_a_party(make_analysis):
    text = "Kenya and Uganda will meet in Geneva to discuss trade."
    ev = of_type(events_of(make_analysis, text, [
        mention(text, "Kenya", "KEN"), mention(text, "Uganda", "UGA"),
        mention(text, "Geneva", "location:geneva", "location", "CHE")]), "CONSULT")
    assert set(ev.actors) == {"KEN", "UGA", "CHE"}


def test_meeting_in_a_partys_own_country_adds_no_host(make_analysis):
    text = "Kenya and Uganda met in Kampala on Monday."
    ev = of_type(events_of(make_analysis, text, [
        mention(text, "Kenya", "KEN"), mention(text, "Uganda", "UGA"),
        mention(text, "Kampala", "location:kampala", "location", "UGA")]), "CONSULT")
    assert set(ev.actors) == {"KEN", "UGA"}


def test_what_a_summit_is_on_is_its_topic_not_a_party(make_analysis):
    text = "Kenya will attend a summit in Ghana on the unrest in Chad."
    ev = of_type(events_of(make_analysis, text, [
        mention(text, "Kenya", "KEN"), mention(text, "Ghana", "GHA"), mention(text, "Chad", "TCD")]), "CONSULT")
    assert "TCD" not in ev.actors + ev.recipients


# -- requests and concessions -----------------------------------------------------------------
def test_demand_named_by_a_noun_is_asked_of_its_clause_subject(make_analysis):
    text = "Somali rebels insisted on their demand that Kenya's government release the prisoners."
    evs = events_of(make_analysis, text, [mention(text, "Somali", "SOM"), mention(text, "Kenya", "KEN")])
    req = of_type(evs, "REQUEST")
    assert (req.actors, req.recipients) == (["SOM"], ["KEN"])
    # the act demanded has not happened
    assert all(e.status == "hypothetical" for e in evs if e.type == "RETREAT")


def test_a_group_asking_its_own_states_government_asks_another_party(make_analysis):
    text = "The Kenyan Teachers Union demanded that Kenya's government raise salaries."
    ms = [mention(text, "Kenyan Teachers Union", "organization:ktu", "organization", "KEN"),
          mention(text, "Kenya", "KEN", nth=1)]
    req = of_type(events_of(make_analysis, text, ms), "REQUEST")
    assert req.recipients == ["KEN"]


def test_a_state_demanding_of_itself_names_no_target(make_analysis):
    text = "Kenya's president demanded that Kenya stay neutral."
    ms = [mention(text, "Kenya's president", "person:x", "person", "KEN"), mention(text, "Kenya", "KEN", nth=1)]
    evs = events_of(make_analysis, text, ms)
    assert all("KEN" not in e.recipients for e in evs if e.type == "REQUEST")


def test_calling_off_a_strike_is_conceded_to_the_authorities(make_analysis):
    text = "Kenyan teachers announced Thursday that they have called off a four-day strike."
    ev = of_type(events_of(make_analysis, text, [mention(text, "Kenyan", "KEN")]), "CONCEDE")
    assert (ev.actors, ev.recipients) == (["KEN"], ["KEN"])


# -- one event per act ------------------------------------------------------------------------
def test_a_refused_act_is_coded_by_the_refusal_alone(make_analysis):
    text = "Kenya declined to sign the accord with Uganda."
    evs = events_of(make_analysis, text, [mention(text, "Kenya", "KEN"), mention(text, "Uganda", "UGA")])
    assert of_type(evs, "REJECT").actors == ["KEN"]
    assert not [e for e in evs if e.status == "negated"]


def test_an_act_whose_subject_the_parse_leaves_unknown_is_not_coded_by_the_place(make_analysis):
    text = "Chad defended the right of its troops to fire on militants in Niger."
    evs = events_of(make_analysis, text, [mention(text, "Chad", "TCD"), mention(text, "Niger", "NER")])
    assert not [e for e in evs if e.type == "ASSAULT" and e.actors == ["NER"]]


def test_a_purpose_is_pursued_where_they_were_sent(make_analysis):
    text = "Kenya sent twelve officers to Uganda on Monday to investigate the killings."
    ev = of_type(events_of(make_analysis, text, [mention(text, "Kenya", "KEN"), mention(text, "Uganda", "UGA")]),
                 "ACCUSE")
    assert (ev.actors, ev.recipients) == (["KEN"], ["UGA"])


# -- time, once per sentence ------------------------------------------------------------------
def test_sentence_times_distances_equal_tree_distance(nlp):
    from newsevents.event_status import SentenceTimes, tree_distance

    doc = nlp("Kenya attacked Uganda on May 2, and Ghana met Togo in Accra, which Mali said it welcomed.")
    sent = next(iter(doc.sents))
    index = SentenceTimes(sent, [], list(doc))
    for a in doc:
        for b in doc:
            assert index.distance(a.i, b.i) == tree_distance(a, b)


def test_event_time_on_a_long_coordinated_sentence_is_cheap(make_analysis):
    import time

    from newsevents.models import Time

    times = []
    text = ""
    for k in range(30):
        piece = f"Kenya attacked Uganda on May {k % 27 + 1}, 1999"
        start = len(text) + piece.index("May")
        times.append(Time(start=start, end=start + len(f"May {k % 27 + 1}, 1999"), text="", type="DATE",
                          value=f"1999-05-{k % 27 + 1:02d}", mod=None))
        text += piece + ("; " if k < 29 else ".")
    a = make_analysis(text, mentions=[mention(text, "Kenya", "KEN", nth=k) for k in range(30)]
                      + [mention(text, "Uganda", "UGA", nth=k) for k in range(30)], times=times)
    t0 = time.perf_counter()
    evs = find_events(a)
    assert time.perf_counter() - t0 < 5
    # one event per (type, actors, recipients) in a sentence, dated by one of its own times
    assert [e.time.source for e in evs if e.type == "ASSAULT"] == ["text"]


# -- places, names and unnamed institutions ---------------------------------------------------
def test_visiting_a_place_is_visiting_its_state(make_analysis):
    text = "Canadian diplomats visited Nairobi."
    ms = [mention(text, "Canadian", "CAN"), mention(text, "Nairobi", "location:nairobi", "location", "KEN")]
    ev = of_type(events_of(make_analysis, text, ms), "CONSULT")
    assert (ev.actors, ev.recipients) == (["CAN"], ["location:nairobi"])


def test_troops_sent_to_the_border_with_a_state_face_it(make_analysis):
    text = "Nigeria deployed troops to the border with Cameroon."
    ev = of_type(events_of(make_analysis, text, [mention(text, "Nigeria", "NGA"), mention(text, "Cameroon", "CMR")]),
                 "MOBILIZE")
    assert ev.recipients == ["CMR"]


def test_a_word_of_an_organisations_name_states_no_event(make_analysis):
    text = "Chile and Peru are both members of the Pacific Alliance."
    ms = [mention(text, "Chile", "CHL"), mention(text, "Peru", "PER"),
          mention(text, "Pacific Alliance", "igo:pacific-alliance", "igo")]
    assert events_of(make_analysis, text, ms) == []


def test_the_government_unnamed_is_the_local_state(make_analysis):
    text = "Protesters in Caracas demanded the resignation of the president."
    ms = [mention(text, "Caracas", "location:caracas", "location", "VEN")]
    ev = of_type(events_of(make_analysis, text, ms), "REQUEST")
    assert ev.recipients == ["VEN"]


def test_the_government_unnamed_is_the_protesters_own_state(make_analysis):
    text = "Thousands of Serbian students protested against the government."
    ev = events_of(make_analysis, text, [mention(text, "Serbian", "SRB")])[0]
    assert (ev.actors, ev.recipients) == (["SRB"], ["SRB"])


def test_a_toll_counted_since_a_date_is_no_act(make_analysis):
    text = "Since 2014, more than 10,000 people have been killed in eastern Ukraine."
    assert events_of(make_analysis, text, [mention(text, "Ukraine", "UKR")]) == []


def test_a_party_named_inside_what_is_acted_on_is_the_target(make_analysis):
    text = "Ghana accepted a plan for ending its long fishing dispute with Togo."
    ev = of_type(events_of(make_analysis, text, [mention(text, "Ghana", "GHA"), mention(text, "Togo", "TGO")]),
                 "AGREE")
    assert set(ev.actors) | set(ev.recipients) == {"GHA", "TGO"}



# -- reciprocal objects, forces moved, meetings' places ---------------------------------------
def test_accusing_each_other_is_one_accusation_each_way(make_analysis):
    text = "Armenia and Azerbaijan accused each other of violating the ceasefire."
    evs = events_of(make_analysis, text, [mention(text, "Armenia", "ARM"), mention(text, "Azerbaijan", "AZE")])
    assert {(tuple(e.actors), tuple(e.recipients)) for e in evs if e.type == "ACCUSE"} == {
        (("ARM",), ("AZE",)), (("AZE",), ("ARM",))}


def test_forces_withdrawn_with_no_agent_are_withdrawn_by_their_side(make_analysis):
    text = "Australian troops were withdrawn from Iraq."
    ev = of_type(events_of(make_analysis, text, [mention(text, "Australian", "AUS"), mention(text, "Iraq", "IRQ")]),
                 "RETREAT")
    assert (ev.actors, ev.recipients) == (["AUS"], ["IRQ"])


def test_a_regime_disarmed_is_not_disarmed_by_itself(make_analysis):
    text = "The talks failed unless the Ugandan regime is disarmed."
    evs = events_of(make_analysis, text, [mention(text, "Ugandan", "UGA")])
    assert not [e for e in evs if e.type == "RETREAT" and e.actors == ["UGA"]]


def test_a_meeting_place_is_its_state_not_a_party_of_its_own(make_analysis):
    text = "Chad's president met the leaders of Mali in Bamako."
    ms = [mention(text, "Chad", "TCD"), mention(text, "Mali", "MLI"),
          mention(text, "Bamako", "location:bamako", "location", "MLI")]
    ev = of_type(events_of(make_analysis, text, ms), "CONSULT")
    assert not [x for x in ev.actors + ev.recipients if x.startswith("location:")]


# -- speech acts --------------------------------------------------------------------------------
def test_a_promise_is_made_to_the_party_told(make_analysis):
    text = "Kenya told Uganda that it would withdraw its troops."
    ev = of_type(events_of(make_analysis, text, [mention(text, "Kenya", "KEN"), mention(text, "Uganda", "UGA")]),
                 "AGREE")
    assert (ev.actors, ev.recipients) == (["KEN"], ["UGA"])


def test_a_call_for_a_ceasefire_between_two_parties_asks_both_and_is_not_done(make_analysis):
    text = "Turkey called for a ceasefire between Armenia and Azerbaijan."
    ms = [mention(text, "Turkey", "TUR"), mention(text, "Armenia", "ARM"), mention(text, "Azerbaijan", "AZE")]
    evs = events_of(make_analysis, text, ms)
    assert set(of_type(evs, "REQUEST").recipients) == {"ARM", "AZE"}
    assert all(e.status == "hypothetical" for e in evs if e.type != "REQUEST")


def test_criticism_of_an_act_targets_its_doer(make_analysis):
    text = "Germany criticized the arrest of the opposition leader by Belarus."
    ev = of_type(events_of(make_analysis, text, [mention(text, "Germany", "DEU"), mention(text, "Belarus", "BLR")]),
                 "ACCUSE")
    assert (ev.actors, ev.recipients) == (["DEU"], ["BLR"])


def test_a_passive_criticism_targets_the_owner_of_what_is_criticized(make_analysis):
    text = "Israel's raids on Gaza were condemned by Jordan."
    ms = [mention(text, "Israel", "ISR"), mention(text, "Gaza", "location:gaza", "location", "PSE"),
          mention(text, "Jordan", "JOR")]
    ev = of_type(events_of(make_analysis, text, ms), "ACCUSE")
    assert (ev.actors, ev.recipients) == (["JOR"], ["ISR"])


def test_an_x_led_coalition_acts_for_its_leader(make_analysis):
    text = "The Saudi-led coalition bombed Yemen's capital."
    ev = of_type(events_of(make_analysis, text, [mention(text, "Saudi", "SAU"), mention(text, "Yemen", "YEM")]),
                 "ASSAULT")
    assert (ev.actors, ev.recipients) == (["SAU"], ["YEM"])


def test_a_doer_naming_an_actor_is_not_coded_by_the_place(make_analysis):
    text = "US-backed forces shelled a village in Syria."
    evs = events_of(make_analysis, text, [mention(text, "US", "USA"), mention(text, "Syria", "SYR")])
    assert not [e for e in evs if e.type == "ASSAULT" and e.actors == ["SYR"]]
