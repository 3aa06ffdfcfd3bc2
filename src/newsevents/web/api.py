"""The JSON API under ``/api``: every list is a page (``limit``, ``offset`` -> ``items``,
``next_offset``); filters are those of the ``events`` command."""

from __future__ import annotations

import datetime as dt
import json
from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request, Response

from .. import queries
from ..errors import NotFound, RequestError
from ..models import ItemError
from ..readers import read_jsonl_lines
from ..store import Store

router = APIRouter(prefix="/api", tags=["api"])

DATE = r"^\d{4}-\d{2}-\d{2}$"
Limit = Annotated[int, Query(ge=1, le=500, description="items per page")]
Offset = Annotated[int, Query(ge=0, le=10_000_000, description="items to skip")]
Day = Annotated[str | None, Query(pattern=DATE, description="YYYY-MM-DD")]
Actors = Annotated[list[str], Query(max_length=8, description="actor ids or country codes (all must take part)")]
Text = Annotated[str | None, Query(max_length=200)]
PloverType = Annotated[str | None, Query(max_length=16, pattern=r"^[A-Za-z]+$", description="PLOVER type")]
Status = Annotated[str | None, Query(max_length=16, pattern=r"^[a-z]+$", description="current status")]


def store_of(request: Request) -> Store:
    return request.app.state.store


def network_of(request: Request) -> queries.NetworkCache:
    return request.app.state.network


