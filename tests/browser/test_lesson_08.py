"""Lesson 08 in the browser: the scorecard rates a claim with evidence, then shows what its pure functions
say (the course's assessment, the sentence, the figure's alt text); the rating survives a kernel restart
and is in the export."""

from __future__ import annotations

import course_lib as cl
from course_lib import answers, verdicts
from course_lib.analysis import scorecard as sc

NAME = "08_what_happened_next.ipynb"
CLAIM = "P7.5"
EVIDENCE = "opinion_affinity: 2011-2016 and 2020-2024 at or above the 2010 level"


def _saved() -> dict:
    return {row.claim_id: {"rating": row.rating, "evidence": row.evidence, "lesson": row.lesson}
            for row in verdicts.verdicts().itertuples()}


def _card():
    return sc.scorecard(cl.load("claim_assessments"), cl.essay_map(), _saved())


def test_scorecard_rates_a_claim_reveals_the_assessment_and_keeps_the_rating_after_a_restart(page, lab):
    from playwright.sync_api import expect as visible

    assessments = cl.load("claim_assessments")
    lab.run(page, NAME)
    widget = page.locator(".course-scorecard").first
    choice, rating = widget.locator(".widget-dropdown select").nth(0), widget.locator(".widget-dropdown select").nth(1)
    evidence, save = widget.locator("textarea").first, widget.locator("button", has_text="Save my rating")
    summary, reveal = widget.locator(".course-summary"), widget.locator(".course-reveal")
    figure = widget.locator(".course-figure img")
    visible(summary).to_have_text(sc.summary(_card()), timeout=20_000)

    labels = [t.strip() for t in widget.locator(".widget-label").all_inner_texts() if t.strip()]
    assert labels == ["Claim", "Your rating", "Evidence you cite"]
    choice.focus()
    page.keyboard.press("ArrowDown")  # the keyboard moves to the next claim and loads it
    second = sc.claims_to_rate(assessments, cl.essay_map())["claim_id"].iloc[1]
    visible(widget.locator(".course-claim")).to_contain_text(second, timeout=20_000)

    choice.select_option(label=sc.option_label(CLAIM, "predictive"))
    visible(widget.locator(".course-claim")).to_contain_text(CLAIM, timeout=20_000)
    visible(reveal).to_have_text(sc.reveal_text(assessments, CLAIM, verdicts.verdict(CLAIM)), timeout=20_000)
    rating.select_option(label="mixed")
    evidence.fill(EVIDENCE)
    save.click()
    visible(widget.locator(".course-status")).to_have_text(f"Saved your rating of {CLAIM}.", timeout=20_000)
    assert verdicts.verdict(CLAIM) == {"rating": "mixed", "evidence": EVIDENCE, "lesson": "08"}
    visible(reveal).to_have_text(sc.reveal_text(assessments, CLAIM, verdicts.verdict(CLAIM)), timeout=20_000)
    assert "The course's assessment: mixed" in reveal.inner_text()
    visible(summary).to_have_text(sc.summary(_card()), timeout=20_000)
    visible(figure).to_have_attribute("alt", sc.alt_text(_card()), timeout=20_000)
    lab.shot(widget, "08_scorecard")

    lab.restart_kernel(page)  # the kernel that saved the rating is gone ...
    page.wait_for_selector(".jp-Notebook-ExecutionIndicator[data-status='idle']", timeout=60_000)
    lab.run(page, NAME)  # ... and a new one builds the widget again from the store
    widget = page.locator(".course-scorecard").first
    choice, rating = widget.locator(".widget-dropdown select").nth(0), widget.locator(".widget-dropdown select").nth(1)
    choice.select_option(label=sc.option_label(CLAIM, "predictive"))
    visible(widget.locator(".course-claim")).to_contain_text(CLAIM, timeout=20_000)
    visible(widget.locator("textarea").first).to_have_value(EVIDENCE, timeout=20_000)
    assert rating.evaluate("el => el.selectedOptions[0].text") == "mixed"
    visible(widget.locator(".course-reveal")).to_have_text(
        sc.reveal_text(assessments, CLAIM, verdicts.verdict(CLAIM)), timeout=20_000)
    report = answers.export_answers(lab.work / "export-08", name="Browser Test")
    text = report.files[0].read_text(encoding="utf-8")
    assert "**Claim verdicts**" in text and CLAIM in text and EVIDENCE in text
