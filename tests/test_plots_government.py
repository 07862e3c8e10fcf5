"""Lesson 03's figures render with their alt text, from the shapes the lesson hands them."""

import pandas as pd
import pytest

import course_lib as cl
from course_lib.analysis import government as gov
from course_lib.plots import government as figures


def is_png(shown) -> bool:
    return shown.png.startswith(b"\x89PNG")


def test_seat_change_draws_two_elections_with_an_optional_line():
    table = pd.DataFrame({"party": ["DPJ", "LDP", "YP"], "2005": [113, 296, 0], "2009": [308, 119, 5]})
    shown = figures.seat_change(table, "2005", "2009", alt="The DPJ rose from 113 to 308 seats.",
                                line=(241, "majority line: 241 of 480"))
    assert is_png(shown) and shown.alt == "The DPJ rose from 113 to 308 seats."
    assert is_png(figures.seat_change(table, "2005", "2009", alt="Without the majority line drawn."))
    with pytest.raises(ValueError, match="alt text"):
        figures.seat_change(table, "2005", "2009", alt=" ")


def test_largest_party_share_marks_the_elections_under_discussion():
    summary = pd.DataFrame({"election_date": pd.to_datetime(["1990-02-18", "1993-07-18", "2009-08-30"]),
                            "party": ["LDP", "LDP", "DPJ"], "seat_share": [53.7, 43.6, 64.2]})
    shown = figures.largest_party_share(summary, alt="The LDP was largest except in 2009.",
                                        marks={1993: "1993", 2009: "2009", 1950: "not in the data"})
    assert is_png(shown)


def test_coalition_bars_take_the_analysis_result():
    tables = cl.load("hr_elections"), cl.load("hc_elections"), cl.load("chamber_strength")
    result = gov.coalition(gov.chamber_seats(*tables), ["DPJ", "SDP", "PNP"])
    shown = figures.coalition_bars(result, "DPJ + SDP + PNP", gov.alt_text(result, ["DPJ", "SDP", "PNP"]))
    assert is_png(shown) and "318 of 480" in shown.alt
    empty = gov.coalition(gov.chamber_seats(*tables), [])
    assert is_png(figures.coalition_bars(empty, "No party", gov.alt_text(empty, [])))


def test_approval_lines_draw_one_line_per_pollster():
    approval = cl.load("cabinet_approval")
    hatoyama = approval[approval["cabinet"] == "hatoyama_yukio"]
    shown = figures.approval_lines(hatoyama, alt="Every series falls.", mark=("2010-01-19", "anniversary"))
    assert is_png(shown)
    one = hatoyama[hatoyama["pollster"] == "Kyodo News"]
    assert is_png(figures.approval_lines(one, alt="One pollster's series only."))
