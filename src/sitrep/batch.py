"""Batch runner: ingest and extraction on a Dask cluster, the store written by the driver.

The CPU-heavy part (reading and parsing inputs, extracting reports) runs on Dask workers;
each worker process loads the spaCy model and the gazetteer once, on its first task,
through :mod:`sitrep.resources` (nothing heavy is pickled: a task is a list of file
pieces, its result the records read and the reports extracted). The driver plans tasks
lazily, keeps at most a few per worker thread in flight, and takes their results back in
input order: it cuts them into batches exactly as the serial run does and saves each with
``Store.save_batch`` in one transaction. The store therefore ends up identical to a serial
run's, whatever order the workers finish in, and a killed run leaves only whole batches.

Workers read the inputs themselves: with ``--scheduler`` they must see the same paths
(a shared file system, and the same working directory for relative paths).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING

from sitrep import pipeline, resources
from sitrep.errors import ConfigError, InputError
from sitrep.ingest import iter_files, read_file
from sitrep.ingest.jsonl import parse_line
from sitrep.ingest.text import decode_bytes
from sitrep.model import Article, Event, Rejected
from sitrep.pipeline import BATCH_SIZE, RunSummary

if TYPE_CHECKING:
    from distributed import Client

    from sitrep.store import Store

__all__ = ["Piece", "plan_pieces", "plan_tasks", "process_task", "run_batch"]

log = logging.getLogger(__name__)

TASK_BYTES = 256 * 1024
"""Input bytes per task; a larger JSON Lines file is split into line-aligned slices of this size."""
TASK_FILES = 8
"""Most files per task, so that a folder of small articles still spreads over the workers."""
TASKS_PER_THREAD = 3
"""Tasks in flight or waiting for their turn, per worker thread: the driver's memory bound."""
CONNECT_TIMEOUT = "5s"
WORKER_TIMEOUT = 60

Item = tuple[Article | Rejected, list[Event]]
"""One input record, in input order: an article and its reports, or a reject."""


@dataclass(frozen=True)
class Piece:
    """A unit of input: a whole file, or a line-aligned byte range of a large JSON Lines file."""

    path: str
    size: int = 0
    start: int = 0
    stop: int | None = None
    """End of the byte range; ``None`` reads the whole file through :func:`read_file`."""
    first_line: int = 1
    """Line number of the range's first line, for ``path:line`` origins."""


def plan_pieces(paths: Iterable[str | Path], *, piece_bytes: int = TASK_BYTES) -> Iterator[Piece]:
    """List the pieces of input under ``paths``, in the serial run's order.

    Args:
        paths: files and folders, as given to ``sitrep run``.
        piece_bytes: JSON Lines files larger than this are split into slices of about
            this size (scanned here without parsing, one slice in memory at a time).

    Returns:
        An iterator of pieces; reading them in order gives :func:`read_inputs`'s stream.
    """
    for path in iter_files(paths):
        size = _size(path)
        slices = _jsonl_slices(path, piece_bytes) if _splittable(path, size, piece_bytes) else None
        yield from slices or [Piece(str(path), size)]


def _size(path: Path) -> int:
    """File size in bytes; 0 when it cannot be read (the worker reports why)."""
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _splittable(path: Path, size: int, piece_bytes: int) -> bool:
    return path.suffix.lower() == ".jsonl" and size > piece_bytes


def _jsonl_slices(path: Path, piece_bytes: int) -> list[Piece] | None:
    """Cut a JSON Lines file after newlines; ``None`` when it must be read whole.

    A file with NUL bytes or only blank lines is one error in the serial run, and an
    unreadable one is reported by the worker: those stay whole so the reject is the same.
    """
    pieces: list[Piece] = []
    offset, line, blank = 0, 1, True
    try:
        with path.open("rb") as handle:
            while chunk := handle.read(piece_bytes):
                if not chunk.endswith(b"\n"):
                    chunk += handle.readline()
                if b"\x00" in chunk:
                    return None
                blank = blank and not chunk.strip()
                pieces.append(Piece(str(path), len(chunk), offset, offset + len(chunk), line))
                offset += len(chunk)
                # bytes.splitlines() is how read_jsonl numbers lines; a cut after b"\n"
                # keeps the slices' lines exactly the whole file's lines.
                line += len(chunk.splitlines())
    except OSError:
        return None
    return None if blank else pieces


