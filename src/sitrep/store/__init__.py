"""Store: articles, events and rejects in SQLite or PostgreSQL, one transaction per batch.

>>> with open_store("sqlite:///:memory:") as store:
...     store.save_batch([], [], [])
...     store.counts()["events"]
0

Both engines share the schema (``schema.py``, versioned migrations applied on open) and
every query; ``sqlite.py`` and ``postgres.py`` only connect and fill in what differs.
Each event is stored whole as JSON (so it round-trips exactly) next to indexed columns
(type, dates, place) and its claims, evidence and sources as rows for querying.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from types import TracebackType
from typing import Any, TypeVar

from pydantic import BaseModel

from sitrep.errors import ConfigError, StoreError
from sitrep.model import Article, Event, Rejected
from sitrep.store.schema import SCHEMA_VERSION, TABLES, Dialect, current_version, migrate

__all__ = ["DEFAULT_URL", "Store", "open_store"]

logger = logging.getLogger(__name__)

DEFAULT_URL = "sqlite:///sitrep.db"

M = TypeVar("M", bound=BaseModel)

_ARTICLE_COLUMNS = (
    "id",
    "source",
    "published",
    "title",
    "url",
    "external_id",
    "origin",
    "text",
    "record",
)
_EVENT_COLUMNS = (
    "event_id", "event_type", "sub_event_type", "date_start", "date_end", "date_precision",
    "location", "country", "admin1", "lat", "lon", "fatalities", "injured", "record",
)  # fmt: skip
_CLAIM_COLUMNS = (
    "event_id", "seq", "claimant", "status", "about", "source",
    "doc_id", "start_char", "end_char", "evidence_text",
)  # fmt: skip
_EVIDENCE_COLUMNS = ("event_id", "field", "doc_id", "start_char", "end_char", "text")
_SOURCE_COLUMNS = ("event_id", "doc_id", "source", "published", "url", "title", "external_id")
_REJECT_COLUMNS = ("origin", "stage", "reason")
_CHILD_TABLES = ("claims", "evidence", "sources")


def _insert(table: str, columns: Sequence[str], key: Sequence[str], update: bool = True) -> str:
    """Build an ``INSERT ... ON CONFLICT`` (upsert) statement both engines accept."""
    names = ", ".join(columns)
    marks = ", ".join("?" for _ in columns)
    conflict = ", ".join(key)
    sets = ", ".join(f"{c} = excluded.{c}" for c in columns if c not in key)
    action = f"DO UPDATE SET {sets}" if update else "DO NOTHING"
    return f"INSERT INTO {table} ({names}) VALUES ({marks}) ON CONFLICT ({conflict}) {action}"


_UPSERT_ARTICLE = _insert("articles", _ARTICLE_COLUMNS, ("id",))
_UPSERT_EVENT = _insert("events", _EVENT_COLUMNS, ("event_id",))
_INSERT_CLAIM = _insert("claims", _CLAIM_COLUMNS, ("event_id", "seq"))
_INSERT_EVIDENCE = _insert("evidence", _EVIDENCE_COLUMNS, ("event_id", "field"))
# An event may list the same article twice; one sources row says it all.
_INSERT_SOURCE = _insert("sources", _SOURCE_COLUMNS, ("event_id", "doc_id"), update=False)
_UPSERT_REJECT = _insert("rejects", _REJECT_COLUMNS, ("origin",))


def _article_row(article: Article) -> tuple[Any, ...]:
    return (
        article.id, article.source, article.published.isoformat(), article.title, article.url,
        article.external_id, article.origin, article.text, article.model_dump_json(),
    )  # fmt: skip


def _event_row(event: Event) -> tuple[Any, ...]:
    place = event.location
    return (
        event.event_id, event.event_type, event.sub_event_type,
        event.date.start.isoformat(), event.date.end.isoformat(), event.date.precision,
        place.name if place else None, place.country if place else None,
        place.admin1 if place else None, place.lat if place else None, place.lon if place else None,
        event.fatalities.best, event.injured.best, event.model_dump_json(),
    )  # fmt: skip


def _child_rows(event: Event) -> tuple[list[tuple[Any, ...]], ...]:
    """Return the claims, evidence and sources rows of one event."""
    claims = []
    for seq, claim in enumerate(event.claims):
        span = claim.evidence
        claims.append((
            event.event_id, seq, claim.claimant, claim.status, claim.about, claim.source,
            span.doc_id if span else None, span.start if span else None,
            span.end if span else None, span.text if span else None,
        ))  # fmt: skip
    evidence = [
        (event.event_id, field, span.doc_id, span.start, span.end, span.text)
        for field, span in event.evidence.items()
    ]
    sources = [
        (event.event_id, s.doc_id, s.source, s.published.isoformat(), s.url, s.title, s.external_id)
        for s in event.sources
    ]
    return claims, evidence, sources


def _last_by(records: Iterable[M], key: str) -> list[M]:
    """Keep the last record per key, in first-seen order (a batch may repeat a record)."""
    kept: dict[Any, M] = {}
    for record in records:
        kept[getattr(record, key)] = record
    return list(kept.values())


def _first_line(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]


class Store:
    """An open store. Use :func:`open_store` rather than building one.

    Args:
        dialect: the open engine connection; the schema must be migrated.
    """

    def __init__(self, dialect: Dialect) -> None:
        self._dialect = dialect

    @property
    def url(self) -> str:
        """The store's URL, password removed."""
        return self._dialect.label

    @property
    def engine(self) -> str:
        """``sqlite`` or ``postgresql``."""
        return self._dialect.name

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        """Close the connection (nothing is pending: every batch commits)."""
        self._dialect.close()

    def save_batch(
        self, articles: list[Article], events: list[Event], rejects: list[Rejected]
    ) -> None:
        """Upsert a batch in one transaction; re-saving the same batch changes nothing.

        Articles are keyed by ``id``, events by ``event_id`` (their claims, evidence and
        sources rows are replaced), rejects by ``origin``. A reject whose origin is now an
        accepted article's ``origin`` or ``id`` is removed.

        Args:
            articles: the articles read.
            events: the events built from them.
            rejects: the inputs that could not be used.

        Raises:
            StoreError: the database refused the batch; nothing of it was written.
        """
        db = self._dialect
        articles = _last_by(articles, "id")
        events = _last_by(events, "event_id")
        rejects = _last_by(rejects, "origin")
        accepted = sorted({a.origin for a in articles if a.origin} | {a.id for a in articles})
        children = [_child_rows(e) for e in events]
        try:
            with db.transaction():
                db.executemany(_UPSERT_ARTICLE, [_article_row(a) for a in articles])
                db.executemany("DELETE FROM rejects WHERE origin = ?", [(o,) for o in accepted])
                db.executemany(_UPSERT_EVENT, [_event_row(e) for e in events])
                for table in _CHILD_TABLES:
                    db.executemany(
                        f"DELETE FROM {table} WHERE event_id = ?", [(e.event_id,) for e in events]
                    )
                db.executemany(_INSERT_CLAIM, [row for c in children for row in c[0]])
                db.executemany(_INSERT_EVIDENCE, [row for c in children for row in c[1]])
                db.executemany(_INSERT_SOURCE, [row for c in children for row in c[2]])
                db.executemany(_UPSERT_REJECT, [(r.origin, r.stage, r.reason) for r in rejects])
        except db.errors as exc:
            raise StoreError(
                f"could not save the batch to {self.url} ({_first_line(exc)}); "
                "the batch was rolled back, nothing of it was written"
            ) from exc
        logger.info(
            "stored %d articles, %d events, %d rejects in %s",
            len(articles),
            len(events),
            len(rejects),
            self.url,
        )

    def _records(self, model: type[M], query: str) -> list[M]:
        """Load the JSON column of ``query`` into records."""
        try:
            rows = self._dialect.fetchall(query)
        except self._dialect.errors as exc:
            raise StoreError(f"could not read {self.url} ({_first_line(exc)})") from exc
        # SQLite gives JSON columns as text; psycopg decodes PostgreSQL json itself.
        return [
            model.model_validate_json(value)
            if isinstance(value, str | bytes)
            else model.model_validate(value)
            for (value,) in rows
        ]

    def events(self) -> list[Event]:
        """Return every stored event, ordered by (start date, event_id).

        Raises:
            StoreError: the database cannot be read.
        """
        return self._records(Event, "SELECT record FROM events ORDER BY date_start, event_id")

    def articles(self) -> list[Article]:
        """Return every stored article, ordered by (publication date, id).

        Raises:
            StoreError: the database cannot be read.
        """
        return self._records(Article, "SELECT record FROM articles ORDER BY published, id")

    def rejects(self) -> list[Rejected]:
        """Return every stored reject, ordered by origin.

        Raises:
            StoreError: the database cannot be read.
        """
        try:
            rows = self._dialect.fetchall(
                "SELECT origin, stage, reason FROM rejects ORDER BY origin"
            )
        except self._dialect.errors as exc:
            raise StoreError(f"could not read {self.url} ({_first_line(exc)})") from exc
        return [Rejected(origin=o, stage=s, reason=r) for o, s, r in rows]

    def counts(self) -> dict[str, int]:
        """Return the number of rows per table.

        Returns:
            ``{table: rows}`` for articles, events, claims, evidence, sources, rejects.

        Raises:
            StoreError: the database cannot be read.
        """
        try:
            return {
                t: int(self._dialect.fetchall(f"SELECT COUNT(*) FROM {t}")[0][0]) for t in TABLES
            }
        except self._dialect.errors as exc:
            raise StoreError(f"could not read {self.url} ({_first_line(exc)})") from exc

    def schema_version(self) -> int:
        """Return the schema version recorded in the store."""
        return current_version(self._dialect)


