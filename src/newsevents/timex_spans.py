"""Grammar rules for amounts of time and vague references: durations ("the past few years",
"20-year", "two to three weeks"), offsets ("two days ago"), frequencies ("daily", "every
week") and reference words ("now", "recently", "the near future").

Rules register themselves with :func:`newsevents.timex_grammar.rule` on import.
"""

from __future__ import annotations

import datetime as dt
import re

from . import timex_calendar as cal
from .timex_grammar import (
    MONTH_FULL,
    QTY,
    T_UNIT,
    UNIT,
    Cand,
    Ctx,
    Resolved,
    V,
    _cand,
    _offset_value,
    _y,
    duration_value,
    in_name,
    relative_unit,
    rule,
)
from .timex_vocab import (
    month_number,
    norm,
    parse_quantity,
    unit_name,
)

# reference words (now, recently, the future) and frequencies ---------------------------------

_REFERENCE_TRIGGERS = tuple({re.findall(r"\w+", w)[-1] for w in V.reference})


@rule("reference", "(?P<w>" + "|".join(
    re.escape(w).replace(r"\ ", r"\s+") for w in sorted(V.reference, key=len, reverse=True)) + ")", triggers=_REFERENCE_TRIGGERS)
def _reference(m: re.Match[str], text: str) -> Cand | None:
    w = norm(m["w"])
    if w == "in the past":  # TimeML leaves the preposition out
        start = m.start() + m.group(0).lower().index("the")
        value = V.reference["the past"]
        return Cand(start=start, end=m.end(), resolve=lambda ctx: ("DATE", value), rule="")
    after = text[m.end():m.end() + 30]
    if in_name(text, m.start(), m.end()):
        return None
    if w == "previously" and re.match(r"\s+\w+ed\b", after):
        return None  # "a previously announced plan": part of a modifier, not a time
    if w == "soon" and (re.match(r"\s+(?:after|as|\w+ed|became|began|went|came|took|made|found|fell|rose|left|gave)\b", after)
                        or re.search(r"\b(?:was|were|had)\s+$", text[max(0, m.start() - 6):m.start()])
                        # "a trickle that soon became a flood": shortly after, in a past story
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


@rule("frequency", "(?P<w>" + "|".join(sorted(V.frequency, key=len, reverse=True)) + ")", triggers=tuple(V.frequency))
def _frequency(m: re.Match[str], text: str) -> Cand | None:
    value = V.frequency[norm(m["w"])]
    if in_name(text, m.start(), m.end()):
        return None
    if re.match(r"\s+(?:(?:cash|stock|share|operating|net|pretax)\s+)?(?:dividends?|payments?|reports?|results|"
                r"earnings|profits?|net|revenues?|sales|loss(?:es)?|rates?|meetings?|reviews?|figures|data|"
                r"basis|payout|distribution|volume|turnover|trading)\b|\s+of\b",
                text[m.end():m.end() + 30], re.IGNORECASE):
        return None  # "its quarterly dividend", "its first quarterly loss", "an initial quarterly of 5 cents"
    return _cand(m, lambda ctx: ("SET", value))


@rule("every_unit", rf"(?:every|each|per)\s+(?:(?P<other>other|single)\s+)?(?:(?P<qty>{QTY})\s+)?(?P<unit>{UNIT})", triggers="every each per")
def _every(m: re.Match[str], text: str) -> Cand | None:
    unit = unit_name(m["unit"])
    amount = 2.0 if m["other"] == "other" else (parse_quantity(m["qty"])[0] if m["qty"] else 1.0)
    return _cand(m, lambda ctx: ("SET", duration_value(amount or 1.0, unit)))


@rule("every_month", rf"(?:every|each)\s+(?P<mon>{MONTH_FULL}|{V.season})", triggers="every each")
def _every_month(m: re.Match[str], text: str) -> Cand | None:
    w = norm(m["mon"])
    month = month_number(w)
    value = f"XXXX-{month:02d}" if month else f"XXXX-{V.seasons[w]}"
    return _cand(m, lambda ctx: ("SET", value))


@rule("rate", r"(?P<unit>day|week|month|year|hour)\s+(?:by|after|to)\s+(?P=unit)", triggers="day week month year hour")
def _rate_phrase(m: re.Match[str], text: str) -> Cand | None:
    unit = unit_name(m["unit"])
    return _cand(m, lambda ctx: ("SET", duration_value(1.0, unit)))


# N units ago / earlier / later / from now -----------------------------------------------------

@rule("offset",
      rf"(?P<qty>{QTY})\s+(?:(?:more|full|long|short)\s+)?(?P<unit>{UNIT})(?:\s+or\s+so)?\s+"
      r"(?P<dir>ago|earlier|later|before|after|from\s+now|hence|back)", triggers="ago earlier later before after now hence back", reach=(80, 8))
def _offset(m: re.Match[str], text: str) -> Cand | None:
    d = norm(m["dir"])
    # "two days before the vote": the duration is the time expression, the rest a signal;
    # "the day before" / "a year before" at the end of a clause is an anchored date
    if d in ("before", "after") and not re.match(r"\s*(?:[,.;:)]|$|and\b|but\b)", text[m.end():]):
        return None
    amount, mod = parse_quantity(m["qty"])
    unit = unit_name(m["unit"])
    if re.search(r"\bor\s+so\b", m.group(0), re.IGNORECASE):
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
      r"(?P<half>\s+and\s+a\s+half)?(?:(?P<old>[\s-]+old)|(?P<long>-long))?", triggers=T_UNIT, reach=(75, 30))
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
        return None  # "$2 million a year", "four flights a week": a rate, rarely annotated
    if q in ("a", "an") and unit == "quarter" and re.match(r"\s+of\b", text[m.end():]):
        return None  # "a quarter of the market": a fraction
    # "a second time", "a minute later": only with clear duration readings
    if (q in ("a", "an") and unit in ("second", "minute") and not m["rel"]
            and not re.match(r"\s+(?:and|or|later|earlier|ago)\b", text[m.end():])):
        return None
    if q == "one" and unit == "day" and re.search(r"\b(?:will|would|could|may|might|can|shall|should|to)\s+$",
                                                text[max(0, m.start() - 10):m.start()], re.IGNORECASE):
        return _cand(m, lambda ctx: ("DATE", "FUTURE_REF"))  # "Islam will one day be ...": some day
    if (unit in ("year", "month") and amount is not None and not m["det"] and not m["rel"] and not mod
            and re.search(r"\bin\s+$", text[max(0, m.start() - 4):m.start()])):
        # "the stock would be redeemed in five years": in a future clause, the date that far ahead
        n = int(amount)

        def resolve(ctx: Ctx) -> Resolved:
            if ctx.direction != "future" or ctx.dct is None:
                return "DURATION", duration_value(amount, unit)
            if unit == "year":
                return "DATE", f"{ctx.dct.year + n:04d}"
            return "DATE", cal.ym(*cal.add_months(ctx.dct.year, ctx.dct.month, n))
        return _cand(m, resolve, needs_direction=True, quantity=True)
    return _cand(m, lambda ctx: ("DURATION", duration_value(amount, unit)), mod=mod,
                 quantity=not m["det"])


