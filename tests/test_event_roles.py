"""Who did what to whom: the arguments of events read from the parse (hand-written sentences,
hand-made actor mentions)."""

from __future__ import annotations

import pytest
from conftest import mention

from newsevents.events import find_events


def events_of(make_analysis, text, specs):
    """Events of ``text`` with mentions from (surface, id[, kind, country[, nth]]) specs."""
    ms = [mention(text, s[0], s[1], *s[2:4], nth=s[4] if len(s) > 4 else 0) for s in specs]
    return find_events(make_analysis(text, mentions=ms))


def coded(events):
    return sorted((e.type, tuple(e.actors), tuple(e.recipients)) for e in events)


def of_type(events, type_):
    found = [e for e in events if e.type == type_]
    assert found, f"no {type_} event in {coded(events)}"
    return found[0]


def loc(surface, country):
    return (surface, f"location:{surface.lower()}", "location", country)


#: (text, mentions, type, actors, recipients): the first event of that type, coded whole
CODINGS = [
    # the location convention: unnamed doers and victims are coded by the place's state
    ("Two farmers were shot dead outside the town of Gulu on Sunday.", [loc("Gulu", "UGA")],
     "ASSAULT", ["UGA"], ["UGA"]),
    ("Four Kenyan soldiers were killed by a roadside bomb near the city of Kismayo.",
     [("Kenyan", "KEN"), loc("Kismayo", "SOM")], "ASSAULT", ["SOM"], ["KEN"]),
    ("There were twelve Chadian soldiers killed in Nigeria yesterday.", [("Chadian", "TCD"), ("Nigeria", "NGA")],
     "ASSAULT", ["NGA"], ["TCD"]),
    ("Sudanese troops shelled a village in Chad.", [("Sudanese", "SDN"), ("Chad", "TCD")],
     "ASSAULT", ["SDN"], ["TCD"]),
    ("The Saudi-led coalition bombed Yemen's capital.", [("Saudi", "SAU"), ("Yemen", "YEM")],
     "ASSAULT", ["SAU"], ["YEM"]),
    # the place of a coordinated verb; people in a town in a state's province are its
    ("Four Kenyan men were killed and ten wounded in an explosion in Mombasa.",
     [("Kenyan", "KEN"), loc("Mombasa", "KEN")], "ASSAULT", ["KEN"], ["KEN"]),
    ("Demonstrators in a small town in Tanzania's Arusha province stormed a courthouse.",
     [("Tanzania", "TZA")], "PROTEST", ["TZA"], ["TZA"]),
    # requests: the subject of the content clause under a noun or object is asked
    ("Somali rebels insisted on their demand that Kenya's government release the prisoners.",
     [("Somali", "SOM"), ("Kenya", "KEN")], "REQUEST", ["SOM"], ["KEN"]),
    ("The Kenyan Teachers Union demanded that Kenya's government raise salaries.",
     [("Kenyan Teachers Union", "organization:ktu", "organization", "KEN"), ("Kenya", "KEN", "country", None, 1)],
     "REQUEST", ["organization:ktu"], ["KEN"]),
    ("Kenyan teachers announced Thursday that they have called off a four-day strike.", [("Kenyan", "KEN")],
     "CONCEDE", ["KEN"], ["KEN"]),
    ("Kenya sent twelve officers to Uganda on Monday to investigate the killings.",
     [("Kenya", "KEN"), ("Uganda", "UGA")], "ACCUSE", ["KEN"], ["UGA"]),
    # places visited, borders faced, institutions unnamed
    ("Canadian diplomats visited Nairobi.", [("Canadian", "CAN"), loc("Nairobi", "KEN")],
     "CONSULT", ["CAN"], ["location:nairobi"]),
    ("Nigeria deployed troops to the border with Cameroon.", [("Nigeria", "NGA"), ("Cameroon", "CMR")],
     "MOBILIZE", ["NGA"], ["CMR"]),
    ("Protesters in Caracas demanded the resignation of the president.", [loc("Caracas", "VEN")],
     "REQUEST", ["VEN"], ["VEN"]),
    ("Australian troops were withdrawn from Iraq.", [("Australian", "AUS"), ("Iraq", "IRQ")],
     "RETREAT", ["AUS"], ["IRQ"]),
    # speech acts: the party told, the doer of what is criticized
    ("Kenya told Uganda that it would withdraw its troops.", [("Kenya", "KEN"), ("Uganda", "UGA")],
     "AGREE", ["KEN"], ["UGA"]),
    ("Germany criticized the arrest of the opposition leader by Belarus.", [("Germany", "DEU"), ("Belarus", "BLR")],
     "ACCUSE", ["DEU"], ["BLR"]),
    # a state complains through its organs and under a plural name ("protested against" is a
    # complaint aimed at the doer of what it protests)
    ("Japan's foreign ministry protested against China's seizure of a fishing boat.",
     [("Japan", "JPN"), ("China", "CHN")], "ACCUSE", ["JPN"], ["CHN"]),
    ("The government of Japan protested against China's seizure of a fishing boat.",
     [("Japan", "JPN"), ("China", "CHN")], "ACCUSE", ["JPN"], ["CHN"]),
    ("The Philippines protested against the seizure of a fishing boat by China.",
     [("Philippines", "PHL"), ("China", "CHN")], "ACCUSE", ["PHL"], ["CHN"]),
    ("The Chinese embassy protested against the seizure of a fishing boat by Vietnam.",
     [("Chinese", "CHN"), ("Vietnam", "VNM")], "ACCUSE", ["CHN"], ["VNM"]),
    # a people's protest is a demonstration, aimed at their own authorities or at the place named
    ("Japanese students protested against the war.", [("Japanese", "JPN")], "PROTEST", ["JPN"], ["JPN"]),
    ("Japan's students protested against the war in Ukraine.", [("Japan", "JPN"), ("Ukraine", "UKR")],
     "PROTEST", ["JPN"], ["UKR"]),
    # defeating fighters is fighting them
    ("The Kenyan army was defeated by Somali militants.", [("Kenyan", "KEN"), ("Somali", "SOM")],
     "ASSAULT", ["SOM"], ["KEN"]),
    # reopening a border that was shut eases the closure, toward the state beyond it
    ("Turkey reopened its border with Armenia.", [("Turkey", "TUR"), ("Armenia", "ARM")],
     "CONCEDE", ["TUR"], ["ARM"]),
    # the later acts of a charge's list are the accused party's, however the parse hangs them
    ("Amnesty International accused Canada of breaking treaties, ignoring international law and "
     "sending a dangerous signal.", [("Amnesty International", "organization:amnesty-international", "organization"),
                                     ("Canada", "CAN")], "REJECT", ["CAN"], []),
    # stopping another's vessel is seizing it (not a missile shot down)
    ("Chile's navy intercepted a Peruvian fishing boat.", [("Chile", "CHL"), ("Peruvian", "PER")],
     "COERCE", ["CHL"], ["PER"]),
    # a reminder of a duty asks it of the party reminded ("to X" parsed as a dative of the verb)
    ("The Kenyan president issued a stern reminder to Uganda that it must respect the border.",
     [("Kenyan", "KEN"), ("Uganda", "UGA")], "REQUEST", ["KEN"], ["UGA"]),
    ("Kenya issued a warning to Uganda.", [("Kenya", "KEN"), ("Uganda", "UGA")], "THREATEN", ["KEN"], ["UGA"]),
    # taking a place back by force, driving fighters out
    ("Nigerian troops retook the town of Bama from the militants.", [("Nigerian", "NGA")],
     "COERCE", ["NGA"], []),
    ("Chadian soldiers pushed Sudanese rebels out of the border villages.", [("Chadian", "TCD"), ("Sudanese", "SDN")],
     "ASSAULT", ["TCD"], ["SDN"]),
    # the one a charge names is its target, whether or not the words name a party; the place of
    # the act charged is no target
    ("Kenya accused the West of meddling in Uganda.", [("Kenya", "KEN"), ("Uganda", "UGA")], "ACCUSE", ["KEN"], []),
    ("Kenya blamed foreign agents for the unrest in Uganda.", [("Kenya", "KEN"), ("Uganda", "UGA")],
     "ACCUSE", ["KEN"], []),
    ("Kenya accused Uganda of meddling in Somalia.", [("Kenya", "KEN"), ("Uganda", "UGA"), ("Somalia", "SOM")],
     "ACCUSE", ["KEN"], ["UGA"]),
    # beating people (of no named state: the state's own); fighting alongside another's
    # forces is fighting with them as allies
    ("Kenyan police beat protesters with batons.", [("Kenyan", "KEN")], "COERCE", ["KEN"], ["KEN"]),
    ("Indian troops fought alongside British forces.", [("Indian", "IND"), ("British", "GBR")],
     "COOPERATE", ["IND", "GBR"], []),
    # a go-between acts on the parties it mediates between
    ("Norway mediated between Colombia and Venezuela.", [("Norway", "NOR"), ("Colombia", "COL"), ("Venezuela", "VEN")],
     "CONSULT", ["NOR"], ["COL", "VEN"]),
    # the place an act happened is no party of it
    ("Ethiopia signed an agreement with Eritrea in Riyadh.",
     [("Ethiopia", "ETH"), ("Eritrea", "ERI"), loc("Riyadh", "SAU")], "AGREE", ["ETH", "ERI"], []),
    ("Israel's raids on Gaza were condemned by Jordan.", [("Israel", "ISR"), loc("Gaza", "PSE"), ("Jordan", "JOR")],
     "ACCUSE", ["JOR"], ["ISR"]),
    # a description set off after the subject is no second subject
    ("Members of the Kenyan Bar Society, a body linked to the church, accused Uganda of torture.",
     [("Kenyan Bar Society", "organization:kbs", "organization", "KEN"), ("Uganda", "UGA")],
     "ACCUSE", ["organization:kbs"], ["UGA"]),
    # a writing speaks for whoever issued it, or for the state where it was published
    ("A report released in Nairobi accused Uganda of arming the rebels.",
     [loc("Nairobi", "KEN"), ("Uganda", "UGA")], "ACCUSE", ["KEN"], ["UGA"]),
    ("A statement issued by Kenya condemned the attack on Uganda.", [("Kenya", "KEN"), ("Uganda", "UGA")],
     "ACCUSE", ["KEN"], ["UGA"]),
    # the party an act defies or protests at
    ("Kenyan students blocked streets in Nairobi in defiance of Ugandan authorities.",
     [("Kenyan", "KEN"), loc("Nairobi", "KEN"), ("Ugandan", "UGA")], "PROTEST", ["KEN"], ["UGA"]),
    ("Kenyan students marched in protest at Uganda's decision.", [("Kenyan", "KEN"), ("Uganda", "UGA")],
     "PROTEST", ["KEN"], ["UGA"]),
    # a kind of group is of the state it is in or from
    ("Rebels in eastern Kenya attacked a police post.",
     [("Rebels", "group:rebels", "group", None), ("Kenya", "KEN")], "ASSAULT", ["KEN"], ["KEN"]),
    # a tongue is no party
    ("Ghana lifted its ban on the Russian language in schools.", [("Ghana", "GHA"), ("Russian", "RUS")],
     "CONCEDE", ["GHA"], []),
    # what a copula says its subject is in: "on strike", "in talks with"
    ("Nurses in Kenya are out on strike.", [loc("Kenya", "KEN")], "PROTEST", ["KEN"], ["KEN"]),
    ("Kenya is in talks with Uganda over the border.", [("Kenya", "KEN"), ("Uganda", "UGA")],
     "CONSULT", ["KEN", "UGA"], []),
    # a state lodging a protest complains; a state boycotting protests
    ("Canada lodged a protest with India.", [("Canada", "CAN"), ("India", "IND")], "ACCUSE", ["CAN"], ["IND"]),
    ("Egypt boycotted the conference in Addis Ababa.", [("Egypt", "EGY"), loc("Addis Ababa", "ETH")],
     "PROTEST", ["EGY"], ["ETH"]),
    # "its" in what a reported clause acts on, the clause's subject being another, is the reporter's
    ("The Pakistani army said Indian troops had fired on its posts.", [("Pakistani", "PAK"), ("Indian", "IND")],
     "ASSAULT", ["IND"], ["PAK"]),
    # objects: a heavy object after "as", shared by coordinated passives, onlookers, a stance's topic
    ("Benin condemned as a crime Togo's crackdown on protesters.", [("Benin", "BEN"), ("Togo", "TGO")],
     "ACCUSE", ["BEN"], ["TGO"]),
    ("Togo was sanctioned and censured by Benin.", [("Togo", "TGO"), ("Benin", "BEN")],
     "ACCUSE", ["BEN"], ["TGO"]),
    ("Ghana signed the accord with Togo, with Benin and Niger as witnesses.",
     [("Ghana", "GHA"), ("Togo", "TGO"), ("Benin", "BEN"), ("Niger", "NER")], "AGREE", ["GHA", "TGO"], []),
    ("Ghana expressed concern over Togo's plan.", [("Ghana", "GHA"), ("Togo", "TGO")], "ACCUSE", ["GHA"], ["TGO"]),
    # a name of several words coordinated with another party
    ("Ana Lopes and Kenya signed a trade accord on Monday.",
     [("Ana Lopes", "person:ana-lopes", "person", "MOZ"), ("Kenya", "KEN")], "AGREE", ["person:ana-lopes", "KEN"], []),
]


