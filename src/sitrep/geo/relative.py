"""Places the gazetteer lacks, located by what the text says about them.

GeoNames' cities500 misses many villages (Robotyne, Hroza, Mung Lai Hkyet).  The resolver
codes such a settlement to its region's capital at precision 3, which can be 100 km off.
Reporters often say where it is instead: "Robotyne ... lies about 15 km southeast of
Orikhiv", "the camp, about three kilometres from Laiza", "Kozinka, near Grayvoron",
"Pazigyi and nearby villages in Kanbalu township".  When
the place they measure from is one the article names and the gazetteer knows, the
settlement is put there (at a district's seat for "in <district>"), offset by the distance
and bearing when both are given, at
ACLED's precision 2 (a small area coded to a representative point).
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

from sitrep.model import Place, Toponym

EARTH_KM = 6371.0
MAX_GAP = 160
"""Characters allowed between the settlement's name and the phrase that locates it."""
MAX_KM = 60.0
"""Farther than this, the stated offset says little and ACLED would code the region."""

BEARINGS: dict[str, float] = {
    "north": 0.0,
    "northeast": 45.0,
    "east": 90.0,
    "southeast": 135.0,
    "south": 180.0,
    "southwest": 225.0,
    "west": 270.0,
    "northwest": 315.0,
}
_UNITS_AND_TEENS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty"
)
_NUMBER_WORDS = {w: i for i, w in enumerate(_UNITS_AND_TEENS.split(" "))} | {
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "a few": 3,
    "several": 5,
}
_MILE_KM = 1.609344

_NUMBER = r"(?P<num>\d+(?:\.\d+)?|" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + ")"
_DIRECTION = r"(?P<dir>(?:north|south)[- ]?(?:east|west)|north|south|east|west)(?:ern)?"
_LOCATOR = re.compile(
    r"(?:(?:about|some|around|roughly|approximately|nearly|almost|just|only|less than)\s+)?"
    + _NUMBER
    + r"[\s-]*(?P<unit>km|kilomet(?:re|er)s?|miles?)\b\s*(?:\(\s*[\d.]+\s*\w+\s*\)\s*)?"
    r"(?:"
    + _DIRECTION
    + r"\s+of|from|outside|away\s+from)\s+(?:the\s+(?:city|town|village)\s+of\s+)?"
    r"|(?P<near>\bnear|\boutside|\bclose\s+to|\bon\s+the\s+(?:\w+\s+)?(?:outskirts|edge)\s+of|"
    r"\b(?:(?:north|south)[- ]?(?:east|west)|north|south|east|west)\s+of)\s+"
    r"(?:the\s+(?:city|town|village)\s+of\s+)?"
    r"|(?P<within>\bin)\s+(?:the\s+)?(?:[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?\s+"
    r"(?:region|state|province|division)'s\s+)?",
    re.I,
)


def locate_unknown(text: str, unknown: Toponym, toponyms: Sequence[Toponym]) -> Toponym | None:
    """A better point for a settlement the gazetteer lacks, from a place the text relates it to.

    Args:
        text: the article.
        unknown: a toponym coded to its region because the gazetteer lacks it
            (``geonameid`` None, precision 3).
        toponyms: the article's resolved toponyms; the anchor must be one of them, a town
            or city the gazetteer knows.

    Returns:
        The settlement at precision 2 with the reason in ``reason``, or None when the text
        relates it to no known town.
    """
    anchors = {t.start: t for t in toponyms if t.kind == "place" and t.place.geonameid is not None}
    for mention in re.finditer(rf"\b{re.escape(unknown.text)}\b", text):
        window_end = min(len(text), mention.end() + MAX_GAP)
        sentence_end = text.find(".", mention.end())
        if sentence_end != -1:
            window_end = min(window_end, sentence_end)
        for match in _LOCATOR.finditer(text, mention.end(), window_end):
            anchor = anchors.get(match.end())
            if anchor is None or _other_place_between(toponyms, mention.end(), match.start()):
                continue
            if match.group("within") and anchor.place.geo_precision != 2:
                continue  # "in" locates by a district ("in Kanbalu township"), not a town
            return _placed(unknown, anchor, match)
    return None


def _other_place_between(toponyms: Sequence[Toponym], start: int, end: int) -> bool:
    """True when another place is named between the settlement and its locator."""
    return any(start <= t.start < end for t in toponyms)


def _placed(unknown: Toponym, anchor: Toponym, match: re.Match[str]) -> Toponym | None:
    base = anchor.place
    if base.lat is None or base.lon is None:
        return None
    lat, lon, how = base.lat, base.lon, f"near {base.name}"
    if match.group("within"):
        how = f"in {base.name}"
    elif not match.group("near"):
        km = _kilometres(match.group("num"), match.group("unit"))
        if km is None or km > MAX_KM:
            return None
        direction = match.group("dir")
        if direction:
            bearing = BEARINGS[re.sub(r"[- ]", "", direction.lower())]
            lat, lon = offset_point(base.lat, base.lon, km, bearing)
            how = f"{km:g} km {direction.lower()} of {base.name}"
        else:
            how = f"{km:g} km from {base.name}"
    place = Place(
        name=unknown.text,
        admin1=unknown.place.admin1 or base.admin1,
        country=base.country,
        iso3=base.iso3,
        lat=round(lat, 5),
        lon=round(lon, 5),
        geo_precision=2,
        geonameid=None,
    )
    reason = f"not in the gazetteer; located {how} as the text says, precision 2"
    return unknown.model_copy(update={"place": place, "reason": reason, "runner_up": None})


def _kilometres(number: str, unit: str) -> float | None:
    word = number.lower()
    value = float(number) if word[0].isdigit() else _NUMBER_WORDS.get(word)
    if value is None:
        return None
    return value * _MILE_KM if unit.lower().startswith("mile") else float(value)


def offset_point(lat: float, lon: float, km: float, bearing: float) -> tuple[float, float]:
    """The point ``km`` from (lat, lon) on the initial ``bearing`` (degrees from north)."""
    phi1, lam1, theta = math.radians(lat), math.radians(lon), math.radians(bearing)
    delta = km / EARTH_KM
    phi2 = math.asin(
        math.sin(phi1) * math.cos(delta) + math.cos(phi1) * math.sin(delta) * math.cos(theta)
    )
    lam2 = lam1 + math.atan2(
        math.sin(theta) * math.sin(delta) * math.cos(phi1),
        math.cos(delta) - math.sin(phi1) * math.sin(phi2),
    )
    return math.degrees(phi2), (math.degrees(lam2) + 540) % 360 - 180
