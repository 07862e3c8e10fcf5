"""Lesson 08's data: the course's assessments of the essay's claims, US personnel in Japan with its
counting break, and the timeline rows after 2010 that the lesson and lesson 05 rely on."""

import json
from pathlib import Path

import pandas as pd
import pytest

import course_lib as cl

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = json.loads((ROOT / "data" / "datapackage.json").read_text(encoding="utf-8"))
KEYS = {r["name"]: r["schema"].get("primaryKey") for r in PACKAGE["resources"]}
DMDC = "active duty incl. afloat (DMDC by Service/Agency by State/Country)"
OLD = "active duty"


@pytest.fixture(scope="module")
def assessments():
    return cl.load("claim_assessments")


def _key_text(value) -> str:
    if isinstance(value, pd.Timestamp):
        return f"{value:%Y-%m-%d}"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def test_every_predictive_claim_is_assessed_and_only_predictive_or_interpretive_ones(assessments):
    claims = cl.load("essay_map").set_index("claim_id")
    assert set(assessments["claim_id"]) <= set(claims.index)
    predictive = set(claims.index[claims["kind"].astype(str) == "predictive"])
    assert predictive <= set(assessments["claim_id"])
    kinds = set(claims.loc[assessments["claim_id"], "kind"].astype(str))
    assert kinds <= {"predictive", "interpretive"}
    assert (assessments["value_status"].astype(str) == "judgement").all()
    assert (assessments["as_of"] == cl.as_of()).all()
    assert assessments["reasoning"].str.split().str.len().ge(25).all()


def test_every_evidence_key_names_an_existing_row(assessments):
    checked = 0
    for row in assessments.itertuples():
        for item in row.evidence.split(";"):
            dataset, _, key = item.partition(":")
            frame = cl.load(dataset)
            columns = KEYS[dataset]
            parts = key.split("|")
            assert len(parts) == len(columns), item
            keys = set(zip(*(frame[c].map(_key_text) for c in columns)))
            assert tuple(parts) in keys, f"{row.claim_id}: {item} is not a row of {dataset}"
            checked += 1
    assert checked >= 50


def test_the_facts_the_reasoning_states_still_hold():
    """The reasoning column states a few numbers; if lesson 07's refresh of a series changes them,
    this fails so that the reasoning is revised with the data."""
    affinity = cl.load("opinion_affinity").set_index("survey_year")["affinity_pct"]
    base = affinity[2010]
    after = affinity[affinity.index > 2010]
    assert affinity[2010] > affinity[2009]                                   # P2.6
    assert sorted(after[after < base].index) == [2017, 2018, 2019, 2025]     # P7.1
    assert (after.loc[2011:2016] >= 82).all() and (after.loc[2020:2024] >= 82).all()  # P7.5
    pms = cl.load("prime_ministers").set_index("person_id")
    days = pms.loc[["hatoyama_yukio", "kan_naoto", "noda_yoshihiko"], "tenure_days_official"]
    assert (days.min(), days.max()) == (266, 482)                            # P2.3
    hr = cl.load("hr_elections")
    seats = hr[hr["election_date"] == "2012-12-16"].set_index("party")["seats"]
    assert (seats["LDP"], seats["DPJ"]) == (294, 57)                         # P3.5


def test_assessments_use_the_four_point_scale_of_the_scorecard(assessments):
    from course_lib.analysis import scorecard
    from course_lib.verdicts import RATINGS

    assert set(assessments["assessment"].astype(str)) <= set(scorecard.SCALE.values())
    assert tuple(scorecard.SCALE) == RATINGS


def test_the_counting_break_in_us_personnel_is_in_the_data():
    personnel = cl.load("usfj_personnel")
    japan = personnel[personnel["location"] == "Japan"]
    dmdc = japan[japan["population"] == DMDC].pivot(index="as_of", columns="service", values="personnel")
    years = sorted(dmdc.index.year)
    assert years == list(range(2008, 2026))
    assert (dmdc.index.month == 9).all()
    old = japan[japan["population"] == OLD].pivot(index="as_of", columns="service", values="personnel")
    sep2007, sep2008 = old.loc["2007-09-30"], dmdc.loc["2008-09-30"]
    assert sep2008["Navy"] - sep2007["Navy"] > 10_000          # the afloat Navy enters the count
    assert sep2008["Total"] - sep2007["Total"] < sep2008["Navy"] - sep2007["Navy"]
    dec2010 = japan[(japan["as_of"] == "2010-12-31") & (japan["service"] == "Total")]
    assert len(dec2010) == 1 and "older country report" in dec2010["population"].iloc[0]
    assert dmdc.loc["2010-09-30", "Total"] - dec2010["personnel"].iloc[0] > 10_000


def test_the_personnel_dispute_names_a_real_row():
    disputes = cl.load("disputes")
    mine = disputes[disputes["dataset"] == "usfj_personnel"]
    assert len(mine) >= 1
    personnel = cl.load("usfj_personnel")
    keys = {f"{d:%Y-%m-%d}|{s}|{loc}|{p}" for d, s, loc, p in
            zip(personnel["as_of"], personnel["service"], personnel["location"], personnel["population"])}
    assert set(mine["record"]) <= keys


def test_timeline_rows_after_2010_that_lessons_rely_on():
    events = cl.load("alliance_timeline").set_index("event_id")
    # lesson 05 refers to henoko_schedule_2019: keep its id
    assert events.loc["henoko_schedule_2019", "date"] == pd.Timestamp("2019-12-25")
    assert events.loc["henoko_landfill_starts_2018", "date"] == pd.Timestamp("2018-12-14")
    assert events.loc["usfj_jfhq_2024", "date"] == pd.Timestamp("2024-07-28")
    assert "matsumoto_takeaki" in events.loc["scc_2011", "person_ids"].split(";")
    assert "panetta_leon" in events.loc["scc_2012", "person_ids"].split(";")
    assert "P2" in str(events.loc["obama_kan_yokohama_2010", "essay_paragraphs"])
    may2010 = ["scc_futenma_2010", "sdp_leaves_coalition_2010", "hatoyama_resigns_2010", "kan_cabinet_2010"]
    assert list(events.loc[may2010, "date"]) == sorted(events.loc[may2010, "date"])
