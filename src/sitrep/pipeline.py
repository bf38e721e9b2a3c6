"""Composition of the stages: inputs in, stored events out.

``pipeline`` alone fetches the heavy resources and catches ``InputError`` per article: a
broken input becomes a :class:`~sitrep.model.Rejected` record and the batch goes on.
Only candidate sentences (those with a violence trigger) are parsed, in one
``nlp.pipe`` stream over the whole batch. Coordinates an input carries place the events
its text could not place (:func:`place_from_point`).
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING

from sitrep import dates, geo, resources
from sitrep.errors import InputError
from sitrep.extract.events import candidate_sentences, extract_events
from sitrep.extract.sentences import Sentence, split_sentences
from sitrep.geo.gazetteer import haversine_km
from sitrep.ingest import read_inputs
from sitrep.merge import incident_reports, merge_events
from sitrep.model import Article, Event, Place, Rejected

if TYPE_CHECKING:
    from sitrep.geo import SourceRegion
    from sitrep.store import Store

log = logging.getLogger(__name__)

BATCH_SIZE = 64
POINT_DISAGREES_KM = 200.0
"""An input's point this far from the town the text names is flagged in a note."""


@dataclass
class RunSummary:
    """What a run did: articles read, events stored, inputs rejected."""

    articles: int = 0
    events: int = 0
    rejects: list[Rejected] = field(default_factory=list)

    def describe(self) -> str:
        """One line for the terminal."""
        return (
            f"{self.articles} articles, {self.events} events stored, {len(self.rejects)} rejected"
        )


def extract_text(text: str, *, published: dt.date, source: str) -> list[Event]:
    """Extract the incidents of one text (see :func:`sitrep.extract`)."""
    return extract_articles([Article.from_text(text, published=published, source=source)])


def extract_file(path: Path) -> list[Event]:
    """Extract the incidents of the first article in ``path``, storing nothing.

    Raises:
        InputError: the file holds no usable article.
    """
    for item in read_inputs([path]):
        if isinstance(item, InputError):
            raise item
        return extract_articles([item])
    raise InputError(str(path), "no article found")


def extract_articles(articles: list[Article]) -> list[Event]:
    """Extract and merge the incidents of a batch of articles, in memory."""
    return merge_events(_extract_batch(articles))


def report_articles(articles: list[Article]) -> list[Event]:
    """Extract each article's reports, each under the id of the incident it merges into.

    The per-article view of :func:`extract_articles` (what each article says, grouped
    into incidents by id), which is what per-article gold scores.
    """
    return incident_reports(_extract_batch(articles))


def run_inputs(
    paths: Iterable[Path | str],
    *,
    db_url: str | None = None,
    batch_size: int = BATCH_SIZE,
    learn_sources: bool = False,
) -> RunSummary:
    """Read inputs, extract incidents and store them, one transaction per batch.

    Args:
        paths: files or folders to read.
        db_url: store URL; SQLite file ``sitrep.db`` by default.
        batch_size: articles per batch (and per transaction).

    Returns:
        The run's summary; rejected inputs are also stored.
    """
    from sitrep.store import open_store

    summary = RunSummary()
    with open_store(db_url) as store:
        for batch in _batches(read_inputs(paths), batch_size):
            articles = [a for a in batch if isinstance(a, Article)]
            rejects = [_rejected(e) for e in batch if isinstance(e, InputError)]
            for reject in rejects:
                log.warning("rejected %s: %s", reject.origin, reject.reason)
            save_articles(store, articles, rejects, learn_sources=learn_sources)
            summary.articles += len(articles)
            summary.rejects.extend(rejects)
        summary.events = len(store.events())
    return summary


def save_articles(
    store: Store,
    articles: list[Article],
    rejects: list[Rejected],
    *,
    learn_sources: bool = False,
) -> None:
    """Extract one batch and save it; the store merges its reports in the same transaction.

    Args:
        store: an open store (:func:`sitrep.store.open_store`).
        articles: the batch's good articles.
        rejects: the batch's rejected inputs, stored alongside.
        learn_sources: let each outlet's usual region, learned from its stored events and
            the batch's other articles, settle between namesakes (off by default: a learned
            prior makes places depend on what was stored before and on batch size, against
            the store's promise that order and batching change nothing).
    """
    known = (
        store.source_regions({a.source for a in articles}, exclude_docs=[a.id for a in articles])
        if learn_sources
        else None
    )
    reports = _extract_batch(articles, source_regions=known, learn_sources=learn_sources)
    store.save_batch(articles, reports, rejects)


def _rejected(error: InputError) -> Rejected:
    return Rejected(origin=error.source, stage=error.stage, reason=error.reason)


def _batches(
    items: Iterator[Article | InputError], size: int
) -> Iterator[list[Article | InputError]]:
    while batch := list(islice(items, size)):
        yield batch


def _extract_batch(
    articles: list[Article],
    *,
    source_regions: Mapping[str, SourceRegion] | None = None,
    learn_sources: bool = False,
) -> list[Event]:
    """Extract events article by article, parsing only candidate sentences, in one stream."""
    reports = extract_reports(articles, source_regions=source_regions, learn_sources=learn_sources)
    return [event for article_reports in reports for event in article_reports]


