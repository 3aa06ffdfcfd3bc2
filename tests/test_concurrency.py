"""Concurrency (issue #11): several processes on one store.

- SQLite: two processes opening a new database at once migrate it once; two ingests at once
  (the same articles or different ones) both finish, their batches written one after the
  other, each article stored once; a writer kept waiting too long fails with ``E_STORE`` and
  says why; a reader (the web server) answers while an ingest writes.
- PostgreSQL: two ingests at once both succeed (runs with ``NEWSEVENTS_TEST_POSTGRES``).

The articles are hand-made records (no spaCy), so real processes can race cheaply; one test
runs two ``newsevents ingest`` commands at once, end to end.
"""

from __future__ import annotations

import json
import multiprocessing as mp
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest
import sqlalchemy as sa
from test_stories import make_article

from newsevents import store_schema
from newsevents.errors import StoreError
from newsevents.store import SCHEMA_VERSION, open_store

ROOT = Path(__file__).resolve().parent.parent
COUNTRIES = ["NOR", "ISL", "SWE", "DNK", "FIN", "EST", "LVA", "LTU"]
WORDS = ("talks fish quota border treaty minister visit port grain gas pipeline summit envoy trade "
         "tariff aid loan vote court army navy drill patrol ferry bridge rail power water tax").split()


def articles(n: int, prefix: str = "a") -> list:
    """``n`` distinct hand-made articles, each with two events between neighbouring countries."""
    out = []
    for i in range(n):
        a, b = COUNTRIES[i % len(COUNTRIES)], COUNTRIES[(i * 3 + 1) % len(COUNTRIES)]
        day = f"2025-{1 + i % 12:02d}-{1 + i % 28:02d}"
        rng = random.Random(f"{prefix}{i}")  # different words in every article: no near-duplicates
        text = f"{a} and {b} talked. " + " ".join(rng.choice(WORDS) for _ in range(80)) + "."
        out.append(make_article(f"{prefix}{i}", day, [("CONSULT", [a, b], [], "asserted", day, None),
                                                      ("AGREE", [a], [b], "expected", day[:7], None)],
                                text=text))
    return out


def _ctx():
    return mp.get_context("fork" if "fork" in mp.get_all_start_methods() else "spawn")


def _open_at(args) -> int:
    db, barrier = args
    barrier.wait()
    with open_store(db) as s:
        return s.version()


def _ingest_at(args) -> dict:
    db, arts, batch_size, barrier = args
    barrier.wait()
    with open_store(db) as s:
        return s.ingest(arts, batch_size=batch_size).to_dict()


def _run_at_once(fn, args_list: list) -> list:
    ctx = _ctx()
    barrier = ctx.Manager().Barrier(len(args_list))
    with ctx.Pool(len(args_list)) as pool:
        return pool.map(fn, [(*a, barrier) for a in args_list])


def _check_whole(db: str, ids: set[str], reference_mentions: int) -> None:
    with open_store(db) as s:
        with s.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
            per_article = dict(conn.execute(sa.select(store_schema.mentions.c.article_id, sa.func.count())
                                            .group_by(store_schema.mentions.c.article_id)).all())
        assert {a["id"] for a in s.articles()} == ids and len(s.articles()) == len(ids)
        assert all(n == 2 for n in per_article.values()) and set(per_article) <= ids
        assert s.counts()["mentions"] == reference_mentions


def test_processes_opening_a_new_database_at_once_migrate_it_once(tmp_path):
    db = str(tmp_path / "new.db")
    assert _run_at_once(_open_at, [(db,)] * 4) == [SCHEMA_VERSION] * 4
    with open_store(db) as s, s.engine.connect() as conn:
        versions = conn.execute(sa.select(store_schema.schema_version.c.version)).scalars().all()
    assert sorted(versions) == list(range(1, SCHEMA_VERSION + 1))


@pytest.mark.parametrize("same", [True, False], ids=["same-articles", "different-articles"])
def test_two_ingests_at_once_into_one_sqlite_file_both_finish(tmp_path, same):
    arts_a, arts_b = articles(40, "a"), articles(40, "a" if same else "b")
    ref = str(tmp_path / "ref.db")
    with open_store(ref) as s:
        s.ingest(arts_a + ([] if same else arts_b), batch_size=4)
        reference_mentions = s.counts()["mentions"]
    db = str(tmp_path / "both.db")
    a, b = _run_at_once(_ingest_at, [(db, arts_a, 4), (db, arts_b, 4)])
    ids = {x.id for x in arts_a + arts_b}
    assert a["stored"] + b["stored"] == len(ids)
    assert a["already_stored"] + b["already_stored"] == (40 if same else 0)
    assert a["rejected"] == b["rejected"] == 0
    _check_whole(db, ids, reference_mentions)


