"""Reading input: paths and streams into :class:`~newsevents.models.InputItem` rows.

Accepted (``shared/CONTRACT.md``): a ``.txt`` file (one article), an ``.html``/``.htm`` file
(one page), a ``.jsonl`` file (one article per line), an RSS or Atom feed (``.xml``, ``.rss``,
``.atom``: one article per entry, :mod:`newsevents.feeds`), a web archive (``.warc``,
``.warc.gz``: one article per HTML response, :mod:`newsevents.warc`), a directory (read
recursively, in sorted order), ``-`` for JSON lines on standard input, or an ``http(s)://``
URL (a feed, or one page, by what the server sends: :func:`newsevents.fetch.read_url`).
With ``fetch_links``, each feed entry is read from the page it links to instead of the
feed's summary (:func:`newsevents.fetch.with_linked_pages`).

Text and HTML files are decoded with :mod:`newsevents.encoding` (UTF-8, else the declared or
detected charset); a file that is not text (binary data) is rejected with ``E_READ``, a
``.txt`` or HTML file larger than :data:`MAX_FILE_BYTES` with ``E_TOO_LONG`` (unread), and a
JSON-lines row whose strings are not valid Unicode with ``E_ROW``.

Nothing here raises for a bad item: an unreadable file or a broken row becomes an
:class:`~newsevents.models.ItemError` naming the file (and line), and reading goes on.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING

from .encoding import check_unicode, decode_bytes, printable
from .errors import UnreadableFile
from .feeds import FEED_SUFFIXES, read_feed
from .models import ErrorBody, InputItem, ItemError
from .warc import is_warc, read_warc

if TYPE_CHECKING:
    from .fetch import Fetcher, FetchConfig

TEXT_SUFFIXES = {".txt"}
HTML_SUFFIXES = {".html", ".htm"}
JSONL_SUFFIXES = {".jsonl"}
READABLE = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES | FEED_SUFFIXES
#: the largest one-article file (.txt, .html) read; a larger one is not one article
MAX_FILE_BYTES = 16 * 1024 * 1024
_ROW_FIELDS = ("text", "html", "published", "publisher", "title", "url", "language")


def _error(code: str, message: str, *, path: str | None, id: str | None = None) -> ItemError:
    return ItemError(id=printable(id), path=printable(path),
                     error=ErrorBody(code=code, message=printable(message)))


def read_paths(paths: Iterable[str], *, published: str | None = None,
               publisher: str | None = None, stdin: IO[str] | None = None,
               fetcher: "Fetcher | None" = None, fetch_config: "FetchConfig | None" = None,
               fetch_links: bool = False,
               skip: Callable[[InputItem], bool] | None = None) -> Iterator[InputItem | ItemError]:
    """Every item under ``paths``; ``published``/``publisher`` fill what an item lacks.

    URLs are downloaded with ``fetcher``, else with one made on first use (with
    ``fetch_config``) and closed at the end; ``fetch_links`` and ``skip`` are those of
    :func:`~newsevents.fetch.read_url`.
    """
    web = _Web(fetcher, fetch_config, fetch_links, skip)
    try:
        for raw in paths:
            for item in _read_one(raw, stdin, web):
                if isinstance(item, InputItem):
                    if (published or publisher) and item.text is None and item.html is not None:
                        _fill_from_page(item)  # a page's own date and outlet win over the fill-ins
                    if published and not item.published:
                        item.published = published
                    if publisher and not item.publisher:
                        item.publisher = publisher
                yield item
    finally:
        web.close()


class _Web:
    """The downloader for URLs and feed links, made on first use when the caller gave none."""

    def __init__(self, fetcher: "Fetcher | None", config: "FetchConfig | None", fetch_links: bool,
                 skip: Callable[[InputItem], bool] | None) -> None:
        self._fetcher, self._config, self._own = fetcher, config, False
        self.fetch_links, self.skip = fetch_links, skip

    @property
    def fetcher(self) -> "Fetcher":
        if self._fetcher is None:
            from .fetch import Fetcher, FetchConfig

            self._fetcher, self._own = Fetcher(config=self._config or FetchConfig()), True
        return self._fetcher

    def read_url(self, url: str) -> Iterator[InputItem | ItemError]:
        from .fetch import read_url

        return read_url(url, self.fetcher, fetch_links=self.fetch_links, skip=self.skip)

    def feed_rows(self, rows: Iterator[InputItem | ItemError]) -> Iterator[InputItem | ItemError]:
        if not self.fetch_links:
            return rows
        from .fetch import with_linked_pages

        return with_linked_pages(rows, self.fetcher, skip=self.skip)

    def close(self) -> None:
        if self._own and self._fetcher is not None:
            self._fetcher.close()


def _fill_from_page(item: InputItem) -> None:
    """Fill an HTML item's missing fields from its page's markup (errors surface later)."""
    from .errors import NewsEventsError
    from .pagemeta import page_metadata
    from .webpage import parse_html

    try:
        meta = page_metadata(parse_html(item.html or ""), item.url)
    except NewsEventsError:
        return
    item.published = item.published or meta.published
    item.publisher = item.publisher or meta.publisher
    item.title = item.title or meta.title
    item.url = item.url or meta.url


def _read_one(raw: str, stdin: IO[str] | None, web: _Web) -> Iterator[InputItem | ItemError]:
    if raw == "-":
        yield from read_jsonl_stream(stdin or sys.stdin, "-")
        return
    if is_url(raw):
        yield from web.read_url(raw)
        return
    path = Path(raw)
    if path.is_dir():
        files = sorted(p for p in path.rglob("*") if p.is_file() and readable(p))
        for f in files:
            yield from _read_file(f, web)
        return
    if not path.exists():
        yield _error("E_READ", f"no such file or directory: {raw}", path=raw)
        return
    yield from _read_file(path, web)


def is_url(path: str) -> bool:
    """True for an ``http://`` or ``https://`` address."""
    return path[:8].lower().startswith(("http://", "https://"))


