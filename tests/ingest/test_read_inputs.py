"""``read_inputs``: folder walking, dispatch by type, errors in the stream."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from sitrep.errors import DecodeError, EmptyArticleError, InputError, MissingDateError
from sitrep.ingest import iter_files, read_inputs
from sitrep.model import Article

SAMPLES = Path(__file__).parents[2] / "samples"

RSS_NO_EXTENSION = """<?xml version="1.0"?>
<rss version="2.0"><channel><title>Feed Wire</title>
<item><title>Protest in Tbilisi</title><pubDate>Fri, 08 Mar 2024 10:00:00 +0400</pubDate>
<description>Thousands marched in Tbilisi on Thursday.</description></item>
</channel></rss>"""


def make_folder(root: Path) -> Path:
    """A folder with one input of each kind, good and bad."""
    (root / "b.txt").write_text("Report B.")
    (root / "b.meta.json").write_text(json.dumps({"published": "2024-03-01", "source": "W"}))
    (root / "a.txt").write_text("Report A without a sidecar.")
    (root / "c.jsonl").write_text(
        json.dumps({"published": "2024-03-02", "text": "Line one."}) + "\n{broken\n"
    )
    (root / "empty.txt").write_text("")
    (root / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (root / "feed").write_text(RSS_NO_EXTENSION)
    (root / "notes.md").write_text("# notes")
    (root / ".hidden.txt").write_text("hidden")
    sub = root / "sub"
    sub.mkdir()
    (sub / "d.jsonl").write_text(json.dumps({"published": "2024-03-03", "text": "Nested."}))
    return root


def test_iter_files_sorted_skips_sidecars_docs_hidden(tmp_path: Path) -> None:
    root = make_folder(tmp_path)
    assert [p.relative_to(root).as_posix() for p in iter_files([root])] == [
        "a.txt", "b.txt", "c.jsonl", "empty.txt", "feed", "image.png", "sub/d.jsonl",
    ]  # fmt: skip


def test_read_inputs_mixed_folder_yields_articles_and_errors(tmp_path: Path) -> None:
    root = make_folder(tmp_path)
    results = list(read_inputs([root]))
    summary = [
        (type(r).__name__, r.origin if isinstance(r, Article) else r.source) for r in results
    ]
    assert summary == [
        ("MissingDateError", f"{root}/a.txt"),
        ("Article", f"{root}/b.txt"),
        ("Article", f"{root}/c.jsonl:1"),
        ("DecodeError", f"{root}/c.jsonl:2"),
        ("EmptyArticleError", f"{root}/empty.txt"),
        ("Article", f"{root}/feed#1"),
        ("InputError", f"{root}/image.png"),
        ("Article", f"{root}/sub/d.jsonl:1"),
    ]
    unsupported = results[6]
    assert str(unsupported) == (
        f"{root}/image.png: unsupported file type .png; "
        "use .txt (+ .meta.json), .jsonl, .html or an RSS/Atom feed"
    )
    for error in results:
        if isinstance(error, InputError):
            assert "\n" not in str(error) and error.stage == "ingest"


def test_read_inputs_binary_with_txt_extension_is_decode_error(tmp_path: Path) -> None:
    path = tmp_path / "x.txt"
    path.write_bytes(b"\x00\xff\xfe")
    [error] = read_inputs([path])
    assert isinstance(error, DecodeError)


def test_read_inputs_missing_path_is_input_error(tmp_path: Path) -> None:
    [error] = read_inputs([tmp_path / "nope.txt"])
    assert type(error) is InputError
    assert error.reason == "no such file or folder; check the path"


def test_read_inputs_explicit_sidecar_is_not_an_input(tmp_path: Path) -> None:
    (tmp_path / "b.meta.json").write_text("{}")
    assert list(read_inputs([tmp_path / "b.meta.json"])) == []


def test_read_inputs_samples_all_parse() -> None:
    results = list(read_inputs([SAMPLES]))
    assert [r for r in results if not isinstance(r, Article)] == []
    articles = [r for r in results if isinstance(r, Article)]
    assert len(articles) == 14
    assert len({a.id for a in articles}) == 14
    by_doc = {a.external_id: a for a in articles}
    first, second = by_doc["sample-kherson-1"], by_doc["sample-kherson-2"]
    assert (first.published, second.published) == (dt.date(2023, 11, 22), dt.date(2023, 11, 23))
    assert first.source != second.source
    for article in articles:
        assert 80 <= len(article.text.split()) <= 200, article.origin


def test_read_inputs_same_order_every_time(tmp_path: Path) -> None:
    root = make_folder(tmp_path)
    first = [str(r) for r in read_inputs([root])]
    assert [str(r) for r in read_inputs([root])] == first


def test_read_inputs_error_kinds(tmp_path: Path) -> None:
    empty = tmp_path / "e.jsonl"
    empty.write_text("")
    nodate = tmp_path / "n.txt"
    nodate.write_text("text")
    kinds = [type(r) for r in read_inputs([empty, nodate])]
    assert kinds == [EmptyArticleError, MissingDateError]
