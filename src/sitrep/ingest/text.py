"""Plain-text articles: ``X.txt`` with a ``X.meta.json`` sidecar.

Also holds the helpers every reader shares: decoding a file, reading a sidecar and
parsing a publication date without ever guessing one.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import json
import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sitrep.errors import DecodeError, EmptyArticleError, InputError, MissingDateError
from sitrep.ingest.point import point_or_warn
from sitrep.model import Article

logger = logging.getLogger(__name__)

SIDECAR_SUFFIX = ".meta.json"


def decode_bytes(data: bytes, source: str) -> str:
    """Decode UTF-8 input (a BOM is allowed) and normalise line ends.

    Args:
        data: the raw bytes of a file or line.
        source: the path (or ``path:line``) named in errors.

    Returns:
        The text with ``\\r\\n`` and ``\\r`` turned into ``\\n``.

    Raises:
        DecodeError: the bytes hold NUL characters or are not UTF-8.
    """
    if b"\x00" in data:
        raise DecodeError(source, "binary file (NUL bytes), not text; give a UTF-8 text file")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DecodeError(
            source, f"not UTF-8 text (bad byte at offset {exc.start}); re-save the file as UTF-8"
        ) from exc
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_text(path: Path) -> str:
    """Read a whole file as UTF-8 text.

    Args:
        path: the file.

    Returns:
        Its text, line ends normalised.

    Raises:
        EmptyArticleError: the file is empty or only whitespace.
        DecodeError: the file is binary or not UTF-8.
        InputError: the file cannot be read.
    """
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(
            str(path), f"cannot read file ({exc.strerror}); check it exists and is readable"
        ) from exc
    if not data.strip():
        raise EmptyArticleError(str(path), "empty file; remove it or add the article text")
    return decode_bytes(data, str(path))


def sidecar_path(path: Path) -> Path:
    """Return the ``.meta.json`` sidecar that belongs to ``path`` (``X.txt`` -> ``X.meta.json``)."""
    return path.with_name(path.stem + SIDECAR_SUFFIX)


def is_sidecar(path: Path) -> bool:
    """Tell whether ``path`` is a ``.meta.json`` sidecar rather than an input."""
    return path.name.endswith(SIDECAR_SUFFIX)


def read_sidecar(path: Path) -> dict[str, Any] | None:
    """Read the sidecar of an input file.

    Args:
        path: the input file (not the sidecar).

    Returns:
        The sidecar's keys, or ``None`` when there is no sidecar.

    Raises:
        DecodeError: the sidecar is not a JSON object.
    """
    meta_path = sidecar_path(path)
    if not meta_path.is_file():
        return None
    try:
        meta = json.loads(decode_bytes(meta_path.read_bytes(), str(meta_path)))
    except json.JSONDecodeError as exc:
        raise DecodeError(
            str(path),
            f"{meta_path.name} is not valid JSON (line {exc.lineno}: {exc.msg}); fix the sidecar",
        ) from exc
    if not isinstance(meta, dict):
        raise DecodeError(str(path), f"{meta_path.name} is not a JSON object; fix the sidecar")
    return meta


def parse_published(value: object) -> dt.date | None:
    """Parse a publication date given as an ISO date, ISO datetime or RFC 822 string.

    A datetime keeps the calendar date it was written in (no conversion to UTC), since
    relative dates in the text ("on Tuesday") are relative to the outlet's own day.

    Args:
        value: a ``date``, ``datetime`` or string.

    Returns:
        The date, or ``None`` when ``value`` is missing or not a recognised date.
    """
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str) or not value.strip():
        return None
    raw = value.strip()
    try:
        return dt.date.fromisoformat(raw)
    except ValueError:
        pass
    try:
        return dt.datetime.fromisoformat(raw).date()
    except ValueError:
        pass
    try:
        return email.utils.parsedate_to_datetime(raw).date()
    except (TypeError, ValueError, IndexError):
        return None


def require_published(value: object, source: str, where: str) -> dt.date:
    """Parse a publication date or raise the error that says where to add it.

    Args:
        value: the raw ``published`` value (``None`` when absent).
        source: the input named in the error.
        where: the file or line the user should fix, e.g. ``X.meta.json``.

    Returns:
        The publication date.

    Raises:
        MissingDateError: ``value`` is missing or not a date.
    """
    published = parse_published(value)
    if published is not None:
        return published
    if value is None or (isinstance(value, str) and not value.strip()):
        raise MissingDateError(source, f'no publication date (add "published" to {where})')
    raise MissingDateError(
        source,
        f'no publication date: "published" is {value!r}, not an ISO date (fix it in {where})',
    )


def optional_str(value: object) -> str | None:
    """Return a stripped non-empty string, or ``None``."""
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def read_txt(path: Path) -> Iterator[Article | InputError]:
    """Read one plain-text article and its sidecar.

    Args:
        path: a ``.txt`` file; its metadata (and optional coordinates, as in JSON Lines)
            comes from ``X.meta.json`` next to it.

    Returns:
        An iterator of one :class:`Article`, or one :class:`InputError` when unusable;
        invalid coordinates are logged and left out.
    """
    origin = str(path)
    try:
        text = read_text(path).strip()
        if not text:
            raise EmptyArticleError(origin, "empty file; remove it or add the article text")
        meta = read_sidecar(path)
        sidecar = sidecar_path(path).name
        if meta is None:
            raise MissingDateError(origin, f'no publication date (add "published" to {sidecar})')
        published = require_published(meta.get("published"), origin, sidecar)
    except InputError as exc:
        yield exc
        return
    yield Article.from_text(
        text,
        published=published,
        source=optional_str(meta.get("source")) or "unknown",
        title=optional_str(meta.get("title")),
        url=optional_str(meta.get("url")),
        external_id=optional_str(meta.get("doc_id")),
        origin=origin,
        point=point_or_warn(meta, f"{origin} ({sidecar})"),
    )
