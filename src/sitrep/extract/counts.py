"""Casualty figures: every number of killed or injured a clause gives, and their range.

ACLED's rule decides ``best``: the most conservative credible specific figure.  A figure
the text itself supersedes ("initially put the toll at 16") counts for ``low`` only; an
updated toll ("has risen to 13") wins over earlier ones.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from sitrep.extract.lexicon import NUMBER_WORDS
from sitrep.model import Count

if TYPE_CHECKING:
    from sitrep.extract.draft import Draft

Kind = Literal["killed", "injured"]

_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_UNITS = "one|two|three|four|five|six|seven|eight|nine"
_NUMBER = (
    r"(?P<num>\d{1,3}(?:,\d{3})+|\d+|"
    rf"(?:{_TENS})(?:-(?:{_UNITS}))?|"
    r"(?:a\s+)?dozens?|scores|hundreds|thousands|a\s+family\s+of\s+\w+|"
    r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    r"fifteen|sixteen|seventeen|eighteen|nineteen|a|an|both|several)"
)
_QUALIFIER = (
    r"(?:(?P<qual>at\s+least|more\s+than|over|about|around|nearly|almost|up\s+to|some|roughly|"
    r"approximately|as\s+many\s+as|fewer\s+than|at\s+most|another|a\s+further)\s+)?"
)
_KILLED = r"killed|dead|died|slain|deaths|lives|fatalities|bodies"
_INJURED = r"wounded|injured|hurt"
_STOP = (
    r"(?!(?:after|when|while|as|but|and|in|on|at|by|from|since|before|during|were|was|"
    r"among|of|had|have|has|said|says|told|reported|claimed|added)\b)"
)
_NP = rf"(?:{_STOP}[\w'’-]+\s+){{0,6}}?"
_INCLUDING = (
    r"(?:[\w'’-]+,\s+(?:(?:including|among\s+them|of\s+whom)\s+[^,.;]{1,60}|"
    r"[\w-]+\s+of\s+them(?:\s+[\w-]+){0,3}),\s+)?"
)

# "at least 24 people, including four children, were killed"; "79 dead"; "108 injured"
_NUMBER_THEN_VERB = re.compile(
    rf"\b{_QUALIFIER}{_NUMBER}\s+(?:of\s+)?{_NP}{_INCLUDING}(?:(?:were|was|have\s+been|had\s+been|are|is|"
    rf"had|have)\s+)?(?:(?:reportedly|also|later|all|since)\s+)?(?:been\s+)?"
    rf"(?P<kind>{_KILLED}|{_INJURED})\b",
    re.IGNORECASE,
)
# "killing at least 10 people"; "wounding five"; "shot dead two people"; "left 3 dead"
_VERB_THEN_NUMBER = re.compile(
    r"\b(?P<kind>kill(?:ed|ing|s)|wound(?:ed|ing|s)|injur(?:ed|ing|es)|shot\s+dead|left)\s+"
    rf"{_QUALIFIER}{_NUMBER}\b(?!-year|\s*(?:km|kilomet|miles?|p\.m|a\.m|percent|%))",
    re.IGNORECASE,
)
# "the death of three officers"
_DEATH_OF = re.compile(rf"\b(?P<kind>deaths?)\s+of\s+{_QUALIFIER}{_NUMBER}\b", re.IGNORECASE)
# "the death toll ... has risen to 56"; "raised the regional toll to 23"
_TOLL_UPDATE = re.compile(
    r"\b(?:death\s+toll|toll|number\s+of\s+(?:people\s+)?(?:killed|dead))\b[^.;]{0,90}?"
    rf"\b(?:rose|risen|climbed|reached|increased|jumped|stands?|stood|to|at)\s+{_QUALIFIER}{_NUMBER}\b",
    re.IGNORECASE,
)
_NONE = re.compile(
    r"\b(?:killing|killed|injuring|wounding)\s+no\s+one\b|\bno\s+(?:deaths|casualties|one\s+was\s+"
    r"(?:killed|hurt|injured))\b",
    re.IGNORECASE,
)
_SUPERSEDED = re.compile(
    r"\b(?:initially|earlier\s+put(?:ting)?|previously|first\s+reported|briefly|had\s+earlier)\b[^.;]{0,40}$",
    re.IGNORECASE,
)
_SUBSET = re.compile(
    r"(?:including|among\s+them|of\s+whom|among\s+the\s+dead\s+were)\s*$", re.IGNORECASE
)
_NOT_PEOPLE = re.compile(
    r"^\s*(?:-?year|years|months|days|hours|minutes|km|kilomet|miles|percent|%|houses|homes|"
    r"vehicles|cars|buildings|villages|motorcycles|tanks|drones|missiles|rockets|shells|times|"
    r"of\s+them|of\s+the\s+(?:dead|victims))",
    re.IGNORECASE,
)
_CONJUNCT = re.compile(r"\s+and\s+(?:a|an|his|her|their|one|its)\s+[\w-]+", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Figure:
    """One casualty figure found in a text."""

    kind: Kind
    value: int
    open_ended: bool
    """True for "at least N", "more than N", "dozens": the text allows more."""
    ceiling: bool
    """True for "up to N": the text allows less."""
    superseded: bool
    update: bool
    start: int
    end: int


def parse_number(token: str) -> int | None:
    """Turn "1,200", "twenty-five", "dozens" or "a family of five" into an int."""
    token = " ".join(token.lower().split())
    if token.replace(",", "").isdigit():
        return int(token.replace(",", ""))
    if token.startswith("a family of "):
        return parse_number(token.removeprefix("a family of "))
    if "-" in token:
        tens, _, unit = token.partition("-")
        if tens in NUMBER_WORDS and unit in NUMBER_WORDS:
            return NUMBER_WORDS[tens] + NUMBER_WORDS[unit]
    return NUMBER_WORDS.get(token)


def find_figures(text: str, offset: int = 0) -> list[Figure]:
    """Every casualty figure in ``text``; offsets are shifted by ``offset``."""
    figures: dict[tuple[int, str], Figure] = {}
    for pattern, is_update in (
        (_NUMBER_THEN_VERB, False),
        (_VERB_THEN_NUMBER, False),
        (_DEATH_OF, False),
        (_TOLL_UPDATE, True),
    ):
        for match in pattern.finditer(text):
            figure = _figure(text, match, is_update, offset)
            if figure is not None:
                figures.setdefault((figure.start, figure.kind), figure)
    for match in _NONE.finditer(text):
        kind: Kind = "injured" if re.search(r"injur|wound|hurt", match.group(), re.I) else "killed"
        figures.setdefault(
            (match.start() + offset, kind),
            Figure(
                kind, 0, False, False, False, False, match.start() + offset, match.end() + offset
            ),
        )
    return _without_overlaps(sorted(figures.values(), key=lambda f: f.start))


def _without_overlaps(figures: list[Figure]) -> list[Figure]:
    """ "left 6 dead" matches twice; keep one figure per stretch of text and kind."""
    kept: list[Figure] = []
    for figure in figures:
        if not any(
            k.kind == figure.kind and k.start < figure.end and figure.start < k.end for k in kept
        ):
            kept.append(figure)
    return kept


def _figure(text: str, match: re.Match[str], is_update: bool, offset: int) -> Figure | None:
    number = match.group("num")
    value = parse_number(number)
    if value is None:
        return None
    after = text[match.end("num") :]
    before = text[: match.start("num")]
    if _NOT_PEOPLE.match(after) or _SUBSET.search(before[-30:]):
        return None
    if number.lower() in {"a", "an"} and "kind" in match.groupdict() and match.group("kind"):
        value += len(_CONJUNCT.findall(after[:60].split(",")[0]))
    # "a soldier was killed" is one figure; "a number of" or "a large number" are not figures.
    if number.lower() in {"a", "an", "both", "several"} and re.match(
        r"\s*(?:number|large|lot|series|day|week)\b", after, re.IGNORECASE
    ):
        return None
    kind_text = match.groupdict().get("kind") or "killed"
    kind: Kind = "injured" if re.match(r"wound|injur|hurt", kind_text, re.IGNORECASE) else "killed"
    qualifier = (match.group("qual") or "").lower()
    open_ended = qualifier.startswith(("at least", "more", "over")) or number.lower().rstrip(
        "s"
    ) in {
        "dozen",
        "a dozen",
        "score",
        "hundred",
        "thousand",
    }
    return Figure(
        kind=kind,
        value=value,
        open_ended=open_ended,
        ceiling=qualifier.startswith(("up to", "as many", "fewer", "at most")),
        superseded=bool(_SUPERSEDED.search(before[-60:])),
        update=is_update,
        start=match.start() + offset,
        end=match.end() + offset,
    )


def combine(figures: list[Figure]) -> Count:
    """Fold the figures of one kind into ACLED's low / best / high.

    Args:
        figures: figures of a single kind (killed, or injured) about one incident.

    Returns:
        ``Count()`` (0/0/None) when there are none.
    """
    if not figures:
        return Count()
    current = [f for f in figures if not f.superseded] or figures
    updates = [f for f in current if f.update]
    best = max(f.value for f in updates) if updates else min(f.value for f in current)
    values = {f.value for f in figures}
    low = min(values)
    if len(values) > 1:
        high: int | None = max(values)
    else:
        high = None if any(f.open_ended for f in figures) else low
    return Count(low=low, best=best, high=high)


_SHOT_NO_OUTCOME = re.compile(
    r"\b(?:was|were)\s+(?:reportedly\s+)?(?:shot|stabbed|wounded|injured)\b", re.I
)
_ONE_DIED = re.compile(
    r"\b(?:was|has been)\s+(?:\w+\s+)?(?:killed|shot dead|assassinated|executed|murdered)\b|"
    r"\bdied\b(?! of (?:her|his|their) injuries)",
    re.I,
)


def event_casualties(draft: Draft) -> tuple[Count, Count, dict[str, tuple[int, int]]]:
    """Killed and injured of a drafted incident, and the span of the first figure of each."""
    figures: list[Figure] = []
    for clause in draft.clauses + draft.extra:
        figures.extend(find_figures(clause.text, offset=clause.start))
    killed = [f for f in figures if f.kind == "killed"]
    wounded = [f for f in figures if f.kind == "injured"]
    spans: dict[str, tuple[int, int]] = {}
    if killed:
        spans["fatalities"] = (killed[0].start, killed[0].end)
    if wounded:
        spans["injured"] = (wounded[0].start, wounded[0].end)
    fatalities, injured = combine(killed), combine(wounded)
    main_text = " ".join(c.text for c in draft.clauses)
    if not killed and _ONE_DIED.search(main_text):
        fatalities = Count(low=1, best=1, high=1)
    elif not killed and not wounded and _SHOT_NO_OUTCOME.search(main_text):
        # ACLED and our gold: a person reported shot, outcome not stated, is one injured.
        injured = Count(low=0, best=1, high=1)
    return fatalities, injured, spans
