"""Library functions behind the store commands (``ingest``, ``events``, ``timeline``, ``export``).

Every command is a thin wrapper around the function of the same name here, so a script or a
notebook does what the command does::

    from newsevents import open_store, ingest, events_frame

    store = open_store()                        # ./newsevents.db, or $NEWSEVENTS_DB, or a URL
    summary = ingest(["news/"], store)          # extracts, stores, links; -> IngestSummary
    df = events_frame(store, actors=["EGY", "ETH"], status="expected")
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .models import Article, InputItem, ItemError
from .store import IngestSummary, Store, StoredActor
from .stories import StoryEvent

if TYPE_CHECKING:
    from .fetch import FetchConfig

FORMATS = ("jsonl", "csv", "parquet")
_LIST_FIELDS = ("actors", "recipients", "actor_countries", "recipient_countries")


@dataclass
class IngestReport(IngestSummary):
    """What an ``ingest`` did, with what the reading side saw: feed entries passed over without
    a download because their article is stored already (``skipped``, counted in ``read``) and
    the rejected items counted by error code (``{"E_FETCH": 3}``)."""

    skipped: int = 0
    rejected_by_code: dict[str, int] = field(default_factory=dict)

    def add(self, other: IngestSummary) -> None:
        for k, v in asdict(other).items():
            if k == "rejected_by_code":
                for code, n in v.items():
                    self.rejected_by_code[code] = self.rejected_by_code.get(code, 0) + n
            else:
                setattr(self, k, getattr(self, k) + v)


def ingest(paths: Iterable[str] | None, store: Store, *, rows: Iterable[dict] | None = None,
           published: str | None = None, publisher: str | None = None, model: str | None = None,
           batch_size: int = 32, on_error: Callable[[ItemError], None] | None = None,
           workers: int = 1, executor: str = "local", scheduler: str | None = None,
           fetch: bool = False, fetch_config: "FetchConfig | None" = None,
           on_item: Callable[[Article | ItemError], None] | None = None) -> IngestReport:
    """Read ``paths`` (or ``rows``), extract each article and store it in ``store``.

    Items stored already with the same text are counted as ``already_stored`` without being
    parsed (a rerun resumes); extraction runs on ``workers`` processes or Dask
    (:mod:`newsevents.executors`).  An ``http(s)://`` path is downloaded (a feed, or one
    page).  With ``fetch``, each feed entry is read from the page it links to, downloaded
    politely (``fetch_config``), unless its article is stored already: then it is not even
    downloaded (``skipped``, counted in ``already_stored`` too).  A page that cannot be had is
    a rejected item (``E_FETCH``).  ``on_item`` sees every extracted result (progress).
    """
    from . import pipeline
    from .executors import extract_with, skip_stored
    from .readers import read_paths

    report = IngestReport()
    resumed = 0

    def rejected(err: ItemError) -> None:
        report.rejected_by_code[err.error.code] = report.rejected_by_code.get(err.error.code, 0) + 1
        if on_error:
            on_error(err)

    def not_downloaded(item: InputItem) -> bool:
        if item.id is None or store.article(item.id) is None:
            return False
        report.skipped += 1
        return True

    def not_parsed(item: InputItem) -> None:
        nonlocal resumed
        resumed += 1

    if executor == "local":  # loaded before the worker processes fork, which share it
        pipeline.get_extractor(model)
    if rows is not None:
        items = pipeline.input_items(rows)
    else:  # read_paths makes a Fetcher, with fetch_config, if it meets a URL
        items = read_paths(paths or [], published=published, publisher=publisher,
                           fetch_config=fetch_config, fetch_links=fetch, skip=not_downloaded)
    results = extract_with(skip_stored(items, store, on_skip=not_parsed), executor=executor,
                           workers=workers, scheduler=scheduler, model=model, batch_size=batch_size)
    if on_item is not None:
        results = _watched(results, on_item)
    report.add(store.ingest(results, batch_size=batch_size, on_error=rejected))
    report.read += resumed + report.skipped
    report.already_stored += resumed + report.skipped
    return report


def _watched(results: Iterable[Article | ItemError],
             see: Callable[[Article | ItemError], None]) -> Iterator[Article | ItemError]:
    for r in results:
        see(r)
        yield r


def ingest_records(records: Iterable[Article | dict], store: Store, *, batch_size: int = 32,
                   on_error: Callable[[ItemError], None] | None = None) -> IngestSummary:
    """Store article records that are already extracted (e.g. ``extract`` output)."""
    def _articles():
        for r in records:
            yield r if isinstance(r, (Article, ItemError)) else Article.model_validate(r)
    return store.ingest(_articles(), batch_size=batch_size, on_error=on_error)


# -- flat rows ------------------------------------------------------------------------------
def event_row(ev: StoryEvent) -> dict:
    """One flat row for a story event (lists joined with ';')."""
    row = {"id": ev.id, "type": ev.type, "mode": ev.mode}
    for f in _LIST_FIELDS:
        row[f] = ";".join(getattr(ev, f))
    row.update({
        "status": ev.status, "time_value": ev.time.value if ev.time else None,
        "time_mod": ev.time.mod if ev.time else None, "location": ev.location,
        "first_reported": ev.first_reported, "last_reported": ev.last_reported,
        "n_mentions": len(ev.mentions), "n_sources": len(ev.sources), "sources": ";".join(ev.sources),
        "history": ">".join(h.status for h in ev.history), "overdue": ev.overdue,
    })
    return row


def mention_row(d: dict) -> dict:
    """One flat row for a stored mention (``Store.mention_rows`` item)."""
    row = {"story_event": d.get("story_event"), "article": d["article"], "index": d["index"],
           "published": d.get("published"), "publisher": d.get("publisher"), "type": d["type"],
           "mode": d.get("mode"), "status": d["status"]}
    for f in _LIST_FIELDS:
        row[f] = ";".join(d.get(f) or ())
    for f in ("time_value", "time_mod", "time_source", "location", "evidence_start", "evidence_end",
              "evidence_text"):
        row[f] = d.get(f)
    return row


def events_frame(store: Store, **filters):
    """Story events as a pandas DataFrame, one row each (filters as :meth:`Store.story_events`)."""
    return frame(store.story_events(**filters))


def actors_frame(store: Store, **filters):
    """The stored actors as a pandas DataFrame (filters as :meth:`Store.actors`)."""
    import pandas as pd

    return pd.DataFrame([a.model_dump() for a in store.actors(**filters)],
                        columns=list(StoredActor.model_fields))


def frame(evs: Iterable[StoryEvent]):
    """Any list of story events (``timeline``, ``what_next``) as a pandas DataFrame."""
    import pandas as pd

    return pd.DataFrame([event_row(e) for e in evs], columns=list(event_row(_EMPTY).keys()))


def mentions_frame(store: Store):
    """Every stored mention as a pandas DataFrame, with its story event id."""
    import pandas as pd

    return pd.DataFrame([mention_row(d) for d in store.mention_rows()])


_EMPTY = StoryEvent(id="", type="AGREE", mode=None, actors=[], recipients=[], actor_countries=[],
                    recipient_countries=[], status="asserted", time=None, location=None,
                    first_reported=None, last_reported=None, mentions=[], history=[])


def to_csv(rows: Sequence[dict]) -> str:
    buf = io.StringIO()
    if rows:
        w = csv.DictWriter(buf, fieldnames=list(rows[0].keys()), lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    return buf.getvalue()


# -- export -----------------------------------------------------------------------------------
def export_paths(out: str | Path, fmt: str) -> tuple[Path, Path]:
    """Where ``export`` writes: ``OUT`` and ``OUT`` with ``.mentions`` before the suffix, or,
    when ``OUT`` has no ``.fmt`` suffix, ``story_events.fmt`` and ``mentions.fmt`` inside it."""
    out = Path(out)
    if out.suffix == f".{fmt}":
        return out, out.with_name(f"{out.stem}.mentions.{fmt}")
    return out / f"story_events.{fmt}", out / f"mentions.{fmt}"


def export(store: Store, fmt: str, out: str | Path) -> dict[str, int | str]:
    """Write every story event and every mention as JSON lines, CSV or Parquet."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; expected one of {', '.join(FORMATS)}")
    ev_path, m_path = export_paths(out, fmt)
    ev_path.parent.mkdir(parents=True, exist_ok=True)
    evs = store.story_events()
    ms = store.mention_rows()
    if fmt == "jsonl":
        ev_path.write_text("".join(e.to_json() + "\n" for e in evs), encoding="utf-8")
        m_path.write_text("".join(json.dumps(mention_row(d), ensure_ascii=False) + "\n" for d in ms),
                          encoding="utf-8")
    elif fmt == "csv":
        ev_path.write_text(to_csv([event_row(e) for e in evs]), encoding="utf-8")
        m_path.write_text(to_csv([mention_row(d) for d in ms]), encoding="utf-8")
    else:
        import pandas as pd

        frame(evs).to_parquet(ev_path, index=False)
        pd.DataFrame([mention_row(d) for d in ms]).to_parquet(m_path, index=False)
    return {"story_events": len(evs), "mentions": len(ms), "events_file": str(ev_path),
            "mentions_file": str(m_path)}


