"""External event sets: sitrep on PLOVER-GSR (CAMEO manual sentences) and a UCDP GED sample.

Usage (from the repo root):
    .venv/bin/python bench/external_events.py                    # print the markdown report
    .venv/bin/python bench/external_events.py --write            # also replace the external section of docs/benchmarks.md
    .venv/bin/python bench/external_events.py --list-errors 8    # then 8 example failures per kind

Both sets are read at run time from ``../shared/eval/external/`` (never copied, never
edited; their READMEs describe them).  Neither is SCHEMA.md event gold, so nothing here is
a gate: the numbers are signals, each with the caveats printed next to it.

PLOVER-GSR (``plover-gsr/plover-gsr-cameo.jsonl``): 322 sentences of the CAMEO 1.1b3
manual (1990s-2000s wire style) coded with one PLOVER class each; record 0001, the licence
header, is skipped.  Each sentence goes alone through ``sitrep.extract`` with the file's
placeholder date, 2000-01-01, so dates are never scored.  Classes are grouped as the README
says:

* README non-events (THREATEN, DEMAND, DISAPPROVE, REJECT, CONSULT, SUPPORT, AID,
  INVESTIGATE): any event sitrep emits is counted as invented.
* other non-violent classes (AGREE, COOPERATE, CONCEDE, SANCTION, MOBILIZE, RETREAT): the
  README maps none of them except AGREE on ceasefires and peace deals (-> Strategic
  developments/Agreement), so an event is reported, split by ACLED type, not scored.
* violent classes (ASSAULT, FIGHT, PROTEST, and COERCE in the modes the README maps:
  arrest, detain, destroy): detection recall = share with at least one event.
* COERCE in the other modes (ban, censor, curfew, ...): reported only.

ACLED type agreement uses the README's mapping rules only (``RULES``); FIGHT with
heavy weapons accepts Battles or Explosions/Remote violence.  Fatalities are compared where
``dead`` is given.

UCDP GED 23.1 sample (``ucdp-ged-sample/ged231-sample300.jsonl``): 300 events whose text is
only the ";"-joined source headlines, extracted with the row's ``published`` (first source
date).  Of sitrep's events for a row one is paired with the gold event: same country
first, then nearest to the gold point, then text order; its fields are compared.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import logging
import platform
import re
import sys
import time
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from docs_sections import commit_label, replace_section

import sitrep
from sitrep import resources
from sitrep.errors import InputError
from sitrep.geo.gazetteer import haversine_km
from sitrep.model import Event

log = logging.getLogger("bench.external_events")

REPO = Path(__file__).resolve().parents[1]
DOCS = REPO / "docs" / "benchmarks.md"
DEFAULT_EXTERNAL = REPO.parent / "shared" / "eval" / "external"
PLOVER_FILE = "plover-gsr/plover-gsr-cameo.jsonl"
UCDP_FILE = "ucdp-ged-sample/ged231-sample300.jsonl"
PLACEHOLDER_DATE = "2000-01-01"  # the date every PLOVER-GSR record carries
MARK_BEGIN = (
    "<!-- external:begin (written by bench/external_events.py; edit outside the markers) -->"
)
MARK_END = "<!-- external:end -->"
SPEED_END = "<!-- speed:end -->"

ACLED_TYPES = (
    "Battles",
    "Explosions/Remote violence",
    "Violence against civilians",
    "Protests",
    "Riots",
    "Strategic developments",
)
TYPE_ABBR = {
    "Battles": "Battles",
    "Explosions/Remote violence": "Expl/RV",
    "Violence against civilians": "VAC",
    "Protests": "Protests",
    "Riots": "Riots",
    "Strategic developments": "Strat dev",
    None: "no event",
}
NON_EVENT_CLASSES = (
    "THREATEN",
    "DEMAND",
    "DISAPPROVE",
    "REJECT",
    "CONSULT",
    "SUPPORT",
    "AID",
    "INVESTIGATE",
)
OTHER_NONVIOLENT_CLASSES = ("AGREE", "COOPERATE", "CONCEDE", "SANCTION", "MOBILIZE", "RETREAT")
VIOLENT_CLASSES = ("ASSAULT", "FIGHT", "PROTEST", "COERCE")
COERCE_MAPPED_MODES = frozenset({"arrest", "detain", "destroy"})
# AGREE maps to Agreement only "on ceasefire/peace deals": read per sentence, these two
# (a Cessation of Hostilities MOU; "agreed to a ceasefire").  AGREE-0029 names a ceasefire
# but the agreement is to reopen borders, so it is left out.
AGREE_CEASEFIRE_IDS = frozenset({"PLOVER-GSR01-AGREE-0031", "PLOVER-GSR01-AGREE-0032"})
NUMBER_WORDS = frozenset(
    {
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
        "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy",
        "eighty", "ninety", "hundred", "hundreds", "thousand", "thousands", "dozen", "dozens",
        "scores",
    }
)  # fmt: skip
# A number inside a document code (E/CN.4/1994/49, S/1998/581) or a year is no count.
NUMBER_RE = re.compile(r"(?<![\w/.])\d[\d,]*(?![\w/])")
UCDP_COUNTRY_ALIASES = {
    "drcongo": ("COD",),
    "bosniaherzegovina": ("BIH",),
    # UCDP's "Serbia (Yugoslavia)" covers Kosovo and Montenegro in the 1990s.
    "serbia": ("SRB", "SCG", "XKX", "MNE"),
    "russia": ("RUS",),
    "ivorycoast": ("CIV",),
    "cambodia": ("KHM",),
}


@dataclass(frozen=True)
class Rule:
    """One unambiguous PLOVER -> ACLED mapping of the PLOVER-GSR README."""

    name: str
    types: frozenset[str]
    sub_type: str | None = None


RULES = {
    "protest": Rule("PROTEST demo/obstruct/strike -> Protests", frozenset({"Protests"})),
    "riot": Rule("PROTEST riot -> Riots", frozenset({"Riots"})),
    "clash": Rule(
        "FIGHT firearms/other -> Battles/Armed clash", frozenset({"Battles"}), "Armed clash"
    ),
    "heavy": Rule(
        "FIGHT heavy-weapons -> Battles or Expl/RV",
        frozenset({"Battles", "Explosions/Remote violence"}),
    ),
    "bomb": Rule(
        "ASSAULT explosives/suicide -> Expl/RV", frozenset({"Explosions/Remote violence"})
    ),
    "sexual": Rule(
        "ASSAULT sexual -> VAC/Sexual violence",
        frozenset({"Violence against civilians"}),
        "Sexual violence",
    ),
    "attack": Rule(
        "ASSAULT other -> VAC/Attack", frozenset({"Violence against civilians"}), "Attack"
    ),
    "arrest": Rule(
        "COERCE arrest/detain -> Strat dev/Arrests",
        frozenset({"Strategic developments"}),
        "Arrests",
    ),
    "destroy": Rule(
        "COERCE destroy -> Strat dev/Looting",
        frozenset({"Strategic developments"}),
        "Looting/property destruction",
    ),
    "agree": Rule(
        "AGREE ceasefire/peace -> Strat dev/Agreement",
        frozenset({"Strategic developments"}),
        "Agreement",
    ),
}


# --------------------------------------------------------------------------- records


@dataclass
class PloverCase:
    """One PLOVER-GSR sentence and what sitrep made of it."""

    id: str
    cls: str
    mode: str | None
    text: str
    dead: int | None
    injured: int | None
    events: list[Event] = field(default_factory=list)
    rejected: str | None = None

    @property
    def group(self) -> str:
        """'non-event', 'other non-violent', 'violent' or 'coerce unmapped'."""
        if self.cls in NON_EVENT_CLASSES:
            return "non-event"
        if self.cls in OTHER_NONVIOLENT_CLASSES:
            return "other non-violent"
        if self.cls == "COERCE" and self.mode not in COERCE_MAPPED_MODES:
            return "coerce unmapped"
        return "violent"

    @property
    def rule(self) -> Rule | None:
        """The README mapping that applies, or None where it is not unambiguous."""
        return RULES.get(rule_key(self.id, self.cls, self.mode) or "")

    def primary(self) -> Event | None:
        """The event compared with gold: the first of the expected type, else the first."""
        rule = self.rule
        if rule is not None:
            for event in self.events:
                if event.event_type in rule.types:
                    return event
        return self.events[0] if self.events else None

    def primary_type(self) -> str | None:
        """ACLED type of the compared event (None without one)."""
        event = self.primary()
        return event.event_type if event else None

    def type_ok(self) -> bool:
        """The compared event has a type the README rule allows."""
        return self.rule is not None and self.primary_type() in self.rule.types

    def sub_type_ok(self) -> bool:
        """The compared event has the sub-type the README rule names."""
        event = self.primary()
        return (
            self.rule is not None
            and event is not None
            and event.sub_event_type == self.rule.sub_type
        )

    def type_confused(self) -> bool:
        """A mapped sentence whose compared event has another type."""
        return self.rule is not None and bool(self.events) and not self.type_ok()

    def dead_wrong(self) -> bool:
        """PLOVER gives dead, and the compared event is missing or has another best."""
        event = self.primary()
        return self.dead is not None and (event is None or event.fatalities.best != self.dead)


@dataclass
class UcdpCase:
    """One UCDP GED row and what sitrep made of its headlines."""

    doc_id: str
    text: str
    gold: dict[str, Any]
    gold_iso3: tuple[str, ...]
    events: list[Event] = field(default_factory=list)
    rejected: str | None = None
    paired: Event | None = None

    @property
    def km(self) -> float | None:
        """Distance from the paired event's point to the gold point, when both exist."""
        loc, gold = (self.paired.location if self.paired else None), self.gold["location"]
        if loc is None or loc.lat is None or loc.lon is None or gold.get("lat") is None:
            return None
        return haversine_km(gold["lat"], gold["lon"], loc.lat, loc.lon)

    @property
    def placed(self) -> bool:
        """The paired event has a place with a country."""
        return self.paired is not None and event_iso3(self.paired) is not None

    @property
    def country_ok(self) -> bool:
        """The paired event lies in the gold country."""
        return self.paired is not None and event_iso3(self.paired) in self.gold_iso3

    def best_in_range(self) -> bool:
        """The paired event's best lies within UCDP's [low, high].

        7 of the 300 rows break low <= best <= high (low 4, best 3, high 3), so the range is
        taken as the span of the three numbers.
        """
        numbers = [self.gold["fatalities"][k] for k in ("low", "best", "high")]
        return self.paired is not None and min(numbers) <= self.paired.fatalities.best <= max(
            numbers
        )

    def best_exact(self) -> bool:
        """The paired event's best equals UCDP's best."""
        return (
            self.paired is not None
            and self.paired.fatalities.best == self.gold["fatalities"]["best"]
        )


