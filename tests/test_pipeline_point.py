"""Coordinates an input carries place the events its text leaves unplaced (pipeline.py)."""

from __future__ import annotations

import datetime as dt
import json
import logging
from pathlib import Path

import pytest

from sitrep.ingest import read_inputs
from sitrep.model import Article, DateInterval, Event, Place
from sitrep.pipeline import extract_reports, place_from_point

TERA = Place(
    name="Téra", admin1="Tillaberi", country="Niger", iso3="NER",
    lat=14.00776, lon=0.75306, geo_precision=1, geonameid=2438855,
)  # fmt: skip
NIGER = Place(name="Niger", country="Niger", iso3="NER", lat=16.0, lon=8.0, geo_precision=3)
TILLABERI = Place(
    name="Tillaberi region", admin1="Tillaberi", country="Niger", iso3="NER",
    lat=14.2, lon=1.45, geo_precision=3,
)  # fmt: skip
NIAMEY_REGION = TILLABERI.model_copy(update={"name": "Niamey", "admin1": "Niamey"})
BURKINA = Place(name="Burkina Faso", country="Burkina Faso", iso3="BFA", geo_precision=3)
DJIBO = Place(
    name="Djibo", admin1="Sahel", country="Burkina Faso", iso3="BFA",
    lat=14.09864, lon=-1.62665, geo_precision=2,
)  # fmt: skip
POINT = (13.93, 0.78)
PLACED_NOTE = "place from the input's coordinates (13.9300, 0.7800): nearest town Téra, Tillaberi"


def event(location: Place | None) -> Event:
    day = dt.date(2024, 3, 17)
    return Event(
        event_id="NER0000000001",
        event_type="Violence against civilians",
        sub_event_type="Attack",
        date=DateInterval(start=day, end=day, precision="day"),
        location=location,
        notes=["an earlier note"],
    )


@pytest.mark.parametrize("location", [None, NIGER], ids=["unplaced", "country"])
def test_place_from_point_places_unplaced_or_country_event_at_nearest_town(
    location: Place | None,
) -> None:
    placed = place_from_point(event(location), POINT, TERA)
    assert placed.location == TERA.model_copy(update={"geo_precision": 2})
    assert placed.notes == ["an earlier note", f"{PLACED_NOTE} (9 km away)"]


@pytest.mark.parametrize(
    ("location", "note"),
    [
        (TILLABERI, None),
        (DJIBO.model_copy(update={"lat": 14.5, "lon": 0.5}), None),
        (
            BURKINA,
            "the input's coordinates (13.9300, 0.7800) lie in Tillaberi, Niger, not Burkina "
            "Faso; kept the text's place",
        ),
        (
            NIAMEY_REGION,
            "the input's coordinates (13.9300, 0.7800) lie in Tillaberi, Niger, not Niamey; "
            "kept the text's place",
        ),
        (
            DJIBO,
            "the input's coordinates (13.9300, 0.7800) lie 260 km from Djibo (nearest town "
            "Téra); kept the text's place",
        ),
    ],
    ids=["same-region", "town-near", "other-country", "other-region", "town-far"],
)
def test_place_from_point_text_place_wins(location: Place, note: str | None) -> None:
    before = event(location)
    after = place_from_point(before, POINT, TERA)
    assert after.location == location
    assert after.notes == ["an earlier note"] + ([note] if note else [])
    assert before.notes == ["an earlier note"]  # the input is not changed


def test_place_from_point_nothing_nearby_leaves_event() -> None:
    assert place_from_point(event(None), POINT, None) == event(None)


FEED = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:georss="http://www.georss.org/georss">
  <channel>
    <title>Test Desk</title>
    <item>
      <title>Farmers killed</title>
      <pubDate>Wed, 20 Mar 2024 11:00:00 +0100</pubDate>
      <georss:point>13.93 0.78</georss:point>
      <description>Gunmen on motorbikes killed four farmers on Sunday, residents said.</description>
    </item>
    <item>
      <title>Farmers killed near Djibo</title>
      <pubDate>Wed, 20 Mar 2024 11:00:00 +0100</pubDate>
      <georss:point>14.16 -1.58</georss:point>
      <description>Gunmen killed four farmers near Djibo on Sunday, residents said.</description>
    </item>
  </channel>
</rss>
"""


def reports_of(path: Path) -> list[list[Event]]:
    articles = [a for a in read_inputs([path]) if isinstance(a, Article)]
    return extract_reports(articles)


def test_pipeline_georss_point_places_an_unplaced_incident(tmp_path: Path) -> None:
    path = tmp_path / "desk.rss"
    path.write_text(FEED, encoding="utf-8")
    [[unplaced], [djibo]] = reports_of(path)
    assert unplaced.location is not None
    assert (unplaced.location.name, unplaced.location.admin1, unplaced.location.country) == (
        "Téra",
        "Tillaberi",
        "Niger",
    )
    assert unplaced.location.geo_precision == 2
    assert f"{PLACED_NOTE} (9 km away)" in unplaced.notes
    # the text names a town: it stays, and a point 9 km away raises no note
    assert djibo.location is not None
    assert (djibo.location.name, djibo.location.admin1) == ("Djibo", "Sahel")
    assert not any("coordinates" in n for n in djibo.notes)


def write_lines(path: Path, *records: dict[str, object]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


TEXT = "Six soldiers were killed on Monday when their patrol was ambushed, the ministry said."


def test_pipeline_jsonl_lat_lon_places_an_unplaced_incident(tmp_path: Path) -> None:
    path = write_lines(
        tmp_path / "wire.jsonl",
        {"source": "Wire", "published": "2024-03-20", "text": TEXT, "lat": 48.45, "lon": 35.05},
    )
    [[report]] = reports_of(path)
    assert report.location is not None
    assert (report.location.name, report.location.admin1, report.location.country) == (
        "Dnipro",
        "Dnipropetrovsk",
        "Ukraine",
    )
    assert report.location.geo_precision == 2
    assert report.notes[-1] == (
        "place from the input's coordinates (48.4500, 35.0500): "
        "nearest town Dnipro, Dnipropetrovsk (2 km away)"
    )


def test_pipeline_bad_coordinate_warns_and_article_is_still_extracted(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = write_lines(
        tmp_path / "wire.jsonl",
        {"source": "Wire", "published": "2024-03-20", "text": TEXT, "lat": 48.45, "lon": "east"},
    )
    with caplog.at_level(logging.WARNING, logger="sitrep"):
        [[report]] = reports_of(path)
    assert caplog.messages == [
        f"{path}:1: coordinates ignored: lon is 'east', not a number; "
        "the article is read without them"
    ]
    assert report.event_type == "Battles"
    assert report.location is None


def test_pipeline_point_far_from_named_town_keeps_town_with_note(tmp_path: Path) -> None:
    text = "Gunmen killed four farmers near Djibo on Sunday, residents said."
    path = write_lines(
        tmp_path / "wire.jsonl",
        {"source": "Wire", "published": "2024-03-20", "text": text, "point": [13.51, 2.11]},
    )
    [[report]] = reports_of(path)
    assert report.location is not None and report.location.name == "Djibo"
    assert report.notes[-1] == (
        "the input's coordinates (13.5100, 2.1100) lie 409 km from Djibo "
        "(nearest town Niamey); kept the text's place"
    )
