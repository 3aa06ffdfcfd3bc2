"""The store: articles, their event mentions and the story events that link them.

One storage layer over SQLAlchemy Core, so the same code runs on

- an embedded SQLite file (the default, ``./newsevents.db``), in WAL mode so that a reader
  (the web server) can read while an ingest writes;
- PostgreSQL, when the URL is ``postgresql://...`` (needs the ``psycopg`` driver:
  ``pip install 'newsevents[postgres]'``).

The URL is the ``db`` argument, else ``$NEWSEVENTS_DB``, else the embedded file; a plain
path means an SQLite file there.

Tables and schema migrations live in :mod:`.store_schema` (ordered functions,
``MIGRATIONS``); the ``schema_version`` table says which have run, and :func:`open_store`
runs the missing ones, each in its own transaction.

Ingest is idempotent and atomic per batch: an article whose id is stored already adds
nothing; each batch commits in one transaction, so an interrupted ingest keeps every
committed batch and no half-written article. A duplicate article (:mod:`.duplicates`) is
stored and linked to its original but adds no mention (when the original arrives after its
copy, the copy gives way). New mentions are linked to story events as they arrive
(:mod:`.stories`); an article older than the stored reports near it has its neighbourhood
(the story events of its types sharing a party) linked again in publication order, so the
links do not depend on the order of ingest; :meth:`Store.relink` recomputes all links.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

import sqlalchemy as sa
from pydantic import BaseModel, ConfigDict
from sqlalchemy.engine import Connection

from . import stories
from .duplicates import Fingerprint, best_match, fingerprint
from .intervals import shift
from .errors import ArticleConflict, IngestInterrupted
from .models import Article, ErrorBody, ItemError
from .store_schema import (  # noqa: F401  (re-exported: the store's public names)
    DEFAULT_DB, ENV_VAR, MIGRATIONS, SCHEMA_VERSION, StoreError, actors, article_bands, articles,
    event_parties, make_engine, meta, mentions, resolve_url, schema_version, story_events, write_lock,
)
from .stories import Mention, StoryEvent

_FP_CACHE = 2_000  # recent fingerprints kept for duplicate checks (republications follow soon),
# the least recently used forgotten first; an older candidate is fingerprinted again from its
# stored text, so memory stays flat


#: for statements whose shape changes with each batch (how many parties, types and spans): kept
#: out of SQLAlchemy's compiled-statement cache, which would fill with hundreds of large one-off
#: statements (tens of MB) that are never run again
_ONE_OFF = {"compiled_cache": None}


def open_store(db: str | None = None, *, create: bool = True) -> "Store":
    """Open (creating or migrating it when needed) the store at ``db`` (see :func:`resolve_url`);
    with ``create=False`` a missing SQLite file is an error instead of a new empty store."""
    url = resolve_url(db)
    if not create:
        parsed = sa.engine.make_url(url)
        if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:") \
                and not Path(parsed.database).exists():
            raise StoreError(f"no database at {parsed.database}: run `newsevents ingest` first, "
                             "or give --db / $NEWSEVENTS_DB")
    return Store(url)


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


class StoredActor(BaseModel):
    """An actor as the store knows it: seen in ``n_articles`` articles between two dates."""

    model_config = ConfigDict(extra="forbid")
    id: str
    name: str
    kind: str
    country: str | None
    sector: str | None
    first_seen: str | None
    last_seen: str | None
    n_articles: int


# -- ingest -------------------------------------------------------------------------------
@dataclass
class IngestSummary:
    """What an ingest did: every item read is counted once."""

    read: int = 0
    stored: int = 0
    duplicates: int = 0
    already_stored: int = 0
    rejected: int = 0
    mentions: int = 0

    def add(self, other: "IngestSummary") -> None:
        for k, v in asdict(other).items():
            setattr(self, k, getattr(self, k) + v)

    def to_dict(self) -> dict:
        return asdict(self)


class Store:
    """A database of articles and story events (see the module docstring)."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.engine = make_engine(url)
        self._fps: OrderedDict[str, Fingerprint] = OrderedDict()
        try:
            self.migrate()
        except sa.exc.SQLAlchemyError as e:
            raise StoreError(f"cannot open the database {self.safe_url}: {_reason(e)}") from e

    @property
    def safe_url(self) -> str:
        return sa.engine.make_url(self.url).render_as_string(hide_password=True)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- migrations -------------------------------------------------------------------
    def version(self) -> int:
        with self.engine.connect() as conn:
            if not sa.inspect(conn).has_table("schema_version"):
                return 0
            return conn.execute(sa.select(sa.func.max(schema_version.c.version))).scalar() or 0

    def migrate(self) -> int:
        """Run the migrations this database lacks; returns the schema version. Two processes
        opening a new database at once do not both migrate it: each migration runs under the
        write lock and only when the version read under it still lacks it."""
        with self.engine.begin() as conn:
            conn.execute(sa.schema.CreateTable(schema_version, if_not_exists=True))
        current = self.version()
        if current > SCHEMA_VERSION:
            raise StoreError(f"the database {self.safe_url} has schema version {current}, newer "
                             f"than this newsevents ({SCHEMA_VERSION}); upgrade newsevents")
        for n in range(current + 1, SCHEMA_VERSION + 1):
            with self.engine.begin() as conn:
                write_lock(conn)
                if (conn.execute(sa.select(sa.func.max(schema_version.c.version))).scalar() or 0) >= n:
                    continue  # another process ran it meanwhile
                MIGRATIONS[n - 1](conn)
                conn.execute(schema_version.insert().values(version=n, applied_at=_now()))
        return SCHEMA_VERSION

    # -- ingest -----------------------------------------------------------------------
    def ingest(self, items: Iterable[Article | ItemError], *, batch_size: int = 32,
               on_error: Callable[[ItemError], None] | None = None) -> IngestSummary:
        """Store articles in batches, one transaction each; ``ItemError`` items are counted
        as rejected and passed to ``on_error``. Interrupted (Ctrl-C), it raises
        :class:`IngestInterrupted` with what the committed batches did."""
        total = IngestSummary()
        batch: list[Article] = []
        try:
            for item in items:
                if isinstance(item, ItemError):
                    total.read += 1
                    total.rejected += 1
                    if on_error:
                        on_error(item)
                    continue
                batch.append(item)
                if len(batch) >= batch_size:
                    total.add(self.ingest_batch(batch, on_error=on_error))
                    batch = []
            if batch:
                total.add(self.ingest_batch(batch, on_error=on_error))
        except KeyboardInterrupt as e:
            raise IngestInterrupted(total) from e
        return total

    def ingest_batch(self, batch: Sequence[Article], *,
                     on_error: Callable[[ItemError], None] | None = None) -> IngestSummary:
        """Store one batch atomically: all of it is committed, or nothing. Batches of two
        processes ingesting at once are written one after the other (the second waits)."""
        summary = IngestSummary(read=len(batch))
        try:
            with self.engine.begin() as conn:
                write_lock(conn)
                known = dict(conn.execute(sa.select(articles.c.id, articles.c.text_hash)
                                          .where(articles.c.id.in_([a.id for a in batch]))).all())
                new: list[Mention] = []
                kept: list[Article] = []
                stale: set[str] = set()      # story events that lost mentions
                demoted: set[str] = set()    # articles found to copy a new one
                for art in batch:
                    outcome = self._store_article(conn, art, known, stale, demoted)
                    if isinstance(outcome, ItemError):
                        summary.rejected += 1
                        if on_error:
                            on_error(outcome)
                        continue
                    if outcome == "already":
                        summary.already_stored += 1
                        continue
                    kept.append(art)
                    if outcome == "duplicate":
                        summary.duplicates += 1
                    else:
                        summary.stored += 1
                        new = [m for m in new if m.article not in demoted] + outcome
                self._upsert_actors(conn, kept)
                if new:
                    conn.execute(mentions.insert(), [_mention_row(m) for m in new])
                summary.mentions = len(new)
                self._link(conn, new)
                self._refresh(conn, stale)
        except sa.exc.SQLAlchemyError as e:
            self._fps.clear()
            raise StoreError(f"ingest into {self.safe_url} failed, batch rolled back: {_reason(e)}") from e
        except BaseException:
            self._fps.clear()
            raise
        return summary

    def _store_article(self, conn: Connection, art: Article, known: dict[str, str],
                       stale: set[str], demoted: set[str]) -> str | list[Mention] | ItemError:
        fp = fingerprint(art.text, [(b.start, b.end) for b in art.boilerplate])
        if art.id in known:
            if known[art.id] == fp.text_hash:
                return "already"
            err = ArticleConflict(f"article id {art.id!r} is stored already with a different text")
            return ItemError(id=art.id, path=None, error=ErrorBody(code=err.code, message=err.message))
        known[art.id] = fp.text_hash
        match = best_match(fp, self._duplicate_candidates(conn, fp))
        if match and _earlier(art.published, self._published(conn, match.original)):
            self._demote(conn, match.original, art.id, match, stale)
            demoted.add(match.original)
            match = None
        conn.execute(articles.insert().values(
            id=art.id, published=art.published, publisher=art.publisher, title=art.title,
            url=art.url, language=art.language, text_hash=fp.text_hash,
            duplicate_of=match.original if match else None, duplicate_kind=match.kind if match else None,
            similarity=match.similarity if match else None, stored_at=_now(), record=art.to_json()))
        if match:
            return "duplicate"
        self._remember(art.id, fp)
        if fp.bands:
            conn.execute(article_bands.insert(), [{"band": b, "article_id": art.id} for b in fp.bands])
        return stories.mentions_from_article(art)

    def _remember(self, ident: str, fp: Fingerprint) -> None:
        """Keep a stored article's fingerprint (forgotten when its batch fails), forgetting the
        least recently used one beyond :data:`_FP_CACHE` (emptying the whole cache at once, as
        before, made the memory of a long ingest rise and fall by the cache's size)."""
        self._fps[ident] = fp
        self._fps.move_to_end(ident)
        while len(self._fps) > _FP_CACHE:
            self._fps.popitem(last=False)

    def _published(self, conn: Connection, ident: str) -> str | None:
        return conn.execute(sa.select(articles.c.published).where(articles.c.id == ident)).scalar()

    def _demote(self, conn: Connection, old: str, new: str, match, stale: set[str]) -> None:
        """A copy of ``new`` was stored first: it becomes ``new``'s duplicate and its mentions go."""
        conn.execute(articles.update().where(sa.or_(articles.c.id == old, articles.c.duplicate_of == old))
                     .values(duplicate_of=new, duplicate_kind=match.kind, similarity=match.similarity))
        conn.execute(article_bands.delete().where(article_bands.c.article_id == old))
        stale.update(conn.execute(sa.select(mentions.c.story_event_id).where(
            mentions.c.article_id == old, mentions.c.story_event_id.is_not(None))).scalars())
        conn.execute(mentions.delete().where(mentions.c.article_id == old))

    def _refresh(self, conn: Connection, ids: Iterable[str]) -> None:
        """Rewrite story events whose mentions changed; drop those left with none."""
        for ident in ids:
            ms = [_mention_from(d) for d in conn.execute(
                sa.select(mentions.c.data).where(mentions.c.story_event_id == ident).order_by(mentions.c.id)).scalars()]
            if ms:
                self._write_event(conn, ident, ms)
            else:
                conn.execute(event_parties.delete().where(event_parties.c.event_id == ident))
                conn.execute(story_events.delete().where(story_events.c.id == ident))

    def _duplicate_candidates(self, conn: Connection, fp: Fingerprint) -> Iterator[tuple[str, Fingerprint]]:
        same = sa.select(articles.c.id).where(articles.c.text_hash == fp.text_hash,
                                              articles.c.duplicate_of.is_(None))
        ids = dict.fromkeys(conn.execute(same).scalars())
        if fp.bands:  # only originals have bands
            near = sa.select(article_bands.c.article_id).where(article_bands.c.band.in_(fp.bands)).distinct()
            ids.update(dict.fromkeys(conn.execute(near).scalars()))
        for ident in ids:
            if ident in self._fps:
                self._fps.move_to_end(ident)
            else:
                rec = json.loads(conn.execute(sa.select(articles.c.record).where(articles.c.id == ident)).scalar())
                skip = [(b["start"], b["end"]) for b in rec.get("boilerplate") or ()]
                self._remember(ident, fingerprint(rec["text"], skip))
            yield ident, self._fps[ident]

    def _upsert_actors(self, conn: Connection, arts: Sequence[Article]) -> None:
        """Add or update the actors of a batch's articles (first and last seen, article count)."""
        seen: dict[str, dict] = {}
        for art in arts:
            for a in art.actors:
                cur = seen.get(a.id)
                if cur is None:
                    seen[a.id] = cur = dict(id=a.id, name=a.name, kind=a.kind, country=a.country,
                                            sector=a.sector, first_seen=art.published,
                                            last_seen=art.published, n_articles=0)
                cur["n_articles"] += 1
                cur["country"] = cur["country"] or a.country
                cur["first_seen"] = _min(cur["first_seen"], art.published)
                if _earlier(cur["last_seen"], art.published) or cur["last_seen"] == art.published:
                    cur.update(last_seen=art.published, name=a.name, sector=a.sector or cur["sector"])
        if not seen:
            return
        rows = {r.id: r for r in conn.execute(sa.select(actors).where(actors.c.id.in_(list(seen))))}
        fresh = [v for k, v in seen.items() if k not in rows]
        if fresh:
            conn.execute(actors.insert(), fresh)
        updates = []
        for ident, row in rows.items():
            cur = seen[ident]
            newer = not _earlier(cur["last_seen"], row.last_seen)
            updates.append(dict(
                key=ident, first_seen=_min(row.first_seen, cur["first_seen"]),
                last_seen=cur["last_seen"] if newer else row.last_seen,
                n_articles=row.n_articles + cur["n_articles"], name=cur["name"] if newer else row.name,
                sector=(cur["sector"] or row.sector) if newer else row.sector,
                country=row.country or cur["country"]))
        conn.execute(actors.update().where(actors.c.id == sa.bindparam("key")), updates) if updates else None

    # -- linking ----------------------------------------------------------------------
    def _link(self, conn: Connection, new: list[Mention]) -> None:
        """Link a batch's new mentions; each story event it changes is written once."""
        if not new:
            return
        pool, latest = self._nearby_events(conn, new)
        if latest and any(m.published and m.published < latest for m in new):
            # a late article: link it with the story events it could join again, in publication order
            near = stories.Linker(pool)
            affected = {i for m in new for i in near.candidates(m)}
            before = {i: pool[i] for i in affected}
            groups = stories.link([*(m for ms in before.values() for m in ms), *new])
        else:
            linker = stories.Linker(pool)
            touched = {linker.add(m) for m in sorted(new, key=stories.order_key)}
            before = {i: pool[i] for i in touched if i in pool}
            groups = {i: linker.stories[i] for i in touched}
        self._apply(conn, before, groups)

    def _apply(self, conn: Connection, before: dict[str, list[Mention]], after: dict[str, list[Mention]]) -> None:
        """Write the story events whose mentions changed from ``before`` to ``after``."""
        was = {m.key: i for i, ms in before.items() for m in ms}
        gone = [i for i in before if i not in after]
        if gone:
            conn.execute(event_parties.delete().where(event_parties.c.event_id.in_(gone)))
            conn.execute(story_events.delete().where(story_events.c.id.in_(gone)))
        moved = [{"a": m.article, "i": m.index, "story_event_id": i}
                 for i, ms in after.items() for m in ms if was.get(m.key) != i]
        if moved:
            conn.execute(mentions.update().where(mentions.c.article_id == sa.bindparam("a"),
                                                 mentions.c.idx == sa.bindparam("i")), moved)
        for i, ms in after.items():
            old = before.get(i)
            if old is None or {m.key for m in old} != {m.key for m in ms}:
                self._write_event(conn, i, ms, exists=i in before)

    def _nearby_events(self, conn: Connection,
                       new: Sequence[Mention]) -> tuple[dict[str, list[Mention]], dt.date | None]:
        """The stored story events a batch's new mentions could join, with their mentions, and
        the latest publication day of a mention in the batch's neighbourhood.

        A story event is loaded when, for one new mention, it has the mention's type, shares a
        party with it and its mentions' windows meet the mention's (the test of
        :meth:`stories.Linker.candidates`, so linking is the same as with any wider set). The
        neighbourhood, which decides whether the batch is linked again in publication order, is
        wider: the story events of the batch's types that share a party with any new mention and
        whose windows meet the days the new mentions' windows span; only its latest day is read,
        in the database. Loading the whole neighbourhood, as before, held about a third of all
        story events in memory for each batch of a backfill in no date order (batch types x batch
        parties x days from years apart), so memory grew with the store."""
        if not any(m.parties() for m in new):
            return {}, None
        latest = self._latest_nearby(conn, new)
        # each (type, party) of a new mention with the days its windows span, merged
        wanted: dict[tuple[str, str], list[tuple[dt.date, dt.date]]] = {}
        for m in new:
            lo, hi = m.window()
            for k in m.parties():
                wanted.setdefault((m.type, k), []).append((shift(lo, -stories.SLACK), shift(hi, stories.SLACK)))
        # grouped by party, so that each party's rows are looked up once in its index; at most
        # 64 (type, span) tests a statement (SQLite limits expression depth)
        by_party: dict[str, list] = {}
        for (t, k), windows in sorted(wanted.items()):
            by_party.setdefault(k, []).extend(sa.and_(story_events.c.type == t, _meets(lo, hi))
                                              for lo, hi in _merged(windows))
        chunks: list[list] = [[]]
        for k, tests in by_party.items():
            for n in range(0, len(tests), 64):
                if sum(len(x) for _, x in chunks[-1]) + len(tests[n:n + 64]) > 64:
                    chunks.append([])
                chunks[-1].append((k, tests[n:n + 64]))
        ids: set[str] = set()
        for chunk in chunks:
            q = (sa.select(event_parties.c.event_id).distinct()
                 .join(story_events, story_events.c.id == event_parties.c.event_id)
                 .where(event_parties.c.role == "key",
                        sa.or_(*(sa.and_(event_parties.c.party == k, sa.or_(*tests)) for k, tests in chunk))))
            ids.update(conn.execute(q, execution_options=_ONE_OFF).scalars())
        out: dict[str, list[Mention]] = {}
        chosen = sorted(ids)
        for n in range(0, len(chosen), 500):
            q = (sa.select(mentions.c.story_event_id, mentions.c.data)
                 .where(mentions.c.story_event_id.in_(chosen[n:n + 500])).order_by(mentions.c.id))
            for eid, data in conn.execute(q):
                out.setdefault(eid, []).append(_mention_from(data))
        return out, latest

    def _latest_nearby(self, conn: Connection, new: Sequence[Mention]) -> dt.date | None:
        """The latest publication day of a stored mention of a story event of the new mentions'
        types that shares a party with one of them and whose windows meet the days their windows
        span (merged: a batch of articles from years apart must not take in every day between)."""
        keys = sorted(frozenset().union(*(m.parties() for m in new)))
        ids = sa.select(event_parties.c.event_id).where(
            event_parties.c.role == "key", event_parties.c.party.in_(keys))
        spans = _merged([(shift(m.window()[0], -stories.SLACK), shift(m.window()[1], stories.SLACK))
                         for m in new])
        types = sorted({m.type for m in new})
        latest: str | None = None
        for k in range(0, len(spans), 64):  # SQLite limits expression depth
            q = (sa.select(sa.func.max(mentions.c.published))
                 .join(story_events, story_events.c.id == mentions.c.story_event_id)
                 .where(story_events.c.type.in_(types), story_events.c.id.in_(ids))
                 .where(sa.or_(*(_meets(lo, hi) for lo, hi in spans[k:k + 64]))))
            day = conn.execute(q, execution_options=_ONE_OFF).scalar()
            if day and (latest is None or day > latest):
                latest = day
        return dt.date.fromisoformat(latest) if latest else None

    def _write_event(self, conn: Connection, ident: str, ms: list[Mention], exists: bool | None = None) -> None:
        ev = stories.summarize(ident, ms)
        lo, hi = stories.date_range(ev)
        due = stories.expected_by(ev)
        wlo, whi = min(m.window()[0] for m in ms), max(m.window()[1] for m in ms)
        values = dict(type=ev.type, status=ev.status, date_lo=lo, date_hi=hi,
                      window_lo=wlo.isoformat(), window_hi=whi.isoformat(),
                      due=due.isoformat() if due else None, first_reported=ev.first_reported,
                      last_reported=ev.last_reported, n_mentions=len(ms), record=ev.to_json())
        if exists is None:
            exists = conn.execute(sa.select(story_events.c.id).where(story_events.c.id == ident)).first() is not None
        if exists:
            conn.execute(story_events.update().where(story_events.c.id == ident).values(**values))
            conn.execute(event_parties.delete().where(event_parties.c.event_id == ident))
        else:
            conn.execute(story_events.insert().values(id=ident, **values))
        parties: dict[tuple[str, str], None] = {}
        for role, names in (("actor", ev.actors + ev.actor_countries),
                            ("recipient", ev.recipients + ev.recipient_countries),
                            ("key", sorted(frozenset().union(*(m.parties() for m in ms))))):
            for p in names:
                parties[(p, role)] = None
        if parties:
            conn.execute(event_parties.insert(), [{"event_id": ident, "party": p, "role": r}
                                                  for p, r in parties])

    def relink(self) -> int:
        """Link every stored mention again from scratch; returns the number of story events."""
        with self.engine.begin() as conn:
            ms = [_mention_from(d) for d in conn.execute(sa.select(mentions.c.data)).scalars()]
            conn.execute(event_parties.delete())
            conn.execute(story_events.delete())
            groups = stories.link(ms)
            if ms:
                conn.execute(mentions.update().where(mentions.c.article_id == sa.bindparam("a"),
                                                     mentions.c.idx == sa.bindparam("i")),
                             [{"a": m.article, "i": m.index, "story_event_id": ident}
                              for ident, group in groups.items() for m in group])
            for ident, group in groups.items():
                self._write_event(conn, ident, group, exists=False)
        return len(groups)

    # -- reading ----------------------------------------------------------------------
    def article(self, ident: str) -> Article | None:
        with self.engine.connect() as conn:
            rec = conn.execute(sa.select(articles.c.record).where(articles.c.id == ident)).scalar()
        return Article.model_validate_json(rec) if rec else None

    def articles(self) -> list[dict]:
        """Every stored article's metadata, with ``duplicate_of`` where it duplicates another."""
        cols = [c for c in articles.c if c.name != "record"]
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(sa.select(*cols).order_by(articles.c.published, articles.c.id))]

    def counts(self) -> dict[str, int]:
        with self.engine.connect() as conn:
            n = lambda t: conn.execute(sa.select(sa.func.count()).select_from(t)).scalar()  # noqa: E731
            dups = conn.execute(sa.select(sa.func.count()).where(articles.c.duplicate_of.is_not(None))).scalar()
            return {"articles": n(articles), "duplicates": dups, "mentions": n(mentions),
                    "story_events": n(story_events), "actors": n(actors)}

    def story_events(self, *, actors: Sequence[str] = (), type: str | None = None,
                     status: str | None = None, since: str | None = None, until: str | None = None,
                     overdue: bool | None = None, as_of: dt.date | None = None,
                     limit: int | None = None, offset: int = 0) -> list[StoryEvent]:
        """Story events involving every one of ``actors`` (an id or a country code), of a type
        and status, about days between ``since`` and ``until``; ``overdue`` keeps (True) or drops
        (False) expected events whose time passed before ``as_of`` (default today)."""
        as_of = as_of or dt.date.today()
        q = sa.select(story_events.c.record)
        for a in actors:
            a = a.upper() if len(a) == 3 and a.isalpha() else a  # "egy" is the country EGY
            q = q.where(story_events.c.id.in_(sa.select(event_parties.c.event_id).where(
                event_parties.c.party == a, event_parties.c.role != "key")))
        if type:
            q = q.where(story_events.c.type == type.upper())
        if status:
            q = q.where(story_events.c.status == status.lower())
        if since:
            q = q.where(sa.or_(story_events.c.date_hi.is_(None), story_events.c.date_hi >= since))
        if until:
            q = q.where(sa.or_(story_events.c.date_lo.is_(None), story_events.c.date_lo <= until))
        overdue_cond = sa.and_(story_events.c.status == "expected", story_events.c.due.is_not(None),
                               story_events.c.due < as_of.isoformat())
        if overdue is True:
            q = q.where(overdue_cond)
        elif overdue is False:
            q = q.where(sa.not_(overdue_cond))
        q = q.order_by(story_events.c.date_lo, story_events.c.first_reported, story_events.c.id)
        if limit:
            q = q.limit(limit)
        if offset:
            q = q.offset(offset)
        with self.engine.connect() as conn:
            out = [StoryEvent.model_validate_json(r) for r in conn.execute(q).scalars()]
        for ev in out:
            ev.overdue = stories.is_overdue(ev, as_of)
        return out

    def story_event(self, ident: str) -> StoryEvent | None:
        with self.engine.connect() as conn:
            rec = conn.execute(sa.select(story_events.c.record).where(story_events.c.id == ident)).scalar()
        return StoryEvent.model_validate_json(rec) if rec else None

    def actors(self, *, country: str | None = None, kind: str | None = None,
               name: str | None = None, limit: int | None = None, offset: int = 0) -> list[StoredActor]:
        """The actors seen in stored articles, most often seen first; ``country`` is an ISO3
        code (the state itself and its people and bodies), ``name`` a part of the name."""
        q = sa.select(actors).order_by(actors.c.n_articles.desc(), actors.c.id)
        if country:
            q = q.where(sa.or_(actors.c.country == country.upper(), actors.c.id == country.upper()))
        if kind:
            q = q.where(actors.c.kind == kind)
        if name:
            q = q.where(sa.func.lower(actors.c.name).contains(name.lower(), autoescape=True))
        if limit:
            q = q.limit(limit)
        if offset:
            q = q.offset(offset)
        with self.engine.connect() as conn:
            return [StoredActor(**r._mapping) for r in conn.execute(q)]

    def mention_rows(self) -> list[dict]:
        """Every stored mention, flat, with its story event id (for export)."""
        with self.engine.connect() as conn:
            rows = conn.execute(sa.select(mentions.c.story_event_id, mentions.c.data)
                                .order_by(mentions.c.published, mentions.c.id)).all()
        out = []
        for eid, data in rows:
            d = json.loads(data)
            d["story_event"] = eid
            out.append(d)
        return out