def rule_key(record_id: str, cls: str, mode: str | None) -> str | None:
    """Key into RULES for a PLOVER class and mode, per the README's mapping."""
    mode = mode or ""
    if cls == "PROTEST":
        return "riot" if mode.startswith("riot") else "protest"
    if cls == "FIGHT":
        return {"firearms": "clash", "other": "clash", "heavy-weapons": "heavy"}.get(mode)
    if cls == "ASSAULT":
        if mode in ("explosives", "suicide-attack"):
            return "bomb"
        return "sexual" if mode == "sexual" else "attack"
    if cls == "COERCE":
        return {"arrest": "arrest", "detain": "arrest", "destroy": "destroy"}.get(mode)
    if cls == "AGREE" and record_id in AGREE_CEASEFIRE_IDS:
        return "agree"
    return None


# --------------------------------------------------------------------------- running


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    """Every JSON object of a JSON Lines file."""
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def as_int(value: Any) -> int | None:
    """PLOVER's string counts ("156") as int; empty as None."""
    return int(value) if value not in (None, "") else None


def extract(text: str, published: str, source: str) -> tuple[list[Event], str | None]:
    """sitrep's events for one text, or no events and the reason it was rejected."""
    try:
        return sitrep.extract(text, published=published, source=source), None
    except InputError as exc:
        return [], str(exc)


