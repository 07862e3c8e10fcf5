"""Lesson 01's timeline explorer: choose a period, an essay paragraph and categories; read the
sentence, the figure and the list of the chosen events. A shell over ``analysis.timeline``."""

from __future__ import annotations

import html

from .. import plots
from ..analysis import timeline as tl
from ..data import as_of, load
from ..display import show
from . import static
from .base import course_widget, labelled

# What the explorer shows first (and the course website shows as its static figure).
DEFAULT_ERA = tl.ALL_YEARS
DEFAULT_PARAGRAPH = tl.ALL_EVENTS
DEFAULT_CATEGORIES = tl.CATEGORIES
CATEGORY_LABEL = "Categories: Ctrl-click (Cmd-click on a Mac) to choose several"


def timeline_view(events, era: str, categories, paragraph: str | None = None,
                  options: dict | None = None) -> tuple[str, plots.AltFigure]:
    """The sentence and the figure for one choice of period, categories and essay paragraph."""
    options = options if options is not None else tl.periods()
    selected = tl.filter_events(events, era, categories, paragraph, options)
    chosen = tuple(c for c in tl.CATEGORIES if c in categories)
    figure = plots.timeline(selected, chosen, tl.alt_text(selected, era, paragraph), span=options[era])
    return tl.summary(selected, era, paragraph), figure


def events_html(events, era: str, categories, paragraph: str | None = None, options: dict | None = None) -> str:
    """The chosen events as a table (date, title, category, paragraphs), every title in full."""
    selected = tl.filter_events(events, era, categories, paragraph, options)
    if selected.empty:
        return "<p>No events to list.</p>"
    caption = f"The {len(selected)} chosen event{'s' if len(selected) != 1 else ''}, in date order"
    return show(tl.event_list(selected), caption=caption)._repr_html_()


def timeline_explorer():
    """Lesson 01: the alliance timeline by period, essay paragraph and category."""
    import ipywidgets as w

    events = load("alliance_timeline")
    options = tl.periods(load("prime_ministers"), as_of())
    era = labelled(w.Dropdown(options=list(options), value=DEFAULT_ERA, layout=w.Layout(width="520px")),
                   "Period")
    paragraph = labelled(w.Dropdown(options=list(tl.PARAGRAPHS), value=DEFAULT_PARAGRAPH,
                                    layout=w.Layout(width="520px")), "Essay paragraph")
    cats = labelled(
        w.SelectMultiple(options=list(tl.CATEGORIES), value=list(DEFAULT_CATEGORIES),
                         rows=len(tl.CATEGORIES), layout=w.Layout(width="520px")),
        CATEGORY_LABEL,
    )
    text = w.HTML().add_class("course-summary")
    figure = w.HTML().add_class("course-figure")
    listing = w.HTML(layout=w.Layout(max_height="320px", overflow="auto")).add_class("course-events")

    def update(_change=None):
        sentence, drawn = timeline_view(events, era.value, cats.value, paragraph.value, options)
        text.value = f"<p>{html.escape(sentence)}</p>"
        figure.value = drawn.to_html()
        listing.value = (f'<div tabindex="0" aria-label="List of the chosen events">'
                         f"{events_html(events, era.value, cats.value, paragraph.value, options)}</div>")

    for control in (era, paragraph, cats):
        control.observe(update, names="value")
    update()
    return course_widget(era, paragraph, cats, text, figure, listing)


@static.renders("timeline_explorer", "choose a period (a span of years or the term of a prime minister), an "
                "essay paragraph, and one or more of the seven categories (Ctrl-click (Cmd-click on a Mac) for "
                "several); the sentence, the figure and the list of events follow your choice.")
def timeline_default():
    events = load("alliance_timeline")
    return timeline_view(events, DEFAULT_ERA, DEFAULT_CATEGORIES, DEFAULT_PARAGRAPH,
                         tl.periods(load("prime_ministers"), as_of()))
