"""A polite downloader for article pages: robots.txt, a per-host rate limit, retries, limits.

Built on ``httpx`` (a typed, maintained HTTP client with explicit timeouts and streaming, so a
size limit can stop a download midway) and the standard library's ``urllib.robotparser``.
Politeness rules, all in :class:`FetchConfig`:

* **robots.txt** is read once per host and obeyed for our user agent, with its
  ``Crawl-delay`` (RFC 9309: a missing robots.txt (4xx) allows everything; a server error or
  an unreachable host disallows, until a later run);
* **one request per host per** ``min_interval`` seconds (or the crawl delay, if longer);
* **retries** with exponential back-off on connection errors, time-outs and the statuses
  that mean "try later" (429, 500, 502, 503, 504), honouring ``Retry-After``;
* **limits**: a time-out per request, at most ``max_redirects`` redirects, at most
  ``max_bytes`` of body (checked on ``Content-Length`` and again while streaming);
* an identifying **User-Agent**.

Every failure is a :class:`FetchError` (code ``E_FETCH``) that names the URL and says why,
so a batch can record it per item and go on.  :func:`read_url` reads what a URL serves (an
HTML page, or a feed's entries) and :func:`with_linked_pages` swaps each feed row's summary
for the page it links to (what ``ingest FEED --fetch`` needs); nothing here touches the
store: the caller says, through ``skip``, what is already stored.
"""

from __future__ import annotations

import time
import urllib.robotparser
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit

import httpx

from .encoding import charset_from_content_type, decode_bytes
from .errors import FetchError, UnreadableFile
from .models import ErrorBody, InputItem, ItemError

RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
HTML_TYPES = ("text/html", "application/xhtml+xml")


@dataclass(frozen=True)
class FetchConfig:
    user_agent: str = "newsevents/0.1 (+https://example.invalid/newsevents; research crawler)"
    timeout: float = 20.0  # seconds, for connecting and for each read
    retries: int = 3  # further attempts after the first
    backoff: float = 1.0  # seconds before the first retry; doubled each time
    max_backoff: float = 60.0
    min_interval: float = 1.0  # seconds between two requests to the same host
    max_bytes: int = 5 * 1024 * 1024
    max_redirects: int = 5
    respect_robots: bool = True


@dataclass(frozen=True)
class Fetched:
    url: str  # after redirects
    status: int
    content_type: str
    body: bytes
    retry_after: float | None = None  # seconds, from a Retry-After header


@dataclass
class _Host:
    robots: urllib.robotparser.RobotFileParser | None = None
    allow_all: bool = False
    deny_all: bool = False
    failure: str | None = None  # why the host's robots.txt could not be read
    last_request: float | None = None
    delay: float = 0.0


