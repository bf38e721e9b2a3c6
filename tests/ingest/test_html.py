"""HTML reader (trafilatura)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sitrep.errors import EmptyArticleError, MissingDateError
from sitrep.ingest.html import read_html
from sitrep.model import Article

SAMPLES = Path(__file__).parents[2] / "samples"

BODY = (
    "<p>Gunmen attacked a village near Djibo on Sunday, killing at least 20 civilians, residents"
    " said. The army did not comment and no group claimed the attack, which came after weeks of"
    " fighting.</p>"
    "<p>Djibo has been under blockade by armed groups for more than a year, and aid groups say"
    " hunger is widespread among displaced families who have fled to the town.</p>"
)


def page(head: str = "", body: str = BODY) -> str:
    head = f"<head><title>Attack near Djibo</title>{head}</head>"
    return f"<html>{head}<body><article>{body}</article></body></html>"


def test_read_html_sample_page() -> None:
    path = SAMPLES / "kharkiv-glide-bomb.html"
    [article] = read_html(path)
    assert isinstance(article, Article)
    assert (article.title, article.published, article.source, article.url, article.origin) == (
        "Guided bomb kills three in Kharkiv apartment block",
        dt.date(2024, 4, 7),
        "Kharkiv Ledger",
        "https://example.org/kharkiv-ledger/glide-bomb",
        str(path),
    )
    assert article.text.startswith(
        "A Russian guided aerial bomb struck a five-storey apartment building"
    )
    assert article.text.endswith("leave residents with only seconds of warning.")
    assert "Subscribe" not in article.text and "Most read" not in article.text


def test_read_html_date_from_sidecar_when_page_has_none(tmp_path: Path) -> None:
    path = tmp_path / "djibo.html"
    path.write_text(page())
    (tmp_path / "djibo.meta.json").write_text(
        '{"published": "2023-11-28", "source": "Sahel Bulletin", "doc_id": "d"}'
    )
    [article] = read_html(path)
    assert isinstance(article, Article)
    assert (article.published, article.source, article.external_id) == (
        dt.date(2023, 11, 28),
        "Sahel Bulletin",
        "d",
    )


def test_read_html_no_date_is_missing_date(tmp_path: Path) -> None:
    path = tmp_path / "djibo.html"
    path.write_text(page())
    [error] = read_html(path)
    assert isinstance(error, MissingDateError)
    assert str(error) == (
        f'{path}: no publication date in the page\'s metadata (add "published" to djibo.meta.json)'
    )


def test_read_html_no_text_is_empty_error(tmp_path: Path) -> None:
    path = tmp_path / "blank.html"
    path.write_text(page('<meta property="article:published_time" content="2024-01-01">', body=""))
    [error] = read_html(path)
    assert isinstance(error, EmptyArticleError)
    assert str(error) == f"{path}: no article text found in the HTML page; check it is an article"


def test_read_html_point_from_sidecar(tmp_path: Path) -> None:
    path = tmp_path / "djibo.html"
    path.write_text(page())
    (tmp_path / "djibo.meta.json").write_text(
        '{"published": "2023-11-28", "latitude": 14.16, "longitude": -1.58}'
    )
    [article] = read_html(path)
    assert isinstance(article, Article)
    assert article.point == (14.16, -1.58)
