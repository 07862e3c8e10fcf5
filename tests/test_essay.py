"""Quotation limits and the essay helpers."""

import pytest

import course_lib as cl
from course_lib import essay
from course_lib.errors import CourseError


def test_each_quote_is_25_words_or_fewer_and_150_in_all():
    quotes = cl.load("essay_map")["short_quote"].dropna()
    assert len(quotes) > 0
    for q in quotes:
        assert essay.word_count(q) <= essay.MAX_WORDS_EACH, q
    assert sum(essay.word_count(q) for q in quotes) <= essay.MAX_WORDS_TOTAL


def test_every_paragraph_has_claims_and_kinds_are_known():
    claims = cl.essay_map()
    assert set(claims["paragraph"]) == set(range(1, 9))
    assert set(claims["kind"].astype(str)) <= {"factual", "interpretive", "normative", "predictive"}
    assert claims["claim_id"].str.match(r"^P[1-8]\.\d+[a-z]?$").all()  # a split claim keeps its number (P2.1a)
    assert (claims["claim_id"].str[1].astype(int) == claims["paragraph"]).all()


def test_evidence_names_shipped_datasets():
    names = set(cl.list_datasets()["name"])
    for evidence in cl.essay_map()["evidence"].dropna():
        assert set(evidence.split(";")) <= names, evidence


def test_quote_shows_the_paragraph():
    claim = cl.essay_map().dropna(subset=["short_quote"]).iloc[0]
    shown = cl.quote(claim["claim_id"])
    assert f"P{claim['paragraph']}" in str(shown) and claim["short_quote"] in shown._repr_markdown_()


def test_quote_errors_are_clear():
    with pytest.raises(CourseError, match="no claim 'P9.1'"):
        cl.quote("P9.1")
    without = cl.essay_map()[cl.essay_map()["short_quote"].isna()].iloc[0]["claim_id"]
    with pytest.raises(CourseError, match="paraphrase"):
        cl.quote(without)
    with pytest.raises(CourseError, match="paragraphs 1 to 8"):
        cl.essay_map(paragraph=9)


def test_citation_and_glossary():
    assert "Tatsumi" in cl.essay_citation() and "2010" in cl.essay_citation()
    assert {"SACO", "DPRI", "JSDF", "DPJ", "LDP"} <= set(cl.glossary()["term"])
    assert len(cl.glossary(paragraph=5)) >= 3


def test_claim_shows_id_kind_paraphrase_and_quote():
    import course_lib as cl

    shown = cl.claim("P2.3")
    assert shown.claim_id == "P2.3" and shown.kind in ("factual", "interpretive", "normative", "predictive")
    assert shown.quote is not None and shown.quote.text in shown._repr_markdown_()
    assert "P2.3" in repr(shown)
    with pytest.raises(cl.CourseError, match="Claims of that paragraph: P2"):
        cl.claim("P2.99")
