"""Assemble the FastAPI app: the store's catalog, the routers, the page's files."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles

from sitrep.errors import StoreError
from sitrep.serve.catalog import Catalog, check_url
from sitrep.serve.routers import articles, events, page, stats

logger = logging.getLogger(__name__)


def create_app(db_url: str, *, refresh_seconds: float = 2.0) -> FastAPI:
    """Build the API and page over the store at ``db_url``.

    Args:
        db_url: ``sqlite:///path`` (the file must exist) or ``postgresql://...``.
        refresh_seconds: how often, at most, the store is checked for new rows.

    Returns:
        The app; its lifespan loads the store once before the first request.

    Raises:
        ConfigError: the URL names a missing SQLite file or an unknown engine.
    """
    check_url(db_url)
    catalog = Catalog(db_url, refresh_seconds=refresh_seconds)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        catalog.snapshot()  # read the store once up front: a bad store fails the start
        missing = page.missing_vendor_files()
        if missing:
            logger.warning(
                "the page's map files are missing (%s): run make setup", ", ".join(missing)
            )
        app.state.catalog = catalog
        yield

    app = FastAPI(
        title="sitrep",
        summary="Conflict incidents with the evidence behind every field.",
        version=_version(),
        lifespan=lifespan,
    )
    app.add_exception_handler(StoreError, _store_unavailable)
    for module in (events, articles, stats, page):
        app.include_router(module.router)
    app.mount("/static", StaticFiles(directory=page.STATIC_DIR), name="static")
    return app


async def _store_unavailable(request: Request, exc: Exception) -> JSONResponse:
    """A store that cannot be read answers 503 with the reason."""
    return JSONResponse({"detail": str(exc)}, status_code=503)


def _version() -> str:
    """The installed sitrep version."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("sitrep")
    except PackageNotFoundError:
        return "0"
