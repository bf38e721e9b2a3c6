"""The scorer on hand-made predictions: every metric asserted exactly."""

from __future__ import annotations

import numpy as np
import pytest

from sitrep.eval.match import haversine_km
from sitrep.eval.score import METRIC_KEYS, score

NONE_FIELDS = {
    "event_type_acc": None,
    "sub_event_type_acc": None,
    "date_overlap": None,
    "date_exact": None,
    "admin1_acc": None,
    "km_median": None,
    "km_p90": None,
    "fatalities_best_acc": None,
    "claim_status_acc": None,
    "actor_side_acc": None,
}
PERFECT_FIELDS = {
    "event_type_acc": 1.0,
    "sub_event_type_acc": 1.0,
    "date_overlap": 1.0,
    "date_exact": 1.0,
    "admin1_acc": 1.0,
    "km_median": 0.0,
    "km_p90": 0.0,
    "fatalities_best_acc": 1.0,
    "claim_status_acc": 1.0,
    "actor_side_acc": 1.0,
}


def perfect(gold_lines, make_event, article_a, article_b):
    """Melitopol merged over A and B, Tsarov in A: what a perfect system outputs."""
    a, _ = gold_lines
    melitopol, tsarov = a["events"]
    return [
        make_event(melitopol, "ev-melitopol", [article_a.text, article_b.text]),
        make_event(tsarov, "ev-tsarov", [article_a.text]),
    ]


def test_score_perfect_predictions(gold_lines, make_event, article_a, article_b):
    result = score([article_a, article_b], perfect(gold_lines, make_event, article_a, article_b))
    assert result.scores.to_dict(digits=None) == {
        "n_docs": 2,
        "n_gold": 3,
        "n_pred": 3,
        "detection": {"precision": 1.0, "recall": 1.0, "f1": 1.0},
        "invented_from_non_events": 0,
        **PERFECT_FIELDS,
        "merge": {"precision": 1.0, "recall": 1.0, "f1": 1.0},
    }
    assert (result.false_positives, result.misses, result.field_errors) == ([], [], [])


def test_score_json_keys_in_order(article_a):
    assert list(score([article_a], []).scores.to_dict()) == list(METRIC_KEYS)


def test_score_empty_predictions(article_a, article_b):
    result = score([article_a, article_b], [])
    assert result.scores.to_dict(digits=None) == {
        "n_docs": 2,
        "n_gold": 3,
        "n_pred": 0,
        "detection": {"precision": None, "recall": 0.0, "f1": 0.0},
        "invented_from_non_events": 0,
        **NONE_FIELDS,
        "merge": {"precision": None, "recall": None, "f1": None},
    }
    assert [m.gold.group for m in result.misses] == ["melitopol-hq", "tsarov-yalta", "melitopol-hq"]


def test_score_one_invented_event(gold_lines, make_event, article_a, article_b):
    a, _ = gold_lines
    invented = make_event(
        a["events"][0],
        "ev-invented",
        [article_a.text],
        evidence="partisan attacks are increasing",
        event_type="Battles",
        sub_event_type="Armed clash",
    )
    predictions = [*perfect(gold_lines, make_event, article_a, article_b), invented]
    result = score([article_a, article_b], predictions)
    s = result.scores
    # The invented event is at Melitopol and in the right week, but the real Melitopol
    # event takes the gold match first (same sub_event_type), so the invention is unmatched.
    assert (s.n_pred, s.detection.precision, s.detection.recall) == (4, 0.75, 1.0)
    assert s.detection.f1 == 6 / 7
    assert s.invented_from_non_events == 1
    assert [(fp.pred.group, fp.non_event) for fp in result.false_positives] == [
        ("ev-invented", "partisan attacks are increasing across occupied areas")
    ]
    assert s.event_type_acc == 1.0 and s.merge.f1 == 1.0


def test_score_false_positive_outside_non_events_is_not_invented(gold_lines, make_event, article_a):
    a, _ = gold_lines
    extra = make_event(
        a["events"][1], "ev-extra", [article_a.text], date_start="2023-11-01", date_end="2023-11-01"
    )
    result = score([article_a], [extra])
    assert result.scores.invented_from_non_events == 0
    assert [fp.non_event for fp in result.false_positives] == [None]


def test_score_date_one_week_off_still_overlapping(gold_lines, make_event, article_a):
    a, _ = gold_lines
    melitopol, tsarov = a["events"]
    predictions = [
        make_event(
            melitopol, "m", [article_a.text], date_start="2023-11-13", date_end="2023-11-20"
        ),
        make_event(tsarov, "t", [article_a.text]),
    ]
    s = score([article_a], predictions).scores
    assert (s.detection.precision, s.detection.recall) == (1.0, 1.0)
    assert s.date_exact == 0.5
    # gold 6..13 Nov and predicted 13..20 Nov share 1 day of 15.
    assert s.date_overlap == (1 / 15 + 1.0) / 2


def test_score_day_date_one_week_off_does_not_match(gold_lines, make_event, article_a):
    a, _ = gold_lines
    melitopol, tsarov = a["events"]
    predictions = [
        make_event(
            melitopol,
            "m",
            [article_a.text],
            date_start="2023-10-30",
            date_end="2023-10-30",
            date_precision="day",
        ),
        make_event(tsarov, "t", [article_a.text]),
    ]
    result = score([article_a], predictions)
    s = result.scores
    assert (s.detection.precision, s.detection.recall, s.detection.f1) == (0.5, 0.5, 0.5)
    assert (s.date_exact, s.date_overlap) == (1.0, 1.0)
    assert [m.gold.group for m in result.misses] == ["melitopol-hq"]