def as_of_day(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def event_page(page: queries.Page) -> dict:
    return page.to_dict(lambda e: e.model_dump())


def event_page_response(page: queries.Page) -> Response:
    """A page of story events as JSON, each written by its own model (no second pass)."""
    items = ",".join(e.model_dump_json() for e in page.items)
    rest = json.dumps({"limit": page.limit, "offset": page.offset, "next_offset": page.next_offset})
    return Response('{"items":[' + items + "]," + rest[1:], media_type="application/json")


@router.get("/health")
def health(request: Request) -> dict:
    """The server is up; the store's counts."""
    return {"ok": True, "counts": store_of(request).counts()}


@router.get("/events")
def events(request: Request, actor: Actors = [], type: PloverType = None, status: Status = None,
           since: Day = None, until: Day = None, overdue: bool | None = None, as_of: Day = None,
           limit: Limit = 50, offset: Offset = 0) -> Response:
    """Story events, filtered as by `newsevents events`, in time order."""
    return event_page_response(queries.events_page(store_of(request), actors=actor, type=type, status=status,
                                          since=since, until=until, overdue=overdue,
                                          as_of=as_of_day(as_of), limit=limit, offset=offset))


@router.get("/events/{ident}")
def event(request: Request, ident: str) -> dict:
    """One story event with all its mentions and its status history."""
    ev = store_of(request).story_event(ident)
    if ev is None:
        raise NotFound(f"no story event {ident!r}")
    return ev.model_dump()


@router.get("/timeline")
def timeline(request: Request, actor: Annotated[list[str], Query(min_length=1, max_length=2)],
             since: Day = None, until: Day = None, as_of: Day = None,
             limit: Limit = 50, offset: Offset = 0) -> Response:
    """The story events of one actor, or between two, in time order."""
    return event_page_response(queries.timeline_page(store_of(request), actor, since=since, until=until,
                                            as_of=as_of_day(as_of), limit=limit, offset=offset))


@router.get("/next")
def what_next(request: Request, which: Literal["overdue", "open"] = "overdue", actor: Actors = [],
              as_of: Day = None, limit: Limit = 50, offset: Offset = 0) -> Response:
    """What happens next: open expected story events whose time has passed (`overdue`) or not (`open`)."""
    return event_page_response(queries.what_next_page(store_of(request), overdue=which == "overdue", actors=actor,
                                             as_of=as_of_day(as_of), limit=limit, offset=offset))


@router.get("/actors")
def actors(request: Request, q: Text = None, country: Text = None, kind: Text = None,
           limit: Limit = 50, offset: Offset = 0) -> dict:
    """Stored actors whose name holds `q`, most often seen first."""
    page = queries.actors_page(store_of(request), name=q, country=country, kind=kind, limit=limit, offset=offset)
    return page.to_dict(lambda a: a.model_dump())


@router.get("/actors/{ident:path}")
def actor(request: Request, ident: str, type: PloverType = None, since: Day = None, until: Day = None,
          limit: Limit = 50, offset: Offset = 0) -> dict:
    """An actor, who it has story events with (dyads, counts by type) and a page of its story events."""
    store = store_of(request)
    found = queries.actor_record(store, ident)
    if found is None:
        raise NotFound(f"no actor {ident!r} in the store")
    return {"actor": found.model_dump(),
            "dyads": queries.actor_dyads(store, ident, type=type, since=since, until=until),
            "events": event_page(queries.events_page(store, actors=[ident], type=type, since=since,
                                                     until=until, limit=limit, offset=offset))}


@router.get("/network")
def network(request: Request, type: PloverType = None, since: Day = None, until: Day = None,
            level: Literal["countries", "actors"] = "countries",
            limit: Annotated[int, Query(ge=1, le=200, description="nodes")] = 40) -> dict:
    """The actor network: the actors in most story events and the events of each type between them."""
    return network_of(request).network(store_of(request), type=type, since=since, until=until,
                                       countries_only=level == "countries", limit=limit)


@router.get("/articles")
def articles(request: Request, publisher: Text = None, since: Day = None, until: Day = None,
             limit: Limit = 50, offset: Offset = 0) -> dict:
    """Stored articles' metadata, newest first."""
    return queries.articles_page(store_of(request), publisher=publisher, since=since, until=until,
                                 limit=limit, offset=offset).to_dict()


@router.get("/articles/{ident:path}")
def article(request: Request, ident: str) -> dict:
    """An article's full record, the story event each of its events is linked to, and the
    article it copies, if any."""
    entry = queries.article_entry(store_of(request), ident)
    if entry is None:
        raise NotFound(f"no article {ident!r} in the store")
    return entry.to_dict()


@router.get("/search")
def search(request: Request, q: Annotated[str, Query(min_length=1, max_length=200)],
           limit: Limit = 20, offset: Offset = 0) -> dict:
    """Articles whose title or text holds every word of `q`, with a snippet
    (`[[text, is_match], ...]`)."""
    return queries.search_articles(store_of(request), q, limit=limit, offset=offset).to_dict()


@router.post("/ingest", openapi_extra={"requestBody": {"content": {
    "application/x-ndjson": {"schema": {"type": "string"}},
    "multipart/form-data": {"schema": {"type": "object", "properties": {"file": {"type": "string", "format": "binary"}}}}},
    "description": "JSON lines (one input row per line: {id, text or html, published, publisher, "
                   "title, url, language}), a JSON array of rows, or a file upload (field `file`)"}})
async def ingest(request: Request, published: Day = None,
                 publisher: Annotated[str | None, Query(max_length=255)] = None) -> dict:
    """Extract and store articles (as `newsevents ingest`); returns the summary, the ids of the
    articles read and the rejected items. Needs the server's token when it has one."""
    from starlette.concurrency import run_in_threadpool

    body = await _upload(request)
    rows = list(rows_from_body(body, published=published, publisher=publisher))
    return await run_in_threadpool(run_ingest, request.app, rows)


async def _upload(request: Request) -> str:
    ctype = request.headers.get("content-type", "")
    if ctype.startswith("multipart/form-data"):
        form = await request.form()
        upload = form.get("file")
        if upload is None or isinstance(upload, str):
            raise RequestError("the form has no file: send it in the field 'file'")
        raw = await upload.read()
    else:
        raw = await request.body()
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise RequestError(f"the body is not UTF-8 (byte {e.start}): send JSON lines in UTF-8") from e


def rows_from_body(body: str, *, published: str | None = None, publisher: str | None = None):
    """Input rows from JSON lines or a JSON array; a bad row is an ``ItemError`` naming it."""
    text = body.strip()
    if not text:
        raise RequestError("the body is empty: send one JSON object per line, e.g. "
                           '{"id": "a1", "text": "...", "published": "2025-02-17"}')
    if text.startswith("["):
        try:
            lines = [json.dumps(r) for r in json.loads(text)]
        except json.JSONDecodeError as e:
            raise RequestError(f"the body is not a JSON array: {e.msg} (line {e.lineno})") from e
    else:
        lines = text.splitlines()
    for item in read_jsonl_lines(lines, "request"):
        if not isinstance(item, ItemError):
            item.published = item.published or published
            item.publisher = item.publisher or publisher
        yield item


def run_ingest(app, rows: list) -> dict:
    """Ingest rows into the app's store, one ingest at a time."""
    errors: list[ItemError] = []
    with app.state.ingest_lock:
        report, ids = queries.ingest_rows(app.state.store, rows, model=app.state.settings.model,
                                          on_error=errors.append)
    return {"summary": report.to_dict(), "articles": ids, "errors": [e.model_dump() for e in errors]}
