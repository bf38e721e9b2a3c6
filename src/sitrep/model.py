"""The records sitrep reads, builds and stores, defined once.

Names and enum values follow ``shared/eval/SCHEMA.md`` and ACLED's spellings, so the
evaluator and the exporters rename nothing.  Every extracted field keeps an
:class:`Evidence` span into the article text it came from.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Precision = Literal["day", "week", "month", "year"]
ClaimStatus = Literal["confirmed", "claimed", "reported", "denied", "unverified"]
PersonRole = Literal["victim", "perpetrator", "named"]
GeoPrecision = Literal[1, 2, 3]

EVENT_TYPES: dict[str, tuple[str, ...]] = {
    "Battles": (
        "Armed clash",
        "Government regains territory",
        "Non-state actor overtakes territory",
    ),
    "Explosions/Remote violence": (
        "Chemical weapon",
        "Air/drone strike",
        "Suicide bomb",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Grenade",
    ),
    "Violence against civilians": (
        "Sexual violence",
        "Attack",
        "Abduction/forced disappearance",
    ),
    "Protests": (
        "Peaceful protest",
        "Protest with intervention",
        "Excessive force against protesters",
    ),
    "Riots": ("Violent demonstration", "Mob violence"),
    "Strategic developments": (
        "Agreement",
        "Arrests",
        "Change to group/activity",
        "Disrupted weapons use",
        "Headquarters or base established",
        "Looting/property destruction",
        "Non-violent transfer of territory",
        "Other",
    ),
}


def content_id(text: str) -> str:
    """Return the id of an article: a hash of its text with whitespace normalised.

    The same text read from a ``.txt`` file, a JSON line or a feed gets the same id,
    which is what makes re-runs idempotent and lets the evaluator find gold articles.
    """
    normalised = " ".join(text.split())
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()[:16]


class Record(BaseModel):
    """Base of every record: immutable, no unknown fields."""

    model_config = ConfigDict(frozen=True, extra="forbid")


class Article(Record):
    """One input document with its publication date and source."""

    id: str
    source: str
    published: dt.date
    text: str
    title: str | None = None
    url: str | None = None
    external_id: str | None = None
    """The id the input itself gave (a sidecar's or JSON line's ``doc_id``)."""
    origin: str | None = None
    """Where it was read from: a path, ``path:line`` or a feed entry."""
    point: tuple[float, float] | None = None
    """(lat, lon) the input itself carried (GeoRSS, a JSON line's or sidecar's ``lat``/``lon``);
    not part of the id, which hashes the text alone."""

    @classmethod
    def from_text(cls, text: str, *, published: dt.date, source: str, **fields: object) -> Article:
        """Build an article whose id is the hash of ``text``."""
        return cls(id=content_id(text), text=text, published=published, source=source, **fields)


class Rejected(Record):
    """An input that could not be used, and why."""

    origin: str
    stage: str
    reason: str


class Evidence(Record):
    """A span of an article's text: ``text == article.text[start:end]``."""

    doc_id: str
    start: int
    end: int
    text: str


class DateInterval(Record):
    """The dates the text allows for an incident, both ends inclusive."""

    start: dt.date
    end: dt.date
    precision: Precision


class Place(Record):
    """A resolved location, coded as ACLED codes it (Crimea is Ukraine)."""

    name: str
    admin1: str | None = None
    country: str | None = None
    iso3: str | None = None
    lat: float | None = None
    lon: float | None = None
    geo_precision: GeoPrecision = 1
    geonameid: int | None = None


class Actor(Record):
    """A party to an incident: its name as the text gives it and its side."""

    name: str | None = None
    side: str | None = None
    kind: str | None = None
    """ACLED actor kind: state forces, rebel group, political militia, identity militia,
    rioters, protesters, civilians, external forces."""


class Count(Record):
    """A casualty figure as ACLED codes it: best is the lowest credible figure."""

    low: int = 0
    best: int = 0
    high: int | None = None


class Person(Record):
    """A named person of an incident and the part they played in it."""

    name: str
    role: PersonRole = "named"
    """``victim`` (killed, shot, abducted, arrested), ``perpetrator`` (did it), or ``named``
    when the text names them in the incident without saying which."""
    description: str | None = None
    """How the text describes them ("a former Ukrainian lawmaker"), if it does."""
    evidence: Evidence | None = None


class Claim(Record):
    """Who asserts what about an incident, and how firmly."""

    claimant: str | None = None
    status: ClaimStatus
    about: str | None = None
    """``occurrence``, ``perpetration`` or ``casualties``."""
    figures: list[str] = Field(default_factory=list)
    """For a claim about casualties, the figures it gives as the text words them
    ("168 people were killed")."""
    evidence: Evidence | None = None
    source: str | None = None
    """The outlet that carried the claim."""


class Source(Record):
    """An article that reports an event."""

    doc_id: str
    source: str
    published: dt.date
    url: str | None = None
    title: str | None = None
    external_id: str | None = None


class Event(Record):
    """One real-world incident, with the evidence for every field."""

    event_id: str
    event_type: str
    sub_event_type: str
    plover_type: str | None = None
    plover_mode: str | None = None
    date: DateInterval
    location: Place | None = None
    actor1: Actor | None = None
    actor2: Actor | None = None
    persons: list[str] = Field(default_factory=list)
    """Names of the persons of the incident, as SCHEMA.md lists them; ``people`` has their roles."""
    people: list[Person] = Field(default_factory=list)
    fatalities: Count = Count()
    injured: Count = Count()
    claims: list[Claim] = Field(default_factory=list)
    evidence: dict[str, Evidence] = Field(default_factory=dict)
    """Evidence per field; ``evidence["event"]`` is the clause that reports the incident."""
    sources: list[Source] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list)
    """Judgement calls made while building the event (conflicting figures, geocoding runner-up)."""
    merged_ids: list[str] = Field(default_factory=list)
    """Ids of the reports merged into this event; each resolves to ``event_id`` (see merge.py)."""

    @property
    def doc_ids(self) -> list[str]:
        """Ids of the articles that report this event."""
        return [s.doc_id for s in self.sources]


class Toponym(Record):
    """A place name found in a text and the place it was resolved to.

    ``runner_up`` and ``reason`` keep the disambiguation visible to a reader.
    """

    start: int
    end: int
    text: str
    place: Place
    kind: Literal["place", "admin1", "country"] = "place"
    score: float = 0.0
    runner_up: Place | None = None
    reason: str = ""


class DateMention(Record):
    """A temporal expression in a text and the interval it resolves to."""

    start: int
    end: int
    text: str
    interval: DateInterval
