"""Which way a clause points in time: the tense and modality around a time expression.

A bare month or weekday ("met in October", "will sign at the end of January") takes its year
or week from the direction of the clause it sits in.  With a spaCy parse we climb from the
expression to the verb that governs it and read its auxiliaries and tag:

* ``will``/``shall``/``'ll``, ``going to``, modals (``would``, ``could``, ``might``) and
  infinitives under verbs of planning ("plans to", "is expected to", "agreed to") -> future;
* a past-tense verb or a perfect (``has met``, ``had met``) -> past;
* a progressive present ("is meeting Friday") -> future; a simple present -> present.

Without a parse a few lexical cues in the clause decide, else the direction is unknown.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .timex_calendar import Direction

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Token

_FUTURE_AUX = {"will", "'ll", "’ll", "shall", "wo", "would", "'d"}
#: modals that say nothing reliable about time ("could not be located Wednesday")
_OPEN_MODALS = {"could", "might", "may", "should", "must", "can", "ca"}
_PLAN_LEMMAS = {"plan", "expect", "schedule", "set", "due", "intend", "aim", "hope", "want", "agree",
                "promise", "prepare", "decide", "vow", "threaten", "pledge", "seek", "propose",
                "likely", "go", "need", "wish", "undertake", "commit", "project", "forecast",
                "predict", "anticipate", "poised", "slate", "able"}


def _verb_of(tok: Token, through_nouns: bool = True, inside: range | None = None) -> Token | None:
    """The verb governing ``tok``; with ``through_nouns`` False, None when the way up passes
    through another noun phrase ("the Feb. 23 accord", "payable Dec. 7"): such a date
    describes a thing, not the clause's event, and the clause's tense says nothing about it."""
    v = tok
    for step in range(8):
        if v.pos_ in ("VERB", "AUX") or (v.pos_ == "ADJ" and v.dep_ in ("ROOT", "acomp", "ccomp")):
            return v
        if v.head is v:
            return None
        if (not through_nouns and step > 0 and v.pos_ in ("NOUN", "PROPN", "ADJ", "NUM")
                and (inside is None or v.i not in inside)):
            return None
        v = v.head
    return None


def verb_direction(v: Token, depth: int = 0) -> Direction:
    if v.pos_ == "ADJ":
        # "elections are due in the autumn", "is likely in March"
        return "future" if v.lemma_.lower() in _PLAN_LEMMAS else None
    auxes = [c for c in v.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in auxes}
    if words & _FUTURE_AUX:
        return "future"
    if words & _OPEN_MODALS:
        return None
    if any(a.lower_ == "going" for a in auxes) and any(a.lower_ == "to" for a in auxes):
        return "future"
    if v.lower_ in _FUTURE_AUX and v.tag_ == "MD":
        return "future"
    has_to = "to" in words
    if has_to or v.tag_ == "VB" and not auxes:
        head = v.head
        if head is not v and depth < 4:
            if head.lemma_.lower() in _PLAN_LEMMAS or head.lower_ in ("set", "due", "poised", "scheduled"):
                if any(c.lemma_ == "have" and c.tag_ == "VBD" for c in [*head.children, *head.head.children]):
                    return "past"  # "had been scheduled to expire Friday", "had been due to expire"
                return "future"
            if head.lemma_ == "be" and has_to and v.dep_ not in ("csubj", "csubjpass"):
                return "future"  # "is to resume trading Tuesday" (not "to accede ... were")
            if head.pos_ in ("VERB", "AUX", "ADJ"):
                return verb_direction(head, depth + 1)
            hv = _verb_of(head)
            if hv is not None and hv is not v:
                return verb_direction(hv, depth + 1)
        return "future" if has_to else None
    tags = {v.tag_} | {a.tag_ for a in auxes}
    if (v.tag_ == "VBN" and v.lemma_.lower() in _PLAN_LEMMAS and not any(a.lemma_ == "have" for a in auxes)
            and any(c.dep_ == "xcomp" or c.lower_ == "for" for c in v.children)):
        return "future"  # "a summit set for April", "was planned for early March"
    if "VBD" in tags:
        return "past"
    if v.tag_ == "VBN":
        if any(a.lemma_ == "have" for a in auxes):
            return "past"
        if any(a.lemma_ == "be" and a.tag_ in ("VBZ", "VBP") for a in auxes):
            return "present"
        return "past"
    if v.tag_ == "VBG":
        if any(a.lemma_ == "be" and a.tag_ in ("VBZ", "VBP") for a in auxes):
            return "future"
        if any(a.tag_ == "VBD" for a in auxes):
            return "past"
        head = v.head
        if head is not v and depth < 4:
            hv = head if head.pos_ in ("VERB", "AUX") else _verb_of(head)
            if hv is not None and hv is not v:
                return verb_direction(hv, depth + 1)
        return None
    if v.tag_ in ("VBZ", "VBP"):
        if v.lemma_.lower() in _PLAN_LEMMAS and any(c.dep_ == "xcomp" for c in v.children):
            return "future"
        if v.tag_ == "VBP" and v.lower_ in _SAME_IN_PAST and not auxes:
            # "Weakness hurt the index on Friday": with a singular subject this form can only
            # be the past tense; otherwise the tense is unknown
            subj = [c for c in v.children if c.dep_ == "nsubj"]
            return "past" if subj and subj[0].tag_ in ("NN", "NNP") else None
        return "present"
    return None


#: verbs whose past tense is spelled like the present, which taggers often read as present
_SAME_IN_PAST = {"hurt", "cut", "put", "set", "hit", "cost", "let", "shut", "quit", "spread", "cast",
                 "bid", "burst", "split", "slit", "shed", "bet", "upset", "beat", "read", "broadcast",
                 "forecast", "thrust", "rid", "offset", "undercut", "outbid", "reset", "recast"}


def _clause_verb(doc: Doc, start: int, end: int) -> Token | None:
    """The verb whose clause the expression at ``start:end`` dates (None through a noun)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    return _verb_of(span.root, through_nouns=False, inside=range(span.start, span.end))


