"""``newsevents serve``: the JSON API and the pages over a store of hand-made records, the one
error shape, paging, and the guards (size limit, token, origin, path traversal, escaping)."""

from __future__ import annotations

import http.client
import json
import threading
import time

import httpx
import pytest
from fastapi.testclient import TestClient
from test_stories import make_article
from typer.testing import CliRunner

from newsevents import errors, queries
from newsevents.cli import app as cli
from newsevents.models import Actor, Article, Event, EventTime, Quote, Span, SpeakerRef, Time
from newsevents.store import open_store
from newsevents.web import Settings, create_app
from newsevents.web.highlight import segments

XSS = "<script>alert('x')</script>"
XSS_TEXT = (f"Norway {XSS} and Iceland signed a fisheries treaty in Oslo on Friday. "
            "\"We will meet again in March,\" the Norwegian minister said.\n"
            "Iceland accused Norway of overfishing <img src=x onerror=alert(2)>.")


def xss_article() -> Article:
    t = XSS_TEXT
    first = t.index(".") + 1
    second = t.index("\n")
    return Article(
        id="xss-1", published="2025-01-18", publisher=f"Wire {XSS}", title=f"Treaty {XSS}", text=t,
        actors=[Actor(id="NOR", name=f"Norway {XSS}", kind="country", country="NOR",
                      mentions=[Span(start=0, end=6)]),
                Actor(id="ISL", name="Iceland", kind="country", country="ISL",
                      mentions=[Span(start=t.index("Iceland"), end=t.index("Iceland") + 7)])],
        times=[Time(start=t.index("Friday"), end=t.index("Friday") + 6, text="Friday", type="DATE",
                    value="2025-01-17")],
        quotes=[Quote(start=t.index('"'), end=t.index(' the Norwegian'), kind="direct",
                      speaker=SpeakerRef(start=t.index("the Norwegian"), end=second - 6, actor=None))],
        events=[Event(type="AGREE", actors=["NOR", "ISL"], status="asserted",
                      time=EventTime(value="2025-01-17", source="text"), evidence=Span(start=0, end=first),
                      attributed_to=[], confidence=0.9),
                Event(type="ACCUSE", actors=["ISL"], recipients=["NOR"], status="alleged",
                      evidence=Span(start=second + 1, end=len(t)), attributed_to=["ISL"], confidence=0.8)])


ARTICLES = [
    make_article("plan", "2024-12-23", [("AGREE", ["NOR", "ISL"], [], "expected", "2025-01", "END"),
                                        ("CONSULT", ["NOR", "ISL"], [], "expected", "2025-05", None)],
                 publisher="Harbor Wire"),
    xss_article(),
    *[make_article(f"filler-{i}", f"2025-02-{i + 1:02d}", [("ACCUSE", ["EGY"], ["ETH"], "asserted", None, None)],
                   publisher="Desk", text=f"Report number {i} on the dam dispute, written for the tests. " * 6)
      for i in range(7)],
]


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    s = open_store(str(tmp_path_factory.mktemp("serve") / "t.db"))
    queries.ingest_records(ARTICLES, s)
    yield s
    s.close()


@pytest.fixture(scope="module")
def client(store):
    with TestClient(create_app(Settings(max_body=64 * 1024), store=store)) as c:
        yield c


@pytest.fixture(scope="module")
def locked(store):
    """A server with a token, as one listening beyond loopback must have."""
    with TestClient(create_app(Settings(host="0.0.0.0", token="s3cret", max_body=64 * 1024), store=store)) as c:
        yield c


PAGES = ["/", "/story", "/story?actor=NOR&actor=ISL", "/network", "/network?type=ACCUSE&since=2025-01-01",
         "/network?level=actors", "/articles", "/articles/xss-1", "/articles/xss-1?event=1",
         "/actors", "/actors?q=ice", "/actors/NOR", "/next", "/next?as_of=2025-03-01", "/search",
         "/search?q=fisheries", "/ingest", "/api/docs"]
