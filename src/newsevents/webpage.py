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

Metadata comes from the page's own markup, read with a few XPath queries (JSON-LD
``NewsArticle``, Open Graph and ``article:`` meta tags, ``<link rel=canonical>``, ``<html
lang>``), which is both faster and more reliable on news pages than a general search;
``htmldate`` (from trafilatura's author) is the fallback for the publication date, and the
URL's domain, matched against the outlets in the knowledge base, for the publisher.  The
language is detected from the extracted text (:mod:`newsevents.language`).
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import re
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import lxml.html
from lxml import etree

from . import encoding, language
from .errors import EmptyText, UnreadableFile

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
_SPACES = re.compile(r"[ \t\u00a0\u2009\u200a\u202f\u3000]+")
#: short lines of page furniture that extractors let through (compared case-insensitively)
_FURNITURE = re.compile(
    r"^(read more|see more|see also|don'?t miss|related( posts?| stories| articles| content)?|"
    r"you may also like|you might also like|recommended( for you)?|more from|click here|"
    r"advertisement|sponsored( content)?|sign up|subscribe( now)?|share this( article| story)?)\b",
    re.IGNORECASE)
_FURNITURE_MAX_WORDS = 20
_URL_DATE = re.compile(r"(?<!\d)((?:19|20)\d{2})[/_-]?(0[1-9]|1[0-2])[/_-]?(0[1-9]|[12]\d|3[01])(?!\d)")
_URL_DATE_SLASHED = re.compile(r"/((?:19|20)\d{2})/(0?[1-9]|1[0-2])/(0?[1-9]|[12]\d|3[01])/")
_URL_DATE_MONTH = re.compile(r"/((?:19|20)\d{2})/(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*/"
                             r"(0?[1-9]|[12]\d|3[01])/", re.IGNORECASE)
_MONTHS = {m: i for i, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1)}
_ISO_DATE = re.compile(r"((?:19|20)\d{2})-(\d{1,2})-(\d{1,2})")
_TITLE_SPLIT = re.compile(r"\s+[|\-–—:·»]\s+")
_ARTICLE_TYPES = {"newsarticle", "article", "reportagenewsarticle", "blogposting", "analysisnewsarticle",
                  "opinionnewsarticle", "backgroundnewsarticle", "reviewnewsarticle", "webpage",
                  "liveblogposting", "report", "scholarlyarticle", "techarticle"}
_DATE_META = (
    "article:published_time", "og:article:published_time", "og:published_time", "datepublished",
    "article.published", "pubdate", "publishdate", "publish-date", "publish_date", "published_time",
    "parsely-pub-date", "sailthru.date", "dc.date.issued", "dcterms.issued", "dcterms.created",
    "dc.date", "date", "original-publish-date", "cxenseparse:recs:publishtime", "article:published",
)


@dataclass(frozen=True)
class Metadata:
    title: str | None = None
    published: str | None = None  # YYYY-MM-DD
    publisher: str | None = None
    url: str | None = None
    language: str | None = None  # as declared by the page (html lang), not detected
    date_source: str | None = None  # where the date came from: jsonld, meta, time, url, htmldate


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
    meta = page_metadata(tree, url)
    text, extractor = body_text(tree, url=url, titles=_title_candidates(tree, meta.title))
    text = encoding.repair(text)
    if not text.strip():
        raise EmptyText("no article text found in the HTML page")
    published = meta.published
    date_source = meta.date_source
    if published is None:
        published = _htmldate(tree, url or meta.url)
        date_source = "htmldate" if published else None
    return Page(text=text, title=meta.title, published=published, publisher=meta.publisher,
                url=meta.url, language=language.decide(text, meta.language), extractor=extractor,
                date_source=date_source)


def parse_html(html: str) -> lxml.html.HtmlElement:
    """The lxml tree of a page; :class:`UnreadableFile` when there is no markup to parse."""
    if not html.strip():
        raise EmptyText("the HTML page is empty")
    html = re.sub(r"^\s*<\?xml[^>]*>", "", html)  # lxml refuses str input with an encoding declaration
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


