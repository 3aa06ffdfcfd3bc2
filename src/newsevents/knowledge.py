"""The actor knowledge base: countries, people with dated roles, organisations, outlets, places.

Facts live in versioned data files (``data/countries.jsonl``, ``people.jsonl``,
``people_asia_africa.jsonl`` and ``people_heads.jsonl`` (heads of state and government the
first two lacked),
``organizations.jsonl``, ``locations.jsonl``; each starts with a ``_meta`` provenance line).
The invented outlets and people of the bundled example corpus are not among them: they live
with the corpus, in ``examples/kb_fictional.jsonl``, a user file loaded only where the examples
are run.
Users add or correct entries in files of the same format (JSON lines, an optional ``_meta``
first line), named in the environment variable ``NEWSEVENTS_KB`` (paths separated by ``:``, or
``;`` on Windows) or passed to :func:`load_kb` (the CLI's ``--kb FILE``).  They are merged at
load time, after the packaged files: an entry whose id is known replaces the packaged one
(a user's correction wins), others are added.  Every row is checked by :func:`check_row`; a
bad user file raises :class:`~newsevents.errors.KnowledgeBaseError` (``E_KB``) naming the file
and line.

This module loads them once into a :class:`KnowledgeBase` that answers three questions:

* which entries does a surface form name (``lookup``: names, aliases, demonyms, capitals and
  government metonyms such as "the Kremlin"), and which surfaces exist at all (``surfaces``, for
  the gazetteer matcher of the actors stage);
* what country and PLOVER sector an entry has **on a date** (``Entry.on``): a person's role active
  on that date, ``ELI`` for someone whose roles have all ended;
* which ministry a phrase such as "Russian Foreign Ministry" or "Ministry of Defense of Iran"
  names (``ministry``), built from the country list instead of being enumerated.
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
import os
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal

from .errors import KnowledgeBaseError
from .resources import load_jsonl, load_toml

ACTOR_FILES = ("countries.jsonl", "people.jsonl", "people_asia_africa.jsonl", "people_heads.jsonl",
               "organizations.jsonl", "locations.jsonl")
#: the environment variable naming users' own knowledge-base files
KB_ENV = "NEWSEVENTS_KB"
KINDS = ("country", "person", "organization", "igo", "media", "group", "location")

#: How a surface form names an entry.
Use = Literal["name", "demonym", "capital", "metonym"]


def slugify(text: str) -> str:
    """``"Sergei Lavrov"`` -> ``"sergei-lavrov"`` (ASCII, lower case, hyphens)."""
    s = unicodedata.normalize("NFKD", text.replace("&", " and ")).encode("ascii", "ignore").decode()
    s = s.lower().replace("'", "")
    return re.sub(r"[^a-z0-9]+", "-", s).strip("-")


def parse_partial_date(value: str | None, *, end: bool = False) -> dt.date | None:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` as a date (the first day of a partial period)."""
    if not value:
        return None
    parts = [int(p) for p in value.split("-")]
    while len(parts) < 3:
        parts.append(1)
    return dt.date(parts[0], parts[1], parts[2])


@dataclass(frozen=True)
class Role:
    country: str | None
    sector: str
    title: str
    start: dt.date | None
    end: dt.date | None  # exclusive: the first day the role is no longer held

    def active(self, date: dt.date) -> bool:
        return (self.start is None or self.start <= date) and (self.end is None or date < self.end)


#: a role title for an office not yet taken ("President-elect", "Prime Minister-designate")
_DESIGNATE = re.compile(r"(?i)[- ](?:elect|designate)\b")


