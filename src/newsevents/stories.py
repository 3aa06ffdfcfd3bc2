"""Story events: mentions of the same real-world event, linked across articles.

An article's events are *mentions*; a story event is one real event with all its mentions,
its status history and its current status. Linking is greedy and in publication order: each
mention joins the best *compatible* story event, or founds a new one. Compatible means

- **type**: the same PLOVER type (the mode, which follows the verb a writer chose, only
  weighs in the choice: "detained" and "seized" can tell one event);
- **actors**: the parties, each taken as its state when it has one (``person:x`` of Egypt
  counts as ``EGY``), overlap with Jaccard >= ``ACTOR_JACCARD``, or one side's parties are
  among the other's and both give the same days, within a week ("Egypt signed on Friday"
  and "Egypt, Ethiopia and Sudan signed on Friday"); for a directed type (ACCUSE,
  THREATEN, ...) the actor sides and the recipient sides must each overlap when both give one;
- **article**: a mention never joins a story event that holds a mention of its own article
  with another status ("agreed on Tuesday ... will sign next week" are two events);
- **time**, against every mention already in the story event: their time windows meet.
  A window is the TIMEX interval when the text gives a time (an expected or hypothetical
  event's plan is widened by ``PLAN_EARLY``/``PLAN_LATE`` days: "at the end of January" may
  happen on 17 January; a START/MID/END mod counts as its whole period, since "earlier this
  month" is no exact third); without one it is the month before publication for a reported fact
  and the half-year after it for a plan. A plan published after a reported occurrence is
  about a later event (a second meeting), never the one already held.

Among compatible story events the one whose parties and time agree best wins (:func:`score`):
a report that gives no time is measured from its publication day to when the event was
reported to happen (so it joins the latest such event), and a story event that already holds a
mention of the same article scores ``SAME_ARTICLE`` less.
Linking is a pure function of the mentions (:func:`link`); a :class:`Linker` holds story
events indexed by (type, party) and by the days their windows span, so a store can link
incrementally on ingest and relink everything from scratch with the same rules.

Status history: the mentions in publication order; an entry is written when the status
changes. Hypothetical mentions enter it only while nothing firmer is known, and a plan
reported after the event happened does not turn it back to ``expected``. The current status
is the last entry's. The time is the most precise time a text gives for the event having
happened (or not), else the latest plan's (see :func:`story_time`); an allegation's or a
denial's time may be that of the claim, so its window reaches a month back.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from pydantic import BaseModel, ConfigDict

from .intervals import MAX, MIN, shift, time_interval

ACTOR_JACCARD = 0.5
PLAN_EARLY = 14
PLAN_LATE = 30
REPORT_WINDOW = 30
PLAN_WINDOW = 183
SLACK = 1
SAME_DAYS = 7
SAME_ARTICLE = 1.0
SYMMETRIC = {"AGREE", "CONSULT", "COOPERATE"}
PLANNED = {"expected", "hypothetical"}
CLAIMED = {"alleged", "denied"}
#: same-day ordering of statuses: the firmer one is taken as the later news
_RANK = {"hypothetical": 0, "expected": 1, "alleged": 2, "denied": 3, "negated": 4, "asserted": 5}
_ISO3 = re.compile(r"^[A-Z]{3}$")
_PARTS = {"START", "MID", "END"}


# -- records ------------------------------------------------------------------------------
class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class EvidenceOut(_Model):
    start: int
    end: int
    text: str


class MentionOut(_Model):
    article: str
    published: str | None
    publisher: str | None
    status: str
    evidence: EvidenceOut


class HistoryEntry(_Model):
    date: str | None
    status: str
    article: str


class StoryTime(_Model):
    value: str
    mod: str | None = None


class StoryEvent(_Model):
    """One story event, as the ``events`` command prints it (``shared/CONTRACT.md``)."""

    id: str
    type: str
    mode: str | None
    actors: list[str]
    recipients: list[str]
    actor_countries: list[str]
    recipient_countries: list[str]
    status: str
    time: StoryTime | None
    location: str | None
    first_reported: str | None
    last_reported: str | None
    mentions: list[MentionOut]
    history: list[HistoryEntry]
    sources: list[str] = []
    overdue: bool = False

    def to_json(self) -> str:
        return self.model_dump_json()


@dataclass
class Mention:
    """One event as one article reports it, with what linking needs."""

    article: str
    index: int
    type: str
    status: str
    published: dt.date | None = None
    publisher: str | None = None
    mode: str | None = None
    actors: tuple[str, ...] = ()
    recipients: tuple[str, ...] = ()
    actor_countries: tuple[str, ...] = ()
    recipient_countries: tuple[str, ...] = ()
    time_value: str | None = None
    time_mod: str | None = None
    time_source: str | None = None
    location: str | None = None
    evidence_start: int = 0
    evidence_end: int = 0
    evidence_text: str = ""
    _window: tuple[dt.date, dt.date] | None = field(default=None, repr=False, compare=False)

    @property
    def key(self) -> str:
        return f"{self.article}#{self.index}"

    def parties(self, side: str = "all") -> frozenset[str]:
        """The parties as states where known (``side``: actors, recipients or all)."""
        acts = _as_states(self.actors, self.actor_countries)
        recs = _as_states(self.recipients, self.recipient_countries)
        if side == "actors":
            return acts
        if side == "recipients":
            return recs
        return acts | recs

    def text_interval(self) -> tuple[dt.date, dt.date] | None:
        if self.time_value is None or self.time_source == "published":
            return None
        return time_interval(self.time_value, self.time_mod)

    def window(self) -> tuple[dt.date, dt.date]:
        if self._window is None:
            self._window = _window(self)
        return self._window


def _as_states(ids: Sequence[str], countries: Sequence[str]) -> frozenset[str]:
    """Party keys: countries, and the ids of parties with no country."""
    keys = {c for c in countries if c}
    for i in ids:
        if _ISO3.match(i):
            keys.add(i)
    if not keys:
        keys = set(ids)
    return frozenset(keys)


def mentions_from_article(article) -> list[Mention]:
    """The mentions of an :class:`~newsevents.models.Article`'s events."""
    country = {a.id: a.country for a in article.actors}

    def states(ids: list[str]) -> tuple[str, ...]:
        out: list[str] = []
        for i in ids:
            c = i if _ISO3.match(i) else country.get(i)
            if c and c not in out:
                out.append(c)
        return tuple(out)

    published = dt.date.fromisoformat(article.published) if article.published else None
    out = []
    for n, ev in enumerate(article.events):
        out.append(Mention(
            article=article.id, index=n, type=ev.type, status=ev.status, published=published,
            publisher=article.publisher, mode=ev.mode, actors=tuple(ev.actors),
            recipients=tuple(ev.recipients), actor_countries=states(ev.actors),
            recipient_countries=states(ev.recipients),
            time_value=ev.time.value if ev.time else None, time_mod=ev.time.mod if ev.time else None,
            time_source=ev.time.source if ev.time else None, location=ev.location,
            evidence_start=ev.evidence.start, evidence_end=ev.evidence.end,
            evidence_text=article.text[ev.evidence.start:ev.evidence.end],
        ))
    return out


