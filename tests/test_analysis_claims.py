"""The claim explorer's pure functions (lesson 04; lesson 08's scorecard reuses them)."""

import pandas as pd
import pytest

import course_lib as cl
from course_lib.analysis import claims as cc
from course_lib.data import list_datasets
from course_lib.errors import CourseError


@pytest.fixture(scope="module")
def essay_map():
    return cl.load("essay_map")


def test_claims_filter_by_paragraph_and_kind_in_essay_order(essay_map):
    assert list(cc.claims(essay_map, 4)["claim_id"]) == [f"P4.{i}" for i in range(1, 10)]
    assert list(cc.claims(essay_map, "P4", "factual")["claim_id"]) == ["P4.3", "P4.7"]
    assert list(cc.claims(essay_map, "2")["claim_id"])[:3] == ["P2.1a", "P2.1b", "P2.2"]
    assert len(cc.claims(essay_map)) == len(essay_map)
    assert cc.claims(essay_map, 6, "normative").empty


def test_claims_refuse_unknown_paragraphs_and_kinds_in_words(essay_map):
    with pytest.raises(CourseError, match="Paragraphs are 1-8"):
        cc.claims(essay_map, 9)
    with pytest.raises(CourseError, match="Unknown kind 'opinion'"):
        cc.claims(essay_map, 4, "opinion")
    with pytest.raises(CourseError, match="no claim 'P9.9'"):
        cc.claim_card(essay_map, "P9.9")


def test_every_evidence_dataset_is_a_course_dataset(essay_map):
    names = set(list_datasets()["name"])
    table = cc.evidence_table(essay_map)
    assert set(table["dataset"]) <= names
    assert cc.evidence_datasets(essay_map, "P4.9")[:2] == ("afghanistan_support", "refueling_years")
    assert "policy_texts" in cc.evidence_datasets(essay_map, "P4.2")


def test_kind_counts_and_the_factual_claims_of_p2_to_p4(essay_map):
    counts = cc.kind_counts(essay_map, [2, 3, 4])
    assert list(counts.columns) == [*cc.KINDS, "total"]
    assert counts.loc["P4", "total"] == 9 and counts["factual"].sum() == 7
    assert (counts[list(cc.KINDS)].sum(axis=1) == counts["total"]).all()
    factual = cc.evidence_table(essay_map, ["P2", "P3", "P4"], ["factual"])
    assert sorted(set(factual.loc[factual["dataset"] == "prime_ministers", "claim_id"])) == ["P2.2", "P2.5"]


def test_claim_card_holds_everything_the_explorer_shows(essay_map):
    card = cc.claim_card(essay_map, "P4.9")
    assert card.kind == "interpretive" and card.paragraph == 4 and card.quote == "meaningful or tangible"
    assert "5 billion" in card.fact_check and card.question
    assert card.what_evidence_can_do.startswith("Interpretive")
    assert cc.claim_card(essay_map, "P4.5").quote == "anything but the LDP"
    assert cc.claim_card(essay_map, "P2.2").quote is None
    for kind in cc.KINDS:
        assert cc.WHAT_EVIDENCE_CAN_DO[kind].lower().startswith(kind)


def test_sentences(essay_map):
    card = cc.claim_card(essay_map, "P4.2")
    sentence = cc.claim_sentence(card, "policy_texts")
    assert sentence.startswith("P4.2 (interpretive): 3 datasets bear on it (policy_texts, glossary")
    assert sentence.endswith("chart: policy_texts.")
    assert cc.verdict_line("P4.2", None) == "No verdict on P4.2 saved yet."
    saved = {"rating": "mixed", "evidence": "policy_texts rows", "lesson": "04"}
    assert cc.verdict_line("P4.2", saved) == "Saved verdict on P4.2: mixed (lesson 04). Evidence: policy_texts rows"
    label = cc.claim_label(cc.claims(essay_map, 4).iloc[0])
    assert label.startswith("P4.1 · interpretive · ") and len(label) < 100


@pytest.mark.parametrize("name", list(list_datasets()["name"]))
def test_every_dataset_has_a_one_chart_summary(name):
    summary = cc.evidence_summary(name, cl.load(name), "P4.6")
    assert len(summary.labels) == len(summary.values) == len(summary.marked)
    assert summary.sentence.startswith(f"{name}: ") and summary.unit and summary.title
    assert list(summary.table.columns) == ["label", "value", "marked"]


def test_tailored_summaries_state_their_finding():
    years = cc.evidence_summary("refueling_years", cl.load("refueling_years"), "P4.7")
    assert years.labels[0] == "FY2001" and years.values[0] == 29750 and years.marked[-1] and sum(years.marked) == 1
    aid = cc.evidence_summary("afghanistan_support", cl.load("afghanistan_support"), "P4.9")
    assert "2.5 times the US$2 bn" in aid.sentence and aid.values[aid.marked.index(True)] == 5000
    mission = cc.evidence_summary("refueling_mission", cl.load("refueling_mission"))
    assert mission.values == (794.0, 0.0, 145.0)
    timeline = cc.evidence_summary("alliance_timeline", cl.load("alliance_timeline"), "P4.7")
    assert timeline.unit == "events tagged P4" and timeline.marked[timeline.labels.index("2009")]


def test_generic_summaries_work_for_a_dataset_added_later():
    dated = pd.DataFrame({"date": pd.to_datetime(["2008-05-01", "2009-10-01", "2009-12-01", "2011-01-01"])})
    by_year = cc.evidence_summary("new_statements", dated, "P6.1")
    assert by_year.labels == ("2008", "2009", "2010", "2011") and by_year.values == (1, 2, 0, 1)
    assert by_year.marked == (False, True, True, False) and "2 in 2009-2010" in by_year.sentence
    tagged = pd.DataFrame({"paragraphs": ["P4", "P4;P5", "P6"]})
    assert cc.evidence_summary("terms", tagged, "P4.2").values[3] == 2
    coded = pd.DataFrame({"stance": ["a", "b", "a"], "note": ["x", "y", "z"]})
    assert cc.evidence_summary("codes", coded).labels == ("a", "b")
    assert cc.evidence_summary("plain", pd.DataFrame({"x": [1.0, 2.0]})).values == (2.0,)
