"""Lesson 04 in the browser: the claim explorer shows what its pure functions give, records a verdict,
and the verdict survives a kernel restart and appears in the export."""

from __future__ import annotations

import course_lib as cl
from course_lib import answers, verdicts
from course_lib.analysis import claims as cc

NOTEBOOK = "04_equal_alliance.ipynb"


def explorer(page):
    return page.locator(".course-widget:not(.course-prompt)").first


def test_claim_explorer_shows_a_claim_records_a_verdict_and_keeps_it(page, lab, tmp_path):
    from playwright.sync_api import expect as visible

    lab.run(page, NOTEBOOK)
    essay_map = cl.load("essay_map")
    widget = explorer(page)
    summary, figure = widget.locator(".course-summary"), widget.locator(".course-figure img")
    status, card = widget.locator(".course-verdict"), widget.locator(".course-card")
    selects = widget.locator(".widget-dropdown select")
    paragraph, kind, claim, rating = (selects.nth(i) for i in range(4))

    def expect(claim_id: str, dataset: str) -> None:
        sentence = cc.claim_sentence(cc.claim_card(essay_map, claim_id), dataset)
        visible(summary).to_have_text(sentence, timeout=20_000)
        alt = cc.evidence_summary(dataset, cl.load(dataset), claim_id).sentence
        visible(figure).to_have_attribute("alt", alt, timeout=20_000)

    expect("P4.1", "alliance_timeline")  # the first view: paragraph 4, all kinds
    kind.select_option(label="interpretive")
    interpretive = cc.claims(essay_map, 4, "interpretive").set_index("claim_id", drop=False)
    visible(claim.locator("option")).to_have_count(len(interpretive), timeout=20_000)  # the kernel refiltered
    label = cc.claim_label(interpretive.loc["P4.9"])
    claim.select_option(label=label)
    expect("P4.9", "afghanistan_support")
    visible(card).to_contain_text("Course fact-check note:")
    visible(card).to_contain_text("meaningful or tangible")
    widget.locator(".widget-toggle-button", has_text="refueling_years").click()
    expect("P4.9", "refueling_years")

    rating.select_option(label="not supported")
    widget.locator("textarea").fill("pledge_20091110: up to US$5 bn, 18.4 times the fuel value")
    widget.locator("button", has_text="Save verdict").click()
    saved = {"rating": "not supported", "evidence": "pledge_20091110: up to US$5 bn, 18.4 times the fuel value",
             "lesson": "04"}
    visible(status).to_have_text(cc.verdict_line("P4.9", saved), timeout=20_000)
    assert verdicts.verdict("P4.9") == saved  # the same answers folder as the kernel's

    claim.focus()
    page.keyboard.press("ArrowUp")  # the keyboard moves to the claim before P4.9 in the list
    before = list(interpretive["claim_id"])[list(interpretive["claim_id"]).index("P4.9") - 1]
    expect(before, cc.evidence_datasets(essay_map, before)[0])
    lab.shot(widget, "04_claim_explorer")
    found = widget.locator(".widget-label")
    labels = [found.nth(i) for i in range(found.count()) if found.nth(i).inner_text().strip()]
    assert [label.inner_text().strip() for label in labels] == \
        ["Paragraph", "Kind", "Claim", "Chart of", "Your verdict", "Evidence you cite"]
    assert all(label.is_visible() for label in labels)

    # Restart the kernel and run everything again: the verdict is read back from the store.
    lab.run(page, NOTEBOOK)
    widget = explorer(page)
    selects = widget.locator(".widget-dropdown select")
    status = widget.locator(".course-verdict")
    visible(status).to_have_text(cc.verdict_line("P4.1", verdicts.verdict("P4.1")), timeout=20_000)
    selects.nth(2).select_option(label=label)  # paragraph 4, all kinds: P4.9 is in the list
    visible(status).to_have_text(cc.verdict_line("P4.9", saved), timeout=20_000)
    shown = selects.nth(3).evaluate("el => el.selectedOptions[0].textContent")
    assert shown.replace("\xa0", " ") == "not supported"  # ipywidgets writes option spaces as &nbsp;

    exported = answers.export_answers(tmp_path / "export", name="Browser Test")
    text = next(p for p in exported.files if p.suffix == ".md").read_text()
    lesson_04 = text.split("## Lesson 04")[1]
    assert "Claim verdicts" in lesson_04 and "P4.9" in lesson_04 and "not supported" in lesson_04
