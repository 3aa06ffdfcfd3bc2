"""Library functions behind the store commands (``ingest``, ``events``, ``timeline``, ``export``).

Every command is a thin wrapper around the function of the same name here, so a script or a
notebook does what the command does::

    from newsevents import open_store, ingest, events_frame

    store = open_store()                        # ./newsevents.db, or $NEWSEVENTS_DB, or a URL
    summary = ingest(["examples/"], store)      # extracts, stores, links; -> IngestSummary
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
