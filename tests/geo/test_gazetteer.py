"""The compiled gazetteer: names, regions in common English, reverse geocoding."""

from __future__ import annotations

import sqlite3

import pytest

from sitrep.geo.build import english_admin1_name, fold_key, name_key
from sitrep.geo.gazetteer import Gazetteer, haversine_km


@pytest.mark.parametrize(
    ("code", "name"),
    [
        ("UA.26", "Zaporizhzhia"),
        ("UA.11", "Crimea"),
        ("UA.20", "Sevastopol"),
        ("UA.07", "Kharkiv"),
        ("UA.05", "Donetsk"),
        ("UA.14", "Luhansk"),
        ("UA.08", "Kherson"),
        ("RU.09", "Belgorod"),
        ("RU.41", "Kursk"),
        ("SD.29", "Khartoum"),
        ("SD.38", "Gezira"),
        ("SD.47", "West Darfur"),
        ("SD.55", "North Darfur"),
        ("SD.43", "Northern"),
        ("NG.23", "Kaduna"),
        ("NG.56", "Nasarawa"),
        ("NG.49", "Plateau"),
        ("MM.11", "Shan"),
        ("MM.04", "Kachin"),
        ("MM.10", "Sagaing"),
        ("GE.51", "Tbilisi"),
        ("PE.21", "Puno"),
        ("FR.11", "Ile-de-France"),
        ("IE.L", "Leinster"),
        ("ML.08", "Timbuktu"),
        ("LB.05", "Mount Lebanon"),
        ("LY.77", "Tripoli"),
        ("ZA.03", "Free State"),
    ],
)
def test_gazetteer_admin1_common_english(gaz: Gazetteer, code: str, name: str) -> None:
    assert gaz.admin1[code][0] == name


def test_gazetteer_crimea_and_sevastopol_coded_ukraine(gaz: Gazetteer) -> None:
    crimea = gaz.lookup("Crimea")[0]
    sevastopol = [p for p in gaz.lookup("Sevastopol") if p.geo_precision == 1][0]
    assert (crimea.country, crimea.iso3, crimea.geo_precision) == ("Ukraine", "UKR", 3)
    assert (sevastopol.admin1, sevastopol.country, sevastopol.iso3) == (
        "Sevastopol",
        "Ukraine",
        "UKR",
    )


def test_gazetteer_admin1_at_capital(gaz: Gazetteer) -> None:
    nasarawa = [p for p in gaz.lookup("Nasarawa") if p.geo_precision == 3][0]
    assert (nasarawa.lat, nasarawa.lon) == (8.4939, 8.51532)  # Lafia, the state capital


@pytest.mark.parametrize(
    ("name", "geonameid"),
    [
        ("Kiev", 703448),
        ("Kharkov", 706483),
        ("Zaporozhye", 687700),
        ("Artemivsk", 713174),
        ("Bakhmut", 713174),
        ("Sievierodonetsk", 691999),
        ("Avdiivka", 713122),
        ("Al-Fashir", 379555),
        ("El Fasher", 379555),
        ("Melitopol'", 701404),
        ("El Geneina", 379303),
        ("Wad Madani", 364103),
        ("Omdurman", 365137),
    ],
)
def test_gazetteer_lookup_old_and_transliterated_names(
    gaz: Gazetteer, name: str, geonameid: int
) -> None:
    assert gaz.lookup(name)[0].geonameid == geonameid


def test_gazetteer_lookup_lists_every_kind(gaz: Gazetteer) -> None:
    kinds = [(p.name, p.geo_precision, p.country) for p in gaz.lookup("Georgia")]
    assert kinds[:2] == [("Georgia", 3, "Georgia"), ("Georgia", 3, "United States")]


def test_gazetteer_lookup_unknown_is_empty(gaz: Gazetteer) -> None:
    assert gaz.lookup("Xqzzyville") == []


def test_gazetteer_country_iso3(gaz: Gazetteer) -> None:
    assert gaz.countries["UA"][:2] == ("Ukraine", "UKR")
    assert gaz.countries["SD"][:2] == ("Sudan", "SDN")


def test_gazetteer_reverse_nearest_town(gaz: Gazetteer) -> None:
    place = gaz.reverse(46.85, 35.37)
    assert place is not None
    assert (place.name, place.admin1, place.country, place.geonameid) == (
        "Melitopol",
        "Zaporizhzhia",
        "Ukraine",
        701404,
    )


