"""Times: find time expressions and normalise them to TimeML TIMEX3 (type, value, mod).

What it finds: dates ("February 24, 2022", "Monday", "late October", "mid-2023", "the 1990s",
"the third quarter"), times ("10:35 a.m. EST"), durations ("the past few years" -> PXY,
"20-year" -> P20Y, "more than three years" -> P3Y MORE_THAN) and sets ("daily", "every
week"), plus the reference words "now", "recently" and "the near future".

How: ``timex_grammar`` holds regular-expression rules built from the versioned vocabulary in
``data/time_words.toml``; every match is a candidate.  Overlapping candidates are settled
longest first; a clock time next to a day merges with it ("5 p.m. EST, Nov. 6"); position
modifiers ("early", "the end of") and quantity modifiers ("about", "at least", "or so") are
attached around the core.  Relative expressions are then resolved against the publication
date; a bare month, month-day or weekday takes its year or week from the direction of its
clause (``timex_tense``: "will sign at the end of January" written in December is next
January, "met in October" the last October), which is where general-purpose taggers lose
most of their value errors.  Anaphoric expressions are resolved against the *reference time*,
the last day or month the text named, as TimeML's temporalFunction anchors them: "that day",
"the next morning", "the previous Friday", "the following month", a clock time with no day;
a bare month named again keeps the year it was given.  In quarterly reports the quarter being
reported is tracked, so "a year earlier", "the year-ago results", "the 1988 period" and "the
latest period" take their quarter from it.

Why our own module: measured on gold spans (issue 3), dateparser normalises only about 62%
of news time expressions correctly (it has no notion of TIMEX3 durations, sets, mods or
reference values, and resolves bare months and weekdays without looking at tense), and
timexy and ctparse do worse on news; none marks TimeML spans.  Absolute dates are simple
enough that the grammar parses them itself, so the stage has no extra dependency.

Measured with ``benchmarks/timex.py`` on the TempEval-3 TBAQ training set (256 documents):
relaxed span F1 95.1, type F1 92.1, value F1 84.1, mod accuracy 96.6 (HeidelTime: 92.1 /
88.0 / 77.5 / 95.4); about 3-5 ms per document, a few per cent of the whole pipeline.  Most
of the remaining value differences are annotation conventions of parts of that corpus that
TimeML does not prescribe ("last week" as ``1989-WXX``, years as ``1949-XX``, fiscal quarters
as ``1989-QX``, ``2000-W7``) or gold values off the document date.

Modules: ``timex_vocab`` (word lists from the data file, number words), ``timex_grammar``
(candidate type, rule registry, trigger-word windows), ``timex_dates`` / ``timex_relative`` /
``timex_spans`` (the rules), ``timex_calendar`` (date arithmetic, which occurrence),
``timex_tense`` (clause direction).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

from . import timex_calendar as cal
from .models import Time
from .timex_grammar import Cand, Ctx, find_candidates
from .timex_tense import doc_direction, pluperfect, text_direction
from .timex_vocab import vocab

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc

    from .analysis import Analysis

__all__ = ["find_times", "tag_times"]


def find_times(a: Analysis) -> list[Time]:
    """The time expressions of an article's prose, resolved against its publication date."""
    return [t for t in tag_times(a.text, a.published, a.doc) if not a.layout.excluded(t.start, t.end)]


