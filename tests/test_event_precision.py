"""Sentences that state no event make none, and sentences that state one keep it: the whole
pipeline (actors, times, quotes, events) on sentences of our own.

The no-event sentences cover what news prose says besides acts: statements of fact and
membership, opinions and forecasts, background counts and tolls, descriptions of parties and of
past acts, standing conditions, and accusations that appear only as what a party dismisses
(CAMEO 016, deny responsibility, has no PLOVER type; the accusation was made before).
"""

from __future__ import annotations

import pytest

from newsevents import extract

NO_EVENT = [
    # statements of fact, membership, size
    "Chile and Peru are both members of the Pacific trade bloc.",
    "Norway has the largest sovereign wealth fund in the world.",
    "Ghana shares a long border with Togo.",
    "Brazil and Argentina have a long history of rivalry on the football pitch.",
    # opinions, forecasts, weighed acts
    "Analysts say relations between Norway and Iceland have never been better.",
    "Critics believe the sanctions against Ghana have failed.",
    "It would be a mistake for Brazil to cut ties with Argentina, the editorial argued.",
    "Peru is unlikely to withdraw its ambassador from Chile.",
    # background counts and tolls, standing conditions
    "The war in Ukraine has killed tens of thousands of soldiers.",
    "The conflict in the region has displaced hundreds of thousands of people.",
    "Peru has been under an arms embargo since 2010.",
    # descriptions of parties and of past acts
    "Norway, which has long been accused of overfishing, says its quotas are sustainable.",
    "The treaty signed in 1994 remains the basis of relations between Chile and Peru.",
    # hopes, conditions and scene-setting
    "Kenya's foreign minister said she hoped officials accused of corruption would be tried soon.",
    "If the talks collapse, fighting could resume in the border region.",
    "The minister spoke in Lima at the start of a tour aimed at promoting trade with Asia.",
    "The announcement comes two days before the president travels to Accra for a summit.",
    # an accusation only as what a party dismisses
    "Chile on Tuesday rejected as baseless the accusations by Peru that it had smuggled weapons.",
    "Norway dismissed Iceland's allegations that its fishing fleet had entered Icelandic waters.",
    "The Brazilian government denounced as slander the charges made by Argentina last week.",
    "Ghana denied claims by Togo that Ghanaian troops had crossed the frontier.",
    # declining to comment is a statement (CAMEO 011), no rejection
    "Chile's foreign ministry declined to comment on the report from Peru.",
    "A spokesman for Norway refused to speculate about Iceland's next step.",
]

#: (sentence, type, actor countries, recipient countries): events that must stay
KEEP = [
    ("Chile accused Peru of smuggling weapons across the border.", "ACCUSE", {"CHL"}, {"PER"}),
    ("Norway rejected Iceland's proposal to share the fishing quota.", "REJECT", {"NOR"}, {"ISL"}),
    ("Ghana declined Togo's request to extradite the two men.", "REJECT", {"GHA"}, {"TGO"}),
    ("Ghana condemned the arrest of two of its journalists by Togo.", "ACCUSE", {"GHA"}, {"TGO"}),
    ("Kenya imposed sanctions on Uganda on Monday.", "SANCTION", {"KEN"}, {"UGA"}),
    ("Brazil will send aid to Bolivia after the floods.", "AID", {"BRA"}, {"BOL"}),
    ("The Philippines protested to China over the seizure of a fishing boat.", "ACCUSE", {"PHL"}, {"CHN"}),
    # a group of several states' people ("the leaders of X and Y") acts for each
    ("The leaders of Chile and Peru agreed to resume talks.", "AGREE", {"CHL", "PER"}, set()),
    # a call or talks in an adjunct: the clause's subject took part
    ("In a phone call with his Turkish counterpart, the Greek prime minister discussed migration.",
     "CONSULT", {"GRC", "TUR"}, set()),
    # vowing revenge is a threat, not a promise
    ("Iran's supreme leader vowed revenge against Israel.", "THREATEN", {"IRN"}, {"ISR"}),
    # a crowd given as a number acts for the state where it marches
    ("Thousands marched in Lima on Sunday to protest against a new mining law.", "PROTEST", {"PER"}, {"PER"}),
]


def _countries(art, ids):
    by_id = {a.id: a.country for a in art.actors}
    return {by_id.get(i) or i for i in ids}


@pytest.mark.parametrize("text", NO_EVENT)
def test_no_event(text):
    art = extract(text, published="2024-05-01")
    assert not art.events, [(e.type, e.status, e.actors, e.recipients) for e in art.events]


@pytest.mark.parametrize("text, type_, actors, recipients", KEEP)
def test_event_kept(text, type_, actors, recipients):
    art = extract(text, published="2024-05-01")
    found = [(e.type, _countries(art, e.actors), _countries(art, e.recipients)) for e in art.events]
    assert (type_, actors, recipients) in found, found


def test_what_a_dismissed_accusation_says_is_denied():
    # the denial covers the act the accusation reports; no accusation is coded
    art = extract("Ghana rejected Togo's accusation that Ghanaian troops had shelled a village in Togo.",
                  published="2024-05-01")
    assert not [e for e in art.events if e.type == "ACCUSE"]
    assert [e for e in art.events if e.status == "denied" and _countries(art, e.actors) == {"GHA"}], \
        [(e.type, e.status, e.actors) for e in art.events]


def test_a_claimed_attack_the_doers_confirm_is_asserted():
    base = "Ukraine said Russian forces shelled Kharkiv overnight"
    for text, status in ((base + ".", "alleged"), (base + ", and Russia confirmed the strikes.", "asserted")):
        art = extract(text, published="2024-05-01")
        assault = [e for e in art.events if e.type == "ASSAULT"]
        assert assault and assault[0].status == status, (text, [(e.type, e.status) for e in art.events])
