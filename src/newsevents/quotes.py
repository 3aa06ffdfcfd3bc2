"""Quotes and attribution: who says what, in which words, through which outlet.

The stage finds *attributions*: a content span (what is said), a speaker (who says it, with
the actor id of the actors stage), a cue (the words that mark it as said) and, when the
statement reaches the article through a third party, the *via* outlet.  Three passes:

1. **Cues in the parse** (:mod:`newsevents.quote_cues`): speech verbs with a clausal
   complement, "describe/call X (as) Y", "according to X"; speakers through subjects,
   agents, relative pronouns and pronouns (:mod:`newsevents.quote_speakers`).
2. **Quotation marks** (:mod:`newsevents.quote_marks`).  A cue whose content lies inside
   quotation marks is a *direct* quote whose content is the whole quotation (several
   sentences if need be); a content holding a quoted fragment is *mixed* (a fragment cut by
   the clause edge is taken whole); otherwise *indirect*.  A quotation no cue reached is
   attributed when the text before it in its paragraph ends in a colon ("NAME, title, in
   comments to OUTLET: 'QUOTE'"); when the words right after it (or the next sentence) are
   "X said"; or, in the same voice as the quotation before it, when it follows '"A," X said.'
   in the same paragraph, continues a quotation left open at the end of the previous
   paragraph, or is a whole paragraph after a paragraph quoting someone.  A heading
   "NAME: CLAIM" attributes the claim to NAME (:mod:`newsevents.quote_headlines`).
3. **Channels and nesting.**  An outlet that reports somebody's statement ("..., outlet X
   reported"; "according to X" around an attributed clause) is not a second quote: it
   becomes the *via* of the statements inside.  Objects of "told X", "in comments to X",
   "in an interview with X" that are media are vias too.  A cue inside a quotation or inside
   a content with the same speaker adds nothing.  A "he said" the mentions could not resolve
   goes to the last person who spoke.

:func:`find_quotes` returns the contract's :class:`~newsevents.models.Quote` records (with
the ``via`` outlet, an extension of the contract); :func:`attribution` answers, for the
events stage, who says a given statement.
"""

from __future__ import annotations

from dataclasses import replace

from . import quote_marks
from .analysis import Analysis
from .models import Quote
from .quote_headlines import headline_quotes, named_speaker
from .quote_cues import (
    MIN_CONTENT_WORDS,
    Attribution,
    channel_objects,
    count_words,
    inside_quote,
    lexicon,
    media_speaker,
    sentence_cues,
    speaker_between,
    subject_of,
    tok_end,
    via_of_verb,
)
from .quote_speakers import PERSON_PRONOUNS, Speaker, speaker_at

SPEAKING_KINDS = {"person", "organization", "media", "igo", "group"}
MAX_CUE_GAP = 300
MAX_TITLE_WORDS = 6
TITLE_PREPS = {"on", "in", "to", "at", "from", "for"}
TITLE_SMALL_WORDS = {"a", "an", "the", "of", "and", "or", "in", "on", "to", "for", "at", "with", "by"}  # characters between two quotations joined by one cue ("A," said X, title. "B")


# -- public interface ---------------------------------------------------------------------

def find_quotes(a: Analysis, *, cognition: bool = False) -> list[Quote]:
    """The quotes of an article, sorted by start (``cognition``: also "X believes that")."""
    atts = find_attributions(a, cognition=cognition)
    return [t.to_quote() for t in atts]


def find_attributions(a: Analysis, *, cognition: bool = False) -> list[Attribution]:
    """All attributions, sorted by start."""
    quoted = _quoted_spans(a)
    q_pairs = [(q.start, q.end) for q in quoted]
    cands: list[Attribution] = []
    for sent in a.sentences:
        cands.extend(sentence_cues(a, sent.span, q_pairs, cognition))
    cands = [c for c in cands if not inside_quote(c.cue, q_pairs)]
    cands = [_with_marks(a.text, c, quoted) for c in cands]
    cands.extend(_unattached_quotations(a, quoted, cands, q_pairs))
    heads = headline_quotes(a)  # a title's "NAME: CLAIM" reading goes before the colon heuristics
    cands = [c for c in cands if not any(c.start < h.end and h.start < c.end for h in heads)] + heads
    cands = [c for c in cands if not (c.kind == "direct" and _names_a_work(a.text, c.start, c.end))]
    cands = _resolve_nesting(cands)
    cands = _bare_channels(a, cands, q_pairs)
    cands.sort(key=lambda c: (c.start, c.end))
    cands = _pronouns_to_last_speaker(a.text, cands)
    out: list[Attribution] = []
    for c in cands:  # one attribution per content span
        if out and (c.start, c.end) == (out[-1].start, out[-1].end):
            continue
        out.append(c)
    return out