@dataclass
class Fetcher:
    """Downloads pages politely; reuse one instance for a whole crawl (it keeps per-host state)."""

    config: FetchConfig = field(default_factory=FetchConfig)
    client: httpx.Client | None = None
    clock: Callable[[], float] = time.monotonic
    sleep: Callable[[float], None] = time.sleep
    _hosts: dict[str, _Host] = field(default_factory=dict, init=False)

    def __post_init__(self) -> None:
        if self.client is None:
            self.client = httpx.Client(
                headers={"User-Agent": self.config.user_agent},
                timeout=httpx.Timeout(self.config.timeout),
                follow_redirects=True,
                max_redirects=self.config.max_redirects,
            )

    def __enter__(self) -> "Fetcher":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        if self.client is not None:
            self.client.close()

    # -- public --------------------------------------------------------------------------
    def get(self, url: str) -> Fetched:
        """The page at ``url``; raises :class:`FetchError` when it cannot or may not be had."""
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise FetchError(f"{url}: not an http(s) URL")
        if self.config.respect_robots and not self.allowed(url):
            failure = self._host(url).failure
            raise FetchError(f"{url}: {failure}" if failure else f"{url}: disallowed by the site's robots.txt")
        fetched, attempts = self._get_with_retries(url)
        if fetched.status >= 400:
            raise FetchError(f"{url}: HTTP status {fetched.status}"
                             + (f" (after {attempts} attempts)" if attempts > 1 else ""))
        return fetched

    def fetch_page(self, url: str) -> InputItem:
        """An input row with the page's HTML (decoded) and its final URL."""
        fetched = self.get(url)
        if not is_html(fetched):
            raise FetchError(f"{url}: not an HTML page (Content-Type {mime_type(fetched) or 'none'})")
        return page_item(fetched, url)

    def allowed(self, url: str) -> bool:
        """True when the host's robots.txt lets our user agent fetch ``url``."""
        host = self._host(url)
        if host.robots is None and not (host.allow_all or host.deny_all):
            self._read_robots(url, host)
        if host.allow_all:
            return True
        if host.deny_all or host.robots is None:
            return False
        return host.robots.can_fetch(self.config.user_agent, url)

    # -- internals -----------------------------------------------------------------------
    def _host(self, url: str) -> _Host:
        parts = urlsplit(url)
        key = f"{parts.scheme}://{parts.netloc.lower()}"
        return self._hosts.setdefault(key, _Host())

    def _read_robots(self, url: str, host: _Host) -> None:
        parts = urlsplit(url)
        robots_url = f"{parts.scheme}://{parts.netloc}/robots.txt"
        try:
            fetched, _ = self._get_with_retries(robots_url)
        except FetchError as e:  # unreachable, too large, a redirect loop
            host.deny_all = True
            host.failure = e.message.removeprefix(f"{robots_url}: ")
            return
        if 400 <= fetched.status < 500:
            host.allow_all = True
            return
        if fetched.status >= 500:
            host.deny_all = True
            host.failure = f"the site's robots.txt answers HTTP status {fetched.status}, so nothing may be fetched"
            return
        parser = urllib.robotparser.RobotFileParser(robots_url)
        parser.parse(fetched.body.decode("utf-8", "replace").splitlines())
        host.robots = parser
        delay = parser.crawl_delay(self.config.user_agent)
        host.delay = float(delay) if delay else 0.0

    def _get_with_retries(self, url: str) -> tuple[Fetched, int]:
        """The answer (any status) and the number of attempts; connection errors, time-outs and
        "try later" statuses are retried with back-off.  Raises :class:`FetchError`."""
        attempt = 0
        while True:
            try:
                fetched = self._request(url)
            except httpx.TransportError as e:
                if attempt >= self.config.retries:
                    raise FetchError(f"{url}: {self._describe(e)}"
                                     + (f" (after {attempt + 1} attempts)" if attempt else "")) from e
                wait = self._backoff(attempt, None)
            else:
                if fetched.status not in RETRY_STATUSES or attempt >= self.config.retries:
                    return fetched, attempt + 1
                wait = self._backoff(attempt, fetched)
            attempt += 1
            self.sleep(wait)

    def _describe(self, e: httpx.TransportError) -> str:
        if isinstance(e, httpx.TimeoutException):
            return f"no answer within {self.config.timeout:g} s ({type(e).__name__})"
        if isinstance(e, httpx.ConnectError):
            return f"cannot connect ({e or 'connection failed'})"
        return f"{type(e).__name__}: {e or 'network error'}"

    def _wait_for_turn(self, url: str) -> None:
        host = self._host(url)
        interval = max(self.config.min_interval, host.delay)
        now = self.clock()
        if host.last_request is not None and now - host.last_request < interval:
            self.sleep(interval - (now - host.last_request))
        host.last_request = self.clock()

    def _request(self, url: str) -> Fetched:
        self._wait_for_turn(url)
        assert self.client is not None
        try:
            with self.client.stream("GET", url) as response:
                length = response.headers.get("Content-Length")
                if length and length.isdigit() and int(length) > self.config.max_bytes:
                    raise FetchError(f"{url}: larger than {self.config.max_bytes} bytes ({length})")
                chunks: list[bytes] = []
                size = 0
                for chunk in response.iter_bytes():
                    size += len(chunk)
                    if size > self.config.max_bytes:
                        raise FetchError(f"{url}: larger than {self.config.max_bytes} bytes")
                    chunks.append(chunk)
                return Fetched(url=str(response.url), status=response.status_code,
                               content_type=response.headers.get("Content-Type", ""),
                               body=b"".join(chunks),
                               retry_after=retry_after_seconds(response.headers.get("Retry-After")))
        except httpx.TooManyRedirects as e:
            raise FetchError(f"{url}: more than {self.config.max_redirects} redirects") from e
        except (httpx.InvalidURL, httpx.UnsupportedProtocol) as e:
            raise FetchError(f"{url}: {e}") from e

    def _backoff(self, attempt: int, fetched: Fetched | None) -> float:
        wait = self.config.backoff * (2 ** attempt)
        if fetched is not None and fetched.retry_after is not None:
            wait = max(wait, fetched.retry_after)
        return min(wait, self.config.max_backoff)


