"""JSON Lines reader."""

from __future__ import annotations

import datetime as dt
import json
import logging
from pathlib import Path

import pytest

from sitrep.errors import DecodeError, EmptyArticleError, InputError, MissingDateError
from sitrep.ingest.jsonl import read_jsonl
from sitrep.model import Article


def line(**fields: object) -> str:
    return json.dumps(fields)


def test_read_jsonl_one_article_per_line_extra_keys_ignored(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    path.write_text(
        line(doc_id="a", source="Wire A", published="2023-11-13", title="T1", text="First report.",
             url="https://example.org/1", events=[{"incident": "x"}], non_events=["y"])
        + "\n\n"
        + line(doc_id="b", source="Wire B", published="2023-11-14T10:00:00", text="Second report.")
        + "\n",
        encoding="utf-8",
    )  # fmt: skip
    articles = list(read_jsonl(path))
    assert [(a.external_id, a.source, a.published, a.title, a.url) for a in articles] == [
        ("a", "Wire A", dt.date(2023, 11, 13), "T1", "https://example.org/1"),
        ("b", "Wire B", dt.date(2023, 11, 14), None, None),
    ]
    assert [(a.text, a.origin) for a in articles] == [
        ("First report.", f"{path}:1"),
        ("Second report.", f"{path}:3"),
    ]


def test_read_jsonl_broken_line_reported_good_lines_kept(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    path.write_text(
        line(published="2023-11-13", text="Good one.") + "\n"
        + '{"published": "2023-11-13", "text": "cut off\n'
        + line(published="2023-11-15", text="Good two.") + "\n",
        encoding="utf-8",
    )  # fmt: skip
    results = list(read_jsonl(path))
    assert [type(r) for r in results] == [Article, DecodeError, Article]
    error = results[1]
    assert isinstance(error, DecodeError)
    assert error.source == f"{path}:2"
    assert str(error) == (
        f"{path}:2: not valid JSON (column 37: Unterminated string starting at); "
        "fix or remove the line"
    )
    assert [r.text for r in results if isinstance(r, Article)] == ["Good one.", "Good two."]


def test_read_jsonl_line_problems_name_the_line(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    path.write_text(
        "\n".join([
            line(text="No date here."),
            line(published="2023-11-13", text="   "),
            "[1, 2]",
            line(published="13.11.2023", text="Bad date."),
        ]),
        encoding="utf-8",
    )  # fmt: skip
    results = list(read_jsonl(path))
    assert [(type(r), r.source, r.reason) for r in results if isinstance(r, InputError)] == [
        (MissingDateError, f"{path}:1", 'no publication date (add "published" to line 1)'),
        (EmptyArticleError, f"{path}:2", 'no article text (add a non-empty "text" to the line)'),
        (DecodeError, f"{path}:3", "not a JSON object; each line must be one article object"),
        (
            MissingDateError, f"{path}:4",
            "no publication date: \"published\" is '13.11.2023', "
            "not an ISO date (fix it in line 4)",
        ),
    ]  # fmt: skip


def test_read_jsonl_bad_utf8_line_is_decode_error(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    path.write_bytes(
        b'{"published": "2023-11-13", "text": "caf\xe9"}\n'
        + line(published="2023-11-13", text="ok").encode()
    )
    results = list(read_jsonl(path))
    assert isinstance(results[0], DecodeError) and results[0].source == f"{path}:1"
    assert isinstance(results[1], Article)


def test_read_jsonl_empty_and_binary_files(tmp_path: Path) -> None:
    empty = tmp_path / "empty.jsonl"
    empty.write_text("\n\n")
    binary = tmp_path / "binary.jsonl"
    binary.write_bytes(b"\x00\x01\x02")
    [e1] = read_jsonl(empty)
    [e2] = read_jsonl(binary)
    assert (type(e1), e1.source) == (EmptyArticleError, str(empty))
    assert (type(e2), e2.source) == (DecodeError, str(binary))


def test_read_jsonl_gold_seed_same_id_as_text(seed_dir: Path) -> None:
    from sitrep.ingest.text import read_txt

    [from_jsonl] = read_jsonl(seed_dir.parent / "eval" / "seed.jsonl")
    [from_txt] = read_txt(seed_dir / "melitopol.txt")
    assert isinstance(from_jsonl, Article)
    assert from_jsonl.id == from_txt.id
    assert from_jsonl.external_id == "seed-melitopol"


def test_read_jsonl_coordinates_kept_out_of_the_id(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    path.write_text(
        line(source="W", published="2024-03-20", text="Report.", lat=13.93, lon=0.78) + "\n"
        + line(source="W", published="2024-03-20", text="Report.", point=[48.45, 35.05]) + "\n"
        + line(source="W", published="2024-03-20", text="Report.", latitude="-1.29",
               longitude="36.82") + "\n"
        + line(source="W", published="2024-03-20", text="Report.") + "\n",
        encoding="utf-8",
    )  # fmt: skip
    articles = list(read_jsonl(path))
    assert [a.point for a in articles] == [(13.93, 0.78), (48.45, 35.05), (-1.29, 36.82), None]
    assert len({a.id for a in articles}) == 1


def test_read_jsonl_bad_coordinates_warn_and_keep_the_article(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "batch.jsonl"
    path.write_text(
        line(source="W", published="2024-03-20", text="Report.", lat="north", lon=0.78) + "\n"
        + line(source="W", published="2024-03-20", text="Report.", lat=13.93) + "\n",
        encoding="utf-8",
    )  # fmt: skip
    with caplog.at_level(logging.WARNING, logger="sitrep.ingest"):
        articles = list(read_jsonl(path))
    assert [(type(a), a.point) for a in articles] == [(Article, None), (Article, None)]
    assert caplog.messages == [
        f"{path}:1: coordinates ignored: lat is 'north', not a number; "
        "the article is read without them",
        f'{path}:2: coordinates ignored: "lon" is missing; the article is read without them',
    ]
