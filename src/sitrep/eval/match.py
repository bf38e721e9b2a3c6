"""Decide which predicted event is which gold event (``shared/eval/SCHEMA.md`` step 1).

A prediction and a gold event of the same article are *candidates* when their date
intervals overlap and their places agree: within 50 km, or the same admin1 when either
side has geo_precision 3 (region only).  Candidates are paired greedily, one-to-one, best
type agreement first (same sub_event_type, then same event_type, then neither), then
smallest distance, then gold order, then prediction order, so the result is deterministic.

admin1 names are compared tolerantly, because gazetteers spell regions differently
(Zaporizhzhia, Zaporizhia, Zaporizka oblast, Zaporozhye): names are folded to lowercase
ASCII, generic words (oblast, region, state, province, governorate ...) and Slavic
adjectival endings are dropped, and two names agree when they are equal, or have a
rapidfuzz ratio of at least 85, or share a consonant skeleton.  Names that differ in a
compass word (North / South Darfur) never agree.
"""

from __future__ import annotations

import functools
import math
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from sitrep.eval.gold import EvalEvent, EvalPlace

MAX_KM = 50.0
"""Two places closer than this are the same place for matching (SCHEMA.md)."""
ADMIN1_MIN_RATIO = 85.0
EARTH_RADIUS_KM = 6371.0088

_GENERIC_WORDS = {
    "oblast",
    "oblast'",
    "region",
    "state",
    "province",
    "governorate",
    "prefecture",
    "krai",
    "kray",
    "okrug",
    "division",
    "department",
    "departement",
    "county",
    "district",
    "raion",
    "rayon",
    "wilayah",
    "wilaya",
    "muhafazat",
    "the",
    "of",
    "autonomous",
    "republic",
    "avtonomna",
    "respublika",
}
_COMPASS = {
    "north": "north",
    "northern": "north",
    "south": "south",
    "southern": "south",
    "east": "east",
    "eastern": "east",
    "west": "west",
    "western": "west",
    "central": "central",
    "centre": "central",
    "center": "central",
    "upper": "upper",
    "lower": "lower",
    "northeast": "northeast",
    "northeastern": "northeast",
    "northwest": "northwest",
    "northwestern": "northwest",
    "southeast": "southeast",
    "southeastern": "southeast",
    "southwest": "southwest",
    "southwestern": "southwest",
}
# GeoNames spellings no string rule reaches (from shared/eval/README.md and GeoNames admin1).
_ALIASES = {
    "al jazirah": "gezira",
    "jazirah": "gezira",
    "misto sevastopol": "sevastopol",
    "krym": "crimea",
    "tombouctou": "timbuktu",
}
# Slavic adjectival oblast names ("Donetska", "Kharkivska", "Luganskaya", "Zaporizka"):
# (ending, what to cut) pairs giving the noun stem the other spelling may start with.
_ADJECTIVE_CUTS = (
    ("skaya", "aya"),
    ("skaya", "skaya"),
    ("skyi", "yi"),
    ("skyi", "skyi"),
    ("skiy", "iy"),
    ("skiy", "skiy"),
    ("ska", "a"),
    ("ska", "ska"),
    ("kaya", "kaya"),
    ("ka", "ka"),
)


