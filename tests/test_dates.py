"""Tests for the time stage: expressions, their intervals, and dating an incident."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pytest

from sitrep.dates import event_date, find_dates, undated_interval
from sitrep.model import DateInterval

MONDAY = dt.date(2023, 11, 13)
SUNDAY = dt.date(2023, 11, 19)
D = dt.date.fromisoformat


def _only(text: str, published: dt.date = MONDAY) -> tuple[str, str, str, str]:
    mentions = find_dates(text, published)
    assert len(mentions) == 1, mentions
    m = mentions[0]
    assert text[m.start : m.end] == m.text
    return m.text, str(m.interval.start), str(m.interval.end), m.interval.precision


@pytest.mark.parametrize(
    ("sentence", "start", "end", "precision"),
    [
        ("Drones hit the depot on Tuesday, the governor said.", "2023-11-07", "2023-11-07", "day"),
        ("Gunmen stormed the market on Monday.", "2023-11-13", "2023-11-13", "day"),
        ("A car bomb exploded late on Friday.", "2023-11-10", "2023-11-10", "day"),
        ("Shelling resumed Saturday afternoon.", "2023-11-11", "2023-11-11", "day"),
        ("Looters ransacked shops on Sunday night.", "2023-11-12", "2023-11-13", "day"),
        ("Troops clashed with rebels overnight.", "2023-11-12", "2023-11-13", "day"),
        ("A drone hit the port overnight into Sunday.", "2023-11-11", "2023-11-12", "day"),
        ("Two soldiers died yesterday.", "2023-11-12", "2023-11-12", "day"),
        ("Clashes have killed 30 people since Thursday.", "2023-11-09", "2023-11-13", "week"),
        ("Shells hit 11 villages over the past day.", "2023-11-12", "2023-11-13", "day"),
        ("Clashes broke out between November 1 and 3.", "2023-11-01", "2023-11-03", "week"),
        (
            "Strikes hit the city on the night of 3 to 4 November.",
            "2023-11-03",
            "2023-11-04",
            "day",
        ),
        ("Protests went on through the weekend.", "2023-11-11", "2023-11-12", "day"),
        ("Clashes erupted on the evening of November 5.", "2023-11-05", "2023-11-05", "day"),
        ("Sirens sounded this morning.", "2023-11-13", "2023-11-13", "day"),
        ("The convoy was ambushed two days ago.", "2023-11-11", "2023-11-11", "day"),
        ("The convoy was ambushed days ago.", "2023-11-06", "2023-11-12", "week"),
        ("A bridge was blown up last week.", "2023-11-06", "2023-11-12", "week"),
        ("Last week's raid left a village empty.", "2023-11-06", "2023-11-12", "week"),
        ("Police fired tear gas this week.", "2023-11-13", "2023-11-13", "week"),
        ("A mortar round landed last month.", "2023-10-01", "2023-10-31", "month"),
        ("Last month's missile strike destroyed a school.", "2023-10-01", "2023-10-31", "month"),
        ("Rebels took the town earlier this month.", "2023-11-01", "2023-11-13", "month"),
        ("Militants shelled the camp in January.", "2023-01-01", "2023-01-31", "month"),
        ("Militants shelled the camp in December.", "2022-12-01", "2022-12-31", "month"),
        ("Militants shelled the camp in January 2022.", "2022-01-01", "2022-01-31", "month"),
        ("The offensive stalled in early June.", "2023-06-01", "2023-06-10", "month"),
        ("The mayor was shot last year.", "2022-01-01", "2022-12-31", "year"),
        ("A ferry sank on August 14.", "2023-08-14", "2023-08-14", "day"),
        ("A ferry sank on 14 August.", "2023-08-14", "2023-08-14", "day"),
        ("A ferry sank early on December 2.", "2022-12-02", "2022-12-02", "day"),
        ("A ferry sank on November 13.", "2023-11-13", "2023-11-13", "day"),
        ("A ferry sank on August 14, 2021.", "2021-08-14", "2021-08-14", "day"),
        ("Riots broke out between Saturday and Monday.", "2023-11-11", "2023-11-13", "week"),
        ("Riots raged from Friday to Sunday.", "2023-11-10", "2023-11-12", "week"),
        ("Riots raged from Friday to Saturday.", "2023-11-10", "2023-11-11", "day"),
        ("Protesters marched over the weekend.", "2023-11-11", "2023-11-12", "day"),
        ("ON TUESDAY a blast hit the station.", "2023-11-07", "2023-11-07", "day"),
        ("a blast hit the station on tuesday evening.", "2023-11-07", "2023-11-07", "day"),
    ],
)
def test_find_dates_resolves_expression(
    sentence: str, start: str, end: str, precision: str
) -> None:
    assert _only(sentence)[1:] == (start, end, precision)


@pytest.mark.parametrize(
    ("sentence", "published", "start"),
    [
        ("The fighters attacked last Sunday.", SUNDAY, "2023-11-12"),
        ("The fighters attacked on Sunday.", SUNDAY, "2023-11-19"),
        ("The fighters attacked last Sunday.", MONDAY, "2023-11-12"),
        ("The fighters attacked on Friday.", SUNDAY, "2023-11-17"),
    ],
)
def test_find_dates_weekday_relative_to_publication_weekday(
    sentence: str, published: dt.date, start: str
) -> None:
    assert _only(sentence, published)[1:3] == (start, start)


def test_find_dates_leap_day_without_year_takes_last_leap_year() -> None:
    assert _only("It happened on February 29.", dt.date(2023, 3, 1))[1] == "2020-02-29"


@pytest.mark.parametrize(
    "sentence",
    [
        "The strike hit at about 7:30 p.m., killing a 14-year-old boy.",
        "A 37-year-old man and two women aged 37 and 41 were wounded.",
        "The 16-month war has killed thousands.",
        "The city was without power for 24 hours.",
        "Attacks have intensified in recent weeks and the siege went on for weeks.",
        "At least 120 people were killed and 37 injured.",
        "Organisers said the march may 5 times larger.",
        "The chairman, Monday Kassim, said the town was calm.",
    ],
)
def test_find_dates_ignores_non_dates(sentence: str) -> None:
    assert find_dates(sentence, MONDAY) == []


def test_find_dates_returns_mentions_in_text_order() -> None:
    text = "A drone hit Kherson on Saturday. Last month a shell hit a school on October 6."
    assert [m.text for m in find_dates(text, MONDAY)] == ["Saturday", "Last month", "October 6"]


def test_find_dates_resolves_anaphora_against_earlier_date() -> None:
    text = "Rebels seized a base on Thursday. In a separate attack the same day, a bus was hit."
    mentions = find_dates(text, MONDAY)
    assert [m.text for m in mentions] == ["Thursday", "the same day"]
    assert mentions[1].interval == DateInterval(start=D("2023-11-09"), end=D("2023-11-09"),
                                                precision="day")  # fmt: skip


def test_find_dates_drops_anaphora_without_antecedent() -> None:
    assert find_dates("Hours later, the town fell.", MONDAY) == []


def test_undated_interval_is_week_to_publication() -> None:
    assert undated_interval(MONDAY) == DateInterval(
        start=D("2023-11-06"), end=D("2023-11-13"), precision="week"
    )


def _date(text: str, clause: str) -> tuple[str, str, str]:
    start = text.index(clause)
    interval, _ = event_date(text, start, start + len(clause), MONDAY)
    return str(interval.start), str(interval.end), interval.precision


def test_event_date_prefers_mention_inside_span() -> None:
    text = "On Sunday officials reported that a drone struck a depot on Thursday."
    assert _date(text, "a drone struck a depot on Thursday") == ("2023-11-09", "2023-11-09", "day")


def test_event_date_skips_reporting_date_for_event_date() -> None:
    text = "Shells hit a school on Friday, killing four, the governor said on Sunday."
    assert _date(text, text) == ("2023-11-10", "2023-11-10", "day")


def test_event_date_uses_same_sentence_outside_span() -> None:
    text = "On Saturday, gunmen attacked a bus and burned a truck."
    assert _date(text, "burned a truck") == ("2023-11-11", "2023-11-11", "day")


def test_event_date_continuation_takes_previous_sentence() -> None:
    text = "A missile hit Odesa on Friday. Later, a drone struck a grain silo."
    assert _date(text, "a drone struck a grain silo") == ("2023-11-10", "2023-11-10", "day")
    text = "A missile hit Odesa on Friday. The strike killed three."
    assert _date(text, "The strike killed three") == ("2023-11-10", "2023-11-10", "day")


def test_event_date_hours_later_may_cross_midnight() -> None:
    text = "A missile hit Odesa on Friday. Hours later, a drone struck a grain silo."
    assert _date(text, "a drone struck a grain silo") == ("2023-11-10", "2023-11-11", "day")


def test_event_date_hours_before_a_night_is_the_nights_first_day() -> None:
    text = "Rioters burned cars in the old town on Saturday night, hours after a shooting at a bar."
    assert _date(text, "a shooting at a bar") == ("2023-11-11", "2023-11-11", "day")
    assert _date(text, "Rioters burned cars") == ("2023-11-11", "2023-11-12", "day")


def test_event_date_does_not_borrow_from_unlinked_sentence() -> None:
    text = "A missile hit Odesa on Friday. Gunmen killed a farmer near Kherson."
    assert _date(text, "Gunmen killed a farmer") == ("2023-11-06", "2023-11-13", "week")


def test_event_date_reporting_date_bounds_undated_incident() -> None:
    text = "Rebels have captured the town of Rudo, the army said on Saturday."
    assert _date(text, text) == ("2023-11-04", "2023-11-11", "week")


def test_event_date_background_date_loses_to_reporting_date() -> None:
    text = "Troops retook the village, a minister said on Friday, in the drive that began in May."
    assert _date(text, text) == ("2023-11-03", "2023-11-10", "week")


def test_event_date_undated_returns_none() -> None:
    text = "Fighters attacked an army post near the border."
    interval, mention = event_date(text, 0, len(text), MONDAY)
    assert interval == undated_interval(MONDAY)
    assert mention is None


def test_event_date_clause_after_semicolon_is_separate() -> None:
    text = "A shell hit a house; a woman died the following morning."
    assert _date(text, "A shell hit a house") == ("2023-11-06", "2023-11-13", "week")


GOLD_DIR = Path(os.environ.get("SITREP_GOLD_DIR", "/work/shared/eval"))


@pytest.mark.skipif(not (GOLD_DIR / "dev.jsonl").exists(), reason="shared gold set not available")
def test_event_date_overlaps_dev_gold() -> None:
    total = overlapping = 0
    for line in (GOLD_DIR / "dev.jsonl").read_text(encoding="utf-8").splitlines():
        article = json.loads(line)
        published = D(article["published"])
        mentions = find_dates(article["text"], published)
        for event in article["events"]:
            start = article["text"].index(event["evidence"])
            interval, _ = event_date(
                article["text"], start, start + len(event["evidence"]), published, mentions
            )
            total += 1
            overlapping += (
                interval.start <= D(event["date_end"]) and D(event["date_start"]) <= interval.end
            )
    assert total and overlapping / total >= 0.95


def test_find_dates_joins_began_and_continued_into() -> None:
    text = "The raids began on Saturday evening and continued into Monday, residents said."
    mentions = find_dates(text, D("2023-11-22"))
    assert [(str(m.interval.start), str(m.interval.end)) for m in mentions] == [
        ("2023-11-18", "2023-11-20")
    ]


def test_find_dates_opening_day_is_the_launch_date_told_later() -> None:
    text = (
        "Rebels took the border post on the opening day of the offensive. "
        "They said they had seized 40 positions since launching the offensive on October 27."
    )
    first = find_dates(text, D("2023-11-02"))[0]
    assert first.text == "on the opening day of the offensive"
    assert first.interval == DateInterval(
        start=D("2023-10-27"), end=D("2023-10-27"), precision="day"
    )


def test_find_dates_opening_day_without_a_launch_date_is_nothing() -> None:
    assert find_dates("Rebels took the border post on the opening day.", D("2023-11-02")) == []


def test_overnight_is_the_night_before_the_statement_of_its_sentence() -> None:
    # published on a Friday; the governor spoke on Thursday about the night before
    text = "Russian drones struck Kharkiv overnight, the governor said on Thursday."
    [overnight] = [m for m in find_dates(text, dt.date(2024, 4, 5)) if m.text == "overnight"]
    assert (overnight.interval.start, overnight.interval.end) == (
        dt.date(2024, 4, 3),
        dt.date(2024, 4, 4),
    )