def plan_tasks(
    pieces: Iterable[Piece], *, task_bytes: int = TASK_BYTES, task_files: int = TASK_FILES
) -> Iterator[list[Piece]]:
    """Group pieces into tasks of about ``task_bytes`` and at most ``task_files`` pieces.

    Args:
        pieces: from :func:`plan_pieces`.
        task_bytes: input bytes per task.
        task_files: pieces per task at most.

    Returns:
        An iterator of tasks, each a list of consecutive pieces.
    """
    task: list[Piece] = []
    size = 0
    for piece in pieces:
        task.append(piece)
        size += piece.size
        if size >= task_bytes or len(task) >= task_files:
            yield task
            task, size = [], 0
    if task:
        yield task


_LOAD_LOCK = threading.Lock()


def process_task(task: list[Piece]) -> list[Item]:
    """Read a task's pieces and extract their articles' reports (runs on a worker).

    The model and gazetteer are loaded on the worker's first task and cached for the
    process (:mod:`sitrep.resources`); a lock keeps threads of one worker from loading
    them twice.

    Args:
        task: pieces from :func:`plan_tasks`.

    Returns:
        One item per input record, in input order: ``(article, its reports)`` or
        ``(reject, [])`` for an unusable input.
    """
    with _LOAD_LOCK:
        resources.nlp()
    records = [record for piece in task for record in _read_piece(piece)]
    articles = [r for r in records if isinstance(r, Article)]
    reports = iter(pipeline.extract_reports(articles))
    return [
        (record, next(reports)) if isinstance(record, Article) else (_rejected(record), [])
        for record in records
    ]


def _read_piece(piece: Piece) -> Iterator[Article | InputError]:
    """Read a whole file, or one slice of a JSON Lines file line by line as read_jsonl does."""
    if piece.stop is None:
        yield from read_file(piece.path)
        return
    path = Path(piece.path)
    try:
        with path.open("rb") as handle:
            handle.seek(piece.start)
            data = handle.read(piece.stop - piece.start)
    except OSError as exc:
        yield InputError(
            str(path), f"cannot read file ({exc.strerror}); check it exists and is readable"
        )
        return
    for lineno, raw in enumerate(data.splitlines(), start=piece.first_line):
        if not raw.strip():
            continue
        origin = f"{path}:{lineno}"
        try:
            yield parse_line(decode_bytes(raw, origin), origin)
        except InputError as exc:
            yield exc


def _rejected(error: InputError) -> Rejected:
    return Rejected(origin=error.source, stage=error.stage, reason=error.reason)


def run_batch(
    paths: Iterable[Path | str],
    *,
    db_url: str | None = None,
    batch_size: int = BATCH_SIZE,
    workers: int | None = None,
    scheduler: str | None = None,
    task_bytes: int = TASK_BYTES,
    on_batch: Callable[[RunSummary], None] | None = None,
) -> RunSummary:
    """Run like :func:`sitrep.pipeline.run_inputs`, with ingest and extraction on Dask.

    Args:
        paths: files or folders to read (workers read them: same paths on every worker).
        db_url: store URL; SQLite file ``sitrep.db`` by default.
        batch_size: input records per batch and transaction, as in the serial run.
        workers: start a local cluster of this many worker processes (one thread each).
        scheduler: or connect to the Dask scheduler at this address.
        task_bytes: input bytes per task (see :data:`TASK_BYTES`).
        on_batch: called with the running summary after each saved batch.

    Returns:
        The run's summary; rejected inputs are also stored.

    Raises:
        ConfigError: neither or both of ``workers`` and ``scheduler``, or no scheduler there.
        StoreError: the store cannot be opened or written.
    """
    from sitrep.store import open_store

    if (workers is None) == (scheduler is None):
        raise ConfigError("give either --workers N or --scheduler ADDRESS, not both")
    if workers is not None and workers < 1:
        raise ConfigError(f"--workers must be at least 1, not {workers}")
    summary = RunSummary()
    with open_store(db_url) as store, _client(workers, scheduler) as client:
        _check_workers(client)
        tasks = plan_tasks(plan_pieces(paths, piece_bytes=task_bytes), task_bytes=task_bytes)
        window = TASKS_PER_THREAD * max(1, sum(client.nthreads().values()))
        items = (item for result in _in_order(client, tasks, window) for item in result)
        while batch := list(islice(items, batch_size)):
            _save(store, batch, summary)
            if on_batch is not None:
                on_batch(summary)
        summary.events = len(store.events())
    return summary


