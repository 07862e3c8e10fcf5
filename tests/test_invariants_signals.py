"""Facts that must hold in lesson 06's datasets: alliance_statements and cable_reports."""

import pandas as pd
import pytest

import course_lib as cl
from course_lib import data
from course_lib.analysis import signals as sg


@pytest.fixture(scope="module")
def statements():
    return cl.load("alliance_statements")


@pytest.fixture(scope="module")
def cables():
    return cl.load("cable_reports")


@pytest.fixture(scope="module")
def people():
    return cl.load("people").set_index("person_id")


def test_both_sides_have_at_least_ten_statements_and_every_month_has_one(statements):
    counts = statements["side"].astype(str).value_counts()
    assert counts["US"] >= 10 and counts["JP"] >= 10
    months = set(statements["date"].dt.to_period("M").astype(str))
    assert {str(p) for p in pd.period_range("2009-09", "2010-05", freq="M")} <= months


def test_statements_fall_inside_the_hatoyama_cabinet(statements):
    pms = cl.load("prime_ministers").set_index("person_id")
    start, end = pms.loc["hatoyama_yukio", ["start_date", "end_date"]]
    assert statements["date"].min() >= start and statements["date"].max() <= end


def test_ids_carry_side_and_date(statements):
    for row in statements.itertuples():
        side, day = row.statement_id.split("_")[:2]
        assert side == str(row.side).lower() and day == f"{row.date:%Y%m%d}", row.statement_id


def test_speakers_resolve_and_each_speaks_for_his_or_her_country(statements, people):
    assert set(statements["speaker"]) <= set(people.index)
    for row in statements.itertuples():
        assert people.loc[row.speaker, "country"] == row.side, row.statement_id


def test_every_stance_is_a_judgement_whose_note_gives_its_code(statements):
    assert (statements["value_status"].astype(str) == "judgement").all()
    for row in statements.itertuples():
        assert f"Code {row.stance}" in row.note, row.statement_id


def test_quotations_are_short(statements, cables):
    for text in pd.concat([statements["short_quote"], cables["short_quote"]]).dropna():
        assert len(text.split()) <= 25, text


def test_readouts_say_so(statements):
    readouts = statements[statements["setting"].astype(str) == "readout"]
    assert len(readouts) >= 3
    assert readouts["note"].str.contains("closed meeting").all()


def test_rows_without_a_source_above_mirror_say_what_they_rest_on(statements, cables):
    for frame, key in ((statements, "statement_id"), (cables, "report_id")):
        strong = data.cites_above_mirror(frame)
        for row in frame[~strong].itertuples():
            assert any(w in row.note for w in ("blog", "mirror", "repost", "reprint", "WEAK")), getattr(row, key)


def test_the_summons_is_kept_from_both_sides(statements):
    ids = set(statements["statement_id"])
    assert {"us_20091222_crowley", "jp_20091221_fujisaki"} <= ids
    disputes = cl.load("disputes")
    summons = disputes[disputes["dataset"].astype(str) == "alliance_statements"]
    assert any(set(r.split(";")) == {"us_20091222_crowley", "jp_20091221_fujisaki"} for r in summons["record"])


def test_lesson_numbers_hold(statements):
    """The numbers lesson 06 teaches (its exercises' keys depend on them)."""
    launch = cl.load("prime_ministers").set_index("person_id").loc["hatoyama_yukio", "start_date"]
    first = sg.first_statement(statements, "US", "existing_plan_only")
    assert sg.days_between(launch, first["date"]) == 33
    us_public = sg.filter_statements(statements, sides=["US"], include_readouts=False)
    after = us_public[us_public["date"] > first["date"]]
    assert (len(after), int((after["stance"].astype(str) != "existing_plan_only").sum())) == (16, 12)
    japan = sg.first_statement(statements, "JP", "existing_plan_only")
    assert sg.days_between(first["date"], japan["date"]) == 216


def test_cable_officials_resolve_and_are_japanese(cables, people):
    named = cables["japanese_official"].dropna()
    assert set(named) <= set(people.index)
    assert (people.loc[list(named), "country"] == "JP").all()


def test_cable_dates_are_consistent(cables):
    both = cables.dropna(subset=["meeting_date", "cable_date"])
    assert (both["meeting_date"] <= both["cable_date"]).all()
    assert cables["cable_date"].dropna().dt.year.eq(2009).all()
    assert (cables["publication_date"].dropna() >= pd.Timestamp("2011-05-04")).all()  # WikiLeaks' Japan release
    month = cables[cables["meeting_date_precision"].astype(str) == "month"]
    assert (month["meeting_date"].dt.day == 1).all()


def test_cables_bear_on_real_claims_and_weak_rows_are_flagged(cables):
    claims = set(cl.load("essay_map")["claim_id"])
    for cell in cables["bears_on"].dropna():
        assert set(cell.split(";")) <= claims, cell
    blog = cables[cables["read_as"].astype(str) == "blog reading"]
    assert len(blog) >= 2 and blog["note"].str.startswith("WEAK").all()
    assert (cables["value_status"].astype(str) == "reported").all()
