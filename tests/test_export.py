"""Exports: ACLED-style CSV, GeoJSON and JSON, on a store the real pipeline filled."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sitrep.cli import app
from sitrep.errors import ConfigError
from sitrep.export import (
    ACLED_COLUMNS,
    EXTRA_COLUMNS,
    EventFilter,
    acled_row,
    disorder_type,
    interaction,
    to_acled_csv,
    to_geojson,
)
from sitrep.model import (
    Actor,
    Claim,
    Count,
    DateInterval,
    Event,
    Evidence,
    Person,
    Place,
    Source,
)
from sitrep.store import open_store

runner = CliRunner()

ARTICLES = [
    {
        "doc_id": "kharkiv", "source": "Example Wire", "published": "2024-01-24",
        "text": "A Russian missile strike on a residential building in Kharkiv on Tuesday "
        "killed three civilians and wounded 12, regional governor Oleh Syniehubov said. "
        "Russia's defence ministry said it had struck a military target.",
    },
    {
        "doc_id": "kajuru", "source": "Example Times", "published": "2024-06-20",
        "text": "Gunmen killed two villagers in the Kaduna State town of Kajuru in early June, "
        "residents said.",
    },
    {
        "doc_id": "nairobi", "source": 'Daily "Example", Nairobi', "published": "2024-06-23",
        "text": "Protesters marched through central Nairobi on Saturday against the new finance bill.",
    },
    {
        "doc_id": "nowhere", "source": "Example Post", "published": "2024-03-06",
        "text": "Gunmen killed two people on Monday, police said.",
    },
]  # fmt: skip

HEADER = (
    "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,"
    "actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,"
    "iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,"
    "source_scale,notes,fatalities,tags,timestamp,"
    "date_end,fatalities_low,fatalities_high,injured_best,claims,persons,sitrep_event_id,merged_ids,"
    "sitrep_notes"
)


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A SQLite store filled by ``sitrep run`` from four small articles."""
    folder = tmp_path_factory.mktemp("export")
    source = folder / "articles.jsonl"
    source.write_text("\n".join(json.dumps(a) for a in ARTICLES) + "\n", encoding="utf-8")
    url = f"sqlite:///{folder / 'sitrep.db'}"
    result = runner.invoke(app, ["run", str(source), "--db", url])
    assert result.exit_code == 0, result.output
    return url


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


def _export(db: str, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["export", "--db", db, *args])
    # result.stdout turns \r\n into \n; the bytes are what a pipe gets
    return result.exit_code, result.stdout_bytes.decode("utf-8"), result.stderr


def test_export_acled_csv_header_is_acled_order_then_extras(db: str) -> None:
    code, out, _ = _export(db, "--format", "acled-csv")
    assert code == 0
    assert out.split("\r\n")[0] == HEADER
    assert ",".join((*ACLED_COLUMNS, *EXTRA_COLUMNS)) == HEADER


def test_export_acled_csv_known_event_values(db: str) -> None:
    code, out, _ = _export(db, "--country", "Ukraine")
    assert code == 0
    [row] = _rows(out)
    with open_store(db) as store:
        [event] = [e for e in store.events() if e.location and e.location.country == "Ukraine"]
    expected = {
        "event_id_cnty": event.event_id, "event_date": "2024-01-23", "year": "2024",
        "time_precision": "1", "disorder_type": "Political violence",
        "event_type": "Explosions/Remote violence",
        "sub_event_type": "Shelling/artillery/missile attack",
        "actor1": "Russian armed forces", "assoc_actor_1": "", "inter1": "1",
        "actor2": "civilians", "assoc_actor_2": "", "inter2": "7", "interaction": "17",
        "civilian_targeting": "Civilian targeting", "iso": "804", "region": "Europe",
        "country": "Ukraine", "admin1": "Kharkiv", "admin2": "", "admin3": "",
        "location": "Kharkiv", "latitude": "49.98177", "longitude": "36.25475",
        "geo_precision": "1", "source": "Example Wire", "source_scale": "",
        "notes": "A Russian missile strike on a residential building in Kharkiv on Tuesday "
        "killed three civilians and wounded 12, regional governor Oleh Syniehubov said.",
        "fatalities": "3", "tags": "", "timestamp": "1706054400",  # 2024-01-24 00:00 UTC
        "date_end": "2024-01-23", "fatalities_low": "3", "fatalities_high": "3",
        "injured_best": "12",
        "claims": "regional governor Oleh Syniehubov: reported (killed three, wounded 12); "
        "Russia's defence ministry: claimed",
        "persons": "",
        "sitrep_event_id": event.event_id, "merged_ids": "",
        "sitrep_notes": " | ".join(event.notes),
    }  # fmt: skip
    assert row == expected
    assert event.event_id.startswith("UKR") and len(event.event_id) == 13


