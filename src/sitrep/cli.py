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
    workers: Annotated[
        int | None,
        typer.Option(
            "--workers", min=1, help="Extract on a local Dask cluster of N worker processes."
        ),
    ] = None,
    scheduler: Annotated[
        str | None,
        typer.Option(
            "--scheduler",
            help="Extract on the Dask cluster at ADDRESS (workers must see the same paths).",
        ),
    ] = None,
    learn_sources: Annotated[
        bool,
        typer.Option(
            "--learn-source-regions",
            help="Let each outlet's usual region, learned from what is stored and from the "
            "batch, settle between namesakes (places may then depend on batching).",
        ),
    ] = False,
    verbose: VerboseOption = False,
    debug: DebugOption = False,
) -> None:
    """Extract incidents from INPUTS and store them (re-running changes nothing)."""
    from sitrep.pipeline import run_inputs

    _setup_logging(verbose)
    if learn_sources and (workers is not None or scheduler is not None):
        typer.echo(
            "error: --learn-source-regions runs serially; drop --workers/--scheduler", err=True
        )
        raise typer.Exit(2)
    try:
        if workers is None and scheduler is None:
            summary = run_inputs(
                inputs, db_url=db, batch_size=batch_size, learn_sources=learn_sources
            )
        else:
            from sitrep.batch import run_batch

            summary = run_batch(
                inputs, db_url=db, batch_size=batch_size, workers=workers, scheduler=scheduler
            )
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
        from sitrep.export import to_json

        typer.echo(to_json(stored))
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


CountryOption = Annotated[
    str | None, typer.Option("--country", help="Only this country (name or ISO3 code).")
]
Admin1Option = Annotated[
    str | None, typer.Option("--admin1", help="Only this first-level division (name).")
]
SinceOption = Annotated[
    str | None, typer.Option("--since", help="Only events starting on or after YYYY-MM-DD.")
]
UntilOption = Annotated[
    str | None, typer.Option("--until", help="Only events starting on or before YYYY-MM-DD.")
]
EventTypeOption = Annotated[
    str | None, typer.Option("--event-type", help='Only this ACLED event type, e.g. "Battles".')
]


def _filtered_events(
    db: str,
    country: str | None,
    admin1: str | None,
    since: str | None,
    until: str | None,
    event_type: str | None,
) -> list:  # type: ignore[type-arg]
    """The stored events that pass the export/trends filters (bad options raise ConfigError)."""
    from sitrep.export import EventFilter
    from sitrep.store import open_store

    chosen = EventFilter.parse(
        country=country, admin1=admin1, since=since, until=until, event_type=event_type
    )
    with open_store(db) as store:
        return chosen.apply(store.events())


@app.command()
def export(
    db: DbOption = DEFAULT_DB,
    format: Annotated[
        str, typer.Option("--format", help="acled-csv, geojson or json (full records).")
    ] = "acled-csv",
    out: Annotated[
        Path | None, typer.Option("--out", help="Write to FILE instead of stdout (UTF-8).")
    ] = None,
    country: CountryOption = None,
    admin1: Admin1Option = None,
    since: SinceOption = None,
    until: UntilOption = None,
    event_type: EventTypeOption = None,
    debug: DebugOption = False,
) -> None:
    """Export stored events as ACLED-style CSV, GeoJSON or JSON (docs/analysis.md)."""
    import io

    from sitrep.errors import ConfigError
    from sitrep.export import FORMATS, write_export

    try:
        if format not in FORMATS:
            raise ConfigError(f"unknown --format {format!r}; use one of: {', '.join(FORMATS)}")
        selected = _filtered_events(db, country, admin1, since, until, event_type)
    except SitrepError as exc:
        raise _fail(exc, debug) from exc
    if out is None:
        buffer = io.StringIO(newline="")
        left_out = write_export(selected, format, buffer)
        typer.echo(buffer.getvalue(), nl=False)
    else:
        with out.open("w", encoding="utf-8", newline="") as file:
            left_out = write_export(selected, format, file)
    if left_out:
        typer.echo(f"{left_out} events without coordinates left out of the GeoJSON", err=True)
    where = f" to {out}" if out else ""
    typer.echo(f"exported {len(selected) - left_out} events as {format}{where}", err=True)


@app.command()
def trends(
    db: DbOption = DEFAULT_DB,
    by: Annotated[str, typer.Option("--by", help="admin1 or country.")] = "admin1",
    window: Annotated[str, typer.Option("--window", help="week or month.")] = "week",
    min_events: Annotated[
        int, typer.Option("--min-events", help="Fewer events in an area is too little data.")
    ] = 10,
    format: Annotated[str, typer.Option("--format", help="table or json")] = "table",
    plot: Annotated[
        Path | None, typer.Option("--plot", help="Also draw the top areas to FILE.png.")
    ] = None,
    country: CountryOption = None,
    admin1: Admin1Option = None,
    since: SinceOption = None,
    until: UntilOption = None,
    event_type: EventTypeOption = None,
    debug: DebugOption = False,
) -> None:
    """Is violence intensifying? Per area, a count trend per period (docs/analysis.md)."""
    from sitrep.analyse import plot_trends, print_trends_table
    from sitrep.analyse import trends as analyse_trends
    from sitrep.errors import ConfigError

    try:
        if format not in {"table", "json"}:
            raise ConfigError(f"unknown --format {format!r}; use table or json")
        selected = _filtered_events(db, country, admin1, since, until, event_type)
        report = analyse_trends(selected, by=by, window=window, min_events=min_events)
    except SitrepError as exc:
        raise _fail(exc, debug) from exc
    if format == "json":
        typer.echo(json.dumps(report.to_dict(), indent=1, ensure_ascii=False))
    else:
        print_trends_table(report)
    left = {k: v for k, v in report.left_out.items() if v}
    if left:
        reasons = ", ".join(f"{v} events ({k.replace('_', ' ')})" for k, v in left.items())
        typer.echo(f"left out: {reasons}", err=True)
    if plot is not None:
        drawn = plot_trends(report, plot)
        typer.echo(f"plotted {drawn} areas to {plot}", err=True)


@app.command()
def serve(
    db: DbOption = DEFAULT_DB,
    host: Annotated[str, typer.Option("--host", help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[
        int, typer.Option("--port", min=1, max=65535, help="Port to listen on.")
    ] = 8000,
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
