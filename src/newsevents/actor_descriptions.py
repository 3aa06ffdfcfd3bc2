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
  mention of the place's state with the group's sector, as "Georgian protesters" would be;
  people from elsewhere ("settlers", "migrants") belong to a place they come from, not to
  one they are in;
* a **nameless group** ("rebels attacked", "a human rights group said", "students marched
  in X") is a mention too: of the state where the sentence places it (a place in its own
  phrase, "demonstrators protesting in X", else one where its clause's act happens, "people
  blocked streets in X"), else, for a party or the opposition, of the one state the sentence
  names, else of the article's dominant state; with none, an organised group (rebels, a
  rights group, a union) is an actor of its own with no country (``group:rebels``), and
  civilians or state organs are left to the events stage.  A crowd given as a number
  ("thousands marched in X", "hundreds took to the streets of X") is a group only alone (not
  "thousands of dollars") and only where the sentence places it.

Office phrases come from ``[offices]`` in ``data/actor_words.toml``, group nouns from
``[group_nouns]`` and ``[nameless_groups]``.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace
from functools import lru_cache

from .actor_roles import STATE_SECTORS, Candidate, dominant_country, in_prose
from .analysis import Analysis
from .knowledge import KnowledgeBase, actor_words, alternation, office_of, office_phrases, slugify

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
    out = _groups_in_places(a, kb, out, prose)
    return _nameless_groups(a, kb, out, prose)


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
        if noun in _foreign() and m["prep"].lower() != "from":
            continue  # "settlers in X" came from elsewhere
        s = max(0, c.start - 40) + m.start("noun")
        e = s + len(m["noun"])
        if not in_prose(prose, s, e) or any(o.start < e and s < o.end for o in out):
            continue
        state = kb.get(c.country)
        if state is not None:
            out.append(Candidate(s, e, state.id, state.name, "country", state.id, sector))
    return out


#: prepositions that place a group or an act ("protesters in X", "clashes across X")
_WHERE_PREPS = frozenset({"in", "at", "across", "throughout", "near", "outside", "inside", "around",
                          "from", "of"})
#: prepositions that place an act, in the clause around a group
_CLAUSE_PREPS = frozenset({"in", "at", "across", "throughout", "near", "outside", "inside", "around",
                           "through", "along", "into", "onto"})
#: places a crowd goes "to" that are where it acts ("took to the streets of X")
_GATHERING_NOUNS = frozenset({"street", "streets", "square", "squares"})
#: clauses of their own: a place inside one is not where the group acts
_OWN_CLAUSES = frozenset({"ccomp", "xcomp", "advcl", "relcl", "parataxis", "conj", "csubj"})
#: a group with no state of its own is still an actor when it is organised (rebels, a rights
#: group, a union); civilians and state organs with no state named are left to the events stage
_STATELESS_SECTORS = frozenset({"REB", "UAF", "NGO", "OPP", "LAB", "CRM", "SOC", "PRM", "PTY"})
#: sectors whose nameless members belong to the one state a sentence names
_PARTISAN_SECTORS = frozenset({"OPP", "PTY"})
#: what a nameless group is in a phrase that names something else ("people familiar with ...")
_NOT_A_GROUP_AFTER = re.compile(r"(?i)\s+(?:familiar|close|with\s+knowledge|briefed|who\s+spoke)\b")


@lru_cache(maxsize=1)
def _nameless_regex() -> re.Pattern[str]:
    table = actor_words()["nameless_groups"]
    words = {v for w in table["words"] + table["counts"] for v in (w, w.capitalize())}
    return re.compile(r"(?<![\w-])(?:" + alternation(words) + r")(?![\w-])")  # a trie: one pass


@lru_cache(maxsize=1)
def _foreign() -> frozenset[str]:
    return frozenset(actor_words()["nameless_groups"]["foreign"])


@lru_cache(maxsize=1)
def _counts() -> frozenset[str]:
    return frozenset(actor_words()["nameless_groups"]["counts"])


def _nameless_groups(a: Analysis, kb: KnowledgeBase, cands: list[Candidate], prose) -> list[Candidate]:
    """ "rebels", "a human rights group", "students" with no name: a mention of the state the
    sentence places them in, else of an organised group of no state (module docstring)."""
    found = list(_nameless_regex().finditer(a.text))
    if not found:
        return cands
    doc, groups = a.doc, actor_words()["group_nouns"]
    taken = bytearray(len(a.text) + 1)
    for c in cands:
        taken[c.start:c.end] = b"\x01" * (c.end - c.start)
    by_token: dict[int, Candidate] = {}  # built for a sentence when a group in it needs it
    indexed: set[tuple[int, int]] = set()
    home: list[str | None] = []  # the article's dominant state, found once when needed
    out = list(cands)
    for m in found:
        s, e = m.start(), m.end()
        if any(taken[s:e]) or not in_prose(prose, s, e):
            continue
        span = doc.char_span(s, e, alignment_mode="contract")
        if span is None or len(span) == 0:
            continue
        head = span[-1]
        if head.pos_ not in ("NOUN", "PROPN") or head.dep_ in ("compound", "amod", "nmod", "poss") \
                or any(t.ent_type_ in ("ORG", "FAC", "WORK_OF_ART", "LAW", "EVENT") for t in span):
            continue  # "police station", "opposition leader", "the Opposition Party"
        children = list(head.children)
        if any(c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ in ("to", "against")) for c in children):
            continue  # "their workers" are someone's; "their opposition to X" is a stance
        sent = prose[bisect.bisect_right(prose, (s, float("inf"))) - 1]  # in_prose found it
        if sent not in indexed:
            indexed.add(sent)
            by_token.update(_token_index(doc, cands, *sent))
        if any(by_token.get(t.i) is not None for c in children if c.i < head.i for t in c.subtree):
            continue  # named by a modifier: "Georgian protesters", "Hamas militants"
        if any(c.dep_ == "appos" and by_token.get(c.i) is not None for c in children) \
                or (head.dep_ == "appos" and by_token.get(head.head.i) is not None):
            continue  # "the main rebel group, X," is X
        words = m.group().lower()
        sector = groups.get(words) or groups.get(words[:-1] if words.endswith("s") else words + "s")
        if sector is None:
            continue
        count = words in _counts()
        if count and any(c.dep_ == "prep" and c.lower_ == "of" for c in children):
            continue  # "thousands of dollars"; "thousands of people" are the people
        foreign = words in _foreign()
        country = _group_place(head, by_token, foreign)
        if count and country is None:
            continue  # a crowd is a party only where the sentence places it
        if country is None and sector in _PARTISAN_SECTORS:
            country = _one_state(by_token, *sent)  # "the opposition boycotted X's elections"
        if country is None and not foreign and sector not in ("NGO", "MED", "REL", "REF"):
            if not home:
                home.append(dominant_country(cands))
            country = home[0]
        if words in ("people", "crowd", "crowds", "mob") and (country is None or _NOT_A_GROUP_AFTER.match(a.text, e)):
            continue  # "people familiar with the talks" are sources, not a group that acts
        state = kb.get(country) if country else None
        if state is not None:
            out.append(Candidate(s, e, state.id, state.name, "country", state.id, sector))
        elif sector in _STATELESS_SECTORS:
            out.append(Candidate(s, e, f"group:{slugify(words)}", words, "group", None, sector, known=False))
        else:
            continue
        taken[s:e] = b"\x01" * (e - s)
    return out