def test_export_acled_csv_quotes_commas_and_quotes_in_source(db: str) -> None:
    _, out, _ = _export(db, "--country", "KEN")
    line = out.split("\r\n")[1]
    assert ',"Daily ""Example"", Nairobi",' in line
    [row] = _rows(out)
    assert row["source"] == 'Daily "Example", Nairobi'
    # a peaceful march with no police told: protesters alone (ACLED interaction 60)
    assert (row["interaction"], row["disorder_type"], row["region"]) == (
        "60",
        "Demonstrations",
        "Eastern Africa",
    )


def test_export_acled_csv_month_precision_event(db: str) -> None:
    _, out, _ = _export(db, "--admin1", "kaduna")
    [row] = _rows(out)
    assert (row["event_date"], row["date_end"], row["time_precision"]) == (
        "2024-06-01",
        "2024-06-10",
        "3",
    )
    assert (row["iso"], row["region"], row["civilian_targeting"]) == (
        "566",
        "Western Africa",
        "Civilian targeting",
    )


ACCENTED = Event(
    event_id="UKR0000000001",
    event_type="Battles",
    sub_event_type="Armed clash",
    date=DateInterval(start=dt.date(2024, 2, 5), end=dt.date(2024, 2, 11), precision="week"),
    location=Place(
        name="Kurakhove", admin1="Donetsk", country="Ukraine", iso3="UKR", lat=47.98, lon=37.28,
        geo_precision=2,
    ),
    actor1=Actor(name="Ukrainian forces", side="Ukraine", kind="state forces"),
    actor2=Actor(name="Wagner Group", side="Russia", kind="external forces"),
    fatalities=Count(low=4, best=4, high=None),
    injured=Count(low=1, best=2, high=5),
    claims=[Claim(claimant="Ukraine's army", status="claimed"), Claim(status="unverified")],
    evidence={
        "event": Evidence(doc_id="d1", start=0, end=30, text="Fighting, «heavy», near Kurakhove\nagain")
    },
    sources=[
        Source(doc_id="d1", source="Kyiv Independent", published=dt.date(2024, 2, 12)),
        Source(doc_id="d2", source="Wire", published=dt.date(2024, 2, 13)),
        Source(doc_id="d3", source="Kyiv Independent", published=dt.date(2024, 2, 12)),
    ],
    notes=["conflicting fatalities across reports: 4 (Wire); 6 (Kyiv Independent)"],
    merged_ids=["UKR0000000002", "UKR0000000003"],
)  # fmt: skip


def test_export_acled_row_hand_built_event_every_column() -> None:
    assert acled_row(ACCENTED) == {
        "event_id_cnty": "UKR0000000001", "event_date": "2024-02-05", "year": 2024,
        "time_precision": 2, "disorder_type": "Political violence", "event_type": "Battles",
        "sub_event_type": "Armed clash", "actor1": "Ukrainian forces", "assoc_actor_1": "",
        "inter1": 1, "actor2": "Wagner Group", "assoc_actor_2": "", "inter2": 8,
        "interaction": "18", "civilian_targeting": "", "iso": 804, "region": "Europe",
        "country": "Ukraine", "admin1": "Donetsk", "admin2": "", "admin3": "",
        "location": "Kurakhove", "latitude": 47.98, "longitude": 37.28, "geo_precision": 2,
        "source": "Kyiv Independent; Wire", "source_scale": "",
        "notes": "Fighting, «heavy», near Kurakhove\nagain", "fatalities": 4, "tags": "",
        "timestamp": 1707782400, "date_end": "2024-02-11", "fatalities_low": 4,
        "fatalities_high": "", "injured_best": 2,
        "claims": "Ukraine's army: claimed; (unattributed): unverified",
        "persons": "",
        "sitrep_event_id": "UKR0000000001", "merged_ids": "UKR0000000002;UKR0000000003",
        "sitrep_notes": "conflicting fatalities across reports: 4 (Wire); 6 (Kyiv Independent)",
    }  # fmt: skip


def test_export_acled_row_lists_persons_with_their_roles() -> None:
    people = [
        Person(name="Oleh Tsarov", role="victim", description="a former lawmaker"),
        Person(name="Ivan Petrenko", role="named"),
    ]
    event = ACCENTED.model_copy(update={"people": people, "persons": [p.name for p in people]})
    assert acled_row(event)["persons"] == "Oleh Tsarov (victim); Ivan Petrenko (named)"


def test_export_to_acled_csv_round_trips_newlines_and_utf8(tmp_path: Path) -> None:
    path = tmp_path / "out.csv"
    with path.open("w", encoding="utf-8", newline="") as file:
        assert to_acled_csv([ACCENTED, ACCENTED], file) == 2
    raw = path.read_bytes()
    assert "«heavy»".encode() in raw
    assert raw.count(b"\r\n") == 3  # header and two rows; the note's own newline is quoted
    with path.open(encoding="utf-8", newline="") as file:
        rows = list(csv.DictReader(file))
    assert [r["notes"] for r in rows] == ["Fighting, «heavy», near Kurakhove\nagain"] * 2


