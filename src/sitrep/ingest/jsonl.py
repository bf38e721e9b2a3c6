"""JSON Lines: one article per line, with the article fields of ``shared/eval/SCHEMA.md``.

Keys other than ``doc_id``, ``source``, ``published``, ``title``, ``text``, ``url`` and
the coordinates (``lat``/``lon``, ``latitude``/``longitude`` or ``point: [lat, lon]``, see
:mod:`sitrep.ingest.point`) are ignored (gold ``events``, ``non_events`` ...), so gold
files read as inputs.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from pathlib import Path

from sitrep.errors import DecodeError, EmptyArticleError, InputError
from sitrep.ingest.point import point_or_warn
from sitrep.ingest.text import decode_bytes, optional_str, require_published
from sitrep.model import Article

logger = logging.getLogger(__name__)


def parse_line(line: str, origin: str) -> Article:
    """Build an article from one JSON line.

    Args:
        line: the decoded line.
        origin: ``path:lineno``, kept on the article and named in errors.

    Returns:
        The article; invalid coordinates are logged and left out.

    Raises:
        DecodeError: the line is not a JSON object.
        EmptyArticleError: it has no ``text``.
        MissingDateError: it has no valid ``published``.
    """
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise DecodeError(
            origin, f"not valid JSON (column {exc.colno}: {exc.msg}); fix or remove the line"
        ) from exc
    if not isinstance(record, dict):
        raise DecodeError(origin, "not a JSON object; each line must be one article object")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise EmptyArticleError(origin, 'no article text (add a non-empty "text" to the line)')
    lineno = origin.rsplit(":", 1)[-1]
    published = require_published(record.get("published"), origin, f"line {lineno}")
    return Article.from_text(
        text.strip(),
        published=published,
        source=optional_str(record.get("source")) or "unknown",
        title=optional_str(record.get("title")),
        url=optional_str(record.get("url")),
        external_id=optional_str(record.get("doc_id")),
        origin=origin,
        point=point_or_warn(record, origin),
    )


def read_jsonl(path: Path) -> Iterator[Article | InputError]:
    """Read a JSON Lines file; a broken line is reported and the good lines still come through.

    Args:
        path: the ``.jsonl`` file.

    Returns:
        An iterator of one :class:`Article` or :class:`InputError` per non-blank line
        (a single error for an unreadable, empty or binary file).
    """
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield InputError(
            str(path), f"cannot read file ({exc.strerror}); check it exists and is readable"
        )
        return
    if not data.strip():
        yield EmptyArticleError(str(path), "empty file; remove it or add one article per line")
        return
    if b"\x00" in data:
        yield DecodeError(
            str(path), "binary file (NUL bytes), not JSON Lines; give a UTF-8 text file"
        )
        return
    for lineno, raw in enumerate(data.splitlines(), start=1):
        if not raw.strip():
            continue
        origin = f"{path}:{lineno}"
        try:
            yield parse_line(decode_bytes(raw, origin), origin)
        except InputError as exc:
            yield exc
