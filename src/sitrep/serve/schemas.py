"""Response envelopes of the HTTP API around the records of :mod:`sitrep.model`.

Events and articles are answered as :class:`~sitrep.model.Event` and
:class:`~sitrep.model.Article` themselves; only what wraps them (a page, a GeoJSON
feature, counts) is defined here.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field

from sitrep.model import Count, Event, Precision, Record


class EventPage(Record):
    """One page of the events that match a query, in the order asked for."""

    total: int = Field(description="Events matching the filters, on every page.")
    limit: int
    offset: int
    next_offset: int | None = Field(description="Offset of the next page, or null on the last.")
    items: list[Event]


class PointGeometry(Record):
    """A GeoJSON point: coordinates are ``[longitude, latitude]`` (RFC 7946)."""

    type: Literal["Point"] = "Point"
    coordinates: tuple[float, float]


class FeatureProperties(Record):
    """What a map needs of an event without fetching it whole."""

    event_id: str
    event_type: str
    sub_event_type: str
    date_start: dt.date
    date_end: dt.date
    date_precision: Precision
    location: str | None = None
    admin1: str | None = None
    country: str | None = None
    geo_precision: int | None = None
    fatalities: Count
    injured: Count
    actor1: str | None = None
    actor2: str | None = None
    sources: int = Field(description="Number of articles that report the event.")


class Feature(Record):
    """One event as a GeoJSON feature; ``geometry`` is null for an event with no coordinates."""

    type: Literal["Feature"] = "Feature"
    id: str
    geometry: PointGeometry | None
    properties: FeatureProperties


class FeatureCollection(Record):
    """The events that match a query as a GeoJSON FeatureCollection, in date order."""

    type: Literal["FeatureCollection"] = "FeatureCollection"
    features: list[Feature]


class Tally(Record):
    """How many events, and their fatalities (sum of best figures)."""

    key: str
    events: int
    fatalities: int


class TypeTally(Tally):
    """Events of one ACLED event type, broken down by sub-type."""

    sub_event_types: list[Tally]


class CountryTally(Tally):
    """Events in one country, broken down by first-level division (``key`` ``""``: unknown)."""

    admin1: list[Tally]


class Stats(Record):
    """Counts of the events that match a query."""

    events: int
    fatalities: int = Field(description="Sum of best fatality figures.")
    first_date: dt.date | None = None
    last_date: dt.date | None = None
    by_type: list[TypeTally]
    by_country: list[CountryTally]
    by_week: list[Tally] = Field(
        description="Per ISO week (key: its Monday, YYYY-MM-DD) of each event's start date; "
        "weeks without events are left out."
    )


class Health(Record):
    """Whether the server can read its store, and what the store holds."""

    status: Literal["ok"] = "ok"
    engine: str
    counts: dict[str, int]
    loaded_at: dt.datetime = Field(description="When the served snapshot was read (UTC).")
