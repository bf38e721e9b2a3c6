"""Score predictions against gold exactly as ``shared/eval/SCHEMA.md`` defines.

Metric definitions (every ratio is ``None`` when its denominator is 0, never 0):

* **n_docs / n_gold / n_pred**: gold articles; gold events; predictions *per article* (a
  merged event whose sources are two gold articles counts once in each).  Predictions that
  name no gold article are left out and logged.
* **detection**: ``precision = TP / n_pred``, ``recall = TP / n_gold``,
  ``f1 = 2 TP / (2 TP + FP + FN)`` (so no predictions at all gives f1 0.0, not None).
* **invented_from_non_events**: unmatched predictions whose ``evidence["event"]`` overlaps one
  of the article's ``non_events`` phrases: character offsets intersect (when the evidence's
  doc_id is this article), or one text contains the other.  A count, not a ratio.
* Field accuracies are over matched pairs:
  **event_type_acc**, **sub_event_type_acc** (exact strings); **date_exact** (same start and
  end); **date_overlap**: mean Jaccard overlap of the two day intervals
  ``|P ∩ G| / |P ∪ G|`` (1.0 = exact; the plain "do they overlap" rate is 1.0 by
  construction because matching requires overlapping dates);
  **admin1_acc** (tolerant comparison, see :mod:`sitrep.eval.match`; a missing predicted
  admin1 is wrong); **km_median / km_p90** (haversine km between the two points over pairs
  where both have coordinates; p90 interpolates linearly, as numpy.percentile);
  **fatalities_best_acc** (``best`` equal); **actor_side_acc** over the 2 x pairs
  comparisons actor1_side and actor2_side (case-insensitive, null == null is right).
* **claim_status_acc**: for each matched pair whose gold event has claims, the fraction of
  the gold event's *distinct* statuses found among the predicted claims' statuses; averaged
  over those pairs.  It is a recall of statuses: predicted extra statuses cost nothing.
* **merge**: over every matched prediction (one per article it appears in), each unordered
  pair is "same incident" in the prediction when the two share an ``event_id`` and in gold
  when their gold events share an ``incident``.  Precision = both / predicted-same, recall =
  both / gold-same, f1 = 2 both / (2 both + predicted-only + gold-only).
"""

from __future__ import annotations

import itertools
import logging
import statistics
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from sitrep.eval.gold import EvalEvent, GoldArticle, prediction_from_object
from sitrep.eval.match import Match, match_article, same_admin1
from sitrep.model import Event

log = logging.getLogger(__name__)

METRIC_KEYS = (
    "n_docs",
    "n_gold",
    "n_pred",
    "detection",
    "invented_from_non_events",
    "event_type_acc",
    "sub_event_type_acc",
    "date_overlap",
    "date_exact",
    "admin1_acc",
    "km_median",
    "km_p90",
    "fatalities_best_acc",
    "claim_status_acc",
    "actor_side_acc",
    "merge",
)
"""The keys of :meth:`Scores.to_dict`, in order (the ``--json`` object)."""


@dataclass(frozen=True)
class PRF:
    """Precision, recall and F1 (None where undefined)."""

    precision: float | None
    recall: float | None
    f1: float | None

    @classmethod
    def from_counts(cls, tp: int, n_pred: int, n_gold: int) -> PRF:
        """Build from true positives and the two totals.

        Args:
            tp: items that are right on both sides.
            n_pred: items the system asserted.
            n_gold: items gold asserts.

        Returns:
            The three ratios; each None when its denominator is 0.
        """
        fp, fn = n_pred - tp, n_gold - tp
        return cls(
            precision=_ratio(tp, n_pred),
            recall=_ratio(tp, n_gold),
            f1=_ratio(2 * tp, 2 * tp + fp + fn),
        )


