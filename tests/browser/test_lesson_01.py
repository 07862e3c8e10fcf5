"""Lesson 01 in the browser: the timeline explorer answers its three controls (period, essay paragraph,
categories), by mouse and by keyboard, with what its pure functions give: the sentence, the figure's
alt text and the list of the chosen events."""

from __future__ import annotations

import course_lib as cl
from course_lib.analysis import timeline as tl
from course_lib.widgets.timeline import CATEGORY_LABEL


def test_timeline_explorer_answers_its_controls_with_the_pure_functions(page, lab):
    from playwright.sync_api import expect as visible

    lab.run(page, "01_fifty_years.ipynb")
    events = cl.load("alliance_timeline")
    options = tl.periods(cl.load("prime_ministers"), cl.as_of())
    widget = page.locator(".course-widget").first
    summary, figure = widget.locator(".course-summary"), widget.locator(".course-figure img")
    listing = widget.locator(".course-events table.course-table")
    dropdowns = widget.locator(".widget-dropdown select")
    period, paragraph = dropdowns.nth(0), dropdowns.nth(1)
    multi = widget.locator(".widget-select-multiple select")

    def expect(era: str, categories, chosen_paragraph=tl.ALL_EVENTS) -> None:
        selected = tl.filter_events(events, era, categories, chosen_paragraph, options)
        visible(summary).to_have_text(tl.summary(selected, era, chosen_paragraph), timeout=20_000)
        visible(figure).to_have_attribute("alt", tl.alt_text(selected, era, chosen_paragraph), timeout=20_000)
        if selected.empty:
            visible(widget.locator(".course-events")).to_have_text("No events to list.", timeout=20_000)
            return
        rows = listing.locator("tbody tr")
        visible(rows).to_have_count(len(selected), timeout=20_000)
        listed = tl.event_list(selected)
        for i in (0, len(selected) - 1):
            cells = rows.nth(i).locator("td")
            assert cells.nth(0).inner_text().strip() == listed.loc[i, "date"]
            assert cells.nth(1).inner_text().strip() == listed.loc[i, "title"]
            assert cells.nth(3).inner_text().strip() == listed.loc[i, "paragraphs"]
            assert cells.nth(4).inner_text().strip() == listed.loc[i, "event id"]

    expect(tl.ALL_YEARS, tl.CATEGORIES)
    assert "largest category" in summary.inner_text() and "most are" not in summary.inner_text()
    period_labels = period.evaluate("el => [...el.options].map(o => o.text.replace(/\\u00a0/g, ' '))")
    assert period_labels == list(options)
    assert not any("drift" in label.lower() or "dpj" in label.lower() for label in period_labels)

    hatoyama = next(k for k in options if "Hatoyama" in k)
    period.select_option(label=hatoyama)
    expect(hatoyama, tl.CATEGORIES)
    paragraph.select_option(label="P5")
    expect(hatoyama, tl.CATEGORIES, "P5")
    multi.select_option(["bases_okinawa", "diplomacy"])
    expect(hatoyama, ["bases_okinawa", "diplomacy"], "P5")

    period.focus()
    assert page.evaluate("document.activeElement.tagName") == "SELECT"
    page.keyboard.press("Tab")  # the paragraph filter is the next stop for the keyboard ...
    assert page.evaluate("document.activeElement.multiple") is False
    page.keyboard.press("Home")  # ... back to "All events"
    expect(hatoyama, ["bases_okinawa", "diplomacy"], tl.ALL_EVENTS)
    page.keyboard.press("Tab")  # ... then the category list
    assert page.evaluate("document.activeElement.multiple") is True
    page.keyboard.press("End")  # one key press selects the last category alone
    expect(hatoyama, [tl.CATEGORIES[-1]], tl.ALL_EVENTS)

    lab.shot(widget, "01_timeline_explorer")
    labels = widget.locator(".widget-label")
    assert [labels.nth(i).inner_text().strip() for i in range(3)] == ["Period", "Essay paragraph", CATEGORY_LABEL]
    assert all(labels.nth(i).is_visible() for i in range(3))
    assert "Ctrl-click (Cmd-click on a Mac)" in labels.nth(2).inner_text()
