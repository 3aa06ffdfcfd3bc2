"""Errors, with stable codes a user or script can act on.

Hierarchy (shallow on purpose)::

    NewsEventsError              base; .code is a stable string, .message says what to do
    ├── InputError               an input item cannot be read or is not an article
    │   ├── EmptyText            no text to extract from              (code E_EMPTY)
    │   ├── BadDate              a publication date is not YYYY-MM-DD, or after today (code E_DATE)
    │   ├── TextTooLong          an article longer than the parser takes (code E_TOO_LONG)
    │   ├── BadRow               a JSON-lines row is not an object    (code E_ROW)
    │   ├── UnreadableFile       a file cannot be read or decoded     (code E_READ)
    │   ├── UnsupportedInput     a file type or input kind not read   (code E_UNSUPPORTED)
    │   ├── UnsupportedLanguage  the article is not in English        (code E_LANGUAGE)
    │   └── FetchError           a page could not be downloaded       (code E_FETCH)
    ├── ModelError               the spaCy pipeline cannot be loaded  (code E_MODEL)
    ├── KnowledgeBaseError       a user knowledge-base file is unreadable or malformed
    │                                                                 (code E_KB)
    ├── UnknownActor             ``resolve`` knows no actor for a text (code E_UNKNOWN_ACTOR)
    ├── ExtractionError          a stage failed on an item            (code E_EXTRACT)
    ├── StoreError               the database cannot be opened/used   (code E_STORE)
    ├── ArticleConflict          an id is stored with another text    (code E_CONFLICT)
    ├── IngestInterrupted        an ingest was interrupted; committed batches are kept
    │                                                                 (code E_INTERRUPTED)
    ├── RequestError             a web request cannot be served       (code E_REQUEST)
    │   ├── NotFound             no such article, story event, actor or page (code E_NOT_FOUND)
    │   ├── RequestTooLarge      a request body over the size limit   (code E_TOO_LARGE)
    │   ├── Unauthorized         a write without the server's token   (code E_TOKEN)
    │   ├── CrossOrigin          a write sent by another site's page  (code E_ORIGIN)
    │   └── InternalError        the server failed on a request       (code E_INTERNAL)
    └── ServeError               the server cannot start as asked     (code E_SERVE)

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


class TextTooLong(InputError):
    """An article (or the file holding it) is longer than the pipeline parses (code E_TOO_LONG);
    split it into its articles."""

    code = "E_TOO_LONG"


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


class UnsupportedLanguage(InputError):
    """The article is not in English (code ``E_LANGUAGE``)."""

    code = "E_LANGUAGE"


class FetchError(InputError):
    """A page could not be downloaded (code ``E_FETCH``)."""

    code = "E_FETCH"


class KnowledgeBaseError(NewsEventsError):
    """A user knowledge-base file (``--kb``, ``$NEWSEVENTS_KB``) cannot be read or has a bad
    record; the message names the file and line (code E_KB)."""

    code = "E_KB"


class UnknownActor(NewsEventsError):
    """``newsevents resolve`` knows no actor for the text (code E_UNKNOWN_ACTOR)."""

    code = "E_UNKNOWN_ACTOR"


class StoreError(NewsEventsError):
    """The database cannot be opened or used (code E_STORE)."""

    code = "E_STORE"


class ArticleConflict(NewsEventsError):
    """An article id is stored already with a different text (code E_CONFLICT)."""

    code = "E_CONFLICT"


class IngestInterrupted(NewsEventsError):
    """An ingest was interrupted; ``summary`` counts what the committed batches stored
    (code E_INTERRUPTED). The batch in progress was rolled back."""

    code = "E_INTERRUPTED"

    def __init__(self, summary) -> None:  # summary: newsevents.store.IngestSummary
        super().__init__(f"ingest interrupted: {summary.stored + summary.duplicates} articles committed "
                         f"of {summary.read} read; the batch in progress was rolled back")
        self.summary = summary


class RequestError(NewsEventsError):
    """A web request cannot be served as sent (code E_REQUEST); ``status`` is its HTTP status."""

    code = "E_REQUEST"
    status = 400


class NotFound(RequestError):
    """No such article, story event, actor or page (code E_NOT_FOUND)."""

    code = "E_NOT_FOUND"
    status = 404


class RequestTooLarge(RequestError):
    """A request body is larger than the server accepts (code E_TOO_LARGE)."""

    code = "E_TOO_LARGE"
    status = 413


class Unauthorized(RequestError):
    """A write without the token the server was started with (code E_TOKEN)."""

    code = "E_TOKEN"
    status = 401


class CrossOrigin(RequestError):
    """A write sent by a page of another site (its Origin is not the server) (code E_ORIGIN)."""

    code = "E_ORIGIN"
    status = 403


class ServeError(NewsEventsError):
    """The server cannot start as asked, e.g. on a non-loopback host without a token (code E_SERVE)."""

    code = "E_SERVE"


class InternalError(RequestError):
    """The server failed on a request; the message says what failed (code E_INTERNAL)."""

    code = "E_INTERNAL"
    status = 500