API = ["/api/health", "/api/events", "/api/events?actor=NOR&type=AGREE&status=asserted&since=2025-01-01",
       "/api/events?overdue=true&as_of=2025-12-01", "/api/timeline?actor=NOR&actor=ISL", "/api/next",
       "/api/next?which=open", "/api/actors?q=ice", "/api/actors/NOR", "/api/network", "/api/articles",
       "/api/articles/xss-1", "/api/search?q=treaty", "/openapi.json"]


@pytest.mark.parametrize("url", PAGES + API)
def test_every_page_and_route_answers(client, url):
    r = client.get(url)
    assert r.status_code == 200, r.text[:300]
    if (url.startswith("/api") and url != "/api/docs") or url == "/openapi.json":
        assert r.headers["content-type"].startswith("application/json")
    else:
        assert r.headers["content-type"].startswith("text/html")


def test_openapi_lists_the_api(client):
    paths = client.get("/openapi.json").json()["paths"]
    for p in ("/api/events", "/api/events/{ident}", "/api/articles/{ident}", "/api/actors", "/api/actors/{ident}",
              "/api/timeline", "/api/search", "/api/network", "/api/next", "/api/ingest"):
        assert p in paths, p
    assert "post" in paths["/api/ingest"]


def test_lists_are_paged_without_gaps_or_repeats(client):
    for url in ("/api/articles", "/api/events", "/api/actors", "/api/search?q=report"):
        seen, offset = [], 0
        while offset is not None:
            sep = "&" if "?" in url else "?"
            page = client.get(f"{url}{sep}limit=1&offset={offset}").json()
            assert len(page["items"]) <= 1 and page["limit"] == 1 and page["offset"] == offset
            seen += [json.dumps(i, sort_keys=True) for i in page["items"]]
            offset = page["next_offset"]
        whole = client.get(f"{url}{'&' if '?' in url else '?'}limit=500").json()
        assert whole["next_offset"] is None
        assert seen == [json.dumps(i, sort_keys=True) for i in whole["items"]] and len(seen) >= 2, url


def test_api_content(client):
    entry = client.get("/api/articles/xss-1").json()
    assert entry["article"]["text"] == XSS_TEXT and len(entry["story_events"]) == 2
    assert all(e and e.startswith("se-") for e in entry["story_events"])
    ev = client.get(f"/api/events/{entry['story_events'][1]}").json()
    assert ev["type"] == "ACCUSE" and ev["mentions"][0]["article"] == "xss-1"
    actor = client.get("/api/actors/ISL").json()
    assert actor["actor"]["id"] == "ISL"
    assert {d["party"] for d in actor["dyads"]} == {"NOR"}
    assert actor["dyads"][0]["by_type"] == {"ACCUSE": 1, "AGREE": 1, "CONSULT": 1}
    net = client.get("/api/network?type=ACCUSE").json()
    dam = client.get("/api/events?actor=EGY&actor=ETH&type=ACCUSE&limit=500").json()["items"]
    assert dam and {(e["source"], e["target"]): e["events"] for e in net["edges"]} == {("EGY", "ETH"): len(dam),
                                                                                       ("ISL", "NOR"): 1}
    hits = client.get("/api/search", params={"q": "fisheries) AND(\"tre"}).json()["items"]  # FTS syntax is words only
    assert [h["id"] for h in hits] == ["xss-1"]
    assert any(hit for _, hit in hits[0]["snippet"])
    assert client.get("/api/search", params={"q": "nowhere-to-be-found"}).json()["items"] == []
    overdue = client.get("/api/next?as_of=2025-12-01").json()["items"]
    assert [e["type"] for e in overdue] == ["CONSULT"] and overdue[0]["overdue"]


