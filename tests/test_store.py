"""The store: migrations, idempotent atomic ingest, duplicates, linking, queries and export."""

from __future__ import annotations

import datetime as dt
import json

import pytest
import sqlalchemy as sa
from test_stories import make_article

from newsevents import queries
from newsevents import store as store_mod
from newsevents.models import ErrorBody, ItemError
from newsevents.store import SCHEMA_VERSION, StoreError, open_store, resolve_url

PLAN = make_article("plan", "2024-12-23", [("AGREE", ["NOR", "ISL"], [], "expected", "2025-01", "END"),
                                          ("CONSULT", ["NOR", "ISL"], [], "expected", "2025-05", None)],
                    publisher="Harbor Wire")
SIGNED_TEXT = ("OSLO, Jan 18 - Norway and Iceland signed a fisheries treaty on Friday, replacing an "
               "accord signed in 2001. Ministers from both countries attended the ceremony in Oslo. "
               "Fishing groups welcomed the deal, which sets quotas for the next decade. ") * 3
SIGNED = make_article("signed", "2025-01-18", [("AGREE", ["ISL", "NOR"], [], "asserted", "2025-01-17", None),
                                              ("AGREE", ["NOR", "ISL"], [], "asserted", "2001", None)],
                      publisher="Meridian Post", text=SIGNED_TEXT)
COPY = make_article("copy", "2025-01-19", [("AGREE", ["ISL", "NOR"], [], "asserted", "2025-01-17", None)],
                    publisher="Desk", text="Nordic desk: " + SIGNED_TEXT + " First published by Meridian Post.")


@pytest.fixture
def store(tmp_path):
    s = open_store(str(tmp_path / "t.db"))
    yield s
    s.close()


def test_url_resolution(monkeypatch, tmp_path):
    monkeypatch.delenv("NEWSEVENTS_DB", raising=False)
    assert resolve_url(None) == "sqlite:///newsevents.db"
    monkeypatch.setenv("NEWSEVENTS_DB", str(tmp_path / "x.db"))
    assert resolve_url(None) == f"sqlite:///{tmp_path / 'x.db'}"
    assert resolve_url("postgresql://u:p@h/db") == "postgresql+psycopg://u:p@h/db"


def test_schema_is_migrated_and_sqlite_uses_wal(store, tmp_path):
    assert store.version() == SCHEMA_VERSION
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    again = open_store(str(tmp_path / "t.db"))  # opening twice runs nothing twice
    assert again.version() == SCHEMA_VERSION
    with again.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM schema_version").scalar() == SCHEMA_VERSION


def test_newer_schema_is_refused(store, tmp_path):
    with store.engine.begin() as conn:
        conn.exec_driver_sql("INSERT INTO schema_version VALUES (99, 'future')")
    with pytest.raises(StoreError):
        open_store(str(tmp_path / "t.db"))


def test_ingest_is_idempotent_and_duplicates_add_no_mention(store):
    s1 = store.ingest([PLAN, SIGNED, COPY])
    assert (s1.read, s1.stored, s1.duplicates, s1.rejected, s1.mentions) == (3, 2, 1, 0, 4)
    s2 = store.ingest([PLAN, SIGNED, COPY])
    assert (s2.already_stored, s2.stored, s2.mentions) == (3, 0, 0)
    assert store.counts()["mentions"] == 4
    dup = {a["id"]: a for a in store.articles()}["copy"]
    assert dup["duplicate_of"] == "signed" and dup["duplicate_kind"] == "near"
    assert store.article("plan").events[0].status == "expected"


