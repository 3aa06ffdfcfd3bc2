"""Actors: who the article is about, as knowledge-base ids with a country and a sector.

How mentions are found, in order (article prose only: boilerplate and headings are skipped):

1. **Gazetteer.** Every name, alias, demonym, capital and government metonym of the knowledge
   base (:mod:`newsevents.knowledge`) is matched case-sensitively, longest first, plus ministry
   phrases built from the country list ("Russian Foreign Ministry", "Iran's Ministry of
   Defense").  This finds KB actors whatever the NER says ("Trump’s", "Pezeshkian" tagged NORP).
   Names marked ambiguous ("Georgia", "Jordan") are taken only where the NER agrees, or, for a
   country the NER took for a person ("Niger", "Chad"), where it is used as a state ("in Chad",
   "Chad's elections", "Mali and Niger").
2. **NER.** spaCy entities not covered by the gazetteer: PERSON spans become people (a surname
   alone links to a full name mentioned earlier); ORG spans become organisations only when their
   head word names one ("Institute", "Ministry", "Agency"), media when it names an outlet; GPE
   and LOC spans become places.  Before them, a capitalised name the knowledge base does not
   know before a lowercase "party" ("the Islamist Refah party", which the NER may take for a
   person or a place) is a political party of the one state its sentence names.  A place the
   knowledge base does not know lies in the state named right after it ("Goma in eastern
   Congo", "Kidal, Mali").
3. **Roles from context** (:mod:`newsevents.actor_roles`).  The title words and names just
   before a name ("Iranian Foreign Ministry spokesman X", "U.S. Secretary of State X") give an
   unknown person or organisation its country and sector (``data/actor_words.toml``); so does
   an appositive ("X, director of ..., Middle East Institute").  Names used that way are
   modifiers and yield no mention of their own.  Known people get their role on the article's
   date from the knowledge base.
4. **States and places.** A capital or metonym that acts ("Tehran has denied", "the Kremlin
   said", "talks with Washington") is the country (``metonymy=True``); one used as a place
   ("arrived in Tehran") is a ``location:`` actor.  A demonym that modifies no other actor
   ("a Russian delegation", "Iranian media reports") is a mention of its country, with the
   sector of the noun it modifies.

5. **Initials.** An organisation's name followed by its initials in brackets ("Forces for
   Defence of Democracy (FDD)") makes the initials that actor there and after.
6. **Descriptions** (:mod:`newsevents.actor_descriptions`).  An office after a state ("Iran's
   foreign minister", "the Kremlin spokesman") is its holder on the article's date when the
   knowledge base knows one; a definite description ("the Russian leader", "the spokesman") is
   the fitting person named before; "protesters in Tbilisi" and "ethnic Albanians in Serbia"
   are mentions of the place's state with the group's sector; a nameless group ("rebels",
   "a human rights group", "students marched in X") is a mention of the state the sentence
   places it in, else an organised group of no state (``group:rebels``).

The publisher naming itself ("Newsweek has contacted ...") is not an actor of the story.
A surname alone is the person named in full earlier in the article, else the one known person
with that surname.  ``resolve`` answers the same question for a bare name or a short
description ("Russia's ambassador to Poland", "EU legislators", "Iran's foreign minister")
outside any article.  The knowledge base includes the user's own files (``$NEWSEVENTS_KB``,
``--kb``; :mod:`newsevents.knowledge`).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from functools import lru_cache

from .actor_descriptions import describe
from .actor_roles import STATE_SECTORS, apply_context, title_sector, title_sector_at_end
from .actor_roles import in_prose as _in_prose
from .actor_roles import Candidate as _Cand
from .analysis import Analysis, Mention
from .knowledge import MINISTRIES, Entry, Hit, KnowledgeBase, actor_words, fold, load_kb, office_of, slugify
from .knowledge import alternation as _alternation
from .models import Actor, Span

_STATE_DEPS = {"nsubj", "nsubjpass", "poss", "agent", "csubj", "dative", "dobj"}
_LOCATIVE_PREPS = {"in", "at", "to", "into", "from", "near", "outside", "inside", "around", "across",
                   "throughout", "toward", "towards", "via", "through", "within", "off", "over", "along"}
_MOTION_VERBS = {"visit", "reach", "leave", "enter", "tour", "fly", "arrive", "depart", "return"}
_NOT_PLACES = {"west", "east", "north", "south", "global south", "global north", "western", "eastern"}
# ---------------------------------------------------------------------------------------
# public API

def find_actors(a: Analysis) -> tuple[list[Actor], list[Mention]]:
    """The article's actors (grouped by id) and its flat, sorted list of actor mentions."""
    kb = load_kb()
    own = publisher_actor(a.publisher, a.published)
    prose = [(s.start, s.end) for s in a.sentences]
    ents = a.doc.ents  # a new tuple of spans at each read: read once
    cands = [c for c in _gazetteer(a, kb, ents) if _in_prose(prose, c.start, c.end)]
    cands += [c for c in _datelines(a, kb, prose) if not any(o.start < c.end and c.start < o.end for o in cands)]
    cands = _named_parties(a, kb, cands, prose)
    cands = _add_ner(a, kb, cands, prose, ents)
    cands = _places_in_states(a, cands)
    cands = apply_context(a, kb, cands)
    cands = _link_surnames(a, cands, prose)
    cands = _acronyms(a, cands, prose)
    cands = describe(a, kb, cands, prose)
    cands = [c for c in cands if not c.context and c.actor_id != own]
    cands.sort(key=lambda c: (c.start, -c.end))
    mentions = [Mention(c.start, c.end, c.actor_id, c.kind, c.country, c.sector, c.metonymy)
                for c in cands]
    return _group(cands), mentions


