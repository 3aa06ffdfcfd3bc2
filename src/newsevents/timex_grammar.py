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

import datetime as dt
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from . import timex_calendar as cal
from .timex_vocab import (month_number, norm, ordinal_number, parse_quantity, spoken_year,
                          unit_name, vocab, weekday_number)


@dataclass
class Ctx:
    """What resolution needs: the document date, the clause's direction, an anchor year."""

    dct: dt.date | None
    direction: str | None = None
    anchor_year: int | None = None


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
    """A date N units before (sign -1) or after (+1) the document date."""
    if amount is None:
        return "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF"
    if ctx.dct is None:
        return "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF"
    d = ctx.dct
    n = int(round(amount * vocab().units[unit].get("factor", 1))) * sign
    if unit in ("year",):
        return "DATE", f"{d.year + n:04d}"
    if unit == "decade":
        return "DATE", f"{d.year + 10 * n:04d}"
    if unit == "century":
        return "DATE", f"{d.year + 100 * n:04d}"
    if unit == "month":
        return "DATE", cal.ym(*cal.add_months(d.year, d.month, n))
    if unit == "quarter":
        y, q = cal.add_quarters(d.year, cal.quarter_of(d), n)
        return "DATE", f"{y:04d}-Q{q}"
    if unit in ("week", "fortnight", "weekend"):
        return "DATE", cal.iso_week(d + dt.timedelta(weeks=n))
    if unit in ("day", "night"):
        return "DATE", cal.ymd(d + dt.timedelta(days=n))
    if unit in ("hour", "minute", "second"):
        return "DATE", cal.ymd(d)
    return None


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
_RULES: list[tuple[str, re.Pattern[str], Builder]] = []


def rule(name: str, pattern: str, flags: int = re.IGNORECASE) -> Callable[[Builder], Builder]:
    compiled = re.compile(r"(?:(?<=mid-)|(?<=pre-)|(?<=post-)|(?<=Mid-)|(?<=late-)|(?<=early-)|(?<![\w'’-]))"
                          + pattern + r"(?!\w|-\w|['’](?!s\b))", flags)

    def deco(fn: Builder) -> Builder:
        _RULES.append((name, compiled, fn))
        return fn

    return deco


def find_candidates(text: str) -> Iterator[Cand]:
    for name, pat, build in _RULES:
        for m in pat.finditer(text):
            c = build(m, text)
            if c is not None:
                c.rule = name
                yield c


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


def _int_year(s: str) -> int:
    return int(s)


# ISO and numeric dates --------------------------------------------------------------------

@rule("iso_date", r"(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})")
def _iso(m: re.Match[str], text: str) -> Cand | None:
    y, mo, d = int(m["y"]), int(m["m"]), int(m["d"])
    if cal.safe_date(y, mo, d) is None:
        return None
    return _cand(m, lambda ctx: ("DATE", f"{y:04d}-{mo:02d}-{d:02d}"), year=y)


@rule("slash_date", r"(?P<m>1[0-2]|0?[1-9])/(?P<d>[12]\d|3[01]|0?[1-9])/(?P<y>\d{4}|\d{2})")
def _slash(m: re.Match[str], text: str) -> Cand | None:
    y = int(m["y"])
    if y < 100:
        y += 1900 if y > 40 else 2000
    mo, d = int(m["m"]), int(m["d"])
    if cal.safe_date(y, mo, d) is None:
        return None
    return _cand(m, lambda ctx: ("DATE", f"{y:04d}-{mo:02d}-{d:02d}"), year=y)


# Month + day (+ year), with an optional weekday ---------------------------------------------

def _month_day(month: int, day: int, year: int | None, weekday: int | None) -> Callable[[Ctx], Resolved]:
    def resolve(ctx: Ctx) -> Resolved:
        if year is not None:
            return "DATE", f"{year:04d}-{month:02d}-{day:02d}"
        if ctx.dct is None:
            return "DATE", f"XXXX-{month:02d}-{day:02d}"
        y = cal.month_day_year(month, day, ctx.dct, ctx.direction)
        if weekday is not None:
            for cand in (ctx.dct.year, ctx.dct.year + 1, ctx.dct.year - 1):
                d = cal.safe_date(cand, month, day)
                if d is not None and d.isoweekday() == weekday:
                    y = cand
                    break
        return "DATE", f"{y:04d}-{month:02d}-{day:02d}"
    return resolve


@rule("month_day",
      rf"(?:(?P<wd>{WEEKDAY}),?\s+(?:the\s+)?)?(?P<mon>{MONTH})\s+(?P<day>{DAY}|(?:the\s+)?{ORD})"
      rf"(?:(?:,\s*|\s+)(?P<year>{YEAR}|{SPOKEN_YEAR}))?")
def _md(m: re.Match[str], text: str) -> Cand | None:
    month = month_number(m["mon"])
    day = ordinal_number(re.sub(r"^the\s+", "", m["day"], flags=re.I))
    if month is None or day is None or not 1 <= day <= 31:
        return None
    year = None
    if m["year"]:
        year = int(m["year"]) if m["year"].isdigit() else spoken_year(m["year"])
    if m["mon"] == "May" and not m["wd"] and _sentence_initial(text, m.start()):
        return None
    wd = weekday_number(m["wd"]) if m["wd"] else None
    return _cand(m, _month_day(month, day, year, wd), year=year, needs_direction=year is None,
                 position=True, quantity=True)


@rule("day_month",
      rf"(?:(?P<wd>{WEEKDAY}),?\s+)?(?:the\s+)?(?P<day>{DAY}|{ORD})\s+(?:of\s+)?(?P<mon>{MONTH})"
      rf"(?:,?\s+(?P<year>{YEAR}))?")
