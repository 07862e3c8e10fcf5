"""Lesson 03 in the browser: the coalition explorer answers picks and keys with its pure functions."""

from __future__ import annotations

import course_lib as cl
from course_lib.analysis import government as gov


def test_coalition_explorer_answers_picks_with_the_pure_functions(page, lab):
    from playwright.sync_api import expect as visible

    lab.run(page, "03_change_of_government.ipynb")
    tables = cl.load("hr_elections"), cl.load("hc_elections"), cl.load("chamber_strength")
    seats = {name: gov.chamber_seats(*tables, name) for name in gov.SITUATIONS}
    widget = page.locator(".course-widget", has=page.locator(".widget-select-multiple")).first
    summary, figure = widget.locator(".course-summary"), widget.locator(".course-figure img")
    moment = widget.locator(".widget-dropdown select")
    parties = widget.locator(".widget-select-multiple select")
    names = dict(zip(cl.load("parties")["code"].astype(str), cl.load("parties")["name_en"].astype(str)))

    def label(code: str) -> str:
        return f"{code} ({names[code]})"

    def expect(situation: str, picked) -> None:
        result = gov.coalition(seats[situation], picked)
        visible(summary).to_have_text(gov.verdict(result, picked), timeout=20_000)
        visible(figure).to_have_attribute("alt", gov.alt_text(result, picked), timeout=20_000)

    expect(gov.DEFAULT_SITUATION, ["DPJ"])
    parties.select_option(label=[label("DPJ"), label("SDP"), label("PNP")])
    expect(gov.DEFAULT_SITUATION, ["DPJ", "SDP", "PNP"])
    assert "3 seats short of an upper-house majority" in summary.inner_text()
    parties.select_option(label=[label("DPJ"), label("SDP"), label("PNP"), "Shinryokufukai (upper-house group)"])
    expect(gov.DEFAULT_SITUATION, ["DPJ", "SDP", "PNP", "Shinryokufukai"])
    assert "A majority in both houses" in summary.inner_text()

    july_2007 = next(name for name in gov.SITUATIONS if name.startswith("July 2007"))
    moment.select_option(label=july_2007)  # the upper-house group did not exist then: it leaves the selection
    expect(july_2007, ["DPJ", "SDP", "PNP"])
    parties.select_option(label=[label("LDP"), "Komeito"])
    expect(july_2007, ["LDP", "Komeito"])
    assert "it can override the upper house" in summary.inner_text()

    moment.focus()
    page.keyboard.press("Tab")  # the party list is the next stop for the keyboard
    assert page.evaluate("document.activeElement.multiple") is True
    page.keyboard.press("Home")  # one key selects the first party alone
    first = gov.governing(cl.load("coalitions"), gov.SITUATIONS[july_2007].government_on)
    expect(july_2007, [gov.party_options(seats[july_2007], first)[0]])

    lab.shot(widget, "03_coalition_explorer")
    labels = widget.locator(".widget-label")
    assert [labels.nth(i).inner_text().strip() for i in range(2)] == [
        "Moment", "Parties: Ctrl-click (Cmd-click on a Mac) for several"]
