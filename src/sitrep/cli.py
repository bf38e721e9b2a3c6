"""The ``sitrep`` command line: thin typer wrappers over the Python API.

Data goes to stdout so commands pipe; logs and summaries go to stderr.
Exit codes: 0 clean, 1 finished with rejected inputs, 2 usage or configuration error.
"""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path
from typing import Annotated

import typer

from sitrep.errors import SitrepError

app = typer.Typer(
    help="Turn conflict reporting into a structured, verifiable incident dataset.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

DEFAULT_DB = "sqlite:///sitrep.db"
DbOption = Annotated[
    str, typer.Option("--db", help="Store URL: sqlite:///path or postgresql://...")
]
VerboseOption = Annotated[bool, typer.Option("--verbose", "-v", help="Log progress to stderr.")]
DebugOption = Annotated[bool, typer.Option("--debug", help="Show tracebacks on errors.")]


def _setup_logging(verbose: bool) -> None:
    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )


def _fail(exc: Exception, debug: bool, code: int = 2) -> typer.Exit:
    if debug:
        raise exc
    typer.echo(f"error: {exc}", err=True)
    return typer.Exit(code)


@app.command()
def run(
    inputs: Annotated[
        list[Path],
        typer.Argument(help="Files or folders: .txt (+ .meta.json), .jsonl, .html, RSS/Atom."),
    ],
    db: DbOption = DEFAULT_DB,
    batch_size: Annotated[
        int, typer.Option("--batch-size", min=1, help="Articles per batch (one transaction each).")
    ] = 64,
    verbose: VerboseOption = False,
    debug: DebugOption = False,
) -> None:
    """Extract incidents from INPUTS and store them (re-running changes nothing)."""
    from sitrep.pipeline import run_inputs

    _setup_logging(verbose)
    try:
        summary = run_inputs(inputs, db_url=db, batch_size=batch_size)
    except SitrepError as exc:
        raise _fail(exc, debug) from exc
    for reject in summary.rejects:
        typer.echo(f"rejected {reject.origin}: {reject.reason}", err=True)
    typer.echo(summary.describe(), err=True)
    raise typer.Exit(1 if summary.rejects else 0)


@app.command()
def events(
    db: DbOption = DEFAULT_DB,
    format: Annotated[str, typer.Option("--format", help="table or json")] = "table",
    debug: DebugOption = False,
) -> None:
    """Print the stored events as a table or as JSON."""
    from sitrep.store import open_store

    if format not in {"table", "json"}:
        raise _fail(ValueError(f"unknown --format {format!r}; use table or json"), debug)
    try:
        with open_store(db) as store:
            stored = store.events()
    except SitrepError as exc:
        raise _fail(exc, debug) from exc
    if format == "json":
        typer.echo(
            json.dumps([e.model_dump(mode="json") for e in stored], indent=1, ensure_ascii=False)
        )
    else:
        from sitrep.report import print_events_table

        print_events_table(stored)


@app.command()
def extract(
    file: Annotated[
        Path,
        typer.Argument(
            help="One article: .txt (+ .meta.json), .html, .jsonl (first line) or a feed."
        ),
    ],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
    debug: DebugOption = False,
) -> None:
    """Extract the incidents of one document and print them; nothing is stored."""
    from sitrep.pipeline import extract_file

    try:
        found = extract_file(file)
    except SitrepError as exc:
        raise _fail(exc, debug, code=1) from exc
    if as_json:
        typer.echo(
            json.dumps([e.model_dump(mode="json") for e in found], indent=1, ensure_ascii=False)
        )
    else:
        from sitrep.report import print_events_table

        print_events_table(found)


@app.command()
def evaluate(
    gold: Annotated[
        list[Path], typer.Argument(help="Gold JSON Lines files (shared/eval/SCHEMA.md).")
    ],
    predictions: Annotated[
        Path | None,
        typer.Option(
            "--predictions",
            help="Score this saved prediction file instead of running the pipeline.",
        ),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
    report: Annotated[
        Path | None, typer.Option("--report", help="Also write the report to FILE.")
    ] = None,
    debug: DebugOption = False,
) -> None:
    """Score extraction against gold data: detection, fields and merging."""
    from sitrep.eval.report import evaluate_command

    try:
        code = evaluate_command(gold, predictions=predictions, as_json=as_json, report=report)
    except SitrepError as exc:
        raise _fail(exc, debug) from exc
    raise typer.Exit(code)


@app.command()
def serve(
    db: DbOption = DEFAULT_DB,
    host: Annotated[str, typer.Option("--host", help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="Port to listen on.")] = 8000,
    verbose: VerboseOption = False,
    debug: DebugOption = False,
) -> None:
    """Serve the JSON API (/api, docs at /docs) and the map page (/) over a store."""
    import uvicorn

    from sitrep.serve import create_app

    _setup_logging(verbose)
    try:
        served = create_app(db)
    except SitrepError as exc:
        raise _fail(exc, debug) from exc
    typer.echo(f"serving {db} at http://{host}:{port}/ (API docs at /docs)", err=True)
    uvicorn.run(served, host=host, port=port, log_level="info" if verbose else "warning")


def main() -> None:
    """Entry point of the ``sitrep`` script."""
    app()
