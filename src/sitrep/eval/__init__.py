"""Evaluation against gold sets (``shared/eval/SCHEMA.md``): read, match, score, report.

``gold`` reads and validates gold files and prediction files into one record, ``match``
pairs predictions with gold events, ``score`` computes the metrics, ``report`` runs the
pipeline and prints.  ``docs/evaluation.md`` defines every metric.
"""

from __future__ import annotations

from sitrep.eval.gold import (
    EvalEvent,
    EvalPlace,
    GoldArticle,
    GoldError,
    PredictionError,
    read_gold,
    read_predictions,
)
from sitrep.eval.score import EvalResult, Scores, score

__all__ = [
    "EvalEvent",
    "EvalPlace",
    "EvalResult",
    "GoldArticle",
    "GoldError",
    "PredictionError",
    "Scores",
    "read_gold",
    "read_predictions",
    "score",
]