@pytest.mark.parametrize("text, specs, type_, actors, recipients", CODINGS)
def test_codings(make_analysis, text, specs, type_, actors, recipients):
    ev = of_type(events_of(make_analysis, text, specs), type_)
    assert (ev.actors, ev.recipients) == (actors, recipients)


#: (text, mentions, type, actors): no event of that type with those actors (None: none at all)
NOT_CODED = [
    # a participle describing a party of another clause states no actorless accusation
    ("Peru said that Chilean officers accused of smuggling would face trial.", [("Peru", "PER"), ("Chilean", "CHL")],
     "ACCUSE", []),
    # a planned act with nobody named to do it; a toll counted since a date
    ("Villagers could be attacked in Chad next week.", [("Chad", "TCD")], "ASSAULT", None),
    ("Since 2014, more than 10,000 people have been killed in eastern Ukraine.", [("Ukraine", "UKR")],
     "ASSAULT", None),
    # not coded by the place: a subject the parse leaves unknown, a doer naming an actor
    ("Chad defended the right of its troops to fire on militants in Niger.", [("Chad", "TCD"), ("Niger", "NER")],
     "ASSAULT", ["NER"]),
    ("US-backed forces shelled a village in Syria.", [("US", "USA"), ("Syria", "SYR")], "ASSAULT", ["SYR"]),
    # what a party or an act is, not what it did: a relative clause on a party, an event noun
    # as the subject of a copula
    ("Kenya, which has threatened to invade Somalia, is a member of the union.", [("Kenya", "KEN"), ("Somalia", "SOM")],
     "ASSAULT", None),
    ("Kenya, which has threatened to invade Somalia, is a member of the union.", [("Kenya", "KEN"), ("Somalia", "SOM")],
     "THREATEN", None),
    ("The agreement between Kenya and Uganda remains the bedrock of peace.", [("Kenya", "KEN"), ("Uganda", "UGA")],
     "AGREE", None),
    # dismissing an accusation is a denial (CAMEO 016, of no PLOVER type): no accusation by the
    # one dismissing it, no refusal, and the accusation itself, made before, is no new event
    ("Egypt rejected Ethiopia's accusations.", [("Egypt", "EGY"), ("Ethiopia", "ETH")], "REJECT", None),
    ("Egypt denied Ethiopia's accusations.", [("Egypt", "EGY"), ("Ethiopia", "ETH")], "ACCUSE", None),
    ("Egypt condemned Ethiopia's allegations as lies.", [("Egypt", "EGY"), ("Ethiopia", "ETH")], "ACCUSE", None),
    ("Egypt condemned as baseless allegations by Ethiopia that it had trained rebels.",
     [("Egypt", "EGY"), ("Ethiopia", "ETH")], "ACCUSE", None),
    ("Egypt denounced as lies the charges made by Ethiopia last week.",
     [("Egypt", "EGY"), ("Ethiopia", "ETH")], "ACCUSE", None),
    ("Egypt dismissed claims by Ethiopia that Egyptian troops had crossed the border.",
     [("Egypt", "EGY"), ("Egyptian", "EGY"), ("Ethiopia", "ETH")], "ACCUSE", None),
    ("Kenya accused Uganda of arming the militias that carried out the killings.",
     [("Kenya", "KEN"), ("Uganda", "UGA")], "ASSAULT", None),
    # people marching "to protest against" something demonstrate; they lodge no complaint
    ("Thousands of Kenyans marched through Nairobi to protest against rising prices.",
     [("Kenyans", "KEN"), loc("Nairobi", "KEN")], "ACCUSE", None),
    ("Japanese students protested against the war.", [("Japanese", "JPN")], "ACCUSE", None),
    # a defeat at the polls or in a match is no fight
    ("Kenya's ruling party was defeated in the election.", [("Kenya", "KEN")], "ASSAULT", None),
    ("Kenya defeated Uganda in the final.", [("Kenya", "KEN"), ("Uganda", "UGA")], "ASSAULT", None),
    ("Israeli air defences intercepted a missile fired from Gaza.", [("Israeli", "ISR"), loc("Gaza", "PSE")],
     "COERCE", None),
    ("The Kenyan minister was forced out by his party.", [("Kenyan", "KEN")], "ASSAULT", None),
    # a text a party blocks is none of its acts
    ("Russia and China vetoed a resolution condemning Syria.", [("Russia", "RUS"), ("China", "CHN"), ("Syria", "SYR")],
     "ACCUSE", None),
    # a match won is no beating, allies are not fought
    ("Brazil beat Argentina 2-1 in the World Cup qualifier.", [("Brazil", "BRA"), ("Argentina", "ARG")], "ASSAULT", None),
    ("Indian troops fought alongside British forces.", [("Indian", "IND"), ("British", "GBR")], "ASSAULT", None),
    # an act only weighed
    ("It would be a mistake for Kenya to attack Somalia.", [("Kenya", "KEN"), ("Somalia", "SOM")], "ASSAULT", None),
    ("It is time for Kenya to negotiate with Uganda.", [("Kenya", "KEN"), ("Uganda", "UGA")], "CONSULT", None),
    ("Analysts say Kenya is unlikely to withdraw its troops from Somalia.", [("Kenya", "KEN"), ("Somalia", "SOM")],
     "RETREAT", None),
    # insisting on a fact asks nothing
    ("Kenya insists its nuclear programme is peaceful.", [("Kenya", "KEN")], "REQUEST", None),
    ("Kenya has always insisted that its troops did nothing wrong.", [("Kenya", "KEN")], "REQUEST", None),
    # a conflict's toll, a condition a state is under
    ("The war in Somalia has killed thousands of people.", [("Somalia", "SOM")], "ASSAULT", None),
    ("Eritrea has been under United Nations sanctions since 2009.",
     [("Eritrea", "ERI"), ("United Nations", "igo:un", "igo")], "SANCTION", None),
    # a tour of nobody named; a body named before is no unnamed doer
    ("The Kenyan minister is on a tour of the region.", [("Kenyan", "KEN")], "CONSULT", None),
    ("The rebel movement fired rockets at a village in Kenya.", [loc("Kenya", "KEN")], "ASSAULT", ["KEN"]),
    # forces are moved by their own side, a regime is disarmed by others
    ("The talks failed unless the Ugandan regime is disarmed.", [("Ugandan", "UGA")], "RETREAT", ["UGA"]),
]


