"""Lesson 06's pure functions (statements, stances, one pollster's approval) and the widget over them."""

import html

import pandas as pd
import pytest

import course_lib as cl
from course_lib.analysis import signals as sg
from course_lib.errors import CourseError


@pytest.fixture
def statements():
    return pd.DataFrame({
        "statement_id": ["us_20090918_a", "us_20091019_b", "us_20091021_b", "jp_20091023_c", "jp_20100523_d",
                         "us_20100201_e"],
        "date": pd.to_datetime(["2009-09-18", "2009-10-19", "2009-10-21", "2009-10-23", "2010-05-23",
                                "2010-02-01"]),
        "speaker": ["campbell_kurt", "gates_robert", "gates_robert", "okada_katsuya", "hatoyama_yukio",
                    "gregson_wallace"],
        "side": pd.Categorical(["US", "US", "US", "JP", "JP", "US"], categories=sg.SIDES),
        "setting": pd.Categorical(["public", "public", "readout", "public", "public", "public"],
                                  categories=sg.SETTINGS),
        "stance": pd.Categorical(["wait_and_see", "existing_plan_only", "existing_plan_only", "open_to_review",
                                  "existing_plan_only", "open_to_review"], categories=sg.STANCES),
    })


@pytest.fixture
def approval():
    return pd.DataFrame({
        "poll_id": ["k1", "k2", "k3", "a1", "x1"],
        "pollster": ["Kyodo News", "Kyodo News", "Kyodo News", "Asahi Shimbun", "Kyodo News"],
        "cabinet": ["hatoyama_yukio"] * 4 + ["kan_naoto"],
        "fieldwork_end": pd.to_datetime(["2009-09-17", "2009-11-29", "2010-05-30", "2009-09-17", "2010-06-09"]),
        "approve_pct": [72.0, 63.7, 19.1, 71.0, 61.5],
    })


def test_filter_by_side_stance_speaker_window_and_setting(statements):
    assert list(sg.filter_statements(statements)["statement_id"])[:2] == ["us_20090918_a", "us_20091019_b"]
    us = sg.filter_statements(statements, sides=["US"], first_month="2009-10", last_month="2009-10")
    assert list(us["statement_id"]) == ["us_20091019_b", "us_20091021_b"]
    public = sg.filter_statements(statements, sides=["US"], include_readouts=False, first_month="2009-10",
                                  last_month="2009-10")
    assert list(public["statement_id"]) == ["us_20091019_b"]
    assert list(sg.filter_statements(statements, speakers=["okada_katsuya"])["statement_id"]) == ["jp_20091023_c"]
    assert len(sg.filter_statements(statements, stances=["other"])) == 0


def test_bad_choices_are_clear_errors(statements):
    with pytest.raises(CourseError, match="Unknown sides"):
        sg.filter_statements(statements, sides=["UK"])
    with pytest.raises(CourseError, match="Unknown stances"):
        sg.filter_statements(statements, stances=["hawkish"])
    with pytest.raises(CourseError, match="YYYY-MM"):
        sg.filter_statements(statements, first_month="October")


def test_stance_counts_keep_every_side_and_stance(statements):
    counts = sg.stance_counts(statements)
    assert list(counts.index) == ["US", "JP"] and list(counts.columns) == list(sg.STANCES)
    assert counts.loc["US", "existing_plan_only"] == 2 and counts.loc["JP", "wait_and_see"] == 0
    assert int(counts.to_numpy().sum()) == len(statements)


def test_first_statement_and_days_between(statements):
    first = sg.first_statement(statements, "US", "existing_plan_only")
    assert first["statement_id"] == "us_20091019_b"
    assert sg.days_between("2009-09-16", first["date"]) == 33  # a plain difference, not inclusive
    assert sg.first_statement(statements, "JP", "other") is None
    assert sg.first_statement(statements, "US", "existing_plan_only", public_only=False)["date"] == \
        pd.Timestamp("2009-10-19")


def test_summary_counts_each_side_by_stance(statements):
    text = sg.summary(statements, "2009-09", "2010-05")
    assert text == ("6 statements in Sep 2009 to May 2010: US 4 (existing plan only 2, open to review 1, "
                    "wait and see 1); Japan 2 (open to review 1, existing plan only 1).")
    one = sg.summary(statements.iloc[:1], "2009-09", "2009-09")
    assert one == "1 statement in Sep 2009: US 1 (wait and see 1)."
    assert sg.summary(statements.iloc[:0], "2009-09", "2009-10").startswith("No statements match in Sep 2009 to")


