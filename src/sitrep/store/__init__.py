"""Store: articles, events and rejects in SQLite or PostgreSQL, one transaction per batch.

>>> with open_store("sqlite:///:memory:") as store:
...     store.save_batch([], [], [])
...     store.counts()["events"]
0

Both engines share the schema (``schema.py``, versioned migrations applied on open) and
every query; ``sqlite.py`` and ``postgres.py`` only connect and fill in what differs.
Reports (one per article and incident) are the ground truth; events are their merge
(:mod:`sitrep.merge`), rewritten in the same transaction as the batch that changes them.
Each event is stored whole as JSON (so it round-trips exactly) next to indexed columns
(type, dates, place) and its claims, evidence and sources as rows for querying.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from types import TracebackType
from typing import TYPE_CHECKING, Any, TypeVar

from pydantic import BaseModel

from sitrep.errors import ConfigError, StoreError
from sitrep.merge import band_keys, copy_sources, is_near_duplicate, merge_events, with_report_id
from sitrep.model import Article, DateInterval, Event, Rejected, Source
from sitrep.store.schema import SCHEMA_VERSION, TABLES, Dialect, current_version, migrate

if TYPE_CHECKING:
    from sitrep.geo.source import SourceRegion

__all__ = ["DEFAULT_URL", "Store", "open_store"]

logger = logging.getLogger(__name__)

DEFAULT_URL = "sqlite:///sitrep.db"

M = TypeVar("M", bound=BaseModel)

_ARTICLE_COLUMNS = (
    "id",
    "source",
    "published",
    "title",
    "url",
    "external_id",
    "origin",
    "text",
    "record",
)
_EVENT_COLUMNS = (
    "event_id", "event_type", "sub_event_type", "date_start", "date_end", "date_precision",
    "location", "country", "admin1", "lat", "lon", "fatalities", "injured", "record",
)  # fmt: skip
_CLAIM_COLUMNS = (
    "event_id", "seq", "claimant", "status", "about", "source",
    "doc_id", "start_char", "end_char", "evidence_text",
)  # fmt: skip
_EVIDENCE_COLUMNS = ("event_id", "field", "doc_id", "start_char", "end_char", "text")
_SOURCE_COLUMNS = ("event_id", "doc_id", "source", "published", "url", "title", "external_id")
_REJECT_COLUMNS = ("origin", "stage", "reason")
_CHILD_TABLES = ("claims", "evidence", "sources")


def _insert(table: str, columns: Sequence[str], key: Sequence[str], update: bool = True) -> str:
    """Build an ``INSERT ... ON CONFLICT`` (upsert) statement both engines accept."""
    names = ", ".join(columns)
    marks = ", ".join("?" for _ in columns)
    conflict = ", ".join(key)
    sets = ", ".join(f"{c} = excluded.{c}" for c in columns if c not in key)
    action = f"DO UPDATE SET {sets}" if update else "DO NOTHING"
    return f"INSERT INTO {table} ({names}) VALUES ({marks}) ON CONFLICT ({conflict}) {action}"


_UPSERT_ARTICLE = _insert("articles", _ARTICLE_COLUMNS, ("id",))
_UPSERT_EVENT = _insert("events", _EVENT_COLUMNS, ("event_id",))
_INSERT_CLAIM = _insert("claims", _CLAIM_COLUMNS, ("event_id", "seq"))
_INSERT_EVIDENCE = _insert("evidence", _EVIDENCE_COLUMNS, ("event_id", "field"))
# An event may list the same article twice; one sources row says it all.
_INSERT_SOURCE = _insert("sources", _SOURCE_COLUMNS, ("event_id", "doc_id"), update=False)
_UPSERT_REJECT = _insert("rejects", _REJECT_COLUMNS, ("origin",))
_INSERT_REPORT = _insert(
    "reports", ("report_id", "doc_id", "date_start", "date_end", "record"), ("report_id",)
)
_UPSERT_COPY = _insert("article_copies", ("id", "canonical_id", "origin", "record"), ("id",))
_UPSERT_EVENT_ID = _insert("event_ids", ("id", "event_id"), ("id",))
_CHUNK = 500


def _article_row(article: Article) -> tuple[Any, ...]:
    return (
        article.id, article.source, article.published.isoformat(), article.title, article.url,
        article.external_id, article.origin, article.text, article.model_dump_json(),
    )  # fmt: skip


def _event_row(event: Event) -> tuple[Any, ...]:
    place = event.location
    return (
        event.event_id, event.event_type, event.sub_event_type,
        event.date.start.isoformat(), event.date.end.isoformat(), event.date.precision,
        place.name if place else None, place.country if place else None,
        place.admin1 if place else None, place.lat if place else None, place.lon if place else None,
        event.fatalities.best, event.injured.best, event.model_dump_json(),
    )  # fmt: skip


def _child_rows(event: Event) -> tuple[list[tuple[Any, ...]], ...]:
    """Return the claims, evidence and sources rows of one event."""
    claims = []
    for seq, claim in enumerate(event.claims):
        span = claim.evidence
        claims.append((
            event.event_id, seq, claim.claimant, claim.status, claim.about, claim.source,
            span.doc_id if span else None, span.start if span else None,
            span.end if span else None, span.text if span else None,
        ))  # fmt: skip
    evidence = [
        (event.event_id, field, span.doc_id, span.start, span.end, span.text)
        for field, span in event.evidence.items()
    ]
    sources = [
        (event.event_id, s.doc_id, s.source, s.published.isoformat(), s.url, s.title, s.external_id)
        for s in event.sources
    ]
    return claims, evidence, sources


def _report_row(report: Event) -> tuple[Any, ...]:
    return (
        report.event_id, report.doc_ids[0] if report.doc_ids else report.event_id,
        report.date.start.isoformat(), report.date.end.isoformat(), report.model_dump_json(),
    )  # fmt: skip


def _source_of(article: Article) -> Source:
    return Source(
        doc_id=article.id, source=article.source, published=article.published,
        url=article.url, title=article.title, external_id=article.external_id,
    )  # fmt: skip


def _chunks(values: list[Any]) -> Iterator[list[Any]]:
    """Slices short enough for one ``IN (...)`` list on either engine."""
    for start in range(0, len(values), _CHUNK):
        yield values[start : start + _CHUNK]


def _load(model: type[M], value: Any) -> M:
    """A record from a JSON column: SQLite gives text, psycopg decodes json itself."""
    if isinstance(value, str | bytes):
        return model.model_validate_json(value)
    return model.model_validate(value)


def _article_key(article: Article) -> tuple[Any, ...]:
    return (article.published, article.id)


@dataclass
class _Placement:
    """Where each article of a batch goes: kept, a copy of another, or replacing a stored one."""

    kept: list[Article] = field(default_factory=list)
    copies: dict[str, str] = field(default_factory=dict)
    """Batch article id -> the canonical article it copies."""
    demoted: dict[str, str] = field(default_factory=dict)
    """Stored article id -> the earlier batch article that now stands for it."""
    stored: dict[str, Article] = field(default_factory=dict)

    @classmethod
    def of(
        cls, articles: list[Article], stored: dict[str, Article], bands: dict[str, set[str]]
    ) -> _Placement:
        """Place ``articles`` (sorted by publication, id) among the ``stored`` candidates.

        ``bands`` holds the MinHash band keys of every article, stored or new.
        """
        placed = cls(stored=stored)
        canonical = dict(stored)
        for article in articles:
            twins = [
                c for c in canonical.values()
                if c.id != article.id and bands.get(c.id, set()) & bands[article.id]
                and is_near_duplicate(c.text, article.text)
            ]  # fmt: skip
            twin = min(twins, key=_article_key, default=None)
            if twin is None or _article_key(article) < _article_key(twin):
                placed.kept.append(article)
                canonical[article.id] = article
                for other in twins:
                    canonical.pop(other.id, None)
                    if other.id in stored:
                        placed.demoted[other.id] = article.id
            else:
                placed.copies[article.id] = twin.id
        return placed


def _last_by(records: Iterable[M], key: str) -> list[M]:
    """Keep the last record per key, in first-seen order (a batch may repeat a record)."""
    kept: dict[Any, M] = {}
    for record in records:
        kept[getattr(record, key)] = record
    return list(kept.values())


def _first_line(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]


class Store:
    """An open store. Use :func:`open_store` rather than building one.

    Args:
        dialect: the open engine connection; the schema must be migrated.
    """

    def __init__(self, dialect: Dialect) -> None:
        self._dialect = dialect

    @property
    def url(self) -> str:
        """The store's URL, password removed."""
        return self._dialect.label

    @property
    def engine(self) -> str:
        """``sqlite`` or ``postgresql``."""
        return self._dialect.name

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        """Close the connection (nothing is pending: every batch commits)."""
        self._dialect.close()

    def save_batch(
        self, articles: list[Article], reports: list[Event], rejects: list[Rejected]
    ) -> None:
        """Store a batch and merge its reports with the stored ones, in one transaction.

        A near-duplicate of a stored or batch article (:func:`sitrep.merge.is_near_duplicate`)
        is stored once: the earliest copy keeps its text and reports, the others become its
        copies (sources of its events).  The reports of every article in the batch replace
        that article's stored reports; then every stored report whose dates chain to theirs
        is merged again (:func:`sitrep.merge.merge_events`) and those events are rewritten,
        so the store holds ``merge_events(all reports)`` whatever the order articles came
        in, and re-saving a batch changes nothing.  The reports given for an article are
        all of its reports: they replace what was stored for it.  Batch writers take a lock first, so two
        processes on one store neither lose nor duplicate anything.

        Args:
            articles: the articles read.
            reports: the events extracted from them, one per article and incident.
            rejects: the inputs that could not be used.

        Raises:
            StoreError: the database refused the batch; nothing of it was written.
        """
        db = self._dialect
        articles = sorted(_last_by(articles, "id"), key=lambda a: (a.published, a.id))
        rejects = _last_by(rejects, "origin")
        try:
            with db.transaction():
                db.lock_writes()
                self._write(articles, reports, rejects)
        except db.errors as exc:
            raise StoreError(
                f"could not save the batch to {self.url} ({_first_line(exc)}); "
                "the batch was rolled back, nothing of it was written"
            ) from exc
        logger.info(
            "stored %d articles, %d reports, %d rejects in %s",
            len(articles),
            len(reports),
            len(rejects),
            self.url,
        )

    def _write(
        self, articles: list[Article], reports: list[Event], rejects: list[Rejected]
    ) -> None:
        """The body of :meth:`save_batch`, inside its transaction and lock."""
        db = self._dialect
        bands = {a.id: set(band_keys(a.text)) for a in articles}
        stored, stored_bands = self._stored_candidates(bands)
        placed = _Placement.of(articles, stored, {**stored_bands, **bands})
        copied = set(placed.demoted) | set(placed.copies)
        new_reports = [
            with_report_id(r) for r in _last_by(reports, "event_id") if not set(r.doc_ids) & copied
        ]
        reported = {d for r in new_reports for d in r.doc_ids}
        gone = sorted({a.id for a in placed.kept} | reported | copied)
        affected = sorted(set(gone) | set(placed.copies.values()))
        old_reports = self._reports_where("doc_id", affected)
        accepted = sorted({a.origin for a in articles if a.origin} | {a.id for a in articles})

        db.executemany(_UPSERT_ARTICLE, [_article_row(a) for a in placed.kept])
        db.executemany("DELETE FROM rejects WHERE origin = ?", [(o,) for o in accepted])
        db.executemany(_UPSERT_REJECT, [(r.origin, r.stage, r.reason) for r in rejects])
        self._write_copies(placed, articles)
        db.executemany("DELETE FROM article_bands WHERE article_id = ?", [(i,) for i in gone])
        db.executemany(
            "INSERT INTO article_bands (band, article_id) VALUES (?, ?)",
            [(band, a.id) for a in placed.kept for band in sorted(bands[a.id])],
        )
        db.executemany("DELETE FROM reports WHERE doc_id = ?", [(i,) for i in gone])
        db.executemany(_INSERT_REPORT, [_report_row(r) for r in new_reports])
        self._remerge([r.date for r in old_reports + new_reports], old_reports)

    def _stored_candidates(
        self, bands: dict[str, set[str]]
    ) -> tuple[dict[str, Article], dict[str, set[str]]]:
        """Stored articles that share a MinHash band with a new one, and their band keys."""
        wanted = sorted({band for keys in bands.values() for band in keys})
        stored_bands: dict[str, set[str]] = {}
        for chunk in _chunks(wanted):
            marks = ", ".join("?" for _ in chunk)
            rows = self._dialect.fetchall(
                f"SELECT article_id, band FROM article_bands WHERE band IN ({marks})", chunk
            )
            for article_id, band in rows:
                stored_bands.setdefault(article_id, set()).add(band)
        found: dict[str, Article] = {}
        for chunk in _chunks(sorted(stored_bands)):
            marks = ", ".join("?" for _ in chunk)
            query = f"SELECT record FROM articles WHERE id IN ({marks})"
            found.update((a.id, a) for a in self._records(Article, query, chunk))
        return found, stored_bands

    def _write_copies(self, placed: _Placement, articles: list[Article]) -> None:
        """Record near-duplicate copies; a demoted article's copies follow it to its canonical."""
        db = self._dialect
        by_id = {a.id: a for a in articles}
        demoted_rows = []
        for old, canonical in placed.demoted.items():
            article = placed.stored[old]
            demoted_rows.append(
                (old, canonical, article.origin, _source_of(article).model_dump_json())
            )
        db.executemany(
            "UPDATE article_copies SET canonical_id = ? WHERE canonical_id = ?",
            [(canonical, old) for old, canonical in placed.demoted.items()],
        )
        db.executemany(
            "DELETE FROM articles WHERE id = ?", [(i,) for i in [*placed.demoted, *placed.copies]]
        )
        rows = demoted_rows + [
            (
                copy_id,
                canonical,
                by_id[copy_id].origin,
                _source_of(by_id[copy_id]).model_dump_json(),
            )
            for copy_id, canonical in placed.copies.items()
            if copy_id in by_id
        ]
        db.executemany(_UPSERT_COPY, rows)
        db.executemany("DELETE FROM article_copies WHERE id = ?", [(a.id,) for a in placed.kept])

    def _remerge(self, seeds: list[DateInterval], old_reports: list[Event]) -> None:
        """Merge again every stored report whose dates chain to ``seeds`` and rewrite its events."""
        db = self._dialect
        component = self._chained_reports(seeds)
        report_ids = sorted(
            {r.event_id for r in component} | {with_report_id(r).event_id for r in old_reports}
        )
        stale: set[str] = set()
        for chunk in _chunks(report_ids):
            marks = ", ".join("?" for _ in chunk)
            rows = db.fetchall(
                f"SELECT DISTINCT event_id FROM event_ids WHERE id IN ({marks})", chunk
            )
            stale.update(i for (i,) in rows)
        stale_rows = [(i,) for i in sorted(stale)]
        for table in (*_CHILD_TABLES, "events", "event_ids"):
            db.executemany(f"DELETE FROM {table} WHERE event_id = ?", stale_rows)
        copies = self._copies_of(sorted({d for r in component for d in r.doc_ids}))
        events = [copy_sources(e, copies) for e in merge_events(component)]
        children = [_child_rows(e) for e in events]
        db.executemany(_UPSERT_EVENT, [_event_row(e) for e in events])
        db.executemany(_INSERT_CLAIM, [row for c in children for row in c[0]])
        db.executemany(_INSERT_EVIDENCE, [row for c in children for row in c[1]])
        db.executemany(_INSERT_SOURCE, [row for c in children for row in c[2]])
        db.executemany(
            _UPSERT_EVENT_ID,
            [(i, e.event_id) for e in events for i in [e.event_id, *e.merged_ids]],
        )

    def _chained_reports(self, seeds: list[DateInterval]) -> list[Event]:
        """Stored reports whose dates overlap the seeds' span, widened until nothing chains in.

        Reports merge only when their dates overlap, so this is every report whose merge
        the seeds can change, and merging it alone gives what merging the whole store would.
        """
        if not seeds:
            return []
        low, high = min(d.start for d in seeds), max(d.end for d in seeds)
        while True:
            found = self._records(
                Event,
                "SELECT record FROM reports WHERE date_start <= ? AND date_end >= ? ORDER BY report_id",
                (high.isoformat(), low.isoformat()),
            )
            wider = (
                min([low, *(r.date.start for r in found)]),
                max([high, *(r.date.end for r in found)]),
            )
            if wider == (low, high):
                return found
            low, high = wider

    def _reports_where(self, column: str, values: Sequence[str]) -> list[Event]:
        found: list[Event] = []
        for chunk in _chunks(list(values)):
            marks = ", ".join("?" for _ in chunk)
            found.extend(
                self._records(
                    Event, f"SELECT record FROM reports WHERE {column} IN ({marks})", chunk
                )
            )
        return found

    def _copies_of(self, doc_ids: Sequence[str]) -> dict[str, list[Source]]:
        """The sources of the stored copies of each of ``doc_ids``."""
        copies: dict[str, list[Source]] = {}
        for chunk in _chunks(list(doc_ids)):
            marks = ", ".join("?" for _ in chunk)
            rows = self._dialect.fetchall(
                f"SELECT canonical_id, record FROM article_copies WHERE canonical_id IN ({marks}) ORDER BY id",
                chunk,
            )
            for canonical, record in rows:
                copies.setdefault(canonical, []).append(_load(Source, record))
        return copies

    def _records(self, model: type[M], query: str, params: Sequence[Any] = ()) -> list[M]:
        """Load the JSON column of ``query`` into records."""
        try:
            rows = self._dialect.fetchall(query, params)
        except self._dialect.errors as exc:
            raise StoreError(f"could not read {self.url} ({_first_line(exc)})") from exc
        return [_load(model, value) for (value,) in rows]

    def events(self) -> list[Event]:
        """Return every stored event, ordered by (start date, event_id).

        Raises:
            StoreError: the database cannot be read.
        """
        return self._records(Event, "SELECT record FROM events ORDER BY date_start, event_id")

    def articles(self) -> list[Article]:
        """Return every stored article, ordered by (publication date, id).

        Raises:
            StoreError: the database cannot be read.
        """
        return self._records(Article, "SELECT record FROM articles ORDER BY published, id")

    def reports(self) -> list[Event]:
        """Return every stored report (one per article and incident), ordered by id.

        Raises:
            StoreError: the database cannot be read.
        """
        return self._records(Event, "SELECT record FROM reports ORDER BY report_id")

    def resolve(self, event_id: str) -> str | None:
        """Return the id of the stored event an id now stands for (merged-away ids too).

        Returns:
            The surviving event's id, or None for an id the store never gave.

        Raises:
            StoreError: the database cannot be read.
        """
        try:
            rows = self._dialect.fetchall(
                "SELECT event_id FROM event_ids WHERE id = ?", (event_id,)
            )
        except self._dialect.errors as exc:
            raise StoreError(f"could not read {self.url} ({_first_line(exc)})") from exc
        return rows[0][0] if rows else None

    def copies(self) -> dict[str, list[Source]]:
        """Return, per stored article id, the near-duplicate copies stored as its sources.

        Raises:
            StoreError: the database cannot be read.
        """
        try:
            rows = self._dialect.fetchall(
                "SELECT canonical_id, record FROM article_copies ORDER BY canonical_id, id"
            )
        except self._dialect.errors as exc:
            raise StoreError(f"could not read {self.url} ({_first_line(exc)})") from exc
        copies: dict[str, list[Source]] = {}
        for canonical, record in rows:
            copies.setdefault(canonical, []).append(_load(Source, record))
        return copies

    def rejects(self) -> list[Rejected]:
        """Return every stored reject, ordered by origin.

        Raises:
            StoreError: the database cannot be read.
        """
        try:
            rows = self._dialect.fetchall(
                "SELECT origin, stage, reason FROM rejects ORDER BY origin"
            )
        except self._dialect.errors as exc:
            raise StoreError(f"could not read {self.url} ({_first_line(exc)})") from exc
        return [Rejected(origin=o, stage=s, reason=r) for o, s, r in rows]

    def counts(self) -> dict[str, int]:
        """Return the number of rows per table.

        Returns:
            ``{table: rows}`` for articles, events, claims, evidence, sources, rejects.

        Raises:
            StoreError: the database cannot be read.
        """
        try:
            return {
                t: int(self._dialect.fetchall(f"SELECT COUNT(*) FROM {t}")[0][0]) for t in TABLES
            }
        except self._dialect.errors as exc:
            raise StoreError(f"could not read {self.url} ({_first_line(exc)})") from exc

    def source_regions(
        self, sources: Iterable[str], *, exclude_docs: Iterable[str] = ()
    ) -> dict[str, SourceRegion]:
        """Where each outlet's stored events are: its usual region, for the geo stage.

        Each stored event an outlet reported counts once, at its country and admin1.
        One grouped query per 500 outlets (index ``sources_source``).

        Args:
            sources: outlet names (``Article.source``).
            exclude_docs: article ids whose events are left out (the batch being
                re-extracted, so an article is never its own evidence); an event any
                of them reported is left out.

        Returns:
            ``{source: SourceRegion}`` for the outlets with stored events.

        Raises:
            StoreError: the database cannot be read.
        """
        wanted = sorted(set(sources))
        counts: dict[tuple[str, str | None, str | None], int] = {}
        try:
            for chunk in _chunks(wanted):
                for key, n in self._region_counts("s.source", chunk):
                    counts[key] = counts.get(key, 0) + n
            for chunk in _chunks(sorted(set(exclude_docs))):
                for key, n in self._region_counts("s.doc_id", chunk):
                    if key in counts:
                        counts[key] -= n
        except self._dialect.errors as exc:
            raise StoreError(f"could not read {self.url} ({_first_line(exc)})") from exc
        from sitrep.geo.source import from_counts

        rows: dict[str, list[tuple[str | None, str | None, float]]] = {}
        for (source, country, admin1), n in sorted(counts.items(), key=str):
            if n > 0 and source in wanted:
                rows.setdefault(source, []).append((country, admin1, float(n)))
        return {source: from_counts(r) for source, r in rows.items()}

    def _region_counts(
        self, column: str, values: Sequence[str]
    ) -> list[tuple[tuple[str, str | None, str | None], int]]:
        """Distinct events per (source, country, admin1) among sources rows matching."""
        marks = ", ".join("?" for _ in values)
        rows = self._dialect.fetchall(
            "SELECT s.source, e.country, e.admin1, COUNT(DISTINCT e.event_id) "
            "FROM sources s JOIN events e ON e.event_id = s.event_id "
            f"WHERE {column} IN ({marks}) GROUP BY s.source, e.country, e.admin1",
            values,
        )
        return [((src, country, admin1), int(n)) for src, country, admin1, n in rows]

    def schema_version(self) -> int:
        """Return the schema version recorded in the store."""
        return current_version(self._dialect)


