"""What the server answers from: a snapshot of the store, reloaded when the store changes.

The store is opened only to load a snapshot and closed again, so any request thread may
trigger a reload (SQLite connections belong to the thread that opened them), and a
``sitrep run`` writing to the same store is never blocked by the server.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
import time
from dataclasses import dataclass, field

from sitrep.errors import ConfigError
from sitrep.model import Article, Event
from sitrep.store import open_store

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Snapshot:
    """Every event and article of a store, indexed for the API."""

    engine: str
    counts: dict[str, int]
    events: tuple[Event, ...]
    articles: dict[str, Article]
    loaded_at: dt.datetime
    by_id: dict[str, Event] = field(init=False)
    aliases: dict[str, str] = field(init=False)
    """Merged-away report id -> the id of the event it is part of."""
    copy_of: dict[str, str] = field(default_factory=dict)
    """Near-duplicate article id -> the stored article it copies."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "by_id", {e.event_id: e for e in self.events})
        aliases = {m: e.event_id for e in self.events for m in e.merged_ids if m != e.event_id}
        object.__setattr__(self, "aliases", aliases)


def load_snapshot(db_url: str) -> Snapshot:
    """Read a whole store into a :class:`Snapshot`.

    Raises:
        ConfigError: the URL names no supported engine.
        StoreError: the store cannot be read.
    """
    with open_store(db_url) as store:
        counts = store.counts()
        events = tuple(store.events())
        articles = {a.id: a for a in store.articles()}
        copy_of = {s.doc_id: canonical for canonical, ss in store.copies().items() for s in ss}
        engine = store.engine
    logger.info("loaded %d events and %d articles from %s", len(events), len(articles), engine)
    return Snapshot(
        engine=engine,
        counts=counts,
        events=events,
        articles=articles,
        copy_of=copy_of,
        loaded_at=dt.datetime.now(dt.UTC),
    )


def check_url(db_url: str) -> None:
    """Refuse a SQLite URL whose file does not exist (serving would create an empty store).

    Raises:
        ConfigError: the file is missing.
    """
    from pathlib import Path

    from sitrep.store.sqlite import MEMORY, path_from_url

    if not db_url.lower().startswith("sqlite:"):
        return
    path = path_from_url(db_url)
    if path != MEMORY and not Path(path).is_file():
        raise ConfigError(
            f"no store at {path}; fill one first with: sitrep run INPUTS --db {db_url}"
        )


class Catalog:
    """The current snapshot of one store, checked for changes at most every ``refresh_seconds``.

    Args:
        db_url: the store URL.
        refresh_seconds: how old a snapshot may get before the store's row counts are
            compared with it again (0: on every request).
    """

    def __init__(self, db_url: str, refresh_seconds: float = 2.0) -> None:
        self.db_url = db_url
        self.refresh_seconds = refresh_seconds
        self._snapshot: Snapshot | None = None
        self._checked = 0.0
        self._lock = threading.Lock()

    def snapshot(self) -> Snapshot:
        """Return the current snapshot, reloading it if the store's row counts changed.

        Raises:
            StoreError: the store cannot be read.
        """
        with self._lock:
            now = time.monotonic()
            stale = self._snapshot is None or (
                now - self._checked >= self.refresh_seconds and self._changed(self._snapshot)
            )
            if stale:
                self._snapshot = load_snapshot(self.db_url)
            self._checked = now
            return self._snapshot  # type: ignore[return-value]

    def _changed(self, current: Snapshot) -> bool:
        """Tell whether the store's row counts differ from the snapshot's."""
        with open_store(self.db_url) as store:
            return store.counts() != current.counts

    def resolve(self, event_id: str) -> str | None:
        """Return the id of the stored event ``event_id`` stands for, or None if unknown.

        Raises:
            StoreError: the store cannot be read.
        """
        snapshot = self.snapshot()
        if event_id in snapshot.by_id:
            return event_id
        if event_id in snapshot.aliases:
            return snapshot.aliases[event_id]
        # Ids of earlier merges are only in the store's id table.
        with open_store(self.db_url) as store:
            survivor = store.resolve(event_id)
        return survivor if survivor in snapshot.by_id else None
