"""The FastAPI application: settings, the request guard, errors, and how it is served.

Every error, from the API or a page, from a route or the guard, is one of
:mod:`newsevents.errors`' request errors and has one shape: ``{"error": {"code", "message"}}``
with the error's HTTP status (a browser asking for a page gets the same in an HTML page).
"""

from __future__ import annotations

import hmac
import ipaddress
import json
import os
import threading
from dataclasses import asdict, dataclass
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__
from ..errors import (
    CrossOrigin, InternalError, NewsEventsError, NotFound, RequestError, RequestTooLarge,
    ServeError, StoreError, Unauthorized,
)
from ..queries import NetworkCache
from ..store import Store, open_store

HERE = Path(__file__).resolve().parent
ENV_TOKEN = "NEWSEVENTS_TOKEN"
ENV_SETTINGS = "NEWSEVENTS_SERVE_SETTINGS"   # how ``serve`` hands its settings to worker processes
DEFAULT_MAX_BODY = 10 * 2**20                # bytes a request body may have (a large JSON-lines batch)
SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}
#: no script, style or frame from elsewhere, nothing inline: text that slips into a page cannot run
SECURITY_HEADERS = [
    (b"content-security-policy", b"default-src 'self'; script-src 'self'; style-src 'self'; "
     b"img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
     b"form-action 'self'"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),
    (b"x-frame-options", b"DENY"),
]

templates = Jinja2Templates(directory=str(HERE / "templates"))


@dataclass(frozen=True)
class Settings:
    """How the server runs. ``token`` (default ``$NEWSEVENTS_TOKEN``) is then required for
    every write; a host other than the loopback interface needs one."""

    db: str | None = None
    host: str = "127.0.0.1"
    port: int = 8000
    token: str | None = None
    max_body: int = DEFAULT_MAX_BODY
    workers: int = 1
    model: str | None = None

    def checked(self) -> "Settings":
        if self.max_body < 1024:
            raise ServeError(f"--max-body {self.max_body} is too small: give at least 1024 bytes")
        if not is_loopback(self.host) and not self.token:
            raise ServeError(f"refusing to listen on {self.host} without a token: anyone who can reach "
                             f"it could write to the store; give --token or set ${ENV_TOKEN}, or "
                             "listen on 127.0.0.1")
        return self


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


# -- errors -----------------------------------------------------------------------------------
def error_body(err: NewsEventsError) -> dict:
    return {"error": {"code": err.code, "message": err.message}}


def _wants_html(path: str, accept: str) -> bool:
    return not path.startswith("/api") and path != "/openapi.json" and "text/html" in accept


def error_response(request: Request, err: NewsEventsError, status: int | None = None):
    status = status or getattr(err, "status", 400)
    if _wants_html(request.url.path, request.headers.get("accept", "")):
        return templates.TemplateResponse(request, "error.html", {"error": err}, status_code=status)
    return JSONResponse(error_body(err), status_code=status)


def _status_error(status: int, detail: str) -> RequestError:
    if status == 404:
        return NotFound(f"nothing at this address ({detail})" if detail and detail != "Not Found"
                        else "nothing at this address: see /api/docs for the API, / for the pages")
    if status == 413:
        return RequestTooLarge(detail)
    err = RequestError(f"{detail} (HTTP {status})")
    err.status = status
    return err


def _install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(NewsEventsError)
    async def _ours(request: Request, err: NewsEventsError):
        if isinstance(err, StoreError):
            return error_response(request, err, 503)
        return error_response(request, err)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException):
        return error_response(request, _status_error(exc.status_code, str(exc.detail)), exc.status_code)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError):
        parts = []
        for e in exc.errors()[:5]:
            where = ".".join(str(x) for x in e.get("loc", ()) if x not in ("query", "body", "path"))
            parts.append(f"{where}: {e.get('msg')}" if where else str(e.get("msg")))
        return error_response(request, RequestError("invalid request: " + "; ".join(parts)), 422)

    @app.exception_handler(Exception)
    async def _crash(request: Request, exc: Exception):
        return error_response(request, InternalError(
            f"the server failed on {request.method} {request.url.path}: {exc.__class__.__name__}"))


