"""Grammar rules for expressions relative to the document date: "last week", "next month",
"this summer", "yesterday", "the third quarter", "the year-ago period", "year-end".

Rules register themselves with :func:`newsevents.timex_grammar.rule` on import.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from . import timex_calendar as cal
from .timex_grammar import (
    MONTH_FULL,
    ORD,
    PART,
    REL,
    SPOKEN_YEAR,
    T_MONTH,
    YEAR,
    Cand,
    Ctx,
    Resolved,
    V,
    _cand,
    _y,
    duration_value,
    in_name,
    relative_unit,
    rule,
)
from .timex_vocab import (
    month_number,
    norm,
    spoken_year,
)

# this/last/next + unit, month, season ---------------------------------------------------------

_SHIFT = {"this": 0, "current": 0, "the current": 0, "last": -1, "past": -1, "previous": -1,
          "the past": -1, "the last": -1, "the previous": -1, "this past": -1,
          "next": 1, "coming": 1, "the next": 1, "the coming": 1, "this coming": 1,
          "following": 1, "the following": 1, "the same": 0, "that": 0}
_ANAPHORIC = {"following", "the following", "the same", "that", "previous", "the previous"}


_RESULTS_AFTER = re.compile(r"['\u2019]s\s+(?:\w+\s+)?(?:loss|profit|results|earnings|net|sales|revenues?)\b",
                            re.IGNORECASE)


@rule("rel_unit", rf"{REL}\s+(?:(?:fiscal|calendar)\s+)?(?P<unit>year|month|week|weekend|quarter|decade|century)", triggers="year month week weekend quarter decade century")
def _rel_unit(m: re.Match[str], text: str) -> Cand | None:
    if in_name(text, m.start(), m.end()):
        return None  # "This Week With David Brinkley"
    rel = norm(m["rel"])
    unit = norm(m["unit"])
    shift = _SHIFT[rel]
    if rel in ("that", "the same") and unit not in ("year", "month", "week"):
        return None
    if rel == "this" and unit == "quarter" and _RESULTS_AFTER.match(text, m.end()):
        return None  # "this quarter's loss": the quarter being reported (rule "the_quarter")
    if unit in ("decade", "century") and rel in ("the past", "the last", "past", "last"):
        return _cand(m, lambda ctx: ("DURATION", duration_value(1, unit)), position=False)
    if rel in ("the next", "the coming") and unit in ("decade", "century"):
        return _cand(m, lambda ctx: ("DURATION", duration_value(1, unit)))

    def resolve(ctx: Ctx) -> Resolved:
        if unit == "year" and rel in _ANAPHORIC and ctx.anchor_year is not None:
            return "DATE", f"{ctx.anchor_year + shift:04d}"
        base = ctx.ref_month if unit == "month" else ctx.ref if unit == "week" else None
        if rel in _ANAPHORIC and base is not None:
            # "the following month", "that week": from the last month or day named
            return relative_unit(unit, shift, replace(ctx, dct=base))
        return relative_unit(unit, shift, ctx)
    return _cand(m, resolve, position=True)


@rule("rel_month", rf"{REL}\s+(?P<mon>{MONTH_FULL})", triggers=T_MONTH)
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
            # the month just ended is "last month": "last February" written in March is a year back
            y = d.year if month < d.month - 1 else d.year - 1
        elif shift > 0:
            y = d.year if month > d.month else d.year + 1
        else:
            y = d.year
        return "DATE", cal.ym(y, month)
    return _cand(m, resolve, position=True)


@rule("season",
      rf"(?:(?P<rel>this\s+past|this\s+coming|this|last|next|the|coming|that)\s+)?"
      rf"(?:(?P<pos>early|mid|late)[\s-]+)?(?P<season>{V.season})"
      rf"(?:(?:\s+of)?,?\s+(?P<year>{YEAR}|{SPOKEN_YEAR}))?", triggers="spring summer fall autumn winter")
def _season(m: re.Match[str], text: str) -> Cand | None:
    season = V.seasons[norm(m["season"])]
    rel = norm(m["rel"] or "")
    year = None
    if m["year"]:
        year = int(m["year"]) if m["year"].isdigit() else spoken_year(m["year"])
    word = norm(m["season"])
    # "spring" and "fall" are also nouns and verbs: alone they need a preposition before them
    if (not rel and not year and not m["pos"] and word in ("spring", "fall", "autumn")
            and not re.search(r"\b(?:in|during|since|until|by|through|this|last|next|early|late)\s+$",
                              text[max(0, m.start() - 12):m.start()], re.IGNORECASE)):
        return None
    if rel == "that":
        return None
    shift = {"last": -1, "this past": -1, "next": 1, "this coming": 1, "coming": 1}.get(rel, 0)
    mod = {"early": "START", "mid": "MID", "late": "END"}.get(norm(m["pos"] or ""))

    def resolve(ctx: Ctx) -> Resolved:
        if year is not None:
            return "DATE", f"{year:04d}-{season}"
        if ctx.dct is None:
            return "DATE", f"XXXX-{season}"
        direction = ctx.direction if rel in ("", "the", "this") else None
        return "DATE", f"{cal.season_year(season, ctx.dct, direction, shift):04d}-{season}"
    return _cand(m, resolve, mod=mod, year=year, needs_direction=rel in ("", "the", "this") and year is None,
                 position=mod is None)


# yesterday / today / tomorrow / tonight, parts of day ----------------------------------------

@rule("deictic_day",
      r"(?:the\s+day\s+(?P<beyond>before\s+yesterday|after\s+tomorrow)|"
      rf"(?P<word>yesterday|today|tomorrow|tonight))(?:\s+(?P<part>{PART}))?", triggers="yesterday today tomorrow tonight")
def _deictic(m: re.Match[str], text: str) -> Cand | None:
    if in_name(text, m.start(), m.end()):
        return None  # "USA Today"
    if _generic_today(text, m):
        return None  # "today's youth": the present era, not the day
    if m["beyond"]:
        shift = -2 if "yesterday" in m["beyond"].lower() else 2
        word = ""
    else:
        word = norm(m["word"])
        shift = {"yesterday": -1, "today": 0, "tomorrow": 1, "tonight": 0}[word]
    part = norm(m["part"]) if m["part"] else ("night" if word == "tonight" else None)

    def resolve(ctx: Ctx) -> Resolved:
        suffix = f"T{V.parts_of_day[part]}" if part else ""
        typ = "TIME" if part else "DATE"
        if ctx.dct is None:
            return (typ, "PRESENT_REF") if shift == 0 and not part else (typ, f"XXXX-XX-XX{suffix}")
        return typ, cal.ymd(ctx.dct + dt.timedelta(days=shift)) + suffix
    return _cand(m, resolve, position=True)


def _generic_today(text: str, m: re.Match[str]) -> bool:
    """'today's world', 'many of today's computers': 'today' in its sense of 'nowadays'."""
    if norm(m["word"] or "") != "today" or m["part"]:
        return False
    after = text[m.end():m.end() + 40]
    if not re.match(r"['\u2019]s\s", after):
        return False
    if re.search(r"\bof\s+$", text[max(0, m.start() - 12):m.start()]) and \
            not re.match(r"['\u2019]s\s+(?:editions?|issues?|papers?|meeting|session|trading|vote|game|match|"
                         r"events?|programs?|shows?|broadcast|quiz|agenda|schedule)\b", after, re.IGNORECASE):
        return True  # "many of today's personal computers"
    return bool(re.match(r"['\u2019]s\s+(?:\w+\s+)?(?:world|youth|society|generations?|young|children|kids|teenagers|"
                         r"families|consumers|economy|standards|technology)\b", after, re.IGNORECASE))


@rule("rel_part", rf"(?P<rel>this|last|tomorrow|yesterday|the)\s+(?P<part>{PART})", triggers="morning afternoon evening night")
def _rel_part(m: re.Match[str], text: str) -> Cand | None:
    rel = norm(m["rel"])
    part = norm(m["part"])
    if rel == "last" and part != "night":
        return None
    # "the morning" only when it clearly names a time ("in the morning" of the day)
    if rel == "the" and not re.search(r"\b(?:in|during|by|overnight|early|late)\s+$",
                                      text[max(0, m.start() - 10):m.start()], re.IGNORECASE):
        return None
    shift = -1 if rel in ("last", "yesterday") else 1 if rel == "tomorrow" else 0
    code = V.parts_of_day[part]

    def resolve(ctx: Ctx) -> Resolved:
        if ctx.dct is None:
            return "TIME", f"XXXX-XX-XXT{code}"
        base = ctx.ref if rel == "the" and ctx.ref is not None else ctx.dct  # "in the morning": of the day just named
        return "TIME", cal.ymd(base + dt.timedelta(days=shift)) + f"T{code}"
    return _cand(m, resolve, position=True)


@rule("part_alone", r"(?P<pos>early|mid|late)[\s-]*(?P<part>morning|afternoon|evening)"
      r"(?:\s+(?P<day>yesterday|today|tomorrow))?", triggers="morning afternoon evening")
def _part_alone(m: re.Match[str], text: str) -> Cand | None:
    """'mid-afternoon', 'late morning yesterday': a part of the reference day (the document
    date unless a day was just named), with the position as mod."""
    code = V.parts_of_day[norm(m["part"])]
    mod = {"early": "START", "mid": "MID", "late": "END"}[norm(m["pos"])]
    shift = {"yesterday": -1, "tomorrow": 1, "today": 0, "": 0}[norm(m["day"] or "")]

    def resolve(ctx: Ctx) -> Resolved:
        base = ctx.dct if m["day"] else (ctx.ref or ctx.dct)
        if base is None:
            return "TIME", f"XXXX-XX-XXT{code}"
        return "TIME", cal.ymd(base + dt.timedelta(days=shift)) + f"T{code}"
    return _cand(m, resolve, mod=mod)


@rule("nth_day", rf"the\s+(?:{ORD})\s+(?:straight\s+|consecutive\s+|successive\s+)?day(?!s)", triggers="day")
def _nth_day(m: re.Match[str], text: str) -> Cand | None:
    """'Today is the eighth day of the blockade', 'It was the second day of the offensive': the
    day itself (the document date, or the day the story is at when told in the past)."""
    verb = re.search(r"\b(is|was|['’]s)\s+$", text[max(0, m.start() - 6):m.start()], re.IGNORECASE)
    if verb is None:
        return None
    past = verb.group(1).lower() == "was"

    def resolve(ctx: Ctx) -> Resolved:
        day = (ctx.ref or ctx.dct) if past else ctx.dct
        return ("DATE", cal.ymd(day)) if day else ("DATE", "XXXX-XX-XX")
    return _cand(m, resolve)


@rule("day_next_to_event", r"the\s+day\s+(?P<dir>before|after)(?=\s+(?:the|his|her|their|its|a|an)\s)",
      triggers="day")
def _day_next_to_event(m: re.Match[str], text: str) -> Cand | None:
    """'showed up the day after his death': a day next to an event, counted from the reference
    time; in apposition to a date ("Oct. 12, the day before the crash") it is that date."""
    appositive = re.search(r"\d,\s+$", text[max(0, m.start() - 4):m.start()])
    shift = 0 if appositive else -1 if norm(m["dir"]) == "before" else 1

    def resolve(ctx: Ctx) -> Resolved:
        if ctx.ref is None:
            return None
        return "DATE", cal.ymd(ctx.ref + dt.timedelta(days=shift))
    return _cand(m, resolve)


@rule("anaphoric_day",
      r"(?P<det>that(?:\s+same)?|the\s+same|the\s+(?:next|following|previous|preceding))\s+"
      rf"(?P<unit>day|{PART})", triggers="day morning afternoon evening night")
def _anaphoric_day(m: re.Match[str], text: str) -> Cand | None:
    """'that day', 'the next morning', 'the previous evening': a day counted from the reference
    time (the last day the text named; the document date when none), as TimeML anchors them.
    A part of day is valued as the day, like "Friday night" (TimeBank's practice)."""
    det = norm(m["det"])
    unit = norm(m["unit"])
    if det == "the next" and unit == "day" and re.match(r"\s+or\b", text[m.end():m.end() + 5]):
        return None  # "the next day or two": a vague stretch
    shift = 1 if det in ("the next", "the following") else -1 if det in ("the previous", "the preceding") else 0

    def resolve(ctx: Ctx) -> Resolved:
        base = ctx.ref or ctx.dct
        if base is None:
            return "DATE", "XXXX-XX-XX"
        return "DATE", cal.ymd(base + dt.timedelta(days=shift))
    return _cand(m, resolve, position=True)


# quarters and halves --------------------------------------------------------------------------

_Q_ORD = r"(?P<q>first|second|third|fourth|1st|2nd|3rd|4th|final|last)"
_Q_YEARREF = (r"(?P<yref>this\s+year['’]s|last\s+year['’]s|next\s+year['’]s|the\s+year-ago|the\s+year-earlier|"
              r"year-ago|year-earlier|the\s+comparable|the\s+same|a\s+year-earlier|a\s+year-ago)")


@rule("quarter",
      rf"(?:(?:{_Q_YEARREF}|the|its|their|a|(?P<y1>{YEAR}))[\s-]+)?(?:(?:(?P<y0>{YEAR})|fiscal|calendar)[\s-]+)?"
      rf"{_Q_ORD}[\s-]+(?:fiscal[\s-]+|calendar[\s-]+)?(?P<unit>quarter|half|period)"
      rf"(?:\s+of\s+(?:(?:fiscal|calendar)\s+)?(?P<y2>{YEAR}|this\s+year|last\s+year|next\s+year|the\s+year))?", triggers="quarter half period")
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
    the_year = yref == "the year"  # "the second half of the year": the year last named

    def resolve(ctx: Ctx) -> Resolved:
        if explicit:
            return "DATE", f"{int(explicit):04d}-{letter}{n}"
        if the_year and ctx.anchor_year is not None:
            return "DATE", f"{ctx.anchor_year:04d}-{letter}{n}"
        if ctx.dct is None:
            return "DATE", f"XXXX-{letter}{n}"
        y = ctx.dct.year + shift
        if not yref:
            current = cal.quarter_of(ctx.dct) if letter == "Q" else (1 if ctx.dct.month <= 6 else 2)
            if n > current and ctx.direction != "future":
                y -= 1
        return "DATE", f"{y:04d}-{letter}{n}"
    c = _cand(m, resolve, year=int(explicit) if explicit else None, needs_direction=not explicit,
              position=True)
    if shift < 0 or re.search(r"\ban?\s+(?:flat|strong|weak|poor|disappointing|record|difficult|tough)\s+$",
                              text[max(0, m.start() - 20):m.start()], re.IGNORECASE):
        # "the year-ago third quarter", "after a flat second quarter": not the one reported
        c.extra["year_ago_quarter"] = True
    return c


@rule("two_quarters", rf"(?:the\s+)?(?P<pos>first|last|second)\s+two\s+quarters\s+of\s+(?:(?:fiscal|calendar)\s+)?(?P<y>{YEAR})",
      triggers="quarters")
def _two_quarters(m: re.Match[str], text: str) -> Cand | None:
    """'the first two quarters of 1990': that year's first half."""
    half = 1 if norm(m["pos"]) == "first" else 2
    year = int(m["y"])
    return _cand(m, lambda ctx: ("DATE", f"{year:04d}-H{half}"), year=year)


@rule("half_decade", r"the\s+(?P<pos>first|second|last|latter)\s+half\s+of\s+(?:the\s+)?"
      r"(?P<dec>(?:1[6-9]|20)\d0s|['’]\d0s)", triggers="half")
def _half_decade(m: re.Match[str], text: str) -> Cand | None:
    """'the last half of the '80s': the decade, with START or END."""
    dec = m["dec"].lstrip("'’").rstrip("s")
    mod = "START" if norm(m["pos"]) == "first" else "END"

    def resolve(ctx: Ctx) -> Resolved:
        if len(dec) == 4:
            return "DATE", dec[:3]
        if ctx.dct is None:
            return "DATE", f"XX{dec[0]}"
        century = ctx.dct.year // 100 - (1 if int(dec) > ctx.dct.year % 100 else 0)
        return "DATE", f"{century:02d}{dec[0]}"
    return _cand(m, resolve, mod=mod)


@rule("quarter_adj", rf"{_Q_ORD}-(?P<unit>quarter|half)", triggers="quarter half")
def _quarter_adj(m: re.Match[str], text: str) -> Cand | None:
    return _quarter_simple(m)


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
      r"(?P<det>the|this|that|its|their|a|last\s+year['’]s)\s+(?:(?P<adj>latest|current|past|last|previous|recent|most\s+recent|"
      r"year-ago|year-earlier|comparable|same|just-ended|just\s+ended|fiscal|corresponding|"
      r"comparable\s+year-ago|comparable\s+year-earlier|flat|strong|weak|disappointing)[\s-]+)*"
      rf"(?:(?P<yr>{YEAR})\s+)?(?P<unit>quarter|period)(?P<ago>\s+(?:a\s+year\s+(?:ago|earlier)|last\s+year))?", triggers="quarter period", reach=(80, 25))
