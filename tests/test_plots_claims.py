"""The claim explorer's chart: labelled bars, the period under discussion marked, its finding as alt text."""

import course_lib as cl
from course_lib import plots
from course_lib.analysis import claims as cc
from course_lib.analysis.claims import EvidenceSummary


def test_chart_of_a_tailored_summary_carries_its_sentence_as_alt_text():
    summary = cc.evidence_summary("refueling_years", cl.load("refueling_years"), "P4.7")
    shown = plots.evidence_chart(summary)
    assert shown.png.startswith(b"\x89PNG") and shown.alt == summary.sentence


def test_chart_of_years_of_named_groups_and_of_nothing():
    years = EvidenceSummary("d", "Rows per year", ("2008", "2009", "2011"), (1.0, 2.0, 3.0), "rows",
                            (False, True, False), "2009-2010", "d: three years.")
    named = EvidenceSummary("d", "By party", ("DPJ", "LDP"), (308.0, 119.0), "seats", (True, False),
                            "the largest party", "d: the DPJ won 308 seats.")
    empty = EvidenceSummary("d", "No rows", (), (), "rows", (), "", "d: no rows to chart.")
    for summary in (years, named, empty):
        shown = plots.evidence_chart(summary)
        assert shown.png.startswith(b"\x89PNG") and shown.alt == summary.sentence
