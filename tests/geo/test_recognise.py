"""Finding toponyms by gazetteer matching, with context rules and a stoplist."""

from __future__ import annotations

import pytest

from sitrep.geo.gazetteer import Gazetteer
from sitrep.geo.recognise import mention_at, recognise


def _found(text: str, gaz: Gazetteer, **kw: object) -> list[tuple[str, str]]:
    return [(text[m.span_start : m.span_end], m.role) for m in recognise(text, gaz, **kw).mentions]


def test_recognise_longest_match_first(gaz: Gazetteer) -> None:
    assert _found("Clashes near Barkin Ladi and in Wad Madani.", gaz) == [
        ("Barkin Ladi", "area"),
        ("Wad Madani", "name"),
    ]


def test_recognise_region_phrases(gaz: Gazetteer) -> None:
    text = "Shelling in Luhansk region and Kaduna State; the region of Kherson."
    assert _found(text, gaz) == [
        ("Luhansk region", "region"),
        ("Kaduna State", "region"),
        ("Kherson", "region"),
    ]


def test_recognise_area_phrases(gaz: Gazetteer) -> None:
    text = "Gunmen attacked Bokkos local government area and villages near Bakhmut."
    assert _found(text, gaz) == [("Bokkos local government area", "area"), ("Bakhmut", "area")]
    text = "A mine exploded near the town of Djibo; drones hit near the port city of Odesa."
    assert _found(text, gaz) == [("Djibo", "area"), ("Odesa", "area")]
    assert _found("Shells hit the city of Kharkiv.", gaz) == [("Kharkiv", "name")]
    # a bearing from a town makes the town a reference point, like a distance does
    assert _found("Gunmen raided a village west of Tokmak.", gaz) == [("Tokmak", "reference")]


def test_recognise_distance_reference_and_origin(gaz: Gazetteer) -> None:
    text = "A drone launched from Kursk hit a village about 80 km south of Belgorod."
    rec = recognise(text, gaz)
    assert [(m.text, m.role, sorted(m.flags)) for m in rec.mentions] == [
        ("Kursk", "name", ["origin"]),
        ("Belgorod", "reference", []),
    ]


def test_recognise_stoplist_and_organisations(gaz: Gazetteer) -> None:
    text = (
        "In March, Police told Reuters and the Kyiv Independent that "
        "Victoria Amelina died. Al Jazeera reported it too."
    )
    assert _found(text, gaz) == []


def test_recognise_person_spans_dropped(gaz: Gazetteer) -> None:
    text = "Melitopol mayor Ivan Fedorov spoke in Melitopol."
    assert _found(text, gaz, person_spans=[(0, 9)]) == [("Melitopol", "name")]


def test_recognise_demonyms_are_context_not_toponyms(gaz: Gazetteer) -> None:
    rec = recognise("Ukrainian drones hit Russian and Crimean targets.", gaz)
    assert rec.mentions == []
    assert rec.demonyms == [(0, "UA"), (21, "RU"), (33, "UA.11")]


def test_recognise_country_abbreviations(gaz: Gazetteer) -> None:
    assert _found("The U.S. and the UK condemned it; US officials agreed.", gaz) == [
        ("U.S.", "name"),
        ("UK", "name"),
        ("US", "name"),
    ]


def test_recognise_water_bodies_skipped(gaz: Gazetteer) -> None:
    assert _found("Melitopol lies near the Sea of Azov.", gaz) == [("Melitopol", "name")]


def test_recognise_possessive_and_apostrophe(gaz: Gazetteer) -> None:
    assert _found("Ukraine's Kharkiv region and Melitopol'.", gaz) == [
        ("Ukraine", "name"),
        ("Kharkiv region", "region"),
        ("Melitopol", "name"),
    ]


def test_recognise_names_inside_longer_proper_names(gaz: Gazetteer) -> None:
    text = (
        "The strike on the Black Sea Fleet headquarters in Sevastopol hit the city's "
        "Ward 5, and shelling hit villages along the Dnipro."
    )
    assert _found(text, gaz) == [("Sevastopol", "name")]


def test_recognise_unknown_settlement_patterns(gaz: Gazetteer) -> None:
    text = (
        "Missiles hit the village of Hroza. Tudun Biri village was bombed. "
        "Kozinka, a border village in Belgorod region, was raided."
    )
    assert _found(text, gaz) == [
        ("Hroza", "unknown"),
        ("Tudun Biri", "unknown"),
        ("Kozinka", "name"),
        ("Belgorod region", "region"),
    ]


def test_recognise_state_abbreviation_after_comma(gaz: Gazetteer) -> None:
    text = "Storms closed a plant near Paducah, Ky., and flooded streets in Wheeling, W.Va."
    found = {m.text: m for m in recognise(text, gaz).mentions}
    assert found["Ky."].candidates[0].place.admin1 == "Kentucky"
    assert found["W.Va."].candidates[0].place.admin1 == "West Virginia"


@pytest.mark.parametrize(
    "text",
    [
        "An Iskander missile struck the depot in Kramatorsk.",
        "A Mi-8 helicopter and a Buk launcher were destroyed near Kramatorsk.",
        "Many residents of Kramatorsk fled; more left by train.",
    ],
)
def test_recognise_weapons_and_common_words_are_not_places(gaz: Gazetteer, text: str) -> None:
    assert [m.text for m in recognise(text, gaz).mentions] == ["Kramatorsk"]