def _dm(m: re.Match[str], text: str) -> Cand | None:
    month = month_number(m["mon"])
    day = ordinal_number(m["day"])
    if month is None or day is None or not 1 <= day <= 31:
        return None
    year = int(m["year"]) if m["year"] else None
    wd = weekday_number(m["wd"]) if m["wd"] else None
    return _cand(m, _month_day(month, day, year, wd), year=year, needs_direction=year is None,
                 position=True, quantity=True)


# Month (+ year) -----------------------------------------------------------------------------

@rule("month_year", rf"(?P<mon>{MONTH})(?:\s+of)?,?\s+(?P<year>{YEAR}|{SPOKEN_YEAR})")
def _my(m: re.Match[str], text: str) -> Cand | None:
    month = month_number(m["mon"])
    year = int(m["year"]) if m["year"].isdigit() else spoken_year(m["year"])
    if month is None or year is None:
        return None
    return _cand(m, lambda ctx: ("DATE", cal.ym(year, month)), year=year, position=True)


@rule("month_rel_year", rf"(?P<mon>{MONTH_FULL})\s+(?P<rel>this|last|next)\s+year")
def _mry(m: re.Match[str], text: str) -> Cand | None:
    month = month_number(m["mon"])
    shift = {"this": 0, "last": -1, "next": 1}[norm(m["rel"])]
    assert month is not None
    return _cand(m, lambda ctx: ("DATE", cal.ym(int(_y(ctx, shift)), month)) if ctx.dct
                 else ("DATE", f"XXXX-{month:02d}"), position=True)


@rule("month", rf"(?P<mon>{MONTH_FULL})")
def _month(m: re.Match[str], text: str) -> Cand | None:
    month = month_number(m["mon"])
    if month is None:
        return None
    if m["mon"] in ("May", "March") and _sentence_initial(text, m.start()):
        return None
    if m["mon"] == "May" and re.match(r"\s+(?:be|have|not|well|also|never|I|we|you)\b", text[m.end():]):
        return None

    def resolve(ctx: Ctx) -> Resolved:
        if ctx.dct is None:
            return "DATE", f"XXXX-{month:02d}"
        return "DATE", cal.ym(cal.month_year(month, ctx.dct, ctx.direction), month)
    return _cand(m, resolve, needs_direction=True, position=True)


def _sentence_initial(text: str, start: int) -> bool:
    before = text[max(0, start - 3):start]
    return start == 0 or bool(re.search(r"(?:^|[.!?:\n\"“]\s*|\n)$", text[max(0, start - 4):start])) or before.endswith("\n")


# Weekdays -----------------------------------------------------------------------------------

def _weekday_resolver(wd: int, shift: int, part: str | None, this_week: bool) -> Callable[[Ctx], Resolved]:
    def resolve(ctx: Ctx) -> Resolved:
        suffix = f"T{V.parts_of_day[part]}" if part else ""
        typ = "DATE"  # TimeBank types "Friday night" as a DATE of that day
        if ctx.dct is None:
            return typ, f"XXXX-WXX-{wd}{suffix}"
        if this_week:
            d = cal.this_week_weekday(wd, ctx.dct)
        else:
            d = cal.weekday_date(wd, ctx.dct, ctx.direction, shift)
        return typ, cal.ymd(d) + suffix
    return resolve


@rule("weekday",
      rf"(?:(?P<rel>last|next|this(?:\s+(?:past|coming))?|the\s+(?:previous|following)|coming)\s+)?"
      rf"(?P<wd>{WEEKDAY})(?:\s+(?P<part>{PART}))?")
def _weekday(m: re.Match[str], text: str) -> Cand | None:
    wd = weekday_number(m["wd"])
    if wd is None:
        return None
    rel = norm(m["rel"] or "")
    shift = -1 if rel in ("last", "this past", "the previous") else 1 if rel in ("next", "coming", "this coming", "the following") else 0
    part = norm(m["part"]) if m["part"] else None
    resolve = _weekday_resolver(wd, shift, part, rel == "this")
    return _cand(m, resolve, needs_direction=shift == 0 and rel != "this", position=True, quantity=True)


@rule("weekday_set", rf"(?:(?:every|each)\s+(?P<wd1>{WEEKDAY})|(?P<wd2>{WEEKDAY})s)(?:\s+(?P<part>{PART})s?)?")
def _weekday_set(m: re.Match[str], text: str) -> Cand | None:
    wd = weekday_number(m["wd1"] or m["wd2"])
    part = f"T{V.parts_of_day[norm(m['part'])]}" if m["part"] else ""
    return _cand(m, lambda ctx: ("SET", f"XXXX-WXX-{wd}{part}"))


# this/last/next + unit, month, season ---------------------------------------------------------

_SHIFT = {"this": 0, "current": 0, "the current": 0, "last": -1, "past": -1, "previous": -1,
          "the past": -1, "the last": -1, "the previous": -1, "this past": -1,
          "next": 1, "coming": 1, "the next": 1, "the coming": 1, "this coming": 1,
          "following": 1, "the following": 1, "the same": 0, "that": 0}
_ANAPHORIC = {"following", "the following", "the same", "that", "previous", "the previous"}