def test_the_sides_of_a_dismissed_accusation_stay_a_pair(make_analysis):
    # the denial codes no event, but "both governments" still refers to its two sides
    text = "Kenya rejected Ugandan accusations of spying. Norway on Friday urged both governments to resume talks."
    specs = [("Kenya", "KEN"), ("Ugandan", "UGA"), ("Norway", "NOR")]
    evs = events_of(make_analysis, text, specs)
    assert not [e for e in evs if e.type == "ACCUSE"]
    assert sorted(of_type(evs, "REQUEST").recipients) == ["KEN", "UGA"]


@pytest.mark.parametrize("text, specs, type_, actors", NOT_CODED)
def test_not_coded(make_analysis, text, specs, type_, actors):
    evs = events_of(make_analysis, text, specs)
    assert not [e for e in evs if e.type == type_ and (actors is None or e.actors == actors)], coded(evs)


# -- meetings ---------------------------------------------------------------------------------
@pytest.mark.parametrize("text, specs, parties", [
    # the state hosting a meeting on its soil is a party
    ("Kenya and Uganda will meet in Geneva to discuss trade.",
     [("Kenya", "KEN"), ("Uganda", "UGA"), loc("Geneva", "CHE")], {"KEN", "UGA", "CHE"}),
    ("Kenya and Uganda met in Kampala on Monday.",
     [("Kenya", "KEN"), ("Uganda", "UGA"), loc("Kampala", "UGA")], {"KEN", "UGA"}),
    # what a summit is on is its topic
    ("Kenya will attend a summit in Ghana on the unrest in Chad.",
     [("Kenya", "KEN"), ("Ghana", "GHA"), ("Chad", "TCD")], {"KEN", "GHA"}),
    # a meeting's place is its state, not a party of its own
    ("Chad's president met the leaders of Mali in Bamako.",
     [("Chad", "TCD"), ("Mali", "MLI"), loc("Bamako", "MLI")], {"TCD", "MLI"}),
])
def test_meeting_parties(make_analysis, text, specs, parties):
    ev = of_type(events_of(make_analysis, text, specs), "CONSULT")
    assert set(ev.actors) | set(ev.recipients) == parties


