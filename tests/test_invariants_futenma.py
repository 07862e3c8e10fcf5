"""Lesson 05's data: coordinates inside Okinawa Prefecture, positive areas, the computed share consistent with
base_burden, votes and personnel that add up, and keys that resolve to other datasets."""

import pandas as pd
import pytest

import course_lib as cl
from course_lib.analysis import futenma as fu


@pytest.fixture(scope="module")
def okinawa():
    facilities = cl.load("us_facilities")
    return facilities[facilities["prefecture"] == "Okinawa"]


def test_all_31_okinawa_facilities_have_a_positive_area(okinawa):
    assert len(okinawa) == 31 and okinawa["facility"].is_unique
    assert okinawa["area_km2"].notna().all() and (okinawa["area_km2"] > 0).all()
    assert okinawa["exclusive_use"].all()


def test_okinawa_coordinates_lie_inside_the_prefectures_bounding_box(okinawa):
    placed = okinawa.dropna(subset=["latitude", "longitude"])
    assert len(placed) >= 20
    assert fu.inside(placed, fu.OKINAWA_BOX).all(), list(placed.loc[~fu.inside(placed, fu.OKINAWA_BOX), "facility"])
    assert okinawa["latitude"].isna().eq(okinawa["longitude"].isna()).all()  # a point has both or neither
    for name in ("Futenma Air Station", "Camp Schwab"):  # the map labels both
        assert name in set(placed["facility"])


def test_outline_lies_inside_the_prefecture():
    outline = cl.load("okinawa_outline")
    assert fu.inside(outline, fu.OKINAWA_BOX).all()


def test_the_computed_share_matches_the_published_share(okinawa):
    totals = cl.load("exclusive_area_totals")
    burden = cl.load("base_burden")
    on_2020 = totals[totals["as_of"] == "2020-01-01"].set_index("scope")
    published = burden.query("year == 2020 and measure == 'okinawa_share_exclusive_area'")["value_pct"].iloc[0]
    share = on_2020.loc["okinawa", "area_km2"] / on_2020.loc["japan", "area_km2"] * 100
    assert share == pytest.approx(published, abs=0.005)
    assert okinawa["area_km2"].sum() / on_2020.loc["japan", "area_km2"] * 100 == pytest.approx(published, abs=0.1)
    assert on_2020.loc["okinawa", "facilities"] == len(okinawa)
    parts = on_2020.loc[["okinawa", "outside_okinawa"]]
    assert parts["area_km2"].sum() == pytest.approx(on_2020.loc["japan", "area_km2"], abs=0.001)
    assert parts["facilities"].sum() == on_2020.loc["japan", "facilities"]


def test_every_published_share_agrees_with_its_areas_and_with_base_burden():
    totals = cl.load("exclusive_area_totals")
    burden = cl.load("base_burden").query("measure == 'okinawa_share_exclusive_area'").set_index("year")["value_pct"]
    for as_of, rows in totals.groupby("as_of"):
        rows = rows.set_index("scope")
        if {"japan", "okinawa"} <= set(rows.index) and pd.notna(rows.loc["okinawa", "published_share_pct"]):
            share = rows.loc["okinawa", "area_km2"] / rows.loc["japan", "area_km2"] * 100
            assert share == pytest.approx(rows.loc["okinawa", "published_share_pct"], abs=0.01), as_of
    for row in totals.dropna(subset=["published_share_pct"]).itertuples():
        if row.as_of.year in burden.index and row.date_precision == "day":
            assert burden[row.as_of.year] == pytest.approx(row.published_share_pct, abs=0.05), row.as_of


def test_land_share_is_derived_correctly():
    row = cl.load("base_burden").query("year == 2022 and measure == 'okinawa_share_land_area'").iloc[0]
    assert row["value_pct"] == pytest.approx(2282.15 / 377973.26 * 100, abs=0.0001)
    assert row["value_status"] == "derived"


def test_vote_counts_add_up():
    votes = cl.load("okinawa_votes")
    assert (votes["valid_share_pct"].dropna().between(0, 100)).all()
    for vote_id, rows in votes.groupby("vote_id"):
        valid = rows["votes"].sum()
        shares = rows["votes"] / valid * 100
        assert (shares - rows["valid_share_pct"]).abs().max() < 0.06, vote_id
        if rows["ballots_cast"].notna().all():
            assert (rows["ballots_cast"] >= valid).all(), vote_id
        if rows["electorate"].notna().all():
            turnout = rows["ballots_cast"].iloc[0] / rows["electorate"].iloc[0] * 100
            assert turnout == pytest.approx(rows["turnout_pct"].iloc[0], abs=0.01), vote_id
    dates = cl.load("alliance_timeline").set_index("event_id")["date"]
    assert votes.loc[votes["vote_id"] == "nago_referendum_1997", "date"].iloc[0] == dates["nago_referendum_1997"]
    assert votes.loc[votes["vote_id"] == "nago_mayor_2010", "date"].iloc[0] == dates["nago_mayor_2010"]


def test_places_have_positive_counts_and_the_ginowan_area_holds_futenma(okinawa):
    places = cl.load("okinawa_places").set_index("place_id")
    assert (places["population"] > 0).all() and (places["area_km2"].dropna() > 0).all()
    futenma = okinawa.set_index("facility").loc["Futenma Air Station", "area_km2"]
    assert futenma < places.loc["ginowan_2010", "area_km2"]
    assert places.loc["ginowan_2010", "population"] < places.loc["okinawa_pref_2010", "population"]


def test_estimates_and_scores_refer_to_real_options():
    options = set(cl.load("futenma_plans")["option_id"])
    assert set(cl.load("futenma_plan_estimates")["option_id"]) <= options
    scores = cl.load("futenma_scores")
    assert set(scores["option_id"]) <= options


def test_the_scores_are_a_complete_documented_judgement():
    scores = cl.load("futenma_scores")
    matrix = fu.score_matrix(scores)
    assert set(matrix.columns) == set(fu.CRITERIA) and matrix.notna().all().all()
    assert (scores["value_status"] == "judgement").all()
    assert scores["note"].str.len().gt(40).all() and scores["source_id"].notna().all()
    assert set(fu.OPTION_LABELS) == set(scores["option_id"])
    required = {"vshape_runways_2006", "kadena_integration_2009", "guam_sdp_2010", "outside_okinawa_2009", "status_quo"}
    assert required <= set(scores["option_id"])


def test_okinawa_personnel_by_service_adds_up():
    personnel = cl.load("usfj_personnel")
    sept_2008 = personnel[(personnel["as_of"] == "2008-09-30") & (personnel["location"] == "Okinawa")
                          & personnel["population"].str.startswith("US military in Okinawa")]
    total = sept_2008.loc[sept_2008["service"] == "Total", "personnel"].iloc[0]
    assert sept_2008.loc[sept_2008["service"] != "Total", "personnel"].sum() == total == 21277


def test_the_corrected_and_new_futenma_dates():
    events = cl.load("alliance_timeline").set_index("event_id")
    assert events.loc["henoko_cabinet_decision_1999", "date"] == pd.Timestamp("1999-12-28")
    assert events.loc["nago_accepts_1999", "date"] == pd.Timestamp("1999-12-27")
    assert events.loc["nago_referendum_1997", "date"] == pd.Timestamp("1997-12-21")
    assert "henoko_reestimate_2019" not in events.index  # lesson 08 adds this event as henoko_schedule_2019
