"""Ingest: files and folders in, :class:`~sitrep.model.Article` records out.

``read_inputs`` walks folders in sorted order and dispatches each file by type:

========================  ==========================================================
``.txt``                  plain text, metadata from the ``X.meta.json`` sidecar
``.jsonl``                one article per line (``shared/eval/SCHEMA.md`` fields)
``.html`` / ``.htm``      main text and date through trafilatura (sidecar as fallback)
``.xml``/``.rss``/``.atom``  RSS/Atom through feedparser, one article per entry
anything else             read as a feed if its content says so, else rejected
========================  ==========================================================

Coordinates an input carries (GeoRSS, W3C geo, or ``lat``/``lon`` in a JSON line or
sidecar) become ``Article.point`` (:mod:`sitrep.ingest.point`); invalid ones are logged
and dropped, never a reason to reject the article.

A bad input never stops the batch: it comes out as an :class:`~sitrep.errors.InputError`
in the stream, in its place, and the caller (``pipeline.py``) turns it into a reject.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from sitrep.errors import InputError
from sitrep.ingest.feeds import looks_like_feed, read_feed
from sitrep.ingest.html import read_html
from sitrep.ingest.jsonl import read_jsonl
from sitrep.ingest.text import is_sidecar, read_txt
from sitrep.model import Article

__all__ = ["read_inputs", "read_file", "iter_files"]

logger = logging.getLogger(__name__)

Reader = Callable[[Path], Iterator[Article | InputError]]

READERS: dict[str, Reader] = {
    ".txt": read_txt,
    ".jsonl": read_jsonl,
    ".html": read_html,
    ".htm": read_html,
    ".xml": read_feed,
    ".rss": read_feed,
    ".atom": read_feed,
}

# Documentation kept next to the inputs (samples/README.md) is not an article; only
# skipped inside folder walks, so naming such a file explicitly still reports it.
_DOC_SUFFIXES = frozenset({".md", ".rst"})
_SNIFF_BYTES = 4096


def iter_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    """List the input files under ``paths``, folders walked in sorted order.

    Hidden files, ``.meta.json`` sidecars and, inside folders, documentation files
    (``.md``, ``.rst``) are skipped. A path that does not exist is yielded as given,
    so that reading it reports the error.

    Args:
        paths: files and folders, in the order given.

    Returns:
        An iterator of file paths.
    """
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                relative = child.relative_to(path).parts
                if any(part.startswith(".") for part in relative):
                    continue
                if is_sidecar(child) or child.suffix.lower() in _DOC_SUFFIXES:
                    continue
                yield child
        elif not is_sidecar(path):
            yield path


def _reader_for(path: Path) -> Reader | None:
    """Pick the reader for a file by extension, or by sniffing for a feed."""
    reader = READERS.get(path.suffix.lower())
    if reader is not None:
        return reader
    try:
        with path.open("rb") as handle:
            head = handle.read(_SNIFF_BYTES)
    except OSError:
        return None
    return read_feed if looks_like_feed(head) else None


def read_file(path: str | Path) -> Iterator[Article | InputError]:
    """Read one input file.

    Args:
        path: a file of any supported type.

    Returns:
        An iterator of :class:`Article` and :class:`InputError` records.
    """
    path = Path(path)
    if not path.exists():
        yield InputError(str(path), "no such file or folder; check the path")
        return
    if not path.is_file():
        yield InputError(str(path), "not a regular file; give a file or a folder")
        return
    reader = _reader_for(path)
    if reader is None:
        yield InputError(
            str(path),
            f"unsupported file type {path.suffix or '(no extension)'!s}; "
            "use .txt (+ .meta.json), .jsonl, .html or an RSS/Atom feed",
        )
        return
    logger.debug("reading %s with %s", path, reader.__name__)
    yield from reader(path)


def read_inputs(paths: Iterable[str | Path]) -> Iterator[Article | InputError]:
    """Read every article under ``paths``, never raising for a bad input.

    Args:
        paths: files and folders; folders are walked recursively in sorted order.

    Returns:
        An iterator, in deterministic order, of one :class:`Article` per good article
        and one :class:`InputError` (``DecodeError``, ``EmptyArticleError``,
        ``MissingDateError`` or plain ``InputError``) per unusable one; an error's
        ``source`` names the file, ``path:line`` or ``path#entry``.
    """
    for path in iter_files(paths):
        yield from read_file(path)
