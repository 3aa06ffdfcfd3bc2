"""The speech-verb lexicon and the frames that find a content in the parse around a cue.

Used by :mod:`newsevents.quote_cues`.  The lexicon (``data/speech_verbs.toml``) lists
speech verbs, verbs of description, dispute verbs, speech acts on an object or a
preposition, and the nouns that name claims, statements and channels.  The frames here are
pure functions of a verb token:

* :func:`claim_clause`: "denied reports that CLAUSE", "rejected claims saying CLAUSE";
* :func:`object_content`: "accused Y of Z-ing", "urged Y to Z", "the poll showed Y leading";
* :func:`prep_content`: "called for Y", "warned against Y" (the preposition is part of the cue);

and the token-span helpers the quote modules share.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING

from .resources import load_toml

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token

RELATIVE_OBJECTS = {"that", "which", "who", "whom", "what"}


@dataclass(frozen=True)
class Lexicon:
    speech: frozenset[str]
    cognition: frozenset[str]
    as_object: frozenset[str]
    channel_verbs: frozenset[str]
    bare_verbs: frozenset[str]
    particles: frozenset[str]
    statement_nouns: frozenset[str]
    channel_preps: frozenset[str]
    dispute: frozenset[str]
    object_content: frozenset[str]
    object_preps: frozenset[str]
    claim_nouns: frozenset[str]
    prep_content: frozenset[tuple[str, str]]
    question: frozenset[str]

    @cached_property
    def prep_verbs(self) -> frozenset[str]:  # read for every verb of every sentence: made once
        return frozenset(v for v, _ in self.prep_content)


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    d = load_toml("speech_verbs.toml")
    v, n, p = d["verbs"], d["nouns"], d["phrases"]
    return Lexicon(
        speech=frozenset(v["speech"]), cognition=frozenset(v["cognition"]),
        as_object=frozenset(v["as_object"]), channel_verbs=frozenset(v["channel"]),
        bare_verbs=frozenset(v["bare"]),
        particles=frozenset(v["particles"]), statement_nouns=frozenset(n["statement"]),
        channel_preps=frozenset(p["channel_preps"]),
        dispute=frozenset(v["dispute"]), object_content=frozenset(v["object_content"]),
        object_preps=frozenset(v["object_preps"]), claim_nouns=frozenset(n["claim"]),
        prep_content=frozenset((x.split()[0], x.split()[-1]) for x in v["prep_content"]),
        question=frozenset(v["question"]),
    )


# -- frames -------------------------------------------------------------------------------

def claim_clause(verb: "Token", lex: Lexicon) -> tuple[int, int] | None:
    """'denied reports that CLAUSE' / 'rejected claims claiming CLAUSE': the claim's clause."""
    obj = next((c for c in verb.children if c.dep_ == "dobj" and claim_noun(c, lex)), None)
    if obj is None:
        return None
    for c in obj.children:
        if c.dep_ not in ("acl", "relcl", "ccomp") or c.i < obj.i:
            continue
        if c.tag_ == "VBG" and c.lemma_.lower() in lex.speech:  # "reports claiming (that) X"
            comp = next((g for g in c.children if g.dep_ == "ccomp"), None)
            toks = drop_leading_marks(list(comp.subtree)) if comp is not None else []
        elif c.dep_ == "ccomp" or any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children):
            toks = drop_leading_marks(list(c.subtree))
        else:
            continue
        if toks:
            return char_span(toks)
    return None


def claim_noun(tok: "Token", lex: Lexicon) -> bool:
    return tok.lower_ in lex.claim_nouns or tok.lemma_.lower() in lex.claim_nouns


def disputed_claim(noun: "Token", lex: Lexicon) -> bool:
    """A claim noun that is the object of a dispute verb ("denied reports ...")."""
    return noun.dep_ == "dobj" and claim_noun(noun, lex) and noun.head.lemma_.lower() in lex.dispute


def object_content(verb: "Token", lex: Lexicon) -> tuple[int, int] | None:
    """'accused Y of Z-ing' / 'urged Y to Z' / 'criticized Y for Z': the object and its complement."""
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None or obj.tag_ in ("WP", "WDT") or obj.lower_ in RELATIVE_OBJECTS:
        return None
    toks = list(obj.subtree)
    for c in verb.children:
        if c.i > obj.i and (c.dep_ == "prep" and c.lower_ in lex.object_preps or c.dep_ in ("xcomp", "ccomp")):
            toks.extend(c.subtree)
    return char_span(toks)


def prep_content(verb: "Token", lemma: str, lex: Lexicon) -> tuple[tuple[int, int], int] | None:
    """'called for a ceasefire' / 'warned against escalation': the prepositional object,
    and the end of the cue (the preposition belongs to it)."""
    for c in verb.children:
        if c.dep_ in ("prep", "prt") and c.i > verb.i and (lemma, c.lower_) in lex.prep_content:
            objs = [g for g in c.children if g.dep_ in ("pobj", "pcomp")]
            if objs:
                return char_span([t for g in objs for t in g.subtree]), tok_end(c)
    return None


# -- token spans ----------------------------------------------------------------------------

def tok_end(t: "Token") -> int:
    return t.idx + len(t.text)


def char_span(toks: list["Token"]) -> tuple[int, int]:
    toks = sorted(toks, key=lambda t: t.i)
    return toks[0].idx, tok_end(toks[-1])


def drop_leading_marks(toks: list["Token"]) -> list["Token"]:
    toks = sorted(toks, key=lambda t: t.i)
    while toks and (toks[0].dep_ == "mark" and toks[0].lower_ == "that" or toks[0].is_space):
        toks = toks[1:]
    return toks
