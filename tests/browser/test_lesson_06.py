"""Lesson 06 in the browser: the statements explorer answers clicks and keys with its pure functions."""

from __future__ import annotations

import course_lib as cl
from course_lib.analysis import signals as sg


def test_statements_explorer_filters_and_says_what_the_pure_function_says(page, lab):
    from playwright.sync_api import expect as visible

    lab.run(page, "06_signals.ipynb")
    statements, approval = cl.load("alliance_statements"), cl.load("cabinet_approval")
    widget = page.locator(".course-widget", has=page.locator(".course-summary")).first
    summary, figure = widget.locator(".course-summary"), widget.locator(".course-figure img")
    dropdowns = widget.locator(".widget-dropdown select")
    side, first, last, pollster = (dropdowns.nth(i) for i in range(4))
    speakers, stances = (widget.locator(".widget-select-multiple select").nth(i) for i in range(2))
    readouts = widget.locator(".widget-checkbox input")

    def expect(sides, stance_codes, first_month, last_month, include_readouts, poll) -> None:
        sentence = sg.explorer_sentence(statements, approval, sides, None, stance_codes, first_month, last_month,
                                        include_readouts, poll)
        visible(summary).to_have_text(sentence, timeout=20_000)
        selected = sg.filter_statements(statements, sides, None, stance_codes, first_month, last_month,
                                        include_readouts)
        alt = sg.alt_text(selected, sg.approval_series(approval, poll), poll, first_month, last_month)
        visible(figure).to_have_attribute("alt", alt, timeout=20_000)

    default_poll = sg.pollsters(approval)[0]
    expect(None, None, "2009-09", "2010-05", True, default_poll)

    side.select_option(label="US")
    stances.select_option(label=["existing plan only"])
    first.select_option(label="Oct 2009")
    last.select_option(label="Dec 2009")
    readouts.uncheck()
    pollster.select_option(label="Jiji Press")
    expect(["US"], ["existing_plan_only"], "2009-10", "2009-12", False, "Jiji Press")
    assert summary.inner_text().startswith("4 statements in Oct 2009 to Dec 2009: US 4")

    stances.focus()
    page.keyboard.press("End")  # the keyboard alone: the last stance, on its own
    expect(["US"], ["other"], "2009-10", "2009-12", False, "Jiji Press")
    side.focus()
    page.keyboard.press("ArrowDown")  # US -> Japan
    expect(["JP"], ["other"], "2009-10", "2009-12", False, "Jiji Press")

    assert speakers.evaluate("el => el.selectedOptions.length") == len(statements["speaker"].unique())
    lab.shot(widget, "06_statements_explorer")
    labels = [widget.locator(".widget-label").nth(i).inner_text().strip() for i in range(7)]
    assert labels[:3] == ["Side", "Speakers: Ctrl-click (Cmd-click on a Mac) for several",
                          "Stances: Ctrl-click (Cmd-click on a Mac) for several"]
    assert {"From", "To", "Approval poll (one pollster)"} <= set(labels)
