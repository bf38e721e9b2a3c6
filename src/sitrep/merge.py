"""Merging: reports of one incident become one event with all their sources and claims.

A *report* is what extraction builds from one article: an :class:`~sitrep.model.Event`
with one source.  Reports are clustered and each cluster becomes one event.

Two reports are one incident (:func:`same_incident`) when they come from different
articles and

* their types are compatible: the same ACLED event type, or a remote attack told once as
  "Explosions/Remote violence" and once as "Violence against civilians", or a protest
  told once as "Protests" and once as "Riots";
* their date intervals overlap (ACLED's unit is the day: two day-precise reports of
  different days stay apart, so a five-day campaign stays five events);
* their places agree, within a distance that depends on precision (:data:`KM_BY_PRECISION`),
  the same GeoNames place, or the same admin1 when either is coded only to its region;
* their perpetrators do not contradict each other (two known, different sides are two
  incidents, unless the two reports name the same two sides the other way round).

Clustering is complete-linkage: a report joins a cluster only when it is one incident with
every report already in it (the nearest such cluster, then the one with the most similar
evidence).  Reports are taken in a fixed order (publication date, then id), and the event
is built from the whole cluster at once, so the result depends on the set of reports, not
on the order they arrive in; a re-run gives the same events.

Ids follow ACLED's style, ISO3 + number (``UKR0123456789``): the number is derived from the
report's own key (article and offset), not allocated in arrival order, so the same report
always gets the same id.  An event takes the id of its first report; the ids of the other
reports are its ``merged_ids`` and resolve to it (the store keeps that pointer), so an id
once shown survives later merges.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence

from rapidfuzz import fuzz

from sitrep.extract.counts import toll_changed
from sitrep.geo.gazetteer import haversine_km
from sitrep.model import Count, DateInterval, Event, Place, Source

KM_BY_PRECISION: dict[int, float] = {1: 25.0, 2: 50.0}
"""Greatest distance between two reports' places, by the coarser of their geo precisions:
a town and its suburbs (1), a district and the towns in it (2); region-coded places (3)
agree when they share admin1."""

ID_DIGITS = 10
"""Digits of the number in an event id: with 10, two of 10,000 events of one country share
an id with a chance of about 1 in 200."""

UNKNOWN_COUNTRY = "XXX"

_ACLED_ID = re.compile(r"^[A-Z]{3}\d+$")
_PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}
# Which of two compatible types the merged event keeps: the more specific account
# (ACLED codes a remote attack on civilians as Explosions/Remote violence).
_TYPE_PRECEDENCE = (
    "Explosions/Remote violence",
    "Battles",
    "Violence against civilians",
    "Riots",
    "Protests",
    "Strategic developments",
)
_COMPATIBLE_TYPES = {
    frozenset({"Explosions/Remote violence", "Violence against civilians"}),
    frozenset({"Protests", "Riots"}),
}


def report_id(report: Event) -> str:
    """Return the ACLED-style id of a report: ISO3 of its country + a number from its key.

    An id that already has that shape is kept, so ids survive re-runs and re-merges.
    """
    if _ACLED_ID.match(report.event_id):
        return report.event_id
    iso3 = report.location.iso3 if report.location and report.location.iso3 else UNKNOWN_COUNTRY
    digest = hashlib.sha256(report.event_id.encode("utf-8")).hexdigest()
    return f"{iso3}{int(digest, 16) % 10**ID_DIGITS:0{ID_DIGITS}d}"


def with_report_id(report: Event) -> Event:
    """Return ``report`` under its ACLED-style id."""
    new_id = report_id(report)
    return report if new_id == report.event_id else report.model_copy(update={"event_id": new_id})


def merge_events(reports: Iterable[Event]) -> list[Event]:
    """Fold reports of the same incident into one event each.

    Args:
        reports: reports from any number of articles; a repeated id counts once (the last).

    Returns:
        One event per incident, sorted by (date start, event id); ids are ACLED-style.
    """
    clusters = cluster_reports(reports)
    return sorted((combine(c) for c in clusters), key=lambda e: (e.date.start, e.event_id))


def incident_reports(reports: Iterable[Event]) -> list[Event]:
    """Return each report as its article told it, under the id of the event it merges into.

    The per-article view of a merged dataset: fields are the report's own (the figure and
    date *this* article gives), the id is the incident's, so reports sharing an id are
    one incident.  :func:`merge_events` builds the events themselves from the same clusters.
    """
    return [
        report.model_copy(update={"event_id": cluster[0].event_id})
        for cluster in cluster_reports(reports)
        for report in cluster
    ]


def cluster_reports(reports: Iterable[Event]) -> list[list[Event]]:
    """Group reports into incidents (complete linkage, fixed order; see the module doc).

    Returns:
        The clusters, each in arrival order (earliest publication first).
    """
    by_id = {r.event_id: r for r in map(with_report_id, reports)}
    clusters: list[list[Event]] = []
    for report in sorted(by_id.values(), key=arrival_key):
        joinable = [c for c in clusters if all(same_incident(m, report) for m in c)]
        if joinable:
            min(joinable, key=lambda c: _affinity(c, report)).append(report)
        else:
            clusters.append([report])
    return clusters


def arrival_key(report: Event) -> tuple:
    """Order of reports: earliest publication, then id (the first report names the event)."""
    first = min((s.published for s in report.sources), default=report.date.end)
    return (first, report.event_id)


def same_incident(a: Event, b: Event) -> bool:
    """True when two reports from different articles report one incident."""
    if set(a.doc_ids) & set(b.doc_ids):
        return False
    if not compatible_types(a.event_type, b.event_type):
        return False
    if a.date.start > b.date.end or b.date.start > a.date.end:
        return False
    if a.location is None or b.location is None or not same_place(a.location, b.location):
        return False
    return not _sides_conflict(a, b)


def compatible_types(a: str, b: str) -> bool:
    """True when two ACLED event types can describe one incident."""
    return a == b or frozenset({a, b}) in _COMPATIBLE_TYPES


def same_place(a: Place, b: Place) -> bool:
    """True when two places can be the place of one incident, given their precision."""
    if a.geonameid is not None and a.geonameid == b.geonameid:
        return True
    if a.country and b.country and a.country != b.country:
        return False
    if 3 in (a.geo_precision, b.geo_precision):
        return a.admin1 is not None and a.admin1 == b.admin1
    km = place_km(a, b)
    return km is not None and km <= KM_BY_PRECISION[max(a.geo_precision, b.geo_precision)]


def place_km(a: Place, b: Place) -> float | None:
    """Km between two places (None when either has no coordinates)."""
    if None in (a.lat, a.lon, b.lat, b.lon):
        return None
    return haversine_km(a.lat, a.lon, b.lat, b.lon)  # type: ignore[arg-type]


def _sides_conflict(a: Event, b: Event) -> bool:
    """Two known, different perpetrator sides, not the same pair told the other way round."""
    a1, b1 = _side(a.actor1), _side(b.actor1)
    if a1 is None or b1 is None or a1 == b1:
        return False
    return not (a1 == _side(b.actor2) and b1 == _side(a.actor2))


def _side(actor: object) -> str | None:
    side = getattr(actor, "side", None)
    return side.casefold() if side else None


def _affinity(cluster: list[Event], report: Event) -> tuple:
    """Sort key of the clusters a report could join: nearest, then most alike."""
    first = cluster[0]
    same_sub = first.sub_event_type == report.sub_event_type
    return (_km_apart(first.location, report.location), not same_sub, -_similarity(first, report))


def _km_apart(a: Place | None, b: Place | None) -> float:
    """Km between two towns; a region's centre says nothing, so region-coded places tie."""
    if a is None or b is None or 3 in (a.geo_precision, b.geo_precision):
        return KM_BY_PRECISION[2]
    km = place_km(a, b)
    return KM_BY_PRECISION[2] if km is None else km


