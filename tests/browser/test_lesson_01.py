"""Lesson 01 in the browser: the timeline explorer answers clicks and keys with its pure function."""

from __future__ import annotations

import course_lib as cl
from course_lib.analysis import timeline as tl


def test_timeline_explorer_answers_clicks_and_keys_with_the_pure_function(page, lab):
    from playwright.sync_api import expect as visible

    lab.run(page, "01_fifty_years.ipynb")
    events = cl.load("alliance_timeline")
    widget = page.locator(".course-widget").first
    summary, figure = widget.locator(".course-summary"), widget.locator(".course-figure img")
    dropdown = widget.locator(".widget-dropdown select")
    multi = widget.locator(".widget-select-multiple select")

    def expect(era: str, categories) -> None:
        selected = tl.filter_events(events, era, categories)
        visible(summary).to_have_text(tl.summary(selected, era), timeout=20_000)
        visible(figure).to_have_attribute("alt", tl.alt_text(selected, era), timeout=20_000)

    expect("All years", tl.CATEGORIES)
    era = "Drift and the DPJ years (2007-2012)"
    dropdown.select_option(label=era)
    expect(era, tl.CATEGORIES)
    multi.select_option(["bases_okinawa", "politics_japan"])
    expect(era, ["bases_okinawa", "politics_japan"])

    dropdown.focus()
    assert page.evaluate("document.activeElement.tagName") == "SELECT"
    page.keyboard.press("Tab")  # the category list is the next stop for the keyboard
    assert page.evaluate("document.activeElement.multiple") is True
    page.keyboard.press("End")  # one key press selects the last category alone
    expect(era, [tl.CATEGORIES[-1]])

    lab.shot(widget, "01_timeline_explorer")
    labels = widget.locator(".widget-label")
    expected = ["Era", "Categories (Ctrl/Shift-click for several)"]
    assert [labels.nth(i).inner_text().strip() for i in range(2)] == expected
    assert all(labels.nth(i).is_visible() for i in range(2))