def publisher_actor(name: str | None, date: dt.date | None) -> str | None:
    """The actor id of a publisher name ("Newsweek" -> "media:newsweek"), else None."""
    if not name:
        return None
    kb = load_kb()
    base = re.sub(r"^(www\.)|\.(com|org|net|co\.uk|ru|ir|cn)$", "", name.strip().lower())
    for surface in (name, base):
        for h in kb.lookup(surface):
            if h.use == "name" and h.entry.kind == "media":
                return h.entry.id
    return None


def resolve(text: str, date: dt.date | None = None, *, context: str | None = None) -> Actor | None:
    """The actor a bare name or short description denotes on ``date`` ("Lavrov" ->
    person:sergei-lavrov, RUS, GOV).  ``context`` names the setting ("Somalia", "Colombian
    defense"): its country is given to an actor the text leaves without one."""
    actor = _resolve(text, date)
    if actor is not None and actor.country is None and actor.kind != "igo" and context:
        hint = _resolve(context, date)
        if hint is not None and hint.country and hint.kind in ("country", "location", "group"):
            actor = actor.model_copy(update={"country": hint.country})
    return actor


def _resolve(text: str, date: dt.date | None) -> Actor | None:
    kb = load_kb()
    surface = re.sub(r"^(the|The)\s+", "", text.strip())
    surface = re.sub(r"[’']s$", "", surface)
    hits = kb.lookup(surface) or kb.lookup(text.strip())
    if hits:
        h = hits[0]
        if h.entry.kind == "country":
            return Actor(id=h.entry.id, name=h.entry.name, kind="country", country=h.entry.id,
                         sector=h.sector if h.use == "metonym" else None)
        country, sector, _title = h.entry.on(date)
        if h.entry.kind == "location" and sector is None:
            sector = "CVL"  # a town named as an actor stands for its people (a capital, for its state)
        return Actor(id=h.entry.id, name=h.entry.name, kind=h.entry.kind, country=country, sector=sector)
    m = _ministry_regex(kb).fullmatch(surface)
    if m:
        e = _ministry_entry(kb, m)
        if e:
            return Actor(id=e.id, name=e.name, kind="organization", country=e.country, sector=e.sector)
    actor = _describe(text.strip(), date)
    if (actor is None or kb.get(actor.id) is None) and _proper(surface):
        near = kb.closest(surface)  # a name spelled another way
        if near is not None:
            country, sector, _title = near.on(date)
            return Actor(id=near.id, name=near.name, kind=near.kind, country=country, sector=sector)  # type: ignore[arg-type]
    return actor


def _proper(text: str) -> bool:
    """Every word of ``text`` is capitalised, but for name particles ("Mohammed bin Salman")."""
    words = [w for w in re.findall(r"[\w.’'-]+", text) if w.lower() not in _NAME_PARTICLES]
    return bool(words) and all(w[:1].isupper() for w in words)


def _describe(text: str, date: dt.date | None) -> Actor | None:
    """A short description ("Russia's ambassador to Poland", "two Chinese warplanes",
    "French President Emmanuel Macron"): a known actor named in it, else the state (first
    country, capital or known place named) and the sector its title or head noun gives."""
    kb = load_kb()
    found: list[tuple[int, Entry, str]] = []
    ends: dict[int, int] = {}
    for m in _ministry_regex(kb).finditer(text):
        e = _ministry_entry(kb, m)
        if e:
            found.append((m.start(), e, "name"))
            ends[m.start()] = m.end()
    for m in _gazetteer_regex(kb).finditer(text):
        if not any(s <= m.start() < ends[s] for s, _e, _u in found):  # not inside a ministry phrase
            h = kb.lookup(m.group(), fuzzy=False)[0]
            found.append((m.start(), h.entry, h.use))
            ends[m.start()] = m.end()
    found.sort(key=lambda f: f[0])
    for start, e, use in found:
        if e.kind not in ("country", "location") and use == "name":
            country, sector, _title = e.on(date)
            before = text[:start].lower()
            said = title_sector(before, actor_words())
            if e.kind == "person" and (sector in ("ELI", None) or date is None) and said in STATE_SECTORS \
                    and not _former(before):
                sector = said  # "Senator X" names X in that office, as a report from that time does
            if e.kind == "igo":  # "EU legislators", "NATO commanders": a part of the igo with a function
                rest = text[:start] + " " * (ends[start] - start) + text[ends[start]:]
                part = _description_sector(rest)
                generic = not set(re.findall(r"[a-z]+", rest.lower())) - _IGO_GENERIC
                sector = part if part and not generic else sector  # "EU officials" are the igo itself
            return Actor(id=e.id, name=e.name, kind=e.kind, country=country, sector=sector)  # type: ignore[arg-type]
    holder = _office_holder(kb, text, found, ends, date) if found else _one_state_office(kb, text, date)
    if holder is not None:
        country, sector, _title = holder.on(date)
        return Actor(id=holder.id, name=holder.name, kind="person", country=country, sector=sector)
    country = next((e.country for _s, e, _u in found if e.country), None)
    sector = _description_sector(text)
    if country is None and sector is None:
        return None
    if country is not None and sector is None and len(found) == 1 and found[0][1].kind == "country":
        e = found[0][1]
        return Actor(id=e.id, name=e.name, kind="country", country=e.id)
    name = text if len(text) <= 80 else text[:80]
    proper = _proper(text)
    if proper and _org_head(text) in _org_heads():  # "Amherst College"
        m = re.match(r"(?:the\s+)?(?:central|national|reserve)\s+bank\s+of\s+(?:the\s+)?(.+)$", text, re.I)
        if m and kb.country_of_word(m.group(1)):
            sector = "GOV"  # "National Bank of Poland": a state's central bank
        return Actor(id=f"organization:{slugify(text)}", name=text, kind="organization", country=country,
                     sector=sector)
    tokens = text.split()
    for k in range(1, len(tokens) - 1) if proper else ():
        if title_sector_at_end(" ".join(tokens[:k]).lower(), actor_words()) and 2 <= len(tokens) - k <= 4 \
                and not title_sector(tokens[k].lower(), actor_words()) and tokens[k].lower() not in _NAME_PARTICLES:
            who = " ".join(tokens[k:])  # "Governor Vadim Shumkov"
            return Actor(id=f"person:{slugify(who)}", name=who, kind="person", country=country, sector=sector)
    state = kb.get(country) if country else None
    if state is not None and sector in STATE_SECTORS:  # a part of the state: the state, with that sector
        return Actor(id=state.id, name=state.name, kind="country", country=state.id, sector=sector)
    return Actor(id=f"group:{slugify(name)}", name=name, kind="group", country=country, sector=sector)