def test_a_party_named_inside_what_is_acted_on_is_the_target(make_analysis):
    text = "Ghana accepted a plan for ending its long fishing dispute with Togo."
    ev = of_type(events_of(make_analysis, text, [("Ghana", "GHA"), ("Togo", "TGO")]), "AGREE")
    assert set(ev.actors) | set(ev.recipients) == {"GHA", "TGO"}


def test_an_adverbial_clause_inside_what_is_acted_on_names_no_target(make_analysis):
    text = "Ghana accepted a plan to hold elections while Togo rebuilds its army."
    ev = of_type(events_of(make_analysis, text, [("Ghana", "GHA"), ("Togo", "TGO")]), "AGREE")
    assert (ev.actors, ev.recipients) == (["GHA"], [])


# -- status and one event per act ---------------------------------------------------------------
def test_the_act_a_demand_names_has_not_happened(make_analysis):
    text = "Somali rebels insisted on their demand that Kenya's government release the prisoners."
    evs = events_of(make_analysis, text, [("Somali", "SOM"), ("Kenya", "KEN")])
    assert all(e.status == "hypothetical" for e in evs if e.type == "RETREAT")


def test_a_state_demanding_of_itself_names_no_target(make_analysis):
    text = "Kenya's president demanded that Kenya stay neutral."
    evs = events_of(make_analysis, text, [("Kenya's president", "person:x", "person", "KEN"),
                                          ("Kenya", "KEN", "country", None, 1)])
    assert all("KEN" not in e.recipients for e in evs if e.type == "REQUEST")


