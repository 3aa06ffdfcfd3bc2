"""newsevents: sourced, time-anchored records of who did what to whom, from news reports.

Public API (see README "Python API")::

    from newsevents import extract, extract_many, Extractor, Article

    record = extract(text, published="2024-12-23", publisher="Newsweek")
    for rec in extract_many(rows):           # rows: dicts, InputItem or ItemError
        ...

The record types live in :mod:`newsevents.models`; errors in :mod:`newsevents.errors`.
"""

from .errors import NewsEventsError
from .models import (
    Actor, Article, Boilerplate, Event, EventTime, InputItem, ItemError, Quote, Section, Span,
    SpeakerRef, Time,
)
from .pipeline import Extractor, extract, extract_many

__version__ = "0.1.0"

__all__ = [
    "Actor", "Article", "Boilerplate", "Event", "EventTime", "Extractor", "InputItem", "ItemError",
    "NewsEventsError", "Quote", "Section", "Span", "SpeakerRef", "Time", "extract", "extract_many",
    "__version__",
]
