"""The bad-input battery (issue #11): every kind of broken or hostile input, through ``extract``
and ``ingest`` on the command line and through the library.

Each bad item gives one error line naming it (its path, and its id when it has one) with a
stable code; the good items of the same batch are still extracted and stored; the exit
status is 1.  Inputs that are odd but still articles (a 5,000-word sentence without
punctuation, thousands of quote marks, mixed encodings) are extracted, with every offset
inside the text.  All inputs are generated here, in ``tmp_path``.
"""

from __future__ import annotations

import datetime as dt
import json
import random

import pytest
from typer.testing import CliRunner

from newsevents import extract, extract_many, open_store
from newsevents.cli import app
from newsevents.errors import NewsEventsError
from newsevents.models import Article, ItemError
from newsevents.pipeline import MAX_CHARS
from newsevents.readers import MAX_FILE_BYTES
from test_properties import check_record

pytestmark = pytest.mark.slow  # loads the spaCy pipeline

GOOD = ("Egypt and Ethiopia agreed on Tuesday to resume talks on the Nile dam, the Egyptian "
        "foreign ministry said. The talks will be held in Cairo next month.\n")
OTHER = ("Kenya accused Somalia of violating its airspace on Monday, a charge Mogadishu denied. "
         "Nairobi said it would summon the Somali ambassador.\n")
WORDS = ["egypt", "talks", "the", "said", "agreed", "Cairo", "minister", "dam", "water", "Ethiopia"]


def _lines(s: str) -> list[dict]:
    return [json.loads(line) for line in s.splitlines() if line.strip()]


