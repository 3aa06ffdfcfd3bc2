"""Running extraction on several processes or machines, and resuming an interrupted ingest.

Three ways to run the same per-chunk function (:func:`extract_chunk`: a list of input items
in, their article records or per-item errors out, in order):

- in this process (``workers=1``): :meth:`~newsevents.pipeline.Extractor.extract_many`;
- ``workers=N`` local processes (:func:`extract_parallel`), each loading the pipeline once;
- Dask (:func:`extract_dask`): the chunks are partitions sent to Dask workers, each loading
  the pipeline once and returning its partition as a Parquet shard, which the client reads
  back in input order (and keeps on disk with ``shard_dir``).  Dask is imported only here,
  on first use: ``pip install -e '.[dask]'``.

All three stream: at most a few chunks per worker are in flight, so memory stays flat however
large the input, and the results come back in input order whatever order the workers finish.

:func:`skip_stored` is the resume step: an item whose id (or content hash) is stored already
with the same text is counted as ``already_stored`` without being parsed.
"""

from __future__ import annotations

import io
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from .models import Article, InputItem, ItemError

Result = Article | ItemError

#: chunks in flight per worker: enough to keep every worker busy, few enough to stay flat
_AHEAD = 2


def chunks(items: Iterable, size: int) -> Iterator[list]:
    """Consecutive lists of ``size`` items (the last may be shorter)."""
    chunk: list = []
    for it in items:
        chunk.append(it)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


# -- the per-chunk function --------------------------------------------------------------------
def extract_chunk(items: list[InputItem | ItemError], model: str | None = None,
                  batch_size: int = 32) -> list[Result]:
    """Extract one chunk with this process's pipeline (loaded on first use, then kept)."""
    from .pipeline import get_extractor

    return list(get_extractor(model).extract_many(items, batch_size=batch_size))


def _load(model: str | None) -> None:
    """Load the pipeline in a worker; a failure is left to the first chunk to report."""
    from .errors import NewsEventsError
    from .pipeline import get_extractor

    try:
        get_extractor(model)
    except NewsEventsError:
        pass


# -- local processes ---------------------------------------------------------------------------
def _context():
    import multiprocessing as mp

    # fork shares the parent's loaded modules (quick start); spawn where fork does not exist
    return mp.get_context("fork" if "fork" in mp.get_all_start_methods() else "spawn")


def extract_parallel(items: Iterable[InputItem | ItemError], *, workers: int, model: str | None = None,
                     batch_size: int = 32) -> Iterator[Result]:
    """Like ``Extractor.extract_many`` on ``workers`` processes; results in input order."""
    if workers <= 1:
        from .pipeline import get_extractor

        yield from get_extractor(model).extract_many(items, batch_size=batch_size)
        return
    with _context().Pool(workers, initializer=_load, initargs=(model,)) as pool:
        pending: deque = deque()
        for chunk in chunks(items, batch_size):
            pending.append(pool.apply_async(extract_chunk, (chunk, model, batch_size)))
            while len(pending) >= workers * _AHEAD:
                yield from pending.popleft().get()
        while pending:
            yield from pending.popleft().get()


# -- Dask ----------------------------------------------------------------------------------------
def _require_dask():
    try:
        import distributed  # noqa: F401
    except ImportError as e:
        raise ImportError("the Dask executor needs dask.distributed: pip install 'newsevents[dask]'") from e
    return distributed