def _is_rate(text: str, start: int) -> bool:
    before = text[max(0, start - 30):start].lower()
    return bool(re.search(r"(?:\d|percent|%|dollars|cents|times|once|twice|million|billion|tons?|"
                          r"barrels|hours|miles|people|year|month)\s*$", before))


@rule("duration_range",
      _DUR_PRE + rf"(?P<q1>{QTY})\s+(?:to|or|-|and)\s+(?P<q2>{QTY})\s+(?P<unit>{UNIT})", triggers=T_UNIT, reach=(80, 10))
def _duration_range(m: re.Match[str], text: str) -> Cand | None:
    unit = unit_name(m["unit"])
    if parse_quantity(m["q1"])[0] is None or parse_quantity(m["q2"])[0] is None:
        return None
    return _cand(m, lambda ctx: ("DURATION", duration_value(None, unit)))


@rule("duration_adj",
      rf"(?P<qty>\d+(?:\.\d+)?|(?:{V.number_word})(?:-(?:{V.number_word}))?|a|one|half|multi|several)"
      r"-(?P<unit>second|minute|hour|day|night|week|month|quarter|year|decade|century)"
      r"(?:-(?P<tail>old|long))?", triggers=T_UNIT, reach=(35, 16))
def _duration_adj(m: re.Match[str], text: str) -> Cand | None:
    q = norm(m["qty"])
    if m["tail"] == "old":
        return None
    amount = None if q in ("multi", "several") else 0.5 if q == "half" else parse_quantity(q.replace("-", " "))[0]
    unit = unit_name(m["unit"])
    return _cand(m, lambda ctx: ("DURATION", duration_value(amount, unit)), quantity=True)


@rule("unit_long", r"(?P<unit>day|week|month|year|decade|hour)s?-long", triggers=T_UNIT, reach=(25, 12))
def _unit_long(m: re.Match[str], text: str) -> Cand | None:
    unit = unit_name(m["unit"])
    plural = m.group(0).lower().split("-")[0].endswith("s")
    return _cand(m, lambda ctx: ("DURATION", duration_value(None if plural else 1.0, unit)))


