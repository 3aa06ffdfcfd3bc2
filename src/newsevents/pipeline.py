"""The extraction pipeline: one article in, one article record out.

Stages, in order (one module each, named after what it finds)::

    text ─► layout ─► spaCy parse ─► actors ─► times ─► quotes ─► events ─► Article
            (blocks,    (tokens,       (who)     (when)   (who said   (who did what
             sections,   sentences                         what)       to whom)
             boilerplate) never across blocks)

:class:`Extractor` holds the loaded spaCy pipeline; ``extract`` runs one article and
``extract_many`` streams many through ``nlp.pipe`` in batches, turning a failure on one
item into an :class:`~newsevents.models.ItemError` instead of stopping the batch.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import re
from collections.abc import Callable, Iterable, Iterator

from . import actors as actors_stage
from . import events as events_stage
from . import nlp as nlp_mod
from . import quotes as quotes_stage
from . import times as times_stage
from .analysis import Analysis
from .encoding import check_text as check_not_binary
from .encoding import check_unicode, printable
from .errors import BadDate, EmptyText, ExtractionError, NewsEventsError, TextTooLong
from .models import Article, ErrorBody, InputItem, ItemError

_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$")

#: the longest article text parsed, in characters: some 33,000 words, longer than any news
#: article; a longer text is a dump of many articles, and parsing time and memory grow faster
#: than its length (100,000 characters take about half a minute and half a gigabyte)
MAX_CHARS = 200_000
#: the longest HTML page read, in characters (markup is most of a page)
MAX_HTML_CHARS = 16_000_000
#: days a publication date may lie after today (time zones ahead of this machine's clock)
FUTURE_SLACK_DAYS = 1


def _malloc_trim() -> Callable[[int], int] | None:
    """glibc's ``malloc_trim``, or None on another C library (macOS, musl, Windows)."""
    try:
        import ctypes
        import ctypes.util

        name = ctypes.util.find_library("c")
        if not name:
            return None
        return getattr(ctypes.CDLL(name), "malloc_trim", None)
    except (OSError, AttributeError):  # pragma: no cover - depends on the platform
        return None


_TRIM = _malloc_trim()


def release_free_memory() -> None:
    """Give the heap's free pages back to the system after a batch.

    A parsed batch allocates and frees many blocks of many sizes (spaCy's arrays, our records);
    glibc keeps freed memory in its arenas.  Trimming after each batch costs under a
    millisecond per 32 articles and lowered the resident size of a 3,000-article ingest a
    little (298 against 310 MB); it does not stop the slow growth that
    ``benchmarks/throughput.py --articles 20000 --only c`` still shows over 20,000 articles."""
    if _TRIM is not None:
        _TRIM(0)


