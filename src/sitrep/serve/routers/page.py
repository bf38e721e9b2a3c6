"""``/``: the web page (map, timeline, filters, evidence), plain files from ``static/``."""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter
from fastapi.responses import FileResponse

STATIC_DIR = Path(__file__).resolve().parents[1] / "static"
VENDOR_FILES = (
    "vendor/leaflet/leaflet-src.esm.js",
    "vendor/leaflet/leaflet.css",
    "vendor/countries.geojson",
)
"""Files ``make setup`` copies in from the npm packages (``web/build.mjs``)."""

router = APIRouter(include_in_schema=False)


def missing_vendor_files() -> list[str]:
    """The vendor files the page needs that are not built (run ``make setup``)."""
    return [name for name in VENDOR_FILES if not (STATIC_DIR / name).is_file()]


@router.api_route("/", methods=["GET", "HEAD"])
def index() -> FileResponse:
    """The page; its script asks the JSON API for everything it shows."""
    return FileResponse(STATIC_DIR / "index.html", media_type="text/html")