_OFFICE_TAIL = re.compile(r"^(?:[’']s)?\s+(?:(?:current|incumbent|sitting|new)\s+)?(?P<office>[\w .'’-]+?)\s*$")


def _office_holder(kb: KnowledgeBase, text: str, found: list[tuple[int, Entry, str]], ends: dict[int, int],
                   date: dt.date | None) -> Entry | None:
    """The one person who held the office a description names on ``date``: "Iran's foreign
    minister", "the Russian president", "the Kremlin spokesman".  Not for an indefinite
    description ("a Kremlin spokesman" is one of several) or a deputy ("deputy foreign minister"
    is another office)."""
    if len(found) != 1 or found[0][1].kind != "country":
        return None
    start, state, _use = found[0]
    if text[:start].strip().lower() not in ("", "the"):
        return None
    m = _OFFICE_TAIL.match(text[ends[start]:])
    if m is None:
        return None
    office = office_of(m["office"])
    if office is None and not text[ends[start]:].startswith(("'", "’")):
        office = office_of(f"{text[start:ends[start]]} {m['office']}")  # "Kremlin spokesman"
    people = kb.holders(state.id, office, date) if office else []
    return people[0] if len(people) == 1 else None


def _one_state_office(kb: KnowledgeBase, text: str, date: dt.date | None) -> Entry | None:
    """The holder of an office only one state has, named alone ("the Pope", "the pontiff")."""
    office = office_of(re.sub(r"^the\s+", "", text.strip(), flags=re.I))
    state = actor_words().get("one_state_offices", {}).get(office) if office else None
    people = kb.holders(state, office, date) if state else []
    return people[0] if len(people) == 1 else None


#: words that name an igo as a whole ("EU officials", "NATO allies"), not a part with a function
_IGO_GENERIC = {"the", "a", "an", "s", "its", "official", "officials", "ally", "allies", "member", "members",
                "leader", "leaders", "leadership", "diplomat", "diplomats", "delegation", "delegates", "staff",
                "partner", "partners", "state", "states", "countries", "nations", "senior", "top"}

#: lower-case words inside proper names ("Bank of Mexico", "Mohammed bin Salman")
_NAME_PARTICLES = {"of", "the", "and", "for", "de", "del", "da", "do", "dos", "la", "le", "van", "von", "der",
                   "den", "bin", "ibn", "bint", "al", "el", "di", "du"}


def _description_sector(text: str) -> str | None:
    """The sector a description's words give: a title, else its last organisation or group noun."""
    words = actor_words()
    low = text.lower().replace("’", "'")
    faith = words["religion"]
    if re.search(rf"(?<![\w-])(?:{'|'.join(faith['words'])})\s+(?:\w+\s+)?(?:{'|'.join(faith['generic_heads'])})\b",
                 low):
        return "REL"  # "Muslim leaders in France"
    sector = title_sector(low, words)
    if sector and _former(low):
        return "ELI"
    if sector:  # "president of the Ghana Medical Association": the body's sector, not the title's
        body = re.search(r"(?<![\w-])(?:of|at)\s+(?:the\s+)?(.+)$", low)
        heads = [m.group() for m in _noun_regex().finditer(body.group(1))] if body else []
        return _noun_sectors()[heads[-1]] if heads else sector
    nouns = _noun_sectors()
    found = [m.group() for m in _noun_regex().finditer(low)]
    return nouns[found[-1]] if found else None


def _former(low: str) -> bool:
    """A word that makes an office a past one ("former", "retired") in lower-case text."""
    return any(re.search(rf"(?<![\w-]){re.escape(w)}(?![\w-])", low) for w in actor_words()["former"]["words"])


@lru_cache(maxsize=1)
def _noun_sectors() -> dict[str, str]:
    words = actor_words()
    out = {**words["org_heads"], **words["group_nouns"]}
    for w, sector in list(out.items()):  # singular and plural forms
        out.setdefault(w[:-1] if w.endswith("s") else w + "s", sector)
    return out


@lru_cache(maxsize=1)
def _noun_regex() -> re.Pattern[str]:
    keys = sorted(_noun_sectors(), key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(k) for k in keys) + r")(?![\w-])")