def run_plover(path: Path) -> list[PloverCase]:
    """Extract every PLOVER-GSR sentence (the DOCUMENT header skipped)."""
    cases = []
    for rec in read_jsonl(path):
        if rec["event"] == "DOCUMENT":
            continue
        case = PloverCase(
            id=rec["id"],
            cls=rec["event"],
            mode=rec.get("mode") or None,
            text=rec["text"],
            dead=as_int(rec.get("dead")),
            injured=as_int(rec.get("injured")),
        )
        case.events, case.rejected = extract(case.text, PLACEHOLDER_DATE, "PLOVER-GSR")
        cases.append(case)
    return cases


def fold(name: str) -> str:
    """Lowercase ASCII letters only: 'Bosnia-Herzegovina' -> 'bosniaherzegovina'."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z]", "", ascii_name.lower())


def country_codes() -> dict[str, str]:
    """Folded country name -> ISO3, from the gazetteer sitrep uses."""
    return {fold(name): iso3 for name, iso3, _, _ in resources.gazetteer().countries.values()}


def ucdp_iso3(country: str, codes: dict[str, str]) -> tuple[str, ...]:
    """ISO3 codes a UCDP country name stands for ('Yemen (North Yemen)' -> ('YEM',))."""
    names = [country.split("(")[0], *re.findall(r"\(([^)]*)\)", country)]
    found: list[str] = []
    for name in names:
        key = fold(name)
        found += UCDP_COUNTRY_ALIASES.get(key, ()) or ((codes[key],) if key in codes else ())
    if not found:
        log.warning("UCDP country %r has no ISO3 code; its rows never agree", country)
    return tuple(dict.fromkeys(found))


def event_iso3(event: Event) -> str | None:
    """The ISO3 code of an event's place."""
    return event.location.iso3 if event.location else None


