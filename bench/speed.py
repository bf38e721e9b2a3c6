"""Speed: sitrep end to end against spaCy's own ``nlp.pipe`` on the same article texts.

Usage (from the repo root):
    .venv/bin/python bench/speed.py                  # print the markdown report
    .venv/bin/python bench/speed.py --write          # also replace the speed section of docs/benchmarks.md
    .venv/bin/python bench/speed.py --repeat 3       # best of 3 runs each (alternating)
    .venv/bin/python bench/speed.py --profile        # add the functions with the most own time (cProfile run)

Corpus, read at run time from ``shared/`` (never copied): ``eval/dev.jsonl``, ``seed/``, the
external sets with full article texts (GeoWebNews, LGL sample, TR-News, GeoVirus), plus the
repo's ``samples/``; duplicates (same content id) are kept once.  Articles without a
publication date get a placeholder date (2018-01-01), which only moves relative dates.

Measured, one process each, warm-up excluded (both pipelines first run on a few texts):
1. spaCy: ``list(nlp.pipe(texts))`` with the bare model as packaged (every default
   component on, default batch size).
2. sitrep: in-memory :class:`~sitrep.model.Article` batches of ``pipeline.BATCH_SIZE``
   through :func:`sitrep.pipeline.save_articles` (sentence split, candidate parse,
   geoparse, dates, extraction, merge with the stored events, save) into a fresh SQLite
   file.  Per-stage times come from light timers wrapped around the stage functions that
   ``pipeline`` calls, during that same run.
Model and gazetteer load times are reported separately.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import json
import platform
import pstats
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from docs_sections import commit_label, replace_section

from sitrep import pipeline, resources
from sitrep.extract.events import candidate_sentences
from sitrep.extract.sentences import split_sentences
from sitrep.ingest import read_inputs
from sitrep.model import Article
from sitrep.store import Store, open_store

REPO = Path(__file__).resolve().parents[1]
DOCS = REPO / "docs" / "benchmarks.md"
DEFAULT_SHARED = REPO.parent / "shared"
JSONL_SETS = {
    "dev": "eval/dev.jsonl",
    "geowebnews": "eval/external/geowebnews/geowebnews.jsonl",
    "lgl": "eval/external/lgl/lgl-sample300.jsonl",
    "tr-news": "eval/external/tr-news/tr-news.jsonl",
    "geovirus": "eval/external/geovirus/geovirus.jsonl",
}
FOLDERS = {"seed": "seed", "samples": None}  # None: the repo's own samples/
PLACEHOLDER_DATE = dt.date(2018, 1, 1)
WARMUP_TEXTS = 5
TARGET_RATIO = 2.0
MARK_BEGIN = "<!-- speed:begin (written by bench/speed.py; edit outside the markers) -->"
MARK_END = "<!-- speed:end -->"


@dataclass
class Corpus:
    """The benchmark articles and where they came from."""

    articles: list[Article]
    sets: dict[str, int]

    @property
    def words(self) -> int:
        """Whitespace-separated words over all texts."""
        return sum(len(a.text.split()) for a in self.articles)

    def candidate_share(self) -> tuple[int, int]:
        """(candidate sentences, all sentences): how much of the text sitrep parses."""
        split = [split_sentences(a.text) for a in self.articles]
        return sum(len(candidate_sentences(s)) for s in split), sum(len(s) for s in split)


@dataclass
class StageTimes:
    """Seconds spent in each stage function, summed over a run."""

    seconds: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    calls: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    outermost: float = 0.0
    """Seconds inside any timed stage, counting a stage called inside another once."""
    depth: int = 0


def load_corpus(shared: Path, only: set[str] | None = None) -> Corpus:
    """Read the benchmark articles (of the ``only`` sets, if given), each text once, in a fixed order."""
    seen: set[str] = set()
    articles: list[Article] = []
    sets: dict[str, int] = {}
    for name, path in _corpus_sources(shared):
        if only and name not in only:
            continue
        batch = _read_jsonl(path, name) if path.suffix == ".jsonl" else _read_folder(path)
        fresh = [a for a in batch if a.id not in seen]
        seen.update(a.id for a in fresh)
        articles.extend(fresh)
        sets[name] = len(fresh)
    return Corpus(articles, sets)


def _corpus_sources(shared: Path) -> list[tuple[str, Path]]:
    sources = [(name, shared / rel) for name, rel in JSONL_SETS.items()]
    sources += [(name, shared / rel if rel else REPO / "samples") for name, rel in FOLDERS.items()]
    missing = [str(p) for _, p in sources if not p.exists()]
    if missing:
        raise SystemExit(f"speed: corpus files missing: {', '.join(missing)} (use --shared DIR)")
    return sources


def _read_jsonl(path: Path, name: str) -> list[Article]:
    """Articles of a gold JSONL file; a missing date becomes the placeholder."""
    articles = []
    for line in path.open(encoding="utf-8"):
        row = json.loads(line)
        if not row.get("text", "").strip():
            continue
        published = dt.date.fromisoformat(row["published"]) if row.get("published") else None
        articles.append(
            Article.from_text(
                row["text"],
                published=published or PLACEHOLDER_DATE,
                source=row.get("source") or name,
                title=row.get("title"),
                url=row.get("url"),
                external_id=row.get("doc_id"),
                origin=f"{path.name}:{row.get('doc_id')}",
            )
        )
    return articles


def _read_folder(path: Path) -> list[Article]:
    """Good articles of a folder read by sitrep's own ingest (rejects are skipped)."""
    return [a for a in read_inputs([path]) if isinstance(a, Article)]


