"""The Dask batch runner against the serial run: same store, same rejects, same exit codes.

A real two-process LocalCluster (shared by the module, reached with ``scheduler=``), the real
model, gazetteer and SQLite. The ``sitrep run --workers 2`` test starts its own cluster in a
subprocess. A watchdog ends the session with a traceback if anything here hangs.
"""

from __future__ import annotations

import faulthandler
import json
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sitrep.batch import Piece, _read_piece, plan_pieces, plan_tasks, run_batch
from sitrep.cli import app
from sitrep.errors import ConfigError, InputError
from sitrep.ingest import read_file
from sitrep.pipeline import RunSummary, run_inputs
from sitrep.store import open_store

REPO = Path(__file__).resolve().parents[1]
WATCHDOG_SECONDS = 300
TASK_BYTES = 700  # small tasks: many of them, and the JSON Lines files cut into slices
BATCH = 4  # items per transaction: several batches even on this small corpus

ODESA = """A Russian drone struck a grain terminal in the port of Izmail in Odesa region overnight, \
injuring two workers, the regional governor Oleh Kiper said on Wednesday.

The strike set fire to a warehouse and damaged two silos, he said. Air defences shot down \
eleven of the fourteen drones launched overnight, the air force said.
"""
LAGOS = """Hundreds of traders marched to the state secretariat in Ikeja, Lagos, on Monday to \
protest against the demolition of a market, blocking the road for several hours.

Police fired tear gas to disperse the protesters after some of them threw stones at the \
gate, witnesses said. Three people were arrested, a police spokesman said.
"""
JSONL_LINES = [
    {
        "doc_id": "extra-goma",
        "source": "Great Lakes Wire",
        "published": "2024-02-08",
        "title": "Shells hit Goma camp",
        "text": "Two shells hit a camp for displaced people on the edge of Goma in North Kivu "
        "on Wednesday, killing four people and wounding nine, the camp administrator said. "
        "The army blamed the M23 rebels, who denied firing on the camp.",
    },
    {"doc_id": "extra-undated", "source": "Great Lakes Wire", "text": "Clashes were reported."},
    "this line is not JSON",
    {
        "doc_id": "extra-bamako",
        "source": "Sahel Monitor",
        "published": "2024-03-12",
        "text": "Gunmen killed three soldiers at a checkpoint near Segou in central Mali on "
        "Sunday night, the army said in a statement on Monday.",
    },
]


