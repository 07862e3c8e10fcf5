"""Lesson 02 in the browser: the tenure explorer answers the keyboard and the dropdown with its pure function."""

from __future__ import annotations

import course_lib as cl
from course_lib.analysis import leaders


def test_tenure_explorer_answers_keys_and_choices_with_the_pure_function(page, lab):
    from playwright.sync_api import expect as visible

    from course_lib.widgets.tenure import tenure_view

    lab.run(page, "02_adrift.ipynb")
    pms, presidents = cl.load("prime_ministers"), cl.load("us_presidents")
    widget = page.locator(".course-widget").filter(has=page.locator(".widget-slider")).first
    summary, figure = widget.locator(".course-summary"), widget.locator(".course-figure img")
    handles = widget.locator(".widget-slider .noUi-handle")
    dropdown = widget.locator(".widget-dropdown select")

    def expect(first_year: int, last_year: int, comparison: str) -> None:
        table = leaders.compare_tenures(pms, presidents, first_year, last_year, comparison, cl.as_of())
        visible(summary).to_have_text(leaders.tenure_sentence(table), timeout=20_000)
        _sentence, drawn = tenure_view(pms, presidents, first_year, last_year, comparison)
        visible(figure).to_have_attribute("alt", drawn.alt, timeout=20_000)

    expect(2001, 2010, leaders.COMPARISONS[0])
    # The keyboard moves the lower handle: five years later, one key press at a time.
    handles.first.focus()
    for _ in range(5):
        page.keyboard.press("ArrowRight")
    expect(2006, 2010, leaders.COMPARISONS[0])
    # The upper handle, then the comparison.
    handles.last.focus()
    page.keyboard.press("ArrowLeft")
    expect(2006, 2009, leaders.COMPARISONS[0])
    dropdown.select_option(label=leaders.COMPARISONS[1])
    expect(2006, 2009, leaders.COMPARISONS[1])

    lab.shot(widget, "02_tenure_explorer")
    labels = widget.locator(".widget-label")
    assert [labels.nth(i).inner_text().strip() for i in range(2)] == ["Window of years", "Compare"]
    assert all(labels.nth(i).is_visible() for i in range(2))

