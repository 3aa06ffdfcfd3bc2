"""The polite downloader, against a small HTTP server of our own on 127.0.0.1."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from newsevents.fetch import FetchConfig, Fetcher, FetchError, read_url, retry_after_seconds, with_linked_pages
from newsevents.models import InputItem, ItemError

ARTICLE = "<html><body><article><p>Caf\u00e9 talks resumed on Tuesday.</p></article></body></html>"


class Site(BaseHTTPRequestHandler):
    hits: dict[str, int] = {}
    agents: list[str] = []

    def log_message(self, *args: object) -> None:  # keep test output quiet
        pass

    def _send(self, status: int, body: bytes = b"", ctype: str = "text/html; charset=utf-8",
              headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        Site.hits[self.path] = Site.hits.get(self.path, 0) + 1
        Site.agents.append(self.headers.get("User-Agent", ""))
        if self.path == "/robots.txt":
            self._send(200, b"User-agent: *\nDisallow: /private\n", "text/plain")
        elif self.path == "/article":
            self._send(200, ARTICLE.encode("cp1252"), "text/html; charset=windows-1252")
        elif self.path == "/flaky":
            if Site.hits[self.path] < 3:
                self._send(503, b"busy", headers={"Retry-After": "2"})
            else:
                self._send(200, ARTICLE.encode("utf-8"))
        elif self.path == "/moved":
            self._send(301, b"", headers={"Location": "/article"})
        elif self.path == "/loop":
            self._send(302, b"", headers={"Location": "/loop"})
        elif self.path == "/big":
            self._send(200, b"<p>" + b"x" * 5000 + b"</p>")
        elif self.path == "/feed.rss":
            items = "".join(
                f"<item><title>{n}</title><link>http://{self.headers['Host']}{path}</link>"
                f"<guid>g-{n}</guid><description>Summary {n}.</description></item>"
                for n, path in (("one", "/article"), ("two", "/missing"), ("three", "/stored")))
            self._send(200, f'<rss version="2.0"><channel><title>Local</title>{items}</channel></rss>'.encode(),
                       "application/rss+xml")
        elif self.path == "/image":
            self._send(200, b"\x89PNG\r\n", "image/png")
        else:
            self._send(404, b"not found")


@pytest.fixture()
def site() -> Iterator[str]:
    Site.hits = {}
    Site.agents = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), Site)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture()
def sleeps() -> list[float]:
    return []


def fetcher(sleeps: list[float], **config) -> Fetcher:
    cfg = FetchConfig(**{"min_interval": 0.5, "backoff": 0.1, "timeout": 5.0, **config})
    return Fetcher(config=cfg, sleep=sleeps.append)


def test_page_is_fetched_decoded_and_identified(site, sleeps):
    with fetcher(sleeps) as f:
        item = f.fetch_page(f"{site}/moved")
    assert item.url == f"{site}/article" and "Caf\u00e9 talks" in item.html
    assert all(a.startswith("newsevents/") for a in Site.agents)
    assert Site.hits["/robots.txt"] == 1


def test_robots_txt_is_obeyed_and_read_once(site, sleeps):
    with fetcher(sleeps) as f:
        with pytest.raises(FetchError, match="robots.txt") as e:
            f.get(f"{site}/private/page")
        assert e.value.code == "E_FETCH"
        f.get(f"{site}/article")
    assert "/private/page" not in Site.hits and Site.hits["/robots.txt"] == 1


def test_requests_to_one_host_are_spaced(site, sleeps):
    with fetcher(sleeps, min_interval=0.5) as f:
        f.get(f"{site}/article")
        f.get(f"{site}/article")
    assert len(sleeps) >= 2 and all(0 < s <= 0.5 for s in sleeps)  # robots, article, article


def test_retries_with_back_off_and_retry_after(site, sleeps):
    with fetcher(sleeps, min_interval=0.0) as f:
        fetched = f.get(f"{site}/flaky")
    assert fetched.status == 200 and Site.hits["/flaky"] == 3
    assert sleeps == [2.0, 2.0]  # Retry-After (2 s) is longer than the back-off (0.1, 0.2 s)
    Site.hits["/flaky"] = 0
    with fetcher(sleeps, min_interval=0.0, retries=1) as f:
        with pytest.raises(FetchError, match="503"):
            f.get(f"{site}/flaky")


def test_limits_and_failures(site, sleeps):
    with fetcher(sleeps, min_interval=0.0, max_bytes=1000) as f:
        with pytest.raises(FetchError, match="larger than 1000 bytes"):
            f.get(f"{site}/big")
        with pytest.raises(FetchError, match="redirects"):
            f.get(f"{site}/loop")
        with pytest.raises(FetchError, match="404"):
            f.get(f"{site}/missing")
        with pytest.raises(FetchError, match="not an HTML page"):
            f.fetch_page(f"{site}/image")
        with pytest.raises(FetchError, match="not an http"):
            f.get("ftp://127.0.0.1/file")


def test_unreachable_host_fails_after_retries(sleeps):
    with fetcher(sleeps, min_interval=0.0, retries=2, respect_robots=False, timeout=1.0) as f:
        with pytest.raises(FetchError, match="after 3 attempts"):
            f.get("http://127.0.0.1:9/nothing-listens-here")
    assert sleeps == [0.1, 0.2]


def test_retry_after_header_values():
    assert retry_after_seconds("120") == 120.0
    assert retry_after_seconds("Wed, 21 Oct 2015 07:28:00 GMT") == 0.0  # in the past
    assert retry_after_seconds("soon") is None and retry_after_seconds(None) is None


def test_feed_from_the_web_with_its_linked_pages(site, sleeps):
    with fetcher(sleeps, min_interval=0.0) as f:
        rows = list(read_url(f"{site}/feed.rss", f))
        assert [r.id for r in rows] == ["g-one", "g-two", "g-three"] and rows[0].text == "Summary one."
        out = list(with_linked_pages(rows, f, skip=lambda item: item.url.endswith("/stored")))
        (missing,) = list(read_url(f"{site}/nothing.rss", f))
    page, error = out
    assert isinstance(page, InputItem) and page.id == "g-one" and page.text is None
    assert "Caf\u00e9 talks" in page.html and page.title == "one"
    assert isinstance(error, ItemError) and error.id == "g-two" and error.error.code == "E_FETCH"
    assert "/stored" not in Site.hits  # already stored: not downloaded
    assert missing.error.code == "E_FETCH" and "404" in missing.error.message


def test_a_url_is_read_as_a_page_or_a_feed(site, sleeps):
    with fetcher(sleeps, min_interval=0.0) as f:
        (page,) = list(read_url(f"{site}/moved", f))
        (image,) = list(read_url(f"{site}/image", f))
        feed = list(read_url(f"{site}/feed.rss", f, fetch_links=True, skip=lambda item: item.id == "g-three"))
    assert isinstance(page, InputItem) and page.url == f"{site}/article" and "Caf\u00e9" in page.html
    assert image.error.code == "E_FETCH" and "neither an HTML page nor a feed (Content-Type image/png)" in image.error.message
    assert [r.id for r in feed] == ["g-one", "g-two"] and feed[0].html and feed[1].error.code == "E_FETCH"


def test_an_unreachable_host_is_said_to_be_unreachable(sleeps):
    with fetcher(sleeps, min_interval=0.0, retries=1, timeout=1.0) as f:
        with pytest.raises(FetchError, match=r"cannot connect .* \(after 2 attempts\)") as e:
            f.get("http://127.0.0.1:9/page")  # its robots.txt cannot be had: not "disallowed"
    assert "robots" not in e.value.message
