"""Where an outlet usually reports from: the store's count, and a run that learns it.

The articles are written for these tests.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from sitrep.model import Article, DateInterval, Event, Evidence, Place, Source
from sitrep.pipeline import run_inputs
from sitrep.store import Store, open_store

US = "United States"
KY = [("Lexington", 38.05, -84.46), ("Frankfort", 38.2, -84.87), ("Berea", 37.57, -84.3)]


def _report(source: str, n: int, place: tuple[str, float, float], admin1: str) -> tuple:
    name, lat, lon = place
    article = Article.from_text(
        f"Report {n} from {name}.", published=dt.date(2024, 3, n), source=source
    )
    event = Event(
        event_id=f"USA{n:010d}",
        event_type="Riots",
        sub_event_type="Violent demonstration",
        date=DateInterval(start=article.published, end=article.published, precision="day"),
        location=Place(name=name, admin1=admin1, country=US, iso3="USA", lat=lat, lon=lon),
        evidence={"event": Evidence(doc_id=article.id, start=0, end=6, text="Report")},
        sources=[Source(doc_id=article.id, source=source, published=article.published)],
    )
    return article, event


def test_store_source_regions_counts_an_outlets_events(store: Store) -> None:
    batch = [_report("Bluegrass Courier", i + 1, p, "Kentucky") for i, p in enumerate(KY)]
    batch.append(_report("Bluegrass Courier", 4, ("Cincinnati", 39.1, -84.51), "Ohio"))
    batch.append(_report("Other Desk", 5, ("Austin", 30.27, -97.74), "Texas"))
    store.save_batch([a for a, _ in batch], [e for _, e in batch], [])
    regions = store.source_regions(["Bluegrass Courier", "Other Desk", "Nobody"])
    assert sorted(regions) == ["Bluegrass Courier", "Other Desk"]
    courier = regions["Bluegrass Courier"]
    assert courier.reports == 4
    assert dict(courier.admin1) == {(US, "Kentucky"): 3.0, (US, "Ohio"): 1.0}
    assert courier.admin1_share(US, "Kentucky") == 3 / 5  # shrunk by one report
    # An article being re-extracted is not its own evidence.
    again = store.source_regions(["Bluegrass Courier"], exclude_docs=[batch[0][0].id])
    assert dict(again["Bluegrass Courier"].admin1) == {(US, "Kentucky"): 2.0, (US, "Ohio"): 1.0}


def test_store_source_regions_uses_the_source_index(sqlite_store: Store) -> None:
    plan = sqlite_store._dialect.fetchall(
        "EXPLAIN QUERY PLAN SELECT s.source, e.country, e.admin1, COUNT(DISTINCT e.event_id) "
        "FROM sources s JOIN events e ON e.event_id = s.event_id "
        "WHERE s.source IN (?) GROUP BY s.source, e.country, e.admin1",
        ["Bluegrass Courier"],
    )
    assert any("sources_source" in str(row) for row in plan)


COURIER = {
    "courier-lexington": (
        "2024-03-01",
        "Two men were shot dead outside a bar in Lexington, Kentucky, on Friday night, "
        "police said.",
    ),
    "courier-bowling-green": (
        "2024-03-02",
        "Gunmen killed a shop owner in Bowling Green, Kentucky, on Saturday, police said.",
    ),
    "courier-richmond": (
        "2024-03-03",
        "A man was shot dead outside a bar in Richmond on Sunday night, police said.",
    ),
}


def _write(folder: Path, names: list[str]) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        published, text = COURIER[name]
        (folder / f"{name}.txt").write_text(text + "\n", encoding="utf-8")
        meta = {"doc_id": name, "source": "Bluegrass Courier", "published": published}
        (folder / f"{name}.meta.json").write_text(json.dumps(meta), encoding="utf-8")
    return [folder / f"{name}.txt" for name in names]


def _richmond(url: str) -> Place:
    with open_store(url) as store:
        (event,) = [e for e in store.events() if e.location and e.location.name == "Richmond"]
    return event.location


def test_run_learns_an_outlets_region_within_one_batch(tmp_path: Path, sqlite_url: str) -> None:
    run_inputs(_write(tmp_path / "in", sorted(COURIER)), db_url=sqlite_url, learn_sources=True)
    assert _richmond(sqlite_url).admin1 == "Kentucky"


def test_run_by_default_learns_nothing_so_batching_changes_nothing(
    tmp_path: Path, sqlite_url: str
) -> None:
    run_inputs(_write(tmp_path / "in", sorted(COURIER)), db_url=sqlite_url)
    assert _richmond(sqlite_url).admin1 == "Virginia"


def test_run_learns_an_outlets_region_from_the_store(tmp_path: Path, sqlite_url: str) -> None:
    # One article per batch: the Richmond report comes last and learns from the stored two.
    names = ["courier-lexington", "courier-bowling-green", "courier-richmond"]
    run_inputs(_write(tmp_path / "in", names), db_url=sqlite_url, batch_size=1, learn_sources=True)
    assert _richmond(sqlite_url).admin1 == "Kentucky"


def test_run_alone_the_bare_name_is_the_bigger_namesake(tmp_path: Path, sqlite_url: str) -> None:
    run_inputs(_write(tmp_path / "in", ["courier-richmond"]), db_url=sqlite_url)
    assert _richmond(sqlite_url).admin1 == "Virginia"
