"""The store's database: tables, ordered schema migrations, and how a URL is opened.

Tables (SQLAlchemy Core, one definition for SQLite and PostgreSQL):

- ``schema_version``: the migrations that have run (version, when);
- ``articles``: each stored article, its full record (JSON), the hash of its normalized text,
  and ``duplicate_of`` when it republishes another; ``article_bands``: MinHash band keys of
  the originals, to find near-duplicate candidates with one indexed query;
- ``mentions``: one row per event of a non-duplicate article, with its story event;
- ``story_events``: the linked events (JSON record plus the columns filters use), and
  ``event_parties``: who takes part (ids and countries; ``key`` rows for linking);
- ``actors``: every actor seen, with first and last date and article count.
- ``articles_fts`` (SQLite FTS5, filled by triggers; a GIN index in PostgreSQL): full-text
  search over article titles and texts.

A migration is a function of a connection; ``MIGRATIONS[n - 1]`` brings a database to version
``n``. Append new ones, never edit old ones; a table's definition here is its latest form, so
a migration that adds columns adds only those an older database lacks.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from .errors import StoreError

DEFAULT_DB = "newsevents.db"
ENV_VAR = "NEWSEVENTS_DB"


# -- schema -------------------------------------------------------------------------------
meta = sa.MetaData()
schema_version = sa.Table(
    "schema_version", meta,
    sa.Column("version", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("applied_at", sa.String(32), nullable=False),
)
articles = sa.Table(
    "articles", meta,
    sa.Column("id", sa.String(255), primary_key=True),
    sa.Column("published", sa.String(10), index=True),
    sa.Column("publisher", sa.String(255)),
    sa.Column("title", sa.Text),
    sa.Column("url", sa.Text),
    sa.Column("language", sa.String(16)),
    sa.Column("text_hash", sa.String(64), nullable=False, index=True),
    sa.Column("duplicate_of", sa.String(255), index=True),
    sa.Column("duplicate_kind", sa.String(8)),
    sa.Column("similarity", sa.Float),
    sa.Column("stored_at", sa.String(32), nullable=False),
    sa.Column("record", sa.Text, nullable=False),
)
article_bands = sa.Table(
    "article_bands", meta,
    sa.Column("band", sa.String(24), nullable=False, index=True),
    sa.Column("article_id", sa.String(255), nullable=False, index=True),
)
mentions = sa.Table(
    "mentions", meta,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("article_id", sa.String(255), nullable=False, index=True),
    sa.Column("idx", sa.Integer, nullable=False),
    sa.Column("type", sa.String(16), nullable=False),
    sa.Column("status", sa.String(16), nullable=False),
    sa.Column("published", sa.String(10)),
    sa.Column("publisher", sa.String(255)),
    sa.Column("story_event_id", sa.String(32), index=True),
    sa.Column("data", sa.Text, nullable=False),
    sa.UniqueConstraint("article_id", "idx"),
)
story_events = sa.Table(
    "story_events", meta,
    sa.Column("id", sa.String(32), primary_key=True),
    sa.Column("type", sa.String(16), nullable=False, index=True),
    sa.Column("status", sa.String(16), nullable=False, index=True),
    sa.Column("date_lo", sa.String(10), index=True),
    sa.Column("date_hi", sa.String(10), index=True),
    sa.Column("due", sa.String(10)),
    sa.Column("first_reported", sa.String(10)),
    sa.Column("last_reported", sa.String(10)),
    sa.Column("n_mentions", sa.Integer, nullable=False),
    sa.Column("record", sa.Text, nullable=False),
    # added by migration 4: the days its mentions' time windows span (linking candidates)
    sa.Column("window_lo", sa.String(10), index=True),
    sa.Column("window_hi", sa.String(10), index=True),
)
#: added by migration 6: a filter on type or status reads story events in the order they are listed
ORDERED_BY_TYPE = sa.Index("ix_story_events_type_order", story_events.c.type, story_events.c.date_lo,
                           story_events.c.first_reported, story_events.c.id)
ORDERED_BY_STATUS = sa.Index("ix_story_events_status_order", story_events.c.status, story_events.c.date_lo,
                             story_events.c.first_reported, story_events.c.id)
#: added by migration 7: the list order itself, with the end day a since filter reads, so that an
#: unfiltered or time-range listing walks this index instead of sorting the table
LIST_ORDER = sa.Index("ix_story_events_list_order", story_events.c.date_lo, story_events.c.first_reported,
                      story_events.c.id, story_events.c.date_hi)
event_parties = sa.Table(
    "event_parties", meta,
    sa.Column("event_id", sa.String(32), nullable=False, index=True),
    sa.Column("party", sa.String(255), nullable=False, index=True),
    sa.Column("role", sa.String(16), nullable=False),  # actor | recipient | key
)
actors = sa.Table(
    "actors", meta,
    sa.Column("id", sa.String(255), primary_key=True),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("country", sa.String(3), index=True),
    sa.Column("sector", sa.String(8)),
    sa.Column("first_seen", sa.String(10)),
    sa.Column("last_seen", sa.String(10)),
    sa.Column("n_articles", sa.Integer, nullable=False),
)


def _create(*tables: sa.Table) -> Callable[[Connection], None]:
    def migrate(conn: Connection) -> None:
        for t in tables:
            t.create(conn, checkfirst=True)
    return migrate


def _add_columns(table: sa.Table, *names: str) -> Callable[[Connection], None]:
    """Add columns of ``table`` that an older database lacks (a new one has them already)."""
    def migrate(conn: Connection) -> None:
        have = {c["name"] for c in sa.inspect(conn).get_columns(table.name)}
        for name in names:
            if name in have:
                continue
            col = table.c[name]
            ddl = col.type.compile(dialect=conn.dialect)
            conn.exec_driver_sql(f"ALTER TABLE {table.name} ADD COLUMN {name} {ddl}")
            if col.index:
                conn.exec_driver_sql(f"CREATE INDEX IF NOT EXISTS ix_{table.name}_{name} ON {table.name} ({name})")
    return migrate


#: SQLite's full-text index of article titles and texts (FTS5), kept by triggers on ``articles``
ARTICLES_FTS = "articles_fts"
#: PostgreSQL's full-text document of an article (the expression its GIN index is built on)
PG_FTS_DOCUMENT = "to_tsvector('english', coalesce(title, '') || ' ' || coalesce((record::json)->>'text', ''))"


def _search_index(conn: Connection) -> None:
    """Full-text search over article titles and texts: an FTS5 table filled by triggers
    (SQLite), or a GIN index on the text's ``tsvector`` (PostgreSQL). Fixed DDL, no input."""
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql(f"CREATE VIRTUAL TABLE IF NOT EXISTS {ARTICLES_FTS} USING fts5("
                             "id UNINDEXED, title, body, tokenize = 'unicode61 remove_diacritics 2')")
        conn.exec_driver_sql(f"CREATE TRIGGER IF NOT EXISTS {ARTICLES_FTS}_insert AFTER INSERT ON articles "
                             f"BEGIN INSERT INTO {ARTICLES_FTS} (id, title, body) VALUES "
                             "(new.id, new.title, json_extract(new.record, '$.text')); END")
        conn.exec_driver_sql(f"CREATE TRIGGER IF NOT EXISTS {ARTICLES_FTS}_delete AFTER DELETE ON articles "
                             f"BEGIN DELETE FROM {ARTICLES_FTS} WHERE id = old.id; END")
        conn.exec_driver_sql(f"DELETE FROM {ARTICLES_FTS}")  # run again on a database that has it
        conn.exec_driver_sql(f"INSERT INTO {ARTICLES_FTS} (id, title, body) "
                             "SELECT id, title, json_extract(record, '$.text') FROM articles")
    elif conn.dialect.name == "postgresql":
        conn.exec_driver_sql(f"CREATE INDEX IF NOT EXISTS ix_articles_fts ON articles USING gin ({PG_FTS_DOCUMENT})")


