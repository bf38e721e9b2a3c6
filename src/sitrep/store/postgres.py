"""PostgreSQL engine: psycopg 3, imported only when a ``postgresql://`` store is opened."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import ClassVar

from sitrep.errors import ConfigError, StoreError
from sitrep.store.schema import Dialect

logger = logging.getLogger(__name__)

# Any fixed 64-bit number: the advisory lock that lets one process migrate at a time.
_MIGRATION_LOCK = 0x5_17_4E_9
# Another one for batch writers: a batch reads the reports it merges with and writes the
# result, so two writers must not interleave.
_WRITE_LOCK = 0x5_17_4E_A


def redact(url: str) -> str:
    """Return ``url`` with its password replaced by ``***``, for messages and logs."""
    return re.sub(r"(://[^:/@]+:)[^@]*@", r"\1***@", url)


class PostgresDialect(Dialect):
    """PostgreSQL through psycopg 3."""

    name: ClassVar[str] = "postgresql"
    types: ClassVar[dict[str, str]] = {"date": "DATE", "float": "DOUBLE PRECISION", "json": "JSON"}
    placeholder: ClassVar[str] = "%s"

    @classmethod
    def connect(cls, url: str) -> PostgresDialect:
        """Connect to the database a ``postgresql://`` URL names.

        Args:
            url: a libpq URL; query parameters (``?options=-csearch_path%3Dx``) pass through.

        Returns:
            The open dialect.

        Raises:
            ConfigError: psycopg is not installed.
            StoreError: the server cannot be reached or refuses the connection.
        """
        try:
            import psycopg
        except ImportError as exc:
            raise ConfigError(
                "PostgreSQL store needs psycopg; install it with: pip install 'sitrep[postgres]'"
            ) from exc
        cls.errors = (psycopg.Error,)
        if url.startswith("postgres://"):
            url = "postgresql://" + url.removeprefix("postgres://")
        try:
            connection = psycopg.connect(url, autocommit=True)
        except psycopg.Error as exc:
            first = (str(exc).strip().splitlines() or ["connection failed"])[0]
            raise StoreError(
                f"cannot connect to {redact(url)} ({first}); "
                "check the URL and that the server is running"
            ) from exc
        return cls(connection, redact(url))

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Run the block in one transaction: commit on success, roll back on any error."""
        with self.connection.transaction():
            yield

    def lock_migrations(self) -> None:
        """Hold an advisory lock until the migration transaction ends."""
        self.execute("SELECT pg_advisory_xact_lock(?)", (_MIGRATION_LOCK,))

    def lock_writes(self) -> None:
        """Hold an advisory lock until the batch transaction ends."""
        self.execute("SELECT pg_advisory_xact_lock(?)", (_WRITE_LOCK,))

    def table_exists(self, table: str) -> bool:
        """Tell whether ``table`` exists in the current search path."""
        rows = self.fetchall("SELECT to_regclass(?) IS NOT NULL", (table,))
        return bool(rows[0][0])
