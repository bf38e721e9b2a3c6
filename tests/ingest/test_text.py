"""Plain text + sidecar reader, and the shared decoding and date helpers."""

from __future__ import annotations

import datetime as dt
import json
import logging
from pathlib import Path

import pytest

from sitrep.errors import DecodeError, EmptyArticleError, MissingDateError
from sitrep.ingest.text import parse_published, read_txt
from sitrep.model import Article, content_id

TEXT = "Shelling hit Kherson on Tuesday, killing two people.\n\nThe city lies on the Dnipro."


def write_article(folder: Path, meta: dict[str, object] | None, text: str = TEXT) -> Path:
    path = folder / "report.txt"
    path.write_text(text, encoding="utf-8")
    if meta is not None:
        (folder / "report.meta.json").write_text(json.dumps(meta), encoding="utf-8")
    return path


def test_read_txt_uses_sidecar_fields(tmp_path: Path) -> None:
    meta = {
        "doc_id": "d1", "source": "Wire", "published": "2023-11-22",
        "title": "Kherson shelled", "url": "https://example.org/a", "language": "en",
    }  # fmt: skip
    path = write_article(tmp_path, meta, TEXT + "\n")
    [article] = read_txt(path)
    assert article == Article(
        id=content_id(TEXT), source="Wire", published=dt.date(2023, 11, 22), text=TEXT,
        title="Kherson shelled", url="https://example.org/a", external_id="d1", origin=str(path),
    )  # fmt: skip


def test_read_txt_seed_article_matches_gold_text(seed_dir: Path) -> None:
    [article] = read_txt(seed_dir / "melitopol.txt")
    gold = json.loads((seed_dir.parent / "eval" / "seed.jsonl").read_text(encoding="utf-8"))
    assert (article.text, article.published, article.external_id) == (
        gold["text"], dt.date(2023, 11, 13), "seed-melitopol",
    )  # fmt: skip


def test_read_txt_datetime_keeps_local_date(tmp_path: Path) -> None:
    path = write_article(tmp_path, {"source": "W", "published": "2023-11-23T00:30:00+02:00"})
    [article] = read_txt(path)
    assert article.published == dt.date(2023, 11, 23)


def test_read_txt_crlf_and_bom_normalised(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_bytes(b"\xef\xbb\xbfLine one.\r\nLine two.\r\n")
    (tmp_path / "report.meta.json").write_text('{"published": "2024-01-02"}')
    [article] = read_txt(path)
    assert (article.text, article.source) == ("Line one.\nLine two.", "unknown")


def test_read_txt_missing_sidecar_is_missing_date(tmp_path: Path) -> None:
    path = write_article(tmp_path, None)
    [error] = read_txt(path)
    assert isinstance(error, MissingDateError)
    assert error.source == str(path)
    assert error.reason == 'no publication date (add "published" to report.meta.json)'


def test_read_txt_sidecar_without_published_is_missing_date(tmp_path: Path) -> None:
    [error] = read_txt(write_article(tmp_path, {"source": "W", "title": "t"}))
    assert isinstance(error, MissingDateError)
    assert error.reason == 'no publication date (add "published" to report.meta.json)'


def test_read_txt_invalid_published_is_missing_date(tmp_path: Path) -> None:
    [error] = read_txt(write_article(tmp_path, {"published": "last Tuesday"}))
    assert isinstance(error, MissingDateError)
    assert error.reason == (
        "no publication date: \"published\" is 'last Tuesday', not an ISO date "
        "(fix it in report.meta.json)"
    )


def test_read_txt_broken_sidecar_is_decode_error(tmp_path: Path) -> None:
    path = write_article(tmp_path, None)
    (tmp_path / "report.meta.json").write_text('{"published": ')
    [error] = read_txt(path)
    assert isinstance(error, DecodeError)
    assert error.reason.startswith("report.meta.json is not valid JSON (line 1")


@pytest.mark.parametrize("content", [b"", b"  \n\n\t"])
def test_read_txt_empty_file_is_empty_error(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "report.txt"
    path.write_bytes(content)
    [error] = read_txt(path)
    assert isinstance(error, EmptyArticleError)
    assert str(error) == f"{path}: empty file; remove it or add the article text"


def test_read_txt_binary_file_is_decode_error(tmp_path: Path) -> None:
    path = write_article(tmp_path, {"published": "2024-01-01"}, "x")
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    [error] = read_txt(path)
    assert isinstance(error, DecodeError)
    assert str(error) == f"{path}: binary file (NUL bytes), not text; give a UTF-8 text file"


def test_read_txt_latin1_file_is_decode_error(tmp_path: Path) -> None:
    path = write_article(tmp_path, {"published": "2024-01-01"}, "x")
    path.write_bytes("Attaque à Ménaka".encode("latin-1"))
    [error] = read_txt(path)
    assert isinstance(error, DecodeError)
    assert error.reason == "not UTF-8 text (bad byte at offset 8); re-save the file as UTF-8"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2023-11-13", dt.date(2023, 11, 13)),
        ("2023-11-13T23:10:00Z", dt.date(2023, 11, 13)),
        ("2023-11-13 08:00:00+05:00", dt.date(2023, 11, 13)),
        ("Mon, 13 Nov 2023 23:30:00 -0500", dt.date(2023, 11, 13)),
        (dt.date(2023, 11, 13), dt.date(2023, 11, 13)),
        ("13/11/2023", None),
        ("yesterday", None),
        ("", None),
        (None, None),
        (20231113, None),
    ],
)
def test_parse_published_accepts_only_explicit_dates(
    value: object, expected: dt.date | None
) -> None:
    assert parse_published(value) == expected


def test_read_txt_point_from_sidecar(tmp_path: Path) -> None:
    path = write_article(tmp_path, {"published": "2023-11-22", "lat": 46.64, "lon": 32.61})
    [article] = read_txt(path)
    assert isinstance(article, Article)
    assert (article.point, article.id) == ((46.64, 32.61), content_id(TEXT))


def test_read_txt_bad_sidecar_point_warns_and_keeps_article(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = write_article(tmp_path, {"published": "2023-11-22", "point": [46.64, 232.61]})
    with caplog.at_level(logging.WARNING, logger="sitrep.ingest"):
        [article] = read_txt(path)
    assert isinstance(article, Article) and article.point is None
    assert caplog.messages == [
        f"{path} (report.meta.json): coordinates ignored: point longitude 232.61 is outside "
        "-180..180; the article is read without them"
    ]