def test_approval_is_one_pollster_at_a_time(approval):
    assert sg.pollsters(approval) == ["Kyodo News", "Asahi Shimbun"]
    series = sg.approval_series(approval, "Kyodo News")
    assert list(series["poll_id"]) == ["k1", "k2", "k3"]  # the Kan reading belongs to another cabinet
    assert set(series.columns) == {"poll_id", "date", "approve_pct"}
    with pytest.raises(CourseError, match="Pollsters with readings: Kyodo News, Asahi Shimbun"):
        sg.approval_series(approval, "Gallup")


def test_approval_clause_keeps_the_pollsters_precision(approval):
    kyodo = sg.approval_series(approval, "Kyodo News")
    assert sg.approval_clause(kyodo, "Kyodo News", "2009-09", "2010-05") == \
        "Kyodo News approval: 72.0% (17 Sep 2009) to 19.1% (30 May 2010), 3 readings."
    asahi = sg.approval_series(approval, "Asahi Shimbun")
    assert sg.approval_clause(asahi, "Asahi Shimbun", "2009-09", "2009-09") == \
        "Asahi Shimbun approval: 71% (fieldwork ending 17 Sep 2009)."
    assert sg.approval_clause(kyodo, "Kyodo News", "2010-01", "2010-02").startswith("No Kyodo News approval")


def test_explorer_sentence_joins_stances_and_approval(statements, approval):
    text = sg.explorer_sentence(statements, approval, sides=["JP"], pollster="Kyodo News")
    assert text.startswith("2 statements in Sep 2009 to May 2010: Japan 2")
    assert text.endswith("3 readings.")
    assert sg.explorer_sentence(statements, approval, first_month="2010-05", last_month="2009-09").startswith(
        "The window ends before it starts")


def test_alt_text_states_what_the_figure_shows(statements, approval):
    series = sg.approval_series(approval, "Kyodo News")
    alt = sg.alt_text(statements, series, "Kyodo News", "2009-09", "2010-05")
    assert "6 statements (US 4, Japan 2)" in alt and "most US statements existing plan only" in alt
    assert "Kyodo News approval of the Hatoyama cabinet went from 72.0% (Sep 2009) to 19.1% (May 2010)" in alt
    assert sg.alt_text(statements.iloc[:0], series.iloc[:0], "NHK", "2009-09", "2009-09").startswith(
        "No statements in the chosen window (Sep 2009)")


def test_months_labels_and_when(statements):
    assert sg.months(statements)[0] == "2009-09" and sg.months(statements)[-1] == "2010-05"
    assert len(sg.months(statements)) == 9
    assert sg.window_label("2009-10", "2009-10") == "Oct 2009"
    when = sg.when(statements, "2009-10-19")
    assert list(when[:3]) == ["before", "same day", "after"]


def test_speaker_options_name_side_and_count(statements):
    people = cl.load("people")
    options = sg.speaker_options(statements, people)
    assert options[0] == ("Kurt Campbell (US, 1)", "campbell_kurt")
    assert ("Robert Gates (US, 2)", "gates_robert") in options
    assert options[-1][1] in {"hatoyama_yukio", "okada_katsuya"}  # Japan's speakers come after the US's


# --- the real data and the widget -----------------------------------------------------------------------------

def test_real_statements_give_the_lessons_numbers():
    statements = cl.load("alliance_statements")
    launch = cl.load("prime_ministers").set_index("person_id").loc["hatoyama_yukio", "start_date"]
    first = sg.first_statement(statements, "US", "existing_plan_only")
    assert (first["statement_id"], sg.days_between(launch, first["date"])) == ("us_20091019_gates", 33)
    japan = sg.first_statement(statements, "JP", "existing_plan_only")
    assert sg.days_between(first["date"], japan["date"]) == 216


def test_widget_shows_what_the_pure_functions_give():
    from course_lib.widgets import static

    box = cl.statements_explorer()
    side, speakers, stances, window, readouts, pollster, text, figure = box.children[:8]
    first, last = window.children
    statements, approval = cl.load("alliance_statements"), cl.load("cabinet_approval")
    view = static.static_figure("statements_explorer")
    assert text.value == f"<p>{html.escape(view.text)}</p>" and figure.value == view.figure.to_html()
    side.value = "US"
    stances.value = ("existing_plan_only",)
    first.value, last.value = "2009-10", "2009-12"
    readouts.value = False
    pollster.value = "Jiji Press"
    expected = sg.explorer_sentence(statements, approval, ["US"], speakers.value, ["existing_plan_only"],
                                    "2009-10", "2009-12", False, "Jiji Press")
    assert text.value == f"<p>{html.escape(expected)}</p>"
    assert expected.startswith("4 statements in Oct 2009 to Dec 2009: US 4 (existing plan only 4)")
    assert 'alt="Dated strip of 4 statements' in figure.value
    assert all(c.description for c in (side, speakers, stances, first, last, readouts, pollster))
    assert "Ctrl-click (Cmd-click on a Mac)" in speakers.description
    assert "Ctrl-click (Cmd-click on a Mac)" in stances.description