@pytest.fixture(autouse=True)
def _watchdog() -> Iterator[None]:
    """Dump every thread's traceback and exit if a test hangs (no pytest-timeout needed)."""
    faulthandler.dump_traceback_later(WATCHDOG_SECONDS, exit=True)
    yield
    faulthandler.cancel_dump_traceback_later()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repo's samples plus texts written here, one broken file and two broken lines."""
    root = tmp_path_factory.mktemp("corpus")
    shutil.copytree(REPO / "samples", root / "samples")
    extra = root / "extra"
    extra.mkdir()
    for name, text, meta in [
        ("izmail-drone", ODESA, {"source": "Danube Post", "published": "2023-09-13"}),
        ("lagos-protest", LAGOS, {"source": "Lagos Ledger", "published": "2024-01-15"}),
    ]:
        (extra / f"{name}.txt").write_text(text, encoding="utf-8")
        (extra / f"{name}.meta.json").write_text(json.dumps(meta), encoding="utf-8")
    lines = [line if isinstance(line, str) else json.dumps(line) for line in JSONL_LINES]
    (extra / "more.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (extra / "broken.bin").write_bytes(b"\x00\x01 not an article")
    return root


@pytest.fixture(scope="module")
def cluster() -> Iterator[str]:
    """A real LocalCluster of two worker processes; yields its scheduler address."""
    from distributed import LocalCluster

    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as local:
        yield local.scheduler_address


def _snapshot(url: str) -> dict:
    """Everything a run leaves in the store, as comparable JSON."""
    with open_store(url) as store:
        return {
            "events": sorted(
                (e.model_dump(mode="json") for e in store.events()), key=lambda e: e["event_id"]
            ),
            "reports": [r.model_dump(mode="json") for r in store.reports()],
            "articles": [a.model_dump(mode="json") for a in store.articles()],
            "rejects": [r.model_dump(mode="json") for r in store.rejects()],
            "copies": {
                k: [s.model_dump(mode="json") for s in v] for k, v in store.copies().items()
            },
            "counts": store.counts(),
        }


@pytest.fixture(scope="module")
def serial(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[RunSummary, dict]:
    """The serial run's summary and store."""
    url = f"sqlite:///{tmp_path_factory.mktemp('serial') / 'serial.db'}"
    summary = run_inputs([corpus], db_url=url, batch_size=BATCH)
    return summary, _snapshot(url)


def _run(corpus: Path, url: str, scheduler: str, **options: object) -> RunSummary:
    options.setdefault("task_bytes", TASK_BYTES)
    return run_batch([corpus], db_url=url, batch_size=BATCH, scheduler=scheduler, **options)


def test_batch_store_equals_serial_run(
    corpus: Path, cluster: str, serial: tuple[RunSummary, dict], sqlite_url: str
) -> None:
    serial_summary, serial_store = serial
    summary = _run(corpus, sqlite_url, cluster)
    assert _snapshot(sqlite_url) == serial_store
    assert (summary.articles, summary.events, summary.rejects) == (
        serial_summary.articles,
        serial_summary.events,
        serial_summary.rejects,
    )
    assert summary.events > 10


def test_batch_broken_inputs_rejected_and_the_rest_stored(
    corpus: Path, cluster: str, sqlite_url: str
) -> None:
    summary = _run(corpus, sqlite_url, cluster)
    extra = corpus / "extra"
    assert [(r.origin, r.reason.split(";")[0]) for r in summary.rejects] == [
        (str(extra / "broken.bin"), "unsupported file type .bin"),
        (f"{extra / 'more.jsonl'}:2", 'no publication date (add "published" to line 2)'),
        (f"{extra / 'more.jsonl'}:3", "not valid JSON (column 1: Expecting value)"),
    ]
    with open_store(sqlite_url) as store:
        assert [r.origin for r in store.rejects()] == [r.origin for r in summary.rejects]
        ids = {a.external_id for a in store.articles()}
    assert {"extra-goma", "extra-bamako", "sample-kherson-1"} <= ids
    assert summary.articles == 14 + 2 + 2


def test_batch_rerun_changes_nothing(
    corpus: Path, cluster: str, serial: tuple[RunSummary, dict], sqlite_url: str
) -> None:
    _run(corpus, sqlite_url, cluster)
    _run(corpus, sqlite_url, cluster, task_bytes=1 << 20)  # other tasks, same store
    assert _snapshot(sqlite_url) == serial[1]


def test_batch_interrupted_run_keeps_whole_batches_and_rerun_completes(
    corpus: Path, cluster: str, serial: tuple[RunSummary, dict], sqlite_url: str
) -> None:
    def interrupt(summary: RunSummary) -> None:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        _run(corpus, sqlite_url, cluster, on_batch=interrupt)
    with open_store(sqlite_url) as store:
        stored = len(store.articles()) + len(store.rejects())
    assert 0 < stored <= BATCH  # the first batch, whole; nothing of the second
    _run(corpus, sqlite_url, cluster)
    assert _snapshot(sqlite_url) == serial[1]


def test_batch_workers_load_the_model_once(corpus: Path, cluster: str, sqlite_url: str) -> None:
    from distributed import Client

    _run(corpus, sqlite_url, cluster)
    with Client(cluster) as client:
        loads = client.run(lambda: __import__("sitrep.resources").resources.nlp.cache_info())
    assert [info.misses for info in loads.values()] == [1, 1]


@pytest.mark.parametrize(
    "options", [{}, {"workers": 2, "scheduler": "tcp://127.0.0.1:1"}, {"workers": 0}]
)
def test_batch_needs_one_of_workers_or_scheduler(options: dict, sqlite_url: str) -> None:
    with pytest.raises(ConfigError):
        run_batch([], db_url=sqlite_url, **options)


def _records(records: list) -> list:
    return [(r.source, r.reason) if isinstance(r, InputError) else r.model_dump() for r in records]


@pytest.mark.parametrize("piece_bytes", [1, 50, 200, 10_000])
def test_batch_jsonl_slices_read_like_the_whole_file(tmp_path: Path, piece_bytes: int) -> None:
    path = tmp_path / "mixed.jsonl"
    good = json.dumps({"source": "S", "published": "2024-01-02", "text": "Shelling hit Kherson."})
    path.write_bytes(
        "\r\n".join([good, "", "{broken", good.replace("Kherson", "Izmail"), "\r", good]).encode()
    )
    pieces = list(plan_pieces([path], piece_bytes=piece_bytes))
    if piece_bytes < path.stat().st_size:
        assert all(p.stop is not None for p in pieces)
    if piece_bytes <= 50:
        assert len(pieces) > 2
    sliced = [record for piece in pieces for record in _read_piece(piece)]
    assert _records(sliced) == _records(list(read_file(path)))


def test_batch_jsonl_with_nul_bytes_stays_one_reject(tmp_path: Path) -> None:
    path = tmp_path / "binary.jsonl"
    path.write_bytes(b'{"text": "a"}\n' * 20 + b"\x00")
    assert list(plan_pieces([path], piece_bytes=16)) == [Piece(str(path), path.stat().st_size)]


def test_batch_tasks_group_small_files_in_order() -> None:
    pieces = [Piece(f"f{i}", size) for i, size in enumerate([10, 10, 100, 5, 5, 5])]
    tasks = list(plan_tasks(pieces, task_bytes=100, task_files=2))
    assert [[p.path for p in t] for t in tasks] == [["f0", "f1"], ["f2"], ["f3", "f4"], ["f5"]]


def test_cli_run_scheduler_exit_0_on_clean_input(cluster: str, sqlite_url: str) -> None:
    result = CliRunner().invoke(
        app, ["run", str(REPO / "samples"), "--db", sqlite_url, "--scheduler", cluster]
    )
    assert result.exit_code == 0, result.output
    assert "14 articles" in result.output


def test_cli_run_workers_and_scheduler_is_a_usage_error(sqlite_url: str) -> None:
    result = CliRunner().invoke(
        app, ["run", "x", "--db", sqlite_url, "--workers", "2", "--scheduler", "tcp://h:1"]
    )
    assert result.exit_code == 2
    assert "not both" in result.output


def test_cli_run_workers_2_matches_serial_and_exits_1_on_rejects(
    corpus: Path, serial: tuple[RunSummary, dict], tmp_path: Path
) -> None:
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    done = subprocess.run(
        [sys.executable, "-m", "sitrep", "run", str(corpus), "--db", url, "--workers", "2"],
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert done.returncode == 1, done.stderr
    lines = done.stderr.splitlines()
    assert f"rejected {corpus / 'extra' / 'broken.bin'}: unsupported file type .bin" in "\n".join(
        lines
    )
    assert lines[-1] == f"18 articles, {serial[0].events} events stored, 3 rejected"
    assert _snapshot(url)["events"] == serial[1]["events"]
