"""Merging reports of one incident, on hand-built events."""

from __future__ import annotations

import datetime as dt

from sitrep.merge import merge_events
from sitrep.model import Count, DateInterval, Event, Place, Source

KRAMATORSK = Place(
    name="Kramatorsk", admin1="Donetsk", country="Ukraine", lat=48.72, lon=37.56, geonameid=704147
)
BILENKE = Place(
    name="Bilenke", admin1="Donetsk", country="Ukraine", lat=48.77, lon=37.63, geonameid=1
)


def _event(
    event_id: str, doc: str, published: str, place: Place, killed: Count, day: str = "2023-06-27"
) -> Event:
    date = dt.date.fromisoformat(day)
    return Event(
        event_id=event_id,
        event_type="Explosions/Remote violence",
        sub_event_type="Shelling/artillery/missile attack",
        date=DateInterval(start=date, end=date, precision="day"),
        location=place,
        fatalities=killed,
        sources=[Source(doc_id=doc, source=doc, published=dt.date.fromisoformat(published))],
    )


def test_merge_three_reports_with_conflicting_figures_become_one_event() -> None:
    reports = [
        _event("c", "doc3", "2023-07-02", KRAMATORSK, Count(low=13, best=13, high=13)),
        _event("a", "doc1", "2023-06-28", KRAMATORSK, Count(low=10, best=10, high=None)),
        _event("b", "doc2", "2023-06-29", KRAMATORSK, Count(low=11, best=11, high=11)),
    ]
    [merged] = merge_events(reports)
    assert merged.event_id == "a"  # the first report survives, whatever the arrival order
    assert [s.doc_id for s in merged.sources] == ["doc1", "doc2", "doc3"]
    assert (merged.fatalities.low, merged.fatalities.best, merged.fatalities.high) == (10, 13, 13)
    assert any("conflicting fatalities" in n for n in merged.notes)


def test_merge_result_does_not_depend_on_order() -> None:
    reports = [
        _event("a", "doc1", "2023-06-28", KRAMATORSK, Count(low=10, best=10)),
        _event("b", "doc2", "2023-06-29", KRAMATORSK, Count(low=11, best=11, high=11)),
        _event("x", "doc2", "2023-06-29", BILENKE, Count()),
    ]
    assert merge_events(reports) == merge_events(list(reversed(reports)))


def test_merge_keeps_incidents_of_one_article_apart() -> None:
    same_article = [
        _event("a", "doc1", "2023-06-28", KRAMATORSK, Count()),
        _event("b", "doc1", "2023-06-28", BILENKE, Count()),
    ]
    assert len(merge_events(same_article)) == 2


def test_merge_keeps_different_days_apart() -> None:
    reports = [
        _event("a", "doc1", "2023-06-28", KRAMATORSK, Count(), day="2023-06-20"),
        _event("b", "doc2", "2023-06-29", KRAMATORSK, Count(), day="2023-06-27"),
    ]
    assert len(merge_events(reports)) == 2


def test_merge_joins_the_nearest_place() -> None:
    reports = [
        _event("a", "doc1", "2023-06-28", BILENKE, Count()),
        _event("b", "doc1", "2023-06-28", KRAMATORSK, Count()),
        _event("c", "doc2", "2023-06-29", KRAMATORSK, Count()),
    ]
    merged = {e.event_id: e for e in merge_events(reports)}
    assert [s.doc_id for s in merged["b"].sources] == ["doc1", "doc2"]
    assert [s.doc_id for s in merged["a"].sources] == ["doc1"]
