"""``/api/events``: filtered pages of events, one event by id, and the same as GeoJSON."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import JSONResponse, RedirectResponse

from sitrep.model import Event
from sitrep.serve.deps import CatalogDep, FilterDep, SnapshotDep
from sitrep.serve.query import Order, feature_collection, select
from sitrep.serve.schemas import EventPage, FeatureCollection

router = APIRouter(prefix="/api", tags=["events"])

MAX_LIMIT = 1000


class GeoJSONResponse(JSONResponse):
    """JSON with the GeoJSON media type (RFC 7946)."""

    media_type = "application/geo+json"


@router.get("/events", response_model=EventPage)
def list_events(
    snapshot: SnapshotDep,
    where: FilterDep,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Events per page.")] = 100,
    offset: Annotated[int, Query(ge=0, description="Events to skip.")] = 0,
    order: Annotated[
        Order, Query(description="date (start date, then id), fatalities; '-' reverses.")
    ] = "date",
) -> EventPage:
    """Events matching every filter given, one page at a time."""
    chosen = select(snapshot.events, where, order)
    end = offset + limit
    return EventPage(
        total=len(chosen),
        limit=limit,
        offset=offset,
        next_offset=end if end < len(chosen) else None,
        items=chosen[offset:end],
    )


@router.get("/events.geojson", response_model=FeatureCollection, response_class=GeoJSONResponse)
def events_geojson(snapshot: SnapshotDep, where: FilterDep) -> FeatureCollection:
    """Every event matching the filters as GeoJSON; coordinates are [lon, lat].

    An event without coordinates is a feature with a null geometry (RFC 7946, 3.2).
    """
    return feature_collection(select(snapshot.events, where))


@router.get(
    "/events/{event_id}",
    response_model=Event,
    responses={
        307: {"description": "A merged-away id: Location names the event it is now part of."},
        404: {"description": "No event has or had this id."},
    },
)
def get_event(event_id: str, catalog: CatalogDep, request: Request) -> Event | RedirectResponse:
    """One event by id; an id merged into another event redirects to that event."""
    survivor = catalog.resolve(event_id)
    event = catalog.snapshot().by_id.get(survivor) if survivor else None
    if event is None:
        raise HTTPException(404, f"no event {event_id!r}")
    if survivor != event_id:
        url = request.url_for("get_event", event_id=event.event_id)
        return RedirectResponse(
            str(url), status_code=307, headers={"X-Merged-Into": event.event_id}
        )
    return event
