"""Who did what to whom: the parties of an event trigger, read from the dependency parse.

:class:`Parties` resolves a noun phrase (its head token) to actor ids: an actor mention that
covers the head (a wire dateline's place never acts), a group phrase resolved through its
modifiers ("a Russian delegation", "the leaders of X", "students throughout X", "a delegation
led by X", "the X-led coalition"; not "X-backed forces"; a writing issued by X, or published in
X: "a report released in X's capital"), a subject pronoun of a reported clause (the reporting
clause's subject), or an anaphoric group ("the two nations", "the three states", "both sides", "the former", "the
latter") resolved by :class:`GroupMemory` to the most salient group named before it.
:func:`subject_of` and :func:`objects_of` find a verb's subject (through control, coordination
and relative clauses) and its object-like complements.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from .analysis import Analysis, Mention
from .event_status import PLACE_NOUNS
from .knowledge import actor_words

#: verbs charging a party with acts ("accused X of A, B and C")
CHARGING_VERBS = frozenset({"accuse", "charge", "blame", "criticize", "criticise", "condemn",
                            "fault", "suspect", "indict", "convict"})
#: a wire dateline opening a sentence: "ADDIS ABABA, Feb 17 (Agency) - ", "NAIROBI — "
DATELINE = re.compile(r"[A-Z][A-Z.'/ -]{1,40}(?:,[^\n]{0,60}?)?\s[-\u2013\u2014]\s")
SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"}
#: prepositions whose object is the other party of a verb ("meet with X", "send to X")
VERB_PARTY_PREPS = {"with", "to", "against", "on", "into", "toward", "towards", "upon"}
#: common nouns that, with "two"/"both"/"the ...s", refer back to a pair of parties
PAIR_NOUNS = {"nation", "country", "state", "side", "party", "leader", "government", "president",
              "neighbor", "neighbour", "power", "capital", "ally", "partner", "rival", "foe"}
PERSON_PAIR_NOUNS = {"leader", "president"}
GROUP_SIZES = {"two": 2, "both": 2, "three": 3, "four": 4, "five": 5}
PRONOUNS_PERSON = {"he", "she", "him", "her"}
RELATIVE_PRONOUNS = {"who", "which", "that", "whom"}
PARTITIVES = {"any", "some", "none", "each", "either", "neither", "all", "several", "many", "most"}
LEFT_MOD_DEPS = {"amod", "compound", "nmod", "poss"}
#: prepositions that say whose or where a group is ("officials of/from X", "students in X"),
#: or whose a thing is ("calls by X for aid")
GROUP_PREPS = {"of", "from", "in", "throughout", "across", "by"}
#: participles naming whose a thing is ("Greek-owned", "Liberian-flagged", "state-run")
OWNED_BY = frozenset({"own", "flag", "flagged", "register", "registered", "operate", "run"})
#: nouns for what is said about a party ("reports that it had ...", "denied claims that it ..."):
#: a pronoun in their clause is the one the verb's subject answers for
HEARSAY_NOUNS = frozenset({"report", "claim", "allegation", "accusation", "charge", "rumour", "rumor",
                           "suggestion", "assertion", "speculation", "suspicion"})
#: offices a person is named by ("his Sudanese counterpart", "the Kenyan president")
OFFICE_NOUNS = frozenset({"counterpart", "president", "minister", "premier", "leader", "king",
                          "envoy", "ambassador", "chancellor", "monarch", "emir", "secretary"})
#: roles of people present at an act without being party to it
ONLOOKER_NOUNS = {"witness", "observer", "guest", "onlooker", "spectator", "guarantor"}
#: nouns a nationality word names a tongue on, not a party ("the Russian language")
LANGUAGE_NOUNS = frozenset({"language", "tongue", "dialect", "speaker", "translation", "alphabet",
                            "script", "literature"})
#: writings that speak for whoever issued them ("a report released in X")
DOCUMENT_NOUNS = frozenset({"report", "statement", "communique", "communiqué", "letter", "document",
                            "declaration", "dossier", "study"})
QUANTITY_NOUNS = {"ten", "hundred", "thousand", "million", "dozen", "score", "number", "group",
                  "member", "crowd", "band", "team", "delegation", "unit", "contingent", "some"}


@functools.cache
def state_organ_words() -> frozenset[str]:
    """Head nouns of a state's government and legislature and of their office holders
    ("ministry", "government", "parliament", "minister", "envoy"), from the sector words of
    ``data/actor_words.toml``."""
    words = actor_words()
    return frozenset(w.split()[-1] for table in ("titles", "org_heads") for w, sector in words[table].items()
                     if sector in ("GOV", "LEG"))


@dataclass(frozen=True)
class Party:
    actor_id: str
    country: str | None
    kind: str
    position: int  # char offset of the words naming it


@dataclass
class GroupMemory:
    """Groups of parties named together, in text order, for "the two nations", "the three
    states", "both sides" and "the former/latter"."""

    records: list[tuple[int, tuple[Party, ...]]] = field(default_factory=list)
    first_order: dict[frozenset[str], tuple[str, ...]] = field(default_factory=dict)

    def add(self, position: int, *parties: Party) -> None:
        members = unique(list(parties))
        if len(members) < 2:
            return
        key = frozenset(p.actor_id for p in members)
        order = self.first_order.setdefault(key, tuple(p.actor_id for p in members))
        rank = {a: n for n, a in enumerate(order)}
        self.records.append((position, tuple(sorted(members, key=lambda p: rank[p.actor_id]))))
        self.records.sort(key=lambda r: r[0])

    def last_before(self, position: int, persons: bool = False,
                    size: int | None = 2) -> tuple[Party, ...] | None:
        """The most salient group before ``position`` (of ``size`` members, any if None): the
        group named most often so far (the article's topic), the most recent on a tie; groups
        of persons first if asked."""
        counts: dict[frozenset[str], int] = {}
        latest: dict[frozenset[str], tuple[int, tuple[Party, ...]]] = {}
        for n, (pos, group) in enumerate(self.records):
            if pos >= position:
                break
            if size is not None and len(group) != size:
                continue
            key = frozenset(p.actor_id for p in group)
            counts[key] = counts.get(key, 0) + 1
            latest[key] = (n, group)
        if not latest:
            return None

        def rank(key: frozenset[str]) -> tuple[int, int, int]:
            is_persons = all(p.kind == "person" for p in latest[key][1])
            return (int(is_persons) if persons else 0, counts[key], latest[key][0])

        return latest[max(latest, key=rank)][1]


