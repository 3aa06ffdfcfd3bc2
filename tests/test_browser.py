"""End to end in headless Chromium (Debian's /usr/bin/chromium driven by Playwright) against a
``newsevents serve`` started here on 127.0.0.1, with the bundled examples ingested."""

from __future__ import annotations

import json
import os
from pathlib import Path

import httpx
import pytest

from newsevents.web.local import CHROMIUM, CHROMIUM_ARGS, running_server

pytestmark = pytest.mark.slow

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "articles.jsonl"

if not os.path.exists(CHROMIUM):
    pytest.skip(f"{CHROMIUM} is absent: install Debian's chromium (apt-get install chromium) to run "
                "the browser tests", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="the test extra (playwright) is not installed")


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    db = str(tmp_path_factory.mktemp("browser") / "store.db")
    with running_server(db, log=str(tmp_path_factory.getbasetemp() / "serve.log")) as base:
        r = httpx.post(base + "/api/ingest", content=EXAMPLES.read_bytes(), timeout=600,
                       headers={"content-type": "application/x-ndjson"})
        assert r.status_code == 200 and r.json()["summary"]["rejected"] == 0, r.text[:500]
        yield base


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    pg.errors, pg.dialogs = [], []
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))
    yield pg
    assert pg.errors == [], f"script errors on the page: {pg.errors}"
    context.close()


def test_story_event_opens_its_evidence_highlighted(server, page):
    page.goto(server + "/story?actor=EGY&actor=ETH")
    marks = page.locator("#timeline .mark")
    assert marks.count() >= 3
    marks.first.click()
    details = page.locator("#details")
    assert details.is_visible()
    link = details.locator("a.evidence-link").first
    sentence = link.text_content()
    link.click()
    page.wait_for_url("**/articles/**story_event=**")
    focus = page.locator("#article-text .focus")
    assert focus.count() >= 1
    shown = " ".join("".join(focus.all_text_contents()).split())
    assert shown == sentence, (shown, sentence)
    assert page.locator("#focus").is_visible() and page.locator(".event-item.selected").count() == 1
    box = page.locator("#focus").bounding_box()
    assert 0 <= box["y"] <= 900, "the evidence sentence is scrolled into view"
    colour = focus.first.evaluate("e => getComputedStyle(e).backgroundColor")
    assert colour not in ("rgba(0, 0, 0, 0)", "transparent"), "the evidence sentence is highlighted"


def test_clicking_an_event_in_the_article_highlights_its_sentence(server, page):
    page.goto(server + "/articles")
    page.locator("table.events a").first.click()
    items = page.locator(".event-item")
    assert items.count() >= 1
    items.last.click()
    index = items.last.get_attribute("data-event")
    focus = page.locator("#article-text .focus")
    assert focus.count() >= 1
    assert all(index in f.get_attribute("data-ev").split() for f in focus.all())


def test_ingest_form_stores_and_shows_the_new_events(server, page):
    page.goto(server + "/ingest")
    page.fill("textarea[name=text]", "KHARTOUM, March 3 (Desk) - Sudan and Egypt signed an agreement on "
              "sharing Nile flood data on Monday, the two foreign ministries said. Ethiopia will join "
              "the talks next month, officials said.")
    page.fill("input[name=published]", "2025-03-03")
    page.fill("input[name=publisher]", "Browser Desk")
    page.fill("input[name=title]", "Sudan and Egypt sign data accord")
    page.click("form.ingest button[type=submit]")
    page.wait_for_url("**ingested=1")
    assert page.locator("#ingested").is_visible()
    types = " ".join(page.locator(".event-item b").all_text_contents())
    assert "AGREE" in types, types
    page.goto(server + "/story?actor=SDN&actor=EGY")
    assert page.locator("#timeline .mark").count() >= 1
    assert "Browser Desk" in page.locator("table.events").text_content()


def test_an_article_with_markup_renders_as_text(server, page):
    payload = "<script>window.__xss = 1; alert('xss')</script><img src=x onerror=\"window.__xss = 2\">"
    page.goto(server + "/ingest")
    page.fill("textarea[name=text]", f"CAIRO, March 4 - Egypt accused Ethiopia of stalling the talks. {payload} "
              "The foreign ministry said Cairo would not accept delays.")
    page.fill("input[name=published]", "2025-03-04")
    page.fill("input[name=title]", f"Headline {payload}")
    page.click("form.ingest button[type=submit]")
    page.wait_for_url("**ingested=1")
    text = page.locator("#article-text").text_content()
    assert payload in text
    assert "Headline <script>" in page.locator("h1").text_content()
    assert page.evaluate("window.__xss") is None and page.dialogs == []
    assert page.locator("#article-text script, #article-text img, h1 script").count() == 0
    for url in ("/search?q=window+xss", "/articles", "/"):
        page.goto(server + url)
        assert page.evaluate("window.__xss") is None and page.dialogs == []


def test_network_and_next_views_draw(server, page):
    page.goto(server + "/network")
    assert page.locator("#network svg .node").count() >= 3
    assert page.locator("#network svg line.edge").count() >= 2
    page.goto(server + "/next?as_of=2025-12-31")
    assert page.locator("h2").first.is_visible()
    body = httpx.get(server + "/api/next?as_of=2025-12-31").json()
    assert json.dumps(body)  # the API answers what the page shows
