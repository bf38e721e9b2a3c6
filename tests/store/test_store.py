"""Store tests: the same checks on real SQLite and real PostgreSQL (``store`` fixture)."""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
from pathlib import Path

import pytest

from sitrep.errors import ConfigError, StoreError
from sitrep.model import (
    Actor,
    Article,
    Claim,
    Count,
    DateInterval,
    Event,
    Evidence,
    Place,
    Rejected,
    Source,
)
from sitrep.store import Store, open_store
from sitrep.store.schema import SCHEMA_VERSION, TABLES

TEXT = (
    "Ukrainian military intelligence said a bomb killed three Russian national guard officers "
    "at a headquarters in Melitopol last week."
)


def make_article(text: str = TEXT, origin: str = "samples/melitopol.txt") -> Article:
    return Article.from_text(
        text,
        published=dt.date(2023, 11, 13),
        source="Example Wire",
        title="Bombing in Melitopol",
        url="https://example.org/melitopol",
        external_id="seed-melitopol",
        origin=origin,
    )


def make_event(article: Article, event_id: str = "UKR0000000001", **update: object) -> Event:
    span = Evidence(doc_id=article.id, start=0, end=45, text=article.text[0:45])
    event = Event(
        event_id=event_id,
        event_type="Explosions/Remote violence",
        sub_event_type="Remote explosive/landmine/IED",
        date=DateInterval(start=dt.date(2023, 11, 6), end=dt.date(2023, 11, 12), precision="week"),
        location=Place(
            name="Melitopol",
            admin1="Zaporizhzhia",
            country="Ukraine",
            iso3="UKR",
            lat=46.8489,
            lon=35.3653,
            geo_precision=1,
            geonameid=702320,
        ),  # fmt: skip
        actor1=Actor(name="Ukrainian military intelligence", side="Ukraine", kind="state forces"),
        actor2=Actor(name="Russian national guard", side="Russia", kind="external forces"),
        persons=["Oleh Tsarov"],
        fatalities=Count(low=3, best=3, high=3),
        injured=Count(),
        claims=[
            Claim(
                claimant="Ukrainian military intelligence",
                status="claimed",
                about="fatalities",
                evidence=span,
                source="Example Wire",
            ),
            Claim(status="unverified"),
        ],  # fmt: skip
        evidence={
            "event": span,
            "location": Evidence(doc_id=article.id, start=122, end=131, text="Melitopol"),
        },
        sources=[
            Source(
                doc_id=article.id,
                source="Example Wire",
                published=article.published,
                url=article.url,
            )
        ],
        notes=["figures from one side only"],
    )
    return event.model_copy(update=update) if update else event


def test_open_store_default_url_is_sitrep_db(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    with open_store() as store:
        assert store.url == "sqlite:///sitrep.db"
    assert (tmp_path / "sitrep.db").is_file()


def test_open_store_unknown_scheme_raises_config_error() -> None:
    with pytest.raises(ConfigError, match=r"unknown store URL 'mysql://x/y'"):
        open_store("mysql://x/y")


def test_open_store_missing_folder_raises_store_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="check the folder exists"):
        open_store(f"sqlite:///{tmp_path / 'no' / 'such' / 'x.db'}")


def test_open_store_memory_url_works() -> None:
    with open_store("sqlite:///:memory:") as store:
        assert store.counts() == dict.fromkeys(TABLES, 0)
        assert set(TABLES) >= {"articles", "events", "reports", "event_ids", "article_copies"}


def test_open_store_sqlite_uses_wal(sqlite_url: str) -> None:
    with open_store(sqlite_url):
        pass
    path = sqlite_url.removeprefix("sqlite:///")
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)


def test_store_migrations_applied_once(store_url: str) -> None:
    with open_store(store_url) as store:
        assert store.schema_version() == SCHEMA_VERSION
    with open_store(store_url) as store:
        assert store.schema_version() == SCHEMA_VERSION
        assert store.counts()["events"] == 0


def test_store_event_round_trips_exactly(store: Store) -> None:
    article = make_article()
    event = make_event(article)
    store.save_batch([article], [event], [])
    stored = store.events()
    assert stored == [event]
    assert stored[0].model_dump_json() == event.model_dump_json()
    assert store.articles() == [article]


