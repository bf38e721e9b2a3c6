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


def test_classify_a_weapon_told_later_makes_a_vague_attack_remote_violence() -> None:
    decision = classify(
        "Nine people were killed when the city centre came under attack on Sunday",
        "Officials said the rockets were fired from across the river.",
    )
    assert (decision.event_type, decision.sub_event_type) == (
        "Explosions/Remote violence",
        "Shelling/artillery/missile attack",
    )


def test_classify_stones_thrown_later_make_a_protest_a_riot() -> None:
    decision = classify(
        "Thousands of protesters gathered outside parliament on Monday",
        "Some of them threw stones and petrol bombs at police lines.",
    )
    assert decision.event_type == "Riots"


def test_classify_a_gunman_attack_stays_an_attack_when_clashes_are_mentioned() -> None:
    decision = classify(
        "Gunmen shot dead six villagers on Sunday",
        "The area has seen clashes between herders and farmers.",
    )
    assert (decision.event_type, decision.sub_event_type) == (
        "Violence against civilians",
        "Attack",
    )


def test_classify_rebels_had_taken_a_town_is_a_capture() -> None:
    decision = classify("Rebels said they had taken the border town of Hpakant on Friday.", "")
    assert decision.sub_event_type == "Non-state actor overtakes territory"


def test_classify_tear_gas_fired_at_a_crowd_is_a_protest_with_intervention() -> None:
    decision = classify(
        "Troops fired tear gas at students in Dhaka on Monday, injuring dozens.", ""
    )
    assert (decision.event_type, decision.sub_event_type) == (
        "Protests",
        "Protest with intervention",
    )


@pytest.mark.parametrize(
    ("clause", "expected"),
    [
        (
            "Insurgents attacked an army outpost with explosives-laden drones overnight.",
            "Air/drone strike",
        ),
        ("A drone attack on a police base killed three officers.", "Air/drone strike"),
        # an exchange of fire stays a battle, whatever else was used
        ("Troops fought insurgents who had used drones against the outpost.", "Armed clash"),
    ],
)
def test_classify_a_drone_assault_on_a_base_is_remote_violence(clause: str, expected: str) -> None:
    assert classify(clause, "").sub_event_type == expected


def test_classify_a_shooting_keeps_its_firearm_when_a_bomb_is_told_later() -> None:
    decision = classify(
        "Police shot dead a man at a checkpoint on Friday",
        "Police said he had been carrying a grenade.",
    )
    assert (decision.event_type, decision.sub_event_type) == (
        "Violence against civilians",
        "Attack",
    )


@pytest.mark.parametrize(
    ("clause", "expected"),
    [
        ("The army says it has retaken Menaka from the rebels", "Government regains territory"),
        (
            "Rebels seized Kalehe on Sunday after a day of fighting.",
            "Non-state actor overtakes territory",
        ),
        # a capitalised word that is not the object alone names no place
        ("Troops captured Russian soldiers near the river.", "Other"),
        ("Police seized Hamas weapons in a raid.", "Other"),
    ],
)
def test_classify_a_named_place_taken(clause: str, expected: str) -> None:
    assert classify(clause, "").sub_event_type == expected


@pytest.mark.parametrize(
    "clause",
    [
        "A policeman was shot dead by gunmen near the market",
        "Gunmen killed a soldier at a checkpoint",
        "Bandits shot dead a police officer on patrol",
    ],
)
def test_classify_one_member_of_the_forces_killed_is_a_battle(clause: str) -> None:
    assert classify(clause, "").event_type == "Battles"


@pytest.mark.parametrize(
    "clause",
    [
        "Armed men attacked a Kosovo police patrol early on Sunday, killing one officer",
        "Gangs attacked the police station in Delmas and set it on fire",
        "Militants stormed an army checkpoint overnight",
    ],
)
def test_classify_an_assault_on_police_or_army_posts_is_a_battle(clause: str) -> None:
    assert classify(clause, "").event_type == "Battles"


def test_classify_a_states_strike_on_a_military_target_with_no_weapon_named() -> None:
    decision = classify(
        "The navy said it had struck an air defence system near Saky", "", "state forces"
    )
    assert decision.sub_event_type == "Air/drone strike"
    assert classify("The navy said it had struck an air defence system", "").cue is None