def test_a_refused_act_is_coded_by_the_refusal_alone(make_analysis):
    text = "Kenya declined to sign the accord with Uganda."
    evs = events_of(make_analysis, text, [("Kenya", "KEN"), ("Uganda", "UGA")])
    assert of_type(evs, "REJECT").actors == ["KEN"]
    assert not [e for e in evs if e.status == "negated"]


def test_a_call_for_a_ceasefire_between_two_parties_asks_both_and_is_not_done(make_analysis):
    text = "Turkey called for a ceasefire between Armenia and Azerbaijan."
    evs = events_of(make_analysis, text, [("Turkey", "TUR"), ("Armenia", "ARM"), ("Azerbaijan", "AZE")])
    assert set(of_type(evs, "REQUEST").recipients) == {"ARM", "AZE"}
    assert all(e.status == "hypothetical" for e in evs if e.type != "REQUEST")


def test_accusing_each_other_is_one_accusation_each_way(make_analysis):
    text = "Armenia and Azerbaijan accused each other of violating the ceasefire."
    evs = events_of(make_analysis, text, [("Armenia", "ARM"), ("Azerbaijan", "AZE")])
    assert {(tuple(e.actors), tuple(e.recipients)) for e in evs if e.type == "ACCUSE"} == {
        (("ARM",), ("AZE",)), (("AZE",), ("ARM",))}