def bench_spacy(texts: list[str]) -> float:
    """Seconds for spaCy's full pipeline over ``texts`` (model already loaded and warm)."""
    nlp = _bare_nlp()
    start = time.perf_counter()
    for _ in nlp.pipe(texts):
        pass
    return time.perf_counter() - start


def _bare_nlp() -> Any:
    """spaCy's model as packaged, loaded once per process."""
    global _BARE
    if _BARE is None:
        import spacy

        _BARE = spacy.load(resources.MODEL_NAME)
    return _BARE


_BARE: Any = None


def bench_sitrep(articles: list[Article], times: StageTimes | None = None) -> tuple[float, int]:
    """Seconds for sitrep end to end into a fresh SQLite file, and the events stored."""
    with tempfile.TemporaryDirectory() as tmp, open_store(f"sqlite:///{tmp}/speed.db") as store:
        with _stage_timers(times) if times is not None else _no_timers():
            start = time.perf_counter()
            _run_sitrep(store, articles)
            seconds = time.perf_counter() - start
        return seconds, store.counts()["events"]


def _run_sitrep(store: Store, articles: list[Article]) -> None:
    for i in range(0, len(articles), pipeline.BATCH_SIZE):
        pipeline.save_articles(store, articles[i : i + pipeline.BATCH_SIZE], [])


@contextmanager
def _no_timers() -> Iterator[None]:
    yield


def _stage_targets() -> list[tuple[Any, str, str]]:
    """(owner, attribute, label) of the stage functions as pipeline and the store reach them.

    A function a module no longer uses is skipped, so the timers follow refactors.
    """
    import sitrep.store

    targets = [
        (pipeline, "split_sentences", "split sentences"),
        (pipeline, "candidate_sentences", "candidate sentences"),
        (pipeline, "_name_spans", "PERSON/ORG spans"),
        (pipeline.geo, "geoparse", "geoparse"),
        (pipeline.dates, "find_dates", "dates"),
        (pipeline, "extract_events", "extract events"),
        (pipeline, "merge_events", "merge"),
        (sitrep.store, "merge_events", "merge (in the store)"),
        (Store, "events", "store: read events"),
        (Store, "save_batch", "store: save batch"),
    ]
    return [t for t in targets if hasattr(t[0], t[1])]


@contextmanager
def _stage_timers(times: StageTimes) -> Iterator[None]:
    """Wrap each stage function (and the spaCy stream) with a timer, restore on exit."""
    nlp = resources.nlp()
    originals = [(owner, attr, getattr(owner, attr)) for owner, attr, _ in _stage_targets()]
    try:
        for (owner, attr, label), (_, _, fn) in zip(_stage_targets(), originals, strict=True):
            setattr(owner, attr, _timed(fn, label, times))
        nlp.pipe = _timed_stream(nlp.pipe, "spaCy parse (candidates)", times)
        yield
    finally:
        for owner, attr, fn in originals:
            setattr(owner, attr, fn)
        del nlp.pipe  # back to the class method


