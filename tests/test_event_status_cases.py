"""The status of events (issue 6) on news-style sentences of our own, one or two events each.

Each case is a sentence, a PLOVER type, and the statuses its event of that type may have
(``None`` among them: the sentence may make no event of that type).  The sentences cover each
status of the contract and the ways news writing states it: modals, the future of "be to" and
"is set to", an event noun's own future time, pledges and offers, conditions ("if", "unless"),
negation (its scope from the parse: "did not", "no", "never", "failed to", "has yet to"),
hearsay ("reportedly", "was said to have", "reports that"), accusations and denials, and a
permission refused ("would not allow X to attack Y": the attack is only a possibility).
The reports are dated Monday 23 December 2024.
"""

from __future__ import annotations

import pytest

from newsevents import extract

PUBLISHED = "2024-12-23"

CASES = [
    # -- asserted: done or happening --------------------------------------------------------
    ("Norway signed a trade agreement with Iceland on Monday.", "AGREE", {"asserted"}),
    ("Chilean troops attacked Peruvian positions near the border.", "ASSAULT", {"asserted"}),
    ("Brazil imposed sanctions on Argentina last week.", "SANCTION", {"asserted"}),
    ("The Chilean president visited Peru last week.", "CONSULT", {"asserted"}),
    ("Norway and Iceland held talks on Monday but did not sign an agreement.", "CONSULT", {"asserted"}),
    ("Norway and Iceland held talks on Monday but did not sign an agreement.", "AGREE", {"negated"}),
    # "the next day" is the story's next day, not the report's
    ("Norway and Iceland met again the next day.", "CONSULT", {"asserted"}),
    # a past plan of a past act: "planned" says who, not that it is to come
    ("The attack was planned by Chilean officers.", "ASSAULT", {"asserted"}),
    # a confirmed report is no longer a claim
    ("Chile confirmed reports that its jets had bombed Peruvian positions.", "ASSAULT", {"asserted"}),
    ("Norway urged Iceland to withdraw its troops.", "REQUEST", {"asserted"}),
    ("Norway urged Iceland to withdraw its troops.", "RETREAT", {"hypothetical"}),
    ("Norway threatened to impose sanctions on Iceland.", "THREATEN", {"asserted"}),
    ("Norway threatened to impose sanctions on Iceland.", "SANCTION", {"hypothetical", None}),
    # -- expected: planned, scheduled, intended, predicted -------------------------------------
    ("Norway will sign a trade agreement with Iceland next week.", "AGREE", {"expected"}),
    ("Norway plans to impose sanctions on Iceland.", "SANCTION", {"expected"}),
    ("Chile is expected to sign a treaty with Peru.", "AGREE", {"expected"}),
    ("The Norwegian prime minister is set to meet Iceland's president on Friday.", "CONSULT", {"expected"}),
    ("Norway and Iceland are set to sign a fishing deal.", "AGREE", {"expected"}),
    ("Chile's foreign minister is due to visit Peru in January.", "CONSULT", {"expected"}),
    # "be to": an arranged future
    ("The Chilean president is to travel to Peru next week.", "CONSULT", {"expected"}),
    ("Chile is to sign a trade agreement with Peru.", "AGREE", {"expected"}),
    # an event noun with a time after the report, or a planned date
    ("Talks between Norway and Iceland are scheduled for next month.", "CONSULT", {"expected"}),
    ("Tomorrow's summit between Norway and Iceland will focus on trade.", "CONSULT", {"expected"}),
    ("Norway and Iceland meet next week to discuss fishing rights.", "CONSULT", {"expected"}),
    ("Brazil welcomed talks between Chile and Peru later this month.", "CONSULT", {"expected"}),
    ("Brazil welcomed talks between Chile and Peru in the coming days.", "CONSULT", {"expected"}),
    ("Brazil welcomed the summit between Chile and Peru next week.", "CONSULT", {"expected"}),
    # a pledge is a promise (AGREE, asserted) of an act to come (expected)
    ("Brazil pledged aid to Argentina.", "AID", {"expected"}),
    ("Brazil pledged aid to Argentina.", "AGREE", {"asserted"}),
    ("Norway promised to send aid to Iceland.", "AID", {"expected"}),
    ("Norway promised to send aid to Iceland.", "AGREE", {"asserted"}),
    ("Norway hopes to resume talks with Iceland.", "CONSULT", {"expected"}),
    ("Norway said it would sign the agreement with Iceland.", "AGREE", {"expected"}),
    ("Norway is planning to hold talks with Iceland.", "CONSULT", {"expected"}),
    ("Chile was about to sign the treaty with Peru when the talks collapsed.", "AGREE", {"expected"}),
    # a pledge of support is the support itself
    ("Chile has pledged its support to Peru.", "SUPPORT", {"asserted"}),
    # a clause of time under a future is to come too
    ("Chile will hold talks with Peru only after Peru withdraws its troops.", "RETREAT", {"expected"}),
    # -- hypothetical: possible or conditional ----------------------------------------------
    ("Norway could impose sanctions on Iceland.", "SANCTION", {"hypothetical"}),
    ("Iceland might expel Norwegian diplomats.", "SANCTION", {"hypothetical"}),
    ("Norway may send peacekeepers to Iceland.", "AID", {"hypothetical"}),
    ("The Norwegian minister may visit Iceland next month.", "CONSULT", {"hypothetical"}),
    ("If Iceland attacks Norway, Denmark would respond.", "ASSAULT", {"hypothetical"}),
    ("Norway would only sign the agreement if Iceland lifts its sanctions.", "AGREE", {"hypothetical"}),
    ("Chile would retaliate if Peru attacked.", "ASSAULT", {"hypothetical"}),
    # a negated act inside a condition is still only a condition
    ("Iceland said Norway would face sanctions if it did not withdraw.", "RETREAT", {"hypothetical"}),
    ("Unless Iceland withdraws its troops, Norway will impose sanctions.", "RETREAT", {"hypothetical"}),
    # a harm promised on a condition is a threat
    ("Unless Iceland withdraws its troops, Norway will impose sanctions.", "THREATEN", {"asserted"}),
    # a refused permission or a hindrance: the act is a possibility averted, not a claim
    ("Norway said it would not allow Iceland to attack Chile.", "ASSAULT", {"hypothetical", None}),
    ("Norway prevented Iceland from attacking Chile.", "ASSAULT", {"hypothetical", None}),
    ("It is possible that Chile supplied weapons to the rebels.", "AID", {"hypothetical"}),
    ("Chile may have supplied weapons to the rebels.", "AID", {"hypothetical"}),
    # a harm held back on a condition is a threat
    ("Chile will not attack Peru, the minister said, unless Peru attacks first.", "THREATEN", {"asserted"}),
    # a hindrance that failed: the act went ahead
    ("Chile failed to prevent the rebels from attacking Peru.", "ASSAULT", {"asserted"}),
    # help on a condition is no threat
    ("Chile and Peru will sign the agreement unless talks break down.", "AGREE", {"hypothetical"}),
    ("Norway did not say whether it would attend talks with Iceland.", "CONSULT", {"hypothetical"}),
    ("Norway would have signed the deal if Iceland had agreed.", "AGREE", {"hypothetical"}),
    # -- negated: did not or will not happen --------------------------------------------------
    ("Norway did not attend the summit with Iceland.", "CONSULT", {"negated"}),
    ("Iceland never signed the agreement with Norway.", "AGREE", {"negated"}),
    ("Norway has never attacked Iceland.", "ASSAULT", {"negated"}),
    ("Chile failed to reach an agreement with Peru.", "AGREE", {"negated"}),
    ("Chile was unable to reach an agreement with Peru.", "AGREE", {"negated"}),
    ("Chile has yet to sign the treaty with Peru.", "AGREE", {"negated"}),
    ("Chile refrained from attacking Peru.", "ASSAULT", {"negated"}),
    ("Chile backed away from sending troops to Peru.", "AID", {"negated"}),
    ("Chile ruled out sending troops to Peru.", "AID", {"negated", None}),
    # "any" and "no" under negation
    ("Chile did not impose any sanctions on Peru.", "SANCTION", {"negated"}),
    ("No agreement was reached between Norway and Iceland.", "AGREE", {"negated"}),
    ("Chile sent no troops to Peru.", "AID", {"negated"}),
    ("There were no talks between Norway and Iceland.", "CONSULT", {"negated"}),
    ("There are no plans for talks between Norway and Iceland.", "CONSULT", {"negated"}),
    ("Neither Norway nor Iceland attended the summit.", "CONSULT", {"negated"}),
    ("Not a single shot was fired by Chilean troops.", "ASSAULT", {"negated"}),
    ("Norway did not condemn Iceland.", "ACCUSE", {"negated"}),
    ("Chile stopped attacking Peru last week.", "ASSAULT", {"negated"}),
    ("Peru said Chile had not sent troops to the border.", "AID", {"negated"}),
    ("The Chilean minister left Lima without meeting Peru's president.", "CONSULT", {"negated"}),
    ("The planned visit of the Chilean president to Peru did not take place.", "CONSULT", {"negated"}),
    ("The talks between Chile and Peru did not go ahead.", "CONSULT", {"negated"}),
    # a negated predicate of a named event presupposes it ("not yet guaranteed": uncertain)
    ("Chile's signature of the treaty with Peru is not yet guaranteed.", "AGREE", {"hypothetical"}),
    ("Peru has not responded to Chile's protest.", "PROTEST", {"asserted"}),
    # called off
    ("The visit of the Chilean president to Peru was postponed.", "CONSULT", {"negated"}),
    ("Chile's planned deployment of troops to Peru was called off.", "MOBILIZE", {"negated"}),
    ("The talks between Norway and Iceland scheduled for January were cancelled.", "CONSULT", {"negated"}),
    # a refusal is an event of its own (REJECT); the refused act is not asserted
    ("Norway refused to sign the agreement with Iceland.", "REJECT", {"asserted"}),
    ("Norway refused to sign the agreement with Iceland.", "AGREE", {"negated", None}),
    ("Norway will not provide aid to Iceland.", "REJECT", {"asserted"}),
    ("Norway will not provide aid to Iceland.", "AID", {"negated", None}),
    # -- alleged: a claim presented as unverified -------------------------------------------
    ("Chile is accused of supplying weapons to rebels in Peru.", "AID", {"alleged"}),
    ("Peru accused Chile of shelling its border posts.", "ACCUSE", {"asserted"}),
    ("Peru accused Chile of shelling its border posts.", "ASSAULT", {"alleged"}),
    ("Chilean forces allegedly attacked a Peruvian village.", "ASSAULT", {"alleged"}),
    ("Chile reportedly supplied weapons to Peruvian rebels.", "AID", {"alleged"}),
    ("Peru claims that Chilean troops shelled a village.", "ASSAULT", {"alleged"}),
    ("Chile was said to have supplied arms to Peruvian rebels.", "AID", {"alleged"}),
    ("Chile is believed to have supplied weapons to Peruvian rebels.", "AID", {"alleged"}),
    ("Chile is reported to have attacked Peru.", "ASSAULT", {"alleged"}),
    # an adversary's word, as "Peru said": a claim
    ("According to Peruvian officials, Chilean troops shelled a village.", "ASSAULT", {"alleged"}),
    ("Peru said Chilean jets bombed its border posts on Sunday.", "ASSAULT", {"alleged"}),
    ("Chilean troops shelled a Peruvian village, according to Peruvian officials.", "ASSAULT", {"alleged"}),
    # an outlet's "according to" attributes its report
    ("Chilean troops shelled a Peruvian village, according to Reuters.", "ASSAULT", {"asserted"}),
    # the doers' own word is no claim
    ("Chile said its jets bombed rebel positions in Peru on Sunday.", "ASSAULT", {"asserted"}),
    # a denial refused is no denial
    ("Norway will neither confirm nor deny that it attacked Iceland.", "ASSAULT", {"alleged"}),
    ("Chilean forces allegedly attacked Peru, though Chile has not denied it.", "ASSAULT", {"alleged"}),
    ("Chilean jets appear to have struck targets in Peru.", "ASSAULT", {"alleged"}),
    ("The alleged attack by Chile on Peru drew condemnation.", "ASSAULT", {"alleged"}),
    ("Amid reports that Chilean jets bombed Peruvian villages, the talks were suspended.", "ASSAULT", {"alleged"}),
    ("According to unconfirmed reports, Chilean troops shelled a Peruvian village.", "ASSAULT", {"alleged"}),
    # attributed to reports, not doubted
    ("A Chilean delegation arrived in Lima on Monday, according to Peruvian media reports.", "CONSULT", {"asserted"}),
    ("Chile is suspected of supplying weapons to Peruvian rebels.", "AID", {"alleged"}),
    ("Chile is rumoured to have sent troops to Peru.", "AID", {"alleged"}),
    # the modal of the claim's clause is the claim's, not the act's
    ("Reports of clashes between Chilean and Peruvian troops could not be confirmed.", "ASSAULT", {"alleged"}),
    # -- denied: a party denies it happened ---------------------------------------------------
    ("Chile denied that its troops attacked Peru.", "ASSAULT", {"denied"}),
    ("Chile denied attacking Peru.", "ASSAULT", {"denied"}),
    ("Chile has denied carrying out the attack on Peru.", "ASSAULT", {"denied"}),
    ("Chile denied sending troops to Peru.", "AID", {"denied"}),
    # rejecting an act refuses it: no denial that it happened
    ("Chile rejected sending troops to Peru.", "REJECT", {"asserted"}),
    ("Chile rejected sending troops to Peru.", "AID", {"negated", None}),
    # denying a request or access refuses it (REJECT); it does not deny that it happened
    ("Peru denied Chile's request for talks.", "REJECT", {"asserted"}),
    ("Peru denied Chile's request for talks.", "REQUEST", {"asserted", None}),
    ("Chilean forces allegedly attacked Peru, though Chile has denied it.", "ASSAULT", {"denied"}),
]


