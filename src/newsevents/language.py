"""Which language an article is in, and the rule that only English articles are analysed.

The detector is ``py3langid`` (a maintained fork of langid.py): its naive-Bayes model ships
inside the PyPI package (nothing is downloaded at run time), it covers 97 languages, and it
classifies a page in about a millisecond once loaded.  Loading its model takes most of a
second, so a text whose words are plainly English (its function words are frequent) is
taken as English without it; the model loads, once, only for the others.

The stages after this one (actors, times, quotes, events) are written for English; an
article in another language would give confident-looking nonsense.  So a non-English item
is rejected with :class:`UnsupportedLanguage` (code ``E_LANGUAGE``): it appears on stderr as a
skipped item with its reason, never silently dropped.  Short texts carry too little evidence
for a detector, so they are only rejected when the detector is sure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .errors import UnsupportedLanguage

ENGLISH = "en"
#: below this many characters of text, a guess needs this much confidence to count
SHORT_TEXT = 200
SHORT_CONFIDENCE = 0.999
CONFIDENCE = 0.9
#: characters read by the detector (the opening of an article says enough)
SAMPLE = 1000


@dataclass(frozen=True)
class Guess:
    language: str
    confidence: float


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect(text: str) -> Guess | None:
    """The language of ``text`` (ISO 639-1 code) with a confidence in [0, 1], or None if empty."""
    sample = text[:SAMPLE].strip()
    if not sample:
        return None
    lang, prob = _identifier().classify(sample)
    return Guess(str(lang), float(prob))


def primary(tag: str | None) -> str | None:
    """``en`` from ``en-US``, ``en_GB`` or ``EN``; None for an empty tag."""
    if not tag:
        return None
    code = tag.strip().replace("_", "-").split("-")[0].lower()
    return code or None


_WORDS = re.compile(r"[^\W\d_]+")
#: the commonest English function words; a share above ENGLISH_SHARE of the words marks a text
#: as English without loading the detector's model (which costs most of a second)
_ENGLISH_WORDS = frozenset(
    "the of and to in a is that for on with was as by at from it his her said has have be are "
    "were an not this which will its their they he she but had been after who would".split())
ENGLISH_SHARE = 0.2
_FAST_MIN_WORDS = 40


def looks_english(text: str) -> bool:
    """True when English function words are frequent enough that no model is needed."""
    words = _WORDS.findall(text[:SAMPLE].lower())
    if len(words) < _FAST_MIN_WORDS:
        return False
    return sum(w in _ENGLISH_WORDS for w in words) / len(words) >= ENGLISH_SHARE


def decide(text: str, declared: str | None = None) -> str | None:
    """The article's language: the detector's when it is confident, else what was declared."""
    if looks_english(text):
        return ENGLISH
    guess = detect(text)
    declared = primary(declared)
    if guess is None:
        return declared
    needed = SHORT_CONFIDENCE if len(text.strip()) < SHORT_TEXT else CONFIDENCE
    if guess.confidence >= needed:
        return guess.language
    return declared


def require_english(language: str | None) -> None:
    """Raise :class:`UnsupportedLanguage` unless ``language`` is English or unknown."""
    code = primary(language)
    if code is not None and code != ENGLISH:
        raise UnsupportedLanguage(
            f"the article is in language {code!r}, not English; only English articles are "
            "analysed (the item is skipped)")
