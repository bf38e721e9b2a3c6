"""Merging: reports of one incident become one event with all their sources.

Two events are one incident when they come from different articles, have the same ACLED
event type, overlapping date intervals, and places that agree (the same GeoNames place,
within ``MAX_KM`` of each other, or the same admin1 when either is coded only to its
region).  The survivor is the event reported first (earliest publication, then id), so the
result does not depend on the order articles arrive in; it keeps every source and claim,
the narrowest date interval both reports allow, and a casualty range across them: low is
the lowest figure, high the highest, best the figure of the latest report (tolls are
updated upwards as bodies are counted).
"""

from __future__ import annotations

from sitrep.geo.gazetteer import haversine_km
from sitrep.model import Count, DateInterval, Event, Place

MAX_KM = 25.0
_PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}


def merge_events(events: list[Event]) -> list[Event]:
    """Fold events that report the same incident into one; identical ids fold too.

    Args:
        events: events from any number of articles (already stored ones included).

    Returns:
        The merged events, sorted by (date start, event id).
    """
    by_id: dict[str, Event] = {}
    for event in events:
        by_id[event.event_id] = event
    ordered = sorted(by_id.values(), key=_arrival_key)
    merged: list[Event] = []
    for event in ordered:
        twins = [i for i, kept in enumerate(merged) if same_incident(kept, event)]
        # the nearest twin: Kramatorsk's report goes to Kramatorsk, not to Bilenke next door
        twin = min(twins, key=lambda i: _distance(merged[i], event)) if twins else None
        if twin is None:
            merged.append(event)
        else:
            merged[twin] = combine(merged[twin], event)
    return sorted(merged, key=lambda e: (e.date.start, e.event_id))


def _arrival_key(event: Event) -> tuple:
    first = min((s.published for s in event.sources), default=event.date.end)
    return (first, event.event_id)


def same_incident(a: Event, b: Event) -> bool:
    """True when two events from different articles report one incident."""
    if set(a.doc_ids) & set(b.doc_ids):
        return False
    if a.event_type != b.event_type:
        return False
    if a.date.start > b.date.end or b.date.start > a.date.end:
        return False
    return a.location is not None and b.location is not None and _same_place(a.location, b.location)


def _distance(a: Event, b: Event) -> float:
    """Km between two events' places; 0 for the same GeoNames place, MAX_KM for regions."""
    pa, pb = a.location, b.location
    if pa is None or pb is None:
        return MAX_KM
    if pa.geonameid is not None and pa.geonameid == pb.geonameid:
        return 0.0
    if None in (pa.lat, pa.lon, pb.lat, pb.lon) or 3 in (pa.geo_precision, pb.geo_precision):
        return MAX_KM
    return _km(pa, pb)


def _same_place(a: Place, b: Place) -> bool:
    if a.geonameid is not None and a.geonameid == b.geonameid:
        return True
    if 3 in (a.geo_precision, b.geo_precision):
        return a.admin1 == b.admin1 and a.country == b.country and a.admin1 is not None
    if None in (a.lat, a.lon, b.lat, b.lon):
        return False
    return _km(a, b) <= MAX_KM


def _km(a: Place, b: Place) -> float:
    return haversine_km(a.lat, a.lon, b.lat, b.lon)  # type: ignore[arg-type]


def combine(first: Event, later: Event) -> Event:
    """Fold ``later`` (reported after ``first``) into ``first``."""
    notes = list(first.notes)
    for kind in ("fatalities", "injured"):
        a, b = getattr(first, kind), getattr(later, kind)
        if a.best != b.best and a.best and b.best:
            notes.append(f"conflicting {kind}: {a.best} vs {b.best} in different reports")
    sources = first.sources + [s for s in later.sources if s.doc_id not in set(first.doc_ids)]
    return first.model_copy(
        update={
            "date": _narrowest(first.date, later.date),
            "location": _more_precise(first.location, later.location),
            "actor1": first.actor1 or later.actor1,
            "actor2": first.actor2 or later.actor2,
            "persons": first.persons + [p for p in later.persons if p not in first.persons],
            "fatalities": _range(first.fatalities, later.fatalities),
            "injured": _range(first.injured, later.injured),
            "claims": first.claims + later.claims,
            "sources": sources,
            "notes": notes + [n for n in later.notes if n not in notes],
        }
    )


def _narrowest(a: DateInterval, b: DateInterval) -> DateInterval:
    start, end = max(a.start, b.start), min(a.end, b.end)
    precision = min(a.precision, b.precision, key=_PRECISION_RANK.__getitem__)
    return DateInterval(start=start, end=end, precision=precision)


def _more_precise(a: Place | None, b: Place | None) -> Place | None:
    if a is None or b is None:
        return a or b
    return b if b.geo_precision < a.geo_precision else a


def _range(first: Count, later: Count) -> Count:
    if not later.best and not later.high:
        return first
    if not first.best and not first.high:
        return later
    values = [v for v in (first.low, later.low, first.best, later.best) if v]
    highs = [v for v in (first.high, later.high, first.best, later.best) if v is not None]
    return Count(low=min(values), best=later.best or first.best, high=max(highs) if highs else None)
