"""Choose the place each toponym refers to, from the evidence in the whole article.

Each candidate is scored as::

    prior (town log10(population); region log10(its towns' population) - 1;
           country max(7, log10(population) + 0.5))
    + country evidence   up to 3.0: share of the article's country mentions (names,
                          demonyms, regions) that name the candidate's country, the
                          mention's own name left out ("Georgia" does not name Georgia for
                          itself); a country no other name names gets up to 1.5 from a
                          named neighbour ("Niger" beside Nigeria)
    + admin1 evidence    2.5 if the article names the candidate's admin1 region (by another
                          mention), +2.0 more when it does so within 150 characters ("Yalta,
                          a city in ... Crimea"); second pass adds 1.0 for the region of
                          another toponym.  A region gets the same from other regions of its
                          country named in its sentence ("Ohio, Oregon, Nevada"), except the
                          regions of its rival readings and when a rival is the country
    + proximity          up to 2.5, decaying with the distance (e-fold 150 km) to the
                          nearest place the other toponyms resolved to (second pass); a
                          region or country gets the full 2.5 when it contains one
    - own town           1.5 off a region named like one of its towns ("Kherson",
                          "Kaduna"): a bare name means the town, "Kherson region" the region
    + main name          1.0 when the text is the entry's main name, not an alternate
                          ("Mexico" is the country; Mexico City only has it as an alias)
    + shared region      0.5 per other name of the article (up to 3) with a namesake in the
                          candidate's admin1, for towns and districts of names whose
                          likeliest reading is a town under 300k ("Watertown", "Delano",
                          "Elgin": only Minnesota has all three)
    + source's region    up to 2.5 x the share of the outlet's reports in the candidate's
                          admin1, + up to 1.0 x the share in its country (towns, districts,
                          regions; :mod:`sitrep.geo.source`).  Weak: when some candidate is
                          in a country or region the article names, only those get it; and
                          it never alone moves a name off a country or off a city of 100k+
                          in another country ("Paris" stays in France for a Texas paper)

The best candidate wins; the runner-up and a one-line reason are kept on the Toponym.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from itertools import pairwise
from typing import TYPE_CHECKING

from sitrep.geo.gazetteer import Candidate, Gazetteer, name_key
from sitrep.geo.recognise import BIG_PLACE, TITLES, Mention, Recognition
from sitrep.model import Place, Toponym

if TYPE_CHECKING:
    from sitrep.geo.source import SourceRegion

W_COUNTRY = 3.0
W_ADMIN = 2.5
W_ADMIN_NEAR = 2.0
W_ADMIN_ELSEWHERE = 2.0
W_ADMIN_OTHER = 1.0
W_NEAR = 2.5
NEAR_KM = 150.0
W_OWN_REGION = 1.5
W_MAIN_NAME = 1.0
LOCAL_CHARS = 150
W_SUPPORT = 0.5
SUPPORT_CAP = 3
W_SOURCE_ADMIN = 2.5
W_SOURCE_COUNTRY = 1.0
W_NEIGHBOUR = 1.5


@dataclass
class Context:
    """What an article says about where it is: countries and regions named, and where."""

    countries: Counter[str]
    admin1: dict[str, list[int]]
    """admin1 code -> offsets where the article names that region."""
    base: dict[int, list[tuple[float, list[str], Candidate, float]]] = field(default_factory=dict)
    """Per mention (by id): its candidates scored without proximity (and the part of
    that score the source's region gave), filled by _rank."""
    support: dict[str, set[str]] = field(default_factory=dict)
    """admin1 code -> name keys of the article's mentions that have a candidate there."""
    source: SourceRegion | None = None
    """Where the article's outlet usually reports from (weak evidence), if known."""
    named_by: dict[str, set[str]] = field(default_factory=dict)
    """Country (ISO alpha-2) or admin1 code -> name keys of the mentions and demonyms
    that name it: a name is no evidence against its own namesakes."""
    districts: frozenset[int] = frozenset()
    country_by_name: Counter[tuple[str, str]] = field(default_factory=Counter)
    """(country, name key) -> the part of ``countries`` that mentions of that name gave."""
    """Ids of the districts the article names with their district word ("Travis County")."""
    neighbours: dict[str, frozenset[str]] = field(default_factory=dict)
    """ISO alpha-2 -> the countries it borders (the gazetteer's)."""
    sentence_ends: tuple[int, ...] = ()
    """Offsets where the article's sentences end: a region named "nearby" must be named in
    the mention's own sentence ("In the Kharkiv region, ... . A drone strike on Nikopol"
    does not put Nikopol in Kharkiv region)."""


_SENTENCE_END = re.compile(r"[.!?](?=\s+[\"'“‘(]?[A-Z0-9])")


def _same_sentence(ends: tuple[int, ...], a: int, b: int) -> bool:
    """True when no sentence ends between offsets ``a`` and ``b``."""
    lo, hi = min(a, b), max(a, b)
    return not any(lo < end <= hi for end in ends)


def build_context(rec: Recognition, source_region: SourceRegion | None = None) -> Context:
    """Collect the article's country and region evidence from its mentions and demonyms,
    and the outlet's usual region when given."""
    countries: Counter[str] = Counter()
    own: Counter[tuple[str, str]] = Counter()
    admin1: dict[str, list[int]] = {}
    named_by: dict[str, set[str]] = {}
    for pos, code in rec.demonyms:
        named_by.setdefault(code, set()).add(f"demonym@{pos}")
        named_by.setdefault(code.split(".")[0], set()).add(f"demonym@{pos}")
        if "." in code:
            admin1.setdefault(code, []).append(pos)
            countries[code.split(".")[0]] += 1
        else:
            countries[code] += 1
    for m in rec.mentions:
        if not m.candidates:
            continue
        kinds = {c.kind for c in m.candidates}
        top = m.candidates[0]
        if top.kind == "continent":
            continue
        if (
            top.kind == "country"
            and name_key(top.place.name) == name_key(m.text)
            or (kinds == {"country"})
        ):
            countries[top.cc] += 1
            own[(top.cc or "", name_key(m.text))] += 1
            named_by.setdefault(top.cc or "", set()).add(name_key(m.text))
            continue
        admins = [c for c in m.candidates if c.kind == "admin1"]
        explicit = m.role == "region" or (admins and len(admins) == len(m.candidates))
        # A bare name counts as a region only when the region is its likeliest reading
        # ("Crimea"), not when a town of that name is ("Washington", "Kherson").
        if admins and (explicit or top.kind == "admin1"):
            for c in admins:
                admin1.setdefault(c.admin1 or "", []).append(m.start)
                share = 1.0 / len(admins) if explicit else 0.5 / len(admins)
                countries[c.cc] += share
                own[(c.cc or "", name_key(m.text))] += share
                for code in (c.admin1 or "", c.cc or ""):
                    named_by.setdefault(code, set()).add(name_key(m.text))
    districts = frozenset(c.id for m in rec.mentions for c in _explicit_districts(m))
    support: dict[str, set[str]] = {}
    for m in rec.mentions:
        if not _contested(m):
            continue
        key = name_key(m.text)
        for c in _eligible(m, districts):
            if c.kind in ("place", "admin2") and c.admin1:
                support.setdefault(c.admin1, set()).add(key)
    return Context(
        countries,
        admin1,
        support=support,
        source=source_region or None,
        named_by=named_by,
        districts=districts,
        country_by_name=own,
    )


# A name whose likeliest reading is a country, a region or a city this big is not
# a small town's name that needs its neighbours to be told apart.
SUPPORT_MAX_POP = 300_000


def _contested(m: Mention) -> bool:
    """True when a mention's likeliest reading is a town or district of modest size."""
    top = m.candidates[0] if m.candidates else None
    return top is not None and top.kind in ("place", "admin2") and top.population < SUPPORT_MAX_POP


def _approx_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Equirectangular distance: within 1 % of great-circle at the ranges that score."""
    dlon = abs(lon2 - lon1)
    if dlon > 180.0:
        dlon = 360.0 - dlon
    x = dlon * math.cos(math.radians((lat1 + lat2) / 2))
    return 111.195 * math.hypot(x, lat2 - lat1)


@dataclass
class _Other:
    """A place another toponym resolved to in the first pass, and where it is named."""

    cand: Candidate
    starts: set[int]
    keys: set[str]
    """Name keys of the mentions that chose it: a name repeated is no second witness."""


class _Neighbours:
    """The places the article's other toponyms chose, as proximity evidence."""

    def __init__(self, others: list[_Other]) -> None:
        self.others = [o for o in others if o.cand.place.lat is not None]
        self._cache: dict[tuple[int, str], tuple[str | None, float, bool]] = {}

    def evidence(self, c: Candidate, key: str) -> tuple[str | None, float, bool]:
        """For candidate ``c`` of a mention named ``key``: the name of another place it
        contains (regions and countries), the km to the nearest other place, and whether
        another place is in its admin1.  Mentions of the same name are not witnesses."""
        hit = self._cache.get((c.id, key))
        if hit is None:
            hit = self._evidence(c, key)
            self._cache[(c.id, key)] = hit
        return hit

    def has_compatriot(self, c: Candidate, key: str) -> bool:
        """True when another name chose a town or district in ``c``'s country."""
        return any(
            key not in o.keys and o.cand.cc == c.cc and o.cand.kind in ("place", "admin2")
            for o in self.others
        )

    def _evidence(self, c: Candidate, key: str) -> tuple[str | None, float, bool]:
        local = [
            o.cand for o in self.others if key not in o.keys and o.cand.kind in ("place", "admin2")
        ]
        if c.kind in ("admin1", "country", "continent"):
            for oc in local:
                if (c.kind == "admin1" and oc.admin1 == c.admin1) or (
                    c.kind == "country" and oc.cc == c.cc
                ):
                    return oc.place.name, math.inf, False
            return None, math.inf, False
        if c.place.lat is None:
            return None, math.inf, False
        lat, lon = c.place.lat, c.place.lon
        km = min(
            (_approx_km(lat, lon, oc.place.lat, oc.place.lon) for oc in local), default=math.inf
        )
        same_region = c.admin1 is not None and any(
            key not in o.keys
            and o.cand.kind in ("place", "admin2", "admin1")
            and o.cand.admin1 == c.admin1
            for o in self.others
        )
        return None, km, same_region


def _region_named(offsets: list[int], m: Mention, ctx: Context) -> tuple[float, bool]:
    """The score of a region named at ``offsets`` for mention ``m``, and whether it is named
    nearby.  A name is no evidence for its own namesakes: "Minnesota" does not put itself
    near Minneota, Minnesota."""
    offsets = [o for o in offsets if not m.start <= o < m.end]
    if not offsets:
        return 0.0, False
    near = any(
        abs(o - m.start) <= LOCAL_CHARS and _same_sentence(ctx.sentence_ends, o, m.start)
        for o in offsets
    )
    same_sentence = any(_same_sentence(ctx.sentence_ends, o, m.start) for o in offsets)
    # a region named only in other sentences may frame another incident
    score = W_ADMIN if same_sentence or not ctx.sentence_ends else W_ADMIN_ELSEWHERE
    return score + (W_ADMIN_NEAR if near else 0.0), near


def _score(
    c: Candidate, m: Mention, key: str, ctx: Context, rivals: frozenset[str] = frozenset()
) -> tuple[float, list[str]]:
    """Score one candidate for one mention from the article's named countries and regions
    (no proximity); return the score and the evidence used.

    ``rivals`` are the regions of the mention's other readings (towns, districts) and the
    countries among them: naming one of those regions is no evidence that the name is a
    sibling region of it ("Washington, Pennsylvania"), nor naming regions of a country
    that the name may be ("Oaxaca State, Mexico").
    """
    score = c.prior
    why: list[str] = []
    # A name is no witness for itself: "Georgia" said five times does not name the country
    # Georgia for its own reading (other names and demonyms do).
    named = ctx.countries.get(c.cc or "", 0) - ctx.country_by_name.get((c.cc or "", key), 0)
    if named > 1e-9:
        score += W_COUNTRY * named / max(ctx.countries.values())
        why.append(f"country {c.place.country} named")
    elif c.kind == "country" and ctx.countries:
        # A country is what news about its neighbours names it for ("Niger" beside
        # Nigeria is the country, not Nigeria's Niger State).
        nearby = max((ctx.countries[n] for n in ctx.neighbours.get(c.cc or "", ())), default=0)
        if nearby:
            score += W_NEIGHBOUR * nearby / max(ctx.countries.values())
            why.append("a neighbouring country named")
    if c.kind not in ("country", "continent") and c.admin1 in ctx.admin1:
        bonus, near = _region_named(ctx.admin1[c.admin1], m, ctx)
        if bonus:
            score += bonus
            why.append(f"region {c.place.admin1} named" + (" nearby" if near else ""))
    if c.kind == "admin1" and c.cc and c.cc not in rivals:
        # Regions listed together ("Illinois, Wisconsin, Minnesota and Iowa"): another
        # region of the same country named in the sentence is to a region what its own
        # region is to a town.  Only in the sentence: a roundup's "Kharkiv region" does not
        # make a later bare "Zaporizhzhia" the region.
        siblings = [
            o
            for code, offsets in ctx.admin1.items()
            if code != c.admin1 and code not in rivals and code.split(".")[0] == c.cc
            for o in offsets
            if _same_sentence(ctx.sentence_ends, o, m.start)
        ]
        bonus, near = _region_named(siblings, m, ctx)
        if bonus:
            score += bonus
            why.append(f"other regions of {c.place.country} named" + (" nearby" if near else ""))
    if name_key(c.place.name) == key:
        score += W_MAIN_NAME
    if c.kind in ("place", "admin2") and c.admin1 in ctx.support and _contested(m):
        # Other names of the article that have a namesake in this region: "Richmond",
        # "Berea" and "Madison County" all have one in Kentucky.
        others = len(ctx.support[c.admin1] - {key})
        if others:
            # Relative to the region with the most: the one region that has all the names
            # beats one that has a few of them (a list of Nebraska villages that each have
            # a bigger namesake in New Jersey or New York).
            best = max(len(keys - {key}) for keys in ctx.support.values())
            score += W_SUPPORT * min(others, SUPPORT_CAP) * others / best
            why.append(f"{others} other names have a namesake in {c.place.admin1}")
    return score, why


# The most proximity can add; candidates further than this behind need no distances.
_MAX_PROXIMITY = W_NEAR + W_ADMIN_OTHER


def _proximity(c: Candidate, key: str, ctx: Context, others: _Neighbours, why: list[str]) -> float:
    """Score from the places the article's other toponyms chose; appends the evidence."""
    score = 0.0
    contained, km, same_region = others.evidence(c, key)
    if contained:
        score += W_NEAR
        why.append(f"contains {contained}")
    if km < math.inf:
        bonus = W_NEAR * math.exp(-km / NEAR_KM)
        score += bonus
        if bonus > 0.5:
            why.append(f"{km:.0f} km from other places")
    if same_region and c.admin1 not in ctx.admin1:
        score += W_ADMIN_OTHER
    return score


def _explicit_districts(m: Mention) -> tuple[Candidate, ...]:
    """The districts a mention names with its district word ("Travis County")."""
    if m.role == "area" and "near" not in m.flags:
        return tuple(c for c in m.candidates if c.kind == "admin2")
    return ()


def _eligible(m: Mention, named: frozenset[int] = frozenset()) -> tuple[Candidate, ...]:
    """Candidates the mention's role allows: "X region" wants a region (or X's region),
    "X district" a district when there is one.

    ``named`` holds the ids of districts the article names with their district word: a
    bare "Travis" after "Travis County" is that county.
    """
    districts = _explicit_districts(m)
    if districts:
        return districts
    if m.role == "region":
        # "Washington state" is the state even though Washington County exists.
        admins = tuple(c for c in m.candidates if c.kind == "admin1")
        if admins:
            return admins
        return tuple(c for c in m.candidates if c.kind == "place")
    explicit = m.role == "area" and "near" not in m.flags
    if not explicit and any(c.kind == "admin2" for c in m.candidates):
        # "Harris" alone is no "Harris County": a district needs its word or its full name,
        # or to be named so elsewhere in the article.  A name that no town or region
        # shares is the district when it has several words ("North Waziristan",
        # "Miami-Dade") or when NER says it is a place; one word found by the recogniser
        # alone is too often a person's name ("Travis", "Charles").
        key = name_key(m.text)
        kept = tuple(
            c
            for c in m.candidates
            if c.kind != "admin2" or name_key(c.place.name) == key or c.id in named
        )
        if kept or key.split()[0] in TITLES or " " not in key and "given" not in m.flags:
            return kept
    return m.candidates


def _rank(
    m: Mention, ctx: Context, others: _Neighbours | None
) -> list[tuple[float, Candidate, list[str]]]:
    """Every eligible candidate scored, best first."""
    key = name_key(m.text)
    base = ctx.base.get(id(m))
    if base is None:
        # Named countries and regions do not change between passes; score them once.
        eligible = _eligible(m, ctx.districts)
        # "Kherson" bare is the city: a region named like one of its towns steps back.
        town_regions = {
            c.admin1
            for c in eligible
            if c.kind == "place" and c.place.admin1 and name_key(c.place.admin1) == key
        }
        # The regions of the mention's other readings, and the countries among them.
        rivals = frozenset(
            (c.admin1 if c.kind != "country" else c.cc) or ""
            for c in eligible
            if c.kind != "admin1"
        )
        base = [(*_score(c, m, key, ctx, rivals), c) for c in eligible]
        base = [
            (s - W_OWN_REGION if c.kind == "admin1" and c.admin1 in town_regions else s, why, c)
            for s, why, c in base
        ]
        bonus = _source_bonuses(eligible, key, ctx)
        base = [(s + b, why, c, b) for (s, why, c), b in zip(base, bonus, strict=True)]
        ctx.base[id(m)] = base
    scored = [(s, list(why), c, b) for s, why, c, b in base]
    if others is not None and scored:
        floor = max(t[0] for t in scored) - _MAX_PROXIMITY
        scored = [
            (s + _proximity(c, key, ctx, others, why), why, c, b) if s >= floor else (s, why, c, b)
            for s, why, c, b in scored
        ]
    return _source_checked(scored, ctx)


def _by_score(scored: list[tuple[float, list[str], Candidate]]) -> list:
    """Best first; ties to the bigger place, then the smaller id."""
    return sorted(scored, key=lambda t: (-t[0], -t[2].population, t[2].id))


def _source_bonuses(eligible: tuple[Candidate, ...], key: str, ctx: Context) -> list[float]:
    """The source's-region score of each candidate (0 without a source region).

    When some candidate lies in a region the article itself names (by another name than
    this one), only the candidates in named regions get it; else, when some lies in a
    named country, only those: the outlet's habit never outweighs what the article says.
    """
    src = ctx.source
    if not src:
        return [0.0] * len(eligible)

    def is_named(code: str | None) -> bool:
        return bool(code) and bool(ctx.named_by.get(code or "", set()) - {key})

    # The narrowest evidence the article gives: a named region, else a named country.
    named = [c.kind != "country" and is_named(c.admin1) for c in eligible]
    if not any(named):
        named = [is_named(c.cc) for c in eligible]
    out = []
    for c, ok in zip(eligible, named, strict=True):
        if c.kind not in ("place", "admin2", "admin1") or (any(named) and not ok):
            out.append(0.0)
            continue
        country, admin1 = c.place.country, c.place.admin1
        out.append(
            W_SOURCE_ADMIN * src.admin1_share(country, admin1)
            + W_SOURCE_COUNTRY * src.country_share(country)
        )
    return out


def _source_checked(
    scored: list[tuple[float, list[str], Candidate, float]], ctx: Context
) -> list[tuple[float, Candidate, list[str]]]:
    """Rank, letting the source's region decide only where it may; say when it did.

    The source's region counts only when it changes the winner; otherwise the ranking
    is the article's own.  Without the source's score the best candidate might differ.  When it is a country,
    a continent, or a city of BIG_PLACE people in another country than the source's
    pick, the source alone may not move the name: it is ranked without it.
    """
    ranked = _by_score([(s, why, c) for s, why, c, _ in scored])
    if not ranked or not any(b for *_, b in scored):
        return [(s, c, why) for s, why, c in ranked]
    plain = _by_score([(s - b, why, c) for s, why, c, b in scored])
    best, before = ranked[0][2], plain[0][2]
    if best.id == before.id:
        # The source did not decide: scores, runner-up and reason are the article's alone
        # (so they do not change with what the store has learnt meanwhile).
        return [(s, c, why) for s, why, c in plain]
    if before.kind in ("country", "continent") or (
        before.population >= BIG_PLACE and before.cc != best.cc
    ):
        return [(s, c, why) for s, why, c in plain]
    share = ctx.source.admin1_share(best.place.country, best.place.admin1) if ctx.source else 0
    where = best.place.admin1 if share else best.place.country
    ranked[0][1].append(
        f"the source's usual region ({where}) decided over {before.place.name}, "
        f"{before.place.admin1 or before.place.country}"
    )
    return [(s, c, why) for s, why, c in ranked]


def _final_place(m: Mention, c: Candidate, text: str, gaz: Gazetteer) -> tuple[Place, str]:
    """The Place and Toponym kind for a chosen candidate, given the mention's role."""
    phrase = " ".join(text[m.span_start : m.span_end].split())
    if m.role == "region":
        if c.kind == "admin1":
            return c.place.model_copy(update={"name": phrase}), "admin1"
        if c.admin1:
            place = gaz.admin1_place(c.admin1, name=phrase)
            if place is not None:
                return place, "admin1"
    if c.kind in ("country", "continent"):
        return c.place, "country"
    if c.kind == "admin2":
        name = phrase if m.role == "area" else c.place.name
        return c.place.model_copy(update={"name": name}), "place"
    if c.kind == "admin1":
        if m.role == "area":
            return c.place.model_copy(update={"name": phrase, "geo_precision": 2}), "admin1"
        return c.place, "admin1"
    if m.role in ("area", "reference"):
        name = phrase if m.role == "area" else c.place.name
        return c.place.model_copy(update={"name": name, "geo_precision": 2}), "place"
    return c.place, "place"


def _winners(mentions: list[Mention], ctx: Context, others: _Neighbours | None) -> _Neighbours:
    """The best candidate of every mention, grouped by candidate."""
    winners: dict[int, _Other] = {}
    for m in mentions:
        ranked = _rank(m, ctx, others)
        if ranked:
            best = ranked[0][1]
            w = winners.setdefault(best.id, _Other(best, set(), set()))
            w.starts.add(m.start)
            w.keys.add(name_key(m.text))
    return _Neighbours(list(winners.values()))


def resolve_mentions(
    text: str,
    rec: Recognition,
    gaz: Gazetteer,
    *,
    only: list[Mention] | None = None,
    source_region: SourceRegion | None = None,
) -> list[Toponym]:
    """Resolve mentions with the whole article as evidence.

    Args:
        text: the article text.
        rec: every mention and demonym found in the article (the evidence).
        gaz: the gazetteer.
        only: resolve just these mentions (default: all of ``rec.mentions``); they may be
            spans the recogniser did not find, e.g. gold spans in a benchmark.
        source_region: where the article's outlet usually reports from (weak evidence
            between namesakes; :mod:`sitrep.geo.source`).

    Returns:
        One Toponym per mention that has a candidate, in text order.
    """
    ctx = build_context(rec, source_region)
    ctx.sentence_ends = tuple(m.end() for m in _SENTENCE_END.finditer(text))
    ctx.neighbours = gaz.neighbours
    first = _winners(rec.mentions, ctx, None)
    # Once more with proximity: places chosen by their priors alone are a weak context.
    first = _winners(rec.mentions, ctx, first)
    targets = rec.mentions if only is None else only
    rankings = [(m, _rank(m, ctx, first)) for m in targets]
    foreign = _outside_their_container(text, rankings) if only is None else []
    # a reading dropped as stray is dropped for every mention of that name: a bare "Kani"
    # after "Kani township" in a Myanmar story is no more the town in Japan
    stray_readings = [
        (m, ranked[0][1])
        for m, ranked in rankings
        if only is None
        and ranked
        and _stray(ranked[0][1], m, ctx, first, gaz, text[m.span_start : m.span_end])
    ]
    stray_readings += [(m, c) for m, c in foreign if all(m is not s for s, _ in stray_readings)]
    strays = {(name_key(m.text), c.id) for m, c in stray_readings}
    out: list[Toponym] = []
    chosen: list[tuple[Mention, Candidate]] = []
    for m, ranked in rankings:
        if not ranked:
            continue
        score, best, why = ranked[0]
        if (name_key(m.text), best.id) in strays:
            continue
        chosen.append((m, best))
        runner = ranked[1] if len(ranked) > 1 else None
        place, kind = _final_place(m, best, text, gaz)
        total = sum(math.exp(s - score) for s, _, _ in ranked)
        reason = (
            "; ".join(why) or "population prior"
            if best.kind == "place"
            else ("; ".join(why) or f"{best.kind} name")
        )
        if m.role == "reference":
            reason = "distance reference point; " + reason
        if "origin" in m.flags:
            reason = "origin of the attack; " + reason
        if runner is not None:
            reason += (
                f" (runner-up {runner[1].place.name}, {runner[1].place.admin1 or ''} "
                f"{runner[1].place.country or ''}: {runner[0]:.1f} vs {score:.1f})"
            )
        out.append(
            Toponym(
                start=m.span_start,
                end=m.span_end,
                text=text[m.span_start : m.span_end],
                place=place,
                kind=kind,
                score=round(1.0 / total, 4),
                runner_up=runner[1].place if runner else None,
                reason=reason,
            )
        )
    # "Kani township" with no Kani in the country: a place the gazetteer lacks
    unknown = [m for m in targets if m.role == "unknown"] + [
        # a district keeps its word ("Dniprovskyi district"): the city's part, not a village
        replace(m, role="unknown", candidates=(), text=text[m.start : m.span_end])
        for m, c in stray_readings
        if _DISTRICT_WORD.search(text[m.span_start : m.span_end])
        or ((m, c) in foreign and c.kind in ("place", "admin2"))
    ]
    if unknown:
        out.extend(_unknown_places(text, unknown, chosen, gaz))
        out.sort(key=lambda t: t.start)
    return out


# "Boni in the Mopti region", "Banjska in northern Kosovo", "Bali, Cameroon": the next
# name holds this one; "Cameroon's Northwest region": the name before does
_HELD_BY_NEXT = re.compile(
    r"(?:\s+(?:village|town|settlement|hamlet))?"
    r"\s+in\s+(?:the\s+)?(?:(?:far\s+)?(?:north|south|east|west|central)(?:ern|east|west|"
    r"-?eastern|-?western)?\s+)?|,\s+"
)
_HELD_BY_PREVIOUS = re.compile(r"['’]s\s+")
_THE_CITYS = re.compile(r"\bthe (?:city|town)['’]s\s+$", re.I)
# "Stepove, west of Avdiivka", "Kozinka, 10 km from Grayvoron": told from a town nearby
_TOLD_FROM_NEXT = re.compile(
    r",?\s+(?:(?:(?:about|some|around)\s+)?[\d.,]+\s*(?:km|kilometres|kilometers|miles)\s+"
    r"(?:(?:(?:north|south)[- ]?(?:east|west)|north|south|east|west)\s+of|from|outside)|"
    r"(?:(?:north|south)[- ]?(?:east|west)|north|south|east|west)\s+of|outside|near)"
    r"\s+(?:the\s+)?(?:(?:town|city|village)\s+of\s+)?"
)
TOLD_FROM_KM = 100.0
"""A place told from a town nearby lies within this distance of it."""


def _outside_their_container(
    text: str, rankings: list[tuple[Mention, list]]
) -> list[tuple[Mention, Candidate]]:
    """Mentions whose containing region or country the text names right beside them.

    A mention whose best reading lies outside its container takes the best reading inside
    it (the ranking is reordered in place); with none inside, it is returned with its best
    reading, to be dropped: "Boni in the Mopti region" is no Boni in Germany.
    """
    ordered = sorted((m for m, r in rankings if r), key=lambda m: m.span_start)
    best = {id(m): r[0][1] for m, r in rankings if r}
    ranked_of = {id(m): r for m, r in rankings if r}
    out: list[tuple[Mention, Candidate]] = []
    for before, after in pairwise(ordered):
        gap = text[before.span_end : after.span_start]
        if (
            _HELD_BY_NEXT.fullmatch(gap)
            and _is_container(best[id(after)], after, gap)
            or _TOLD_FROM_NEXT.fullmatch(gap)
            and best[id(after)].kind in ("place", "admin2")
        ):
            inner, box = before, best[id(after)]
        elif _HELD_BY_PREVIOUS.fullmatch(gap) and best[id(before)].kind in ("country", "admin1"):
            inner, box = after, best[id(before)]
        elif _THE_CITYS.search(text, 0, after.span_start) and best[id(before)].kind == "place":
            # "Kharkiv ... the city's Kyivskyi district": the city told just before
            inner, box = after, best[id(before)]
        else:
            continue
        held = best[id(inner)].kind
        if held not in ("place", "admin2") and not (held == "admin1" and box.kind == "country"):
            continue  # a list of countries or regions: "China, Japan and Korea", "In Asia, Canada"
        ranked = ranked_of[id(inner)]
        inside = [r for r in ranked if _within(r[1], box)]
        if not inside:
            out.append((inner, ranked[0][1]))
        elif inside[0] is not ranked[0]:
            ranked[:] = inside + [r for r in ranked if r not in inside]
    return out


def _is_container(c: Candidate, m: Mention, gap: str) -> bool:
    """A country, a region named as one ("the Mopti region") or a district named with its
    word; after a comma only a country or a region with its word, so that "Kharkiv, Sumy and
    Poltava" is a list."""
    if c.kind == "country":
        return True
    if c.kind in ("place", "admin2") and m.role == "area" and "near" not in m.flags:
        # "Buda village in Kajuru local government area": the district holds the village
        return not gap.startswith(",")
    return c.kind == "admin1" and (m.role == "region" or not gap.startswith(","))


def _within(c: Candidate, box: Candidate) -> bool:
    if c.id == box.id:
        return False
    if box.kind in ("place", "admin2"):
        a, b = c.place, box.place
        if None in (a.lat, a.lon, b.lat, b.lon):
            return False
        return _approx_km(a.lat, a.lon, b.lat, b.lon) <= TOLD_FROM_KM  # type: ignore[arg-type]
    if box.kind == "country":
        return c.cc == box.cc
    return c.cc == box.cc and c.admin1 == box.admin1 and c.kind != "admin1"


# A small place this far from every other place of an article, in a country the article
# never names, is more likely a word or a name that a village happens to share.
STRAY_KM = 300.0
_DISTRICT_WORD = re.compile(r"\b(?:district|raion|rayon|township|quarter|neighbou?rhood)\b", re.I)


def _stray(
    c: Candidate, m: Mention, ctx: Context, others: _Neighbours, gaz: Gazetteer, span: str = ""
) -> bool:
    """True when the best reading of a recognised name is a small foreign place with no
    support: its country neither named nor bordering one named, no other place near it
    ("Iskander missile" in a Ukraine story is no town in Uzbekistan)."""
    district = c.kind == "admin2" or _DISTRICT_WORD.search(span or m.text) is not None
    key = name_key(m.text)
    _, km, same_region = others.evidence(c, key)
    named = c.cc in ctx.countries or bool(
        gaz.neighbours.get(c.cc or "", frozenset()) & ctx.countries.keys()
    )
    # a city's district is named like the districts of other cities; a province's district
    # with no namesake ("North Waziristan") is itself wherever the story's other towns are
    namesakes = c.kind != "admin2" or len(m.candidates) > 1
    if district and km > STRAY_KM and not same_region and namesakes:
        # A district is named for its neighbourhood: "the Dniprovskyi district" in a Kherson
        # story is Kherson's, not Kyiv's namesake 500 km away (a district missing from the
        # gazetteer is better coded from context than to the wrong city).  With no town of
        # its own country in the article, naming its country (or a neighbour) keeps it
        # ("Pakistani troops ... North Waziristan"), and so does an article with no place
        # and no country besides.
        if others.has_compatriot(c, key):
            return True
        return not (named or km == math.inf and not ctx.countries)
    # a big city keeps its own name anywhere ("Paris" in a Texas paper), not an alias
    # ("Intan" for Yingtan in a Papua story)
    big = c.population >= BIG_PLACE and name_key(c.place.name) == key
    if c.kind not in ("place", "admin2") or big:
        return False
    if not ctx.countries:
        # no country named: the other places the article resolved stand for it ("Dock
        # workers ... the port of Dakar" is no Dock in New Hampshire)
        return (
            math.isfinite(km)
            and km > STRAY_KM
            and not same_region
            and not (others.has_compatriot(c, key))
        )
    return not named and km > STRAY_KM and not same_region


def _unknown_places(
    text: str, unknown: list[Mention], chosen: list[tuple[Mention, Candidate]], gaz: Gazetteer
) -> list[Toponym]:
    """Code settlements missing from the gazetteer to their region, at precision 3.

    The region is the one named in the same sentence (a region mention first, then the
    region of a town), else the region most of the article's places are in.
    """
    regional = [(m, c) for m, c in chosen if c.kind in ("place", "admin2", "admin1") and c.admin1]
    counts = Counter(c.admin1 for _, c in regional)
    out = []
    for m in unknown:
        s, e = _sentence_bounds(text, m.start)
        near = [(m2, c) for m2, c in regional if s <= m2.start < e]
        near.sort(key=lambda mc: (mc[1].kind != "admin1", abs(mc[0].start - m.start)))
        before = [(m2, c) for m2, c in regional if _sentence_bounds(text, s - 2)[0] <= m2.start < s]
        code = None
        how = ""
        if near:
            code, how = near[0][1].admin1, f"region of {near[0][0].text} in the same sentence"
        elif before:
            # the sentence before sets the scene the village is part of
            code, how = before[-1][1].admin1, f"region of {before[-1][0].text} just before"
        elif counts:
            (top, n), *rest = counts.most_common(2)
            if not rest or n > rest[0][1]:
                code, how = top, "the article's main region"
        place = gaz.admin1_place(code, name=m.text) if code else None
        if place is None:
            continue
        out.append(
            Toponym(
                start=m.start,
                end=m.end,
                text=m.text,
                place=place.model_copy(update={"geonameid": None}),
                kind="place",
                score=0.0,
                reason=f"not in the gazetteer; coded to {place.admin1} ({how}), precision 3",
            )
        )
    return out


def _sentence_bounds(text: str, pos: int) -> tuple[int, int]:
    """Start and end of the sentence around ``pos``."""
    s = max(text.rfind(". ", 0, pos), text.rfind("\n", 0, pos))
    e_dot, e_nl = text.find(". ", pos), text.find("\n", pos)
    ends = [x for x in (e_dot, e_nl) if x != -1]
    return (s + 1 if s != -1 else 0), (min(ends) if ends else len(text))