def _connect(url: str) -> Dialect:
    """Open the engine connection a store URL names."""
    scheme = url.split(":", 1)[0].lower() if ":" in url else ""
    if scheme == "sqlite":
        from sitrep.store.sqlite import SQLiteDialect

        return SQLiteDialect.connect(url)
    if scheme in {"postgresql", "postgres"}:
        from sitrep.store.postgres import PostgresDialect

        return PostgresDialect.connect(url)
    raise ConfigError(
        f"unknown store URL {url!r}; use sqlite:///path/to/file.db, sqlite:///:memory: or postgresql://..."
    )


def open_store(url: str | None = None) -> Store:
    """Open a store and bring its schema up to date; use it as a context manager.

    Args:
        url: ``sqlite:///path``, ``sqlite:///:memory:`` or ``postgresql://user@host/db``;
            ``None`` means ``sqlite:///sitrep.db``.

    Returns:
        The open :class:`Store` (closed when the ``with`` block ends).

    Raises:
        ConfigError: the URL's scheme is not a supported engine.
        StoreError: the database cannot be opened or migrated.
    """
    dialect = _connect(url or DEFAULT_URL)
    try:
        migrate(dialect)
    except (RuntimeError, *dialect.errors) as exc:
        dialect.close()
        raise StoreError(f"cannot prepare store {dialect.label}: {_first_line(exc)}") from exc
    logger.debug("opened %s at schema version %d", dialect.label, SCHEMA_VERSION)
    return Store(dialect)