def test_gazetteer_reverse_out_of_range_is_none(gaz: Gazetteer) -> None:
    assert gaz.reverse(123.0, 0.0) is None


@pytest.mark.parametrize(
    ("name", "known"),
    [
        ("Melitopol", True),
        ("Kramatorsk", True),
        ("March", False),
        ("Police", False),
        ("Victoria", False),
        ("Reuters", False),
        ("Xqzzyville", False),
    ],
)
def test_gazetteer_is_place_name(gaz: Gazetteer, name: str, known: bool) -> None:
    assert gaz.is_place_name(name) is known


def test_gazetteer_names_are_folded_keys(gaz: Gazetteer) -> None:
    db = sqlite3.connect(gaz.path)
    keys = {k for (k,) in db.execute("SELECT key FROM name WHERE place = 701404")}
    assert {"melitopol", "kiz jar"} <= keys
    assert all(k == name_key(k) for k in keys)


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Melitopol'", "melitopol"),
        ("Île-de-France", "ile de france"),
        ("Мелітополь", "melitopol"),
        ("Al-Fashir", "al fashir"),
    ],
)
def test_build_name_key(name: str, key: str) -> None:
    assert name_key(name) == key


def test_build_english_admin1_russian_stem() -> None:
    assert (
        english_admin1_name("RU.41", "Kurskaya oblast'", ["Kursk vilayəti"], {"kursk"}) == "Kursk"
    )
    assert english_admin1_name("RU.42", "Leningradskaya oblast'", [], set()) == "Leningrad"


@pytest.mark.parametrize(
    ("name", "lat", "lon"),
    [("China", 35.0, 105.0), ("Russia", 60.0, 100.0), ("United States", 39.83, -98.58)],
)
def test_gazetteer_country_at_conventional_point(
    gaz: Gazetteer, name: str, lat: float, lon: float
) -> None:
    country = gaz.lookup(name)[0]
    assert country.geo_precision == 3 and country.admin1 is None
    assert haversine_km(country.lat, country.lon, lat, lon) < 1


def test_gazetteer_english_country_names(gaz: Gazetteer) -> None:
    assert gaz.lookup("America")[0].iso3 == "USA"
    assert gaz.lookup("Holland")[0].iso3 == "NLD"


@pytest.mark.parametrize(
    ("abbrev", "admin1"),
    [
        ("Ky.", "Kentucky"),
        ("W.Va.", "West Virginia"),
        ("D.C.", "District of Columbia"),
        ("Calif.", "California"),
        ("B.C.", "British Columbia"),
    ],
)
def test_gazetteer_state_abbreviations(gaz: Gazetteer, abbrev: str, admin1: str) -> None:
    place = gaz.lookup(abbrev)[0]
    assert (place.admin1, place.geo_precision) == (admin1, 3)


def test_gazetteer_state_abbreviation_needs_its_period(gaz: Gazetteer) -> None:
    assert all(p.admin1 != "Kentucky" for p in gaz.lookup("Ky"))


def test_gazetteer_admin2_districts(gaz: Gazetteer) -> None:
    county = gaz.lookup("Licking County")[0]
    assert (county.admin1, county.country, county.geo_precision) == ("Ohio", "United States", 2)
    cercle = [p for p in gaz.lookup("Bourem") if p.geo_precision == 2]
    assert cercle and cercle[0].geonameid == 8631537 and cercle[0].admin1 == "Gao"
    # The bare name is still the town first.
    assert gaz.lookup("Bourem")[0].geonameid == 2459657


def test_gazetteer_neighbours(gaz: Gazetteer) -> None:
    assert {"RU", "PL", "BY"} <= gaz.neighbours["UA"]
    assert "UA" not in gaz.neighbours["UZ"]


