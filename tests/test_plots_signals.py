"""Lesson 06's statement strip: fixed period, named points when few, one pollster's line, alt text required."""

import pandas as pd
import pytest

import course_lib as cl
from course_lib import plots
from course_lib.analysis import signals as sg
from course_lib.plots import signals as ps


@pytest.fixture(scope="module")
def data():
    statements, approval = cl.load("alliance_statements"), cl.load("cabinet_approval")
    return statements, sg.approval_series(approval, "Kyodo News")


def test_strip_renders_with_window_launch_and_mark(data):
    statements, series = data
    selected = sg.filter_statements(statements, sides=["US"], first_month="2009-10", last_month="2009-11")
    shown = plots.statement_strip(selected, series, "Kyodo News", "US statements in October and November 2009",
                                  sg.STANCE_LABELS, window=("2009-10-01", "2009-11-30"), launch="2009-09-16",
                                  mark=("2009-10-19", "first public 'no alternatives'"))
    assert shown.png.startswith(b"\x89PNG") and "October and November" in shown.alt


def test_strip_draws_an_empty_selection_and_an_empty_series(data):
    statements, series = data
    shown = plots.statement_strip(statements.iloc[:0], series.iloc[:0], "NHK", "Nothing chosen", sg.STANCE_LABELS)
    assert shown.png.startswith(b"\x89PNG")


def test_strip_refuses_a_figure_without_alt_text(data):
    statements, series = data
    with pytest.raises(ValueError, match="alt text"):
        plots.statement_strip(statements, series, "Kyodo News", " ", sg.STANCE_LABELS)


def test_every_stance_has_a_distinct_colour_and_marker_and_the_period_is_fixed():
    styles = list(ps.STANCE_STYLE.values())
    assert set(ps.STANCE_STYLE) == set(sg.STANCES)
    assert len({c for c, _ in styles}) == len(styles) and len({m for _, m in styles}) == len(styles)
    assert ps.PERIOD == (pd.Timestamp("2009-09-01"), pd.Timestamp("2010-06-30"))
    assert [name for _, name in ps.LANES] == ["Japan", "US"]  # drawn bottom to top: the US lane is on top