# -- time ---------------------------------------------------------------------------------
def _window(m: Mention) -> tuple[dt.date, dt.date]:
    iv = m.text_interval()
    if iv is not None and m.time_mod in _PARTS:  # "earlier this month" is no exact third
        iv = time_interval(m.time_value) or iv
    if iv is not None:
        lo, hi = iv
        if m.status in PLANNED:
            return shift(lo, -PLAN_EARLY), shift(hi, PLAN_LATE)
        if m.status in CLAIMED:  # the time may be the claim's or the denial's: on or before it
            return shift(lo, -REPORT_WINDOW), hi
        return lo, hi
    pub = m.published or dt.date.today()
    if m.status in PLANNED:
        return pub, shift(pub, PLAN_WINDOW)
    return shift(pub, -REPORT_WINDOW), pub


# -- compatibility ------------------------------------------------------------------------
def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 0.0


def actor_agreement(m: Mention, mentions: Sequence[Mention]) -> float | None:
    """How well ``m``'s parties agree with a story event's; None when they are incompatible."""
    mine, others = m.parties(), frozenset().union(*(o.parties() for o in mentions))
    score = _jaccard(mine, others)
    if score < ACTOR_JACCARD and not (mine and (mine <= others or others <= mine) and _same_days(m, mentions)):
        return None
    if m.type not in SYMMETRIC:
        for side in ("actors", "recipients"):
            mine = m.parties(side)
            theirs = frozenset().union(*(o.parties(side) for o in mentions))
            if mine and theirs and not (mine & theirs):
                return None
    return score


def _same_days(m: Mention, mentions: Sequence[Mention]) -> bool:
    """``m`` and a mention of the story event give the same days (within a week) for it."""
    iv = m.text_interval()
    if iv is None or (iv[1] - iv[0]).days > SAME_DAYS:
        return False
    for o in mentions:
        ov = o.text_interval()
        if ov and (ov[1] - ov[0]).days <= SAME_DAYS and ov[0] <= iv[1] and iv[0] <= ov[1]:
            return True
    return False


def times_compatible(a: Mention, b: Mention) -> bool:
    """Can ``a`` and ``b`` report the same event, as far as their times go?"""
    (alo, ahi), (blo, bhi) = a.window(), b.window()
    if shift(alo, -SLACK) > bhi or shift(blo, -SLACK) > ahi:
        return False
    for plan, fact in ((a, b), (b, a)):
        if plan.status in PLANNED and fact.status not in PLANNED and plan.published:
            fiv = fact.text_interval()
            end = fiv[1] if fiv else fact.published
            if end is not None and shift(end, SLACK) < plan.published:
                return False  # a plan published after the event happened is a later event
    return True


