"""Pick the place of one incident from an article's resolved toponyms.

The rules, in order (each breaks ties left by the one before):

1. Where to look: toponyms inside the incident's span; if none, those in the sentence
   around it; if none, the nearest toponym before it (the dateline or the previous
   sentence usually sets the scene), then the nearest after it.
2. Role: a distance reference ("80 km south of Belgorod"), an origin ("a drone
   launched from Kursk") or a destination ("a train waiting to leave for Lviv") is not
   where the incident happened; it is used only when nothing else is named.
3. Specificity: a named town beats an area around a town ("near Bakhmut"), which beats a
   settlement missing from the gazetteer (coded to its region), which beats a region,
   which beats a country.  "Hroza in Ukraine's Kharkiv region" gives Hroza: the
   region only confirms it.  A country alone ("in Ukraine") is a last resort.
4. Position: a name after a locative word ("in", "at", "hit", "struck") beats one that is
   not; then the first in the text.
"""

from __future__ import annotations

import re

from sitrep.geo.recognise import _DISTANCE_BEFORE, _ORIGIN_BEFORE
from sitrep.model import Toponym

_LOCATIVE_BEFORE = re.compile(
    r"\b(in|at|on|into|through|outside|hit|hits|struck|strikes?|targeted|shelled|attacked|bombed|"
    r"raided|stormed|captured|seized|entered|village of|town of|city of|control of|took|"
    r"retook|recaptured|overran|overrunning|liberated|spread to|spreading to)\s+"
    r"(the\s+)?(\w+\s+){0,2}$",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.!?]\s|\n")
_SPECIFICITY = {"place": 0, "admin1": 3, "country": 4}


_DESTINATION_BEFORE = re.compile(
    r"\b(leave|leaving|left|bound|headed|heading|travel\w*|depart\w*|flights?|trains?)\s+"
    r"(for|to)\s+(the\s+)?$",
    re.IGNORECASE,
)


def _demoted(text: str, t: Toponym) -> bool:
    """True for a distance reference point, an attack's origin or a journey's destination."""
    before = text[max(0, t.start - 80) : t.start]
    return bool(
        _DISTANCE_BEFORE.search(before)
        or _ORIGIN_BEFORE.search(before)
        or _DESTINATION_BEFORE.search(before)
        or _CAUSE_BEFORE.search(before)
    )


# "marched through London calling for a ceasefire in Gaza": the demand's place, not the scene
_CAUSE_BEFORE = re.compile(
    r"\b(?:calling for|call for|calls for|demanding|demand|protest(?:ing)? against|in solidarity with|"
    r"in support of|against the (?:war|fighting|bombing|offensive))\b[^.;,]{0,50}$",
    re.IGNORECASE,
)


def _rank(text: str, t: Toponym) -> tuple[int, int, int, int]:
    """Sort key: demoted last, most specific first, locative first, then text order."""
    # Town 0, area 1, unknown settlement coded to its region 2, region 3, country 4.
    spec = _SPECIFICITY[t.kind]
    if t.kind == "place":
        spec += {1: 0, 2: 1, 3: 2}[t.place.geo_precision]
    locative = bool(_LOCATIVE_BEFORE.search(text[max(0, t.start - 40) : t.start]))
    return (int(_demoted(text, t)), spec, 0 if locative else 1, t.start)


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    """Bounds of the sentence(s) holding ``text[start:end]``."""
    s = 0
    for m in _SENTENCE_END.finditer(text, 0, start):
        s = m.end()
    m = _SENTENCE_END.search(text, end)
    return s, (m.start() + 1 if m else len(text))


def _best(text: str, toponyms: list[Toponym]) -> Toponym | None:
    """The best-ranked toponym, or None for an empty list."""
    return min(toponyms, key=lambda t: _rank(text, t)) if toponyms else None


def event_place(text: str, toponyms: list[Toponym], start: int, end: int) -> Toponym | None:
    """Return the place of the incident reported in ``text[start:end]``.

    Args:
        text: the article text the toponyms were found in.
        toponyms: ``geoparse(text, gaz)``.
        start: start offset of the incident's evidence span.
        end: end offset of that span.

    Returns:
        The chosen toponym, or None when the article names no place at all.

    Example:
        "a drone launched from Kursk hit Belgorod" -> the Belgorod toponym.
    """
    inside = [t for t in toponyms if start <= t.start < end]
    good = [t for t in inside if t.kind != "country" and not _demoted(text, t)]
    if good:
        return _best(text, good)
    s, e = _sentence(text, start, end)
    around = [t for t in toponyms if s <= t.start < e and not (start <= t.start < end)]
    good = [t for t in around if t.kind != "country" and not _demoted(text, t)]
    if good:
        return _best(text, good)
    before = [t for t in toponyms if t.end <= s and t.kind != "country"]
    before = [t for t in before if not _demoted(text, t)]
    if before:
        # Nearest first, but keep specificity: the last sentence that names a place wins.
        last_s, _ = _sentence(text, before[-1].start, before[-1].end)
        return _best(text, [t for t in before if t.start >= last_s])
    after = [t for t in toponyms if t.start >= e and t.kind != "country"]
    after = [t for t in after if not _demoted(text, t)]
    if after:
        first_s, first_e = _sentence(text, after[0].start, after[0].end)
        return _best(text, [t for t in after if first_s <= t.start < first_e])
    rest = inside + around
    if rest:
        return _best(text, rest)
    countries = [t for t in toponyms if t.kind == "country"]
    return _best(text, countries) if countries else None