def _indexes(*indexes: sa.Index) -> Callable[[Connection], None]:
    """Create indexes an older database lacks (a new one has them from its tables)."""
    def migrate(conn: Connection) -> None:
        for ix in indexes:
            ix.create(conn, checkfirst=True)
    return migrate


#: ordered schema migrations: version n is MIGRATIONS[n - 1]; append, never edit
MIGRATIONS: list[Callable[[Connection], None]] = [
    _create(articles, article_bands),                    # 1: articles and duplicate bands
    _create(mentions, story_events, event_parties),      # 2: mentions and story events
    _create(actors),                                     # 3: the actors seen
    _add_columns(story_events, "window_lo", "window_hi"),  # 4: linking windows (NULL: relink fills)
    _search_index,                                       # 5: full-text search over articles
    _indexes(ORDERED_BY_TYPE, ORDERED_BY_STATUS),        # 6: filtered story events in list order
    _indexes(LIST_ORDER),                                # 7: story events in list order, by time
]
SCHEMA_VERSION = len(MIGRATIONS)


# -- opening ------------------------------------------------------------------------------
def resolve_url(db: str | None = None) -> str:
    """The database URL: ``db``, else ``$NEWSEVENTS_DB``, else ``./newsevents.db``."""
    db = db or os.environ.get(ENV_VAR) or DEFAULT_DB
    if "://" not in db:
        return "sqlite:///" + str(Path(db).expanduser())
    if db.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + db.split("://", 1)[1]
    return db