def tag_times(text: str, dct: dt.date | None, doc: Doc | None = None) -> list[Time]:
    """TIMEX3 expressions of ``text`` (sorted by start), resolved against ``dct``.

    ``doc`` is an optional spaCy parse of the same text; when given, the tense and modality of
    each expression's clause decide the direction of bare months and weekdays.
    """
    cands = _select(list(find_candidates(text)))
    cands = _merge_clock_and_day(cands, text)
    cands = [_day_next_to(_week_of(c, text), text) for c in cands]
    cands = [c for c in cands if not any(o is not c and o.start <= c.start and c.end <= o.end for o in cands)]
    cands += [d for c in cands if (d := _day_conjunct(c, text)) is not None]
    for c in cands:
        _attach_mods(c, text)
    cands.sort(key=lambda c: c.start)
    out: list[Time] = []
    anchor: int | None = None
    quarter: str | None = None  # the last quarter named ("third-quarter profit" -> 1989-Q3)
    anchored: list[int] = []
    ref: dt.date | None = None  # the reference time: the last day named
    ref_month: dt.date | None = None  # ... and the last month named
    month_years: dict[int, int] = {}
    year_ago_apposition: int | None = None  # the year of a year-ago quarter named in apposition
    for c in cands:
        ctx = Ctx(dct=dct, direction=_direction(c, text, doc), anchor_year=anchor, ref=ref, ref_month=ref_month,
                  month_years=month_years)
        resolved = c.resolve(ctx)
        if c.year is not None:
            anchor = c.year
        if resolved is None or resolved[1] is None:
            continue
        typ, value = resolved
        day = _DAY_VALUE.match(value)
        if day and typ in ("DATE", "TIME"):
            ref = dt.date(int(day[1]), int(day[2]), int(day[3]))
        if day or (typ == "DATE" and re.fullmatch(r"\d{4}-\d{2}", value)):
            ref_month = dt.date(int(value[:4]), int(value[5:7]), 1)
            month_years[ref_month.month] = ref_month.year
        if c.extra.get("year_period") is not None:
            # "the 1988 period": the quarter just named, in that year; after "the nine months",
            # the year
            value = f"{c.extra['year_period']:04d}" + (quarter[4:] if quarter else "")
        elif c.extra.get("year_ago_quarter"):
            pass  # "the year-ago quarter" does not change which quarter is being reported
        elif c.extra.get("the_quarter") and quarter is not None:
            value = quarter  # "the quarter", "that quarter", "the latest period": the one just named
        elif re.fullmatch(r"\d{4}-Q\d", value):
            if not (dct is not None and value >= f"{dct.year:04d}-Q{cal.quarter_of(dct)}"
                    and text_direction(text, c.start, c.end) == "future"):
                quarter = value  # not "will result in a fourth-quarter charge": no results yet
        elif re.fullmatch(r"P\d+M|\d{4}", value) and not c.extra.get("year_back"):
            quarter = None  # "the first nine months", "1988": no longer about one quarter
        elif c.extra.get("year_back") and quarter is not None and dct is not None:
            # "up from $5 million a year earlier" in a quarterly report: the year-ago quarter
            y, q = quarter.split("-")
            if int(y) >= dct.year - (1 if dct.month <= 3 else 0):
                value = f"{int(y) - 1:04d}-{q}"
        if out and (merged := _quarter_apposition(out[-1], value, c, text)) is not None:
            # "the year-ago quarter, the second quarter ended Oct. 31": one quarter, named twice
            out[-1] = out[-1].model_copy(update={"value": merged})
            value = quarter = merged
            year_ago_apposition = int(merged[:4])
        elif year_ago_apposition is not None and day and out and re.fullmatch(r"\s+ended\s+", text[out[-1].end:c.start]):
            value = f"{year_ago_apposition:04d}" + value[4:]  # "... the second quarter ended Oct. 31"
        else:
            year_ago_apposition = None
        out.append(Time(start=c.start, end=c.end, text=text[c.start:c.end], type=typ,  # type: ignore[arg-type]
                        value=value, mod=c.mod))  # type: ignore[arg-type]
        if c.extra.get("anchored"):
            anchored.append(len(out) - 1)
    for i in anchored:
        _anchor_on_event(out, i, text)
    return out


def _quarter_apposition(prev: Time, value: str, c: Cand, text: str) -> str | None:
    """'the comparable year-ago quarter, the second quarter': the appositive gives the quarter,
    the year-ago phrase the year.  The merged value, or None when ``c`` is no such appositive."""
    if not (re.fullmatch(r"\d{4}-Q\d", prev.value) and re.fullmatch(r"\d{4}-Q\d", value)):
        return None
    if not re.fullmatch(r",\s*(?:the\s+)?", text[prev.end:c.start]):
        return None
    if not re.search(r"year-(?:ago|earlier)|a\s+year\s+(?:ago|earlier)|comparable|corresponding", prev.text, re.IGNORECASE):
        return None
    if c.extra.get("year_ago_quarter"):
        return None
    return prev.value[:4] + value[4:]


_DAY_VALUE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?![\d-])")
_MONTH_VALUE = re.compile(r"^(\d{4}-\d{2})(?:-\d{2})?(?:T.*)?$")