@dataclass(frozen=True)
class Scores:
    """Every number ``sitrep evaluate`` reports for one set."""

    n_docs: int
    n_gold: int
    n_pred: int
    detection: PRF
    invented_from_non_events: int
    event_type_acc: float | None
    sub_event_type_acc: float | None
    date_overlap: float | None
    date_exact: float | None
    admin1_acc: float | None
    km_median: float | None
    km_p90: float | None
    fatalities_best_acc: float | None
    claim_status_acc: float | None
    actor_side_acc: float | None
    merge: PRF

    def to_dict(self, digits: int | None = 4) -> dict[str, Any]:
        """The ``--json`` object: keys as :data:`METRIC_KEYS`, nested PRFs.

        Args:
            digits: round ratios to this many decimals (km to 1); None keeps full floats.

        Returns:
            A JSON-ready dict; undefined metrics are None.
        """
        out: dict[str, Any] = {}
        for key in METRIC_KEYS:
            value = getattr(self, key)
            if isinstance(value, PRF):
                out[key] = {
                    k: _round(getattr(value, k), digits) for k in ("precision", "recall", "f1")
                }
            elif key.startswith("km_"):
                out[key] = _round(value, None if digits is None else 1)
            else:
                out[key] = value if isinstance(value, int) else _round(value, digits)
        return out


@dataclass(frozen=True)
class FalsePositive:
    """A prediction that matched no gold event."""

    doc_id: str
    pred: EvalEvent
    non_event: str | None
    """The non-event phrase it was invented from, if any."""


@dataclass(frozen=True)
class Miss:
    """A gold event no prediction matched."""

    doc_id: str
    gold: EvalEvent


@dataclass(frozen=True)
class FieldError:
    """A field of a matched pair that differs: gold vs predicted."""

    doc_id: str
    incident: str
    field: str
    gold: str
    predicted: str


@dataclass(frozen=True)
class EvalResult:
    """Scores plus the errors that explain them."""

    scores: Scores
    false_positives: list[FalsePositive] = field(default_factory=list)
    misses: list[Miss] = field(default_factory=list)
    field_errors: list[FieldError] = field(default_factory=list)
    unassigned: int = 0
    """Predictions that named no gold article (left out of every metric)."""


@dataclass(frozen=True)
class _Pair:
    doc_id: str
    gold: EvalEvent
    pred: EvalEvent
    km: float | None


PredictionLike = Event | EvalEvent | Mapping[str, Any]


def normalise_predictions(predictions: Iterable[PredictionLike]) -> list[EvalEvent]:
    """Turn Events, EvalEvents or dicts (either layout) into EvalEvents.

    Args:
        predictions: the system's output.

    Returns:
        One EvalEvent per predicted event (a gold-layout article dict gives several).

    Raises:
        ValueError: an object is neither layout.
    """
    out: list[EvalEvent] = []
    for i, p in enumerate(predictions):
        out.extend(prediction_from_object(p, default_group=f"prediction {i}"))
    return out


def assign(
    articles: Sequence[GoldArticle], predictions: Sequence[EvalEvent]
) -> tuple[dict[str, list[EvalEvent]], int]:
    """Group predictions by the gold article(s) they name.

    A prediction names an article by its content id, its gold doc_id, or (for sitrep
    Events) a source's external_id equal to the doc_id.

    Args:
        articles: the gold articles.
        predictions: normalised predictions, in order.

    Returns:
        Predictions per gold doc_id (in prediction order, each at most once per article),
        and how many predictions named no gold article.
    """
    index: dict[str, str] = {}
    for a in articles:
        index[a.content_id] = a.doc_id
        index[a.doc_id] = a.doc_id
    by_doc: dict[str, list[EvalEvent]] = {a.doc_id: [] for a in articles}
    unassigned = 0
    for p in predictions:
        docs = list(dict.fromkeys(index[r] for r in p.doc_refs if r in index))
        if not docs:
            unassigned += 1
        for d in docs:
            by_doc[d].append(p)
    if unassigned:
        log.warning("%d predictions name no gold article; they are not scored", unassigned)
    return by_doc, unassigned


