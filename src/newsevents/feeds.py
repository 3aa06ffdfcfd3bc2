"""RSS and Atom feeds into input rows, one per entry, with ``feedparser``.

``feedparser`` is the long-standing reference parser: it reads every RSS and Atom version,
copes with the malformed XML many feeds serve (it flags it as ``bozo`` and goes on), detects
the feed's encoding itself and sanitizes embedded HTML.  Each entry becomes an
:class:`~newsevents.models.InputItem` whose text is the entry's full content when the feed
carries it (``content:encoded``, Atom ``content``), else its summary; HTML in either is turned
into plain text with one paragraph a line.  The entry's guid (else its link) is the item's
id, so the same entry read twice is the same article; its link, title, date and the feed's
outlet and language fill the other fields.

The date is the entry's own calendar date as the publisher wrote it (``Mon, 23 Dec 2024
22:30 -0500`` is 23 December), not feedparser's conversion to UTC, which would move evening
stories to the next day.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re
import time
from collections.abc import Iterator

from .language import primary
from .models import ErrorBody, InputItem, ItemError
from .pagemeta import iso_date, outlet_for_url
from .webpage import fragment_text

FEED_SUFFIXES = frozenset({".xml", ".rss", ".atom"})
_SECTION_SEPARATOR = re.compile(r"\s+[-|–—:»]\s+|:\s+")


def _error(code: str, message: str, path: str, id: str | None = None) -> ItemError:
    return ItemError(id=id, path=path, error=ErrorBody(code=code, message=message))


def read_feed(data: bytes | str, *, source: str) -> Iterator[InputItem | ItemError]:
    """One item per feed entry; a document that is not a feed gives one ``E_READ`` error.

    ``source`` names the feed (a path or URL) in items' ``path`` and in error messages.
    """
    import feedparser

    parsed = feedparser.parse(data)
    if not parsed.entries:
        if parsed.get("bozo") and not parsed.get("version"):
            reason = parsed.get("bozo_exception")
            yield _error("E_READ", f"not an RSS or Atom feed ({reason})", source)
        else:
            yield _error("E_EMPTY", "the feed has no entries", source)
        return
    feed = parsed.feed
    feed_link = feed.get("link")
    publisher = outlet_for_url(feed_link) or feed_outlet(feed.get("title"))
    feed_language = primary(feed.get("language"))
    broken = f" (the feed is malformed: {parsed.get('bozo_exception')})" if parsed.get("bozo") else ""
    for n, entry in enumerate(parsed.entries, 1):
        item = entry_item(entry, source=f"{source}#{n}", publisher=publisher, language=feed_language)
        if isinstance(item, ItemError) and broken:
            item.error.message += broken
        yield item


def feed_outlet(title: str | None) -> str | None:
    """The outlet in a feed's title: "Harbor Wire" from "Harbor Wire - World" or "Harbor Wire | Top"."""
    title = _clean(title)
    if not title:
        return None
    return _SECTION_SEPARATOR.split(title, maxsplit=1)[0].strip() or title


def entry_item(entry: dict, *, source: str, publisher: str | None = None,
               language: str | None = None) -> InputItem | ItemError:
    """One feed entry as an input row (``E_EMPTY`` when it carries no text)."""
    ident = _clean(entry.get("id")) or _clean(entry.get("link"))
    text = entry_text(entry)
    if not text:
        return _error("E_EMPTY", "the feed entry has neither content nor a summary", source, ident)
    return InputItem(
        id=ident,
        text=text,
        title=_clean(entry.get("title")),
        url=_clean(entry.get("link")),
        published=entry_date(entry),
        publisher=publisher,
        language=primary(entry.get("language")) or language,
        path=source,
    )


def entry_text(entry: dict) -> str:
    """The entry's longest content block, else its summary, as plain text."""
    blocks = [c for c in entry.get("content") or [] if (c.get("value") or "").strip()]
    if blocks:
        best = max(blocks, key=lambda c: len(c.get("value") or ""))
        return _as_text(best.get("value") or "", best.get("type"))
    detail = entry.get("summary_detail") or {}
    return _as_text(entry.get("summary") or "", detail.get("type"))


def _as_text(value: str, mime: str | None) -> str:
    if mime == "text/plain":
        return "\n".join(line.strip() for line in value.strip().splitlines() if line.strip())
    return fragment_text(value)


def entry_date(entry: dict) -> str | None:
    """``YYYY-MM-DD``: the publication (else update) date in the entry's own time zone."""
    for key in ("published", "updated", "created"):
        raw = entry.get(key)
        if not raw:
            continue
        found = iso_date(raw) if raw[:4].isdigit() else _rfc822_date(raw)
        if found:
            return found
        parsed = entry.get(f"{key}_parsed")
        if isinstance(parsed, time.struct_time):
            return dt.date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday).isoformat()
    return None


def _rfc822_date(raw: str) -> str | None:
    try:
        return email.utils.parsedate_to_datetime(raw).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return None


def _clean(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None
