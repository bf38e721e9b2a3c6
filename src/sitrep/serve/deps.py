"""Dependencies shared by the routers: the snapshot being served and the event filters."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import Depends, HTTPException, Query, Request

from sitrep.serve.catalog import Catalog, Snapshot
from sitrep.serve.query import EventFilter


def get_catalog(request: Request) -> Catalog:
    """The catalog the app's lifespan opened."""
    return request.app.state.catalog


def get_snapshot(catalog: Annotated[Catalog, Depends(get_catalog)]) -> Snapshot:
    """The current snapshot of the store (reloaded if the store changed)."""
    return catalog.snapshot()


def get_filter(
    country: Annotated[
        str | None, Query(description="Country name or ISO3 code, e.g. Ukraine or UKR (any case).")
    ] = None,
    admin1: Annotated[
        str | None, Query(description="First-level division, e.g. Kherson (any case).")
    ] = None,
    event_type: Annotated[
        list[str] | None,
        Query(description="ACLED event type; repeat for any of several, e.g. Battles."),
    ] = None,
    sub_event_type: Annotated[
        list[str] | None,
        Query(description="ACLED sub-event type; repeat for any of several, e.g. Armed clash."),
    ] = None,
    since: Annotated[
        dt.date | None, Query(description="Events that start on or after this day (YYYY-MM-DD).")
    ] = None,
    until: Annotated[
        dt.date | None, Query(description="Events that start on or before this day (YYYY-MM-DD).")
    ] = None,
    min_fatalities: Annotated[
        int | None, Query(ge=0, description="Best fatality figure at least this.")
    ] = None,
    q: Annotated[
        str | None,
        Query(description="Words that must all occur in the event's evidence spans (any case)."),
    ] = None,
) -> EventFilter:
    """The filters of an events query, validated.

    Raises:
        HTTPException: 422 when ``since`` is after ``until``.
    """
    if since and until and since > until:
        raise HTTPException(422, f"since ({since}) is after until ({until})")
    return EventFilter(
        country=country or None,
        admin1=admin1 or None,
        event_type=tuple(t for t in event_type or () if t),
        sub_event_type=tuple(t for t in sub_event_type or () if t),
        since=since,
        until=until,
        min_fatalities=min_fatalities,
        q=(q or "").strip() or None,
    )


SnapshotDep = Annotated[Snapshot, Depends(get_snapshot)]
CatalogDep = Annotated[Catalog, Depends(get_catalog)]
FilterDep = Annotated[EventFilter, Depends(get_filter)]
