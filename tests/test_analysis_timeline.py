"""Lesson 01's pure functions and the widget that wraps them."""

import pandas as pd
import pytest

import course_lib as cl
from course_lib.analysis import timeline as tl
from course_lib.errors import CourseError


@pytest.fixture
def events():
    return pd.DataFrame({
        "date": pd.to_datetime(["1951-09-08", "1960-01-19", "1996-12-02", "2009-09-16", "2010-05-28"]),
        "category": pd.Categorical(["treaty", "treaty", "bases_okinawa", "politics_japan", "bases_okinawa"],
                                   categories=tl.CATEGORIES),
        "title": ["a", "b", "c", "d", "e"],
    })


def test_filter_by_era_and_category(events):
    out = tl.filter_events(events, "Drift and the DPJ years (2007-2012)", ["bases_okinawa"])
    assert list(out["title"]) == ["e"]
    assert len(tl.filter_events(events)) == 5
    assert list(tl.filter_events(events, "All years", ["treaty"])["title"]) == ["a", "b"]


def test_summary_and_alt_text(events):
    out = tl.filter_events(events, "All years", ["treaty", "bases_okinawa"])
    assert tl.summary(out, "All years") == "4 events, 1951 to 2010; most are treaty (2)."
    assert tl.summary(out.iloc[:0], "All years").startswith("No events match")
    assert tl.summary(out.iloc[:1], "All years") == "1 event, 1951 to 1951; most are treaty (1)."
    assert tl.alt_text(out, "All years").startswith("Timeline figure for All years: 4 events")


def test_bad_era_or_category_is_a_clear_error(events):
    with pytest.raises(CourseError, match="Unknown era"):
        tl.filter_events(events, "Jurassic")
    with pytest.raises(CourseError, match="Unknown categories"):
        tl.filter_events(events, "All years", ["wars"])


def test_events_per_decade(events):
    assert tl.events_per_decade(events).to_dict() == {1950: 1, 1960: 1, 1990: 1, 2000: 1, 2010: 1}


def test_eras_cover_the_timeline_without_gaps():
    spans = sorted(v for k, v in tl.ERAS.items() if k != "All years")
    assert spans[0][0] == tl.ERAS["All years"][0] and spans[-1][1] == tl.ERAS["All years"][1]
    assert all(a[1] + 1 == b[0] for a, b in zip(spans, spans[1:]))


def test_real_timeline_uses_only_known_categories():
    events = cl.load("alliance_timeline")
    assert set(events["category"].astype(str)) <= set(tl.CATEGORIES)
    assert len(tl.filter_events(events)) == len(events)


def test_widget_shows_what_the_pure_function_gives():
    widget = cl.timeline_explorer()
    era, cats, text, figure = widget.children[:4]
    events = cl.load("alliance_timeline")
    assert tl.summary(tl.filter_events(events), "All years") in text.value
    era.value = "Drift and the DPJ years (2007-2012)"
    cats.value = ("bases_okinawa",)
    expected = tl.filter_events(events, era.value, ["bases_okinawa"])
    assert tl.summary(expected, era.value) in text.value
    assert 'alt="Timeline figure for Drift and the DPJ years' in figure.value
    assert era.description and cats.description