@rule("rel_unit", rf"{REL}\s+(?:(?:fiscal|calendar)\s+)?(?P<unit>year|month|week|weekend|quarter|decade|century)")
def _rel_unit(m: re.Match[str], text: str) -> Cand | None:
    rel = norm(m["rel"])
    unit = norm(m["unit"])
    shift = _SHIFT[rel]
    if rel in ("that", "the same") and unit != "year":
        return None
    if unit in ("decade", "century") and rel in ("the past", "the last", "past", "last"):
        return _cand(m, lambda ctx: ("DURATION", duration_value(1, unit)), position=False)
    if rel in ("the next", "the coming") and unit in ("decade", "century"):
        return _cand(m, lambda ctx: ("DURATION", duration_value(1, unit)))

    def resolve(ctx: Ctx) -> Resolved:
        if unit == "year" and rel in _ANAPHORIC and ctx.anchor_year is not None:
            return "DATE", f"{ctx.anchor_year + shift:04d}"
        return relative_unit(unit, shift, ctx)
    return _cand(m, resolve, position=True)


@rule("rel_month", rf"{REL}\s+(?P<mon>{MONTH_FULL})")
def _rel_month(m: re.Match[str], text: str) -> Cand | None:
    rel = norm(m["rel"])
    if rel in ("that", "the same", "current", "the current"):
        return None
    shift = _SHIFT[rel]
    month = month_number(m["mon"])
    assert month is not None

    def resolve(ctx: Ctx) -> Resolved:
        if ctx.dct is None:
            return "DATE", f"XXXX-{month:02d}"
        d = ctx.dct
        if shift < 0:
            y = d.year if month < d.month else d.year - 1
        elif shift > 0:
            y = d.year if month > d.month else d.year + 1
        else:
            y = d.year
        return "DATE", cal.ym(y, month)
    return _cand(m, resolve, position=True)


@rule("season",
      rf"(?:(?P<rel>this\s+past|this\s+coming|this|last|next|the|coming|that)\s+)?"
      rf"(?:(?P<pos>early|mid|late)[\s-]+)?(?P<season>{V.season})"
      rf"(?:(?:\s+of)?,?\s+(?P<year>{YEAR}|{SPOKEN_YEAR}))?")
def _season(m: re.Match[str], text: str) -> Cand | None:
    season = V.seasons[norm(m["season"])]
    rel = norm(m["rel"] or "")
    year = None
    if m["year"]:
        year = int(m["year"]) if m["year"].isdigit() else spoken_year(m["year"])
    word = norm(m["season"])
    if not rel and not year and not m["pos"] and word in ("spring", "fall", "autumn"):
        # "spring" and "fall" are also nouns and verbs: need a determiner or a year
        if not re.search(r"\b(?:in|during|since|until|by|through|this|last|next|early|late)\s+$",
                         text[max(0, m.start() - 12):m.start()], re.I):
            return None
    if rel == "that":
        return None
    if m["season"][0].isupper() and not rel and m.start() > 0 and not _sentence_initial(text, m.start()):
        pass
    shift = {"last": -1, "this past": -1, "next": 1, "this coming": 1, "coming": 1}.get(rel, 0)
    mod = {"early": "START", "mid": "MID", "late": "END"}.get(norm(m["pos"] or ""))

    def resolve(ctx: Ctx) -> Resolved:
        if year is not None:
            return "DATE", f"{year:04d}-{season}"
        if ctx.dct is None:
            return "DATE", f"XXXX-{season}"
        direction = ctx.direction if rel in ("", "the") else None
        return "DATE", f"{cal.season_year(season, ctx.dct, direction, shift):04d}-{season}"
    return _cand(m, resolve, mod=mod, year=year, needs_direction=rel in ("", "the") and year is None,
                 position=mod is None)


# yesterday / today / tomorrow / tonight, parts of day ----------------------------------------

@rule("deictic_day",
      r"(?:the\s+day\s+(?P<beyond>before\s+yesterday|after\s+tomorrow)|"
      rf"(?P<word>yesterday|today|tomorrow|tonight))(?:\s+(?P<part>{PART}))?")
def _deictic(m: re.Match[str], text: str) -> Cand | None:
    if m["beyond"]:
        shift = -2 if "yesterday" in m["beyond"].lower() else 2
        word = ""
    else:
        word = norm(m["word"])
        shift = {"yesterday": -1, "today": 0, "tomorrow": 1, "tonight": 0}[word]
    part = norm(m["part"]) if m["part"] else ("night" if word == "tonight" else None)
    if word == "today" and part is None and re.match(r"[’']s\b", text[m.end():]):
        pass

    def resolve(ctx: Ctx) -> Resolved:
        suffix = f"T{V.parts_of_day[part]}" if part else ""
        typ = "TIME" if part else "DATE"
        if ctx.dct is None:
            return (typ, "PRESENT_REF") if shift == 0 and not part else (typ, f"XXXX-XX-XX{suffix}")
        return typ, cal.ymd(ctx.dct + dt.timedelta(days=shift)) + suffix
    return _cand(m, resolve, position=True)


@rule("rel_part", rf"(?P<rel>this|last|tomorrow|yesterday|the)\s+(?P<part>{PART})")
def _rel_part(m: re.Match[str], text: str) -> Cand | None:
    rel = norm(m["rel"])
    part = norm(m["part"])
    if rel == "last" and part != "night":
        return None
    if rel == "the":
        # "the morning" only when it clearly names a time ("in the morning" of the day)
        if not re.search(r"\b(?:in|during|by|overnight|early|late)\s+$", text[max(0, m.start() - 10):m.start()], re.I):
            return None
    shift = -1 if rel in ("last", "yesterday") else 1 if rel == "tomorrow" else 0
    code = V.parts_of_day[part]

    def resolve(ctx: Ctx) -> Resolved:
        if ctx.dct is None:
            return "TIME", f"XXXX-XX-XXT{code}"
        return "TIME", cal.ymd(ctx.dct + dt.timedelta(days=shift)) + f"T{code}"
    return _cand(m, resolve, position=True)


