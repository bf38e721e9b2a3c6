"""Casualty figures on sentences written for these tests."""

from __future__ import annotations

import pytest

from sitrep.extract.counts import combine, find_figures, parse_number


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Artillery fire killed at least 7 people in the town on Friday.", [("killed", 7, True)]),
        (
            "Eleven villagers were killed and 20 injured in the raid.",
            [("killed", 11, False), ("injured", 20, False)],
        ),
        (
            "The blast wounded three soldiers but killed no one.",
            [("injured", 3, False), ("killed", 0, False)],
        ),
        ("At least 12 people, including two women, were killed.", [("killed", 12, True)]),
        ("The strike killed a teacher and his son.", [("killed", 2, False)]),
        ("Gunmen shot dead four farmers on Sunday.", [("killed", 4, False)]),
        ("A 9-year-old girl was hurt.", [("injured", 1, False)]),
        ("Dozens of people were wounded.", [("injured", 12, True)]),
        ("The clash left 6 dead.", [("killed", 6, False)]),
    ],
)
def test_counts_find_figures(text: str, expected: list[tuple[str, int, bool]]) -> None:
    found = [(f.kind, f.value, f.open_ended) for f in find_figures(text)]
    assert found == expected


@pytest.mark.parametrize(
    "text",
    [
        "A 40-year-old man was arrested.",
        "The town lies 30 km from the front.",
        "It was a 16-month war.",
    ],
)
def test_counts_ages_distances_durations_are_not_figures(text: str) -> None:
    assert find_figures(text) == []


def test_counts_toll_update_wins_over_earlier_figure() -> None:
    figures = find_figures(
        "Officials first put the toll at 9. The death toll has since risen to 14."
    )
    count = combine([f for f in figures if f.kind == "killed"])
    assert (count.low, count.best, count.high) == (9, 14, 14)


def test_counts_conflicting_figures_make_a_range_with_conservative_best() -> None:
    figures = find_figures(
        "The ministry said 20 people were killed. A rebel group said 35 people were killed."
    )
    count = combine(figures)
    assert (count.low, count.best, count.high) == (20, 20, 35)


def test_counts_at_least_leaves_high_open() -> None:
    count = combine(find_figures("The attack killed at least 5 people."))
    assert (count.low, count.best, count.high) == (5, 5, None)


@pytest.mark.parametrize(
    ("word", "value"),
    [("1,250", 1250), ("twenty-five", 25), ("a family of five", 5), ("dozens", 12)],
)
def test_counts_parse_number(word: str, value: int) -> None:
    assert parse_number(word) == value
