"""Lesson 03's arithmetic: the lines of a chamber, a coalition's seats in both houses, the verdict in
words, and the coalition explorer that shows them."""

import pandas as pd
import pytest

import course_lib as cl
from course_lib.analysis import government as gov
from course_lib.errors import CourseError

AUG_2009 = gov.DEFAULT_SITUATION
JUL_2007 = next(name for name in gov.SITUATIONS if name.startswith("July 2007"))


def toy(lower: dict, upper: dict, lower_total=10, upper_total=6) -> pd.DataFrame:
    rows = [("lower house", p, s, lower_total) for p, s in lower.items()]
    rows += [("upper house", p, s, upper_total) for p, s in upper.items()]
    return pd.DataFrame(rows, columns=["chamber", "party", "seats", "total_seats"])


@pytest.fixture(scope="module")
def real():
    tables = cl.load("hr_elections"), cl.load("hc_elections"), cl.load("chamber_strength")
    return {name: gov.chamber_seats(*tables, name) for name in gov.SITUATIONS}


def test_lines_are_more_than_half_and_two_thirds_rounded_up():
    assert gov.lines(480) == {"majority": 241, "two_thirds": 320}
    assert gov.lines(242) == {"majority": 122, "two_thirds": 162}
    assert gov.lines(511) == {"majority": 256, "two_thirds": 341}
    assert gov.lines(3) == {"majority": 2, "two_thirds": 2}
    with pytest.raises(CourseError, match="at least one seat"):
        gov.lines(0)


def test_coalition_sums_seats_per_chamber_and_measures_the_distance_to_each_line():
    seats = toy({"A": 5, "B": 3, "C": 2}, {"A": 2, "B": 1, "D": 3})
    out = gov.coalition(seats, ["A", "B"]).set_index("chamber")
    assert out.loc["lower house", "seats"] == 8 and out.loc["upper house", "seats"] == 3
    assert out.loc["lower house", "majority_line"] == 6 and out.loc["lower house", "two_thirds_line"] == 7
    assert out.loc["lower house", "above_two_thirds"] == 1 and out.loc["upper house", "above_majority"] == -1
    # a party absent from one chamber counts 0 there; naming a party twice counts it once
    assert gov.coalition(seats, ["D", "D"]).set_index("chamber").loc["lower house", "seats"] == 0
    with pytest.raises(CourseError, match="No seats in these data for Z"):
        gov.coalition(seats, ["A", "Z"])


@pytest.mark.parametrize("lower, upper, expected", [
    ({"A": 8}, {"A": 4}, "A majority in both houses, and two-thirds of the lower house as well."),
    ({"A": 6}, {"A": 4}, "A majority in both houses; 1 seat short of two-thirds of the lower house."),
    ({"A": 7}, {"A": 2}, "A majority in the lower house only, 2 seats short of an upper-house majority; "
                         "with two-thirds of the lower house it can override the upper house on bills."),
    ({"A": 6}, {"A": 3}, "A majority in the lower house only, 1 seat short of an upper-house majority, "
                         "and 1 seat short of the two-thirds needed to override the upper house."),
    ({"A": 4}, {"A": 5}, "A majority in the upper house only, 2 seats short of a lower-house majority."),
    ({"A": 1}, {"A": 0}, "No majority in either house: 5 seats short in the lower house and 4 seats short "
                         "in the upper house."),
])
def test_the_verdict_names_what_the_seats_allow(lower, upper, expected):
    seats = toy({**lower, "Z": 10 - sum(lower.values())}, {**upper, "Z": 6 - sum(upper.values())})
    result = gov.coalition(seats, ["A"])
    sentence = gov.verdict(result, ["A"])
    assert sentence.endswith(expected), sentence
    assert sentence.startswith(f"A: {lower['A']} of 10 lower-house seats and {upper['A']} of 6 upper-house seats.")
    assert expected in gov.alt_text(result, ["A"])


def test_an_empty_selection_asks_for_a_party():
    seats = toy({"A": 5}, {"A": 3})
    result = gov.coalition(seats, [])
    assert list(result["seats"]) == [0, 0]
    assert gov.verdict(result, []).startswith("Pick at least one party")
    assert "no party picked" in gov.alt_text(result, [])


def test_real_seats_add_up_to_each_chamber(real):
    for name, seats in real.items():
        totals = seats.groupby("chamber")["seats"].sum()
        assert totals["lower house"] == 480, name
        assert set(seats["total_seats"]) == {480, 242}
    assert real[JUL_2007].groupby("chamber")["seats"].sum()["upper house"] == 242
    assert real[AUG_2009].groupby("chamber")["seats"].sum()["upper house"] == 240  # two vacancies