#: nouns of a part of a place: "the city of X", "the north of X", "the West Bank town of Y"
_PART_NOUNS = frozenset({"city", "town", "village", "province", "region", "district", "area", "capital",
                         "enclave", "territory", "camp", "neighborhood", "neighbourhood", "suburb", "port",
                         "county", "street", "streets", "square", "border", "outskirts", "north", "south",
                         "east", "west", "centre", "center", "heart", "part", "parts", "state", "zone"})


def _token_index(doc, cands: list[Candidate], start: int, end: int) -> dict[int, Candidate]:
    """Token index -> the emitted candidate covering it, for candidates in [start, end)."""
    out: dict[int, Candidate] = {}
    for c in cands:
        if not c.context and start <= c.start < end:
            span = doc.char_span(c.start, c.end, alignment_mode="expand")
            for i in range(span.start, span.end) if span is not None else ():
                out.setdefault(i, c)
    return out


def _place_in(tok, by_token: dict[int, Candidate]) -> str | None:
    """The country of the place ``tok`` names: itself, or the place a part noun belongs to
    ("the West Bank city of X", "the north of X", "southern X")."""
    c = by_token.get(tok.i)
    if c is not None and c.kind in ("location", "country") and c.country:
        return c.country
    if tok.lemma_.lower() not in _PART_NOUNS:
        return None
    for child in tok.children:
        if child.dep_ in ("compound", "amod", "nmod", "poss") and child.i < tok.i:
            country = _place_in(child, by_token)
        elif child.dep_ == "prep" and child.lower_ == "of":
            country = next((x for p in child.children if p.dep_ == "pobj" and (x := _place_in(p, by_token))), None)
        else:
            continue
        if country:
            return country
    return None


def _group_place(head, by_token: dict[int, Candidate], foreign: bool) -> str | None:
    """The state where a sentence places a nameless group: a place in its own phrase
    ("demonstrators protesting election results in X"), else where the act of its clause happens
    ("people blocked streets in X", "rebels were killed in X").  People from elsewhere are
    placed only by where they come from."""
    own = list(head.subtree)
    if head.dep_ == "conj":  # "rebels and police in X": the place the pair shares
        own += [t for c in head.head.children if c.dep_ == "prep" and c.i > head.i for t in c.subtree]
    for t in own:
        if t.dep_ == "pobj" and t.head.dep_ == "prep" and t.i > head.i:
            prep = t.head.lower_
            if prep == "from" or (not foreign and prep in _WHERE_PREPS):
                country = _place_in(t, by_token)
                if country:
                    return country
    if foreign:
        return None
    tok = head
    while (tok.dep_ in ("conj", "appos") or (tok.dep_ == "pobj" and tok.head.lower_ == "of")) \
            and tok.head.i != tok.i:
        tok = tok.head.head if tok.dep_ == "pobj" else tok.head  # "thousands of people" acts as they do
    if tok.dep_ == "pobj" and tok.head.dep_ == "agent":
        verb = tok.head.head
    elif tok.dep_ in ("nsubj", "nsubjpass", "dobj"):
        verb = tok.head
    else:
        return None
    inside = {t.i for t in tok.subtree}
    todo = [c for c in verb.children if c.dep_ not in _OWN_CLAUSES]
    while todo:
        t = todo.pop(0)
        if t.i in inside:
            continue
        if t.dep_ == "pobj" and (t.head.lower_ in _CLAUSE_PREPS
                                 or (t.head.lower_ == "to" and t.lemma_.lower() in _GATHERING_NOUNS)):
            country = _place_in(t, by_token)
            if country:
                return country
        todo.extend(c for c in t.children if c.dep_ not in _OWN_CLAUSES)
    return None


def _one_state(by_token: dict[int, Candidate], start: int, end: int) -> str | None:
    """The one state a sentence [start, end) names (countries and places), if only one."""
    seen = {c.country for c in by_token.values() if start <= c.start < end
            and c.kind in ("country", "location") and c.country}
    return seen.pop() if len(seen) == 1 else None