# -- timeline ---------------------------------------------------------------------------------
def timeline(store: Store, actors: Sequence[str], *, since: str | None = None,
             until: str | None = None, as_of: dt.date | None = None) -> list[StoryEvent]:
    """The story events involving every one of ``actors``, in time order."""
    evs = store.story_events(actors=actors, since=since, until=until, as_of=as_of)
    return sorted(evs, key=lambda e: (_when(e), e.first_reported or "", e.id))


def what_next(store: Store, *, actors: Sequence[str] = (), as_of: dt.date | None = None) -> list[StoryEvent]:
    """Expected story events still open (no report that they happened or not), soonest first;
    those whose expected time passed before ``as_of`` (default today) have ``overdue`` set."""
    evs = store.story_events(actors=actors, status="expected", as_of=as_of)
    return sorted(evs, key=lambda e: (not e.overdue, _when(e), e.id))


def _when(ev: StoryEvent) -> str:
    from .stories import date_range

    lo, _ = date_range(ev)
    return lo or ev.first_reported or ""


def _who(ev: StoryEvent) -> str:
    left = ", ".join(ev.actors) or "?"
    return f"{left} → {', '.join(ev.recipients)}" if ev.recipients else left


def _what(ev: StoryEvent, width: int = 90) -> str:
    """The sentence of the latest report that gives the current status."""
    current = [m for m in ev.mentions if m.status == ev.status] or ev.mentions
    text = " ".join(current[-1].evidence.text.split()) if current else ""
    return text if len(text) <= width else text[:width - 1] + "…"


