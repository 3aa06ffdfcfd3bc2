"""The grammar of English time expressions: regular-expression rules that find candidates.

Each rule pairs a pattern with a builder; a builder turns a match into a :class:`Cand` whose
``resolve`` closure computes the TIMEX3 ``(type, value)`` later, once the document date, the
clause's direction (past/future) and the last explicit year mentioned are known (``Ctx``).
Modifiers around a core expression ("early", "the end of", "about", "or so") are attached
afterwards by ``times._attach_mods``; a candidate says which kinds it accepts.

Spans follow the TimeML conventions: determiners and quantifiers are inside ("the past few
years", "a week"), prepositions and signals outside ("in", "on", "before").
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from . import timex_calendar as cal
from .timex_vocab import (
    vocab,
)


@dataclass
class Ctx:
    """What resolution needs: the document date, the clause's direction, an anchor year."""

    dct: dt.date | None
    direction: str | None = None
    anchor_year: int | None = None
    #: the reference time: the last day the text named ("on March 3 ... the next day"); TimeML
    #: anchors "that day", "the previous Friday", "the following month" on it, not on the DCT
    ref: dt.date | None = None
    #: the month of the last month or day named ("In March ... the following month")
    ref_month: dt.date | None = None
    #: the year each month was last named in ("join in April ... the summit in April")
    month_years: dict[int, int] = field(default_factory=dict)


Resolved = tuple[str, str] | None


@dataclass
class Cand:
    start: int
    end: int
    resolve: Callable[[Ctx], Resolved]
    rule: str
    mod: str | None = None
    #: accepts "early/mid/late/the end of" before it
    position: bool = False
    #: accepts "about/more than/at least" before it and "or so" after it
    quantity: bool = False
    #: a year written in the text (anchors "that year", "the following year")
    year: int | None = None
    #: needs the clause direction to resolve (bare month, weekday ...)
    needs_direction: bool = False
    extra: dict = field(default_factory=dict)


# -- value helpers ------------------------------------------------------------------------

#: TimeML writes an unspecified number of decades, centuries, millennia as PXE, PXC, PXL
_VAGUE_CODE = {"DE": "E", "CE": "C", "ML": "L"}


def duration_value(amount: float | None, unit: str) -> str:
    """TIMEX3 duration value: P3Y, PT5H30M, P2Y6M, PXY, P1DE..."""
    info = vocab().units[unit]
    code: str = info["code"]
    factor = info.get("factor", 1)
    t = "T" if info.get("time") else ""
    if amount is None:
        return f"P{t}X{_VAGUE_CODE.get(code, code)}"
    amount *= factor
    if code == "DE":
        amount, code = amount * 10, "Y"
    elif code == "CE":
        amount, code = amount * 100, "Y"
    elif code == "ML":
        amount, code = amount * 1000, "Y"
    whole = int(amount)
    frac = amount - whole
    if frac < 1e-9:
        return f"P{t}{whole}{code}"
    sub = {"Y": (12, "M", ""), "M": (30, "D", ""), "W": (7, "D", ""), "D": (24, "H", "T"),
           "H": (60, "M", ""), "S": (0, "", "")}
    if t and code == "M":
        sub_unit = (60, "S", "")
    else:
        sub_unit = sub.get(code, (0, "", ""))
    mult, sub_code, sub_t = sub_unit
    if not mult:
        return f"P{t}{amount:g}{code}"
    part = round(frac * mult)
    head = f"{whole}{code}" if whole else ""
    return f"P{t}{head}{sub_t}{part}{sub_code}"


def _y(ctx: Ctx, shift: int = 0) -> str:
    return f"{ctx.dct.year + shift:04d}" if ctx.dct else "XXXX"


def _offset_value(amount: float | None, unit: str, sign: int, ctx: Ctx) -> Resolved:
    """A date N units before (sign -1) or after (+1) the document date, at the unit's
    granularity ("two years ago" -> 2022; decades and centuries count in years)."""
    if amount is None or ctx.dct is None:
        return "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF"
    n = round(amount * vocab().units[unit].get("factor", 1)) * sign
    if unit in ("decade", "century"):
        unit, n = "year", n * (10 if unit == "decade" else 100)
    unit = {"fortnight": "week", "weekend": "week", "night": "day"}.get(unit, unit)
    if unit in ("hour", "minute", "second"):
        unit, n = "day", 0
    return relative_unit(unit, n, ctx)


def relative_unit(unit: str, shift: int, ctx: Ctx) -> Resolved:
    """this/last/next + unit: 2024, 2024-11, 2024-W51, 2024-Q4, 2024-W51-WE, 202."""
    if ctx.dct is None:
        return "DATE", {"year": "XXXX", "month": "XXXX-XX", "week": "XXXX-WXX",
                        "quarter": "XXXX-QX", "weekend": "XXXX-WXX-WE"}.get(unit, "XXXX")
    d = ctx.dct
    if unit == "year":
        return "DATE", f"{d.year + shift:04d}"
    if unit == "month":
        return "DATE", cal.ym(*cal.add_months(d.year, d.month, shift))
    if unit in ("week", "weekend"):
        v = cal.iso_week(d + dt.timedelta(weeks=shift))
        return "DATE", v + ("-WE" if unit == "weekend" else "")
    if unit == "quarter":
        y, q = cal.add_quarters(d.year, cal.quarter_of(d), shift)
        return "DATE", f"{y:04d}-Q{q}"
    if unit == "decade":
        return "DATE", f"{d.year // 10 + shift:03d}"
    if unit == "century":
        return "DATE", f"{d.year // 100 + shift:02d}"
    if unit == "day":
        return "DATE", cal.ymd(d + dt.timedelta(days=shift))
    return None


