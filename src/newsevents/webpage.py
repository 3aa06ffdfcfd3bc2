"""An HTML page into article text and metadata (title, date, publisher, URL, language).

Body text: **trafilatura** first (in its ``fast`` mode, which skips its internal fallbacks:
on the Zyte article benchmark that mode is both faster and slightly better), with
**readability-lxml** as the second opinion.  The two fail differently: trafilatura keeps too
much on pages whose article sits in a layout table or beside a long menu (its output then
reads as navigation: short lines without sentence punctuation, or table rows), readability
loses paragraphs on pages with several candidate containers.  So readability runs only when
trafilatura returns nothing or text that does not read as prose, and its text is taken only
when it reads clearly more like prose.  Running readability on every page would halve the
speed for little gain (see ``benchmarks/html_extraction.py``).  Then a line equal to the
headline is removed from the top (the title is metadata, not body), and so are short
"Read more:" / "Related:" / "Advertisement" lines.

The text keeps the page's block structure, which the layout stage relies on: one paragraph
or heading per line, list items as ``- item`` lines.

Metadata (title, date, publisher, canonical URL) comes from the page's markup
(:mod:`newsevents.pagemeta`); the language is detected from the extracted text
(:mod:`newsevents.language`).
"""

from __future__ import annotations

import copy
import logging
import re
from dataclasses import dataclass

import lxml.html
from lxml import etree

from . import encoding, language, pagemeta
from .errors import EmptyText, UnreadableFile

# readability-lxml logs a traceback for each page it gives up on (and we then use trafilatura's
# text): without a handler, Python would print it on stderr, where the CLI writes only its JSON
# error lines. An application that configures logging still receives the records.
logging.getLogger("readability").addHandler(logging.NullHandler())

#: trafilatura's text is replaced by readability's only when its prose ratio is below this ...
PROSE_FLOOR = 0.7
#: ... and readability's is at least this, and higher by this margin
READABILITY_PROSE_MIN = 0.5
PROSE_MARGIN = 0.1
#: text shorter than this (characters) is a failed extraction: ask readability
SHORT_BODY = 300

_BLOCK_TAGS = frozenset({
    "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption",
    "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li",
    "main", "nav", "ol", "p", "pre", "section", "table", "tbody", "td", "th", "thead", "tr", "ul",
})
_SKIP_TAGS = frozenset({"script", "style", "noscript", "template", "svg", "head", "title"})
_WORD = re.compile(r"\w+")
_SENTENCE_END = re.compile(r"[.!?:;\"”’')\]]\s*$")
#: characters no XML tree may hold (the C0 controls but tab, newline and carriage return)
_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_SPACES = re.compile(r"[ \t\u00a0\u2009\u200a\u202f\u3000]+")
#: short lines of page furniture that extractors let through (compared case-insensitively)
_FURNITURE = re.compile(
    r"^(read more|see more|see also|don'?t miss|related( posts?| stories| articles| content)?|"
    r"you may also like|you might also like|recommended( for you)?|more from|click here|"
    r"advertisement|sponsored( content)?|sign up|subscribe( now)?|share this( article| story)?)\b",
    re.IGNORECASE)
_FURNITURE_MAX_WORDS = 20
@dataclass(frozen=True)
class Page:
    """What :func:`read_html` found in one page."""

    text: str
    title: str | None
    published: str | None
    publisher: str | None
    url: str | None
    language: str | None
    extractor: str  # "trafilatura" or "readability"
    date_source: str | None = None


# -- the whole page -----------------------------------------------------------------------
def read_html(html: str | bytes, *, url: str | None = None, content_type: str | None = None) -> Page:
    """Extract the article text and metadata of one HTML page.

    Raises :class:`~newsevents.errors.UnreadableFile` for bytes that are not text or markup
    that cannot be parsed, :class:`~newsevents.errors.EmptyText` when no article text is found.
    """
    if isinstance(html, bytes):
        html = encoding.decode_bytes(html, declared=encoding.charset_from_content_type(content_type),
                                     html=True)
    tree = parse_html(html)
    meta = pagemeta.page_metadata(tree, url)
    text, extractor = body_text(tree, url=url, titles=pagemeta.title_candidates(tree, meta.title))
    text = encoding.repair(text)
    if not text.strip():
        raise EmptyText("no article text found in the HTML page" + _depth_hint(tree))
    published = meta.published
    date_source = meta.date_source
    if published is None:
        published = pagemeta.htmldate_date(tree, url or meta.url)
        date_source = "htmldate" if published else None
    return Page(text=text, title=meta.title, published=published, publisher=meta.publisher,
                url=meta.url, language=language.decide(text, meta.language), extractor=extractor,
                date_source=date_source)


#: how deep libxml2 nests elements; what lies deeper is dropped while parsing
MAX_DEPTH = 255


def _depth_hint(tree: lxml.html.HtmlElement) -> str:
    """Why a page may have come out empty: markup nested deeper than the parser keeps."""
    depth = max((sum(1 for _ in el.iterancestors()) for el in tree.iter()), default=0)
    if depth < MAX_DEPTH - 1:
        return ""
    return f" (its markup is nested {MAX_DEPTH} elements deep; the HTML parser drops what lies deeper)"


