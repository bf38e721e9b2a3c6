"""RSS/Atom reader (feedparser)."""

from __future__ import annotations

import datetime as dt
import logging
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


GEO_RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:georss="http://www.georss.org/georss"
     xmlns:geo="http://www.w3.org/2003/01/geo/wgs84_pos#"
     xmlns:gml="http://www.opengis.net/gml">
  <channel>
    <title>Test Desk</title>
    {items}
  </channel>
</rss>
"""


def geo_item(geo: str) -> str:
    return (
        "<item><title>Farmers killed</title><pubDate>Wed, 20 Mar 2024 11:00:00 +0100</pubDate>"
        f"{geo}<description>Gunmen killed four farmers on Sunday.</description></item>"
    )


@pytest.mark.parametrize(
    ("geo", "point"),
    [
        ("<georss:point>13.93 0.78</georss:point>", (13.93, 0.78)),
        ("<georss:point> -1.29  36.82 </georss:point>", (-1.29, 36.82)),
        (
            "<georss:where><gml:Point><gml:pos>48.45 35.05</gml:pos></gml:Point></georss:where>",
            (48.45, 35.05),
        ),
        ("<geo:lat>13.93</geo:lat><geo:long>0.78</geo:long>", (13.93, 0.78)),
        ("<geo:Point><geo:lat>13.93</geo:lat><geo:long>0.78</geo:long></geo:Point>", (13.93, 0.78)),
        (
            '<georss:where><gml:Point srsDimension="3"><gml:pos>48.45 35.05 120</gml:pos>'
            "</gml:Point></georss:where>",
            (48.45, 35.05),
        ),
        ("<georss:line>13.9 0.7 14.0 0.8</georss:line>", None),
        ("<georss:polygon>13.5 2.1 13.6 2.2 13.7 2.1 13.5 2.1</georss:polygon>", None),
        ("<georss:box>13.9 0.7 14.0 0.8</georss:box>", None),
        ("", None),
    ],
)
def test_read_feed_entry_point(tmp_path: Path, geo: str, point: tuple[float, float] | None) -> None:
    path = tmp_path / "geo.rss"
    path.write_text(GEO_RSS.format(items=geo_item(geo)), encoding="utf-8")
    [article] = read_feed(path)
    assert isinstance(article, Article)
    assert article.point == point


@pytest.mark.parametrize(
    ("geo", "reason"),
    [
        (
            "<georss:point>north 0.78</georss:point>",
            "the GeoRSS point is not two numbers 'lat lon'",
        ),
        ("<georss:point>13.93</georss:point>", "the GeoRSS point is not two numbers 'lat lon'"),
        (
            "<georss:where><gml:Point><gml:pos>13.93</gml:pos></gml:Point></georss:where>",
            "the GeoRSS point is not two numbers 'lat lon'",
        ),
        ("<georss:point>95 0.78</georss:point>", "georss latitude 95 is outside -90..90"),
        ("<georss:point>NaN 0.78</georss:point>", "georss latitude is nan, not a finite number"),
        ("<georss:point>0 0</georss:point>", "(0, 0) is a placeholder, not a place"),
        ("<geo:lat>abc</geo:lat><geo:long>0.78</geo:long>", "geo:lat is 'abc', not a number"),
        ("<geo:lat>13.93</geo:lat>", "geo:long is missing"),
    ],
)
def test_read_feed_bad_point_warns_and_keeps_entry(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, geo: str, reason: str
) -> None:
    path = tmp_path / "geo.rss"
    path.write_text(GEO_RSS.format(items=geo_item("") + geo_item(geo)), encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="sitrep.ingest"):
        first, second = read_feed(path)
    assert isinstance(second, Article) and second.point is None
    assert second.text == first.text and second.id == first.id
    assert caplog.messages == [
        f"{path}#2: coordinates ignored: {reason}; the article is read without them"
    ]


def test_read_feed_sample_djibo_item_carries_a_point() -> None:
    points = [a.point for a in read_feed(SAMPLES / "sahel-bulletin.xml")]
    assert points == [(14.16, -1.58), None, None]
