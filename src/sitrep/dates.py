"""The time stage: find temporal expressions and date incidents against publication.

Intervals follow the gold conventions (``shared/eval/README.md``): they are what the
TEXT allows relative to the publication date, both ends inclusive.  "on Tuesday" is the
last Tuesday on or before publication (the publication weekday itself counts);
"overnight" and "on X night" are [X, X+1]; "last week" is the previous Monday-Sunday;
"last month", "earlier this month" and "in January" are calendar months capped at
publication; an undated report is [published - 7 days, published].

A precompiled regex pass finds candidate expressions; dateparser only parses the
explicit dates among them (it is slow on whole texts and resolves weekdays and months
differently from the conventions), so relative expressions are resolved here.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sitrep.model import DateInterval, DateMention, Precision

if TYPE_CHECKING:
    from dateparser.date import DateDataParser

__all__ = ["event_date", "find_dates", "undated_interval"]

_DAY = dt.timedelta(days=1)

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTHS = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)  # fmt: skip
_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip

_WD = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_MONTH_FULL = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november|december)"
)
# Abbreviations only ever next to a day number, where "mar"/"may" cannot be words.
_MONTH_ANY = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november|"
    r"december|jan\.?|feb\.?|mar\.?|apr\.?|jun\.?|jul\.?|aug\.?|sept?\.?|oct\.?|nov\.?|dec\.?)"
)
_ORD = r"(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d{2}"
_NUM = r"(?:\d{1,2}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
_PART = r"(?:morning|afternoon|evening|night|overnight|midday|noon|lunchtime)"


@dataclass(frozen=True, slots=True)
class _Rule:
    """One family of expressions: its pattern and the name of its resolver in `_RESOLVERS`."""

    name: str
    pattern: re.Pattern[str]


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE | re.VERBOSE)


_RULES: tuple[_Rule, ...] = (
    _Rule("iso", _rx(rf"\b(?P<y>{_YEAR})-(?P<m>0[1-9]|1[0-2])-(?P<d>[0-3]\d)\b")),
    # "June 27", "Sunday, December 24", "June 27-28, 2023", "early on October 6"
    _Rule(
        "mdy",
        _rx(
            rf"""(?:\b(?P<mod>early|late)\s+(?:on\s+)?)?(?:\b{_WD},?\s+)?
            \b(?P<month>{_MONTH_ANY})\s+(?P<d>[0-3]?\d){_ORD}
            (?:\s*(?:-|–|\bto\b|\band\b|\buntil\b)\s*(?P<d2>[0-3]?\d){_ORD}(?!\s*(?:people|soldiers|civilians|killed)))?
            (?:,?\s+(?P<y>{_YEAR}))?(?![\d:,]\d|\.\d)\b"""
        ),
    ),
    # "6 October", "on 27 June 2023", "27-28 June", "the 6th of October"
    _Rule(
        "dmy",
        _rx(
            rf"""(?:\b(?P<mod>early|late)\s+(?:on\s+)?)?(?:\b{_WD},?\s+)?
            (?<![\d,.])\b(?P<d>[0-3]?\d){_ORD}(?:\s*(?:-|–|\bto\b|\band\b)\s*(?P<d2>[0-3]?\d){_ORD})?
            \s+(?:of\s+)?(?P<month>{_MONTH_ANY})(?:,?\s+(?P<y>{_YEAR}))?\b"""
        ),
    ),
    # "in January", "in early June", "January 2023", "last March"
    _Rule(
        "month",
        _rx(
            rf"""(?:\b(?P<pre>in|during|by|of|throughout|last|this|until)\s+)?
            (?:(?P<part>early|late|mid)(?:-|\s+))?
            \b(?P<month>{_MONTH_FULL})\b(?!\s+[0-3]?\d\b(?!\d))(?:,?\s+(?P<y>{_YEAR}))?"""
        ),
    ),
    _Rule(
        "year",
        _rx(
            rf"\b(?:in|during|throughout)\s+(?:(?P<part>early|late|mid)(?:-|\s+))?(?P<y>{_YEAR})\b"
        ),
    ),
    # "on Tuesday", "late on Monday", "Tuesday evening", "last Sunday", "Tuesday's"
    _Rule(
        "weekday",
        _rx(
            rf"""(?:\b(?P<pre>late\s+on|early\s+on|late|early|last|this|past|previous|next)\s+)?
            \b(?P<wd>{_WD})(?P<poss>['’]s)?(?:\s+(?P<part>{_PART}))?\b"""
        ),
    ),
    # "has killed 30 since Tuesday": from that day to publication
    _Rule("since_weekday", _rx(rf"\bsince\s+(?:last\s+)?(?P<wd>{_WD})\b")),
    # "overnight into Tuesday", "overnight on Monday", "the night of Monday to Tuesday"
    _Rule("overnight_into", _rx(rf"\bovernight\s+(?:into|to)\s+(?P<wd>{_WD})\b")),
    _Rule("overnight_on", _rx(rf"\bovernight\s+(?:on\s+)?(?P<wd>{_WD})\b")),
    _Rule(
        "night_of",
        _rx(rf"\b(?:the\s+)?night\s+of\s+(?P<wd>{_WD})(?:\s+(?:to|into)\s+{_WD})?\b"),
    ),
    _Rule("early_hours", _rx(rf"\b(?:the\s+)?early\s+hours\s+of\s+(?P<wd>{_WD})\b")),
    _Rule("overnight", _rx(r"\bovernight\b")),
    _Rule("last_night", _rx(r"\blast\s+night\b")),
    _Rule(
        "yesterday",
        _rx(
            rf"""(?:\b(?:late|early)\s+)?\byesterday(?:['’]s)?(?:\s+(?P<part>{_PART}))?\b
            |\bthe\s+day\s+before\s+yesterday\b"""
        ),
    ),
    _Rule(
        "today",
        _rx(
            r"\b(?:earlier\s+)?today(?:['’]s)?\b|\btonight\b|\bthis\s+(?:morning|afternoon|evening)\b"
        ),
    ),
    _Rule(
        "last_week", _rx(r"\b(?:last|the\s+previous)\s+week(?:['’]s)?\b|\bthe\s+week\s+before\b")
    ),
    _Rule("this_week", _rx(r"\b(?:earlier\s+)?this\s+week(?:['’]s)?\b")),
    _Rule(
        "past_week",
        _rx(r"\bthe\s+(?:past|last)\s+(?:week|(?:seven|7)\s+days)\b"),
    ),
    _Rule(
        "past_hours",
        _rx(r"\bthe\s+(?:past|last)\s+(?:(?P<h>24|48|72)\s+hours|(?P<day>day))\b"),
    ),
    _Rule("last_month", _rx(r"\b(?:last|the\s+previous)\s+month(?:['’]s)?\b")),
    _Rule("this_month", _rx(r"\b(?:earlier\s+)?this\s+month(?:['’]s)?\b")),
    _Rule("last_year", _rx(r"\b(?:last|the\s+previous)\s+year(?:['’]s)?\b")),
    _Rule("this_year", _rx(r"\b(?:earlier\s+)?this\s+year(?:['’]s)?\b")),
    _Rule(
        "weekend",
        _rx(
            r"\b(?P<pre>last|this|over\s+the|at\s+the|on\s+the|during\s+the|through\s+the|"
            r"throughout\s+the)\s+weekend\b"
        ),
    ),
    _Rule(
        "ago",
        _rx(
            rf"""\b(?P<n>{_NUM}|a\s+few|few|several|some)?\s*
            (?P<unit>days?|weeks?|months?|years?)\s+ago\b"""
        ),
    ),
    # Anaphora: resolved against the nearest earlier date in the text.
    _Rule(
        "anaphor",
        _rx(
            r"""\b(?:(?P<same>(?:on\s+)?the\s+same\s+day|later\s+that\s+day|that\s+day
            |(?:at|around|about)\s+the\s+same\s+time)
            |(?P<night>the\s+same\s+night|that\s+night|later\s+that\s+night)
            |(?P<later>(?:a\s+few\s+|several\s+)?hours\s+later)
            |(?P<next>the\s+(?:next|following)\s+(?:day|morning)|a\s+day\s+later)
            |(?P<prev>the\s+(?:previous|preceding)\s+day|the\s+day\s+before|a\s+day\s+earlier))\b"""
        ),
    ),
)

