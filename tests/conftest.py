"""Shared fixtures: the spaCy pipeline (loaded once) and a builder for hand-made analyses.

Stage tests build an :class:`~newsevents.analysis.Analysis` from a short text of our own,
optionally with hand-made mentions and times, so each stage is tested on its own.
"""

from __future__ import annotations

import datetime as dt

import pytest

from newsevents import nlp as nlp_mod
from newsevents.analysis import Analysis, Mention


@pytest.fixture(scope="session")
def nlp():
    return nlp_mod.load()


@pytest.fixture(scope="session")
def make_analysis(nlp):
    """make_analysis(text, published="2024-12-23", mentions=None, times=None, publisher=None)."""

    def build(text: str, published: str | None = "2024-12-23", *, mentions=None, times=None,
              publisher: str | None = None) -> Analysis:
        a = Analysis.begin(nlp(text), published=dt.date.fromisoformat(published) if published else None,
                           publisher=publisher)
        if mentions is not None:
            a.mentions = list(mentions)
        if times is not None:
            a.times = list(times)
        return a

    return build


def mention(text: str, surface: str, actor_id: str, kind: str = "country", country: str | None = None,
            sector: str | None = None, nth: int = 0) -> Mention:
    """A hand-made Mention of the nth occurrence of ``surface`` in ``text``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(surface, start + 1)
    return Mention(start=start, end=start + len(surface), actor_id=actor_id, kind=kind,
                   country=country if country is not None else (actor_id if kind == "country" else None),
                   sector=sector)
