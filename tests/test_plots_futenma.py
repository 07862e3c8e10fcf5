"""Lesson 05's figures render with their alt text and draw only what the data place."""

import pandas as pd
import pytest

import course_lib as cl
from course_lib.analysis import futenma as fu
from course_lib.plots import futenma as figures


def test_decimal_year():
    assert figures.decimal_year("2000-01-01") == 2000
    assert figures.decimal_year("2010-05-28") == pytest.approx(2010.4, abs=0.01)


def test_plans_timeline_shows_every_option_and_marks_a_period():
    plans = fu.plans_by_year(cl.load("futenma_plans"))
    events = cl.load("alliance_timeline").set_index("event_id")
    events = events.loc[["saco_final_1996", "basic_plan_2002"]].reset_index()
    shown = figures.plans_timeline(plans, events, alt="All options on one axis",
                                   mark=("2009-09-16", "2010-06-08", "Hatoyama cabinet"))
    assert shown.png.startswith(b"\x89PNG") and shown.alt == "All options on one axis"


def test_map_draws_only_sourced_points_and_names_the_two_bases(monkeypatch):
    layout = fu.map_layout(cl.load("us_facilities"))
    drawn = []
    from matplotlib.axes import Axes

    real = Axes.scatter

    def spy(self, x, y, *args, **kwargs):
        drawn.extend(zip(list(x), list(y)))
        return real(self, x, y, *args, **kwargs)

    monkeypatch.setattr(Axes, "scatter", spy)
    shown = figures.okinawa_map(layout["main"], layout["inset"], cl.load("okinawa_outline"), alt="A map")
    assert shown.png.startswith(b"\x89PNG")
    placed = pd.concat([layout["main"], layout["inset"]])
    points = {(round(float(x), 3), round(float(y), 3)) for x, y in drawn}
    assert points == {(round(float(x), 3), round(float(y), 3)) for x, y in zip(placed["longitude"], placed["latitude"])}


def test_burden_and_ranking_figures_render():
    shares = pd.DataFrame({"label": ["land", "bases"], "value_pct": [0.6, 70.3]})
    assert figures.burden_shares(shares, alt="Two bars").png.startswith(b"\x89PNG")
    ranked = fu.rank_changes(cl.load("futenma_scores"), dict(fu.equal_weights(), cost=4))
    assert figures.ranking(ranked, fu.alt_text(ranked)).alt.startswith("Bar chart of 10 Futenma options")
