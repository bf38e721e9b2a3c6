"""Read access to the compiled offline gazetteer (see :mod:`sitrep.geo.build`).

The SQLite file is opened read-only; admin1 and country tables (a few thousand rows) are
held in memory, places and names are queried on demand behind small caches, and the
coordinate index for :meth:`Gazetteer.reverse` is loaded on first use.
"""

from __future__ import annotations

import functools
import logging
import math
import sqlite3
import threading
from dataclasses import dataclass
from pathlib import Path

from sitrep.errors import ResourceError
from sitrep.geo.build import DEFAULT_PATH, SCHEMA_VERSION, build, fold_key, name_key
from sitrep.model import Place

log = logging.getLogger(__name__)

__all__ = [
    "STOPLIST",
    "Candidate",
    "Gazetteer",
    "fold_key",
    "haversine_km",
    "name_key",
    "words",
]


def words(text: str) -> frozenset[str]:
    """The whitespace-separated words of ``text`` as a set (for word lists in code)."""
    return frozenset(text.split())


# Common words and news vocabulary that are also the name of some populated place (or an
# alternate name of one: "Hamas" of Hamm, "Taliban" of a Turkish village, "I've" of Paris's
# 4th arrondissement, "IVe"; contractions lose their apostrophe in a key).
STOPLIST: frozenset[str] = words(
    """
    a an the of in on at to from by for with and or but as is was be are were it its he she
    they we you i this that these those there here then than when where which who what why
    how all any some no not yes one two three four five six seven eight nine ten first last
    new old north south east west northern southern eastern western central upper lower
    january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday today tonight yesterday
    police reuters ap afp bbc cnn al jazeera victoria regions region independence union
    president minister general governor army navy mr mrs ms dr sir lord king queen prince
    state states city town village district province county national international
    americas arctic
    god allah church mosque hospital school university airport station bridge market
    said says saying told according however meanwhile also after before during since while
    home hope mission liberty unity freedom justice victory paradise progress success
    mobile sale split bar mark chase march lead reading buffalo
    good best great big little long high grand fort mount lake river bay beach island
    white black red green blue golden silver
    sea ocean gulf river lake valley war peace
    many more most much major minor arab congress parliament senate assembly
    red cross red crescent
    car port harbour harbor
    hamas hezbollah taliban wagner houthi houthis jewish christian muslim democrat republican
    christmas ramadan eid metro drug
    ive hed
    """
)


# Country abbreviations, matched only in capitals ("US", "U.S.", never "us").
ABBREVIATIONS: dict[str, str] = {
    "u s": "US",
    "us": "US",
    "usa": "US",
    "u s a": "US",
    "uk": "GB",
    "u k": "GB",
    "uae": "AE",
    "u a e": "AE",
    "drc": "CD",
}


# All-capital abbreviations that name one first-level region in news ("NSW", "KPK");
# ambiguous ones ("WA", "SA", "ACT", "KP") are left out.
REGION_ACRONYMS: dict[str, str] = {
    "nsw": "AU.02",
    "qld": "AU.04",
    "kpk": "PK.03",
    "pei": "CA.09",
}


# AP-style abbreviations of US states and Canadian provinces, written with a period
# ("Louisville, Ky.", "Washington, D.C.", "Victoria, B.C."); keyed by name_key.
_STATE_ABBREVIATIONS = """
ala AL|ariz AZ|ark AR|calif CA|colo CO|conn CT|del DE|fla FL|ga GA|ill IL|ind IN|kan KS|
kans KS|ky KY|la LA|md MD|mass MA|mich MI|minn MN|miss MS|mo MO|mont MT|neb NE|nebr NE|
nev NV|n h NH|n j NJ|n m NM|n y NY|n c NC|n d ND|okla OK|ore OR|pa PA|r i RI|s c SC|s d SD|
tenn TN|tex TX|vt VT|va VA|wash WA|w va WV|wis WI|wyo WY|d c DC
"""
_PROVINCE_ABBREVIATIONS = "b c 02|alta 01|sask 11|man 03|ont 08|que 10|n s 07|n b 04|nfld 05"
STATE_ABBREVIATIONS: dict[str, str] = {
    **{
        k: f"US.{v}"
        for k, _, v in (i.strip().rpartition(" ") for i in _STATE_ABBREVIATIONS.split("|"))
    },
    **{
        k: f"CA.{v}"
        for k, _, v in (i.strip().rpartition(" ") for i in _PROVINCE_ABBREVIATIONS.split("|"))
    },
}


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 12742.0 * math.asin(min(1.0, math.sqrt(a)))