# ---------------------------------------------------------------------------------------
# 1. gazetteer

@lru_cache(maxsize=1)
def _gazetteer_regex(kb: KnowledgeBase) -> re.Pattern[str]:
    alts = _alternation(kb.surfaces())
    return re.compile(rf"(?<![\w@/])(?:{alts})(?![\w@]|\.\w)")


@lru_cache(maxsize=1)
def _ministry_regex(kb: KnowledgeBase) -> re.Pattern[str]:
    places = sorted({s for e in kb.entries.values() if e.kind == "country"
                     for s in (e.name, *e.aliases, *e.demonyms)}, key=len, reverse=True)
    place = _alternation(places)
    subjects = sorted({w for words, _s in MINISTRIES.values() for w in words}, key=len, reverse=True)
    known = "(?i:" + "|".join(re.escape(w) for w in subjects) + ")"
    subj = rf"(?:{known}|[A-Z][a-z]+(?:(?:\s+and\s+|,\s+|\s+)[A-Z][a-z]+){{0,4}})"
    return re.compile(
        rf"(?<!\w)(?:(?P<c1>{place})(?:[’']s)?\s+(?:(?P<w1>{subj})\s+(?i:ministry)|(?i:ministry)\s+of\s+(?P<w2>{subj}))"
        rf"|(?i:ministry)\s+of\s+(?P<w3>{subj})\s+of\s+(?:the\s+)?(?P<c2>{place}))(?!\w)"
    )


def _ministry_entry(kb: KnowledgeBase, m: re.Match[str]) -> Entry | None:
    iso = kb.country_of_word(m["c1"] or m["c2"])
    key = kb.ministry_key(m["w1"] or m["w2"] or m["w3"])
    return kb.ministry(iso, key) if iso and key else None


def _gazetteer(a: Analysis, kb: KnowledgeBase, ents) -> list[_Cand]:
    text, doc = a.text, a.doc
    out: list[_Cand] = []
    taken = bytearray(len(text) + 1)  # characters already claimed by a ministry phrase
    for m in _ministry_regex(kb).finditer(text):
        e = _ministry_entry(kb, m)
        if e:
            out.append(_Cand(m.start(), m.end(), e.id, e.name, e.kind, e.country, e.sector))
            taken[m.start():m.end()] = b"\x01" * (m.end() - m.start())
    ent_of = {i: ent for ent in ents for i in range(ent.start, ent.end)}
    for m in _gazetteer_regex(kb).finditer(text):
        s, e, surface = m.start(), m.end(), m.group()
        if any(taken[s:e]):
            continue
        hits = kb.lookup(surface, fuzzy=False)
        if not hits:
            continue
        hit = hits[0]
        span = doc.char_span(s, e, alignment_mode="expand")
        near = {ent_of[i] for i in range(span.start, span.end) if i in ent_of} if span is not None else set()
        labels = {x.label_ for x in near if x.start_char <= s and e <= x.end_char}
        longer = [x for x in near if x.start_char <= s and e <= x.end_char and x.end_char - x.start_char > e - s]
        if hit.entry.kind != "person" and hit.use != "demonym" and any(x.label_ == "PERSON" for x in longer) \
                and not _possessive_title(text, e):
            continue  # "Jordan" in "Michael Jordan"
        if hit.entry.kind in ("media", "organization", "group", "igo") and any(
                x.label_ in ("ORG", "FAC", "WORK_OF_ART", "EVENT", "LAW") and _inside_name(text, x, s, e)
                for x in longer):
            continue  # "Liberation" (an outlet) in "Palestine Liberation Organization"
        if hit.entry.kind == "person" and " " not in surface and any(
                x.label_ == "PERSON" and " " in _name_of(text, x, s, e) for x in longer):
            continue  # "Carter" in "Ashton Carter": another person with a known surname
        if hit.use == "capital" and any(x.label_ in ("ORG", "FAC") and _org_head(x.text) in _org_heads()
                                        for x in longer):
            continue  # "Georgetown" in "Georgetown University": the organisation is the actor
        if hit.ambiguous(surface) and not labels & {"GPE", "LOC", "NORP", "FAC", "ORG"} \
                and not _possessive_title(text, e) and not (span is not None and _used_as_state(kb, hit, span)):
            continue
        c = _classify(a, kb, hit, s, e)
        if c is not None:
            out.append(c)
    return out


_DATELINE = re.compile(r"(?m)^([A-Z][A-Z .’'\-]{2,40}?)(?:/([A-Z][A-Z .’'\-]{2,40}?))?(?=,| —| –| -)")


def _datelines(a: Analysis, kb: KnowledgeBase, prose) -> list[_Cand]:
    """Places in an all-caps dateline: "ADDIS ABABA/CAIRO, March 5 (Agency) -"."""
    out: list[_Cand] = []
    for m in _DATELINE.finditer(a.text):
        for g in (1, 2):
            if not m[g] or not _in_prose(prose, m.start(g), m.end(g)):
                continue
            for hit in kb.lookup(m[g]):
                if hit.use == "capital" or hit.entry.kind == "location":
                    name = hit.entry.place_name(m[g]) if hit.use == "capital" else hit.entry.name
                    out.append(_Cand(m.start(g), m.end(g), f"location:{slugify(name)}", name, "location",
                                     hit.entry.country, None))
                    break
    return out