# reference words (now, recently, the future) and frequencies ---------------------------------

@rule("reference", _alt_ref := "(?P<w>" + "|".join(
    re.escape(w).replace(r"\ ", r"\s+") for w in sorted(V.reference, key=len, reverse=True)) + ")")
def _reference(m: re.Match[str], text: str) -> Cand | None:
    w = norm(m["w"])
    if w == "in the past":  # TimeML leaves the preposition out
        start = m.start() + m.group(0).lower().index("the")
        value = V.reference["the past"]
        return Cand(start=start, end=m.end(), resolve=lambda ctx: ("DATE", value), rule="")
    after = text[m.end():m.end() + 30]
    if w == "previously" and re.match(r"\s+\w+ed\b", after):
        return None  # "a previously announced plan": part of a modifier, not a time
    if w == "soon" and (re.match(r"\s+(?:after|as)\b", after)
                        or re.search(r"\bas\s+$", text[max(0, m.start() - 4):m.start()])):
        return None
    if w == "current" and not _adjective_use(text, m):
        return None
    if w == "some":
        return None
    value = V.reference[w]
    return _cand(m, lambda ctx: ("DATE", value))


def _adjective_use(text: str, m: re.Match[str]) -> bool:
    """'current'/'future'/'recent' count when they modify a noun, not in 'current account'."""
    after = text[m.end():m.end() + 24].lower()
    return not re.match(r"\s+(?:account|affairs|events|flows?|ratio|assets|liabilities|tense|"
                        r"generations?|president|leaders?|members?|wife|husband)\b", after)


@rule("frequency", "(?P<w>" + "|".join(sorted(V.frequency, key=len, reverse=True)) + ")")
def _frequency(m: re.Match[str], text: str) -> Cand | None:
    value = V.frequency[norm(m["w"])]
    if re.match(r"\s+(?:dividends?|payments?|reports?|results|earnings|profits?|net|revenues?|sales|"
                r"losses|rates?|meetings?|reviews?|figures|data|basis|payout|distribution)\b",
                text[m.end():m.end() + 20], re.I):
        return None  # "its quarterly dividend": an adjective, not a time
    return _cand(m, lambda ctx: ("SET", value))


@rule("every_unit", rf"(?:every|each|per)\s+(?:(?P<other>other|single)\s+)?(?:(?P<qty>{QTY})\s+)?(?P<unit>{UNIT})")
def _every(m: re.Match[str], text: str) -> Cand | None:
    unit = unit_name(m["unit"])
    if m["qty"] and not unit.endswith("s") and False:
        return None
    amount = 2.0 if m["other"] == "other" else (parse_quantity(m["qty"])[0] if m["qty"] else 1.0)
    return _cand(m, lambda ctx: ("SET", duration_value(amount or 1.0, unit)))


@rule("every_month", rf"(?:every|each)\s+(?P<mon>{MONTH_FULL}|{V.season})")
def _every_month(m: re.Match[str], text: str) -> Cand | None:
    w = norm(m["mon"])
    month = month_number(w)
    value = f"XXXX-{month:02d}" if month else f"XXXX-{V.seasons[w]}"
    return _cand(m, lambda ctx: ("SET", value))


@rule("rate", rf"(?P<unit>day|week|month|year|hour)\s+(?:by|after|to)\s+(?P=unit)")
def _rate_phrase(m: re.Match[str], text: str) -> Cand | None:
    unit = unit_name(m["unit"])
    return _cand(m, lambda ctx: ("SET", duration_value(1.0, unit)))


# N units ago / earlier / later / from now -----------------------------------------------------

@rule("offset",
      rf"(?P<qty>{QTY})\s+(?:(?:more|full|long|short)\s+)?(?P<unit>{UNIT})(?:\s+or\s+so)?\s+"
      r"(?P<dir>ago|earlier|later|before|after|from\s+now|hence|back)")
def _offset(m: re.Match[str], text: str) -> Cand | None:
    d = norm(m["dir"])
    if d in ("before", "after"):
        # "two days before the vote": the duration is the time expression, the rest a signal;
        # "the day before" / "a year before" at the end of a clause is an anchored date
        if not re.match(r"\s*(?:[,.;:)]|$|and\b|but\b)", text[m.end():]):
            return None
    amount, mod = parse_quantity(m["qty"])
    unit = unit_name(m["unit"])
    if re.search(r"\bor\s+so\b", m.group(0), re.I):
        mod = "APPROX"
    if d in ("later", "after", "before", "hence") or (d == "earlier" and unit != "year"):
        # "three days later": TimeML tags the duration; the adverb is a signal
        end = m.start("unit") + len(m["unit"])
        return Cand(start=m.start(), end=end, rule="", mod=mod, quantity=True,
                    resolve=lambda ctx: ("DURATION", duration_value(amount, unit)))
    sign = -1 if d in ("ago", "earlier", "back") else 1
    c = _cand(m, lambda ctx: _offset_value(amount, unit, sign, ctx), mod=mod, quantity=True)
    if unit == "year" and amount == 1 and sign < 0:
        c.extra["year_back"] = True
    return c


# durations ------------------------------------------------------------------------------------

_DUR_PRE = (r"(?:(?P<det>the|these|those|its|their|his|her|our|this|that)\s+)?(?:(?P<rel>past|last|next|first|"
            r"coming|previous|following|final|remaining|latest|initial|ensuing|preceding|"
            r"intervening|subsequent|same|additional|further|other|entire|full|whole|"
            r"year-earlier|year-ago)\s+)?")