# -- the guard: size limit, token and origin of writes, security headers -----------------------
class Guard:
    """ASGI middleware in front of every route: refuses a body over ``max_body`` bytes (413), a
    write without the token when the server has one (401), a write sent by another site's page
    (403), and adds the security headers to every response."""

    def __init__(self, app, settings: Settings) -> None:
        self.app = app
        self.settings = settings

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        request = Request(scope)

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                message["headers"] = list(message.get("headers", [])) + SECURITY_HEADERS
            await send(message)

        async def refuse(err: RequestError):
            await error_response(request, err)(scope, receive, send_with_headers)

        limit = self.settings.max_body
        length = request.headers.get("content-length")
        if length is not None and (not length.isdigit() or int(length) > limit):
            return await refuse(RequestTooLarge(
                f"the request body ({length} bytes) is larger than this server accepts ({limit} bytes): "
                "send fewer articles at a time"))
        if scope["method"] in SAFE_METHODS:
            return await self.app(scope, receive, send_with_headers)
        if _cross_site(request):
            return await refuse(CrossOrigin(
                "this write comes from a page of another site: send it from this server's own pages "
                "or without an Origin header"))
        body = await _read_body(receive, limit)
        if body is None:
            return await refuse(RequestTooLarge(
                f"the request body is larger than this server accepts ({limit} bytes)"))
        if self.settings.token and not _token_ok(request, body, self.settings.token):
            return await refuse(Unauthorized(
                "this server needs its token for writes: send the header 'Authorization: Bearer "
                "TOKEN' (or a 'token' field in the form)"))
        sent = False

        async def replay():
            nonlocal sent
            if sent:
                return await receive()
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}

        await self.app(scope, replay, send_with_headers)


async def _read_body(receive, limit: int) -> bytes | None:
    """The whole request body, or ``None`` once it passes ``limit`` bytes."""
    chunks, size = [], 0
    while True:
        message = await receive()
        if message["type"] != "http.request":
            break
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > limit:
            return None
        chunks.append(chunk)
        if not message.get("more_body", False):
            break
    return b"".join(chunks)


def _cross_site(request: Request) -> bool:
    if request.headers.get("sec-fetch-site") == "cross-site":
        return True
    origin = request.headers.get("origin")
    if not origin or origin == "null":
        return origin == "null"
    return urlsplit(origin).netloc.lower() != request.headers.get("host", "").lower()


def _token_ok(request: Request, body: bytes, token: str) -> bool:
    auth = request.headers.get("authorization", "")
    given = auth[7:].strip() if auth.lower().startswith("bearer ") else request.headers.get("x-newsevents-token")
    if given is None and request.headers.get("content-type", "").startswith("application/x-www-form-urlencoded"):
        given = (parse_qs(body.decode("utf-8", "replace")).get("token") or [None])[0]
    return given is not None and hmac.compare_digest(given.encode(), token.encode())


# -- the application ----------------------------------------------------------------------------
def create_app(settings: Settings | None = None, *, store: Store | None = None, warm: bool = False) -> FastAPI:
    """The application over ``store`` (else the store at ``settings.db``, created if missing);
    with ``warm``, the network of the whole store is worked out in the background at once, so the
    first visitor of the start page or the network does not wait for it."""
    from . import api, pages

    settings = (settings or Settings()).checked()
    app = FastAPI(title="newsevents", version=__version__, docs_url=None, redoc_url=None,
                  description="Story events, articles and actors from the newsevents store. Every list is "
                  "paged (`limit`, `offset`; `next_offset` is null on the last page); every error is "
                  '`{"error": {"code", "message"}}`.')
    app.state.settings = settings
    app.state.store = store or open_store(settings.db)
    app.state.ingest_lock = threading.Lock()
    app.state.network = NetworkCache()
    _install_error_handlers(app)
    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    app.add_middleware(Guard, settings=settings)
    if warm:
        threading.Thread(target=_warm, args=(app,), name="newsevents-warm", daemon=True).start()
    return app


def _warm(app: FastAPI) -> None:
    try:
        for countries_only in (True, False):
            app.state.network.network(app.state.store, countries_only=countries_only, limit=12)
    except Exception:  # noqa: BLE001 - a warm-up that fails leaves the work to the first request
        return


def create_app_from_env() -> FastAPI:
    """The application of a worker process that ``serve`` started (settings in the environment)."""
    return create_app(Settings(**json.loads(os.environ[ENV_SETTINGS])), warm=True)


def serve(settings: Settings) -> None:
    """Run the server until interrupted (uvicorn; ``settings.workers`` processes)."""
    import uvicorn

    settings = settings.checked()
    if settings.workers <= 1:
        uvicorn.run(create_app(settings, warm=True), host=settings.host, port=settings.port, log_level="warning",
                    server_header=False)
        return
    os.environ[ENV_SETTINGS] = json.dumps(asdict(settings))
    open_store(settings.db).close()  # migrate once, before the workers open it
    import inspect

    # a worker that imports the library on a busy machine may take longer than uvicorn's 5 s default
    patience = {"timeout_worker_healthcheck": 120} \
        if "timeout_worker_healthcheck" in inspect.signature(uvicorn.run).parameters else {}
    uvicorn.run("newsevents.web.app:create_app_from_env", factory=True, host=settings.host,
                port=settings.port, workers=settings.workers, log_level="warning", server_header=False,
                **patience)