@dataclass(frozen=True, slots=True)
class Candidate:
    """One gazetteer entry a name may refer to, with what the resolver scores it on."""

    id: int
    kind: str
    """``place``, ``admin2``, ``admin1``, ``country`` or ``continent``."""
    cc: str | None
    admin1: str | None
    """GeoNames admin1 code, e.g. ``UA.05``."""
    population: int
    place: Place

    @property
    def prior(self) -> float:
        """Administrative-level and population prior, before any article evidence."""
        # Regions carry the summed population of their towns; a bare name still means the
        # town more often than the region, so regions are discounted.
        if self.kind in ("country", "continent"):
            return max(7.0, math.log10(self.population + 10) + 0.5)
        if self.kind == "admin1":
            return math.log10(self.population + 10) - 1.0
        if self.kind == "admin2":
            # A bare name is the town; "Madison County", "Bourem district" name the district.
            return math.log10(self.population + 10) - 1.5
        return math.log10(self.population + 10)


KM_PER_DEGREE = 111.19
"""Ground length of one degree of latitude."""
REVERSE_FIRST_BOX_DEG = 0.25
"""Half the side of the first box :meth:`Gazetteer.reverse` searches (about 28 km)."""

_PLACE_COLUMNS = "p.id, p.geonameid, p.name, p.kind, p.cc, p.admin1, p.lat, p.lon, p.population"
_BY_KEY = f"SELECT {_PLACE_COLUMNS} FROM name n JOIN place p ON p.id = n.place WHERE n.key = ?"
_BY_FOLD = f"SELECT {_PLACE_COLUMNS} FROM fold f JOIN place p ON p.id = f.place WHERE f.key = ?"