@rule("duration",
      _DUR_PRE + rf"(?P<qty>{QTY})\s+(?:(?:more|additional|full|straight|consecutive|successive|"
      rf"trading|business|working|calendar|long|short|extra|further)\s+)?(?P<unit>{UNIT})"
      r"(?P<half>\s+and\s+a\s+half)?(?:(?P<old>[\s-]+old)|(?P<long>-long))?")
def _duration(m: re.Match[str], text: str) -> Cand | None:
    amount, mod = parse_quantity(m["qty"])
    unit = unit_name(m["unit"])
    q = norm(m["qty"])
    if m["old"]:
        return None  # ages ("52 years old") are not time expressions in TimeML news annotation
    if re.fullmatch(r"1[6-9]\d\d|20\d\d", q) and not m["unit"].lower().endswith("s"):
        return None  # "the 1988 quarter"
    if amount is not None and m["half"]:
        amount += 0.5
    plural = m["unit"].lower().endswith(("s", "ia"))
    if q in ("a", "an", "one") and plural:
        return None
    if q in ("some",) and not plural:
        return None
    if m["det"] and not m["rel"] and q in ("a", "an"):
        return None
    if q in ("a", "an") and not m["det"] and _is_rate(text, m.start()):
        return _cand(m, lambda ctx: ("SET", duration_value(1.0, unit)))
    if q in ("a", "an") and unit in ("second", "minute") and not m["rel"]:
        # "a second time", "a minute later": only with clear duration readings
        if not re.match(r"\s+(?:and|or|later|earlier|ago)\b", text[m.end():]):
            return None
    if m["rel"] and norm(m["rel"]) in ("year-earlier", "year-ago"):
        pass
    return _cand(m, lambda ctx: ("DURATION", duration_value(amount, unit)), mod=mod,
                 quantity=not m["det"])


def _is_rate(text: str, start: int) -> bool:
    before = text[max(0, start - 30):start].lower()
    return bool(re.search(r"(?:\d|percent|%|dollars|cents|times|once|twice|million|billion|tons?|"
                          r"barrels|hours|miles|people|year|month)\s*$", before))


@rule("duration_range",
      _DUR_PRE + rf"(?P<q1>{QTY})\s+(?:to|or|-|and)\s+(?P<q2>{QTY})\s+(?P<unit>{UNIT})")
def _duration_range(m: re.Match[str], text: str) -> Cand | None:
    unit = unit_name(m["unit"])
    if parse_quantity(m["q1"])[0] is None or parse_quantity(m["q2"])[0] is None:
        return None
    return _cand(m, lambda ctx: ("DURATION", duration_value(None, unit)))


@rule("duration_adj",
      rf"(?P<qty>\d+(?:\.\d+)?|(?:{V.number_word})(?:-(?:{V.number_word}))?|a|one|half|multi|several)"
      r"-(?P<unit>second|minute|hour|day|night|week|month|quarter|year|decade|century)"
      r"(?:-(?P<tail>old|long))?")
def _duration_adj(m: re.Match[str], text: str) -> Cand | None:
    q = norm(m["qty"])
    if m["tail"] == "old":
        return None
    amount = None if q in ("multi", "several") else 0.5 if q == "half" else parse_quantity(q.replace("-", " "))[0]
    unit = unit_name(m["unit"])
    return _cand(m, lambda ctx: ("DURATION", duration_value(amount, unit)), quantity=True)


@rule("unit_long", r"(?P<unit>day|week|month|year|decade|hour)s?-long")
def _unit_long(m: re.Match[str], text: str) -> Cand | None:
    unit = unit_name(m["unit"])
    plural = m.group(0).lower().split("-")[0].endswith("s")
    return _cand(m, lambda ctx: ("DURATION", duration_value(None if plural else 1.0, unit)))


@rule("bare_units", r"(?P<unit>years|months|weeks|days|decades|centuries|hours|minutes)")
def _bare_units(m: re.Match[str], text: str) -> Cand | None:
    before = text[max(0, m.start() - 20):m.start()].lower()
    after = text[m.end():m.end() + 12].lower()
    if re.search(r"(?:the|of|these|those|their|its|his|her|our|early|later|final|last|first)\s+$", before):
        return None
    if re.match(r"\s+(?:of|old|later|earlier|ago|before|after)\b", after):
        if not re.match(r"\s+(?:old)\b", after):
            return None
    unit = unit_name(m["unit"])
    return _cand(m, lambda ctx: ("DURATION", duration_value(None, unit)))


# years, decades, centuries ------------------------------------------------------------------

@rule("year", rf"(?:(?P<pre>fiscal(?:\s+year)?|the\s+year|calendar|FY|year)\s+)?(?P<year>{YEAR})"
      r"(?:(?P<range>-|–|/)(?P<y2>\d{2}|\d{4}))?")
def _year(m: re.Match[str], text: str) -> Cand | None:
    year = int(m["year"])
    before = text[max(0, m.start() - 12):m.start()]
    after = text[m.end():m.end() + 16]
    if re.search(r"[$£€#]\s*$|\bNo\.\s*$|\bNumber\s*$|[\d.,]$", before, re.I):
        return None
    if re.match(r"\s*(?:%|percent|per\s+cent|[.,]\d|\d|:\d|million|billion|tons?|troops|soldiers|"
                r"people|persons|men|women|feet|meters|metres|miles|kilometers|km|points?|votes|"
                r"barrels|shares|units|cars|jobs|dollars|euros|yuan)\b", after, re.I):
        return None
    if m["range"] and m["y2"]:
        return None
    return _cand(m, lambda ctx: ("DATE", f"{year:04d}"), year=year, position=True)


