"""Lesson 01's timeline explorer: filter the alliance timeline by era and category."""

from __future__ import annotations

import html

from .. import plots
from ..analysis import timeline as tl
from ..data import load
from . import static
from .base import course_widget, labelled

# What the explorer shows first (and the course website shows as its static figure).
DEFAULT_ERA = "All years"
DEFAULT_CATEGORIES = tl.CATEGORIES


def timeline_view(events, era: str, categories) -> tuple[str, plots.AltFigure]:
    """The sentence and the figure for one choice of era and categories."""
    selected = tl.filter_events(events, era, categories)
    chosen = tuple(c for c in tl.CATEGORIES if c in categories)
    figure = plots.timeline(selected, chosen, tl.alt_text(selected, era), years=tl.ERAS[era])
    return tl.summary(selected, era), figure


def timeline_explorer():
    """Lesson 01: filter the alliance timeline by era and category."""
    import ipywidgets as w

    events = load("alliance_timeline")
    era = labelled(w.Dropdown(options=list(tl.ERAS), value=DEFAULT_ERA,
                               layout=w.Layout(width="420px")), "Era")
    cats = labelled(
        w.SelectMultiple(options=list(tl.CATEGORIES), value=list(DEFAULT_CATEGORIES),
                         rows=len(tl.CATEGORIES), layout=w.Layout(width="420px")),
        "Categories (Ctrl/Shift-click for several)",
    )
    text = w.HTML().add_class("course-summary")
    figure = w.HTML().add_class("course-figure")

    def update(_change=None):
        sentence, drawn = timeline_view(events, era.value, cats.value)
        text.value = f"<p>{html.escape(sentence)}</p>"
        figure.value = drawn.to_html()

    era.observe(update, names="value")
    cats.observe(update, names="value")
    update()
    return course_widget(era, cats, text, figure)


@static.renders("timeline_explorer", "choose an era and one or more of the seven categories (Ctrl-click, "
                "Cmd-click on a Mac, for several); the sentence and the figure follow your choice.")
def timeline_default():
    return timeline_view(load("alliance_timeline"), DEFAULT_ERA, DEFAULT_CATEGORIES)
