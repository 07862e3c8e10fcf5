"""Lesson 02's data: the summits dataset, the 2002-2008 timeline rows and the Asahi 2007 series agree
with each other, with the leaders' tenures and with the ordinal counts the sources give."""

import pandas as pd
import pytest

import course_lib as cl

FORMAL = {"formal bilateral", "bilateral with working meal"}


@pytest.fixture(scope="module")
def summits():
    return cl.load("summits")


@pytest.fixture(scope="module")
def pms():
    return cl.load("prime_ministers")


def _in_office(leaders, person_id, day):
    rows = leaders[leaders["person_id"] == person_id]
    finish = rows["end_date"].fillna(cl.as_of())
    return bool(((rows["start_date"] <= day) & (finish >= day)).any())


def test_ids_follow_the_local_date_and_dates_lie_in_the_coverage(summits):
    assert (summits["summit_id"] == "s" + summits["date"].dt.strftime("%Y_%m%d")).all()
    assert summits["date"].between("2001-01-01", "2010-12-31").all()
    assert summits["date"].is_monotonic_increasing


def test_both_leaders_were_in_office_on_the_day_of_every_meeting(summits, pms):
    presidents = cl.load("us_presidents")
    for row in summits.itertuples():
        assert _in_office(pms, str(row.japan_leader), row.date), row.summit_id
        assert _in_office(presidents, str(row.us_leader), row.date), row.summit_id


def test_only_bilateral_meetings_count_as_summits(summits):
    formal = summits["format"].astype(str).isin(FORMAL)
    assert (summits["counts_as_summit"] == formal).all()
    assert summits["duration_min"].dropna().between(5, 180).all()


def test_counts_agree_with_the_ordinal_statements_of_the_sources(summits):
    """See the dataset's provenance: each count was checked against a page that numbers the meetings."""
    formal = summits[summits["counts_as_summit"]].reset_index(drop=True)
    pair = formal["japan_leader"].astype(str) + "-" + formal["us_leader"].astype(str)

    def nth(summit_id):
        row = formal.index[formal["summit_id"] == summit_id][0]
        return int((pair[: row + 1] == pair[row]).sum())

    assert (pair == "koizumi_junichiro-bush_george_w").sum() == 13  # Nikkei's total
    assert nth("s2002_0218") == 4 and nth("s2002_0625") == 5 and nth("s2003_0523") == 7
    assert nth("s2008_1122") == 1  # Lima: the first Aso-Bush meeting (Kyodo)
    assert nth("s2010_1113") == 3  # Yokohama: the third Kan-Obama meeting (Nikkei)
    abe_2007 = formal[(pair == "abe_shinzo-bush_george_w") & (formal["date"].dt.year == 2007)]
    assert abe_2007["date"].le("2007-06-06").sum() == 2  # Heiligendamm: the second in person of 2007
    between = formal["date"].between("2004-11-21", "2005-11-15")
    assert not between.any()  # Kyoto 2005 was the first meeting since Santiago 2004


def test_weak_and_disputed_rows_say_so(summits):
    single = summits["second_source_id"].isna()
    assert summits.loc[single, "note"].str.contains("single source").all()
    disputes = cl.load("disputes")
    disputed = set(summits.loc[summits["value_status"] == "disputed", "summit_id"])
    assert disputed <= set(disputes.loc[disputes["dataset"] == "summits", "record"])
    assert set(disputes.loc[disputes["dataset"] == "summits", "record"]) <= set(summits["summit_id"])


def test_the_timeline_agrees_with_summits_elections_and_tenures(summits, pms):
    events = cl.load("alliance_timeline").set_index("event_id")
    by_id = summits.set_index("summit_id")
    assert events.loc["koizumi_bush_statement_2006", "date"] == by_id.loc["s2006_0629", "date"]
    assert events.loc["first_obama_hatoyama_2009", "date"] == by_id.loc["s2009_0923", "date"]
    assert events.loc["first_obama_hatoyama_2009", "source_id"] == by_id.loc["s2009_0923", "source_id"]
    hc_dates = set(cl.load("hc_elections")["election_date"])
    assert events.loc["upper_house_election_2007", "date"] in hc_dates
    # a resignation is announced inside the tenure, before its last day
    for event, person in (("abe_resigns_2007", "abe_shinzo"), ("fukuda_resigns_2008", "fukuda_yasuo")):
        tenure = pms[(pms["person_id"] == person) & (pms["start_date"] <= events.loc[event, "date"])].iloc[-1]
        assert tenure["start_date"] < events.loc[event, "date"] < tenure["end_date"], event
    scc = events[events.index.str.startswith("scc_")]
    assert {"scc_2002", "scc_2007"} <= set(scc.index)
    assert (events.loc[["pac3_iruma_2007", "scc_2007", "sm3_kongo_2007"], "category"] == "cooperation").all()


def test_the_asahi_series_lies_inside_each_cabinet_and_adds_up(pms):
    polls = cl.load("cabinet_approval")
    asahi = polls[polls["pollster"] == "Asahi Shimbun"]
    assert len(asahi[asahi["poll_id"].str.startswith("asahi_2007")]) >= 6
    for row in asahi.itertuples():
        assert _in_office(pms, str(row.cabinet), row.fieldwork_end), row.poll_id
        assert pd.isna(row.fieldwork_start) or row.fieldwork_start <= row.fieldwork_end
        assert pd.isna(row.disapprove_pct) or row.approve_pct + row.disapprove_pct <= 100, row.poll_id