def render_table(evs: Sequence[StoryEvent], *, title: str | None = None, width: int | None = None) -> str:
    """A readable table of story events (time, type, status, who, what, sources); ``width``
    defaults to the terminal's (at least 100 columns)."""
    import shutil

    width = width or max(100, shutil.get_terminal_size((160, 24)).columns)
    from rich.console import Console
    from rich.table import Table

    table = Table(title=title, show_lines=False, expand=False)
    for col in ("when", "type", "status", "who", "what", "sources"):
        table.add_column(col, overflow="fold")
    for ev in evs:
        when = ev.time.value + (f" ({ev.time.mod})" if ev.time and ev.time.mod else "") if ev.time \
            else f"reported {ev.first_reported}"
        status = ev.status + (" OVERDUE" if ev.overdue else "")
        if len(ev.history) > 1:
            status = " → ".join(h.status for h in ev.history) + (" OVERDUE" if ev.overdue else "")
        n = len(ev.mentions)
        sources = ", ".join(ev.sources) + f" ({n} report{'s' if n != 1 else ''})"
        table.add_row(when, ev.type, status, _who(ev), _what(ev), sources)
    console = Console(file=io.StringIO(), width=width, record=True, color_system=None)
    console.print(table)
    return console.export_text()


def plot_timeline(evs: Sequence[StoryEvent], path: str | Path, *, title: str | None = None) -> Path:
    """Draw the story events on a time axis (one row per event type) into a PNG file."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.dates as mdates
    import matplotlib.pyplot as plt

    from .intervals import time_interval

    colors = {"asserted": "tab:green", "expected": "tab:blue", "hypothetical": "tab:gray",
              "negated": "tab:red", "alleged": "tab:orange", "denied": "tab:purple"}
    types = sorted({e.type for e in evs})
    fig, ax = plt.subplots(figsize=(11, 1.2 + 0.6 * max(1, len(types))))
    for ev in evs:
        iv = time_interval(ev.time.value, ev.time.mod) if ev.time else None
        if iv is None or iv[0].year < 1900 or iv[1].year > 2200:
            day = dt.date.fromisoformat(ev.first_reported) if ev.first_reported else None
            iv = (day, day) if day else None
        if iv is None:
            continue
        y = types.index(ev.type)
        c = colors.get(ev.status, "black")
        if iv[0] == iv[1]:
            ax.plot([iv[0]], [y], "o", color=c, markersize=8)
        else:
            ax.plot([iv[0], iv[1]], [y, y], "-", color=c, linewidth=6, alpha=0.6)
        ax.annotate(f"{ev.status}{' (overdue)' if ev.overdue else ''}", (iv[0], y), xytext=(0, 8),
                    textcoords="offset points", fontsize=7)
    ax.set_yticks(range(len(types)), types)
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y-%m-%d"))
    fig.autofmt_xdate()
    ax.set_title(title or "story events")
    fig.tight_layout()
    path = Path(path)
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return path


# -- browsing: what the web API and UI ask for, a page at a time --------------------------------
@dataclass
class Page:
    """One page of results: ``items`` from ``offset`` on; ``next_offset`` is where the next page
    starts, ``None`` on the last page."""

    items: list
    limit: int
    offset: int
    next_offset: int | None

    def to_dict(self, item: Callable[[object], object] = lambda x: x) -> dict:
        return {"items": [item(i) for i in self.items], "limit": self.limit, "offset": self.offset,
                "next_offset": self.next_offset}


def _page(rows: Sequence, limit: int, offset: int) -> Page:
    """A page from ``limit + 1`` rows fetched at ``offset`` (the extra row says there is more)."""
    more = len(rows) > limit
    return Page(list(rows[:limit]), limit, offset, offset + limit if more else None)


def events_page(store: Store, *, limit: int = 50, offset: int = 0, **filters) -> Page:
    """A page of story events (filters as :meth:`Store.story_events`)."""
    return _page(store.story_events(limit=limit + 1, offset=offset, **filters), limit, offset)


def timeline_page(store: Store, actors: Sequence[str], *, limit: int = 50, offset: int = 0,
                  **filters) -> Page:
    """A page of :func:`timeline` (the store's order is the timeline's: the first day the event
    is about, then the first report)."""
    return events_page(store, actors=actors, limit=limit, offset=offset, **filters)


def what_next_page(store: Store, *, overdue: bool, as_of: dt.date | None = None,
                   actors: Sequence[str] = (), limit: int = 50, offset: int = 0) -> Page:
    """A page of open expected story events: those whose time has passed (``overdue``) or the
    others (still to come, or with no time), in time order; :func:`what_next` gives both."""
    return events_page(store, actors=actors, status="expected", overdue=overdue, as_of=as_of,
                       limit=limit, offset=offset)


def actors_page(store: Store, *, name: str | None = None, country: str | None = None,
                kind: str | None = None, limit: int = 50, offset: int = 0) -> Page:
    """A page of stored actors, most often seen first (filters as :meth:`Store.actors`)."""
    return _page(store.actors(name=name, country=country, kind=kind, limit=limit + 1, offset=offset),
                 limit, offset)


def actor_record(store: Store, ident: str) -> StoredActor | None:
    """One stored actor by id (a country code in any case)."""
    import sqlalchemy as sa

    from .store_schema import actors

    ident = ident.upper() if len(ident) == 3 and ident.isalpha() else ident
    with store.engine.connect() as conn:
        row = conn.execute(sa.select(actors).where(actors.c.id == ident)).first()
    return StoredActor(**row._mapping) if row else None


def articles_page(store: Store, *, publisher: str | None = None, since: str | None = None,
                  until: str | None = None, limit: int = 50, offset: int = 0) -> Page:
    """A page of stored articles' metadata (no text), newest first."""
    import sqlalchemy as sa

    from .store_schema import articles

    q = sa.select(*[c for c in articles.c if c.name != "record"])
    if publisher:
        q = q.where(articles.c.publisher == publisher)
    if since:
        q = q.where(articles.c.published >= since)
    if until:
        q = q.where(articles.c.published <= until)
    q = q.order_by(articles.c.published.desc(), articles.c.id).limit(limit + 1).offset(offset)
    with store.engine.connect() as conn:
        return _page([dict(r._mapping) for r in conn.execute(q)], limit, offset)


