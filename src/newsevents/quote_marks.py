"""Quotation-mark spans: the stretches of text a writer puts between quotation marks.

A pure scan of the characters of each paragraph, before any parse:

* curly marks pair an opening ``“`` with the next closing ``”``; straight double marks ``"``
  (and two apostrophes ``''``, as some archives write them) alternate open/close; single
  marks are not used (they are apostrophes too often);
* a quotation left open at the end of a paragraph runs to the paragraph's end (news style
  leaves the closing mark off a paragraph that a quotation continues past);
* the span returned is the text *inside* the marks (the marks excluded), trimmed of white space.

A quotation may hold several sentences; no quotation runs across paragraphs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

OPEN_MARKS = "“„«"
CLOSE_MARKS = "”»"
STRAIGHT = '"'
#: straight marks: the double quote, and two apostrophes as some archives (and the Penn
#: Treebank's ``...'' convention) write it
STRAIGHT_MARKS = {'"', "''"}
_MARK = re.compile(r"''|``|[“”„«»\"]")


@dataclass(frozen=True)
class Quoted:
    """The inside of one pair of quotation marks: ``[start, end)`` excludes the marks."""

    start: int
    end: int
    open_mark: int  # offset of the opening mark
    close_mark: int | None  # offset of the closing mark, None when left open at paragraph end
    close_end: int | None = None  # offset just after the closing mark

    @property
    def after(self) -> int:
        """Offset just after the closing mark (or the end of the text inside, when open)."""
        return self.close_end if self.close_end is not None else self.end


def scan_block(text: str, start: int, end: int) -> list[Quoted]:
    """Quotation spans inside ``text[start:end]`` (one paragraph)."""
    out: list[Quoted] = []
    open_at: int | None = None
    open_len = 0
    for m in _MARK.finditer(text, start, end):
        mark, i = m.group(), m.start()
        straight = mark in STRAIGHT_MARKS
        if mark in OPEN_MARKS or mark == "``" or (straight and open_at is None):
            if open_at is None:  # a second opening mark while open: keep the first
                open_at, open_len = i, len(mark)
        elif open_at is not None:  # a closing or straight mark while open
            _add(out, text, open_at, open_at + open_len, i, i, m.end())
            open_at = None
    if open_at is not None:
        _add(out, text, open_at, open_at + open_len, end, None, None)
    return out


def _add(out: list[Quoted], text: str, open_mark: int, inside: int, stop: int,
         close_mark: int | None, close_end: int | None) -> None:
    s, e = inside, stop
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    if e > s:
        out.append(Quoted(start=s, end=e, open_mark=open_mark, close_mark=close_mark, close_end=close_end))


def scan(text: str, blocks: list[tuple[int, int]]) -> list[Quoted]:
    """Quotation spans of every block, in text order."""
    out: list[Quoted] = []
    for start, end in blocks:
        out.extend(scan_block(text, start, end))
    return out