def pair(case: UcdpCase) -> Event | None:
    """The event compared with gold: same country, then nearest the gold point, then first."""
    gold = case.gold["location"]

    def key(item: tuple[int, Event]) -> tuple[bool, float, int]:
        index, event = item
        loc = event.location
        km = (
            haversine_km(gold["lat"], gold["lon"], loc.lat, loc.lon)
            if loc is not None and loc.lat is not None and loc.lon is not None
            else float("inf")
        )
        return (event_iso3(event) not in case.gold_iso3, km, index)

    return min(enumerate(case.events), key=key)[1] if case.events else None


def run_ucdp(path: Path) -> list[UcdpCase]:
    """Extract every UCDP row's headlines and pair one event with the gold event."""
    codes = country_codes()
    cases = []
    for rec in read_jsonl(path):
        gold = rec["events"][0]
        case = UcdpCase(
            doc_id=rec["doc_id"],
            text=rec["text"],
            gold=gold,
            gold_iso3=ucdp_iso3(gold["location"]["country"], codes),
        )
        case.events, case.rejected = extract(case.text, rec["published"], rec["source"] or "UCDP")
        case.paired = pair(case)
        cases.append(case)
    return cases


# --------------------------------------------------------------------------- helpers


def pct(num: int, den: int) -> str:
    """'12/40 (30.0%)', or '0/0 (–)'."""
    return f"{num}/{den} ({100 * num / den:.1f}%)" if den else f"{num}/0 (–)"