def _the_quarter(m: re.Match[str], text: str) -> Cand | None:
    words = norm(m.group(0))
    det = norm(m["det"])
    if m["unit"].lower() == "period" and not m["yr"] and not re.search(
            r"year-(?:ago|earlier)|comparable|same|corresponding|latest", words):
        return None
    if det == "a" and not re.search(r"flat|strong|weak|disappointing", words):
        return None
    if re.match(r"[\s-]+(?:of|century|mile|point|percent|inch)", text[m.end():m.end() + 10], re.IGNORECASE):
        return None
    year_ago = bool(re.search(r"year-(?:ago|earlier)|a year (?:ago|earlier)|same|comparable|corresponding|"
                              r"last year", words))
    current = ("current" in words or det == "this") and not year_ago
    if det == "this" and _RESULTS_AFTER.match(text, m.end()):
        current = False  # "this quarter's loss includes ...": results are of a quarter that has ended

    def resolve(ctx: Ctx) -> Resolved:
        if ctx.dct is None:
            return "DATE", "XXXX-QX"
        y, q = ctx.dct.year, cal.quarter_of(ctx.dct)
        if not current:  # "the quarter" in news is the one just reported
            y, q = cal.add_quarters(y, q, -1)
        if year_ago:
            y -= 1
        if explicit:
            y = explicit
        return "DATE", f"{y:04d}-Q{q}"
    explicit = int(m["yr"]) if m["yr"] else None
    c = _cand(m, resolve, year=explicit)
    if not explicit and not year_ago and not current:
        c.extra["the_quarter"] = True
    if year_ago:
        c.extra["year_ago_quarter"] = True
    if explicit and m["unit"].lower() == "period":
        c.extra["year_period"] = explicit  # "the 1988 period": that year's part just named
    return c