@rule("spoken_year", rf"(?:the\s+year\s+)?(?P<y>{SPOKEN_YEAR})")
def _spoken_year(m: re.Match[str], text: str) -> Cand | None:
    year = spoken_year(m["y"])
    if year is None:
        return None
    if not m.group(0).lower().startswith("the year") and not re.match(r"(?:nineteen|eighteen)", m["y"], re.I):
        return None
    return _cand(m, lambda ctx: ("DATE", f"{year:04d}"), year=year, position=True)


_DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6,
                 "seventies": 7, "eighties": 8, "nineties": 9}


@rule("decade",
      r"(?:(?P<the>the)\s+)?(?:(?P<pos>early|mid|late)(?:-|\s+))?"
      r"(?:(?P<cent>\d\d)(?P<d>\d)0['’]?s|['’](?P<d2>\d)0s|(?:nineteen[\s-]+)?(?P<w>"
      + "|".join(_DECADE_WORDS) + "))")
def _decade(m: re.Match[str], text: str) -> Cand | None:
    if m["cent"]:
        value = f"{m['cent']}{m['d']}"
    else:
        digit = int(m["d2"]) if m["d2"] else _DECADE_WORDS[norm(m["w"])]
        if m["w"] and not m["the"] and not m.group(0).lower().startswith("nineteen"):
            return None
        value = f"19{digit}"
    mod = {"early": "START", "mid": "MID", "late": "END"}.get(norm(m["pos"] or ""))
    return _cand(m, lambda ctx: ("DATE", value), mod=mod, position=mod is None)


@rule("century", rf"(?:the\s+)?(?P<n>{ORD})[\s-]+century")
def _century(m: re.Match[str], text: str) -> Cand | None:
    n = ordinal_number(m["n"])
    if n is None or not 1 <= n <= 22:
        return None
    return _cand(m, lambda ctx: ("DATE", f"{n - 1:02d}"), position=True)


# quarters and halves --------------------------------------------------------------------------

_Q_ORD = r"(?P<q>first|second|third|fourth|1st|2nd|3rd|4th|final|last)"
_Q_YEARREF = (r"(?P<yref>this\s+year['’]s|last\s+year['’]s|next\s+year['’]s|the\s+year-ago|the\s+year-earlier|"
              r"year-ago|year-earlier|the\s+comparable|the\s+same|a\s+year-earlier|a\s+year-ago)")


@rule("quarter",
      rf"(?:(?:{_Q_YEARREF}|the|its|their|a|(?P<y1>{YEAR}))[\s-]+)?(?:(?:(?P<y0>{YEAR})|fiscal|calendar)[\s-]+)?"
      rf"{_Q_ORD}[\s-]+(?:fiscal[\s-]+|calendar[\s-]+)?(?P<unit>quarter|half|period)"
      rf"(?:\s+of\s+(?:(?:fiscal|calendar)\s+)?(?P<y2>{YEAR}|this\s+year|last\s+year|next\s+year))?")
def _quarter(m: re.Match[str], text: str) -> Cand | None:
    q_word = norm(m["q"])
    unit = norm(m["unit"])
    if unit == "period" and not m["yref"]:
        return None
    n = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
         "final": 4, "last": 4}[q_word]
    if unit == "half" and n > 2:
        if q_word != "last":
            return None
        n = 2
    explicit = m["y0"] or m["y1"] or (m["y2"] if m["y2"] and m["y2"][0].isdigit() else None)
    yref = norm(m["yref"] or (m["y2"] if m["y2"] and not m["y2"][0].isdigit() else "") or "")
    shift = -1 if ("ago" in yref or "earlier" in yref or "last year" in yref) else 1 if "next year" in yref else 0
    letter = "Q" if unit == "quarter" else "H"

    def resolve(ctx: Ctx) -> Resolved:
        if explicit:
            return "DATE", f"{int(explicit):04d}-{letter}{n}"
        if ctx.dct is None:
            return "DATE", f"XXXX-{letter}{n}"
        y = ctx.dct.year + shift
        if not yref:
            current = cal.quarter_of(ctx.dct) if letter == "Q" else (1 if ctx.dct.month <= 6 else 2)
            if n > current and ctx.direction != "future":
                y -= 1
        return "DATE", f"{y:04d}-{letter}{n}"
    return _cand(m, resolve, year=int(explicit) if explicit else None, needs_direction=not explicit,
                 position=True)


@rule("quarter_adj", rf"{_Q_ORD}-(?P<unit>quarter|half)")
def _quarter_adj(m: re.Match[str], text: str) -> Cand | None:
    return _quarter(m, text) if False else _quarter_simple(m)


def _quarter_simple(m: re.Match[str]) -> Cand | None:
    n = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
         "final": 4, "last": 4}[norm(m["q"])]
    letter = "Q" if norm(m["unit"]) == "quarter" else "H"

    def resolve(ctx: Ctx) -> Resolved:
        if ctx.dct is None:
            return "DATE", f"XXXX-{letter}{n}"
        current = cal.quarter_of(ctx.dct) if letter == "Q" else (1 if ctx.dct.month <= 6 else 2)
        y = ctx.dct.year - (1 if n > current and ctx.direction != "future" else 0)
        return "DATE", f"{y:04d}-{letter}{n}"
    return _cand(m, resolve, needs_direction=True)


@rule("the_quarter",
      r"(?P<det>the|this|that|its|their|a)\s+(?:(?P<adj>latest|current|past|last|previous|recent|most\s+recent|"
      r"year-ago|year-earlier|comparable|same|just-ended|just\s+ended|fiscal|corresponding|"
      r"comparable\s+year-ago|comparable\s+year-earlier|flat|strong|weak|disappointing)[\s-]+)*"
      rf"(?:(?P<yr>{YEAR})\s+)?(?P<unit>quarter|period)(?P<ago>\s+a\s+year\s+(?:ago|earlier))?")