def _reason(e: sa.exc.SQLAlchemyError) -> str:
    """What the database said, without the statement and its parameters (whole articles)."""
    orig = getattr(e, "orig", None)
    said = f"{type(orig).__name__}: {orig}" if orig is not None else f"{type(e).__name__}: {e}"
    if "locked" in said or "busy" in said:
        said += " (another process kept the database locked for too long; run again when it is done)"
    return said[:500]


def _merged(spans: Iterable[tuple[dt.date, dt.date]]) -> list[tuple[dt.date, dt.date]]:
    """Spans of days, those that meet or touch merged into one."""
    out: list[list[dt.date]] = []
    for lo, hi in sorted(spans):
        if out and lo <= shift(out[-1][1], 1):
            out[-1][1] = max(out[-1][1], hi)
        else:
            out.append([lo, hi])
    return [(lo, hi) for lo, hi in out]


def _meets(lo: dt.date, hi: dt.date):
    """A story event's windows meet the days from ``lo`` to ``hi`` (unknown windows always do)."""
    return sa.and_(sa.or_(story_events.c.window_hi.is_(None), story_events.c.window_hi >= lo.isoformat()),
                   sa.or_(story_events.c.window_lo.is_(None), story_events.c.window_lo <= hi.isoformat()))


def _earlier(a: str | None, b: str | None) -> bool:
    return a is not None and (b is None or a < b)


def _min(a: str | None, b: str | None) -> str | None:
    return min(filter(None, (a, b)), default=None)


# -- mention (de)serialization --------------------------------------------------------------
_MENTION_FIELDS = [f for f in Mention.__dataclass_fields__ if not f.startswith("_")]


def _mention_row(m: Mention) -> dict:
    data = {f: getattr(m, f) for f in _MENTION_FIELDS}
    data["published"] = m.published.isoformat() if m.published else None
    for f in ("actors", "recipients", "actor_countries", "recipient_countries"):
        data[f] = list(data[f])
    return {"article_id": m.article, "idx": m.index, "type": m.type, "status": m.status,
            "published": data["published"], "publisher": m.publisher, "data": json.dumps(data)}


def _mention_from(data: str) -> Mention:
    d = json.loads(data)
    d["published"] = dt.date.fromisoformat(d["published"]) if d.get("published") else None
    for f in ("actors", "recipients", "actor_countries", "recipient_countries"):
        d[f] = tuple(d.get(f) or ())
    return Mention(**{k: v for k, v in d.items() if k in _MENTION_FIELDS})
