"""Calendar arithmetic and TIMEX3 value formatting for the times stage.

Pure functions over ``datetime.date``: shifting by months, ISO weeks, quarters, seasons,
holidays (fixed, nth weekday, Easter), and choosing which occurrence of a year-less month,
day or weekday a text means given the *direction* of its clause (``"past"``, ``"future"``,
``"present"`` or ``None``).  When the document date is unknown, values keep the unknown
digits as ``X`` in the TimeML way (``XXXX-10``, ``XXXX-WXX-1``).
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

#: "near" is the nearest occurrence either way (after "until", "by", "from")
Direction = Literal["past", "future", "present", "near"] | None

#: with no tense to go by, a past occurrence is chosen unless it is this many times farther
#: away than the future one
PAST_BIAS = 2.0

SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def ymd(d: dt.date) -> str:
    return d.isoformat()


def ym(y: int, m: int) -> str:
    return f"{y:04d}-{m:02d}"


def iso_week(d: dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y:04d}-W{w:02d}"


def quarter_of(d: dt.date) -> int:
    return (d.month - 1) // 3 + 1


def add_months(y: int, m: int, k: int) -> tuple[int, int]:
    n = y * 12 + (m - 1) + k
    return n // 12, n % 12 + 1


def add_quarters(y: int, q: int, k: int) -> tuple[int, int]:
    n = y * 4 + (q - 1) + k
    return n // 4, n % 4 + 1


def safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def month_year(month: int, dct: dt.date, direction: Direction) -> int:
    """The year of a bare month name: the last one for past clauses, the next for future ones,
    otherwise the nearest (ties go to the document's year)."""
    if direction == "past":
        return dct.year if month <= dct.month else dct.year - 1
    if direction == "future":
        return dct.year if month >= dct.month else dct.year + 1
    bias = 1.0 if direction == "near" else PAST_BIAS
    # unknown: the nearest, with a bias to the past (news mostly reports what happened)
    if month == dct.month:
        return dct.year
    back = (dct.month - month) % 12
    ahead = (month - dct.month) % 12
    if back <= bias * ahead:
        return dct.year if month < dct.month else dct.year - 1
    return dct.year if month > dct.month else dct.year + 1


def month_day_year(month: int, day: int, dct: dt.date, direction: Direction) -> int:
    """The year of a month and day given without one (same rule as :func:`month_year`)."""
    this = safe_date(dct.year, month, min(day, 28) if month == 2 and day == 29 else day)
    if this is None:
        return dct.year
    past = this if this <= dct else safe_date(dct.year - 1, month, day)
    future = this if this >= dct else safe_date(dct.year + 1, month, day)
    if past is None or future is None:
        return dct.year
    back, ahead = (dct - past).days, (future - dct).days
    # news style gives the year of a date outside the current year: a day-month without one
    # that the tense would put in another year, ten months away, is more likely the near one
    # ("had been set to expire Nov. 6"; but "met on Jan. 20" written in December is this year's)
    if direction == "past" and not (back > 300 and ahead < 45 and past.year != dct.year):
        return past.year
    if direction == "future" and not (ahead > 300 and back < 45 and future.year != dct.year):
        return future.year
    bias = 1.0 if direction == "near" else PAST_BIAS
    return past.year if back <= bias * ahead else future.year


def weekday_date(weekday: int, dct: dt.date, direction: Direction, shift: int = 0) -> dt.date:
    """The date of a weekday (1 = Monday) named without a date.

    ``shift`` -1 is "last Friday" (strictly before the document date), +1 "next Friday"
    (strictly after), 0 the one the clause's direction points at: on or before the document
    date in past clauses, on or after it in future ones, the nearest otherwise.
    """
    if shift < 0:
        back = (dct.isoweekday() - weekday) % 7 or 7
        return dct - dt.timedelta(days=back)
    if shift > 0:
        ahead = (weekday - dct.isoweekday()) % 7 or 7
        return dct + dt.timedelta(days=ahead)
    back = (dct.isoweekday() - weekday) % 7
    ahead = (weekday - dct.isoweekday()) % 7
    if direction == "past":
        return dct - dt.timedelta(days=back)
    if direction in ("future", "present"):
        # "the talks begin Thursday": a weekday with a present tense is the scheduled one
        return dct + dt.timedelta(days=ahead)
    # unknown: news mostly reports what happened; the past one unless the future one is
    # clearly nearer
    return dct - dt.timedelta(days=back) if back <= PAST_BIAS * ahead else dct + dt.timedelta(days=ahead)


def this_week_weekday(weekday: int, dct: dt.date) -> dt.date:
    return dct + dt.timedelta(days=weekday - dct.isoweekday())


def season_year(season: str, dct: dt.date, direction: Direction, shift: int = 0) -> int:
    """The year of a season named without one ("last fall", "this summer", "in the spring").

    A winter belongs to the year it starts in (December)."""
    start = SEASON_START[season]
    # the instance containing dct or most recently begun before it, and whether it is over
    if season == "WI":
        if dct.month == 12:
            current, ended = dct.year, False
        else:
            current, ended = dct.year - 1, dct.month >= 3
    elif dct.month >= start:
        current, ended = dct.year, dct.month >= start + 3
    else:
        current, ended = dct.year - 1, True
    in_progress = not ended
    if shift < 0:
        return current if ended else current - 1
    if shift > 0:
        return current + 1
    if in_progress:
        return current
    if direction in ("future", "present"):
        return current + 1  # "elections are due in the autumn", written in December
    if direction == "past":
        return current
    # this summer / the summer: this calendar year's
    return dct.year if season != "WI" or dct.month == 12 else dct.year - 1


def easter(year: int) -> dt.date:
    """Gregorian Easter Sunday (anonymous Gregorian algorithm)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month = (h + l_ - 7 * m + 114) // 31
    day = (h + l_ - 7 * m + 114) % 31 + 1
    return dt.date(year, month, day)


def nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    """The nth (1-based; -1 = last) given weekday (1 = Monday) of a month."""
    if n > 0:
        first = dt.date(year, month, 1)
        offset = (weekday - first.isoweekday()) % 7
        return first + dt.timedelta(days=offset + 7 * (n - 1))
    nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
    last = nxt - dt.timedelta(days=1)
    return last - dt.timedelta(days=(last.isoweekday() - weekday) % 7)