def _inside_name(text: str, ent, s: int, e: int) -> bool:
    """[s, e) is a middle part of a longer name: capitalised words of the entity on both sides."""
    before, after = text[ent.start_char:s].split(), text[e:ent.end_char].split()
    return bool(before and after) and before[-1][:1].isupper() and after[0][:1].isupper()


def _name_of(text: str, ent, s: int, e: int) -> str:
    """The name part of a PERSON entity around [s, e): titles and possessives dropped."""
    es, ee = _trim(text, ent.start_char, ent.end_char)
    es, ee = _strip_titles(text, es, ee, actor_words()["titles"])
    return text[es:ee] if es <= s and e <= ee else text[s:e]


def _org_heads() -> set[str]:
    w = actor_words()
    return set(w["org_heads"]) | set(w["media_heads"]["words"])


#: nouns a person, not a state, has ("Chad's wife"): a possessive before another noun is the state's
_PERSONAL_NOUNS = frozenset({"wife", "husband", "son", "daughter", "mother", "father", "brother", "sister",
                             "family", "friend", "friends", "girlfriend", "boyfriend", "parents", "children",
                             "career", "birthday", "life", "mom", "dad", "home", "car", "house"})
_STATE_PREPS = frozenset({"in", "to", "from", "into", "across", "throughout", "inside", "against", "with",
                          "between", "toward", "towards", "on"})


def _used_as_state(kb: KnowledgeBase, hit: Hit, span) -> bool:
    """An ambiguous country name the NER took for a person ("Niger", "Chad") used as a state:
    after a preposition of place or relation ("in Chad", "talks with Niger"), owning a thing
    ("Chad's elections"), or listed with another country ("Mali and Niger")."""
    if hit.entry.kind != "country" or hit.use != "name" or len(span) != 1:
        return False
    tok = span[0]
    if tok.dep_ == "pobj" and tok.head.lower_ in _STATE_PREPS:
        return True
    if tok.dep_ == "nsubj" and tok.head.pos_ == "VERB" and _no_such_person(tok):
        return True  # "Niger refused to ...": no "X Niger" nor "Mr Niger" in the text
    if tok.dep_ == "poss" and tok.head.pos_ == "NOUN" and tok.head.lower_ not in _PERSONAL_NOUNS:
        return True
    return any(any(h.entry.kind == "country" for h in kb.lookup(c.text, fuzzy=False)) for c in tok.conjuncts)


_HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "sen", "rep", "gen", "col", "lt", "capt", "prof"})


def _no_such_person(tok) -> bool:
    """No person in the document bears the word as a name: no longer name ends in it ("Jim
    Jordan") and no title or initial stands before it anywhere ("Mr Jordan", "Sen. Jordan")."""
    words = actor_words()["titles"]
    word = tok.text
    for ent in tok.doc.ents:
        if ent.label_ == "PERSON" and len(ent) > 1 and word in ent.text.split():
            return False
    for t in tok.doc:
        if t.text == word and t.i > 0:
            prev = tok.doc[t.i - 1]
            if prev.lower_.rstrip(".") in words or prev.lower_.rstrip(".") in _HONORIFICS \
                    or (prev.text.rstrip(".").isupper() and len(prev.text) <= 2):
                return False
    return True


def _possessive_title(text: str, end: int) -> bool:
    """ "Jordan's King ...", "Georgia's parliament": a country owning an office."""
    m = re.match(r"[’']s\s+(\w+(?:\s+\w+)?)", text[end:end + 40])
    if not m:
        return False
    words = actor_words()
    first = m.group(1).split()[0].lower()
    return (m.group(1).lower() in words["titles"] or first in words["titles"]
            or first in words["org_heads"] or first in words["group_nouns"])


def _classify(a: Analysis, kb: KnowledgeBase, hit: Hit, s: int, e: int) -> _Cand | None:
    entry = hit.entry
    if hit.use in ("name", "demonym") and _against_or_for(a.text, s):
        return None  # "anti-Syria protesters", "pro-Russian lawmakers" are not that state
    if hit.use == "name":
        if entry.kind == "country":  # "U.S. officials", "Iran's military": the part of the state named
            span = a.doc.char_span(s, e, alignment_mode="expand")
            sector = (_group_sector(span) if span is not None
                      and span.root.dep_ in ("compound", "amod", "poss", "nmod", "pobj") else None)
            return _Cand(s, e, entry.id, entry.name, "country", entry.id, sector)
        country, sector, _title = entry.on(a.published)
        return _Cand(s, e, entry.id, entry.name, entry.kind, country, sector)
    span = a.doc.char_span(s, e, alignment_mode="expand")
    if span is None:
        return None
    if hit.use in ("capital", "metonym"):
        if _acts_as_state(span, metonym=hit.use == "metonym") and not a.text[s:e].isupper():  # not a dateline
            return _Cand(s, e, entry.id, entry.name, "country", entry.id, hit.sector or "GOV", metonymy=True)
        place = entry.place_name(a.text[s:e])
        return _Cand(s, e, f"location:{slugify(place)}", place, "location", entry.id, None)
    # demonym: a mention of the country unless it modifies another actor (decided in step 3)
    sector = _group_sector(span)
    return _Cand(s, e, entry.id, entry.name, "country", entry.id, sector, known=True)


def _against_or_for(text: str, start: int) -> bool:
    """A name glued to "pro-" or "anti-" ("pro-Russian", "anti-Syria"): an attitude, not an actor."""
    return bool(re.search(r"(?i)\b(pro|anti)-$", text[max(0, start - 5):start]))


