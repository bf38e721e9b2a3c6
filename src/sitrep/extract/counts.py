"""Casualty figures: every number of killed or injured a clause gives, and their range.

ACLED's rule decides ``best``: the most conservative credible specific figure (an open-ended
"more than 160" gives way to a specific "168" just above it).  A figure the text itself
supersedes ("initially put the toll at 9") counts for the range only; an updated toll ("has
risen to 13", not a party's "put the toll at 171") wins over earlier ones; "two more bodies were found" adds
to the toll; a party's claim ("claiming 45 fighters were killed") only raises ``high``;
a figure for a longer period ("since April", "bringing the total to 600") or a cause that
is not violence ("died of a heart attack") is not this incident's.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Literal

from text_to_num import text2num

from sitrep.model import Count

if TYPE_CHECKING:
    from sitrep.extract.draft import Draft

Kind = Literal["killed", "injured"]

_UNITS = "one|two|three|four|five|six|seven|eight|nine"
_TEENS = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_BELOW_100 = rf"(?:{_TENS})(?:[-\s](?:{_UNITS})\b)?|{_TEENS}|{_UNITS}"
_WORDS = rf"(?:(?:{_UNITS}|a)\s+hundred(?:\s+(?:and\s+)?(?:{_BELOW_100}))?|{_BELOW_100})"
_DIGITS = r"(?<![\d:.,/])(?:\d{1,3}(?:,\d{3})+|\d+)(?![\d:]|\.\d)"
_NUMBER = (
    rf"(?P<num>{_DIGITS}|{_WORDS}|"
    r"(?:a\s+)?dozens?|scores|hundreds|thousands|a\s+family\s+of\s+\w+|a|an|both|several)"
)
# Vague quantities, read conservatively (ACLED: "dozens" is 12).
_VAGUE = {
    "a": 1,
    "an": 1,
    "both": 2,
    "several": 3,
    "dozen": 12,
    "a dozen": 12,
    "dozens": 12,
    "a dozens": 12,
    "scores": 20,
    "hundreds": 100,
    "thousands": 1000,
}
_OPEN_WORDS = {"dozen", "a dozen", "dozens", "a dozens", "scores", "hundreds", "thousands"}
_QUALIFIER = (
    r"(?:(?P<qual>at\s+least|more\s+than|over|about|around|nearly|almost|up\s+to|some|roughly|"
    r"approximately|as\s+many\s+as|fewer\s+than|at\s+most|another|a\s+further)\s+)?"
)
_KILLED = r"killed|dead|died|slain|deaths|lives|fatalities|bodies|neutrali[sz]ed"
_INJURED = r"wounded|injured|hurt"
_STOP = (
    r"(?!(?:after|when|while|as|but|and|in|on|at|by|from|since|before|during|were|was|who|which|"
    r"whom|whose|helped|"
    r"among|of|had|have|has|said|says|told|reported|claimed|added)\b)"
)
_NP = rf"(?:{_STOP}[\w'’][\w'’-]*\s+){{0,6}}?"  # words, not a dateline's dash
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
    r"\b(?P<kind>kill(?:ed|ing|s)?|wound(?:ed|ing|s)?|injur(?:ed|ing|es|e)?|shot\s+dead|left|"
    r"neutrali[sz](?:ed|ing)|"
    r"lynch(?:ed|ing)|behead(?:ed|ing)|massacr(?:ed|ing)|murder(?:ed|ing))\s+"
    rf"{_QUALIFIER}{_NUMBER}\b(?!-year|\s*(?:km|kilomet|miles?|p\.m|a\.m|percent|%))",
    re.IGNORECASE,
)
# "the death of three officers"; "the bodies of five men were found"
_DEATH_OF = re.compile(rf"\b(?P<kind>deaths?|bodies)\s+of\s+{_QUALIFIER}{_NUMBER}\b", re.IGNORECASE)
# "the death toll ... has risen to 56"; "raised the regional toll to 23"; "put the toll at
# 171" (a toll, but one party's figure, not an update: only a verb of change updates)
_TOLL_UPDATE = re.compile(
    r"\b(?:death\s+toll|toll|number\s+of\s+(?:people\s+)?(?:killed|dead))\b[^.;]{0,90}?"
    r"\b(?:(?P<change>rose|risen|climbed|reached|increased|jumped|stands?|stood|now)\s+"
    rf"(?:(?:to|at)\s+)?|(?:to|at)\s+){_QUALIFIER}{_NUMBER}\b",
    re.IGNORECASE,
)
_TOLL_AGAIN = re.compile(
    rf",?\s+(?:and|then|or)\s+(?:[a-z]+\s+)?(?:to|at)\s+{_QUALIFIER}{_NUMBER}\b", re.IGNORECASE
)
# "another died the next morning"; "one of the wounded later died": one more death
_ONE_MORE_DEATH = re.compile(
    rf"\b(?:another(?:\s+[\w'’-]+){{0,2}}?|(?P<num>{_DIGITS}|{_WORDS})\s+of\s+the\s+(?:wounded|injured))"
    r"\s+(?:later\s+|subsequently\s+|also\s+)?(?:died|succumbed|was\s+killed|was\s+shot\s+dead)\b",
    re.IGNORECASE,
)
# "21 died across the region, 16 of them in Odesa city"; "40 dead in Alpha and 12 in Beta Town"
_BREAKDOWN = re.compile(
    rf"(?:,\s+|\s+and\s+)(?P<num>{_DIGITS}|{_WORDS})\s+(?:of\s+them\s+)?in\s+"
    r"(?:[a-z][\w-]*\s+){0,3}?(?:in\s+)?(?P<place>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)"
)
_NONE = re.compile(
    r"\b(?:killing|killed|injuring|wounding)\s+no\s+one\b|\bno\s+(?:deaths|casualties|fatalities|"
    r"one\s+was\s+(?:killed|hurt|injured))\b|\bno\s+(?:one|people)\s+(?:were|was)\s+(?:killed|hurt|"
    r"injured)\b",
    re.IGNORECASE,
)
_SUPERSEDED = re.compile(
    r"\b(?:initially|earlier\s+put(?:ting)?|previously|first\s+reported|briefly|had\s+earlier|"
    r"first\s+put|(?:initial|earlier|first|previous)\s+(?:account|report|toll|figure|estimate)s?)\b"
    r"[^.;]{0,40}$",
    re.IGNORECASE,
)
_SUBSET = re.compile(
    r"(?:including|among\s+them|of\s+whom|among\s+the\s+dead\s+were)\s*$", re.IGNORECASE
)
_NOT_PEOPLE = re.compile(
    r"^\s*(?:-?year|years|months|days|hours|minutes|km|kilomet|miles|percent|%|houses|homes|"
    r"vehicles|cars|buildings|villages|motorcycles|tanks|drones|missiles|rockets|shells|times|"
    r"of\s+them|of\s+the\s+(?:dead|victims|wounded|injured))",
    re.IGNORECASE,
)
_YEAR_CONTEXT = re.compile(
    r"\b(?:in|since|of|from|by|until|early|late|mid-?|summer|winter|spring|autumn|January|February|"
    r"March|April|May|June|July|August|September|October|November|December)\s*$",
    re.IGNORECASE,
)
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
)
# A toll for a longer stretch than the incident: "since April", "bringing the total to 600".
_CUMULATIVE = re.compile(
    rf"\bsince\s+(?:(?:early|late|mid-?)\s*)?(?:{_MONTH}|\d{{4}}\b|the\s+(?:start|beginning|outbreak)\s+of\s+"
    r"the\s+(?:war|invasion|conflict|year)|the\s+(?:war|invasion|conflict)\s+(?:began|started))|"
    r"\b(?:bringing|brings|brought|raising|raises|raised)\s+the\s+(?:total|overall|cumulative)\b|"
    r"\b(?:total|overall|cumulative)\s+(?:number\s+of\s+)?(?:deaths|dead|killed|toll)\b|"
    r"\bso\s+far\s+this\s+(?:year|month)\b|\bthis\s+year\s+alone\b|"
    r"\b(?:over|in|during)\s+the\s+(?:past|last)\s+(?:\w+\s+)?(?:weeks|months|years|decades?)\b",
    re.IGNORECASE,
)
_NOT_VIOLENCE = re.compile(
    r"^\s*(?:\w+\s+){0,3}?(?:(?:of|from|after)\s+(?:a\s+|an\s+)?(?:heart\s+attack|natural\s+causes|"
    r"illness|disease|stroke|cardiac\s+arrest|exhaustion|hunger|cold)|during\s+(?:the\s+)?evacuation|"
    r"in\s+(?:a\s+)?(?:traffic|road|car)\s+accident)",
    re.IGNORECASE,
)
_CONJUNCT = re.compile(
    r"\s+and\s+(?:(?:his|her|their|its)\s+[\w-]+|(?:another|a second|one other)\s+(?:man|woman|"
    r"person|civilian|soldier|fighter|child|boy|girl|officer|member|relative|bodyguard|driver|"
    r"passenger|commander)\b)",
    re.IGNORECASE,
)
_NOUN = rf"(?:{_STOP}(?!(?:{_KILLED}|{_INJURED}|kill\w*|wound\w*|injur\w*)\b)[\w'’-]+\s+)"
_AND_NUMBER = re.compile(rf"^\s*{_NOUN}{{0,3}}?and\s+{_NUMBER}\s+(?!more\b)[a-z]", re.IGNORECASE)
_AND_OTHERS = re.compile(
    rf"[^.;:]{{0,80}}?,?\s+and\s+{_NUMBER}\s+(?:other|more)\b(?!\s+(?:were|was)\s+(?:wounded|injured|hurt))",
    re.IGNORECASE,
)
_NUMBER_AND = re.compile(
    rf"(?:^|[,;:]\s*|\b(?:that|which|whom|when|as|while|after)\s+){_NUMBER}\s+{_NOUN}{{1,3}}?and\s+$",
    re.IGNORECASE,
)
_SAY = re.compile(
    r"\b(?:said|says|saying|told|reported|reports|claimed|claiming|claims|counted|recorded|"
    r"confirmed|estimated|announced|put|puts)\b",
    re.IGNORECASE,
)
_CLAIM = re.compile(r"claim", re.IGNORECASE)
_UNCONFIRMED = re.compile(r"\b(?:unconfirmed|unverified)\b", re.IGNORECASE)
_SUBJECT_START = re.compile(
    r"(?:^|[,;:(\"“]|\b(?:with|while|and|after|as|but|when|where|that)\b)\s*", re.IGNORECASE
)
_ADVERB_TAIL = re.compile(
    r"\s+(?:on\s+\w+|initially|later|also|earlier|first|previously|briefly|now|had|has|have)$",
    re.IGNORECASE,
)
_ACCORDING = re.compile(r"\baccording\s+to\s+(?P<who>[^,.;]{3,80})", re.IGNORECASE)
_TRAILING_SAY = re.compile(
    r"^[^;]*?,\s*(?P<who>[^,;]{3,80}?)\s+(?:said|says|reported|told)\b|"
    r"^[^;]*?,\s*(?:said|says)\s+(?P<who2>[^,.;]{3,80})",
    re.IGNORECASE,
)


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
    """True for a toll that changed ("has risen to 13"): it wins over earlier figures."""
    start: int
    end: int
    additive: bool = False
    """True for "two more bodies", "another died": adds to the toll instead of restating it."""
    claimed: bool = False
    """True when a party claims it ("claiming 45 fighters were killed"): raises high only."""
    place: str | None = None
    """For a breakdown by place ("16 of them in Odesa city"): the place named."""
    source_start: int | None = None
    source_end: int | None = None
    source_text: str | None = None
    """Who gives the figure, as the text names them ("the regional governor"), if it says."""
    toll: bool = False
    """True for any toll statement ("put the toll at 171"), updated or not."""
    group: str | None = None
    """Who the figure counts, when the noun after it says: "security", "fighters" or
    "civilians" (:data:`VICTIM_GROUPS`); None for "people" and the like."""
    total: int | None = None
    """For a breakdown by place, the figure it is a share of ("21 died, 16 of them in X": 21)."""
    parts: tuple[tuple[int, str], ...] = ()
    """For a figure told as two victim groups ("49 civilians and 15 soldiers"), each group's
    count: ((49, "civilians"), (15, "security"))."""


def parse_number(token: str) -> int | None:
    """Turn "1,200", "twenty-five", "dozens" or "a family of five" into an int."""
    token = " ".join(token.lower().split())
    if token.replace(",", "").isdigit():
        return int(token.replace(",", ""))
    if token.startswith("a family of "):
        return parse_number(token.removeprefix("a family of "))
    if token in _VAGUE:
        return _VAGUE[token]
    try:
        return int(text2num(token.replace("a hundred", "one hundred"), "en"))
    except ValueError:
        return None


def find_figures(text: str, offset: int = 0) -> list[Figure]:
    """Every casualty figure in ``text``; offsets are shifted by ``offset``."""
    ranges = list(_RANGE.finditer(text))
    # "between two and five": read the lower end in place (same length, offsets kept) ...
    text = _RANGE.sub(lambda m: m.group("low").rjust(len(m.group())), text)
    figures: dict[tuple[int, str], Figure] = {}
    for pattern, is_update in (
        (_NUMBER_THEN_VERB, False),
        (_VERB_THEN_NUMBER, False),
        (_DEATH_OF, False),
        (_TOLL_UPDATE, True),
    ):
        for match in pattern.finditer(text):
            figure = _figure(text, match, is_update)
            if figure is not None:
                figures.setdefault((figure.start, figure.kind), figure)
    for figure in _explicit_none(text) + _more_deaths(text) + _forces_lost(text):
        figures.setdefault((figure.start, figure.kind), figure)
    found = _without_overlaps(sorted(figures.values(), key=lambda f: f.start))
    found += _toll_restated(text, found)
    found = [f for f in found + _breakdowns(text, found) if not _is_cumulative(text, f)]
    found = _with_ranges(ranges, found)
    found = [f for f in found if not _reason_of_update(text, f, found)]
    return [_shifted(_with_source(text, f), offset) for f in sorted(found, key=lambda f: f.start)]


# "killed between two and five civilians", "between 10 and 15 people were killed": the two
# ends are rival figures (best the lower, high the upper), told as "two ... or five ..."
_RANGE = re.compile(
    rf"\bbetween\s+(?P<low>{_DIGITS}|{_WORDS})\s+and\s+(?P<high>{_DIGITS}|{_WORDS})\b",
    re.IGNORECASE,
)


def _reason_of_update(text: str, figure: Figure, found: list[Figure]) -> bool:
    """True for deaths told as why a toll rose ("The death toll rose to 14 on Wednesday after
    three of the injured died"): the new toll already counts them."""
    if not figure.additive:
        return False
    return any(
        t.update and 0 <= figure.start - t.end <= 60 and _BECAUSE.search(text, t.end, figure.start)
        for t in found
    )


_BECAUSE = re.compile(r"\b(?:after|as|when|because|following)\b", re.I)


def _with_ranges(ranges: list[re.Match[str]], found: list[Figure]) -> list[Figure]:
    """... then add the upper end as a rival figure of the same count (high, never best);
    both figures' evidence spans the whole range."""
    out = []
    for f in found:
        r = next(
            (r for r in ranges if f.start <= r.start() < f.end or r.start() <= f.start < r.end()),
            None,
        )
        high, low = (
            (parse_number(r.group("high")), parse_number(r.group("low"))) if r else (None, None)
        )
        if r is None or high is None or low is None:
            out.append(f)
            continue
        whole = replace(f, start=min(f.start, r.start()), end=max(f.end, r.end()))
        out += [whole, replace(whole, value=f.value - low + high, open_ended=False)]
    return out


_RETRACTED = re.compile(
    r"[^.]{0,80}?\b(?:later|subsequently|then)\s+(?:revised|retracted|corrected|withdrew|"
    r"walked back|reversed)\b",
    re.I,
)


def _toll_restated(text: str, figures: list[Figure]) -> list[Figure]:
    """ "put the toll at 16, and briefly at 17": a second toll in the same breath."""
    restated = []
    for figure in figures:
        match = _TOLL_AGAIN.match(text, figure.end) if figure.toll else None
        value = parse_number(match.group("num")) if match else None
        if match is not None and value is not None:
            restated.append(replace(figure, value=value, start=match.start("num"), end=match.end()))
    return restated


def _explicit_none(text: str) -> list[Figure]:
    """ "killing no one", "no casualties were reported": an explicit zero."""
    figures = []
    for match in _NONE.finditer(text):
        kind: Kind = "injured" if re.search(r"injur|wound|hurt", match.group(), re.I) else "killed"
        figures.append(Figure(kind, 0, False, False, False, False, match.start(), match.end()))
    return figures


# "killing 17 insurgents and losing two soldiers", "the army said it lost three soldiers"
_LOST = re.compile(
    rf"\b(?:losing|lost)\s+{_QUALIFIER}{_NUMBER}\s+(?:of\s+(?:its|their)\s+)?"
    r"(?P<noun>soldiers|troops|servicem[ae]n|officers|policem[ae]n|fighters|men|members)\b",
    re.IGNORECASE,
)


def _forces_lost(text: str) -> list[Figure]:
    """A force's own dead told as "lost": a toll of its group."""
    figures = []
    for match in _LOST.finditer(text):
        value = parse_number(match.group("num"))
        if value is not None:
            group = _victim_group(" " + match.group("noun"))
            figures.append(
                Figure(
                    "killed",
                    value,
                    False,
                    False,
                    False,
                    False,
                    match.start(),
                    match.end(),
                    group=group,
                )
            )
    return figures


def _more_deaths(text: str) -> list[Figure]:
    """ "another died", "two of the wounded later died": deaths to add to the toll."""
    figures = []
    for match in _ONE_MORE_DEATH.finditer(text):
        if _NOT_VIOLENCE.match(text[match.end() :]):
            continue
        value = parse_number(match.group("num")) if match.group("num") else 1
        if value is not None:
            figures.append(
                Figure(
                    "killed", value, False, False, False, False, match.start(), match.end(), True
                )
            )
    return figures


def _breakdowns(text: str, figures: list[Figure]) -> list[Figure]:
    """Per-place shares that follow a figure: "21 died, 16 of them in Odesa city"."""
    shares = []
    for figure in figures:
        noun_end = _clause_end(text, figure.end)
        match = _BREAKDOWN.search(text, figure.end, min(len(text), noun_end + 80))
        value = parse_number(match.group("num")) if match else None
        if match is None or match.start() > noun_end or value is None or value > figure.value > 0:
            continue
        shares.append(
            replace(
                figure,
                value=value,
                open_ended=False,
                update=False,
                additive=False,
                place=match.group("place"),
                start=match.start("num"),
                end=match.end(),
                total=figure.value,
            )
        )
    return shares


def _clause_end(text: str, position: int) -> int:
    """Where the noun phrase after a figure ends: "21 people had died [across the region]"."""
    match = re.compile(r"[^,;.]*").match(text, position)
    return match.end() if match else position


def _is_cumulative(text: str, figure: Figure) -> bool:
    """True when the figure counts a longer stretch than the incident ("since April")."""
    window_start = max(text.rfind(".", 0, figure.start), text.rfind(";", 0, figure.start)) + 1
    window_end = len(text)
    for stop in (".", ";"):
        found = text.find(stop, figure.end)
        if found != -1:
            window_end = min(window_end, found)
    before = text[max(window_start, figure.start - 60) : figure.start]
    inside = text[figure.start : figure.end]
    after = text[figure.end : min(window_end, figure.end + 60)]
    return bool(_CUMULATIVE.search(before) or _CUMULATIVE.search(inside + after))


def _without_overlaps(figures: list[Figure]) -> list[Figure]:
    """ "left 6 dead" matches twice; keep one figure per stretch of text and kind."""
    kept: list[Figure] = []
    for figure in figures:
        if not any(
            k.kind == figure.kind and k.start < figure.end and figure.start < k.end for k in kept
        ):
            kept.append(figure)
    return kept


# What follows an active "killed" when the number before it is the agent, not the victims.
_AGENT_OF = re.compile(
    rf"\s+{_QUALIFIER}(?:{_DIGITS}|{_WORDS}|a|an|his|her|their|the|several|dozens|scores|hundreds)\b",
    re.IGNORECASE,
)


_MONTH_BEFORE = re.compile(
    r"\b(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?\s+$"
)


def _figure(text: str, match: re.Match[str], is_update: bool) -> Figure | None:
    number = match.group("num")
    value = parse_number(number)
    if value is None:
        return None
    after = text[match.end("num") :]
    before = text[: match.start("num")]
    # "killing five of them" counts the dead; "24 were killed, five of them children" a part
    partitive = (
        match.re is _VERB_THEN_NUMBER
        and re.match(r"\s+of\s+them\b", after) is not None
        and " ".join(number.lower().split()) not in _OPEN_WORDS  # not "dozens of them"
    )
    not_people = _NOT_PEOPLE.match(after) and not partitive
    if not_people or _SUBSET.search(before[-30:]) or _is_year(number, before):
        return None
    if _MONTH_BEFORE.search(before[-12:]):
        return None  # a day of the month: "SRINAGAR, May 9 - Two militants were killed"
    # "a soldier was killed" is one figure; "a number of" or "a large number" are not figures.
    if number.lower() in {"a", "an", "both", "several"} and re.match(
        r"\s*(?:number|large|lot|series|day|week)\b", after, re.IGNORECASE
    ):
        return None
    if match.re is _NUMBER_THEN_VERB and _AGENT_OF.match(text, match.end()):
        # "an improvised explosive device killed two soldiers": the number counts the
        # killer, the victims come after the verb
        return None
    kind_text = match.groupdict().get("kind") or "killed"
    kind: Kind = "injured" if re.match(r"wound|injur|hurt", kind_text, re.IGNORECASE) else "killed"
    if (
        kind == "killed"
        and match.groupdict().get("kind")
        and _NOT_VIOLENCE.match(text[match.end("kind") :])
    ):
        return None
    own = value
    value += _conjoined(text, match)
    parts = _victim_parts(text, match, own, value - own)
    qualifier = " ".join((match.group("qual") or "").lower().split())
    open_ended = (
        qualifier.startswith(("at least", "more", "over"))
        or " ".join(number.lower().split()) in _OPEN_WORDS
    )
    return Figure(
        kind=kind,
        value=value,
        open_ended=open_ended,
        ceiling=qualifier.startswith(("up to", "as many", "fewer", "at most")),
        superseded=bool(_SUPERSEDED.search(before[-60:])),
        update=is_update and _changes(text, match),
        group=_victim_group(text[match.end("num") :])
        or (_antecedent_group(before) if partitive else None),
        parts=parts,
        toll=is_update,
        start=match.start(),
        end=match.end(),
        # "another", "a further", "two more", "one gang member was also killed"
        additive=qualifier in {"another", "a further"}
        or bool(re.match(r"\s+more\b", after, re.I))
        or (match.re is _NUMBER_THEN_VERB and re.search(r"\balso\b", match.group()) is not None),
    )


def _antecedent_group(before: str) -> str | None:
    """The group "them" stands for in "killing five of them": the last one named before."""
    named = [
        (m.start(), group)
        for group, rx in VICTIM_GROUPS.items()
        for m in re.finditer(rf"\b(?:{rx})\b", before[-200:], re.I)
    ]
    return max(named)[1] if named else None


VICTIM_GROUPS: dict[str, str] = {
    "security": r"soldiers?|troops|servicem[ae]n|(?:police )?officers?|police(?:m[ae]n)?|"
    r"gendarmes?|guards?|personnel",
    "fighters": r"militants?|fighters?|attackers?|insurgents?|rebels?|jihadists?|gunmen|"
    r"assailants?|terrorists?|bandits?",
    "civilians": r"civilians?|protesters?|demonstrators?|villagers?|residents?|worshippers?|"
    r"passengers?|farmers?|students?|pupils?|miners?",
}
_GROUP_AFTER = [
    (group, re.compile(rf"\s+(?:[\w-]+\s+){{0,2}}?[\"“'‘]?(?:{nouns})\b", re.I))
    for group, nouns in VICTIM_GROUPS.items()
]


def _victim_group(after: str) -> str | None:
    """The victim group a figure counts, from the words right after its number."""
    head = after[:40]
    found = [(m.start(), group) for group, rx in _GROUP_AFTER if (m := rx.match(head))]
    return min(found)[1] if found else None


def _victim_parts(
    text: str, match: re.Match[str], own: int, partner: int
) -> tuple[tuple[int, str], ...]:
    """The two victim groups of a conjoined figure, when both are known groups that differ."""
    if not partner:
        return ()
    after = text[match.end("num") :]
    mine = _victim_group(after)
    joined = _AND_NUMBER.match(after)
    theirs = _victim_group(after[joined.end("num") :]) if joined else None
    if mine is None or theirs is None or mine == theirs:
        return ()
    return ((own, mine), (partner, theirs))


def toll_changed(text: str) -> bool:
    """True when ``text`` (a figure's span) tells a toll that changed ("has risen to eight")."""
    match = _TOLL_UPDATE.search(text)
    return match is not None and _changes(text, match)


def _changes(text: str, match: re.Match[str]) -> bool:
    """True when a toll statement says the toll changed ("rose to", "raised ... to")."""
    told = text[max(0, match.start() - 30) : match.end()]  # "later raised the toll to four"
    return bool(match.group("change")) or bool(
        re.search(r"\b(?:raised|raising|revised|updated|increased)\b", told, re.I)
    )


def _is_year(number: str, before: str) -> bool:
    """ "in 2014 fighting killed ..." : a year, not a figure."""
    return number.isdigit() and 1900 <= int(number) <= 2099 and bool(_YEAR_CONTEXT.search(before))


def _conjoined(text: str, match: re.Match[str]) -> int:
    """People counted next to the figure: "three soldiers and a civilian", "a teacher and his son"."""
    if "kind" not in match.groupdict() or not match.group("kind"):
        return 0
    extra = 0
    if match.start("kind") < match.start("num"):
        # "killing two soldiers and a civilian": the partner follows the figure
        after = text[match.end("num") :]
        partner = _AND_NUMBER.match(after)
        if partner and (value := parse_number(partner.group("num"))) is not None:
            extra += value
    else:
        # "three soldiers and a civilian were killed": the partner precedes the figure
        partner = _NUMBER_AND.search(text[: match.start()])
        if partner and (value := parse_number(partner.group("num"))) is not None:
            extra += value
    if not extra and match.start("kind") < match.start("num"):
        # "killing a commander, Mohammad Reza Zahedi, and six other officers"
        others = _AND_OTHERS.match(text, match.end("num"))
        if others and (value := parse_number(others.group("num"))) is not None:
            extra += value
    if not extra and match.group("num").lower() in {"a", "an"}:
        extra += len(_CONJUNCT.findall(text[match.end("num") :][:60].split(",")[0]))
    return extra


def _with_source(text: str, figure: Figure) -> Figure:
    """The figure with who gives it: the subject of the nearest "said" before it, or after it."""
    span = _source_before(text, figure.start) or _source_after(text, figure.end)
    claimed = figure.claimed or _is_claimed(text, figure.start) or _enemy_dead_claimed(text, figure)
    if span is None:
        return replace(figure, claimed=claimed) if claimed else figure
    start, end = span
    # "Unconfirmed accounts put the toll at 100, and 30 were wounded": the doubt stays in its clause
    unconfirmed = start >= _clause_start(text, figure.start) and _UNCONFIRMED.search(
        text[start:end]
    )
    return replace(
        figure,
        source_start=start,
        source_end=end,
        source_text=text[start:end],
        claimed=claimed or bool(unconfirmed),
    )


def _enemy_dead_claimed(text: str, figure: Figure) -> bool:
    """A party's vague count of the enemy it killed ("the army said it had killed dozens of
    RSF fighters"): a claim, which raises high only."""
    if figure.group != "fighters" or not figure.open_ended:
        return False
    before = text[_clause_start(text, figure.start) : figure.start]
    return bool(
        re.search(
            r"\b(?:said|says|claimed)\s+(?:on\s+\w+\s+)?(?:that\s+)?(?:it|they|its|their|"
            r"the (?:army|military|troops)(?:['’]s)?)\b",
            before,
        )
    )


def _is_claimed(text: str, position: int) -> bool:
    """True when the say-verb governing the figure is "claim": "claiming 45 fighters were killed"."""
    verbs = list(_SAY.finditer(text, _clause_start(text, position), position))
    if (
        len(verbs) >= 2
        and verbs[-1].group().lower() == "saying"
        and _CLAIM.match(verbs[-2].group())
    ):
        return True  # "X claimed the attack, saying its fighters had killed dozens of soldiers"
    if not verbs or not _CLAIM.match(verbs[-1].group()):
        return False
    between = text[verbs[-1].end() : position]
    return len(between.split()) <= 6 and not re.search(
        r"responsib|attack|strike|raid|bomb", between, re.I
    )


def _clause_start(text: str, position: int) -> int:
    """Where the coordinated clause holding ``position`` starts (", and", ", but", ";")."""
    breaks = list(re.finditer(r",\s+(?:and|but|while)\s+|;\s*|\.\s+", text[:position]))
    return breaks[-1].end() if breaks else 0


def _sentence_start(text: str, position: int) -> int:
    return max(text.rfind(". ", 0, position), text.rfind(";", 0, position)) + 1


def _source_before(text: str, position: int) -> tuple[int, int] | None:
    """The subject of the last say-verb before ``position`` in the same sentence."""
    sentence_start = _sentence_start(text, position)
    according = [m for m in _ACCORDING.finditer(text, sentence_start, position)]
    if according:
        return according[-1].start("who"), according[-1].end("who")
    for verb in reversed(list(_SAY.finditer(text, sentence_start, position))):
        # "Dickson Chollom, a state lawmaker, said": the appositive ends the subject
        head = text[sentence_start : verb.start()].rstrip(" ,")
        cut = max((m.end() for m in _SUBJECT_START.finditer(head)), default=0)
        subject = head[cut:].rstrip()
        while (tail := _ADVERB_TAIL.search(subject)) is not None:
            subject = subject[: tail.start()]
        if 1 <= len(subject.split()) <= 8:
            start = sentence_start + cut
            return start, start + len(subject)
    return None


def _source_after(text: str, position: int) -> tuple[int, int] | None:
    """ "…, the regional governor said", "…, said the police", "according to …" after a figure."""
    rest = text[position:]
    match = _ACCORDING.search(rest) or _TRAILING_SAY.match(rest)
    if match is None:
        return None
    group = "who" if match.group("who") else "who2"
    return position + match.start(group), position + match.end(group)


def _shifted(figure: Figure, offset: int) -> Figure:
    if not offset:
        return figure
    return replace(
        figure,
        start=figure.start + offset,
        end=figure.end + offset,
        source_start=None if figure.source_start is None else figure.source_start + offset,
        source_end=None if figure.source_end is None else figure.source_end + offset,
    )


def combine(figures: list[Figure]) -> Count:
    """Fold the figures of one kind into ACLED's low / best / high.

    Args:
        figures: figures of a single kind (killed, or injured) about one incident.

    Returns:
        ``Count()`` (0/0/None) when there are none.  A party's claim alone gives
        ``high`` only; additive figures ("two more bodies") are added to ``best``.
    """
    if not figures:
        return Count()
    credible = [f for f in figures if not f.claimed]
    claimed_high = max((f.value for f in figures if f.claimed), default=None)
    tolls = [f for f in credible if not f.additive]
    added = sum(f.value for f in credible if f.additive)
    if not tolls:
        if not credible:
            return Count(low=0, best=0, high=claimed_high)
        return Count(low=added, best=added, high=max(added, claimed_high or 0))
    current = [f for f in tolls if not f.superseded] or tolls
    updates = [f for f in current if f.update]
    groups = _by_group(current)
    if updates:
        best = max(f.value for f in updates)
    elif groups:
        # "24 protesters were injured ... 12 officers were hurt": two groups, one toll each
        best = sum(_conservative(g) for g in groups)
    else:
        best = _conservative(_without_subsets(current))
    best += added
    values = {f.value for f in tolls} | {best}
    if claimed_high is not None:
        values.add(claimed_high)
    if groups and not updates:
        # each group's lowest figure: "20 soldiers ... several attackers" is at least 23
        low = sum(min(f.value for f in g) for g in groups)
    else:
        low = min(f.value for f in tolls)
    low += added  # "two civilians were also killed": more dead, however the toll is read
    if len(values) > 1:
        high: int | None = max(values)
    else:
        high = None if any(f.open_ended for f in tolls) else low
    return Count(low=low, best=best, high=high)


REFINES = 1.15
"""A specific figure at most this much above an open-ended one ("more than 160", then
"168") is the same count made precise; further above, it is a rival figure or a wider
scope ("at least 50 in the district", "161 in the state"), and the bound stays best."""


def _without_subsets(tolls: list[Figure]) -> list[Figure]:
    """Drop a group's figure that a figure for everyone covers: "at least 30 people were
    injured ... 12 officers were hurt" (a larger group figure is a rival count, and stays)."""
    overall = [f for f in tolls if f.group is None]
    if not overall or len(overall) == len(tolls):
        return tolls
    total = _conservative(overall)
    return overall if all(f.value <= total for f in tolls if f.group is not None) else tolls


def _by_group(tolls: list[Figure]) -> list[list[Figure]]:
    """The figures split by victim group, when every figure names one and there are several."""
    if any(f.group is None for f in tolls):
        return []
    groups: dict[str, list[Figure]] = {}
    for f in tolls:
        groups.setdefault(f.group, []).append(f)  # type: ignore[arg-type]
    return list(groups.values()) if len(groups) > 1 else []


def _conservative(tolls: list[Figure]) -> int:
    """ACLED's best: the lowest figure, unless a specific one refines the open-ended bounds."""
    lowest = min(f.value for f in tolls)
    specific = [f.value for f in tolls if not f.open_ended]
    bound = max((f.value for f in tolls if f.open_ended), default=0)
    if specific and bound <= min(specific) <= bound * REFINES:
        return min(specific)
    return lowest


def draft_figures(draft: Draft) -> list[Figure]:
    """Every figure of a drafted incident, with article offsets and who gives it."""
    figures: list[Figure] = []
    for clause in draft.clauses + draft.extra:
        sentence = clause.sentence
        for figure in find_figures(clause.text, offset=clause.start):
            # a figure its source later takes back in the same sentence, maybe in its next
            # clause ("one serviceman had been killed; the ministry later revised that"),
            # only widens the range
            taken_back = _RETRACTED.match(sentence.text, figure.end - sentence.start)
            figures.append(replace(figure, claimed=True) if taken_back else figure)
    return _for_place(figures, draft)


def _for_place(figures: list[Figure], draft: Draft) -> list[Figure]:
    """Keep a breakdown naming the draft's place over wider totals; drop other places' shares."""
    here = draft.toponym.text.lower() if draft.toponym and draft.toponym.kind == "place" else None
    local = [f for f in figures if f.place and here and _same_place(f.place.lower(), here)]
    local_kinds = {f.kind for f in local}
    return [f for f in figures if (f in local) or (f.place is None and f.kind not in local_kinds)]


def _same_place(named: str, toponym: str) -> bool:
    return named.startswith(toponym) or toponym.startswith(named)


_SHOT_NO_OUTCOME = re.compile(
    r"\b(?:was|were)\s+(?:reportedly\s+)?(?:shot|stabbed|wounded|injured)\b", re.I
)
_ONE_DIED = re.compile(
    r"\b(?:was|has been)\s+(?!not\b|never\b)(?:\w+,?\s+(?:and\s+)?){0,3}?"
    r"(?:killed|shot dead|assassinated|executed|murdered)\b|"
    # "a mob beat a Christian man to death"
    r"\b(?:beat|hacked|stoned|burned|burnt|stabbed|kicked|tortured)\s+(?:an?|one)\s+"
    r"(?:[\w-]+\s+){0,3}?to death\b|"
    r"\bdied\b(?! of (?:her|his|their) injuries)",
    re.I,
)


def event_casualties(
    draft: Draft, attacker_speaks: Callable[[str], bool] | None = None
) -> tuple[Count, Count, dict[str, tuple[int, int]]]:
    """Killed and injured of a drafted incident, and the span of the first figure of each.

    Args:
        draft: the incident.
        attacker_speaks: true for a figure's source that is the perpetrator's side; its count
            of the enemy's armed dead ("34 officers died", said the attackers) is a claim
            the other side contests, so it raises ``high`` only.
    """
    figures = draft_figures(draft)
    if attacker_speaks is not None:
        figures = [
            replace(f, claimed=True)
            if f.group in {"security", "fighters"}
            and f.source_text
            and attacker_speaks(f.source_text)
            else f
            for f in figures
        ]
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