@pytest.mark.parametrize(
    ("inter1", "inter2", "expected"),
    [(1, 7, "17"), (7, 1, "17"), (2, 2, "22"), (6, None, "60"), (None, 1, "")],
)
def test_export_interaction_codes(inter1: int | None, inter2: int | None, expected: str) -> None:
    assert interaction(inter1, inter2) == expected


@pytest.mark.parametrize(
    ("event_type", "sub_event_type", "expected"),
    [
        ("Protests", "Peaceful protest", "Demonstrations"),
        ("Protests", "Excessive force against protesters", "Political violence; Demonstrations"),
        ("Riots", "Violent demonstration", "Demonstrations"),
        ("Riots", "Mob violence", "Political violence"),
        ("Strategic developments", "Arrests", "Strategic developments"),
        ("Violence against civilians", "Abduction/forced disappearance", "Political violence"),
    ],
)
def test_export_disorder_type(event_type: str, sub_event_type: str, expected: str) -> None:
    event = ACCENTED.model_copy(update={"event_type": event_type, "sub_event_type": sub_event_type})
    assert disorder_type(event) == expected


def test_export_geojson_is_lon_lat_and_leaves_out_unplaced(db: str) -> None:
    code, out, err = _export(db, "--format", "geojson")
    assert code == 0
    collection = json.loads(out)
    assert collection["type"] == "FeatureCollection"
    assert len(collection["features"]) == 3
    kharkiv = next(f for f in collection["features"] if f["properties"]["location"] == "Kharkiv")
    assert kharkiv["geometry"] == {"type": "Point", "coordinates": [36.25475, 49.98177]}
    props = kharkiv["properties"]
    assert (props["fatalities"], props["fatalities_low"], props["fatalities_high"]) == (3, 3, 3)
    assert (props["actor1_side"], props["actor2_side"], props["sources"]) == (
        "Russia",
        "civilians",
        1,
    )
    assert props["evidence"].startswith("A Russian missile strike on a residential building")
    assert "1 events without coordinates left out of the GeoJSON" in err


def test_export_to_geojson_api_skips_events_without_coordinates() -> None:
    unplaced = ACCENTED.model_copy(update={"event_id": "XXX0000000009", "location": None})
    collection = to_geojson([ACCENTED, unplaced])
    assert [f["id"] for f in collection["features"]] == ["UKR0000000001"]
    assert collection["features"][0]["geometry"]["coordinates"] == [37.28, 47.98]


def test_export_json_is_what_events_prints(db: str) -> None:
    code, out, _ = _export(db, "--format", "json")
    listed = runner.invoke(app, ["events", "--db", db, "--format", "json"])
    assert code == 0 and listed.exit_code == 0
    assert out == listed.stdout_bytes.decode("utf-8")
    assert len(json.loads(out)) == 4


@pytest.mark.parametrize(
    ("args", "countries"),
    [
        (["--country", "ukr"], ["Ukraine"]),
        (["--country", "Nigeria"], ["Nigeria"]),
        (["--admin1", "Nairobi City"], ["Kenya"]),
        (["--since", "2024-06-01"], ["Nigeria", "Kenya"]),
        (["--since", "2024-03-01", "--until", "2024-06-01"], ["", "Nigeria"]),
        (["--event-type", "protests"], ["Kenya"]),
        (["--event-type", "Violence against civilians", "--country", "NGA"], ["Nigeria"]),
        (["--country", "France"], []),
    ],
)
def test_export_filters(db: str, args: list[str], countries: list[str]) -> None:
    code, out, _ = _export(db, *args)
    assert code == 0
    assert [r["country"] for r in _rows(out)] == countries


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--format", "xml"], "unknown --format 'xml'"),
        (["--event-type", "Skirmish"], "unknown event type 'Skirmish'"),
        (["--since", "June"], "--since 'June' is not a date"),
        (["--since", "2024-06-02", "--until", "2024-06-01"], "is after --until"),
    ],
)
def test_export_bad_options_exit_2_with_one_line(db: str, args: list[str], message: str) -> None:
    code, out, err = _export(db, *args)
    assert code == 2
    assert out == ""
    assert len(err.strip().splitlines()) == 1 and message in err


def test_export_out_file_matches_stdout(db: str, tmp_path: Path) -> None:
    path = tmp_path / "events.csv"
    code, out, err = _export(db, "--out", str(path))
    assert code == 0 and out == ""
    assert path.read_bytes().decode("utf-8") == _export(db)[1]
    assert f"exported 4 events as acled-csv to {path}" in err


def test_export_event_filter_rejects_unknown_type() -> None:
    with pytest.raises(ConfigError, match="unknown event type"):
        EventFilter(event_type="Massacre")
    assert EventFilter.parse(since="2024-01-02").since == dt.date(2024, 1, 2)


@pytest.mark.parametrize("command", ["export", "trends"])
def test_export_and_trends_commands_have_help(command: str) -> None:
    result = runner.invoke(app, [command, "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    assert "--country" in result.stdout and "--since" in result.stdout
