"""Roles from context: title phrases and their sectors (no spaCy needed for these)."""

from __future__ import annotations

import pytest

from newsevents.actor_roles import title_sector
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