def test_the_numbers_the_lesson_teaches(real):
    def both(name, parties):
        return list(gov.coalition(real[name], parties)["seats"])

    assert both(AUG_2009, ["DPJ"]) == [308, 109]
    assert both(AUG_2009, ["DPJ", "SDP", "PNP"]) == [318, 119]
    assert both(AUG_2009, ["DPJ", "SDP", "PNP", "Shinryokufukai"]) == [318, 122]
    assert both(JUL_2007, ["LDP", "Komeito"]) == [327, 103]
    assert both(JUL_2007, ["DPJ", "SDP", "PNP"]) == [124, 117]
    three = gov.coalition(real[AUG_2009], ["DPJ", "SDP", "PNP"])
    assert gov.verdict(three, ["DPJ", "SDP", "PNP"]) == (
        "DPJ + SDP + PNP: 318 of 480 lower-house seats and 119 of 242 upper-house seats. A majority in the "
        "lower house only, 3 seats short of an upper-house majority, and 2 seats short of the two-thirds "
        "needed to override the upper house.")
    assert "can override the upper house" in gov.verdict(gov.coalition(real[JUL_2007], ["LDP", "Komeito"]),
                                                         ["LDP", "Komeito"])


def test_party_options_put_big_parties_first_and_groupings_last(real):
    options = gov.party_options(real[AUG_2009])
    assert options[:2] == ["DPJ", "LDP"] and options[-1] == "IND"
    assert {"Shinryokufukai", "Kaikaku Club"} <= set(options)
    assert "Shinryokufukai" not in gov.party_options(real[JUL_2007])


def test_the_parties_in_government_come_first():
    coalitions = cl.load("coalitions")
    assert gov.governing(coalitions, "2009-08-31") == ["LDP", "Komeito"]
    assert gov.governing(coalitions, "2009-09-16") == ["DPJ", "SDP", "PNP"]
    assert gov.governing(coalitions, "1990-01-01") == []  # the dataset starts in August 1993
    seats = toy({"A": 5, "B": 3, "IND": 2}, {"A": 2, "B": 1, "C": 3})
    assert gov.party_options(seats) == ["A", "B", "C", "IND"]
    assert gov.party_options(seats, first=["C", "Z", "B"]) == ["C", "B", "A", "IND"]


def test_unknown_situation_is_a_clear_error(real):
    with pytest.raises(CourseError, match="Unknown situation"):
        gov.chamber_seats(cl.load("hr_elections"), cl.load("hc_elections"), cl.load("chamber_strength"), "1993")


def test_widget_shows_what_the_pure_functions_give(real):
    from course_lib.widgets import static

    widget = cl.coalition_explorer()
    moment, picked, text, figure = widget.children[:4]
    assert moment.value == AUG_2009 and picked.value == gov.DEFAULT_PARTIES
    assert moment.description == "Moment" and "Ctrl-click (Cmd-click on a Mac)" in picked.description
    assert [code for _, code in picked.options][:3] == ["LDP", "Komeito", "DPJ"]  # the government of the day first
    first = gov.coalition(real[AUG_2009], ["DPJ"])
    assert text.value == f"<p>{gov.verdict(first, ['DPJ'])}</p>"
    view = static.static_figure("coalition_explorer")
    assert view.text == gov.verdict(first, ["DPJ"]) and figure.value == view.figure.to_html()

    before = [code for _, code in picked.options]
    picked.value = ("DPJ", "SDP", "PNP", "Shinryokufukai")
    four = gov.coalition(real[AUG_2009], picked.value)
    assert gov.verdict(four, picked.value) in text.value and "A majority in both houses" in text.value
    assert f'alt="{gov.alt_text(four, picked.value)}' in figure.value.replace("&#x27;", "'")

    moment.value = JUL_2007  # the list stays; the picked parties without seats then are named
    assert picked.value == ("DPJ", "SDP", "PNP", "Shinryokufukai")
    three = gov.coalition(real[JUL_2007], ["DPJ", "SDP", "PNP"])
    assert text.value == (f"<p>{gov.verdict(three, ['DPJ', 'SDP', 'PNP'])} "
                          "Shinryokufukai had no seats at this moment.</p>")
    assert [code for _, code in picked.options] == before


def test_absent_parties_are_named_in_one_sentence(real):
    assert gov.absent(real[AUG_2009], ["DPJ", "SDP"]) == ""
    assert gov.absent(real[JUL_2007], ["DPJ", "YP"]) == "YP had no seats at this moment."
    assert gov.absent(real[JUL_2007], ["YP", "DPJ", "Shinryokufukai", "Kaikaku Club"]) == \
        "YP, Shinryokufukai and Kaikaku Club had no seats at this moment."
