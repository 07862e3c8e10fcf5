"""Lesson 07's data: opinion series, cooperation items, host-nation support and SIPRI shares of GDP."""

import json
from pathlib import Path

import pandas as pd

import course_lib as cl
from course_lib import data
from course_lib.analysis import burden, opinion

ROOT = Path(__file__).resolve().parent.parent
WEAK = "No source above mirror tier was found"


def test_affinity_keeps_its_missing_years_missing_and_the_descriptor_says_so():
    years = cl.load("opinion_affinity")["survey_year"]
    assert opinion.year_runs(opinion.missing_years(years, 1978, 2025)) == "1979-1985, 1987-1990, 1992-1999"
    package = json.loads((ROOT / "data" / "datapackage.json").read_text(encoding="utf-8"))
    resource = next(r for r in package["resources"] if r["name"] == "opinion_affinity")
    assert "1979-1985, 1987-1990 and 1992-1999" in resource["description"]


def test_affinity_fieldwork_falls_in_its_survey_year_except_the_fy2015_round():
    affinity = cl.load("opinion_affinity")
    for row in affinity.dropna(subset=["fieldwork"]).itertuples():
        start, end, _ = opinion.reading_period(row.fieldwork, row.survey_year)
        expected = 2016 if row.survey_year == 2015 else row.survey_year
        assert start.year == end.year == expected, row.survey_year


def test_us_poll_has_both_groups_in_every_round_and_its_breaks_line_up():
    poll = cl.load("us_opinion_japan")
    groups = poll.groupby("round_label")["group"].apply(lambda g: sorted(g.astype(str)))
    assert all(g == ["general_public", "opinion_leaders"] for g in groups)
    assert (poll["round_label"].str[-4:].astype(int) == poll["round_year"]).all()
    five = poll["answer_scale"].astype(str) == "5-point"
    assert set(poll.loc[five, "round_year"]) == {y for y in poll["round_year"] if y >= 2020}
    online = poll["mode"].astype(str) == "online"
    assert set(poll.loc[online, "group"].astype(str)) == {"general_public"}
    assert not {2011, 2017, 2021} & set(poll["round_year"])  # rounds not found stay missing


def test_us_poll_fieldwork_lies_in_the_year_or_fiscal_year_its_label_names():
    poll = cl.load("us_opinion_japan")
    for row in poll.itertuples():
        start, end, _ = opinion.reading_period(row.fieldwork, row.round_label)
        label_start, label_end, _ = opinion.reading_period(None, row.round_label)
        assert label_start <= start <= end <= label_end, row.round_label


def test_cooperation_items_share_their_dates_with_the_timeline():
    items = cl.load("cooperation").set_index("item_id")["date"]
    events = cl.load("alliance_timeline").set_index("event_id")["date"]
    same_day = {"first_summit_2009": "first_obama_hatoyama_2009", "clean_energy_2009": "obama_tokyo_2009",
                "nuclear_security_wg_2010": "obama_kan_yokohama_2010", "tomodachi_fukushima_2011": "tomodachi_2011",
                "civil_nuclear_commission_2012": "noda_obama_2012", "green_alliance_2010": "scc_futenma_2010"}
    for item, event in same_day.items():
        assert items[item] == events[event], item
    assert items.between(pd.Timestamp("2009-09-01"), pd.Timestamp("2012-12-31")).all()


def test_cooperation_kinds_follow_the_stated_rule():
    items = cl.load("cooperation").set_index("item_id")
    kind = items["kind"].astype(str)
    assert kind.value_counts().to_dict() == {"bilateral_agreement": 10, "bilateral_meeting": 4,
                                             "multilateral_setting": 4, "joint_operation": 1}
    multilateral = set(kind[kind == "multilateral_setting"].index)
    assert multilateral == {"hatoyama_un_climate_2009", "cop15_finance_2009", "nuclear_security_summit_2010",
                            "npt_revcon_2010"}
    for item in kind[kind == "bilateral_meeting"].index:
        if item in ("nuclear_security_fact_sheet_2012", "hawaii_okinawa_taskforce_2010"):
            assert "Kind:" in items.loc[item, "note"]


def test_host_nation_support_has_one_value_a_year_per_definition_and_the_definitions_nest():
    hns = cl.load("host_nation_support")
    assert not hns.duplicated(["fiscal_year", "definition"]).any()
    wide = hns.pivot(index="fiscal_year", columns="definition", values="value_billion_yen")
    both = wide.dropna(subset=["mod_hns_total", "broad_usfj_related"])
    assert len(both) >= 2 and (both["broad_usfj_related"] > both["mod_hns_total"]).all()
    sma = wide.dropna(subset=["mod_hns_total", "sma_portion"])
    assert len(sma) >= 2 and (sma["sma_portion"] < sma["mod_hns_total"]).all()
    total = hns[hns["definition"].astype(str) == "mod_hns_total"].set_index("fiscal_year")
    assert total.loc[2022, "note"].startswith("DEFINITION CHANGE")
    assert total["value_billion_yen"].loc[2000:].between(150, 300).all()


def test_the_item_changes_in_code_match_the_cited_ministry_page():
    sources = cl.load("sources").set_index("id")
    note = sources.loc[burden.HNS_ITEMS_SOURCE, "notes"]
    assert sources.loc[burden.HNS_ITEMS_SOURCE, "tier"] == "official"
    for year in burden.HNS_ITEMS_ADDED:
        assert f"FY{year}" in note, year


def test_sipri_shares_cover_2000_to_2024_once_each_and_name_their_release():
    shares = burden.defense_share(cl.load("defense_spending"))
    assert len(shares) == 3 * 25 and not shares.duplicated(["country", "year"]).any()
    releases = shares.groupby("release")["year"].agg(["min", "max"])
    assert releases.loc["April 2021"].tolist() == [2000, 2020]
    assert releases.loc["April 2025"].tolist() == [2021, 2024]
    breaks = burden.release_breaks(shares)
    assert breaks[["last_year", "first_year"]].drop_duplicates().values.tolist() == [[2020, 2021]]


def test_the_2024_shares_round_to_the_fact_sheet_values():
    shares = burden.defense_share(cl.load("defense_spending")).set_index(["country", "year"])["share_pct"]
    assert [round(shares[(c, 2024)], 1) for c in burden.COUNTRIES] == [1.4, 3.4, 1.7]


def test_every_disputed_share_has_its_dispute_record():
    defense = cl.load("defense_spending")
    disputes = cl.load("disputes")
    records = set(disputes.loc[disputes["dataset"].astype(str) == "defense_spending", "record"])
    disputed = defense[(defense["value_status"].astype(str) == "disputed")
                       & (defense["measure"].astype(str) == "milex_share_gdp")]
    for row in disputed.itertuples():
        assert f"{row.country}|{row.year}|milex_share_gdp" in records, (row.country, row.year)


def test_lesson_07_rows_cite_a_source_above_mirror_or_say_none_was_found():
    for name in ("opinion_affinity", "us_opinion_japan", "cooperation", "host_nation_support", "defense_spending"):
        frame = cl.load(name)
        if name == "defense_spending":
            frame = frame[frame["measure"].astype(str) == "milex_share_gdp"]
        strong = data.cites_above_mirror(frame)
        weak_notes = frame.loc[~strong, "note"].astype(str)
        assert weak_notes.str.contains(WEAK).all(), (name, list(frame.loc[~strong].index))
