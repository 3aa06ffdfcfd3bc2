"""Roles from context: title phrases and their sectors (no spaCy needed for these)."""

from __future__ import annotations

import pytest

from newsevents.actor_roles import title_sector, title_sector_at_end
from newsevents.knowledge import actor_words


@pytest.mark.parametrize("title, sector", [
    ("foreign ministry spokesman", "GOV"),
    ("deputy prime ministers", "GOV"),
    ("secretary of state", "GOV"),
    ("army chief", "MIL"),
    ("senator", "LEG"),
    ("chief justice", "JUD"),
    ("state-owned outlet", None),
    ("analyst", None),
])
def test_title_sector_takes_the_longest_title(title, sector):
    assert title_sector(title, actor_words()) == sector


def test_title_sector_at_end_needs_the_title_last():
    assert title_sector_at_end("u.s. senator", actor_words()) == "LEG"
    assert title_sector_at_end("president of the zambian", actor_words()) is None
