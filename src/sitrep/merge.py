"""Merging: reports of one incident become one event with all their sources.

For now events are only de-duplicated by id, so that re-running the same input
changes nothing; cross-article merging builds on this.
"""

from __future__ import annotations

from sitrep.model import Event


def merge_events(events: list[Event]) -> list[Event]:
    """Fold events that share an id (the same clause of the same article) into one."""
    by_id: dict[str, Event] = {}
    for event in events:
        by_id[event.event_id] = event
    return sorted(by_id.values(), key=lambda e: (e.date.start, e.event_id))
