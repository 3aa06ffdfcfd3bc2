"""Grammar rules for calendar expressions: written dates, months, weekdays, years, decades,
centuries, holidays and clock times ("February 24, 2022", "Monday", "the 1990s", "5 p.m. EST").

Rules register themselves with :func:`newsevents.timex_grammar.rule` on import.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from . import timex_calendar as cal
from .timex_grammar import (
    DAY,
    MONTH,
    MONTH_FULL,
    ORD,
    PART,
    SPOKEN_YEAR,
    T_MONTH,
    T_WEEKDAY,
    WEEKDAY,
    YEAR,
    Cand,
    Ctx,
    Resolved,
    V,
    _cand,
    _sentence_initial,
    _y,
    rule,
)
from .timex_vocab import (
    month_number,
    norm,
    ordinal_number,
    spoken_year,
    weekday_number,
)

# ISO and numeric dates --------------------------------------------------------------------

@rule("iso_date", r"(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})", triggers="#year", reach=(2, 14))
def _iso(m: re.Match[str], text: str) -> Cand | None:
    y, mo, d = int(m["y"]), int(m["m"]), int(m["d"])
    if cal.safe_date(y, mo, d) is None:
        return None
    return _cand(m, lambda ctx: ("DATE", f"{y:04d}-{mo:02d}-{d:02d}"), year=y)


@rule("slash_date", r"(?P<m>1[0-2]|0?[1-9])/(?P<d>[12]\d|3[01]|0?[1-9])/(?P<y>\d{4}|\d{2})", triggers="#num", reach=(2, 14))
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
      r"(?:\s*[-–]\s*(?P<day2>[12]\d|3[01]|0?[1-9]))?"  # "Jan. 15-16": valued as its first day
      rf"(?:(?:,\s*|\s+)(?P<year>{YEAR}|{SPOKEN_YEAR}))?", triggers=T_MONTH)
def _md(m: re.Match[str], text: str) -> Cand | None:
    month = month_number(m["mon"])
    day = ordinal_number(re.sub(r"^the\s+", "", m["day"], flags=re.IGNORECASE))
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
      rf"(?:,?\s+(?P<year>{YEAR}))?", triggers=T_MONTH)
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

@rule("month_year", rf"(?P<mon>{MONTH})(?:\s+of)?,?\s+(?P<year>{YEAR}|{SPOKEN_YEAR})", triggers=T_MONTH)
def _my(m: re.Match[str], text: str) -> Cand | None:
    month = month_number(m["mon"])
    year = int(m["year"]) if m["year"].isdigit() else spoken_year(m["year"])
    if month is None or year is None:
        return None
    return _cand(m, lambda ctx: ("DATE", cal.ym(year, month)), year=year, position=True)


@rule("month_rel_year", rf"(?P<mon>{MONTH_FULL})\s+(?P<rel>this|last|next)\s+year", triggers=T_MONTH)
def _mry(m: re.Match[str], text: str) -> Cand | None:
    month = month_number(m["mon"])
    shift = {"this": 0, "last": -1, "next": 1}[norm(m["rel"])]
    assert month is not None
    return _cand(m, lambda ctx: ("DATE", cal.ym(int(_y(ctx, shift)), month)) if ctx.dct
                 else ("DATE", f"XXXX-{month:02d}"), position=True)


@rule("month", rf"(?P<mon>{MONTH_FULL})", triggers=T_MONTH)
def _month(m: re.Match[str], text: str) -> Cand | None:
    month = month_number(m["mon"])
    if month is None:
        return None
    if m["mon"] in ("May", "March") and _sentence_initial(text, m.start()):
        return None
    if m["mon"] == "May" and re.match(r"\s+(?:be|have|not|well|also|never|I|we|you)\b", text[m.end():]):
        return None
    if (re.search(r"\b(?:the|a|an|annual)\s+$", text[max(0, m.start() - 8):m.start()], re.IGNORECASE)
            and re.match(r"\s+(?:for|of|on|to|against|through)\b", text[m.end():])):
        return None  # "the annual March for Life": a march, not a month

    def resolve(ctx: Ctx) -> Resolved:
        if ctx.dct is None:
            return "DATE", f"XXXX-{month:02d}"
        if ctx.direction is None and month in ctx.month_years:
            return "DATE", cal.ym(ctx.month_years[month], month)  # the April already named
        return "DATE", cal.ym(cal.month_year(month, ctx.dct, ctx.direction), month)
    return _cand(m, resolve, needs_direction=True, position=True)




# Weekdays -----------------------------------------------------------------------------------

def _weekday_resolver(wd: int, shift: int, this_week: bool, anaphoric: bool = False,
                      part: str | None = None) -> Callable[[Ctx], Resolved]:
    """A weekday's date.  "Friday evening" / "Friday afternoon" are TIMEs with the TimeML part
    code (``1998-02-12TEV``); "Friday night" and "Friday morning" are valued as the day itself,
    TimeBank's majority practice (measured on TBAQ: the part code there loses more gold values
    than it gains, while for evening and afternoon it only gains).  "the previous Friday" /
    "the following Monday" count from the reference time (the last day the text named)."""
    code = V.parts_of_day[part] if part in ("evening", "afternoon") else None

    def resolve(ctx: Ctx) -> Resolved:
        if ctx.dct is None:
            return "DATE", f"XXXX-WXX-{wd}"
        if this_week:
            d = cal.this_week_weekday(wd, ctx.dct)
        else:
            base = ctx.ref if anaphoric and ctx.ref is not None else ctx.dct
            d = cal.weekday_date(wd, base, ctx.direction, shift)
        return ("TIME", cal.ymd(d) + f"T{code}") if code else ("DATE", cal.ymd(d))
    return resolve


@rule("weekday",
      rf"(?:(?P<rel>last|next|this(?:\s+(?:past|coming))?|the\s+(?:previous|following|next)|coming)\s+)?"
      rf"(?P<wd>{WEEKDAY})(?:\s+(?P<part>{PART}))?", triggers=T_WEEKDAY, reach=(30, 20))
def _weekday(m: re.Match[str], text: str) -> Cand | None:
    wd = weekday_number(m["wd"])
    if wd is None:
        return None
    rel = norm(m["rel"] or "")
    shift = (-1 if rel in ("last", "this past", "the previous")
             else 1 if rel in ("next", "coming", "this coming", "the following", "the next") else 0)
    resolve = _weekday_resolver(wd, shift, rel == "this", anaphoric=rel.startswith("the "),
                                part=norm(m["part"]) if m["part"] else None)
    return _cand(m, resolve, needs_direction=shift == 0 and rel != "this", position=True, quantity=True)


@rule("weekday_set", rf"(?:(?:every|each)\s+(?P<wd1>{WEEKDAY})|(?P<wd2>{WEEKDAY})s)(?:\s+(?P<part>{PART})s?)?", triggers=("every", "each") + tuple(w + "s" for w in T_WEEKDAY))
def _weekday_set(m: re.Match[str], text: str) -> Cand | None:
    wd = weekday_number(m["wd1"] or m["wd2"])
    part = f"T{V.parts_of_day[norm(m['part'])]}" if m["part"] else ""
    return _cand(m, lambda ctx: ("SET", f"XXXX-WXX-{wd}{part}"))


# years, decades, centuries ------------------------------------------------------------------

@rule("year", rf"(?:(?P<pre>fiscal(?:\s+year)?|the\s+year|calendar|FY|year)\s+)?(?P<year>{YEAR})"
      r"(?:(?P<range>-|–|/)(?P<y2>\d{2}|\d{4}))?", triggers="#year", reach=(30, 16))
def _year(m: re.Match[str], text: str) -> Cand | None:
    year = int(m["year"])
    before = text[max(0, m.start() - 12):m.start()]
    after = text[m.end():m.end() + 16]
    if re.search(r"[$£€#]\s*$|\bNo\.\s*$|\bNumber\s*$|[\d.,]$", before, re.IGNORECASE):
        return None
    if re.match(r"\s*(?:%|percent|per\s+cent|[.,]\d|\d|:\d|million|billion|tons?|troops|soldiers|"
                r"people|persons|men|women|feet|meters|metres|miles|kilometers|km|points?|votes|"
                r"barrels|shares|units|cars|jobs|dollars|euros|yuan)\b", after, re.IGNORECASE):
        return None
    if m["range"] and m["y2"]:
        return None
    return _cand(m, lambda ctx: ("DATE", f"{year:04d}"), year=year, position=True)


@rule("spoken_year", rf"(?:the\s+year\s+)?(?P<y>{SPOKEN_YEAR})", triggers="nineteen eighteen thousand")
def _spoken_year(m: re.Match[str], text: str) -> Cand | None:
    year = spoken_year(m["y"])
    if year is None:
        return None
    if not m.group(0).lower().startswith("the year") and not re.match(r"(?:nineteen|eighteen)", m["y"], re.IGNORECASE):
        return None
    return _cand(m, lambda ctx: ("DATE", f"{year:04d}"), year=year, position=True)


_DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6,
                 "seventies": 7, "eighties": 8, "nineties": 9}


@rule("decade",
      r"(?:(?P<the>the)\s+)?(?:(?P<pos>early|mid|late)(?:-|\s+))?"
      r"(?:(?P<cent>\d\d)(?P<d>\d)0['’]?s|['’](?P<d2>\d)0s|(?:nineteen[\s-]+)?(?P<w>"
      + "|".join(_DECADE_WORDS) + "))", triggers="#year #num twenties thirties forties fifties sixties seventies eighties nineties", reach=(25, 12))
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


@rule("century", rf"(?:the\s+)?(?P<n>{ORD})[\s-]+century", triggers="century")
def _century(m: re.Match[str], text: str) -> Cand | None:
    n = ordinal_number(m["n"])
    if n is None or not 1 <= n <= 22:
        return None
    return _cand(m, lambda ctx: ("DATE", f"{n - 1:02d}"), position=True)


# holidays -------------------------------------------------------------------------------------

_HOLIDAYS = sorted(list(V.holidays_fixed) + list(V.holidays_nth) + ["easter", "easter sunday", "good friday", "election day"],
                   key=len, reverse=True)


_HOLIDAY_TRIGGERS = tuple({re.split(r"[\s']", h)[0] for h in _HOLIDAYS})


@rule("holiday", r"(?:(?P<rel>last|next|this|this\s+past)\s+)?(?P<h>(?-i:[A-Z])(?:"
      + "|".join(re.escape(h[1:]).replace(r"\ ", r"\s+") for h in _HOLIDAYS)
      + rf"))(?P<week>\s+week(?!end))?(?:(?:\s+of)?,?\s+(?P<year>{YEAR}))?", triggers=_HOLIDAY_TRIGGERS)
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
            return ("DATE", _day_or_week(d)) if d else None
        if ctx.dct is None:
            return "DATE", "XXXX-XX-XX"
        this = date_in(ctx.dct.year)
        if this is None:
            return None
        direction = {"last": "past", "this past": "past", "next": "future"}.get(rel, ctx.direction)
        begins = this - dt.timedelta(days=6 if m["week"] else 0)  # "Easter week began": the days up to Easter
        if direction == "past" and begins > ctx.dct:
            this = date_in(ctx.dct.year - 1)
        elif direction == "future" and this < ctx.dct:
            this = date_in(ctx.dct.year + 1)
        return "DATE", _day_or_week(this) if this else None  # type: ignore[return-value]

    def _day_or_week(d: dt.date) -> str:
        return cal.iso_week(d) if m["week"] else cal.ymd(d)  # "Easter week": the week of Easter
    return _cand(m, resolve, year=explicit, needs_direction=explicit is None and not rel, position=True)


def _day_of_clock(ctx: Ctx) -> str:
    """A clock time with no day is on the reference day (the last day named; TimeML's anchor
    for "was shot at 10 p.m."), else on the document date."""
    day = ctx.ref or ctx.dct
    return cal.ymd(day) if day else "XXXX-XX-XX"


# times of day -----------------------------------------------------------------------------------

_ZONE = r"(?:\s+(?-i:[ECMP][SD]T|GMT|UTC|BST|CET|CEST|MSK|IST|JST|ET|PT))?(?:\s+local\s+time)?"


@rule("clock",
      r"(?P<h>[01]?\d|2[0-3])(?:[:.](?P<min>[0-5]\d))?\s*(?P<ampm>a\.\s?m\.?|p\.\s?m\.?|am\b|pm\b|o['’]clock)"
      + _ZONE + r"(?:\s+(?P<part>in\s+the\s+(?:morning|afternoon|evening)|at\s+night))?"
      r"|(?P<h24>[01]?\d|2[0-3]):(?P<min24>[0-5]\d)(?=\s*(?-i:[ECMP][SD]T|GMT|UTC|local\s+time|hours|h\b))"
      + _ZONE + r"|(?P<noon>noon|midnight|midday)", triggers="#num noon midnight midday", reach=(4, 60))
def _clock(m: re.Match[str], text: str) -> Cand | None:
    if m["noon"] and re.search(r"\bhigh\s+$", text[max(0, m.start() - 6):m.start()], re.IGNORECASE):
        return None  # "High Noon", "high noon comes today": an idiom, not a clock time
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
    if m.group(0).endswith((" ", ".")) and not re.search(r"[ap]\.\s?m\.$", m.group(0), re.IGNORECASE):
        end -= 1
    c = Cand(start=m.start(), end=end, rule="", quantity=True,
             resolve=lambda ctx: ("TIME", _day_of_clock(ctx) + f"T{hh:02d}:{mm:02d}"))
    c.extra["clock"] = (hh, mm)
    return c