@rule("bare_units", r"(?P<unit>years|months|weeks|days|decades|centuries|hours|minutes)", triggers=T_UNIT, reach=(2, 14))
def _bare_units(m: re.Match[str], text: str) -> Cand | None:
    before = text[max(0, m.start() - 20):m.start()].lower()
    after = text[m.end():m.end() + 24].lower()
    unit = unit_name(m["unit"])
    if re.search(r"(?:\d|\b(?:" + V.number_word + r"))[\s-]*$", before):
        return None  # "52 years old": an age
    anchored = re.match(r"\s+(?:before|after|prior\s+to|following|since|leading\s+up|that\s+followed|"
                        r"preceding|ahead\s+of)\b", after)
    if re.search(r"\bthe\s+$", before) and anchored:
        # "in the weeks before the shooting": TimeML tags the unit, anchored on the event
        c = _cand(m, lambda ctx: ("DURATION", duration_value(None, unit)))
        c.extra["anchored"] = True
        return c
    over = re.search(r"\b(?:over|through|throughout|down|across)\s+(the\s+)$", before)
    if over and not re.match(r"\s+(?:of|old)\b", after):
        # "over the years": an unspecified stretch (TimeML tags "the years")
        return Cand(start=m.start() - len(over.group(1)), end=m.end(), rule="",
                    resolve=lambda ctx: ("DURATION", duration_value(None, unit)))
    if re.search(r"(?:the|of|these|those|their|its|his|her|our|early|later|final|last|first)\s+$", before):
        return None
    if re.match(r"\s+(?:of|old)\b", after):
        return None
    c = _cand(m, lambda ctx: ("DURATION", duration_value(None, unit)))
    if anchored and unit in ("day", "week"):
        c.extra["anchored"] = True  # "days after the vote": near the vote's date
    return c


@rule("the_period", r"the\s+(?P<unit>year|week)", triggers="year week", reach=(6, 12))
def _the_period(m: re.Match[str], text: str) -> Cand | None:
    """'for the year', 'through the first nine months of the year': the current one."""
    if not re.search(r"\b(?:for|of|during|throughout)\s+$", text[max(0, m.start() - 12):m.start()], re.IGNORECASE):
        return None
    if re.match(r"\s*(?:ended|ending|ago|before|after|earlier|later|in\s+which|when|that|of|to|['’]s|-)",
                text[m.end():m.end() + 14], re.IGNORECASE):
        return None
    unit = norm(m["unit"])
    return _cand(m, lambda ctx: relative_unit(unit, 0, ctx))


# vague stretches: "recent years", "the coming months", "the weeks ahead", "a while" ------------

@rule("vague_span",
      r"(?:(?P<the>the)\s+)?(?P<rel>coming|recent|past|previous|ensuing|intervening|next|last|"
      r"following|preceding|subsequent|early|later)\s+(?P<unit>years|months|weeks|days|decades|quarters|hours|"
      r"minutes|centuries)|(?:the\s+)(?P<unit2>years|months|weeks|days|decades)\s+(?:ahead|to\s+come)", triggers=T_UNIT, reach=(35, 16))
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
      r"some\s+time)", triggers="while time period")
def _while(m: re.Match[str], text: str) -> Cand | None:
    words = norm(m.group(0))
    if words.endswith(("time", "period")) and not re.search(r"\b(?:short|long|brief|lengthy)\b|some time", words):
        return None
    if re.match(r"\s+(?:when|that|in\s+which|of|to|after|before|since|ago)\b", text[m.end():m.end() + 12], re.IGNORECASE):
        return None
    return _cand(m, lambda ctx: ("DURATION", "PXX"))


@rule("units_ago", r"(?P<unit>years|months|weeks|days|decades)\s+ago", triggers="ago")
def _units_ago(m: re.Match[str], text: str) -> Cand | None:
    return _cand(m, lambda ctx: ("DATE", "PAST_REF"))


@rule("the_weekend", r"(?P<rel>the|this|last|next|this\s+past|this\s+coming)\s+weekend", triggers="weekend")
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
      r"(?=\s+(?:ended|ending|that\s+ended|which\s+ended|to)\b)", triggers="year quarter month week")
def _year_ended(m: re.Match[str], text: str) -> Cand | None:
    unit = norm(m["unit"])
    return _cand(m, lambda ctx: ("DURATION", duration_value(1.0, unit)))


@rule("the_full_year", r"the\s+(?:full|whole|entire|current|calendar)\s+(?:fiscal\s+)?year", triggers="year")
def _full_year(m: re.Match[str], text: str) -> Cand | None:
    return _cand(m, lambda ctx: ("DATE", _y(ctx)))


@rule("in_the_year", r"(?P<pos>earlier|later|early|late)\s+in\s+the\s+(?P<unit>year|month|week|day|decade)", triggers="year month week day decade")
def _in_the_year(m: re.Match[str], text: str) -> Cand | None:
    unit = norm(m["unit"])
    mod = "START" if norm(m["pos"]).startswith("earl") else "END"
    return _cand(m, lambda ctx: relative_unit(unit, 0, ctx), mod=mod)
