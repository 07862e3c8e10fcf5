"""Lesson 04's data agree with each other: the refuelling years, periods and timeline, the aid
pledge and its exchange rates, and the policy texts."""

import pandas as pd
import pytest

import course_lib as cl
from course_lib import data

FIRST, LAST = pd.Timestamp("2001-12-02"), pd.Timestamp("2010-01-15")


@pytest.fixture(scope="module")
def years():
    return cl.load("refueling_years").set_index("row_id")


@pytest.fixture(scope="module")
def mission():
    return cl.load("refueling_mission").set_index("period_id")


def test_fiscal_years_lie_in_their_fiscal_year_and_sum_to_the_august_2007_total(years):
    fiscal = years[years["row_type"].astype(str) == "fiscal_year"]
    assert list(fiscal["fiscal_year"]) == list(range(2001, 2008))
    for row in fiscal.itertuples():
        assert row.period_start >= pd.Timestamp(row.fiscal_year, 4, 1)
        assert row.period_end <= pd.Timestamp(row.fiscal_year + 1, 3, 31)
    assert fiscal["fuel_kl"].sum() == years.loc["cum_20070830", "fuel_kl"] == 484_000
    assert fiscal["fuel_cost_billion_yen"].sum() == pytest.approx(21.6)


def test_law_periods_add_up_to_the_whole_mission(years, mission):
    old, new = years.loc["law_atsml"], years.loc["law_rssml"]
    assert old["operations"] + new["operations"] == years.loc["total_to_20100115", "operations"] == 939
    assert years.loc["total_to_20091231", "operations"] == 938  # the last refuelling, 15 Jan 2010, is after it
    assert (old["operations"], old["fuel_kl"]) == (mission.loc["p1_atsml_2001_2007", "operations"],
                                                    mission.loc["p1_atsml_2001_2007", "fuel_kl"])
    assert (new["operations"], new["fuel_kl"]) == (mission.loc["p3_replenishment_2008_2010", "operations"],
                                                    mission.loc["p3_replenishment_2008_2010", "fuel_kl"])
    assert abs(old["fuel_kl"] + new["fuel_kl"] - years.loc["total_to_20100115", "fuel_kl"]) <= 10_000


def test_every_row_lies_inside_the_mission_and_checkpoints_grow(years):
    assert (years["period_start"] <= years["period_end"]).all()
    assert years["period_start"].min() == FIRST and years["period_end"].max() == LAST
    checkpoints = years[years["row_type"].astype(str) == "checkpoint"].sort_values("period_end")
    for law, rows in checkpoints.groupby("legal_basis"):
        for column in ("operations", "fuel_kl"):
            values = rows[column].dropna()
            assert values.is_monotonic_increasing, (law, column)
    assert years.loc["total_to_20091231", "fuel_cost_billion_yen"] < years.loc["total_to_20091231",
                                                                                 "mission_cost_billion_yen"]


def test_periods_meet_day_to_day_and_match_the_timeline(mission):
    ordered = mission.sort_values("period_start")
    one_day = pd.Timedelta(days=1)
    assert (ordered["period_start"].iloc[1:].to_numpy() == (ordered["period_end"].iloc[:-1] + one_day).to_numpy()).all()
    events = cl.load("alliance_timeline").set_index("event_id")
    assert events.loc["refuelling_begins_2001", "date"] == mission.loc["p1_atsml_2001_2007", "period_start"] == FIRST
    assert events.loc["refuelling_suspended_2007", "date"] == mission.loc["p1_atsml_2001_2007", "period_end"]
    law, restart = events.loc["replenishment_law_2008", "date"], events.loc["refuelling_resumed_2008", "date"]
    assert law < mission.loc["p3_replenishment_2008_2010", "period_start"] < restart
    assert events.loc["refuelling_ends_2010", "date"] == mission["period_end"].max() == LAST
    assert events.loc["afghan_aid_pledge_2009", "date"] == pd.Timestamp("2009-11-10")


def test_the_resolved_entry_into_force_dispute_matches_the_data(mission):
    disputes = cl.load("disputes")
    row = disputes[(disputes["record"] == "p2_suspension_2007_2008") & (disputes["field"] == "period_end")]
    assert len(row) == 1 and row.iloc[0]["chosen_value"] == "2008-01-15"
    assert mission.loc["p2_suspension_2007_2008", "period_end"] == pd.Timestamp("2008-01-15")
    retired = disputes[(disputes["record"] == "p3_replenishment_2008_2010") & (disputes["field"] == "fuel_kl")]
    assert list(retired["chosen_value"]) == ["27005"]


def test_aid_pledge_rates_and_conversions_agree():
    aid = cl.load("afghanistan_support").set_index("item_id")
    assert (aid.loc["pledge_20091110", "amount"], aid.loc["pledge_20091110", "period_years"]) == (5000, 5)
    rates = aid[aid["item_type"].astype(str) == "exchange_rate"]
    assert (rates["unit"].astype(str) == "JPY per USD").all() and rates["amount"].between(80, 120).all()
    for item in aid[aid["item_type"].astype(str) == "reported_conversion"].itertuples():
        implied = item.amount * 1000 / aid.loc["pledge_20091110", "amount"]
        assert rates["amount"].min() * 0.97 <= implied <= rates["amount"].max() * 1.03, item.Index
    disbursed = aid[(aid["item_type"].astype(str) == "cumulative_disbursed") & (aid.index != "implemented_to_201012")]
    assert disbursed.sort_values("date")["amount"].is_monotonic_increasing
    assert aid.loc["implemented_to_201012", "amount"] <= aid.loc["pledge_20091110", "amount"]
    assert aid["date"].between(pd.Timestamp("2006-01-01"), pd.Timestamp("2010-12-31")).all()
    assert (aid.loc[aid["date_precision"].astype(str) == "year", "date"].dt.strftime("%m-%d") == "01-01").all()


def test_policy_texts_are_short_translated_and_dated_in_the_hatoyama_years():
    texts = cl.load("policy_texts")
    phrases = texts.dropna(subset=["short_phrase"])
    assert (phrases["short_phrase"].str.split().str.len() <= 25).all()
    assert (phrases["short_phrase"].str.len() <= 120).all()
    japanese = phrases[phrases["language"].astype(str) == "ja"]
    assert japanese["translation"].notna().all()
    assert texts["paraphrase"].str.len().gt(20).all()
    assert texts["date"].between(pd.Timestamp("2009-07-01"), pd.Timestamp("2010-06-30")).all()
    needed = {"dpj_manifesto_2009_equal", "coalition_agreement_equal", "hatoyama_speech_20091026"}
    assert needed <= set(texts["text_id"])


def test_lesson_04_rows_cite_a_source_above_mirror_where_one_was_found():
    for name in ("refueling_years", "afghanistan_support", "refueling_mission"):
        frame = cl.load(name)
        weak = frame[~data.cites_above_mirror(frame)]
        assert weak["note"].str.contains("blog|single source|Single source|copy|compil", regex=True).all(), \
            (name, list(weak.iloc[:, 0]))