def _acts_as_state(span, *, metonym: bool = False) -> bool:
    """A capital or seat of power that stands for its state here ("Tehran has denied", "the
    Khartoum government", "a Kremlin spokesman": a seat of power before a state title)."""
    tok = span.root
    while tok.dep_ == "conj" and tok.head is not tok:
        tok = tok.head
    if tok.dep_ == "pobj":
        return tok.head.lower_ not in _LOCATIVE_PREPS
    if tok.dep_ == "dobj":
        return tok.head.lemma_ not in _MOTION_VERBS
    if tok.dep_ in ("compound", "amod", "nmod"):  # "the Khartoum government", "Kremlin officials"
        words = actor_words()
        return words["group_nouns"].get(tok.head.lower_) in STATE_SECTORS or (
            metonym and words["titles"].get(tok.head.lower_) in STATE_SECTORS)
    return tok.dep_ in _STATE_DEPS


def _group_sector(span) -> str | None:
    """The sector of the noun a demonym modifies ("Russian delegation" -> GOV)."""
    groups = actor_words()["group_nouns"]
    tok = span.root
    text = span.text
    if text.endswith("s") and any(h.use == "demonym" for h in load_kb().lookup(text[:-1], fuzzy=False)):
        return "CVL"  # "Iranians": the people, not the state
    titles = actor_words()["titles"]
    doc = span.doc
    heads = actor_words()["org_heads"]
    following = None
    for nxt in doc[span.end:min(span.end + 3, len(doc))]:  # "Israeli army bulldozers", "US servicemen"
        if nxt.pos_ not in ("NOUN", "PROPN", "ADJ") or nxt.ent_type_ in ("GPE", "PERSON"):
            break
        pair = f"{nxt.nbor(-1).lower_} {nxt.lower_}" if nxt.i > span.end else ""
        following = groups.get(pair) or groups.get(nxt.lower_) or heads.get(nxt.lower_) or following
    if following:  # the last one is the head: "Algerian government forces" -> MIL
        return following
    if tok.dep_ == "pobj":  # "the president of Armenia", "students throughout Indonesia"
        owner = tok.head.head.lower_
        return titles.get(owner) or _noun_sectors().get(owner)
    node = tok
    for _ in range(3):  # up the noun phrase the name modifies, never across a preposition or verb
        if node.dep_ not in ("amod", "compound", "nmod", "poss", "appos", "flat") or node.head is node:
            break
        node = node.head
        if node.lower_ in groups:
            return groups[node.lower_]
        if node.lower_ in titles:
            return titles[node.lower_]  # "an Egyptian lawmaker"
    return None


# ---------------------------------------------------------------------------------------
# 2. NER

#: a capitalised name before a lowercase "party" ("the Islamist Refah party")
_NAMED_PARTY = re.compile(r"(?<=[A-Za-z]) party\b")


def _named_parties(a: Analysis, kb: KnowledgeBase, cands: list[_Cand], prose) -> list[_Cand]:
    """ "the fundamentalist Jamaat party", "the Islamist Refah party": a capitalised name that
    the knowledge base does not know, before a lowercase "party", is a political party (the NER
    often takes such a name for a person or a place, or for nothing), of the one state its
    sentence names.  A people's or faith's word before it is no part of the name."""
    found = list(_NAMED_PARTY.finditer(a.text))
    if not found:
        return cands
    doc, out = a.doc, list(cands)
    for m in found:
        s_head = m.start() + 1
        if not _in_prose(prose, s_head, m.end()):
            continue
        span = doc.char_span(s_head, m.end())
        if span is None or span[0].pos_ != "NOUN":
            continue
        head = span[0]
        run = []
        i = head.i - 1
        while i >= 0 and doc[i].pos_ == "PROPN" and doc[i].text[:1].isupper() and doc[i].is_alpha:
            run.insert(0, doc[i])
            i -= 1
        while run and (run[0].ent_type_ == "NORP" or kb.country_of_word(run[0].text)):
            run.pop(0)  # "the Islamist | Refah party", "the Turkish | Refah party"
        if not run:
            continue
        s, e = run[0].idx, head.idx + len(head)
        if any(c.start < e and s < c.end for c in out):
            continue  # a name the knowledge base knows, or a part of one
        sent = next((p for p in prose if p[0] <= s < p[1]), None)
        states = {c.country for c in out if sent and sent[0] <= c.start < sent[1]
                  and c.kind in ("country", "location") and c.country}
        surface = a.text[s:e]
        out.append(_Cand(s, e, f"organization:{slugify(surface)}", surface, "organization",
                         states.pop() if len(states) == 1 else None, "PTY", known=False))
    return out