ERRORS = [
    ("get", "/api/articles/none-such", {}, 404, "E_NOT_FOUND"),
    ("get", "/api/events/none-such", {}, 404, "E_NOT_FOUND"),
    ("get", "/api/actors/none-such", {}, 404, "E_NOT_FOUND"),
    ("get", "/api/no-such-route", {}, 404, "E_NOT_FOUND"),
    ("get", "/api/events?limit=0", {}, 422, "E_REQUEST"),
    ("get", "/api/events?since=yesterday", {}, 422, "E_REQUEST"),
    ("get", "/api/timeline", {}, 422, "E_REQUEST"),
    ("get", "/api/search", {}, 422, "E_REQUEST"),
    ("delete", "/api/events", {}, 405, "E_REQUEST"),
    ("post", "/api/ingest", {"content": b""}, 400, "E_REQUEST"),
    ("post", "/api/ingest", {"content": b"[1, 2"}, 400, "E_REQUEST"),
    ("post", "/api/ingest", {"content": b"\xff\xfe\x00"}, 400, "E_REQUEST"),
    ("post", "/api/ingest", {"content": b"x" * (65 * 1024)}, 413, "E_TOO_LARGE"),
    ("post", "/api/ingest", {"content": (b"x" * 1024 for _ in range(80))}, 413, "E_TOO_LARGE"),  # chunked
    ("post", "/api/ingest", {"content": b"{}", "headers": {"origin": "http://elsewhere.example"}}, 403, "E_ORIGIN"),
    ("get", "/static/%2e%2e/%2e%2e/pyproject.toml", {}, 404, "E_NOT_FOUND"),
]


@pytest.mark.parametrize("method,url,kw,status,code", ERRORS)
def test_every_error_has_one_shape(client, method, url, kw, status, code):
    r = client.request(method, url, **kw)
    assert r.status_code == status, r.text[:300]
    body = r.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message"}
    assert body["error"]["code"] == code and body["error"]["message"]
    known = {c.code for c in vars(errors).values() if isinstance(c, type) and issubclass(c, errors.NewsEventsError)}
    assert code in known


def test_a_browser_gets_the_error_as_a_page(client):
    r = client.get("/articles/none-such", headers={"accept": "text/html"})
    assert r.status_code == 404 and "E_NOT_FOUND" in r.text and r.headers["content-type"].startswith("text/html")


def test_article_text_is_escaped_everywhere(client):
    """No page shows the article's markup as markup: <script> and onerror= arrive as text."""
    story = client.get("/api/articles/xss-1").json()["story_events"][0]
    for url in ["/", "/articles", "/articles/xss-1", f"/articles/xss-1?story_event={story}", "/story?actor=NOR",
                "/story?actor=NOR&actor=ISL", "/actors", "/actors/NOR", "/network", "/next?as_of=2024-12-01",
                "/search?q=script", "/search?q=treaty", f"/articles/xss-1?story_event={XSS}",
                f"/story?actor={XSS}", f"/actors?q={XSS}", f"/search?q={XSS}"]:
        html = client.get(url).text
        assert "<script>alert" not in html and "<img src=x" not in html, url
        assert html.count("<script") == html.count("<script src=\"/static/app.js\"") + \
            html.count('<script type="application/json"'), url
    page = client.get("/articles/xss-1").text
    assert "&lt;script&gt;alert(" in page and "&lt;img src=x onerror=alert(2)&gt;" in page
    assert client.get(f"/actors/{XSS}").status_code == 404


def test_security_headers(client):
    r = client.get("/")
    assert "script-src 'self'" in r.headers["content-security-policy"]
    assert r.headers["x-content-type-options"] == "nosniff"


def test_static_files_and_no_path_traversal(client):
    assert client.get("/static/app.js").status_code == 200
    for url in ["/static/%2e%2e/app.py", "/static/..%2fapp.py", "/static/%2e%2e%2f%2e%2e%2fstore.py",
                "/static/..%5capp.py", "/static//etc/passwd", "/static/%2fetc%2fpasswd"]:
        r = client.get(url)
        assert r.status_code == 404, url
        assert "import" not in r.text and "root:" not in r.text