@dataclass
class ArticleEntry:
    """A stored article's full record, the story event each of its events is linked to (by
    event index; ``None`` for a duplicate's events, which add no mention) and what it copies."""

    article: Article
    story_events: list[str | None]
    duplicate_of: str | None

    def to_dict(self) -> dict:
        return {"article": self.article.to_dict(), "story_events": self.story_events,
                "duplicate_of": self.duplicate_of}


def article_entry(store: Store, ident: str) -> ArticleEntry | None:
    import sqlalchemy as sa

    from .store_schema import articles, mentions

    with store.engine.connect() as conn:
        row = conn.execute(sa.select(articles.c.record, articles.c.duplicate_of)
                           .where(articles.c.id == ident)).first()
        if row is None:
            return None
        links = dict(conn.execute(sa.select(mentions.c.idx, mentions.c.story_event_id)
                                  .where(mentions.c.article_id == ident)).all())
    art = Article.model_validate_json(row.record)
    return ArticleEntry(art, [links.get(i) for i in range(len(art.events))], row.duplicate_of)


#: the markers a search snippet puts around a matched word (split away before display)
HIT_START, HIT_END = "\x02", "\x03"


def _match_terms(text: str) -> list[str]:
    import re

    return re.findall(r"\w+", text)[:16]


def search_articles(store: Store, text: str, *, limit: int = 20, offset: int = 0) -> Page:
    """Articles whose title or text holds every word of ``text`` (the last one as a prefix),
    best match first, each with a ``snippet``: a list of ``[text, is_match]`` parts."""
    import sqlalchemy as sa

    from .store_schema import ARTICLES_FTS, PG_FTS_DOCUMENT, articles

    terms = _match_terms(text)
    if not terms:
        return Page([], limit, offset, None)
    meta_cols = [articles.c.id, articles.c.title, articles.c.published, articles.c.publisher]
    if store.engine.dialect.name == "sqlite":
        fts = sa.table(ARTICLES_FTS, sa.column("id"), sa.column("rank"))
        match = " ".join(f'"{t}"' for t in terms) + "*"  # words only: no FTS syntax from the user
        snippet = sa.func.snippet(sa.literal_column(ARTICLES_FTS), 2, HIT_START, HIT_END, "…", 24)
        q = (sa.select(*meta_cols, snippet.label("snippet"))
             .select_from(fts.join(articles, articles.c.id == fts.c.id))
             .where(sa.literal_column(ARTICLES_FTS).op("MATCH")(match))
             .order_by(fts.c.rank, articles.c.id))
    else:  # PostgreSQL: the GIN-indexed tsvector (store_schema.PG_FTS_DOCUMENT)
        query = sa.func.to_tsquery("english", " & ".join(terms[:-1] + [terms[-1] + ":*"]))
        doc = sa.literal_column(PG_FTS_DOCUMENT)
        q = (sa.select(*meta_cols, sa.func.ts_headline(
                 "english", sa.cast(articles.c.record, sa.JSON)["text"].as_string(), query,
                 f"StartSel={HIT_START}, StopSel={HIT_END}, MaxWords=24, MinWords=12").label("snippet"))
             .where(doc.op("@@")(query))
             .order_by(sa.func.ts_rank(doc, query).desc(), articles.c.id))
    with store.engine.connect() as conn:
        rows = conn.execute(q.limit(limit + 1).offset(offset)).all()
    out = [{**{k: r._mapping[k] for k in ("id", "title", "published", "publisher")},
            "snippet": split_hits(r.snippet or "")} for r in rows]
    return _page(out, limit, offset)