def score(articles: Sequence[GoldArticle], predictions: Iterable[PredictionLike]) -> EvalResult:
    """Match predictions to gold and compute every metric (see the module docstring).

    Args:
        articles: gold articles (from :func:`~sitrep.eval.gold.read_gold`).
        predictions: Events, EvalEvents, or dicts in the Event or flat gold layout.

    Returns:
        The scores and the errors behind them.

    Raises:
        ValueError: a prediction is neither layout.
    """
    by_doc, unassigned = assign(articles, normalise_predictions(predictions))
    pairs: list[_Pair] = []
    false_positives: list[FalsePositive] = []
    misses: list[Miss] = []
    n_pred = 0
    for article in articles:
        preds = by_doc[article.doc_id]
        n_pred += len(preds)
        matches: list[Match] = match_article(article.events, preds)
        matched_gold = {m.gold for m in matches}
        matched_pred = {m.pred for m in matches}
        pairs.extend(
            _Pair(article.doc_id, article.events[m.gold], preds[m.pred], m.km) for m in matches
        )
        misses.extend(
            Miss(article.doc_id, g) for i, g in enumerate(article.events) if i not in matched_gold
        )
        false_positives.extend(
            FalsePositive(article.doc_id, p, invented_from(p, article))
            for i, p in enumerate(preds)
            if i not in matched_pred
        )
    n_gold = sum(len(a.events) for a in articles)
    tp = len(pairs)
    kms = [p.km for p in pairs if p.km is not None]
    sides = [
        _side(getattr(p.gold, s)) == _side(getattr(p.pred, s))
        for p in pairs
        for s in ("actor1_side", "actor2_side")
    ]
    claim_scores = [_claim_recall(p.gold, p.pred) for p in pairs if p.gold.claim_statuses]
    scores = Scores(
        n_docs=len(articles),
        n_gold=n_gold,
        n_pred=n_pred,
        detection=PRF.from_counts(tp, n_pred, n_gold),
        invented_from_non_events=sum(fp.non_event is not None for fp in false_positives),
        event_type_acc=_mean(p.gold.event_type == p.pred.event_type for p in pairs),
        sub_event_type_acc=_mean(p.gold.sub_event_type == p.pred.sub_event_type for p in pairs),
        date_overlap=_mean_float([_date_jaccard(p.gold, p.pred) for p in pairs]),
        date_exact=_mean(
            (p.gold.date_start, p.gold.date_end) == (p.pred.date_start, p.pred.date_end)
            for p in pairs
        ),
        admin1_acc=_mean(
            same_admin1(p.gold.location.admin1, p.pred.location.admin1 if p.pred.location else None)
            for p in pairs
            if p.gold.location and p.gold.location.admin1
        ),
        km_median=float(statistics.median(kms)) if kms else None,
        km_p90=float(np.percentile(kms, 90)) if kms else None,
        fatalities_best_acc=_mean(
            p.gold.fatalities_best == p.pred.fatalities_best
            for p in pairs
            if p.gold.fatalities_best is not None
        ),
        claim_status_acc=_mean_float(claim_scores),
        actor_side_acc=_mean(sides),
        merge=_merge_prf(pairs),
    )
    return EvalResult(
        scores=scores,
        false_positives=false_positives,
        misses=misses,
        field_errors=[e for p in pairs for e in _field_errors(p)],
        unassigned=unassigned,
    )


def invented_from(pred: EvalEvent, article: GoldArticle) -> str | None:
    """The non-event phrase a prediction's evidence overlaps, if any.

    Args:
        pred: a prediction in ``article``.
        article: its gold article.

    Returns:
        The first overlapping ``non_events`` phrase, or None.
    """
    text = pred.evidence.strip() if pred.evidence else ""
    same_doc = pred.evidence_span is not None and pred.evidence_doc in (
        article.content_id,
        article.doc_id,
    )
    for phrase in article.non_events:
        if text and (phrase in text or text in phrase):
            return phrase
        if same_doc:
            start, end = pred.evidence_span  # type: ignore[misc]
            at = article.text.find(phrase)
            while at >= 0:
                if at < end and start < at + len(phrase):
                    return phrase
                at = article.text.find(phrase, at + 1)
    return None


