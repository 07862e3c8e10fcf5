"""Lesson 08's figures: the scorecard, named events and series with breaks, each with alt text."""

import html

import pandas as pd
import pytest

import course_lib as cl
from course_lib.analysis import scorecard as sc
from course_lib.plots import AltFigure, aftermath
from course_lib.plots import scorecard as psc


def test_the_scorecard_figure_draws_every_state_of_a_claim():
    saved = {"P2.1b": {"rating": "supported", "evidence": "the 2011 2+2", "lesson": "08"},
             "P3.1": {"rating": "mixed", "evidence": "lesson 04 rows", "lesson": "04"}}
    card = sc.scorecard(cl.load("claim_assessments"), cl.essay_map(), saved)
    figure = psc.scorecard(card, sc.alt_text(card))
    assert isinstance(figure, AltFigure) and figure.png.startswith(b"\x89PNG")
    assert figure.alt == sc.alt_text(card) and html.escape(figure.alt) in figure.to_html()
    empty = sc.scorecard(cl.load("claim_assessments"), cl.essay_map(), {})
    assert psc.scorecard(empty, sc.alt_text(empty)).png.startswith(b"\x89PNG")


def test_every_step_is_placed_on_both_scales():
    for column, scale in ((0, list(sc.SCALE)), (1, list(sc.SCALE.values()))):
        assert [psc._step(name, column) for name in scale] == [0.0, 1.0, 2.0, 3.0]
    assert psc._step(None, 0) is None


def test_named_events_and_series_with_breaks_render_with_alt_text():
    events = cl.load("alliance_timeline")
    named = events[events["event_id"].isin(["scc_futenma_2010", "scc_2011", "henoko_schedule_2019"])]
    figure = aftermath.key_events(named, alt="Three events from 2010 to 2019.", marked=("2010-01-19", "essay"))
    assert figure.png.startswith(b"\x89PNG")
    frame = pd.DataFrame({"year": [2006, 2007, 2009, 2010, 2012], "value": [1.0, 2.0, 3.0, 4.0, 5.0],
                          "count": ["old", "old", "new", "new", "new"]})
    figure = aftermath.series_with_breaks(frame, alt="Two series split at 2008.", x="year", y="value",
                                          series="count", ylabel="units", title="t", breaks=[(2008, "rule")],
                                          window=(2009, 2012, "after"))
    assert figure.alt == "Two series split at 2008."
    with pytest.raises(ValueError, match="alt text"):
        aftermath.series_with_breaks(frame, alt=" ", x="year", y="value", series="count", ylabel="u", title="t")