class Parties:
    """Resolve tokens of one analysed article to parties (actor ids)."""

    def __init__(self, a: Analysis, resolver=None, agent_nouns: frozenset[str] = frozenset()) -> None:
        self.a = a
        self.agent_nouns = agent_nouns
        self.doc: Doc = a.doc
        self.pairs = GroupMemory()
        self._resolver = resolver
        self._by_token: dict[int, Mention] = {}
        self._anaphors_seen: set[int] = set()
        self._starts: dict[int, Token] | None = None
        datelines = [(s.start, d.end()) for s in a.sentences
                     if (d := DATELINE.match(a.text, s.start, s.end)) is not None]
        self._datelines = datelines
        for m in a.mentions:
            if any(d0 <= m.start < d1 for d0, d1 in datelines):
                continue  # the dateline's place names where the story was filed, not who acted
            span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None or (not LANGUAGE_NOUNS.isdisjoint(a.words.lemma[span.end:span.end + 2])
                                and span.root.dep_ in ("amod", "compound")
                                and span.root.head.lemma_.lower() in LANGUAGE_NOUNS):
                continue  # "the Russian language", "Arabic speakers": a tongue, not a party
            for t in span:
                self._by_token.setdefault(t.i, m)
        #: mentions named by more than one token (by ``id``): only their phrases can hold a
        #: conjunct inside the name ("Barack Obama and X")
        self._multiword: set[int] = set()
        seen: set[int] = set()
        for m in self._by_token.values():
            (self._multiword if id(m) in seen else seen).add(id(m))
        self._record_coordinated_pairs()

    # -- mentions -------------------------------------------------------------------------
    def mention_at(self, tok: Token) -> Mention | None:
        return self._by_token.get(tok.i)

    def is_state(self, p: Party) -> bool:
        """The party is a state named as such ("Japan lodged a protest"), not a group or a
        place of it ("Japanese students", "protesters in Tokyo")."""
        if self._starts is None:
            self._starts = {t.idx: t for t in self.doc}
        tok = self._starts.get(p.position)
        m = self.mention_at(tok) if tok is not None else None
        if m is None or m.kind != "country":
            return False
        noun = self.group_noun(p)
        if noun is not None:  # "the Chinese embassy", "the Kenyan government" (not "Kenyan students")
            return noun.lemma_.lower() in state_organ_words()
        if tok.pos_ != "PROPN" or tok.ent_type_ == "NORP":  # "Palestinians" are people
            return False
        m_end = tok
        for word in self.doc[tok.i + 1:]:  # the name's last word ("The Netherlands", "United States")
            if self.mention_at(word) is not m:
                break
            m_end = word
        if m_end.tag_ == "NNPS" and m_end.ent_type_ != "GPE":
            return False  # a people named in the plural
        if m_end.dep_ == "poss" or (m_end.dep_ == "pobj" and m_end.head.lower_ == "of"):
            # a state through its organs: "Japan's foreign ministry", "the government of Japan"
            # (not "Japan's students", "protesters in Tokyo")
            organ = m_end.head if m_end.dep_ == "poss" else m_end.head.head
            return organ.lemma_.lower() in state_organ_words()
        return m_end.dep_ != "pobj"

    def sector_of(self, p: Party) -> str | None:
        """The sector of the mention a party was read from ("Kenyan rebels": REB)."""
        if self._starts is None:
            self._starts = {t.idx: t for t in self.doc}
        tok = self._starts.get(p.position)
        m = self.mention_at(tok) if tok is not None else None
        return m.sector if m is not None and m.actor_id == p.actor_id else None

    def group_noun(self, p: Party) -> Token | None:
        """The common noun a party was read from as a modifier ("Georgian" in "Georgian
        demonstrators"), if it was."""
        if self._starts is None:
            self._starts = {t.idx: t for t in self.doc}
        tok = self._starts.get(p.position)
        if tok is None or tok.dep_ not in ("amod", "compound", "nmod") or tok.head.pos_ != "NOUN":
            return None
        return tok.head

    @staticmethod
    def _party(m: Mention, position: int) -> Party:
        return Party(m.actor_id, m.country if m.kind != "country" else (m.country or m.actor_id),
                     m.kind, position)

    def _record_coordinated_pairs(self) -> None:
        for i in sorted(self._by_token):  # the tokens of mentions, in text order
            tok = self.doc[i]
            m = self._by_token[i]
            if tok.dep_ == "conj" or m.kind == "location":
                continue
            group = [self._party(m, tok.idx)]
            for c in tok.conjuncts:
                mc = self.mention_at(c)
                if mc is not None and c.i > tok.i and mc.kind != "location":
                    group.append(self._party(mc, c.idx))
            self.pairs.add(tok.idx, *group)

    # -- noun phrases -----------------------------------------------------------------------
    def of_phrase(self, head: Token, *, shallow: bool = False) -> list[Party]:
        """Parties named by the phrase headed by ``head``, its conjuncts included."""
        out: list[Party] = []
        group = [head] if head.lower_ in ("former", "latter") else \
            [head, *[c for c in head.conjuncts if c.i > head.i]]
        head_m = self.mention_at(head)
        if head_m is not None and id(head_m) in self._multiword:
            # "Barack Obama and X" read as "Barack (Obama and X)"
            group.extend(c for t in head.subtree if t.i != head.i and self.mention_at(t) is head_m
                         for c in t.conjuncts if c.i > t.i and c not in group)
        if head_m is not None and head_m.kind == "country":
            # "the US, Russia, and Switzerland": a list the parser read as an apposition
            for c in head.children:
                m = self.mention_at(c)
                if c.dep_ == "appos" and m is not None and m.kind == "country":
                    group.extend([c, *[x for x in c.conjuncts if x.i > c.i]])
        for tok in group:
            out.extend(self._one(tok, shallow=shallow))
        return _unique(out)

    def of_phrases(self, heads: Iterable[Token]) -> list[Party]:
        """Parties named by the phrases headed by ``heads``, each once."""
        return _unique([p for h in heads for p in self.of_phrase(h)])

    def _one(self, tok: Token, *, shallow: bool) -> list[Party]:
        m = self.mention_at(tok)
        if m is not None and m.kind == "group" and not m.country and tok.pos_ == "NOUN" and not shallow:
            # "rebels in eastern Congo": a kind of group, of the state it is in or from
            where = [_as_country(p) for c in tok.rights if c.dep_ == "prep" and c.lower_ in ("in", "from")
                     for p in self.of_phrases(x for x in c.children if x.dep_ == "pobj")
                     if p.kind in ("location", "country") and p.country]
            if where:
                return where[:1]
        if m is not None:
            if tok.pos_ == "NOUN" and m.kind == "country" and tok.n_rights:
                # "the leaders of X and Y": the actors stage reads the group as X's; Y's too
                return [self._party(m, tok.idx)] + [
                    _as_country(self._party(mc, c.idx)) for pobj in prep_objects(tok, ("of", "from"))
                    for c in pobj.conjuncts if (mc := self.mention_at(c)) is not None
                    and mc.kind in ("country", "location") and (mc.country or mc.kind == "country")]
            return [self._party(m, tok.idx)]
        low = tok.lower_
        if low in ("former", "latter"):
            pair = self.pairs.last_before(tok.idx)
            return [pair[0 if low == "former" else 1]] if pair else []
        pair = self._pair_anaphor(tok)
        if pair is not None:
            return pair
        if tok.pos_ == "PRON" and tok.dep_ in SUBJECT_DEPS and low in ("it", "they", "he", "she"):
            matrix = self._matrix_subject(tok)
            if matrix:
                return matrix
            if low == "they" and tok.i == tok.sent.start:
                return self._previous_group(tok)
        if tok.pos_ == "PRON" and tok.dep_ == "pobj" and low in ("it", "them"):
            # "X said rockets were fired at it": the reporter, over the clause the phrase is in
            verb = tok.head.head
            matrix = self._matrix_subject(tok, verb) if verb.pos_ in ("VERB", "AUX") else []
            if matrix:
                return matrix
        if tok.dep_ == "poss" and low in ("its", "their"):
            # "X denied that its troops (any of its ships) had ...": the owner of the subject
            # is the reporting subject
            np = tok.head
            while np.dep_ in ("pobj", "prep") and np.head.i != np.i:
                np = np.head
            matrix = self._matrix_subject(tok, np.head) if np.dep_ in SUBJECT_DEPS else []
            if matrix:
                return matrix
            reported = self._reporter_as_owner(tok, np)
            if reported:
                return reported
        if low in PRONOUNS_PERSON:
            return self._last_person(tok)
        if low in PARTITIVES:  # "any of its ships", "each of the two sides"
            return [p for pobj in prep_objects(tok, ("of",)) for p in self.of_phrase(pobj)]
        if tok.pos_ == "PRON" or tok.lower_ in RELATIVE_PRONOUNS:
            return []
        found: list[Party] = []
        for child in tok.lefts:
            if child.dep_ == "poss" and tok.dep_ in SUBJECT_DEPS \
                    and tok.lemma_.lower() not in self.agent_nouns:
                continue  # "Trump's win is helping him": a win does not act for Trump
            if child.dep_ == "amod" and child.lemma_.lower() in OWNED_BY:
                # "a Greek-owned tanker", "a Liberian-flagged ship": the owner's or flag's state
                found.extend(p for g in child.children if g.dep_ in ("npadvmod", "compound", "nmod")
                             for p in self.modifier(g))
            elif child.dep_ == "amod" and child.lemma_.lower() == "lead":
                # "the Saudi-led coalition": its leader acts for it ("US-backed forces" are not
                # the backer's)
                found.extend(p for g in child.children if g.dep_ in ("npadvmod", "compound", "nmod")
                             for p in self.modifier(g))
            elif child.dep_ in LEFT_MOD_DEPS:
                found.extend(self._modifier_group(child))
        if found or shallow:
            return found
        rights = list(tok.rights)  # (read once: a Token is built at each read)
        named = [self._party(mc, c.idx) for c in rights if c.dep_ == "appos"
                 and (mc := self.mention_at(c)) is not None and mc.kind in ("person", "organization", "igo")]
        if named:  # "the interior minister, X," / "Minister X": the person named
            return named[:1]
        for child in rights:
            if child.dep_ == "prep" and child.lower_ in GROUP_PREPS:
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        # "tens of thousands of students throughout X": go down quantity nouns,
                        # and place nouns ("demonstrators in a small town in X's province")
                        deeper = (tok.lemma_.lower() in QUANTITY_NOUNS and child.lower_ == "of") \
                            or pobj.lemma_.lower() in PLACE_NOUNS
                        named = self.of_phrase(pobj, shallow=not deeper)
                        if child.lower_ in ("of", "from"):
                            # people of/from a place belong to its country ("the mayor of X")
                            named = [_as_country(p) for p in named if p.kind != "location" or p.country]
                        found.extend(named)
            elif child.dep_ == "acl" and child.lemma_ == "lead":
                for agent in child.children:
                    if agent.dep_ == "agent":
                        for pobj in agent.children:
                            found.extend(self.of_phrase(pobj))
            elif child.dep_ == "acl" and tok.lemma_.lower() in DOCUMENT_NOUNS and not found:
                # "a report released by X" is X's; "a report released in X's capital" speaks
                # for the state where it was published
                by = [p for a in child.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"]
                found.extend(self.of_phrases(by) or [
                    _as_country(p) for p in self.of_phrases(prep_objects(child, ("in",)))
                    if p.kind in ("location", "country") and p.country])
        return found

    def _reporter_as_owner(self, pron: Token, np: Token) -> list[Party]:
        """ "X said Y had fired on its posts": a possessive in what a reported clause acts on,
        when the clause's subject is someone else, is the reporter's own."""
        if any(c.lower_ == "own" for c in pron.head.children):
            return []  # "attacked its own army": the doer's
        verb = np if np.pos_ in ("VERB", "AUX") else (np.head if np.dep_ in ("dobj", "dative") else None)
        if verb is None or verb.dep_ != "ccomp" or verb.head.i == verb.i:
            return []
        doer = subject_of(verb)
        reporter = subject_of(verb.head)
        if not doer or not reporter or doer[0].pos_ == "PRON" or reporter[0].pos_ == "PRON":
            return []
        found = self.of_phrase(reporter[0])
        doers = {p.country or p.actor_id for p in self.of_phrase(doer[0])}
        if not found or not doers or doers & {p.country or p.actor_id for p in found}:
            return []
        persons = all(p.kind == "person" for p in found)
        return [] if persons and pron.lower_ == "its" else found

    def _matrix_subject(self, pron: Token, clause: Token | None = None) -> list[Party]:
        """A subject pronoun of a reported or subordinate clause (``clause``, else the
        pronoun's head) takes the subject of the clause above it: "Ethiopia denied that it
        had ...", "Iran said they would ...", "X denied that its forces had ..."."""
        clause = pron.head if clause is None else clause
        for _ in range(3):
            if clause.dep_ == "acl" and clause.head.lemma_.lower() in HEARSAY_NOUNS \
                    and clause.head.dep_ in ("dobj", "pobj"):
                # "X denied reports that it had ...": the clause of a noun the verb takes
                noun = clause.head
                clause = noun.head.head if noun.dep_ == "pobj" else noun.head
            elif clause.dep_ not in ("ccomp", "advcl", "xcomp", "conj") or clause.head.i == clause.i:
                return []
            else:
                clause = clause.head
            subj = subject_of(clause)
            if not subj or subj[0].pos_ == "PRON" or subj[0].i == pron.i:
                continue
            found = self.of_phrase(subj[0])
            persons = bool(found) and all(p.kind == "person" for p in found)
            low = {"its": "it", "their": "they"}.get(pron.lower_, pron.lower_)
            if (low in ("he", "she") and persons and len(found) == 1) or \
                    (low == "it" and found and not persons) or (low == "they" and found):
                return found
            return []
        return []

    def _previous_group(self, tok: Token) -> list[Party]:
        """"They" opening a sentence: the last group of parties named in the sentence before
        ("Chilean and Argentine officials met on Wednesday. They agreed to ...")."""
        before = [s for s in self.a.sentences if s.end <= tok.idx]
        if not before:
            return []
        start = before[-1].start
        groups = [g for pos, g in self.pairs.records if start <= pos < tok.idx]
        return list(groups[-1]) if groups else []

    def _modifier_group(self, child: Token) -> list[Party]:
        """The parties a left modifier names, its conjuncts included ("Norwegian and Icelandic
        ministers"), or through a noun modifier naming none ("Norwegian and Icelandic
        fisheries ministers")."""
        mods = [child] if child.dep_ == "poss" else [child, *child.conjuncts]
        found = [p for x in mods for p in self.modifier(x)]
        if not found and child.dep_ == "compound":
            found = [p for g in child.lefts if g.dep_ in ("amod", "compound", "nmod")
                     for x in (g, *g.conjuncts) for p in self.modifier(x)]
        return found

    def in_dateline(self, tok: Token) -> bool:
        return any(d0 <= tok.idx < d1 for d0, d1 in self._datelines)

    def modifier(self, tok: Token) -> list[Party]:
        if _stance_prefixed(tok):
            return []  # "an anti-Syria journalist", "pro-Russia rebels": a stance, not a member
        found = self._modifier_parties(tok)
        if found and tok.head.lemma_.lower() in LANGUAGE_NOUNS:
            return []  # "the Russian language": a tongue
        return found

    def _modifier_parties(self, tok: Token) -> list[Party]:
        m = self.mention_at(tok)
        if m is not None:
            return [self._party(m, tok.idx)]
        if tok.dep_ == "poss":
            return self._one(tok, shallow=True)
        if tok.ent_type_ in ("NORP", "GPE") and self._resolver is not None and not self.in_dateline(tok):
            # ("PANAMA CITY - Negotiators from X met": the dateline read as a modifier)
            try:
                actor = self._resolver(tok.text, self.a.published)
            except Exception:  # the resolver is another stage's: never let it stop events
                actor = None
            if actor is not None and getattr(actor, "id", None):
                return [Party(actor.id, getattr(actor, "country", None) or actor.id,
                              getattr(actor, "kind", "country"), tok.idx)]
        return []

    def _pair_anaphor(self, tok: Token) -> list[Party] | None:
        if tok.lemma_ not in PAIR_NOUNS or tok.tag_ not in ("NNS", "NNPS"):
            return None
        lefts = list(tok.lefts)
        words = {c.lower_ for c in lefts}
        bare_the = "the" in words and not any(c.dep_ in ("amod", "compound") for c in lefts) \
            and not any(c.dep_ == "prep" for c in tok.rights)
        number = next((GROUP_SIZES[w] for w in words if w in GROUP_SIZES), None)
        if number is None and not bare_the:
            return None
        pair = self.pairs.last_before(tok.idx, persons=tok.lemma_ in PERSON_PAIR_NOUNS, size=number)
        if pair is None:
            return []
        if tok.i not in self._anaphors_seen:  # an anaphor re-names its group: more salient
            self._anaphors_seen.add(tok.i)
            self.pairs.add(tok.idx, *pair)
        if tok.lemma_ in ("nation", "country", "state", "government", "capital"):
            return [Party(p.country or p.actor_id, p.country, "country", tok.idx) for p in pair]
        return list(pair)

    def _last_person(self, tok: Token) -> list[Party]:
        """The person a "he"/"him" stands for: the last one named before it, not the subject
        of its own clause when it is an object ("He urged him to ...": another person), which
        may be a person named by an office and a state ("his Sudanese counterpart")."""
        exclude: set[str] = set()
        if tok.dep_ in ("dobj", "dative", "pobj") and tok.lower_ in ("him", "her"):
            verb = tok.head.head if tok.dep_ == "pobj" else tok.head
            exclude = {p.actor_id for s in subject_of(verb) if s.i != tok.i for p in self.of_phrase(s)}
        best: Party | None = None
        best_at = -1
        persons = [m for m in self.a.mentions if m.kind == "person" and m.end <= tok.idx
                   and tok.idx - m.end < 600 and m.actor_id not in exclude]
        if tok.dep_ in SUBJECT_DEPS and tok.i == tok.sent.start:
            # "Biden called Netanyahu. He urged ...": a sentence's first word, a subject
            # pronoun, carries on the last sentence's subject
            persons = [m for m in persons if self.a.is_subject(m)] or persons
        for m in persons:
            if m.start > best_at:
                best, best_at = self._party(m, tok.idx), m.start
        if exclude:  # "his Sudanese counterpart", "the Kenyan president": an office of a state
            for t in tok.doc[max(0, tok.i - 80):tok.i]:
                if t.lemma_.lower() in OFFICE_NOUNS and t.idx > best_at and t.pos_ == "NOUN":
                    named = [p for c in t.lefts if c.dep_ in ("amod", "compound", "poss")
                             for p in self.modifier(c) if p.kind == "country" and p.actor_id not in exclude]
                    if named:
                        best, best_at = named[0], t.idx
        return [best] if best else []


# -- verbs ---------------------------------------------------------------------------------
def is_passive(verb: Token) -> bool:
    deps = [c.dep_ for c in verb.children]
    if "nsubjpass" in deps or "auxpass" in deps or "csubjpass" in deps:
        return True
    tag = verb.tag_
    if tag != "VBN":
        return False
    dep = verb.dep_
    if dep == "acl":  # "the property seized by X"; not a content clause with its own
        return "nsubj" not in deps  # subject ("the accusation that X had shelled ...")
    # "have been sanctioned and censured": the second conjunct shares the first one's voice
    return (dep == "conj" and verb.head.tag_ == "VBN"
            and SUBJECT_DEPS.isdisjoint(deps) and is_passive(verb.head))


def subject_of(verb: Token, depth: int = 0) -> list[Token]:
    """The token(s) naming the verb's subject, through control, coordination and relatives."""
    kids = [(c, c.dep_) for c in verb.children]  # (read once: a Token is built at each read)
    subj = [c for c, dep in kids if dep in SUBJECT_DEPS]
    if not subj:  # parser quirk: the subject hangs from an auxiliary ("X have in the past done")
        subj = [g for c, dep in kids if dep in ("aux", "auxpass")
                for g in c.children if g.dep_ in SUBJECT_DEPS]
    if subj:
        # two subjects are a misparse (a dateline "CAIRO, May 2 - X said"): take the nearest
        before = [c for c in subj if c.i < verb.i]
        s = before[-1] if before else subj[0]
        if len(before) >= 2 and s.pos_ == "NOUN" and s.left_edge.i > 0 \
                and s.doc[s.left_edge.i - 1].text == ",":
            s = before[-2]  # "X, a body linked to Y, investigated": a description set off of X
        if s.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
            return [verb.head]
        return [s]
    if depth > 4:
        return []
    head = verb.head
    if verb.dep_ == "advcl" and verb.tag_ == "VBG" and head.lemma_.lower() in CHARGING_VERBS:
        # "accused X of breaking treaties, ignoring the law and ...": the parse hangs the later
        # acts of the list on the verb; they are X's, as the first is
        obj = [c for c in head.children if c.dep_ == "dobj"]
        if obj and any(c.dep_ == "prep" and c.lower_ in ("of", "for") and c.i < verb.i for c in head.children):
            return obj[:1]
    if verb.dep_ == "xcomp" or (verb.dep_ == "advcl" and verb.tag_ in ("VBG", "VB")):
        obj = [c for c in head.children if c.dep_ in ("dobj", "dative")]
        if obj and verb.dep_ == "xcomp":
            return obj[:1]
        if verb.dep_ == "xcomp" and head.lemma_.lower() == "call":  # "called on X to withdraw"
            on = prep_objects(head, ("on", "upon"))
            if on:
                return on[:1]
        return subject_of(head, depth + 1)
    if verb.dep_ in ("conj", "acomp"):  # "X is willing to withdraw": the copula's subject
        return subject_of(head, depth + 1)
    if verb.dep_ == "pcomp" and head.dep_ == "prep":
        gov = head.head
        obj = [c for c in gov.children if c.dep_ in ("dobj", "dative")]
        if obj:
            return obj[:1]
        return subject_of(gov, depth + 1) if gov.pos_ in ("VERB", "AUX") else []
    if verb.dep_ == "relcl":
        return [head]
    if verb.dep_ == "acl" and verb.tag_ == "VBG":
        return [head]
    return []


def agent_of(verb: Token) -> list[Token]:
    for group in (verb, *verb.conjuncts):
        for c in group.children:
            if c.dep_ == "agent":
                return [p for p in c.children if p.dep_ == "pobj"]
    return []


def objects_of(verb: Token, preps: Iterable[str] = VERB_PARTY_PREPS) -> list[Token]:
    """Direct/indirect objects, then objects of party prepositions, in that order."""
    kids = [(c, c.dep_) for c in verb.children]  # (read once: a Token is built at each read)
    out = [c for c, dep in kids if dep in ("dobj", "dative", "iobj", "attr") and c.pos_ != "ADP"]
    allowed = set(preps)
    as_objects = [p for c, dep in kids if dep == "prep" and c.lower_ == "as"
                  for p in c.children if p.dep_ == "pobj"]
    if any(p.lemma_.lower() in ONLOOKER_NOUNS for p in as_objects):
        allowed.discard("with")  # "signed it, with X and Y as witnesses": onlookers, no party
    for c, dep in kids:
        if dep in ("prep", "prt") and c.lower_ in allowed or (dep == "dative" and c.pos_ == "ADP"):
            out.extend(p for p in c.children if p.dep_ == "pobj" and not any(
                o.lemma_.lower() in ONLOOKER_NOUNS for o in prep_objects(p, ("as",))))
    if not out and verb.dep_ == "conj":  # shared object: "sanctioned and censured X"
        out = [c for c in verb.head.children if c.dep_ in ("dobj", "dative")]
    if as_objects and not any(dep == "dobj" for _, dep in kids):
        # a heavy object after its predicate, read as an apposition: "condemned as a crime X's
        # crackdown"
        out.extend(a for pobj in as_objects for a in pobj.children if a.dep_ == "appos")
    return out


def prep_objects(tok: Token, words: Iterable[str]) -> list[Token]:
    if not (tok.n_rights or tok.n_lefts):
        return []  # (a leaf: most phrase heads looked into have no dependents)
    allowed = words if isinstance(words, (set, frozenset)) else set(words)
    # (the parser marks "to X" after an object as a dative: "issued a warning to X")
    return [p for c in tok.children if c.dep_ in ("prep", "dative") and c.lower_ in allowed
            for p in c.children if p.dep_ == "pobj"]


STANCE_PREFIXES = {"anti", "pro", "non"}


def _stance_prefixed(tok: Token) -> bool:
    """The modifier is the X of "anti-X" / "pro-X" (the tokenizer splits at the hyphen)."""
    first = tok.left_edge if tok.left_edge.i < tok.i else tok
    i = first.i
    return i >= 2 and tok.doc[i - 1].text == "-" and tok.doc[i - 2].lower_ in STANCE_PREFIXES


def _as_country(p: Party) -> Party:
    return Party(p.country, p.country, "country", p.position) if p.kind == "location" and p.country else p


def _unique(parties: list[Party]) -> list[Party]:
    seen: set[str] = set()
    out = []
    for p in parties:
        if p.actor_id not in seen:
            seen.add(p.actor_id)
            out.append(p)
    return out


def unique(parties: list[Party]) -> list[Party]:
    return _unique(parties)