def _add_ner(a: Analysis, kb: KnowledgeBase, cands: list[_Cand], prose, ents) -> list[_Cand]:
    words = actor_words()
    out = list(cands)
    claimed = bytearray(len(a.text) + 1)
    for c in out:
        claimed[c.start:c.end] = b"\x01" * (c.end - c.start)
    for ent in ents:
        label = ent.label_
        if label not in ("PERSON", "ORG", "GPE", "LOC", "NORP", "WORK_OF_ART", "FAC"):
            continue
        s, e = _trim(a.text, ent.start_char, ent.end_char)
        if s >= e or not _in_prose(prose, s, e):
            continue
        if any(claimed[s:e]) or (label in ("GPE", "NORP", "LOC") and _against_or_for(a.text, s)):
            continue
        surface = a.text[s:e]
        prev = ent.doc[ent.start - 1].lower_ if ent.start > 0 else ""
        if label != "PERSON" and prev in words["titles"] and _looks_like_name(ent):
            label = "PERSON"  # "spokesman Esmail Baghaei" tagged ORG
        n_before = len(out)
        if label == "PERSON":
            e = _extend_name(ent, e, out)
            s, e = _strip_titles(a.text, s, e, words["titles"])
            surface = a.text[s:e]
        elif label == "ORG":
            e = _extend_org(ent, e, words)
            surface = a.text[s:e]
        known = _known_entity(a, kb, label, s, e)
        if known is not None:
            out.append(known)
        elif label == "PERSON":
            if not surface[:1].isupper() or _quoted(a.text, s, e):
                continue  # a quoted name ("dubbed “Strait Thunder”") is a title, not a person
            out.append(_Cand(s, e, f"person:{slugify(surface)}", surface, "person", None, None, known=False))
        elif label == "ORG":
            c = _org_cand(kb, surface, s, e, words)
            if c:
                out.append(c)
        elif label in ("GPE", "LOC"):
            if fold(surface) in _NOT_PLACES:
                continue
            out.append(_Cand(s, e, f"location:{slugify(surface)}", surface, "location", None, None, known=False))
        for c in out[n_before:]:
            claimed[c.start:c.end] = b"\x01" * (c.end - c.start)
    return out


#: what joins a place to the state it lies in: "Goma in eastern Congo", "Goma, Congo"
_IN_STATE = re.compile(r"(?:,|\s+in)\s+(?:the\s+)?(?:(?:north|south|east|west)(?:ern)?\s+|"
                       r"(?:north|south)-?(?:east|west)(?:ern)?\s+|central\s+)?")


def _places_in_states(a: Analysis, cands: list[_Cand]) -> list[_Cand]:
    """A place the knowledge base does not know is in the state named right after it ("the
    town of Goma in eastern Congo", "Kidal, Mali")."""
    if not any(c.kind == "location" and c.country is None for c in cands):
        return cands
    states = {c.start: c for c in cands if c.kind == "country" and not c.context}
    out = []
    for c in cands:
        if c.kind == "location" and c.country is None:
            m = _IN_STATE.match(a.text, c.end)
            state = states.get(m.end()) if m else None
            if state is not None:
                c = replace(c, country=state.country)
        out.append(c)
    return out


def _known_entity(a: Analysis, kb: KnowledgeBase, label: str, s: int, e: int) -> _Cand | None:
    """An NER span the gazetteer missed only by case or punctuation ("CAIRO", "the U.N.")."""
    allowed = {"PERSON": {"person"}, "ORG": {"organization", "media", "igo", "group"},
               "GPE": {"country", "location"}, "LOC": {"location", "country"}}.get(label, set())
    for hit in kb.lookup(a.text[s:e]):
        if hit.entry.kind in allowed and not hit.ambiguous(hit.entry.name):
            return _classify(a, kb, hit, s, e)
    return None


def _quoted(text: str, s: int, e: int) -> bool:
    return text[max(0, s - 1):s] in ("“", '"', "‘") and text[e:e + 1] in ("”", '"', "’", ",")


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    """Drop a leading 'the' and a trailing possessive from an entity span."""
    m = re.match(r"(?i)the\s+", text[s:e])
    if m:
        s += m.end()
    m = re.search(r"[’']s?$", text[s:e])
    if m:
        e -= len(m.group())
    m = re.search(r"\s+(?:of|and|for|the)$", text[s:e])  # "Popular Front of" cut off before its place
    if m:
        e -= len(m.group())
    return s, e


def _extend_name(ent, e: int, cands: list[_Cand]) -> int:
    """Add capitalised name tokens the NER left off ("Carla Ventura | Pires")."""
    doc, i = ent.doc, ent.end
    while i < len(doc) and i < ent.end + 2:
        t = doc[i]
        if not (t.pos_ == "PROPN" and t.is_title and t.is_alpha and t.ent_type_ in ("", "PERSON")
                and not doc[i - 1].whitespace_ == "" and not t.is_sent_start):
            break
        if any(c.start < t.idx + len(t) and t.idx < c.end for c in cands):
            break
        e = t.idx + len(t)
        i += 1
    return e


def _extend_org(ent, e: int, words: dict) -> int:
    """Add the common noun an organisation's name modifies ("the Umma (Nation) | party")."""
    head = ent.root.head
    between = ent.doc[ent.end:head.i]
    if head.i >= ent.end and head.pos_ == "NOUN" and head.lower_ in words["org_heads"] \
            and head.lower_ not in ("group", "service", "office") and all(t.is_punct for t in between):
        return head.idx + len(head)
    return e


def _strip_titles(text: str, s: int, e: int, titles: dict) -> tuple[int, int]:
    while True:
        m = re.match(r"(\S+)\s+", text[s:e])
        if not m or m.group(1).lower() not in titles:
            return s, e
        s += m.end()


def _looks_like_name(ent) -> bool:
    toks = [t for t in ent if not t.is_punct]
    return 2 <= len(toks) <= 3 and all(t.text[:1].isupper() and t.is_alpha for t in toks)


def _org_head(surface: str) -> str:
    """The head word of an organisation name: the last word before 'of/for/on', else the last."""
    toks = surface.split()
    for i, t in enumerate(toks):
        if i and t.lower() in ("of", "for", "on", "in"):
            return toks[i - 1].lower()
    return toks[-1].lower() if toks else ""