def _timed(fn: Callable[..., Any], label: str, times: StageTimes) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        times.depth += 1
        try:
            return fn(*args, **kwargs)
        finally:
            times.depth -= 1
            elapsed = time.perf_counter() - start
            times.seconds[label] += elapsed
            times.calls[label] += 1
            if times.depth == 0:
                times.outermost += elapsed

    return wrapper


def _timed_stream(pipe: Callable[..., Iterator[Any]], label: str, times: StageTimes) -> Any:
    """``nlp.pipe`` whose time is counted only while it produces docs."""

    def wrapper(texts: Any, **kwargs: Any) -> Iterator[Any]:
        docs = pipe(texts, **kwargs)
        while True:
            start = time.perf_counter()
            try:
                doc = next(docs)
            except StopIteration:
                return
            finally:
                elapsed = time.perf_counter() - start
                times.seconds[label] += elapsed
                if times.depth == 0:
                    times.outermost += elapsed
            times.calls[label] += 1
            yield doc

    return wrapper


def load_times() -> dict[str, float]:
    """Seconds to load each resource once (spaCy itself is already imported by sitrep)."""
    out = {}
    start = time.perf_counter()
    _bare_nlp()
    out["spaCy model, bare (spacy.load)"] = time.perf_counter() - start
    start = time.perf_counter()
    resources.gazetteer()
    out["sitrep gazetteer (resources.gazetteer)"] = time.perf_counter() - start
    start = time.perf_counter()
    resources.nlp()
    out["sitrep model (resources.nlp: spacy.load + place fix)"] = time.perf_counter() - start
    return out


def warm_up(corpus: Corpus) -> None:
    """Run both pipelines on a few texts so lazy set-up is not timed."""
    sample = corpus.articles[:WARMUP_TEXTS]
    bench_spacy([a.text for a in sample])
    bench_sitrep(sample)


def profile_sitrep(articles: list[Article], top: int) -> list[tuple[str, float, float]]:
    """(function, own seconds, cumulative seconds) of the functions with the most own time."""
    profiler = cProfile.Profile()
    profiler.enable()
    bench_sitrep(articles)
    profiler.disable()
    stats = pstats.Stats(profiler)
    rows = [
        (_function_name(key), values[2], values[3])
        for key, values in stats.stats.items()  # type: ignore[attr-defined]
    ]
    return sorted(rows, key=lambda r: r[1], reverse=True)[:top]


def _function_name(key: tuple[str, int, str]) -> str:
    filename, line, name = key
    for marker in ("site-packages/", "src/"):
        if marker in filename:
            filename = filename.split(marker, 1)[1]
    return f"{filename}:{line}:{name}" if line else name


@dataclass
class Result:
    """Everything the report shows."""

    corpus: Corpus
    loads: dict[str, float]
    spacy_runs: list[float]
    sitrep_runs: list[float]
    events: int
    stages: StageTimes
    hot: list[tuple[str, float, float]]
    command: str


def run(shared: Path, only: set[str] | None, repeat: int, profile_top: int, command: str) -> Result:
    """Load, warm up, then time spaCy and sitrep alternately ``repeat`` times."""
    corpus = load_corpus(shared, only)
    loads = load_times()
    warm_up(corpus)
    texts = [a.text for a in corpus.articles]
    spacy_runs, sitrep_runs = [], []
    stages = StageTimes()
    events = 0
    for attempt in range(repeat):
        spacy_runs.append(bench_spacy(texts))
        times = StageTimes()
        seconds, events = bench_sitrep(corpus.articles, times)
        if not sitrep_runs or seconds < min(sitrep_runs):
            stages = times
        sitrep_runs.append(seconds)
        print(
            f"run {attempt + 1}/{repeat}: spaCy {spacy_runs[-1]:.1f} s, sitrep {seconds:.1f} s",
            file=sys.stderr,
        )
    hot = profile_sitrep(corpus.articles, profile_top) if profile_top else []
    return Result(corpus, loads, spacy_runs, sitrep_runs, events, stages, hot, command)


