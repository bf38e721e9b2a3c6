"""Trend analysis (``sitrep trends``) on a synthetic store with known weekly counts."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sitrep.analyse import (
    MIN_ACTIVE_PERIODS,
    classify,
    fit_trend,
    periods_between,
    plot_trends,
    trends,
)
from sitrep.cli import app
from sitrep.errors import ConfigError
from sitrep.model import Actor, Article, Count, DateInterval, Event, Place, Precision, Source
from sitrep.store import open_store

runner = CliRunner()

MONDAY = dt.date(2024, 3, 4)  # the first of four ISO weeks
# far apart, so that no two areas' events merge as one incident
COORDINATES = {"Kharkiv": (49.99, 36.23), "Donetsk": (48.02, 37.80), "Kherson": (46.64, 32.61),
               "Sumy": (50.91, 34.80)}  # fmt: skip
WEEKLY = {
    # admin1: events per week (fatalities: one per event in Kharkiv, none elsewhere)
    "Kharkiv": [1, 2, 4, 8],
    "Donetsk": [8, 4, 2, 1],
    "Kherson": [3, 3, 3, 3],
    "Sumy": [1, 0, 0, 1],
}


def _place(admin1: str | None) -> Place | None:
    if admin1 is None:
        return None
    lat, lon = COORDINATES[admin1]
    return Place(name=admin1, admin1=admin1, country="Ukraine", iso3="UKR", lat=lat, lon=lon)


def _event(
    n: int, admin1: str | None, day: dt.date, doc: Article, killed: int = 0,
    precision: Precision = "day",
) -> Event:  # fmt: skip
    end = day + dt.timedelta(days=27 if precision == "month" else 0)
    return Event(
        event_id=f"UKR{n:010d}",
        event_type="Explosions/Remote violence",
        sub_event_type="Shelling/artillery/missile attack",
        date=DateInterval(start=day, end=end, precision=precision),
        location=_place(admin1),
        actor1=Actor(name="Russian forces", side="Russia", kind="state forces"),
        fatalities=Count(low=killed, best=killed, high=killed),
        sources=[Source(doc_id=doc.id, source=doc.source, published=doc.published)],
    )


def _synthetic() -> tuple[list[Article], list[Event]]:
    """One article per area (reports of one article never merge), events spread in the week."""
    articles, reports, n = [], [], 0
    for admin1, counts in [*WEEKLY.items(), ("nowhere", [1, 0, 0, 0])]:
        doc = Article.from_text(f"synthetic reports for {admin1}", published=dt.date(2024, 4, 1),
                                source="Synthetic")  # fmt: skip
        articles.append(doc)
        for week, count in enumerate(counts):
            for i in range(count):
                n += 1
                day = MONDAY + dt.timedelta(days=7 * week + i % 7)
                place = None if admin1 == "nowhere" else admin1
                reports.append(_event(n, place, day, doc, killed=int(admin1 == "Kharkiv")))
    # dated only to the month: cannot be put in a week
    reports.append(_event(n + 1, "Kharkiv", dt.date(2024, 3, 1), articles[0], precision="month"))
    return articles, reports


@pytest.fixture
def db(sqlite_url: str) -> str:
    """A SQLite store holding the synthetic events."""
    articles, reports = _synthetic()
    with open_store(sqlite_url) as store:
        store.save_batch(articles, reports, [])
        assert store.counts()["events"] == len(reports)
    return sqlite_url


@pytest.fixture
def events(db: str) -> list[Event]:
    with open_store(db) as store:
        return store.events()


def test_analyse_weekly_counts_and_verdicts(events: list[Event]) -> None:
    report = trends(events, by="admin1", window="week")
    assert report.periods == [MONDAY + dt.timedelta(days=7 * w) for w in range(4)]
    assert {a.area: a.counts for a in report.areas} == {
        f"{name}, Ukraine": counts for name, counts in WEEKLY.items()
    }
    assert [(a.area, a.verdict) for a in report.areas] == [
        ("Kharkiv, Ukraine", "intensifying"),
        ("Donetsk, Ukraine", "de-escalating"),
        ("Kherson, Ukraine", "stable"),
        ("Sumy, Ukraine", "too little data"),
    ]
    assert report.left_out == {"no_area": 1, "imprecise_date": 1}


def test_analyse_doubling_has_rate_ratio_two(events: list[Event]) -> None:
    kharkiv = trends(events).areas[0]
    trend = kharkiv.trend
    assert trend is not None and trend.model == "poisson"
    assert trend.rate_ratio == pytest.approx(2.0, rel=1e-6)
    assert trend.p_value == pytest.approx(0.0127, abs=5e-4)
    assert 1 < trend.ci_low < 2 < trend.ci_high
    assert trend.fitted == pytest.approx([1, 2, 4, 8], rel=1e-5)
    assert kharkiv.fatalities == [1, 2, 4, 8] and kharkiv.killed == 15


def test_analyse_by_country_sums_areas(events: list[Event]) -> None:
    [ukraine] = trends(events, by="country", window="week").areas
    assert ukraine.area == "Ukraine"
    assert ukraine.counts == [13, 9, 9, 13]
    assert ukraine.verdict == "stable"


def test_analyse_monthly_window_is_too_short(events: list[Event]) -> None:
    report = trends(events, window="month")
    assert report.periods == [dt.date(2024, 3, 1)]
    assert {a.verdict for a in report.areas} == {"too little data"}
    # a month-dated event fits a month window
    assert report.left_out == {"no_area": 1, "imprecise_date": 0}
    assert next(a for a in report.areas if a.area == "Kharkiv, Ukraine").counts == [16]


def test_analyse_min_events_makes_too_little_data(events: list[Event]) -> None:
    report = trends(events, min_events=16)
    assert {a.verdict for a in report.areas} == {"too little data"}


@pytest.mark.parametrize(
    ("counts", "model", "verdict"),
    [
        ([1, 2, 4, 8, 16], "poisson", "intensifying"),
        ([16, 8, 4, 2, 1], "poisson", "de-escalating"),
        ([5, 5, 5, 5, 5, 5], "poisson", "stable"),
        ([0, 5, 0, 9, 1, 12, 0, 20], "negative binomial", "stable"),
    ],
)
def test_analyse_fit_trend_models_and_verdicts(counts: list[int], model: str, verdict: str) -> None:
    trend = fit_trend(counts)
    assert trend.model == model
    assert classify(trend) == verdict
    assert trend.dispersion > 1.5 if model == "negative binomial" else trend.dispersion <= 1.5


def test_analyse_single_burst_is_too_little_data() -> None:
    doc = Article.from_text("burst", published=dt.date(2024, 4, 1), source="S")
    burst = [_event(i, "Kharkiv", MONDAY + dt.timedelta(days=21), doc) for i in range(20)]
    early = [_event(100 + i, "Kherson", MONDAY + dt.timedelta(days=7 * i), doc) for i in range(4)]
    report = trends(burst + early, min_events=1)
    kharkiv = next(a for a in report.areas if a.area == "Kharkiv, Ukraine")
    assert kharkiv.counts == [0, 0, 0, 20]
    assert sum(c > 0 for c in kharkiv.counts) < MIN_ACTIVE_PERIODS
    assert kharkiv.verdict == "too little data" and kharkiv.trend is None


def test_analyse_periods_between_months_cross_the_year() -> None:
    assert periods_between(dt.date(2023, 12, 31), dt.date(2024, 2, 1), "month") == [
        dt.date(2023, 12, 1),
        dt.date(2024, 1, 1),
        dt.date(2024, 2, 1),
    ]
    assert periods_between(dt.date(2024, 3, 10), dt.date(2024, 3, 11), "week") == [
        dt.date(2024, 3, 4),
        dt.date(2024, 3, 11),
    ]


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [({"by": "admin2"}, "unknown --by"), ({"window": "day"}, "unknown --window"),
     ({"min_events": 0}, "--min-events")],
)  # fmt: skip
def test_analyse_bad_arguments_raise_config_error(kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        trends([], **kwargs)  # type: ignore[arg-type]


def test_analyse_cli_json(db: str) -> None:
    result = runner.invoke(app, ["trends", "--db", db, "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert (data["by"], data["window"]) == ("admin1", "week")
    assert data["periods"] == ["2024-03-04", "2024-03-11", "2024-03-18", "2024-03-25"]
    verdicts = {a["area"]: a["verdict"] for a in data["areas"]}
    assert verdicts["Kharkiv, Ukraine"] == "intensifying"
    assert verdicts["Donetsk, Ukraine"] == "de-escalating"
    kharkiv = data["areas"][0]
    assert kharkiv["events"] == 15 and kharkiv["counts"] == [1, 2, 4, 8]
    assert kharkiv["trend"]["rate_ratio"] == pytest.approx(2.0)
    assert "p < 0.05" in data["rule"]
    assert "1 events (no area)" in result.stderr and "1 events (imprecise date)" in result.stderr


def test_analyse_cli_table_and_filters(db: str) -> None:
    result = runner.invoke(
        app, ["trends", "--db", db, "--admin1", "Donetsk", "--until", "2024-03-24"],
        env={"COLUMNS": "200"},
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "Donetsk, Ukraine" in result.stdout and "Kharkiv" not in result.stdout
    # three weeks (8, 4, 2 events) are fewer than MIN_PERIODS: no verdict from so short a span
    [row] = [line for line in result.stdout.splitlines() if "Donetsk" in line]
    assert "8 4 2" in row and row.rstrip(" │").endswith("too little data")


def test_analyse_cli_plot_writes_png(db: str, tmp_path: Path) -> None:
    path = tmp_path / "trends.png"
    result = runner.invoke(app, ["trends", "--db", db, "--plot", str(path), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert f"plotted 4 areas to {path}" in result.stderr


def test_analyse_plot_api_returns_areas_drawn(events: list[Event], tmp_path: Path) -> None:
    assert plot_trends(trends(events), tmp_path / "two.png", top=2) == 2
    assert (tmp_path / "two.png").stat().st_size > 1000


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--by", "admin2"], "unknown --by 'admin2'"),
        (["--window", "day"], "unknown --window 'day'"),
        (["--format", "xml"], "unknown --format 'xml'"),
        (["--until", "soon"], "--until 'soon' is not a date"),
    ],
)
def test_analyse_cli_bad_options_exit_2(db: str, args: list[str], message: str) -> None:
    result = runner.invoke(app, ["trends", "--db", db, *args])
    assert result.exit_code == 2
    assert message in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_analyse_empty_store_prints_empty_table(sqlite_url: str) -> None:
    result = runner.invoke(app, ["trends", "--db", sqlite_url, "--format", "json"])
    assert result.exit_code == 0
    assert json.loads(result.stdout)["areas"] == []