def _distance(m: Mention, mentions: Sequence[Mention]) -> float:
    """Days between ``m`` and the nearest mention of a story event, measured against the
    mentions that give a time when there are any (the others' windows are guesses). A report
    that gives no time counts from its publication day to the event's reported occurrence:
    it is most likely about the latest such event ("raised the incident at the talks" after two rounds of talks)."""
    lo, hi = m.window()
    timed = [o for o in mentions if o.text_interval() is not None]
    if m.text_interval() is None and m.status not in PLANNED and m.published:
        lo = hi = m.published  # and against when it happened, not when it was planned for
        timed = [o for o in timed if o.status not in PLANNED] or timed
    best = float("inf")
    for o in timed or mentions:
        olo, ohi = o.window()
        gap = max(0, (olo - hi).days, (lo - ohi).days)
        best = min(best, gap + abs(((lo - olo).days + (hi - ohi).days) / 2) / 30)
    return best


def score(m: Mention, mentions: Sequence[Mention]) -> float | None:
    """The agreement of ``m`` with a story event's mentions, or None when incompatible."""
    first = mentions[0]
    if m.type != first.type:
        return None
    if any(o.article == m.article and o.status != m.status for o in mentions):
        return None  # one article tells one event once: a different status is another event
    actors = actor_agreement(m, mentions)
    if actors is None:
        return None
    if not all(times_compatible(m, o) for o in mentions):
        return None
    near = 1.0 / (1.0 + _distance(m, mentions) / 7.0)
    place = 0.25 if m.location and any(o.location == m.location for o in mentions) else 0.0
    modes = {o.mode for o in mentions if o.mode}
    mode = 0.0 if not (m.mode and modes) else (0.25 if m.mode in modes else -0.25)
    # an article that already told of this event more likely means another one by a second mention
    told = SAME_ARTICLE if any(o.article == m.article for o in mentions) else 0.0
    return 2.0 * actors + near + place + mode - told


def choose(m: Mention, candidates: Iterable[tuple[str, Sequence[Mention]]]) -> str | None:
    """The id of the candidate story event that ``m`` belongs to, or None for a new one."""
    best, best_score = None, 0.0
    for ident, mentions in candidates:
        if not mentions:
            continue
        s = score(m, mentions)
        if s is not None and s > best_score:
            best, best_score = ident, s
    return best


def order_key(m: Mention) -> tuple:
    return (m.published or dt.date.max, m.article, m.index)


class Linker:
    """Story events being linked, indexed by (type, party) and by the days their mentions'
    windows span, so a mention is scored only against story events it could join."""

    def __init__(self, stories: dict[str, list[Mention]] | None = None) -> None:
        self.stories: dict[str, list[Mention]] = {}
        self._keys: dict[str, frozenset[str]] = {}
        self._hull: dict[str, tuple[dt.date, dt.date]] = {}
        self._index: dict[tuple[str, str], list[str]] = {}
        for ident, ms in (stories or {}).items():
            for m in ms:
                self._put(ident, m)

    def _put(self, ident: str, m: Mention) -> None:
        ms = self.stories.setdefault(ident, [])
        ms.append(m)
        lo, hi = m.window()
        old = self._hull.get(ident)
        self._hull[ident] = (min(lo, old[0]), max(hi, old[1])) if old else (lo, hi)
        keys = self._keys.get(ident, frozenset())
        for k in m.parties() - keys:
            self._index.setdefault((ms[0].type, k), []).append(ident)
        self._keys[ident] = keys | m.parties()

    def candidates(self, m: Mention) -> list[str]:
        """The story events ``m`` could join: same type, a shared party, windows that meet."""
        lo, hi = m.window()
        ids = {i for k in m.parties() for i in self._index.get((m.type, k), ())}
        return sorted(i for i in ids
                      if shift(self._hull[i][0], -SLACK) <= hi and shift(lo, -SLACK) <= self._hull[i][1])

    def add(self, m: Mention) -> str:
        """Put ``m`` into the story event it belongs to (a new one if none); returns its id."""
        target = choose(m, ((i, self.stories[i]) for i in self.candidates(m))) or story_id(m)
        self._put(target, m)
        return target


def link(mentions: Iterable[Mention]) -> dict[str, list[Mention]]:
    """Group mentions, in publication order, into story events: {story event id: its mentions}."""
    linker = Linker()
    for m in sorted(mentions, key=order_key):
        linker.add(m)
    return linker.stories


