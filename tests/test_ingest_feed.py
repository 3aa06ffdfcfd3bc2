"""``ingest FEED_URL --fetch`` end to end, against a news site of our own on 127.0.0.1.

The feed has 50 entries: 46 link to article pages, one to a page that answers HTTP 500, one
to a page slower than the test's time-out, one to a PDF, and one to a host where nothing
listens.  Those four are rejected with ``E_FETCH`` (one stderr line each) and the 46 articles
are stored; a second run downloads and stores nothing new.
"""

from __future__ import annotations

import json
import random
import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from typer.testing import CliRunner

from newsevents.cli import app
from newsevents.store import open_store

GOOD = 46
COUNTRIES = ["Kenya", "Chile", "Norway", "Vietnam", "Morocco", "Canada", "Peru", "Poland", "Ghana",
             "Japan", "Turkey", "Brazil", "Egypt", "Sweden", "India", "Mexico", "Nigeria", "Spain"]
TOPICS = ["fisheries", "rail freight", "grain exports", "water rights", "port fees", "vaccine supply",
          "border crossings", "power lines", "student visas", "copper mining", "flood relief",
          "air traffic", "wheat tariffs", "solar panels", "coastal patrols", "tax treaties"]
CITIES = ["Geneva", "Nairobi", "Lima", "Oslo", "Hanoi", "Rabat", "Ottawa", "Warsaw", "Accra", "Osaka"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
VERBS = ["signed a deal on", "opened talks about", "agreed to review", "criticized plans for",
         "offered help with", "announced new limits on", "proposed joint rules for"]
DETAILS = ["Officials said the {n} measures would start in {month}.",
           "A spokesperson for the {a} ministry called the meeting in {city} useful and frank.",
           "Trade between {a} and {b} reached {n} billion dollars last year, figures show.",
           "Critics in {b} warned that {topic} would cost {n} million dollars.",
           "The two delegations plan to meet again in {city} in {month}."]
MONTHS = ["March", "April", "May", "June", "July", "August"]


def article(n: int) -> tuple[str, list[str]]:
    """A short news story of its own (no two share their wording): a title and paragraphs."""
    rng = random.Random(n)
    a, b = rng.sample(COUNTRIES, 2)
    topic, city, day = rng.choice(TOPICS), rng.choice(CITIES), rng.choice(DAYS)
    title = f"{a} and {b} talk {topic} (report {n})"
    paras = [f"{a} {rng.choice(VERBS)} {topic} with {b} in {city} on {day}, story number {n} said."]
    for template in rng.sample(DETAILS, len(DETAILS)):
        paras.append(template.format(a=a, b=b, topic=rng.choice(TOPICS), city=rng.choice(CITIES),
                                     month=rng.choice(MONTHS), n=rng.randint(2, 990)))
    return title, paras


def page(n: int) -> bytes:
    title, paras = article(n)
    body = "".join(f"<p>{p}</p>" for p in paras)
    return (f"<!doctype html><html lang='en'><head><title>{title}</title></head><body>"
            f"<nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
            f"<article><h1>{title}</h1>{body}</article><footer>Local Wire, all rights reserved</footer>"
            f"</body></html>").encode("utf-8")


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class NewsSite(BaseHTTPRequestHandler):
    hits: dict[str, int] = {}
    agents: set[str] = set()
    release = threading.Event()  # lets the slow page go at teardown
    dead = 0  # a port where nothing listens

    def log_message(self, *args: object) -> None:
        pass

    def _send(self, status: int, body: bytes, ctype: str = "text/html; charset=utf-8") -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        NewsSite.hits[self.path] = NewsSite.hits.get(self.path, 0) + 1
        NewsSite.agents.add(self.headers.get("User-Agent", ""))
        if self.path == "/robots.txt":
            self._send(200, b"User-agent: *\nDisallow: /private/\n", "text/plain")
        elif self.path == "/feed.rss":
            self._send(200, self.feed(), "application/rss+xml")
        elif self.path.startswith("/news/"):
            self._send(200, page(int(self.path.removeprefix("/news/"))))
        elif self.path == "/broken":
            self._send(500, b"internal error")
        elif self.path == "/slow":
            NewsSite.release.wait(5)
            try:
                self._send(200, page(0))
            except OSError:  # the client gave up waiting, as it should
                pass
        elif self.path == "/report.pdf":
            self._send(200, b"%PDF-1.4 not a news page", "application/pdf")
        else:
            self._send(404, b"not found")

    def feed(self) -> bytes:
        here = f"http://{self.headers['Host']}"
        links = [f"{here}/news/{n}" for n in range(1, GOOD + 1)]
        links[10:10] = [f"{here}/broken"]
        links[20:20] = [f"{here}/slow"]
        links[30:30] = [f"{here}/report.pdf"]
        links[40:40] = [f"http://127.0.0.1:{NewsSite.dead}/gone"]
        items = "".join(
            f"<item><title>Entry {i}</title><link>{link}</link><guid>local-wire-{i}</guid>"
            f"<pubDate>Tue, 04 Mar 2025 {8 + i % 10:02d}:00:00 +0000</pubDate>"
            f"<description>Summary of entry {i}.</description></item>"
            for i, link in enumerate(links, 1))
        return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Local Wire - World</title>'
                f"<link>{here}/</link><language>en</language>{items}</channel></rss>").encode("utf-8")