def parse_html(html: str) -> lxml.html.HtmlElement:
    """The lxml tree of a page; :class:`UnreadableFile` when there is no markup to parse."""
    if not html.strip():
        raise EmptyText("the HTML page is empty")
    html = re.sub(r"^\s*<\?xml[^>]*>", "", html)  # lxml refuses str input with an encoding declaration
    html = _NOT_XML.sub("", html)  # a stray control character would make lxml refuse the text around it
    try:
        tree = lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError) as e:
        raise UnreadableFile(f"cannot parse the HTML page: {e}") from e
    return tree


# -- body text ----------------------------------------------------------------------------
def body_text(tree: lxml.html.HtmlElement, *, url: str | None = None,
              titles: tuple[str, ...] = ()) -> tuple[str, str]:
    """(article text, extractor used); the tree is left unchanged."""
    text = trafilatura_text(tree, url=url)
    extractor = "trafilatura"
    ratio, size = prose_ratio(text)
    if ratio < PROSE_FLOOR or size < SHORT_BODY:
        other = readability_text(tree, url=url)
        other_ratio, other_size = prose_ratio(other)
        if other_size and (
            (not size) or (other_ratio >= READABILITY_PROSE_MIN and other_ratio > ratio + PROSE_MARGIN)
        ):
            text, extractor = other, "readability"
    return clean_text(text, titles), extractor


def trafilatura_text(tree: lxml.html.HtmlElement, *, url: str | None = None) -> str:
    """trafilatura's text for the page (on a copy of the tree), '' when it finds none."""
    import trafilatura

    out = trafilatura.extract(copy.deepcopy(tree), url=url, fast=True, include_comments=False,
                              include_tables=True, output_format="txt")
    return out or ""


def readability_text(tree: lxml.html.HtmlElement, *, url: str | None = None) -> str:
    """readability-lxml's text for the page (on a copy of the tree), '' when it finds none."""
    from readability import Document
    from readability.readability import Unparseable

    try:
        summary = Document(copy.deepcopy(tree)).summary(html_partial=True)
    except (Unparseable, ValueError, TypeError, IndexError, AssertionError, etree.LxmlError):
        return ""  # readability's own failures (a page without <body> trips an assertion in lxml)
    return fragment_text(summary)


def fragment_text(fragment: str) -> str:
    """Plain text of an HTML fragment (a feed summary, an extractor's output), one block a line."""
    if not fragment or not fragment.strip():
        return ""
    if "<" not in fragment:
        return _tidy_lines(fragment)
    try:
        root = lxml.html.fromstring(f"<div>{fragment}</div>")
    except (etree.ParserError, ValueError, AssertionError):
        return _tidy_lines(re.sub(r"<[^>]+>", " ", fragment))
    parts: list[str] = []
    _walk(root, parts)
    return _tidy_lines("".join(parts))


def _walk(el: etree._Element, parts: list[str]) -> None:
    tag = el.tag if isinstance(el.tag, str) else ""
    if tag in _SKIP_TAGS or not isinstance(el.tag, str):
        if el.tail:
            parts.append(el.tail)
        return
    block = tag in _BLOCK_TAGS
    if block:
        parts.append("\n")
    if tag == "li":
        parts.append("- ")
    if el.text:
        parts.append(el.text)
    for child in el:
        _walk(child, parts)
    if block:
        parts.append("\n")
    elif tag in ("td", "th"):
        parts.append(" ")
    if el.tail:
        parts.append(el.tail)


def _tidy_lines(text: str) -> str:
    lines = (_SPACES.sub(" ", line).strip() for line in text.replace("\r", "\n").split("\n"))
    return "\n".join(line for line in lines if line and line != "-")


def prose_ratio(text: str) -> tuple[float, int]:
    """(share of characters in lines that read as sentences, total characters of non-blank lines).

    A line reads as a sentence when it has at least 10 words and ends with sentence
    punctuation; a table row (``| a | b |``) never does.
    """
    total = good = 0
    for line in text.split("\n"):
        s = line.strip()
        if not s:
            continue
        total += len(s)
        if not s.startswith("|") and len(s.split()) >= 10 and _SENTENCE_END.search(s):
            good += len(s)
    return (good / total if total else 0.0), total


def clean_text(text: str, titles: tuple[str, ...] = ()) -> str:
    """Tidy extractor output: table pipes off, headline and short furniture lines out."""
    norm_titles = [t for t in (_norm(x) for x in titles) if t]
    out: list[str] = []
    for i, raw in enumerate(text.split("\n")):
        line = _SPACES.sub(" ", raw).strip()
        if line.startswith("|"):
            line = " ".join(cell.strip() for cell in line.strip("|").split(" | ") if cell.strip())
        if not line:
            continue
        if not out and i < 3 and _is_title(line, norm_titles):
            continue
        if len(line.split()) <= _FURNITURE_MAX_WORDS and _FURNITURE.match(line):
            continue
        out.append(line)
    return "\n".join(out)


def _norm(text: str) -> str:
    return " ".join(_WORD.findall(text.lower()))


def _is_title(line: str, norm_titles: list[str]) -> bool:
    n = _norm(line)
    if not n:
        return False
    return any(n == t or (n in t and len(n) > 0.6 * len(t)) for t in norm_titles)
