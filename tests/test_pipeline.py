import json

import pytest

from newsevents import Article, ItemError, NewsEventsError, extract, extract_many
from newsevents.pipeline import content_id, parse_date

TEXT = (
    "Talks Resume\n"
    "Egypt and Ethiopia will hold a new round of talks in Cairo next week, officials said on Monday.\n"
    "Sign up for our newsletter to get daily updates\n"
)


def test_extract_returns_contract_record():
    rec = extract(TEXT, published="2025-03-03", publisher="Harbor Wire", id="t1")
    assert isinstance(rec, Article)
    d = json.loads(rec.to_json())
    assert list(d)[:3] == ["schema", "id", "published"]
    assert d["schema"] == "newsevents.article/1"
    assert d["text"] == TEXT  # text exactly as given
    assert [s["title"] for s in d["sections"]] == ["Talks Resume"]
    assert [b["kind"] for b in d["boilerplate"]] == ["newsletter"]
    for key in ("actors", "times", "quotes", "events"):
        assert isinstance(d[key], list)
    # every offset points into the text
    for a in d["actors"]:
        for m in a["mentions"]:
            assert 0 <= m["start"] < m["end"] <= len(TEXT)
    for t in d["times"]:
        assert TEXT[t["start"]:t["end"]] == t["text"]


def test_id_defaults_to_content_hash():
    rec = extract("Leaders met on Monday.", published="2025-01-01")
    assert rec.id == content_id("Leaders met on Monday.")


def test_bad_items_do_not_stop_the_batch():
    rows = [
        {"id": "good1", "text": "Egypt and Sudan signed a water deal on Tuesday.", "published": "2025-02-05"},
        {"id": "bad-date", "text": "Something happened.", "published": "05/02/2025"},
        {"id": "empty", "text": "   "},
        "not a row",
        {"id": "good2", "text": "Ethiopia rejected the proposal.", "published": "2025-02-06"},
    ]
    out = list(extract_many(rows, batch_size=2))
    assert [type(o).__name__ for o in out] == ["Article", "ItemError", "ItemError", "ItemError", "Article"]
    assert out[1].id == "bad-date" and out[1].error.code == "E_DATE"
    assert out[2].error.code == "E_EMPTY"
    assert out[3].error.code == "E_ROW"
    assert [out[0].id, out[4].id] == ["good1", "good2"]


def test_extract_raises_a_coded_error_for_a_single_bad_article():
    with pytest.raises(NewsEventsError) as e:
        extract("  ")
    assert e.value.code == "E_EMPTY"


def test_parse_date():
    assert parse_date("2024-12-23").isoformat() == "2024-12-23"
    assert parse_date("2024-12-23T10:00:00Z").isoformat() == "2024-12-23"
    assert parse_date(None) is None
    for bad in ("2024-13-01", "23 Dec 2024", "2024-02-30"):
        with pytest.raises(NewsEventsError):
            parse_date(bad)


def test_html_rows_become_their_article_text_and_empty_pages_are_rejected():
    (rec, err) = list(extract_many([{"id": "h", "html": "<p>Hi</p>"},
                                    {"id": "e", "html": "<script>var x;</script>"}]))
    assert rec.id == "h" and rec.text == "Hi"
    assert isinstance(err, ItemError) and err.error.code == "E_EMPTY"
