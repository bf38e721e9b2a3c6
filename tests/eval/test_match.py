"""Matching: the date + place rule, tolerant admin1 names, greedy one-to-one order."""

from __future__ import annotations

import datetime as dt

import pytest

from sitrep.eval.gold import EvalEvent, EvalPlace
from sitrep.eval.match import (
    Match,
    dates_overlap,
    haversine_km,
    match_article,
    same_admin1,
    same_place,
)

MELITOPOL = EvalPlace(
    name="Melitopol", admin1="Zaporizhzhia", lat=46.84891, lon=35.36533, geo_precision=1
)
YALTA = EvalPlace(name="Yalta", admin1="Crimea", lat=44.50013, lon=34.16148, geo_precision=1)
YALTA_DONETSK = EvalPlace(name="Yalta", admin1="Donetsk", lat=46.9628, lon=37.2747, geo_precision=1)


def ev(
    group: str = "g",
    start: str = "2023-11-06",
    end: str = "2023-11-13",
    place: EvalPlace | None = MELITOPOL,
    etype: str = "Explosions/Remote violence",
    sub: str = "Remote explosive/landmine/IED",
) -> EvalEvent:
    """A minimal event for matching."""
    return EvalEvent(
        group=group,
        event_type=etype,
        sub_event_type=sub,
        date_start=dt.date.fromisoformat(start),
        date_end=dt.date.fromisoformat(end),
        location=place,
    )


def test_haversine_km_one_degree_of_longitude_at_equator():
    assert round(haversine_km(0, 0, 0, 1), 3) == 111.195


def test_haversine_km_the_two_yaltas():
    assert (
        round(haversine_km(YALTA.lat, YALTA.lon, YALTA_DONETSK.lat, YALTA_DONETSK.lon), 1) == 365.1
    )


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Zaporizhzhia", "Zaporizhia"),
        ("Zaporizhzhia", "Zaporizka oblast"),
        ("Zaporizhzhia", "Zaporiz'ka Oblast'"),
        ("Zaporizhzhia", "Zaporozhye"),
        ("Donetsk", "Donetska oblast"),
        ("Kharkiv", "Kharkivska oblast"),
        ("Kharkiv", "Kharkov"),
        ("Luhansk", "Luganskaya oblast"),
        ("Sumy", "Sumska oblast"),
        ("Belgorod", "Belgorodskaya oblast"),
        ("Odesa", "Odessa"),
        ("Gezira", "Al Jazīrah"),
        ("West Darfur", "Western Darfur"),
        ("Sevastopol", "Misto Sevastopol'"),
        ("Crimea", "Avtonomna Respublika Krym"),
        ("Idlib", "Idlib governorate"),
        ("Helmand", "Helmand province"),
        ("Plateau", "Plateau State"),
        ("Ile-de-France", "Île-de-France"),
        ("Timbuktu", "Tombouctou"),
    ],
)
def test_same_admin1_accepts_spelling_variants(a, b):
    assert same_admin1(a, b)
    assert same_admin1(b, a)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Zaporizhzhia", "Donetsk"),
        ("Kherson", "Kharkiv"),
        ("Kharkiv", "Kherson oblast"),
        ("Donetsk", "Luhanska oblast"),
        ("North Darfur", "South Darfur"),
        ("East Darfur", "West Darfur"),
        ("Crimea", "Sevastopol"),
        ("Niger", "Nigeria"),
        ("Kyiv", "Kyiv City"),
        ("Kachin", "Chin"),
        ("Kaduna", "Katsina"),
        ("Crimea", None),
    ],
)
def test_same_admin1_rejects_different_regions(a, b):
    assert not same_admin1(a, b)


def test_dates_overlap_shares_one_day():
    assert dates_overlap(
        ev(start="2023-11-06", end="2023-11-13"), ev(start="2023-11-13", end="2023-11-20")
    )
    assert not dates_overlap(
        ev(start="2023-11-06", end="2023-11-12"), ev(start="2023-11-13", end="2023-11-20")
    )


def test_same_place_within_50_km_but_not_the_other_yalta():
    north_10km = EvalPlace(lat=46.93891, lon=35.36533, geo_precision=1)
    assert same_place(MELITOPOL, north_10km)
    assert not same_place(YALTA, YALTA_DONETSK)


def test_same_place_region_level_needs_same_admin1():
    crimea = EvalPlace(name="Crimea", admin1="Crimea", lat=44.95, lon=34.1, geo_precision=3)
    donetsk_region = EvalPlace(
        name="Donetsk region", admin1="Donetsk", lat=48.0, lon=37.8, geo_precision=3
    )
    assert same_place(YALTA, crimea)
    assert not same_place(YALTA, donetsk_region)
    assert not same_place(YALTA, None)


def test_match_article_prefers_type_agreement_over_distance():
    gold = [ev("hq")]
    near_wrong_type = ev("p0", etype="Battles", sub="Armed clash")
    far_right_type = ev("p1", place=EvalPlace(lat=46.93891, lon=35.36533, geo_precision=1))
    matches = match_article(gold, [near_wrong_type, far_right_type])
    assert [(m.gold, m.pred) for m in matches] == [(0, 1)]


def test_match_article_prefers_sub_type_then_event_type():
    gold = [ev("hq")]
    same_type = ev("p0", sub="Air/drone strike")
    same_sub = ev("p1", place=EvalPlace(lat=46.93891, lon=35.36533, geo_precision=1))
    assert [m.pred for m in match_article(gold, [same_type, same_sub])] == [1]


def test_match_article_is_one_to_one_and_breaks_ties_by_distance_then_order():
    gold = [ev("a"), ev("b")]
    preds = [
        ev("p0", place=EvalPlace(lat=46.93891, lon=35.36533, geo_precision=1)),
        ev("p1"),
        ev("p2"),
    ]
    matches = match_article(gold, preds)
    # p1 (0 km) goes to gold a (first); p2 (0 km) to gold b; p0 (10 km) is left over.
    assert [(m.gold, m.pred, m.km) for m in matches] == [(0, 1, 0.0), (1, 2, 0.0)]
    assert all(isinstance(m, Match) for m in matches)


def test_match_article_prefers_the_same_place_name_over_distance():
    # A village missing from the gazetteer, coded at precision 3 to its region's capital,
    # and a strike on the capital itself: the village report belongs to the village gold.
    capital = EvalPlace(
        name="Oblast City", admin1="Zaporizhzhia", lat=47.8, lon=35.2, geo_precision=1
    )
    village = EvalPlace(
        name="Small Village", admin1="Zaporizhzhia", lat=47.4, lon=35.8, geo_precision=1
    )
    coded_to_capital = EvalPlace(
        name="small  village", admin1="Zaporizhzhia", lat=47.8, lon=35.2, geo_precision=3
    )
    gold = [ev("capital-strike", place=capital), ev("village-strike", place=village)]
    preds = [ev("p-village", place=coded_to_capital), ev("p-capital", place=capital)]
    assert [(m.gold, m.pred) for m in match_article(gold, preds)] == [(0, 1), (1, 0)]


def test_match_article_needs_a_location():
    assert match_article([ev("a")], [ev("p", place=None)]) == []
