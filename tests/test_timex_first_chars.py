"""The time rules' look-ahead on a match's first character (``timex_grammar.first_chars``)
changes only speed: each rule finds what its pattern alone finds."""

from __future__ import annotations

import re

import pytest

from newsevents import timex_grammar as grammar
from newsevents.timex_grammar import first_chars


@pytest.mark.parametrize("pattern, expected", [
    (r"(?P<y>\d{4})-\d{2}", r"\d"),
    (r"(?:jan|feb)uary", "jf"),
    (r"(?:the\s+)?(?:next|last)\s+week", "tnl"),
    (r"[A-C]x|\$\d+", r"A-C\$"),
    (r"(?:early\s+)*spring", "es"),
])
def test_first_characters(pattern, expected):
    assert first_chars(pattern, re.IGNORECASE) == expected


@pytest.mark.parametrize("pattern", [
    r"(?:the)?",        # can match nothing
    r".x",              # any character
    r"[^a-z]x",         # a negated class
    r"(?i:may)",        # a change of case-sensitivity inside
])
def test_no_look_ahead_when_the_first_character_cannot_be_told(pattern):
    assert first_chars(pattern) is None


TEXTS = [
    "The envoys met on Monday, March 3, 2025, and again in mid-2024 and the early 1990s.",
    "Talks resume next week; the deal lapsed two years ago, at 10:30 a.m. EST on Nov. 6.",
    "Over the past few months, quarterly output rose in the third quarter of fiscal 2023.",
    "He said that on 2024-05-01 (a Wednesday) the pre-1990 rules ended, around noon Friday.",
    "Since late last year, every week, the ministry has met for 20-year plans by Christmas.",
]


def test_rules_find_what_their_patterns_alone_find():
    grammar._load_rules()
    looked = 0
    for name, pat, _, _, _ in grammar._RULES:
        plain = re.sub(r"\(\?=\[[^\]]*(?:\\.[^\]]*)*\]\)", "", pat.pattern, count=1) \
            if "(?=[" in pat.pattern else pat.pattern
        looked += plain != pat.pattern
        bare = re.compile(plain, pat.flags)
        for text in TEXTS:
            assert [m.span() for m in pat.finditer(text)] == [m.span() for m in bare.finditer(text)], name
    assert looked > len(grammar._RULES) // 2  # most rules have the look-ahead