@pytest.mark.parametrize("text", [
    "Fighting between Armenia and Azerbaijan killed ten soldiers.",
    "Armenian and Azerbaijani troops clashed near the border.",
])
def test_fighting_between_two_sides_is_an_attack_each_way(make_analysis, text):
    specs = [("Armenia" if "Armenia " in text else "Armenian", "ARM"),
             ("Azerbaijan" if "Azerbaijan " in text else "Azerbaijani", "AZE")]
    evs = events_of(make_analysis, text, specs)
    assert {(tuple(e.actors), tuple(e.recipients)) for e in evs if e.type == "ASSAULT"} == {
        (("ARM",), ("AZE",)), (("AZE",), ("ARM",))}


def test_a_rally_to_protest_and_a_speakers_report_are_not_descriptions(make_analysis):
    text = "Thousands of Kenyans gathered for a rally in Nairobi to protest the new tax."
    assert of_type(events_of(make_analysis, text, [("Kenyans", "KEN")]), "PROTEST").actors == ["KEN"]
    text = "The minister, who told reporters that Kenya would sign the accord with Uganda, left."
    assert of_type(events_of(make_analysis, text, [("Kenya", "KEN"), ("Uganda", "UGA")]), "AGREE")


def test_insisting_that_someone_act_is_a_demand(make_analysis):
    text = "Kenya insisted that Uganda withdraw its troops."
    assert of_type(events_of(make_analysis, text, [("Kenya", "KEN"), ("Uganda", "UGA")]), "REQUEST").recipients == ["UGA"]