def doc_direction(doc: Doc, start: int, end: int) -> Direction:
    v = _clause_verb(doc, start, end)
    if v is None:
        return None
    if (v.lemma_.lower() in _SCHEDULE_LEMMAS and v.tag_ in ("VBD", "VBN", "VBZ", "VBP")
            and not (v.lemma_.lower() == "plan" and any(c.dep_ == "xcomp" for c in v.children))
            and not any(c.dep_ == "advmod" and c.lower_ in ("previously", "originally", "initially")
                        for c in v.children)
            and not any(c.lemma_ == "be" and c.dep_ == "auxpass" and c.tag_ == "VBD" for c in v.children)):
        # "protesters planned a rally on Saturday", "has scheduled a news conference Thursday":
        # the day is when the planned thing happens, after the planning
        return "future"
    return verb_direction(v)


#: verbs whose time expression dates the thing planned, not the planning
_SCHEDULE_LEMMAS = {"plan", "schedule", "reschedule"}


def pluperfect(doc: Doc, start: int, end: int) -> bool:
    """Whether the clause of the expression is in the past perfect ("had filed reports by
    Wednesday", "until Thursday they had not called him"): the day is then a past one."""
    v = _clause_verb(doc, start, end)
    return v is not None and any(c.lemma_ == "have" and c.tag_ == "VBD" and c.dep_ == "aux" for c in v.children)


_FUTURE_CUES = re.compile(r"\b(?:will|shall|would|may\s+be|might\s+be|could\s+be|going\s+to|plans?\s+to|planned\s+to|expected\s+to|"
                          r"scheduled|due\s+to|set\s+to|intends?\s+to|next|upcoming)\b|['’]ll\b", re.IGNORECASE)
_PAST_CUES = re.compile(r"\b(?:said|was|were|had|did|ago|last|\w{3,}ed)\b", re.IGNORECASE)


def text_direction(text: str, start: int, end: int) -> Direction:
    """Lexical fallback: cues in the sentence around the expression."""
    left = max(text.rfind(".", 0, start), text.rfind("\n", 0, start)) + 1
    right_dot = text.find(".", end)
    right = len(text) if right_dot < 0 else right_dot
    clause = text[left:right]
    if _FUTURE_CUES.search(clause):
        return "future"
    if _PAST_CUES.search(clause):
        return "past"
    return None