def _similarity(a: Event, b: Event) -> float:
    """0..100 token-set similarity of the two reports' event clauses."""
    ea, eb = a.evidence.get("event"), b.evidence.get("event")
    return fuzz.token_set_ratio(ea.text, eb.text) if ea and eb else 0.0


def combine(reports: Sequence[Event]) -> Event:
    """Build one event from the reports of one incident (in arrival order).

    The first report gives the id; the type is the most specific one reported; the date
    is the interval every report allows; the place the most precise; casualties a range
    across reports (:func:`casualty_range`), a later toll update taking over the best figure
    (:func:`_updated`), conflicting figures noted side by side; all sources, claims and
    persons are kept.
    """
    first = reports[0]
    if len(reports) == 1:
        return first
    lead = min(reports, key=lambda r: _TYPE_PRECEDENCE.index(r.event_type))
    lead = next(r for r in reports if r.event_type == lead.event_type)
    ordered = [lead] + [r for r in reports if r is not lead]
    notes: list[str] = []
    for report in ordered:
        notes.extend(n for n in report.notes if n not in notes)
    for kind in ("fatalities", "injured"):
        note = conflict_note(kind, reports)
        if note:
            notes.append(note)
    fatalities, updater = _updated(casualty_range([r.fatalities for r in reports]), reports)
    evidence = {k: v for r in reversed(ordered) for k, v in r.evidence.items()}
    if updater is not None:
        evidence["fatalities"] = updater.evidence["fatalities"]
    return lead.model_copy(
        update={
            "event_id": first.event_id,
            "date": _common_interval([r.date for r in reports]),
            "location": _most_precise([r.location for r in ordered]),
            "actor1": next((r.actor1 for r in ordered if r.actor1), None),
            "actor2": next((r.actor2 for r in ordered if r.actor2), None),
            "persons": list(dict.fromkeys(p for r in ordered for p in r.persons)),
            "people": list({p.name: p for r in reversed(ordered) for p in r.people}.values())[::-1],
            "fatalities": fatalities,
            "injured": casualty_range([r.injured for r in reports]),
            "claims": [c for r in reports for c in r.claims],
            "evidence": evidence,
            "sources": _all_sources(reports),
            "notes": notes,
            "merged_ids": sorted({r.event_id for r in reports[1:]} | _merged(reports)),
        }
    )


