"""Disambiguation by article evidence, and the choice of an incident's place."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.geo import event_place, geoparse
from sitrep.geo.gazetteer import Gazetteer
from sitrep.model import Toponym


def _by_text(toponyms: list[Toponym]) -> dict[str, Toponym]:
    return {t.text: t for t in toponyms}


def test_resolve_seed_yalta_in_crimea(gaz: Gazetteer, seed_dir: Path) -> None:
    text = (seed_dir / "melitopol.txt").read_text(encoding="utf-8")
    yalta = _by_text(geoparse(text, gaz))["Yalta"]
    assert (yalta.place.geonameid, yalta.place.admin1, yalta.place.country) == (
        688533,
        "Crimea",
        "Ukraine",
    )
    assert yalta.runner_up is not None and yalta.runner_up.geonameid == 688532
    assert "Crimea named nearby" in yalta.reason


def test_resolve_yalta_in_donetsk_context(gaz: Gazetteer) -> None:
    text = "Shelling damaged homes in Yalta, a village in Donetsk oblast, near Mariupol."
    yalta = _by_text(geoparse(text, gaz))["Yalta"]
    assert (yalta.place.geonameid, yalta.place.admin1) == (688532, "Donetsk")


@pytest.mark.parametrize(
    ("text", "geonameid", "country"),
    [
        ("Militias clashed in Tripoli overnight, Libya's unity government said.", 2210247, "Libya"),
        (
            "Militias clashed in Tripoli overnight, the Lebanese army said, and Beirut "
            "condemned the violence in northern Lebanon.",
            266826,
            "Lebanon",
        ),
    ],
)
def test_resolve_tripoli_by_country_context(
    gaz: Gazetteer, text: str, geonameid: int, country: str
) -> None:
    tripoli = _by_text(geoparse(text, gaz))["Tripoli"]
    assert (tripoli.place.geonameid, tripoli.place.country) == (geonameid, country)


def test_resolve_zaporizhzhia_city_not_village(gaz: Gazetteer) -> None:
    (t,) = geoparse("Missiles hit Zaporizhzhia overnight.", gaz)
    assert (t.place.geonameid, t.kind, t.place.geo_precision) == (687700, "place", 1)
    assert t.runner_up is not None and t.runner_up.geo_precision == 3


def test_resolve_region_only_is_admin1_at_capital(gaz: Gazetteer) -> None:
    (t,) = geoparse("Fighting continued in Luhansk region on Monday.", gaz)
    assert t.kind == "admin1"
    assert t.place.model_dump() == {
        "name": "Luhansk region",
        "admin1": "Luhansk",
        "country": "Ukraine",
        "iso3": "UKR",
        "lat": 48.56814,
        "lon": 39.30553,
        "geo_precision": 3,
        "geonameid": 702657,
    }


def test_resolve_town_region_phrase_is_its_admin1(gaz: Gazetteer) -> None:
    text = "Riots spread from Nanterre across the Paris region."
    t = _by_text(geoparse(text, gaz))["Paris region"]
    assert (t.kind, t.place.admin1, t.place.geo_precision, t.place.lat, t.place.lon) == (
        "admin1",
        "Ile-de-France",
        3,
        48.85341,
        2.3488,
    )


def test_resolve_sentence_with_two_places(gaz: Gazetteer) -> None:
    text = "Two missiles hit Kramatorsk, a city in the Donetsk region, and nearby Bilenke."
    got = [(t.text, t.kind, t.place.geonameid, t.place.geo_precision) for t in geoparse(text, gaz)]
    assert got == [
        ("Kramatorsk", "place", 704508, 1),
        ("Donetsk region", "admin1", 709716, 3),
        ("Bilenke", "place", 712641, 1),
    ]


def test_resolve_near_town_is_precision_2(gaz: Gazetteer) -> None:
    (t,) = geoparse("Heavy fighting was reported near Bakhmut.", gaz)
    assert (t.place.geonameid, t.place.name, t.place.geo_precision) == (713174, "Bakhmut", 2)


def test_resolve_lga_is_precision_2(gaz: Gazetteer) -> None:
    text = "Gunmen attacked villages in Bokkos local government area of Plateau State."
    t = _by_text(geoparse(text, gaz))["Bokkos local government area"]
    assert (t.place.name, t.place.admin1, t.place.geo_precision) == (
        "Bokkos local government area",
        "Plateau",
        2,
    )


def test_resolve_org_and_person_spans_dropped(gaz: Gazetteer) -> None:
    text = "Victoria Amelina told the Kyiv Independent about Kramatorsk."
    assert [t.text for t in geoparse(text, gaz, person_spans=[(0, 16)])] == ["Kramatorsk"]


@pytest.mark.parametrize(
    ("text", "clause", "expected"),
    [
        (
            "A drone launched from Kursk hit Belgorod on Sunday.",
            "A drone launched from Kursk hit Belgorod",
            "Belgorod",
        ),
        (
            "Russian missiles struck a cafe in the village of Hroza in Ukraine's Kharkiv "
            "region, killing 51.",
            "struck a cafe in the village of Hroza",
            "Hroza",
        ),
        (
            "A missile hit a restaurant in Kramatorsk, a city in the Donetsk region.",
            "A missile hit a restaurant in Kramatorsk, a city in the Donetsk region",
            "Kramatorsk",
        ),
        (
            "Shells fell on a village about 80 km south of Belgorod, in Russia's Belgorod region.",
            "Shells fell on a village about 80 km south of Belgorod, in Russia's Belgorod region",
            "Belgorod region",
        ),
        (
            "Fighting continues in Ukraine. Officials said a market was shelled.",
            "a market was shelled",
            "Ukraine",
        ),
        (
            "Strikes hit Kherson on Friday. Two people were killed, officials said.",
            "Two people were killed",
            "Kherson",
        ),
    ],
)
def test_event_place_choice(gaz: Gazetteer, text: str, clause: str, expected: str) -> None:
    start = text.index(clause)
    t = event_place(text, geoparse(text, gaz), start, start + len(clause))
    assert t is not None and t.text == expected


@pytest.mark.parametrize(
    ("text", "name", "admin1"),
    [
        (
            "A missile struck a cafe in the village of Hroza in Ukraine's Kharkiv region.",
            "Hroza",
            "Kharkiv",
        ),
        ("A drone bombed Tudun Biri village in Kaduna State last Sunday.", "Tudun Biri", "Kaduna"),
    ],
)
def test_resolve_unknown_settlement_coded_to_region(
    gaz: Gazetteer, text: str, name: str, admin1: str
) -> None:
    t = _by_text(geoparse(text, gaz))[name]
    assert (t.kind, t.place.name, t.place.admin1, t.place.geo_precision, t.place.geonameid) == (
        "place",
        name,
        admin1,
        3,
        None,
    )


def test_event_place_none_without_toponyms(gaz: Gazetteer) -> None:
    text = "Two people were killed, officials said."
    assert event_place(text, geoparse(text, gaz), 0, len(text)) is None


def test_event_place_destination_is_not_the_place(gaz: Gazetteer) -> None:
    text = (
        "Russian shelling hit Kherson on Wednesday. Shells struck a train waiting to "
        "leave for Lviv."
    )
    clause = "Shells struck a train waiting to leave for Lviv"
    start = text.index(clause)
    t = event_place(text, geoparse(text, gaz), start, start + len(clause))
    assert t is not None and (t.text, t.place.geonameid) == ("Kherson", 706448)


def test_resolve_district_phrase_is_admin2_and_town_is_the_event_place(gaz: Gazetteer) -> None:
    text = "Gunmen attacked Bamba in the Bourem district of Gao region on Thursday."
    found = _by_text(geoparse(text, gaz))
    district = found["Bourem district"]
    assert (district.place.geonameid, district.place.geo_precision, district.place.admin1) == (
        8631537,
        2,
        "Gao",
    )
    t = event_place(text, list(found.values()), 0, len(text))
    assert t is not None and (t.text, t.place.geonameid) == ("Bamba", 2460584)


def test_resolve_bare_name_is_not_a_district(gaz: Gazetteer) -> None:
    toponyms = geoparse("Deputies in Harris said the road was closed.", gaz)
    assert all(t.place.geo_precision == 1 for t in toponyms)


def test_resolve_small_foreign_namesake_without_support_dropped(gaz: Gazetteer) -> None:
    text = (
        "Russian forces fired at Kharkiv, and Wagner fighters shelled Bakhmut, "
        "Ukrainian officials said."
    )
    assert [t.text for t in geoparse(text, gaz)] == ["Kharkiv", "Bakhmut"]


def test_resolve_town_of_a_neighbouring_country_kept(gaz: Gazetteer) -> None:
    # Only Russia is named (a demonym); Ukraine borders it, so Kherson stays.
    toponyms = geoparse("Russian shelling hit Kherson overnight.", gaz)
    assert [(t.text, t.place.geonameid) for t in toponyms] == [("Kherson", 706448)]


def test_resolve_repeated_name_is_no_witness_of_itself(gaz: Gazetteer) -> None:
    text = (
        "Flooding closed roads in Alexandria on Monday. Officials in Pineville and "
        "Rapides Parish said Alexandria schools would reopen."
    )
    places = {t.place.geonameid for t in geoparse(text, gaz) if t.text == "Alexandria"}
    assert places == {4314550}  # Alexandria, Louisiana, not Egypt


def test_resolve_state_abbreviation_decides_the_town(gaz: Gazetteer) -> None:
    text = "A second plant in Charleston, W.Va., flooded."
    charleston = _by_text(geoparse(text, gaz))["Charleston"]
    assert (charleston.place.geonameid, charleston.place.admin1) == (4801859, "West Virginia")


def test_resolve_a_district_far_from_the_story_is_not_its_namesake(gaz: Gazetteer) -> None:
    # Kyiv has a Dniprovskyi district; so does Kherson, which the gazetteer lacks.
    text = (
        "Artillery shelled Kherson on Tuesday. Shells hit a bus stop in the Dniprovskyi "
        "district, the regional governor said."
    )
    found = _by_text(geoparse(text, gaz))
    assert "Kherson" in found
    assert not any(t.place.admin1 == "Kyiv" for t in found.values())


def test_resolve_a_district_near_the_story_is_kept(gaz: Gazetteer) -> None:
    text = "Drones hit an apartment block in Kyiv's Dniprovskyi district overnight, officials said."
    found = _by_text(geoparse(text, gaz))
    district = next(t for t in found.values() if t.text.startswith("Dniprovskyi"))
    assert district.place.admin1 == "Kyiv"


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("Shelling across the Donbas went on through the night.", "Donbas", "Donbas"),
        ("Aid convoys reached camps in Darfur after weeks of delay.", "Darfur", "Darfur"),
        ("Envoys toured the Middle East to press for a ceasefire.", "Middle East", "Middle East"),
    ],
)
def test_resolve_macro_region_named_in_text(
    gaz: Gazetteer, text: str, name: str, expected: str
) -> None:
    t = _by_text(geoparse(text, gaz))[name]
    assert (t.place.name, t.place.geo_precision, t.kind) == (expected, 3, "country")


def test_resolve_small_towns_share_the_state_their_names_share(gaz: Gazetteer) -> None:
    # Each name alone goes elsewhere (Wisconsin, California, Illinois); only Minnesota
    # has a town of every one of them.
    text = "Wrestlers from Watertown, Delano and Elgin will meet at the regional meet."
    got = {t.text: t.place.geonameid for t in geoparse(text, gaz)}
    assert got == {"Watertown": 5052016, "Delano": 5024138, "Elgin": 5025420}


def test_resolve_shared_state_does_not_pull_a_big_namesake(gaz: Gazetteer) -> None:
    # Victoria and Melbourne both have Texas and Florida namesakes; Melbourne the city
    # (2158177) is too big a reading to be decided by that.
    text = "Flights from Melbourne to Victoria resumed on Monday."
    assert _by_text(geoparse(text, gaz))["Melbourne"].place.geonameid == 2158177


def test_resolve_a_region_named_for_another_incident_does_not_pull_a_town(gaz: Gazetteer) -> None:
    # A roundup: the Kharkiv region frames the first item; Nikopol (Dnipropetrovsk, 100k
    # people) is not the Kharkiv-region hamlet of that name.
    text = (
        "In the northeastern Kharkiv region, two people were killed when a bomb hit a house "
        "in Kupiansk. A drone strike on Nikopol, across the Dnipro River from the Zaporizhzhia "
        "nuclear power plant, killed a man."
    )
    nikopol = _by_text(geoparse(text, gaz))["Nikopol"]
    assert nikopol.place.admin1 == "Dnipropetrovsk"


def test_resolve_a_region_named_in_the_same_sentence_still_decides(gaz: Gazetteer) -> None:
    text = "A drone hit a house in Nikopol in the Kharkiv region on Monday."
    assert _by_text(geoparse(text, gaz))["Nikopol"].place.admin1 == "Kharkiv"


@pytest.mark.parametrize(
    "text",
    [
        "A drone strike in North Waziristan killed five militants on Sunday.",
        "Pakistani troops raided a compound in North Waziristan.",
        "Taliban fighters crossed from Afghanistan into North Waziristan.",
    ],
)
def test_resolve_bare_name_of_a_district_only(gaz: Gazetteer, text: str) -> None:
    # No town or region is called North Waziristan: the name is the district.
    t = _by_text(geoparse(text, gaz))["North Waziristan"]
    assert (t.place.geonameid, t.place.geo_precision, t.place.admin1) == (
        1168875,
        2,
        "Khyber Pakhtunkhwa",
    )


def test_resolve_bare_county_after_its_full_name(gaz: Gazetteer) -> None:
    text = "Deputies in Travis County searched the lake. Travis deputies found the boat."
    got = [(t.text, t.place.geonameid) for t in geoparse(text, gaz)]
    assert got == [("Travis County", 4737316), ("Travis", 4737316)]


@pytest.mark.parametrize(
    "text", ["Deputies said Travis had been arrested.", "Prince William visited the troops."]
)
def test_resolve_one_word_or_titled_county_name_alone_is_no_place(
    gaz: Gazetteer, text: str
) -> None:
    assert geoparse(text, gaz) == []


@pytest.mark.parametrize(
    ("text", "name", "geonameid", "admin1"),
    [
        (
            "Houthi fighters shelled the port of Hodeidah on Monday.",
            "Hodeidah",
            79415,
            "Al Hudaydah",
        ),
        (
            "RSF fighters looted the market in Kabkabiya, in North Darfur.",
            "Kabkabiya",
            373198,
            "North Darfur",
        ),
        ("Fighting in DR Congo displaced thousands near Goma.", "DR Congo", 203312, None),
        (
            "Rebels attacked a village in the Democratic Republic of Congo.",
            "Democratic Republic of Congo",
            203312,
            None,
        ),
    ],
)
def test_resolve_transliterated_and_short_names(
    gaz: Gazetteer, text: str, name: str, geonameid: int, admin1: str | None
) -> None:
    t = _by_text(geoparse(text, gaz))[name]
    assert (t.place.geonameid, t.place.admin1) == (geonameid, admin1)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Regions listed together are regions, not the towns named after them.
        (
            "Police recovered stolen tools in two Illinois towns, four Minnesota towns and six "
            "Iowa towns.",
            {"Illinois": 4896861, "Minnesota": 5037779, "Iowa": 4862182},
        ),
        (
            "The outbreak reached Ohio, Oregon, Nevada and Wyoming by May.",
            {"Ohio": 5165418, "Oregon": 5744337, "Nevada": 5509151, "Wyoming": 5843591},
        ),
        # ... but a town's own region named after it is still the town's.
        (
            "A man was shot in Washington, Pennsylvania, on Friday.",
            {"Washington": 5218069, "Pennsylvania": 6254927},
        ),
        # "X State, Mexico": regions of a country do not turn the country into a region.
        (
            "Migrants camped in Matias Romero, Oaxaca State, Mexico, on Wednesday.",
            {"Matias Romero": 3523450, "Oaxaca State": 3522509, "Mexico": 3996063},
        ),
    ],
)
def test_resolve_regions_named_together(
    gaz: Gazetteer, text: str, expected: dict[str, int]
) -> None:
    assert {t.text: t.place.geonameid for t in geoparse(text, gaz)} == expected


def test_resolve_a_name_is_no_witness_for_its_own_country(gaz: Gazetteer) -> None:
    # Saying "Georgia" does not name the country Georgia for "Georgia" itself.
    text = "Officials in Gainesville and Hall County said Georgia lawmakers would meet."
    assert _by_text(geoparse(text, gaz))["Georgia"].place.geonameid == 4197000


def test_resolve_country_beside_a_named_neighbour(gaz: Gazetteer) -> None:
    text = "Polio has been eradicated in Egypt and Niger, but Nigeria still reports cases."
    assert _by_text(geoparse(text, gaz))["Niger"].place.geonameid == 2440476


@pytest.mark.parametrize(
    ("text", "name", "geonameid"),
    [
        # "X state" is the state, though counties are named Washington too
        ("A sick cow was found at a Washington state farm.", "Washington state", 5815135),
        # "the X area" is around the town, not the county that has X as an alias
        (
            "Storms hit the Manhattan area on Monday, Kansas officials said.",
            "Manhattan area",
            4274994,
        ),
    ],
)
def test_resolve_region_and_vicinity_words(
    gaz: Gazetteer, text: str, name: str, geonameid: int
) -> None:
    assert _by_text(geoparse(text, gaz))[name].place.geonameid == geonameid


def test_stray_township_is_coded_to_its_region_and_its_bare_name_follows(gaz: Gazetteer) -> None:
    # "Kani" in GeoNames is a town in Japan (and in Ivory Coast), not Myanmar's township.
    text = (
        "Soldiers torched houses in Sagaing region's Kani township on Friday, residents said. "
        "A resistance spokesman in Kani said 40 homes burned in the village of Nyaung Pin Wun."
    )
    toponyms = geoparse(text, gaz)
    assert all(t.place.country == "Myanmar" for t in toponyms), [
        (t.text, t.place.country) for t in toponyms
    ]
    kani = [t for t in toponyms if t.text.startswith("Kani")]
    assert len(kani) == 1 and kani[0].place.admin1 == "Sagaing"
    assert kani[0].place.geonameid is None and kani[0].place.geo_precision == 3


def test_unknown_village_takes_the_region_of_the_sentence_before(gaz: Gazetteer) -> None:
    text = (
        "Air strikes hit a school in Magway region on Monday. "
        "Teachers said the bombs fell on the village of Thit Kyin Taw at noon. "
        "Fighting in Kachin State and around Bhamo and Myitkyina in Kachin has also grown."
    )
    village = _by_text(geoparse(text, gaz))["Thit Kyin Taw"]
    assert (village.place.admin1, village.place.geo_precision) == ("Magway", 3)
    assert "just before" in village.reason


def test_resolve_a_name_held_by_the_region_beside_it(gaz: Gazetteer) -> None:
    # GeoNames knows a Boni in Germany only; the Mopti region holds this one
    text = "Soldiers killed 30 militants near Boni in the Mopti region."
    found = _by_text(geoparse(text, gaz))["Boni"]
    assert (found.place.country, found.place.admin1) == ("Mali", "Mopti")
    assert found.place.geonameid is None and found.place.geo_precision == 3


def test_resolve_a_name_held_by_a_country_is_not_read_abroad(gaz: Gazetteer) -> None:
    text = "Gunmen attacked a patrol in the village of Banjska in northern Kosovo."
    assert {t.place.country for t in geoparse(text, gaz)} == {"Kosovo"}


@pytest.mark.parametrize(
    ("text", "country"),
    [
        (
            "M23 rebels seized Rubaya in eastern Congo on Tuesday.",
            "Democratic Republic of the Congo",
        ),
        ("Police fired tear gas in Brazzaville, Congo, on Tuesday.", "Republic of the Congo"),
    ],
)
def test_resolve_congo_alone_is_kinshasas_unless_the_story_is_brazzavilles(
    gaz: Gazetteer, text: str, country: str
) -> None:
    congo = _by_text(geoparse(text, gaz))["Congo"]
    assert congo.place.country == country


@pytest.mark.parametrize(
    ("text", "dropped"),
    [
        # no country named: the article's other places stand for it
        ("Dock workers went on strike at the Port of Dakar on Monday over pay.", "Dock"),
        # a big city's alias is no big city's name
        ("Armed men raided a village in Intan Jaya regency, Papua, on March 3.", "Intan"),
    ],
)
def test_resolve_a_far_foreign_reading_with_no_support_is_dropped(
    gaz: Gazetteer, text: str, dropped: str
) -> None:
    assert dropped not in _by_text(geoparse(text, gaz))


def test_resolve_a_village_in_a_named_district_is_not_a_foreign_city_quarter(
    gaz: Gazetteer,
) -> None:
    # GeoNames has a Buda in Budapest; the Kajuru district in Nigeria holds this one
    text = "Gunmen stormed Buda village in Kajuru local government area of Nigeria's Kaduna state."
    buda = _by_text(geoparse(text, gaz))["Buda"]
    assert (buda.place.country, buda.place.admin1) == ("Nigeria", "Kaduna")


def test_resolve_the_citys_district_is_that_citys(gaz: Gazetteer) -> None:
    # GeoNames knows Kyivskyi districts in Donetsk and Poltava, not Kharkiv's
    text = (
        "Drones struck Kharkiv overnight. They hit a high-rise in the city's Kyivskyi district, "
        "the governor said."
    )
    district = next(t for t in geoparse(text, gaz) if t.text.startswith("Kyivskyi"))
    assert district.place.admin1 == "Kharkiv"