@rule("year_ago_adj", r"(?P<w>year-earlier|year-ago|year-before)", triggers="year")
def _year_ago(m: re.Match[str], text: str) -> Cand | None:
    c = _cand(m, lambda ctx: ("DATE", _y(ctx, -1)))
    c.extra["year_back"] = True
    return c


@rule("year_end", r"(?:(?P<the>the\s+)?(?P<unit>year|month|week)(?:['’]s)?[\s-]+end|"
      r"the\s+(?P<pos>end|beginning|start|middle|close)\s+of\s+(?P<rel>the|this)\s+(?P<unit2>year|month|week|decade|century))", triggers="year month week decade century")
def _year_end(m: re.Match[str], text: str) -> Cand | None:
    unit = norm(m["unit"] or m["unit2"])
    mod = {"end": "END", "close": "END", "beginning": "START", "start": "START", "middle": "MID"}[norm(m["pos"] or "end")]
    return _cand(m, lambda ctx: relative_unit(unit, 0, ctx), mod=mod)


@rule("fiscal_year", r"(?P<det>the|this|its|their|last|next)\s+(?:(?P<adj>current|latest|previous|past|next|coming|full|new)\s+)?(?:fiscal|financial)\s+year", triggers="fiscal financial")
def _fiscal_year(m: re.Match[str], text: str) -> Cand | None:
    if re.match(r"\s+(?:that\s+|which\s+)?(?:ended|ending)\b", text[m.end():m.end() + 20]):
        return None  # "the fiscal year ended Jan. 31": a year-long period (rule the_year_ended)
    words = norm(m.group(0))
    shift = -1 if re.search(r"\b(?:previous|past|last|latest)\b", words) else 1 if re.search(r"\b(?:next|coming|new)\b", words) else 0
    return _cand(m, lambda ctx: ("DATE", _y(ctx, shift)))


