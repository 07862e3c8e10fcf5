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
    moment.select_option(label=july_2007)  # the list stays; the upper-house group had no seats then
    absent = "Shinryokufukai had no seats at this moment."
    result = gov.coalition(seats[july_2007], ["DPJ", "SDP", "PNP"])
    visible(summary).to_have_text(f"{gov.verdict(result, ['DPJ', 'SDP', 'PNP'])} {absent}", timeout=20_000)
    parties.select_option(label=[label("LDP"), "Komeito"])
    expect(july_2007, ["LDP", "Komeito"])
    assert "it can override the upper house" in summary.inner_text()

    moment.focus()
    page.keyboard.press("Tab")  # the party list is the next stop for the keyboard
    assert page.evaluate("document.activeElement.multiple") is True
    page.keyboard.press("End")  # one key selects the last entry alone: the independents
    expect(july_2007, ["IND"])
    page.keyboard.press("Home")  # and the first: the LDP, in government at both moments
    expect(july_2007, ["LDP"])

    lab.shot(widget, "03_coalition_explorer")
    labels = widget.locator(".widget-label")
    assert [labels.nth(i).inner_text().strip() for i in range(2)] == [
        "Moment", "Parties: Ctrl-click (Cmd-click on a Mac) for several"]
