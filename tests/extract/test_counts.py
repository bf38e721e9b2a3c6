"""Casualty figures on sentences written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from sitrep.extract.counts import combine, event_casualties, find_figures, parse_number
from sitrep.extract.draft import Clause, Draft
from sitrep.extract.sentences import Sentence
from sitrep.model import DateInterval, Place, Toponym


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


def _killed(text: str) -> tuple[int, int, int | None]:
    count = combine([f for f in find_figures(text) if f.kind == "killed"])
    return count.low, count.best, count.high


def _injured(text: str) -> tuple[int, int, int | None]:
    count = combine([f for f in find_figures(text) if f.kind == "injured"])
    return count.low, count.best, count.high


@pytest.mark.parametrize(
    ("word", "value"),
    [
        ("one hundred and sixty-eight", 168),
        ("two hundred", 200),
        ("a hundred", 100),
        ("forty two", 42),
        ("seventeen", 17),
        ("a dozen", 12),
        ("several", 3),
    ],
)
def test_counts_parse_number_words(word: str, value: int) -> None:
    assert parse_number(word) == value


@pytest.mark.parametrize(
    ("text", "best"),
    [
        ("Three soldiers and a civilian were killed at the checkpoint.", 4),
        ("On Friday, two policemen and a driver were killed in the ambush.", 3),
        ("The drone strike killed two fighters and a child.", 3),
        ("A family of five was killed when the shell hit their house.", 5),
        ("One hundred and twelve people died in the massacre.", 112),
    ],
)
def test_counts_coordinated_victims_are_summed(text: str, best: int) -> None:
    assert _killed(text)[1] == best


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        ("The raid on the camp ended, killing five and wounding 12.", 5, 12),
        ("One of its members was killed and 10 wounded in the ambush.", 1, 10),
        ("Police said 8 officers died in the blast and that 40 more were wounded.", 8, 40),
    ],
)
def test_counts_killed_and_injured_in_one_sentence(text: str, killed: int, injured: int) -> None:
    assert (_killed(text)[1], _injured(text)[1]) == (killed, injured)


@pytest.mark.parametrize(
    "text",
    [
        "A pensioner died on the spot and another died in hospital the next day.",
        "The bomb killed one guard; another was killed by a second device an hour later.",
        "A shopkeeper was killed instantly, and one of the wounded later died.",
    ],
)
def test_counts_another_death_adds_one(text: str) -> None:
    assert _killed(text)[1] == 2


@pytest.mark.parametrize(
    "text",
    [
        "Four people were killed in the strike and another died of a heart attack.",
        "Four people were killed in the strike; an elderly man died during the evacuation.",
        "Four residents were killed by the shelling, and another died from natural causes.",
    ],
)
def test_counts_deaths_not_caused_by_violence_are_left_out(text: str) -> None:
    assert _killed(text)[1] == 4


@pytest.mark.parametrize(
    ("text", "best"),
    [
        ("The attack killed 9 villagers. Two more bodies were found on Monday.", 11),
        ("At least 20 people were killed. Rescuers later found another 3 bodies.", 23),
        ("The shelling killed six people, and a further two died on Sunday.", 8),
    ],
)
def test_counts_more_bodies_are_added_to_the_toll(text: str, best: int) -> None:
    assert _killed(text)[1] == best


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen killed 14 people, including 6 children, in the village.",
        "Fourteen people were killed, among them 6 children.",
        "The strike killed 14 people; among the dead were 6 children.",
    ],
)
def test_counts_subsets_are_not_added(text: str) -> None:
    assert _killed(text)[1] == 14


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The death toll rose to 51 on Saturday. Earlier, officials said 40 people were killed.",
            (40, 51, 51),
        ),
        (
            "Officials first put the toll at 20. The number of dead has since climbed to 27.",
            (20, 27, 27),
        ),
        ("Medics initially reported 9 deaths, then the death toll reached 12.", (9, 12, 12)),
    ],
)
def test_counts_toll_update_is_best_and_earlier_tolls_are_low(
    text: str, expected: tuple[int, int, int | None]
) -> None:
    assert _killed(text) == expected


def test_counts_a_toll_without_a_verb_of_change_is_a_rival_figure_not_an_update() -> None:
    text = "Officials said 30 people were killed. An aid group put the toll at 34."
    assert _killed(text) == (30, 30, 34)


@pytest.mark.parametrize(
    "text",
    [
        "The initial report said 4 people were killed. Later, officials said 6 died.",
        "An earlier estimate of 4 deaths was revised; 6 people were killed, the mayor said.",
    ],
)
def test_counts_initial_accounts_are_superseded(text: str) -> None:
    assert _killed(text) == (4, 6, 6)


def test_counts_superseded_figures_widen_the_range_only() -> None:
    text = (
        "A rocket hit the depot, killing 8 workers. Medics first put the toll at 10, and later "
        "at 12; one of the injured subsequently died."
    )
    assert _killed(text) == (9, 9, 12)  # the later death counts in every reading


@pytest.mark.parametrize(
    "text",
    [
        "No casualties were reported after the drone hit the depot.",
        "The rocket struck an empty field, killing no one.",
        "There were no deaths, the mayor said.",
    ],
)
def test_counts_explicit_zero(text: str) -> None:
    figures = find_figures(text)
    assert figures and all(f.value == 0 for f in figures)


@pytest.mark.parametrize(
    "text",
    [
        "The assault began at 6:30 and lasted an hour.",
        "Fighting in 2014 killed many in the region.",
        "A 61-year-old farmer was arrested.",
        "The army fired five missiles at the town.",
        "Some 300 homes were destroyed, 60 km from the border.",
        "At least 100 people were displaced by the fighting.",
        "Police arrested at least 40 protesters and detained 12 others.",
    ],
)
def test_counts_numbers_that_are_not_casualties(text: str) -> None:
    assert find_figures(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "The strike killed 7 people, bringing the total killed since April to 600.",
        "The UN says 1,200 civilians have been killed in the province since January.",
        "Raids like this have killed thousands over the past two decades.",
        "The monitor said 80 people have been killed so far this year.",
    ],
)
def test_counts_cumulative_totals_are_not_this_incident(text: str) -> None:
    assert _killed(text)[1] in {0, 7}
    assert all(f.value < 80 for f in find_figures(text))


@pytest.mark.parametrize(
    "text",
    [
        "The ministry said it repelled the raid, claiming 45 fighters were killed.",
        "The rebels claimed that 30 soldiers died in the assault.",
        "Unconfirmed accounts put the number of dead at 90.",
    ],
)
def test_counts_a_partys_claim_raises_only_the_high(text: str) -> None:
    low, best, high = _killed(text)
    assert (low, best) == (0, 0) and high is not None and high > 0


def test_counts_disputed_figures_keep_both_in_the_range() -> None:
    text = "The army said one soldier was killed. The insurgents claimed 25 soldiers were killed."
    assert _killed(text) == (1, 1, 25)


def test_counts_a_claim_of_responsibility_does_not_make_the_toll_a_claim() -> None:
    assert (
        _killed("The group claimed responsibility for the bombing that killed 12 people.")[1] == 12
    )


@pytest.mark.parametrize(
    ("text", "best"),
    [
        # a specific figure just above an open-ended one makes it precise
        ("Medics said more than 40 people were killed. The mayor said 43 died.", 43),
        ("More than 100 were killed, the UN said. The ministry put the toll at 104.", 104),
        ("At least 50 died in the district. The Red Cross recorded 161 deaths in the state.", 50),
        ("The ministry said at least 22 were killed. The rebels said 31 civilians died.", 22),
        ("Amnesty said at least 120 people were killed. Officials said 85 died.", 85),
    ],
)
def test_counts_best_is_the_lowest_whole_figure(text: str, best: int) -> None:
    assert _killed(text)[1] == best


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("The regional governor said 12 people were killed.", "The regional governor"),
        ("Shelling killed 4 civilians in the town, the mayor said.", "the mayor"),
        ("According to the health ministry, 30 people were wounded.", "the health ministry"),
        ("Jane Doe, a local councillor, said at least 9 died.", "a local councillor"),
        ("Shelling killed 4 civilians on Monday, said Police Chief Ali.", "Police Chief Ali"),
    ],
)
def test_counts_figure_names_who_gives_it(text: str, source: str) -> None:
    (figure,) = find_figures(text)
    assert figure.source_text == source
    assert text[figure.source_start : figure.source_end] == source


def test_counts_figure_without_attribution_has_no_source() -> None:
    (figure,) = find_figures("Two soldiers were killed near the bridge.")
    assert figure.source_text is None


def test_counts_source_offsets_follow_the_figure_offset() -> None:
    (figure,) = find_figures("The governor said 3 died.", offset=100)
    assert (figure.source_start, figure.source_end) == (100, 112)


@pytest.mark.parametrize(
    ("text", "place", "value"),
    [
        (
            "Officials said 21 people had died across the region, 16 of them in Odesa city.",
            "Odesa",
            16,
        ),
        ("Police counted 40 dead in Alpha and 12 in two villages in Beta Town.", "Beta Town", 12),
    ],
)
def test_counts_breakdown_by_place(text: str, place: str, value: int) -> None:
    shares = [f for f in find_figures(text) if f.place]
    assert [(f.place.startswith(place), f.value) for f in shares] == [(True, value)]


def _draft(text: str, place: str | None) -> Draft:
    """A one-sentence draft whose place, if given, is the first mention of ``place``."""
    sentence = Sentence(start=0, end=len(text), text=text, index=0)
    toponym = None
    if place is not None:
        start = text.index(place)
        toponym = Toponym(
            start=start, end=start + len(place), text=place, place=Place(name=place), kind="place"
        )
    day = dt.date(2024, 3, 1)
    return Draft(
        clauses=[Clause(0, len(text), text, sentence)],
        toponym=toponym,
        date=DateInterval(start=day, end=day, precision="day"),
        date_mention=None,
        perpetrator=None,
    )


@pytest.mark.parametrize(
    ("place", "best"),
    [("Odesa", 16), ("Izmail", 21), (None, 21)],
)
def test_counts_event_takes_the_share_of_its_own_place(place: str | None, best: int) -> None:
    text = "Shelling hit Izmail and Odesa; 21 people had died across the region, 16 of them in Odesa city."
    fatalities, _, spans = event_casualties(_draft(text, place))
    assert fatalities.best == best
    assert "fatalities" in spans


def test_counts_event_drops_another_places_share() -> None:
    text = "Police counted 40 dead in Alpha and 12 in two villages in Beta Town."
    fatalities, _, _ = event_casualties(_draft(text, "Alpha"))
    assert (fatalities.low, fatalities.best, fatalities.high) == (40, 40, 40)


@pytest.mark.parametrize(
    "text",
    [
        "The mayor of Alpha was abducted and killed on Tuesday.",
        "A journalist was shot and killed outside his home in Alpha.",
        "The commander was ambushed, beaten and executed near Alpha.",
    ],
)
def test_counts_event_single_victim_with_coordinated_verbs(text: str) -> None:
    fatalities, _, _ = event_casualties(_draft(text, "Alpha"))
    assert fatalities.best == 1


def test_find_figures_the_number_before_an_active_verb_is_the_killer() -> None:
    found = find_figures("A roadside bomb killed two soldiers and wounded four others on Sunday.")
    assert [(f.kind, f.value) for f in found] == [("killed", 2), ("injured", 4)]


def test_find_figures_a_named_victim_and_n_others() -> None:
    text = "The strike killed a senior commander, Ali Hassan, and six other officers on Monday."
    assert [(f.kind, f.value) for f in find_figures(text)] == [("killed", 7)]


def test_counts_the_bodies_of_a_number_of_people_are_dead() -> None:
    assert _killed("Police found the bodies of four men on the road to Tula.")[1] == 4


def test_counts_figures_for_different_victim_groups_add_up() -> None:
    text = (
        "At least 24 protesters were injured, union leaders said. "
        "Police said 12 officers were hurt when stones were thrown."
    )
    assert _injured(text) == (36, 36, 36)  # each group counted at its lowest
    assert _killed("Seven soldiers were killed. The army said 20 militants were killed.")[1] == 27


def test_counts_a_group_inside_a_figure_for_everyone_is_a_subset() -> None:
    text = "At least 30 people were injured. Police said 12 officers were hurt."
    assert _injured(text)[1] == 30
    # a larger group figure is a rival count: the conservative one stays
    assert _killed("Officials said 22 were killed. The rebels said 31 civilians died.")[1] == 22


def test_counts_a_partys_vague_count_of_enemy_dead_is_a_claim() -> None:
    text = (
        "Shelling killed at least 18 civilians, medics said. "
        "The army said it had repelled the assault and killed dozens of RSF fighters."
    )
    assert _killed(text)[1] == 18


def test_counts_low_of_several_groups_is_the_sum_of_their_lows() -> None:
    text = (
        "At least 20 soldiers were killed when insurgents ambushed a convoy. "
        "Several attackers were also killed, the sources said."
    )
    low, best, _ = _killed(text)
    assert low == best and low > 20


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a range: the lower end is best, the upper high
        ("Shelling killed between two and five civilians on Thursday.", (2, 2, 5)),
        ("Between 10 and 15 people were killed in the raid.", (10, 10, 15)),
        # "five of them" after the verb counts the dead of a group
        ("Troops ambushed a group of insurgents, killing five of them.", (5, 5, 5)),
        # "a commander and another man" is two
        ("A drone strike on a car killed a field commander and another man.", (2, 2, 2)),
    ],
)
def test_counts_ranges_partitives_and_another(text: str, expected: tuple) -> None:
    assert _killed(text) == expected


def test_counts_a_raised_toll_updates_and_an_also_killed_adds() -> None:
    text = (
        "The union initially reported two officers killed, but later raised the toll to four "
        "and said one gang member was also killed."
    )
    assert _killed(text)[1] == 5


def test_counts_deaths_told_as_why_a_toll_rose_are_in_it() -> None:
    text = (
        "An air strike killed at least 11 civilians on Tuesday. The death toll rose to 14 on "
        "Wednesday after three of the injured died, an aid worker said."
    )
    assert _killed(text)[1] == 14


def test_counts_a_force_losing_its_men_counts_them() -> None:
    text = "Troops repelled the attack, killing 17 insurgents and losing two soldiers."
    assert _killed(text)[1] == 19