@pytest.mark.parametrize(
    ("span", "iso3"),
    [("Georgian", "GEO"), ("Russians", "RUS"), ("Sudanese", "SDN")],
)
def test_mention_at_demonym_stands_for_its_country(gaz: Gazetteer, span: str, iso3: str) -> None:
    text = f"{span} officials met on Tuesday."
    m = mention_at(text, 0, len(span), gaz)
    assert m.candidates[0].kind == "country" and m.candidates[0].place.iso3 == iso3


@pytest.mark.parametrize(
    ("text", "adjective", "area"),
    [
        ("European ministers met in Brussels.", "European", "Europe"),
        ("Several Middle Eastern carriers cancelled flights.", "Middle Eastern", "Middle East"),
        ("The West African outbreak slowed in May.", "West African", "West Africa"),
    ],
)
def test_recognise_region_adjective_span_is_the_area(
    gaz: Gazetteer, text: str, adjective: str, area: str
) -> None:
    start = text.index(adjective)
    m = mention_at(text, start, start + len(adjective), gaz)
    assert [c.place.name for c in m.candidates] == [area]


def test_recognise_a_car_is_not_the_central_african_republic(gaz) -> None:  # type: ignore[no-untyped-def]
    from sitrep.geo import geoparse

    found = geoparse("Car bombs hit Baghdad on Sunday, killing 12.", gaz)
    assert [t.place.country for t in found] == ["Iraq"]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Fighting in DR Congo displaced thousands.", [("DR Congo", "name")]),
        ("NEW YORK (AP) - Police arrested two men.", [("NEW YORK", "name")]),
        # an acronym alone is still a code, and a single capital no acronym
        ("The EU and NATO met.", []),
    ],
)
def test_recognise_acronym_leading_a_name(
    gaz: Gazetteer, text: str, found: list[tuple[str, str]]
) -> None:
    assert _found(text, gaz) == found


def test_recognise_transliteration_variants(gaz: Gazetteer) -> None:
    text = "Houthi fighters shelled Hodeidah; clashes spread to Jisr el-Shughur."
    assert _found(text, gaz) == [("Hodeidah", "name"), ("Jisr el-Shughur", "name")]


@pytest.mark.parametrize(
    ("text", "geonameid"),
    [
        ("Canadian officials met on Monday.", 6251999),  # not Canadian, Texas
        ("Spanish coast guards rescued 40.", 2510769),  # not Spanish, Ontario
        ("Texans voted on Tuesday.", 4736286),  # the state of Texas
    ],
)
def test_recognise_given_demonym_is_its_country_or_region(
    gaz: Gazetteer, text: str, geonameid: int
) -> None:
    word = text.split()[0]
    m = mention_at(text, 0, len(word), gaz)
    assert m.candidates and m.candidates[0].place.geonameid == geonameid


def test_recognise_region_demonyms_and_plurals_are_context(gaz: Gazetteer) -> None:
    rec = recognise("Iraqis and Albertans protested in Baghdad.", gaz)
    assert [code for _, code in rec.demonyms] == ["IQ", "CA.01"]
    assert [m.text for m in rec.mentions] == ["Baghdad"]


@pytest.mark.parametrize(
    ("span", "head", "role"),
    [
        ("Oaxaca State", "Oaxaca", "region"),
        ("Guma LGA", "Guma", "area"),
        ("Loudon Co.", "Loudon", "area"),
    ],
)
def test_recognise_given_span_with_its_division_word(
    gaz: Gazetteer, span: str, head: str, role: str
) -> None:
    text = f"Flooding hit {span} on Monday."
    m = mention_at(text, 13, 13 + len(span), gaz)
    assert (m.text, m.role, text[m.span_start : m.span_end]) == (head, role, span)
    assert m.candidates


def test_recognise_country_abbreviation_before_a_full_stop_and_region_acronyms(
    gaz: Gazetteer,
) -> None:
    text = "Horses were banned in NSW. They had arrived from the UK. Troops moved into KPK."
    assert [(m.text, m.candidates[0].place.geonameid) for m in recognise(text, gaz).mentions] == [
        ("NSW", 2155400),
        ("UK", 2635167),
        ("KPK", 1168873),
    ]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # a small town's name that ends a person's name elsewhere is that person
        (
            "Sheriff Tom Kelly said the driver fled. Kelly said deputies found the car near "
            "Lincoln.",
            [("Lincoln", "area")],
        ),
        ("Gov. Walsh visited the plant. Walsh said jobs would stay.", []),
    ],
)
def test_recognise_surname_of_a_person_named_in_full(
    gaz: Gazetteer, text: str, found: list[tuple[str, str]]
) -> None:
    assert _found(text, gaz) == found


def test_recognise_armed_groups_and_contractions_are_not_places(gaz: Gazetteer) -> None:
    text = "Hamas and Taliban fighters met Wagner envoys. I've seen it, he said, in Gaza."
    assert _found(text, gaz) == [("Gaza", "name")]


def test_recognise_unknown_settlement_placed_in_its_region_by_a_comma(gaz: Gazetteer) -> None:
    text = (
        "Gunmen abducted 40 pupils from a school in Dogon Kuka, in northwest Nigeria's Kebbi state."
    )
    unknown = [m for m in recognise(text, gaz).mentions if m.role == "unknown"]
    assert [m.text for m in unknown] == ["Dogon Kuka"]


def test_recognise_a_village_name_longer_than_its_gazetteer_namesake(gaz: Gazetteer) -> None:
    text = "Two villagers stepped on a landmine near Kan Thit village while collecting firewood."
    unknown = [m.text for m in recognise(text, gaz).mentions if m.role == "unknown"]
    assert unknown == ["Kan Thit"]
