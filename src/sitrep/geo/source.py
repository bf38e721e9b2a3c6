"""Where an outlet usually reports from: weak evidence for the toponyms of its articles.

A small-town paper's bare "Richmond" is its own state's Richmond.  A :class:`SourceRegion`
holds how often an outlet's reports fell in each country and admin1 region; the resolver
(:mod:`sitrep.geo.resolve`) lets it decide between namesakes the article leaves open.

It comes from the store (the places of the events already stored from that source,
``Store.source_regions``), from the other articles of the same source in the batch
(:func:`geoparse_batch`: one pass without, then each article again with the region of the
*other* articles of its source, so the result does not depend on the order within the
batch), and from place names in the outlet's name or web host (:func:`name_hint`).

Regions are keyed by the names a :class:`~sitrep.model.Place` carries (``country``,
``admin1``), as the store keeps them, so no gazetteer is needed to read them back.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sitrep.geo.gazetteer import Candidate, Gazetteer
from sitrep.geo.recognise import recognise
from sitrep.geo.resolve import resolve_mentions

if TYPE_CHECKING:
    from sitrep.model import Place, Toponym

# Pseudo-weight of "somewhere else" in every share: one article's worth.  An outlet seen
# once in Kentucky is 50 % Kentucky, seen five times 83 %.
SHRINK = 1.0


@dataclass(frozen=True)
class SourceRegion:
    """How an outlet's reports spread over countries and admin1 regions.

    Weights are report counts (an article or a stored event counts 1, split over its
    places); shares are read with :meth:`country_share` and :meth:`admin1_share`.
    """

    countries: Mapping[str, float] = field(default_factory=dict)
    """Country name (``Place.country``) -> weight."""
    admin1: Mapping[tuple[str, str], float] = field(default_factory=dict)
    """(country, admin1) names (``Place.country``, ``Place.admin1``) -> weight."""
    reports: float = 0.0
    """How many reports the weights stand for."""

    def __bool__(self) -> bool:
        return self.reports > 0

    def __add__(self, other: SourceRegion) -> SourceRegion:
        return SourceRegion(
            _combine(self.countries, other.countries, 1.0),
            _combine(self.admin1, other.admin1, 1.0),
            self.reports + other.reports,
        )

    def __sub__(self, other: SourceRegion) -> SourceRegion:
        return SourceRegion(
            _combine(self.countries, other.countries, -1.0),
            _combine(self.admin1, other.admin1, -1.0),
            max(0.0, self.reports - other.reports),
        )

    def country_share(self, country: str | None) -> float:
        """Share of the outlet's reports in ``country`` (shrunk towards 0 when few)."""
        if not country or self.reports <= 0:
            return 0.0
        return self.countries.get(country, 0.0) / (self.reports + SHRINK)

    def admin1_share(self, country: str | None, admin1: str | None) -> float:
        """Share of the outlet's reports in that admin1 region (shrunk towards 0)."""
        if not country or not admin1 or self.reports <= 0:
            return 0.0
        return self.admin1.get((country, admin1), 0.0) / (self.reports + SHRINK)

    def main(self) -> str:
        """The outlet's most frequent region (or country), for reasons and logs."""
        if self.admin1:
            (country, admin1), _ = max(self.admin1.items(), key=lambda kv: (kv[1], kv[0]))
            return f"{admin1}, {country}"
        if self.countries:
            return max(self.countries.items(), key=lambda kv: (kv[1], kv[0]))[0]
        return "none"


def _combine(a: Mapping, b: Mapping, sign: float) -> dict:
    """Add (or subtract) weight maps; entries that fall to zero are dropped."""
    out = dict(a)
    for key, weight in b.items():
        value = out.get(key, 0.0) + sign * weight
        if value > 1e-9:
            out[key] = value
        else:
            out.pop(key, None)
    return out


def region_of_places(places: Iterable[Place], *, weight: float = 1.0) -> SourceRegion:
    """One report's region: ``weight`` split over its places' countries and admin1s.

    Args:
        places: the places the report names (each mention counts once).
        weight: how many reports they stand for (an article: 1).

    Returns:
        The region; empty when no place has a country.
    """
    places = [p for p in places if p.country]
    if not places:
        return SourceRegion()
    countries: dict[str, float] = {}
    admin1: dict[tuple[str, str], float] = {}
    for p in places:
        countries[p.country] = countries.get(p.country, 0.0) + weight / len(places)
    # A country named in passing ("the United States") says nothing of the region: the
    # region's weight is split over the places that have one.
    regional = [p for p in places if p.admin1]
    for p in regional:
        admin1[(p.country, p.admin1)] = admin1.get((p.country, p.admin1), 0.0) + weight / len(
            regional
        )
    return SourceRegion(countries, admin1, weight)


def region_of_toponyms(toponyms: Iterable[Toponym]) -> SourceRegion:
    """An article's region from its resolved toponyms (continents and macro-regions aside)."""
    return region_of_places(t.place for t in toponyms if t.place.iso3 or t.place.admin1)


