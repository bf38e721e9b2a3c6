"""RSS and Atom feeds through feedparser: one article per entry.

An entry's text is its full content when the feed carries it, else its summary, with
the HTML stripped; its date is the entry's own ``published`` (or ``updated``) date.
The origin of an entry is ``path#N`` (N counts entries from 1, in feed order).

An entry's point comes from GeoRSS (``<georss:point>lat lon</georss:point>`` or a GML
``<gml:Point>`` inside ``<georss:where>``), else from W3C geo (``<geo:lat>``,
``<geo:long>``). Lines, boxes and polygons are not points and are left out.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from sitrep.errors import DecodeError, EmptyArticleError, InputError, MissingDateError
from sitrep.ingest.point import BadPoint, Point, check_point, warn_bad_point
from sitrep.ingest.text import optional_str, parse_published, read_text
from sitrep.model import Article

logger = logging.getLogger(__name__)

_FEED_ROOT = re.compile(rb"<(rss|feed|rdf:RDF)[\s>]", re.IGNORECASE)
_BLOCK_TAGS = frozenset(
    {"p", "div", "br", "li", "ul", "ol", "blockquote", "pre", "table", "tr"}
    | {"h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "header", "footer"}
)


def looks_like_feed(head: bytes) -> bool:
    """Tell whether the first bytes of a file are an RSS, RDF or Atom document.

    Args:
        head: the first kilobytes of the file.

    Returns:
        ``True`` when the root element is ``<rss>``, ``<feed>`` or ``<rdf:RDF>``.
    """
    return _FEED_ROOT.search(head) is not None


class _TextCollector(HTMLParser):
    """Collect the text of an HTML fragment, a line break per block element."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def strip_html(fragment: str) -> str:
    """Turn an HTML fragment into plain text, one paragraph per line.

    Args:
        fragment: HTML (or plain text, which passes through).

    Returns:
        The text with tags removed, entities decoded and whitespace tidied.
    """
    parser = _TextCollector()
    parser.feed(fragment)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).split("\n"))
    return "\n".join(line for line in lines if line)


def _entry_body(entry: Any) -> str:
    """Return the entry's longest content, else its summary, as plain text."""
    contents = [strip_html(c.get("value", "")) for c in entry.get("content", [])]
    body = max(contents, key=len, default="")
    return body or strip_html(entry.get("summary", "") or "")


def _entry_date(entry: Any) -> dt.date | None:
    """Return the calendar date the entry states, as written (not shifted to UTC)."""
    for key in ("published", "updated", "created"):
        date = parse_published(entry.get(key))
        if date is not None:
            return date
    for key in ("published_parsed", "updated_parsed"):
        parsed = entry.get(key)
        if parsed:
            return dt.date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday)
    return None


def entry_point(entry: Any) -> Point | None:
    """Return the point a feed entry carries (GeoRSS, else W3C geo), or ``None``.

    Args:
        entry: a feedparser entry.

    Returns:
        The (lat, lon) point, or ``None`` when the entry has none or only a line or area.

    Raises:
        BadPoint: the entry's point is malformed or out of range.
    """
    where = entry.get("where")
    if where is not None:
        # feedparser turns GeoRSS into GeoJSON: coordinates are (lon, lat[, height]), and
        # text it cannot read as numbers leaves no type or no coordinates
        kind, coordinates = where.get("type"), where.get("coordinates") or ()
        if kind not in (None, "Point"):
            return None
        if len(coordinates) < 2:
            raise BadPoint("the GeoRSS point is not two numbers 'lat lon'")
        lon, lat = coordinates[:2]
        return check_point(lat, lon, ("georss latitude", "georss longitude"))
    lat, lon = entry.get("geo_lat"), entry.get("geo_long")
    if lat is None and lon is None:
        return None
    if lat is None or lon is None:
        raise BadPoint(f"geo:{'lat' if lat is None else 'long'} is missing")
    return check_point(lat, lon, ("geo:lat", "geo:long"))


def _point_or_warn(entry: Any, origin: str) -> Point | None:
    """The entry's point; an invalid one is logged on one line and dropped."""
    try:
        return entry_point(entry)
    except BadPoint as exc:
        warn_bad_point(origin, str(exc))
        return None


def read_feed(path: Path) -> Iterator[Article | InputError]:
    """Read an RSS or Atom feed: one article per entry, one error per unusable entry.

    Args:
        path: the feed file.

    Returns:
        An iterator of :class:`Article` / :class:`InputError`, in feed order (a single
        error when the file is empty, binary or not a feed).
    """
    import feedparser  # imported only when a feed is read

    try:
        text = read_text(path)
    except InputError as exc:
        yield exc
        return
    parsed = feedparser.parse(text)
    if not parsed.entries:
        if parsed.get("bozo") and not parsed.get("version"):
            reason = (
                str(parsed.get("bozo_exception") or "").strip() or "unknown error"
            ).splitlines()[0]
            yield DecodeError(str(path), f"not a readable RSS/Atom feed ({reason}); check the XML")
        else:
            yield EmptyArticleError(str(path), "feed has no entries; nothing to read")
        return
    source = optional_str(parsed.feed.get("title")) or "unknown"
    for number, entry in enumerate(parsed.entries, start=1):
        origin = f"{path}#{number}"
        title = optional_str(strip_html(entry.get("title", "") or ""))
        body = _entry_body(entry) or (title or "")
        if not body:
            yield EmptyArticleError(
                origin, "feed entry has no title, summary or content; nothing to read"
            )
            continue
        published = _entry_date(entry)
        if published is None:
            yield MissingDateError(
                origin,
                "feed entry has no publication date (add <pubDate> or <published> to the entry)",
            )
            continue
        yield Article.from_text(
            body,
            published=published,
            source=source,
            title=title,
            url=optional_str(entry.get("link")),
            external_id=optional_str(entry.get("id")),
            origin=origin,
            point=_point_or_warn(entry, origin),
        )
