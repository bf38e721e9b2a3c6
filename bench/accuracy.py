"""Accuracy gate: score sitrep on the gold sets, write docs/benchmarks.md, fail on a drop.

Usage (from the repo root):
    .venv/bin/python bench/accuracy.py                       # run, write the table, check floors
    .venv/bin/python bench/accuracy.py --update-baseline     # raise floors to today's scores
    .venv/bin/python bench/accuracy.py --lower-floors "why"  # accept lower scores, with a reason
    .venv/bin/python bench/accuracy.py --no-write            # check only, leave the docs alone

Event sets: ``seed.jsonl`` and ``dev.jsonl`` from ``../shared/eval`` (read, never copied or
edited), scored by :func:`sitrep.eval.report.evaluate` with the full pipeline.  Toponym
sets (GeoWebNews, LGL, TR-News, GeoVirus) score geocoding alone through
``bench/geo_toponyms.py`` when that script is present; their rows are left out otherwise.
PLOVER-GSR and the UCDP GED sample are not SCHEMA.md event gold (no article-level events,
placeholder dates, headline-only text), so they are not gated here; bench/external_events.py
reports them as signals.

Like trafilatura's ``tests/eval_gate.py``, floors live in ``bench/baseline.json`` with a
sha256 digest of every gold file they were measured on.  A score below its floor (or above
its ceiling, for error counts and km) fails the run with exit status 1.  Raising floors is
a normal commit (``--update-baseline``); lowering one needs ``--lower-floors REASON``,
and the reason is kept in the baseline's log.  A changed gold file fails the run until the
baseline is re-made, because scores on different gold are not comparable.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import importlib.util
import json
import logging
import platform
import sys
import time
from pathlib import Path
from types import ModuleType
from typing import Any

from docs_sections import commit_label, replace_section

from sitrep.errors import SitrepError
from sitrep.eval.report import evaluate
from sitrep.eval.score import Scores

log = logging.getLogger("bench.accuracy")

REPO = Path(__file__).resolve().parents[1]
BENCH = REPO / "bench"
BASELINE = BENCH / "baseline.json"
DOCS = REPO / "docs" / "benchmarks.md"
DEFAULT_SHARED = REPO.parent / "shared" / "eval"
EVENT_SETS = {"seed": "seed.jsonl", "dev": "dev.jsonl"}
# Floors are stored rounded to 4 decimals, as the scores are; EPSILON only absorbs the
# float representation of that rounding, never a real drop.
EPSILON = 1e-9
HIGHER_IS_BETTER = (
    "detection.precision",
    "detection.recall",
    "detection.f1",
    "event_type_acc",
    "sub_event_type_acc",
    "date_overlap",
    "date_exact",
    "admin1_acc",
    "fatalities_best_acc",
    "claim_status_acc",
    "actor_side_acc",
    "merge.precision",
    "merge.recall",
    "merge.f1",
    "acc161",
)
LOWER_IS_BETTER = ("invented_from_non_events", "km_median", "km_p90")
MARK_BEGIN = "<!-- accuracy:begin (written by bench/accuracy.py; edit outside the markers) -->"
MARK_END = "<!-- accuracy:end -->"
COLUMNS = (
    ("set", "set"),
    ("docs", "n_docs"),
    ("gold", "n_gold"),
    ("pred", "n_pred"),
    ("P", "detection.precision"),
    ("R", "detection.recall"),
    ("F1", "detection.f1"),
    ("invented", "invented_from_non_events"),
    ("type", "event_type_acc"),
    ("sub-type", "sub_event_type_acc"),
    ("date exact", "date_exact"),
    ("date overlap", "date_overlap"),
    ("admin1", "admin1_acc"),
    ("km median", "km_median"),
    ("km p90", "km_p90"),
    ("acc@161 km", "acc161"),
    ("fatalities", "fatalities_best_acc"),
    ("claims", "claim_status_acc"),
    ("sides", "actor_side_acc"),
    ("merge F1", "merge.f1"),
)


def flatten(scores: dict[str, Any]) -> dict[str, Any]:
    """``{"detection": {"f1": x}}`` -> ``{"detection.f1": x}``."""
    out: dict[str, Any] = {}
    for key, value in scores.items():
        if isinstance(value, dict):
            out.update({f"{key}.{k}": v for k, v in value.items()})
        else:
            out[key] = value
    return out


def sha256(path: Path) -> str:
    """Digest of a gold file's bytes."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def run_event_sets(shared: Path) -> tuple[dict[str, dict[str, Any]], dict[str, str]]:
    """Score the pipeline on each event gold set; also return the files' digests."""
    rows: dict[str, dict[str, Any]] = {}
    digests: dict[str, str] = {}
    for name, filename in EVENT_SETS.items():
        path = shared / filename
        digests[filename] = sha256(path)
        started = time.perf_counter()
        scores: Scores = evaluate([path]).scores
        log.info("%s scored in %.1f s", name, time.perf_counter() - started)
        rows[name] = {"set": name, **flatten(scores.to_dict())}
    return rows, digests


