"""``newsevents serve``: a JSON API and a web UI over the store, in one process.

A thin layer over the library (:mod:`newsevents.queries`, :class:`newsevents.store.Store`):

- :mod:`.app` builds the FastAPI application: one error shape for every error
  (``{"error": {"code", "message"}}``, or an HTML page with the same for a browser), a request
  size limit, a token for every write when the server is given one (and it must be, to listen
  beyond the loopback interface), and strict security headers;
- :mod:`.api` is the JSON API under ``/api`` (OpenAPI at ``/openapi.json``), every list paged;
- :mod:`.pages` the HTML views (Jinja templates, all text autoescaped), with
  :mod:`.highlight` marking an article's actors, times, quotes and events in its text;
- ``static/`` a hand-written script and style sheet (no build step, nothing from the internet).

``serve(...)`` runs it with uvicorn.
"""

from .app import Settings, create_app, create_app_from_env, serve

__all__ = ["Settings", "create_app", "create_app_from_env", "serve"]
