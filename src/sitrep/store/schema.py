"""The store's schema as versioned migrations, and the small dialect layer under it.

Migrations are written once, in the SQL that SQLite and PostgreSQL share; the few
types that differ (``{date}``, ``{float}``, ``{json}``) are filled in by the dialect.
A migration is never edited once released: change the schema by appending one.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any, ClassVar

logger = logging.getLogger(__name__)

MIGRATIONS: list[tuple[int, str, list[str]]] = [
    (
        1,
        "articles, events with claims/evidence/sources, rejects",
        [
            """CREATE TABLE articles (
                id TEXT PRIMARY KEY,
                source TEXT NOT NULL,
                published {date} NOT NULL,
                title TEXT,
                url TEXT,
                external_id TEXT,
                origin TEXT,
                text TEXT NOT NULL,
                record {json} NOT NULL
            )""",
            "CREATE INDEX articles_published ON articles (published)",
            "CREATE INDEX articles_origin ON articles (origin)",
            """CREATE TABLE events (
                event_id TEXT PRIMARY KEY,
                event_type TEXT NOT NULL,
                sub_event_type TEXT NOT NULL,
                date_start {date} NOT NULL,
                date_end {date} NOT NULL,
                date_precision TEXT NOT NULL,
                location TEXT,
                country TEXT,
                admin1 TEXT,
                lat {float},
                lon {float},
                fatalities INTEGER NOT NULL,
                injured INTEGER NOT NULL,
                record {json} NOT NULL,
                CONSTRAINT events_dates_ordered CHECK (date_start <= date_end),
                CONSTRAINT events_lat_range CHECK (lat IS NULL OR (lat >= -90 AND lat <= 90)),
                CONSTRAINT events_lon_range CHECK (lon IS NULL OR (lon >= -180 AND lon <= 180))
            )""",
            "CREATE INDEX events_type ON events (event_type, sub_event_type)",
            "CREATE INDEX events_dates ON events (date_start, date_end)",
            "CREATE INDEX events_place ON events (country, admin1)",
            "CREATE INDEX events_coords ON events (lat, lon)",
            """CREATE TABLE claims (
                event_id TEXT NOT NULL REFERENCES events (event_id) ON DELETE CASCADE,
                seq INTEGER NOT NULL,
                claimant TEXT,
                status TEXT NOT NULL,
                about TEXT,
                source TEXT,
                doc_id TEXT,
                start_char INTEGER,
                end_char INTEGER,
                evidence_text TEXT,
                PRIMARY KEY (event_id, seq)
            )""",
            """CREATE TABLE evidence (
                event_id TEXT NOT NULL REFERENCES events (event_id) ON DELETE CASCADE,
                field TEXT NOT NULL,
                doc_id TEXT NOT NULL,
                start_char INTEGER NOT NULL,
                end_char INTEGER NOT NULL,
                text TEXT NOT NULL,
                PRIMARY KEY (event_id, field)
            )""",
            "CREATE INDEX evidence_doc ON evidence (doc_id)",
            """CREATE TABLE sources (
                event_id TEXT NOT NULL REFERENCES events (event_id) ON DELETE CASCADE,
                doc_id TEXT NOT NULL,
                source TEXT NOT NULL,
                published {date} NOT NULL,
                url TEXT,
                title TEXT,
                external_id TEXT,
                PRIMARY KEY (event_id, doc_id)
            )""",
            "CREATE INDEX sources_doc ON sources (doc_id)",
            """CREATE TABLE rejects (
                origin TEXT PRIMARY KEY,
                stage TEXT NOT NULL,
                reason TEXT NOT NULL
            )""",
        ],
    ),
    (
        2,
        "reports (one per article and incident), id pointers, near-duplicate copies",
        [
            """CREATE TABLE reports (
                report_id TEXT PRIMARY KEY,
                doc_id TEXT NOT NULL,
                date_start {date} NOT NULL,
                date_end {date} NOT NULL,
                record {json} NOT NULL,
                CONSTRAINT reports_dates_ordered CHECK (date_start <= date_end)
            )""",
            "CREATE INDEX reports_doc ON reports (doc_id)",
            "CREATE INDEX reports_dates ON reports (date_start, date_end)",
            """CREATE TABLE event_ids (
                id TEXT PRIMARY KEY,
                event_id TEXT NOT NULL
            )""",
            "CREATE INDEX event_ids_event ON event_ids (event_id)",
            """CREATE TABLE article_copies (
                id TEXT PRIMARY KEY,
                canonical_id TEXT NOT NULL,
                origin TEXT,
                record {json} NOT NULL
            )""",
            "CREATE INDEX article_copies_canonical ON article_copies (canonical_id)",
            """CREATE TABLE article_bands (
                band TEXT NOT NULL,
                article_id TEXT NOT NULL,
                PRIMARY KEY (band, article_id)
            )""",
            "CREATE INDEX article_bands_article ON article_bands (article_id)",
            # A store of version 1 kept only merged events: each becomes a report of its
            # first article, so the next run re-merges it with what comes.
            """INSERT INTO reports (report_id, doc_id, date_start, date_end, record)
            SELECT e.event_id,
                   COALESCE((SELECT MIN(s.doc_id) FROM sources s WHERE s.event_id = e.event_id),
                            e.event_id),
                   e.date_start, e.date_end, e.record
            FROM events e""",
            "INSERT INTO event_ids (id, event_id) SELECT event_id, event_id FROM events",
        ],
    ),
    (
        3,
        "sources by outlet, for the places an outlet usually reports (Store.source_regions)",
        ["CREATE INDEX sources_source ON sources (source, event_id)"],
    ),
]

SCHEMA_VERSION = MIGRATIONS[-1][0]
TABLES = (
    "articles", "events", "claims", "evidence", "sources", "rejects",
    "reports", "event_ids", "article_copies", "article_bands",
)  # fmt: skip


class Dialect:
    """What differs between engines: connecting, placeholders, types, errors, locking.

    Queries are written with ``?`` placeholders; a dialect rewrites them if its driver
    wants another style. Everything else (SQL, transactions' shape) is shared.
    """

    name: ClassVar[str] = "base"
    types: ClassVar[dict[str, str]] = {"date": "TEXT", "float": "REAL", "json": "TEXT"}
    errors: ClassVar[tuple[type[BaseException], ...]] = ()
    placeholder: ClassVar[str] = "?"

    def __init__(self, connection: Any, label: str) -> None:
        self.connection = connection
        self.label = label
        """The store's URL with any password removed, for messages."""

    def sql(self, query: str) -> str:
        """Return ``query`` with this driver's placeholder style and types filled in."""
        query = query.format(**self.types) if "{" in query else query
        return query if self.placeholder == "?" else query.replace("?", self.placeholder)

    def execute(self, query: str, params: Sequence[Any] = ()) -> Any:
        """Run one statement and return the cursor."""
        return self.connection.execute(self.sql(query), tuple(params))

    def executemany(self, query: str, rows: Sequence[Sequence[Any]]) -> None:
        """Run one statement for each row (nothing when ``rows`` is empty)."""
        if rows:
            self.connection.cursor().executemany(self.sql(query), [tuple(r) for r in rows])

    def fetchall(self, query: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        """Run a query and return all its rows."""
        return list(self.execute(query, params).fetchall())

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Run the block in one transaction: commit on success, roll back on any error."""
        raise NotImplementedError

    def lock_migrations(self) -> None:
        """Serialise concurrent migrations (inside the migration transaction)."""

    def lock_writes(self) -> None:
        """Serialise concurrent batch writers (inside the batch transaction)."""

    def table_exists(self, table: str) -> bool:
        """Tell whether ``table`` exists in the store's schema."""
        raise NotImplementedError

    def close(self) -> None:
        """Close the connection."""
        self.connection.close()


def current_version(dialect: Dialect) -> int:
    """Return the schema version recorded in the store (0 for an empty store)."""
    if not dialect.table_exists("schema_version"):
        return 0
    rows = dialect.fetchall("SELECT MAX(version) FROM schema_version")
    return int(rows[0][0] or 0)


def migrate(dialect: Dialect) -> list[int]:
    """Apply every pending migration, all in one transaction.

    Args:
        dialect: an open connection.

    Returns:
        The versions applied (empty when the store was up to date).

    Raises:
        RuntimeError: the store was written by a newer sitrep (unknown version).
    """
    applied: list[int] = []
    with dialect.transaction():
        dialect.execute(
            """CREATE TABLE IF NOT EXISTS schema_version (
                version INTEGER PRIMARY KEY,
                description TEXT NOT NULL,
                applied_at TEXT NOT NULL
            )"""
        )
        dialect.lock_migrations()
        version = current_version(dialect)
        if version > SCHEMA_VERSION:
            raise RuntimeError(
                f"store schema version {version} is newer than this sitrep's ({SCHEMA_VERSION}); "
                "upgrade sitrep"
            )
        for number, description, statements in MIGRATIONS:
            if number <= version:
                continue
            for statement in statements:
                dialect.execute(statement)
            dialect.execute(
                "INSERT INTO schema_version (version, description, applied_at) VALUES (?, ?, ?)",
                (number, description, dt.datetime.now(dt.UTC).isoformat(timespec="seconds")),
            )
            applied.append(number)
    if applied:
        logger.info("store %s: applied migrations %s", dialect.label, applied)
    return applied
