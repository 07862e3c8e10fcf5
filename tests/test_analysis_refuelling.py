"""Lesson 04's computations on the refuelling mission and the aid pledged in its place."""

import pandas as pd
import pytest

import course_lib as cl
from course_lib.analysis import refuelling as rf
from course_lib.errors import CourseError


@pytest.fixture(scope="module")
def years():
    return cl.load("refueling_years")


@pytest.fixture(scope="module")
def aid():
    return cl.load("afghanistan_support")


def test_fuel_rate_puts_fiscal_years_and_the_2008_law_side_by_side(years):
    rates = rf.fuel_rate(years)
    assert list(rates["label"]) == ["FY2001", "FY2002", "FY2003", "FY2004", "FY2005", "FY2006",
                                    "FY2007 (part)", "2008 law (Jan 2008 - Jan 2010)"]
    first = rates.iloc[0]
    assert first["days"] == 120 and first["kl_per_30_days"] == 29750  # 2 Dec 2001 - 31 Mar 2002
    assert rates.loc[rates["partial"], "label"].tolist() == ["FY2007 (part)"]
    assert rates["fuel_kl"].iloc[:-1].sum() == 484_000
    assert rates.iloc[-1]["kl_per_30_days"] == round(27005 / 730 * 30)
    assert rf.fuel_rate_sentence(rates) == ("Fuel supplied per 30 days peaked in FY2001 at 29,750 kL and was 1,110 kL "
                                            "under the 2008 law (Jan 2008 - Jan 2010), 4% of the peak.")


def test_fuel_rate_on_a_small_frame():
    frame = pd.DataFrame({
        "row_id": ["fy2001", "fy2002_partial", "law_rssml", "total"],
        "row_type": ["fiscal_year", "fiscal_year", "law_period", "whole_mission"],
        "fiscal_year": [2001, 2002, None, None],
        "period_start": pd.to_datetime(["2001-04-01", "2002-04-01", "2008-01-01", "2001-04-01"]),
        "period_end": pd.to_datetime(["2001-04-30", "2002-04-10", "2008-01-30", "2008-01-30"]),
        "legal_basis": ["old", "old", "Law No. 1 of 2008", "both"],
        "fuel_kl": [300, 100, 30, 430],
    })
    rates = rf.fuel_rate(frame)
    assert list(rates["kl_per_30_days"]) == [300, 300, 30]
    assert list(rates["partial"]) == [False, True, False]


def test_the_pledge_against_the_mission(years, aid):
    assert rf.pledge_in_yen(aid, "fx_20091106") == pytest.approx(449.3)
    assert rf.pledge_in_yen(aid, "fx_2009_dac_implied") == pytest.approx(467.0)
    table = rf.pledge_vs_mission(aid, years, "fx_20091106")
    assert list(table["billion_yen"]) == [449.3, 24.4, 71.5]
    assert list(table["pledge_multiple"]) == [1.0, 18.41, 6.28]
    sentence = rf.pledge_sentence(table)
    assert "18.4 times the value of the fuel" in sentence and "6.3 times the mission's whole cost" in sentence
    with pytest.raises(CourseError, match="not an exchange-rate row"):
        rf.pledge_in_yen(aid, "pledge_20091110")


def test_breaks_count_the_days_without_a_law_and_without_refuelling(years):
    gaps = rf.breaks(cl.load("refueling_mission"), years, cl.load("alliance_timeline"))
    assert gaps == {"days_without_law": 75, "days_without_refuelling": 115}


def test_totals_and_values(years):
    table = rf.totals(years)
    assert set(table["row_id"]) == {"law_atsml", "law_rssml", "total_to_20091231", "total_to_20100115"}
    assert rf.value(years, "row_id", "total_to_20100115", "operations") == 939
    with pytest.raises(CourseError, match="has no value"):
        rf.value(years, "row_id", "law_atsml", "mission_cost_billion_yen")
    assert set(rf.MEANINGS) == {"burden", "voice", "autonomy"}
