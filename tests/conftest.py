"""Shared fixtures: the spaCy pipeline (loaded once) and a builder for hand-made analyses.

Stage tests build an :class:`~newsevents.analysis.Analysis` from a short text of our own,
optionally with hand-made mentions and times, so each stage is tested on its own.

The knowledge base: tests run on the packaged one alone (``$NEWSEVENTS_KB`` is cleared, whatever
the shell has set), but for the tests that use the example corpus's invented people and outlets,
which get ``examples/kb_fictional.jsonl`` in ``$NEWSEVENTS_KB``, as the README's commands give
it: the modules in :data:`EXAMPLE_KB_MODULES` (for the whole module, so a server they start
inherits it) and the tests in :data:`EXAMPLE_KB_TESTS`.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from newsevents import nlp as nlp_mod
from newsevents.analysis import Analysis, Mention
from newsevents.knowledge import KB_ENV

#: the example corpus's invented people and outlets: a user knowledge-base file, not packaged
EXAMPLE_KB = str(Path(__file__).resolve().parents[1] / "examples" / "kb_fictional.jsonl")
#: test modules that run the example corpus itself
EXAMPLE_KB_MODULES = {"test_browser"}
#: tests (``module::name``) whose texts name the example corpus's invented people
EXAMPLE_KB_TESTS = {"test_actors::test_surname_alone_falls_back_to_the_one_known_person"}


def _module_name(request) -> str:
    return request.module.__name__.rpartition(".")[2]


@pytest.fixture(scope="module", autouse=True)
def _module_knowledge_base(request):
    """The packaged knowledge base, with the examples' file for :data:`EXAMPLE_KB_MODULES`."""
    with pytest.MonkeyPatch.context() as mp:
        if _module_name(request) in EXAMPLE_KB_MODULES:
            mp.setenv(KB_ENV, EXAMPLE_KB)
        else:
            mp.delenv(KB_ENV, raising=False)
        yield


@pytest.fixture(autouse=True)
def _test_knowledge_base(request, monkeypatch):
    """The examples' file for the tests in :data:`EXAMPLE_KB_TESTS`."""
    if f"{_module_name(request)}::{request.function.__name__}" in EXAMPLE_KB_TESTS:
        monkeypatch.setenv(KB_ENV, EXAMPLE_KB)


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