@dataclass(frozen=True)
class Match:
    """One matched pair: indices into the article's gold and predicted events."""

    gold: int
    pred: int
    km: float | None


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance between two points, in km.

    Args:
        lat1: latitude of the first point, degrees.
        lon1: longitude of the first point, degrees.
        lat2: latitude of the second point, degrees.
        lon2: longitude of the second point, degrees.

    Returns:
        The distance on a sphere of the Earth's mean radius.
    """
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def place_km(a: EvalPlace | None, b: EvalPlace | None) -> float | None:
    """Distance between two places, or None when either lacks coordinates.

    Args:
        a: one place.
        b: the other.

    Returns:
        Haversine km, or None.
    """
    if a is None or b is None or None in (a.lat, a.lon, b.lat, b.lon):
        return None
    return haversine_km(a.lat, a.lon, b.lat, b.lon)  # type: ignore[arg-type]


@functools.lru_cache(maxsize=4096)
def normalise_admin1(name: str) -> str:
    """Fold an admin1 name for comparison: ASCII, lowercase, generic words dropped.

    Args:
        name: an admin1 name as a gazetteer or a gold file spells it.

    Returns:
        The folded name, e.g. ``"Zaporiz'ka Oblast'"`` -> ``"zaporizka"``.
    """
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    words = re.sub(r"[^a-z0-9 ]+", " ", ascii_name.lower().replace("'", "")).split()
    folded = " ".join(w for w in words if w not in _GENERIC_WORDS) or " ".join(words)
    return _ALIASES.get(folded, folded)


def _stems(folded: str) -> set[str]:
    """Noun stems of an adjectival oblast name (``donetska`` -> donetsk, donet)."""
    if len(folded) < 6 or " " in folded:
        return set()
    return {folded[: -len(cut)] for ending, cut in _ADJECTIVE_CUTS if folded.endswith(ending)}


def _skeleton(folded: str) -> str:
    """Consonant skeleton of a folded name, merging transliteration variants (zh/z, g/h)."""
    s = folded.replace(" ", "")
    for digraph, letter in (
        ("zh", "z"),
        ("kh", "h"),
        ("sh", "s"),
        ("ch", "c"),
        ("ts", "c"),
        ("g", "h"),
    ):
        s = s.replace(digraph, letter)
    s = s[:1] + re.sub(r"[aeiouyhj]", "", s[1:])
    return re.sub(r"(.)\1+", r"\1", s)


def _ends_in_vowel(folded: str) -> bool:
    """Whether a name ends in a vowel (keeps Niger apart from Nigeria)."""
    return folded[-1:] in set("aeiouy")


def _spellings_agree(a: str, b: str) -> bool:
    """Two folded single spellings agree: fuzzy ratio, or the same skeleton and ending."""
    if a == b or fuzz.ratio(a, b) >= ADMIN1_MIN_RATIO:
        return True
    ka, kb = _skeleton(a), _skeleton(b)
    return len(ka) >= 3 and ka == kb and _ends_in_vowel(a) == _ends_in_vowel(b)


def _stem_agrees(stem: str, other: str) -> bool:
    """An adjectival stem agrees with a noun that starts with it (or its skeleton does)."""
    if len(stem) < 3:
        return False
    if other.startswith(stem) and len(other) - len(stem) <= 5:
        return True
    ks, ko = _skeleton(stem), _skeleton(other)
    if len(ks) >= 3 and ko.startswith(ks) and len(ko) - len(ks) <= 1:
        return True
    return _spellings_agree(stem, other)


def same_admin1(a: str | None, b: str | None) -> bool:
    """Whether two admin1 names denote the same region, tolerating transliteration.

    Args:
        a: one name (None = unknown).
        b: the other.

    Returns:
        False when either is None; True for spelling variants of one region.
    """
    if not a or not b:
        return False
    fa, fb = normalise_admin1(a), normalise_admin1(b)
    if fa == fb:
        return True
    if {_COMPASS[w] for w in fa.split() if w in _COMPASS} != {
        _COMPASS[w] for w in fb.split() if w in _COMPASS
    }:
        return False
    if _spellings_agree(fa, fb):
        return True
    return any(_stem_agrees(s, fb) for s in _stems(fa)) or any(
        _stem_agrees(s, fa) for s in _stems(fb)
    )


def dates_overlap(a: EvalEvent, b: EvalEvent) -> bool:
    """Whether two events' date intervals (both ends inclusive) share a day.

    Args:
        a: one event.
        b: the other.

    Returns:
        False when either interval is unknown.
    """
    if None in (a.date_start, a.date_end, b.date_start, b.date_end):
        return False
    return a.date_start <= b.date_end and b.date_start <= a.date_end  # type: ignore[operator]


def same_place(a: EvalPlace | None, b: EvalPlace | None) -> bool:
    """The location half of the matching rule.

    Args:
        a: one place.
        b: the other.

    Returns:
        True when within :data:`MAX_KM`, or when either has geo_precision 3 and both name
        the same admin1.
    """
    if a is None or b is None:
        return False
    km = place_km(a, b)
    if km is not None and km <= MAX_KM:
        return True
    return 3 in (a.geo_precision, b.geo_precision) and same_admin1(a.admin1, b.admin1)


def type_rank(gold: EvalEvent, pred: EvalEvent) -> int:
    """Type agreement of a pair: 0 same sub_event_type, 1 same event_type, 2 neither.

    Args:
        gold: the gold event.
        pred: the predicted event.

    Returns:
        The rank; lower pairs first.
    """
    if gold.event_type == pred.event_type and gold.sub_event_type == pred.sub_event_type:
        return 0
    return 1 if gold.event_type == pred.event_type else 2


def name_rank(gold: EvalEvent, pred: EvalEvent) -> int:
    """Place-name agreement of a pair: 0 when the folded names are equal, else 1.

    Breaks ties before distance, so a village the gazetteer lacks, coded to its region's
    capital, pairs with the gold event that names that village rather than with another
    event in the capital.
    """
    g, p = gold.location, pred.location
    if g is None or p is None or not g.name or not p.name:
        return 1
    return 0 if _fold_name(g.name) == _fold_name(p.name) else 1


def _fold_name(name: str) -> str:
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "", ascii_name.lower())


def match_article(gold: Sequence[EvalEvent], pred: Sequence[EvalEvent]) -> list[Match]:
    """Pair one article's predictions with its gold events, greedily and one-to-one.

    Args:
        gold: the article's gold events, in gold order.
        pred: the predictions that name this article, in prediction order.

    Returns:
        The matched pairs, sorted by gold index.
    """
    candidates = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            if dates_overlap(g, p) and same_place(g.location, p.location):
                km = place_km(g.location, p.location)
                key = (type_rank(g, p), name_rank(g, p), math.inf if km is None else km, gi, pi)
                candidates.append((key, Match(gi, pi, km)))
    candidates.sort(key=lambda c: c[0])
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    matches = []
    for _, m in candidates:
        if m.gold in used_gold or m.pred in used_pred:
            continue
        used_gold.add(m.gold)
        used_pred.add(m.pred)
        matches.append(m)
    return sorted(matches, key=lambda m: m.gold)