def extract_reports(
    articles: list[Article],
    *,
    source_regions: Mapping[str, SourceRegion] | None = None,
    learn_sources: bool = False,
) -> list[list[Event]]:
    """Extract each article's reports (one event per incident), parsing in one stream.

    Args:
        articles: the batch; only their candidate sentences go through ``nlp.pipe``.
        source_regions: each source's usual region known before the batch (the
            store's); with ``learn_sources`` the batch's other articles of a source are
            added to it.
        learn_sources: learn outlets' regions from the batch (see :func:`save_articles`).

    Returns:
        One list of reports per article, in the order of ``articles``.
    """
    if not articles:
        return []
    nlp = resources.nlp()
    gazetteer = resources.gazetteer()
    split = [split_sentences(a.text) for a in articles]
    wanted: list[tuple[int, Sentence]] = [
        (i, s) for i, sentences in enumerate(split) for s in candidate_sentences(sentences)
    ]
    parsed: list[dict] = [{} for _ in articles]
    for (i, sentence), doc in zip(wanted, nlp.pipe(s.text for _, s in wanted), strict=True):
        parsed[i][sentence.index] = doc
    reports: list[list[Event]] = []
    # Each article's toponyms with the usual region of its source (the store's, and the
    # batch's other articles of that source): "Richmond" from a Kentucky paper.
    spans = [_name_spans(sentences, docs) for sentences, docs in zip(split, parsed, strict=True)]
    places = geo.geoparse_batch(
        [a.text for a in articles],
        [a.source for a in articles],
        gazetteer,
        person_spans=[persons for persons, _ in spans],
        org_spans=[orgs for _, orgs in spans],
        known=source_regions,
        learn=learn_sources,
    )
    for article, sentences, docs, toponyms in zip(articles, split, parsed, places, strict=True):
        mentions = dates.find_dates(article.text, article.published)
        events = extract_events(article, sentences, docs, toponyms, mentions)
        if article.point is not None:
            nearest = gazetteer.reverse(*article.point)
            events = [place_from_point(e, article.point, nearest) for e in events]
        reports.append(events)
    return reports


def place_from_point(event: Event, point: tuple[float, float], nearest: Place | None) -> Event:
    """Place an event the text left unplaced, or placed only in a country, at the input's point.

    The text wins over the point: a town or region it names is kept, with a note when
    the point disagrees (more than :data:`POINT_DISAGREES_KM` from the town, or in
    another region); a country is refined only when the point lies in that country.

    Args:
        event: a report as extracted.
        point: the (lat, lon) the article's input carried.
        nearest: the populated place nearest ``point`` (``Gazetteer.reverse``).

    Returns:
        The event placed at ``nearest`` with precision 2 (ACLED: a small area coded to a
        representative town) and a note saying so; or the event unchanged, but for a
        note when the point disagrees with its place.
    """
    if nearest is None:
        return event
    place = event.location
    at = f"({point[0]:.4f}, {point[1]:.4f})"
    if place is None or (_country_only(place) and _same_country(place, nearest)):
        region = nearest.admin1 or nearest.country
        note = f"place from the input's coordinates {at}: nearest town {nearest.name}, {region}"
        km = _km(point, nearest)
        if km is not None:
            note += f" ({km:.0f} km away)"
        return _with_note(event, note, location=nearest.model_copy(update={"geo_precision": 2}))
    if place.geo_precision == 3:
        if _same_country(place, nearest) and (
            _country_only(place) or nearest.admin1 == place.admin1
        ):
            return event
        elsewhere = ", ".join(p for p in (nearest.admin1, nearest.country) if p)
        return _with_note(
            event,
            f"the input's coordinates {at} lie in {elsewhere}, not {place.name}; "
            "kept the text's place",
        )
    km = _km(point, place)
    if km is None or km <= POINT_DISAGREES_KM:
        return event
    return _with_note(
        event,
        f"the input's coordinates {at} lie {km:.0f} km from {place.name} "
        f"(nearest town {nearest.name}); kept the text's place",
    )


def _country_only(place: Place) -> bool:
    """A place coded only to its country (precision 3, no region)."""
    return place.geo_precision == 3 and (place.admin1 is None or place.name == place.country)


def _same_country(a: Place, b: Place) -> bool:
    if a.iso3 and b.iso3:
        return a.iso3 == b.iso3
    return a.country is not None and a.country == b.country


def _km(point: tuple[float, float], place: Place) -> float | None:
    if place.lat is None or place.lon is None:
        return None
    return haversine_km(point[0], point[1], place.lat, place.lon)


def _with_note(event: Event, note: str, **update: object) -> Event:
    return event.model_copy(update={**update, "notes": [*event.notes, note]})


def _name_spans(
    sentences: list[Sentence], docs: dict
) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Article offsets of PERSON and ORG entities, so geocoding skips "Victoria Amelina"."""
    persons: list[tuple[int, int]] = []
    orgs: list[tuple[int, int]] = []
    for sentence in sentences:
        doc = docs.get(sentence.index)
        if doc is None:
            continue
        for ent in doc.ents:
            span = (sentence.start + ent.start_char, sentence.start + ent.end_char)
            if ent.label_ == "PERSON" and len(ent) > 1:
                persons.append(span)
            elif ent.label_ == "ORG" and len(ent) > 1:
                orgs.append(span)
    return persons, orgs