def _merged(reports: Sequence[Event]) -> set[str]:
    return {i for r in reports for i in r.merged_ids}


def _all_sources(reports: Sequence[Event]) -> list[Source]:
    sources = {s.doc_id: s for r in reversed(reports) for s in r.sources}
    return sorted(sources.values(), key=lambda s: (s.published, s.doc_id))


def _common_interval(dates: Sequence[DateInterval]) -> DateInterval:
    """The days every report allows (they overlap pairwise, so some day is common)."""
    start, end = max(d.start for d in dates), min(d.end for d in dates)
    if start == end:
        return DateInterval(start=start, end=end, precision="day")
    narrowest = min(dates, key=lambda d: (d.end - d.start, _PRECISION_RANK[d.precision]))
    return DateInterval(start=start, end=end, precision=narrowest.precision)


def _most_precise(places: Sequence[Place | None]) -> Place | None:
    known = [p for p in places if p is not None]
    return min(known, key=lambda p: p.geo_precision) if known else None


def _updated(count: Count, reports: Sequence[Event]) -> tuple[Count, Event | None]:
    """The toll as the latest report that updates it tells it ("the death toll ... has risen to
    eight" a day after "at least five"), and that report: an update supersedes the earlier
    reports' figures (the range keeps them)."""
    updates = [
        r
        for r in sorted(reports, key=arrival_key)
        if "fatalities" in r.evidence and toll_changed(r.evidence["fatalities"].text)
    ]
    if not updates or updates[-1].fatalities.best < count.best:
        return count, None
    best = updates[-1].fatalities.best
    high = max(count.high or best, best)
    return Count(low=min(count.low, best), best=best, high=high), updates[-1]


def casualty_range(counts: Sequence[Count]) -> Count:
    """Combine the casualty figures of several reports of one incident.

    ACLED's conservative rule: best is the lowest credible figure, so the lowest of the
    reports' own best figures (each report already chose its credible best); low is the
    lowest figure given, high the highest.  The rival figures stay visible in the claims
    and in a note (:func:`conflict_note`).

    Args:
        counts: one count per report.
    """
    given = [c for c in counts if c.best or c.high]
    if not given:
        return Count()
    bests = [c.best for c in given if c.best]
    lows = [v for c in given for v in (c.low, c.best) if v]
    highs = [v for c in given for v in (c.high, c.best) if v is not None]
    return Count(
        low=min(lows, default=0), best=min(bests, default=0), high=max(highs, default=None)
    )