@pytest.fixture(scope="module")
def live(store):
    """A real uvicorn server on 127.0.0.1 (a free port), for requests a client library would tidy."""
    import uvicorn

    server = uvicorn.Server(uvicorn.Config(create_app(Settings(), store=store), host="127.0.0.1", port=0,
                                           log_level="error"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    for _ in range(200):
        if server.started:
            break
        time.sleep(0.02)
    port = server.servers[0].sockets[0].getsockname()[1]
    yield port
    server.should_exit = True
    thread.join(5)


def test_raw_dot_dot_paths_are_refused(live):
    for path in ["/static/../app.py", "/static/../../store.py", "/static/./../web/app.py",
                 "/static/..\\app.py", "/../../../../etc/passwd"]:
        conn = http.client.HTTPConnection("127.0.0.1", live, timeout=5)
        conn.request("GET", path)
        r = conn.getresponse()
        body = r.read().decode("utf-8", "replace")
        assert r.status in (400, 404), (path, r.status)
        assert "def " not in body and "root:" not in body


def test_highlight_segments_cover_the_text_and_mark_the_focus():
    art = xss_article()
    ev = art.events[1]
    segs = segments(art, (ev.evidence.start, ev.evidence.end))
    assert "".join(s.text for s in segs) == art.text
    assert "".join(s.text for s in segs if s.focus) == art.text[ev.evidence.start:ev.evidence.end]
    labels = [s.label for s in segs if s.label]  # a country by its code, other actors by kind
    assert labels == ["NOR", "ISL", "2025-01-17"]
    assert any(s.quote for s in segs) and all(1 in s.events for s in segs if s.focus)


def test_article_page_marks_the_evidence_of_the_chosen_story_event(client):
    entry = client.get("/api/articles/xss-1").json()
    html = client.get(f"/articles/xss-1?story_event={entry['story_events'][1]}").text
    assert 'id="focus"' in html
    focus = html.split('id="focus"', 1)[1].split("</span>", 1)[0]
    assert "Iceland" in html and focus.startswith(">") or "focus" in focus


def test_writes_need_the_token(locked):
    for kw in ({}, {"headers": {"authorization": "Bearer wrong"}}, {"headers": {"x-newsevents-token": ""}}):
        r = locked.post("/api/ingest", content=b"", **kw)
        assert r.status_code == 401 and r.json()["error"]["code"] == "E_TOKEN"
    r = locked.post("/ingest", data={"text": "", "token": "wrong"})
    assert r.status_code == 401
    # with the token the request goes through to the route (here: an empty body, refused there)
    r = locked.post("/api/ingest", content=b"", headers={"authorization": "Bearer s3cret"})
    assert r.status_code == 400 and r.json()["error"]["code"] == "E_REQUEST"
    r = locked.post("/ingest", data={"text": "", "token": "s3cret"})
    assert r.status_code == 422  # the form's validation: text is required
    assert locked.get("/api/events").status_code == 200  # reads need no token
    assert 'name="token"' in locked.get("/ingest").text


def test_every_write_route_is_guarded(locked):
    """Every route that is not a read refuses a write without the token."""
    from newsevents.web import api, pages

    writes = [(m, r.path) for router in (api.router, pages.router) for r in router.routes
              for m in getattr(r, "methods", ()) or () if m not in ("GET", "HEAD", "OPTIONS")]
    assert ("POST", "/api/ingest") in writes and ("POST", "/ingest") in writes
    for method, path in writes:
        r = locked.request(method, path.replace("{ident}", "x"), content=b"{}")
        assert r.status_code == 401, (method, path)


def test_non_loopback_without_token_is_refused():
    with pytest.raises(errors.ServeError):
        Settings(host="0.0.0.0").checked()
    with pytest.raises(errors.ServeError):
        Settings(host="192.168.1.5", token="").checked()
    assert Settings(host="::1").checked() and Settings(host="localhost").checked()
    result = CliRunner().invoke(cli, ["serve", "--host", "0.0.0.0", "--db", "/nonexistent/x.db"],
                                env={"NEWSEVENTS_TOKEN": ""})
    assert result.exit_code == 2
    assert "E_SERVE" in result.output


@pytest.mark.slow
def test_ingest_through_the_api_and_the_form(tmp_path):
    s = open_store(str(tmp_path / "i.db"))
    with TestClient(create_app(Settings(), store=s)) as c:
        rows = "\n".join(json.dumps(r) for r in [
            {"id": "api-1", "text": "Egypt and Ethiopia agreed on Monday to resume talks on the dam.",
             "published": "2025-02-17"},
            {"id": "api-2"},  # no text: rejected, the rest is stored
            "not an object"])
        r = c.post("/api/ingest?publisher=Wire", content=rows.encode(), headers={"content-type": "application/x-ndjson"})
        body = r.json()
        assert r.status_code == 200, body
        assert body["summary"]["stored"] == 1 and body["summary"]["rejected"] == 2 and body["articles"] == ["api-1"]
        assert {e["error"]["code"] for e in body["errors"]} == {"E_EMPTY", "E_ROW"}
        assert c.get("/api/articles/api-1").json()["article"]["publisher"] == "Wire"
        upload = c.post("/api/ingest", files={"file": ("a.jsonl", json.dumps(
            {"id": "api-3", "text": "Sudan accused Egypt of delaying the talks.", "published": "2025-02-18"}))})
        assert upload.json()["articles"] == ["api-3"]
        r = c.post("/ingest", data={"text": "Ethiopia said on Tuesday it would sign the accord next week.",
                                    "published": "2025-02-20", "publisher": "Desk", "title": "Form"},
                   follow_redirects=False)
        assert r.status_code == 303 and r.headers["location"].endswith("?ingested=1")
        page = c.get(r.headers["location"]).text
        assert "Stored." in page and "event-item" in page
        bad = c.post("/ingest", data={"text": "x", "published": "20-02-2025"})
        assert bad.status_code == 422 and "YYYY-MM-DD" in bad.text
    s.close()


def test_paged_timeline_and_cached_network_agree_with_the_library(store):
    full = queries.timeline(store, ["NOR"])
    paged = [e for off in range(0, len(full) + 1) for e in queries.timeline_page(store, ["NOR"], limit=1, offset=off).items]
    assert [e.id for e in paged] == [e.id for e in full] and len(full) >= 2
    cache = queries.NetworkCache()
    for filters in ({}, {"type": "ACCUSE"}, {"since": "2025-02-03", "until": "2025-02-04"}, {"countries_only": False}):
        assert cache.network(store, **filters) == queries.network(store, **filters) == cache.network(store, **filters)
    extra = make_article("late-one", "2025-03-01", [("THREATEN", ["NOR"], ["ISL"], "asserted", None, None)])
    queries.ingest_records([extra], store)  # the cache sees the change
    assert any("THREATEN" in e["by_type"] for e in cache.network(store)["edges"])


def test_a_crash_is_an_error_of_the_same_shape(store, monkeypatch):
    def broken(*a, **k):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(queries, "events_page", broken)
    with TestClient(create_app(Settings(), store=store), raise_server_exceptions=False) as c:
        r = c.get("/api/events")
    assert r.status_code == 500
    assert r.json() == {"error": {"code": "E_INTERNAL", "message": "the server failed on GET /api/events: RuntimeError"}}


def test_the_server_answers_while_an_ingest_writes(live, store):
    """Reads on a live server while another thread ingests batch after batch (SQLite WAL)."""
    batches = [[make_article(f"busy-{b}-{i}", "2025-04-01", [("CONSULT", ["EGY", "SDN"], [], "asserted", None, None)],
                             text=f"Busy report {b}-{i}: ministers met again, written for the tests. " * 5)
                for i in range(10)] for b in range(6)]
    done = threading.Event()

    def write():
        for batch in batches:
            queries.ingest_records(batch, store, batch_size=5)
        done.set()

    writer = threading.Thread(target=write)
    writer.start()
    statuses = []
    with httpx.Client(base_url=f"http://127.0.0.1:{live}", timeout=30) as c:
        while not done.is_set() or len(statuses) < 10:
            for url in ("/api/events?actor=EGY", "/api/articles", "/api/search?q=busy", "/"):
                statuses.append(c.get(url).status_code)
        writer.join()
        assert c.get("/api/articles/busy-5-9").status_code == 200
    assert set(statuses) == {200} and len(statuses) >= 10


def test_a_warm_start_works_out_the_network_in_the_background(store):
    app = create_app(Settings(), store=store, warm=True)
    for _ in range(200):
        if len(app.state.network._events) == 2:
            break
        time.sleep(0.05)
    assert set(app.state.network._events) == {True, False}