_ANAPHOR = next(rule.pattern for rule in _RULES if rule.name == "anaphor")
# A bare capitalised weekday followed by a capitalised word is a name ("Monday Kassah").
_NAME_AFTER = re.compile(r"\s+[A-Z][a-z]")
_PREP_BEFORE = re.compile(r"\b(?:on|by|since|until|from|between|and|to)\s*$", re.I)
_SPAN_LEFT = re.compile(r"\b(?:between|from)\s+(?:late\s+|early\s+)?(?:on\s+)?$", re.I)
# "raids that began on Saturday evening and continued into Monday"
_CONTINUED_GAP = re.compile(
    r"\s+(?:and\s+)?(?:continued|lasted|went\s+on|raged|carried\s+on|stretched)\s+"
    r"(?:into|until|till|through|to)\s+(?:late\s+|early\s+)?(?:on\s+)?",
    re.I,
)
_SPAN_GAP = re.compile(
    r"\s*(?:and|to|until|till|through|into|-|–)\s+(?:late\s+|early\s+)?(?:on\s+)?$", re.I
)

_REPORT_BEFORE = re.compile(
    r"""\b(?:said|says|told\b(?:(?!\bthat\b)[^,.;]){0,60}?|announced|reported|confirmed|
    stated|added|claimed|denied|declared|wrote|posted|acknowledged|admitted|warned|statement|
    conference|briefing)\s+(?:late\s+|early\s+)?(?:on\s+)?$""",
    re.I | re.X,
)
# "The ministry on Tuesday said"; a comma may follow only a clause-initial date
# ("On Monday, the army said"), since "..., officials said" reports an earlier event.
_REPORT_AFTER = re.compile(
    r"""(?P<comma>,)?\s+(?:(?!(?:that|which|who|when|as|after|before)\b)[\w'’.-]+\s+){0,5}?
    (?:said|says|announced|reported|confirmed|told|claimed|denied|published|released|
    declared|acknowledged|admitted)\b""",
    re.I | re.X,
)
_CLAUSE_INITIAL = re.compile(r"""^[\s"'“‘(]*(?:(?:late|early)\s+)?(?:on\s+)?$""", re.I)
# A date inside "since ..." or "the war that began in April" dates the background.
_BACKGROUND_BEFORE = re.compile(
    r"""(?:\bsince\b|\b(?:that|which)\s+(?:\w+\s+){0,2}?(?:began|begun|started|launched|
    broke\s+out|erupted)\b)[^,.;]{0,80}$""",
    re.I | re.X,
)
# How a clause shows it continues the incident of the previous sentence.
_CONTINUATION = re.compile(
    r"""^[\s"'“‘(]*(?:
    (?:(?:a\s+few|several)\s+)?(?:hours|minutes|moments)\s+(?:later|afterwards)
    |shortly\s+(?:after|afterwards)|soon\s+after|later|afterwards|then|within\s+(?:hours|minutes)
    |(?:it|they|he|she)\b
    |(?:another|a\s+(?:second|third|further))\b
    |(?:the|that|this)\s+(?:[\w-]+\s+){0,2}?(?:strike|attack|blast|explosion|raid|assault|
      bombing|shelling|missile|drone|rocket|fighting|clash|violence|unrest|incident|
      shooting|stabbing|riot|rioting|protest|ambush|killing|massacre)(?:s|es)?\b)""",
    re.I | re.X,
)
_NOT_CONTINUATION = re.compile(r"\b(?:separate|unrelated|elsewhere)\b", re.I)
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9])|\n+")
_ABBREVIATIONS = frozenset(
    {
        "mr", "mrs", "ms", "dr", "gen", "lt", "col", "maj", "capt", "sgt", "st", "no", "vs",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "u.s", "u.k", "u.n", "a.m", "p.m", "approx", "inc", "co", "corp", "rev", "gov", "sen",
    }
)  # fmt: skip


