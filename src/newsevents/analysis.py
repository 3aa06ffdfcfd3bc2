"""The working state of one article while the stages run.

The pipeline fills an :class:`Analysis` stage by stage; each stage reads what earlier stages
wrote and returns its own records (``models``).  Stages never mutate each other's results.

Internal types here (``Sentence``, ``Mention``) are richer than the output records: they keep
links back to the spaCy ``Doc`` so later stages can use the parse.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from .layout import Layout, analyze_layout
from .models import Actor, Quote, Time
from .parse_arrays import Tree

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Span as SpacySpan


@dataclass(frozen=True)
class Sentence:
    """A sentence of article prose (never boilerplate or a heading)."""

    index: int
    start: int
    end: int
    span: "SpacySpan"  # the spaCy sentence span (char offsets may include trailing space)


@dataclass(frozen=True)
class Mention:
    """One resolved actor mention in the text."""

    start: int
    end: int
    actor_id: str
    kind: str
    country: str | None
    sector: str | None
    #: True when the mention stands for the state acting as a whole ("Tehran has denied")
    metonymy: bool = False


@dataclass(frozen=True)
class Words:
    """Per-token strings of a document, by token index (see :attr:`Analysis.words`)."""

    lower: list[str]
    lemma: list[str]  # lower-cased
    pos: list[str]


@dataclass
class Analysis:
    text: str
    published: dt.date | None
    publisher: str | None
    layout: Layout
    doc: "Doc"
    sentences: list[Sentence] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    times: list[Time] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    #: actor id of the publisher, when the knowledge base knows it
    publisher_actor: str | None = None

    @classmethod
    def begin(cls, doc: "Doc", *, published: dt.date | None = None, publisher: str | None = None,
              layout: Layout | None = None) -> "Analysis":
        """A fresh analysis of a parsed document: its layout (found here unless given) and
        its prose sentences; the stages fill the rest."""
        text = doc.text  # (spaCy joins the tokens' texts at each call: read it once)
        layout = layout if layout is not None else analyze_layout(text)
        a = cls(text=text, published=published, publisher=publisher, layout=layout, doc=doc)
        a.sentences = prose_sentences(doc, layout, text)
        a.tree  # noqa: B018 - the parse read afresh for this analysis, before a stage walks it
        return a

    @cached_property
    def tree(self) -> Tree:
        """The parse as plain lists (heads, children, dependency labels, strings), read once
        for the stages that walk the dependency tree (:mod:`~newsevents.parse_arrays`)."""
        return Tree.read(self.doc)

    @cached_property
    def words(self) -> "Words":
        """Each token's lower-cased form, lemma and coarse tag, read once: a stage that scans
        every token for a few words looks them up here and builds spaCy ``Token`` objects only
        for the tokens it keeps (a ``Token`` is a new Python object at every ``doc[i]``)."""
        tree = self.tree
        return Words(tree.lower, tree.lemma, tree.pos)

    def sentence_at(self, offset: int) -> Sentence | None:
        for s in self.sentences:
            if s.start <= offset < s.end:
                return s
        return None

    def mentions_in(self, start: int, end: int) -> list[Mention]:
        return [m for m in self.mentions if start <= m.start and m.end <= end]

    def times_in(self, start: int, end: int) -> list[Time]:
        return [t for t in self.times if start <= t.start and t.end <= end]

    def is_subject(self, m: Mention) -> bool:
        """The mention names the subject of its clause ("X met Y": X, not Y)."""
        span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
        return span is not None and span.root.dep_ in ("nsubj", "nsubjpass")


def prose_sentences(doc: "Doc", layout: Layout, text: str | None = None) -> list[Sentence]:
    """spaCy sentences trimmed of white space, minus boilerplate and headings (``text``: the
    document's text, when the caller has it)."""
    out: list[Sentence] = []
    text = doc.text if text is None else text
    for sent in doc.sents:
        start, end = sent.start_char, sent.end_char
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start >= end or layout.excluded(start, end):
            continue
        out.append(Sentence(index=len(out), start=start, end=end, span=sent))
    return out