def test_a_writer_kept_waiting_too_long_fails_clearly_and_writes_nothing(tmp_path, monkeypatch):
    db = str(tmp_path / "busy.db")
    with open_store(db) as s:
        s.ingest(articles(2))
    holder = open_store(db)
    monkeypatch.setattr(store_schema, "BUSY_TIMEOUT_MS", 300)
    waiter = open_store(db)
    try:
        with holder.engine.begin() as conn:  # another process in the middle of a long batch
            store_schema.write_lock(conn)
            with pytest.raises(StoreError) as info:
                waiter.ingest(articles(3, "late"))
        assert info.value.code == "E_STORE"
        assert "locked" in info.value.message and "another process" in info.value.message
        assert len(info.value.message) < 700  # no SQL statement with whole articles in it
        assert {a["id"] for a in waiter.articles()} == {"a0", "a1"}
        assert waiter.ingest(articles(3, "late")).stored == 3  # once the lock is gone, it goes through
    finally:
        holder.close()
        waiter.close()


def _write_slowly(args) -> int:
    db, arts, barrier = args
    barrier.wait()
    with open_store(db) as s:
        for k in range(0, len(arts), 2):
            s.ingest(arts[k:k + 2], batch_size=2)
    return len(arts)


def test_the_server_answers_while_an_ingest_writes(tmp_path):
    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient

    from newsevents.web.app import Settings, create_app

    db = str(tmp_path / "served.db")
    with open_store(db) as s:
        s.ingest(articles(4, "first"))
    arts = articles(60, "w")
    ctx = _ctx()
    barrier = ctx.Manager().Barrier(2)
    with ctx.Pool(1) as pool, TestClient(create_app(Settings(db=db))) as client:
        writing = pool.apply_async(_write_slowly, ((db, arts, barrier),))
        barrier.wait()
        seen, statuses = [], []
        while not writing.ready():
            r = client.get("/api/articles", params={"limit": 200})
            statuses.append(r.status_code)
            seen.append(len(r.json()["items"]) if r.status_code == 200 else -1)
            statuses.append(client.get("/api/events", params={"actor": "NOR"}).status_code)
        assert writing.get() == 60
        final = client.get("/api/articles", params={"limit": 200})
    assert set(statuses) == {200}, statuses
    assert len(statuses) >= 4
    assert seen == sorted(seen)  # never a half-written state: counts only grow
    assert final.status_code == 200


@pytest.mark.slow
def test_two_ingest_commands_at_once(tmp_path):
    """End to end: two ``newsevents ingest`` processes on one new SQLite file, overlapping inputs."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from kill_restart import check_store, ingest_command, make_corpus, problems

    first = make_corpus(tmp_path / "a.jsonl", 8, seed=21)
    second = make_corpus(tmp_path / "b.jsonl", 8, seed=22)
    both = tmp_path / "ab.jsonl"
    both.write_text((tmp_path / "a.jsonl").read_text() + (tmp_path / "b.jsonl").read_text())
    db = tmp_path / "cli.db"
    procs = [subprocess.Popen(ingest_command(c, db, 3), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for c in (tmp_path / "a.jsonl", both)]
    outs = [p.communicate(timeout=600) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], [e for _, e in outs]
    summaries = [json.loads(o.strip().splitlines()[-1]) for o, _ in outs]
    assert sum(s["stored"] + s["duplicates"] for s in summaries) == 16
    check = check_store(db, first | second)
    assert check.pop("stored_ids") == set(first) | set(second) and problems(check) == 0


def test_two_ingests_at_once_into_postgresql_both_succeed():
    url = os.environ.get("NEWSEVENTS_TEST_POSTGRES")
    if not url:
        pytest.skip("no PostgreSQL server: set NEWSEVENTS_TEST_POSTGRES=postgresql://... to run")
    with open_store(url) as s, s.engine.begin() as conn:  # a scratch database: start empty
        for t in reversed(store_schema.meta.sorted_tables):
            if t is not store_schema.schema_version:
                conn.execute(t.delete())
    shared, own = articles(40, "ps"), articles(20, "po")
    a, b = _run_at_once(_ingest_at, [(url, shared + own, 2), (url, shared, 2)])
    assert a["stored"] + b["stored"] == 60 and a["already_stored"] + b["already_stored"] == 40
    with open_store(url) as s:
        assert len(s.articles()) == 60 and s.counts()["mentions"] == 120