def _anchor_on_event(times: list[Time], i: int, text: str) -> None:
    """'days before the inauguration on January 20', 'In early May, weeks after the summit':
    a stretch of days or weeks next to an event takes the month of the date given in the same
    sentence (TimeBank values these as DATEs at the anchor's month); with none it stays a
    vague duration."""
    t = times[i]
    left = max(text.rfind(". ", 0, t.start), text.rfind("\n", 0, t.start))
    right_candidates = [p for p in (text.find(". ", t.end), text.find("\n", t.end)) if p >= 0]
    right = min(right_candidates) if right_candidates else len(text)
    best: Time | None = None
    for other in times:
        if other is t or not _MONTH_VALUE.match(other.value):
            continue
        same_sentence = left < other.start and other.end <= right
        if same_sentence and (best is None or abs(other.start - t.start) < abs(best.start - t.start)):
            best = other
    if best is not None:
        m = _MONTH_VALUE.match(best.value)
        assert m is not None
        times[i] = t.model_copy(update={"type": "DATE", "value": m.group(1), "mod": None})


_OPEN_PREP = re.compile(r"(?:\b(?:through|to|before|effective|payable|from|between|and|deadline\s+of|"
                        r"as\s+of)\s+)$", re.IGNORECASE)
_FUTURE_PREP = re.compile(r"(?:\b(?:until|till|by|as\s+(?:soon|early)\s+as|no\s+later\s+than|ahead\s+of)\s+)$", re.IGNORECASE)
_PAST_PREP = re.compile(r"(?:\b(?:since|as\s+late\s+as)\s+)$", re.IGNORECASE)


def _direction(c: Cand, text: str, doc: Doc | None) -> str | None:
    """Past or future for a candidate that needs it (bare month, weekday, month-day)."""
    if not c.needs_direction:
        return None
    before = text[max(0, c.start - 20):c.start]
    if _FUTURE_PREP.search(before):
        if re.search(r"\b(?:by|until|till)\s+$", before, re.IGNORECASE) and doc is not None and pluperfect(doc, c.start, c.end):
            return "past"  # "had filed reports by Wednesday"
        return "future"  # "until Tuesday", "as soon as Friday", "by August"
    if _PAST_PREP.search(before):
        return "past"  # "since March"
    if _OPEN_PREP.search(before):
        return "near"  # "extended to Nov. 20", "payable Dec. 7": the nearest one
    if doc is not None:
        direction = doc_direction(doc, c.start, c.end)
        if direction is None and c.rule == "month" and text_direction(text, c.start, c.end) == "future":
            return "future"  # a month after a noun ("a summit in April") in a sentence about what will be
        return direction
    return text_direction(text, c.start, c.end)


def _select(cands: list[Cand]) -> list[Cand]:
    """Non-overlapping candidates, longest first (then leftmost)."""
    cands.sort(key=lambda c: (-(c.end - c.start), c.start))
    taken: list[Cand] = []
    for c in cands:
        if all(c.end <= t.start or t.end <= c.start for t in taken):
            taken.append(c)
    taken.sort(key=lambda c: c.start)
    return taken


_DAY_RULES = {"weekday", "month_day", "day_month", "deictic_day", "iso_date", "slash_date"}


def _merge_clock_and_day(cands: list[Cand], text: str) -> list[Cand]:
    """'10 p.m. Wednesday', '5 p.m. EST, Nov. 6', 'noon Saturday': one TIME."""
    out: list[Cand] = []
    i = 0
    while i < len(cands):
        c = cands[i]
        nxt = cands[i + 1] if i + 1 < len(cands) else None
        if ("clock" in c.extra and nxt is not None and nxt.rule in _DAY_RULES
                and re.fullmatch(r"\s*,?\s*(?:on\s+)?", text[c.end:nxt.start])):
            out.append(_clock_on_day(c, nxt))
            i += 2
            continue
        out.append(c)
        i += 1
    return out


_WEEK_OF = re.compile(r"(?:the\s+)?week\s+of\s+$", re.IGNORECASE)


def _week_of(c: Cand, text: str) -> Cand:
    """'the week of March 6': the ISO week of that day."""
    m = _WEEK_OF.search(text[max(0, c.start - 16):c.start])
    if m is None or c.rule not in ("month_day", "day_month"):
        return c

    def resolve(ctx: Ctx):
        r = c.resolve(ctx)
        day = _DAY_VALUE.match(r[1]) if r and r[1] else None
        if day is None:
            return r
        return "DATE", cal.iso_week(dt.date(int(day[1]), int(day[2]), int(day[3])))
    return Cand(start=c.start - len(m.group(0)), end=c.end, resolve=resolve, rule="week_of",
                needs_direction=c.needs_direction, position=True)


_DAY_NEXT_TO = re.compile(r"(?:the\s+)?(?:day\s+(before|after)|(?:early|small|wee)\s+hours\s+of)\s+$",
                          re.IGNORECASE)