def test_linking_and_queries(store):
    store.ingest([PLAN, SIGNED, COPY])
    agree = store.story_events(type="AGREE", since="2020-01-01")
    assert len(agree) == 1
    ev = agree[0]
    assert ev.status == "asserted" and ev.time.value == "2025-01-17"
    assert [h.status for h in ev.history] == ["expected", "asserted"]
    assert ev.first_reported == "2024-12-23" and ev.sources == ["Harbor Wire", "Meridian Post"]
    assert len(store.story_events(type="AGREE")) == 2  # with the 2001 treaty
    assert store.story_events(actors=["NOR", "ISL"], status="expected")[0].type == "CONSULT"
    assert store.story_events(actors=["SWE"]) == []
    assert store.story_events(until="2002-01-01")[0].time.value == "2001"
    nxt = store.story_events(overdue=True, as_of=dt.date(2025, 6, 15))
    assert [e.type for e in nxt] == ["CONSULT"] and nxt[0].overdue
    assert store.story_events(overdue=True, as_of=dt.date(2025, 5, 15)) == []
    before = {e.id: e.model_dump() for e in store.story_events()}
    assert store.relink() == 3
    assert {e.id: e.model_dump() for e in store.story_events()} == before


def test_conflicting_id_and_item_errors_are_rejected_not_fatal(store):
    errors: list[ItemError] = []
    bad = ItemError(id="x", path="f.jsonl:3", error=ErrorBody(code="E_ROW", message="broken"))
    other = make_article("plan", "2024-12-24", [], text="Another text under the same id, not the same story.")
    s = store.ingest([PLAN, bad, other], on_error=errors.append)
    assert (s.read, s.stored, s.rejected) == (3, 1, 2)
    assert [e.error.code for e in errors] == ["E_ROW", "E_CONFLICT"]


def test_a_failed_batch_leaves_nothing_half_written(store, monkeypatch):
    store.ingest([PLAN], batch_size=1)

    def boom(*a, **k):
        raise sa.exc.OperationalError("INSERT", {}, Exception("disk full"))

    monkeypatch.setattr(store, "_write_event", boom)
    with pytest.raises(StoreError):
        store.ingest([SIGNED], batch_size=1)
    monkeypatch.undo()
    assert [a["id"] for a in store.articles()] == ["plan"]
    assert store.counts()["mentions"] == 2


def test_export_and_frames(store, tmp_path):
    store.ingest([PLAN, SIGNED, COPY])
    for fmt in ("jsonl", "csv", "parquet"):
        res = queries.export(store, fmt, tmp_path / f"out.{fmt}")
        assert res["story_events"] == 3 and res["mentions"] == 4
    first = json.loads((tmp_path / "out.jsonl").read_text().splitlines()[0])
    assert {"id", "mentions", "history", "actor_countries"} <= first.keys()
    assert (tmp_path / "out.mentions.csv").read_text().startswith("story_event,article,index")
    import pandas as pd

    assert len(pd.read_parquet(tmp_path / "out.mentions.parquet")) == 4
    df = queries.events_frame(store, actors=["NOR"])
    assert list(df["type"]).count("AGREE") == 2
    table = queries.render_table(queries.timeline(store, ["NOR", "ISL"]))
    assert "Meridian Post" in table and "expected → asserted" in table


def test_commands_events_timeline_export(store, tmp_path):
    from typer.testing import CliRunner

    from newsevents.cli import app

    store.ingest([PLAN, SIGNED, COPY])
    db = ["--db", store.url]
    run = CliRunner().invoke
    res = run(app, ["events", *db, "--actor", "NOR", "--type", "AGREE", "--since", "2020-01-01"])
    assert res.exit_code == 0, res.output
    (line,) = res.stdout.splitlines()
    assert json.loads(line)["status"] == "asserted"
    res = run(app, ["events", *db, "--format", "csv", "--overdue", "--as-of", "2025-06-01"])
    assert res.exit_code == 0 and res.stdout.count("\n") == 2 and "CONSULT" in res.stdout
    png = tmp_path / "t.png"
    res = run(app, ["timeline", "--actor", "NOR", "--actor", "ISL", *db, "--plot", str(png)])
    assert res.exit_code == 0 and "Harbor Wire" in res.stdout and png.stat().st_size > 1000
    res = run(app, ["export", *db, "--format", "csv", str(tmp_path / "x")])
    assert res.exit_code == 0 and (tmp_path / "x" / "story_events.csv").exists()
    assert run(app, ["events", *db, "--since", "last week"]).exit_code == 2


