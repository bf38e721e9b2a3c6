"""The spaCy pipeline with the gazetteer's place fix."""

from __future__ import annotations

from sitrep import resources


def _ents(text: str) -> dict[str, str]:
    return {e.text: e.label_ for e in resources.nlp()(text).ents}


def test_nlp_relabels_a_town_the_model_calls_a_person() -> None:
    assert _ents("Explosions were heard in Melitopol on Sunday.").get("Melitopol") == "GPE"


def test_nlp_relabels_a_possessive_town_the_model_calls_an_organisation() -> None:
    ents = _ents("A bomb struck a building in Kharkiv's Saltivskyi district on Saturday.")
    assert ents.get("Kharkiv") == "GPE"
    assert "Kharkiv's" not in ents


def test_nlp_keeps_real_people() -> None:
    assert (
        _ents("Governor Oleh Syniehubov said two people were hurt.").get("Oleh Syniehubov")
        == "PERSON"
    )


def test_nlp_relabels_a_two_word_town_the_model_calls_a_person() -> None:
    assert _ents("Gunmen raided Barkin Ladi on Sunday.").get("Barkin Ladi") == "GPE"


def test_nlp_keeps_a_person_who_shares_a_first_name_with_a_town() -> None:
    assert _ents("Jordan Henderson scored twice on Sunday.").get("Jordan Henderson") == "PERSON"
