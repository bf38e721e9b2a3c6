"""Whole runs against a store: arrival order, concurrent writers, a killed run.

Real pipeline (spaCy, gazetteer), real ``sitrep run`` subprocesses, SQLite and PostgreSQL.
The articles are written for these tests.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from sitrep.merge import copy_sources, merge_events
from sitrep.pipeline import run_inputs
from sitrep.store import Store, open_store

ARTICLES = {
    "wire-carbomb": (
        "Frontline Wire",
        "2024-02-11",
        "A car bomb exploded near the central market in Kramatorsk on Sunday morning, killing "
        "four people and wounding 12, the regional governor said. The governor blamed Russian "
        "saboteurs for the blast and said investigators were at the scene.",
    ),
    "local-carbomb": (
        "Donbas Evening",
        "2024-02-12",
        "The death toll from Sunday's car bomb at the Kramatorsk market has risen to six, "
        "regional police said on Monday. Twenty people were wounded, nine of them seriously.",
    ),
    "analysis-carbomb": (
        "Conflict Monitor",
        "2024-02-16",
        "The car bomb that killed eight people at a market in Kramatorsk on Sunday, February 11, "
        "was the deadliest attack of its kind in the city this year, local officials said.",
    ),
    "reprint-carbomb": (
        "Regional Reprints",
        "2024-02-11",
        "A car bomb exploded near the central market in Kramatorsk on Sunday, killing "
        "four people and wounding 12, the regional governor said. The governor blamed Russian "
        "saboteurs for the blast and said investigators were at the scene. Staff report.",
    ),
    "wire-sumy": (
        "Frontline Wire",
        "2024-02-11",
        "Russian drones struck a power substation in Sumy on Saturday night, killing one worker "
        "and injuring two, the regional administration said.",
    ),
    "wire-omdurman": (
        "Nile Desk",
        "2024-02-14",
        "Sudan's army and the Rapid Support Forces clashed in Omdurman on Tuesday, killing at "
        "least nine civilians, a local emergency room said.",
    ),
    "wire-odesa": (
        "Black Sea Bulletin",
        "2024-03-02",
        "A Russian missile hit a warehouse in Odesa on Friday evening, killing two guards, "
        "the city's mayor said on his Telegram channel.",
    ),
    "wire-gao": (
        "Sahel Report",
        "2024-03-05",
        "Gunmen ambushed an army convoy near Gao on Monday, killing five soldiers, a military "
        "source told reporters. No group has claimed the ambush.",
    ),
    "wire-kharkiv": (
        "Frontline Wire",
        "2024-03-08",
        "A guided bomb struck an apartment block in Kharkiv on Thursday afternoon, injuring "
        "seven residents, regional governor Oleh Syniehubov said.",
    ),
    "wire-idlib": (
        "Levant Desk",
        "2024-03-10",
        "Air strikes on a market in Idlib on Saturday killed four civilians and wounded eleven, "
        "the Syrian Civil Defence said.",
    ),
}


def _write_articles(folder: Path, names: list[str]) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name in names:
        source, published, text = ARTICLES[name]
        (folder / f"{name}.txt").write_text(text + "\n", encoding="utf-8")
        meta = {"doc_id": name, "source": source, "published": published}
        (folder / f"{name}.meta.json").write_text(json.dumps(meta), encoding="utf-8")
        paths.append(folder / f"{name}.txt")
    return paths


def _dump(url: str) -> tuple:
    with open_store(url) as store:
        counts = store.counts()
        return (
            {t: n for t, n in counts.items() if t != "rejects"},
            [e.model_dump() for e in store.events()],
            [r.model_dump() for r in store.reports()],
            store.copies(),
        )


def _consistent(store: Store) -> bool:
    """The store's events are exactly the merge of its reports (no half-written batch)."""
    copies = store.copies()
    expected = [copy_sources(e, copies) for e in merge_events(store.reports())]
    return store.events() == expected


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory) -> tuple:
    """The store one in-process run of every article builds."""
    folder = tmp_path_factory.mktemp("reference")
    paths = _write_articles(folder / "in", sorted(ARTICLES))
    url = f"sqlite:///{folder / 'reference.db'}"
    run_inputs(paths, db_url=url)
    return _dump(url)


def _sitrep_run(paths: list[Path], url: str, batch_size: int = 1) -> subprocess.Popen:
    command = [sys.executable, "-m", "sitrep", "run", *map(str, paths), "--db", url]
    return subprocess.Popen(
        [*command, "--batch-size", str(batch_size)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=os.environ.copy(),
    )


def test_reference_store_merges_the_car_bomb(reference: tuple) -> None:
    counts, events, _, copies = reference
    assert counts["articles"] == len(ARTICLES) - 1  # the reprint is a copy
    assert sum(len(c) for c in copies.values()) == 1
    car_bomb = [e for e in events if e["location"] and e["location"]["name"] == "Kramatorsk"]
    assert len(car_bomb) == 1
    assert len(car_bomb[0]["sources"]) == 4
    assert car_bomb[0]["fatalities"]["low"] == 4


@pytest.mark.parametrize("seed", [1, 2])
def test_run_shuffled_input_gives_identical_store(
    tmp_path: Path, store_url: str, reference: tuple, seed: int
) -> None:
    names = sorted(ARTICLES)
    random.Random(seed).shuffle(names)
    paths = _write_articles(tmp_path / "in", names)
    run_inputs(paths, db_url=store_url, batch_size=2)
    assert _dump(store_url) == reference
    run_inputs(paths, db_url=store_url, batch_size=3)  # a re-run changes nothing
    assert _dump(store_url) == reference


def test_two_processes_on_one_store_lose_and_duplicate_nothing(
    tmp_path: Path, store_url: str, reference: tuple
) -> None:
    names = sorted(ARTICLES)
    paths = _write_articles(tmp_path / "in", names)
    open_store(store_url).close()  # migrate once, so both writers start on the same schema
    first = _sitrep_run(paths[:7], store_url)
    second = _sitrep_run(list(reversed(paths[3:])), store_url)
    for process in (first, second):
        _, err = process.communicate(timeout=300)
        assert process.returncode == 0, err.decode()
    assert _dump(store_url) == reference


def test_killed_run_rerun_gives_the_same_store(
    tmp_path: Path, store_url: str, reference: tuple
) -> None:
    paths = _write_articles(tmp_path / "in", sorted(ARTICLES))
    open_store(store_url).close()
    process = _sitrep_run(paths, store_url)
    deadline = time.monotonic() + 120
    stored = 0
    while process.poll() is None and time.monotonic() < deadline:
        with open_store(store_url) as store:
            stored = store.counts()["articles"]
        if stored >= 2:
            process.send_signal(signal.SIGKILL)
            break
        time.sleep(0.02)
    process.wait(timeout=60)
    with open_store(store_url) as store:
        assert _consistent(store)  # whole batches or nothing
        assert store.counts()["articles"] < len(ARTICLES) - 1 or process.returncode == 0
    rerun = _sitrep_run(paths, store_url, batch_size=4)
    _, err = rerun.communicate(timeout=300)
    assert rerun.returncode == 0, err.decode()
    assert _dump(store_url) == reference