@dataclass(frozen=True)
class Entry:
    """One knowledge-base record (a country, person, organisation, outlet, group or place)."""

    id: str
    name: str
    kind: str
    country: str | None
    sector: str | None
    aliases: tuple[str, ...] = ()
    roles: tuple[Role, ...] = ()
    demonyms: tuple[str, ...] = ()
    capitals: tuple[str, ...] = ()
    capital_variants: tuple[tuple[str, str], ...] = ()  # (variant, usual name): ("Kiev", "Kyiv")
    metonyms: tuple[tuple[str, str], ...] = ()  # (surface, sector)
    ambiguous: frozenset[str] = frozenset()
    state_affiliated: bool | None = None

    def place_name(self, surface: str) -> str:
        """The usual name of a capital written as ``surface`` ("Kiev" -> "Kyiv")."""
        folded = fold(surface)
        for variant, usual in self.capital_variants:
            if fold(variant) == folded:
                return usual
        return next((c for c in self.capitals if fold(c) == folded), surface)

    def on(self, date: dt.date | None) -> tuple[str | None, str | None, str | None]:
        """(country, sector, title) of this entry on ``date`` (with no date: the latest role still
        held, ``ELI`` when every role has ended)."""
        if not self.roles:
            return self.country, self.sector, None
        ordered = sorted(self.roles, key=lambda r: r.start or dt.date.min)
        if date is None:  # now: the latest office still held ("MP" after "Prime Minister"), else ELI
            held = [r for r in ordered if r.end is None and not _DESIGNATE.search(r.title)]
            last = held[-1] if held else ordered[-1]
            return (last.country, "ELI" if last.end else last.sector, last.title)
        active = [r for r in ordered if r.active(date)]
        if active:
            held = [r for r in active if not _DESIGNATE.search(r.title)]
            if not held:  # elected, not yet in office: not the government
                return active[-1].country, "ELI", active[-1].title
            r = held[-1]  # the most recently taken office
            return r.country, r.sector, r.title
        past = [r for r in ordered if r.end is not None and r.end <= date]
        if past:
            r = max(past, key=lambda r: r.end or dt.date.min)
            return (r.country or self.country), "ELI", f"former {r.title}"
        return self.country, self.sector, None


@dataclass(frozen=True)
class Hit:
    """One way a surface form names an entry."""

    entry: Entry
    use: Use
    sector: str | None = None  # the sector a metonym stands for ("Pentagon" -> MIL)

    def ambiguous(self, surface: str) -> bool:
        """True when this surface may name something else (taken only if the NER agrees)."""
        return surface in self.entry.ambiguous


#: Ministries built from the country list: canonical key -> (surface words, sector)
MINISTRIES: dict[str, tuple[tuple[str, ...], str]] = {
    "foreign": (("Foreign Affairs", "Foreign", "External Affairs"), "GOV"),
    "defense": (("Defense", "Defence"), "GOV"),  # a ministry is government; its forces are MIL
    "interior": (("Interior", "Internal Affairs", "Home Affairs"), "GOV"),
    "finance": (("Finance",), "GOV"),
    "economy": (("Economic Development", "Economy"), "GOV"),
    "energy": (("Energy",), "GOV"),
    "oil": (("Oil", "Petroleum"), "GOV"),
    "trade": (("Trade", "Commerce", "Industry and Trade"), "GOV"),
    "justice": (("Justice",), "GOV"),
    "health": (("Health",), "GOV"),
    "education": (("Education",), "GOV"),
    "intelligence": (("Intelligence",), "SPY"),
    "agriculture": (("Agriculture",), "GOV"),
    "transport": (("Transport", "Transportation"), "GOV"),
    "culture": (("Culture",), "GOV"),
    "emergency-situations": (("Emergency Situations", "Emergencies"), "GOV"),
}


