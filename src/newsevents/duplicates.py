"""Duplicate articles: the same story stored twice adds no second mention of its events.

Two kinds, decided on the article's text without its page furniture (the ``boilerplate``
spans of the record), lower-cased, with punctuation and spacing normalized:

- **exact**: the normalized texts are equal (a SHA-256 of the normalized text is stored);
- **near**: a republication with a new first sentence, boilerplate added or a few sentences
  cut. Each text becomes a set of word 5-gram shingles. A MinHash signature (128 random
  permutations ``(a * h + b) mod (2**61 - 1)`` of 32-bit shingle hashes, the scheme of the
  datasketch library, computed here with numpy because importing datasketch takes longer
  than a whole ingest of a small batch) is cut into 32 bands of 4 rows; articles that share
  a band key are candidates, and a candidate is a near-duplicate when the exact shingle sets agree:
  Jaccard >= ``JACCARD`` or, for a cut version, the shorter text's shingles lie in the longer
  one (containment >= ``CONTAINMENT``) and it keeps at least ``MIN_SIZE_RATIO`` of its length.

Band keys are plain strings, so a store keeps them in an indexed table and finds candidates
with one query (:mod:`newsevents.store`); :class:`DuplicateIndex` is the same logic in memory.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np

SHINGLE = 5
NUM_PERM = 128
BANDS = 32
ROWS = NUM_PERM // BANDS
JACCARD = 0.5
CONTAINMENT = 0.8
MIN_SIZE_RATIO = 0.5
_SEED = 7
_WORD = re.compile(r"\w+", re.UNICODE)
_PRIME = np.uint64((1 << 61) - 1)
_LOW32 = np.uint64((1 << 32) - 1)
_rng = np.random.RandomState(_SEED)
_A = _rng.randint(1, (1 << 61) - 1, size=NUM_PERM, dtype=np.uint64)
_B = _rng.randint(0, (1 << 61) - 1, size=NUM_PERM, dtype=np.uint64)
del _rng


@dataclass(frozen=True, eq=False)
class Fingerprint:
    """What duplicate detection keeps of one article.

    ``shingles`` is a sorted array of distinct 64-bit hashes, 8 bytes each: a store keeps the
    fingerprints of the last 2,000 articles, and as a Python ``frozenset`` of ints the same
    shingles took about eight times the memory (some 60 kB for an 800-word article, 120 MB for
    the cache), which showed as resident memory growing through a long ingest."""

    text_hash: str
    shingles: np.ndarray = field(repr=False)
    bands: tuple[str, ...] = field(repr=False)


@dataclass(frozen=True)
class Match:
    """An earlier article that a new one duplicates."""

    original: str
    kind: str  # "exact" | "near"
    similarity: float


def words(text: str, skip: Sequence[tuple[int, int]] = ()) -> list[str]:
    """Normalized word tokens of ``text`` outside the ``skip`` spans (boilerplate)."""
    if skip:
        parts, pos = [], 0
        for start, end in sorted(skip):
            if start > pos:
                parts.append(text[pos:start])
            pos = max(pos, end)
        parts.append(text[pos:])
        text = "\n".join(parts)
    text = unicodedata.normalize("NFKC", text).casefold()
    return _WORD.findall(text)


def _h64(data: bytes) -> int:
    return int.from_bytes(hashlib.blake2b(data, digest_size=8).digest(), "little")


def fingerprint(text: str, skip: Sequence[tuple[int, int]] = ()) -> Fingerprint:
    """The fingerprint of a text, ignoring the ``skip`` spans."""
    toks = words(text, skip)
    norm = " ".join(toks)
    grams = [" ".join(toks[i:i + SHINGLE]) for i in range(max(1, len(toks) - SHINGLE + 1))]
    shingles = np.unique(np.fromiter((_h64(g.encode("utf-8")) for g in grams if g), dtype=np.uint64))
    bands: tuple[str, ...] = ()
    if shingles.size:
        values = minhash(shingles)
        bands = tuple(
            f"{b:02d}" + hashlib.blake2b(values[b * ROWS:(b + 1) * ROWS].tobytes(), digest_size=8).hexdigest()
            for b in range(BANDS))
    return Fingerprint(text_hash=hashlib.sha256(norm.encode("utf-8")).hexdigest(),
                       shingles=shingles, bands=bands)


def minhash(shingles: Iterable[int]) -> np.ndarray:
    """The MinHash signature (NUM_PERM values) of a set of 64-bit shingle hashes."""
    h = (shingles if isinstance(shingles, np.ndarray) else np.fromiter(shingles, dtype=np.uint64)) & _LOW32
    with np.errstate(over="ignore"):
        return (((h[:, None] * _A + _B) % _PRIME) & _LOW32).min(axis=0)


def article_fingerprint(article) -> Fingerprint:
    """The fingerprint of an :class:`~newsevents.models.Article` (boilerplate left out)."""
    return fingerprint(article.text, [(b.start, b.end) for b in article.boilerplate])


def similarity(a: Fingerprint, b: Fingerprint) -> tuple[float, float, float]:
    """(Jaccard, containment of the smaller set in the larger, size ratio smaller/larger)."""
    if not a.shingles.size or not b.shingles.size:
        return 0.0, 0.0, 0.0
    inter = np.intersect1d(a.shingles, b.shingles, assume_unique=True).size
    small, large = sorted((a.shingles.size, b.shingles.size))
    return inter / (small + large - inter), inter / small, small / large


def near_duplicate(a: Fingerprint, b: Fingerprint) -> float | None:
    """The similarity that makes ``a`` and ``b`` near-duplicates, or None when they are not."""
    jac, cont, ratio = similarity(a, b)
    if jac >= JACCARD:
        return jac
    if cont >= CONTAINMENT and ratio >= MIN_SIZE_RATIO:
        return cont
    return None


def best_match(fp: Fingerprint, candidates: Iterable[tuple[str, Fingerprint]]) -> Match | None:
    """The candidate that ``fp`` duplicates most closely (exact before near), or None."""
    best: Match | None = None
    for ident, other in candidates:
        if other.text_hash == fp.text_hash:
            return Match(ident, "exact", 1.0)
        score = near_duplicate(fp, other)
        if score is not None and (best is None or score > best.similarity):
            best = Match(ident, "near", score)
    return best


class DuplicateIndex:
    """Duplicate detection in memory: ``check`` then ``add`` each article in order."""

    def __init__(self) -> None:
        self._by_hash: dict[str, str] = {}
        self._by_band: dict[str, list[str]] = {}
        self._fps: dict[str, Fingerprint] = {}

    def candidates(self, fp: Fingerprint) -> list[str]:
        seen: dict[str, None] = {}
        if fp.text_hash in self._by_hash:
            seen[self._by_hash[fp.text_hash]] = None
        for band in fp.bands:
            for ident in self._by_band.get(band, ()):
                seen[ident] = None
        return list(seen)

    def check(self, fp: Fingerprint) -> Match | None:
        return best_match(fp, ((i, self._fps[i]) for i in self.candidates(fp)))

    def add(self, ident: str, fp: Fingerprint) -> None:
        self._fps[ident] = fp
        self._by_hash.setdefault(fp.text_hash, ident)
        for band in fp.bands:
            self._by_band.setdefault(band, []).append(ident)
