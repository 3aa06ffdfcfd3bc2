"""Actors named by a description instead of a name.

The last step of the actors stage (:mod:`newsevents.actors`), after surnames are linked:

* an **office** after a state ("Iran's foreign minister", "the Russian president", "the
  Kremlin spokesman") is the person who held it on the article's date, when the knowledge
  base knows exactly one (:meth:`~newsevents.knowledge.KnowledgeBase.holders`).  An
  indefinite or past one ("a Kremlin spokesman", "a former foreign minister"), a deputy, or an
  office followed by a name ("spokesman Dmitry Peskov") is left to the steps before;
* a **definite description** ("the Iranian leader", "the Russian president", "the spokesman",
  "the minister") is the most recent person named earlier in the article who fits it: of that
  state, when one is named, and holding a title with that head word (a *leader* is anyone in
  a state office);
* a people named "ethnic ..." ("ethnic Albanians in Serbia") belongs to the state whose land
  the sentence places it in;
* a **group noun with a place** ("protesters in Tbilisi", "residents of Kharkiv") is a
  mention of the place's state with the group's sector, as "Georgian protesters" would be.

Office phrases come from ``[offices]`` in ``data/actor_words.toml``, group nouns from
``[group_nouns]``.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from .actor_roles import STATE_SECTORS, Candidate, in_prose
from .analysis import Analysis
from .knowledge import KnowledgeBase, actor_words, office_of, office_phrases

#: words before an office that make it another one, or not a particular holder
_NOT_THE_HOLDER = {"a", "an", "another", "one", "former", "ex", "ex-", "deputy", "vice", "acting", "first",
                   "late", "retired", "ousted", "some", "any", "two", "three", "several"}
_HEADS = {"president", "prime-minister", "chancellor", "supreme-leader", "king", "emir", "crown-prince"}
_PLACE_NOUNS = {"city", "cities", "town", "towns", "village", "villages", "homes", "region", "province",
                "district", "capital", "port", "camp", "area", "streets"}
_PLACE_PREPS = ("in", "from", "of", "across", "throughout")


@lru_cache(maxsize=1)
def _office_regex() -> re.Pattern[str]:
    phrases = sorted(office_phrases(), key=len, reverse=True)
    alts = "|".join(re.escape(p) for p in phrases)
    return re.compile(rf"(?i)^(?:[’']s)?\s+(?:(?:current|incumbent|new|sitting)\s+)?(?P<office>{alts})(?![\w-])")


@lru_cache(maxsize=1)
def _whole_office_regex() -> re.Pattern[str]:
    phrases = sorted(office_phrases(), key=len, reverse=True)
    return re.compile(rf"(?i)(?P<office>{'|'.join(re.escape(p) for p in phrases)})(?![\w-])")


@lru_cache(maxsize=1)
def _description_regex() -> re.Pattern[str]:
    """ "the spokesman", "the Iranian leader", "the foreign minister": the head words."""
    heads = sorted({*office_phrases(), "leader", "minister", "spokesman", "spokeswoman", "spokesperson",
                    "envoy", "ambassador", "diplomat", "general", "commander", "official"}, key=len, reverse=True)
    alts = "|".join(re.escape(h) for h in heads)
    return re.compile(rf"\b[Tt]he\s+(?:(?P<state>[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)?)\s+)?(?P<head>{alts})(?![\w-])")


def describe(a: Analysis, kb: KnowledgeBase, cands: list[Candidate], prose) -> list[Candidate]:
    """The candidates with offices resolved to their holders, definite descriptions linked to
    the people they describe, and groups in a place given to its state."""
    out = _offices(a, kb, cands)
    out = _definite_descriptions(a, kb, out, prose)
    out = _ethnic_groups(a, kb, out)
    return _groups_in_places(a, kb, out, prose)


_OF_PLACE = re.compile(r"\s+(?:of|in|living\s+in)\s+(?:the\s+)?(?:(?:north|south|east|west|central)"
                       r"(?:ern|-eastern|-western)?\s+)?$")


def _ethnic_groups(a: Analysis, kb: KnowledgeBase, cands: list[Candidate]) -> list[Candidate]:
    """ "ethnic Albanians in Serbia", "the Albanians of southern Serbia": a people of another
    state's land, that state's civilians (the first other state or place the sentence names,
    right after "of"/"in" unless the people are called "ethnic"); "Bosnian Serbs": the people
    of the state the adjective names, one mention.  Alone, the people keep their own state."""
    peoples = set(actor_words()["ethnic_peoples"]["words"])
    ordered = sorted(cands, key=lambda o: o.start)
    drop: set[int] = set()
    for n, c in enumerate(ordered):
        if c.kind != "country" or c.context or a.text[c.start:c.end].lower() not in peoples or n == 0:
            continue
        prev = ordered[n - 1]
        if prev.kind in ("country", "location") and prev.country and prev.country != c.country \
                and not prev.context and a.text[prev.end:c.start] == " ":
            state = kb.get(prev.country)  # "Bosnian Serbs", "Kosovo Albanians"
            if state is not None:
                ordered[n - 1] = replace(prev, end=c.end, actor_id=state.id, name=state.name, kind="country",
                                         country=state.id, sector="CVL", metonymy=False)
                drop.add(n)
    cands = [c for n, c in enumerate(ordered) if n not in drop]
    out = list(cands)
    for n, c in enumerate(cands):
        if c.kind != "country" or c.context:
            continue
        ethnic = re.search(r"(?i)\bethnic\s+$", a.text[max(0, c.start - 8):c.start])
        if not ethnic and a.text[c.start:c.end].lower() not in peoples:
            continue
        sent = next((s for s in a.sentences if s.start <= c.start < s.end), None)
        if sent is None:
            continue
        other = next((o for o in sorted(cands, key=lambda o: o.start)
                      if o.start > c.end and o.end <= sent.end and o.kind in ("country", "location")
                      and o.country and o.country != c.country), None)
        if not ethnic and (other is None or not _OF_PLACE.fullmatch(a.text[c.end:other.start])):
            continue  # "Albanians in Serbia", not "Albanians demanded ... Serbia"
        state = kb.get(other.country) if other is not None else None
        if state is not None:
            out[n] = replace(c, actor_id=state.id, name=state.name, country=state.id, sector=c.sector or "CVL")
    return out


def _name_follows(a: Analysis, end: int) -> bool:
    """A capitalised name right after ``end`` ("spokesman Dmitry Peskov")."""
    m = re.match(r"\s+([A-Z][\w’'-]+)", a.text[end:end + 40])
    return bool(m) and m.group(1).lower() not in ("said", "says", "on", "in", "and")


def _heads_phrase(a: Analysis, end: int) -> bool:
    """The word ending at ``end`` heads its noun phrase ("the general said", not "the general
    election")."""
    span = a.doc.char_span(end - 1, end, alignment_mode="expand")
    if span is None:
        return False
    tok = span[-1]
    return tok.pos_ in ("NOUN", "PROPN") and tok.dep_ not in ("compound", "amod", "nmod")


def _offices(a: Analysis, kb: KnowledgeBase, cands: list[Candidate]) -> list[Candidate]:
    out: list[Candidate] = []
    for c in cands:
        if c.kind != "country" or c.context:
            out.append(c)
            continue
        whole = _whole_office_regex().match(a.text[c.start:c.start + 80])
        m = _office_regex().match(a.text[c.end:c.end + 80])
        if whole and whole.end() > c.end - c.start:  # the state's word is part of it: "Kremlin spokesman"
            office, end = office_of(whole["office"]), c.start + whole.end()
        elif m:  # "Iran's foreign minister", "the Russian president"
            office, end = office_of(m["office"]), c.end + m.end()
        else:
            office, end = None, c.end
        before = a.text[max(0, c.start - 30):c.start].lower().split()
        if office is None or (before and before[-1] in _NOT_THE_HOLDER) or _name_follows(a, end) \
                or not _heads_phrase(a, end):
            out.append(c)
            continue
        people = kb.holders(c.country, office, a.published) if c.country else []
        if len(people) != 1:
            out.append(c)
            continue
        e = people[0]
        country, sector, _title = e.on(a.published)
        out.append(replace(c, end=end, actor_id=e.id, name=e.name, kind="person", country=country,
                           sector=sector, metonymy=False, known=True, title=office.replace("-", " ")))
    return out


def _fits(c: Candidate, title: str, head: str, state: str | None) -> bool:
    if c.kind != "person" or c.context or (state and c.country != state):
        return False
    title = title.lower()
    if head == "leader":  # a head of state or government, or someone called a leader
        return "leader" in title or office_of(title) in _HEADS
    office = office_of(head)
    if office and office_of(title) == office:
        return True
    stem = "spokes" if head.startswith("spokes") else head
    return bool(title) and stem in title and not re.search(r"\b(?:deputy|vice)\b", title.replace(stem, ""))


def _title(kb: KnowledgeBase, c: Candidate, a: Analysis) -> str:
    """The title a person has in the article (the words before the name), else in the KB."""
    if c.title:
        return c.title
    e = kb.get(c.actor_id) if c.known else None
    return (e.on(a.published)[2] or "") if e is not None else ""


def _definite_descriptions(a: Analysis, kb: KnowledgeBase, cands: list[Candidate], prose) -> list[Candidate]:
    taken = sorted(cands, key=lambda c: c.start)
    for m in _description_regex().finditer(a.text):
        state_words, head = m["state"], m["head"].lower()
        s, e = (m.start("state") if state_words else m.start("head")), m.end("head")
        if not in_prose(prose, s, e) or _name_follows(a, e) or not _heads_phrase(a, e):
            continue
        state = kb.country_of_word(state_words) if state_words else None
        if state_words and state is None:
            continue  # "the Security Council president": not a state's office
        if any(o.start < e and s < o.end and (o.kind != "country" or o.context) for o in taken):
            continue  # part of a name or of a longer mention
        earlier = [c for c in taken if c.end <= s and _fits(c, _title(kb, c, a), head, state)]
        if not earlier:
            continue
        p = earlier[-1]
        taken = [o for o in taken if not (o.start < e and s < o.end)]  # the demonym is now the person
        c = replace(p, start=s, end=e, context=False)
        taken.append(c)
        taken.sort(key=lambda c: c.start)
    return taken


def _groups_in_places(a: Analysis, kb: KnowledgeBase, cands: list[Candidate], prose) -> list[Candidate]:
    """ "protesters in Tbilisi", "the government of Punjab province": a mention of the place's
    state with the group's sector."""
    groups = actor_words()["group_nouns"]
    out = list(cands)
    for c in cands:
        if c.kind not in ("location", "country") or not c.country or c.context:
            continue
        m = re.search(r"(?P<noun>\b[A-Za-z]+)\s+(?P<prep>\w+)\s+(?:the\s+)?$", a.text[max(0, c.start - 40):c.start])
        if m is None or m["prep"].lower() not in _PLACE_PREPS:
            continue
        noun = m["noun"].lower()
        sector = groups.get(noun)
        if sector is None or (sector in STATE_SECTORS and m["prep"].lower() != "of") or noun in _PLACE_NOUNS:
            continue  # "officials in Kyiv" may be anyone's, "the government of Sindh" is Pakistan's;
            # "the city of Kyiv" is a place
        s = max(0, c.start - 40) + m.start("noun")
        e = s + len(m["noun"])
        if not in_prose(prose, s, e) or any(o.start < e and s < o.end for o in out):
            continue
        state = kb.get(c.country)
        if state is not None:
            out.append(Candidate(s, e, state.id, state.name, "country", state.id, sector))
    return out
