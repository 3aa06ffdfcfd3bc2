"""Who is speaking: the speaker phrase of a reporting cue and the actor it names.

Given the token that fills the speaker slot of a cue (the subject of "said", the object of
"according to", the head noun of "reports claiming ..."), this module

* follows a relative pronoun to its antecedent ("the ministry, *which* claimed that ..."
  speaks for "the ministry"; "X, *who* told reporters ..." for X);
* resolves a personal pronoun ("he said", "she told") to the most recent preceding actor
  mention of a fitting kind in the last few sentences, skipping mentions inside quotation
  marks (the person a speaker talks about is not the speaker);
* widens the head token to its noun phrase (compounds, titles, modifiers: "Russian Foreign
  Ministry spokesperson Maria Zakharova") for the speaker span;
* picks the actor: the mention covering the head noun, else a mention inside the phrase,
  except that a nationality adjective in front of a channel noun names the country's media
  as a whole ("Iranian media reports": a generic media actor, ``media:iran-media``) or
  nobody ("Iranian documents"), while in front of a state-agent noun ("Iranian officials")
  it names the state; a common noun with no actor of its own speaks for the actor of its
  "of/for/in/by" phrase ("a spokesman for the ministry", "officials in Kyiv" -- a place for its country --,
  "a survey by the institute") or of its apposition ("the outlet Daily Ledger").
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING

from . import quote_marks
from .analysis import Analysis, Mention
from .knowledge import load_kb, slugify
from .resources import load_toml

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token

RELATIVE = {"who", "which", "that", "whom"}
PERSON_PRONOUNS = {"he", "she", "him", "her"}
GROUP_PRONOUNS = {"they", "them", "it"}
#: dependents that belong to a speaker's noun phrase
NP_DEPS = {"compound", "amod", "det", "poss", "nmod", "nummod", "case", "flat", "npadvmod", "punct", "prt"}
NP_PUNCT = {"-", "–", "‑", "’", "'"}
LOOKBACK_SENTENCES = 3
AGENT_PREPS = {"in", "from", "of", "for", "at", "by"}


@dataclass(frozen=True)
class Speaker:
    start: int
    end: int
    actor: str | None
    kind: str | None  # kind of the actor's mention (person, media, ...), None when unresolved
    head: int  # doc index of the head token


@lru_cache(maxsize=1)
def _nouns() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    data = load_toml("speech_verbs.toml")["nouns"]
    return frozenset(data["channel"]), frozenset(data["state_agent"]), frozenset(data["generic_media"])


def generic_media_id(country: str) -> str:
    """Id of a country's media as a whole: ``IRN`` -> ``media:iran-media``."""
    entry = load_kb().get(country)
    return f"media:{slugify(entry.name if entry is not None else country)}-media"


def _generic_media(a: Analysis, head: "Token", start: int, end: int) -> Mention | None:
    """'Iranian media reports' / 'Russian state television': the country's media."""
    _, _, media = _nouns()
    words = {t.lower_ for t in head.doc.char_span(start, end, alignment_mode="expand") or []}
    if not words & media:
        return None
    for m in _covering(a, start, end):
        if m.kind != "country" or not m.country or m.start < start or m.end > end:
            continue
        toks = [t for t in head.doc.char_span(m.start, m.end, alignment_mode="expand") or []]
        if toks and all(t.pos_ == "ADJ" or t.dep_ == "amod" for t in toks):
            return Mention(start=start, end=end, actor_id=generic_media_id(m.country), kind="media",
                           country=m.country, sector="MED")
    return None


def antecedent(tok: "Token") -> "Token":
    """The noun a relative pronoun stands for ("X, who said ..." -> X); else the token itself."""
    if tok.lower_ in RELATIVE and tok.head.dep_ == "relcl" and tok.head.head.i != tok.head.i:
        return tok.head.head
    return tok


def np_bounds(tok: "Token") -> tuple[int, int]:
    """Character span of the noun phrase headed by ``tok`` (no clauses, appositions or PPs)."""
    lo, hi = tok.i, tok.i
    stack = [tok]
    while stack:
        t = stack.pop()
        for c in t.children:
            if c.dep_ in NP_DEPS and (c.dep_ != "punct" or c.text in NP_PUNCT):
                lo, hi = min(lo, c.i), max(hi, c.i)
                stack.append(c)
    doc = tok.doc
    while lo < tok.i and doc[lo].is_punct:
        lo += 1
    while hi > tok.i and doc[hi].is_punct:
        hi -= 1
    return doc[lo].idx, doc[hi].idx + len(doc[hi])


