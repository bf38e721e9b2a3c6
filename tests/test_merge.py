"""Merging reports of one incident, on hand-built reports."""

from __future__ import annotations

import datetime as dt
import itertools
import re

import pytest

from sitrep.merge import (
    band_keys,
    casualty_range,
    copy_sources,
    incident_reports,
    is_near_duplicate,
    merge_events,
    report_id,
    same_place,
)
from sitrep.model import Actor, Count, DateInterval, Event, Evidence, Place, Source

KRAMATORSK = Place(
    name="Kramatorsk", admin1="Donetsk", country="Ukraine", iso3="UKR",
    lat=48.72, lon=37.56, geonameid=704147,
)  # fmt: skip
BILENKE = Place(
    name="Bilenke", admin1="Donetsk", country="Ukraine", iso3="UKR",
    lat=48.77, lon=37.63, geonameid=1,
)  # fmt: skip
DONETSK_REGION = Place(
    name="Donetsk region", admin1="Donetsk", country="Ukraine", iso3="UKR",
    lat=48.0, lon=37.8, geo_precision=3,
)  # fmt: skip
SLOVIANSK = Place(
    name="Sloviansk", admin1="Donetsk", country="Ukraine", iso3="UKR",
    lat=48.85, lon=37.60, geonameid=2,
)  # fmt: skip
RUSSIA = Actor(name="Russian forces", side="Russia")
UKRAINE = Actor(name="Ukrainian forces", side="Ukraine")
CIVILIANS = Actor(name="civilians", side="civilians")
NONE = Count()


def _report(
    key: str,
    doc: str,
    published: str,
    place: Place = KRAMATORSK,
    killed: Count = NONE,
    day: str = "2023-06-27",
    event_type: str = "Explosions/Remote violence",
    sub_type: str = "Shelling/artillery/missile attack",
    actor1: Actor | None = RUSSIA,
    actor2: Actor | None = CIVILIANS,
    clause: str = "A missile hit a restaurant.",
) -> Event:
    date = dt.date.fromisoformat(day)
    return Event(
        event_id=key,
        event_type=event_type,
        sub_event_type=sub_type,
        date=DateInterval(start=date, end=date, precision="day"),
        location=place,
        actor1=actor1,
        actor2=actor2,
        fatalities=killed,
        evidence={"event": Evidence(doc_id=doc, start=0, end=len(clause), text=clause)},
        sources=[
            Source(doc_id=doc, source=f"Outlet {doc}", published=dt.date.fromisoformat(published))
        ],
    )


def test_report_id_is_iso3_and_a_stable_number() -> None:
    report = _report("3f2a9c", "doc1", "2023-06-28")
    assert re.fullmatch(r"UKR\d{10}", report_id(report))
    assert report_id(report) == report_id(_report("3f2a9c", "doc1", "2023-06-28"))
    assert report_id(report) != report_id(_report("3f2a9d", "doc1", "2023-06-28"))


def test_report_id_keeps_an_acled_id_and_marks_unknown_country() -> None:
    assert report_id(_report("UKR42", "doc1", "2023-06-28")) == "UKR42"
    placeless = _report("k", "doc1", "2023-06-28").model_copy(update={"location": None})
    assert report_id(placeless).startswith("XXX")


def test_merge_three_reports_with_conflicting_figures_become_one_event() -> None:
    reports = [
        _report("c", "doc3", "2023-07-02", killed=Count(low=13, best=13, high=13)),
        _report("a", "doc1", "2023-06-28", killed=Count(low=10, best=10, high=None)),
        _report("b", "doc2", "2023-06-29", killed=Count(low=11, best=11, high=15)),
    ]
    [merged] = merge_events(reports)
    first = report_id(reports[1])
    assert merged.event_id == first  # the first report names the event, whatever the order
    assert merged.merged_ids == sorted([report_id(reports[0]), report_id(reports[2])])
    assert [s.doc_id for s in merged.sources] == ["doc1", "doc2", "doc3"]
    assert (merged.fatalities.low, merged.fatalities.best, merged.fatalities.high) == (10, 10, 15)
    [note] = [n for n in merged.notes if n.startswith("conflicting fatalities")]
    assert "10 (Outlet doc1, 2023-06-28)" in note and "13 (Outlet doc3, 2023-07-02)" in note


