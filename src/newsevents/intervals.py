"""TIMEX3 date values as intervals of days: what "2025-01" with mod END covers.

Used to compare the times of event mentions (:mod:`newsevents.stories`): a value becomes the
first and last day it can mean; a mod narrows it (START, MID, END: the first, middle and last
third), opens it (BEFORE, AFTER and their kin) or widens it (APPROX). Durations and the
``PAST_REF``/``PRESENT_REF``/``FUTURE_REF`` values have no interval.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

_FULL = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_HALF = re.compile(r"^(\d{4})-H([12])$")
_SEASON = re.compile(r"^(\d{4})-(SP|SU|FA|WI)$")
_YEAR = re.compile(r"^(\d{4})$")
_DECADE = re.compile(r"^(\d{3})$")
_SEASONS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}
MIN, MAX = dt.date(1, 1, 1), dt.date(9999, 12, 31)


def _month_end(y: int, m: int) -> dt.date:
    y, m = y + (m - 1) // 12, (m - 1) % 12 + 1
    return dt.date(y, m, calendar.monthrange(y, m)[1])


def time_interval(value: str, mod: str | None = None) -> tuple[dt.date, dt.date] | None:
    """The days a TIMEX3 date value (with its mod) covers; None for durations and refs."""
    try:
        if m := _FULL.match(value):
            lo = hi = dt.date(int(m[1]), int(m[2]), int(m[3]))
        elif m := _MONTH.match(value):
            lo, hi = dt.date(int(m[1]), int(m[2]), 1), _month_end(int(m[1]), int(m[2]))
        elif m := _WEEK.match(value):
            lo = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
            hi = lo + dt.timedelta(days=6)
        elif m := _QUARTER.match(value):
            q = int(m[2])
            lo, hi = dt.date(int(m[1]), 3 * q - 2, 1), _month_end(int(m[1]), 3 * q)
        elif m := _HALF.match(value):
            h = int(m[2])
            lo, hi = dt.date(int(m[1]), 6 * h - 5, 1), _month_end(int(m[1]), 6 * h)
        elif m := _SEASON.match(value):
            first, last = _SEASONS[m[2]]
            lo, hi = dt.date(int(m[1]), first, 1), _month_end(int(m[1]), last)
        elif m := _YEAR.match(value):
            lo, hi = dt.date(int(m[1]), 1, 1), dt.date(int(m[1]), 12, 31)
        elif m := _DECADE.match(value):
            lo, hi = dt.date(int(m[1]) * 10, 1, 1), dt.date(int(m[1]) * 10 + 9, 12, 31)
        else:
            return None
    except ValueError:
        return None
    return _apply_mod(lo, hi, mod)


def _apply_mod(lo: dt.date, hi: dt.date, mod: str | None) -> tuple[dt.date, dt.date]:
    span = (hi - lo).days + 1
    if mod == "START":
        return lo, lo + dt.timedelta(days=max(0, span // 3 - 1))
    if mod == "MID":
        return lo + dt.timedelta(days=span // 3), lo + dt.timedelta(days=max(span // 3, 2 * (span // 3) - 1))
    if mod == "END":
        return lo + dt.timedelta(days=2 * (span // 3)), hi
    if mod in ("BEFORE", "ON_OR_BEFORE", "LESS_THAN", "EQUAL_OR_LESS"):
        return MIN, hi
    if mod in ("AFTER", "ON_OR_AFTER", "MORE_THAN", "EQUAL_OR_MORE"):
        return lo, MAX
    if mod == "APPROX":
        pad = dt.timedelta(days=max(3, span // 2))
        return lo - pad, hi + pad
    return lo, hi


def shift(d: dt.date, days: int) -> dt.date:
    try:
        return d + dt.timedelta(days=days)
    except OverflowError:
        return MIN if days < 0 else MAX
