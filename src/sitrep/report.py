"""Events as a terminal table (rich), for ``sitrep events`` and ``sitrep extract``."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from sitrep.model import Count, Event


def _count(count: Count) -> str:
    high = "?" if count.high is None else str(count.high)
    return (
        f"{count.best} ({count.low}-{high})"
        if (count.low, count.high) != (count.best, count.best)
        else str(count.best)
    )


def print_events_table(events: list[Event], console: Console | None = None) -> None:
    """Print one row per event: when, where, what, who, how many, who says so."""
    console = console or Console()
    table = Table(title=f"{len(events)} events", show_lines=False)
    for column in ("date", "place", "type", "actors", "killed", "injured", "claims", "sources"):
        table.add_column(column)
    for event in events:
        place = event.location
        where = (
            f"{place.name}, {place.admin1 or '?'}, {place.country or '?'} (p{place.geo_precision})"
            if place
            else "?"
        )
        when = f"{event.date.start}" + (
            "" if event.date.start == event.date.end else f"..{event.date.end}"
        )
        actors = " → ".join(a.name or "?" for a in (event.actor1, event.actor2) if a is not None)
        claims = "; ".join(f"{c.claimant or '(unattributed)'}: {c.status}" for c in event.claims)
        table.add_row(
            f"{when} ({event.date.precision})",
            where,
            f"{event.event_type} / {event.sub_event_type}",
            actors,
            _count(event.fatalities),
            _count(event.injured),
            claims,
            str(len(event.sources)),
        )
    console.print(table)