def test_merge_a_later_toll_update_supersedes_the_earlier_figures() -> None:
    first = _report("a", "doc1", "2023-06-28", killed=Count(low=10, best=10, high=None))
    update = _report("b", "doc2", "2023-07-02", killed=Count(low=13, best=13, high=13))
    clause = "The death toll from the strike on the restaurant has risen to 13"
    update = update.model_copy(
        update={
            "evidence": {
                **update.evidence,
                "fatalities": Evidence(doc_id="doc2", start=0, end=len(clause), text=clause),
            }
        }
    )
    [merged] = merge_events([update, first])
    assert (merged.fatalities.low, merged.fatalities.best, merged.fatalities.high) == (10, 13, 13)
    assert merged.evidence["fatalities"].text == clause


def test_incident_reports_keep_each_articles_figures_under_the_incidents_id() -> None:
    reports = [
        _report("b", "doc2", "2023-07-02", killed=Count(low=13, best=13, high=13)),
        _report("a", "doc1", "2023-06-28", killed=Count(low=10, best=10, high=None)),
        _report("x", "doc2", "2023-07-02", place=SLOVIANSK, day="2023-06-30"),
    ]
    [merged, other] = merge_events(reports)
    by_doc = {(r.sources[0].doc_id, r.location.name): r for r in incident_reports(reports)}
    assert by_doc["doc1", "Kramatorsk"].event_id == by_doc["doc2", "Kramatorsk"].event_id
    assert by_doc["doc1", "Kramatorsk"].event_id == merged.event_id
    assert by_doc["doc2", "Sloviansk"].event_id == other.event_id != merged.event_id
    assert by_doc["doc1", "Kramatorsk"].fatalities.best == 10
    assert by_doc["doc2", "Kramatorsk"].fatalities.best == 13


@pytest.mark.parametrize("order", list(itertools.permutations(range(4))))
def test_merge_result_does_not_depend_on_order(order: tuple[int, ...]) -> None:
    reports = [
        _report("a", "doc1", "2023-06-28", killed=Count(low=10, best=10)),
        _report("b", "doc2", "2023-06-29", killed=Count(low=11, best=11, high=11)),
        _report("x", "doc2", "2023-06-29", place=SLOVIANSK),
        _report("y", "doc3", "2023-06-30", place=DONETSK_REGION),
    ]
    expected = merge_events(reports)
    assert merge_events([reports[i] for i in order]) == expected


def test_merge_of_merged_events_changes_nothing() -> None:
    reports = [
        _report("a", "doc1", "2023-06-28", killed=Count(low=10, best=10)),
        _report("b", "doc2", "2023-06-29", killed=Count(low=12, best=12)),
    ]
    once = merge_events(reports)
    assert merge_events(once) == once


def test_merge_keeps_incidents_of_one_article_apart() -> None:
    same_article = [
        _report("a", "doc1", "2023-06-28"),
        _report("b", "doc1", "2023-06-28", place=BILENKE),
    ]
    assert len(merge_events(same_article)) == 2


def test_merge_keeps_different_days_apart() -> None:
    reports = [
        _report("a", "doc1", "2023-06-28", day="2023-06-20"),
        _report("b", "doc2", "2023-06-29", day="2023-06-27"),
    ]
    assert len(merge_events(reports)) == 2


def test_merge_keeps_two_incidents_of_one_day_and_town_by_different_actors_apart() -> None:
    reports = [
        _report("a", "doc1", "2023-06-28", actor1=RUSSIA, actor2=CIVILIANS),
        _report("b", "doc2", "2023-06-28", actor1=UKRAINE, actor2=RUSSIA),
        _report("c", "doc3", "2023-06-29", actor1=RUSSIA, actor2=None),
    ]
    merged = merge_events(reports)
    assert len(merged) == 2
    by_side = {e.actor1.side: sorted(s.doc_id for s in e.sources) for e in merged if e.actor1}
    assert by_side == {"Russia": ["doc1", "doc3"], "Ukraine": ["doc2"]}


def test_merge_keeps_incompatible_types_of_one_day_and_town_apart() -> None:
    reports = [
        _report("a", "doc1", "2023-06-28"),
        _report(
            "b", "doc2", "2023-06-28", event_type="Strategic developments",
            sub_type="Arrests", actor1=UKRAINE, actor2=None,
        ),
    ]  # fmt: skip
    assert len(merge_events(reports)) == 2


