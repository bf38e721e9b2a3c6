"""Read what the evaluator compares: gold sets and prediction files.

Both sides become one internal record, :class:`EvalEvent`, so the matcher and the scorer
never care whether a prediction is a sitrep :class:`~sitrep.model.Event` (or its JSON dump)
or another system's output written in ``shared/eval/SCHEMA.md``'s flat gold layout.

Gold files are read as they are and never written.  Every line is validated against
SCHEMA.md; a broken line is reported as ``path:lineno: what is wrong`` and the whole read
fails with :class:`GoldError` listing every problem, so one run shows all of them.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import logging
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from sitrep.errors import ConfigError
from sitrep.model import EVENT_TYPES, Event, content_id

log = logging.getLogger(__name__)

PRECISIONS = ("day", "week", "month", "year")
STATUSES = ("confirmed", "claimed", "reported", "denied", "unverified")
_TOP_FIELDS: dict[str, type] = {
    "doc_id": str,
    "source": str,
    "published": str,
    "title": str,
    "text": str,
    "events": list,
    "non_events": list,
}
_EVENT_FIELDS = (
    "incident",
    "event_type",
    "sub_event_type",
    "date_start",
    "date_end",
    "date_precision",
    "location",
    "actor1",
    "actor1_side",
    "actor2",
    "actor2_side",
    "persons",
    "fatalities",
    "injured",
    "claims",
    "evidence",
)
_LOCATION_FIELDS = ("name", "admin1", "country", "iso3", "lat", "lon", "geo_precision")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


class GoldError(ConfigError):
    """A gold file breaks SCHEMA.md; ``problems`` holds one ``path:lineno: what`` line each.

    Args:
        problems: every problem found, in file order.
    """

    def __init__(self, problems: Sequence[str]) -> None:
        self.problems = list(problems)
        more = f" (and {len(self.problems) - 1} more)" if len(self.problems) > 1 else ""
        super().__init__(f"{self.problems[0]}{more}")


class PredictionError(ConfigError):
    """A prediction file cannot be read; the message says where (``path:lineno``)."""


@dataclass(frozen=True)
class EvalPlace:
    """The parts of a location the scorer compares."""

    name: str | None = None
    admin1: str | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    geo_precision: int | None = None


@dataclass(frozen=True)
class EvalEvent:
    """One gold or predicted event, normalised for matching and scoring.

    ``group`` is the "same incident" key: the gold ``incident`` id or the predicted
    ``event_id``.  ``doc_refs`` (predictions only) are the ids that name the articles the
    event came from: content ids, gold doc_ids or external ids.
    """

    group: str
    event_type: str | None = None
    sub_event_type: str | None = None
    date_start: dt.date | None = None
    date_end: dt.date | None = None
    date_precision: str | None = None
    location: EvalPlace | None = None
    actor1: str | None = None
    actor1_side: str | None = None
    actor2: str | None = None
    actor2_side: str | None = None
    fatalities_best: int | None = None
    claim_statuses: tuple[str, ...] = ()
    evidence: str | None = None
    evidence_span: tuple[int, int] | None = None
    evidence_doc: str | None = None
    doc_refs: tuple[str, ...] = ()


@dataclass(frozen=True)
class GoldArticle:
    """One gold line: the article, its gold events and its non-event phrases."""

    doc_id: str
    source: str
    published: dt.date
    title: str | None
    text: str
    events: tuple[EvalEvent, ...]
    non_events: tuple[str, ...]
    path: str = "<memory>"
    lineno: int = 0
    content_id: str = ""

    @property
    def origin(self) -> str:
        """Where the article was read: ``path:lineno``."""
        return f"{self.path}:{self.lineno}"


# --- gold -------------------------------------------------------------------------------


def read_gold(paths: Iterable[Path | str]) -> list[GoldArticle]:
    """Read and validate gold JSON Lines files (``shared/eval/SCHEMA.md``).

    Args:
        paths: gold files, read in order; doc_ids must be unique over all of them.

    Returns:
        The articles in file order.

    Raises:
        GoldError: a file is missing or unreadable, or a line breaks the schema; its
            ``problems`` lists every ``path:lineno: what is wrong`` found.
    """
    problems: list[str] = []
    articles: list[GoldArticle] = []
    seen: dict[str, str] = {}
    for path in map(Path, paths):
        try:
            raw = path.read_bytes()
        except OSError as exc:
            problems.append(f"{path}: cannot read gold file ({exc.strerror or exc})")
            continue
        for lineno, line in enumerate(raw.split(b"\n"), 1):
            if not line.strip():
                continue
            where = f"{path}:{lineno}"
            try:
                obj = json.loads(line.decode("utf-8"))
            except UnicodeDecodeError:
                problems.append(f"{where}: not UTF-8")
                continue
            except json.JSONDecodeError as exc:
                problems.append(f"{where}: invalid JSON ({exc.msg} at column {exc.colno})")
                continue
            errors = validate_gold_line(obj)
            if not errors:
                doc_id = obj["doc_id"]
                if doc_id in seen:
                    errors.append(f"doc_id {doc_id!r} already used at {seen[doc_id]}")
                seen.setdefault(doc_id, where)
            if errors:
                problems.extend(f"{where}: {e}" for e in errors)
                continue
            articles.append(_gold_article(obj, str(path), lineno))
    if problems:
        raise GoldError(problems)
    log.info("read %d gold articles from %s", len(articles), ", ".join(map(str, paths)))
    return articles


def parse_gold_article(
    obj: Mapping[str, Any], *, path: str = "<memory>", lineno: int = 0
) -> GoldArticle:
    """Validate one gold article given as a dict and normalise it.

    Args:
        obj: one gold line, already parsed from JSON.
        path: where it came from, for messages.
        lineno: its line number, for messages.

    Returns:
        The article with its events as :class:`EvalEvent`.

    Raises:
        GoldError: the object breaks SCHEMA.md.
    """
    errors = validate_gold_line(obj)
    if errors:
        raise GoldError([f"{path}:{lineno}: {e}" for e in errors])
    return _gold_article(obj, path, lineno)


def validate_gold_line(obj: object) -> list[str]:
    """Check one parsed gold line against SCHEMA.md.

    Args:
        obj: the parsed JSON value of the line.

    Returns:
        One message per problem (empty when the line is valid), without the location prefix.
    """
    if not isinstance(obj, dict):
        return [f"expected a JSON object, got {type(obj).__name__}"]
    errors: list[str] = []
    for key, typ in _TOP_FIELDS.items():
        if key not in obj:
            errors.append(f"missing field '{key}'")
        elif not isinstance(obj[key], typ):
            errors.append(f"field '{key}' must be a {typ.__name__}, got {type(obj[key]).__name__}")
    if errors:
        return errors
    text: str = obj["text"]
    published = _iso_date(obj["published"])
    if published is None:
        errors.append(f"published: expected an ISO date (YYYY-MM-DD), got {obj['published']!r}")
    if not text.strip():
        errors.append("text is empty")
    for i, event in enumerate(obj["events"]):
        errors.extend(_validate_event(event, f"events[{i}]", text, published))
    incidents = [e.get("incident") for e in obj["events"] if isinstance(e, dict)]
    for inc in sorted({i for i in incidents if isinstance(i, str) and incidents.count(i) > 1}):
        errors.append(f"incident {inc!r} appears twice in one article")
    for j, phrase in enumerate(obj["non_events"]):
        if not isinstance(phrase, str) or not phrase.strip():
            errors.append(f"non_events[{j}]: must be a non-empty string")
        elif phrase not in text:
            errors.append(f"non_events[{j}]: not an exact substring of text: {phrase[:60]!r}")
    return errors


def _validate_event(e: object, w: str, text: str, published: dt.date | None) -> list[str]:
    """Check one gold event; ``w`` names it in messages."""
    if not isinstance(e, dict):
        return [f"{w}: expected an object"]
    missing = [f for f in _EVENT_FIELDS if f not in e]
    if missing:
        return [f"{w}: missing field '{f}'" for f in missing]
    errors: list[str] = []
    if not isinstance(e["incident"], str) or not e["incident"].strip():
        errors.append(f"{w}.incident: must be a non-empty string")
    etype, sub = e["event_type"], e["sub_event_type"]
    if etype not in EVENT_TYPES:
        errors.append(f"{w}.event_type: unknown ACLED event type {etype!r}")
    elif sub not in EVENT_TYPES[etype]:
        errors.append(f"{w}.sub_event_type: {sub!r} is not a sub-type of {etype!r}")
    start, end = _iso_date(e["date_start"]), _iso_date(e["date_end"])
    for name, value in (("date_start", start), ("date_end", end)):
        if value is None:
            errors.append(f"{w}.{name}: expected an ISO date (YYYY-MM-DD), got {e[name]!r}")
    if start and end and start > end:
        errors.append(f"{w}: date_start {start} is after date_end {end}")
    if end and published and end > published:
        errors.append(f"{w}: date_end {end} is after published {published}")
    if e["date_precision"] not in PRECISIONS:
        errors.append(f"{w}.date_precision: must be one of {', '.join(PRECISIONS)}")
    errors.extend(_validate_location(e["location"], f"{w}.location"))
    for f in ("actor1", "actor1_side", "actor2", "actor2_side"):
        if e[f] is not None and not isinstance(e[f], str):
            errors.append(f"{w}.{f}: must be a string or null")
    if not isinstance(e["persons"], list) or not all(isinstance(p, str) for p in e["persons"]):
        errors.append(f"{w}.persons: must be a list of strings")
    errors.extend(_validate_count(e["fatalities"], f"{w}.fatalities"))
    errors.extend(_validate_count(e["injured"], f"{w}.injured"))
    if not isinstance(e["claims"], list):
        errors.append(f"{w}.claims: must be a list")
    else:
        for j, c in enumerate(e["claims"]):
            if not isinstance(c, dict) or not {"claimant", "status", "about"} <= set(c):
                errors.append(f"{w}.claims[{j}]: needs claimant, status and about")
            elif c["status"] not in STATUSES:
                errors.append(
                    f"{w}.claims[{j}].status: {c['status']!r} is not one of {', '.join(STATUSES)}"
                )
    evidence = e["evidence"]
    if not isinstance(evidence, str) or not evidence.strip():
        errors.append(f"{w}.evidence: must be a non-empty string")
    elif evidence not in text:
        errors.append(f"{w}.evidence: not an exact substring of text: {evidence[:60]!r}")
    return errors


def _validate_location(loc: object, w: str) -> list[str]:
    """Check a gold location object."""
    if not isinstance(loc, dict):
        return [f"{w}: must be an object"]
    missing = [f for f in _LOCATION_FIELDS if f not in loc]
    if missing:
        return [f"{w}: missing field '{f}'" for f in missing]
    errors = [
        f"{w}.{f}: must be a non-empty string"
        for f in ("name", "admin1", "country")
        if not isinstance(loc[f], str) or not loc[f].strip()
    ]
    if not isinstance(loc["iso3"], str) or not re.fullmatch(r"[A-Z]{3}", loc["iso3"]):
        errors.append(f"{w}.iso3: must be three capital letters, got {loc['iso3']!r}")
    for f, bound in (("lat", 90), ("lon", 180)):
        v = loc[f]
        if not _is_number(v) or not -bound <= v <= bound:
            errors.append(f"{w}.{f}: must be a number in [-{bound}, {bound}], got {v!r}")
    if isinstance(loc["geo_precision"], bool) or loc["geo_precision"] not in (1, 2, 3):
        errors.append(f"{w}.geo_precision: must be 1, 2 or 3, got {loc['geo_precision']!r}")
    return errors


def _validate_count(obj: object, w: str) -> list[str]:
    """Check a low/best/high count."""
    if not isinstance(obj, dict) or not {"low", "best", "high"} <= set(obj):
        return [f"{w}: must be an object with low, best and high"]
    low, best, high = obj["low"], obj["best"], obj["high"]
    if not (_is_int(low) and _is_int(best)) or low < 0 or best < 0:
        return [f"{w}: low and best must be non-negative integers"]
    if high is not None and (not _is_int(high) or high < 0):
        return [f"{w}: high must be a non-negative integer or null"]
    if low > best or (high is not None and best > high):
        return [f"{w}: need low <= best <= high, got {low}/{best}/{high}"]
    return []


def _gold_article(obj: Mapping[str, Any], path: str, lineno: int) -> GoldArticle:
    """Build a GoldArticle from a validated line."""
    text = obj["text"]
    cid = content_id(text)
    events = tuple(
        dataclasses.replace(
            _flat_event(e, group=e["incident"]),
            evidence_doc=cid,
            evidence_span=_span(text, e["evidence"]),
        )
        for e in obj["events"]
    )
    return GoldArticle(
        doc_id=obj["doc_id"],
        source=obj["source"],
        published=dt.date.fromisoformat(obj["published"]),
        title=obj.get("title"),
        text=text,
        events=events,
        non_events=tuple(obj["non_events"]),
        path=path,
        lineno=lineno,
        content_id=cid,
    )


def _span(text: str, phrase: str) -> tuple[int, int] | None:
    """Offsets of the first occurrence of ``phrase`` in ``text``."""
    start = text.find(phrase)
    return None if start < 0 else (start, start + len(phrase))


# --- predictions --------------------------------------------------------------------------


def read_predictions(path: Path | str) -> list[EvalEvent]:
    """Read a prediction file: a JSON array or JSON Lines of events.

    Accepted objects: sitrep :class:`~sitrep.model.Event` dumps (``sitrep extract --json``,
    ``sitrep events --format json``); flat SCHEMA.md events carrying a ``doc_id``; or whole
    gold-layout articles (``doc_id`` + ``events``).

    Args:
        path: the file to read.

    Returns:
        The predictions in file order, each with ``doc_refs`` naming its article(s).

    Raises:
        PredictionError: the file is unreadable or an object is not a prediction
            (the message starts with ``path:lineno``).
    """
    path = Path(path)
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise PredictionError(f"{path}: cannot read predictions ({exc})") from exc
    items: list[tuple[str, object]] = []
    if raw.lstrip().startswith("["):
        try:
            values = json.loads(raw)
        except json.JSONDecodeError as exc:
            raise PredictionError(f"{path}:{exc.lineno}: invalid JSON ({exc.msg})") from exc
        items = [(f"{path}: item {i}", v) for i, v in enumerate(values)]
    else:
        for lineno, line in enumerate(raw.split("\n"), 1):
            if not line.strip():
                continue
            try:
                value = json.loads(line)
            except json.JSONDecodeError as exc:
                raise PredictionError(f"{path}:{lineno}: invalid JSON ({exc.msg})") from exc
            values = value if isinstance(value, list) else [value]
            items.extend((f"{path}:{lineno}", v) for v in values)
    predictions: list[EvalEvent] = []
    for where, value in items:
        try:
            predictions.extend(prediction_from_object(value, default_group=where))
        except (ValueError, TypeError, KeyError) as exc:
            raise PredictionError(f"{where}: {exc}") from exc
    log.info("read %d predictions from %s", len(predictions), path)
    return predictions


def prediction_from_object(obj: object, *, default_group: str = "") -> list[EvalEvent]:
    """Normalise one predicted object (Event, Event dump, flat event or article).

    Args:
        obj: an :class:`~sitrep.model.Event`, an :class:`EvalEvent`, or a dict in either
            the Event layout or SCHEMA.md's flat layout (with ``doc_id``), or a gold-layout
            article holding ``events``.
        default_group: the merge key for a flat event without ``event_id``/``incident``;
            it should be unique so such events are never "the same incident".

    Returns:
        The normalised events (one, or an article's worth).

    Raises:
        ValueError: the object is neither layout, or a field cannot be read.
    """
    if isinstance(obj, EvalEvent):
        return [obj]
    if isinstance(obj, Event):
        return [from_event(obj)]
    if not isinstance(obj, dict):
        raise ValueError(f"expected a JSON object, got {type(obj).__name__}")
    if isinstance(obj.get("events"), list) and "doc_id" in obj:
        return [
            _flat_prediction({**e, "doc_id": obj["doc_id"]}, f"{default_group} event {i}")
            for i, e in enumerate(obj["events"])
        ]
    if isinstance(obj.get("date"), dict) and "event_id" in obj:
        try:
            return [from_event(Event.model_validate(obj))]
        except ValidationError as exc:
            first = exc.errors()[0]
            loc = ".".join(map(str, first["loc"]))
            raise ValueError(f"not a valid Event: {loc}: {first['msg']}") from None
    if "date_start" in obj:
        return [_flat_prediction(obj, default_group)]
    raise ValueError(
        "neither a sitrep Event (event_id, date) nor a flat SCHEMA.md event (date_start)"
    )


def from_event(event: Event) -> EvalEvent:
    """Normalise a sitrep :class:`~sitrep.model.Event`.

    Args:
        event: the predicted event.

    Returns:
        The scorer's view of it; ``doc_refs`` holds every source's doc_id and external_id.
    """
    refs = [s.doc_id for s in event.sources] + [
        s.external_id for s in event.sources if s.external_id
    ]
    if not refs:
        refs = [ev.doc_id for ev in event.evidence.values()]
    ev = event.evidence.get("event")
    loc = event.location
    return EvalEvent(
        group=event.event_id,
        event_type=event.event_type,
        sub_event_type=event.sub_event_type,
        date_start=event.date.start,
        date_end=event.date.end,
        date_precision=event.date.precision,
        location=None
        if loc is None
        else EvalPlace(
            name=loc.name,
            admin1=loc.admin1,
            country=loc.country,
            lat=loc.lat,
            lon=loc.lon,
            geo_precision=loc.geo_precision,
        ),
        actor1=event.actor1.name if event.actor1 else None,
        actor1_side=event.actor1.side if event.actor1 else None,
        actor2=event.actor2.name if event.actor2 else None,
        actor2_side=event.actor2.side if event.actor2 else None,
        fatalities_best=event.fatalities.best,
        claim_statuses=tuple(c.status for c in event.claims),
        evidence=ev.text if ev else None,
        evidence_span=(ev.start, ev.end) if ev else None,
        evidence_doc=ev.doc_id if ev else None,
        doc_refs=tuple(dict.fromkeys(refs)),
    )


def _flat_prediction(obj: Mapping[str, Any], default_group: str) -> EvalEvent:
    """Normalise a flat SCHEMA.md-layout prediction, which must name its ``doc_id``."""
    doc_id = obj.get("doc_id")
    if not isinstance(doc_id, str) or not doc_id:
        raise ValueError("a flat prediction needs a 'doc_id' naming its gold article")
    group = obj.get("event_id") or obj.get("incident") or default_group
    return dataclasses.replace(_flat_event(obj, group=str(group)), doc_refs=(doc_id,))


def _flat_event(e: Mapping[str, Any], *, group: str) -> EvalEvent:
    """Read the SCHEMA.md flat event layout (gold, or another system's predictions)."""
    loc = e.get("location")
    fatalities = e.get("fatalities")
    best = fatalities.get("best") if isinstance(fatalities, dict) else fatalities
    evidence = e.get("evidence")
    span = None
    if isinstance(evidence, dict):
        if isinstance(evidence.get("start"), int) and isinstance(evidence.get("end"), int):
            span = (evidence["start"], evidence["end"])
        evidence = evidence.get("text")
    claims = e.get("claims") or []
    return EvalEvent(
        group=group,
        event_type=e.get("event_type"),
        sub_event_type=e.get("sub_event_type"),
        date_start=_date_field(e, "date_start"),
        date_end=_date_field(e, "date_end"),
        date_precision=e.get("date_precision"),
        location=None
        if not isinstance(loc, dict)
        else EvalPlace(
            name=loc.get("name"),
            admin1=loc.get("admin1"),
            country=loc.get("country"),
            lat=_number(loc.get("lat")),
            lon=_number(loc.get("lon")),
            geo_precision=loc.get("geo_precision"),
        ),
        actor1=e.get("actor1"),
        actor1_side=e.get("actor1_side"),
        actor2=e.get("actor2"),
        actor2_side=e.get("actor2_side"),
        fatalities_best=best if _is_int(best) else None,
        claim_statuses=tuple(
            c["status"] for c in claims if isinstance(c, dict) and c.get("status")
        ),
        evidence=evidence if isinstance(evidence, str) else None,
        evidence_span=span,
    )


def _date_field(e: Mapping[str, Any], key: str) -> dt.date | None:
    """An ISO date field; a present but unreadable value is an error, not a silent None."""
    value = e.get(key)
    if value is None:
        return None
    parsed = _iso_date(value)
    if parsed is None:
        raise ValueError(f"{key}: expected an ISO date (YYYY-MM-DD), got {value!r}")
    return parsed


def _iso_date(value: object) -> dt.date | None:
    """Parse YYYY-MM-DD, or None."""
    if not isinstance(value, str) or not _ISO_DATE.fullmatch(value):
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def _is_int(x: object) -> bool:
    """An int that is not a bool."""
    return isinstance(x, int) and not isinstance(x, bool)


def _is_number(x: object) -> bool:
    """An int or float that is not a bool."""
    return isinstance(x, int | float) and not isinstance(x, bool)


def _number(x: object) -> float | None:
    """A coordinate as float, or None."""
    return float(x) if _is_number(x) else None  # type: ignore[arg-type]