def markdown(result: Result) -> str:
    """The speed section of docs/benchmarks.md."""
    corpus = result.corpus
    n, words = len(corpus.articles), corpus.words
    spacy_s, sitrep_s = min(result.spacy_runs), min(result.sitrep_runs)
    ratio = spacy_s / sitrep_s
    verdict = "meets" if ratio >= TARGET_RATIO else "misses"
    machine = f"{platform.system()} {platform.machine()}, Python {platform.python_version()}"
    sets = ", ".join(f"{name} {count}" for name, count in corpus.sets.items())
    candidates, sentences = corpus.candidate_share()
    lines = [
        MARK_BEGIN,
        f"Run {dt.date.today().isoformat()} at commit `{commit_label()}` on {machine}, "
        f"{_cpu_count()} CPUs, one process:",
        "",
        "```",
        result.command,
        "```",
        "",
        f"Corpus: {n} articles, {words:,} words ({sets}); read from `shared/` at run time; "
        f"sitrep parses {candidates:,} of {sentences:,} sentences ({candidates / sentences:.0%}).",
        f"Best of {len(result.sitrep_runs)} run(s) each, after a warm-up on "
        f"{WARMUP_TEXTS} texts; load times below are not in the runs.",
        "",
        "| pipeline | seconds | articles/s | words/s |",
        "|---|---|---|---|",
        _rate_row("spaCy `nlp.pipe`, full model", spacy_s, n, words),
        _rate_row("sitrep end to end (SQLite)", sitrep_s, n, words),
        "",
        f"sitrep / spaCy articles/s: **{ratio:.2f}x** ({verdict} the {TARGET_RATIO:g}x target); "
        f"{result.events} events stored.",
        "",
        "| load (once per process) | seconds |",
        "|---|---|",
    ]
    lines += [f"| {name} | {seconds:.2f} |" for name, seconds in result.loads.items()]
    lines += ["", *_stage_table(result.stages, sitrep_s)]
    if result.hot:
        lines += ["", *_hot_table(result.hot)]
    lines += [MARK_END]
    return "\n".join(lines) + "\n"


def _rate_row(name: str, seconds: float, articles: int, words: int) -> str:
    return f"| {name} | {seconds:.1f} | {articles / seconds:.1f} | {words / seconds:,.0f} |"


def _stage_table(stages: StageTimes, total: float) -> list[str]:
    lines = [
        "Where sitrep's time goes (timers around each stage, same run; a stage called "
        "inside another, such as a merge inside the store's save, is counted in both rows):",
        "",
        "| stage | calls | seconds | share |",
        "|---|---|---|---|",
    ]
    for label, seconds in sorted(stages.seconds.items(), key=lambda kv: -kv[1]):
        lines.append(f"| {label} | {stages.calls[label]} | {seconds:.2f} | {seconds / total:.0%} |")
    rest = total - stages.outermost
    lines.append(f"| other (batching, pydantic, glue) | – | {rest:.2f} | {rest / total:.0%} |")
    return lines


def _hot_table(hot: list[tuple[str, float, float]]) -> list[str]:
    lines = [
        "Functions with the most own time (separate cProfile run; profiling inflates Python "
        "code against spaCy's compiled code):",
        "",
        "| function | own s | cumulative s |",
        "|---|---|---|",
    ]
    lines += [f"| `{name}` | {own:.2f} | {cum:.2f} |" for name, own, cum in hot]
    return lines


def _cpu_count() -> int:
    import os

    return os.cpu_count() or 1


def write_docs(section: str) -> None:
    """Replace the speed section of docs/benchmarks.md (appended after the rest if absent)."""
    replace_section(MARK_BEGIN, MARK_END, section, heading="## Speed")


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; see the module docstring."""
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--shared", type=Path, default=DEFAULT_SHARED, help="the shared data folder")
    ap.add_argument(
        "--sets", help=f"comma-separated subset of {', '.join([*JSONL_SETS, *FOLDERS])}"
    )
    ap.add_argument("--repeat", type=int, default=1, help="runs of each pipeline; the best counts")
    ap.add_argument(
        "--profile", type=int, nargs="?", const=15, default=0, metavar="N",
        help="list the N functions with the most own time (default 15)",
    )  # fmt: skip
    ap.add_argument(
        "--write", action="store_true", help="replace the section in docs/benchmarks.md"
    )
    args = ap.parse_args(argv)
    command = "python bench/speed.py " + " ".join(sys.argv[1:] if argv is None else argv)
    only = set(args.sets.split(",")) if args.sets else None
    result = run(args.shared, only, max(1, args.repeat), args.profile, command.strip())
    section = markdown(result)
    print(section)
    if args.write:
        write_docs(section)
    return 0


if __name__ == "__main__":
    sys.exit(main())