def attribution(a: Analysis, quotes: list[Quote], start: int, end: int) -> list[str]:
    """Actor ids who say the statement in ``[start, end)``: the speaker of the quote holding
    it, then the outlet it is reported via.  The publisher is never included."""
    holding = [q for q in quotes if q.start <= start and end <= q.end]
    if not holding:
        holding = [q for q in quotes if q.start < end and start < q.end
                   and min(q.end, end) - max(q.start, start) >= 0.5 * max(1, end - start)]
    ids: list[str] = []
    for q in sorted(holding, key=lambda q: q.end - q.start):
        found = [q.speaker.actor if q.speaker else None, q.via.actor if q.via else None]
        for actor in found:
            if actor and actor != a.publisher_actor and actor not in ids:
                ids.append(actor)
    return ids


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
    if c.cue is not None and c.speaker is not None:
        # '..., "QUOTE," he said': a quotation set off by a comma or colon and followed by
        # the speaker and cue is the content, not the clause the parser hung it on
        for q in inside:
            gap = text[q.after:min(c.cue[0], c.speaker.start)] if q.close_mark is not None else "x"
            lead = text[:q.open_mark].rstrip()
            if q.after <= min(c.cue[0], c.speaker.start) and not any(ch.isalnum() for ch in gap) \
                    and lead.endswith((",", ":")):
                return replace(c, start=q.start, end=q.end, kind="direct")
    start, end = c.start, c.end
    for q in inside:  # a quotation cut by the content's edge is taken whole
        if q.start < end < q.end:
            end = q.end
    end = _close_mark_end(text, start, end)
    return replace(c, start=start, end=end, kind="mixed")


def _names_a_work(text: str, start: int, end: int) -> bool:
    """A quotation that is a title ('on the channel's “Morning Show,”', 'in “The Long Road”'):
    a few capitalised words right after a possessive or a preposition."""
    words = [w for w in text[start:end].strip(" ,.").split() if any(ch.isalnum() for ch in w)]
    if not words or len(words) > MAX_TITLE_WORDS or not all(w[0].isupper() or w[0].isdigit() or w.lower() in
                                                            TITLE_SMALL_WORDS for w in words):
        return False
    before = text[max(0, start - 30):start].rstrip(" “\"'‘«").split()
    return bool(before) and (before[-1].endswith(("’s", "'s")) or before[-1].lower() in TITLE_PREPS)


def _close_mark_end(text: str, start: int, end: int) -> int:
    """Extend over ',”' / '."' right after a content holding an unclosed opening mark."""
    seg = text[start:end]
    opens = sum(seg.count(m) for m in quote_marks.OPEN_MARKS)
    closes = sum(seg.count(m) for m in quote_marks.CLOSE_MARKS)
    straight_open = seg.count(quote_marks.STRAIGHT) % 2 == 1
    if opens <= closes and not straight_open:
        return end
    for k in range(end, min(len(text), end + 3)):
        if text[k] in quote_marks.CLOSE_MARKS or (straight_open and text[k] == quote_marks.STRAIGHT):
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
        att = _colon_quote(a, q, q_pairs)
        min_words = MIN_CONTENT_WORDS
        if att is None:
            att = _cue_after(a, q, q_pairs)
            min_words = 1  # '"Geneva," she answered': the cue right after makes one word a quote
        if att is None and prev is not None and prev_q is not None and _continues(a, prev, prev_q, q):
            att = Attribution(start=q.start, end=q.end, kind="direct", speaker=prev.speaker,
                              cue=None, via=prev.via, source="continued")
            min_words = MIN_CONTENT_WORDS
        if att is not None and count_words(a.text, q.start, q.end) >= min_words:
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
            and not a.text[q.after:block[1]].strip(" .,") and prev.kind == "direct":
        prev_block = _block(a, prev.start)
        # a paragraph that is only a quotation, after a paragraph quoting someone: still them
        return prev_block is not None and _next_block_start(a, prev_block[1]) == block[0]
    if prev.kind != "direct" or prev.cue is None or _block_start(a, q.open_mark) != _block_start(a, prev_q.open_mark):
        return False
    gap = a.text[prev_q.after:q.open_mark]
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
    after = _tokens_after(a, sent.span, q.close_mark)
    bare_only = False
    if not after:  # '"QUOTE." X said on Monday.' split into two sentences
        nxt = a.sentence_at(q.close_mark + 2) or a.sentence_at(q.close_mark + 3)
        if nxt is None or nxt.index != sent.index + 1 or _block_start(a, nxt.start) != _block_start(a, q.open_mark):
            return None
        after = _tokens_after(a, nxt.span, nxt.span.start_char - 1)
        bare_only = True
    for verb in after:
        if bare_only and any(c.dep_ in ("ccomp", "dobj", "xcomp") for c in verb.children):
            return None
        if quote_marks.holds(q_pairs, verb.idx, verb.idx + 1):
            break
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in lex.speech:
            continue
        subj = subject_of(verb) or (speaker_between(verb, q.after) if not bare_only else None)
        if subj is None:
            return None
        first = after[0]
        if first.i not in (verb.i, subj.left_edge.i, subj.i):
            return None
        speaker = speaker_at(a, subj, q_pairs)
        return Attribution(start=q.start, end=q.end, kind="direct", speaker=speaker,
                           cue=(verb.idx, tok_end(verb)), via=via_of_verb(a, verb, q_pairs, speaker),
                           cue_lemma=verb.lemma_.lower())
    return None