@pytest.fixture()
def site() -> Iterator[str]:
    NewsSite.hits, NewsSite.agents, NewsSite.dead = {}, set(), closed_port()
    NewsSite.release.clear()
    server = ThreadingHTTPServer(("127.0.0.1", 0), NewsSite)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        NewsSite.release.set()
        server.shutdown()
        server.server_close()
        thread.join(5)


# short time-out, no retries (their back-off is tested in test_fetch.py), no delay between requests
FAST = ["--fetch-timeout", "0.3", "--fetch-retries", "0", "--fetch-delay", "0"]


def run_ingest(feed: str, db: str):
    return CliRunner().invoke(app, ["ingest", feed, "--fetch", "--db", db, *FAST])


def test_a_feed_of_fifty_entries_is_fetched_and_stored(site, tmp_path):
    db = str(tmp_path / "feed.db")
    res = run_ingest(f"{site}/feed.rss", db)
    assert res.exit_code == 1, res.output
    summary = json.loads(res.stdout.splitlines()[-1])
    assert summary["read"] == 50 and summary["stored"] == GOOD and summary["duplicates"] == 0
    assert summary["rejected"] == 4 and summary["rejected_by_code"] == {"E_FETCH": 4}
    errors = {e["id"]: e for e in map(json.loads, res.stderr.splitlines())}
    assert sorted(errors) == ["local-wire-11", "local-wire-21", "local-wire-31", "local-wire-41"]
    assert all(e["error"]["code"] == "E_FETCH" and e["path"].startswith(site) for e in errors.values())
    messages = {i: e["error"]["message"] for i, e in errors.items()}
    assert messages["local-wire-11"].endswith("/broken: HTTP status 500")
    assert messages["local-wire-21"].endswith("/slow: no answer within 0.3 s (ReadTimeout)")
    assert "/report.pdf: not an HTML page (Content-Type application/pdf)" in messages["local-wire-31"]
    assert "/gone: cannot connect (" in messages["local-wire-41"] and "refused" in messages["local-wire-41"]

    with open_store(db, create=False) as store:
        assert store.counts()["articles"] == GOOD
        first = store.article("local-wire-1")
    _, paras = article(1)
    assert paras[0] in first.text and paras[-1] in first.text and "Summary" not in first.text  # the page
    assert first.title == "Entry 1" and first.url == f"{site}/news/1" and first.published == "2025-03-04"
    assert NewsSite.hits["/robots.txt"] == 1 and NewsSite.hits["/broken"] == 1
    assert all(agent.startswith("newsevents/") for agent in NewsSite.agents)

    again = run_ingest(f"{site}/feed.rss", db)
    summary = json.loads(again.stdout.splitlines()[-1])
    assert summary["stored"] == 0 and summary["skipped"] == GOOD and summary["already_stored"] == GOOD
    assert summary["read"] == 50 and summary["rejected_by_code"] == {"E_FETCH": 4}
    assert all(NewsSite.hits[f"/news/{n}"] == 1 for n in range(1, GOOD + 1))  # not downloaded again
    with open_store(db, create=False) as store:
        assert store.counts()["articles"] == GOOD


def test_extract_reads_a_page_url_and_a_feed_url(site):
    res = CliRunner().invoke(app, ["extract", f"{site}/news/3", *FAST])
    assert res.exit_code == 0, res.output
    (record,) = [json.loads(line) for line in res.stdout.splitlines()]
    assert record["url"] == f"{site}/news/3" and article(3)[1][1] in record["text"]
    feed = CliRunner().invoke(app, ["extract", f"{site}/feed.rss", *FAST])  # summaries, no download
    texts = [json.loads(line)["text"] for line in feed.stdout.splitlines()]
    assert len(texts) == 50 and texts[0] == "Summary of entry 1." and "/news/1" not in NewsSite.hits


def test_a_saved_feed_file_with_fetch_links(site, tmp_path):
    import httpx

    from newsevents.fetch import FetchConfig
    from newsevents.models import InputItem
    from newsevents.readers import read_paths

    saved = tmp_path / "world.rss"
    saved.write_bytes(httpx.get(f"{site}/feed.rss").content)
    config = FetchConfig(timeout=0.3, retries=0, min_interval=0.0)
    rows = list(read_paths([str(saved)], fetch_links=True, fetch_config=config,
                           skip=lambda item: item.id == "local-wire-2"))
    pages = [r for r in rows if isinstance(r, InputItem)]
    assert len(pages) == GOOD - 1 and all(p.html and p.text is None for p in pages)
    assert [r.id for r in rows if not isinstance(r, InputItem)] == [
        "local-wire-11", "local-wire-21", "local-wire-31", "local-wire-41"]
    assert "/news/2" not in NewsSite.hits  # skipped: not downloaded
