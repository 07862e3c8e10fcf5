"""Lesson 07 in the browser: the opinion explorer shows the sentences its pure functions give."""

from __future__ import annotations

from course_lib.analysis import opinion as op
from course_lib.widgets import opinion as explorer

LABELS = ["Series", "Events (Ctrl-click, Cmd-click on a Mac, for several)", "Window either side of each event"]


def test_opinion_explorer_answers_a_series_an_event_and_a_window_with_the_pure_function(page, lab):
    from playwright.sync_api import expect as visible

    lab.run(page, "07_cooperation_and_confidence.ipynb")
    tables = explorer.opinion_tables()
    events = op.event_table(tables["timeline"])
    label_of = {e.event_id: op.event_label(e.date, e.title) for e in events.itertuples()}
    widget = page.locator(".course-widget").first
    summary, figure = widget.locator(".course-summary"), widget.locator(".course-figure img")
    series, window = widget.locator(".widget-dropdown select").nth(0), widget.locator(".widget-dropdown select").nth(1)
    chosen = widget.locator(".widget-select-multiple select")

    def expect(series_key: str, event_ids, months: int) -> None:
        sentences = explorer.explorer_sentences(tables, series_key, event_ids, months)
        visible(summary.locator("p")).to_have_text(sentences, timeout=20_000)
        visible(figure).to_have_attribute("alt", f"{op.SERIES[series_key]}, each reading a point. "
                                          + " ".join(sentences), timeout=20_000)

    expect(explorer.DEFAULT_SERIES, explorer.DEFAULT_EVENTS, explorer.DEFAULT_WINDOW)

    series.select_option(label=op.SERIES["us_public"])
    expect("us_public", explorer.DEFAULT_EVENTS, 36)
    chosen.select_option(label=[label_of["tomodachi_2011"]])
    expect("us_public", ["tomodachi_2011"], 36)
    window.select_option(label="24 months")
    expect("us_public", ["tomodachi_2011"], 24)
    chosen.select_option(label=[label_of["futenma_deadline_2009"], label_of["tomodachi_2011"]])
    expect("us_public", ["futenma_deadline_2009", "tomodachi_2011"], 24)

    chosen.focus()
    page.keyboard.press("End")  # one key press chooses the last event alone
    expect("us_public", [op.EVENTS[-1]], 24)

    lab.shot(widget, "07_opinion_explorer")
    labels = widget.locator(".widget-label")
    assert [labels.nth(i).inner_text().strip() for i in range(3)] == LABELS
    assert all(labels.nth(i).is_visible() for i in range(3))
