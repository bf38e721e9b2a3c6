"""Scale: ``sitrep run`` serial against the Dask batch runner on the same corpus.

Usage (from the repo root):
    .venv/bin/python bench/scale.py                  # print the markdown report
    .venv/bin/python bench/scale.py --write          # also replace the scale section of docs/benchmarks.md
    .venv/bin/python bench/scale.py --workers 4      # another cluster size
    .venv/bin/python bench/scale.py --sets dev,tr-news

Corpus: the one of ``bench/speed.py`` (``load_corpus``: shared eval sets, seed, samples; a
missing publication date becomes a placeholder), written to one temporary JSON Lines file
so that both runs also parse their input. Measured, each into a fresh SQLite file with the
default batch size:
1. serial: :func:`sitrep.pipeline.run_inputs`, model and gazetteer loaded beforehand;
2. Dask, cluster up: :func:`sitrep.batch.run_batch` on a running LocalCluster
   (``--scheduler``) whose workers have already loaded the model;
3. Dask, cold: ``run_batch(workers=N)``, which starts the cluster and loads the model on
   every worker, as ``sitrep run --workers N`` does.
The stored events of each Dask run are compared with the serial run's.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from docs_sections import replace_section
from speed import DEFAULT_SHARED, Corpus, load_corpus

from sitrep import resources
from sitrep.batch import run_batch
from sitrep.pipeline import RunSummary, run_inputs
from sitrep.store import open_store

REPO = Path(__file__).resolve().parents[1]
DOCS = REPO / "docs" / "benchmarks.md"
MARK_BEGIN = "<!-- scale:begin (written by bench/scale.py; edit outside the markers) -->"
MARK_END = "<!-- scale:end -->"


def write_corpus(corpus: Corpus, path: Path) -> None:
    """Write the corpus as JSON Lines, one article per line."""
    with path.open("w", encoding="utf-8") as out:
        for a in corpus.articles:
            row = {"doc_id": a.external_id, "source": a.source, "title": a.title, "text": a.text}
            out.write(json.dumps({**row, "published": a.published.isoformat()}) + "\n")


def timed(run: Callable[[str], RunSummary], db: Path) -> tuple[float, RunSummary, dict[str, dict]]:
    """Run into a fresh store; return seconds, the summary and the stored events."""
    url = f"sqlite:///{db}"
    start = time.perf_counter()
    summary = run(url)
    seconds = time.perf_counter() - start
    with open_store(url) as store:
        events = {e.event_id: e.model_dump(mode="json") for e in store.events()}
    return seconds, summary, events


def _warm_worker() -> None:
    """Load the model and gazetteer in a worker process (the batch runner's lazy loader)."""
    resources.nlp()


def difference(events: dict[str, dict], expected: dict[str, dict]) -> str:
    """How a run's stored events differ from the serial run's: "none", or what differs."""
    if events == expected:
        return "none"
    if set(events) != set(expected):
        return f"{len(set(events) ^ set(expected))} event ids"
    fields = sorted({f for k, e in events.items() for f in e if e[f] != expected[k][f]})
    changed = sum(e != expected[k] for k, e in events.items())
    return f"{changed} events, in {', '.join(fields)}"


def measure(jsonl: Path, workers: int, tmp: Path) -> list[tuple[str, float, RunSummary, str]]:
    """Time the three runs; each row: label, seconds, summary, difference from serial."""
    from distributed import Client, LocalCluster

    resources.nlp()
    serial_s, serial, expected = timed(lambda url: run_inputs([jsonl], db_url=url), tmp / "s.db")
    rows = [("serial (`sitrep run`)", serial_s, serial, "-")]
    seconds, summary, events = timed(
        lambda url: run_inputs([jsonl], db_url=url, batch_size=16), tmp / "s16.db"
    )
    rows.append(("serial, `--batch-size 16`", seconds, summary, difference(events, expected)))
    with (
        LocalCluster(
            n_workers=workers, threads_per_worker=1, dashboard_address=None, host="127.0.0.1"
        ) as cluster,
        Client(cluster) as client,
    ):
        client.run(_warm_worker)
        up = cluster.scheduler_address
        seconds, summary, events = timed(
            lambda url: run_batch([jsonl], db_url=url, scheduler=up), tmp / "up.db"
        )
    rows.append((f"Dask, {workers} workers, cluster up (`--scheduler`)", seconds, summary,
                 difference(events, expected)))  # fmt: skip
    seconds, summary, events = timed(
        lambda url: run_batch([jsonl], db_url=url, workers=workers), tmp / "cold.db"
    )
    rows.append((f"Dask, `--workers {workers}` (starts cluster, loads model)", seconds, summary,
                 difference(events, expected)))  # fmt: skip
    return rows


def markdown(corpus: Corpus, workers: int, rows: list[tuple[str, float, RunSummary, str]]) -> str:
    """The report, between the scale markers."""
    serial_s = rows[0][1]
    sets = ", ".join(f"{k} {v}" for k, v in corpus.sets.items())
    lines = [
        MARK_BEGIN,
        f"Run {dt.date.today()} on {platform.system()} {platform.machine()}, Python "
        f"{platform.python_version()}, {os.cpu_count()} CPUs:",
        "",
        "```",
        f"python bench/scale.py --workers {workers} --write",
        "```",
        "",
        f"Corpus: {len(corpus.articles)} articles ({sets}), one JSON Lines file; "
        "default batch size; fresh SQLite store per run.",
        "",
        "| run | seconds | articles/s | vs serial | events | events differing from serial |",
        "|---|---|---|---|---|---|",
    ]
    for label, seconds, summary, same in rows:  # same: difference from serial
        lines.append(
            f"| {label} | {seconds:.1f} | {summary.articles / seconds:.1f} | "
            f"{serial_s / seconds:.2f}x | {summary.events} | {same} |"
        )
    lines += [
        "",
        "The driver writes and merges every batch itself while the workers extract, so on a "
        "machine with as many cores as workers the driver competes with them; the gain grows "
        "with more cores than workers, or workers on other machines. The last column compares "
        "every stored event with the serial run's; extraction depends on the article alone "
        "(the learned source region is an opt-in of serial runs), so it should read none.",
        MARK_END,
    ]
    return "\n".join(lines) + "\n"


def write_docs(section: str) -> None:
    """Replace the scale section of docs/benchmarks.md (appended at the end if absent)."""
    replace_section(MARK_BEGIN, MARK_END, section, heading="## Scaling out (Dask)")


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; see the module docstring."""
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--shared", type=Path, default=DEFAULT_SHARED, help="the shared data folder")
    ap.add_argument("--sets", help="comma-separated subset of bench/speed.py's sets")
    ap.add_argument("--workers", type=int, default=2, help="Dask worker processes")
    ap.add_argument(
        "--write", action="store_true", help="replace the section in docs/benchmarks.md"
    )
    args = ap.parse_args(argv)
    corpus = load_corpus(args.shared, set(args.sets.split(",")) if args.sets else None)
    with tempfile.TemporaryDirectory() as tmp:
        jsonl = Path(tmp) / "corpus.jsonl"
        write_corpus(corpus, jsonl)
        rows = measure(jsonl, args.workers, Path(tmp))
    section = markdown(corpus, args.workers, rows)
    print(section)
    if args.write:
        write_docs(section)
    return 0 if all(same in {"-", "none"} for *_, same in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
