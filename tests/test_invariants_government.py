"""Facts lesson 03's data must keep: every general election since 1958 adds up, parties existed when
they won seats, vote shares match the elections, the Diet's strength adds up, and the Hatoyama
readings and events sit inside his tenure."""

import pandas as pd
import pytest

import course_lib as cl

# Chamber sizes by election, as the sources state them (hr_elections.total_seats).
SIZES = {1958: 467, 1960: 467, 1963: 467, 1967: 486, 1969: 486, 1972: 491, 1976: 511, 1979: 511, 1980: 511,
         1983: 511, 1986: 512, 1990: 512, 1993: 511, 1996: 500, 2000: 480, 2003: 480, 2005: 480, 2009: 480,
         2012: 480, 2014: 475, 2017: 465, 2021: 465, 2024: 465, 2026: 465}


@pytest.fixture(scope="module")
def hr():
    return cl.load("hr_elections")


def test_every_general_election_from_the_28th_to_the_51st_is_there_once(hr):
    numbers = hr.groupby("election_date")["election_number"].agg(["nunique", "first"])
    assert (numbers["nunique"] == 1).all()
    assert list(numbers["first"]) == list(range(28, 52))
    sizes = hr.groupby(hr["election_date"].dt.year)["total_seats"].first().astype(int)
    assert sizes.to_dict() == SIZES


def test_seats_add_up_in_every_election_and_tier(hr):
    for date, group in hr.groupby("election_date"):
        assert group["seats"].sum() == int(group["total_seats"].astype(int).iloc[0]), date
    old = hr[hr["election_date"] < "1996-01-01"]
    assert (old["seats_district"] == old["seats"]).all() and old["seats_pr"].isna().all()
    new = hr[hr["election_date"] >= "1996-01-01"]
    tiers = new.groupby("election_date")[["seats_district", "seats_pr"]].sum()
    assert set(map(tuple, tiers.to_numpy().tolist())) == {(300, 200), (300, 180), (295, 180), (289, 176)}


def test_the_numbers_lesson_03_quotes(hr):
    seats = hr.set_index([hr["election_date"].dt.year, hr["party"].astype(str)])["seats"]
    assert seats[(1993, "LDP")] == 223 and seats[(1958, "LDP")] == 287
    assert seats[(2009, "DPJ")] - seats[(2005, "DPJ")] == 195
    assert seats[(2009, "LDP")] - seats[(2005, "LDP")] == -177


def test_every_party_existed_on_polling_day(hr):
    parties = cl.load("parties").set_index("code")
    for row in hr.itertuples():
        party = parties.loc[str(row.party)]
        if party["kind"] == "pseudo":
            continue
        assert party["founded"] <= row.election_date, (row.election_date, row.party)
        assert pd.isna(party["dissolved"]) or party["dissolved"] > row.election_date, (row.election_date, row.party)
    assert set(parties.loc[["CGP", "NLC", "SDF"], "kind"].astype(str)) == {"party"}


def test_the_1993_94_coalitions_use_the_komeito_of_their_day():
    coalitions = cl.load("coalitions").set_index("coalition_id")
    for name in ("hosokawa_nonldp8", "hata_minority"):
        codes = coalitions.loc[name, "parties"].split(";")
        assert "CGP" in codes and "Komeito" not in codes


def test_vote_shares_are_those_of_seat_winning_parties_and_add_up(hr):
    pr = hr.dropna(subset=["pr_vote_pct"])
    assert set(pr["election_date"].dt.year) == {2005, 2009}
    assert pr.groupby("election_date")["pr_vote_pct"].sum().between(95, 100).all()
    district = cl.load("hr_district_vote")
    keys = set(zip(hr["election_date"], hr["party"].astype(str)))
    assert set(zip(district["election_date"], district["party"].astype(str))) <= keys
    assert district.groupby("election_date")["district_vote_pct"].sum().between(80, 100).all()
    shares = district.set_index([district["election_date"].dt.year, district["party"].astype(str)])["district_vote_pct"]
    assert (shares[(2005, "DPJ")], shares[(2009, "DPJ")]) == (36.44, 47.43)


def test_chamber_strength_adds_up_and_names_known_groups():
    strength = cl.load("chamber_strength")
    codes = set(cl.load("parties")["code"].astype(str))
    for group in strength["group"].astype(str):
        assert group in {"total", "Shinryokufukai", "Kaikaku Club"} or set(group.split("+")) <= codes, group
    upper = strength[(strength["as_of"] == "2009-08-31") & (strength["chamber"].astype(str) == "HC")]
    assert upper["seats"].sum() == upper["total_seats"].iloc[0] == 240
    assert (strength["seats"] <= strength["total_seats"]).all()
    hc = cl.load("hc_elections")
    size = strength[(strength["group"].astype(str) == "total") & (strength["chamber"].astype(str) == "HC")]
    assert set(size["seats"]) == set(hc["total_seats"].astype(int)) == {242}
    held_2007 = hc[hc["election_date"] == "2007-07-29"]["seats_held"]
    assert held_2007.sum() == 242


def test_hatoyama_readings_and_events_fall_inside_his_tenure():
    pms = cl.load("prime_ministers").set_index("person_id")
    start, end = pms.loc["hatoyama_yukio", "start_date"], pms.loc["hatoyama_yukio", "end_date"]
    polls = cl.load("cabinet_approval")
    mine = polls[polls["cabinet"].astype(str) == "hatoyama_yukio"]
    assert mine["fieldwork_end"].between(start, end).all()
    assert (mine["fieldwork_start"].dropna() <= mine.loc[mine["fieldwork_start"].notna(), "fieldwork_end"]).all()
    per = mine.groupby(["pollster", "reading"], observed=True).size()
    assert per.loc[:, "launch"].max() == 1 and per.loc[:, "final"].max() == 1
    assert len(mine[mine["pollster"].astype(str) == "Kyodo News"]) == 10
    events = cl.load("alliance_timeline").set_index("event_id")
    reform = ["vice_ministers_meeting_abolished_2009", "national_strategy_office_2009", "revitalization_unit_2009",
              "supplementary_budget_review_2009", "supplementary_budget_halt_2009", "budget_screening_2009"]
    assert events.loc[reform, "date"].between(start, end).all()
    assert events.loc["coalition_agreement_2009", "date"] < start
