"""Hand-made gold articles and predictions for the evaluator's tests.

Two small articles: A reports the Melitopol headquarters bombing and the Tsarov shooting in
Yalta (plus a non-event phrase); B reports the Melitopol bombing again (one incident, two
articles, for merge scoring).  ``to_event`` turns a gold event into the sitrep Event a
perfect system would produce, with optional changes.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest

from sitrep.eval.gold import GoldArticle, parse_gold_article
from sitrep.model import (
    Actor,
    Claim,
    Count,
    DateInterval,
    Event,
    Evidence,
    Place,
    Source,
    content_id,
)

TEXT_A = (
    "A bomb killed three Russian national guard officers at a headquarters in Melitopol, "
    "Ukrainian military intelligence said on Monday. Last month, Oleh Tsarov was reportedly "
    "shot in Yalta, in occupied Crimea. Analysts say partisan attacks are increasing across "
    "occupied areas."
)
TEXT_B = "A blast at a Russian base in Melitopol killed three officers, Ukraine's intelligence agency said."
NON_EVENT_A = "partisan attacks are increasing across occupied areas"
MELITOPOL = {
    "name": "Melitopol",
    "admin1": "Zaporizhzhia",
    "country": "Ukraine",
    "iso3": "UKR",
    "lat": 46.84891,
    "lon": 35.36533,
    "geo_precision": 1,
}
YALTA = {
    "name": "Yalta",
    "admin1": "Crimea",
    "country": "Ukraine",
    "iso3": "UKR",
    "lat": 44.50013,
    "lon": 34.16148,
    "geo_precision": 1,
}
# The other Yalta: a village on the Azov coast, Donetsk oblast, 365 km from Crimea's Yalta.
YALTA_DONETSK = {
    "name": "Yalta",
    "admin1": "Donetsk",
    "country": "Ukraine",
    "iso3": "UKR",
    "lat": 46.9628,
    "lon": 37.2747,
    "geo_precision": 1,
}


def _gold_event(incident: str, evidence: str, **fields: Any) -> dict[str, Any]:
    """A valid SCHEMA.md gold event; ``fields`` override the Melitopol defaults."""
    event = {
        "incident": incident,
        "event_type": "Explosions/Remote violence",
        "sub_event_type": "Remote explosive/landmine/IED",
        "date_start": "2023-11-06",
        "date_end": "2023-11-13",
        "date_precision": "week",
        "location": MELITOPOL,
        "actor1": "Ukrainian military intelligence",
        "actor1_side": "Ukraine",
        "actor2": "Russian National Guard",
        "actor2_side": "Russia",
        "persons": [],
        "fatalities": {"low": 3, "best": 3, "high": None},
        "injured": {"low": 0, "best": 0, "high": None},
        "claims": [
            {"claimant": "Ukrainian military intelligence", "status": "claimed", "about": "strike"}
        ],
        "evidence": evidence,
    }
    event.update(fields)
    return event


def gold_line_a() -> dict[str, Any]:
    """Article A as a gold line: Melitopol bombing, Tsarov shooting, one non-event."""
    return {
        "doc_id": "t-a",
        "source": "Wire A",
        "published": "2023-11-13",
        "title": "Melitopol",
        "text": TEXT_A,
        "events": [
            _gold_event(
                "melitopol-hq",
                "A bomb killed three Russian national guard officers at a headquarters in Melitopol",
            ),
            _gold_event(
                "tsarov-yalta",
                "Oleh Tsarov was reportedly shot in Yalta",
                event_type="Violence against civilians",
                sub_event_type="Attack",
                date_start="2023-10-01",
                date_end="2023-10-31",
                date_precision="month",
                location=YALTA,
                actor1=None,
                actor1_side=None,
                actor2="Oleh Tsarov",
                actor2_side="civilians",
                fatalities={"low": 0, "best": 0, "high": None},
                claims=[{"claimant": None, "status": "reported", "about": "shooting"}],
            ),
        ],
        "non_events": [NON_EVENT_A],
    }


def gold_line_b() -> dict[str, Any]:
    """Article B as a gold line: the same Melitopol incident, reported a day later."""
    return {
        "doc_id": "t-b",
        "source": "Wire B",
        "published": "2023-11-14",
        "title": "Melitopol blast",
        "text": TEXT_B,
        "events": [
            _gold_event(
                "melitopol-hq", "A blast at a Russian base in Melitopol killed three officers"
            )
        ],
        "non_events": [],
    }


@pytest.fixture
def article_a() -> GoldArticle:
    """Gold article A."""
    return parse_gold_article(gold_line_a(), path="a.jsonl", lineno=1)


@pytest.fixture
def article_b() -> GoldArticle:
    """Gold article B."""
    return parse_gold_article(gold_line_b(), path="b.jsonl", lineno=1)


def to_event(
    gold: dict[str, Any],
    event_id: str,
    texts: Sequence[str],
    *,
    evidence: str | None = None,
    **changes: Any,
) -> Event:
    """The sitrep Event a perfect system builds for a gold event, then ``changes`` applied.

    Args:
        gold: a gold event dict (copied, never modified).
        event_id: the predicted event id (same id = merged).
        texts: the texts of the articles it is sourced from; the first holds the evidence.
        evidence: the evidence text (default: the gold evidence), found in ``texts[0]``.
        changes: gold-layout fields to replace before conversion (``date_start``, ``location`` ...).

    Returns:
        The Event.
    """
    g = copy.deepcopy(gold)
    g.update(changes)
    ev_text = evidence if evidence is not None else g["evidence"]
    start = texts[0].index(ev_text)
    loc = {k: v for k, v in g["location"].items() if k != "iso3" or v}
    return Event(
        event_id=event_id,
        event_type=g["event_type"],
        sub_event_type=g["sub_event_type"],
        date=DateInterval(
            start=dt.date.fromisoformat(g["date_start"]),
            end=dt.date.fromisoformat(g["date_end"]),
            precision=g["date_precision"],
        ),
        location=Place(**loc),
        actor1=Actor(name=g["actor1"], side=g["actor1_side"]),
        actor2=Actor(name=g["actor2"], side=g["actor2_side"]),
        fatalities=Count(**g["fatalities"]),
        claims=[
            Claim(claimant=c["claimant"], status=c["status"], about=c["about"]) for c in g["claims"]
        ],
        evidence={
            "event": Evidence(
                doc_id=content_id(texts[0]), start=start, end=start + len(ev_text), text=ev_text
            )
        },
        sources=[
            Source(doc_id=content_id(t), source="wire", published=dt.date(2023, 11, 14))
            for t in texts
        ],
    )


@pytest.fixture
def make_event() -> Callable[..., Event]:
    """:func:`to_event`, as a fixture."""
    return to_event


@pytest.fixture
def gold_file(tmp_path: Path) -> Path:
    """Articles A and B written as a gold JSON Lines file."""
    path = tmp_path / "gold.jsonl"
    path.write_text(
        "\n".join(json.dumps(line) for line in (gold_line_a(), gold_line_b())) + "\n",
        encoding="utf-8",
    )
    return path


@pytest.fixture
def gold_lines() -> tuple[dict[str, Any], dict[str, Any]]:
    """Fresh copies of the gold lines A and B."""
    return gold_line_a(), gold_line_b()
