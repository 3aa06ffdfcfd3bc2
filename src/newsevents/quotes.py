"""Quotes and attribution: who says what, in which words, through which outlet.

The stage finds *attributions*: a content span (what is said), a speaker (who says it, with
the actor id of the actors stage), a cue (the words that mark it as said) and, when the
statement reaches the article through a third party, the *via* outlet.  Three passes:

1. **Cues in the parse** (per prose sentence).  A speech verb of ``data/speech_verbs.toml``
   with a clausal complement ("X said (that) CLAUSE", "CLAUSE, X said", "X, who told
   reporters that CLAUSE"); a verb of description with object + "as" phrase ("X described
   Y as 'Z'"); "according to X" (the clause it attaches to is the content).  The speaker is
   the verb's subject, the subject of the verb it is conjoined to ("X described ... and said
   that ..."), the agent of a passive, the antecedent of a relative pronoun, or a pronoun
   resolved to the last fitting actor (:mod:`newsevents.quote_speakers`).
2. **Quotation marks** (:mod:`newsevents.quote_marks`).  A cue whose content lies inside
   quotation marks is a *direct* quote whose content is the whole quotation (several
   sentences if need be); a content holding a quoted fragment is *mixed*; otherwise
   *indirect*.  A quotation no cue reached is attributed when the text before it in its
   paragraph ends in a colon ("NAME, title, in comments to OUTLET: 'QUOTE'"), or when it
   continues a quotation left open at the end of the previous paragraph.
3. **Channels and nesting.**  An outlet that reports somebody's statement ("..., outlet X
   reported"; "according to X" around an attributed clause) is not a second quote: it
   becomes the *via* of the statements inside.  Objects of "told X", "in comments to X",
   "in an interview with X" that are media are vias too.  A cue inside a quotation or inside
   a content with the same speaker adds nothing.

:func:`find_quotes` returns the contract's :class:`~newsevents.models.Quote` records and
keeps the richer :class:`Attribution` objects (with via) on ``a.doc.user_data``;
:func:`attribution` answers, for the events stage, who says a given statement.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING

from . import quote_marks
from .analysis import Analysis
from .models import Quote, QuoteKind, SpeakerRef, Span
from .quote_speakers import PERSON_PRONOUNS, Speaker, speaker_at
from .resources import load_toml

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Span as SpacySpan, Token

USER_DATA_KEY = "newsevents.attributions"
TRIM_CHARS = " \t\n,;:—–-"
MIN_CONTENT_WORDS = 2
REPORT_MARKS = {"that", "whether", "if"}
#: a wire dateline opening a paragraph: "NAIROBI, March 3 (Wire) - ", "ADDIS ABABA — "
DATELINE = re.compile(r"[A-Z][A-Z.'’ -]{2,40}(?:,[^()\n\-—–]{1,30})?(?:\s*\([^)\n]{1,40}\))?\s*[-—–]+\s+")
MAX_CUE_GAP = 80  # characters between two quotations joined by one cue


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
    )


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
        return Quote(start=self.start, end=self.end, kind=self.kind, speaker=spk, cue=cue)


# -- public interface ---------------------------------------------------------------------

def find_quotes(a: Analysis, *, cognition: bool = False) -> list[Quote]:
    """The quotes of an article, sorted by start (``cognition``: also "X believes that")."""
    atts = find_attributions(a, cognition=cognition)
    return [t.to_quote() for t in atts]


def find_attributions(a: Analysis, *, cognition: bool = False) -> list[Attribution]:
    """All attributions, sorted by start; also stored on ``a.doc.user_data``."""
    quoted = _quoted_spans(a)
    q_pairs = [(q.start, q.end) for q in quoted]
    cands: list[Attribution] = []
    for sent in a.sentences:
        cands.extend(_sentence_cues(a, sent.span, q_pairs, cognition))
    cands = [c for c in cands if not _inside_quote(c.cue, q_pairs)]
    cands = [_with_marks(a.text, c, quoted) for c in cands]
    cands.extend(_unattached_quotations(a, quoted, cands, q_pairs))
    cands = _resolve_nesting(cands)
    cands = _bare_channels(a, cands, q_pairs)
    cands.sort(key=lambda c: (c.start, c.end))
    cands = _pronouns_to_last_speaker(a.text, cands)
    out: list[Attribution] = []
    for c in cands:  # one attribution per content span
        if out and (c.start, c.end) == (out[-1].start, out[-1].end):
            continue
        out.append(c)
    a.doc.user_data[USER_DATA_KEY] = out
    return out


def attribution(a: Analysis, quotes: list[Quote], start: int, end: int) -> list[str]:
    """Actor ids who say the statement in ``[start, end)``: the speaker of the quote holding
    it, then the outlet it is reported via.  The publisher is never included."""
    stored: list[Attribution] | None = a.doc.user_data.get(USER_DATA_KEY)
    if stored is None:
        stored = find_attributions(a)
    by_span = {(t.start, t.end): t for t in stored}
    holding = [q for q in quotes if q.start <= start and end <= q.end]
    if not holding:
        holding = [q for q in quotes if q.start < end and start < q.end
                   and min(q.end, end) - max(q.start, start) >= 0.5 * max(1, end - start)]
    ids: list[str] = []
    for q in sorted(holding, key=lambda q: q.end - q.start):
        t = by_span.get((q.start, q.end))
        found = [q.speaker.actor if q.speaker else None, t.via.actor if t and t.via else None]
        for actor in found:
            if actor and actor != a.publisher_actor and actor not in ids:
                ids.append(actor)
    return ids


# -- pass 1: cues in the parse ------------------------------------------------------------

def _sentence_cues(a: Analysis, sent: "SpacySpan", quoted: list[tuple[int, int]],
                   cognition: bool) -> list[Attribution]:
    lex = lexicon()
    verbs = lex.speech | lex.cognition if cognition else lex.speech
    out: list[Attribution] = []
    for tok in sent:
        lemma = tok.lemma_.lower()
        if tok.lower_ == "according" or (tok.lower_ == "per" and tok.dep_ == "prep"):
            att = _according(a, tok, quoted)
        elif tok.pos_ in ("VERB", "AUX") and (lemma in verbs or lemma in lex.as_object):
            att = _verb_cue(a, tok, quoted, lemma, verbs)
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
    if lemma in verbs and comps:
        toks = [t for c in comps for t in c.subtree]
        if toks and min(t.i for t in toks) < verb.i < max(t.i for t in toks):
            # "a round, which the AU said would be held in March": the clause after the cue
            toks = [t for t in toks if t.i > verb.i]
        toks = _drop_leading_marks(toks)
        if not toks:
            return None
        content = _char_span(toks)
    elif lemma in lex.as_object:
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        as_ = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"), None)
        pred = as_ or next((c for c in verb.children if c.dep_ in ("oprd", "xcomp")), None)
        if obj is not None and pred is not None and obj.i < pred.i \
                and obj.tag_ not in ("WP", "WDT"):  # "called X 'Y'", not "what they dubbed Y"
            content = (obj.left_edge.idx, _tok_end(pred.right_edge))
    if content is None and verb.dep_ == "parataxis" and lemma in verbs:
        # "The deal, he said, is off": the clause the verb interrupts is the content
        own = {t.i for t in verb.subtree}
        content = _char_span([t for t in verb.head.subtree if t.i not in own and not t.is_punct])
    if content is None:
        return None
    content = _trim(a.text, *content)
    if _words(a.text, *content) < MIN_CONTENT_WORDS:
        return None
    spk_tok = _subject_of(verb)
    if spk_tok is None:
        return None
    if spk_tok.i >= verb.i and content[0] <= spk_tok.idx < content[1]:
        return None
    speaker = speaker_at(a, spk_tok, quoted)
    cue_end = _tok_end(verb)
    for c in verb.children:
        if c.dep_ == "prt" and c.lower_ in lex.particles:
            cue_end = max(cue_end, _tok_end(c))
    via = _via_of_verb(a, verb, quoted, speaker)
    return Attribution(start=content[0], end=content[1], kind="indirect", speaker=speaker,
                       cue=(verb.idx, cue_end), via=via, cue_lemma=lemma)


def _reported_clause(comp: "Token") -> bool:
    """A complement clause: not an adverbial one misparsed as ccomp ("after X met Y"), nor
    a bare reporting act ("..., outlet X reported") hung under another verb."""
    marks = [c.lower_ for c in comp.children if c.dep_ == "mark"]
    if not all(m in REPORT_MARKS for m in marks):
        return False
    bare = comp.lemma_.lower() in lexicon().bare_verbs and all(c.is_punct for c in comp.rights)
    return not bare


def _subject_of(verb: "Token") -> "Token | None":
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
    if subjects:  # "the mayor Ines Falk said" may come as two subjects: the nearer names her
        return min(subjects, key=lambda c: abs(verb.i - c.i))
    if passive:
        return None
    if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX") and verb.head.i != verb.i:
        return _subject_of(verb.head)
    if verb.dep_ in ("advcl", "xcomp") and verb.tag_ in ("VBG", "VB") and verb.head.i != verb.i:
        return _subject_of(verb.head)  # "X hit back, saying that ..."; "X went on to say ..."
    if verb.dep_ == "pcomp" and verb.tag_ == "VBG" and verb.head.head.pos_ in ("VERB", "AUX"):
        return _subject_of(verb.head.head)  # "After saying that ..., X left"
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.pos_ in ("NOUN", "PROPN"):
        return verb.head  # "reports claiming that ..."
    return None


def _according(a: Analysis, tok: "Token", quoted: list[tuple[int, int]]) -> Attribution | None:
    """'CLAUSE, according to X' / 'According to X, CLAUSE' / 'CLAUSE, per X'."""
    if tok.lower_ == "according":
        to = next((c for c in tok.children if c.lower_ == "to"), None)
        if to is None:
            return None
        pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
        cue = (tok.idx, _tok_end(to))
    else:
        pobj = next((c for c in tok.children if c.dep_ == "pobj"), None)
        cue = (tok.idx, _tok_end(tok))
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
    content = _trim(a.text, *_char_span(toks))
    if _words(a.text, *content) < MIN_CONTENT_WORDS:
        return None
    speaker = speaker_at(a, pobj, quoted)
    return Attribution(start=content[0], end=content[1], kind="indirect", speaker=speaker,
                       cue=cue, cue_lemma="according to", source="according")


def _via_of_verb(a: Analysis, verb: "Token", quoted: list[tuple[int, int]],
                 speaker: Speaker) -> Speaker | None:
    """The outlet a statement was given to: 'told OUTLET', 'said in comments to OUTLET'."""
    lex = lexicon()
    cands: list[Token] = []
    for c in verb.children:
        if c.dep_ in ("dobj", "dative") and verb.lemma_ == "tell":
            cands.append(c)
        if c.dep_ == "prep":
            cands.extend(_channel_objects(c, lex))
    return _media_speaker(a, cands, quoted, speaker)


def _channel_objects(prep: "Token", lex: Lexicon) -> list["Token"]:
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


def _media_speaker(a: Analysis, toks: list["Token"], quoted: list[tuple[int, int]],
                   speaker: Speaker | None) -> Speaker | None:
    for t in toks:
        s = speaker_at(a, t, quoted)
        if s.actor and s.kind in ("media", "organization") and (speaker is None or s.actor != speaker.actor):
            return s
    return None


# -- pass 2: quotation marks --------------------------------------------------------------

def _quoted_spans(a: Analysis) -> list[quote_marks.Quoted]:
    blocks = [(b.start, b.end) for b in a.layout.blocks if b.kind == "paragraph"]
    return quote_marks.scan(a.text, blocks)


def _with_marks(text: str, c: Attribution, quoted: list[quote_marks.Quoted]) -> Attribution:
    """Kind from the quotation marks; a content inside marks becomes the whole quotation."""
    inside = [q for q in quoted if q.start < c.end and c.start < q.end]
    if not inside:
        return c
    outside = [i for i in range(c.start, c.end) if text[i].isalnum()
               and not any(q.start <= i < q.end for q in inside)]
    if not outside:
        best = max(inside, key=lambda q: min(q.end, c.end) - max(q.start, c.start))
        return replace(c, start=best.start, end=best.end, kind="direct")
    start, end = c.start, c.end
    for q in inside:  # a quotation cut by the content's edge is taken whole
        if q.start < end < q.end:
            end = q.end
    end = _close_mark_end(text, end)
    return replace(c, start=start, end=end, kind="mixed")


def _close_mark_end(text: str, end: int) -> int:
    """Extend over ',”' / '.”' right after a content holding an unclosed opening mark."""
    seg = text[:end]
    opens = sum(seg.count(m) for m in quote_marks.OPEN_MARKS)
    closes = sum(seg.count(m) for m in quote_marks.CLOSE_MARKS)
    if opens <= closes:
        return end
    for k in range(end, min(len(text), end + 3)):
        if text[k] in quote_marks.CLOSE_MARKS:
            return k + 1
        if text[k] not in ",.;!? ":
            break
    return end


def _unattached_quotations(a: Analysis, quoted: list[quote_marks.Quoted], cands: list[Attribution],
                           q_pairs: list[tuple[int, int]]) -> list[Attribution]:
    """Quotations no cue reached: after a colon, or continuing an open quotation."""
    out: list[Attribution] = []
    prev: Attribution | None = None
    prev_q: quote_marks.Quoted | None = None
    for q in quoted:
        taken = [c for c in cands + out if c.start < q.end and q.start < c.end]
        if taken:
            prev, prev_q = max(taken, key=lambda c: c.end), q
            continue
        att = _colon_quote(a, q, q_pairs) or _cue_after(a, q, q_pairs)
        if att is None and prev is not None and prev_q is not None and _continues(a, prev, prev_q, q):
            att = Attribution(start=q.start, end=q.end, kind="direct", speaker=prev.speaker,
                              cue=None, via=prev.via, source="continued")
        if att is not None and _words(a.text, q.start, q.end) >= MIN_CONTENT_WORDS:
            out.append(att)
            prev, prev_q = att, q
    return out


def _continues(a: Analysis, prev: Attribution, prev_q: quote_marks.Quoted, q: quote_marks.Quoted) -> bool:
    """The same voice goes on: a quotation left open at the end of the previous paragraph,
    or '"A," X said. "B"' (the cue of A stands between the two quotations)."""
    if prev_q.close_mark is None:
        return _block_start(a, q.open_mark) == q.open_mark
    block = _block(a, q.open_mark)
    if block is not None and block[0] == q.open_mark and q.close_mark is not None \
            and not a.text[q.close_mark + 1:block[1]].strip(" .,") and prev.kind == "direct":
        prev_block = _block(a, prev.start)
        # a paragraph that is only a quotation, after a paragraph quoting someone: still them
        return prev_block is not None and _next_block_start(a, prev_block[1]) == block[0]
    if prev.kind != "direct" or prev.cue is None or _block_start(a, q.open_mark) != _block_start(a, prev_q.open_mark):
        return False
    gap = a.text[prev_q.close_mark + 1:q.open_mark]
    return prev_q.close_mark < prev.cue[0] < q.open_mark and len(gap) <= MAX_CUE_GAP


def _cue_after(a: Analysis, q: quote_marks.Quoted, q_pairs: list[tuple[int, int]]) -> Attribution | None:
    """'"QUOTE," X, a long title, said' where the parse did not hang the quotation on the verb:
    the words right after the closing mark start the speaker or the speech verb."""
    if q.close_mark is None:
        return None
    sent = a.sentence_at(q.close_mark) or a.sentence_at(q.close_mark + 1)
    if sent is None:
        return None
    lex = lexicon()
    after = [t for t in sent.span if t.idx > q.close_mark and not t.is_punct and not t.is_space]
    bare_only = False
    if not after:  # '"QUOTE." X said on Monday.' split into two sentences
        nxt = a.sentence_at(q.close_mark + 2) or a.sentence_at(q.close_mark + 3)
        if nxt is None or nxt.index != sent.index + 1 or _block_start(a, nxt.start) != _block_start(a, q.open_mark):
            return None
        after = [t for t in nxt.span if not t.is_punct and not t.is_space]
        bare_only = True
    for verb in after:
        if bare_only and any(c.dep_ in ("ccomp", "dobj", "xcomp") for c in verb.children):
            return None
        if any(s <= verb.idx < e for s, e in q_pairs):
            break
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in lex.speech:
            continue
        subj = _subject_of(verb)
        if subj is None:
            return None
        first = after[0]
        if first.i not in (verb.i, subj.left_edge.i, subj.i):
            return None
        speaker = speaker_at(a, subj, q_pairs)
        return Attribution(start=q.start, end=q.end, kind="direct", speaker=speaker,
                           cue=(verb.idx, _tok_end(verb)), via=_via_of_verb(a, verb, q_pairs, speaker),
                           cue_lemma=verb.lemma_.lower())
    return None


def _colon_quote(a: Analysis, q: quote_marks.Quoted, q_pairs: list[tuple[int, int]]) -> Attribution | None:
    """'NAME, title, in comments to OUTLET: "QUOTE"' / 'X said: "QUOTE"'."""
    before = a.text[:q.open_mark].rstrip()
    if not before.endswith(":"):
        return None
    colon = len(before) - 1
    sent = next((s for s in a.sentences if s.start <= colon < s.end), None)
    if sent is None:
        return None
    intro = [t for t in sent.span if t.idx < colon]
    if not intro:
        return None
    lex = lexicon()
    speaker: Speaker | None = None
    cue: tuple[int, int] | None = None
    verb = next((t for t in intro if t.pos_ == "VERB" and t.lemma_.lower() in lex.speech), None)
    if verb is not None:
        subj = _subject_of(verb)
        if subj is not None:
            speaker = speaker_at(a, subj, q_pairs)
            cue = (verb.idx, _tok_end(verb))
    if speaker is None:
        ids = {t.i for t in intro}
        roots = [t for t in intro if t.head.i not in ids or t.head.i == t.i]
        root = next((t for t in roots if t.pos_ in ("PROPN", "NOUN", "PRON")), None)
        if root is None:
            return None
        speaker = speaker_at(a, root, q_pairs)
        if speaker.actor is None:
            return None
    via = None
    cands = []
    for t in intro:
        if t.dep_ == "prep" and t.lower_ == "in":
            objs = _channel_objects(t, lex)
            if objs:
                cands.extend(objs)
                if cue is None:
                    last_prep = objs[0].head
                    cue = (t.idx, _tok_end(last_prep))
    via = _media_speaker(a, cands, q_pairs, speaker)
    return Attribution(start=q.start, end=q.end, kind="direct", speaker=speaker, cue=cue, via=via,
                       source="colon")


# -- pass 3: channels and nesting ---------------------------------------------------------

def _resolve_nesting(cands: list[Attribution]) -> list[Attribution]:
    """Drop channel wrappers (their speaker becomes the inner via) and same-speaker repeats."""
    lex = lexicon()
    drop: set[int] = set()
    result = list(cands)
    for i, outer in enumerate(cands):
        inner = [j for j, c in enumerate(cands) if j != i and outer.start <= c.start and c.end <= outer.end
                 and (c.start, c.end) != (outer.start, outer.end)
                 and c.cue is not None and outer.start <= c.cue[0] < outer.end]
        if not inner:
            continue
        channel = (outer.source == "according" or outer.cue_lemma in lex.channel_verbs
                   or (outer.speaker is not None and outer.speaker.kind == "media"))
        for j in inner:
            same = (outer.speaker is not None and result[j].speaker is not None
                    and outer.speaker.actor is not None and outer.speaker.actor == result[j].speaker.actor)
            if same:
                drop.add(j)
            elif channel:
                drop.add(i)
                if result[j].via is None and outer.speaker is not None:
                    result[j] = replace(result[j], via=outer.speaker)
    return [c for k, c in enumerate(result) if k not in drop]


def _pronouns_to_last_speaker(text: str, cands: list[Attribution]) -> list[Attribution]:
    """'he said' / 'she told' left unresolved by the mentions: the last person who spoke."""
    out: list[Attribution] = []
    last: Speaker | None = None
    for c in cands:
        spk = c.speaker
        if spk is not None and spk.actor is None and last is not None \
                and text[spk.start:spk.end].lower() in PERSON_PRONOUNS:
            c = replace(c, speaker=replace(spk, actor=last.actor, kind=last.kind))
        if c.speaker is not None and c.speaker.kind == "person":
            last = c.speaker
        out.append(c)
    return out


def _bare_channels(a: Analysis, cands: list[Attribution],
                   q_pairs: list[tuple[int, int]]) -> list[Attribution]:
    """'..., outlet X reported.' parsed with no complement: X is the via of the statements
    before it in its sentence."""
    lex = lexicon()
    out = list(cands)
    for sent in a.sentences:
        for tok in sent.span:
            if tok.lemma_.lower() not in lex.channel_verbs or tok.pos_ != "VERB":
                continue
            if any(c.dep_ in ("ccomp", "dobj", "xcomp") for c in tok.children):
                continue
            subj = _subject_of(tok)
            if subj is None:
                continue
            spk = speaker_at(a, subj, q_pairs)
            if spk.kind not in ("media", "organization"):
                continue
            for k, c in enumerate(out):
                if c.via is None and c.cue is not None and sent.start <= c.cue[0] and c.end <= tok.idx \
                        and (c.speaker is None or c.speaker.actor != spk.actor):
                    out[k] = replace(c, via=spk)
    return out


# -- small helpers ------------------------------------------------------------------------

def _tok_end(t: "Token") -> int:
    return t.idx + len(t.text)


def _char_span(toks: list["Token"]) -> tuple[int, int]:
    toks = sorted(toks, key=lambda t: t.i)
    return toks[0].idx, _tok_end(toks[-1])


def _drop_leading_marks(toks: list["Token"]) -> list["Token"]:
    toks = sorted(toks, key=lambda t: t.i)
    while toks and (toks[0].dep_ == "mark" and toks[0].lower_ == "that" or toks[0].is_space):
        toks = toks[1:]
    return toks


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    m = DATELINE.match(text, start, end)
    if m and m.end() < end:
        start = m.end()
    while start < end and text[start] in TRIM_CHARS:
        start += 1
    while end > start and text[end - 1] in TRIM_CHARS:
        end -= 1
    # an orphan closing mark at the end, or orphan opening mark at the start
    seg = text[start:end]
    if seg and seg[-1] in quote_marks.CLOSE_MARKS and not any(m in seg[:-1] for m in quote_marks.OPEN_MARKS):
        end -= 1
    if seg and seg[0] in quote_marks.OPEN_MARKS and not any(m in seg[1:] for m in quote_marks.CLOSE_MARKS) \
            and end - start > 1:
        pass  # a quotation cut by the clause edge: kept, the mark tells the reader
    while end > start and text[end - 1] in TRIM_CHARS:
        end -= 1
    return start, end


def _words(text: str, start: int, end: int) -> int:
    return sum(1 for w in text[start:end].split() if any(ch.isalnum() for ch in w))


def _alnum(toks: list["Token"]) -> bool:
    return any(t.is_alpha or t.like_num for t in toks)


def _inside_quote(cue: tuple[int, int] | None, quoted: list[tuple[int, int]]) -> bool:
    return cue is not None and any(s <= cue[0] and cue[1] <= e for s, e in quoted)


def _block(a: Analysis, offset: int) -> tuple[int, int] | None:
    for b in a.layout.blocks:
        if b.start <= offset < b.end:
            return b.start, b.end
    return None


def _block_start(a: Analysis, offset: int) -> int:
    b = _block(a, offset)
    return b[0] if b else -1


def _next_block_start(a: Analysis, offset: int) -> int:
    """Start of the first paragraph after ``offset`` (headings and furniture break the chain)."""
    for b in a.layout.blocks:
        if b.start >= offset:
            return b.start if b.kind == "paragraph" else -1
    return -1