def _tokens_after(a: Analysis, sent, offset: int, limit: int = 60) -> list:
    """The first words (not punctuation or space) of ``sent`` after character ``offset``."""
    i = sent.start
    tok = a.doc.char_span(offset, offset + 1, alignment_mode="expand") if offset >= sent.start_char else None
    if tok is not None and len(tok):
        i = max(i, tok[-1].i + 1)
    out = []
    for t in a.doc[i:min(sent.end, i + limit)]:
        if t.idx > offset and not t.is_punct and not t.is_space:
            out.append(t)
    return out


def _colon_quote(a: Analysis, q: quote_marks.Quoted, q_pairs: list[tuple[int, int]]) -> Attribution | None:
    """'NAME, title, in comments to OUTLET: "QUOTE"' / 'X said: "QUOTE"' / 'X said, "QUOTE"'."""
    before = a.text[:q.open_mark].rstrip()
    if not before.endswith((":", ",")):
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
    cue_lemma = ""
    if before.endswith(","):  # 'X said, "QUOTE"' / '..., adding, "QUOTE"': the verb before the comma
        if intro[-1].pos_ != "VERB" or intro[-1].lemma_.lower() not in lex.speech:
            return None
        verb = intro[-1]
    else:
        verb = next((t for t in intro if t.pos_ == "VERB" and t.lemma_.lower() in lex.speech), None)
    if verb is not None:
        subj = subject_of(verb)
        if subj is not None:
            speaker = speaker_at(a, subj, q_pairs)
            cue, cue_lemma = (verb.idx, tok_end(verb)), verb.lemma_.lower()
    if speaker is None and before.endswith(","):
        return None
    if speaker is None:
        speaker = _intro_speaker(a, intro, q_pairs)
    cands = []
    for t in intro:
        if t.dep_ == "prep" and t.lower_ == "in":
            objs = channel_objects(t, lex)
            if objs:
                cands.extend(objs)
                if cue is None:
                    last_prep = objs[0].head
                    cue, cue_lemma = (t.idx, tok_end(last_prep)), last_prep.lemma_.lower()
    via = media_speaker(a, cands, q_pairs, speaker)
    return Attribution(start=q.start, end=q.end, kind="direct", speaker=speaker, cue=cue, via=via,
                       cue_lemma=cue_lemma, source="colon")


def _intro_speaker(a: Analysis, intro: list, q_pairs: list[tuple[int, int]]) -> Speaker | None:
    """Who speaks in a colon's lead-in with no speech verb: its root noun phrase when it names
    an actor ("NAME, title, in comments to X:"), else the last actor it names ("The surge does
    not surprise pollster NAME:"), else nobody (the quotation is still a quote)."""
    ids = {t.i for t in intro}
    roots = [t for t in intro if t.head.i not in ids or t.head.i == t.i]
    root = next((t for t in roots if t.pos_ in ("PROPN", "NOUN", "PRON")), None)
    if root is not None:
        speaker = speaker_at(a, root, q_pairs)
        if speaker.actor is None and root.text[:1].isupper() and root.i == intro[-1].i:
            # "Falk: '...'", a name alone before the colon: the person named in full elsewhere
            named = named_speaker(a, a.text[speaker.start:speaker.end], speaker.start, speaker.end)
            speaker = named or speaker
        if speaker.actor is not None:
            return speaker
    lo, hi = intro[0].idx, tok_end(intro[-1])
    named = [m for m in a.mentions if lo <= m.start and m.end <= hi and m.kind in SPEAKING_KINDS
             and not quote_marks.holds(q_pairs, m.start, m.start + 1)]
    if not named:
        return None
    m = named[-1]
    head = next((t for t in intro if t.idx <= m.start < tok_end(t)), intro[-1])
    return Speaker(start=m.start, end=m.end, actor=m.actor_id, kind=m.kind, head=head.i)


# -- pass 3: channels and nesting ---------------------------------------------------------

def _resolve_nesting(cands: list[Attribution]) -> list[Attribution]:
    """Drop channel wrappers (their speaker becomes the inner via), and inner attributions
    that repeat the outer speaker or name nobody."""
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
            unnamed = (outer.speaker is not None and outer.speaker.actor is not None and not channel
                       and (result[j].speaker is None or result[j].speaker.actor is None))
            if same or unnamed:  # "X said Y showed Z": Z stays X's claim
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
    words = a.words
    for sent in a.sentences:
        for i in range(sent.span.start, sent.span.end):
            if words.lemma[i] not in lex.channel_verbs or words.pos[i] != "VERB":
                continue
            tok = a.doc[i]
            if any(c.dep_ in ("ccomp", "dobj", "xcomp") for c in tok.children):
                continue
            subj = subject_of(tok)
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


# -- paragraphs ---------------------------------------------------------------------------

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