class Gazetteer:
    """The offline gazetteer: name lookup, reverse geocoding, toponym test.

    Args:
        path: the compiled SQLite file.

    Raises:
        ResourceError: the file is missing or from another schema version.
    """

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        if not self.path.exists():
            raise ResourceError(
                f"gazetteer not found: {self.path}; build it with "
                "`.venv/bin/python scripts/build_gazetteer.py`"
            )
        self._local = threading.local()
        db = self._db()
        version = db.execute("SELECT value FROM meta WHERE key='schema'").fetchone()
        if not version or version[0] != SCHEMA_VERSION:
            raise ResourceError(
                f"gazetteer {self.path} has schema {version}, expected {SCHEMA_VERSION}; "
                "rebuild it with `.venv/bin/python scripts/build_gazetteer.py`"
            )
        self.countries: dict[str, tuple[str, str, float | None, float | None]] = {
            cc: (name, iso3, lat, lon)
            for cc, name, iso3, lat, lon in db.execute(
                "SELECT cc, name, iso3, lat, lon FROM country"
            )
        }
        self.admin1: dict[str, tuple[str, str | None, float | None, float | None]] = {
            code: (name, iso, lat, lon)
            for code, name, iso, lat, lon in db.execute(
                "SELECT code, name, iso, lat, lon FROM admin1"
            )
        }
        self.neighbours: dict[str, frozenset[str]] = {
            cc: frozenset(filter(None, (nb or "").split(",")))
            for cc, nb in db.execute("SELECT cc, neighbours FROM country")
        }
        """ISO alpha-2 -> the countries it borders."""
        self._admin1_gid: dict[str, int | None] = {}
        self._centres: dict[int, tuple[float | None, float | None]] = {}
        for code, gid, clat, clon in db.execute("SELECT code, geonameid, clat, clon FROM admin1"):
            self._admin1_gid[code] = gid
            if gid:
                self._centres[gid] = (clat, clon)
        for gid, clat, clon in db.execute("SELECT geonameid, clat, clon FROM country"):
            self._centres[gid] = (clat, clon)
        # The folded keys (a few tens of thousands) in memory: most capitalised n-grams the
        # recogniser tries are no place, and each would cost a second query.
        self._folded = frozenset(k for (k,) in db.execute("SELECT DISTINCT key FROM fold"))
        self._candidates = functools.lru_cache(maxsize=65536)(self._candidates_uncached)
        self._known = functools.lru_cache(maxsize=262144)(self._known_uncached)

    @classmethod
    def open_default(cls) -> Gazetteer:
        """Open the bundled gazetteer, building it first if it is missing."""
        if not DEFAULT_PATH.exists():
            log.warning("gazetteer missing; building %s (about a minute)", DEFAULT_PATH)
            build(DEFAULT_PATH)
        return cls(DEFAULT_PATH)

    def _db(self) -> sqlite3.Connection:
        """One read-only connection per thread."""
        db = getattr(self._local, "db", None)
        if db is None:
            db = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
            self._local.db = db
        return db

    def _place(self, row: tuple) -> Candidate:
        """Build a candidate from a ``place`` row."""
        pid, gid, name, kind, cc, code, lat, lon, pop = row
        cname, iso3, clat, clon = self.countries.get(cc, (None, None, None, None))
        admin_name = self.admin1[code][0] if code in self.admin1 else None
        precision = {"place": 1, "admin2": 2}.get(kind, 3)
        place = Place(
            name=name,
            admin1=admin_name,
            country=cname,
            iso3=iso3,
            lat=lat,
            lon=lon,
            geo_precision=precision,
            geonameid=gid,
        )
        return Candidate(pid, kind, cc, code, pop or 0, place)

    def _candidates_uncached(self, key: str) -> tuple[Candidate, ...]:
        rows = self._db().execute(_BY_KEY, (key,)).fetchall()
        if not rows and fold_key(key) in self._folded:
            # Only a name the index lacks is looked up by its folded key, and only among
            # places named in Arabic script: "Hodeidah" finds Hodeida, while "Savanna"
            # never becomes Savannah.
            rows = self._db().execute(_BY_FOLD, (fold_key(key),)).fetchall()
        cands = [self._place(r) for r in rows]
        cands.sort(key=lambda c: (-c.prior, c.id))
        return tuple(cands)

    def candidates(self, name: str) -> tuple[Candidate, ...]:
        """Every entry named ``name`` (any alternate name), best prior first.

        Country abbreviations ("U.S.", "UK") give just that country, a few region
        acronyms ("NSW") that region; other short all-capital acronyms ("EU", "UN")
        give nothing.
        """
        key = name_key(name)
        if name.endswith(".") and key in STATE_ABBREVIATIONS:
            return self.admin1_candidates(STATE_ABBREVIATIONS[key])
        letters = name.replace(".", "").replace(" ", "")
        if letters.isupper() and len(letters) <= 4:
            # Acronyms ("EU", "NSW", "UN") are not the villages that share their letters.
            if key in REGION_ACRONYMS:
                return self.admin1_candidates(REGION_ACRONYMS[key])
            cc = ABBREVIATIONS.get(key)
            if cc is None:
                return ()
            return tuple(
                c
                for c in self._candidates(name_key(self.countries[cc][0]))
                if c.kind == "country" and c.cc == cc
            )
        return self._candidates(key) if key else ()

    @functools.cache  # noqa: B019 (one gazetteer per process; a few thousand regions)
    def admin1_candidates(self, code: str) -> tuple[Candidate, ...]:
        """The admin1 region ``code`` (``US.KY``) as a candidate, or nothing."""
        rows = (
            self._db()
            .execute(
                "SELECT id, geonameid, name, kind, cc, admin1, lat, lon, population FROM place "
                "WHERE kind = 'admin1' AND admin1 = ?",
                (code,),
            )
            .fetchall()
        )
        return tuple(self._place(r) for r in rows)

    def lookup(self, name: str) -> list[Place]:
        """Return every place (city, admin1, country) called ``name``, best prior first.

        Args:
            name: a place name in any case, with or without diacritics ("Kiev", "Melitopol'").

        Returns:
            The places, most likely first (countries, then regions, then towns by population);
            empty when the name is unknown.
        """
        return [c.place for c in self.candidates(name)]

    def _known_uncached(self, key: str) -> bool:
        row = self._db().execute("SELECT 1 FROM name WHERE key = ? LIMIT 1", (key,)).fetchone()
        return row is not None or fold_key(key) in self._folded

    def has_key(self, key: str) -> bool:
        """True when ``key`` (already normalised by :func:`name_key`) names some place."""
        return self._known(key)

    def is_place_name(self, name: str) -> bool:
        """Return True when ``name`` is a known toponym and not a common word.

        Meant to correct NER that tags towns as persons; words in :data:`STOPLIST`
        ("March", "Police", "Victoria") return False.
        """
        key = name_key(name)
        return bool(key) and key not in STOPLIST and self._known(key)

    def admin1_place(self, code: str, *, name: str | None = None) -> Place | None:
        """The admin1 region ``code`` (``UA.14``) as a precision-3 place at its capital."""
        if code not in self.admin1:
            return None
        aname, _iso, lat, lon = self.admin1[code]
        cc = code.split(".")[0]
        cname, iso3, _, _ = self.countries.get(cc, (None, None, None, None))
        return Place(
            name=name or aname,
            admin1=aname,
            country=cname,
            iso3=iso3,
            lat=lat,
            lon=lon,
            geo_precision=3,
            geonameid=self._admin1_gid.get(code),
        )

    def centre(self, place: Place) -> tuple[float | None, float | None]:
        """The centre of a region or country place (its towns' middle), else its own point.

        Regions are coded at their capital (ACLED); gold sets that code them at GeoNames'
        centroid are compared against this point instead.
        """
        if place.geonameid in self._centres:
            return self._centres[place.geonameid]
        return place.lat, place.lon

    def reverse(self, lat: float, lon: float) -> Place | None:
        """Return the nearest populated place to a point, with its admin1 and country.

        Searches boxes around the point that double in size (the ``place_lat`` index keeps
        each query small) until the nearest place found lies inside the box's inscribed
        circle, so no place outside the box can be nearer.

        Args:
            lat: latitude in degrees.
            lon: longitude in degrees.

        Returns:
            The nearest place (precision 1), or None for coordinates out of range.
        """
        if not (-90.0 <= lat <= 90.0 and -180.0 <= lon <= 180.0):
            return None
        half = REVERSE_FIRST_BOX_DEG
        best = self._nearest_in_box(lat, lon, half)
        while half < 180.0 and (best is None or best[0] > half * KM_PER_DEGREE):
            half = min(half * 4, 180.0)
            best = self._nearest_in_box(lat, lon, half)
        if best is None:
            return None
        row = (
            self._db()
            .execute(
                "SELECT id, geonameid, name, kind, cc, admin1, lat, lon, population FROM place "
                "WHERE id = ?",
                (best[1],),
            )
            .fetchone()
        )
        return self._place(row).place

    def _nearest_in_box(self, lat: float, lon: float, half: float) -> tuple[float, int] | None:
        """(km, id) of the place nearest the point within ``half`` degrees of latitude and
        the longitude span of the same ground width, or None when the box is empty."""
        sql = "SELECT id, lat, lon FROM place WHERE kind = 'place' AND lat BETWEEN ? AND ?"
        args: list[float] = [lat - half, lat + half]
        widest = min(abs(lat) + half, 90.0)
        spread = half / max(math.cos(math.radians(widest)), 1e-6)
        if half < 180.0 and spread < 180.0 and lon - spread >= -180.0 and lon + spread <= 180.0:
            sql += " AND lon BETWEEN ? AND ?"
            args += [lon - spread, lon + spread]
        rows = self._db().execute(sql, args).fetchall()
        if not rows:
            return None
        return min((haversine_km(lat, lon, r[1], r[2]), r[0]) for r in rows)

    def by_geonameid(self, geonameid: int) -> Place | None:
        """The place with this GeoNames id (a town, region or country), if any."""
        row = (
            self._db()
            .execute(
                "SELECT id, geonameid, name, kind, cc, admin1, lat, lon, population FROM place "
                "WHERE geonameid = ? ORDER BY id LIMIT 1",
                (geonameid,),
            )
            .fetchone()
        )
        return self._place(row).place if row else None
