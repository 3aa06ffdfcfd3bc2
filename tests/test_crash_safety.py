"""Crash safety (issue #11): ``kill -9`` an ingest in the middle of its batches, then rerun.

The short version of ``benchmarks/kill_restart.py`` (which does it 20 times on 200 articles):
one kill of a real ``newsevents ingest`` process, then the checks of that script: the
database opens, passes SQLite's integrity check and holds only whole articles; the rerun
finishes, counts the articles of the killed run as already stored, and leaves every article
stored once with its text's hash.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
from kill_restart import check_store, ingest_and_kill, make_corpus, problems, rerun  # noqa: E402

pytestmark = pytest.mark.slow  # two ingest processes, each loading the spaCy pipeline


def test_kill_9_in_the_middle_of_an_ingest_then_rerun(tmp_path):
    corpus, db = tmp_path / "corpus.jsonl", tmp_path / "killed.db"
    expected = make_corpus(corpus, 20, seed=3)
    killed = ingest_and_kill(corpus, db, batch_size=4, kill_after=4, extra_delay=0.5)
    assert killed["killed"], "the ingest ended before it could be killed"

    after = check_store(db, expected)
    assert after["opens"] and after["integrity"] == "ok"
    assert problems(after) == 0, after  # only whole articles: no partial mentions, no orphans
    kept = after.pop("stored_ids")
    assert 4 <= len(kept) < 20 and len(kept) % 4 == 0  # whole batches of 4 only

    status, summary = rerun(corpus, db, batch_size=4)
    assert status == 0, summary
    assert summary["already_stored"] == len(kept) and summary["stored"] + summary["duplicates"] == 20 - len(kept)
    final = check_store(db, expected)
    assert final.pop("stored_ids") == set(expected)  # nothing missing
    assert problems(final) == 0 and final["articles"] == 20  # nothing duplicated, hashes equal
