"""The HTML views: story timeline, actor network, article, what happens next, actors, search,
ingest. Each gathers its data from the library and hands it to a Jinja template (autoescaped);
a view's data for its script goes in as JSON (``tojson``, which escapes ``<``, ``>`` and ``&``)."""

from __future__ import annotations

from typing import Annotated, get_args
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import RedirectResponse

from .. import queries
from ..errors import NotFound
from ..models import PloverType, Status
from ..pipeline import content_id
from ..stories import StoryEvent, date_range
from .api import DATE, Actors, Day, Offset, Text, as_of_day, network_of, run_ingest, store_of
from .app import templates
from .highlight import segments

router = APIRouter(include_in_schema=False)
PAGE = 25
STORY_PAGE = 200   # story events on one timeline; the dates or the pager show more
TYPES = list(get_args(PloverType))
STATUSES = list(get_args(Status))
OptType = Annotated[str | None, Query(max_length=16)]


def render(request: Request, name: str, status_code: int = 200, **context):
    context.setdefault("types", TYPES)
    context.setdefault("statuses", STATUSES)
    context["token_needed"] = bool(request.app.state.settings.token)
    return templates.TemplateResponse(request, name, context, status_code=status_code)


def article_href(article: str, story_event: str | None = None) -> str:
    href = "/articles/" + quote(article, safe="")
    return href + (f"?story_event={quote(story_event, safe='')}" if story_event else "")


def time_label(ev: StoryEvent) -> str:
    if ev.time is None:
        return f"reported {ev.first_reported}"
    return ev.time.value + (f" ({ev.time.mod})" if ev.time.mod else "")


def who(ev: StoryEvent) -> str:
    left = ", ".join(ev.actors) or "?"
    return f"{left} → {', '.join(ev.recipients)}" if ev.recipients else left


def event_view(ev: StoryEvent) -> dict:
    """A story event as the pages and their script show it."""
    lo, hi = date_range(ev)
    return {
        "id": ev.id, "type": ev.type, "status": ev.status, "overdue": ev.overdue, "when": time_label(ev),
        "lo": lo or ev.first_reported, "hi": hi or lo or ev.first_reported, "who": who(ev),
        "history": " → ".join(h.status for h in ev.history), "sources": ev.sources,
        "mentions": [{"article": m.article, "published": m.published, "publisher": m.publisher,
                      "status": m.status, "text": " ".join(m.evidence.text.split()),
                      "href": article_href(m.article, ev.id)} for m in ev.mentions],
    }


def pager(request: Request, page: queries.Page, param: str = "offset") -> dict:
    """Links to the previous and next page, keeping the other query parameters."""
    def link(offset: int | None) -> str | None:
        if offset is None:
            return None
        params = [(k, v) for k, v in request.query_params.multi_items() if k != param] + [(param, str(offset))]
        return f"{request.url.path}?{urlencode(params)}"
    prev = max(0, page.offset - page.limit) if page.offset > 0 else None
    return {"prev": link(prev), "next": link(page.next_offset), "first": page.offset + 1,
            "last": page.offset + len(page.items)}


@router.get("/")
def index(request: Request):
    store = store_of(request)
    net = network_of(request).network(store, limit=12)
    return render(request, "index.html", counts=store.counts(),
                  actors=queries.actors_page(store, limit=12).items,
                  articles=queries.articles_page(store, limit=10).items,
                  pairs=net["edges"][:8])


@router.get("/story")
def story(request: Request, actor: Actors = [], since: Day = None, until: Day = None, as_of: Day = None,
          offset: Offset = 0):
    store = store_of(request)
    actor = [a.strip() for a in actor if a.strip()][:2]
    page = queries.timeline_page(store, actor, since=since, until=until, as_of=as_of_day(as_of),
                                 limit=STORY_PAGE, offset=offset) if actor else None
    pairs = [] if actor else network_of(request).network(store, limit=12)["edges"][:8]
    return render(request, "story.html", chosen=actor, since=since, until=until, pairs=pairs,
                  events=[event_view(e) for e in page.items] if page else [],
                  pager=pager(request, page) if page else None,
                  known=queries.actors_page(store, limit=200).items)


@router.get("/network")
def network(request: Request, type: OptType = None, since: Day = None, until: Day = None,
            level: Annotated[str, Query(pattern="^(countries|actors)$")] = "countries"):
    data = network_of(request).network(store_of(request), type=type or None, since=since, until=until,
                                       countries_only=level == "countries", limit=40)
    return render(request, "network.html", data=data, type=type, since=since, until=until, level=level)


@router.get("/articles")
def articles(request: Request, publisher: Text = None, offset: Offset = 0):
    page = queries.articles_page(store_of(request), publisher=publisher or None, limit=PAGE, offset=offset)
    return render(request, "articles.html", page=page, pager=pager(request, page), publisher=publisher)