def _day_next_to(c: Cand, text: str) -> Cand:
    """'the day before last Tuesday', 'the day after Christmas': one day off that day; 'the
    early hours of Thursday': that day, at its start."""
    m = _DAY_NEXT_TO.search(text[max(0, c.start - 24):c.start])
    if m is None or c.rule not in _DAY_RULES | {"holiday"}:
        return c
    step = dt.timedelta(days={"before": -1, "after": 1}.get((m.group(1) or "").lower(), 0))

    def resolve(ctx: Ctx):
        r = c.resolve(ctx)
        day = _DAY_VALUE.match(r[1]) if r and r[1] else None
        if day is None or len(r[1]) != 10:
            return r
        return "DATE", cal.ymd(dt.date(int(day[1]), int(day[2]), int(day[3])) + step)
    return Cand(start=c.start - len(m.group(0)), end=c.end, resolve=resolve, rule="day_next_to",
                needs_direction=c.needs_direction, mod=None if m.group(1) else "START")


_CONJUNCT_DAY = re.compile(r"\s+(?:and|or|to|through)\s+([12]\d|3[01]|0?[1-9])(?=\s*(?:[.,;:)]|$|\s+(?:in|at|to|and)\b))")


def _day_conjunct(c: Cand, text: str) -> Cand | None:
    """'on April 24 and 25': the second day, in the first one's month."""
    m = _CONJUNCT_DAY.match(text, c.end)
    if m is None or c.rule != "month_day":
        return None
    day = int(m.group(1))

    def resolve(ctx: Ctx):
        r = c.resolve(ctx)
        first = _DAY_VALUE.match(r[1]) if r and r[1] else None
        if first is None or day <= int(first[3]):
            return None
        return "DATE", f"{first[1]}-{first[2]}-{day:02d}"
    return Cand(start=m.start(1), end=m.end(1), resolve=resolve, rule="day_conjunct",
                needs_direction=c.needs_direction)


def _clock_on_day(clock: Cand, day: Cand) -> Cand:
    hh, mm = clock.extra["clock"]

    def resolve(ctx: Ctx):
        r = day.resolve(ctx)
        if r is None:
            return None
        value = r[1].split("T")[0]
        return "TIME", f"{value}T{hh:02d}:{mm:02d}"
    return Cand(start=clock.start, end=day.end, resolve=resolve, rule="clock_day",
                needs_direction=day.needs_direction, quantity=True)


def _mod_pattern(words: dict[str, str], suffix: bool = False) -> re.Pattern[str]:
    alts = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))
    if suffix:
        return re.compile(rf"^\s+({alts})(?![\w-])", re.IGNORECASE)
    return re.compile(rf"(?<![\w-])({alts})(?:\s+|-)$", re.IGNORECASE)


_V = vocab()
_POSITION = _mod_pattern(_V.position_mods)
_QUANTITY = _mod_pattern(_V.quantity_mods)
_SUFFIX = _mod_pattern(_V.suffix_mods, suffix=True)


def _attach_mods(c: Cand, text: str) -> None:
    """Extend a candidate over its modifiers and set ``mod``."""
    before = text[max(0, c.start - 30):c.start]
    core = text[c.start:c.end].lower()
    m = re.search(r"(?<![\w-])(pre|post)-$", before, re.IGNORECASE)
    if m and c.year is not None:
        c.start -= len(m.group(0))
        c.mod = "BEFORE" if m.group(1).lower() == "pre" else "AFTER"
        return
    if c.position and c.mod is None:
        m = _POSITION.search(before)
        if m and not (m.group(1).lower() in ("later", "earlier") and not re.match(
                r"(?:this|that|last|next|today|yesterday|tomorrow)", text[c.start:c.end])):
            c.start -= len(m.group(0))
            c.mod = _V.position_mods[re.sub(r"\s+", " ", m.group(1).lower())]
            return
    if c.quantity and not core.startswith(("the ", "these ", "this ", "that ")):
        m = _QUANTITY.search(before)
        if m:
            word = re.sub(r"\s+", " ", m.group(1).lower())
            # "over"/"under"/"within"/"some" only before a number or "a/an"
            if word not in ("over", "under", "within", "some", "around", "about") or re.match(
                    r"(?:\d|a\b|an\b|one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty|"
                    r"several|a\s+few|a\s+couple)", core):
                c.start -= len(m.group(0))
                c.mod = _V.quantity_mods[word]
    if c.quantity or c.position:
        m = _SUFFIX.match(text[c.end:c.end + 16])
        if m:
            c.end += len(m.group(0))
            c.mod = _V.suffix_mods[re.sub(r"\s+", " ", m.group(1).lower())]