def split_hits(snippet: str) -> list[list]:
    """``"a \\x02b\\x03 c"`` -> ``[["a ", False], ["b", True], [" c", False]]``."""
    parts: list[list] = []
    for i, chunk in enumerate(snippet.split(HIT_START)):
        hit, _, rest = chunk.partition(HIT_END) if i else ("", "", chunk)
        if hit:
            parts.append([hit, True])
        if rest:
            parts.append([rest, False])
    return parts


def _party_filters(q, ev, *, type: str | None, since: str | None, until: str | None):
    if type:
        q = q.where(ev.c.type == type.upper())
    if since:
        q = q.where((ev.c.date_hi.is_(None)) | (ev.c.date_hi >= since))
    if until:
        q = q.where((ev.c.date_lo.is_(None)) | (ev.c.date_lo <= until))
    return q


def actor_dyads(store: Store, ident: str, *, type: str | None = None, since: str | None = None,
                until: str | None = None, limit: int = 50) -> list[dict]:
    """Who an actor has story events with: ``{"party", "events", "by_type": {TYPE: n}}``,
    most events first (each story event counted once per other party)."""
    import sqlalchemy as sa

    from .store_schema import event_parties, story_events

    me, other = event_parties.alias("me"), event_parties.alias("other")
    q = (sa.select(other.c.party, story_events.c.type, sa.func.count(sa.distinct(me.c.event_id)))
         .select_from(me.join(other, other.c.event_id == me.c.event_id)
                      .join(story_events, story_events.c.id == me.c.event_id))
         .where(me.c.party == ident, me.c.role != "key", other.c.role != "key", other.c.party != ident)
         .group_by(other.c.party, story_events.c.type))
    q = _party_filters(q, story_events, type=type, since=since, until=until)
    with store.engine.connect() as conn:
        rows = conn.execute(q).all()
    out: dict[str, dict] = {}
    for party, typ, n in rows:
        d = out.setdefault(party, {"party": party, "events": 0, "by_type": {}})
        d["events"] += n
        d["by_type"][typ] = n
    return sorted(out.values(), key=lambda d: (-d["events"], d["party"]))[:limit]