@pytest.fixture(scope="module")
def coded():
    """Each distinct sentence's events, extracted once."""
    return {text: extract(text, published=PUBLISHED).events for text in dict.fromkeys(c[0] for c in CASES)}


@pytest.mark.parametrize(("text", "type_", "statuses"), CASES, ids=[f"{c[1]}-{n}" for n, c in enumerate(CASES)])
def test_event_status(coded, text, type_, statuses):
    events = coded[text]
    found = [e.status for e in events if e.type == type_]
    got = [(e.type, e.status, e.actors, e.recipients) for e in events]
    if not found:
        assert None in statuses, f"no {type_} event in {text!r}: {got}"
    else:
        assert set(found) <= statuses, f"{type_} in {text!r}: {got}"


def test_every_status_is_covered():
    wanted = {"asserted", "expected", "hypothetical", "negated", "alleged", "denied"}
    assert wanted <= {s for _, _, statuses in CASES for s in statuses if len(statuses) == 1}


# -- an event's own time after the report ---------------------------------------------------
def _token(nlp, text: str, word: str):
    doc = nlp(text)
    return next(t for t in doc if t.text == word)


def test_a_time_after_the_report_makes_an_asserted_event_expected(nlp):
    from newsevents.event_status import dated_status
    from newsevents.models import EventTime

    summit = _token(nlp, "The summit between Chile and Peru on Friday is the first in a decade.", "summit")
    friday = EventTime(value="2024-12-27", source="text")
    assert dated_status("asserted", summit, friday, PUBLISHED) == "expected"
    assert dated_status("asserted", summit, EventTime(value="2025-01", source="text"), PUBLISHED) == "expected"
    # a stretch that holds the report's day, a day before it, no time of its own
    assert dated_status("asserted", summit, EventTime(value="2024-W52", source="text"), PUBLISHED) == "asserted"
    assert dated_status("asserted", summit, EventTime(value="2024-12-20", source="text"), PUBLISHED) == "asserted"
    assert dated_status("asserted", summit, EventTime(value=PUBLISHED, source="published"), PUBLISHED) == "asserted"
    assert dated_status("asserted", summit, None, PUBLISHED) == "asserted"
    # another status stands; a report with no date says nothing
    assert dated_status("negated", summit, friday, PUBLISHED) == "negated"
    assert dated_status("asserted", summit, friday, None) == "asserted"
    # told in the past tense, the act happened whatever its time was read as
    ended = _token(nlp, "The summit between Chile and Peru on Friday ended without a deal.", "summit")
    assert dated_status("asserted", ended, friday, PUBLISHED) == "asserted"
    welcomed = _token(nlp, "Brazil welcomed the summit between Chile and Peru on Friday.", "summit")
    assert dated_status("asserted", welcomed, friday, PUBLISHED) == "expected"
    met = _token(nlp, "Chile and Peru met on Friday.", "met")
    assert dated_status("asserted", met, friday, PUBLISHED) == "asserted"
    meet = _token(nlp, "Chile and Peru meet on Friday.", "meet")
    assert dated_status("asserted", meet, friday, PUBLISHED) == "expected"


def test_a_source_naming_no_party_leaves_the_claim_to_the_speaker():
    # "according to a person who attended" names no party: the Kenyan delegation's claim stands
    art = extract("At the talks the Kenyan delegation again said that Ugandan troops had fired on "
                  "the village in April, according to a person who attended.", published=PUBLISHED)
    assert [e.status for e in art.events if e.type == "ASSAULT"] == ["alleged"], \
        [(e.type, e.status) for e in art.events]
