"""The HTTP API and the web page over a store: ``create_app(db_url)`` builds the FastAPI app.

``app.py`` only assembles; ``catalog.py`` reads the store into a snapshot (reloaded when the
store changes); ``query.py`` filters, pages, counts and maps events (pure functions over
records); ``schemas.py`` holds the response envelopes around the records of
:mod:`sitrep.model`; ``routers/`` has one router per resource; ``static/`` is the page.
"""

from __future__ import annotations

from sitrep.serve.app import create_app

__all__ = ["create_app"]