def network(store: Store, *, type: str | None = None, since: str | None = None,
            until: str | None = None, countries_only: bool = True, limit: int = 40) -> dict:
    """The actor network: the ``limit`` actors in most story events as ``nodes``
    (``{"id", "name", "events"}``) and, between two of them, the number of story events of each
    type they share as ``edges`` (``{"source", "target", "events", "by_type"}``), most first. With
    ``countries_only`` the actors are states (each event counted for the states involved).
    :class:`NetworkCache` keeps the parties of every story event between calls."""
    return _network(store, network_events(store, countries_only=countries_only), type=type, since=since,
                    until=until, limit=limit)


#: a story event as the network sees it: (type, date_lo, date_hi, its parties, sorted)
NetEvent = tuple[str, "str | None", "str | None", tuple[str, ...]]


def network_events(store: Store, *, countries_only: bool = True) -> list[NetEvent]:
    """Every story event's type, days and parties (not the linking keys), in one scan."""
    import sqlalchemy as sa

    from .store_schema import event_parties, story_events

    q = (sa.select(event_parties.c.event_id, event_parties.c.party, story_events.c.type,
                   story_events.c.date_lo, story_events.c.date_hi)
         .select_from(event_parties.join(story_events, story_events.c.id == event_parties.c.event_id))
         .where(event_parties.c.role != "key"))
    if countries_only:
        q = q.where(~event_parties.c.party.contains(":"))
    by_event: dict[str, tuple[str, str | None, str | None, set[str]]] = {}
    with store.engine.connect() as conn:
        for eid, party, typ, lo, hi in conn.execute(q):
            by_event.setdefault(eid, (typ, lo, hi, set()))[3].add(party)
    return [(typ, lo, hi, tuple(sorted(ps))) for typ, lo, hi, ps in by_event.values()]


