"""Lesson 04's figures: the mission over time and the pledge against the mission."""

import course_lib as cl
from course_lib import plots
from course_lib.analysis import refuelling as rf


def test_fuel_timeline_draws_periods_marks_and_the_lapse():
    rates = rf.fuel_rate(cl.load("refueling_years"))
    shown = plots.fuel_timeline(rates, [("2008-01-11", "override"), ("2009-09-16", "cabinet", "left")],
                                ("2007-11-02", "2008-01-15"), alt=rf.fuel_rate_sentence(rates))
    assert shown.png.startswith(b"\x89PNG") and shown.alt.startswith("Fuel supplied per 30 days peaked")


def test_aid_versus_mission_bars():
    table = rf.pledge_vs_mission(cl.load("afghanistan_support"), cl.load("refueling_years"), "fx_20091106")
    shown = plots.aid_vs_mission(table, alt=rf.pledge_sentence(table))
    assert shown.png.startswith(b"\x89PNG") and "18.4 times" in shown.alt
