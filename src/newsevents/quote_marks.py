"""Quotation-mark spans: the stretches of text a writer puts between quotation marks.

A pure scan of the characters of each paragraph, before any parse:

* curly marks pair an opening ``“`` with the next closing ``”`` (angle marks ``«`` ``»`` the
  same); an opening mark glued to the end of a word while a quotation is open closes it (a
  common typing slip: ``“We are ready,“ she said``); straight double marks ``"`` (and two apostrophes ``''``, as some archives write them)
  alternate open/close;
* single marks, outside double quotations only (a quotation inside a quotation belongs to the
  outer one): a curly ``‘`` (or angle ``‹``) opens, and the first ``’`` (``›``) after it that
  ends a word (not followed by a letter or digit, as the apostrophe of "don’t" is) and does
  not follow white space closes, within a few hundred characters; an opening one before a
  digit ("‘90s") or never closed is an apostrophe.  Straight single marks are apostrophes too often to be used;
* a quotation left open at the end of a paragraph runs to the paragraph's end (news style
  leaves the closing mark off a paragraph that a quotation continues past);
* the span returned is the text *inside* the marks (the marks excluded), trimmed of white space.

A quotation may hold several sentences; no quotation runs across paragraphs.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

OPEN_MARKS = "“„«"
CLOSE_MARKS = "”»"
STRAIGHT = '"'
#: straight marks: the double quote, and two apostrophes as some archives (and the Penn
#: Treebank's ``...'' convention) write it
STRAIGHT_MARKS = {'"', "''"}
_MARK = re.compile(r"''|``|[“”„«»\"]")
#: the longest single-mark quotation (single marks are apostrophes too; a far pairing is wrong)
MAX_SINGLE = 300
#: an opening single mark not inside a word; its closing mark ends a word
_SINGLE_OPEN = re.compile(r"(?<![\w’'])[‘‹](?=[^\s\d])(?!n’)")
_SINGLE_CLOSE = {"‘": re.compile(r"(?<=\S)’(?![\w])"), "‹": re.compile(r"(?<=\S)›(?![\w])")}


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
        if open_at is not None and mark in OPEN_MARKS and _closes_word(text, i, i + len(mark), end):
            mark = CLOSE_MARKS[0]  # '“... here,“ she said': an opening mark typed for the closing one
        if mark in OPEN_MARKS or mark == "``" or (straight and open_at is None):
            if open_at is None:  # a second opening mark while open: keep the first
                open_at, open_len = i, len(mark)
        elif open_at is not None:  # a closing or straight mark while open
            _add(out, text, open_at, open_at + open_len, i, i, m.end())
            open_at = None
    if open_at is not None:
        _add(out, text, open_at, open_at + open_len, end, None, None)
    return out


def _closes_word(text: str, start: int, stop: int, end: int) -> bool:
    """A mark glued to the word before it and followed by white space (or the block's end)."""
    return start > 0 and not text[start - 1].isspace() and (stop >= end or text[stop].isspace())


def _add(out: list[Quoted], text: str, open_mark: int, inside: int, stop: int,
         close_mark: int | None, close_end: int | None) -> None:
    s, e = inside, stop
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    if e > s:
        out.append(Quoted(start=s, end=e, open_mark=open_mark, close_mark=close_mark, close_end=close_end))


def scan_single(text: str, start: int, end: int) -> list[Quoted]:
    """Single-mark quotations inside ``text[start:end]`` (see the module docstring)."""
    out: list[Quoted] = []
    i = start
    while True:
        m = _SINGLE_OPEN.search(text, i, end)
        if m is None:
            return out
        close = _SINGLE_CLOSE[m.group()].search(text, m.end(), min(end, m.end() + MAX_SINGLE))
        if close is None:  # an apostrophe, or a mark too far from any close to pair with it
            i = m.end()
            continue
        _add(out, text, m.start(), m.end(), close.start(), close.start(), close.end())
        i = close.end()


def scan(text: str, blocks: list[tuple[int, int]]) -> list[Quoted]:
    """Quotation spans of every block, in text order: double marks, then single marks in the
    stretches no double quotation covers."""
    out: list[Quoted] = []
    for start, end in blocks:
        doubles = scan_block(text, start, end)
        found = list(doubles)
        lo = start
        for q in doubles + [None]:
            hi = q.open_mark if q is not None else end
            found.extend(scan_single(text, lo, hi))
            if q is None or q.close_end is None:
                break
            lo = q.close_end
        out.extend(sorted(found, key=lambda q: q.open_mark))
    return out


def holds(pairs: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether one of ``pairs`` (sorted, non-overlapping quotation spans) contains
    ``[start, end)``: a binary search, so that thousands of quotations stay fast."""
    i = bisect_right(pairs, (start, float("inf"))) - 1
    return i >= 0 and pairs[i][0] <= start and end <= pairs[i][1]