def _merge_prf(pairs: Sequence[_Pair]) -> PRF:
    """Pairwise same-incident precision/recall/F1 over matched predictions."""
    both = pred_same = gold_same = 0
    for a, b in itertools.combinations(pairs, 2):
        same_p = a.pred.group == b.pred.group
        same_g = a.gold.group == b.gold.group
        pred_same += same_p
        gold_same += same_g
        both += same_p and same_g
    return PRF.from_counts(both, pred_same, gold_same)


def _field_errors(p: _Pair) -> list[FieldError]:
    """The fields of a matched pair that are wrong, as the scorer judges them."""
    g, q = p.gold, p.pred
    errors: list[tuple[str, object, object]] = []
    if g.event_type != q.event_type or g.sub_event_type != q.sub_event_type:
        errors.append(
            ("type", f"{g.event_type} / {g.sub_event_type}", f"{q.event_type} / {q.sub_event_type}")
        )
    if (g.date_start, g.date_end) != (q.date_start, q.date_end):
        errors.append(("date", _dates(g), _dates(q)))
    g_admin1 = g.location.admin1 if g.location else None
    q_admin1 = q.location.admin1 if q.location else None
    if g_admin1 and not same_admin1(g_admin1, q_admin1):
        errors.append(("admin1", g_admin1, q_admin1))
    if p.km is not None and p.km > 25:
        gname = g.location.name if g.location else None
        qname = q.location.name if q.location else None
        errors.append(("location", gname, f"{qname} ({p.km:.0f} km away)"))
    if g.fatalities_best is not None and g.fatalities_best != q.fatalities_best:
        errors.append(("fatalities.best", g.fatalities_best, q.fatalities_best))
    if g.claim_statuses and _claim_recall(g, q) < 1:
        errors.append(
            (
                "claims",
                ", ".join(sorted(set(g.claim_statuses))),
                ", ".join(sorted(set(q.claim_statuses))) or None,
            )
        )
    for side in ("actor1_side", "actor2_side"):
        if _side(getattr(g, side)) != _side(getattr(q, side)):
            errors.append((side, getattr(g, side), getattr(q, side)))
    return [FieldError(p.doc_id, g.group, f, _show(gv), _show(qv)) for f, gv, qv in errors]


def _claim_recall(gold: EvalEvent, pred: EvalEvent) -> float:
    """Fraction of the gold event's distinct claim statuses among the predicted ones."""
    wanted = set(gold.claim_statuses)
    return len(wanted & set(pred.claim_statuses)) / len(wanted)


def _date_jaccard(gold: EvalEvent, pred: EvalEvent) -> float:
    """|P ∩ G| / |P ∪ G| of two inclusive day intervals (0.0 when a date is missing)."""
    if None in (gold.date_start, gold.date_end, pred.date_start, pred.date_end):
        return 0.0
    inter = (min(gold.date_end, pred.date_end) - max(gold.date_start, pred.date_start)).days + 1  # type: ignore[operator, type-var]
    union = (max(gold.date_end, pred.date_end) - min(gold.date_start, pred.date_start)).days + 1  # type: ignore[operator, type-var]
    return max(inter, 0) / union


def _side(side: str | None) -> str | None:
    """Case- and space-insensitive side; empty counts as null."""
    return " ".join(side.casefold().split()) or None if side else None


def _dates(e: EvalEvent) -> str:
    """An interval for messages."""
    if e.date_start == e.date_end:
        return str(e.date_start)
    return f"{e.date_start}..{e.date_end}"


def _show(v: object) -> str:
    """A value for messages; None is shown as null."""
    return "null" if v is None else str(v)


def _ratio(num: int, den: int) -> float | None:
    """num / den, or None when den is 0."""
    return num / den if den else None


def _mean(flags: Iterable[bool]) -> float | None:
    """Fraction of true flags, or None when there are none."""
    values = list(flags)
    return _ratio(sum(values), len(values))


def _mean_float(values: Sequence[float]) -> float | None:
    """Arithmetic mean, or None for no values."""
    return sum(values) / len(values) if values else None


def _round(value: float | None, digits: int | None) -> float | None:
    """Round for output, keeping None."""
    if value is None or digits is None:
        return value
    return round(value, digits)
