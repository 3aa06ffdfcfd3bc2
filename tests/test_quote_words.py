"""``quote_cues.count_words`` counts what ``str.split`` and ``str.isalnum`` would count."""

from __future__ import annotations

import random

from newsevents.quote_cues import count_words


def _by_split(text: str, start: int, end: int) -> int:
    return sum(1 for w in text[start:end].split() if any(ch.isalnum() for ch in w))


def test_counts_words_with_a_letter_or_digit():
    text = "The envoy said — on Tuesday, 3 May — that “talks” resume: ... ok?"
    assert count_words(text, 0, len(text)) == 11  # not "—" nor "..."
    assert count_words(text, 4, 9) == 1 and count_words(text, 15, 17) == 0


def test_same_count_as_split_and_isalnum():
    rng = random.Random(7)
    alphabet = "ab1_ -—“”'\t\n\u00a0\u2009\u3000é٣²½ⅷ.,;:!?()\u200b\u1680\u0085\x1c"
    for _ in range(5000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 24)))
        start = rng.randint(0, len(text))
        end = rng.randint(start, len(text))
        assert count_words(text, start, end) == _by_split(text, start, end), repr(text)