# -- rules --------------------------------------------------------------------------------

Builder = Callable[[re.Match[str], str], "Cand | None"]
_RULES: list[tuple[str, re.Pattern[str], Builder, tuple[str, ...], tuple[int, int]]] = []


def rule(name: str, pattern: str, triggers: str | tuple[str, ...], reach: tuple[int, int] = (90, 90),
         flags: int = re.IGNORECASE) -> Callable[[Builder], Builder]:
    """Register a rule.  ``triggers``: words (lower case; ``#year`` for 1600-2099, ``#num`` for
    any other number) of which every match contains at least one, at a word start; ``reach``:
    how far a match may start before and end after its trigger."""
    # a match starts at a word start, or after "mid-", "pre-", ...; the common case is tested
    # first and the prefixes only after a hyphen (twice as fast as trying each prefix at every
    # position of a window)
    # (then a look-ahead for the characters the pattern can begin with: the engine tries the
    # pattern at every position of a window, and most positions fail at once on it)
    first = first_chars(pattern, flags)
    compiled = re.compile(r"(?:(?<![\w'’-])|(?<=-)(?:(?<=mid-)|(?<=pre-)|(?<=post-)|(?<=Mid-)|(?<=late-)|(?<=early-)))"
                          + (f"(?=[{first}])" if first else "") + pattern + r"(?!\w|-\w|['’](?!s\b))", flags)
    words = tuple(triggers.split()) if isinstance(triggers, str) else tuple(triggers)

    def deco(fn: Builder) -> Builder:
        _RULES.append((name, compiled, fn, words, reach))
        return fn

    return deco


_WORD = re.compile(r"[A-Za-z]+|\d+")
_YEAR_TOKEN = re.compile(r"1[6-9]\d\d|20\d\d")


def find_candidates(text: str) -> Iterator[Cand]:
    """All rule matches in ``text``.

    Speed: a rule is only tried in windows around its trigger words (every match of the rule
    contains one), so a document costs one word scan plus a few short regex searches; the
    rules a word triggers are looked up by the word (:data:`_BY_TRIGGER`), so only the rules
    whose triggers occur are visited, in their registration order."""
    by_trigger = _load_rules().get
    year = _YEAR_TOKEN.fullmatch
    found: dict[int, list[int]] = {}  # rule index -> where its trigger words start
    for w in _WORD.finditer(text):
        word = w.group()
        rules = by_trigger(("#year" if year(word) else "#num") if word[0].isdigit() else word.lower())
        if rules is not None:
            start = w.start()
            for i in rules:
                if i in found:
                    found[i].append(start)
                else:
                    found[i] = [start]
    for i in sorted(found):
        name, pat, build, _, reach = _RULES[i]
        hits = sorted(found[i])
        for start, end in _windows(hits, len(text), reach):
            for m in pat.finditer(text, start, end):
                if not _contains_hit(hits, m.start(), m.end()):
                    continue  # cut by the window edge; found whole in its own window
                c = build(m, text)
                if c is not None:
                    c.rule = name
                    yield c


def first_chars(pattern: str, flags: int = 0) -> str | None:
    """The characters a match of ``pattern`` can begin with, as the inside of a character class
    to be compiled with the same ``flags``, or None when they cannot be told (the pattern can
    match the empty string, or begins with something this reading does not follow: any
    character, a negated class, a back-reference, a change of case-sensitivity)."""
    try:
        from re import _constants as sre, _parser as sre_parse  # the standard library's own reader

        items = list(sre_parse.parse(pattern, flags))
    except (ImportError, re.error):  # pragma: no cover - another Python's internals
        return None
    categories = {sre.CATEGORY_DIGIT: r"\d", sre.CATEGORY_WORD: r"\w", sre.CATEGORY_SPACE: r"\s"}

    def chars(seq) -> tuple[list[str], bool] | None:
        """(class items, whether ``seq`` can match the empty string), or None."""
        out: list[str] = []
        for op, av in seq:
            if op is sre.LITERAL:
                return [*out, re.escape(chr(av))], False
            if op is sre.IN:
                for o, a in av:
                    if o is sre.LITERAL:
                        out.append(re.escape(chr(a)))
                    elif o is sre.RANGE:
                        out.append(f"{re.escape(chr(a[0]))}-{re.escape(chr(a[1]))}")
                    elif o is sre.CATEGORY and a in categories:
                        out.append(categories[a])
                    else:
                        return None
                return out, False
            if op is sre.CATEGORY and av in categories:
                return [*out, categories[av]], False
            if op is sre.BRANCH:
                empty = False
                for alt in av[1]:
                    found = chars(alt)
                    if found is None:
                        return None
                    out += found[0]
                    empty = empty or found[1]
            elif op is sre.SUBPATTERN:
                if av[1] or av[2]:  # (?i:...), (?-i:...): flags this reading does not track
                    return None
                found = chars(av[3])
                if found is None:
                    return None
                out += found[0]
                empty = found[1]
            elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
                found = chars(av[2])
                if found is None:
                    return None
                out += found[0]
                empty = av[0] == 0 or found[1]
            elif op in (sre.ASSERT, sre.ASSERT_NOT, sre.AT):
                continue  # consumes nothing: the next item begins the match
            else:
                return None
            if not empty:
                return out, False
        return out, True

    found = chars(items)
    if found is None or found[1] or not found[0]:
        return None
    return "".join(dict.fromkeys(found[0]))