def mime_type(fetched: Fetched) -> str:
    return fetched.content_type.split(";")[0].strip().lower()


def is_html(fetched: Fetched) -> bool:
    """An HTML page (by its Content-Type; a page served without one is taken as HTML)."""
    mime = mime_type(fetched)
    return (not mime or mime in HTML_TYPES) and not _looks_like_feed(fetched.body)


def _looks_like_feed(body: bytes) -> bool:
    head = body[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return b"<html" not in head and any(tag in head for tag in (b"<rss", b"<feed", b"<rdf:rdf"))


def page_item(fetched: Fetched, url: str) -> InputItem:
    """An input row with a fetched page's HTML, decoded by its declared or detected charset."""
    try:
        html = decode_bytes(fetched.body, declared=charset_from_content_type(fetched.content_type),
                            html=True)
    except UnreadableFile as e:
        raise FetchError(f"{url}: {e.message}") from e
    return InputItem(html=html, url=fetched.url, path=url)


def read_url(url: str, fetcher: Fetcher, *, fetch_links: bool = False,
             skip: Callable[[InputItem], bool] | None = None) -> Iterator[InputItem | ItemError]:
    """What ``url`` serves: one row for an HTML page, one per entry for an RSS/Atom feed.

    With ``fetch_links``, a feed's rows carry the pages their entries link to
    (:func:`with_linked_pages`, with ``skip``).  A URL that cannot be had, or that serves
    neither a page nor a feed, gives one ``E_FETCH`` error.
    """
    from .feeds import read_feed

    try:
        fetched = fetcher.get(url)
        if is_html(fetched):
            yield page_item(fetched, url)
            return
    except FetchError as e:
        yield ItemError(id=None, path=url, error=ErrorBody(code=e.code, message=e.message))
        return
    rows = list(read_feed(fetched.body, source=url))
    if len(rows) == 1 and isinstance(rows[0], ItemError) and rows[0].error.code == "E_READ":
        message = f"{url}: neither an HTML page nor a feed (Content-Type {mime_type(fetched) or 'none'})"
        yield ItemError(id=None, path=url, error=ErrorBody(code=FetchError.code, message=message))
        return
    yield from with_linked_pages(rows, fetcher, skip=skip) if fetch_links else rows


def with_linked_pages(items: Iterable[InputItem | ItemError], fetcher: Fetcher, *,
                      skip: Callable[[InputItem], bool] | None = None) -> Iterator[InputItem | ItemError]:
    """Feed rows with the HTML of the page each one links to, in place of the feed's summary.

    ``skip(item)`` says an item is already stored: it is passed over without a download.  A
    row without a link is kept as it is; a page that cannot be had gives an ``E_FETCH`` error
    for that row (the summary is not silently taken for the article).
    """
    for item in items:
        if isinstance(item, ItemError) or not item.url:
            yield item
            continue
        if skip is not None and skip(item):
            continue
        try:
            page = fetcher.fetch_page(item.url)
        except FetchError as e:
            yield ItemError(id=item.id, path=item.path, error=ErrorBody(code=e.code, message=e.message))
            continue
        yield item.model_copy(update={"html": page.html, "text": None})


def retry_after_seconds(value: str | None) -> float | None:
    """Seconds asked for by a ``Retry-After`` header: a number of seconds or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        return None
    return max(0.0, when.timestamp() - time.time())
