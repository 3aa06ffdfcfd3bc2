"""Exact and near-duplicate detection on short texts of our own."""

from __future__ import annotations

from newsevents.duplicates import DuplicateIndex, fingerprint, near_duplicate, words

SENTENCES = [
    "The two governments agreed on Tuesday to reopen the northern border crossing for trucks.",
    "Officials said the crossing had been closed for eleven weeks after a dispute over customs fees.",
    "Transport ministers from both sides will meet again next month to review the arrangement.",
    "Traders on both sides welcomed the news, saying perishable goods had been rotting at the gate.",
    "A customs union proposal first floated in 2019 remains stalled in both parliaments.",
    "The opposition said the deal gave away too much and called for a vote on it.",
    "Analysts expect freight volumes to recover within a quarter if the crossing stays open.",
    "The agreement does not cover passenger traffic, which remains limited to two days a week.",
]
STORY = "\n".join(SENTENCES)


def test_words_skip_spans_and_normalize():
    text = "Photo: AP. The Minister SAID, “yes”."
    assert words(text, [(0, 10)]) == ["the", "minister", "said", "yes"]


def test_exact_duplicate_ignores_case_punctuation_and_boilerplate():
    a = fingerprint(STORY)
    loud = STORY.upper().replace(".", " .")
    b = fingerprint(loud + "\nSubscribe to our newsletter", [(len(loud) + 1, len(loud) + 28)])
    assert a.text_hash == b.text_hash


def test_republication_with_new_lead_and_cuts_is_near_duplicate():
    repub = "\n".join(["In a move welcomed across the region, a deal was struck."] + SENTENCES[:5] + SENTENCES[6:7]
                      + ["This story was first published by Harbor Wire. All rights reserved."])
    assert near_duplicate(fingerprint(STORY), fingerprint(repub)) is not None


def test_follow_up_sharing_background_is_not_a_duplicate():
    follow = "\n".join([
        "Trucks crossed the northern border on Wednesday for the first time since the spring.",
        "Drivers reported waits of up to six hours as customs officers checked every load.",
        "One driver said he had slept in his cab for two nights before being waved through.",
        "Officials blamed a shortage of scanners and promised more staff by the weekend.",
    ] + SENTENCES[4:6])
    assert near_duplicate(fingerprint(STORY), fingerprint(follow)) is None


def test_index_finds_the_original():
    idx = DuplicateIndex()
    idx.add("orig", fingerprint(STORY))
    idx.add("other", fingerprint("A completely different story about fisheries quotas and the weather at sea."))
    hit = idx.check(fingerprint(STORY + "\nCopyright 2025 Example Media."))
    assert hit is not None and hit.original == "orig" and hit.kind == "near"
    assert idx.check(fingerprint(STORY)).kind == "exact"
    assert idx.check(fingerprint("Nothing like it at all, a story of a cat who climbed a tree in town.")) is None