def _place_country(kb: KnowledgeBase, surface: str) -> str | None:
    """The country of an unambiguous capital or known place among the words of a name."""
    for word in surface.split():
        for hit in kb.lookup(word, fuzzy=False)[:1]:
            if hit.use in ("capital", "name") and hit.entry.kind in ("country", "location") \
                    and not hit.ambiguous(word):
                return hit.entry.country
    return None


def _org_cand(kb: KnowledgeBase, surface: str, s: int, e: int, words: dict) -> _Cand | None:
    head = _org_head(surface)
    if head in words["not_org_heads"]["words"] or not surface[:1].isupper():
        return None
    if sum(w[:1].isupper() for w in surface.split()) < max(1, len(surface.split()) // 2):
        return None  # "foreign affairs committee": a description, not a name
    country = next((iso for w in re.findall(r"[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?", surface)
                    for iso in [kb.country_of_word(w) or kb.country_of_word(w.split()[0])] if iso), None)
    if country is None:  # "Baghdad University": a place named in the name, unless it may be another
        country = _place_country(kb, surface)
    slug = slugify(surface)
    if head in words["media_heads"]["words"] and head not in ("agency",) or surface.endswith("News Agency"):
        return _Cand(s, e, f"media:{slug}", surface, "media", country, "MED", known=False)
    if head in words["org_heads"]:
        return _Cand(s, e, f"organization:{slug}", surface, "organization", country,
                     words["org_heads"][head], known=False)
    return None


# ---------------------------------------------------------------------------------------
# 4. surnames, grouping

def _link_surnames(a: Analysis, cands: list[_Cand], prose) -> list[_Cand]:
    """A surname alone is the person named in full earlier in the article."""
    full: dict[str, _Cand] = {}
    out: list[_Cand] = []
    for c in sorted(cands, key=lambda c: c.start):
        if c.kind == "person" and not c.context:
            surface = a.text[c.start:c.end]
            if len(surface.split()) >= 2:
                full.setdefault(surface.split()[-1], c)
                if len(c.name.split()) >= 2:
                    full.setdefault(c.name.split()[-1], c)
            elif surface in full and full[surface].actor_id != c.actor_id:
                f = full[surface]  # "Carter" after "Ashton Carter" is Ashton Carter, not the KB's
                c = replace(c, actor_id=f.actor_id, name=f.name, country=f.country, sector=f.sector,
                            known=f.known)
            elif not c.known and (e := load_kb().by_surname(c.name)) is not None:
                country, sector, _title = e.on(a.published)  # a known person named by surname only
                c = replace(c, actor_id=e.id, name=e.name, country=country, sector=sector, known=True)
        out.append(c)
    # surnames the NER missed: "Soliman said"
    for surname, f in full.items():
        for m in re.finditer(rf"(?<!\w){re.escape(surname)}(?!\w)", a.text):
            s, e = m.start(), m.end()
            if s < f.start or not _in_prose(prose, s, e) or any(o.start < e and s < o.end for o in out):
                continue
            out.append(replace(f, start=s, end=e, context=False))
    # a lone unknown word tagged PERSON with no title ("Lordy", "Mischief") is rarely a person
    return [c for c in out if not (c.kind == "person" and not c.known and c.sector is None
                                   and " " not in a.text[c.start:c.end] and c.actor_id not in
                                   {f.actor_id for f in full.values()})]


_ACRONYM = re.compile(r"\s*\(([A-Z][A-Za-z&-]{1,9})\)")


def _acronyms(a: Analysis, cands: list[_Cand], prose) -> list[_Cand]:
    """An organisation's name followed by its initials in brackets ("Forces for Defence of
    Democracy (FDD)"): the initials name the same actor there and after, whatever else they
    may name elsewhere, and wherever the NER missed them."""
    same: dict[str, _Cand] = {}
    for c in cands:
        m = _ACRONYM.match(a.text, c.end)
        if m and not c.context and c.kind in ("organization", "group", "igo", "media"):
            initials = "".join(w[0] for w in re.findall(r"[\w’']+", a.text[c.start:c.end]) if w[0].isupper())
            if initials == "".join(ch for ch in m.group(1) if ch.isupper()):
                same.setdefault(m.group(1), c)
    if not same:
        return cands
    out: list[_Cand] = []
    for c in cands:
        f = same.get(a.text[c.start:c.end])
        if f is not None and c.start > f.start and c.actor_id != f.actor_id:
            c = replace(c, actor_id=f.actor_id, name=f.name, kind=f.kind, country=f.country, sector=f.sector,
                        known=f.known)
        out.append(c)
    for key, f in same.items():
        for m in re.finditer(rf"(?<![\w-]){re.escape(key)}(?![\w-])", a.text):
            s, e = m.span()
            if s > f.end and _in_prose(prose, s, e) and not any(o.start < e and s < o.end for o in out):
                out.append(replace(f, start=s, end=e, context=False))
    return out


def _group(cands: list[_Cand]) -> list[Actor]:
    actors: dict[str, Actor] = {}
    for c in cands:
        act = actors.get(c.actor_id)
        if act is None:
            act = Actor(id=c.actor_id, name=c.name, kind=c.kind, country=c.country,
                        sector=None if c.kind == "country" else c.sector)
            actors[c.actor_id] = act
        elif len(c.name) > len(act.name) and not c.known:
            act.name = c.name
        if act.country is None and c.country and c.kind in ("organization", "group"):
            act.country = c.country  # "Egypt's Muslim Brotherhood" after "the Muslim Brotherhood"
        act.mentions.append(Span(start=c.start, end=c.end))
    return list(actors.values())