def _battery(d) -> dict[str, str | None]:
    """Write the battery into folder ``d``: file name -> the error code it must give (None: an
    article that must come through).  Names sort so that good items sit between bad ones."""
    rng = random.Random(11)
    expect: dict[str, str | None] = {}

    def put(name: str, data: bytes | str, code: str | None) -> None:
        (d / name).write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
        expect[name] = code

    put("a_good.txt", GOOD, None)
    put("b_empty.txt", b"", "E_EMPTY")
    put("c_whitespace.txt", "   \n\t \n  \r\n", "E_EMPTY")
    put("d_binary.txt", bytes(rng.randrange(256) for _ in range(4096)), "E_READ")
    put("e_binary_nul.html", b"\x89PNG\r\n\x1a\n" + b"\x00" * 512, "E_READ")
    put("f_invalid_utf8.txt", GOOD.encode() + b"\xff\xfe\xfa and \xc3\x28 bytes\n", None)
    put("g_mixed_encodings.txt", "Caf\u00e9 talks in Gen\u00e8ve. ".encode("utf-8")
        + "Na\u00efve r\u00e9sum\u00e9s. ".encode("latin-1") + OTHER.encode("utf-8"), None)
    put("h_no_body.html", "<html><head><title>Nothing here</title></head></html>", "E_EMPTY")
    put("i_empty_body.html", "<html><body>   </body></html>", "E_EMPTY")
    put("j_deep.html", "<html><body>" + "<div>" * 3000 + "<p>" + GOOD + "</p>" + "</div>" * 3000
        + "</body></html>", "E_EMPTY")
    put("k_malformed_feed.xml", "<rss><channel><item><title>broken", "E_EMPTY")
    put("l_not_a_feed.rss", b"\x00\x01 not xml at all", "E_READ")
    put("m_long_sentence.txt", " ".join(rng.choice(WORDS) for _ in range(5000)), None)
    put("n_quote_marks.txt", '"' * 1200 + " said Egypt " + "\u201c\u201d" * 500 + "'" * 300 + GOOD, None)
    put("o_unsupported.pdf", b"%PDF-1.4", "E_UNSUPPORTED")  # a folder walk passes it over: named too
    put("p_too_long.txt", GOOD * (MAX_CHARS // len(GOOD) + 1), "E_TOO_LONG")
    rows = [
        json.dumps({"id": "row-good", "text": OTHER, "published": "2025-03-03"}),
        json.dumps({"id": "row-no-text", "published": "2025-03-03", "title": "A title only"}),
        json.dumps({"id": "row-future", "text": GOOD, "published": "2999-12-31"}),
        json.dumps({"id": "row-bad-date", "text": GOOD, "published": "next Tuesday"}),
        json.dumps({"id": "row-not-a-date", "text": GOOD, "published": "2025-02-30"}),
        json.dumps({"id": "row-number-text", "text": 42}),
        json.dumps({"id": "row-surrogate", "text": "Egypt \ud800 agreed."}),
        json.dumps(["a", "list"]),
        json.dumps({"id": "row-truncated", "text": "Egypt and Eth"})[:25],  # the file ends mid-row
    ]
    put("q_rows.jsonl", "\n".join(rows), None)
    return expect


#: the rows of q_rows.jsonl: id (or line) -> code
ROW_CODES = {"row-no-text": "E_EMPTY", "row-future": "E_DATE", "row-bad-date": "E_DATE",
             "row-not-a-date": "E_DATE", "row-number-text": "E_ROW", "row-surrogate": "E_ROW",
             "q_rows.jsonl:8": "E_ROW", "q_rows.jsonl:9": "E_ROW"}


def _error_key(err: dict) -> str:
    path = err["path"] or ""
    name = path.rsplit("/", 1)[-1]
    if err["id"] and err["id"].startswith("row-"):
        return err["id"]
    return name.split("#")[0] if name.endswith("#1") else name


@pytest.fixture(scope="module")
def battery(tmp_path_factory):
    d = tmp_path_factory.mktemp("battery")
    return d, _battery(d)


def _check_errors(stderr: str, expect: dict[str, str | None]) -> None:
    errors = _lines(stderr)
    for err in errors:
        assert set(err) == {"id", "path", "error"} and err["error"]["code"].startswith("E_")
        assert err["error"]["message"], err
    got = {_error_key(e): e["error"]["code"] for e in errors}
    want = {name: code for name, code in expect.items() if code} | ROW_CODES
    assert got == want


def test_extract_battery_cli(battery):
    d, expect = battery
    r = CliRunner().invoke(app, ["extract", str(d), str(d / "o_unsupported.pdf"), "--published", "2025-03-01"])
    assert r.exit_code == 1, r.output
    _check_errors(r.stderr, expect)
    records = [Article.model_validate(rec) for rec in _lines(r.stdout)]
    assert len(records) == sum(code is None for name, code in expect.items() if name != "q_rows.jsonl") + 1
    for rec in records:
        check_record(rec)
    assert {rec.id for rec in records} >= {"row-good"}


def test_ingest_battery_cli_stores_the_rest(battery, tmp_path):
    d, expect = battery
    db = str(tmp_path / "battery.db")
    args = [str(d), str(d / "o_unsupported.pdf"), "--db", db, "--published", "2025-03-01"]
    r = CliRunner().invoke(app, ["ingest", *args])
    assert r.exit_code == 1, r.output
    _check_errors(r.stderr, expect)
    summary = json.loads(r.stdout.strip().splitlines()[-1])
    n_bad = sum(1 for code in expect.values() if code) + len(ROW_CODES)
    n_good = sum(1 for name, code in expect.items() if code is None and name != "q_rows.jsonl") + 1
    assert summary["rejected"] == n_bad == sum(summary["rejected_by_code"].values())
    assert summary["stored"] + summary["duplicates"] == n_good
    assert summary["read"] == n_bad + n_good
    with open_store(db) as store:
        assert store.counts()["articles"] == n_good
        assert store.article("row-good") is not None
    again = CliRunner().invoke(app, ["ingest", *args])
    assert again.exit_code == 1
    assert json.loads(again.stdout.strip().splitlines()[-1])["already_stored"] == n_good


def test_a_50_megabyte_text_is_refused_unread(tmp_path):
    big = tmp_path / "big.txt"
    with big.open("wb") as f:
        line = ("word " * 200 + "\n").encode()
        for _ in range(50 * 1024 * 1024 // len(line) + 1):
            f.write(line)
    assert big.stat().st_size > MAX_FILE_BYTES
    (tmp_path / "small.txt").write_text(GOOD, encoding="utf-8")
    r = CliRunner().invoke(app, ["extract", str(tmp_path)])
    assert r.exit_code == 1
    (err,) = _lines(r.stderr)
    assert err["error"]["code"] == "E_TOO_LONG" and err["path"].endswith("big.txt")
    assert "split it" in err["error"]["message"]
    assert len(_lines(r.stdout)) == 1


def test_stdin_with_bytes_that_are_not_utf8():
    data = (json.dumps({"id": "ok", "text": OTHER}).encode() + b"\n"
            + b'{"id": "latin", "text": "Caf\xe9 talks"}\n'
            + json.dumps({"id": "ok2", "text": GOOD}).encode() + b"\n")
    r = CliRunner().invoke(app, ["extract", "-"], input=data)
    assert r.exit_code == 1
    assert [rec["id"] for rec in _lines(r.stdout)] == ["ok", "ok2"]
    (err,) = _lines(r.stderr)
    assert (err["id"], err["path"], err["error"]["code"]) == ("latin", "-:2", "E_ROW")
    assert "UTF-8" in err["error"]["message"]


def test_library_extract_many_keeps_order_and_names_each_bad_row():
    rows = [{"id": "a", "text": GOOD}, {"id": "empty", "text": "  "}, {"id": "long", "text": "x " * MAX_CHARS},
            {"id": "future", "text": GOOD, "published": (dt.date.today() + dt.timedelta(days=30)).isoformat()},
            {"id": "bad-date", "text": GOOD, "published": "23/12/2024"}, {"id": "surrogate", "text": "a\udc80b"},
            {"id": "no-text"}, "not a row", {"id": "b", "text": OTHER, "published": dt.date.today().isoformat()}]
    out = list(extract_many(rows, batch_size=4))
    assert len(out) == len(rows)
    codes = [r.error.code if isinstance(r, ItemError) else "ok" for r in out]
    assert codes == ["ok", "E_EMPTY", "E_TOO_LONG", "E_DATE", "E_DATE", "E_READ", "E_EMPTY", "E_ROW", "ok"]
    assert [r.id for r in out[:7]] == ["a", "empty", "long", "future", "bad-date", "surrogate", "no-text"]
    for r in out:
        r.model_dump_json()  # every result can be printed


@pytest.mark.parametrize("text,code", [("", "E_EMPTY"), ("\n\n", "E_EMPTY"), ("x" * (MAX_CHARS + 1), "E_TOO_LONG")])
def test_library_extract_raises_with_a_code(text, code):
    with pytest.raises(NewsEventsError) as info:
        extract(text)
    assert info.value.code == code and info.value.message


def test_library_extract_refuses_a_future_date_but_not_today():
    with pytest.raises(NewsEventsError) as info:
        extract(GOOD, published="2999-01-01")
    assert info.value.code == "E_DATE" and "future" in info.value.message
    assert extract(GOOD, published=dt.date.today()).published == dt.date.today().isoformat()


def test_a_parser_failure_on_one_text_loses_no_other(monkeypatch):
    from newsevents import pipeline

    ex = pipeline.get_extractor()
    real_call = ex.nlp.__call__

    class Flaky:  # the batch call fails; parsing alone fails only for the poisoned text
        def pipe(self, texts):
            raise ValueError("batch failed")

        def __call__(self, text):
            if "POISON" in text:
                raise ValueError("cannot parse this one")
            return real_call(text)

    monkeypatch.setattr(ex, "nlp", Flaky())
    out = list(ex.extract_many(pipeline.input_items(
        [{"id": "a", "text": GOOD}, {"id": "p", "text": "POISON " + GOOD}, {"id": "b", "text": OTHER}])))
    assert [(r.id, isinstance(r, Article)) for r in out] == [("a", True), ("p", False), ("b", True)]
    assert out[1].error.code == "E_EXTRACT" and "cannot parse this one" in out[1].error.message


def test_deep_html_says_why_it_is_empty(battery):
    from newsevents.webpage import read_html

    d, _ = battery
    with pytest.raises(NewsEventsError) as info:
        read_html((d / "j_deep.html").read_text(encoding="utf-8"))
    assert info.value.code == "E_EMPTY" and "nested" in info.value.message


def test_stderr_holds_only_the_json_error_lines(tmp_path):
    """In a real process (no test harness catching logs) stderr holds only the error lines of
    the contract; a page with stray control characters (which lxml refuses, and readability
    logs a traceback for) keeps its text."""
    import subprocess
    import sys

    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"")
    (tmp_path / "c.html").write_text("<html><body><div><p>Egypt and Ethiopia met on Tuesday.</p>\x01<b>x</b>"
                                     " more</div></body></html>", encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "newsevents.cli", "extract", str(tmp_path)],
                         capture_output=True, text=True, timeout=300)
    assert out.returncode == 1
    errors = [json.loads(line) for line in out.stderr.splitlines()]  # each line is JSON
    assert [e["error"]["code"] for e in errors] == ["E_EMPTY"]
    texts = sorted(json.loads(line)["text"] for line in out.stdout.splitlines())
    assert texts == sorted([GOOD, "Egypt and Ethiopia met on Tuesday.\nx more"]), texts


def test_api_ingest_battery(tmp_path):
    """The same bad items POSTed to the web API's ingest: one error each, with its code, naming
    its line and id; the good rows are stored; a body that is not UTF-8 or empty is refused."""
    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient

    from newsevents.web.app import Settings, create_app

    rng = random.Random(7)
    rows = [
        ({"id": "good", "text": GOOD, "published": "2025-03-01"}, None),
        ({"id": "empty", "text": ""}, "E_EMPTY"),
        ({"id": "whitespace", "text": " \n\t "}, "E_EMPTY"),
        ({"id": "binary", "text": "".join(chr(rng.randrange(32)) for _ in range(2000))}, "E_READ"),
        ({"id": "no-body", "html": "<html><head><title>x</title></head></html>"}, "E_EMPTY"),
        ({"id": "deep", "html": "<html><body>" + "<div>" * 3000 + GOOD + "</div>" * 3000 + "</body></html>"}, "E_EMPTY"),
        ({"id": "no-text", "title": "only a title"}, "E_EMPTY"),
        ({"id": "future", "text": GOOD, "published": "2999-01-01"}, "E_DATE"),
        ({"id": "bad-date", "text": GOOD, "published": "soon"}, "E_DATE"),
        ({"id": "surrogate", "text": "Egypt \udc80 agreed."}, "E_ROW"),
        ({"id": "too-long", "text": "word " * (MAX_CHARS // 5 + 1)}, "E_TOO_LONG"),
        # shorter than the CLI battery's (5,000 words, 2,500 marks): the same code, less time
        ({"id": "long-sentence", "text": " ".join(rng.choice(WORDS) for _ in range(800))}, None),
        ({"id": "quote-marks", "text": '"' * 500 + " said Egypt " + "\u201c" * 300 + OTHER}, None),
    ]
    body = "\n".join(json.dumps(r) for r, _ in rows) + '\n{"id": "truncated", "text": "Egy'
    with TestClient(create_app(Settings(db=str(tmp_path / "api.db")))) as client:
        r = client.post("/api/ingest", content=body.encode(), headers={"content-type": "application/x-ndjson"})
        assert r.status_code == 200, r.text
        out = r.json()
        got = {(e["id"] or e["path"]): e["error"]["code"] for e in out["errors"]}
        assert got == {r["id"]: code for r, code in rows if code} | {f"request:{len(rows) + 1}": "E_ROW"}
        assert all(e["error"]["message"] for e in out["errors"])
        assert sorted(out["articles"]) == ["good", "long-sentence", "quote-marks"]
        assert out["summary"]["rejected"] == len(got) and out["summary"]["stored"] == 3
        stored = client.get("/api/articles", params={"limit": 50}).json()["items"]
        assert sorted(a["id"] for a in stored) == ["good", "long-sentence", "quote-marks"]
        for bad in (b"\xff\xfe not UTF-8", b"", b"   \n"):
            r = client.post("/api/ingest", content=bad, headers={"content-type": "application/x-ndjson"})
            assert r.status_code == 400 and r.json()["error"]["code"] == "E_REQUEST", r.text


@pytest.mark.parametrize("db", ["corrupt", "missing-folder"])
def test_a_database_that_cannot_be_opened_is_a_usage_error_with_E_STORE(tmp_path, db):
    path = tmp_path / "x.db"
    if db == "corrupt":
        path.write_bytes(bytes(random.Random(5).randrange(256) for _ in range(8192)))
    else:
        path = tmp_path / "no" / "such" / "folder" / "x.db"
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    for args in (["ingest", str(tmp_path / "a.txt")], ["events"]):
        r = CliRunner().invoke(app, [*args, "--db", str(path)])
        assert r.exit_code == 2, r.output
        (err,) = _lines(r.stderr)
        assert err["error"]["code"] == "E_STORE" and str(path.name) in err["error"]["message"]
