"""Lesson 07's opinion figure: points, gaps kept as gaps, events with their means, alt text."""

import course_lib as cl
from course_lib.analysis import opinion as op
from course_lib.plots import AltFigure
from course_lib.plots import opinion as plots_opinion


def test_series_figure_with_period_and_breaks():
    readings = op.affinity_readings(cl.load("opinion_affinity"))
    shown = plots_opinion.opinion_series(readings, "Affinity", "% who feel affinity", "Affinity rose after 2009",
                                         mark=("2009-09-16", "2012-12-26", "DPJ governments"),
                                         breaks=[("2016-10-27", "age 18+"), ("2020-10-01", "mail")])
    assert isinstance(shown, AltFigure) and shown.png.startswith(b"\x89PNG")
    assert shown.alt == "Affinity rose after 2009"


def test_series_figure_with_events_and_window():
    tables = {"approval": cl.load("cabinet_approval"), "timeline": cl.load("alliance_timeline")}
    readings = op.approval_readings(tables["approval"], "Kyodo News")
    events = op.event_table(tables["timeline"], ("futenma_deadline_2009", "abe_returns_2012"))
    changes = op.changes(readings, events, 12)
    assert changes["mean_after"].isna().iloc[-1]  # no Kyodo reading after 2012 in the data: drawn without it
    shown = plots_opinion.opinion_series(readings, "Approval", "% approve", "Approval fell", changes=changes,
                                         months=12, window=("2008-06-01", "2013-12-31"))
    assert shown.png.startswith(b"\x89PNG")


def test_gaps_of_more_than_a_year_are_not_bridged():
    assert plots_opinion.GAP_DAYS > 366 and plots_opinion.GAP_DAYS < 2 * 365