BACKGROUND_SPAN_DAYS = 183
"""How far back an undated background incident may lie: half a year."""


def background_interval(published: dt.date) -> DateInterval:
    """The interval of an undated incident told as background, listed after an older dated
    one ("Last month, X was shot ... Additionally, Y died when his car was blown up"): the
    half year up to publication, precision year (the text bounds it no closer)."""
    return DateInterval(
        start=published - BACKGROUND_SPAN_DAYS * _DAY, end=published, precision="year"
    )


def undated_interval(published: dt.date) -> DateInterval:
    """Return the interval of undated fresh news: the week up to publication.

    Args:
        published: The article's publication date.

    Returns:
        ``[published - 7 days, published]`` with precision ``"week"``.
    """
    return DateInterval(start=published - 7 * _DAY, end=published, precision="week")


def find_dates(text: str, published: dt.date) -> list[DateMention]:
    """Find every temporal expression in ``text`` and resolve it against publication.

    Clock times, ages, durations ("for weeks", "16-month war") and counts are not
    dates and yield nothing.  Anaphora ("the same day", "hours later") resolve against
    the nearest earlier date and are dropped when there is none.

    Args:
        text: The article text; offsets of the mentions index into it.
        published: The publication date that relative expressions resolve against.

    Returns:
        The mentions in text order, none overlapping another.
    """
    candidates: list[tuple[int, int, _Rule, re.Match[str]]] = []
    for rule in _RULES:
        for match in rule.pattern.finditer(text):
            if match.end() > match.start():
                candidates.append((match.start(), match.end(), rule, match))
    candidates.sort(key=lambda c: (c[0], c[0] - c[1]))
    # Where expressions overlap, the one reaching furthest wins ("of February" loses to
    # "February 9 to 10"); then text order, so anaphora resolve against earlier dates.
    kept = _longest_first(candidates)

    mentions: list[DateMention] = []
    for start, end, rule, match in kept:
        interval = _resolve(rule.name, match, text, published, mentions)
        if interval is None:
            continue
        mentions.append(DateMention(start=start, end=end, text=text[start:end], interval=interval))
    return _join_spans(_with_opening_days(text, mentions), text)