@rule("quarter_code",
      rf"(?-i:(?P<y0>{YEAR})\s*(?P<p0>Q[1-4]|H[12])|(?P<p>Q[1-4]|H[12])(?:\s*(?:FY)?\s*(?P<y>{YEAR}|['’]\d\d))?"
      rf"|FY\s*(?P<fy>{YEAR}|['’]?\d\d))", triggers="q h fy #year", reach=(8, 12))
def _quarter_code(m: re.Match[str], text: str) -> Cand | None:
    """Business shorthand: "Q3 2024", "2024 H1", "FY2025", "Q1"."""
    raw_year = m["y0"] or m["y"] or m["fy"]
    year = None
    if raw_year:
        digits = raw_year.lstrip("'’")
        year = int(digits) if len(digits) == 4 else 2000 + int(digits)
    period = m["p0"] or m["p"]
    if period is None:  # FY2025
        return _cand(m, lambda ctx: ("DATE", f"{year:04d}"), year=year)
    letter, n = period[0], int(period[1])

    def resolve(ctx: Ctx) -> Resolved:
        if year is not None:
            return "DATE", f"{year:04d}-{letter}{n}"
        if ctx.dct is None:
            return "DATE", f"XXXX-{letter}{n}"
        current = cal.quarter_of(ctx.dct) if letter == "Q" else (1 if ctx.dct.month <= 6 else 2)
        y = ctx.dct.year
        if n > current and ctx.direction != "future":
            y -= 1
        elif n < current and ctx.direction == "future":
            y += 1
        return "DATE", f"{y:04d}-{letter}{n}"
    return _cand(m, resolve, year=year, needs_direction=year is None, position=True)
