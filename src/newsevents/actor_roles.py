"""Roles from context: what the words around a name say about who it is.

The third step of the actors stage (:mod:`newsevents.actors`).  Given the candidate mentions
found by the gazetteer and the NER, it reads

* the **title window** before a name ("Iranian Foreign Ministry spokesman X", "U.S. Secretary
  of State X", "Houthi spokesperson X"): country and sector for an unknown person or outlet,
  and the modifiers in it (demonyms, countries, ministries, groups) are marked as consumed;
* an **appositive** after a name ("X, director of ..., Middle East Institute"), or one before it
  ("his Qatari counterpart, X");
* for a known person, a title the text gives wins over the knowledge base's "out of office" on
  the article's date ("President X", "King X", "Italian Prime Minister X", "Arab League
  Secretary-General X": the office of that time, as a report from then names it);
* for a known body, a state that owns it in the text gives its country when the knowledge base
  has none ("Egypt's Muslim Brotherhood") or when it is a party whose name several states'
  parties bear ("Israel's Labour Party"); a state before a known body of another state is not
  consumed ("the Malaysia Airlines Boeing");
* for an office holder still without a country, the country named earlier in the sentence (one
  that owns or modifies the title before one that is a place) or the one state the sentence
  names (also for an unknown party);
* for an unknown state office or body still without a country ("Sen. X", "the Supreme Court"),
  the article's dominant state, when one is named at least twice as often as any other;
* demonyms that modify another actor's noun phrase, which are consumed too.

Sector words come from ``data/actor_words.toml``.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, replace
from functools import lru_cache

from .analysis import Analysis
from .knowledge import KnowledgeBase, actor_words

_APPOS_HEADS = {"director", "head", "chief", "analyst", "professor", "fellow", "founder",
                "president", "chairman", "spokesman", "spokeswoman", "spokesperson", "researcher",
                "expert", "member", "adviser", "advisor", "editor", "executive", "deputy", "leader",
                "correspondent", "co-founder", "secretary", "minister", "ambassador", "envoy", "lecturer",
                "partner", "economist", "strategist", "commentator", "scientist", "vice", "managing",
                "chair", "counterpart"}


@dataclass(frozen=True)
class Candidate:
    """A candidate mention before grouping."""

    start: int
    end: int
    actor_id: str
    name: str
    kind: str
    country: str | None
    sector: str | None
    metonymy: bool = False
    known: bool = True          # from the knowledge base
    context: bool = False       # a modifier of another actor (consumed, never emitted)
    title: str = ""             # a person's title in the text ("foreign ministry spokesman")


_ANCHORS = {"person", "media", "organization", "igo", "group"}
_MODIFIERS = {"country", "organization", "group", "igo", "media"}


def apply_context(a: Analysis, kb: KnowledgeBase, cands: list[Candidate]) -> list[Candidate]:
    """The candidates with countries and sectors from context, and modifiers marked consumed."""
    doc, words = a.doc, actor_words()
    cands = sorted(cands, key=lambda c: c.start)
    by_token: dict[int, int] = {}
    for n, c in enumerate(cands):
        span = doc.char_span(c.start, c.end, alignment_mode="expand")
        if span is not None:
            for t in span:
                by_token.setdefault(t.i, n)
    out = list(cands)
    for n, c in enumerate(cands):
        if c.kind not in _ANCHORS:
            continue
        span = doc.char_span(c.start, c.end, alignment_mode="expand")
        if span is None:
            continue
        window, used = _title_window(doc, span.start, by_token, n, cands)
        if not window and c.kind == "person" and span.start > 1 and doc[span.start - 1].text == ",":
            pre, pre_used = _title_window(doc, span.start - 1, by_token, n, cands)
            if title_sector(" ".join(doc[i].lower_ for i in pre), words):
                window, used = pre, pre_used  # "his Qatari counterpart, X"
        country = next((cands[m].country for m in reversed(used) if cands[m].country), None)
        if c.known and c.kind in ("organization", "group", "media") and country and country != c.country \
                and not (_owner(a, cands, used) and (c.country is None or c.sector in ("PTY", "OPP"))):
            # "the Malaysia Airlines Boeing 777": a state named before a known body of another
            # state is not its owner; it stays a mention of its own
            used = [m for m in used if cands[m].kind != "country"]
            country = None
        for m in used:
            out[m] = replace(out[m], context=True)
        if c.kind == "person" and window:
            out[n] = replace(out[n], title=" ".join(doc[i].lower_ for i in sorted(window)
                                                    if by_token.get(i) is None or cands[by_token[i]].kind != "country"))
        title_words = doc[min(window)].doc[min(window):max(window) + 1].text.lower().replace("-", " ") \
            if window else ""
        sector = title_sector(title_words, words)
        if c.kind == "person" and c.known and not sector:  # a title inside the name: "King Hassan"
            first = a.text[c.start:c.end].split()[0].lower()
            sector = words["titles"].get(first) if first != a.text[c.start:c.end].lower() else None
        used_sector = next((cands[m].sector for m in reversed(used)
                            if cands[m].kind != "country" and cands[m].sector), None)
        of_igo = any(cands[m].kind == "igo" for m in used)  # "Arab League Secretary-General X"
        if c.kind == "person" and c.known and c.sector in ("ELI", None) and sector and of_igo \
                and not _former_in(doc, window, words):
            out[n] = replace(out[n], sector="IGO", country=None)  # an international body's office then
        elif c.kind == "person" and c.known and (c.sector in ("ELI", None) or c.country is None) \
                and sector in STATE_SECTORS and not _former_in(doc, window, words):
            # "President X" in a report from X's time in office; "Italian Prime Minister X" names
            # the office of that time even when X has since served an international body
            out[n] = replace(out[n], sector=sector, country=country or c.country)
        if c.kind == "person" and not c.known:
            if country is None and span.end + 1 < len(doc) and doc[span.end].lower_ == "of":
                m = by_token.get(span.end + 1)  # "King Hassan of Morocco"
                if m is not None and cands[m].kind == "country":
                    country = cands[m].country
            appos = _appositive(doc, span.end, by_token, cands)
            if country is None and appos is not None:
                country = appos.country
            if sector is None and appos is not None and appos.kind != "country":
                sector = appos.sector  # the person speaks for their institution
            if sector is None and span.end + 1 < len(doc) and doc[span.end].text == ",":
                sector = title_sector(" ".join(t.lower_ for t in doc[span.end + 1:span.end + 5]), words)
            if country is None and sector and not of_igo:
                country = _sentence_country(doc, span.start, by_token, cands)
            if country is None and sector in _DOMESTIC_SECTORS and not of_igo:
                country = _only_country(doc, span.start, by_token, cands)  # "President X ... in Algiers"
            former = _former_in(doc, window, words)
            sector = "ELI" if former and sector else (used_sector or sector)
            out[n] = replace(out[n], country=country, sector=sector)
        elif c.known and country and c.kind in ("organization", "group"):
            # "Egypt's Muslim Brotherhood": a branch of a movement of no state; "Israel's Labour
            # Party": a party name that several states' parties bear (the others kept theirs above)
            out[n] = replace(c, country=country)
        elif not c.known:
            if country is None and c.country is None and c.sector in _PARTISAN_SECTORS:
                country = _only_country(doc, span.start, by_token, cands)  # "the X party ... boycott Y's vote"
            out[n] = replace(c, country=c.country or country)
    # a state office or body with no country anywhere near: the article's dominant state
    home = dominant_country(out)
    if home:
        for n, c in enumerate(out):
            if not c.known and c.country is None and c.sector in STATE_SECTORS \
                    and c.kind in ("person", "organization"):
                out[n] = replace(c, country=home)
    # demonyms that modify an actor noun without being in a title window
    for n, c in enumerate(out):
        if c.kind == "country" and not c.context and _is_demonym(kb, a.text[c.start:c.end]):
            if _modifies_actor(doc, c, by_token, n, out):
                out[n] = replace(c, context=True)
    return out


def _former_in(doc, window: list[int], words: dict) -> bool:
    """A word in the title window that makes the office a past one ("former", "ex-")."""
    return any(doc[i].lower_ in words["former"]["words"] for i in window)


def _owner(a: Analysis, cands: list[Candidate], used: list[int]) -> bool:
    """The last state in a title window owns what follows it ("Egypt's X", "the Egyptian X"),
    not a place it is based in or a power behind it ("US-based X", "Iran-backed X")."""
    states = [cands[m] for m in used if cands[m].kind == "country"]
    return bool(states) and not a.text[states[-1].end:states[-1].end + 1] in ("-", "‑")


def _title_window(doc, start: int, by_token: dict[int, int], anchor: int,
                  cands: list[Candidate]) -> tuple[list[int], list[int]]:
    """Token indices of the pre-name title ("Russian Foreign Minister") and the mentions in it."""
    window: list[int] = []
    used: list[int] = []
    i = start - 1
    sent_start = doc[start].sent.start
    while i >= sent_start and len(window) < 10:
        t = doc[i]
        m = by_token.get(i)
        if m is not None and m != anchor:
            c = cands[m]
            if c.kind not in _MODIFIERS and not (c.kind == "location" and c.country):
                break  # another person or outlet ends the title
            if m not in used:
                used.append(m)
            window.append(i)
            i -= 1
            continue
        if _title_token(doc, i):
            window.append(i)
            i -= 1
            continue
        break
    while window and doc[window[-1]].lower_ in ("of", "for", "’s", "'s", "-"):
        window.pop()  # a window never starts with a function word
    return window, [m for m in used if any(by_token.get(i) == m for i in window)]


def _title_token(doc, i: int) -> bool:
    """A word that can sit in a title before a name: "deputy", "Foreign", "state-owned", "of",
    "for" ("Minister for Home Affairs")."""
    t = doc[i]
    if t.lower_ in ("of", "’s", "'s"):
        return True
    if t.lower_ == "for":  # inside a title only between capitalised words: not "voted for President X"
        return 0 < i < len(doc) - 1 and doc[i - 1].text[:1].isupper() and doc[i + 1].text[:1].isupper()
    glued = lambda j: 0 <= j < len(doc) and doc[j].text == "-"  # noqa: E731
    if t.text == "-":
        return not t.whitespace_ and i > 0 and not doc[i - 1].whitespace_
    if t.lower_ in actor_words()["titles"]:
        return True  # "Sen.", "Gen."
    if not t.is_alpha:
        return False
    if (glued(i - 1) and not doc[i - 1].whitespace_) or (glued(i + 1) and not t.whitespace_):
        return True  # part of a hyphenated modifier: "state-run", "state-owned"
    return t.pos_ in ("PROPN", "ADJ", "NOUN")


@lru_cache(maxsize=1)
def _titles_regex() -> re.Pattern[str]:
    keys = sorted(actor_words()["titles"], key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?P<t>" + "|".join(re.escape(k) for k in keys) + r")s?(?![\w-])")


def title_sector(title: str, words: dict) -> str | None:
    """The sector of the longest title phrase in ``title`` (lower case words; a plural
    "commanders" is its singular's)."""
    found = [m.group("t") for m in _titles_regex().finditer(title)]
    return words["titles"][max(found, key=len)] if found else None


def title_sector_at_end(title: str, words: dict) -> str | None:
    """The sector of a title phrase that ends ``title`` ("u.s. senator" -> LEG; not "president
    of the chadian", whose title ends before the words that follow it)."""
    found = [m for m in _titles_regex().finditer(title) if m.end() == len(title.rstrip())]
    return words["titles"][max(found, key=lambda m: len(m.group("t"))).group("t")] if found else None


def _appositive(doc, end_tok: int, by_token: dict[int, int], cands: list[Candidate]) -> Candidate | None:
    """The first organisation/country named in an appositive after a name ("X, director of Y")."""
    if end_tok >= len(doc) or doc[end_tok].text != "," or end_tok + 1 >= len(doc):
        return None
    j = end_tok + 1
    while j < len(doc) and doc[j].lower_ in ("a", "an", "the", "senior", "former", "its", "his", "her"):
        j += 1
    if j >= len(doc) or not (doc[j].lower_ in _APPOS_HEADS or doc[j].lower_ in actor_words()["titles"]):
        return None  # ", the State Department said": a clause, not an appositive
    sent_end = doc[end_tok].sent.end
    found: list[Candidate] = []
    for i in range(end_tok + 1, min(sent_end, end_tok + 25)):
        if doc[i].text in (":", ";") or doc[i].pos_ == "VERB":
            break
        m = by_token.get(i)
        if m is not None and cands[m].kind in ("organization", "igo", "country", "media") and cands[m].country:
            found.append(cands[m])
    # the employer ("director of the China Power Project at CSIS") before a country named in passing
    return next((c for c in found if c.kind != "country"), found[0] if found else None)


def _sentence_country(doc, start_tok: int, by_token: dict[int, int], cands: list[Candidate]) -> str | None:
    """The nearest country named earlier in the sentence ("A French delegation headed by ..."),
    one that owns or modifies before one that is a place ("the US commander in Iraq, General X")."""
    sent_start = doc[start_tok].sent.start
    found = [cands[m] for i in range(start_tok - 1, sent_start - 1, -1)
             if (m := by_token.get(i)) is not None and cands[m].kind == "country"
             and (i == start_tok - 1 or by_token.get(i + 1) != m)]
    if not found:
        return None
    owners = [c for c in found if not _is_place(doc, c)]
    return (owners or found)[0].country


def _is_place(doc, c: Candidate) -> bool:
    span = doc.char_span(c.start, c.end, alignment_mode="expand")
    return span is not None and span.root.dep_ == "pobj" and span.root.head.lower_ in ("in", "at", "to", "from")


STATE_SECTORS = {"GOV", "MIL", "LEG", "JUD", "COP", "SPY"}
#: sectors whose holders act within their own state: an unknown one takes the one state a
#: sentence names ("opposition leader X ... the Pakistani government")
_DOMESTIC_SECTORS = STATE_SECTORS | {"OPP", "PTY", "REB"}
#: sectors of bodies that act within one state: an unknown party takes the one state a sentence names
_PARTISAN_SECTORS = {"OPP", "PTY"}


def _only_country(doc, start_tok: int, by_token: dict[int, int], cands: list[Candidate]) -> str | None:
    """The one state a sentence names (countries, their capitals and places), if only one."""
    sent = doc[start_tok].sent
    seen = {cands[m].country for i in range(sent.start, sent.end)
            if (m := by_token.get(i)) is not None and cands[m].kind in ("country", "location")}
    seen.discard(None)
    return seen.pop() if len(seen) == 1 else None


def dominant_country(cands: list[Candidate]) -> str | None:
    """The state an article is about, when one is named at least twice as often as any other."""
    counts = Counter(c.country for c in cands if c.kind in ("country", "location") and c.country)
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < 2:
        return None
    if len(ranked) > 1 and ranked[0][1] < 2 * ranked[1][1]:
        return None
    return ranked[0][0]


def _is_demonym(kb: KnowledgeBase, surface: str) -> bool:
    return any(h.use == "demonym" for h in kb.lookup(surface, fuzzy=False))


def _modifies_actor(doc, c: Candidate, by_token: dict[int, int], n: int, cands: list[Candidate]) -> bool:
    span = doc.char_span(c.start, c.end, alignment_mode="expand")
    if span is None:
        return False
    tok = span.root
    for _ in range(4):
        if tok.dep_ not in ("amod", "compound", "nmod", "appos", "flat") or tok.head is tok:
            return False
        tok = tok.head
        m = by_token.get(tok.i)
        if m is not None and m != n and cands[m].kind in _ANCHORS:
            return True
    return False


def in_prose(prose: list[tuple[int, int]], s: int, e: int) -> bool:
    """[s, e) lies within one of the sorted prose spans."""
    i = bisect.bisect_right(prose, (s, float("inf"))) - 1
    return i >= 0 and prose[i][0] <= s and e <= prose[i][1]
