"""Lesson 07's opinion explorer: a survey series, chosen events, and the change around each event."""

from __future__ import annotations

import html

import pandas as pd

from ..analysis import opinion as op
from ..data import load
from ..plots import AltFigure
from ..plots.opinion import opinion_series
from . import static
from .base import course_widget, labelled

# What the explorer shows first (and the course website shows as its static figure).
DEFAULT_SERIES = "affinity"
DEFAULT_EVENTS = ("scc_futenma_2010",)
DEFAULT_WINDOW = op.DEFAULT_WINDOW

Y_LABELS = {
    "affinity": "% who feel affinity toward the US",
    "us_public": "% who call Japan dependable",
    "us_leaders": "% who call Japan dependable",
    "approval_kyodo": "% who approve of the cabinet",
    "approval_jiji": "% who approve of the cabinet",
}


def opinion_tables() -> dict[str, pd.DataFrame]:
    """The four datasets the explorer reads, loaded once."""
    return {"affinity": load("opinion_affinity"), "us_poll": load("us_opinion_japan"),
            "approval": load("cabinet_approval"), "timeline": load("alliance_timeline")}


def explorer_sentences(tables: dict, series: str, event_ids, months: int) -> list[str]:
    """One sentence per chosen event (in date order), or one saying that no event is chosen."""
    readings = op.series_readings(series, tables["affinity"], tables["us_poll"], tables["approval"])
    if not event_ids:
        return [op.summary(readings, series) + " Choose an event to compare the readings before and after it."]
    events = op.event_table(tables["timeline"], tuple(event_ids))
    return [op.describe_change(op.change_around(readings, e.date, e.title, months), series)
            for e in events.itertuples(index=False)]


def explorer_view(tables: dict, series: str, event_ids, months: int) -> tuple[str, AltFigure]:
    """The sentences (one line per event) and the figure for one choice of series, events and window."""
    readings = op.series_readings(series, tables["affinity"], tables["us_poll"], tables["approval"])
    sentences = explorer_sentences(tables, series, event_ids, months)
    changes, window = None, None
    if event_ids:
        events = op.event_table(tables["timeline"], tuple(event_ids))
        changes = op.changes(readings, events, months)
        pad = pd.DateOffset(months=int(months) + 6)
        window = (events["date"].min() - pad, events["date"].max() + pad)
    alt = f"{op.SERIES[series]}, each reading a point. " + " ".join(sentences)
    figure = opinion_series(readings, op.SERIES[series], Y_LABELS[series], alt, changes=changes, months=months,
                            window=window)
    return "\n".join(sentences), figure


def opinion_explorer():
    """Lesson 07: choose a survey series and events; see the mean before and after each event."""
    import ipywidgets as w

    tables = opinion_tables()
    events = op.event_table(tables["timeline"])
    series = labelled(w.Dropdown(options=[(label, key) for key, label in op.SERIES.items()],
                                 value=DEFAULT_SERIES, layout=w.Layout(width="760px")), "Series")
    chosen = labelled(
        w.SelectMultiple(options=[(op.event_label(e.date, e.title), e.event_id) for e in events.itertuples()],
                         value=list(DEFAULT_EVENTS), rows=len(events), layout=w.Layout(width="760px")),
        "Events (Ctrl-click, Cmd-click on a Mac, for several)",
    )
    window = labelled(w.Dropdown(options=[(f"{m} months", m) for m in op.WINDOWS], value=DEFAULT_WINDOW,
                                 layout=w.Layout(width="320px")), "Window either side of each event")
    text = w.HTML().add_class("course-summary")
    figure = w.HTML().add_class("course-figure")

    def update(_change=None):
        sentences, drawn = explorer_view(tables, series.value, chosen.value, window.value)
        text.value = "".join(f"<p>{html.escape(s)}</p>" for s in sentences.split("\n"))
        figure.value = drawn.to_html()

    for control in (series, chosen, window):
        control.observe(update, names="value")
    update()
    return course_widget(series, chosen, window, text, figure)


@static.renders("opinion_explorer", "choose a series, one or more events (Ctrl-click, Cmd-click on a Mac, for "
                "several) and a window of months; one sentence per event and the figure follow your choice.")
def opinion_default():
    return explorer_view(opinion_tables(), DEFAULT_SERIES, DEFAULT_EVENTS, DEFAULT_WINDOW)
