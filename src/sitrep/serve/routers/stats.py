"""``/api/stats`` (counts of the matching events) and ``/api/health``."""

from __future__ import annotations

from fastapi import APIRouter

from sitrep.serve.deps import FilterDep, SnapshotDep
from sitrep.serve.query import select, stats
from sitrep.serve.schemas import Health, Stats

router = APIRouter(prefix="/api", tags=["stats"])


@router.get("/stats", response_model=Stats)
def get_stats(snapshot: SnapshotDep, where: FilterDep) -> Stats:
    """Events and fatalities by type, by country and admin1, and by week."""
    return stats(select(snapshot.events, where))


@router.get("/health", response_model=Health)
def health(snapshot: SnapshotDep) -> Health:
    """The store can be read: its engine and row counts."""
    return Health(engine=snapshot.engine, counts=snapshot.counts, loaded_at=snapshot.loaded_at)
