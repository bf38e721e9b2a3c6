"""Coordinates an input carries itself: checked, or dropped with a one-line warning.

JSON Lines and ``.meta.json`` sidecars give a point as ``lat`` + ``lon``, ``latitude`` +
``longitude`` or ``point: [lat, lon]`` (latitude first, as GeoRSS writes it, not
GeoJSON's order); feeds as GeoRSS or W3C geo (see :mod:`sitrep.ingest.feeds`). A bad
point never rejects the article: it is logged and the article is read without it.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Mapping

logger = logging.getLogger(__name__)

Point = tuple[float, float]
"""(latitude, longitude) in degrees."""

_FORMS: tuple[tuple[str, ...], ...] = (("point",), ("lat", "lon"), ("latitude", "longitude"))


class BadPoint(ValueError):
    """Coordinates that cannot be used; the message says why."""


def _degrees(value: object, name: str) -> float:
    """Read one coordinate: a JSON number or a numeric string."""
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise BadPoint(f"{name} is {value!r}, not a number")
    try:
        number = float(value)
    except ValueError:
        raise BadPoint(f"{name} is {value!r}, not a number") from None
    if not math.isfinite(number):
        raise BadPoint(f"{name} is {value!r}, not a finite number")
    return number


def check_point(lat: object, lon: object, names: tuple[str, str] = ("lat", "lon")) -> Point:
    """Validate a latitude and longitude.

    Args:
        lat: the latitude as given (number or numeric string).
        lon: the longitude as given.
        names: how the input names the two values, for the error message.

    Returns:
        The point as floats.

    Raises:
        BadPoint: a value is not a finite number, is out of range, or the point is
            (0, 0), the usual placeholder for a missing point.
    """
    la, lo = _degrees(lat, names[0]), _degrees(lon, names[1])
    if not -90.0 <= la <= 90.0:
        raise BadPoint(f"{names[0]} {la:g} is outside -90..90")
    if not -180.0 <= lo <= 180.0:
        raise BadPoint(f"{names[1]} {lo:g} is outside -180..180")
    if la == 0.0 and lo == 0.0:
        raise BadPoint("(0, 0) is a placeholder, not a place")
    return la, lo


def record_point(record: Mapping[str, object]) -> Point | None:
    """Read the point of a JSON line or sidecar; keys with a ``null`` value are absent.

    Args:
        record: the JSON object.

    Returns:
        The point, or ``None`` when the record gives none.

    Raises:
        BadPoint: the coordinates are invalid, half given, or given in two ways.
    """
    forms = [keys for keys in _FORMS if any(record.get(k) is not None for k in keys)]
    if not forms:
        return None
    if len(forms) > 1:
        named = " and ".join("/".join(keys) for keys in forms)
        raise BadPoint(f"coordinates given twice ({named}); keep one")
    if forms[0] == ("point",):
        point = record["point"]
        if not isinstance(point, list | tuple) or len(point) != 2:
            raise BadPoint(f"point is {point!r}, not [lat, lon]")
        return check_point(point[0], point[1], ("point latitude", "point longitude"))
    lat_key, lon_key = forms[0]
    for key in (lat_key, lon_key):
        if record.get(key) is None:
            raise BadPoint(f'"{key}" is missing')
    return check_point(record[lat_key], record[lon_key], (lat_key, lon_key))


def point_or_warn(record: Mapping[str, object], origin: str) -> Point | None:
    """Read a record's point; an invalid one is logged on one line and dropped.

    Args:
        record: a JSON line or sidecar.
        origin: the input named in the warning (``path``, ``path:line``).

    Returns:
        The point, or ``None`` when absent or invalid.
    """
    try:
        return record_point(record)
    except BadPoint as exc:
        warn_bad_point(origin, str(exc))
        return None


def warn_bad_point(origin: str, reason: str) -> None:
    """Log that an input's coordinates are ignored, and why."""
    logger.warning("%s: coordinates ignored: %s; the article is read without them", origin, reason)