def test_merge_joins_a_clash_told_from_both_sides() -> None:
    clash = {"event_type": "Battles", "sub_type": "Armed clash"}
    reports = [
        _report("a", "doc1", "2023-06-28", actor1=RUSSIA, actor2=UKRAINE, **clash),
        _report("b", "doc2", "2023-06-28", actor1=UKRAINE, actor2=RUSSIA, **clash),
    ]
    assert len(merge_events(reports)) == 1


def test_merge_joins_remote_attack_told_as_violence_against_civilians() -> None:
    reports = [
        _report(
            "a", "doc1", "2023-06-28", event_type="Violence against civilians",
            sub_type="Attack", actor1=None,
        ),
        _report("b", "doc2", "2023-06-29", place=DONETSK_REGION, sub_type="Air/drone strike"),
    ]  # fmt: skip
    [merged] = merge_events(reports)
    assert (merged.event_type, merged.sub_event_type) == (
        "Explosions/Remote violence",
        "Air/drone strike",
    )
    assert merged.location == KRAMATORSK  # the more precise place
    assert merged.actor1 == RUSSIA


def test_merge_joins_the_nearest_place() -> None:
    reports = [
        _report("a", "doc1", "2023-06-28", place=BILENKE),
        _report("b", "doc1", "2023-06-28", place=KRAMATORSK),
        _report("c", "doc2", "2023-06-29", place=KRAMATORSK),
    ]
    by_place = {e.location.name: e for e in merge_events(reports)}
    assert [s.doc_id for s in by_place["Kramatorsk"].sources] == ["doc1", "doc2"]
    assert [s.doc_id for s in by_place["Bilenke"].sources] == ["doc1"]


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        (KRAMATORSK, BILENKE, True),  # 7 km, towns
        (KRAMATORSK, SLOVIANSK, True),  # 15 km
        (KRAMATORSK, DONETSK_REGION, True),  # region-coded: same admin1
        (
            KRAMATORSK,
            Place(name="Kharkiv", admin1="Kharkiv", country="Ukraine", lat=49.99, lon=36.23),
            False,
        ),
        (
            KRAMATORSK,
            Place(name="Far", admin1="Donetsk", country="Ukraine", lat=47.9, lon=37.0),
            False,  # 100 km, same admin1 but both are towns
        ),
        (
            Place(
                name="A district",
                admin1="Donetsk",
                country="Ukraine",
                lat=48.4,
                lon=37.56,
                geo_precision=2,
            ),
            KRAMATORSK,
            True,  # 36 km: a district and a town in it
        ),
    ],
)
def test_same_place_depends_on_precision(a: Place, b: Place, expected: bool) -> None:
    assert same_place(a, b) is expected
    assert same_place(b, a) is expected


def test_casualty_range_takes_the_lowest_credible_best() -> None:
    counts = [
        Count(low=10, best=10),
        Count(low=13, best=13, high=13),
        Count(low=12, best=12, high=20),
        Count(),
    ]
    assert casualty_range(counts) == Count(low=10, best=10, high=20)
    assert casualty_range([Count(high=30), Count(low=4, best=5)]) == Count(low=4, best=5, high=30)
    assert casualty_range([Count(), Count()]) == Count()


def test_copy_sources_adds_the_outlets_of_a_copy() -> None:
    [event] = merge_events([_report("a", "doc1", "2023-06-28")])
    copy = Source(doc_id="doc9", source="Reprint Daily", published=dt.date(2023, 6, 27))
    updated = copy_sources(event, {"doc1": [copy]})
    assert [s.doc_id for s in updated.sources] == ["doc9", "doc1"]
    assert copy_sources(event, {}) is event


WIRE_COPY = (
    "Gunmen attacked a police checkpoint on the road north of the town late on Friday, killing "
    "three officers and wounding two, a provincial spokesman said. Security forces later "
    "searched nearby villages, and no group has said it carried out the attack."
)


def test_near_duplicate_wire_copy_shares_bands_and_passes_the_threshold() -> None:
    reprint = "UPDATE 1. " + WIRE_COPY.replace("late on Friday", "on Friday") + " (Staff report)"
    own_account = (
        "A provincial spokesman said three police officers died on Friday when gunmen stormed "
        "a checkpoint north of the town; two more were hurt and searches went on overnight."
    )
    assert is_near_duplicate(WIRE_COPY, reprint)
    assert set(band_keys(WIRE_COPY)) & set(band_keys(reprint))
    assert not is_near_duplicate(WIRE_COPY, own_account)
    assert band_keys("Too short to compare.") == []
