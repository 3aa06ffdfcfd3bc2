"""Article body extraction from HTML, scored the way the Zyte article-extraction benchmark does.

    python benchmarks/html_extraction.py [BENCHMARK_DIR] [--details] [--dates]

BENCHMARK_DIR (default ``../shared/data/html/zyte_article_benchmark``) holds
``ground-truth.json`` (page id -> ``{"articleBody", "url"}``) and ``html/<id>.html.gz``.

Scoring, as in that benchmark's ``evaluate.py``: a text is tokenized into ``\\w+`` tokens
(case kept); its *shingles* are the 4-token windows, counted as a multiset; per page,
TP/FP/FN are the multiset intersection and the two differences, normalized by their sum so
that long pages weigh no more than short ones; precision is averaged over the pages with
TP+FP > 0 and recall over those with TP+FN > 0 (a page with FP = FN = 0 scores 1); F1 is the
harmonic mean of the two averages.

Three extractors are compared, each timed from the page's bytes (decoding and parsing
included) as CPU time of this one process (so other work on the machine does not count):
trafilatura alone, readability-lxml alone, and ``newsevents``
(:func:`newsevents.webpage.read_html`: the combination, plus metadata and language).

``--dates`` checks publication dates: on the pages whose URL carries a date, the date found
in the markup (JSON-LD, meta tags, ``<time>``) is compared with the URL's (the URL's wins
when the two are one day apart: a UTC time stamp against the publisher's local date); every
page's date and its source are listed for a hand check. When
``benchmarks/html_dates_reference.json`` (hand-checked publication dates, one per page, made
from each page's own URL, markup and visible text) is present, the date accuracy is printed:
pages whose date equals the reference / pages with a reference date, and the wrong ones.
Skips with a message when the benchmark folder is absent.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

REFERENCE_DATES = Path(__file__).with_name("html_dates_reference.json")
_TOKEN = re.compile(r"\w+")
SHINGLE = 4


def shingles(text: str, n: int = SHINGLE) -> Counter:
    tokens = _TOKEN.findall(text or "")
    return Counter(tuple(tokens[i:i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i:i + n])


def page_counts(true: str, pred: str) -> tuple[float, float, float]:
    """Normalized (TP, FP, FN) of shingles for one page."""
    t, p = shingles(true), shingles(pred)
    tp = sum((t & p).values())
    fp = sum((p - t).values())
    fn = sum((t - p).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def _precision(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fp == 0 else tp / (tp + fp)


def _recall(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fn == 0 else tp / (tp + fn)


def scores(counts: list[tuple[float, float, float]]) -> tuple[float, float, float]:
    """(precision, recall, F1) averaged over pages as the benchmark does."""
    p = statistics.mean(_precision(*c) for c in counts if c[0] + c[1] > 0)
    r = statistics.mean(_recall(*c) for c in counts if c[0] + c[2] > 0)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def extractors() -> dict[str, Callable[[bytes, str], str]]:
    from newsevents import encoding, language, webpage

    language.detect("load the language model before timing")

    def tree(data: bytes):
        return webpage.parse_html(encoding.decode_bytes(data, html=True))

    def combined(data: bytes, url: str) -> str:
        return webpage.read_html(data, url=url).text

    return {
        "trafilatura": lambda data, url: webpage.trafilatura_text(tree(data), url=url),
        "readability": lambda data, url: webpage.readability_text(tree(data), url=url),
        "newsevents": combined,
    }


def run_bodies(pages: dict[str, bytes], truth: dict[str, dict], details: bool) -> None:
    print(f"{len(pages)} pages; body text scored on 4-token shingles (Zyte benchmark method)")
    for name, fn in extractors().items():
        fn(next(iter(pages.values())), "http://example.org/")  # warm up: imports, models
        counts, elapsed = [], 0.0
        for key, data in pages.items():
            t0 = time.process_time()
            try:
                text = fn(data, truth[key]["url"])
            except Exception as e:  # an extractor failure scores as empty output
                text = ""
                if details:
                    print(f"  {name} failed on {key[:12]}: {type(e).__name__}: {e}")
            elapsed += time.process_time() - t0
            counts.append(page_counts(truth[key].get("articleBody", ""), text))
            if details:
                c = counts[-1]
                print(f"  {name:12} {key[:12]} P={_precision(*c):.3f} R={_recall(*c):.3f} "
                      f"{truth[key]['url'][:80]}")
        p, r, f = scores(counts)
        print(f"{name:12} precision={p:.3f} recall={r:.3f} F1={f:.3f}  "
              f"{len(pages) / elapsed:.1f} pages/s ({1000 * elapsed / len(pages):.1f} ms CPU/page)")


def run_dates(pages: dict[str, bytes], truth: dict[str, dict]) -> None:
    from newsevents import encoding, pagemeta, webpage

    both = exact = near = 0
    rows = []
    for key, data in pages.items():
        url = truth[key]["url"]
        page = webpage.read_html(data, url=url)
        from_url = pagemeta.url_date(url)
        markup, _ = pagemeta.markup_date(webpage.parse_html(encoding.decode_bytes(data, html=True)))
        rows.append((page.published, page.date_source, markup, from_url, url))
        if from_url and markup:
            both += 1
            exact += markup == from_url
            near += abs((dt.date.fromisoformat(markup) - dt.date.fromisoformat(from_url)).days) <= 1
    print(f"dates: {sum(1 for r in rows if r[0])}/{len(rows)} pages given a date; sources "
          f"{dict(Counter(r[1] for r in rows))}")
    if both:
        print(f"dates: on the {both} pages whose URL and markup both carry a date, the markup's "
              f"equals the URL's on {exact} ({exact / both:.3f}), within a day on {near} ({near / both:.3f})")
    print("published   source    markup      url-date    url")
    for published, source, markup, from_url, url in rows:
        flag = "" if not from_url or published == from_url else "  <-- differs from the URL"
        print(f"{published or '-':11} {source or '-':9} {markup or '-':11} {from_url or '-':11} {url[:80]}{flag}")
    if REFERENCE_DATES.exists():
        score_dates({key: (row[0], row[1]) for key, row in zip(pages, rows)}, truth)


def score_dates(found: dict[str, tuple[str | None, str | None]], truth: dict[str, dict],
                reference_path: Path = REFERENCE_DATES) -> float | None:
    """Print and return the share of pages whose date equals the hand-checked reference.

    ``found`` maps page id -> (our date, its source). Pages the reference marks as carrying
    no date (``null``) are left out of the denominator.
    """
    reference = {row["id"]: row for row in json.loads(reference_path.read_text(encoding="utf-8"))["pages"]}
    dated = [key for key in found if reference.get(key, {}).get("date")]
    wrong = [key for key in dated if found[key][0] != reference[key]["date"]]
    right = len(dated) - len(wrong)
    unlisted = sum(1 for key in found if key not in reference)
    print(f"date accuracy against {reference_path.name}: {right}/{len(dated)} "
          f"({right / len(dated):.3f})" if dated else "date accuracy: no reference dates")
    if unlisted:
        print(f"  ({unlisted} pages not in the reference)")
    if wrong:
        print("wrong: ours        source    reference   url")
        for key in wrong:
            ours, source = found[key]
            print(f"       {ours or '-':11} {source or '-':9} {reference[key]['date']:11} {truth[key]['url'][:80]}")
    return right / len(dated) if dated else None


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("folder", nargs="?", type=Path,
                    default=Path("../shared/data/html/zyte_article_benchmark"))
    ap.add_argument("--details", action="store_true", help="per-page scores")
    ap.add_argument("--dates", action="store_true", help="check publication dates")
    args = ap.parse_args()
    gt_path = args.folder / "ground-truth.json"
    if not gt_path.exists():
        print(f"skipped: {gt_path} not found (pass the benchmark folder)")
        return 0
    truth = json.loads(gt_path.read_text(encoding="utf-8"))
    pages = {key: gzip.decompress((args.folder / "html" / f"{key}.html.gz").read_bytes())
             for key in sorted(truth)}
    run_bodies(pages, truth, args.details)
    if args.dates:
        run_dates(pages, truth)
    return 0


if __name__ == "__main__":
    sys.exit(main())
