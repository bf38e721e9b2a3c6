"""RSS/Atom reader (feedparser)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from sitrep.errors import DecodeError, EmptyArticleError, MissingDateError
from sitrep.ingest.feeds import read_feed, strip_html
from sitrep.model import Article

SAMPLES = Path(__file__).parents[2] / "samples"

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Levant Desk</title>
  <entry>
    <title>Strikes on Idlib</title>
    <id>urn:levant:1</id>
    <link href="https://example.org/levant/1"/>
    <published>2023-10-06T23:30:00-04:00</published>
    <content type="html">&lt;p&gt;Air strikes hit Idlib on Thursday.&lt;/p&gt;
      &lt;p&gt;Five died.&lt;/p&gt;</content>
  </entry>
  <entry>
    <title>Undated entry</title>
    <id>urn:levant:2</id>
    <summary>Something happened somewhere.</summary>
  </entry>
</feed>
"""


def test_read_feed_sample_rss_one_article_per_item() -> None:
    path = SAMPLES / "sahel-bulletin.xml"
    articles = list(read_feed(path))
    assert all(isinstance(a, Article) for a in articles)
    assert {a.source for a in articles} == {"Sahel Bulletin"}
    assert [(a.title, a.published, a.origin) for a in articles] == [
        ("Gunmen kill 20 villagers near Djibo, residents say", dt.date(2023, 11, 28), f"{path}#1"),
        (
            "Six Nigerien soldiers killed in ambush near Tillaberi",
            dt.date(2024, 3, 20),
            f"{path}#2",
        ),
        (
            "Thousands rally in Niamey to demand French troop withdrawal",
            dt.date(2023, 9, 4),
            f"{path}#3",
        ),
    ]
    first = articles[0]
    assert (first.url, first.external_id) == (
        "https://example.org/sahel-bulletin/djibo-attack",
        "sahel-bulletin-2023-11-28-djibo",
    )
    assert first.text.startswith(
        "Suspected jihadist fighters on motorbikes attacked a village near Djibo"
    )
    assert "<p>" not in first.text and first.text.count("\n") == 2


def test_read_feed_atom_content_and_undated_entry(tmp_path: Path) -> None:
    path = tmp_path / "levant.atom"
    path.write_text(ATOM, encoding="utf-8")
    article, error = read_feed(path)
    assert isinstance(article, Article)
    # The date as the outlet wrote it, not shifted to UTC (which would be 7 October).
    assert (article.text, article.published, article.url) == (
        "Air strikes hit Idlib on Thursday.\nFive died.",
        dt.date(2023, 10, 6),
        "https://example.org/levant/1",
    )
    assert isinstance(error, MissingDateError)
    assert str(error) == (
        f"{path}#2: feed entry has no publication date (add <pubDate> or <published> to the entry)"
    )


def test_read_feed_no_entries_is_empty_error(tmp_path: Path) -> None:
    path = tmp_path / "empty.rss"
    path.write_text('<rss version="2.0"><channel><title>Nothing</title></channel></rss>')
    [error] = read_feed(path)
    assert isinstance(error, EmptyArticleError)
    assert str(error) == f"{path}: feed has no entries; nothing to read"


def test_read_feed_garbage_xml_is_decode_error(tmp_path: Path) -> None:
    path = tmp_path / "garbage.xml"
    path.write_text("this is not < xml at all &&&")
    [error] = read_feed(path)
    assert isinstance(error, DecodeError)
    assert error.reason.startswith("not a readable RSS/Atom feed (")


@pytest.mark.parametrize(
    ("fragment", "expected"),
    [
        ("<p>One &amp; two.</p><p>Three<br>four</p>", "One & two.\nThree\nfour"),
        ("plain   text", "plain text"),
        ("<b>bold</b> and <i>italic</i>", "bold and italic"),
    ],
)
def test_strip_html_keeps_paragraphs(fragment: str, expected: str) -> None:
    assert strip_html(fragment) == expected
