"""Crash safety (issue #11): ``kill -9`` an ``ingest`` in the middle of a large batch, then rerun.

    python benchmarks/kill_restart.py [--articles 300] [--kills 20] [--batch-size 16] [--seed 11]

A corpus of distinct synthetic articles (``synthetic_corpus.py``) is written to a temporary
folder and ingested once without interruption (the reference).  Then, ``--kills`` times, into a
new SQLite file: ``newsevents ingest`` is started, killed with SIGKILL at a random moment once
a random number of articles has been committed (so the kill lands anywhere in a batch: while
extracting, while writing, while committing), and the store is checked:

- it opens (``open_store``) and SQLite's ``PRAGMA integrity_check`` says ``ok``;
- it holds only whole articles: each stored record is valid, has the text it was given (SHA-256)
  and, unless it is a duplicate, exactly the mentions its events give; no mention belongs to an
  article that is not stored.

Then the same ``ingest`` is run again to the end, and the store must hold every article once:
nothing missing, nothing duplicated, every text hash equal to its input's, each article with
exactly its events' mentions, and the rerun's summary must count the articles of the killed run
as ``already_stored``.  The mention and story-event counts are also compared with the reference
(``mention_counts_differing``): equal when the code does not change during the run (a trial's
extraction is that of the code at that moment).  One JSON line per trial, then a summary line with the totals (lost,
duplicated, failures to open, partial articles).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))


def sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def make_corpus(path: Path, n: int, seed: int = 11) -> dict[str, str]:
    """Write ``n`` distinct article rows to ``path``; returns id -> SHA-256 of the text."""
    from synthetic_corpus import generate

    expected: dict[str, str] = {}
    with path.open("w", encoding="utf-8") as out:
        for row in generate(n, seed):
            out.write(json.dumps(row) + "\n")
            expected[row["id"]] = sha(row["text"])
    assert len(expected) == n, "the synthetic corpus repeats an id"
    return expected


def ingest_command(corpus: Path, db: Path, batch_size: int) -> list[str]:
    return [sys.executable, "-m", "newsevents.cli", "ingest", str(corpus), "--db", str(db),
            "--batch-size", str(batch_size)]


def committed(db: Path) -> int:
    """Articles committed so far, read as another process would (0 before the table exists)."""
    if not db.exists():
        return 0
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
        try:
            return con.execute("SELECT count(*) FROM articles").fetchone()[0]
        finally:
            con.close()
    except sqlite3.Error:
        return 0


def ingest_and_kill(corpus: Path, db: Path, *, batch_size: int, kill_after: int, extra_delay: float,
                    timeout: float = 1800) -> dict:
    """Start an ingest; once ``kill_after`` articles are committed, wait ``extra_delay`` seconds
    (to land inside the next batch) and SIGKILL it. Returns what happened."""
    proc = subprocess.Popen(ingest_command(corpus, db, batch_size), stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, start_new_session=True)
    t0 = time.monotonic()
    try:
        while proc.poll() is None and committed(db) < kill_after:
            if time.monotonic() - t0 > timeout:
                break
            time.sleep(0.05)
        if proc.poll() is None:
            time.sleep(extra_delay)
        finished = proc.poll() is not None
        if not finished:
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
    finally:
        if proc.poll() is None:  # pragma: no cover - the kill above failed
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    return {"killed": not finished, "seconds_before_kill": round(time.monotonic() - t0, 1)}


def check_store(db: Path, expected: dict[str, str]) -> dict:
    """Open the store and count what is wrong in it (see the module docstring)."""
    import sqlalchemy as sa

    from newsevents.errors import NewsEventsError
    from newsevents.models import Article
    from newsevents.store import open_store
    from newsevents.store_schema import articles, mentions
    from newsevents.stories import mentions_from_article

    out = {"opens": False, "integrity": None, "articles": 0, "mentions": 0, "story_events": 0,
           "partial": 0, "orphan_mentions": 0, "unknown": 0, "wrong_hash": 0, "duplicated": 0}
    try:
        store = open_store(str(db), create=False)
    except NewsEventsError as e:
        out["open_error"] = f"{e.code}: {e.message}"
        return out
    out["opens"] = True
    try:
        with store.engine.connect() as conn:
            out["integrity"] = conn.exec_driver_sql("PRAGMA integrity_check").scalar()
            rows = conn.execute(sa.select(articles.c.id, articles.c.duplicate_of, articles.c.record)).all()
            per_article: dict[str, int] = {}
            for aid, n in conn.execute(sa.select(mentions.c.article_id, sa.func.count())
                                       .group_by(mentions.c.article_id)):
                per_article[aid] = n
        ids = [r.id for r in rows]
        out["articles"] = len(ids)
        out["duplicated"] = len(ids) - len(set(ids))
        for aid, duplicate_of, record in rows:
            art = Article.model_validate_json(record)
            if aid not in expected:
                out["unknown"] += 1
            elif sha(art.text) != expected[aid]:
                out["wrong_hash"] += 1
            want = 0 if duplicate_of else len(mentions_from_article(art))
            if per_article.get(aid, 0) != want:
                out["partial"] += 1
        stored = set(ids)
        out["orphan_mentions"] = sum(n for aid, n in per_article.items() if aid not in stored)
        counts = store.counts()
        out["mentions"], out["story_events"] = counts["mentions"], counts["story_events"]
        out["stored_ids"] = set(ids)
    finally:
        store.close()
    return out


def problems(check: dict) -> int:
    """How many things are wrong in a checked store (0 for a sound one)."""
    return (0 if check["opens"] else 1) + (0 if check["integrity"] == "ok" else 1) + sum(
        check[k] for k in ("partial", "orphan_mentions", "unknown", "wrong_hash", "duplicated"))


def rerun(corpus: Path, db: Path, batch_size: int) -> tuple[int, dict]:
    """Run the ingest to its end; (exit status, its summary)."""
    p = subprocess.run(ingest_command(corpus, db, batch_size), capture_output=True, text=True, timeout=3600)
    lines = [line for line in p.stdout.splitlines() if line.startswith("{")]
    return p.returncode, (json.loads(lines[-1]) if lines else {"stderr": p.stderr[-2000:]})


def trial(corpus: Path, db: Path, expected: dict[str, str], reference: dict, *, batch_size: int,
          rng: random.Random) -> dict:
    """One kill and rerun; returns its record (``ok`` when nothing was lost, duplicated or broken)."""
    kill_after = rng.randrange(1, max(2, len(expected) - 2 * batch_size))
    killed = ingest_and_kill(corpus, db, batch_size=batch_size, kill_after=kill_after,
                             extra_delay=rng.uniform(0, 3))
    after_kill = check_store(db, expected)
    status, summary = rerun(corpus, db, batch_size)
    final = check_store(db, expected)
    stored = final.pop("stored_ids", set())
    kept = after_kill.pop("stored_ids", set())
    rec = {
        "kill_after": kill_after, **killed,
        "committed_at_kill": after_kill["articles"], "opens_after_kill": after_kill["opens"],
        "open_error": after_kill.get("open_error") or final.get("open_error"),
        "integrity_after_kill": after_kill["integrity"], "problems_after_kill": problems(after_kill),
        "rerun_exit": status, "rerun_summary": summary,
        "final_articles": final["articles"], "lost": len(set(expected) - stored),
        "duplicated": final["duplicated"], "wrong_hash": final["wrong_hash"],
        "final_problems": problems(final),
        "mentions": final["mentions"], "reference_mentions": reference["mentions"],
        "story_events": final["story_events"], "reference_story_events": reference["story_events"],
        "resumed": summary.get("already_stored") == len(kept),
    }
    rec["ok"] = (rec["opens_after_kill"] and rec["problems_after_kill"] == 0 and status == 0
                 and rec["lost"] == 0 and rec["final_problems"] == 0 and rec["resumed"])
    return rec


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, default=300)
    ap.add_argument("--kills", type=int, default=20)
    ap.add_argument("--batch-size", type=int, default=16)
    ap.add_argument("--seed", type=int, default=11)
    args = ap.parse_args(argv)
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        corpus = tmp / "corpus.jsonl"
        expected = make_corpus(corpus, args.articles, args.seed)
        t0 = time.monotonic()
        status, summary = rerun(corpus, tmp / "reference.db", args.batch_size)
        reference = check_store(tmp / "reference.db", expected)
        reference.pop("stored_ids")
        print(json.dumps({"reference": True, "exit": status, "seconds": round(time.monotonic() - t0, 1),
                          "summary": summary, **reference}), flush=True)
        if status != 0 or problems(reference) or reference["articles"] != len(expected):
            print("the uninterrupted reference ingest failed", file=sys.stderr)
            return 1
        trials = []
        for k in range(args.kills):
            rec = trial(corpus, tmp / f"kill{k}.db", expected, reference, batch_size=args.batch_size, rng=rng)
            trials.append(rec)
            print(json.dumps({"trial": k + 1, **rec}), flush=True)
        total = {
            "articles": args.articles, "trials": len(trials), "killed": sum(t["killed"] for t in trials),
            "failures_to_open": sum(not t["opens_after_kill"] for t in trials),
            "partial_or_broken_after_kill": sum(t["problems_after_kill"] for t in trials),
            "lost": sum(t["lost"] for t in trials), "duplicated": sum(t["duplicated"] for t in trials),
            "wrong_hash": sum(t["wrong_hash"] for t in trials),
            "reruns_failed": sum(t["rerun_exit"] != 0 for t in trials),
            "mention_counts_differing": sum(t["mentions"] != t["reference_mentions"] for t in trials),
            "story_event_counts_differing": sum(t["story_events"] != t["reference_story_events"] for t in trials),
            "trials_ok": sum(t["ok"] for t in trials),
        }
        print(json.dumps({"summary": total}), flush=True)
    return 0 if total["trials_ok"] == len(trials) else 1


if __name__ == "__main__":
    sys.exit(main())
