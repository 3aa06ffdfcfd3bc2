"""WARC files (web archives, ``.warc`` or ``.warc.gz``): every HTML response is an article.

``warcio`` (from Webrecorder) is the standard streaming reader: it handles gzipped and plain
archives record by record without loading the file, and ``content_stream()`` undoes the
HTTP chunked transfer and gzip/deflate content encodings that crawlers store verbatim.

Each ``response`` record (and ``resource`` record, as written by some tools) whose HTTP
status is 200 and whose content type is HTML becomes an :class:`~newsevents.models.InputItem`
with the page's HTML, decoded with the charset its headers declare (else detected), and its
target URI as ``url``.  Requests, metadata, redirects and non-HTML responses (images,
scripts) are not articles and are passed over.  The record's WARC-Date is when the page was
crawled, not when it was published, so it is not used as the date; the page's own metadata
supplies that later.
"""

from __future__ import annotations

import contextlib
import gzip
import io
import zlib
from collections.abc import Iterator
from pathlib import Path

from .encoding import charset_from_content_type, decode_bytes
from .errors import UnreadableFile
from .models import ErrorBody, InputItem, ItemError

HTML_TYPES = ("text/html", "application/xhtml+xml")
#: a page larger than this (bytes) is not an article; it is skipped with an error
MAX_PAGE_BYTES = 20 * 1024 * 1024


def is_warc(path: Path) -> bool:
    name = path.name.lower()
    return name.endswith(".warc") or name.endswith(".warc.gz")


def _error(code: str, message: str, path: str, id: str | None = None) -> ItemError:
    return ItemError(id=id, path=path, error=ErrorBody(code=code, message=message))


def read_warc(path: str | Path) -> Iterator[InputItem | ItemError]:
    """One item per HTML response in the archive; an unreadable archive gives one ``E_READ``.

    warcio reports a damaged record by writing to stderr; that is caught here and becomes an
    ``E_READ`` item error (the records around it are still read).
    """
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    name = str(path)
    try:
        if not _starts_as_warc(Path(path)):
            yield _error("E_READ", "not a WARC file (it does not begin with a WARC/1.x record)", name)
            return
        with open(path, "rb") as stream:
            records = iter(ArchiveIterator(stream))
            n = 0
            while True:
                warnings = io.StringIO()
                with contextlib.redirect_stderr(warnings):
                    record = next(records, None)
                    n += 1
                    item = _record_item(record, f"{name}#{n}") if record is not None else None
                if warnings.getvalue().strip():
                    first = warnings.getvalue().strip().splitlines()[0]
                    yield _error("E_READ", f"damaged archive near record {n}: {first}", f"{name}#{n}")
                if record is None:
                    return
                if item is not None:
                    yield item
    except ArchiveLoadFailed as e:
        yield _error("E_READ", f"not a readable WARC file: {getattr(e, 'msg', None) or e}", name)
    except (OSError, EOFError, zlib.error) as e:
        yield _error("E_READ", f"cannot read the archive: {getattr(e, 'strerror', None) or e}", name)


def _starts_as_warc(path: Path) -> bool:
    with open(path, "rb") as f:
        head = f.read(2)
    opener = gzip.open if head == b"\x1f\x8b" else open
    with opener(path, "rb") as f:
        return f.read(5) == b"WARC/"


def _record_item(record, where: str) -> InputItem | ItemError | None:
    if record.rec_type not in ("response", "resource"):
        return None
    url = record.rec_headers.get_header("WARC-Target-URI")
    if record.rec_type == "response":
        if record.http_headers is None:
            return None
        status = record.http_headers.get_statuscode()
        if status != "200":
            return None
        content_type = record.http_headers.get_header("Content-Type") or ""
    else:
        content_type = record.rec_headers.get_header("Content-Type") or ""
    if content_type.split(";")[0].strip().lower() not in HTML_TYPES:
        return None
    body = record.content_stream().read(MAX_PAGE_BYTES + 1)
    if len(body) > MAX_PAGE_BYTES:
        return _error("E_READ", f"the page at {url} is larger than {MAX_PAGE_BYTES} bytes", where)
    try:
        html = decode_bytes(body, declared=charset_from_content_type(content_type), html=True)
    except UnreadableFile as e:
        return _error(e.code, f"{url}: {e.message}", where)
    if not html.strip():
        return _error("E_EMPTY", f"the response for {url} is empty", where)
    return InputItem(html=html, url=url, path=where)
