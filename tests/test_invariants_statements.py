"""Invariants of the two datasets lessons 00 and 01 add: essay_paragraphs and anniversary_statements."""

import pandas as pd

import course_lib as cl
from course_lib import data
from course_lib.essay import word_count


def test_essay_paragraphs_cover_p1_to_p8_once_and_match_the_essay_map():
    paras = cl.load("essay_paragraphs")
    assert list(paras["paragraph"]) == list(range(1, 9))
    assert (paras["words"] > 0).all()
    assert int(paras["words"].sum()) == 1044  # the total the descriptor's provenance states
    assert set(cl.essay_map()["paragraph"]) == set(paras["paragraph"])
    assert (paras["value_status"] == "derived").all() and (paras["source_id"] == "ess_tatsumi_2010").all()


def test_essay_paragraph_topics_quote_nothing_of_the_essay():
    quotes = cl.load("essay_map")["short_quote"].dropna()
    for topic in cl.load("essay_paragraphs")["topic"]:
        assert not any(q in topic for q in quotes), topic


def test_anniversary_phrases_are_short_dated_that_day_and_sourced():
    phrases = cl.load("anniversary_statements")
    sources = cl.load("sources").set_index("id")
    day = cl.load("alliance_timeline").set_index("event_id").loc["anniversary_statements_2010", "date"]
    assert (phrases["date"] == day).all() and day == pd.Timestamp("2010-01-19")
    assert phrases["phrase"].map(word_count).max() <= 25
    assert set(phrases["document_id"]) == {"scc_2010", "obama_2010", "hatoyama_2010", "clinton_2010"}
    assert phrases.groupby("document_id")["document"].nunique().eq(1).all()
    assert phrases.groupby("document_id")["issuer"].nunique().eq(1).all()
    for row in phrases.itertuples():
        assert row.phrase_id.startswith(row.document_id + "_"), row.phrase_id
        cited = [s for s in (row.source_id, row.second_source_id) if isinstance(s, str) and s]
        assert all(s in sources.index for s in cited), row.phrase_id
        tiers = {sources.loc[s, "tier"] for s in cited}
        assert tiers & set(data.ABOVE_MIRROR) or "no official" in row.note.lower(), row.phrase_id


def test_the_essays_summary_of_the_statements_is_not_their_wording():
    """P1.2's quotation is the author's summary: no recorded phrase contains it (lesson 01 teaches this)."""
    phrases = cl.load("anniversary_statements")["phrase"].str.lower()
    summary = cl.quote("P1.2").text.lower()
    assert not phrases.str.contains(summary, regex=False).any()
    assert not phrases.str.contains("critical source").any()
