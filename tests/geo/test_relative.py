"""Settlements the gazetteer lacks, located from the text (sitrep.geo.relative)."""

from __future__ import annotations

import pytest

from sitrep.geo import geoparse
from sitrep.geo.gazetteer import Gazetteer, haversine_km
from sitrep.geo.relative import locate_unknown, offset_point


def test_offset_point_moves_by_distance_and_bearing() -> None:
    lat, lon = offset_point(50.0, 30.0, 10.0, 0.0)
    assert lon == pytest.approx(30.0) and haversine_km(50.0, 30.0, lat, lon) == pytest.approx(10.0)
    lat, lon = offset_point(50.0, 30.0, 15.0, 135.0)
    assert lat < 50.0 and lon > 30.0
    assert haversine_km(50.0, 30.0, lat, lon) == pytest.approx(15.0, rel=1e-3)


def _locate(text: str, name: str, gaz: Gazetteer):  # type: ignore[no-untyped-def]
    toponyms = geoparse(text, gaz)
    unknown = next(t for t in toponyms if t.text == name)
    assert unknown.place.geonameid is None and unknown.place.geo_precision == 3
    return locate_unknown(text, unknown, toponyms), toponyms


def test_a_village_located_by_distance_and_bearing_from_a_known_town(gaz: Gazetteer) -> None:
    text = (
        "Troops retook the village of Zorianivka in the Zaporizhzhia region on Monday. "
        "Zorianivka, a hamlet of 300 people, lies about 12 km north of Tokmak."
    )
    located, toponyms = _locate(text, "Zorianivka", gaz)
    tokmak = next(t for t in toponyms if t.text == "Tokmak")
    assert located is not None and located.place.geo_precision == 2
    assert located.place.name == "Zorianivka" and located.place.admin1 == tokmak.place.admin1
    km = haversine_km(tokmak.place.lat, tokmak.place.lon, located.place.lat, located.place.lon)
    assert km == pytest.approx(12.0, rel=1e-3) and located.place.lat > tokmak.place.lat
    assert "12 km north of Tokmak" in located.reason


def test_a_village_near_a_known_town_is_coded_at_the_town(gaz: Gazetteer) -> None:
    text = "Gunmen raided the village of Zorianivka, near Tokmak, in the Zaporizhzhia region."
    located, toponyms = _locate(text, "Zorianivka", gaz)
    tokmak = next(t for t in toponyms if t.text == "Tokmak")
    assert located is not None and located.place.geo_precision == 2
    assert (located.place.lat, located.place.lon) == (tokmak.place.lat, tokmak.place.lon)


def test_no_locator_or_a_far_one_leaves_the_region(gaz: Gazetteer) -> None:
    text = "Shells hit the village of Zorianivka in the Zaporizhzhia region on Monday."
    assert _locate(text, "Zorianivka", gaz)[0] is None
    text = (
        "Shells hit the village of Zorianivka in the Zaporizhzhia region on Monday. "
        "Zorianivka lies 90 km south of Zaporizhzhia."
    )
    assert _locate(text, "Zorianivka", gaz)[0] is None


def test_a_village_west_of_a_known_town_is_coded_at_the_town(gaz: Gazetteer) -> None:
    text = "Fighters stormed the village of Zorianivka west of Tokmak on Monday, killing 25."
    toponyms = geoparse(text, gaz)
    unknown = next(t for t in toponyms if t.text == "Zorianivka")
    tokmak = next(t for t in toponyms if t.text == "Tokmak")
    located = locate_unknown(text, unknown, toponyms)
    assert located is not None and located.place.geo_precision == 2
    assert (located.place.lat, located.place.lon) == (tokmak.place.lat, tokmak.place.lon)