def parse_date(value: str | dt.date | None) -> dt.date | None:
    """A publication date from ``YYYY-MM-DD`` (an ISO date-time is cut to its date)."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    m = _DATE.match(str(value).strip())
    if not m:
        raise BadDate(f"publication date {value!r} is not YYYY-MM-DD")
    try:
        return dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError as e:
        raise BadDate(f"publication date {value!r} is not a calendar date") from e


def check_published(published: dt.date | None, today: dt.date | None = None) -> dt.date | None:
    """``published``, unless it lies after today: an article cannot be published in the future,
    and a wrong date would misplace every relative time in it (:class:`BadDate`)."""
    today = today or dt.date.today()
    if published is not None and (published - today).days > FUTURE_SLACK_DAYS:
        raise BadDate(f"publication date {published.isoformat()} is in the future (today is "
                      f"{today.isoformat()}): correct it, or leave it out")
    return published


def check_text(item: InputItem, text: str) -> str:
    """``text``, unless it is longer than :data:`MAX_CHARS` (:class:`TextTooLong`), or it or a
    field of ``item`` is not valid Unicode, or it is binary data rather than text (a row's text
    can be anything: :class:`~newsevents.errors.UnreadableFile`)."""
    for name in ("id", "publisher", "title", "url", "language"):
        value = getattr(item, name)
        if value is not None:
            check_unicode(value, f"the {name}")
    check_unicode(text)
    check_not_binary(text)
    if len(text) > MAX_CHARS:
        raise TextTooLong(f"the article is {len(text):,} characters long, more than the {MAX_CHARS:,} "
                          "parsed: split it into its articles (one per file, or JSON lines)")
    return text


def content_id(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


class Extractor:
    """A loaded pipeline.  Create once, reuse for many articles."""

    def __init__(self, model: str | None = None) -> None:
        self.model = nlp_mod.model_name(model)
        self.nlp = nlp_mod.load(self.model)

    # -- one article -------------------------------------------------------------------
    def extract(
        self,
        text: str,
        *,
        id: str | None = None,
        published: str | dt.date | None = None,
        publisher: str | None = None,
        title: str | None = None,
        url: str | None = None,
        language: str | None = None,
    ) -> Article:
        item = InputItem(id=id, text=text, published=_iso(published), publisher=publisher,
                         title=title, url=url, language=language)
        result = next(self.extract_many([item]))
        if isinstance(result, ItemError):
            exc = NewsEventsError(result.error.message, code=result.error.code)
            raise exc
        return result

    # -- many articles -----------------------------------------------------------------
    def extract_many(self, items: Iterable[InputItem | ItemError],
                     batch_size: int = 32) -> Iterator[Article | ItemError]:
        """Yield one Article or ItemError per input item, in input order."""
        batch: list[InputItem] = []
        for item in items:
            batch.append(item)
            if len(batch) >= batch_size:
                yield from self._run_batch(batch)
                batch = []
        if batch:
            yield from self._run_batch(batch)

    def _run_batch(self, batch: list[InputItem | ItemError]) -> Iterator[Article | ItemError]:
        # spaCy's memory zone frees the strings and lexemes a batch added to the vocabulary
        # once its records are built: a long run's memory stays flat (every name and number
        # in the news would otherwise stay in the vocabulary for the life of the process)
        zone = getattr(self.nlp, "memory_zone", None)
        with zone() if zone else contextlib.nullcontext():
            done = list(self._batch_records(batch))
        release_free_memory()
        yield from done

    def _batch_records(self, batch: list[InputItem | ItemError]) -> Iterator[Article | ItemError]:
        prepared: list[tuple[InputItem, str, dt.date | None] | ItemError] = []
        for item in batch:
            if isinstance(item, ItemError):  # rejected by the reader: pass it on in order
                prepared.append(item)
                continue
            try:
                text = _item_text(item)
                prepared.append((item, text, check_published(parse_date(item.published))))
            except NewsEventsError as e:
                prepared.append(_item_error(item, e))
        docs = self._parse([p[1] for p in prepared if not isinstance(p, ItemError)])
        for p in prepared:
            if isinstance(p, ItemError):
                yield p
                continue
            item, text, published = p
            doc = next(docs)
            try:
                if isinstance(doc, Exception):
                    raise doc
                yield build_article(item, text, published, doc)
            except NewsEventsError as e:
                yield _item_error(item, e)
            except Exception as e:  # a stage bug must not stop the batch; say which item
                err = ExtractionError(f"extraction failed: {type(e).__name__}: {e}")
                yield _item_error(item, err)

    def _parse(self, texts: list[str]) -> Iterator:
        """The parsed documents of ``texts`` in order; when spaCy fails on the batch, each
        text is parsed alone and the one that fails gives its exception in its place."""
        try:
            docs = list(self.nlp.pipe(texts))
        except Exception:  # spaCy's own failure on one text must not lose the others
            docs = []
            for text in texts:
                try:
                    docs.append(self.nlp(text))
                except Exception as e:
                    docs.append(ExtractionError(f"the parser failed: {type(e).__name__}: {e}"))
        return iter(docs)


def build_article(item: InputItem, text: str, published: dt.date | None, doc) -> Article:
    """Run the stages over an already parsed document."""
    a = Analysis.begin(doc, published=published, publisher=item.publisher)
    layout = a.layout
    a.actors, a.mentions = actors_stage.find_actors(a)
    a.publisher_actor = actors_stage.publisher_actor(item.publisher, published)
    a.times = times_stage.find_times(a)
    a.quotes = quotes_stage.find_quotes(a)
    events = events_stage.find_events(a)
    return Article(
        id=item.id or content_id(text),
        published=published.isoformat() if published else None,
        publisher=item.publisher,
        title=item.title,
        url=item.url,
        language=item.language or "en",
        text=text,
        sections=list(layout.sections),
        boilerplate=list(layout.boilerplate),
        actors=a.actors,
        times=a.times,
        quotes=a.quotes,
        events=events,
    )


def _item_text(item: InputItem) -> str:
    """The text to analyse; an HTML item becomes its article text, filling what the item lacks.

    Raises :class:`~newsevents.language.UnsupportedLanguage` for an article not in English.
    """
    from . import language

    if item.text is None and item.html is not None:
        from .webpage import read_html

        if len(item.html) > MAX_HTML_CHARS:
            raise TextTooLong(f"the HTML page is {len(item.html):,} characters long, more than the "
                              f"{MAX_HTML_CHARS:,} read: is it one article?")
        page = read_html(item.html, url=item.url)
        item.title = item.title or page.title
        item.published = item.published or page.published
        item.publisher = item.publisher or page.publisher
        item.url = item.url or page.url
        item.language = item.language or page.language
        text = check_text(item, page.text)
    else:
        if item.text is None or not item.text.strip():
            raise EmptyText("the item has no text to extract from")
        text = check_text(item, item.text)
        if item.language is None:
            item.language = language.decide(text)
    language.require_english(item.language)
    return text


def _item_error(item: InputItem, e: NewsEventsError) -> ItemError:
    return ItemError(id=printable(item.id), path=printable(item.path),
                     error=ErrorBody(code=e.code, message=printable(e.message)))


def _iso(value: str | dt.date | None) -> str | None:
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


_default: dict[str, Extractor] = {}


def get_extractor(model: str | None = None) -> Extractor:
    name = nlp_mod.model_name(model)
    if name not in _default:
        _default[name] = Extractor(name)
    return _default[name]


def extract(text: str, **kwargs) -> Article:
    """Extract one article (see :meth:`Extractor.extract`); ``model=`` picks the spaCy pipeline."""
    model = kwargs.pop("model", None)
    return get_extractor(model).extract(text, **kwargs)


def extract_many(items: Iterable[InputItem | dict], *, model: str | None = None,
                 batch_size: int = 32) -> Iterator[Article | ItemError]:
    """Stream article records (or per-item errors) for rows, dicts or ``InputItem``s."""
    return get_extractor(model).extract_many(input_items(items), batch_size=batch_size)


def input_items(items: Iterable[InputItem | ItemError | dict]) -> Iterator[InputItem | ItemError]:
    """Rows (dicts) as ``InputItem``s; a row that is not an article row becomes an ``ItemError``."""
    for n, it in enumerate(items, 1):
        if isinstance(it, (InputItem, ItemError)):
            yield it
            continue
        try:
            yield InputItem.model_validate(it)
        except Exception as e:  # pydantic ValidationError or a non-mapping row
            ident = it.get("id") if isinstance(it, dict) else None
            yield ItemError(id=str(ident) if ident is not None else None, path=None,
                            error=ErrorBody(code="E_ROW", message=f"item {n} is not an article row: {e}"))