def conflict_note(kind: str, reports: Sequence[Event]) -> str | None:
    """A note listing different ``kind`` figures side by side, or None when they agree."""
    figures = [(r.sources[0], getattr(r, kind).best) for r in reports if getattr(r, kind).best]
    if len({best for _, best in figures}) < 2:
        return None
    listed = "; ".join(f"{best} ({s.source}, {s.published.isoformat()})" for s, best in figures)
    return f"conflicting {kind} across reports: {listed}"


def copy_sources(event: Event, copies: dict[str, list[Source]]) -> Event:
    """Add the outlets that carried a near-duplicate copy of one of the event's articles.

    Args:
        event: a merged event.
        copies: per canonical article id, the sources of its stored copies.
    """
    extra = [c for s in event.sources for c in copies.get(s.doc_id, [])]
    if not extra:
        return event
    sources = {s.doc_id: s for s in event.sources + extra}
    ordered = sorted(sources.values(), key=lambda s: (s.published, s.doc_id))
    return event.model_copy(update={"sources": ordered})


# --- near-duplicate articles ----------------------------------------------------------
# The same wire copy in five outlets is one article: it is stored once (the earliest
# publication, then the lowest id, is the canonical copy) and the others become sources of
# its events.  Texts are compared as sets of word trigrams; MinHash band keys (stored per
# article) find the candidates without reading every stored text.

NEAR_DUPLICATE = 0.7
"""Least Jaccard similarity of two articles' word trigrams for them to be one wire copy
(an added paragraph or a new headline keeps a copy well above it; two outlets' own
accounts of one incident share far less)."""

MIN_SHINGLES = 12
"""Texts shorter than this many trigrams are too short to call near-duplicates."""

SHINGLE_WORDS = 3
_BANDS, _ROWS = 20, 3
# Universal hashing (a * x + b) mod p on 32-bit shingle hashes: with p just above 2**32
# every product fits in uint64, so numpy computes all permutations at once.
_PRIME = 4_294_967_311
_SALTS = [
    [
        int.from_bytes(hashlib.sha256(f"{kind}{i}".encode()).digest()[:4], "big")
        for i in range(_BANDS * _ROWS)
    ]
    for kind in ("a", "b")
]


def shingles(text: str) -> frozenset[int]:
    """Hashes of the text's lower-cased word trigrams."""
    words = re.findall(r"\w+", text.casefold())
    grams = (" ".join(words[i : i + SHINGLE_WORDS]) for i in range(len(words) - SHINGLE_WORDS + 1))
    return frozenset(
        int.from_bytes(hashlib.blake2b(g.encode(), digest_size=8).digest(), "big") for g in grams
    )


def band_keys(text: str) -> list[str]:
    """MinHash band keys of a text: near-duplicates share at least one with high probability.

    Returns:
        ``_BANDS`` keys (empty for a text too short to compare).
    """
    grams = shingles(text)
    if len(grams) < MIN_SHINGLES:
        return []
    import numpy as np

    x = np.fromiter((g & 0xFFFFFFFF for g in grams), dtype=np.uint64, count=len(grams))
    a = np.array(_SALTS[0], dtype=np.uint64) | np.uint64(1)
    b = np.array(_SALTS[1], dtype=np.uint64)
    signature = ((a[:, None] * x[None, :] + b[:, None]) % np.uint64(_PRIME)).min(axis=1)
    keys = []
    for band in range(_BANDS):
        rows = signature[band * _ROWS : (band + 1) * _ROWS].tolist()
        digest = hashlib.blake2b(repr(rows).encode(), digest_size=8).hexdigest()
        keys.append(f"{band}:{digest}")
    return keys


def text_similarity(a: str, b: str) -> float:
    """Jaccard similarity of two texts' word trigrams (0.0 when either is too short)."""
    sa, sb = shingles(a), shingles(b)
    if min(len(sa), len(sb)) < MIN_SHINGLES:
        return 0.0
    return len(sa & sb) / len(sa | sb)


def is_near_duplicate(a: str, b: str) -> bool:
    """True when two article texts are copies of one wire story."""
    return text_similarity(a, b) >= NEAR_DUPLICATE
