"""``sitrep evaluate``: run (or load) predictions for gold sets, score them, show the result.

:func:`evaluate` does the work and is callable from Python; :func:`evaluate_command` is
what the CLI calls: it prints one JSON object (``--json``) or a rich table followed by the
errors that teach (false positives with their evidence, misses with the gold evidence,
wrong fields as gold vs predicted), and returns the exit code.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from pathlib import Path

from rich.console import Console
from rich.table import Table

from sitrep.errors import ConfigError
from sitrep.eval.gold import (
    EvalEvent,
    GoldArticle,
    GoldError,
    PredictionError,
    read_gold,
    read_predictions,
)
from sitrep.eval.score import METRIC_KEYS, PRF, EvalResult, Scores, score
from sitrep.model import Article, Event

log = logging.getLogger(__name__)

__all__ = ["EvalResult", "evaluate", "evaluate_command", "render_text", "run_pipeline"]

_LABELS = {
    "n_docs": "articles",
    "n_gold": "gold events",
    "n_pred": "predicted events",
    "detection": "detection",
    "invented_from_non_events": "invented from non_events",
    "event_type_acc": "event_type accuracy",
    "sub_event_type_acc": "sub_event_type accuracy",
    "date_overlap": "date overlap (mean Jaccard)",
    "date_exact": "date exact interval",
    "admin1_acc": "admin1 accuracy",
    "km_median": "km error, median",
    "km_p90": "km error, p90",
    "fatalities_best_acc": "fatalities best exact",
    "claim_status_acc": "claim status (gold statuses found)",
    "actor_side_acc": "actor1/actor2 side accuracy",
    "merge": "merge (pairwise)",
}
_DASH = "–"


def evaluate(gold_paths: Sequence[Path | str], predictions: Path | str | None = None) -> EvalResult:
    """Score sitrep (or a saved prediction file) on gold sets.

    Args:
        gold_paths: gold JSON Lines files (``shared/eval/SCHEMA.md``), read, never written.
        predictions: a saved prediction file (JSON array or JSON Lines of Events or flat
            gold-layout events); None runs the full pipeline in memory on the gold articles.

    Returns:
        Scores and the errors behind them, over all files together (merging is scored
        across files too).

    Raises:
        GoldError: a gold line breaks the schema (every ``path:lineno: what`` listed).
        PredictionError: the prediction file cannot be read.
        ConfigError: the pipeline is not available.
    """
    articles = read_gold(gold_paths)
    predicted: list[EvalEvent] | list[Event]
    predicted = read_predictions(predictions) if predictions is not None else run_pipeline(articles)
    return score(articles, predicted)


def run_pipeline(articles: Sequence[GoldArticle]) -> list[Event]:
    """Extract gold articles' reports in memory, grouped into incidents (no store is written).

    Gold is per article (each article's own figure and date for an incident), so each
    article is scored on its own reports; a report's id is the id of the event it merges
    into, which is what the merge metric compares.

    Args:
        articles: the gold articles; each becomes an :class:`~sitrep.model.Article` with the
            gold doc_id as ``external_id`` and ``path:lineno`` as ``origin``.

    Returns:
        One prediction per report, under its merged event's id.

    Raises:
        ConfigError: ``sitrep.pipeline.report_articles`` does not exist yet.
    """
    try:
        from sitrep.pipeline import report_articles
    except ImportError as exc:
        raise ConfigError(
            f"the pipeline (sitrep.pipeline.report_articles) cannot be imported ({exc}); "
            "score a saved file with --predictions"
        ) from exc
    inputs = [
        Article.from_text(
            a.text,
            published=a.published,
            source=a.source,
            title=a.title,
            external_id=a.doc_id,
            origin=a.origin,
        )
        for a in articles
    ]
    log.info("running the pipeline on %d gold articles", len(inputs))
    return report_articles(inputs)


def evaluate_command(
    gold: list[Path], *, predictions: Path | None, as_json: bool, report: Path | None
) -> int:
    """The ``sitrep evaluate`` command: score, print, optionally write a report file.

    Args:
        gold: gold JSON Lines files.
        predictions: a saved prediction file, or None to run the pipeline.
        as_json: print one JSON object (keys as :data:`~sitrep.eval.score.METRIC_KEYS`)
            instead of the table and errors.
        report: also write the report here: JSON (scores and errors) when the name ends in
            ``.json``, else the plain-text table and errors.

    Returns:
        0 when scored, 2 when a gold or prediction file is unusable (each problem is
        printed to stderr as ``path:lineno: what is wrong``).

    Raises:
        ConfigError: the pipeline is not available.
    """
    err = Console(stderr=True, highlight=False, soft_wrap=True)
    try:
        result = evaluate(gold, predictions)
    except GoldError as exc:
        for problem in exc.problems:
            err.print(problem, markup=False)
        err.print(
            f"error: {len(exc.problems)} problem(s) in the gold files (gold is never edited here)",
            markup=False,
        )
        return 2
    except PredictionError as exc:
        err.print(f"error: {exc}", markup=False)
        return 2
    out = Console(highlight=False, soft_wrap=True)
    if as_json:
        print_json_line(out, result.scores)
    else:
        render(out, result)
    if report is not None:
        write_report(report, result)
    return 0


def print_json_line(console: Console, scores: Scores) -> None:
    """Print the scores as one JSON object on one line (stdout stays pipeable).

    Args:
        console: where to print (stdout).
        scores: the scores.
    """
    console.out(json.dumps(scores.to_dict(), ensure_ascii=False), highlight=False)


def write_report(path: Path, result: EvalResult) -> None:
    """Write the report file: JSON when ``path`` ends in .json, else plain text.

    Args:
        path: the file to write.
        result: what to write.

    Raises:
        ConfigError: the file cannot be written.
    """
    try:
        if path.suffix.lower() == ".json":
            path.write_text(
                json.dumps(result_to_dict(result), indent=1, ensure_ascii=False) + "\n",
                encoding="utf-8",
            )
        else:
            path.write_text(render_text(result), encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"{path}: cannot write the report ({exc.strerror or exc})") from exc


def result_to_dict(result: EvalResult) -> dict[str, object]:
    """Scores plus errors as one JSON-ready dict (the ``--report x.json`` content).

    Args:
        result: an evaluation result.

    Returns:
        ``{"scores": ..., "false_positives": [...], "misses": [...], "field_errors": [...]}``.
    """
    return {
        "scores": result.scores.to_dict(),
        "unassigned_predictions": result.unassigned,
        "false_positives": [
            {
                "doc_id": fp.doc_id,
                "event": _describe(fp.pred),
                "evidence": fp.pred.evidence,
                "invented_from_non_event": fp.non_event,
            }
            for fp in result.false_positives
        ],
        "misses": [
            {
                "doc_id": m.doc_id,
                "incident": m.gold.group,
                "event": _describe(m.gold),
                "evidence": m.gold.evidence,
            }
            for m in result.misses
        ],
        "field_errors": [
            {
                "doc_id": e.doc_id,
                "incident": e.incident,
                "field": e.field,
                "gold": e.gold,
                "predicted": e.predicted,
            }
            for e in result.field_errors
        ],
    }


def render_text(result: EvalResult, width: int = 100) -> str:
    """The table and the errors as plain text.

    Args:
        result: an evaluation result.
        width: line width.

    Returns:
        What :func:`render` prints, without colour.
    """
    console = Console(record=True, width=width, file=_NullFile(), color_system=None, soft_wrap=True)
    render(console, result)
    return console.export_text()


def render(console: Console, result: EvalResult) -> None:
    """Print the scores table, then each false positive, miss and wrong field.

    Args:
        console: where to print.
        result: an evaluation result.
    """
    console.print(scores_table(result.scores))
    if result.unassigned:
        console.print(
            f"{result.unassigned} predictions named no gold article and were not scored.",
            markup=False,
        )
    invented = [fp for fp in result.false_positives if fp.non_event]
    n_fp = len(result.false_positives)
    head = f"False positives ({n_fp}, {len(invented)} invented from non_events)"
    console.print(f"\n[bold]{head}[/bold]")
    for fp in result.false_positives:
        console.print(f"  {fp.doc_id}: {_describe(fp.pred)}", markup=False)
        console.print(f"      evidence: {_quote(fp.pred.evidence)}", markup=False)
        if fp.non_event:
            console.print(f"      INVENTED from non-event: {_quote(fp.non_event)}", markup=False)
    console.print(f"\n[bold]Misses ({len(result.misses)})[/bold]")
    for m in result.misses:
        console.print(f"  {m.doc_id} {m.gold.group}: {_describe(m.gold)}", markup=False)
        console.print(f"      gold evidence: {_quote(m.gold.evidence)}", markup=False)
    console.print(f"\n[bold]Wrong fields on matched events ({len(result.field_errors)})[/bold]")
    for e in result.field_errors:
        console.print(
            f"  {e.doc_id} {e.incident} {e.field}: gold {e.gold} | predicted {e.predicted}",
            markup=False,
        )


def scores_table(scores: Scores) -> Table:
    """The scores as a two-column rich table; undefined metrics shown as ``–``.

    Args:
        scores: the scores.

    Returns:
        The table.
    """
    table = Table(title="sitrep evaluate", show_header=True)
    table.add_column("metric")
    table.add_column("value", justify="right")
    values = scores.to_dict()
    for key in METRIC_KEYS:
        value = values[key]
        if isinstance(getattr(scores, key), PRF):
            for part in ("precision", "recall", "f1"):
                table.add_row(f"{_LABELS[key]} {part}", format_value(value[part]))
        else:
            table.add_row(_LABELS[key], format_value(value, km=key.startswith("km_")))
    return table


def format_value(value: float | int | None, *, km: bool = False) -> str:
    """A metric for a table cell: ``–`` for undefined, 3 decimals for ratios, 1 for km.

    Args:
        value: the metric.
        km: whether it is a distance.

    Returns:
        The cell text.
    """
    if value is None:
        return _DASH
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return f"{value:.1f}" if km else f"{value:.3f}"


def _describe(e: EvalEvent) -> str:
    """One line about an event: type, dates, place."""
    place = "no location"
    if e.location is not None:
        place = ", ".join(x for x in (e.location.name, e.location.admin1, e.location.country) if x)
    dates = str(e.date_start) if e.date_start == e.date_end else f"{e.date_start}..{e.date_end}"
    return f"{e.event_type} / {e.sub_event_type}, {dates}, {place}"


def _quote(text: str | None, limit: int = 240) -> str:
    """A quoted, shortened text for messages."""
    if not text:
        return "(none)"
    text = " ".join(text.split())
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")


class _NullFile:
    """A write sink for a recording Console."""

    def write(self, _: str) -> int:
        """Discard."""
        return 0

    def flush(self) -> None:
        """Nothing to flush."""
