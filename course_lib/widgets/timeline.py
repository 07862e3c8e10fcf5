"""Lesson 01's timeline explorer: filter the alliance timeline by era and category."""

from __future__ import annotations

import html

from .. import plots
from ..analysis import timeline as tl
from ..data import load
from .base import course_widget, labelled


def timeline_explorer():
    """Lesson 01: filter the alliance timeline by era and category."""
    import ipywidgets as w

    events = load("alliance_timeline")
    era = labelled(w.Dropdown(options=list(tl.ERAS), value="All years",
                               layout=w.Layout(width="420px")), "Era")
    cats = labelled(
        w.SelectMultiple(options=list(tl.CATEGORIES), value=list(tl.CATEGORIES), rows=len(tl.CATEGORIES),
                         layout=w.Layout(width="420px")),
        "Categories (Ctrl/Shift-click for several)",
    )
    text = w.HTML().add_class("course-summary")
    figure = w.HTML().add_class("course-figure")

    def update(_change=None):
        selected = tl.filter_events(events, era.value, cats.value)
        text.value = f"<p>{html.escape(tl.summary(selected, era.value))}</p>"
        chosen = tuple(c for c in tl.CATEGORIES if c in cats.value)
        figure.value = plots.timeline(selected, chosen, tl.alt_text(selected, era.value),
                                      years=tl.ERAS[era.value]).to_html()

    era.observe(update, names="value")
    cats.observe(update, names="value")
    update()
    return course_widget(era, cats, text, figure)
