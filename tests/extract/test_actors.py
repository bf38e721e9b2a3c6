"""Perpetrators, targets and speakers' sides on sentences written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

import sitrep
from sitrep.extract.actors import blamed_party, event_actors, perpetrator, speaker_side
from sitrep.extract.draft import Clause, Draft
from sitrep.extract.sentences import Sentence
from sitrep.model import DateInterval


def _clause(text: str, start: int = 0, index: int = 0) -> Clause:
    return Clause(start, start + len(text), text, Sentence(start, start + len(text), text, index))


def _draft(*texts: str) -> Draft:
    clauses = []
    start = 0
    for index, text in enumerate(texts):
        clauses.append(_clause(text, start, index))
        start += len(text) + 1
    day = dt.date(2024, 3, 4)
    return Draft(clauses, None, DateInterval(start=day, end=day, precision="day"), None, None)


def _with_perpetrator(draft: Draft, country: str | None) -> Draft:
    draft.perpetrator = perpetrator(draft.clauses[0], country)
    return draft


@pytest.mark.parametrize(
    ("text", "country", "side"),
    [
        # a speaker accusing another party is not the perpetrator
        (
            "The army said the RSF had kidnapped and killed the district commissioner.",
            "Sudan",
            "RSF",
        ),
        (
            "Police said gunmen had shot dead the village head.",
            "Nigeria",
            "unidentified armed group",
        ),
        # the party whose violent verb follows it acts, even when not named first
        (
            "Heavy fire was heard downtown as RSF fighters and army units clashed near the bridge.",
            "Sudan",
            "RSF",
        ),
        (
            "The fleet's commander was killed when Ukrainian drones hit the port.",
            "Ukraine",
            "Ukraine",
        ),
        # state aircraft and artillery name the military
        ("Bombs dropped by military aircraft killed six villagers.", "Myanmar", "Myanmar military"),
        ("Military artillery hit a school in the town.", "Myanmar", "Myanmar military"),
        ("A fighter jet bombed the market at noon.", "Myanmar", "Myanmar military"),
        # the weapon names its owner
        (
            "A Ukrainian missile strike on Sevastopol damaged the fleet headquarters.",
            "Ukraine",
            "Ukraine",
        ),
        ("Russian shelling of Kherson killed four people.", "Ukraine", "Russia"),
        (
            "Gunmen on motorbikes raided the village, killing 12 people.",
            "Nigeria",
            "unidentified armed group",
        ),
    ],
)
def test_actors_perpetrator_side(text: str, country: str, side: str) -> None:
    found = perpetrator(_clause(text), country)
    assert found is not None
    assert found.actor.side == side


@pytest.mark.parametrize(
    "text",
    [
        "A strike on Russian troops near the border killed three.",
        "Explosions were heard across the city overnight.",
        "The ministry said it had crushed the incursion, claiming 40 attackers were killed.",
    ],
)
def test_actors_perpetrator_none_when_only_hit_or_unnamed(text: str) -> None:
    assert perpetrator(_clause(text), "Ukraine") is None


@pytest.mark.parametrize(
    ("texts", "event_type", "sub_type", "country", "sides"),
    [
        # civilians are the victims; forces named only as background are not the target
        (
            (
                "Russian shelling killed nine people in the city, the worst day since Ukrainian forces retook it.",
            ),
            "Explosions/Remote violence",
            "Shelling/artillery/missile attack",
            "Ukraine",
            ("Russia", "civilians"),
        ),
        (
            (
                "Russian missiles struck the centre of the city on Friday.",
                "Officials said 14 people were wounded.",
            ),
            "Explosions/Remote violence",
            "Shelling/artillery/missile attack",
            "Ukraine",
            ("Russia", "civilians"),
        ),
        # a capture: the loser is the other camp
        (
            ("Ukrainian troops recaptured the village after weeks of fighting.",),
            "Battles",
            "Government regains territory",
            "Ukraine",
            ("Ukraine", "Russia"),
        ),
        (
            ("The RSF took control of the town on Monday.",),
            "Battles",
            "Non-state actor overtakes territory",
            "Sudan",
            ("RSF", "SAF"),
        ),
        # the fighters of the perpetrator, called "attackers", are not the target
        (
            ("The army fought off the attackers near the border post, killing 20 of them.",),
            "Battles",
            "Armed clash",
            "Mali",
            ("Mali", None),
        ),
        # unnamed gunmen replaced by the group a later clause of the incident names
        (
            (
                "Gunmen ambushed an army convoy on Sunday.",
                "JNIM fighters then overran the checkpoint.",
            ),
            "Battles",
            "Armed clash",
            "Mali",
            ("JNIM", "Mali"),
        ),
    ],
)
def test_actors_event_actors_sides(
    texts: tuple[str, ...],
    event_type: str,
    sub_type: str,
    country: str,
    sides: tuple[str | None, str | None],
) -> None:
    draft = _with_perpetrator(_draft(*texts), country)
    actor1, actor2 = event_actors(event_type, sub_type, draft, country)
    assert (actor1.side if actor1 else None, actor2.side if actor2 else None) == sides


@pytest.mark.parametrize(
    ("text", "side"),
    [
        (
            "The security service said it had detained a man suspected of spying for Russia.",
            "Russia",
        ),
        (
            "Agents arrested a teacher who had sent photos of the base to Russian intelligence.",
            "Russia",
        ),
    ],
)
def test_actors_arrest_target_is_the_side_served(text: str, side: str) -> None:
    draft = _with_perpetrator(_draft(text), "Ukraine")
    _, target = event_actors("Strategic developments", "Arrests", draft, "Ukraine")
    assert target is not None and target.side == side


@pytest.mark.parametrize(
    ("speaker", "side"),
    [
        ("The Kremlin", "Russia"),
        ("Russia's ambassador to the UN", "Russia"),
        ("Kyiv", "Ukraine"),
        ("Ukraine's Special Operations Forces", "Ukraine"),
        ("Junta spokesman Major General Min Aung", "Myanmar military"),
        ("local residents", None),
        ("Amnesty International", None),
    ],
)
def test_actors_speaker_side(speaker: str, side: str | None) -> None:
    assert speaker_side(speaker, "Ukraine" if side in {"Russia", "Ukraine"} else None) == side


@pytest.mark.parametrize(
    ("text", "country", "side"),
    [
        ("The ministry accused Ukraine of launching the rockets.", "Russia", "Ukraine"),
        ("Kyiv accused Moscow of shelling the port.", "Ukraine", "Russia"),
        ("The governor blamed the attack on the Rapid Support Forces.", "Sudan", "RSF"),
        ("Police said the RSF had abducted the two aid workers.", "Sudan", "RSF"),
    ],
)
def test_blamed_party_is_the_accused(text: str, country: str, side: str) -> None:
    mention = blamed_party(text, country)
    assert mention is not None and mention.actor.side == side


@pytest.mark.parametrize(
    "text",
    [
        "Local media blamed much of the damage on Russian air defence.",
        "The group denied any role and blamed it on a local feud.",
        "She accused the government of corruption.",
        "The army said the RSF was regrouping near the river.",
    ],
)
def test_blamed_party_needs_an_accusation_of_the_act(text: str) -> None:
    assert blamed_party(text, "Sudan") is None


def test_actors_a_peaceful_protest_has_no_second_actor() -> None:
    events = sitrep.extract(
        "Several hundred people rallied peacefully outside parliament in Yerevan on Monday "
        "evening against a draft media law.",
        published="2024-04-16",
        source="Test Wire",
    )
    assert [(e.sub_event_type, e.actor2) for e in events] == [("Peaceful protest", None)]


@pytest.mark.parametrize(
    ("text", "actor1", "actor2"),
    [
        # the forces named after the act are its victims, not its authors
        (
            "A roadside bomb struck an army patrol near Samarra late on Sunday, killing two "
            "soldiers and wounding three, security sources said.",
            None,
            "Iraq",
        ),
        # who uses a base is not who struck it; Iraq's Kataib Hezbollah is not Lebanon's
        (
            "An unidentified drone struck a base used by Kataib Hezbollah near Samarra overnight, "
            "wounding four fighters.",
            None,
            "Kataib Hezbollah",
        ),
        # "paramilitary-style" names no group, and police describing an attack did not do it
        (
            "A man was shot in both legs in what police described as a paramilitary-style "
            "attack in west Belfast late on Sunday.",
            None,
            "civilians",
        ),
    ],
)
def test_actors_victims_holders_and_describers_are_not_perpetrators(
    text: str, actor1: str | None, actor2: str | None
) -> None:
    [event] = sitrep.extract(text, published="2024-05-20", source="Test Wire")
    assert (event.actor1.side if event.actor1 else None) == actor1
    assert (event.actor2.side if event.actor2 else None) == actor2


def test_actors_no_person_from_a_title_case_headline() -> None:
    events = sitrep.extract(
        "Gang Attack On Police Station Kills Four Officers In Haiti Capital\n\n"
        "Gangs attacked the police station in the Delmas district of Port-au-Prince late on "
        "Saturday, the police union said.",
        published="2024-03-11",
        source="Test Wire",
    )
    assert events and all(e.persons == [] for e in events)


def test_actors_two_named_groups_fighting_each_other() -> None:
    [event] = sitrep.extract(
        "Fighting between CODECO militiamen and the Zaire armed group killed 14 people on "
        "Saturday in the Djugu territory of Ituri province, civil society leaders said. "
        "Separatist leaders denied involvement and blamed the army.",
        published="2025-02-12",
        source="Test Wire",
    )
    assert (event.actor1.side, event.actor2.side) == ("CODECO", "Zaire")
    assert all(" and" not in (c.claimant or "") for c in event.claims)


def test_actors_the_army_telling_of_rockets_on_a_town_is_not_their_target() -> None:
    [event] = sitrep.extract(
        "Hezbollah fired about 30 rockets at the town of Metula on Tuesday, damaging several "
        "buildings, the Israeli military said.",
        published="2024-05-22",
        source="Test Wire",
    )
    assert event.actor1 is not None and event.actor1.side == "Hezbollah"
    assert event.actor2 is None or event.actor2.side != "Israel"


@pytest.mark.parametrize(
    ("text", "sides"),
    [
        # opponents joined by "and" in a fight are not allies
        (
            "Fighting between Ethiopian federal troops and Fano militiamen killed 30 people in "
            "the town of Merawi on Tuesday.",
            ("Ethiopia", "Fano"),
        ),
        # a town taken from no one named was taken from the state
        (
            "M23 rebels seized Rubaya in eastern Democratic Republic of Congo on Tuesday.",
            ("M23", "Democratic Republic of the Congo"),
        ),
    ],
)
def test_actors_opponents_and_the_loser_of_a_town(text: str, sides: tuple[str, str]) -> None:
    [event] = sitrep.extract(text, published="2024-03-14", source="Test Wire")
    assert (event.actor1.side, event.actor2.side) == sides


def test_actors_a_demonym_before_airstrike_names_the_state() -> None:
    [event] = sitrep.extract(
        "In southern Lebanon, an Israeli airstrike hit a civil defence centre in the city of "
        "Nabatieh on Tuesday, killing three paramedics.",
        published="2024-10-30",
        source="Test Wire",
    )
    assert event.actor1 is not None and event.actor1.side == "Israel"


def test_actors_intelligence_agents_arrest_a_journalist() -> None:
    [event] = sitrep.extract(
        "Journalist Carlos Ruiz was arrested by plainclothes intelligence agents in Caracas "
        "on Tuesday, rights groups said.",
        published="2025-01-09",
        source="Test Wire",
    )
    assert event.sub_event_type == "Arrests"
    assert (event.actor1.side, event.actor2.side) == ("Venezuela", "civilians")


def test_actors_an_agency_that_says_is_neither_target_nor_made_the_enemy_attacker() -> None:
    # were HUR the target, the two-sided war would make Russia the attacker
    [event] = sitrep.extract(
        "A car bomb killed a Russian-installed official in occupied Berdiansk on Monday "
        "morning, Ukraine's military intelligence agency (HUR) said.",
        published="2024-05-14",
        source="Test Wire",
    )
    assert event.actor2 is None or event.actor2.side != "Ukraine"
    assert event.actor1 is None or event.actor1.side != "Russia"


@pytest.mark.parametrize(
    ("text", "actor1"),
    [
        (
            "Ukrainian partisans blew up a railway track near occupied Berdiansk on Wednesday "
            "night, derailing a fuel train, Ukraine's military intelligence said.",
            "Ukrainian partisans",
        ),
        (
            "Resistance fighters attacked a junta outpost in Sagaing region on Friday, killing "
            "four soldiers.",
            "People's Defence Force (PDF)",
        ),
    ],
)
def test_actors_partisans_and_resistance_fighters_by_country(text: str, actor1: str) -> None:
    [event] = sitrep.extract(text, published="2024-01-25", source="Test Wire")
    assert event.actor1 is not None and event.actor1.name == actor1


def test_actors_a_gunfight_with_unnamed_militants_told_by_the_police() -> None:
    [event] = sitrep.extract(
        "Two suspected militants were killed in a gunfight with Indian security forces in "
        "Kulgam district on Wednesday, police said, adding that a soldier was wounded.",
        published="2024-05-09",
        source="Test Wire",
    )
    assert (event.actor1.side, event.actor2.side) == ("India", "unidentified armed group")


def test_actors_two_sides_joined_by_and_before_a_passive_report_are_not_speakers() -> None:
    [event] = sitrep.extract(
        "Clashes between the army and M23 fighters were reported near Sake in eastern "
        "Democratic Republic of Congo on Wednesday.",
        published="2024-03-14",
        source="Test Wire",
    )
    assert {event.actor1.side, event.actor2.side} == {"Democratic Republic of the Congo", "M23"}
