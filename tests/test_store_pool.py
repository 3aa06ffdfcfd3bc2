"""The story events a batch is linked against: only those one of its mentions could join are
loaded (memory stays flat in a backfill in no date order), and linking is the same as against
every stored story event."""

from __future__ import annotations

import datetime as dt
import random

import pytest
from test_stories import make_article

from newsevents import store as store_mod
from newsevents.store import open_store


@pytest.fixture
def store(tmp_path):
    s = open_store(str(tmp_path / "pool.db"))
    yield s
    s.close()


def _stories(s) -> list[tuple]:
    return sorted((e.id, e.type, e.status, tuple(sorted(m.article for m in e.mentions)))
                  for e in s.story_events())


def test_a_batch_loads_only_story_events_one_of_its_mentions_could_join(store):
    store.ingest([
        make_article("a1", "2025-03-10", [("AGREE", ["NOR", "ISL"], [], "asserted", "2025-03-08", None)]),
        make_article("c1", "2025-03-12", [("CONSULT", ["PER", "CHL"], [], "asserted", "2025-03-11", None)]),
        make_article("a2", "2019-06-02", [("AGREE", ["PER", "CHL"], [], "asserted", "2019-06-01", None)]),
    ])
    # the batch has both types and all four parties, and days that meet every stored window, but
    # no single mention shares type, party and days with another story event than a2's twin
    batch = [make_article("n1", "2025-03-09", [("CONSULT", ["NOR", "ISL"], [], "asserted", "2025-03-08", None)]),
             make_article("n2", "2019-06-03", [("AGREE", ["CHL"], [], "asserted", "2019-06-01", None)]),
             make_article("n3", "2025-03-11", [("AGREE", ["PER", "CHL"], [], "asserted", "2025-03-11", None)])]
    new = [m for art in batch for m in store_mod.stories.mentions_from_article(art)]
    with store.engine.connect() as conn:
        pool, latest = store._nearby_events(conn, new)
    assert {m.article for ms in pool.values() for m in ms} == {"a2"}
    # whether the batch is linked again in publication order still looks at the wider neighbourhood
    assert latest == dt.date(2025, 3, 12)


def _corpus(rng: random.Random, n: int) -> list:
    parties = ["NOR", "ISL", "PER", "CHL", "KEN", "person:a-b"]
    types = ["AGREE", "CONSULT", "ACCUSE", "THREATEN"]
    start = dt.date(2024, 1, 1)
    out = []
    for i in range(n):
        published = start + dt.timedelta(days=rng.randrange(240))
        events = []
        for _ in range(rng.randint(1, 3)):
            who = rng.sample(parties, rng.randint(1, 3))
            status = rng.choice(["asserted", "asserted", "expected", "hypothetical", "alleged", "negated"])
            when = rng.choice([None, "day", "month", "week"])
            day = published + dt.timedelta(days=rng.randint(-20, 40) if status in ("expected", "hypothetical")
                                           else -rng.randint(0, 20))
            value = {None: None, "day": day.isoformat(), "month": day.isoformat()[:7],
                     "week": f"{day.isocalendar()[0]}-W{day.isocalendar()[1]:02d}"}[when]
            mod = rng.choice([None, None, "END", "START"]) if when == "month" else None
            events.append((rng.choice(types), who[:1] if len(who) > 1 and rng.random() < 0.5 else who,
                           who[1:2] if rng.random() < 0.5 else [], status, value, mod))
        out.append(make_article(f"r{i:03d}", published.isoformat(), events))
    return out


def test_linking_is_the_same_as_against_every_stored_story_event(tmp_path, monkeypatch):
    rng = random.Random(1)
    corpus = _corpus(rng, 100)
    rng.shuffle(corpus)  # a backfill in no date order, in batches

    tight = open_store(str(tmp_path / "tight.db"))
    tight.ingest(corpus, batch_size=8)
    got = _stories(tight)
    tight.close()

    nearby = store_mod.Store._nearby_events

    def everything(self, conn, new):
        _pool, latest = nearby(self, conn, new)
        pool: dict = {}
        col = store_mod.mentions.c
        for eid, data in conn.execute(store_mod.sa.select(col.story_event_id, col.data)
                                      .where(col.story_event_id.is_not(None)).order_by(col.id)):
            pool.setdefault(eid, []).append(store_mod._mention_from(data))
        return pool, latest

    monkeypatch.setattr(store_mod.Store, "_nearby_events", everything)
    wide = open_store(str(tmp_path / "wide.db"))
    wide.ingest(corpus, batch_size=8)
    want = _stories(wide)
    wide.close()
    assert len(want) > 40 and any(len(s[3]) > 2 for s in want)  # a corpus where linking has work to do
    assert got == want