# "on the opening day", "on the first day of the offensive": the day it was launched,
# wherever in the article that is told ("since launching the operation on October 27").
_OPENING_DAY = re.compile(
    r"\b(?:on\s+)?the\s+(?:first|opening)\s+day(?:\s+of\s+(?:the|its|their)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:operation|offensive|assault|campaign|fighting|attack|war|uprising|incursion))?\b",
    re.I,
)
_LAUNCH_BEFORE = re.compile(
    r"\b(?:launch\w*|began|begun|beginning|start\w*|opened|erupt\w*|broke\s+out)\b[^.;]{0,60}$",
    re.I,
)


def _with_opening_days(text: str, mentions: list[DateMention]) -> list[DateMention]:
    """Add "the opening day" mentions, resolved to the day the operation was launched."""
    launches = [
        m
        for m in mentions
        if m.interval.precision == "day"
        and _LAUNCH_BEFORE.search(text, max(0, m.start - 80), m.start)
    ]
    if not launches:
        return mentions
    added = [
        DateMention(
            start=match.start(),
            end=match.end(),
            text=match.group(),
            interval=launches[0].interval,
        )
        for match in _OPENING_DAY.finditer(text)
        if not any(m.start < match.end() and match.start() < m.end for m in mentions)
    ]
    return sorted(mentions + added, key=lambda m: m.start)


def _longest_first(candidates: list) -> list:  # type: ignore[type-arg]
    """Non-overlapping candidates, longer ones chosen first, returned in text order."""
    chosen: list = []  # type: ignore[type-arg]
    for cand in sorted(candidates, key=lambda c: (c[0] - c[1], c[0])):
        if all(cand[1] <= o[0] or o[1] <= cand[0] for o in chosen):
            chosen.append(cand)
    return sorted(chosen, key=lambda c: c[0])


def event_date(
    text: str,
    start: int,
    end: int,
    published: dt.date,
    mentions: list[DateMention] | None = None,
) -> tuple[DateInterval, DateMention | None]:
    """Date the incident reported in ``text[start:end]``.

    Looks, in order, for an event date (not the date something was said) inside the
    span, then in the rest of its clause; then, when the sentence continues the previous
    one ("Hours later", "The strike ..."), in the previous sentence; then a reporting
    date in the clause, which bounds the incident to the week before it; else the
    incident is undated.

    Args:
        text: The article text.
        start: Start offset of the clause that reports the incident.
        end: End offset of that clause.
        published: The article's publication date.
        mentions: ``find_dates(text, published)`` when already computed.

    Returns:
        The interval and the mention it came from, or ``undated_interval(published)``
        and ``None``.
    """
    if mentions is None:
        mentions = find_dates(text, published)
    sentences = _sentences(text)
    first = _sentence_index(sentences, start)
    last = _sentence_index(sentences, max(start, end - 1))
    clause_start, clause_end = _clause(text, sentences[first][0], sentences[last][1], start, end)

    in_span = [m for m in mentions if m.start < end and m.end > start]
    in_clause = [m for m in mentions if m.start >= clause_start and m.end <= clause_end]
    roles = {id(m): _role(text, m, clause_start, clause_end) for m in in_clause + in_span}

    def distance(m: DateMention) -> int:
        return max(start - m.end, m.start - end, 0)

    for role in ("event", "anaphor"):
        found = [m for m in in_span if roles[id(m)] == role]
        if found:
            return found[0].interval, found[0]
        found = [m for m in in_clause if roles[id(m)] == role]
        if found:
            nearest = min(found, key=distance)
            return _hours_before(text, nearest, start), nearest

    sentence_start = sentences[first][0]
    opening = text[sentence_start : max(end, sentence_start)]
    if (
        first > 0
        and _CONTINUATION.match(opening)
        and not _NOT_CONTINUATION.search(text[sentence_start:clause_end])
    ):
        prev_start, prev_end = sentences[first - 1]
        previous = [m for m in mentions if m.start >= prev_start and m.end <= prev_end]
        for role in ("event", "anaphor"):
            linked = [m for m in previous if _role(text, m, prev_start, prev_end) == role]
            if linked:
                return linked[0].interval, linked[0]

    # Reported on day X with no date of its own: it happened in the week up to X.
    said = [m for m in in_clause if roles[id(m)] == "reporting" and m.interval.precision == "day"]
    if said:
        return (
            DateInterval(
                start=said[0].interval.start - 7 * _DAY,
                end=said[0].interval.start,
                precision="week",
            ),
            said[0],
        )
    background = [m for m in in_clause if roles[id(m)] == "background"]
    if background:
        return background[0].interval, background[0]
    return undated_interval(published), None