def _save(store: Store, batch: list[Item], summary: RunSummary) -> None:
    """Save one batch as the serial run does: its articles, their reports and its rejects."""
    articles = [record for record, _ in batch if isinstance(record, Article)]
    rejects = [record for record, _ in batch if isinstance(record, Rejected)]
    for reject in rejects:
        log.warning("rejected %s: %s", reject.origin, reject.reason)
    store.save_batch(articles, [event for _, reports in batch for event in reports], rejects)
    summary.articles += len(articles)
    summary.rejects.extend(rejects)


@contextmanager
def _client(workers: int | None, scheduler: str | None) -> Iterator[Client]:
    """A client of a new local cluster, or of the scheduler at ``scheduler``; closed on exit."""
    try:
        from distributed import Client, LocalCluster
    except ImportError as exc:
        raise ConfigError(
            "Dask is not installed; pip install 'dask[distributed]' to use --workers"
        ) from exc
    # distributed sets its loggers to INFO on import; its lifecycle chatter is not ours.
    logging.getLogger("distributed").setLevel(logging.WARNING)
    if scheduler is not None:
        try:
            client = Client(scheduler, timeout=CONNECT_TIMEOUT)
        except (OSError, TimeoutError) as exc:
            raise ConfigError(
                f"cannot reach the Dask scheduler at {scheduler} ({exc}); "
                "start one (dask scheduler) or use --workers N"
            ) from exc
        with client:
            yield client
        return
    with (
        LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address=None,
            silence_logs=logging.ERROR,  # a Ctrl-C makes workers warn of cancelled tasks
        ) as cluster,
        Client(cluster) as client,
    ):
        yield client


def _check_workers(client: Client) -> None:
    """Fail fast when there is no worker, or one cannot import sitrep (its tasks would hang)."""
    import importlib

    try:
        client.wait_for_workers(1, timeout=WORKER_TIMEOUT)
    except TimeoutError as exc:
        raise ConfigError(
            f"no Dask worker joined {client.scheduler.address} within {WORKER_TIMEOUT} s; "
            "start some (dask worker ADDRESS)"
        ) from exc
    try:
        client.run(importlib.import_module, __name__)
    except (ImportError, SyntaxError) as exc:
        raise ConfigError(
            f"a Dask worker cannot import {__name__} ({exc}); "
            "install the same sitrep on every worker"
        ) from exc


def _in_order(client: Client, tasks: Iterator[list[Piece]], window: int) -> Iterator[list[Item]]:
    """Run tasks on the cluster and yield their results in task order.

    At most ``window`` tasks are running or finished but waiting for an earlier one, so
    neither the inputs nor the results are ever all in memory. Results arrive as they
    complete; a worker's exception (a bug, not a bad input) is raised here.
    """
    from distributed import as_completed

    running = as_completed()
    index: dict[object, int] = {}
    ready: dict[int, list[Item]] = {}
    submitted = yielded = 0

    def submit() -> None:
        nonlocal submitted
        task = next(tasks, None)
        if task is not None:
            future = client.submit(process_task, task, pure=False)
            index[future.key] = submitted
            running.add(future)
            submitted += 1

    try:
        for _ in range(window):
            submit()
        for future in running:
            ready[index.pop(future.key)] = future.result()
            future.release()
            while yielded in ready:
                yield ready.pop(yielded)
                yielded += 1
                submit()
    finally:
        running.clear()