def _the_quarter(m: re.Match[str], text: str) -> Cand | None:
    words = norm(m.group(0))
    det = norm(m["det"])
    if m["unit"].lower() == "period" and not m["yr"] and not re.search(
            r"year-(?:ago|earlier)|comparable|same|corresponding|latest", words):
        return None
    if det == "a" and not re.search(r"flat|strong|weak|disappointing", words):
        return None
    if re.match(r"[\s-]+(?:of|century|mile|point|percent|inch)", text[m.end():m.end() + 10], re.I):
        return None
    year_ago = bool(re.search(r"year-(?:ago|earlier)|a year (?:ago|earlier)|same|comparable|corresponding", words))
    current = ("current" in words or det == "this") and not year_ago

    def resolve(ctx: Ctx) -> Resolved:
        if ctx.dct is None:
            return "DATE", "XXXX-QX"
        y, q = ctx.dct.year, cal.quarter_of(ctx.dct)
        if not current and ctx.direction != "future":
            y, q = cal.add_quarters(y, q, -1)
        if year_ago:
            y -= 1
        if explicit:
            y = explicit
        return "DATE", f"{y:04d}-Q{q}"
    explicit = int(m["yr"]) if m["yr"] else None
    return _cand(m, resolve, needs_direction=True, year=explicit)


@rule("year_ago_adj", r"(?P<w>year-earlier|year-ago|year-before)")
def _year_ago(m: re.Match[str], text: str) -> Cand | None:
    c = _cand(m, lambda ctx: ("DATE", _y(ctx, -1)))
    c.extra["year_back"] = True
    return c


@rule("year_end", r"(?:(?P<the>the\s+)?(?P<unit>year|month|week)(?:['’]s)?[\s-]+end|"
      r"the\s+(?P<pos>end|beginning|start|middle|close)\s+of\s+(?P<rel>the|this)\s+(?P<unit2>year|month|week|decade|century))")
def _year_end(m: re.Match[str], text: str) -> Cand | None:
    unit = norm(m["unit"] or m["unit2"])
    mod = {"end": "END", "close": "END", "beginning": "START", "start": "START", "middle": "MID"}[norm(m["pos"] or "end")]
    return _cand(m, lambda ctx: relative_unit(unit, 0, ctx), mod=mod)


@rule("fiscal_year", r"(?P<det>the|this|its|their|last|next)\s+(?:(?P<adj>current|latest|previous|past|next|coming|full|new)\s+)?(?:fiscal|financial)\s+year")
def _fiscal_year(m: re.Match[str], text: str) -> Cand | None:
    words = norm(m.group(0))
    shift = -1 if re.search(r"\b(?:previous|past|last|latest)\b", words) else 1 if re.search(r"\b(?:next|coming|new)\b", words) else 0
    return _cand(m, lambda ctx: ("DATE", _y(ctx, shift)))


# holidays -------------------------------------------------------------------------------------

_HOLIDAYS = sorted(list(V.holidays_fixed) + list(V.holidays_nth) + ["easter", "easter sunday", "good friday", "election day"],
                   key=len, reverse=True)


@rule("holiday", r"(?:(?P<rel>last|next|this|this\s+past)\s+)?(?P<h>(?-i:[A-Z])(?:"
      + "|".join(re.escape(h[1:]).replace(r"\ ", r"\s+") for h in _HOLIDAYS)
      + rf"))(?:(?:\s+of)?,?\s+(?P<year>{YEAR}))?")
def _holiday(m: re.Match[str], text: str) -> Cand | None:
    h = norm(m["h"])
    if h not in _HOLIDAYS:
        return None
    explicit = int(m["year"]) if m["year"] else None
    rel = norm(m["rel"] or "")

    def date_in(y: int) -> dt.date | None:
        if h in V.holidays_fixed:
            mo, d = V.holidays_fixed[h].split("-")
            return dt.date(y, int(mo), int(d))
        if h in V.holidays_nth:
            mo, wd, n = V.holidays_nth[h]
            return cal.nth_weekday(y, mo, wd, n)
        if h in ("easter", "easter sunday"):
            return cal.easter(y)
        if h == "good friday":
            return cal.easter(y) - dt.timedelta(days=2)
        if h == "election day":
            return cal.nth_weekday(y, 11, 1, 1) + dt.timedelta(days=1)
        return None

    def resolve(ctx: Ctx) -> Resolved:
        if explicit:
            d = date_in(explicit)
            return ("DATE", cal.ymd(d)) if d else None
        if ctx.dct is None:
            return "DATE", "XXXX-XX-XX"
        this = date_in(ctx.dct.year)
        if this is None:
            return None
        direction = {"last": "past", "this past": "past", "next": "future"}.get(rel, ctx.direction)
        if direction == "past" and this > ctx.dct:
            this = date_in(ctx.dct.year - 1)
        elif direction == "future" and this < ctx.dct:
            this = date_in(ctx.dct.year + 1)
        return "DATE", cal.ymd(this) if this else None  # type: ignore[return-value]
    return _cand(m, resolve, year=explicit, needs_direction=explicit is None and not rel, position=True)


# times of day -----------------------------------------------------------------------------------

_ZONE = r"(?:\s+(?-i:[ECMP][SD]T|GMT|UTC|BST|CET|CEST|MSK|IST|JST|ET|PT))?(?:\s+local\s+time)?"


