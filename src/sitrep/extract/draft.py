"""The working records of extraction: a clause, and a draft incident built from clauses.

Kept apart from ``events.py`` so the field modules (actors, claims, counts) can read a
draft without importing the event builder.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sitrep.extract.sentences import Sentence
from sitrep.model import Article, DateInterval, DateMention, Evidence, Toponym

if TYPE_CHECKING:
    from sitrep.extract.actors import ActorMention


@dataclass(slots=True)
class Clause:
    """Part of a sentence that may report an incident."""

    start: int
    end: int
    text: str
    sentence: Sentence
    lead: Clause | None = None
    """The clause this one continues without a subject of its own ("... and wounded three in
    Kherson city" continues "Russian shelling killed two people in Bilozerka")."""


@dataclass(slots=True)
class Draft:
    """An incident being assembled from the clauses that tell it."""

    clauses: list[Clause]
    toponym: Toponym | None
    date: DateInterval
    date_mention: DateMention | None
    perpetrator: ActorMention | None
    extra: list[Clause] = field(default_factory=list)
    """Clauses that add claims or figures but are not incident reports themselves."""


def span_evidence(article: Article, start: int, end: int) -> Evidence:
    """The evidence record of the article's text between two offsets."""
    return Evidence(doc_id=article.id, start=start, end=end, text=article.text[start:end])