@dataclass(eq=False)
class KnowledgeBase:
    entries: dict[str, Entry] = field(default_factory=dict)
    _surfaces: dict[str, list[Hit]] = field(default_factory=dict)
    _folded: dict[str, list[Hit]] = field(default_factory=dict)
    _ministry_words: dict[str, str] = field(default_factory=dict)
    _offices: dict[tuple[str, str], list[tuple[Entry, Role]]] | None = None
    _spellings: dict[str, set[str]] | None = None
    _surnames: dict[str, dict[str, Entry]] | None = None

    # -- building ----------------------------------------------------------------------
    def add(self, entry: Entry) -> None:
        self.entries[entry.id] = entry
        self._offices = self._spellings = self._surnames = None  # tables built at first use
        for s in (entry.name, *entry.aliases):
            self._index(s, Hit(entry, "name"))
        for s in entry.demonyms:
            self._index(s, Hit(entry, "demonym"))
        for s in entry.capitals:
            self._index(s, Hit(entry, "capital"))
        for s, sector in entry.metonyms:
            self._index(s, Hit(entry, "metonym", sector))

    def _index(self, surface: str, hit: Hit) -> None:
        if "'" in surface:  # news writes "Sa’ar" and "People’s Daily" with a curly apostrophe
            self._index_one(self._surfaces, surface.replace("'", "’"), hit)
        self._index_one(self._surfaces, surface, hit)
        self._index_one(self._folded, fold(surface), hit)

    @staticmethod
    def _index_one(table: dict[str, list[Hit]], key: str, hit: Hit) -> None:
        hits = table.setdefault(key, [])
        if not any(h.entry.id == hit.entry.id and h.use == hit.use for h in hits):
            hits.append(hit)

    # -- questions ---------------------------------------------------------------------
    def surfaces(self) -> list[str]:
        """Every surface form, for a case-sensitive gazetteer."""
        return list(self._surfaces)

    def lookup(self, surface: str, *, fuzzy: bool = True) -> list[Hit]:
        """Entries a surface form names: exact first, then case- and punctuation-folded."""
        hits = self._surfaces.get(surface.strip())
        if hits:
            return _ranked(hits)
        if not fuzzy:
            return []
        return _ranked(self._folded.get(fold(surface), []))

    def by_surname(self, surname: str) -> Entry | None:
        """The one known person with this surname ("Babiker"), or None when none or several."""
        if self._surnames is None:  # built once: the last word of each person's names
            table: dict[str, dict[str, Entry]] = {}
            for e in self.entries.values():
                if e.kind == "person":
                    for n in (e.name, *e.aliases):
                        if n.split():
                            table.setdefault(n.split()[-1], {})[e.id] = e
            self._surnames = table
        found = self._surnames.get(surname, {})
        return next(iter(found.values())) if len(found) == 1 else None

    def closest(self, surface: str, *, cutoff: float = 0.9) -> Entry | None:
        """The one named entry (person, organisation, group, outlet, igo) whose name or alias is
        spelled nearly as ``surface``: another transliteration or a slip ("Ahlu Sunnah Waljama"
        for "Ahlu Sunna Waljama'a").  Only names of two words or more, and None unless exactly
        one entry is that close."""
        key = fold(surface)
        if len(key.split()) < 2 or len(key) < 8:
            return None
        if self._spellings is None:
            table: dict[str, set[str]] = {}
            for e in self.entries.values():
                if e.kind in ("person", "organization", "group", "media", "igo"):
                    for n in (e.name, *e.aliases):
                        if len(n.split()) >= 2:
                            table.setdefault(fold(n), set()).add(e.id)
            self._spellings = table
        close = difflib.get_close_matches(key, list(self._spellings), n=3, cutoff=cutoff)
        ids = {i for c in close for i in self._spellings[c]}
        return self.entries[ids.pop()] if len(ids) == 1 else None

    def holders(self, country: str, office: str, date: dt.date | None) -> list[Entry]:
        """Who held ``office`` (a key of ``[offices]`` in ``actor_words.toml``) of ``country``
        on ``date`` (with no date: whoever holds it now, an open role)."""
        if self._offices is None:
            table: dict[tuple[str, str], list[tuple[Entry, Role]]] = {}
            for e in self.entries.values():
                for r in e.roles:
                    key = office_of(r.title)
                    if key and (r.country or e.country):
                        table.setdefault((r.country or e.country, key), []).append((e, r))  # type: ignore[arg-type]
            self._offices = table
        found: dict[str, Entry] = {}
        for e, r in self._offices.get((country, office), []):
            if (r.active(date) if date is not None else r.end is None):
                found[e.id] = e
        return list(found.values())

    def get(self, entry_id: str) -> Entry | None:
        return self.entries.get(entry_id)

    def country_of_word(self, word: str) -> str | None:
        """ISO3 of a country name, alias or demonym ("Iranian", "U.S.", "Russia's")."""
        w = re.sub(r"[’']s$", "", word.strip())
        for h in self.lookup(w, fuzzy=False):
            if h.entry.kind == "country" and h.use in ("name", "demonym"):
                return h.entry.id
        return None

    def ministry(self, iso3: str, key: str) -> Entry | None:
        """The ``key`` ministry of a country ("RUS", "foreign" -> Russian Foreign Ministry).

        ``key`` is a canonical key of :data:`MINISTRIES` or, for other ministries, the slug of
        their subject ("water-and-energy")."""
        country = self.entries.get(iso3)
        if country is None or not key:
            return None
        adjective = country.demonyms[0] if country.demonyms else country.name
        label = key.replace("-", " ").title().replace(" And ", " and ")
        sector = MINISTRIES[key][1] if key in MINISTRIES else "GOV"
        return Entry(id=f"organization:{slugify(adjective)}-{key}-ministry",
                     name=f"{adjective} {label} Ministry", kind="organization",
                     country=iso3, sector=sector)

    def ministry_key(self, words: str) -> str:
        """The canonical key of a ministry's subject ("Foreign Affairs" -> "foreign")."""
        return self._ministry_words.get(fold(words)) or slugify(words)


