"""Shared fixtures. Keep this importable without heavy resources: import them in fixtures.

Stores: ``sqlite_store`` / ``pg_store`` (and their ``*_url``), and ``store`` / ``store_url``
which run a test once per engine. PostgreSQL tests need ``SITREP_TEST_PG_URL``:
``eval "$(scripts/ci_postgres.sh)"`` starts a local server and sets it.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from sitrep.store import Store, open_store

PG_ENV = "SITREP_TEST_PG_URL"


def shared_dir() -> Path | None:
    """The shared data folder: ``$SITREP_SHARED_DIR``, else ``../shared`` next to the repo,
    else ``/work/shared`` (where a clean CI clone elsewhere still finds it)."""
    candidates = [
        os.environ.get("SITREP_SHARED_DIR"),
        Path(__file__).parents[1].parent / "shared",
        "/work/shared",
    ]
    for candidate in candidates:
        if candidate and (Path(candidate) / "seed").is_dir():
            return Path(candidate)
    return None


@pytest.fixture(scope="session")
def seed_dir() -> Path:
    """The shared seed folder (``../shared/seed`` next to the repo)."""
    shared = shared_dir()
    if shared is None:
        pytest.skip("shared seed data not found (set SITREP_SHARED_DIR)")
    return shared / "seed"


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    """URL of a fresh SQLite file store."""
    return f"sqlite:///{tmp_path / 'sitrep.db'}"


@pytest.fixture
def pg_url() -> Iterator[str]:
    """URL of a fresh, empty PostgreSQL schema, dropped after the test."""
    base = os.environ.get(PG_ENV)
    if not base:
        pytest.skip(f'{PG_ENV} is not set; run eval "$(scripts/ci_postgres.sh)" to test PostgreSQL')
    import psycopg

    schema = f"test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(base, autocommit=True) as admin:
        admin.execute(f"CREATE SCHEMA {schema}")
    separator = "&" if "?" in base else "?"
    try:
        yield f"{base}{separator}options=-csearch_path%3D{schema}"
    finally:
        with psycopg.connect(base, autocommit=True) as admin:
            admin.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture
def sqlite_store(sqlite_url: str) -> Iterator[Store]:
    """An open store on a fresh SQLite file."""
    with open_store(sqlite_url) as store:
        yield store


@pytest.fixture
def pg_store(pg_url: str) -> Iterator[Store]:
    """An open store on a fresh PostgreSQL schema (skips without ``SITREP_TEST_PG_URL``)."""
    with open_store(pg_url) as store:
        yield store


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request: pytest.FixtureRequest) -> str:
    """The URL of a fresh store, once per engine."""
    return request.getfixturevalue("sqlite_url" if request.param == "sqlite" else "pg_url")


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    """An open fresh store, once per engine."""
    with open_store(store_url) as opened:
        yield opened
