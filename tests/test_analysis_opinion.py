"""Lesson 07's opinion functions: reading periods, the before/after rule, sentences, the explorer."""

import pandas as pd
import pytest

import course_lib as cl
from course_lib import CourseError
from course_lib.analysis import opinion as op
from course_lib.widgets import opinion as widget_module


def readings(*rows):
    """rows: (label, fieldwork, value)."""
    periods = [op.reading_period(f, label) for label, f, _ in rows]
    return op._frame([r[0] for r in rows], periods, [r[2] for r in rows], ["src"] * len(rows))


@pytest.mark.parametrize("fieldwork, label, expected", [
    ("2009-10-15/2009-10-25", "2009", ("2009-10-15", "2009-10-25", "day")),
    ("2010-10", "2010", ("2010-10-01", "2010-10-31", "month")),
    ("2020-12/2021-01", "JFY2020", ("2020-12-01", "2021-01-31", "month")),
    ("2024-02", "2024", ("2024-02-01", "2024-02-29", "month")),
    ("", "2003", ("2003-01-01", "2003-12-31", "year")),
    (None, "JFY2018", ("2018-04-01", "2019-03-31", "fiscal year")),
])
def test_a_reading_is_a_period_from_its_fieldwork_or_else_its_label(fieldwork, label, expected):
    start, end, precision = op.reading_period(fieldwork, label)
    assert (f"{start:%Y-%m-%d}", f"{end:%Y-%m-%d}", precision) == expected


@pytest.mark.parametrize("fieldwork, label", [("October 2010", "2010"), ("", "spring 2010")])
def test_an_unreadable_period_is_a_clear_error(fieldwork, label):
    with pytest.raises(CourseError, match="Cannot"):
        op.reading_period(fieldwork, label)


def test_only_readings_wholly_inside_a_window_count_and_the_event_day_splits_them():
    r = readings(("a", "2007-03", 10),            # partly outside the 36-month window before: left out
                 ("b", "2008-05-01/2008-05-10", 20),
                 ("2009", "", 30),                 # a whole year before the event: counts
                 ("d", "2010-05-20/2010-06-05", 99),  # spans the event day: on neither side
                 ("e", "2010-10", 50),
                 ("f", "2013-05", 70))             # partly after the window: left out
    c = op.change_around(r, "2010-05-28", "SCC", 36)
    assert (c.n_before, c.mean_before, c.n_after, c.mean_after, c.n_spanning) == (2, 25.0, 1, 50.0, 1)
    assert c.change == 25.0
    wide = op.change_around(r, "2010-05-28", "SCC", 60)
    assert (wide.n_before, wide.n_after) == (3, 2)


def test_a_year_only_reading_counts_only_where_its_whole_year_is_on_one_side():
    r = readings(("2009", "", 70), ("2010", "", 80))
    c = op.change_around(r, "2009-11-13", "summit", 24)
    assert (c.n_before, c.n_after, c.n_spanning) == (0, 1, 1)


def test_the_window_must_be_whole_positive_months():
    with pytest.raises(CourseError, match="window"):
        op.change_around(readings(("a", "2010-10", 1)), "2010-01-01", "x", 0)


def test_the_sentence_gives_both_means_and_the_number_of_readings():
    c = op.Change("SCC returns to Henoko", pd.Timestamp("2010-05-28"), 36, 3, 75.93333, 1, 84.0, 0)
    assert op.describe_change(c, "us_public") == (
        "2010-05-28 \u00b7 SCC returns to Henoko: share who call Japan dependable, 36 months either side: "
        "mean 75.9% before (3 readings) and 84.0% after (1 reading), a change of +8.1 points.")


def test_the_sentence_says_when_no_change_can_be_computed():
    c = op.Change("Abe returns as prime minister", pd.Timestamp("2012-12-26"), 12, 2, 30.0, 0, None, 1)
    text = op.describe_change(c, "approval_kyodo")
    assert "mean before 30.0% (2 readings); no reading lies wholly inside the window after" in text
    assert text.endswith("1 reading spanning the event day left out.")
    with pytest.raises(CourseError, match="Unknown series"):
        op.describe_change(c, "gallup")


def test_real_affinity_rose_from_2009_to_2012_and_around_the_may_2010_statement():
    affinity = cl.load("opinion_affinity").set_index("survey_year")["affinity_pct"]
    assert round(float(affinity[2012] - affinity[2009]), 1) == 5.6
    r = op.affinity_readings(cl.load("opinion_affinity"))
    c = op.change_around(r, "2010-05-28", "SCC returns to Henoko", 36)
    assert (c.n_before, c.n_after) == (3, 3)
    assert round(c.mean_before, 2) == 75.93 and round(c.mean_after, 2) == 82.13


def test_every_series_reads_and_every_event_exists():
    tables = widget_module.opinion_tables()
    for key in op.SERIES:
        r = op.series_readings(key, tables["affinity"], tables["us_poll"], tables["approval"])
        assert len(r) >= 8 and r["value"].between(0, 100).all() and (r["start"] <= r["end"]).all()
        assert op.summary(r, key).startswith(op.SERIES[key])
    events = op.event_table(tables["timeline"])
    assert list(events["event_id"]) == list(op.EVENTS) and events["date"].is_monotonic_increasing
    with pytest.raises(CourseError, match="Unknown series"):
        op.series_readings("gallup", tables["affinity"], tables["us_poll"], tables["approval"])
    with pytest.raises(CourseError, match="no event"):
        op.event_table(tables["timeline"], ("no_such_event",))


def test_missing_years_are_listed_as_runs():
    assert op.missing_years([1978, 1986, 1991, 2000], 1978, 1992) == [
        y for y in range(1979, 1993) if y not in (1986, 1991)]
    assert op.year_runs([1979, 1980, 1981, 1987, 1992, 1993]) == "1979-1981, 1987, 1992-1993"


def test_the_explorer_shows_what_the_pure_functions_give():
    box = cl.opinion_explorer()
    series, events, window, text, figure = box.children[:5]
    tables = widget_module.opinion_tables()
    first, _ = widget_module.explorer_view(tables, "affinity", ("scc_futenma_2010",), 36)
    assert text.value == f"<p>{first}</p>"
    series.value = "us_leaders"
    events.value = ("obama_tokyo_2009", "tomodachi_2011")
    window.value = 24
    r = op.series_readings("us_leaders", tables["affinity"], tables["us_poll"], tables["approval"])
    chosen = op.event_table(tables["timeline"], ("obama_tokyo_2009", "tomodachi_2011"))
    for e in chosen.itertuples():
        assert op.describe_change(op.change_around(r, e.date, e.title, 24), "us_leaders") in text.value
    assert text.value.count("<p>") == 2 and "alt=" in figure.value
    events.value = ()
    assert "Choose an event" in text.value
    assert series.description == "Series" and "Ctrl-click" in events.description and "Cmd-click" in events.description
    assert window.description


def test_the_static_view_is_the_explorers_first_view():
    from course_lib.widgets import static

    view = static.static_figure("opinion_explorer")
    box = cl.opinion_explorer()
    assert box.children[3].value == f"<p>{view.text}</p>"
    assert box.children[4].value == view.figure.to_html()
    assert "+6.2 points" in view.text and "2010-05-28" in view.alt