def _network(store: Store, evs: Sequence[NetEvent], *, type: str | None, since: str | None,
             until: str | None, limit: int) -> dict:
    import itertools

    import sqlalchemy as sa

    from .store_schema import actors

    type = type.upper() if type else None
    edges: dict[tuple[str, str], dict] = {}
    weight: dict[str, int] = {}
    for typ, lo, hi, parties in evs:
        if (type and typ != type) or (since and hi is not None and hi < since) \
                or (until and lo is not None and lo > until):
            continue
        for p in parties:
            weight[p] = weight.get(p, 0) + 1
        for x, y in itertools.combinations(parties, 2):
            e = edges.get((x, y))
            if e is None:
                e = edges[(x, y)] = {"source": x, "target": y, "events": 0, "by_type": {}}
            e["events"] += 1
            e["by_type"][typ] = e["by_type"].get(typ, 0) + 1
    top = sorted(weight, key=lambda k: (-weight[k], k))[:limit]
    with store.engine.connect() as conn:
        names = dict(conn.execute(sa.select(actors.c.id, actors.c.name).where(actors.c.id.in_(top))).all())
    keep = set(top)
    return {"nodes": [{"id": k, "name": names.get(k, k), "events": weight[k]} for k in top],
            "edges": sorted((e for e in edges.values() if e["source"] in keep and e["target"] in keep),
                            key=lambda e: (-e["events"], e["source"], e["target"]))}


class NetworkCache:
    """:func:`network` for a long-running reader (the web server): the story events' parties
    are read once and again only when the store has changed (its counts of story events and
    mentions, or its last mention), and the last answers are kept."""

    def __init__(self, size: int = 64) -> None:
        import threading

        self.size = size
        self._lock = threading.Lock()
        self._events: dict[bool, tuple[tuple, list[NetEvent]]] = {}
        self._answers: dict[tuple, tuple[tuple, dict]] = {}

    @staticmethod
    def signature(store: Store) -> tuple:
        import sqlalchemy as sa

        from .store_schema import mentions, story_events

        with store.engine.connect() as conn:
            n_events = conn.execute(sa.select(sa.func.count()).select_from(story_events)).scalar()
            n_mentions, last = conn.execute(sa.select(sa.func.count(), sa.func.max(mentions.c.id))).one()
        return (n_events, n_mentions, last)

    def network(self, store: Store, *, type: str | None = None, since: str | None = None,
                until: str | None = None, countries_only: bool = True, limit: int = 40) -> dict:
        sig = self.signature(store)
        key = (type, since, until, countries_only, limit)
        with self._lock:
            hit = self._answers.get(key)
            if hit and hit[0] == sig:
                return hit[1]
            have = self._events.get(countries_only)
            if have is None or have[0] != sig:
                have = self._events[countries_only] = (sig, network_events(store, countries_only=countries_only))
            answer = _network(store, have[1], type=type, since=since, until=until, limit=limit)
            if len(self._answers) >= self.size:
                self._answers.pop(next(iter(self._answers)))
            self._answers[key] = (sig, answer)
            return answer


def ingest_rows(store: Store, rows: Iterable[dict | InputItem | ItemError], *, model: str | None = None,
                on_error: Callable[[ItemError], None] | None = None) -> tuple[IngestReport, list[str]]:
    """Extract and store input rows (as ``ingest`` does for files); also returns the ids of the
    articles extracted from them, in input order."""
    ids: list[str] = []

    def seen(result: Article | ItemError) -> None:
        if isinstance(result, Article):
            ids.append(result.id)

    report = ingest(None, store, rows=rows, model=model, on_error=on_error, on_item=seen)
    return report, ids
