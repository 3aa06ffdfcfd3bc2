"""Page metadata from markup: title, publication date, publisher, canonical URL, language.

A news page usually says what it is in machine-readable form: a JSON-LD ``NewsArticle``
(``headline``, ``datePublished``, ``publisher``), Open Graph and ``article:`` meta tags,
``<link rel=canonical>`` and ``<html lang>``.  Reading those with a few XPath queries is both
faster and more reliable on news pages than a general search of the page, so they come first;
the URL's own date (``/2019/11/18/``) comes next, and wins over a machine-readable stamp one
day away from it (such stamps are often in UTC, while the URL carries the publisher's local
date); ``htmldate`` (from trafilatura's author) is the last resort for the date, and the URL's
domain, matched against the outlets in the knowledge base, for the publisher.
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

from .language import primary

_SPACES = re.compile(r"[ \t\u00a0\u2009\u200a\u202f\u3000]+")
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
                    language=primary(lang), date_source=source)


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


def title_candidates(tree: lxml.html.HtmlElement, title: str | None) -> tuple[str, ...]:
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


def htmldate_date(tree: lxml.html.HtmlElement, url: str | None) -> str | None:
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