def test_the_demand_a_protest_makes_is_the_protest(make_analysis):
    text = "Kenyan teachers began a strike to demand higher pay."
    evs = events_of(make_analysis, text, [("Kenyan", "KEN")])
    assert [e.type for e in evs] == ["PROTEST"]


def test_a_go_between_is_one_meeting(make_analysis):
    text = "Qatar mediated between Kenya and Uganda."
    evs = events_of(make_analysis, text, [("Qatar", "QAT"), ("Kenya", "KEN"), ("Uganda", "UGA")])
    assert len([e for e in evs if e.type == "CONSULT"]) == 1, coded(evs)


def test_its_own_is_the_doers_not_the_reporters(make_analysis):
    text = "Kenya said Somalia attacked its own army."
    evs = events_of(make_analysis, text, [("Kenya", "KEN"), ("Somalia", "SOM")])
    assert not [e for e in evs if "KEN" in e.recipients], coded(evs)


def test_a_word_of_an_organisations_name_states_no_event(make_analysis):
    text = "Chile and Peru are both members of the Pacific Alliance."
    specs = [("Chile", "CHL"), ("Peru", "PER"), ("Pacific Alliance", "igo:pacific-alliance", "igo")]
    assert events_of(make_analysis, text, specs) == []


def test_the_government_unnamed_is_the_protesters_own_state(make_analysis):
    text = "Thousands of Serbian students protested against the government."
    ev = events_of(make_analysis, text, [("Serbian", "SRB")])[0]
    assert (ev.actors, ev.recipients) == (["SRB"], ["SRB"])


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


