"""Story-event linking: hand-made mentions, no spaCy."""

from __future__ import annotations

import datetime as dt

from newsevents.models import Actor, Article, Event, EventTime, Span
from newsevents.intervals import time_interval
from newsevents.stories import Mention, history, is_overdue, link, mentions_from_article, summarize


def mention(article: str, published: str, type: str, parties: tuple[str, ...], status: str,
            time: str | None = None, mod: str | None = None, recipients: tuple[str, ...] = (),
            publisher: str = "Wire", index: int = 0) -> Mention:
    return Mention(article=article, index=index, type=type, status=status,
                   published=dt.date.fromisoformat(published), publisher=publisher,
                   actors=parties, recipients=recipients, actor_countries=parties,
                   recipient_countries=recipients, time_value=time, time_mod=mod,
                   time_source="text" if time else None, evidence_text=f"{article} says so")


def make_article(id: str, published: str, events: list[tuple], *, publisher: str = "Wire",
                 text: str | None = None, actors: list[Actor] | None = None) -> Article:
    """An Article with hand-made events: (type, actors, recipients, status, time, mod)."""
    text = text or f"{id}: a short report of the day, written for the tests. " * 8
    evs = [Event(type=t, actors=list(a), recipients=list(r), status=s,
                 time=EventTime(value=tv, mod=tm, source="text") if tv else None,
                 evidence=Span(start=0, end=40), confidence=0.9) for t, a, r, s, tv, tm in events]
    return Article(id=id, published=published, publisher=publisher, text=text, events=evs,
                   actors=actors or [])


def groups(mentions: list[Mention]) -> set[frozenset[str]]:
    return {frozenset(m.article for m in ms) for ms in link(mentions).values()}


def test_time_intervals():
    assert time_interval("2025-01", "END") == (dt.date(2025, 1, 21), dt.date(2025, 1, 31))
    assert time_interval("2025-01-17") == (dt.date(2025, 1, 17),) * 2
    assert time_interval("2024-W52") == (dt.date(2024, 12, 23), dt.date(2024, 12, 29))
    assert time_interval("2025-Q2") == (dt.date(2025, 4, 1), dt.date(2025, 6, 30))
    assert time_interval("202") == (dt.date(2020, 1, 1), dt.date(2029, 12, 31))
    assert time_interval("P3D") is None and time_interval("FUTURE_REF") is None


def test_plan_and_occurrence_link_but_old_treaty_stays_apart():
    ms = [
        mention("plan", "2024-12-23", "AGREE", ("NOR", "ISL"), "expected", "2025-01", "END"),
        mention("signed", "2025-01-18", "AGREE", ("ISL", "NOR"), "asserted", "2025-01-17"),
        mention("old", "2025-01-18", "AGREE", ("NOR", "ISL"), "asserted", "2001"),
    ]
    assert groups(ms) == {frozenset({"plan", "signed"}), frozenset({"old"})}


def test_two_meetings_of_one_dyad_stay_apart():
    ms = [
        mention("m1-plan", "2025-02-10", "CONSULT", ("CHL", "ARG"), "expected", "2025-02-17"),
        mention("m1-held", "2025-02-18", "CONSULT", ("CHL", "ARG"), "asserted", "2025-02-17"),
        mention("m2-plan", "2025-02-19", "CONSULT", ("CHL", "ARG"), "expected", "2025-03"),
        mention("m2-held", "2025-03-12", "CONSULT", ("CHL", "ARG"), "asserted", "2025-03-11"),
    ]
    assert groups(ms) == {frozenset({"m1-plan", "m1-held"}), frozenset({"m2-plan", "m2-held"})}


def test_other_dyad_or_type_is_another_event():
    ms = [
        mention("a", "2025-02-10", "CONSULT", ("EGY", "ETH"), "asserted", "2025-02-09"),
        mention("b", "2025-02-10", "CONSULT", ("EGY", "SDN"), "asserted", "2025-02-09"),
        mention("c", "2025-02-10", "AGREE", ("EGY", "ETH"), "asserted", "2025-02-09"),
        mention("d", "2025-02-11", "CONSULT", ("ETH", "EGY"), "asserted"),
    ]
    assert groups(ms) == {frozenset({"a", "d"}), frozenset({"b"}), frozenset({"c"})}


def test_directed_events_keep_their_direction():
    ms = [
        mention("x", "2025-03-04", "ACCUSE", ("EGY",), "asserted", recipients=("ETH",)),
        mention("y", "2025-03-05", "ACCUSE", ("ETH",), "asserted", recipients=("EGY",)),
    ]
    assert len(groups(ms)) == 2


def test_history_and_status():
    ms = [
        mention("a", "2025-03-04", "COERCE", ("ETH",), "alleged", recipients=("EGY",)),
        mention("b", "2025-03-05", "COERCE", ("ETH",), "denied", recipients=("EGY",)),
        mention("c", "2025-03-06", "COERCE", ("ETH",), "hypothetical", recipients=("EGY",)),
    ]
    ev = summarize("se-x", ms)
    assert [h.status for h in ev.history] == ["alleged", "denied"]
    assert ev.status == "denied" and ev.first_reported == "2025-03-04" and ev.last_reported == "2025-03-06"
    # a stale plan after the event happened does not turn it back to expected
    late = [mention("p", "2025-01-01", "AGREE", ("NOR",), "expected", "2025-01"),
            mention("q", "2025-01-10", "AGREE", ("NOR",), "asserted", "2025-01-09"),
            mention("r", "2025-01-12", "AGREE", ("NOR",), "expected", "2025-01")]
    assert [h.status for h in history(late)] == ["expected", "asserted"]