def story_id(founder: Mention) -> str:
    """A story event's id, from the mention that founded it (stable under relinking)."""
    return "se-" + hashlib.sha256(founder.key.encode("utf-8")).hexdigest()[:12]


# -- summary ------------------------------------------------------------------------------
def history(mentions: Sequence[Mention]) -> list[HistoryEntry]:
    out: list[HistoryEntry] = []
    firm = False
    for m in sorted(mentions, key=lambda x: (x.published or dt.date.max, _RANK[x.status], x.article)):
        if m.status == "hypothetical" and firm:
            continue
        if m.status in PLANNED and out and out[-1].status == "asserted":
            continue
        firm = firm or m.status != "hypothetical"
        if not out or out[-1].status != m.status:
            out.append(HistoryEntry(date=m.published.isoformat() if m.published else None,
                                    status=m.status, article=m.article))
    return out


def _precision(m: Mention) -> int:
    iv = m.text_interval()
    return (iv[1] - iv[0]).days if iv else 10**7


def story_time(mentions: Sequence[Mention]) -> StoryTime | None:
    """The event's time from the texts (never from a publication date): the most precise time
    of a report that it happened (asserted or negated before alleged or denied; the earliest
    of equally precise ones); else the latest plan, or an earlier, more precise plan inside it."""
    timed = [m for m in mentions if m.time_value and m.text_interval() is not None]
    facts = [m for m in timed if m.status not in PLANNED]
    if facts:
        best = min(facts, key=lambda m: (m.status in CLAIMED, _precision(m), m.text_interval()[0]))
        return StoryTime(value=best.time_value, mod=best.time_mod)
    if timed:
        latest = max(timed, key=order_key)
        lo, hi = latest.text_interval()
        inside = [m for m in timed if lo <= m.text_interval()[0] and m.text_interval()[1] <= hi]
        best = min(inside, key=lambda m: (_precision(m), -order_key(m)[0].toordinal()))
        return StoryTime(value=best.time_value, mod=best.time_mod)
    return None


def _ordered_union(groups: Iterable[Sequence[str]], exclude: set[str] = frozenset()) -> list[str]:
    seen: dict[str, None] = {}
    for g in groups:
        for x in g:
            if x not in exclude:
                seen.setdefault(x, None)
    return list(seen)


def summarize(ident: str, mentions: Sequence[Mention], as_of: dt.date | None = None) -> StoryEvent:
    """The story event that ``mentions`` (of one real event) make up."""
    ms = sorted(mentions, key=order_key)
    hist = history(ms)
    actors = _ordered_union(m.actors for m in ms)
    recipients = _ordered_union((m.recipients for m in ms), set(actors))
    a_c = _ordered_union(m.actor_countries for m in ms)
    r_c = _ordered_union((m.recipient_countries for m in ms), set(a_c))
    dates = [m.published for m in ms if m.published]
    modes = Counter(m.mode for m in ms if m.mode)
    places = Counter(m.location for m in ms if m.location)
    ev = StoryEvent(
        id=ident, type=Counter(m.type for m in ms).most_common(1)[0][0],
        mode=modes.most_common(1)[0][0] if modes else None,
        actors=actors, recipients=recipients, actor_countries=a_c, recipient_countries=r_c,
        status=hist[-1].status if hist else ms[-1].status, time=story_time(ms),
        location=places.most_common(1)[0][0] if places else None,
        first_reported=min(dates).isoformat() if dates else None,
        last_reported=max(dates).isoformat() if dates else None,
        mentions=[MentionOut(article=m.article, published=m.published.isoformat() if m.published else None,
                             publisher=m.publisher, status=m.status,
                             evidence=EvidenceOut(start=m.evidence_start, end=m.evidence_end,
                                                  text=m.evidence_text)) for m in ms],
        history=hist, sources=_ordered_union([m.publisher] for m in ms if m.publisher),
    )
    ev.overdue = is_overdue(ev, as_of)
    return ev


def expected_by(ev: StoryEvent) -> dt.date | None:
    """The last day an expected story event was due, when its time says so."""
    if ev.time is None:
        return None
    iv = time_interval(ev.time.value, ev.time.mod)
    return iv[1] if iv else None


def is_overdue(ev: StoryEvent, as_of: dt.date | None = None) -> bool:
    """Expected, its expected time passed, and no report that it happened."""
    if ev.status != "expected":
        return False
    due = expected_by(ev)
    return due is not None and due < (as_of or dt.date.today())


def date_range(ev: StoryEvent) -> tuple[str | None, str | None]:
    """The days a story event is about, for since/until filters: its time, else its reports."""
    iv = time_interval(ev.time.value, ev.time.mod) if ev.time else None
    if iv and iv[0] > MIN and iv[1] < MAX:
        return iv[0].isoformat(), iv[1].isoformat()
    return ev.first_reported, ev.last_reported