@rule("clock",
      r"(?P<h>[01]?\d|2[0-3])(?:[:.](?P<min>[0-5]\d))?\s*(?P<ampm>a\.\s?m\.?|p\.\s?m\.?|am\b|pm\b|o['’]clock)"
      + _ZONE + rf"(?:\s+(?P<part>in\s+the\s+(?:morning|afternoon|evening)|at\s+night))?"
      rf"|(?P<h24>[01]?\d|2[0-3]):(?P<min24>[0-5]\d)(?=\s*(?-i:[ECMP][SD]T|GMT|UTC|local\s+time|hours|h\b))"
      + _ZONE + r"|(?P<noon>noon|midnight|midday)")
def _clock(m: re.Match[str], text: str) -> Cand | None:
    if m["noon"]:
        hh, mm = (24 if norm(m["noon"]) == "midnight" else 12), 0
    elif m["h24"]:
        hh, mm = int(m["h24"]), int(m["min24"])
    else:
        hh, mm = int(m["h"]), int(m["min"] or 0)
        ampm = norm(m["ampm"]).replace(" ", "")
        part = norm(m["part"] or "")
        if (ampm.startswith("p") or "afternoon" in part or "evening" in part or "night" in part) and hh < 12:
            hh += 12
        elif ampm.startswith("a") and hh == 12:
            hh = 0
    end = m.end()
    if m.group(0).endswith((" ", ".")) and not re.search(r"[ap]\.\s?m\.$", m.group(0), re.I):
        end -= 1
    c = Cand(start=m.start(), end=end, rule="", quantity=True,
             resolve=lambda ctx: ("TIME", (cal.ymd(ctx.dct) if ctx.dct else "XXXX-XX-XX") + f"T{hh:02d}:{mm:02d}"))
    c.extra["clock"] = (hh, mm)
    return c


# vague stretches: "recent years", "the coming months", "the weeks ahead", "a while" ------------

@rule("vague_span",
      r"(?:(?P<the>the)\s+)?(?P<rel>coming|recent|past|previous|ensuing|intervening|next|last|"
      r"following|preceding|subsequent|early|later)\s+(?P<unit>years|months|weeks|days|decades|quarters|hours|"
      r"minutes|centuries)|(?:the\s+)(?P<unit2>years|months|weeks|days|decades)\s+(?:ahead|to\s+come)")
def _vague_span(m: re.Match[str], text: str) -> Cand | None:
    rel = norm(m["rel"] or "")
    if rel in ("early", "later") and not m["the"]:
        return None
    unit = unit_name(m["unit"] or m["unit2"])
    if rel in ("past", "last", "next", "following", "previous") and not m["the"] and rel != "past":
        return None
    if unit == "year" and rel in ("recent", "past") and not m["the"]:
        return _cand(m, lambda ctx: ("DATE", "PAST_REF"))  # "in recent years": TimeBank practice
    return _cand(m, lambda ctx: ("DURATION", duration_value(None, unit)))


@rule("while", r"(?:a\s+(?:(?:short|long|little|brief|lengthy|fairly\s+lengthy)\s+)?(?:while|time|period)|"
      r"some\s+time)")
def _while(m: re.Match[str], text: str) -> Cand | None:
    words = norm(m.group(0))
    if words.endswith(("time", "period")) and not re.search(r"\b(?:short|long|brief|lengthy)\b|some time", words):
        return None
    if re.match(r"\s+(?:when|that|in\s+which|of|to|after|before|since|ago)\b", text[m.end():m.end() + 12], re.I):
        return None
    return _cand(m, lambda ctx: ("DURATION", "PXX"))


@rule("units_ago", r"(?P<unit>years|months|weeks|days|decades)\s+ago")
def _units_ago(m: re.Match[str], text: str) -> Cand | None:
    return _cand(m, lambda ctx: ("DATE", "PAST_REF"))


@rule("the_weekend", r"(?P<rel>the|this|last|next|this\s+past|this\s+coming)\s+weekend")
def _the_weekend(m: re.Match[str], text: str) -> Cand | None:
    rel = norm(m["rel"])
    shift = {"last": -1, "this past": -1, "next": 1, "this coming": 1}.get(rel)

    def resolve(ctx: Ctx) -> Resolved:
        if ctx.dct is None:
            return "DATE", "XXXX-WXX-WE"
        d = ctx.dct
        if shift is not None:
            weeks = shift
        elif ctx.direction == "future" or rel == "this":
            weeks = 0
        else:
            weeks = 0 if d.isoweekday() >= 6 else -1
        return "DATE", cal.iso_week(d + dt.timedelta(weeks=weeks)) + "-WE"
    return _cand(m, resolve, needs_direction=shift is None, position=True)


@rule("the_year_ended", r"the\s+(?:(?:fiscal|financial|full|whole|entire)\s+)?(?P<unit>year|quarter|month|week)"
      r"(?=\s+(?:ended|ending|that\s+ended|which\s+ended|to)\b)")
def _year_ended(m: re.Match[str], text: str) -> Cand | None:
    unit = norm(m["unit"])
    return _cand(m, lambda ctx: ("DURATION", duration_value(1.0, unit)))


@rule("the_full_year", r"the\s+(?:full|whole|entire|current|calendar)\s+(?:fiscal\s+)?year")
def _full_year(m: re.Match[str], text: str) -> Cand | None:
    return _cand(m, lambda ctx: ("DATE", _y(ctx)))


@rule("in_the_year", r"(?P<pos>earlier|later|early|late)\s+in\s+the\s+(?P<unit>year|month|week|day|decade)")
def _in_the_year(m: re.Match[str], text: str) -> Cand | None:
    unit = norm(m["unit"])
    mod = "START" if norm(m["pos"]).startswith("earl") else "END"
    return _cand(m, lambda ctx: relative_unit(unit, 0, ctx), mod=mod)