def test_store_counts_rows_per_table(store: Store) -> None:
    article = make_article()
    reject = Rejected(origin="samples/empty.txt", stage="ingest", reason="empty file")
    store.save_batch([article], [make_event(article)], [reject])
    assert store.counts() == {
        "articles": 1, "events": 1, "claims": 2, "evidence": 2, "sources": 1, "rejects": 1,
        "reports": 1, "event_ids": 1, "article_copies": 0,
        "article_bands": 20,  # one key per MinHash band
    }  # fmt: skip
    assert store.rejects() == [reject]


def test_store_resave_changes_no_counts(store: Store) -> None:
    article = make_article()
    batch = (
        [article],
        [make_event(article)],
        [Rejected(origin="x.bin", stage="ingest", reason="binary")],
    )
    store.save_batch(*batch)
    before = store.counts()
    store.save_batch(*batch)
    assert store.counts() == before
    assert store.events() == batch[1]


def test_store_resaved_event_replaces_children(store: Store) -> None:
    article = make_article()
    store.save_batch([article], [make_event(article)], [])
    revised = make_event(
        article, claims=[Claim(status="confirmed")], evidence={}, fatalities=Count(low=3, best=4)
    )
    store.save_batch([], [revised], [])
    assert store.events() == [revised]
    counts = store.counts()
    assert (counts["claims"], counts["evidence"], counts["sources"]) == (1, 0, 1)


def test_store_events_ordered_by_start_date_then_id(store: Store) -> None:
    article = make_article()
    late = make_event(
        article,
        "UKR3",
        date=DateInterval(start=dt.date(2023, 11, 10), end=dt.date(2023, 11, 10), precision="day"),
    )
    early_b = make_event(article, "UKR1")
    early_a = make_event(article, "UKR2")
    store.save_batch([article], [late, early_a, early_b], [])
    assert [e.event_id for e in store.events()] == ["UKR1", "UKR2", "UKR3"]


def test_store_failed_batch_rolls_back(store: Store) -> None:
    article = make_article()
    store.save_batch([article], [make_event(article)], [])
    before = store.counts()
    other = make_article("Another report entirely.", origin="samples/other.txt")
    good = make_event(other, "UKR2")
    # End before start breaks the events_dates_ordered constraint, after rows were written.
    bad = make_event(
        other,
        "UKR3",
        date=DateInterval(start=dt.date(2023, 11, 9), end=dt.date(2023, 11, 1), precision="day"),
    )
    with pytest.raises(StoreError, match="rolled back"):
        store.save_batch([other], [good, bad], [Rejected(origin="z", stage="ingest", reason="r")])
    assert store.counts() == before
    assert [e.event_id for e in store.events()] == ["UKR0000000001"]
    # The connection is still usable after the failure.
    store.save_batch([other], [good], [])
    [merged] = store.events()  # the good report tells the same incident: one event, two sources
    assert [s.doc_id for s in merged.sources] == sorted([article.id, other.id])
    assert merged.merged_ids == ["UKR2"]


def test_store_accepted_article_removes_its_reject(store: Store) -> None:
    article = make_article()
    store.save_batch([], [], [
        Rejected(origin="samples/melitopol.txt", stage="ingest", reason="no publication date"),
        Rejected(origin="samples/other.txt", stage="ingest", reason="empty file"),
    ])  # fmt: skip
    store.save_batch([article], [], [])
    assert [r.origin for r in store.rejects()] == ["samples/other.txt"]


def test_store_repeated_records_in_one_batch_keep_last(store: Store) -> None:
    article = make_article()
    first = make_event(article)
    second = make_event(article, fatalities=Count(low=2, best=2))
    store.save_batch([article, article], [first, second], [])
    assert store.events() == [second]
    assert store.counts()["articles"] == 1


def test_store_event_without_location_is_stored(store: Store) -> None:
    article = make_article()
    event = make_event(article, location=None, sources=[], claims=[], evidence={})
    store.save_batch([article], [event], [])
    assert store.events() == [event]


