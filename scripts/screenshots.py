"""Screenshots of each view of ``newsevents serve`` for the README, so they stay current.

    python scripts/screenshots.py [--out docs/screenshots] [--db STORE]

Ingests the bundled examples into a fresh store (unless ``--db`` names one), with their invented
people and outlets (``examples/kb_fictional.jsonl``, given to the server in ``$NEWSEVENTS_KB``),
serves it on 127.0.0.1 and photographs each page in headless Chromium (Debian's
/usr/bin/chromium, driven by Playwright).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

import httpx

from newsevents.knowledge import KB_ENV
from newsevents.web.local import CHROMIUM, CHROMIUM_ARGS, running_server

ROOT = Path(__file__).resolve().parents[1]
#: the invented people and outlets of the examples: a user knowledge-base file, not packaged
EXAMPLE_KB = ROOT / "examples" / "kb_fictional.jsonl"
#: name -> (path, what to do before the picture)
VIEWS = {
    "story": ("/story?actor=EGY&actor=ETH", "click-event"),
    "article": (None, "evidence"),
    "network": ("/network?level=countries", None),
    "next": ("/next?as_of=2025-04-15", None),
    "search": ("/search?q=dam+talks", None),
    "actor": ("/actors/EGY", None),
    "ingest": ("/ingest", None),
}


def shoot(base: str, out: Path) -> list[Path]:
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    written = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 860})
        evidence_href = None
        for name, (path, action) in VIEWS.items():
            page.goto(base + (path or evidence_href or "/articles"))
            if action == "click-event":
                page.locator("#timeline .mark").nth(2).click()
                evidence_href = page.locator("#details a.evidence-link").first.get_attribute("href")
            if action == "evidence":
                page.wait_for_timeout(400)  # the smooth scroll to the sentence
            target = out / f"{name}.png"
            page.screenshot(path=str(target), full_page=False)
            written.append(target)
        browser.close()
    return written


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    ap.add_argument("--db", help="a store to photograph (default: the examples, ingested afresh)")
    args = ap.parse_args(argv)
    if not args.db:  # the server extracts what it ingests: it needs the examples' actors
        os.environ[KB_ENV] = os.pathsep.join([str(EXAMPLE_KB), *filter(None, [os.environ.get(KB_ENV)])])
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or str(Path(tmp) / "examples.db")
        with running_server(db) as base:
            if not args.db:
                r = httpx.post(base + "/api/ingest", content=(ROOT / "examples" / "articles.jsonl").read_bytes(),
                               headers={"content-type": "application/x-ndjson"}, timeout=600)
                r.raise_for_status()
            for path in shoot(base, Path(args.out)):
                sys.stdout.write(f"{path}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