#: how long an SQLite writer waits for another process's write transaction (one ingest batch)
#: before it gives up with E_STORE
BUSY_TIMEOUT_MS = 60_000


def write_lock(conn: Connection) -> None:
    """Take the database's write lock at the start of a transaction, so that two processes
    writing at once (two ingests, two migrations) run their transactions one after the other,
    each reading what the other committed. SQLite: a write statement (that changes nothing)
    takes the lock, waiting up to :data:`BUSY_TIMEOUT_MS`; PostgreSQL: a table lock that only
    writers of the same kind take (readers are not blocked)."""
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql("DELETE FROM schema_version WHERE 0")
    elif conn.dialect.name == "postgresql":
        conn.exec_driver_sql("LOCK TABLE schema_version IN SHARE ROW EXCLUSIVE MODE")


def _switch_to_wal(cur) -> None:
    """``PRAGMA journal_mode=WAL``, retried while another process holds the lock: SQLite may
    answer "database is locked" at once, without waiting, when several processes open a new
    file together (the mode is kept in the file, so the first one to switch settles it)."""
    import sqlite3
    import time

    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    pause = 0.01
    while True:
        try:
            cur.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as e:
            if "locked" not in str(e) or time.monotonic() > deadline:
                raise
            time.sleep(pause)
            pause = min(pause * 2, 0.5)


def make_engine(url: str) -> Engine:
    try:
        engine = sa.create_engine(url, future=True)
    except ModuleNotFoundError as e:
        raise StoreError(f"no database driver for {url.split('://')[0]}: {e}; for PostgreSQL "
                         "install newsevents[postgres]") from e
    except sa.exc.ArgumentError as e:
        raise StoreError(f"not a database URL: {url!r} ({e})") from e
    if engine.dialect.name == "sqlite":
        @sa.event.listens_for(engine, "connect")
        def _pragmas(dbapi_conn, _record) -> None:  # pragma: no cover - trivial
            cur = dbapi_conn.cursor()
            cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")  # first: switching to WAL needs the lock
            _switch_to_wal(cur)
            cur.execute("PRAGMA synchronous=NORMAL")
            cur.close()
    return engine