@pytest.mark.slow
def test_ingest_command_reports_and_rejects(tmp_path):
    from typer.testing import CliRunner

    from newsevents.cli import app

    rows = tmp_path / "in.jsonl"
    rows.write_text(json.dumps({"id": "a", "published": "2025-01-18", "text": SIGNED_TEXT}) + "\n"
                    + json.dumps({"id": "b", "text": ""}) + "\n", encoding="utf-8")
    db = str(tmp_path / "c.db")
    res = CliRunner().invoke(app, ["ingest", str(rows), "--db", db])
    assert res.exit_code == 1
    assert json.loads(res.stdout.splitlines()[-1]) == {"read": 2, "stored": 1, "duplicates": 0,
                                                      "already_stored": 0, "rejected": 1,
                                                      "skipped": 0, "rejected_by_code": {"E_EMPTY": 1},
                                                      "mentions": json.loads(res.stdout.splitlines()[-1])["mentions"]}
    res = CliRunner().invoke(app, ["ingest", str(rows), "--db", db])
    assert json.loads(res.stdout.splitlines()[-1])["already_stored"] == 1


@pytest.mark.parametrize("batch_size", [1, 8])
def test_a_copy_stored_before_its_original_gives_way(store, batch_size):
    store.ingest([COPY, PLAN, SIGNED], batch_size=batch_size)
    dups = {a["id"]: a["duplicate_of"] for a in store.articles()}
    assert dups == {"copy": "signed", "plan": None, "signed": None}
    assert store.counts()["mentions"] == 4
    (ev,) = store.story_events(type="AGREE", since="2020-01-01")
    assert {m.article for m in ev.mentions} == {"plan", "signed"}


def _postgres_url() -> str | None:
    """$NEWSEVENTS_TEST_POSTGRES (a postgresql:// URL of a scratch database), when reachable."""
    import os

    url = os.environ.get("NEWSEVENTS_TEST_POSTGRES")
    if not url:
        return None
    try:
        open_store(url).close()
    except (StoreError, ImportError):
        return None
    return url


def test_postgres_same_behaviour():
    url = _postgres_url()
    if url is None:
        pytest.skip("no PostgreSQL server: set NEWSEVENTS_TEST_POSTGRES=postgresql://... to run")
    store = open_store(url)
    try:
        with store.engine.begin() as conn:  # a scratch database: start empty
            for t in reversed(store_mod.meta.sorted_tables):
                if t is not store_mod.schema_version:
                    conn.execute(t.delete())
        store.ingest([COPY, PLAN, SIGNED], batch_size=2)
        assert store.counts()["duplicates"] == 1 and store.counts()["mentions"] == 4
        (ev,) = store.story_events(type="AGREE", actors=["NOR"], since="2020-01-01")
        assert [h.status for h in ev.history] == ["expected", "asserted"]
        assert store.story_events(overdue=True, as_of=dt.date(2025, 6, 15))[0].type == "CONSULT"
        assert store.relink() == 3
        assert store.ingest([PLAN]).already_stored == 1
    finally:
        store.close()


def test_a_late_article_is_linked_as_if_it_came_in_order(tmp_path):
    early_plan = make_article("p1", "2024-12-23", [("CONSULT", ["NOR", "ISL"], [], "expected", "2025-01-09", None)])
    held = make_article("h1", "2025-01-10", [("CONSULT", ["NOR", "ISL"], [], "asserted", "2025-01-09", None)])
    plan2 = make_article("p2", "2025-01-18", [("CONSULT", ["NOR", "ISL"], [], "expected", "2025-02", None)])
    held2 = make_article("h2", "2025-04-02", [("CONSULT", ["NOR", "ISL"], [], "asserted", "2025-02", None)])
    results = []
    for n, order in enumerate(([early_plan, held, plan2, held2], [plan2, held2, early_plan, held])):
        s = open_store(str(tmp_path / f"o{n}.db"))
        s.ingest(order, batch_size=1)
        results.append(sorted(sorted(m.article for m in e.mentions) for e in s.story_events()))
        s.close()
    assert results[0] == results[1] == [["h1", "p1"], ["h2", "p2"]]