def load_geo_toponyms() -> ModuleType | None:
    """bench/geo_toponyms.py as a module, or None when it is absent or lacks the interface."""
    path = BENCH / "geo_toponyms.py"
    if not path.is_file():
        return None
    spec = importlib.util.spec_from_file_location("geo_toponyms", path)
    if spec is None or spec.loader is None:
        return None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    if not all(hasattr(module, a) for a in ("SETS", "bench_set", "Gazetteer")):
        log.warning("bench/geo_toponyms.py lacks SETS/bench_set/Gazetteer; toponym rows left out")
        return None
    return module


def run_toponym_sets(shared: Path) -> tuple[dict[str, dict[str, Any]], dict[str, str]]:
    """Geocoding-only rows from bench/geo_toponyms.py (empty when it is not there)."""
    module = load_geo_toponyms()
    if module is None:
        return {}, {}
    gazetteer = module.Gazetteer.open_default()
    rows: dict[str, dict[str, Any]] = {}
    digests: dict[str, str] = {}
    for name, rel in module.SETS.items():
        # geo_toponyms keys paths under shared/eval/.
        path = shared / rel
        if not path.is_file():
            log.warning("toponym set %s not found at %s; row left out", name, path)
            continue
        digests[rel] = sha256(path)
        r = module.bench_set(gazetteer, path, name)
        rows[f"geo:{name}"] = {
            "set": f"{name} (toponyms)",
            "n_gold": r["spans"],
            "km_median": round(r["median"], 1),
            "km_p90": round(r["p90"], 1),
            "acc161": round(r["acc161"], 4),
        }
    return rows, digests


def check(
    rows: dict[str, dict[str, Any]], digests: dict[str, str], baseline: dict[str, Any]
) -> list[str]:
    """Every way today's run falls short of the baseline, one line each."""
    problems = []
    for filename, digest in sorted(digests.items()):
        known = baseline.get("gold_sha256", {}).get(filename)
        if known is not None and known != digest:
            problems.append(
                f"gold file {filename} changed (sha256 {digest[:12]} != {known[:12]}): scores are not "
                "comparable; re-baseline with --lower-floors 'gold changed: ...'"
            )
    for kind, better in (("floors", "at least"), ("ceilings", "at most")):
        for set_name, limits in baseline.get(kind, {}).items():
            row = rows.get(set_name)
            if row is None:
                log.warning("baseline has %s for %s, which was not run", kind, set_name)
                continue
            for metric, limit in limits.items():
                value = row.get(metric)
                if value is None:
                    problems.append(
                        f"{set_name} {metric}: undefined, baseline needs {better} {limit}"
                    )
                elif (kind == "floors" and value < limit - EPSILON) or (
                    kind == "ceilings" and value > limit + EPSILON
                ):
                    problems.append(
                        f"{set_name} {metric}: {value} is below the floor {limit}"
                        if kind == "floors"
                        else f"{set_name} {metric}: {value} is above the ceiling {limit}"
                    )
    return problems


def new_baseline(
    rows: dict[str, dict[str, Any]],
    digests: dict[str, str],
    old: dict[str, Any],
    reason: str | None,
) -> tuple[dict[str, Any], list[str]]:
    """Floors and ceilings set to today's scores, and the limits that this would loosen."""
    floors: dict[str, dict[str, float]] = {}
    ceilings: dict[str, dict[str, float]] = {}
    loosened = []
    for set_name, row in rows.items():
        for metric in HIGHER_IS_BETTER:
            if row.get(metric) is not None:
                floors.setdefault(set_name, {})[metric] = row[metric]
        for metric in LOWER_IS_BETTER:
            if row.get(metric) is not None:
                ceilings.setdefault(set_name, {})[metric] = row[metric]
    for kind, new in (("floors", floors), ("ceilings", ceilings)):
        for set_name, limits in old.get(kind, {}).items():
            for metric, limit in limits.items():
                value = new.get(set_name, {}).get(metric)
                if value is None or (value < limit if kind == "floors" else value > limit):
                    loosened.append(f"{set_name} {metric}: {limit} -> {value}")
    if any(old.get("gold_sha256", {}).get(f) not in (None, d) for f, d in digests.items()):
        loosened.append("gold files changed")
    entry = {
        "date": dt.date.today().isoformat(),
        "commit": commit_label(),
        "change": "lowered: " + "; ".join(loosened) if loosened else "raised or unchanged",
    }
    if reason:
        entry["reason"] = reason
    baseline = {
        "comment": "Floors (higher is better) and ceilings (lower is better) checked by "
        "bench/accuracy.py; lowering any needs --lower-floors REASON.",
        "gold_sha256": dict(sorted({**old.get("gold_sha256", {}), **digests}.items())),
        "floors": floors,
        "ceilings": ceilings,
        "log": [*old.get("log", []), entry],
    }
    return baseline, loosened


