import json
import subprocess
import sys

from typer.testing import CliRunner

from newsevents.cli import app

runner = CliRunner()


def _lines(s: str) -> list[dict]:
    return [json.loads(line) for line in s.splitlines() if line.strip()]


def test_extract_txt_prints_one_record(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("Egypt and Sudan signed a water accord in Khartoum on Tuesday.\n", encoding="utf-8")
    r = runner.invoke(app, ["extract", str(p), "--published", "2025-02-06", "--publisher", "Harbor Wire"])
    assert r.exit_code == 0, r.output
    (rec,) = _lines(r.stdout)
    assert rec["published"] == "2025-02-06" and rec["publisher"] == "Harbor Wire"


def test_rejected_item_gives_error_line_and_exit_1(tmp_path):
    p = tmp_path / "rows.jsonl"
    p.write_text(json.dumps({"id": "ok", "text": "Ethiopia rejected the plan."}) + "\n"
                 + json.dumps({"id": "broken", "text": ""}) + "\n", encoding="utf-8")
    r = runner.invoke(app, ["extract", str(p)])
    assert r.exit_code == 1
    assert [rec["id"] for rec in _lines(r.stdout)] == ["ok"]
    (err,) = _lines(r.stderr)
    assert set(err) == {"id", "path", "error"}
    assert err["id"] == "broken" and err["error"]["code"] == "E_EMPTY"


def test_stdin_and_usage_error():
    r = runner.invoke(app, ["extract", "-"], input=json.dumps({"id": "s", "text": "Sudan urged restraint."}) + "\n")
    assert r.exit_code == 0 and _lines(r.stdout)[0]["id"] == "s"
    bad = runner.invoke(app, ["extract", "-", "--published", "yesterday"], input="")
    assert bad.exit_code == 2


def test_console_script_runs(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("Leaders met.", encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "newsevents.cli", "extract", str(p)],
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert _lines(out.stdout)[0]["text"] == "Leaders met."


def test_example_corpus_with_its_knowledge_base(monkeypatch):
    """The README's main job: the example corpus with its knowledge-base file
    (``--kb examples/kb_fictional.jsonl``) resolves the invented people, think tank and outlets
    to the countries and sectors of examples/README.md; without the file they are unknown."""
    from pathlib import Path

    from newsevents.knowledge import KB_ENV

    examples = Path(__file__).resolve().parents[1] / "examples"
    monkeypatch.setenv(KB_ENV, "")  # restored after the test: the option sets it for the process
    r = runner.invoke(app, ["extract", str(examples / "articles.jsonl"), "--kb", str(examples / "kb_fictional.jsonl")])
    assert r.exit_code == 0, r.output
    recs = _lines(r.stdout)
    assert len(recs) == 10
    found = {(a["id"], a["country"], a["sector"]) for rec in recs for a in rec["actors"]}
    assert {("person:karim-haddad", "EGY", "GOV"), ("person:yohannes-gebremedhin", "ETH", "GOV"),
            ("person:awad-elnour", "SDN", "GOV"), ("person:grace-wanjiru", "KEN", "GOV"),
            ("person:thandiwe-mokoena", None, "IGO"), ("person:tesfaye-worku", "ETH", "ELI"),
            ("person:amr-salem", "EGY", "LEG"), ("person:tamer-rashad", "EGY", "MIL"),
            ("organization:cairo-centre-for-water-policy", "EGY", "EDU"),
            ("media:harbor-wire", "USA", "MED")} <= found
    last = next(line for line in (examples / "articles.jsonl").read_text(encoding="utf-8").splitlines()
                if "ex-10-" in line)
    monkeypatch.setenv(KB_ENV, "")
    r = runner.invoke(app, ["extract", "-"], input=last + "\n")
    assert r.exit_code == 0, r.output
    ids = {a["id"] for a in _lines(r.stdout)[0]["actors"]}
    assert not ids & {"organization:cairo-centre-for-water-policy", "media:harbor-wire"}