def test_score_wrong_yalta(gold_lines, make_event, article_a):
    a, _ = gold_lines
    melitopol, tsarov = a["events"]
    wrong = {
        "name": "Yalta",
        "admin1": "Donetsk",
        "country": "Ukraine",
        "iso3": "UKR",
        "lat": 46.9628,
        "lon": 37.2747,
        "geo_precision": 1,
    }
    predictions = [
        make_event(melitopol, "m", [article_a.text]),
        make_event(tsarov, "t", [article_a.text], location=wrong),
    ]
    result = score([article_a], predictions)
    s = result.scores
    assert (s.n_pred, s.detection.precision, s.detection.recall, s.detection.f1) == (
        2,
        0.5,
        0.5,
        0.5,
    )
    assert s.invented_from_non_events == 0
    assert (s.admin1_acc, s.km_median, s.km_p90) == (1.0, 0.0, 0.0)
    assert [m.gold.group for m in result.misses] == ["tsarov-yalta"]
    assert [fp.pred.location.admin1 for fp in result.false_positives] == ["Donetsk"]


def test_score_region_level_prediction_matches_on_admin1(gold_lines, make_event, article_a):
    a, _ = gold_lines
    tsarov = a["events"][1]
    crimea = {
        "name": "Crimea",
        "admin1": "Avtonomna Respublika Krym",
        "country": "Ukraine",
        "geo_precision": 3,
    }
    s = score([article_a], [make_event(tsarov, "t", [article_a.text], location=crimea)]).scores
    assert (s.detection.precision, s.detection.recall) == (1.0, 0.5)
    assert (s.admin1_acc, s.km_median) == (1.0, None)


def test_score_merge_splits_one_incident_in_two(gold_lines, make_event, article_a, article_b):
    a, b = gold_lines
    predictions = [
        make_event(a["events"][0], "ev-1", [article_a.text]),
        make_event(a["events"][1], "ev-2", [article_a.text]),
        make_event(b["events"][0], "ev-3", [article_b.text]),
    ]
    s = score([article_a, article_b], predictions).scores
    assert (s.detection.precision, s.detection.recall, s.detection.f1) == (1.0, 1.0, 1.0)
    assert (s.merge.precision, s.merge.recall, s.merge.f1) == (None, 0.0, 0.0)


def test_score_merge_joins_two_incidents(gold_lines, article_a, article_b):
    a, b = gold_lines
    # Flat SCHEMA.md layout: all three predictions share one event_id (everything merged).
    predictions = [
        {**a["events"][0], "doc_id": "t-a", "event_id": "one"},
        {**a["events"][1], "doc_id": "t-a", "event_id": "one"},
        {**b["events"][0], "doc_id": "t-b", "event_id": "one"},
    ]
    s = score([article_a, article_b], predictions).scores
    assert s.detection.f1 == 1.0
    assert (s.merge.precision, s.merge.recall, s.merge.f1) == (1 / 3, 1.0, 0.5)


def test_score_fields_on_matched_pairs(gold_lines, make_event, article_a):
    a, _ = gold_lines
    melitopol, tsarov = a["events"]
    shifted = {**melitopol["location"], "lat": 46.93891, "admin1": "Zaporiz'ka Oblast'"}
    predictions = [
        make_event(
            melitopol,
            "m",
            [article_a.text],
            sub_event_type="Air/drone strike",
            location=shifted,
            actor1_side="ukraine",
            actor2_side="Ukraine",
            fatalities={"low": 3, "best": 4, "high": None},
            claims=[{"claimant": None, "status": "reported", "about": None}],
        ),
        make_event(
            tsarov,
            "t",
            [article_a.text],
            claims=[
                {"claimant": None, "status": "reported", "about": None},
                {"claimant": None, "status": "denied", "about": None},
            ],
        ),
    ]
    result = score([article_a], predictions)
    s = result.scores
    km = haversine_km(46.84891, 35.36533, 46.93891, 35.36533)
    assert (s.event_type_acc, s.sub_event_type_acc) == (1.0, 0.5)
    assert s.admin1_acc == 1.0
    assert s.km_median == km / 2
    assert s.km_p90 == pytest.approx(float(np.percentile([km, 0.0], 90)), abs=1e-12)
    assert round(s.km_median, 3) == 5.004
    assert s.fatalities_best_acc == 0.5
    assert s.claim_status_acc == 0.5
    # actor1_side "ukraine" == "Ukraine" (case), actor2_side wrong, Tsarov's null == null.
    assert s.actor_side_acc == 3 / 4
    assert [(e.field, e.gold, e.predicted) for e in result.field_errors] == [
        (
            "type",
            "Explosions/Remote violence / Remote explosive/landmine/IED",
            "Explosions/Remote violence / Air/drone strike",
        ),
        ("fatalities.best", "3", "4"),
        ("claims", "claimed", "reported"),
        ("actor2_side", "Russia", "Ukraine"),
    ]


def test_score_prediction_naming_no_gold_article_is_left_out(gold_lines, article_a):
    a, _ = gold_lines
    s_result = score([article_a], [{**a["events"][0], "doc_id": "elsewhere"}])
    assert s_result.unassigned == 1
    assert s_result.scores.n_pred == 0


def test_score_prediction_found_by_gold_doc_id_in_external_id(gold_lines, make_event, article_a):
    a, _ = gold_lines
    event = make_event(a["events"][0], "m", [article_a.text])
    event = event.model_copy(
        update={
            "sources": [
                event.sources[0].model_copy(update={"doc_id": "other-hash", "external_id": "t-a"})
            ]
        }
    )
    assert score([article_a], [event]).scores.detection.recall == 0.5
