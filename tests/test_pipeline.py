"""End to end on the real model, gazetteer and SQLite: the seed, bad input, re-runs."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from sitrep.pipeline import extract_file, run_inputs
from sitrep.store import open_store


@pytest.fixture(scope="module")
def seed_events(seed_dir: Path) -> list:
    return extract_file(seed_dir / "melitopol.txt")


def _by_place(events: list, name: str):
    found = [e for e in events if e.location and e.location.name == name]
    assert len(found) == 1, [e.location for e in events]
    return found[0]


def test_pipeline_seed_gives_exactly_three_events(seed_events: list) -> None:
    assert sorted(e.location.name for e in seed_events) == ["Luhansk region", "Melitopol", "Yalta"]


def test_pipeline_seed_melitopol_bombing(seed_events: list) -> None:
    event = _by_place(seed_events, "Melitopol")
    assert (event.event_type, event.sub_event_type) == (
        "Explosions/Remote violence",
        "Remote explosive/landmine/IED",
    )
    assert event.location.admin1 == "Zaporizhzhia"
    assert event.location.country == "Ukraine"
    assert event.fatalities.best == 3
    assert event.actor1.side == "Ukraine"
    assert event.actor2.side == "Russia"
    assert "claimed" in {c.status for c in event.claims}
    assert "denied" not in {c.status for c in event.claims}  # Russia's silence is not a denial
    assert any(n.startswith("silence:") for n in event.notes)
    assert (event.date.start, event.date.end, event.date.precision) == (
        dt.date(2023, 11, 6),
        dt.date(2023, 11, 13),
        "week",
    )


def test_pipeline_seed_tsarov_shooting(seed_events: list) -> None:
    event = _by_place(seed_events, "Yalta")
    assert (event.event_type, event.sub_event_type) == ("Violence against civilians", "Attack")
    assert event.location.admin1 == "Crimea"
    assert event.location.country == "Ukraine"
    assert (event.date.start, event.date.end, event.date.precision) == (
        dt.date(2023, 10, 1),
        dt.date(2023, 10, 31),
        "month",
    )
    assert "Oleh Tsarov" in event.persons
    assert (event.injured.low, event.injured.best, event.injured.high) == (0, 1, 1)
    assert [c.status for c in event.claims] == ["reported"]


def test_pipeline_seed_filiponenko_car_bomb(seed_events: list) -> None:
    event = _by_place(seed_events, "Luhansk region")
    assert event.sub_event_type == "Remote explosive/landmine/IED"
    assert event.location.geo_precision == 3
    assert event.location.admin1 == "Luhansk"
    assert event.fatalities.best == 1


def test_pipeline_seed_every_field_has_evidence_in_text(seed_dir: Path, seed_events: list) -> None:
    text = (seed_dir / "melitopol.txt").read_text(encoding="utf-8")
    for event in seed_events:
        assert {"event", "location"} <= set(event.evidence)
        for evidence in event.evidence.values():
            assert text[evidence.start : evidence.end] == evidence.text


def test_pipeline_seed_no_event_from_non_events(seed_events: list) -> None:
    spans = " ".join(e.evidence["event"].text for e in seed_events)
    assert "Institute for the Study of War" not in spans
    assert "missile and drone strikes" not in spans
    assert "counteroffensive" not in spans


@pytest.fixture
def messy_dir(tmp_path: Path, seed_dir: Path) -> Path:
    """The seed plus one broken input of each kind."""
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("melitopol.txt", "melitopol.meta.json"):
        (folder / name).write_bytes((seed_dir / name).read_bytes())
    (folder / "empty.txt").write_text("")
    (folder / "empty.meta.json").write_text('{"source": "X", "published": "2023-11-13"}')
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02\xff\xfe binary")
    (folder / "binary.meta.json").write_text('{"source": "X", "published": "2023-11-13"}')
    (folder / "nodate.txt").write_text("Gunmen killed two people in Kaduna on Monday, police said.")
    (folder / "nodate.meta.json").write_text('{"source": "X"}')
    (folder / "notext.html").write_text("<html><head><title>t</title></head><body></body></html>")
    (folder / "wire.jsonl").write_text(
        '{"doc_id": "a", "source": "W", "published": "2023-05-03", "text": "Russian shelling killed '
        'three people in Kherson on Tuesday, the regional governor said."}\n'
        "{broken json\n"
        '{"doc_id": "b", "source": "W", "published": "2023-05-04", "text": "Protesters marched '
        'peacefully through Tbilisi on Wednesday, police said."}\n'
    )
    return folder


def test_pipeline_run_rejects_bad_inputs_and_keeps_good_ones(
    messy_dir: Path, tmp_path: Path
) -> None:
    url = f"sqlite:///{tmp_path / 'store.db'}"
    summary = run_inputs([messy_dir], db_url=url)
    rejected = sorted(Path(r.origin.split(":")[0]).name for r in summary.rejects)
    assert rejected == ["binary.txt", "empty.txt", "nodate.txt", "notext.html", "wire.jsonl"]
    assert any(r.origin.endswith("wire.jsonl:2") for r in summary.rejects)
    assert summary.articles == 3
    with open_store(url) as store:
        assert len(store.articles()) == 3
        assert len(store.rejects()) == 5
        assert {e.location.name for e in store.events()} >= {"Melitopol", "Yalta", "Kherson"}


def test_pipeline_rerun_changes_nothing(messy_dir: Path, tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'store.db'}"
    run_inputs([messy_dir], db_url=url)
    with open_store(url) as store:
        before = store.counts()
        events_before = [e.model_dump() for e in store.events()]
    run_inputs([messy_dir], db_url=url)
    with open_store(url) as store:
        assert store.counts() == before
        assert [e.model_dump() for e in store.events()] == events_before


def test_pipeline_samples_tell_each_incident_once(tmp_path: Path) -> None:
    """The shipped samples: two reports of the Kherson shelling are one event with both
    sources; no sample incident is split (an earlier change split the shelling in two)."""
    samples = Path(__file__).resolve().parents[1] / "samples"
    db = f"sqlite:///{tmp_path / 'samples.db'}"
    run_inputs([samples], db_url=db)
    with open_store(db) as store:
        events = store.events()
    kherson = [e for e in events if e.location and e.location.admin1 == "Kherson"]
    assert len(kherson) == 1
    assert len(kherson[0].sources) == 2
    assert len(events) == 15
