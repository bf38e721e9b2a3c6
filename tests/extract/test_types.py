"""ACLED type decisions and precedence, on sentences written for these tests."""

from __future__ import annotations

import pytest

from sitrep.extract.types import PLOVER, classify
from sitrep.model import EVENT_TYPES


@pytest.mark.parametrize(
    ("clause", "expected"),
    [
        (
            "Rebels and government troops clashed near the bridge on Monday.",
            ("Battles", "Armed clash"),
        ),
        ("Insurgents attacked an army checkpoint outside the town.", ("Battles", "Armed clash")),
        (
            "The army recaptured the village of Dolyna after a week of fighting.",
            ("Battles", "Government regains territory"),
        ),
        (
            "A drone strike hit a fuel depot, and artillery shelled the port.",
            ("Explosions/Remote violence", "Air/drone strike"),
        ),
        (
            "Rockets struck a market in the city centre.",
            ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
        ),
        (
            "A roadside bomb exploded under a police vehicle.",
            ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
        ),
        (
            "A suicide bomber blew himself up at a mosque.",
            ("Explosions/Remote violence", "Suicide bomb"),
        ),
        (
            "Unknown assailants threw a grenade into a bar.",
            ("Explosions/Remote violence", "Grenade"),
        ),
        (
            "Gunmen abducted 30 students from their school.",
            ("Violence against civilians", "Abduction/forced disappearance"),
        ),
        ("Men on motorbikes shot dead a village chief.", ("Violence against civilians", "Attack")),
        (
            "Police detained an opposition activist at his home.",
            ("Strategic developments", "Arrests"),
        ),
        (
            "Protesters threw stones at riot police and set cars on fire.",
            ("Riots", "Violent demonstration"),
        ),
        (
            "Police fired tear gas to disperse protesters outside parliament.",
            ("Protests", "Protest with intervention"),
        ),
        (
            "Thousands of protesters marched peacefully through the capital.",
            ("Protests", "Peaceful protest"),
        ),
        (
            "Security forces opened fire on protesters, killing nine.",
            ("Protests", "Excessive force against protesters"),
        ),
    ],
)
def test_types_classify(clause: str, expected: tuple[str, str]) -> None:
    decision = classify(clause, "")
    assert (decision.event_type, decision.sub_event_type) == expected


def test_types_clash_takes_precedence_over_shelling() -> None:
    decision = classify("Troops fought rebels for hours as mortars fell on the town.", "")
    assert decision.event_type == "Battles"


def test_types_history_in_a_since_phrase_does_not_decide() -> None:
    decision = classify(
        "Missiles killed 4 people in the city, the worst since troops recaptured it in 2022.", ""
    )
    assert decision.sub_event_type == "Shelling/artillery/missile attack"


def test_types_context_decides_when_the_clause_names_no_weapon() -> None:
    decision = classify(
        "The attack on the governor's office was confirmed.", "The bombing destroyed two cars."
    )
    assert decision.sub_event_type == "Remote explosive/landmine/IED"


def test_types_every_sub_type_has_a_plover_mapping() -> None:
    sub_types = {s for subs in EVENT_TYPES.values() for s in subs}
    assert sub_types == set(PLOVER)
