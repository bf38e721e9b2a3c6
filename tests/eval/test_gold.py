"""Reading gold (validated, line-numbered errors, never edited) and prediction files."""

from __future__ import annotations

import copy
import hashlib
import json
from pathlib import Path

import pytest

from sitrep.eval.gold import (
    GoldError,
    PredictionError,
    read_gold,
    read_predictions,
    validate_gold_line,
)
from sitrep.model import content_id


@pytest.fixture
def shared_eval() -> Path:
    """The shared gold folder (found as the root conftest finds the seed)."""
    from tests.conftest import shared_dir

    shared = shared_dir()
    if shared is None or not (shared / "eval" / "dev.jsonl").is_file():
        pytest.skip("shared gold not found (set SITREP_SHARED_DIR)")
    return shared / "eval"


def test_read_gold_seed_and_dev(shared_eval):
    paths = [shared_eval / "seed.jsonl", shared_eval / "dev.jsonl"]
    before = [hashlib.sha256(p.read_bytes()).hexdigest() for p in paths]
    articles = read_gold(paths)
    assert (len(articles), sum(len(a.events) for a in articles)) == (31, 55)
    assert sum(len(a.non_events) for a in articles) == 74
    seed = articles[0]
    assert (seed.doc_id, seed.origin) == ("seed-melitopol", f"{paths[0]}:1")
    assert [e.group for e in seed.events] == [
        "UA-2023-11-melitopol-hq",
        "UA-2023-10-tsarov-yalta",
        "UA-2023-filiponenko-carbomb",
    ]
    assert seed.content_id == content_id(seed.text)
    assert [hashlib.sha256(p.read_bytes()).hexdigest() for p in paths] == before


def test_read_gold_reports_every_broken_line(tmp_path, gold_lines):
    a, b = gold_lines
    bad_date = copy.deepcopy(b)
    bad_date["doc_id"] = "t-c"
    bad_date["events"][0]["date_start"] = "2023-13-01"
    path = tmp_path / "broken.jsonl"
    lines = [json.dumps(a), "{not json", json.dumps(bad_date), "", json.dumps(a)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(GoldError) as caught:
        read_gold([path])
    assert caught.value.problems == [
        f"{path}:2: invalid JSON (Expecting property name enclosed in double quotes at column 2)",
        f"{path}:3: events[0].date_start: expected an ISO date (YYYY-MM-DD), got '2023-13-01'",
        f"{path}:5: doc_id 't-a' already used at {path}:1",
    ]
    assert str(caught.value) == f"{caught.value.problems[0]} (and 2 more)"


def test_read_gold_missing_file_is_one_line(tmp_path):
    with pytest.raises(GoldError) as caught:
        read_gold([tmp_path / "nope.jsonl"])
    assert caught.value.problems == [
        f"{tmp_path / 'nope.jsonl'}: cannot read gold file (No such file or directory)"
    ]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda g: g.pop("published"), "missing field 'published'"),
        (lambda g: g["events"][0].pop("incident"), "events[0]: missing field 'incident'"),
        (
            lambda g: g["events"][0].update(sub_event_type="Armed clash"),
            "events[0].sub_event_type: 'Armed clash' is not a sub-type of 'Explosions/Remote violence'",
        ),
        (
            lambda g: g["events"][0].update(evidence="not in the text"),
            "events[0].evidence: not an exact substring of text: 'not in the text'",
        ),
        (
            lambda g: g["events"][0].update(date_end="2023-11-20"),
            "events[0]: date_end 2023-11-20 is after published 2023-11-13",
        ),
        (
            lambda g: g["events"][0]["location"].update(geo_precision=4),
            "events[0].location.geo_precision: must be 1, 2 or 3, got 4",
        ),
        (
            lambda g: g["events"][0]["fatalities"].update(low=5),
            "events[0].fatalities: need low <= best <= high, got 5/3/None",
        ),
        (
            lambda g: g["events"][0]["claims"][0].update(status="alleged"),
            "events[0].claims[0].status: 'alleged' is not one of confirmed, claimed, reported, denied, unverified",
        ),
        (
            lambda g: g["non_events"].append("nowhere"),
            "non_events[1]: not an exact substring of text: 'nowhere'",
        ),
    ],
)
def test_validate_gold_line_names_the_problem(gold_lines, change, message):
    line = copy.deepcopy(gold_lines[0])
    line["events"][0]["location"] = dict(line["events"][0]["location"])
    change(line)
    assert validate_gold_line(line) == [message]


def test_validate_gold_line_accepts_hand_made_articles(gold_lines):
    assert [validate_gold_line(g) for g in gold_lines] == [[], []]


def test_read_predictions_json_array_of_events(
    tmp_path, gold_lines, make_event, article_a, article_b
):
    a, _ = gold_lines
    event = make_event(a["events"][0], "ev-1", [article_a.text, article_b.text])
    path = tmp_path / "pred.json"
    path.write_text(json.dumps([event.model_dump(mode="json")], indent=1), encoding="utf-8")
    [pred] = read_predictions(path)
    assert pred.group == "ev-1"
    assert pred.doc_refs == (article_a.content_id, article_b.content_id)
    assert (pred.evidence_doc, pred.fatalities_best, pred.claim_statuses) == (
        article_a.content_id,
        3,
        ("claimed",),
    )


def test_read_predictions_json_lines_flat_and_article_layouts(tmp_path, gold_lines):
    a, b = gold_lines
    path = tmp_path / "pred.jsonl"
    flat = {**a["events"][1], "doc_id": "t-a"}
    path.write_text(json.dumps(flat) + "\n\n" + json.dumps(b) + "\n", encoding="utf-8")
    preds = read_predictions(path)
    assert [(p.group, p.doc_refs) for p in preds] == [
        ("tsarov-yalta", ("t-a",)),
        ("melitopol-hq", ("t-b",)),
    ]
    assert preds[0].location.admin1 == "Crimea"


def test_read_predictions_error_names_the_line(tmp_path, gold_lines):
    path = tmp_path / "pred.jsonl"
    flat_without_doc = dict(gold_lines[0]["events"][0])
    path.write_text(
        json.dumps({**flat_without_doc, "doc_id": "t-a"})
        + "\n"
        + json.dumps(flat_without_doc)
        + "\n"
    )
    with pytest.raises(PredictionError) as caught:
        read_predictions(path)
    assert (
        str(caught.value) == f"{path}:2: a flat prediction needs a 'doc_id' naming its gold article"
    )


def test_read_predictions_invalid_event_dump(tmp_path):
    path = tmp_path / "pred.json"
    path.write_text(json.dumps([{"event_id": "x", "date": {"start": "2023-01-01"}}]))
    with pytest.raises(
        PredictionError, match=r"pred\.json: item 0: not a valid Event: event_type: Field required"
    ):
        read_predictions(path)
