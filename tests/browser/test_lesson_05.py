"""Lesson 05 in the browser: the decision matrix answers weights moved with the keyboard with its pure functions."""

from __future__ import annotations

import course_lib as cl
from course_lib.analysis import futenma as fu


def test_decision_matrix_ranks_with_the_weights_the_keyboard_sets(page, lab):
    from playwright.sync_api import expect as visible

    lab.run(page, "05_futenma.ipynb")
    scores = cl.load("futenma_scores")
    widget = page.locator(".course-widget").filter(has=page.locator(".course-ranking")).first
    summary, items = widget.locator(".course-summary"), widget.locator(".course-ranking li")
    figure = widget.locator(".course-figure img")

    def expect(weights) -> None:
        ranked = fu.rank_changes(scores, weights)
        sentence = fu.summary(ranked, fu.weight_effects(scores, weights))
        visible(summary).to_have_text(sentence, timeout=20_000)
        visible(items).to_have_text([line.split(". ", 1)[1] for line in fu.ranking_lines(ranked)], timeout=20_000)
        visible(figure).to_have_attribute("alt", fu.alt_text(ranked), timeout=20_000)

    expect(fu.equal_weights())
    cells = lab.cell_count(page)
    handles = widget.locator(".widget-slider .noUi-handle")
    assert handles.count() == len(fu.CRITERIA)

    def raise_weight(criterion: str, presses: int) -> None:
        handle = handles.nth(list(fu.CRITERIA).index(criterion))
        handle.focus()
        for _ in range(presses):
            page.keyboard.press("ArrowRight")

    raise_weight("feasibility_okinawa", 2)
    expect(dict(fu.equal_weights(), feasibility_okinawa=3))
    assert lab.cell_count(page) == cells  # the arrows moved the slider, not the notebook
    raise_weight("feasibility_tokyo", 2)
    coalition = dict(fu.equal_weights(), feasibility_okinawa=3, feasibility_tokyo=3)
    expect(coalition)
    assert items.first.inner_text().startswith(fu.label(fu.rank_options(scores, coalition)["option_id"].iloc[0]))
    lab.shot(widget, "05_futenma_matrix")

    widget.locator("button", has_text="Equal weights").click()
    expect(fu.equal_weights())
    labels = widget.locator(".widget-label")
    shown = [text for text in (labels.nth(i).inner_text().strip() for i in range(labels.count())) if text]
    assert shown == list(fu.CRITERIA.values())  # every slider carries its visible label
    assert all(labels.nth(i).is_visible() for i in range(labels.count()) if labels.nth(i).inner_text().strip())
