"""Time vocabulary (``data/time_words.toml``) and the regular-expression fragments built from it.

Number words are parsed here too: ``parse_quantity("twenty four")`` is ``(24, None)``,
``parse_quantity("a few")`` is ``(None, None)`` (an unspecified amount, ``X`` in TIMEX3) and
``parse_quantity("a couple of")`` is ``(2, "APPROX")``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from .resources import load_toml


def _alt(words: list[str]) -> str:
    """A regex alternation of phrases, longest first; spaces match any white space."""
    parts = sorted(set(words), key=len, reverse=True)
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in parts) + ")"


@dataclass(frozen=True)
class Vocab:
    months: dict[str, int]
    weekdays: dict[str, int]
    numbers: dict[str, int]
    multipliers: dict[str, int]
    ordinals: dict[str, int]
    vague: tuple[str, ...]
    units: dict[str, dict[str, Any]]
    seasons: dict[str, str]
    parts_of_day: dict[str, str]
    holidays_fixed: dict[str, str]
    holidays_nth: dict[str, list[int]]
    reference: dict[str, str]
    frequency: dict[str, str]
    position_mods: dict[str, str]
    quantity_mods: dict[str, str]
    suffix_mods: dict[str, str]

    # -- regex fragments ------------------------------------------------------------------
    @property
    def month_full(self) -> str:
        """Full month names, capitalised (case-sensitive)."""
        names = [k.capitalize() for k in self.months if (len(k) > 3 or k == "may") and k != "sept"]
        return "(?-i:" + _alt(names + [n.upper() for n in names]) + ")"

    @property
    def month_any(self) -> str:
        """Full names or abbreviations ("Jan.", "Sept"), capitalised (case-sensitive)."""
        abbr = [k.capitalize() + "." for k in self.months if len(k) <= 4 and k not in ("may", "june", "july")]
        abbr += [k.capitalize() for k in self.months if len(k) <= 4 and k not in ("may", "june", "july", "mar")]
        return "(?-i:" + _alt([k.capitalize() for k in self.months if len(k) > 3 or k == "may"] + abbr) + ")"

    @property
    def weekday(self) -> str:
        names = [k.capitalize() for k in self.weekdays if len(k) > 5]
        return "(?-i:" + _alt(names + [n.upper() for n in names]) + ")"

    @property
    def number_word(self) -> str:
        return _alt(list(self.numbers))

    @property
    def quantity(self) -> str:
        word = self.number_word
        mult = _alt(list(self.multipliers))
        words = rf"(?:(?:a\s+)?{mult}|{word})(?:[\s-]+(?:and[\s-]+)?(?:{word}|{mult}))*"
        digits = r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?(?:\s+1/2|½)?"
        return (rf"(?:{digits}|{words}(?:\s+and\s+a\s+half)?|{_alt(list(self.vague))}|a|an|"
                r"half\s+an?|a\s+half)")

    @property
    def unit(self) -> str:
        return (r"(?:seconds?|minutes?|hours?|days?|nights?|weekends?|weeks?|fortnights?|months?|"
                r"quarters?|years?|decades?|century|centuries|millennium|millennia|millenniums)")

    @property
    def season(self) -> str:
        return _alt(list(self.seasons))

    @property
    def part_of_day(self) -> str:
        return _alt(list(self.parts_of_day))

    @property
    def ordinal(self) -> str:
        return r"(?:" + _alt(list(self.ordinals)) + r"|\d{1,2}(?:st|nd|rd|th))"


@lru_cache(maxsize=1)
def vocab() -> Vocab:
    d = load_toml("time_words.toml")
    return Vocab(
        months=dict(d["months"]), weekdays=dict(d["weekdays"]), numbers=dict(d["numbers"]),
        multipliers=dict(d["multipliers"]), ordinals=dict(d["ordinals"]),
        vague=tuple(d["quantities"]["vague"]), units=dict(d["units"]), seasons=dict(d["seasons"]),
        parts_of_day=dict(d["parts_of_day"]), holidays_fixed=dict(d["holidays"]["fixed"]),
        holidays_nth=dict(d["holidays"]["nth_weekday"]), reference=dict(d["reference"]),
        frequency=dict(d["frequency"]), position_mods=dict(d["mods"]["position"]),
        quantity_mods=dict(d["mods"]["quantity"]), suffix_mods=dict(d["mods"]["suffix"]),
    )


def norm(s: str) -> str:
    return re.sub(r"\s+", " ", s.strip().lower())


def month_number(name: str) -> int | None:
    return vocab().months.get(norm(name).rstrip("."))


def weekday_number(name: str) -> int | None:
    return vocab().weekdays.get(norm(name).rstrip("."))


def ordinal_number(word: str) -> int | None:
    w = norm(word)
    m = re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th)?", w)
    if m:
        return int(m[1])
    return vocab().ordinals.get(w)


def parse_quantity(text: str) -> tuple[float | None, str | None]:
    """(amount, mod) of a quantity phrase; amount None means unspecified (TIMEX3 ``X``)."""
    v = vocab()
    s = norm(text)
    if s in ("a couple of", "couple of", "a couple"):
        return 2.0, "APPROX"
    if s in v.vague:
        return None, None
    if s in ("a", "an"):
        return 1.0, None
    if re.fullmatch(r"half an?|a half", s):
        return 0.5, None
    m = re.fullmatch(r"(\d+(?:\.\d+)?)(?:\s+1/2|½)?", s.replace(",", ""))
    if m:
        return float(m[1]) + (0.5 if ("1/2" in s or "½" in s) else 0.0), None
    half = 0.0
    if s.endswith(" and a half"):
        half, s = 0.5, s[: -len(" and a half")]
    total = current = 0.0
    for w in re.split(r"[\s-]+", s):
        if w in ("and", "a", ""):
            if w == "a":
                current = max(current, 1.0)
            continue
        if w in v.numbers:
            current += v.numbers[w]
        elif w in v.multipliers:
            current = max(current, 1.0) * v.multipliers[w]
            if v.multipliers[w] >= 1000:
                total, current = total + current, 0.0
        else:
            return None, None
    return total + current + half, None


def unit_name(word: str) -> str:
    w = norm(word)
    if w in ("centuries", "century"):
        return "century"
    if w in ("millennia", "millennium", "millenniums"):
        return "millennium"
    return w.removesuffix("s")


def spoken_year(text: str) -> int | None:
    """A year said in words: "nineteen ninety-six", "two thousand one", "twenty twenty-four"."""
    s = norm(text).replace("-", " ")
    v = vocab()
    m = re.fullmatch(r"two thousand(?: and)?(?: (.+))?", s)
    if m:
        rest = parse_quantity(m[1])[0] if m[1] else 0.0
        return 2000 + int(rest) if rest is not None and rest < 100 else None
    m = re.fullmatch(r"(nineteen|eighteen|twenty) (.+)", s)
    if m:
        hi = v.numbers[m[1]]
        low_words = m[2]
        low_words = low_words.removeprefix("oh ")
        low = parse_quantity(low_words)[0]
        if low is None or low >= 100 or low != int(low):
            return None
        return hi * 100 + int(low)
    return None
