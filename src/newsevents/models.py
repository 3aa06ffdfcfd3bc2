"""The typed record model: every stage, the CLI, the store and the API share these types.

The JSON form of :class:`Article` is the *article record* of the external contract
(``shared/CONTRACT.md``, schema ``newsevents.article/1``).  Offsets are Python string
indices (code points) into ``Article.text``, end exclusive.

Records that cross a boundary forbid unknown fields (``extra="forbid"``), so a typo in a
stage or a consumer fails loudly instead of silently dropping data.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

SCHEMA = "newsevents.article/1"

ActorKind = Literal["country", "person", "organization", "igo", "media", "group", "location"]
TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
TimexMod = Literal[
    "START", "MID", "END", "BEFORE", "AFTER", "ON_OR_BEFORE", "ON_OR_AFTER",
    "APPROX", "LESS_THAN", "MORE_THAN", "EQUAL_OR_LESS", "EQUAL_OR_MORE",
]
QuoteKind = Literal["direct", "indirect", "mixed"]
PloverType = Literal[
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
]
Status = Literal["asserted", "expected", "hypothetical", "negated", "alleged", "denied"]
TimeSource = Literal["text", "published"]

#: PLOVER sector codes used for actors (judged on the article's date).  ``PRE``: a
#: self-proclaimed or partly recognised state; ``PRM``: a paramilitary force; ``SOC``: civil
#: society (the codes of PLOVER's agent dictionary).
SECTORS = (
    "GOV", "MIL", "LEG", "JUD", "COP", "SPY", "PTY", "REB", "OPP", "ELI", "MED", "BUS",
    "EDU", "REL", "CVL", "LAB", "NGO", "IGO", "HLH", "AGR", "CRM", "REF", "INS", "UAF",
    "PRE", "PRM", "SOC",
)


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=False)


class Span(Record):
    start: int = Field(ge=0)
    end: int = Field(ge=0)

    @model_validator(mode="after")
    def _ordered(self) -> "Span":
        if self.end < self.start:
            raise ValueError(f"span end {self.end} precedes start {self.start}")
        return self


class Section(Record):
    title: str | None
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Boilerplate(Record):
    kind: str  # photo_credit, contact, newsletter, share, ad, byline, related
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Actor(Record):
    id: str
    name: str
    kind: ActorKind
    country: str | None = None
    sector: str | None = None
    mentions: list[Span] = Field(default_factory=list)


class Time(Record):
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str
    type: TimexType
    value: str
    mod: TimexMod | None = None


class SpeakerRef(Record):
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    actor: str | None = None


class Quote(Record):
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    kind: QuoteKind
    speaker: SpeakerRef | None = None
    cue: Span | None = None
    #: extension of the contract: the outlet the statement reaches the article through
    #: ("..., outlet X reported", "in comments to X"), when there is one
    via: SpeakerRef | None = None
    #: extension of the contract: the cue's lemma ("say", "accuse", "deny", "according to"),
    #: for stages that read what kind of statement a quote is; null when there is no cue
    cue_lemma: str | None = None


class EventTime(Record):
    value: str
    mod: TimexMod | None = None
    source: TimeSource


class Event(Record):
    type: PloverType
    mode: str | None = None
    cameo: str | None = None
    actors: list[str] = Field(default_factory=list)
    recipients: list[str] = Field(default_factory=list)
    status: Status
    time: EventTime | None = None
    location: str | None = None
    evidence: Span
    attributed_to: list[str] = Field(default_factory=list)
    confidence: float = Field(ge=0.0, le=1.0)


class Article(Record):
    """One article record: the input and everything extracted from it."""

    schema_: Literal["newsevents.article/1"] = Field(default=SCHEMA, alias="schema")
    id: str
    published: str | None = Field(default=None, pattern=r"^\d{4}-\d{2}-\d{2}$")
    publisher: str | None = None
    title: str | None = None
    url: str | None = None
    language: str | None = None
    text: str
    sections: list[Section] = Field(default_factory=list)
    boilerplate: list[Boilerplate] = Field(default_factory=list)
    actors: list[Actor] = Field(default_factory=list)
    times: list[Time] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    def to_json(self) -> str:
        """The contract's JSON form (``schema`` first, no alias leaks)."""
        return self.model_dump_json(by_alias=True)

    def to_dict(self) -> dict:
        return self.model_dump(by_alias=True)


class InputItem(Record):
    """One article as read from the input, before extraction (a JSON-lines row's fields)."""

    id: str | None = None
    text: str | None = None
    html: str | None = None
    published: str | None = None
    publisher: str | None = None
    title: str | None = None
    url: str | None = None
    language: str | None = None
    path: str | None = None  # where it was read from, for error messages

    model_config = ConfigDict(extra="ignore")


class ItemError(Record):
    """One rejected input item, as printed on stderr: ``{"id", "path", "error": {...}}``."""

    id: str | None
    path: str | None
    error: "ErrorBody"


class ErrorBody(Record):
    code: str
    message: str


ItemError.model_rebuild()
