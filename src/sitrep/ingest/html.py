"""HTML pages: main text and metadata through trafilatura.

The publication date comes from the page's metadata; when trafilatura finds none, from
a ``X.meta.json`` sidecar; otherwise the page is rejected (sitrep never guesses a date).
Coordinates come only from the sidecar (same keys as JSON Lines).
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sitrep.errors import EmptyArticleError, InputError, MissingDateError
from sitrep.ingest.point import point_or_warn
from sitrep.ingest.text import (
    optional_str,
    parse_published,
    read_sidecar,
    read_text,
    require_published,
    sidecar_path,
)
from sitrep.model import Article

logger = logging.getLogger(__name__)

# htmldate's extensive search guesses from any date-like string in the page; we only
# accept dates the page's metadata or markup states as its publication date.
_DATE_PARAMS: dict[str, Any] = {"extensive_search": False, "original_date": True}


def _drop_title_line(text: str, title: str | None) -> str:
    """Remove a leading headline line equal to the title, as ``.txt`` articles have none."""
    if title:
        first, _, rest = text.partition("\n")
        if first.strip() == title.strip() and rest.strip():
            return rest.strip()
    return text


def read_html(path: Path) -> Iterator[Article | InputError]:
    """Read one HTML page as an article.

    Args:
        path: an ``.html`` or ``.htm`` file (a ``X.meta.json`` sidecar is optional).

    Returns:
        An iterator of one :class:`Article`, or one :class:`InputError` when unusable.
    """
    import trafilatura  # heavy; imported only when an HTML file is read

    origin = str(path)
    try:
        html = read_text(path)
        doc = trafilatura.bare_extraction(
            html, with_metadata=True, date_extraction_params=_DATE_PARAMS
        )
        text = (doc.text or "").strip() if doc is not None else ""
        if not text:
            raise EmptyArticleError(
                origin, "no article text found in the HTML page; check it is an article"
            )
        title = optional_str(doc.title)
        meta = read_sidecar(path) or {}
        published = parse_published(doc.date)
        if published is None:
            if not meta:
                raise MissingDateError(
                    origin,
                    "no publication date in the page's metadata "
                    f'(add "published" to {sidecar_path(path).name})',
                )
            published = require_published(meta.get("published"), origin, sidecar_path(path).name)
    except InputError as exc:
        yield exc
        return
    title = title or optional_str(meta.get("title"))
    yield Article.from_text(
        _drop_title_line(text, title),
        published=published,
        source=optional_str(meta.get("source"))
        or optional_str(doc.sitename)
        or optional_str(doc.hostname)
        or "unknown",
        title=title,
        url=optional_str(doc.url) or optional_str(meta.get("url")),
        external_id=optional_str(meta.get("doc_id")),
        origin=origin,
        point=point_or_warn(meta, f"{origin} ({sidecar_path(path).name})"),
    )