def cell(value: Any, metric: str) -> str:
    """A table cell: – for undefined, counts as ints, km with one decimal."""
    if value is None:
        return "–"
    if isinstance(value, int) or metric in ("set",):
        return str(value)
    if metric.startswith("km_"):
        return f"{value:.1f}"
    return f"{value:.3f}"


def markdown_table(rows: dict[str, dict[str, Any]], command: str) -> str:
    """The generated section of docs/benchmarks.md."""
    machine = f"{platform.system()} {platform.machine()}, Python {platform.python_version()}"
    lines = [
        MARK_BEGIN,
        f"Run {dt.date.today().isoformat()} at commit `{commit_label()}` on {machine}:",
        "",
        "```",
        command,
        "```",
        "",
        "| " + " | ".join(h for h, _ in COLUMNS) + " |",
        "|" + "|".join("---" for _ in COLUMNS) + "|",
    ]
    for row in rows.values():
        lines.append("| " + " | ".join(cell(row.get(m), m) for _, m in COLUMNS) + " |")
    lines += [
        "",
        "Event rows: `sitrep evaluate` (docs/evaluation.md defines every column); merging is "
        "scored within each set.  Toponym rows: geocoding alone on gold spans "
        "(bench/geo_toponyms.py: `gold` = spans, p90 nearest-rank, a span the gazetteer "
        "cannot resolve counts as 20,038 km).  – = undefined (no denominator) or not "
        "measured for that set.",
        MARK_END,
    ]
    return "\n".join(lines) + "\n"


def write_docs(section: str) -> None:
    """Replace the generated section of docs/benchmarks.md, keeping everything else."""
    header = (
        "# Benchmarks\n\n"
        "## Accuracy\n\n"
        "Floors for these numbers are in `bench/baseline.json`; `bench/accuracy.py` fails when "
        "a score drops below its floor.\n\n"
    )
    replace_section(MARK_BEGIN, MARK_END, section, new_file=header)


def main(argv: list[str] | None = None) -> int:
    """Run the gate; see the module docstring.  Returns the exit status."""
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument(
        "--shared",
        type=Path,
        default=DEFAULT_SHARED,
        help="folder holding seed.jsonl, dev.jsonl, external/",
    )
    ap.add_argument("--update-baseline", action="store_true", help="raise floors to today's scores")
    ap.add_argument(
        "--lower-floors", metavar="REASON", help="rewrite the baseline even where it lowers a floor"
    )
    ap.add_argument("--no-write", action="store_true", help="do not rewrite docs/benchmarks.md")
    ap.add_argument("--no-toponyms", action="store_true", help="skip the geocoding rows")
    args = ap.parse_args(argv)
    logging.basicConfig(
        level=logging.INFO, format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr
    )

    try:
        rows, digests = run_event_sets(args.shared)
    except SitrepError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if not args.no_toponyms:
        geo_rows, geo_digests = run_toponym_sets(args.shared)
        rows.update(geo_rows)
        digests.update(geo_digests)
    command = " ".join(
        ["python bench/accuracy.py", *(argv if argv is not None else sys.argv[1:])]
    ).strip()
    if not args.no_write:
        write_docs(markdown_table(rows, command))
        log.info("wrote %s", DOCS.relative_to(REPO))

    old = json.loads(BASELINE.read_text(encoding="utf-8")) if BASELINE.is_file() else {}
    if args.update_baseline or args.lower_floors:
        baseline, loosened = new_baseline(rows, digests, old, args.lower_floors)
        if loosened and not args.lower_floors:
            for line in loosened:
                print(f"would lower {line}", file=sys.stderr)
            print("error: this lowers floors; say why with --lower-floors REASON", file=sys.stderr)
            return 2
        BASELINE.write_text(json.dumps(baseline, indent=1) + "\n", encoding="utf-8")
        print(f"baseline written: {BASELINE.relative_to(REPO)}", file=sys.stderr)
        return 0
    problems = check(rows, digests, old)
    for problem in problems:
        print(f"FAIL {problem}", file=sys.stderr)
    if not old:
        print("no bench/baseline.json yet: run with --update-baseline", file=sys.stderr)
        return 1
    print(
        "OK: every score at or above its floor" if not problems else f"{len(problems)} regressions",
        file=sys.stderr,
    )
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
