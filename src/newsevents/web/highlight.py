"""An article's text cut into segments for display, the way displaCy shows entities.

Four layers are marked: actor mentions and time expressions (entities, with a label after
each), quotes, and the evidence sentences of the article's events. Spans of different layers
may overlap or cross (a quote runs over two sentences), so the text is cut at every span
boundary and each segment carries every layer that covers it; the template wraps each segment
in one element, so the markup is always well nested. The text itself is never turned into
markup here: the template escapes it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..models import Article


@dataclass
class Segment:
    """A run of text with the same marks: ``entity`` is ``"actor"`` or ``"time"``, ``events``
    the indices of the events whose evidence sentence covers it; ``label`` (set on an entity's
    last segment) is shown after the text, ``title`` on hover."""

    text: str
    entity: str | None = None
    entity_start: bool = False
    label: str | None = None
    title: str | None = None
    quote: bool = False
    events: list[int] = field(default_factory=list)
    focus: bool = False

    @property
    def css(self) -> str:
        names = ["seg"]
        if self.entity:
            names += ["ent", f"ent-{self.entity}"]
            names += ["ent-first"] if self.entity_start else []
            names += ["ent-last"] if self.label else []
        names += ["quote"] if self.quote else []
        names += ["evidence"] if self.events else []
        names += ["focus"] if self.focus else []
        return " ".join(names)

    @property
    def event_ids(self) -> str:
        return " ".join(map(str, self.events))


@dataclass
class _Entity:
    start: int
    end: int
    kind: str
    label: str
    title: str


def _entities(art: Article) -> list[_Entity]:
    """Actor mentions and times, without overlaps (the earlier, then the longer, wins)."""
    found = [
        _Entity(m.start, m.end, "actor", a.id if a.kind == "country" else a.kind,
                f"{a.name} · {a.id}" + (f" · {a.country}" if a.country else "") + (f" · {a.sector}" if a.sector else ""))
        for a in art.actors for m in a.mentions
    ] + [
        _Entity(t.start, t.end, "time", t.value + (f" {t.mod}" if t.mod else ""), f"{t.type} {t.text!r}")
        for t in art.times
    ]
    found.sort(key=lambda e: (e.start, -(e.end - e.start)))
    kept: list[_Entity] = []
    for e in found:
        if e.end > e.start and (not kept or e.start >= kept[-1].end):
            kept.append(e)
    return kept


def segments(art: Article, focus: tuple[int, int] | None = None) -> list[Segment]:
    """The article's text as segments; the ``focus`` span (an evidence sentence) is marked."""
    n = len(art.text)
    ents = _entities(art)
    quotes = [(q.start, q.end) for q in art.quotes]
    evidence = [(e.evidence.start, e.evidence.end) for e in art.events]
    cuts = {0, n}
    for s, e in [(x.start, x.end) for x in ents] + quotes + evidence + ([focus] if focus else []):
        cuts.update((max(0, min(s, n)), max(0, min(e, n))))
    bounds = sorted(cuts)
    out: list[Segment] = []
    ent_i = 0
    for lo, hi in zip(bounds, bounds[1:]):
        if lo == hi:
            continue
        while ent_i < len(ents) and ents[ent_i].end <= lo:
            ent_i += 1
        seg = Segment(art.text[lo:hi])
        if ent_i < len(ents) and ents[ent_i].start <= lo < ents[ent_i].end:
            ent = ents[ent_i]
            seg.entity, seg.entity_start, seg.title = ent.kind, lo == ent.start, ent.title
            seg.label = ent.label if hi >= ent.end else None
        seg.quote = any(s <= lo < e for s, e in quotes)
        seg.events = [i for i, (s, e) in enumerate(evidence) if s <= lo < e]
        seg.focus = focus is not None and focus[0] <= lo < focus[1]
        out.append(seg)
    return out
