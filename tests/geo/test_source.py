"""The source's usual region: weak evidence between namesakes (sitrep.geo.source)."""

from __future__ import annotations

import pytest

from sitrep.geo import SourceRegion, geoparse, geoparse_batch
from sitrep.geo.gazetteer import Gazetteer
from sitrep.geo.source import from_counts, name_hint, region_of_places
from sitrep.model import Place

US = "United States"
KENTUCKY = SourceRegion({US: 6.0}, {(US, "Kentucky"): 6.0}, 6.0)
TEXAS = SourceRegion({US: 6.0}, {(US, "Texas"): 6.0}, 6.0)
LIBYA = SourceRegion({"Libya": 6.0}, {("Libya", "Tripoli"): 6.0}, 6.0)
RICHMOND_KY, RICHMOND_VA = 4305974, 4781708


def _only(text: str, gaz: Gazetteer, region: SourceRegion | None, name: str) -> Place:
    (t,) = [t for t in geoparse(text, gaz, source_region=region) if t.text == name]
    return t.place


def test_source_region_decides_a_bare_ambiguous_town(gaz: Gazetteer) -> None:
    text = "Police in Richmond arrested two men after a fight outside a bar on Friday."
    assert _only(text, gaz, None, "Richmond").geonameid == RICHMOND_VA
    (t,) = geoparse(text, gaz, source_region=KENTUCKY)
    assert (t.place.geonameid, t.place.admin1) == (RICHMOND_KY, "Kentucky")
    assert "source's usual region (Kentucky) decided over Richmond, Virginia" in t.reason
    assert t.runner_up is not None and t.runner_up.geonameid == RICHMOND_VA


def test_source_region_loses_to_a_region_named_in_the_article(gaz: Gazetteer) -> None:
    text = "Police in Richmond, Virginia arrested two men after a fight on Friday."
    assert _only(text, gaz, KENTUCKY, "Richmond").geonameid == RICHMOND_VA


def test_source_region_loses_to_a_country_named_in_the_article(gaz: Gazetteer) -> None:
    text = (
        "Militias clashed in Tripoli overnight, the Lebanese army said, and Beirut "
        "condemned the violence in northern Lebanon."
    )
    assert _only(text, gaz, LIBYA, "Tripoli").country == "Lebanon"


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("Police in Paris arrested two men on Tuesday.", "Paris", "France"),
        ("The council met in Georgia on Tuesday.", "Georgia", "Georgia"),
    ],
)
def test_source_region_alone_never_moves_a_big_city_or_a_country_abroad(
    gaz: Gazetteer, text: str, name: str, country: str
) -> None:
    assert _only(text, gaz, TEXAS, name).country == country


def test_source_region_shares_shrink_with_few_reports() -> None:
    one = region_of_places([Place(name="Richmond", admin1="Kentucky", country=US)])
    assert one.admin1_share(US, "Kentucky") == pytest.approx(0.5)
    five = from_counts([(US, "Kentucky", 5.0)])
    assert five.admin1_share(US, "Kentucky") == pytest.approx(5 / 6)
    assert (five - five).reports == 0 and not five - five
    assert five.main() == "Kentucky, United States"


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("Kyiv Independent", "Kyiv, Ukraine"),
        ("Sudan Tribune", "Sudan"),
        ("richmondregister.com", None),  # which Richmond: the name does not say
        ("Reuters", None),
    ],
)
def test_source_name_hint(gaz: Gazetteer, source: str, expected: str | None) -> None:
    hint = name_hint(source, gaz)
    assert (hint.main() if hint else None) == expected


def test_geoparse_batch_learns_the_region_of_the_other_articles(gaz: Gazetteer) -> None:
    texts = [
        "Police in Richmond arrested two men after a fight outside a bar on Friday.",
        "A barn burned near Lexington and Frankfort, Kentucky, on Saturday.",
        "Flooding closed roads in Bowling Green, Kentucky, and Owensboro on Sunday.",
        "Police in Richmond arrested a woman on Monday.",
    ]
    sources = ["Bluegrass Courier", "Bluegrass Courier", "Bluegrass Courier", "Other Desk"]
    out = geoparse_batch(texts, sources, gaz)
    assert out[0][0].place.geonameid == RICHMOND_KY
    assert out[3][0].place.geonameid == RICHMOND_VA  # another outlet learns nothing
    # Leave-one-out over the whole batch: the order of the batch does not matter.
    back = geoparse_batch(texts[::-1], sources[::-1], gaz)[::-1]
    assert back == out