def alternation(words) -> str:
    """A regex matching any of ``words``, the longest first, as a character trie.

    It matches exactly what ``"|".join(sorted(words, key=len, reverse=True))`` matches (the
    longest word that fits, backtracking to shorter ones), but the engine follows one branch
    per character instead of trying every word at every position: the gazetteer scan runs
    about ten times faster."""
    trie: dict = {}
    for w in words:
        if not w:
            continue
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def pattern(node: dict) -> str:
        alts = [re.escape(ch) + pattern(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if "" in node:  # a word ends here: try the longer ones first, then stop here
            return body + "?" if len(alts) == 1 and len(alts[0]) == 1 else "(?:" + body + ")?"
        return body

    return pattern(trie)


@lru_cache(maxsize=1)
def office_phrases() -> dict[str, str]:
    """Office phrases ("minister of foreign affairs") -> canonical office key ("foreign-minister")."""
    return {p: key for key, phrases in actor_words()["offices"].items() for p in phrases}


#: offices whose acting holder stands in for a holder who keeps them (a suspended president)
_HEADS = {"president", "prime-minister", "chancellor", "king", "emir", "supreme-leader"}

_CENTRAL_BANK = re.compile(r"^(?:governor|president|chair|chairman|chairwoman|head) of (?:the )?"
                           r"(?:(?:central |national |reserve |central reserve )?bank of \w+"
                           r"|central bank|national bank|federal reserve|riksbank|bundesbank|reserve bank)\b")


def office_of(title: str) -> str | None:
    """The canonical office a role title or title phrase names ("Foreign Minister",
    "Governor of the Bank of England"), else None.  The whole title must name it: a "Deputy
    Foreign Minister" holds another office."""
    t = re.sub(r"\s*\(.*?\)", "", title).lower().replace("’", "'").strip()
    t = re.sub(r"^the\s+", "", t)
    t = re.sub(r"^(?:caretaker|interim)\s+", "", t)  # "Interim President", "Caretaker Prime Minister"
    acting = re.match(r"acting\s+", t)
    if acting and office_phrases().get(t[acting.end():]) not in _HEADS:
        t = t[acting.end():]  # "Acting Foreign Minister" holds the office; an acting president stands in
    key = office_phrases().get(t)
    if key is None and _CENTRAL_BANK.match(t):
        key = "central-bank-governor"
    return key


def fold(text: str) -> str:
    """A loose key: accents, case, curly quotes, dots and a leading 'the' ignored."""
    s = text.replace("’", "'").replace(".", "")
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode().lower()
    s = re.sub(r"^the\s+", "", s.strip())
    return re.sub(r"[\s\-]+", " ", s).strip()


_USE_ORDER = {"name": 0, "metonym": 1, "capital": 2, "demonym": 3}


def _ranked(hits: list[Hit]) -> list[Hit]:
    return sorted(hits, key=lambda h: _USE_ORDER[h.use])


def _entry(row: dict) -> Entry:
    roles = tuple(
        Role(country=r.get("country"), sector=r["sector"], title=r.get("title", ""),
             start=parse_partial_date(r.get("start")), end=parse_partial_date(r.get("end"), end=True))
        for r in row.get("roles", ())
    )
    return Entry(
        id=row["id"], name=row["name"], kind=row["kind"], country=row.get("country"),
        sector=row.get("sector"), aliases=tuple(row.get("aliases", ())), roles=roles,
        demonyms=tuple(row.get("demonyms", ())), capitals=tuple(row.get("capitals", ())),
        capital_variants=tuple(row.get("capital_variants", {}).items()),
        metonyms=tuple((m["name"], m["sector"]) for m in row.get("metonyms", ())),
        ambiguous=frozenset(row.get("ambiguous", ())), state_affiliated=row.get("state_affiliated"),
    )


_ISO3 = re.compile(r"^[A-Z]{3}$")
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_ID = re.compile(r"^[a-z]+:[a-z0-9]+(-[a-z0-9]+)*$")


def check_row(row: object) -> list[str]:
    """What is wrong with one actor record (empty when it is well formed).

    Checked: the kind; the id (ISO3 for a country, whose ``country`` is itself, else
    ``kind:slug``); the name; ``country`` an ISO3 code or null; sectors in
    :data:`newsevents.models.SECTORS` (an outlet's is ``MED``); ``state_affiliated`` a boolean
    or null; aliases, demonyms and capitals non-empty strings; each
    role's country, sector and dates (``YYYY[-MM[-DD]]``, start required, start <= end);
    metonyms' sectors; ``ambiguous`` surfaces among the entry's own."""
    from .models import SECTORS

    if not isinstance(row, dict):
        return ["a record must be a JSON object"]
    problems: list[str] = []
    kind, rid = row.get("kind"), row.get("id")
    if kind not in KINDS:
        problems.append(f"kind {kind!r} is not one of {', '.join(KINDS)}")
    if not isinstance(rid, str) or not rid:
        problems.append("id missing")
    elif kind == "country":
        if not _ISO3.match(rid) or row.get("country") != rid:
            problems.append("a country's id is its ISO3 code and its country is itself")
    elif not _ID.match(rid) or not rid.startswith(f"{kind}:"):
        problems.append(f"id {rid!r} is not '{kind}:slug' (lower case, digits, hyphens)")
    if not isinstance(row.get("name"), str) or not row["name"].strip():
        problems.append("name missing")
    country = row.get("country")
    if country is not None and not (isinstance(country, str) and _ISO3.match(country)):
        problems.append(f"country {country!r} is not an ISO3 code")
    if row.get("sector") is not None and row["sector"] not in SECTORS:
        problems.append(f"sector {row['sector']!r} is not a PLOVER sector")
    if kind == "media" and row.get("sector") not in (None, "MED"):
        problems.append("an outlet's sector is MED")
    if row.get("state_affiliated") not in (None, True, False):
        problems.append("state_affiliated is true, false or null")
    for key in ("aliases", "demonyms", "capitals"):
        values = row.get(key, [])
        if not isinstance(values, list) or not all(isinstance(v, str) and v.strip() for v in values):
            problems.append(f"{key} must be a list of non-empty strings")
    for n, role in enumerate(row.get("roles", [])):
        where = f"roles[{n}]"
        if not isinstance(role, dict):
            problems.append(f"{where} is not an object")
            continue
        if role.get("sector") not in SECTORS:
            problems.append(f"{where}.sector {role.get('sector')!r} is not a PLOVER sector")
        rc = role.get("country")
        if rc is not None and not (isinstance(rc, str) and _ISO3.match(rc)):
            problems.append(f"{where}.country {rc!r} is not an ISO3 code")
        start, end = role.get("start"), role.get("end")
        if not (isinstance(start, str) and _DATE.match(start)):
            problems.append(f"{where}.start {start!r} is not YYYY[-MM[-DD]]")
            continue
        if end is not None and not (isinstance(end, str) and _DATE.match(end)):
            problems.append(f"{where}.end {end!r} is not YYYY[-MM[-DD]] or null")
            continue
        try:
            s, e = parse_partial_date(start), parse_partial_date(end)
        except ValueError:
            problems.append(f"{where}: a date that does not exist")
            continue
        if s is not None and e is not None and e < s:
            problems.append(f"{where} ends ({end}) before it starts ({start})")
    for m in row.get("metonyms", []):
        if not isinstance(m, dict) or not m.get("name") or m.get("sector") not in SECTORS:
            problems.append(f"metonym {m!r} needs a name and a PLOVER sector")
    own = {row.get("name"), *row.get("aliases", []), *row.get("demonyms", []), *row.get("capitals", [])}
    for s in row.get("ambiguous", []):
        if s not in own:
            problems.append(f"ambiguous surface {s!r} is none of the entry's names")
    return problems


def user_kb_paths() -> tuple[str, ...]:
    """The user knowledge-base files named in ``$NEWSEVENTS_KB`` (``:``-separated)."""
    value = os.environ.get(KB_ENV, "")
    return tuple(p for p in value.split(os.pathsep) if p.strip())


def read_user_file(path: str) -> list[dict]:
    """The records of a user knowledge-base file, each checked; raises ``KnowledgeBaseError``."""
    try:
        lines = open(path, encoding="utf-8").read().splitlines()
    except OSError as e:
        raise KnowledgeBaseError(f"knowledge-base file {path}: {e.strerror or e}") from e
    rows: list[dict] = []
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as e:
            raise KnowledgeBaseError(f"knowledge-base file {path} line {n}: not JSON ({e.msg})") from e
        if isinstance(row, dict) and "_meta" in row:
            continue
        problems = check_row(row)
        if problems:
            raise KnowledgeBaseError(f"knowledge-base file {path} line {n}: {'; '.join(problems)}")
        rows.append(row)
    return rows


def load_kb(extra: tuple[str, ...] | list[str] = ()) -> KnowledgeBase:
    """The knowledge base: the packaged data files, then the user files in ``extra`` and in
    ``$NEWSEVENTS_KB`` (built once per distinct list of files)."""
    return _build_kb(tuple(extra) + user_kb_paths())


@lru_cache(maxsize=4)
def _build_kb(user_files: tuple[str, ...]) -> KnowledgeBase:
    rows: dict[str, dict] = {}
    for name in ACTOR_FILES:
        _meta, packaged = load_jsonl(name)
        for row in packaged:
            rows[row["id"]] = row
    for path in user_files:
        for row in read_user_file(path):
            rows[row["id"]] = row  # a user's entry replaces the packaged one with its id
    kb = KnowledgeBase()
    for row in rows.values():
        kb.add(_entry(row))
    for key, (words, _sector) in MINISTRIES.items():
        for w in words:
            kb._ministry_words[fold(w)] = key
    return kb


@lru_cache(maxsize=1)
def actor_words() -> dict:
    """Sector words (titles, organisation heads, group nouns) from ``data/actor_words.toml``."""
    return load_toml("actor_words.toml")
