"""Filtering, ordering, counting and mapping events: pure functions over records."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from sitrep.model import Actor, Event
from sitrep.serve.schemas import (
    CountryTally,
    Feature,
    FeatureCollection,
    FeatureProperties,
    PointGeometry,
    Stats,
    Tally,
    TypeTally,
)

Order = Literal["date", "-date", "fatalities", "-fatalities"]


@dataclass(frozen=True)
class EventFilter:
    """Which events a query asks for; every condition given must hold.

    Places and types compare without regard to case, and a country may be given by its
    ISO3 code; several event types (or sub-types) match any of them. ``since`` and
    ``until`` compare the event's start date (ACLED's event_date, as ``sitrep export``
    does), so a week of the timeline selects exactly the events counted in it. ``q`` keeps
    events whose evidence (every field's span and every claim's) contains all its words.
    """

    country: str | None = None
    admin1: str | None = None
    event_type: tuple[str, ...] = ()
    sub_event_type: tuple[str, ...] = ()
    since: dt.date | None = None
    until: dt.date | None = None
    min_fatalities: int | None = None
    q: str | None = None

    def matches(self, event: Event) -> bool:
        """Tell whether ``event`` meets every condition."""
        return (
            self._place_matches(event)
            and self._type_matches(event)
            and self._date_matches(event)
            and (self.min_fatalities is None or event.fatalities.best >= self.min_fatalities)
            and self._text_matches(event)
        )

    def _place_matches(self, event: Event) -> bool:
        place = event.location
        if place is None:
            return self.country is None and self.admin1 is None
        country = (
            self.country is None
            or _same(self.country, place.country)
            or _same(self.country, place.iso3)
        )
        return country and (self.admin1 is None or _same(self.admin1, place.admin1))

    def _type_matches(self, event: Event) -> bool:
        return _one_of(event.event_type, self.event_type) and _one_of(
            event.sub_event_type, self.sub_event_type
        )

    def _date_matches(self, event: Event) -> bool:
        start = event.date.start
        return (self.since is None or start >= self.since) and (
            self.until is None or start <= self.until
        )

    def _text_matches(self, event: Event) -> bool:
        if not self.q:
            return True
        haystack = evidence_text(event)
        return all(word in haystack for word in self.q.casefold().split())


def _same(wanted: str, value: str | None) -> bool:
    """Equal ignoring case (a missing value equals nothing)."""
    return value is not None and value.casefold() == wanted.casefold()


def _one_of(value: str, wanted: Sequence[str]) -> bool:
    """A type condition: none given, or one of them ignoring case."""
    return not wanted or value.casefold() in {w.casefold() for w in wanted}


def evidence_text(event: Event) -> str:
    """Every evidence span of an event (fields and claims), case-folded, one per line."""
    spans = [span.text for span in event.evidence.values()]
    spans += [c.evidence.text for c in event.claims if c.evidence is not None]
    return "\n".join(spans).casefold()


def select(events: Iterable[Event], where: EventFilter, order: Order = "date") -> list[Event]:
    """Return the events that match ``where``, in the order asked for.

    ``date`` is the store's order (start date, then id); ``fatalities`` sorts by best
    figure, ties in date order; a leading ``-`` reverses.
    """
    chosen = [e for e in events if where.matches(e)]
    if order.endswith("fatalities"):
        chosen.sort(key=lambda e: e.fatalities.best)
    if order.startswith("-"):
        chosen.reverse()
    return chosen


def feature(event: Event) -> Feature:
    """An event as a GeoJSON feature (coordinates ``[lon, lat]``; none without both)."""
    place = event.location
    geometry = None
    if place is not None and place.lat is not None and place.lon is not None:
        geometry = PointGeometry(coordinates=(place.lon, place.lat))
    properties = FeatureProperties(
        event_id=event.event_id,
        event_type=event.event_type,
        sub_event_type=event.sub_event_type,
        date_start=event.date.start,
        date_end=event.date.end,
        date_precision=event.date.precision,
        location=place.name if place else None,
        admin1=place.admin1 if place else None,
        country=place.country if place else None,
        geo_precision=place.geo_precision if place else None,
        fatalities=event.fatalities,
        injured=event.injured,
        actor1=_actor_label(event.actor1),
        actor2=_actor_label(event.actor2),
        sources=len(event.sources),
    )
    return Feature(id=event.event_id, geometry=geometry, properties=properties)


def _actor_label(actor: Actor | None) -> str | None:
    """An actor's name, else its side, else None."""
    return (actor.name or actor.side) if actor else None


def feature_collection(events: Iterable[Event]) -> FeatureCollection:
    """The events as one GeoJSON FeatureCollection, in the given order."""
    return FeatureCollection(features=[feature(e) for e in events])


def week_of(day: dt.date) -> dt.date:
    """The Monday of the ISO week ``day`` falls in."""
    return day - dt.timedelta(days=day.weekday())


def stats(events: Sequence[Event]) -> Stats:
    """Count events and fatalities by type and sub-type, country and admin1, and week."""
    types: dict[str, list[Event]] = defaultdict(list)
    countries: dict[str, list[Event]] = defaultdict(list)
    weeks: dict[str, list[Event]] = defaultdict(list)
    for event in events:
        types[event.event_type].append(event)
        countries[_country(event)].append(event)
        weeks[week_of(event.date.start).isoformat()].append(event)
    return Stats(
        events=len(events),
        fatalities=_fatalities(events),
        first_date=min((e.date.start for e in events), default=None),
        last_date=max((e.date.end for e in events), default=None),
        by_type=[
            TypeTally(
                **_tally(key, group).model_dump(),
                sub_event_types=_tallies(group, lambda e: e.sub_event_type),
            )
            for key, group in _largest_first(types)
        ],
        by_country=[
            CountryTally(**_tally(key, group).model_dump(), admin1=_tallies(group, _admin1))
            for key, group in _largest_first(countries)
        ],
        by_week=[_tally(key, weeks[key]) for key in sorted(weeks)],
    )


def _country(event: Event) -> str:
    return (event.location.country if event.location else None) or ""


def _admin1(event: Event) -> str:
    return (event.location.admin1 if event.location else None) or ""


def _fatalities(events: Iterable[Event]) -> int:
    return sum(e.fatalities.best for e in events)


def _tally(key: str, events: Sequence[Event]) -> Tally:
    return Tally(key=key, events=len(events), fatalities=_fatalities(events))


def _largest_first(groups: dict[str, list[Event]]) -> list[tuple[str, list[Event]]]:
    """Groups by descending size, then name."""
    return sorted(groups.items(), key=lambda item: (-len(item[1]), item[0]))


def _tallies(events: Iterable[Event], key_of: Callable[[Event], str]) -> list[Tally]:
    """Tallies of ``events`` grouped by ``key_of(event)``, largest first."""
    groups: dict[str, list[Event]] = defaultdict(list)
    for event in events:
        groups[key_of(event)].append(event)
    return [_tally(key, group) for key, group in _largest_first(groups)]
