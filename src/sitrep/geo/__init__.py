"""The geo stage: find place names in an article, resolve them, pick an event's place.

    from sitrep.geo import geoparse, event_place
    from sitrep.geo.gazetteer import Gazetteer

    gaz = Gazetteer.open_default()
    toponyms = geoparse(text, gaz)
    place = event_place(text, toponyms, start, end)

Modules: :mod:`~sitrep.geo.build` compiles the gazetteer, :mod:`~sitrep.geo.gazetteer`
reads it, :mod:`~sitrep.geo.recognise` finds mentions, :mod:`~sitrep.geo.resolve`
chooses among candidates, :mod:`~sitrep.geo.source` keeps where an outlet usually
reports from, :mod:`~sitrep.geo.event` picks the place of an incident.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sitrep.geo.event import event_place
from sitrep.geo.recognise import recognise
from sitrep.geo.resolve import resolve_mentions
from sitrep.geo.source import SourceRegion, geoparse_batch

if TYPE_CHECKING:
    from sitrep.geo.gazetteer import Gazetteer
    from sitrep.model import Toponym

__all__ = ["SourceRegion", "event_place", "geoparse", "geoparse_batch"]


def geoparse(
    text: str,
    gaz: Gazetteer,
    *,
    doc_id: str = "",
    person_spans: list[tuple[int, int]] | tuple = (),
    org_spans: list[tuple[int, int]] | tuple = (),
    source_region: SourceRegion | None = None,
) -> list[Toponym]:
    """Find and resolve every toponym in an article.

    Args:
        text: the whole article text (the whole text is the disambiguation context).
        gaz: the gazetteer (``sitrep.resources.gazetteer()``).
        doc_id: the article id, for log messages.
        person_spans: spans of person names (e.g. from NER); toponyms inside are dropped.
        org_spans: spans of organisation names; toponyms inside are dropped.
        source_region: where the article's outlet usually reports from: weak evidence
            that decides between namesakes the article leaves open ("Richmond" from a
            Kentucky paper), never against a country or region the article names.

    Returns:
        The toponyms in text order, each with its place, runner-up and reason.

    Example:
        >>> [t.place.admin1 for t in geoparse("Yalta, a city in occupied Crimea", gaz)]
        ['Crimea', 'Crimea']
    """
    rec = recognise(text, gaz, person_spans=person_spans, org_spans=org_spans)
    return resolve_mentions(text, rec, gaz, source_region=source_region)