def to_shard(results: list[Result]) -> bytes:
    """A partition's results as a Parquet file (one row each: seq, id, kind, JSON)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.table({
        "seq": list(range(len(results))),
        "id": [r.id for r in results],
        "kind": ["error" if isinstance(r, ItemError) else "article" for r in results],
        "json": [r.model_dump_json() if isinstance(r, ItemError) else r.to_json() for r in results],
    })
    buf = io.BytesIO()
    pq.write_table(table, buf)
    return buf.getvalue()


def from_shard(data: bytes | str | Path) -> list[Result]:
    """The results in a Parquet shard (bytes or a file), in their order."""
    import pyarrow.parquet as pq

    table = pq.read_table(io.BytesIO(data) if isinstance(data, bytes) else data)
    rows = sorted(zip(table.column("seq").to_pylist(), table.column("kind").to_pylist(),
                      table.column("json").to_pylist()))
    return [ItemError.model_validate_json(j) if k == "error" else Article.model_validate_json(j)
            for _, k, j in rows]


def extract_partition(items: list[InputItem | ItemError], model: str | None = None,
                      batch_size: int = 32) -> bytes:
    """The Dask task: extract one partition on a worker and return it as a Parquet shard."""
    return to_shard(extract_chunk(items, model, batch_size))


def extract_dask(items: Iterable[InputItem | ItemError], *, scheduler: str | None = None,
                 workers: int | None = None, model: str | None = None, batch_size: int = 32,
                 partition_size: int | None = None, shard_dir: str | Path | None = None,
                 client=None) -> Iterator[Result]:
    """Extract on Dask workers; results in input order.

    ``scheduler`` is the address of a running scheduler (``tcp://host:8786``); without one a
    local cluster of ``workers`` processes (one thread each) is started and stopped here.
    Each worker loads the pipeline once.  ``shard_dir`` keeps each partition's Parquet shard
    (``part-000000.parquet``, ...).  ``client``: an already connected ``distributed.Client``.
    """
    distributed = _require_dask()
    size = partition_size or batch_size
    own = None
    if client is None:
        if scheduler:
            client = own = distributed.Client(scheduler)
        else:
            cluster = distributed.LocalCluster(n_workers=workers or os.cpu_count() or 1,
                                               threads_per_worker=1, processes=True,
                                               dashboard_address=None)
            client = own = distributed.Client(cluster)
    if shard_dir:
        Path(shard_dir).mkdir(parents=True, exist_ok=True)
    try:
        client.run(_load, model)  # each worker loads the pipeline once, before the first task
        n_workers = max(1, len(client.scheduler_info()["workers"]))
        pending: deque = deque()
        for n, chunk in enumerate(chunks(items, size)):
            pending.append((n, client.submit(extract_partition, chunk, model, batch_size, pure=False)))
            while len(pending) >= n_workers * _AHEAD:
                yield from _collect(*pending.popleft(), shard_dir)
        while pending:
            yield from _collect(*pending.popleft(), shard_dir)
    finally:
        if own is not None:
            cluster = getattr(own, "cluster", None)
            own.close()
            if cluster is not None and not scheduler:
                cluster.close()


def _collect(n: int, future, shard_dir) -> list[Result]:
    data = future.result()
    future.release()
    if shard_dir:
        path = Path(shard_dir) / f"part-{n:06d}.parquet"
        path.write_bytes(data)
    return from_shard(data)


# -- one entry point ---------------------------------------------------------------------------
def extract_with(items: Iterable[InputItem | ItemError], *, executor: str = "local", workers: int = 1,
                 scheduler: str | None = None, model: str | None = None,
                 batch_size: int = 32) -> Iterator[Result]:
    """Dispatch to the local (``workers`` processes) or the Dask executor."""
    if executor == "dask":
        return extract_dask(items, scheduler=scheduler, workers=workers, model=model, batch_size=batch_size)
    if executor != "local":
        raise ValueError(f"unknown executor {executor!r} (local or dask)")
    return extract_parallel(items, workers=workers, model=model, batch_size=batch_size)


# -- resume ------------------------------------------------------------------------------------
def skip_stored(items: Iterable[InputItem | ItemError], store, *, on_skip: Callable[[InputItem], None],
                lookahead: int = 256) -> Iterator[InputItem | ItemError]:
    """Drop the items stored already with the same text (``on_skip`` is told of each), before
    any parsing: a rerun after an interruption does no extraction work for them.

    An item is matched by its id, or for a text item without one by the content id that
    extraction would give it; an id stored with a different text goes on, so the store reports
    the conflict.  HTML items without an id are not checked (their text is known only after
    parsing the page); the store still keeps them once.
    """
    for chunk in chunks(items, lookahead):
        keys = {i: _key(it) for i, it in enumerate(chunk)}
        stored = _stored_hashes(store, {k for k in keys.values() if k})
        for i, it in enumerate(chunk):
            k = keys[i]
            if k and k in stored and _same_text(it, stored[k]):
                on_skip(it)
            else:
                yield it


def _key(item: InputItem | ItemError) -> str | None:
    from .pipeline import content_id

    if isinstance(item, ItemError):
        return None
    if item.id:
        return item.id
    if item.text:
        return content_id(item.text)
    return None


def _stored_hashes(store, ids: set[str]) -> dict[str, str]:
    if not ids:
        return {}
    import sqlalchemy as sa

    from .store_schema import articles

    with store.engine.connect() as conn:
        return dict(conn.execute(sa.select(articles.c.id, articles.c.text_hash)
                                 .where(articles.c.id.in_(sorted(ids)))).all())


def _same_text(item: InputItem, text_hash: str) -> bool:
    """Whether the item's text has the stored hash (the store's: boilerplate left out)."""
    if item.text is None:  # an HTML item with a stored id: its text needs the page parsed
        return True
    from .duplicates import fingerprint
    from .layout import analyze_layout

    layout = analyze_layout(item.text)
    fp = fingerprint(item.text, [(b.start, b.end) for b in layout.boilerplate])
    return fp.text_hash == text_hash