@pytest.mark.parametrize(
    ("name", "near", "country"),
    [
        # (name as news writes it, a point inside the area, its one country if any)
        ("Middle East", (29.0, 45.0), None),
        ("Korean Peninsula", (38.0, 127.5), None),
        ("North Africa", (26.0, 12.0), None),
        ("Horn of Africa", (8.0, 44.0), None),
        ("Darfur", (13.0, 24.5), "Sudan"),
        ("Donbass", (48.3, 38.5), "Ukraine"),
    ],
)
def test_gazetteer_macro_regions_are_places(
    gaz: Gazetteer, name: str, near: tuple[float, float], country: str | None
) -> None:
    top = gaz.candidates(name)[0]
    assert top.kind == "continent"
    assert (top.place.geo_precision, top.place.country) == (3, country)
    assert haversine_km(*near, top.place.lat, top.place.lon) < 400


def test_gazetteer_middle_east_outranks_the_maryland_town(gaz: Gazetteer) -> None:
    # GeoNames 11980025 is Middle East, Maryland, a place of 1,872 people: the region comes first.
    cands = gaz.candidates("Middle East")
    assert [c.place.geonameid for c in cands if c.kind == "place"] == [11980025]
    assert cands[0].kind == "continent"


@pytest.mark.parametrize(
    ("code", "middle"),
    [
        # Geographic centres: most of these regions' towns sit along one edge.
        ("CA.01", (55.0, -115.0)),  # Alberta (towns along the US border and the Rockies)
        ("AU.04", (-22.5, 144.5)),  # Queensland (towns on the east coast)
        ("CA.03", (54.5, -97.5)),  # Manitoba (towns in the south)
    ],
)
def test_gazetteer_region_centre_is_its_middle_not_its_towns(
    gaz: Gazetteer, code: str, middle: tuple[float, float]
) -> None:
    region = gaz.admin1_place(code)
    assert region is not None
    clat, clon = gaz.centre(region)
    assert haversine_km(*middle, clat, clon) < 250
    # the coded point stays the capital (ACLED's convention), which is far from the middle
    assert haversine_km(*middle, region.lat, region.lon) > 300


@pytest.mark.parametrize(("acronym", "geonameid"), [("NSW", 2155400), ("KPK", 1168873)])
def test_gazetteer_region_acronyms(gaz: Gazetteer, acronym: str, geonameid: int) -> None:
    (region,) = gaz.lookup(acronym)
    assert (region.geonameid, region.geo_precision) == (geonameid, 3)


@pytest.mark.parametrize(
    ("key", "folded"),
    [
        ("hodeidah", "hodeida"),
        ("kabkabiyah", "kabkabiya"),
        ("el fasher", "al fasher"),
        ("deir ez zor", "deir al zor"),
        ("jisr ash shughur", "jisr al shughur"),
        ("adhamiyya", "adhamiya"),
        # English words are no articles in front, and a lone article stays
        ("as suwayda", "as suwayda"),
        ("al", "al"),
        ("utah", "utah"),
    ],
)
def test_gazetteer_fold_key(key: str, folded: str) -> None:
    assert fold_key(key) == folded


@pytest.mark.parametrize(
    ("name", "geonameid"),
    [
        ("Hodeidah", 79415),  # GeoNames: Al Hudaydah, Hodeida
        ("Kabkabiya", 373198),  # GeoNames: Kabkabiyah
        ("Jisr el-Shughur", 169023),  # GeoNames: Jisr ash Shughur
        ("Sharm al-Sheikh", 349340),  # GeoNames: Sharm el-Sheikh
        ("Deir az-Zor", 170794),
    ],
)
def test_gazetteer_lookup_folds_arabic_transliterations(
    gaz: Gazetteer, name: str, geonameid: int
) -> None:
    assert gaz.lookup(name)[0].geonameid == geonameid
    assert gaz.is_place_name(name)


def test_gazetteer_fold_only_when_the_exact_name_is_unknown(gaz: Gazetteer) -> None:
    # "Hodeida" is a name of its own: the fold adds nothing to it.
    assert [p.geonameid for p in gaz.lookup("Hodeida")] == [79415]
    # Only places named in Arabic script are folded: "Kassah" is no Kassa (Kosice).
    assert gaz.lookup("Kassah") == []


def test_gazetteer_names_azerbaijani_regions_without_unidecode_at_signs(gaz: Gazetteer) -> None:
    # unidecode writes the schwa as "@": "Bərdə" must not come out as "B@rd@"
    names = [p.place.admin1 or "" for p in gaz.candidates("Barda")]
    assert names and not any("@" in n for n in names)