# -- metadata -----------------------------------------------------------------------------
def page_metadata(tree: lxml.html.HtmlElement, url: str | None = None) -> Metadata:
    """Title, date, publisher, canonical URL and declared language from the page's markup."""
    meta = _meta_tags(tree)
    ld = _jsonld_article(tree)
    canonical = _canonical(tree, meta, url)
    title = (_clean(meta.get("og:title")) or _clean(meta.get("twitter:title"))
             or _clean(_ld_str(ld.get("headline"))) or _title_tag(tree) or _first_h1(tree))
    published, source = _markup_date(tree, meta, ld)
    in_url = url_date(url) or url_date(canonical)
    if in_url and (published is None or _one_day_apart(published, in_url)):
        # the URL's date is the publisher's local date; markup dates are often in UTC
        published, source = in_url, "url"
    publisher = (_clean(meta.get("og:site_name")) or _ld_publisher(ld)
                 or _clean(meta.get("application-name")) or publisher_from_url(canonical or url))
    lang = (tree.get("lang") or tree.get("{http://www.w3.org/XML/1998/namespace}lang")
            or meta.get("content-language") or meta.get("og:locale") or _ld_str(ld.get("inLanguage")))
    return Metadata(title=title, published=published, publisher=publisher, url=canonical or url,
                    language=language.primary(lang), date_source=source)


def _meta_tags(tree: lxml.html.HtmlElement) -> dict[str, str]:
    out: dict[str, str] = {}
    for m in tree.iter("meta"):
        key = m.get("property") or m.get("name") or m.get("itemprop") or m.get("http-equiv")
        value = m.get("content")
        if key and value and value.strip():
            out.setdefault(key.strip().lower(), value.strip())
    return out


def _jsonld_article(tree: lxml.html.HtmlElement) -> dict:
    """The first JSON-LD object of an article type (empty dict when none parses)."""
    fallback: dict = {}
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            data = json.loads(script.text or "")
        except ValueError:
            continue
        for obj in _ld_objects(data):
            types = obj.get("@type")
            names = {str(t).lower() for t in (types if isinstance(types, list) else [types])}
            if names & _ARTICLE_TYPES - {"webpage"}:
                return obj
            if "webpage" in names and not fallback:
                fallback = obj
    return fallback


def _ld_objects(data: object):
    if isinstance(data, list):
        for x in data:
            yield from _ld_objects(x)
    elif isinstance(data, dict):
        yield data
        graph = data.get("@graph")
        if graph is not None:
            yield from _ld_objects(graph)


def _ld_str(value: object) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("name") or value.get("@value")
    return value.strip() if isinstance(value, str) and value.strip() else None


def _ld_publisher(ld: dict) -> str | None:
    return _clean(_ld_str(ld.get("publisher")))


def _clean(value: str | None) -> str | None:
    if not value:
        return None
    value = _SPACES.sub(" ", value).strip()
    return value or None


def _title_tag(tree: lxml.html.HtmlElement) -> str | None:
    el = tree.find(".//title")
    text = _clean(el.text_content()) if el is not None else None
    if not text:
        return None
    parts = _TITLE_SPLIT.split(text)
    return max(parts, key=len) if len(parts) > 1 else text


def _first_h1(tree: lxml.html.HtmlElement) -> str | None:
    for h in tree.iter("h1"):
        text = _clean(h.text_content())
        if text:
            return text
    return None


def _title_candidates(tree: lxml.html.HtmlElement, title: str | None) -> tuple[str, ...]:
    found = [t for t in (title, _title_tag(tree), _first_h1(tree)) if t]
    return tuple(dict.fromkeys(found))


def _canonical(tree: lxml.html.HtmlElement, meta: dict[str, str], url: str | None) -> str | None:
    for link in tree.iter("link"):
        if "canonical" in (link.get("rel") or "").lower().split() and link.get("href"):
            found = _absolute(link.get("href", ""), url or meta.get("og:url"))
            if found:
                return found
    if meta.get("og:url"):
        return _absolute(meta["og:url"], url)
    return None


