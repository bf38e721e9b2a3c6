"""``sitrep evaluate``: the JSON object, the table and its teaching errors, exit codes."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from sitrep.cli import app
from sitrep.eval.report import evaluate, evaluate_command, format_value, render_text
from sitrep.eval.score import METRIC_KEYS


def write_predictions(tmp_path, events):
    """Write Events as ``sitrep events --format json`` prints them."""
    path = tmp_path / "pred.json"
    path.write_text(
        json.dumps([e.model_dump(mode="json") for e in events], indent=1), encoding="utf-8"
    )
    return path


def test_evaluate_command_json_prints_one_object(
    tmp_path, gold_file, gold_lines, make_event, article_a, article_b, capsys
):
    a, _ = gold_lines
    pred = write_predictions(
        tmp_path, [make_event(a["events"][0], "m", [article_a.text, article_b.text])]
    )
    code = evaluate_command([gold_file], predictions=pred, as_json=True, report=None)
    out = capsys.readouterr().out
    assert code == 0
    assert out.count("\n") == 1
    result = json.loads(out)
    assert list(result) == list(METRIC_KEYS)
    assert result["detection"] == {"precision": 1.0, "recall": 0.6667, "f1": 0.8}
    assert result["merge"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0}
    assert result["claim_status_acc"] == 1.0


def test_evaluate_command_table_shows_dash_and_teaching_errors(
    tmp_path, gold_file, gold_lines, make_event, article_a, capsys
):
    a, _ = gold_lines
    invented = make_event(
        a["events"][1],
        "x",
        [article_a.text],
        evidence="partisan attacks are increasing",
        date_start="2023-11-10",
        date_end="2023-11-10",
        date_precision="day",
    )
    wrong = make_event(
        a["events"][0], "m", [article_a.text], fatalities={"low": 1, "best": 1, "high": None}
    )
    pred = write_predictions(tmp_path, [invented, wrong])
    assert evaluate_command([gold_file], predictions=pred, as_json=False, report=None) == 0
    out = capsys.readouterr().out
    assert "merge (pairwise) precision" in out and "–" in out
    assert "False positives (1, 1 invented from non_events)" in out
    assert "INVENTED from non-event: 'partisan attacks are increasing across occupied areas'" in out
    assert (
        "t-a tsarov-yalta: Violence against civilians / Attack, 2023-10-01..2023-10-31, Yalta, Crimea, Ukraine"
        in out
    )
    assert "gold evidence: 'Oleh Tsarov was reportedly shot in Yalta'" in out
    assert "t-a melitopol-hq fatalities.best: gold 3 | predicted 1" in out


def test_evaluate_command_bad_gold_line_exits_2_with_path_and_line(tmp_path, gold_lines, capsys):
    gold = tmp_path / "gold.jsonl"
    broken = dict(gold_lines[1], published="13 Nov 2023")
    gold.write_text(json.dumps(gold_lines[0]) + "\n" + json.dumps(broken) + "\n", encoding="utf-8")
    before = gold.read_bytes()
    assert (
        evaluate_command([gold], predictions=tmp_path / "unused.json", as_json=True, report=None)
        == 2
    )
    captured = capsys.readouterr()
    assert captured.out == ""
    assert (
        captured.err.splitlines()[0]
        == f"{gold}:2: published: expected an ISO date (YYYY-MM-DD), got '13 Nov 2023'"
    )
    assert gold.read_bytes() == before


def test_evaluate_command_writes_report_files(tmp_path, gold_file, capsys):
    empty = tmp_path / "empty.jsonl"
    empty.write_text("")
    text_report, json_report = tmp_path / "report.txt", tmp_path / "report.json"
    assert evaluate_command([gold_file], predictions=empty, as_json=False, report=text_report) == 0
    assert evaluate_command([gold_file], predictions=empty, as_json=True, report=json_report) == 0
    capsys.readouterr()
    assert "Misses (3)" in text_report.read_text()
    saved = json.loads(json_report.read_text())
    assert saved["scores"]["detection"] == {"precision": None, "recall": 0.0, "f1": 0.0}
    assert [m["incident"] for m in saved["misses"]] == [
        "melitopol-hq",
        "tsarov-yalta",
        "melitopol-hq",
    ]


def test_evaluate_scores_saved_predictions_from_python(tmp_path, gold_file, gold_lines):
    pred = tmp_path / "flat.jsonl"
    pred.write_text(json.dumps(gold_lines[1]) + "\n", encoding="utf-8")
    result = evaluate([gold_file], pred)
    assert (
        result.scores.n_pred,
        result.scores.detection.precision,
        result.scores.detection.recall,
    ) == (1, 1.0, 1 / 3)
    assert "Wrong fields on matched events (0)" in render_text(result)


def test_cli_evaluate_predictions_json(tmp_path, gold_file, gold_lines):
    pred = tmp_path / "flat.jsonl"
    pred.write_text(
        json.dumps(gold_lines[0]) + "\n" + json.dumps(gold_lines[1]) + "\n", encoding="utf-8"
    )
    result = CliRunner().invoke(
        app, ["evaluate", str(gold_file), "--predictions", str(pred), "--json"]
    )
    assert result.exit_code == 0, result.output
    scores = json.loads(result.stdout)
    assert scores["detection"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0}
    # Flat gold-layout predictions carry the gold incident ids, so merging is perfect too.
    assert scores["merge"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0}


def test_format_value_dash_for_undefined():
    assert [
        format_value(None),
        format_value(3),
        format_value(0.5),
        format_value(12.345, km=True),
    ] == [
        "–",
        "3",
        "0.500",
        "12.3",
    ]
