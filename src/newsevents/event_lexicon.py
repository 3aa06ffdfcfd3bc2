"""The PLOVER trigger lexicon (``data/event_triggers.toml``) as typed, immutable entries.

A :class:`TriggerEntry` says which verb lemmas or event nouns state an event of which PLOVER
type, and on what condition (an object lemma, a particle, a place).  :class:`StatusCues` holds
the words that make an event expected, hypothetical, negated, alleged or denied.
:func:`lexicon` loads and caches both.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal

from .resources import load_toml

LEXICON_FILE = "event_triggers.toml"

Pos = Literal["verb", "noun"]


@dataclass(frozen=True)
class TriggerEntry:
    pos: Pos
    lemmas: frozenset[str]
    type: str
    cameo: str | None
    mode: str | None
    symmetric: bool
    #: verbs: object lemmas the event needs ("*" = any noun object); nouns: modifier lemmas it
    #: needs ("joint exercises", "hunger strike")
    objects: frozenset[str] = frozenset()
    not_objects: frozenset[str] = frozenset()  # an object that changes the sense ("strike a tone")
    #: verbs: subject lemmas the event needs ("peacekeepers arrived", "workers struck"), read
    #: with the subject's compounds, modifiers and "of" nouns
    subjects: frozenset[str] = frozenset()
    particles: frozenset[str] = frozenset()
    requires: str | None = None  # object|party|partner|place|obligation|intransitive|complement|clause|...
    of_role: str = "recipient"  # nouns: role of an "of X" complement
    possessive: str = "actor"  # nouns: role of a possessor ("Russia's support"), or "none"
    roles: str = "direct"  # verbs: "inverse" when the subject receives ("X received aid from Y")
    between: str = "actor"  # role of "between X and Y" parties: "recipient" for a go-between
    place_recipient: bool = False  # verbs: an in/at/to place's state is the recipient


@dataclass(frozen=True)
class StatusCues:
    expected_heads: frozenset[str]
    expected_modals: frozenset[str]
    expected_modifiers: frozenset[str]
    hypothetical_modals: frozenset[str]
    hypothetical_heads: frozenset[str]
    hypothetical_modifiers: frozenset[str]
    hypothetical_marks: frozenset[str]
    negation_words: frozenset[str]
    negation_heads: frozenset[str]
    alleged_modifiers: frozenset[str]
    alleged_heads: frozenset[str]
    obligation_modals: frozenset[str]
    denial_verbs: frozenset[str]
    #: verbs by which a party states what it will do: a promise (AGREE) or a threat (THREATEN)
    commitment_verbs: frozenset[str] = frozenset()
    #: verbs and adjectives stating a party's own intent ("wants to", "is ready to")
    intent_heads: frozenset[str] = frozenset()
    #: verbs of pledging ("vowed to"): a pledge of harm is a threat
    pledge_verbs: frozenset[str] = frozenset()
    #: what a warned party would face ("would face consequences"): a threat
    harm_nouns: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Lexicon:
    verbs: tuple[TriggerEntry, ...]
    nouns: tuple[TriggerEntry, ...]
    light_verbs: frozenset[str]
    agentless_types: frozenset[str]
    #: types of harm: a pledge to do one is a threat
    harmful_types: frozenset[str]
    agent_nouns: frozenset[str]
    #: nouns an event noun names the kind of ("a mediation effort", "a rescue operation")
    frame_nouns: frozenset[str]
    crowd_nouns: frozenset[str]
    security_nouns: frozenset[str]
    stance_participles: frozenset[str]
    status: StatusCues
    version: str
    #: natural forces and conditions: harm they do is no one's act ("an earthquake killed")
    hazard_nouns: frozenset[str] = frozenset()
    #: lemma -> its entries in file order (built from ``verbs`` and ``nouns``)
    verb_index: dict[str, tuple[TriggerEntry, ...]] = field(default_factory=dict, compare=False)
    noun_index: dict[str, tuple[TriggerEntry, ...]] = field(default_factory=dict, compare=False)
    #: (form, lemma) -> whether a word so spelt may have an entry (filled as texts are read)
    known_forms: dict[tuple[str, str], bool] = field(default_factory=dict, compare=False)

    def __post_init__(self) -> None:
        for entries, index in ((self.verbs, self.verb_index), (self.nouns, self.noun_index)):
            if not index:
                index.update(_index(entries))

    def verb_entries(self, lemma: str) -> tuple[TriggerEntry, ...]:
        return self.verb_index.get(lemma, ())

    def noun_entries(self, lemma: str) -> tuple[TriggerEntry, ...]:
        return self.noun_index.get(lemma, ())

    def noun_entry(self, lemma: str) -> TriggerEntry | None:
        """The general entry of an event noun (the first that needs no modifier)."""
        return next((e for e in self.noun_entries(lemma) if not e.objects), None)

    def is_trigger_lemma(self, lemma: str) -> bool:
        return lemma in self.verb_index or lemma in self.noun_index


def _index(entries: tuple[TriggerEntry, ...]) -> dict[str, tuple[TriggerEntry, ...]]:
    out: dict[str, list[TriggerEntry]] = {}
    for e in entries:
        for lemma in e.lemmas:
            out.setdefault(lemma, []).append(e)
    return {k: tuple(v) for k, v in out.items()}


def _entry(pos: Pos, raw: dict, symmetric_types: frozenset[str]) -> TriggerEntry:
    return TriggerEntry(
        pos=pos,
        lemmas=frozenset(raw["lemmas"]),
        type=raw["type"],
        cameo=raw.get("cameo"),
        mode=raw.get("mode") or None,
        symmetric=raw.get("symmetric", raw["type"] in symmetric_types),
        objects=frozenset(raw.get("objects", ())),
        not_objects=frozenset(raw.get("not_objects", ())),
        subjects=frozenset(raw.get("subjects", ())),
        particles=frozenset(raw.get("particle", ())),
        requires=raw.get("requires"),
        of_role=raw.get("of", "recipient"),
        possessive=raw.get("possessive", "actor"),
        roles=raw.get("roles", "direct"),
        between=raw.get("between", "actor"),
        place_recipient=raw.get("place_recipient", False),
    )


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    raw = load_toml(LEXICON_FILE)
    symmetric = frozenset(raw["types"]["symmetric"])
    status = StatusCues(**{k: frozenset(v) for k, v in raw["status"].items()})
    return Lexicon(
        verbs=tuple(_entry("verb", e, symmetric) for e in raw["verb"]),
        nouns=tuple(_entry("noun", e, symmetric) for e in raw["noun"]),
        light_verbs=frozenset(raw["light_verbs"]["lemmas"]),
        agentless_types=frozenset(raw["types"].get("agentless", ())),
        harmful_types=frozenset(raw["types"].get("harmful", ())),
        agent_nouns=frozenset(raw["roles"]["agent_nouns"]),
        frame_nouns=frozenset(raw["roles"].get("frame_nouns", ())),
        crowd_nouns=frozenset(raw["roles"].get("crowd_nouns", ())),
        security_nouns=frozenset(raw["roles"].get("security_nouns", ())),
        stance_participles=frozenset(raw["roles"].get("stance_participles", ())),
        hazard_nouns=frozenset(raw["roles"].get("hazard_nouns", ())),
        status=status,
        version=str(raw["meta"]["version"]),
    )
