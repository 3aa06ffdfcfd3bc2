"""Reporting cues in the parse: the first pass of the quotes stage (:mod:`newsevents.quotes`).

Per prose sentence, a cue of ``data/speech_verbs.toml`` gives a candidate attribution:

* a speech verb with a clausal complement: "X said (that) CLAUSE", "CLAUSE, X said",
  "X, who told reporters that CLAUSE" (a complement opened by "after", "when" ... is an
  adverbial clause the parser mislabelled, and a bare "..., X reported" hung under another
  verb is no content);
* a verb of description with object + "as" phrase or object complement ("X described Y as
  'Z'", "X called Y 'Z'");
* "according to X" / "per X": the clause it attaches to (over conjoined verbs) is the content;
* a dispute verb with a claim noun: "X denied reports that CLAUSE" / "rejected claims saying
  CLAUSE" (the clause is X's denial; the reports' own cue gives nothing);
* a speech act on an object: "X accused Y of Z-ing", "urged Y to Z", "the poll showed Y
  leading" (object and complement), "X called for Y", "warned against Y" (the preposition
  is part of the cue).  These frames and the lexicon live in :mod:`newsevents.quote_frames`.

The speaker token is the verb's subject (the nearer of two), the agent of a passive, the
subject of the verb it is conjoined to or depends on ("X hit back, saying that ..."), or the
noun a participle modifies ("reports claiming that ..."), or the first noun phrase between a
quotation and its verb when the parser hung it elsewhere; a date misread as the subject
gives way to the named apposition inside its phrase.  A passive speech verb with no agent
("it was reported that ...") has no speaker.  :mod:`newsevents.quote_speakers` turns the
token into a speaker.  The outlet a statement was given to ("told OUTLET", "in comments
to OUTLET") is kept as its *via*.  This module also holds the :class:`Attribution` record
and the span helpers the other passes share.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from . import quote_marks
from .analysis import Analysis
from .models import Quote, QuoteKind, Span, SpeakerRef
from .quote_frames import (
    Lexicon,
    char_span,
    claim_clause,
    disputed_claim,
    drop_leading_marks,
    lexicon,
    object_content,
    prep_content,
    tok_end,
)
from .quote_speakers import Speaker, speaker_at

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

TRIM_CHARS = " \t\n,;:—–-"
MIN_CONTENT_WORDS = 2
REPORT_MARKS = {"that", "whether", "if"}
#: a wire dateline opening a paragraph: "NAIROBI, March 3 (Wire) - ", "ADDIS ABABA — "
DATELINE = re.compile(r"[A-Z][A-Z.'’ -]{2,40}(?:,[^()\n\-—–]{1,30})?(?:\s*\([^)\n]{1,40}\))?\s*[-—–]+\s+")


@dataclass(frozen=True)
class Attribution:
    """One attributed statement, richer than :class:`Quote` (it keeps the via outlet)."""

    start: int
    end: int
    kind: QuoteKind
    speaker: Speaker | None
    cue: tuple[int, int] | None
    via: Speaker | None = None
    cue_lemma: str = ""
    source: str = "verb"  # verb | according | colon | continued

    def to_quote(self) -> Quote:
        spk = None
        if self.speaker is not None:
            spk = SpeakerRef(start=self.speaker.start, end=self.speaker.end, actor=self.speaker.actor)
        cue = Span(start=self.cue[0], end=self.cue[1]) if self.cue else None
        via = None
        if self.via is not None:
            via = SpeakerRef(start=self.via.start, end=self.via.end, actor=self.via.actor)
        return Quote(start=self.start, end=self.end, kind=self.kind, speaker=spk, cue=cue, via=via,
                     cue_lemma=(self.cue_lemma or None) if self.cue is not None else None)


# -- cues in the parse ------------------------------------------------------------

def sentence_cues(a: Analysis, sent: "SpacySpan", quoted: list[tuple[int, int]],
                  cognition: bool) -> list[Attribution]:
    """Candidate attributions of one sentence (before quotation marks are considered)."""
    lex = lexicon()
    verbs = lex.speech | lex.cognition if cognition else lex.speech
    out: list[Attribution] = []
    words, doc = a.words, sent.doc
    for i in range(sent.start, sent.end):
        lower, lemma = words.lower[i], words.lemma[i]
        if lower == "according" or (lower == "per" and doc[i].dep_ == "prep"):
            att = _according(a, doc[i], quoted)
        elif words.pos[i] in ("VERB", "AUX") and (lemma in verbs or lemma in lex.as_object or lemma in lex.dispute
                                                  or lemma in lex.object_content or lemma in lex.prep_verbs):
            att = _verb_cue(a, doc[i], quoted, lemma, verbs)
        else:
            att = None
        if att is not None:
            out.append(att)
    return out


def _verb_cue(a: Analysis, verb: "Token", quoted: list[tuple[int, int]], lemma: str,
              verbs: frozenset[str]) -> Attribution | None:
    lex = lexicon()
    content: tuple[int, int] | None = None
    comps = [c for c in verb.children if c.dep_ == "ccomp" and _reported_clause(c)]
    if not comps and lemma in lex.question:  # "asked X if/whether ...", parsed as an adverbial clause
        comps = [c for c in verb.children if c.dep_ == "advcl" and c.i > verb.i
                 and any(m.dep_ == "mark" and m.lower_ in ("if", "whether") for m in c.children)]
    if lemma in verbs and comps:
        toks = [t for c in comps for t in c.subtree]
        if toks and min(t.i for t in toks) < verb.i < max(t.i for t in toks):
            # "a round, which the AU said would be held in March": the clause after the cue
            toks = [t for t in toks if t.i > verb.i]
        toks = drop_leading_marks(toks)
        if not toks:
            return None
        content = char_span(toks)
    elif lemma in lex.as_object:
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        as_ = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"), None)
        pred = as_ or next((c for c in verb.children if c.dep_ in ("oprd", "xcomp")), None)
        if obj is not None and pred is not None and obj.i < pred.i \
                and obj.tag_ not in ("WP", "WDT"):  # "called X 'Y'", not "what they dubbed Y"
            content = (obj.left_edge.idx, tok_end(pred.right_edge))
        elif obj is not None and pred is None and obj.tag_ not in ("WP", "WDT"):
            span = (obj.left_edge.idx, tok_end(obj.right_edge))  # 'called X "Y"' parsed as one NP
            if any(span[0] < qs < span[1] for qs, qe in quoted):
                content = span
    cue_end = tok_end(verb)
    if content is None and lemma in lex.dispute:
        content = claim_clause(verb, lex)
    if content is None and lemma in lex.object_content:
        content = object_content(verb, lex)
    if content is None and lemma in lex.prep_verbs:
        content, cue_end = prep_content(verb, lemma, lex) or (None, cue_end)
    if content is None and verb.dep_ == "parataxis" and lemma in verbs:
        # "The deal, he said, is off": the clause the verb interrupts is the content
        own = {t.i for t in verb.subtree}
        rest = [t for t in verb.head.subtree if t.i not in own and not t.is_punct]
        content = char_span(rest) if rest else None  # a head of marks only: nothing said
    if content is None:
        return None
    content = trim(a.text, *content)
    quotation = quote_marks.holds(quoted, *content)
    if count_words(a.text, *content) < (1 if quotation else MIN_CONTENT_WORDS):
        return None  # one word is enough inside quotation marks ('"Really," she added')
    spk_tok = subject_of(verb)
    if spk_tok is None and quotation and content[1] <= verb.idx:
        spk_tok = speaker_between(verb, content[1])
    if spk_tok is None:
        # "it was reported that X", "he was asked whether X": said, by nobody the text names
        if not (comps and lemma in verbs and any(c.dep_ == "auxpass" for c in verb.children)):
            return None
    elif spk_tok.ent_type_ in ("DATE", "TIME"):  # "Saturday at the convention, Senator X, said"
        spk_tok = next((t for t in spk_tok.subtree if t.dep_ == "appos" and _names_actor(a, t)), spk_tok)
    if spk_tok is not None and spk_tok.i >= verb.i and content[0] <= spk_tok.idx < content[1]:
        return None
    if verb.dep_ == "acl" and disputed_claim(verb.head, lex):
        return None  # "denied reports claiming that ...": the denial's content, not the reports'
    speaker = speaker_at(a, spk_tok, quoted) if spk_tok is not None else None
    for c in verb.children:
        if c.dep_ == "prt" and c.lower_ in lex.particles:
            cue_end = max(cue_end, tok_end(c))
    via = via_of_verb(a, verb, quoted, speaker)
    return Attribution(start=content[0], end=content[1], kind="indirect", speaker=speaker,
                       cue=(verb.idx, cue_end), via=via, cue_lemma=lemma)


def _names_actor(a: Analysis, tok: "Token") -> bool:
    return any(m.start <= tok.idx < m.end for m in a.mentions_in(tok.sent.start_char, tok.sent.end_char))


def _reported_clause(comp: "Token") -> bool:
    """A complement clause: not an adverbial one misparsed as ccomp ("after X met Y"), nor
    a bare reporting act ("..., outlet X reported") hung under another verb."""
    marks = [c.lower_ for c in comp.children if c.dep_ == "mark"]
    if not all(m in REPORT_MARKS for m in marks):
        return False
    if comp.lemma_.lower() not in lexicon().bare_verbs \
            or any(c.dep_ in ("ccomp", "dobj", "xcomp", "dative") for c in comp.children):
        return True
    # "..., the agency X reported (on Tuesday)": set off by a comma, or closing the sentence
    left = next(t.i for t in comp.subtree if not t.is_punct or t.i == comp.i)
    after_comma = left > 0 and comp.doc[left - 1].text == ","
    return not (after_comma or all(c.is_punct for c in comp.rights))


def subject_of(verb: "Token") -> "Token | None":
    """The token in the speaker slot of a speech verb (see module docstring)."""
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)
    subjects = []
    for c in verb.children:
        if passive and c.dep_ == "agent":
            pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj
        if not passive and c.dep_ in ("nsubj", "csubj"):
            subjects.append(c)
    # "Saturday, Senator X said": a date the parser took for a subject is not the speaker
    subjects = [c for c in subjects if c.ent_type_ not in ("DATE", "TIME")] or subjects
    if subjects:  # "the mayor Ines Falk said" may come as two subjects: the nearer names her
        return min(subjects, key=lambda c: abs(verb.i - c.i))
    if passive:
        return None
    if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX") and verb.head.i != verb.i:
        return subject_of(verb.head)
    if verb.dep_ in ("advcl", "xcomp") and verb.tag_ in ("VBG", "VB") and verb.head.i != verb.i:
        return subject_of(verb.head)  # "X hit back, saying that ..."; "X went on to say ..."
    if verb.dep_ == "pcomp" and verb.tag_ == "VBG" and verb.head.head.pos_ in ("VERB", "AUX"):
        return subject_of(verb.head.head)  # "After saying that ..., X left"
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.pos_ in ("NOUN", "PROPN"):
        return verb.head  # "reports claiming that ..."
    return None


def speaker_between(verb: "Token", lo: int) -> "Token | None":
    """'"Q," NAME, founder of X, tells OUTLET' parsed with the name hung elsewhere: the head
    of the first noun phrase between the quotation (ending at ``lo``) and the verb."""
    span = [t for t in verb.doc[verb.sent.start:verb.i] if t.idx >= lo]
    first = next((t for t in span if t.pos_ in ("PROPN", "NOUN", "PRON")), None)
    if first is None or any(t.pos_ in ("VERB", "AUX") for t in span):
        return None
    ids = {t.i for t in span}
    while first.head.i in ids and first.head.i != first.i and first.dep_ in ("compound", "flat", "amod", "det",
                                                                             "poss", "nmod", "nummod"):
        first = first.head
    return first


def _according(a: Analysis, tok: "Token", quoted: list[tuple[int, int]]) -> Attribution | None:
    """'CLAUSE, according to X' / 'According to X, CLAUSE' / 'CLAUSE, per X'."""
    if tok.lower_ == "according":
        to = next((c for c in tok.children if c.lower_ == "to"), None)
        if to is None:
            return None
        pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
        cue = (tok.idx, tok_end(to))
    else:
        pobj = next((c for c in tok.children if c.dep_ == "pobj"), None)
        cue = (tok.idx, tok_end(tok))
        if pobj is None or pobj.pos_ != "PROPN":
            return None
    if pobj is None:
        return None
    head = tok.head
    while head.dep_ not in ("ROOT", "conj", "ccomp", "advcl", "relcl") and head.head.i != head.i:
        head = head.head  # attach to the clause, not to a noun inside it
    while head.dep_ == "conj" and head.head.pos_ in ("VERB", "AUX") and head.head.i != head.i:
        head = head.head  # "X will replace Y and is said to Z, according to W": W says both
    own = {t.i for t in tok.subtree}
    rest = [t for t in head.subtree if t.i not in own]
    if not rest:
        return None
    first_own, last_own = min(own), max(own)
    before = [t for t in rest if t.i < first_own]
    after = [t for t in rest if t.i > last_own]
    # the content is the clause on one side; both sides when the phrase interrupts it
    if _alnum(before) and _alnum(after):
        toks = rest
    else:
        toks = before if _alnum(before) else after
    if not toks:
        return None
    content = trim(a.text, *char_span(toks))
    if count_words(a.text, *content) < MIN_CONTENT_WORDS:
        return None
    speaker = speaker_at(a, pobj, quoted)
    return Attribution(start=content[0], end=content[1], kind="indirect", speaker=speaker,
                       cue=cue, cue_lemma="according to", source="according")


def via_of_verb(a: Analysis, verb: "Token", quoted: list[tuple[int, int]],
                 speaker: Speaker | None) -> Speaker | None:
    """The outlet a statement was given to: 'told OUTLET', 'said in comments to OUTLET'."""
    lex = lexicon()
    cands: list[Token] = []
    for c in verb.children:
        if c.dep_ in ("dobj", "dative") and verb.lemma_ == "tell":
            cands.append(c)
        if c.dep_ == "prep":
            cands.extend(channel_objects(c, lex))
    return media_speaker(a, cands, quoted, speaker)


def channel_objects(prep: "Token", lex: Lexicon) -> list["Token"]:
    """Objects of 'to/with OUTLET' and of 'in comments to/interview with OUTLET'."""
    out = []
    for pobj in (g for g in prep.children if g.dep_ == "pobj"):
        if prep.lower_ in lex.channel_preps:
            out.append(pobj)
        if pobj.lemma_.lower() in lex.statement_nouns or pobj.lower_ in lex.statement_nouns:
            for p2 in pobj.children:
                if p2.dep_ == "prep" and p2.lower_ in lex.channel_preps:
                    out.extend(g for g in p2.children if g.dep_ == "pobj")
    return out


def media_speaker(a: Analysis, toks: list["Token"], quoted: list[tuple[int, int]],
                   speaker: Speaker | None) -> Speaker | None:
    for t in toks:
        s = speaker_at(a, t, quoted)
        if s.actor and s.kind in ("media", "organization") and (speaker is None or s.actor != speaker.actor):
            return s
    return None


# -- small helpers ------------------------------------------------------------------------

def trim(text: str, start: int, end: int) -> tuple[int, int]:
    m = DATELINE.match(text, start, end)
    if m and m.end() < end:
        start = m.end()
    while start < end and text[start] in TRIM_CHARS:
        start += 1
    while end > start and text[end - 1] in TRIM_CHARS:
        end -= 1
    # an orphan closing mark at the end
    seg = text[start:end]
    if seg and seg[-1] in quote_marks.CLOSE_MARKS and not any(m in seg[:-1] for m in quote_marks.OPEN_MARKS):
        end -= 1
    while end > start and text[end - 1] in TRIM_CHARS:
        end -= 1
    return start, end


#: a word (a run of non-space characters, as ``str.split`` cuts them) with a letter or a digit
#: in it (``[^\W_]`` is ``str.isalnum``, ``\s`` ``str.isspace``, character for character)
_COUNTED_WORD = re.compile(r"\S*[^\W_]\S*")


def count_words(text: str, start: int, end: int) -> int:
    """The words of ``text[start:end]`` with a letter or a digit in them."""
    return len(_COUNTED_WORD.findall(text, start, end))


def _alnum(toks: list["Token"]) -> bool:
    return any(t.is_alpha or t.like_num for t in toks)


def inside_quote(cue: tuple[int, int] | None, quoted: list[tuple[int, int]]) -> bool:
    return cue is not None and quote_marks.holds(quoted, *cue)
