"""Quotation-mark spans: the stretches of text a writer puts between quotation marks.

A pure scan of the characters of each paragraph, before any parse:

* curly marks pair an opening ``“`` with the next closing ``”``; straight double marks ``"``
  alternate open/close; single marks are not used (they are apostrophes too often);
* a quotation left open at the end of a paragraph runs to the paragraph's end (news style
  leaves the closing mark off a paragraph that a quotation continues past);
* the span returned is the text *inside* the marks (the marks excluded), trimmed of white space.

A quotation may hold several sentences; no quotation runs across paragraphs.
"""

from __future__ import annotations

from dataclasses import dataclass

OPEN_MARKS = "“„«"
CLOSE_MARKS = "”»"
STRAIGHT = '"'
ALL_MARKS = OPEN_MARKS + CLOSE_MARKS + STRAIGHT


@dataclass(frozen=True)
class Quoted:
    """The inside of one pair of quotation marks: ``[start, end)`` excludes the marks."""

    start: int
    end: int
    open_mark: int  # offset of the opening mark
    close_mark: int | None  # offset of the closing mark, None when left open at paragraph end


def scan_block(text: str, start: int, end: int) -> list[Quoted]:
    """Quotation spans inside ``text[start:end]`` (one paragraph)."""
    out: list[Quoted] = []
    open_at: int | None = None
    for i in range(start, end):
        ch = text[i]
        if ch in OPEN_MARKS or (ch == STRAIGHT and open_at is None):
            if open_at is None:
                open_at = i
            # a second opening mark while open: keep the first (nested marks are rare)
        elif (ch in CLOSE_MARKS or ch == STRAIGHT) and open_at is not None:
            _add(out, text, open_at, i, i)
            open_at = None
    if open_at is not None:
        _add(out, text, open_at, end, None)
    return out


def _add(out: list[Quoted], text: str, open_mark: int, stop: int, close_mark: int | None) -> None:
    s, e = open_mark + 1, stop
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    if e > s:
        out.append(Quoted(start=s, end=e, open_mark=open_mark, close_mark=close_mark))


def scan(text: str, blocks: list[tuple[int, int]]) -> list[Quoted]:
    """Quotation spans of every block, in text order."""
    out: list[Quoted] = []
    for start, end in blocks:
        out.extend(scan_block(text, start, end))
    return out