def test_store_saves_sample_articles_idempotently(store: Store) -> None:
    from sitrep.ingest import read_inputs

    samples = Path(__file__).parents[2] / "samples"
    articles = [a for a in read_inputs([samples]) if isinstance(a, Article)]
    store.save_batch(articles, [], [])
    store.save_batch(articles, [], [])
    assert store.counts()["articles"] == 14
    assert store.articles() == sorted(articles, key=lambda a: (a.published, a.id))


def test_open_store_newer_schema_raises_store_error(store_url: str) -> None:
    with open_store(store_url) as store:
        store._dialect.execute(
            "INSERT INTO schema_version (version, description, applied_at) VALUES (?, ?, ?)",
            (SCHEMA_VERSION + 1, "from the future", "2099-01-01T00:00:00+00:00"),
        )
    with pytest.raises(
        StoreError, match=rf"newer than this sitrep's \({SCHEMA_VERSION}\); upgrade"
    ):
        open_store(store_url)


def test_open_store_not_a_database_raises_store_error(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("this is not a database, just text that is long enough " * 20)
    with pytest.raises(StoreError, match="file is not a database"):
        open_store(f"sqlite:///{path}")


def test_open_store_unreachable_postgres_hides_password() -> None:
    with pytest.raises(StoreError) as caught:
        open_store("postgresql://sitrep:s3cret@127.0.0.1:1/nowhere?connect_timeout=2")
    message = str(caught.value)
    assert message.startswith("cannot connect to postgresql://sitrep:***@127.0.0.1:1/nowhere")
    assert "s3cret" not in message
    assert message.endswith("check the URL and that the server is running")


# --- merging in the store ---------------------------------------------------------------

KRAMATORSK = Place(
    name="Kramatorsk", admin1="Donetsk", country="Ukraine", iso3="UKR",
    lat=48.72, lon=37.56, geonameid=704147,
)  # fmt: skip


def _outlet_report(
    number: int, killed: int, actor_side: str = "Russia", day: int = 11
) -> tuple[Article, Event]:
    """Article ``number`` (published Feb 10 + number) and its report of a Kramatorsk car bomb."""
    text = f"Report {number}: a car bomb in Kramatorsk killed {killed} people on February {day}."
    article = Article.from_text(
        text, published=dt.date(2024, 2, 10 + number), source=f"Outlet {number}"
    )
    date = dt.date(2024, 2, day)
    report = Event(
        event_id=f"key-{number}",
        event_type="Explosions/Remote violence",
        sub_event_type="Remote explosive/landmine/IED",
        date=DateInterval(start=date, end=date, precision="day"),
        location=KRAMATORSK,
        actor1=Actor(name=f"{actor_side} forces", side=actor_side),
        fatalities=Count(low=killed, best=killed, high=killed),
        claims=[Claim(status="reported", source=f"Outlet {number}")],
        evidence={"event": Evidence(doc_id=article.id, start=0, end=len(text), text=text)},
        sources=[Source(doc_id=article.id, source=article.source, published=article.published)],
    )
    return article, report


def _dump(store: Store) -> tuple:
    return (
        store.counts(),
        [e.model_dump() for e in store.events()],
        [r.model_dump() for r in store.reports()],
        store.copies(),
    )


def test_store_three_reports_in_three_batches_become_one_event(store: Store) -> None:
    batches = [_outlet_report(1, 4), _outlet_report(2, 6), _outlet_report(5, 8)]
    for article, report in batches:
        store.save_batch([article], [report], [])
    [event] = store.events()
    assert [s.source for s in event.sources] == ["Outlet 1", "Outlet 2", "Outlet 5"]
    assert event.fatalities == Count(low=4, best=4, high=8)
    assert len(event.claims) == 3
    assert any(n.startswith("conflicting fatalities") for n in event.notes)
    assert re.fullmatch(r"UKR\d{10}", event.event_id)
    # No stale row of an earlier merge survives; every report id resolves to the event.
    assert store.counts()["events"] == 1
    assert {store.resolve(i) for i in [event.event_id, *event.merged_ids]} == {event.event_id}
    assert len(event.merged_ids) == 2
    assert store.resolve("UKR0") is None


@pytest.mark.parametrize("order", [(0, 1, 2), (2, 1, 0), (1, 2, 0)])
def test_store_result_does_not_depend_on_arrival_order(store_url: str, order: tuple) -> None:
    batches = [_outlet_report(1, 4), _outlet_report(2, 6), _outlet_report(5, 8)]
    with open_store(store_url) as store:
        for i in order:
            store.save_batch([batches[i][0]], [batches[i][1]], [])
        got = _dump(store)
    with open_store("sqlite:///:memory:") as reference:
        reference.save_batch([a for a, _ in batches], [r for _, r in batches], [])
        assert got == _dump(reference)


def test_store_earlier_report_arriving_later_keeps_old_id_resolvable(store: Store) -> None:
    late_article, late_report = _outlet_report(5, 8)
    store.save_batch([late_article], [late_report], [])
    [first_shown] = store.events()
    early_article, early_report = _outlet_report(1, 4)
    store.save_batch([early_article], [early_report], [])
    [event] = store.events()
    assert event.event_id != first_shown.event_id  # the earliest report names the event
    assert store.resolve(first_shown.event_id) == event.event_id


def test_store_two_incidents_same_day_same_town_different_actors_stay_apart(store: Store) -> None:
    a = _outlet_report(1, 4, actor_side="Russia")
    b = _outlet_report(2, 2, actor_side="Ukraine")
    store.save_batch([a[0], b[0]], [a[1], b[1]], [])
    assert sorted(e.actor1.side for e in store.events() if e.actor1) == ["Russia", "Ukraine"]


def test_store_five_days_of_shelling_are_five_events(store: Store) -> None:
    reports = [_outlet_report(n, 1, day=10 + n) for n in range(1, 6)]
    store.save_batch([a for a, _ in reports], [r for _, r in reports], [])
    assert len(store.events()) == 5


def test_store_rerun_of_an_article_replaces_its_reports(store: Store) -> None:
    article, report = _outlet_report(1, 4)
    store.save_batch([article], [report], [])
    moved = report.model_copy(update={"event_id": "key-1-revised"})
    store.save_batch([article], [moved], [])
    assert store.counts()["reports"] == 1
    assert store.counts()["events"] == 1


WIRE = (
    "A car bomb exploded near the central market in the town on Sunday morning, killing four "
    "people and wounding twelve, the regional governor said. The governor blamed saboteurs for "
    "the blast and said investigators were at the scene of the explosion."
)


def _copy(text: str, source: str, day: int) -> Article:
    return Article.from_text(text, published=dt.date(2024, 2, day), source=source)


@pytest.mark.parametrize("reverse", [False, True])
def test_store_near_duplicate_article_is_stored_once(store_url: str, reverse: bool) -> None:
    original = _copy(WIRE, "Wire", 11)
    reprint = _copy(WIRE.replace("Sunday morning", "Sunday") + " Staff report.", "Reprints", 12)
    other = _copy("Police arrested two men in the capital on Monday over a robbery.", "Daily", 12)
    report = Event(
        event_id="k",
        event_type="Explosions/Remote violence",
        sub_event_type="Remote explosive/landmine/IED",
        date=DateInterval(start=dt.date(2024, 2, 11), end=dt.date(2024, 2, 11), precision="day"),
        location=KRAMATORSK,
        sources=[Source(doc_id=original.id, source="Wire", published=original.published)],
    )
    reprint_report = report.model_copy(
        update={
            "event_id": "k2",
            "sources": [Source(doc_id=reprint.id, source="Reprints", published=reprint.published)],
        }
    )
    batches = [([original], [report]), ([reprint, other], [reprint_report])]
    with open_store(store_url) as store:
        for articles, reports in reversed(batches) if reverse else batches:
            store.save_batch(articles, reports, [])
        assert {a.id for a in store.articles()} == {original.id, other.id}
        assert [s.doc_id for s in store.copies()[original.id]] == [reprint.id]
        [event] = store.events()
        assert [s.source for s in event.sources] == ["Wire", "Reprints"]
        assert store.counts()["reports"] == 1