def test_actors_and_what_next(store):
    from newsevents.models import Actor

    holm = Actor(id="person:kari-holm", name="Kari Holm", kind="person", country="NOR", sector="GOV")
    a = make_article("a", "2025-01-10", [], actors=[holm], text="Kari Holm spoke in Oslo on Friday. " * 6)
    b = make_article("b", "2025-01-12", [], actors=[holm.model_copy(update={"sector": "ELI"})],
                     text="Kari Holm, now retired, spoke again in Bergen. " * 6)
    store.ingest([a, b, PLAN])
    (row,) = store.actors(country="NOR", name="holm")
    assert (row.n_articles, row.first_seen, row.last_seen, row.sector) == (2, "2025-01-10", "2025-01-12", "ELI")
    assert list(queries.actors_frame(store)["id"]) == ["person:kari-holm"]
    nxt = queries.what_next(store, actors=["ISL"], as_of=dt.date(2025, 2, 15))
    assert [(e.type, e.overdue) for e in nxt] == [("AGREE", True), ("CONSULT", False)]


def test_a_reader_reads_while_an_ingest_writes(tmp_path):
    writer = open_store(str(tmp_path / "w.db"))
    writer.ingest([PLAN])
    reader = open_store(str(tmp_path / "w.db"))
    with writer.engine.begin() as conn:  # an open write transaction (WAL: readers go on)
        conn.execute(store_mod.articles.delete())
        assert [a["id"] for a in reader.articles()] == ["plan"]
        assert len(reader.story_events(actors=["nor"])) == 2
    assert reader.articles() == []
    reader.close()
    writer.close()


def test_an_interrupted_ingest_keeps_the_committed_batches(store):
    from newsevents.store import IngestInterrupted

    def items():
        yield PLAN
        yield SIGNED
        raise KeyboardInterrupt

    with pytest.raises(IngestInterrupted) as info:
        store.ingest(items(), batch_size=1)
    assert info.value.summary.stored == 2 and info.value.code == "E_INTERRUPTED"
    assert sorted(a["id"] for a in store.articles()) == ["plan", "signed"]


def test_far_away_story_events_are_not_candidates(store):
    old = make_article("old", "2001-03-02", [("AGREE", ["NOR", "ISL"], [], "asserted", "2001-03-01", None)])
    recap = make_article("recap", "2025-01-20", [("AGREE", ["NOR", "ISL"], [], "asserted", "2001", None)])
    store.ingest([old])
    store.ingest([recap, SIGNED])
    two_thousand_one = store.story_events(until="2001-12-31")
    assert [sorted(m.article for m in e.mentions) for e in two_thousand_one] == [["old", "recap", "signed"]]


def test_migration_4_adds_the_window_columns_to_an_older_database(tmp_path):
    path = str(tmp_path / "old.db")
    s = open_store(path)
    s.ingest([PLAN])
    with s.engine.begin() as conn:  # make it a version-3 database
        for name in ("window_lo", "window_hi"):
            conn.exec_driver_sql(f"DROP INDEX IF EXISTS ix_story_events_{name}")
            conn.exec_driver_sql(f"ALTER TABLE story_events DROP COLUMN {name}")
        conn.exec_driver_sql("DELETE FROM schema_version WHERE version >= 4")
    s.close()
    s = open_store(path)
    assert s.version() == SCHEMA_VERSION >= 4
    s.ingest([SIGNED])
    assert [h.status for h in s.story_events(type="AGREE", since="2020-01-01")[0].history] == ["expected", "asserted"]
    s.close()


def test_reading_commands_do_not_create_a_database(tmp_path):
    from typer.testing import CliRunner

    from newsevents.cli import app

    missing = tmp_path / "none.db"
    res = CliRunner().invoke(app, ["events", "--db", str(missing)])
    assert res.exit_code == 2 and not missing.exists()
    with pytest.raises(StoreError):
        open_store(str(missing), create=False)
