"""Text layout: blocks (lines), headings, sections and boilerplate.

News text arrives as lines: paragraphs, sub-headings ("What's New?", "Why It Matters") and
page furniture that is not part of the report (photo credits, "Contact ...@..." lines,
newsletter, share and advertisement lines).  This stage finds them from the text alone,
before any parsing:

* every non-blank line is a *block*, classified as ``paragraph``, ``heading`` or
  ``boilerplate``;
* boilerplate is recognised first, by the patterns in ``data/boilerplate.toml``; it stays in
  ``text`` but no later stage reads it;
* a heading is a short line that does not read as a sentence (no closing full stop,
  mostly capitalised words or a question), followed by a paragraph;
* a section runs from a heading to the next one; text before the first heading is a
  section with no title.

The pipeline makes every line break a sentence boundary, so no sentence crosses a block.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from .resources import load_toml
from .models import Boilerplate, Section

BlockKind = Literal["paragraph", "heading", "boilerplate"]


@dataclass(frozen=True)
class Block:
    start: int
    end: int
    kind: BlockKind
    boilerplate_kind: str | None = None


@dataclass(frozen=True)
class Layout:
    blocks: tuple[Block, ...]
    sections: tuple[Section, ...]
    boilerplate: tuple[Boilerplate, ...]

    def excluded(self, start: int, end: int) -> bool:
        """True when [start, end) overlaps boilerplate or a heading (not article prose)."""
        for b in self.blocks:
            if b.kind != "paragraph" and b.start < end and start < b.end:
                return True
        return False


@lru_cache(maxsize=1)
def _patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    data = load_toml("boilerplate.toml")
    out = []
    for rule in data["rule"]:
        out.append((rule["kind"], re.compile(rule["pattern"], re.IGNORECASE if rule.get("ignore_case", True) else 0)))
    return tuple(out)


_SMALL_WORDS = {
    "a", "an", "the", "and", "or", "but", "of", "in", "on", "at", "to", "for", "by", "with",
    "from", "as", "is", "are", "it", "its", "vs", "via", "about", "into", "over", "after",
}


def boilerplate_kind(line: str) -> str | None:
    """The kind of page furniture this line is, or None when it is article text."""
    s = line.strip()
    if not s:
        return None
    for kind, pat in _patterns():
        if pat.search(s):
            return kind
    return None


def looks_like_heading(line: str) -> bool:
    """A short line that reads as a title rather than a sentence."""
    s = line.strip()
    if not s or len(s) > 80:
        return False
    words = s.split()
    if len(words) > 10:
        return False
    if s[-1] in ".,;:\"”'’)" or not (s[0].isupper() or s[0].isdigit()):
        return False
    if s.endswith("?") or s.endswith("!"):
        return True
    content = [w for w in words if w.lower() not in _SMALL_WORDS]
    if not content:
        return False
    capitalised = sum(1 for w in content if w[0].isupper() or w[0].isdigit())
    return capitalised / len(content) >= 0.6


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-blank line, stripped of surrounding white space."""
    spans = []
    for m in re.finditer(r"[^\n]+", text):
        seg = m.group()
        lead = len(seg) - len(seg.lstrip())
        trail = len(seg) - len(seg.rstrip())
        if seg.strip():
            spans.append((m.start() + lead, m.end() - trail))
    return spans


def analyze_layout(text: str) -> Layout:
    lines = _lines(text)
    kinds: list[tuple[BlockKind, str | None]] = []
    for start, end in lines:
        line = text[start:end]
        bk = boilerplate_kind(line)
        kinds.append(("boilerplate", bk) if bk else ("paragraph", None))
    # headings: short title-like lines followed (after any boilerplate) by a paragraph
    for i, (start, end) in enumerate(lines):
        if kinds[i][0] != "paragraph" or not looks_like_heading(text[start:end]):
            continue
        nxt = next((j for j in range(i + 1, len(lines)) if kinds[j][0] != "boilerplate"), None)
        if nxt is None:
            continue
        nstart, nend = lines[nxt]
        if looks_like_heading(text[nstart:nend]) and not text[nstart:nend].rstrip().endswith("?"):
            # two title-like lines in a row: only the first is a heading if the next is long
            if nend - nstart < 80:
                continue
        kinds[i] = ("heading", None)
    blocks = tuple(Block(s, e, k, bk) for (s, e), (k, bk) in zip(lines, kinds))

    sections: list[Section] = []
    heads = [b for b in blocks if b.kind == "heading"]
    first_body = next((b for b in blocks if b.kind == "paragraph"), None)
    if first_body and (not heads or first_body.start < heads[0].start):
        end = heads[0].start if heads else len(text.rstrip())
        sections.append(Section(title=None, start=first_body.start, end=_rstrip_end(text, end)))
    for i, h in enumerate(heads):
        end = heads[i + 1].start if i + 1 < len(heads) else len(text)
        sections.append(Section(title=text[h.start:h.end], start=h.start, end=_rstrip_end(text, end)))
    boiler = tuple(
        Boilerplate(kind=b.boilerplate_kind or "other", start=b.start, end=b.end)
        for b in blocks if b.kind == "boilerplate"
    )
    return Layout(blocks=blocks, sections=tuple(sections), boilerplate=boiler)


def _rstrip_end(text: str, end: int) -> int:
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return end