def _connect(url: str) -> Dialect:
    """Open the engine connection a store URL names."""
    scheme = url.split(":", 1)[0].lower() if ":" in url else ""
    if scheme == "sqlite":
        from sitrep.store.sqlite import SQLiteDialect

        return SQLiteDialect.connect(url)
    if scheme in {"postgresql", "postgres"}:
        from sitrep.store.postgres import PostgresDialect

        return PostgresDialect.connect(url)
    raise ConfigError(
        f"unknown store URL {url!r}; use sqlite:///path/to/file.db, sqlite:///:memory: or postgresql://..."
    )


def open_store(url: str | None = None) -> Store:
    """Open a store and bring its schema up to date; use it as a context manager.

    Args:
        url: ``sqlite:///path``, ``sqlite:///:memory:`` or ``postgresql://user@host/db``;
            ``None`` means ``sqlite:///sitrep.db``.

    Returns:
        The open :class:`Store` (closed when the ``with`` block ends).

    Raises:
        ConfigError: the URL's scheme is not a supported engine.
        StoreError: the database cannot be opened or migrated.
    """
    dialect = _connect(url or DEFAULT_URL)
    try:
        migrate(dialect)
    except (RuntimeError, *dialect.errors) as exc:
        dialect.close()
        raise StoreError(f"cannot prepare store {dialect.label}: {_first_line(exc)}") from exc
    logger.debug("opened %s at schema version %d", dialect.label, SCHEMA_VERSION)
    return Store(dialect)