@pytest.mark.parametrize("text, specs, place", [
    # the place may hang from a party of the act
    ("Two smugglers were captured by Kenyan soldiers in northern Somalia.",
     [("Kenyan", "KEN"), ("Somalia", "SOM")], "SOM"),
    ("A policeman in Kisumu was killed on Sunday.", [loc("Kisumu", "KEN")], "location:kisumu"),
    # the trigger's own place first
    ("Officials in Nairobi condemned the attack in Kisumu.", [loc("Nairobi", "KEN"), loc("Kisumu", "KEN")],
     "location:nairobi"),
])
def test_event_location_through_the_parties(make_analysis, text, specs, place):
    from newsevents.event_roles import Parties
    from newsevents.event_status import event_location

    ms = [mention(text, s[0], s[1], *s[2:4]) for s in specs]
    a = make_analysis(text, mentions=ms)
    root = next(t for t in a.doc if t.dep_ == "ROOT")
    assert event_location(root, a, Parties(a).mention_at) == place


def test_a_capital_captured_is_the_place_even_read_as_its_state(make_analysis):
    from dataclasses import replace

    from newsevents.event_roles import Parties
    from newsevents.event_status import event_location

    text = "Rebels captured Bangui in March."
    a = make_analysis(text, mentions=[replace(mention(text, "Bangui", "CAF"), metonymy=True)])
    root = next(t for t in a.doc if t.dep_ == "ROOT")
    assert event_location(root, a, Parties(a).mention_at) == "CAF"


def test_an_act_in_a_clause_of_time_ranks_below_the_news(make_analysis):
    text = "Kenya announced a suspension of flights to Somalia on Monday, one day after Somali militants attacked a base."
    evs = events_of(make_analysis, text, [("Kenya", "KEN"), ("Somalia", "SOM"), ("Somali", "SOM")])
    assert max(evs, key=lambda e: e.confidence).type == "SANCTION"


def test_the_grounds_of_an_arrest_are_alleged(make_analysis):
    text = "A Dutch aid worker was arrested in Syria on Tuesday for collaborating with Turkey."
    evs = events_of(make_analysis, text, [("Dutch", "NLD"), ("Syria", "SYR"), ("Turkey", "TUR")])
    assert of_type(evs, "COOPERATE").status == "alleged"
    arrest = of_type(evs, "COERCE")
    assert (arrest.actors, arrest.recipients, arrest.status) == (["SYR"], ["NLD"], "asserted")


def test_an_act_told_twice_in_a_sentence_is_one_event(make_analysis):
    text = "Ghanaian cocoa growers threatened on Friday to stage a general strike unless Togo lifted its export ban within a month."
    evs = events_of(make_analysis, text, [("Ghanaian", "GHA"), ("Togo", "TGO")])
    assert [(e.actors, e.recipients) for e in evs if e.type == "THREATEN"] == [(["GHA"], ["TGO"])]


@pytest.mark.parametrize("text, sector, recipients", [
    # a state's people asking with no one named ask their own state's authorities
    ("Kenyan rebels demanded more rights.", "REB", ["KEN"]),
    ("Kenyan students demanded more rights.", "EDU", ["KEN"]),
    # the state's own organs do not ask themselves
    ("The Kenyan government demanded more rights.", "GOV", []),
])
def test_a_domestic_groups_demand_goes_to_its_authorities(make_analysis, text, sector, recipients):
    a = make_analysis(text, mentions=[mention(text, "Kenyan", "KEN", sector=sector)])
    assert of_type(find_events(a), "REQUEST").recipients == recipients