_HOURS_AFTER = re.compile(
    r"\b(?:hours|minutes)\s+(?:after|since)\s*$|\bhours\s+earlier,?\s*$", re.I
)


def _hours_before(text: str, mention: DateMention, start: int) -> DateInterval:
    """The interval of an incident told as happening hours before a dated one.

    "riots on Thursday night, hours after a knife attack": the night is [X, X+1], the
    attack that came hours before it is day X.
    """
    interval = mention.interval
    night = interval.precision == "day" and interval.end > interval.start
    if night and mention.end <= start and _HOURS_AFTER.search(text, mention.end, start):
        return _day(interval.start)
    return interval


# --- resolution -------------------------------------------------------------------


def _resolve(
    name: str,
    match: re.Match[str],
    text: str,
    published: dt.date,
    earlier: list[DateMention],
) -> DateInterval | None:
    """Resolve one candidate; ``None`` when it turns out not to be a date."""
    return _RESOLVERS[name](match, text, published, earlier)


def _day(d: dt.date) -> DateInterval:
    return DateInterval(start=d, end=d, precision="day")


def _span(start: dt.date, end: dt.date, published: dt.date | None = None) -> DateInterval:
    """An interval from ``start`` to ``end`` capped at publication, precision by length."""
    if published is not None and end > published >= start:
        end = published
    return DateInterval(start=start, end=end, precision=_precision_for(start, end))


def _precision_for(start: dt.date, end: dt.date) -> Precision:
    """Day up to a night ([X, X+1]), week up to seven days, month up to 31, else year."""
    days = (end - start).days + 1
    if days <= 2:
        return "day"
    if days <= 7:
        return "week"
    if days <= 31:
        return "month"
    return "year"


