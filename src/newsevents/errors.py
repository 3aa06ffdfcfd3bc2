"""Errors, with stable codes a user or script can act on.

Hierarchy (shallow on purpose)::

    NewsEventsError              base; .code is a stable string, .message says what to do
    ├── InputError               an input item cannot be read or is not an article
    │   ├── EmptyText            no text to extract from              (code E_EMPTY)
    │   ├── BadDate              a publication date is not YYYY-MM-DD (code E_DATE)
    │   ├── BadRow               a JSON-lines row is not an object    (code E_ROW)
    │   └── UnreadableFile       a file cannot be read or decoded     (code E_READ)
    ├── ModelError               the spaCy pipeline cannot be loaded  (code E_MODEL)
    └── ExtractionError          a stage failed on an item            (code E_EXTRACT)

Errors from lower libraries are translated at the boundary (``raise ... from e``).
"""

from __future__ import annotations


class NewsEventsError(Exception):
    code = "E_NEWSEVENTS"

    def __init__(self, message: str, *, code: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        if code is not None:
            self.code = code

    def __str__(self) -> str:
        return self.message


class InputError(NewsEventsError):
    code = "E_INPUT"


class EmptyText(InputError):
    code = "E_EMPTY"


class BadDate(InputError):
    code = "E_DATE"


class BadRow(InputError):
    code = "E_ROW"


class UnreadableFile(InputError):
    code = "E_READ"


class UnsupportedInput(InputError):
    code = "E_UNSUPPORTED"


class ModelError(NewsEventsError):
    code = "E_MODEL"


class ExtractionError(NewsEventsError):
    code = "E_EXTRACT"