def readable(path: Path) -> bool:
    """True for the file types a directory walk reads."""
    return path.suffix.lower() in READABLE or is_warc(path)


def _read_file(path: Path, web: _Web) -> Iterator[InputItem | ItemError]:
    suffix = path.suffix.lower()
    if is_warc(path):
        yield from read_warc(path)
        return
    if suffix not in READABLE:
        yield _error("E_UNSUPPORTED", f"unsupported file type {suffix or '(none)'}: expected "
                     ".txt, .html, .htm, .jsonl, a feed (.xml, .rss, .atom) or a web archive "
                     "(.warc, .warc.gz)", path=str(path))
        return
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES and suffix in TEXT_SUFFIXES | HTML_SUFFIXES:
            yield _error("E_TOO_LONG", f"the file is {size:,} bytes, more than the {MAX_FILE_BYTES:,} "
                         "of one article: split it into its articles (one per file, or JSON lines)",
                         path=str(path))
            return
        data = path.read_bytes()
    except OSError as e:
        yield _error("E_READ", f"cannot read file: {e.strerror or e}", path=str(path))
        return
    if suffix in FEED_SUFFIXES:
        yield from web.feed_rows(read_feed(data, source=str(path)))
        return
    try:
        content = decode_bytes(data, html=suffix in HTML_SUFFIXES)
    except UnreadableFile as e:
        yield _error(e.code, e.message, path=str(path))
        return
    if suffix in JSONL_SUFFIXES:
        yield from read_jsonl_lines(content.splitlines(), str(path))
    elif suffix in HTML_SUFFIXES:
        yield InputItem(html=content, path=str(path))
    else:
        yield InputItem(text=content, path=str(path))


def read_jsonl_stream(stream: IO[str], name: str) -> Iterator[InputItem | ItemError]:
    """Rows of a JSON-lines stream; a real file's bytes are decoded line by line, so bytes that
    are not UTF-8 reject their line (``E_ROW``) instead of ending the stream."""
    raw = getattr(stream, "buffer", None)
    if raw is not None:
        lines = (b.decode("utf-8", "surrogateescape").rstrip("\r\n") for b in raw)
    else:
        lines = (line.rstrip("\n") for line in stream)
    yield from read_jsonl_lines(lines, name)


def read_jsonl_lines(lines: Iterable[str], name: str) -> Iterator[InputItem | ItemError]:
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"{name}:{n}"
        try:
            row = json.loads(line)
        except json.JSONDecodeError as e:
            yield _error("E_ROW", f"line {n} is not JSON: {e.msg} (column {e.colno})", path=where)
            continue
        if not isinstance(row, dict):
            yield _error("E_ROW", f"line {n} is a JSON {type(row).__name__}, not an object", path=where)
            continue
        ident = row.get("id")
        ident = str(ident) if ident is not None else None
        bad = [k for k in _ROW_FIELDS if row.get(k) is not None and not isinstance(row[k], str)]
        if bad:
            yield _error("E_ROW", f"line {n}: field(s) {', '.join(bad)} must be strings", path=where, id=ident)
            continue
        try:
            for k in ("id", *_ROW_FIELDS):
                if row.get(k) is not None:
                    check_unicode(str(row[k]), f"line {n}: field {k}")
        except UnreadableFile as e:
            yield _error("E_ROW", e.message, path=where, id=ident)
            continue
        if not (row.get("text") or row.get("html")):
            yield _error("E_EMPTY", f"line {n} has neither 'text' nor 'html'", path=where, id=ident)
            continue
        fields = {k: row.get(k) for k in _ROW_FIELDS}
        yield InputItem(id=ident, path=where, **fields)