def table(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> list[str]:
    """A markdown table."""
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return lines


def has_number(text: str) -> bool:
    """The text states a number that could be a count (years and document codes are not)."""
    for match in NUMBER_RE.finditer(text):
        value = match.group().replace(",", "")
        if not (len(value) == 4 and value[:2] in ("19", "20")):
            return True
    return any(w in NUMBER_WORDS for w in re.findall(r"[a-z]+", text.lower()))


def states_gold_best(text: str, best: int) -> bool:
    """The gold best appears in the text as digits."""
    return any(m.group().replace(",", "") == str(best) for m in NUMBER_RE.finditer(text))


def type_counts(events: Iterable[Event]) -> Counter[str | None]:
    """ACLED types of some events, counted."""
    return Counter(e.event_type for e in events)


def show_event(event: Event) -> str:
    """One line: type/sub-type, place, fatalities, PLOVER class, the event's evidence."""
    loc = event.location
    place = f"{loc.name}, {loc.country}" if loc else "no place"
    fat = event.fatalities
    evidence = event.evidence.get("event")
    span = f' ev="{clip(evidence.text, 110)}"' if evidence else ""
    return (
        f"{event.event_type}/{event.sub_event_type} @ {place}; killed {fat.low}/{fat.best}/"
        f"{fat.high}; plover {event.plover_type}/{event.plover_mode}{span}"
    )


def clip(text: str, width: int) -> str:
    """Text on one line, cut to ``width`` characters."""
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


# --------------------------------------------------------------------------- PLOVER report


def plover_class_rows(cases: Sequence[PloverCase], classes: Sequence[str]) -> list[list[Any]]:
    """Per class: sentences, with an event, split into violent/demonstration and Strat dev."""
    rows = []
    for cls in classes:
        group = [c for c in cases if c.cls == cls]
        emitted = [c for c in group if c.events]
        strat = sum(
            all(e.event_type == "Strategic developments" for e in c.events) for c in emitted
        )
        rows.append([cls, len(group), pct(len(emitted), len(group)), len(emitted) - strat, strat])
    total = [c for c in cases if c.cls in classes]
    emitted = [c for c in total if c.events]
    strat = sum(all(e.event_type == "Strategic developments" for e in c.events) for c in emitted)
    rows.append(["**all**", len(total), pct(len(emitted), len(total)), len(emitted) - strat, strat])
    return rows


def plover_recall_rows(cases: Sequence[PloverCase]) -> list[list[Any]]:
    """Per violent class: sentences, detected, and sitrep's PLOVER class agreeing."""
    rows = []
    violent = [c for c in cases if c.group == "violent"]
    for cls in (*VIOLENT_CLASSES, None):
        group = [c for c in violent if cls is None or c.cls == cls]
        found = [c for c in group if c.events]
        same = sum(any(e.plover_type == c.cls for e in c.events) for c in found)
        label = (
            "**all**"
            if cls is None
            else cls + (" (arrest/detain/destroy)" if cls == "COERCE" else "")
        )
        rows.append([label, len(group), pct(len(found), len(group)), pct(same, len(found))])
    return rows


def plover_type_rows(cases: Sequence[PloverCase]) -> tuple[list[list[Any]], list[str]]:
    """Confusion of README rule vs sitrep's type, and the agreement lines under it."""
    ruled = [c for c in cases if c.rule is not None]
    rows = []
    for rule in RULES.values():
        group = [c for c in ruled if c.rule == rule]
        got = Counter(c.primary_type() for c in group)
        rows.append([rule.name, len(group), *(got[t] or "" for t in (*ACLED_TYPES, None))])
    detected = [c for c in ruled if c.events]
    type_ok = sum(c.type_ok() for c in detected)
    with_sub = [c for c in detected if c.rule and c.rule.sub_type]
    sub_ok = sum(c.sub_type_ok() for c in with_sub)
    multi = sum(len(c.events) > 1 for c in ruled)
    notes = [
        f"- type agreement: {pct(type_ok, len(detected))} of the mapped sentences with an event "
        f"({len(detected)} of {len(ruled)} mapped sentences have one); sub-type, where the "
        f"rule names one: {pct(sub_ok, len(with_sub))}.",
        f"- {multi} mapped sentence(s) gave more than one event; the compared one is the first of "
        "an expected type, else the first.",
        "- The README's rules are coarse, so some disagreements are ACLED-correct for sitrep: "
        "police firing on demonstrators (FIGHT/firearms) is ACLED Protests/Excessive force "
        "against protesters, and blowing up power lines (COERCE/destroy) is plausibly "
        "Explosions/Remote violence.",
    ]
    return rows, notes


def plover_count_rows(cases: Sequence[PloverCase]) -> list[list[Any]]:
    """Exact best killed / injured where PLOVER gives dead / injured."""
    rows = []
    for label, gold_of, count_of in (
        ("killed (`dead`)", lambda c: c.dead, lambda e: e.fatalities.best),
        ("injured (`injured`)", lambda c: c.injured, lambda e: e.injured.best),
    ):
        group = [c for c in cases if gold_of(c) is not None]
        found = [c for c in group if c.primary() is not None]
        exact = sum(count_of(c.primary()) == gold_of(c) for c in found)
        rows.append([label, len(group), len(found), pct(exact, len(group)), pct(exact, len(found))])
    return rows


def plover_report(cases: Sequence[PloverCase]) -> list[str]:
    """The PLOVER-GSR section."""
    rejected = sum(c.rejected is not None for c in cases)
    n_by_group = Counter(c.group for c in cases)
    out = [
        "### PLOVER-GSR (CAMEO manual sentences)",
        "",
        f"{len(cases)} sentences (README non-events {n_by_group['non-event']}, other non-violent "
        f"{n_by_group['other non-violent']}, violent {n_by_group['violent']}, COERCE in unmapped "
        f"modes {n_by_group['coerce unmapped']}), each extracted alone with the placeholder "
        f"date {PLACEHOLDER_DATE}; {rejected} rejected by sitrep.",
        "",
        "**Invention on README non-events** (THREATEN must produce nothing): a sentence counts "
        "when sitrep emits any event.  `violent/demo` = at least one event that is not "
        "Strategic developments.  Caveat: a CAMEO sentence that condemns or threatens may "
        'also mention a real past attack ("condemned the bombing that killed ..."), which '
        "ACLED would code; those are counted here as invented too, so read the examples.",
        "",
        *table(
            ["class", "sentences", "with an event", "violent/demo", "Strat dev only"],
            plover_class_rows(cases, NON_EVENT_CLASSES),
        ),
        "",
        "**Other non-violent classes** (not scored: the README maps only AGREE on ceasefires "
        "and peace deals, to Strategic developments/Agreement; a violent/demo event here is "
        "suspect unless the sentence also reports fighting):",
        "",
        *table(
            ["class", "sentences", "with an event", "violent/demo", "Strat dev only"],
            plover_class_rows(cases, OTHER_NONVIOLENT_CLASSES),
        ),
        "",
        "COERCE in modes the README does not map (ban, censor, confiscate, curfew, deport, "
        "firearms, martial-law, restrict), reported only:",
        "",
        *table(
            ["class", "sentences", "with an event", "violent/demo", "Strat dev only"],
            plover_class_rows([c for c in cases if c.group == "coerce unmapped"], ("COERCE",))[:1],
        ),
        "",
        "**Detection recall on violent classes** (at least one event of any type; `PLOVER "
        "class` = share of detected sentences where one of sitrep's events carries the gold "
        "PLOVER class in `plover_type`):",
        "",
        *table(["class", "sentences", "detected", "PLOVER class"], plover_recall_rows(cases)),
        "",
    ]
    rows, notes = plover_type_rows(cases)
    out += [
        "**ACLED type agreement** where the README's mapping is unambiguous (rows: the rule; "
        "columns: sitrep's type for the compared event):",
        "",
        *table(
            ["README rule", "n", *(TYPE_ABBR[t] for t in (*ACLED_TYPES, None))],
            rows,
        ),
        "",
        *notes,
        "",
        "**Counts** where PLOVER gives them (exact `best` of the compared event; the first "
        "rate counts sentences without an event as wrong):",
        "",
        *table(
            ["count", "gold given", "with an event", "exact / all", "exact / with an event"],
            plover_count_rows(cases),
        ),
        "",
    ]
    return out


# --------------------------------------------------------------------------- UCDP report


def ucdp_fatality_rows(cases: Sequence[UcdpCase]) -> list[list[Any]]:
    """Fatalities on all rows, on rows with a number, on rows stating the gold best."""
    subsets: list[tuple[str, Callable[[UcdpCase], bool]]] = [
        ("all rows", lambda c: True),
        ("headline states a number", lambda c: has_number(c.text)),
        ("headline states no number", lambda c: not has_number(c.text)),
        (
            "headline states UCDP's best",
            lambda c: states_gold_best(c.text, c.gold["fatalities"]["best"]),
        ),
    ]
    rows = []
    for label, keep in subsets:
        group = [c for c in cases if keep(c)]
        found = [c for c in group if c.paired is not None]
        rows.append(
            [
                label,
                len(group),
                pct(len(found), len(group)),
                pct(sum(c.best_in_range() for c in found), len(group)),
                pct(sum(c.best_exact() for c in found), len(group)),
                pct(sum(c.best_exact() for c in found), len(found)),
            ]
        )
    return rows


def ucdp_geo_lines(cases: Sequence[UcdpCase]) -> list[str]:
    """Country agreement and km error of the paired events."""
    found = [c for c in cases if c.paired is not None]
    placed = [c for c in found if c.placed]
    kms = [km for c in found if (km := c.km) is not None]
    place_in_text = sum(fold(c.gold["location"]["name"].split()[0]) in fold(c.text) for c in cases)
    km_line = (
        f"median {np.median(kms):.1f} km, p90 {np.percentile(kms, 90):.1f} km, "
        f"acc@161 km {pct(sum(k <= 161 for k in kms), len(kms))}"
        if kms
        else "no pairs with coordinates"
    )
    return [
        f"- country agreement: {pct(sum(c.country_ok for c in placed), len(placed))} of rows "
        f"whose paired event has a place; {pct(len(found) - len(placed), len(found))} of rows "
        "with an event have no place (counted as disagreeing in: "
        f"{pct(sum(c.country_ok for c in found), len(found))} of rows with an event, "
        f"{pct(sum(c.country_ok for c in cases), len(cases))} of all rows).",
        f"- km error, {len(kms)} rows where both have coordinates: {km_line}.",
        f"- the first word of UCDP's place name appears in {pct(place_in_text, len(cases))} "
        "headlines, so most coordinates can at best be a country or region centroid.",
    ]


def ucdp_type_rows(cases: Sequence[UcdpCase]) -> list[list[Any]]:
    """UCDP type_of_violence against sitrep's type of the paired event."""
    names = {1: "1 state-based", 2: "2 non-state", 3: "3 one-sided"}
    rows = []
    for tov, label in names.items():
        group = [c for c in cases if c.gold.get("ucdp_type_of_violence") == tov]
        got = Counter(c.paired.event_type if c.paired else None for c in group)
        rows.append([label, len(group), *(got[t] or "" for t in (*ACLED_TYPES, None))])
    return rows


def ucdp_report(cases: Sequence[UcdpCase]) -> list[str]:
    """The UCDP GED section."""
    found = sum(c.paired is not None for c in cases)
    no_number = sum(not has_number(c.text) for c in cases)
    return [
        "### UCDP GED 23.1 sample (source headlines)",
        "",
        f'{len(cases)} rows; text = the row\'s source headlines joined by ";" (one to several '
        "short headlines, often a UN document title or a victim list, so most rows are not "
        "an account of the event); published = the first source date.  Every row is a "
        "lethal event, so a row without any sitrep event is a miss.  "
        f"{sum(c.rejected is not None for c in cases)} rejected by sitrep.",
        "",
        f"- detection recall (at least one event): {pct(found, len(cases))}; "
        f"{sum(len(c.events) > 1 for c in cases)} row(s) gave more than one event.",
        f"- headline states no number (digits other than years and document codes, or a "
        f"number word): {pct(no_number, len(cases))}.",
        "",
        "**Fatalities** of the paired event (`in [low, high]` and `exact best` count rows "
        "without an event as wrong; the last column is over rows with an event; 7 rows "
        "where UCDP's best lies outside its own [low, high] use the span of the three; "
        '"states UCDP\'s best" = the best appears as digits):',
        "",
        *table(
            [
                "rows",
                "n",
                "with an event",
                "best in [low, high]",
                "exact best",
                "exact / with an event",
            ],
            ucdp_fatality_rows(cases),
        ),
        "",
        "**Place** of the paired event:",
        "",
        *ucdp_geo_lines(cases),
        "",
        "**UCDP type_of_violence vs sitrep's ACLED type** (informative, no score: UCDP 1 and "
        "2 may be Battles or Explosions/Remote violence, 3 is close to Violence against "
        "civilians):",
        "",
        *table(
            ["UCDP type", "n", *(TYPE_ABBR[t] for t in (*ACLED_TYPES, None))],
            ucdp_type_rows(cases),
        ),
        "",
    ]


# --------------------------------------------------------------------------- errors


def plover_errors(cases: Sequence[PloverCase], n: int) -> list[str]:
    """Up to n examples of each PLOVER failure kind."""
    kinds: list[tuple[str, Callable[[PloverCase], bool]]] = [
        ("invented on a README non-event", lambda c: c.group == "non-event" and bool(c.events)),
        (
            "violent/demo event on another non-violent class",
            lambda c: (
                c.group == "other non-violent"
                and any(e.event_type != "Strategic developments" for e in c.events)
            ),
        ),
        ("missed violent sentence", lambda c: c.group == "violent" and not c.events),
        ("type confusion", PloverCase.type_confused),
        ("fatalities wrong", PloverCase.dead_wrong),
    ]
    out = []
    for label, is_error in kinds:
        hits = [c for c in cases if is_error(c)]
        out += ["", f"#### PLOVER: {label} ({len(hits)})"]
        for c in hits[:n]:
            gold = f"{c.cls}/{c.mode or '-'}" + (f", dead {c.dead}" if c.dead is not None else "")
            out.append(f"- `{c.id}` [{gold}] {clip(c.text, 240)}")
            out += [f"    - sitrep: {show_event(e)}" for e in c.events] or [
                "    - sitrep: no event"
            ]
    return out


def ucdp_errors(cases: Sequence[UcdpCase], n: int) -> list[str]:
    """Up to n examples of each UCDP failure kind."""
    kinds: list[tuple[str, Callable[[UcdpCase], bool]]] = [
        ("miss, headline states a number", lambda c: c.paired is None and has_number(c.text)),
        ("miss, headline states no number", lambda c: c.paired is None and not has_number(c.text)),
        ("wrong country", lambda c: c.placed and not c.country_ok),
        ("event without a place", lambda c: c.paired is not None and not c.placed),
        (
            "best outside [low, high] although the headline states UCDP's best",
            lambda c: (
                c.paired is not None
                and states_gold_best(c.text, c.gold["fatalities"]["best"])
                and not c.best_in_range()
            ),
        ),
        ("over 161 km in the right country", lambda c: c.country_ok and (c.km or 0) > 161),
    ]
    out = []
    for label, is_error in kinds:
        hits = [c for c in cases if is_error(c)]
        out += ["", f"#### UCDP: {label} ({len(hits)})"]
        for c in hits[:n]:
            loc, fat = c.gold["location"], c.gold["fatalities"]
            gold = (
                f"type {c.gold.get('ucdp_type_of_violence')}, {loc['name']}, {loc['country']}, "
                f"deaths {fat['low']}/{fat['best']}/{fat['high']}"
            )
            out.append(f"- `{c.doc_id}` [{gold}] {clip(c.text, 240)}")
            if c.paired is not None:
                km = f" ({c.km:.0f} km)" if c.km is not None else ""
                out.append(f"    - sitrep{km}: {show_event(c.paired)}")
            else:
                out.append("    - sitrep: no event")
    return out


# --------------------------------------------------------------------------- output


def report(plover: Sequence[PloverCase], ucdp: Sequence[UcdpCase], command: str) -> str:
    """The whole marked section of docs/benchmarks.md."""
    machine = f"{platform.system()} {platform.machine()}, Python {platform.python_version()}"
    lines = [
        MARK_BEGIN,
        "## External event sets (PLOVER-GSR, UCDP GED sample)",
        "",
        f"Run {dt.date.today().isoformat()} at commit `{commit_label()}` on {machine}:",
        "",
        "```",
        command,
        "```",
        "",
        "Neither set is SCHEMA.md event gold, so these are signals, not a gate: PLOVER-GSR is "
        "single sentences from the CAMEO manual (1990s-2000s wire style) with placeholder "
        "dates; the UCDP rows give only source headlines, which UCDP aggregated from several "
        "reports.  Dates are not scored on either.  Run with `--list-errors N` for examples.",
        "",
        *plover_report(plover),
        *ucdp_report(ucdp),
        MARK_END,
    ]
    return "\n".join(lines) + "\n"


def write_docs(section: str) -> None:
    """Replace the external section of docs/benchmarks.md, or add it after the speed section."""
    replace_section(MARK_BEGIN, MARK_END, section, after=SPEED_END)


def main(argv: list[str] | None = None) -> int:
    """Run both sets and print the report; see the module docstring.  Returns the exit status."""
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument(
        "--external",
        type=Path,
        default=DEFAULT_EXTERNAL,
        help="folder holding plover-gsr/ and ucdp-ged-sample/",
    )
    ap.add_argument(
        "--write", action="store_true", help="replace the section in docs/benchmarks.md"
    )
    ap.add_argument(
        "--list-errors", type=int, default=0, metavar="N", help="print N example failures per kind"
    )
    args = ap.parse_args(argv)
    logging.basicConfig(
        level=logging.INFO, format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr
    )
    for rel in (PLOVER_FILE, UCDP_FILE):
        if not (args.external / rel).is_file():
            print(f"error: {args.external / rel} not found; pass --external", file=sys.stderr)
            return 2

    started = time.perf_counter()
    plover = run_plover(args.external / PLOVER_FILE)
    ucdp = run_ucdp(args.external / UCDP_FILE)
    log.info(
        "extracted %d + %d texts in %.1f s", len(plover), len(ucdp), time.perf_counter() - started
    )

    command = " ".join(
        ["python bench/external_events.py", *(argv if argv is not None else sys.argv[1:])]
    )
    section = report(plover, ucdp, command)
    print("\n".join(line for line in section.splitlines() if line not in (MARK_BEGIN, MARK_END)))
    if args.list_errors:
        print(
            "\n".join(
                [
                    "## Example failures",
                    *plover_errors(plover, args.list_errors),
                    *ucdp_errors(ucdp, args.list_errors),
                ]
            )
        )
    if args.write:
        write_docs(section)
        log.info("wrote %s", DOCS.relative_to(REPO))
    return 0


if __name__ == "__main__":
    sys.exit(main())
