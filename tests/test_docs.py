"""The README documents what the tool offers: every command, every public API name."""

from pathlib import Path

import newsevents
from newsevents.cli import app

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def test_every_command_is_in_the_readme():
    names = [c.name or c.callback.__name__ for c in app.registered_commands]
    assert names, "no commands registered"
    for name in names:
        assert f"newsevents {name}" in README, f"command {name!r} is not documented in README.md"


def test_core_api_names_are_in_the_readme():
    for name in ("extract", "extract_many", "Extractor"):
        assert name in newsevents.__all__
        assert name in README


def test_readme_set_up_commands_match_ci():
    ci = (Path(__file__).resolve().parents[1] / ".ci" / "run").read_text(encoding="utf-8")
    test_cmd = [line for line in ci.splitlines() if "python3 -m venv" in line and not line.startswith("#")][0]
    assert test_cmd in README
