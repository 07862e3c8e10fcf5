"""Lesson 08's scorecard functions: the two scales, what is revealed when, the sentence, the memo outline."""

import json
from pathlib import Path

import pandas as pd
import pytest

import course_lib as cl
from course_lib.analysis import scorecard as sc
from course_lib.verdicts import RATINGS

ROOT = Path(__file__).resolve().parent.parent

ASSESSMENTS = pd.DataFrame({
    "claim_id": ["P7.5", "P2.1b", "P3.1"],
    "assessment": ["mixed", "borne out", "mixed"],
    "reasoning": ["Short-run damage, no lasting damage.", "The process was hard.", "Partly his doing."],
    "evidence": ["opinion_affinity:2011;alliance_timeline:scc_2011", "alliance_timeline:scc_2011",
                 "alliance_timeline:hatoyama_resigns_2010"],
})
CLAIMS = pd.DataFrame({
    "claim_id": ["P2.1a", "P2.1b", "P3.1", "P7.5"],
    "kind": pd.Categorical(["factual", "predictive", "interpretive", "predictive"]),
    "claim": ["They hope to announce.", "It will be hard.", "Hatoyama is responsible.", "Futenma could hurt."],
})


def test_the_student_scale_maps_step_by_step_onto_the_course_scale():
    assert tuple(sc.SCALE) == RATINGS
    package = json.loads((ROOT / "data" / "datapackage.json").read_text(encoding="utf-8"))
    fields = next(r for r in package["resources"] if r["name"] == "claim_assessments")["schema"]["fields"]
    enum = next(f for f in fields if f["name"] == "assessment")["constraints"]["enum"]
    assert list(sc.SCALE.values()) == enum


def test_claims_come_in_reading_order():
    assert sorted(["P2.10", "P7.5", "P2.1b", "P2.1a", "P2.9"], key=sc.claim_order) == \
        ["P2.1a", "P2.1b", "P2.9", "P2.10", "P7.5"]
    rows = sc.claims_to_rate(ASSESSMENTS, CLAIMS)
    assert list(rows["claim_id"]) == ["P2.1b", "P3.1", "P7.5"]
    assert list(rows["kind"]) == ["predictive", "interpretive", "predictive"]
    assert sc.option_label("P2.1b", "predictive") == "P2.1b · predictive"


@pytest.mark.parametrize("rating, evidence, problem", [
    (None, "alliance_timeline: scc_2011 row", "Choose a rating first"),
    ("true", "alliance_timeline: scc_2011 row", "Choose a rating first"),
    ("mixed", "", "Cite your evidence first"),
    ("mixed", "scc_2011", "Cite your evidence first"),
    ("mixed", "row scc_2011 of alliance_timeline", None),
])
def test_a_rating_needs_a_step_and_cited_evidence(rating, evidence, problem):
    found = sc.entry_problem(rating, evidence)
    assert (found is None) if problem is None else found.startswith(problem)


def test_nothing_of_the_course_is_shown_before_the_student_rates():
    card = sc.scorecard(ASSESSMENTS, CLAIMS, {})
    assert list(card.columns) == sc.CARD_COLUMNS
    assert card["assessment"].isna().all() and not card["rated_here"].any()
    assert sc.summary(card) == ("You have rated 0 of 3 claims in this lesson. Rate a claim and cite your evidence "
                                "to see the course's assessment of it.")
    assert "none rated yet" in sc.alt_text(card)
    assert sc.reveal_text(ASSESSMENTS, "P7.5", None).startswith("Rate this claim and cite your evidence")


def test_a_verdict_from_lesson_04_is_a_starting_point_not_a_rating_here():
    saved = {"P3.1": {"rating": "supported", "evidence": "policy rows", "lesson": "04"}}
    card = sc.scorecard(ASSESSMENTS, CLAIMS, saved).set_index("claim_id")
    assert card.loc["P3.1", "rating"] == "supported" and not card.loc["P3.1", "rated_here"]
    assert pd.isna(card.loc["P3.1", "assessment"])
    text = sc.reveal_text(ASSESSMENTS, "P3.1", saved["P3.1"])
    assert "lesson 04 (supported)" in text and "Partly his doing" not in text


def test_a_rating_saved_here_reveals_the_assessment_and_says_whether_the_steps_agree():
    saved = {"P7.5": {"rating": "supported", "evidence": "coalition broke, May 2010", "lesson": "08"},
             "P2.1b": {"rating": "supported", "evidence": "the 2+2 came in June 2011", "lesson": "08"}}
    card = sc.scorecard(ASSESSMENTS, CLAIMS, saved).set_index("claim_id")
    assert card.loc["P7.5", "assessment"] == "mixed" and card.loc["P7.5", "agrees"] is False
    assert card.loc["P2.1b", "on_course_scale"] == "borne out" and card.loc["P2.1b", "agrees"] is True
    assert sc.summary(card.reset_index()) == ("You have rated 2 of 3 claims in this lesson; you agree with the "
                                              "course's assessment on 1 (P2.1b); you differ on 1 (P7.5).")
    assert "the same step for 1 of them" in sc.alt_text(card.reset_index())
    text = sc.reveal_text(ASSESSMENTS, "P7.5", saved["P7.5"])
    assert text.startswith("The course's assessment: mixed. Your rating, supported, is 'borne out'")
    assert "a different step" in text and "Short-run damage" in text
    assert "opinion_affinity: 2011, alliance_timeline: scc_2011" in text


def test_evidence_keys_are_split_into_dataset_and_row():
    assert sc.evidence_items("alliance_timeline:scc_2011; prime_ministers:kan_naoto|2010-06-08;;bad") == \
        [("alliance_timeline", "scc_2011"), ("prime_ministers", "kan_naoto|2010-06-08")]


def test_the_memo_outline_gathers_ratings_earlier_verdicts_and_answers():
    saved = {"P7.5": {"rating": "mixed", "evidence": "opinion_affinity 2011-2024", "lesson": "08"},
             "P3.1": {"rating": "supported", "evidence": "", "lesson": "04"}}
    card = sc.scorecard(ASSESSMENTS, CLAIMS, saved)
    answers = {"01.D1": "The anniversary marked the signing. " * 20, "08.D5": "my old plan", "02.D1": "  "}
    prompts = {"01.D1": {"title": "Choosing a date to celebrate"}}
    text = sc.memo_outline(answers=answers, prompts=prompts, card=card, claims=CLAIMS, skip=("08.D5",),
                           today="2026-12-01")
    assert text.startswith("CAPSTONE MEMO: MY PLAN (outline made 2026-12-01")
    assert "P7.5 (predictive): I rated it mixed; the course: mixed. My evidence: opinion_affinity 2011-2024" in text
    assert "Claim: Futenma could hurt." in text
    assert "P3.1 (interpretive): my lesson 04 verdict was supported (not yet rated in lesson 08)" in text
    assert "01.D1 Choosing a date to celebrate: The anniversary" in text and text.count("...") >= 1
    assert "my old plan" not in text and "02.D1" not in text
    empty = sc.memo_outline(answers={}, prompts={}, card=sc.scorecard(ASSESSMENTS, CLAIMS, {}), claims=CLAIMS)
    assert "[none yet: rate the claims" in empty and "[none yet: your answers" in empty


def test_the_real_assessments_fit_the_scorecard():
    card = sc.scorecard(cl.load("claim_assessments"), cl.essay_map(), {})
    assert len(card) == len(cl.load("claim_assessments"))
    assert set(card["kind"]) <= {"predictive", "interpretive"}
    assert card["claim_id"].tolist() == sorted(card["claim_id"], key=sc.claim_order)
