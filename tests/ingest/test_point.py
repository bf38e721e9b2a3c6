"""Coordinates carried by JSON lines and sidecars: accepted forms and rejected values."""

from __future__ import annotations

import logging

import pytest

from sitrep.ingest.point import BadPoint, check_point, point_or_warn, record_point


@pytest.mark.parametrize(
    ("record", "expected"),
    [
        ({"lat": 13.93, "lon": 0.78}, (13.93, 0.78)),
        ({"latitude": -1.29, "longitude": 36.82}, (-1.29, 36.82)),
        ({"point": [48.45, 35.05]}, (48.45, 35.05)),
        ({"lat": "13.93", "lon": " 0.78 "}, (13.93, 0.78)),
        ({"lat": 90, "lon": -180}, (90.0, -180.0)),
        ({}, None),
        ({"lat": None, "lon": None, "point": None}, None),
    ],
)
def test_record_point_accepted_forms(record: dict[str, object], expected: object) -> None:
    assert record_point(record) == expected


@pytest.mark.parametrize(
    ("record", "reason"),
    [
        ({"lat": "north", "lon": 0.78}, "lat is 'north', not a number"),
        ({"lat": True, "lon": 0.78}, "lat is True, not a number"),
        ({"lat": [13.9], "lon": 0.78}, "lat is [13.9], not a number"),
        ({"lat": "nan", "lon": 0.78}, "lat is 'nan', not a finite number"),
        ({"lat": 95, "lon": 0.78}, "lat 95 is outside -90..90"),
        ({"latitude": 13.9, "longitude": 200}, "longitude 200 is outside -180..180"),
        ({"lat": 0, "lon": 0}, "(0, 0) is a placeholder, not a place"),
        ({"lat": 13.93}, '"lon" is missing'),
        ({"longitude": 0.78}, '"latitude" is missing'),
        ({"point": [13.93]}, "point is [13.93], not [lat, lon]"),
        ({"point": "13.93 0.78"}, "point is '13.93 0.78', not [lat, lon]"),
        ({"point": [13.93, "x"]}, "point longitude is 'x', not a number"),
        (
            {"lat": 13.93, "lon": 0.78, "point": [13.93, 0.78]},
            "coordinates given twice (point and lat/lon); keep one",
        ),
    ],
)
def test_record_point_invalid_says_why(record: dict[str, object], reason: str) -> None:
    with pytest.raises(BadPoint) as caught:
        record_point(record)
    assert str(caught.value) == reason


def test_check_point_names_the_input_keys() -> None:
    with pytest.raises(BadPoint, match="^geo:lat 91 is outside -90..90$"):
        check_point("91", "2", ("geo:lat", "geo:long"))


def test_point_or_warn_logs_one_line_and_drops_the_point(
    caplog: pytest.LogCaptureFixture,
) -> None:
    with caplog.at_level(logging.WARNING, logger="sitrep.ingest"):
        assert point_or_warn({"lat": 95, "lon": 0.78}, "in.jsonl:3") is None
    assert caplog.messages == [
        "in.jsonl:3: coordinates ignored: lat 95 is outside -90..90; "
        "the article is read without them"
    ]