@router.get("/articles/{ident:path}")
def article(request: Request, ident: str, story_event: Annotated[str | None, Query(max_length=64)] = None,
            event: Annotated[int | None, Query(ge=0)] = None):
    entry = queries.article_entry(store_of(request), ident)
    if entry is None:
        raise NotFound(f"no article {ident!r} in the store")
    art = entry.article
    if story_event is not None and story_event in entry.story_events:
        event = entry.story_events.index(story_event)
    focus_ev = art.events[event] if event is not None and event < len(art.events) else None
    focus = (focus_ev.evidence.start, focus_ev.evidence.end) if focus_ev else None
    names = {a.id: a.name for a in art.actors}
    events = []
    for i, ev in enumerate(art.events):
        events.append({
            "index": i, "type": ev.type, "status": ev.status, "mode": ev.mode,
            "time": (ev.time.value + (f" ({ev.time.mod})" if ev.time.mod else "") + f", from the {ev.time.source}")
            if ev.time else None,
            "actors": [(a, names.get(a, a)) for a in ev.actors],
            "recipients": [(a, names.get(a, a)) for a in ev.recipients],
            "attributed_to": [(a, names.get(a, a)) for a in ev.attributed_to],
            "location": ev.location, "confidence": ev.confidence,
            "evidence": " ".join(art.text[ev.evidence.start:ev.evidence.end].split()),
            "story_event": entry.story_events[i], "focus": focus_ev is ev})
    return render(request, "article.html", art=art, entry=entry, segments=segments(art, focus),
                  events=events, focus=focus, names=names)


@router.get("/actors")
def actors(request: Request, q: Text = None, offset: Offset = 0):
    page = queries.actors_page(store_of(request), name=q or None, limit=PAGE * 2, offset=offset)
    return render(request, "actors.html", page=page, pager=pager(request, page), q=q)


@router.get("/actors/{ident:path}")
def actor(request: Request, ident: str, offset: Offset = 0):
    store = store_of(request)
    found = queries.actor_record(store, ident)
    if found is None:
        raise NotFound(f"no actor {ident!r} in the store")
    page = queries.events_page(store, actors=[found.id], limit=PAGE, offset=offset)
    return render(request, "actor.html", actor=found, dyads=queries.actor_dyads(store, found.id, limit=30),
                  page=page, pager=pager(request, page), events=[event_view(e) for e in page.items])


@router.get("/next")
def what_next(request: Request, as_of: Day = None, overdue_offset: Offset = 0, open_offset: Offset = 0):
    store = store_of(request)
    day = as_of_day(as_of)
    late = queries.what_next_page(store, overdue=True, as_of=day, limit=PAGE, offset=overdue_offset)
    still = queries.what_next_page(store, overdue=False, as_of=day, limit=PAGE, offset=open_offset)
    return render(request, "next.html", as_of=as_of,
                  overdue=[event_view(e) for e in late.items], overdue_pager=pager(request, late, "overdue_offset"),
                  still=[event_view(e) for e in still.items], open_pager=pager(request, still, "open_offset"))


@router.get("/search")
def search(request: Request, q: Text = None, offset: Offset = 0):
    page = queries.search_articles(store_of(request), q, limit=PAGE, offset=offset) if q else None
    return render(request, "search.html", q=q, page=page, pager=pager(request, page) if page else None)


@router.get("/api/docs")
def api_docs(request: Request):
    """The API's routes and parameters, from its OpenAPI document (no script from elsewhere)."""
    spec = request.app.openapi()
    routes = [{"method": m.upper(), "path": path, "summary": op.get("summary", ""),
               "doc": op.get("description", ""), "params": op.get("parameters", [])}
              for path, ops in spec["paths"].items() for m, op in ops.items()]
    return render(request, "apidocs.html", routes=routes, info=spec["info"])


@router.get("/ingest")
def ingest_form(request: Request):
    return render(request, "ingest.html", form={}, result=None)


@router.post("/ingest")
def ingest(request: Request, text: Annotated[str, Form(max_length=2_000_000)],
           published: Annotated[str, Form(max_length=10)] = "",
           publisher: Annotated[str, Form(max_length=255)] = "",
           title: Annotated[str, Form(max_length=1000)] = "",
           id: Annotated[str, Form(max_length=255)] = ""):
    import re

    form = {"text": text, "published": published, "publisher": publisher, "title": title, "id": id}
    if published and not re.match(DATE, published):
        return render(request, "ingest.html", 422, form=form,
                      problem=f"the publication date {published!r} is not YYYY-MM-DD")
    row = {k: v.strip() or None for k, v in form.items() if k != "text"} | {"text": text}
    row["id"] = row["id"] or content_id(text)
    result = run_ingest(request.app, [row])
    if result["errors"]:
        err = result["errors"][0]["error"]
        return render(request, "ingest.html", 422, form=form, problem=f"{err['code']}: {err['message']}")
    return RedirectResponse(article_href(row["id"]) + "?ingested=1", status_code=303)