def _absolute(href: str, base: str | None) -> str | None:
    href = href.strip()
    if href.startswith(("http://", "https://")):
        return href
    if base and href:
        return urljoin(base, href)
    return None


def iso_date(value: str | None) -> str | None:
    """``YYYY-MM-DD`` from the start of an ISO date or date-time, None if it is not one."""
    if not value:
        return None
    m = _ISO_DATE.search(value.strip()[:40])
    if not m:
        return None
    try:
        return dt.date(int(m[1]), int(m[2]), int(m[3])).isoformat()
    except ValueError:
        return None


def markup_date(tree: lxml.html.HtmlElement) -> tuple[str | None, str | None]:
    """(publication date, source) from the page's markup alone: JSON-LD, meta tags, ``<time>``."""
    return _markup_date(tree, _meta_tags(tree), _jsonld_article(tree))


def _markup_date(tree: lxml.html.HtmlElement, meta: dict[str, str], ld: dict) -> tuple[str | None, str | None]:
    found = iso_date(_ld_str(ld.get("datePublished")))
    if found:
        return found, "jsonld"
    for key in _DATE_META:
        found = iso_date(meta.get(key))
        if found:
            return found, "meta"
    for t in tree.xpath('//time[@itemprop="datePublished" or @pubdate][@datetime]')[:1]:
        found = iso_date(t.get("datetime"))
        if found:
            return found, "time"
    found = iso_date(_ld_str(ld.get("dateCreated")))
    if found:
        return found, "jsonld"
    return None, None


def _one_day_apart(a: str, b: str) -> bool:
    return abs((dt.date.fromisoformat(a) - dt.date.fromisoformat(b)).days) == 1


def url_date(url: str | None) -> str | None:
    """A date written in a URL's path (``/2019/11/20/``, ``2019-11-20``, ``20191120``)."""
    if not url:
        return None
    path = urlsplit(url).path
    m = _URL_DATE_MONTH.search(path)
    if m:
        try:
            return dt.date(int(m[1]), _MONTHS[m[2][:3].lower()], int(m[3])).isoformat()
        except ValueError:
            pass
    for pattern in (_URL_DATE_SLASHED, _URL_DATE):
        m = pattern.search(path)
        if m:
            try:
                return dt.date(int(m[1]), int(m[2]), int(m[3])).isoformat()
            except ValueError:
                continue
    return None


def _htmldate(tree: lxml.html.HtmlElement, url: str | None) -> str | None:
    import htmldate

    try:
        found = htmldate.find_date(copy.deepcopy(tree), url=url, original_date=True,
                                   extensive_search=False, outputformat="%Y-%m-%d")
    except (ValueError, TypeError, etree.LxmlError):
        return None
    return found or None


def publisher_from_url(url: str | None) -> str | None:
    """The outlet a URL belongs to: a knowledge-base outlet named like its domain, else the domain."""
    return outlet_for_url(url) or _host(url)


def outlet_for_url(url: str | None) -> str | None:
    """The knowledge-base outlet whose name matches the URL's domain (``reuters.com`` -> Reuters)."""
    host = _host(url)
    if not host:
        return None
    labels = host.split(".")
    # the registrable label: "bbc" in bbc.co.uk, "reuters" in reuters.com
    if len(labels) >= 3 and len(labels[-2]) <= 3 and len(labels[-1]) == 2:
        core = labels[-3]
    else:
        core = labels[-2] if len(labels) >= 2 else labels[0]
    from .knowledge import load_kb

    for hit in load_kb().lookup(core):
        if hit.entry.kind == "media":
            return hit.entry.name
    return None


def _host(url: str | None) -> str | None:
    if not url:
        return None
    host = (urlsplit(url).hostname or "").lower()
    if host.startswith("www."):
        host = host[4:]
    return host or None
