"""Headline attributions: "NAME: CLAIM", the news headline's way of saying who said it.

A heading of the article, or its first line when that is short enough to be its title,
that starts with a short name and a colon
("Lavrov: Treaty Ready for Signing", "Kremlin on Talks: ‘No Deal Without Guarantees’") attributes
the rest of the heading to that name.  The name must resolve to an actor that can speak:
first an actor mention in the article's prose with that surface, or that ends with it (a
surname: "Graham" for "Lindsey Graham"), else the actors stage's ``resolve``.  Section
labels ("Exclusive:", "Watch:", "Poll:") resolve to no actor and give nothing.  The kind
comes from the quotation marks: all inside one quotation is direct, some quoted words make
it mixed, none indirect.  There is no cue word (the colon stands for it).
"""

from __future__ import annotations

import re

from . import quote_marks
from .actors import resolve
from .analysis import Analysis
from .quote_cues import MIN_CONTENT_WORDS, Attribution, count_words
from .quote_speakers import Speaker

#: "Name:" or "Name on Topic:" at the start of a heading: one to five capitalised words
#: (initials, hyphens, apostrophes), then a colon and the claim
HEADLINE = re.compile(r"(?P<name>[A-Z][\w.’'-]*(?: [A-Z][\w.’'-]*){0,4})(?: on [^:\n]{1,120})?\s*:\s+(?P<claim>\S.*\S)")
MAX_TITLE = 200  # characters of a first line read as the article's title
SPEAKING_KINDS = {"person", "organization", "media", "igo", "group", "country"}


def headline_quotes(a: Analysis) -> list[Attribution]:
    """Attributions of the article's "NAME: CLAIM" headings."""
    out: list[Attribution] = []
    for k, block in enumerate(a.layout.blocks):
        title = k == 0 and block.kind == "paragraph" and block.end - block.start <= MAX_TITLE
        if block.kind != "heading" and not title:
            continue
        m = HEADLINE.fullmatch(a.text.rstrip(), block.start, block.end)
        if m is None or count_words(a.text, m.start("claim"), m.end("claim")) < MIN_CONTENT_WORDS:
            continue
        speaker = named_speaker(a, m.group("name"), m.start("name"), m.end("name"))
        if speaker is None:
            continue
        start, end = m.start("claim"), m.end("claim")
        inside = quote_marks.scan(a.text, [(start, end)])
        kind = "indirect"
        if len(inside) == 1 and not _words_outside(a.text, start, end, inside[0]):
            kind, start, end = "direct", inside[0].start, inside[0].end
        elif inside:
            kind = "mixed"
        out.append(Attribution(start=start, end=end, kind=kind, speaker=speaker, cue=None,
                               source="headline"))
    return out


def _words_outside(text: str, start: int, end: int, q: quote_marks.Quoted) -> bool:
    return any(ch.isalnum() for ch in text[start:q.open_mark] + text[q.after:end])


def named_speaker(a: Analysis, name: str, start: int, end: int) -> Speaker | None:
    """The speaker a bare name at ``[start, end)`` outside the parsed prose denotes: an actor
    mention with that surface or ending with it (a surname), else ``resolve``."""
    for m in a.mentions:
        surface = a.text[m.start:m.end]
        if m.kind in SPEAKING_KINDS and (surface == name or surface.endswith(" " + name)):
            return Speaker(start=start, end=end, actor=m.actor_id, kind=m.kind, head=-1)
    actor = resolve(name, a.published)
    if actor is None or actor.kind not in SPEAKING_KINDS:
        return None
    return Speaker(start=start, end=end, actor=actor.id, kind=actor.kind, head=-1)