def _covering(a: Analysis, start: int, end: int) -> list[Mention]:
    return [m for m in a.mentions if m.start < end and start < m.end]


def actor_of(a: Analysis, head: "Token", start: int, end: int) -> Mention | None:
    """The actor mention a speaker phrase names (see module docstring), or None."""
    on_head = _covering(a, head.idx, head.idx + len(head))
    if on_head:
        return on_head[0]
    channel, state_agent, _ = _nouns()
    lemma = head.lemma_.lower()
    if lemma in channel or head.lower_ in channel:
        return _generic_media(a, head, start, end)
    inside = [m for m in _covering(a, start, end) if m.start >= start and m.end <= end]
    if not inside:
        return None
    doc = head.doc
    nominal = []
    for m in inside:
        toks = [t for t in doc.char_span(m.start, m.end, alignment_mode="expand") or []]
        if toks and all(t.pos_ == "ADJ" or t.dep_ == "amod" for t in toks):
            if lemma in state_agent or head.lower_ in state_agent:
                nominal.append(m)
            continue
        nominal.append(m)
    return nominal[-1] if nominal else None


def resolve_pronoun(a: Analysis, tok: "Token", quoted: list[tuple[int, int]]) -> Mention | None:
    """The most recent fitting actor mention before a pronoun, within a few sentences."""
    low = tok.lower_
    if low in PERSON_PRONOUNS:
        kinds = {"person"}
    elif low in GROUP_PRONOUNS:
        kinds = {"organization", "media", "igo", "group", "country"} | ({"person"} if low != "it" else set())
    else:
        return None
    floor = 0
    sents = [s for s in a.sentences if s.start <= tok.idx]
    if sents:
        floor = sents[max(0, len(sents) - LOOKBACK_SENTENCES)].start
    fitting = [m for m in a.mentions if m.end <= tok.idx and m.start >= floor and m.kind in kinds
               and not quote_marks.holds(quoted, m.start, m.end)]
    if low in PERSON_PRONOUNS and tok.i == tok.sent.start and tok.dep_ in ("nsubj", "nsubjpass"):
        # "X met Y on Monday. He said ...": a sentence opening on "he" carries on the last
        # sentence's subject, not its object
        fitting = [m for m in fitting if a.is_subject(m)] or fitting
    return max(fitting, key=lambda m: m.start, default=None)


def speaker_at(a: Analysis, tok: "Token", quoted: list[tuple[int, int]]) -> Speaker:
    """The speaker named by the token in a cue's speaker slot."""
    head = antecedent(tok)
    if head.pos_ == "PRON" and head.lower_ not in RELATIVE:
        m = resolve_pronoun(a, head, quoted)
        return Speaker(start=head.idx, end=head.idx + len(head), actor=m.actor_id if m else None,
                       kind=m.kind if m else None, head=head.i)
    start, end = np_bounds(head)
    m = actor_of(a, head, start, end)
    if m is None and head.pos_ == "NOUN":  # a common noun: whose it is names the speaker
        for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ in AGENT_PREPS):
            for pobj in (g for g in prep.children if g.dep_ == "pobj"):
                p_start, p_end = np_bounds(pobj)
                m = actor_of(a, pobj, p_start, p_end)
                if m is not None and m.kind == "location" and m.country:
                    m = replace(m, actor_id=m.country, kind="country")  # officials in a capital
                if m is not None:  # "officials in Kyiv", "a spokesman for X", "a survey by X"
                    end = max(end, p_end)
                    break
            if m is not None:
                break
    if m is None:  # "the outlet Daily Ledger", "her spokesman, Jon Eck": the apposition names it
        for ap in (c for c in head.children if c.dep_ == "appos"):
            ap_start, ap_end = np_bounds(ap)
            m = actor_of(a, ap, ap_start, ap_end)
            if m is not None:
                start, end = min(start, ap_start), max(end, ap_end)
                break
    return Speaker(start=start, end=end, actor=m.actor_id if m else None,
                   kind=m.kind if m else None, head=head.i)
