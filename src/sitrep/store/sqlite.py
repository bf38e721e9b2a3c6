"""SQLite engine: stdlib ``sqlite3``, WAL journal, explicit transactions."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from typing import ClassVar

from sitrep.errors import StoreError
from sitrep.store.schema import Dialect

logger = logging.getLogger(__name__)

MEMORY = ":memory:"


def path_from_url(url: str) -> str:
    """Return the database path of a ``sqlite:///path`` URL.

    Args:
        url: ``sqlite:///relative.db``, ``sqlite:////abs/path.db`` or ``sqlite:///:memory:``.

    Returns:
        The path to open (``:memory:`` for an in-memory store).

    Raises:
        StoreError: the URL names no path.
    """
    path = url.split(":", 1)[1].removeprefix("///")
    if path.startswith("//") or not path:
        raise StoreError(
            f"bad SQLite URL {url!r}; use sqlite:///path/to/file.db or sqlite:///:memory:"
        )
    return path


class SQLiteDialect(Dialect):
    """SQLite through the standard library."""

    name: ClassVar[str] = "sqlite"
    types: ClassVar[dict[str, str]] = {"date": "TEXT", "float": "REAL", "json": "TEXT"}
    errors: ClassVar[tuple[type[BaseException], ...]] = (sqlite3.Error,)

    @classmethod
    def connect(cls, url: str) -> SQLiteDialect:
        """Open (creating if needed) the database a ``sqlite:///`` URL names.

        Args:
            url: the store URL.

        Returns:
            The open dialect.

        Raises:
            StoreError: the file cannot be opened.
        """
        path = path_from_url(url)
        try:
            # isolation_level=None: we issue BEGIN/COMMIT ourselves, so DDL and DML
            # share one transaction and nothing commits behind our back.
            connection = sqlite3.connect(path, isolation_level=None, timeout=30)
            connection.execute("PRAGMA foreign_keys = ON")
            if path != MEMORY:
                connection.execute("PRAGMA journal_mode = WAL")
        except sqlite3.Error as exc:
            raise StoreError(
                f"cannot open SQLite store {path!r} ({exc}); "
                "check the folder exists and is writable"
            ) from exc
        return cls(connection, f"sqlite:///{path}")

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Run the block in one ``BEGIN IMMEDIATE`` transaction (takes the write lock up front)."""
        self.connection.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            # Some errors (disk full, I/O) already end the transaction; a second
            # ROLLBACK would then raise and hide the original error.
            if self.connection.in_transaction:
                self.connection.execute("ROLLBACK")
            raise
        self.connection.execute("COMMIT")

    def table_exists(self, table: str) -> bool:
        """Tell whether ``table`` exists."""
        rows = self.fetchall(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)
        )
        return bool(rows)
