"""Parallel and distributed extraction (newsevents.executors) and resuming an ingest.

The worker tests run real processes over three short articles; the Dask test starts a
two-process LocalCluster and skips when dask.distributed is not installed.
"""

from __future__ import annotations

import re

import pytest

from newsevents import executors, pipeline
from newsevents.actors import _alternation
from newsevents.models import ErrorBody, InputItem, ItemError

ROWS = [
    {"id": "a1", "text": "Egypt and Ethiopia agreed on Monday to resume talks next week, the African Union said.",
     "published": "2025-02-17", "publisher": "Harbor Wire"},
    {"id": "bad", "text": "   "},
    {"id": "a2", "text": "Sudan accused Ethiopia of filling the dam without an agreement, a minister said on Friday.",
     "published": "2025-03-01"},
    {"id": "a3", "text": "The foreign ministers will meet in Addis Ababa at the end of March.",
     "published": "2025-03-02"},
]


def _items():
    return list(pipeline.input_items(ROWS)) + [
        ItemError(id="x", path="f.jsonl", error=ErrorBody(code="E_ROW", message="broken row"))]


def _json(results):
    return [r.model_dump_json() if isinstance(r, ItemError) else r.to_json() for r in results]


@pytest.fixture(scope="module")
def local():
    return _json(pipeline.get_extractor().extract_many(_items(), batch_size=2))


def test_chunks_keep_order_and_remainder():
    assert list(executors.chunks(range(5), 2)) == [[0, 1], [2, 3], [4]]
    assert list(executors.chunks([], 3)) == []


def test_workers_give_the_local_results_in_input_order(local):
    got = _json(executors.extract_parallel(_items(), workers=2, batch_size=1))
    assert got == local
    assert [r for r in got if '"E_EMPTY"' in r and '"bad"' in r]  # the per-item error is kept


def test_one_worker_runs_in_process(local):
    assert _json(executors.extract_with(_items(), workers=1, batch_size=2)) == local


def test_parquet_shard_round_trip(local):
    results = list(pipeline.get_extractor().extract_many(_items()))
    assert _json(executors.from_shard(executors.to_shard(results))) == local


def test_trie_alternation_matches_like_longest_first():
    words = ["Sudan", "South Sudan", "South", "Su", "U.S.", "U.S. Army", "Ethiopia", "Ethiopian"]
    text = "South Sudan, Sudan's Su; the U.S. Army and the U.S. met Ethiopian and Ethiopia South."
    plain = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
                       + r")(?!\w)")
    trie = re.compile(r"(?<!\w)(?:" + _alternation(words) + r")(?!\w)")
    assert [m.span() for m in trie.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_rerun_skips_stored_articles_before_parsing(tmp_path, monkeypatch):
    from newsevents.queries import ingest
    from newsevents.store import open_store

    store = open_store(str(tmp_path / "t.db"))
    first = ingest(None, store, rows=ROWS)
    assert first.stored == 3 and first.rejected == 1
    parsed: list[str] = []
    real = executors.extract_with

    def spy(items, **kw):
        items = list(items)
        parsed.extend(i.id for i in items if isinstance(i, InputItem))
        return real(items, **kw)

    monkeypatch.setattr(executors, "extract_with", spy)
    again = ingest(None, store, rows=ROWS + [{"text": "Egypt and Sudan signed a water deal on Tuesday."}])
    store.close()
    assert again.already_stored == 3 and again.stored == 1 and again.read == 5
    assert parsed == ["bad", None]  # only the rejected row and the new article are parsed


def test_stored_id_with_another_text_still_reports_the_conflict(tmp_path):
    from newsevents.queries import ingest
    from newsevents.store import open_store

    store = open_store(str(tmp_path / "t.db"))
    ingest(None, store, rows=ROWS[:1])
    errors: list[ItemError] = []
    summary = ingest(None, store, rows=[{"id": "a1", "text": "A different text about Egypt."}],
                     on_error=errors.append)
    store.close()
    assert summary.rejected == 1 and errors[0].error.code == "E_CONFLICT"


@pytest.mark.slow
def test_dask_executor_matches_the_local_run(local, tmp_path):
    pytest.importorskip("distributed")
    got = _json(executors.extract_dask(_items(), workers=2, batch_size=2, shard_dir=tmp_path))
    assert got == local
    assert sorted(p.name for p in tmp_path.iterdir()) == ["part-000000.parquet", "part-000001.parquet",
                                                          "part-000002.parquet"]


def test_cli_rejects_an_unknown_executor():
    from typer.testing import CliRunner

    from newsevents.cli import app

    result = CliRunner().invoke(app, ["extract", "-", "--executor", "spark"], input="")
    assert result.exit_code == 2
