"""newsevents: sourced, time-anchored records of who did what to whom, from news reports.

Public API (see README "Python API")::

    from newsevents import extract, extract_many, Extractor, Article

    record = extract(text, published="2024-12-23", publisher="Newsweek")
    for rec in extract_many(rows):           # rows: dicts, InputItem or ItemError
        ...

    store = open_store()                     # ./newsevents.db, $NEWSEVENTS_DB or a URL
    ingest(["news/"], store)                 # extract, store, link across articles
    store.story_events(actors=["EGY"], status="expected")   # -> [StoryEvent]
    events_frame(store, type="AGREE")        # -> pandas.DataFrame

The record types live in :mod:`newsevents.models`; errors in :mod:`newsevents.errors`.
"""

from .errors import NewsEventsError
from .models import (
    Actor, Article, Boilerplate, Event, EventTime, InputItem, ItemError, Quote, Section, Span,
    SpeakerRef, Time,
)
from .pipeline import Extractor, extract, extract_many

__version__ = "0.1.0"

#: store names, imported on first use (SQLAlchemy is not needed to extract)
_LAZY = {"open_store": "store", "Store": "store", "IngestSummary": "store", "StoryEvent": "stories",
         "ingest": "queries", "ingest_records": "queries", "events_frame": "queries",
         "mentions_frame": "queries", "actors_frame": "queries", "what_next": "queries",
         "timeline": "queries", "export": "queries", "StoredActor": "store"}


def __getattr__(name: str):
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)
    raise AttributeError(f"module 'newsevents' has no attribute {name!r}")


__all__ = [
    "Actor", "Article", "Boilerplate", "Event", "EventTime", "Extractor", "InputItem", "ItemError",
    "NewsEventsError", "Quote", "Section", "Span", "SpeakerRef", "Time", "extract", "extract_many",
    "__version__", *_LAZY,
]