def from_counts(rows: Iterable[tuple[str | None, str | None, float]]) -> SourceRegion:
    """A region from ``(country, admin1, reports)`` rows, e.g. grouped stored events."""
    countries: dict[str, float] = {}
    admin1: dict[tuple[str, str], float] = {}
    reports = 0.0
    for country, region, n in rows:
        reports += n
        if not country:
            continue
        countries[country] = countries.get(country, 0.0) + n
        if region:
            admin1[(country, region)] = admin1.get((country, region), 0.0) + n
    return SourceRegion(countries, admin1, reports)


# The host's first label ("richmondregister" in "www.richmondregister.com") is read for a
# place name at its start; shorter prefixes than this are noise ("al", "la").
_MIN_HOST_PLACE = 5
_NOT_HOST = re.compile(r"^(?:https?://)?(?:www\d?\.|m\.|amp\.)?")


def name_hint(source: str, gaz: Gazetteer, url: str | None = None) -> SourceRegion:
    """A weak region from a place named in an outlet's name or web host.

    "Kyiv Independent" names Kyiv, "Sudan Tribune" Sudan.  Only a clear name counts: a
    country, a region, or a town of 100k people or more ten times bigger than any
    namesake (a host starting with "richmond" says which Richmond no better than the
    article does).  It counts as half a report.

    Args:
        source: the outlet's name or domain (``Article.source``).
        gaz: the gazetteer.
        url: the article's URL, whose host is read too.

    Returns:
        The hinted region (empty when the name names no clear place).
    """
    for phrase in _host_prefixes(source, url) + _name_phrases(source):
        if not gaz.is_place_name(phrase):
            continue
        place = _clear_place(gaz.candidates(phrase))
        if place is not None:
            return region_of_places([place], weight=0.5)
    return SourceRegion()


def _name_phrases(source: str) -> list[str]:
    """Capitalised words of an outlet's name, and pairs of them, pairs first."""
    tokens = re.findall(r"[A-Z][\w'’-]+", source)
    return [f"{a} {b}" for a, b in zip(tokens, tokens[1:], strict=False)] + tokens


def _host_prefixes(source: str, url: str | None) -> list[str]:
    """Prefixes of the first label of a domain source or URL host, longest first."""
    out = []
    for value in (source, url or ""):
        host = _NOT_HOST.sub("", value.strip().lower()).split("/")[0]
        if "." in host and " " not in host:
            label = host.split(".")[0].replace("-", "")
            out.extend(label[:n] for n in range(len(label), _MIN_HOST_PLACE - 1, -1))
    return out


def _clear_place(cands: Sequence[Candidate]) -> Place | None:
    """The place a name stands for when its likeliest reading leaves no doubt."""
    if not cands or cands[0].kind == "continent":
        return None
    top = cands[0]
    if top.kind in ("country", "admin1"):
        return top.place
    rivals = [c.population for c in cands[1:] if c.kind == "place"]
    if top.population >= 100_000 and all(top.population >= 10 * p for p in rivals):
        return top.place
    return None


def geoparse_batch(
    texts: Sequence[str],
    sources: Sequence[str],
    gaz: Gazetteer,
    *,
    person_spans: Sequence[Sequence[tuple[int, int]]] | None = None,
    org_spans: Sequence[Sequence[tuple[int, int]]] | None = None,
    known: Mapping[str, SourceRegion] | None = None,
    hint_names: bool = True,
    learn: bool = True,
) -> list[list[Toponym]]:
    """Geoparse a batch, each article with the usual region of its source.

    Each article is first resolved with what was known of its source before the batch
    (``known``: the store; and the outlet's name); then, when other articles of the same
    source are in the batch, again with their regions added (leave-one-out: an article
    is never its own evidence).  The result does not depend on the batch's order.

    Args:
        texts: the articles' texts.
        sources: each article's source (outlet).
        gaz: the gazetteer.
        person_spans: per article, spans of person names (NER).
        org_spans: per article, spans of organisation names.
        known: per source, its region known before this batch (e.g. from the store).
        hint_names: add the hint of a place in the outlet's name (:func:`name_hint`).
        learn: also learn from the batch's other articles of a source (off: each article is
            resolved with ``known`` and the name hint only, whatever else is in the batch).

    Returns:
        Per article, its toponyms in text order.
    """
    hints = {src: name_hint(src, gaz) for src in sorted(set(sources))} if hint_names else {}
    known = {
        src: (known or {}).get(src, SourceRegion()) + hints.get(src, SourceRegion())
        for src in set(sources)
    }
    none: list[tuple[int, int]] = []
    recs = [
        recognise(
            text,
            gaz,
            person_spans=person_spans[i] if person_spans else none,
            org_spans=org_spans[i] if org_spans else none,
        )
        for i, text in enumerate(texts)
    ]
    first = [
        resolve_mentions(text, rec, gaz, source_region=known.get(src) or None)
        for text, rec, src in zip(texts, recs, sources, strict=True)
    ]
    if not learn:
        return first
    own = [region_of_toponyms(toponyms) for toponyms in first]
    batch: dict[str, SourceRegion] = {}
    for src, region in zip(sources, own, strict=True):
        batch[src] = batch.get(src, SourceRegion()) + region
    out = []
    for i, (text, rec, src) in enumerate(zip(texts, recs, sources, strict=True)):
        others = batch[src] - own[i]
        if not others:
            out.append(first[i])
            continue
        region = known.get(src, SourceRegion()) + others
        out.append(resolve_mentions(text, rec, gaz, source_region=region))
    return out
