"""Reading the versioned domain-knowledge files in ``newsevents/data``.

Every data file says where its facts came from:

* TOML files carry a ``[meta]`` table: ``version``, ``updated`` (YYYY-MM-DD), ``source``
  (provenance of the facts) and ``description``;
* JSON-lines files start with one ``{"_meta": {...}}`` line with the same keys, then one
  record per line.

``tests/test_data_files.py`` validates these headers for every file.
"""

from __future__ import annotations

import json
import tomllib
from functools import lru_cache
from importlib import resources
from typing import Any

META_KEYS = ("version", "updated", "source", "description")


def data_path(name: str):
    return resources.files("newsevents") / "data" / name


@lru_cache(maxsize=None)
def load_toml(name: str) -> dict[str, Any]:
    with data_path(name).open("rb") as fh:
        return tomllib.load(fh)


@lru_cache(maxsize=None)
def load_jsonl(name: str) -> tuple[dict[str, Any], tuple[dict[str, Any], ...]]:
    """(meta, records) of a JSON-lines data file."""
    meta: dict[str, Any] = {}
    rows: list[dict[str, Any]] = []
    with data_path(name).open("r", encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            line = line.strip()
            if not line:
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as e:  # a broken data file is a packaging bug
                raise ValueError(f"data/{name} line {n}: {e}") from e
            if n == 1 and "_meta" in row:
                meta = row["_meta"]
                continue
            rows.append(row)
    return meta, tuple(rows)


def list_data_files() -> list[str]:
    return sorted(p.name for p in (resources.files("newsevents") / "data").iterdir()
                  if p.name.endswith((".toml", ".jsonl")))