def _month_interval(year: int, month: int, published: dt.date) -> DateInterval:
    first = dt.date(year, month, 1)
    last = dt.date(year + month // 12, month % 12 + 1, 1) - _DAY
    return DateInterval(start=first, end=min(last, max(published, first)), precision="month")


def _year_interval(year: int, published: dt.date) -> DateInterval:
    first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    return DateInterval(start=first, end=min(last, max(published, first)), precision="year")


def _last_weekday(weekday: int, published: dt.date, *, strictly_before: bool = False) -> dt.date:
    back = (published.weekday() - weekday) % 7
    if back == 0 and strictly_before:
        back = 7
    return published - back * _DAY


def _month_number(word: str) -> int:
    key = word.lower().rstrip(".")[:3]
    return next(i for i, m in enumerate(_MONTHS, start=1) if m.startswith(key))


def _most_recent(month: int, day: int, published: dt.date) -> dt.date | None:
    """The latest ``month``/``day`` on or before publication (29 February included)."""
    for year in range(published.year, published.year - 8, -1):
        try:
            candidate = dt.date(year, month, day)
        except ValueError:
            continue
        if candidate <= published:
            return candidate
    return None


@functools.lru_cache(maxsize=64)
def _date_parser(published: dt.date) -> DateDataParser:
    """Build dateparser's parser for one publication date, on first use only."""
    from dateparser.date import DateDataParser

    return DateDataParser(
        languages=["en"],
        settings={
            "PREFER_DATES_FROM": "past",
            "REQUIRE_PARTS": ["day", "month"],
            "RELATIVE_BASE": dt.datetime.combine(published, dt.time()),
        },
    )


@functools.lru_cache(maxsize=4096)
def _parse_explicit(expression: str, published: dt.date) -> dt.date | None:
    """Parse an explicit date with dateparser; a missing year is left to the caller."""
    data = _date_parser(published).get_date_data(expression)
    return data.date_obj.date() if data.date_obj else None


def _explicit(
    match: re.Match[str], text: str, published: dt.date, _: list[DateMention]
) -> DateInterval | None:
    if match.group("month") in ("may", "march", "mar"):
        return None  # lowercase, these are words
    day = int(match.group("d"))
    day2 = int(match.group("d2")) if match.group("d2") else None
    if not 1 <= day <= 31 or (day2 is not None and not day < day2 <= 31):
        return None
    core = f"{match.group('month').rstrip('.')} {day}"
    if match.group("y"):
        core += f" {match.group('y')}"
    parsed = _parse_explicit(core, published)
    if parsed is None:
        return None
    if match.group("y"):
        first = parsed
    else:
        first = _most_recent(parsed.month, parsed.day, published)
        if first is None:
            return None
    if day2 is None:
        return _day(first)
    try:
        return _span(first, first.replace(day=day2))
    except ValueError:
        return None


def _iso(
    match: re.Match[str], text: str, published: dt.date, _: list[DateMention]
) -> DateInterval | None:
    try:
        return _day(dt.date(int(match["y"]), int(match["m"]), int(match["d"])))
    except ValueError:
        return None


_MONTH_PARTS = {"early": (1, 10), "mid": (11, 20), "late": (21, 31)}


def _month(
    match: re.Match[str], text: str, published: dt.date, _: list[DateMention]
) -> DateInterval | None:
    word = match.group("month")
    pre = (match.group("pre") or "").lower()
    if not word[0].isupper() or not (pre or match.group("y") or match.group("part")):
        return None  # "march", "may", or a bare name
    month = _month_number(word)
    if match.group("y"):
        year = int(match.group("y"))
    else:
        year = published.year if month <= published.month else published.year - 1
        if pre == "last" and month == published.month:
            year -= 1
    interval = _month_interval(year, month, published)
    part = (match.group("part") or "").lower()
    if part:
        low, high = _MONTH_PARTS[part]
        start = interval.start.replace(day=low)
        end = min(interval.end, interval.start.replace(day=min(high, interval.end.day)))
        if start > end:
            return interval
        return DateInterval(start=start, end=end, precision="month")
    return interval


def _year(
    match: re.Match[str], text: str, published: dt.date, _: list[DateMention]
) -> DateInterval | None:
    year = int(match.group("y"))
    if year > published.year:
        return None
    return _year_interval(year, published)


def _weekday(
    match: re.Match[str], text: str, published: dt.date, _: list[DateMention]
) -> DateInterval | None:
    wd_word = match.group("wd")
    pre = re.sub(r"\s+", " ", (match.group("pre") or "").lower())
    part = (match.group("part") or "").lower()
    if (
        not pre
        and not part
        and not match.group("poss")
        and wd_word[0].isupper()
        and _NAME_AFTER.match(text, match.end())
        and not _PREP_BEFORE.search(text, 0, match.start())
    ):
        return None
    weekday = _WEEKDAYS.index(wd_word.lower())
    if pre == "next":
        ahead = (weekday - published.weekday()) % 7 or 7
        day = published + ahead * _DAY
    else:
        day = _last_weekday(weekday, published, strictly_before=pre in ("last", "past", "previous"))
    if part in ("night", "overnight"):
        return DateInterval(start=day, end=day + _DAY, precision="day")
    return _day(day)


def _since_weekday(
    match: re.Match[str], text: str, published: dt.date, _: list[DateMention]
) -> DateInterval | None:
    start = _last_weekday(_WEEKDAYS.index(match.group("wd").lower()), published)
    return _span(start, published)


def _overnight_into(
    match: re.Match[str], text: str, published: dt.date, _: list[DateMention]
) -> DateInterval | None:
    day = _last_weekday(_WEEKDAYS.index(match.group("wd").lower()), published)
    return DateInterval(start=day - _DAY, end=day, precision="day")


def _night_of(
    match: re.Match[str], text: str, published: dt.date, _: list[DateMention]
) -> DateInterval | None:
    day = _last_weekday(_WEEKDAYS.index(match.group("wd").lower()), published)
    return DateInterval(start=day, end=day + _DAY, precision="day")


def _early_hours(
    match: re.Match[str], text: str, published: dt.date, _: list[DateMention]
) -> DateInterval | None:
    return _day(_last_weekday(_WEEKDAYS.index(match.group("wd").lower()), published))


def _overnight(
    match: re.Match[str], text: str, published: dt.date, _: list[DateMention]
) -> DateInterval | None:
    """The night before publication, or before the day the sentence's statement was made
    ("struck overnight, the governor said on Thursday" in Friday's paper)."""
    start = max(text.rfind(". ", 0, match.start()), text.rfind("\n", 0, match.start())) + 1
    ends = [e for e in (text.find(". ", match.end()), text.find("\n", match.end())) if e != -1]
    said = _SAID_ON.search(text, start, min(ends) if ends else len(text))
    day = _last_weekday(_WEEKDAYS.index(said.group("wd").lower()), published) if said else published
    return DateInterval(start=day - _DAY, end=day, precision="day")


_SAID_ON = _rx(rf"\b(?:said|says|told|reported|announced|wrote)\s+(?:\w+\s+)?on\s+(?P<wd>{_WD})\b")


def _yesterday(
    match: re.Match[str], text: str, published: dt.date, _: list[DateMention]
) -> DateInterval | None:
    back = 2 if "before" in match.group(0).lower() else 1
    return _day(published - back * _DAY)


def _today(
    match: re.Match[str], text: str, published: dt.date, _: list[DateMention]
) -> DateInterval | None:
    return _day(published)


def _monday(d: dt.date) -> dt.date:
    return d - d.weekday() * _DAY


def _last_week(
    match: re.Match[str], text: str, published: dt.date, _: list[DateMention]
) -> DateInterval | None:
    start = _monday(published) - 7 * _DAY
    return DateInterval(start=start, end=start + 6 * _DAY, precision="week")


def _this_week(
    match: re.Match[str], text: str, published: dt.date, _: list[DateMention]
) -> DateInterval | None:
    return DateInterval(start=_monday(published), end=published, precision="week")


def _past_week(
    match: re.Match[str], text: str, published: dt.date, _: list[DateMention]
) -> DateInterval | None:
    return undated_interval(published)


def _past_hours(
    match: re.Match[str], text: str, published: dt.date, _: list[DateMention]
) -> DateInterval | None:
    days = 1 if match.group("day") else int(match.group("h")) // 24
    return _span(published - days * _DAY, published)


def _last_month(
    match: re.Match[str], text: str, published: dt.date, _: list[DateMention]
) -> DateInterval | None:
    previous = published.replace(day=1) - _DAY
    return _month_interval(previous.year, previous.month, published)


def _this_month(
    match: re.Match[str], text: str, published: dt.date, _: list[DateMention]
) -> DateInterval | None:
    return _month_interval(published.year, published.month, published)


def _last_year(
    match: re.Match[str], text: str, published: dt.date, _: list[DateMention]
) -> DateInterval | None:
    return _year_interval(published.year - 1, published)


def _this_year(
    match: re.Match[str], text: str, published: dt.date, _: list[DateMention]
) -> DateInterval | None:
    return _year_interval(published.year, published)


def _weekend(
    match: re.Match[str], text: str, published: dt.date, _: list[DateMention]
) -> DateInterval | None:
    pre = match.group("pre").lower()
    saturday = _last_weekday(5, published)
    if pre == "last" and published.weekday() >= 5:
        saturday -= 7 * _DAY
    return _span(saturday, saturday + _DAY, published)


def _ago(
    match: re.Match[str], text: str, published: dt.date, _: list[DateMention]
) -> DateInterval | None:
    raw = re.sub(r"\s+", " ", (match.group("n") or "").lower())
    unit = match.group("unit").lower().rstrip("s")
    if raw.isdigit():
        n: int | None = int(raw)
    else:
        n = _NUMBERS.get(raw)
    if n is None:  # "days ago", "several weeks ago": only the order of magnitude
        if unit == "day":
            return DateInterval(start=published - 7 * _DAY, end=published - _DAY, precision="week")
        return None
    if unit == "day":
        return _day(published - n * _DAY)
    if unit == "week":
        start = _monday(published - 7 * n * _DAY)
        return DateInterval(start=start, end=start + 6 * _DAY, precision="week")
    if unit == "month":
        index = published.year * 12 + published.month - 1 - n
        return _month_interval(index // 12, index % 12 + 1, published)
    return _year_interval(published.year - n, published)


def _anaphor(
    match: re.Match[str], text: str, published: dt.date, earlier: list[DateMention]
) -> DateInterval | None:
    antecedent = _antecedent(text, earlier)
    if antecedent is None:
        return None
    ref = antecedent.interval
    if match.group("same"):
        return ref
    if match.group("night"):
        return DateInterval(start=ref.start, end=ref.start + _DAY, precision="day")
    if match.group("later"):
        return _span(ref.start, min(ref.end + _DAY, max(published, ref.end)))
    if match.group("next"):
        return _day(ref.end + _DAY)
    return _day(ref.start - _DAY)


def _antecedent(text: str, earlier: list[DateMention]) -> DateMention | None:
    """The latest earlier day-precision date, preferring an event date to a reporting one."""
    days = [m for m in earlier if m.interval.precision == "day"]
    events = [m for m in days if not _is_reporting(text, m, 0, len(text))]
    pool = events or days
    return pool[-1] if pool else None


_Resolver = Callable[[re.Match[str], str, dt.date, list[DateMention]], DateInterval | None]
_RESOLVERS: dict[str, _Resolver] = {
    "iso": _iso,
    "mdy": _explicit,
    "dmy": _explicit,
    "month": _month,
    "year": _year,
    "weekday": _weekday,
    "since_weekday": _since_weekday,
    "overnight_into": _overnight_into,
    "overnight_on": _night_of,
    "night_of": _night_of,
    "early_hours": _early_hours,
    "overnight": _overnight,
    "last_night": _overnight,
    "yesterday": _yesterday,
    "today": _today,
    "last_week": _last_week,
    "this_week": _this_week,
    "past_week": _past_week,
    "past_hours": _past_hours,
    "last_month": _last_month,
    "this_month": _this_month,
    "last_year": _last_year,
    "this_year": _this_year,
    "weekend": _weekend,
    "ago": _ago,
    "anaphor": _anaphor,
}


def _join_spans(mentions: list[DateMention], text: str) -> list[DateMention]:
    """Merge "between A and B" / "from A to B" into one mention spanning both."""
    joined: list[DateMention] = []
    i = 0
    while i < len(mentions):
        left = mentions[i]
        if i + 1 < len(mentions):
            right = mentions[i + 1]
            gap = text[left.end : right.start]
            spans = _SPAN_GAP.fullmatch(gap) and _SPAN_LEFT.search(text, 0, left.start)
            if spans or _CONTINUED_GAP.fullmatch(gap):
                start = left.interval.start
                end = right.interval.end
                if start > end:  # "between Saturday and Monday": Saturday before Monday
                    shift = ((start - end).days // 7 + 1) * 7
                    start -= shift * _DAY
                joined.append(
                    DateMention(
                        start=left.start,
                        end=right.end,
                        text=text[left.start : right.end],
                        interval=DateInterval(
                            start=start, end=end, precision=_precision_for(start, end)
                        ),
                    )
                )
                i += 2
                continue
        joined.append(left)
        i += 1
    return joined


# --- context ----------------------------------------------------------------------


def _is_reporting(text: str, mention: DateMention, lo: int, hi: int) -> bool:
    """True when the mention dates a statement ("officials said on Wednesday")."""
    before = text[max(lo, mention.start - 80) : mention.start]
    if _REPORT_BEFORE.search(before):
        return True
    after = _REPORT_AFTER.match(text, mention.end, min(hi, mention.end + 80))
    if after is None:
        return False
    return not after.group("comma") or bool(_CLAUSE_INITIAL.match(text[lo : mention.start]))


def _role(text: str, mention: DateMention, lo: int, hi: int) -> str:
    """Classify a mention within ``text[lo:hi]``: event, anaphor, reporting or background."""
    if _is_reporting(text, mention, lo, hi) or _in_dateline(text, mention):
        return "reporting"
    if _BACKGROUND_BEFORE.search(text, max(lo, mention.start - 120), mention.start):
        return "background"
    if _ANAPHOR.fullmatch(mention.text):
        return "anaphor"
    return "event"


# "BAMAKO, Jan 15 (Reuters) - ": where and when the report was filed, at the start of a line
DATELINE = re.compile(
    r"(?P<place>[A-Z][A-Za-z.'’ /-]{1,40}?)(?:,\s*[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)?"
    r"(?:,?\s+(?P<date>[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,?\s+\d{4})?))?\s*"
    # a hyphen needs a space before it: "PORT-AU-PRINCE, March 11 -" is one name
    r"(?:\([^)]{1,20}\)\s*)?(?:(?<=\s)-|[–—:])"
)


def dateline_at(text: str, position: int) -> re.Match[str] | None:
    """The dateline of the line holding ``position``, if that line opens with one."""
    return DATELINE.match(text, text.rfind("\n", 0, position) + 1)


def _in_dateline(text: str, mention: DateMention) -> bool:
    """True for the date of a dateline."""
    match = dateline_at(text, mention.start)
    return (
        match is not None
        and match.group("date") is not None
        and match.start("date") <= mention.start < match.end("date")
    )


@functools.lru_cache(maxsize=64)
def _sentences(text: str) -> tuple[tuple[int, int], ...]:
    """Sentence offsets; a period after an abbreviation or an initial does not end one."""
    bounds: list[tuple[int, int]] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        if text[match.start()] == "." and _is_abbreviation(text, match.start()):
            continue
        end = match.start() + 1 if text[match.start()] in ".!?" else match.start()
        if end > start:
            bounds.append((start, end))
        start = match.end()
    bounds.append((start, len(text)))
    return tuple(bounds)


def _is_abbreviation(text: str, dot: int) -> bool:
    word = re.search(r"([A-Za-z.]+)$", text[max(0, dot - 12) : dot])
    if not word:
        return False
    token = word.group(1).lower()
    return token in _ABBREVIATIONS or (len(token) == 1 and token.isalpha())


def _sentence_index(sentences: tuple[tuple[int, int], ...], offset: int) -> int:
    for index, (_, end) in enumerate(sentences):
        if offset < end:
            return index
    return len(sentences) - 1


def _clause(text: str, lo: int, hi: int, start: int, end: int) -> tuple[int, int]:
    """Narrow a sentence to the semicolon-delimited clause(s) holding ``[start, end)``."""
    left = text.rfind(";", lo, start)
    right = text.find(";", end, hi)
    return (left + 1 if left >= 0 else lo), (right if right >= 0 else hi)