def _windows(hits: list[int], n: int, reach: tuple[int, int]) -> Iterator[tuple[int, int]]:
    before, after = reach
    start, end = max(0, hits[0] - before), min(n, hits[0] + after)
    for h in hits[1:]:
        if h - before <= end:
            end = min(n, h + after)
        else:
            yield start, end
            start, end = max(0, h - before), min(n, h + after)
    yield start, end


def _contains_hit(hits: list[int], start: int, end: int) -> bool:
    i = bisect.bisect_left(hits, start)
    return i < len(hits) and hits[i] < end


#: trigger word -> the indexes in :data:`_RULES` of the rules it triggers (built at first use)
_BY_TRIGGER: dict[str, tuple[int, ...]] = {}


def _load_rules() -> dict[str, tuple[int, ...]]:
    """Import the rule modules (they register themselves); the rules by trigger word."""
    if not _RULES:
        from . import timex_dates, timex_relative, timex_spans  # noqa: F401
    if not _BY_TRIGGER:
        table: dict[str, list[int]] = {}
        for i, (_, _, _, triggers, _) in enumerate(_RULES):
            for t in dict.fromkeys(triggers):  # a word listed twice in a rule counts once
                table.setdefault(t, []).append(i)
        _BY_TRIGGER.update((t, tuple(ix)) for t, ix in table.items())
    return _BY_TRIGGER


def _cand(m: re.Match[str], resolve: Callable[[Ctx], Resolved], **kw) -> Cand:
    return Cand(start=m.start(), end=m.end(), resolve=resolve, rule="", **kw)


V = vocab()
MONTH = V.month_any
MONTH_FULL = V.month_full
WEEKDAY = V.weekday
QTY = V.quantity
UNIT = V.unit
ORD = V.ordinal
YEAR = r"(?:1[6-9]\d\d|20\d\d)"
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
SPOKEN_YEAR = (r"(?:(?:nineteen|eighteen)[\s-]+(?:oh[\s-]+)?" + V.number_word
               + r"(?:[\s-]+" + V.number_word + r")?|two\s+thousand(?:\s+and)?(?:[\s-]+"
               + V.number_word + r")?)")
REL = (r"(?P<rel>this\s+past|this\s+coming|this|last|next|coming|past|previous|current|following|"
       r"the\s+(?:past|last|next|coming|previous|current|following|same)|that)")
PART = V.part_of_day

# trigger word sets
T_MONTH = tuple(V.months)
T_WEEKDAY = tuple(V.weekdays)
T_UNIT = ("second", "seconds", "minute", "minutes", "hour", "hours", "day", "days", "night", "nights",
          "weekend", "weekends", "week", "weeks", "fortnight", "fortnights", "month", "months",
          "quarter", "quarters", "year", "years", "decade", "decades", "century", "centuries",
          "millennium", "millennia", "millenniums")


def _sentence_initial(text: str, start: int) -> bool:
    before = text[max(0, start - 3):start]
    return start == 0 or bool(re.search(r"(?:^|[.!?:\n\"“]\s*|\n)$", text[max(0, start - 4):start])) or before.endswith("\n")


def in_name(text: str, start: int, end: int) -> bool:
    """A common time word written as part of a name: "USA Today", "the New York Daily News",
    "This Week With David Brinkley" (capitalised mid-sentence next to another capitalised word)."""
    if not text[start:start + 1].isupper():
        return False
    if (re.search(r"(?:\"|``|“)$", text[max(0, start - 2):start])
            and re.match(r"(?:,?\s*(?:\"|''|”)|\s+[A-Z])", text[end:end + 4])
            and len(text[start:end].split()) > 1 and all(w[:1].isupper() for w in text[start:end].split())):
        return True  # a quoted title: ABC's "This Week," (not a quote opening with "Today,")
    if _sentence_initial(text, start):
        return False
    prev = re.search(r"([A-Z][\w.&'’-]*)\s+$", text[max(0, start - 30):start])
    nxt = re.match(r"\s+[A-Z]", text[end:end + 3])
    return bool(prev or nxt)