def test_time_prefers_the_reported_occurrence():
    ms = [mention("plan", "2024-12-23", "AGREE", ("NOR", "ISL"), "expected", "2025-01", "END"),
          mention("done", "2025-01-18", "AGREE", ("NOR", "ISL"), "asserted", "2025-01-17")]
    ev = summarize("se-x", ms)
    assert ev.time.value == "2025-01-17" and ev.status == "asserted"
    assert [m.article for m in ev.mentions] == ["plan", "done"] and ev.sources == ["Wire"]


def test_overdue():
    ev = summarize("se-x", [mention("plan", "2025-02-01", "CONSULT", ("EGY", "ETH"), "expected", "2025-05")])
    assert ev.status == "expected"
    assert is_overdue(ev, dt.date(2025, 6, 1)) and not is_overdue(ev, dt.date(2025, 5, 20))


def test_mentions_from_article_map_people_to_states():
    art = make_article("a", "2025-03-04", [("ACCUSE", ["person:karim-haddad"], ["ETH"], "asserted", None, None)],
                       actors=[Actor(id="person:karim-haddad", name="Karim Haddad", kind="person", country="EGY")])
    (m,) = mentions_from_article(art)
    assert m.actor_countries == ("EGY",) and m.recipient_countries == ("ETH",)
    assert m.parties() == frozenset({"EGY", "ETH"}) and m.evidence_text == art.text[:40]


def test_a_denial_dated_by_its_statement_still_links():
    ms = [mention("claim", "2025-01-13", "COERCE", ("ARG",), "alleged", "2025-01-11", recipients=("CHL",)),
          mention("denial", "2025-01-14", "COERCE", ("ARG",), "denied", "2025-01-14", recipients=("CHL",))]
    (ev,) = [summarize(i, g) for i, g in link(ms).items()]
    assert ev.status == "denied" and ev.time.value == "2025-01-11"


def test_story_time_comes_from_texts_and_the_latest_plan():
    undated = mention("u", "2025-02-04", "REQUEST", ("VNM",), "asserted", recipients=("PHL",))
    assert summarize("se-u", [undated]).time is None
    moved = [mention("p1", "2025-01-02", "CONSULT", ("EGY", "ETH"), "expected", "2025-01-20"),
             mention("p2", "2025-01-15", "CONSULT", ("EGY", "ETH"), "expected", "2025-02")]
    assert summarize("se-m", moved).time.value == "2025-02"
    refined = [mention("p1", "2025-01-02", "CONSULT", ("EGY", "ETH"), "expected", "2025-02-10"),
               mention("p2", "2025-01-15", "CONSULT", ("EGY", "ETH"), "expected", "2025-02")]
    assert summarize("se-r", refined).time.value == "2025-02-10"


def test_a_partial_party_list_links_on_the_same_day_only():
    ms = [mention("full", "2025-03-29", "AGREE", ("EGY", "ETH", "SDN"), "asserted", "2025-03-28"),
          mention("part", "2025-03-29", "AGREE", ("EGY",), "asserted", "2025-03-28", index=1),
          mention("vague", "2025-03-30", "AGREE", ("EGY",), "asserted", "2025-03")]
    assert groups(ms) == {frozenset({"full", "part"}), frozenset({"vague"})}


def test_a_part_of_a_period_links_with_any_day_of_it():
    ms = [mention("signed", "2025-01-18", "AGREE", ("NOR", "ISL"), "asserted", "2025-01-17"),
          mention("recap", "2025-01-27", "AGREE", ("NOR", "ISL"), "asserted", "2025-01", "START")]
    assert len(groups(ms)) == 1
    assert summarize("se-x", ms).time.value == "2025-01-17"


def test_a_report_without_a_time_is_about_the_latest_such_event():
    """Two rounds of talks three weeks apart: "the talks" with no time, reported after the
    second round, is the second round; a second, timeless mention in the article that names the
    second round ("three weeks after their first meeting") is the first."""
    ms = [
        mention("r1-plan", "2025-04-15", "CONSULT", ("KGZ", "TJK"), "expected", "2025-W17"),
        mention("r1-held", "2025-04-23", "CONSULT", ("KGZ", "TJK"), "asserted", "2025-04-22"),
        mention("r2-held", "2025-05-13", "CONSULT", ("KGZ", "TJK"), "asserted", "2025-05-12"),
        mention("r2-held", "2025-05-13", "CONSULT", ("KGZ", "TJK"), "asserted", index=1),
        mention("later", "2025-05-15", "CONSULT", ("TJK", "KGZ"), "asserted"),
    ]
    stories = link(ms)
    keys = {frozenset(m.key for m in group) for group in stories.values()}
    assert keys == {frozenset({"r1-plan#0", "r1-held#0", "r2-held#1"}),
                    frozenset({"r2-held#0", "later#0"})}
