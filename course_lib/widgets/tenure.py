"""Lesson 02's tenure explorer: leaders' tenures and turnover in a window of years, in two comparisons."""

from __future__ import annotations

import html

import pandas as pd

from .. import plots
from ..analysis import leaders as ld
from ..data import as_of, load
from . import static
from .base import course_widget, labelled

# What the explorer shows first (and the course website shows as its static figure).
DEFAULT_YEARS = (2001, 2010)
DEFAULT_COMPARISON = ld.COMPARISONS[0]
FIRST_YEAR = 1946  # the first full year with a post-war prime minister in the data
CONTEXT_YEARS = 3  # the figure shows this many years either side of the window


def _alt(table: pd.DataFrame, years: str) -> str:
    parts = []
    for row in table.itertuples():
        if row.tenures == 0:
            parts.append(f"{row.group}: none in office")
        elif row.completed and row.shortest != row.longest:
            parts.append(f"{row.group}: {row.tenures} tenures, median completed tenure {row.median:,g} days")
        elif row.completed == 1 and row.tenures == 1:
            parts.append(f"{row.group}: 1 tenure, of {row.median:,g} days")
        elif row.completed:
            parts.append(f"{row.group}: {row.tenures} tenures, each completed one of {row.median:,g} days")
        else:
            parts.append(f"{row.group}: {row.tenures} {'tenure' if row.tenures == 1 else 'tenures'}, none ended")
    return (f"Named tenure bars of Japan's prime ministers (top) and US presidents (bottom) around "
            f"{years}, the chosen window shaded. " + "; ".join(parts) + ".")


def tenure_view(pms: pd.DataFrame, presidents: pd.DataFrame, first_year: int, last_year: int,
                comparison: str, today=None) -> tuple[str, plots.AltFigure]:
    """The sentence and the figure for one window of years and one comparison."""
    today = pd.Timestamp(as_of() if today is None else today)
    first_year, last_year = sorted((int(first_year), int(last_year)))
    table = ld.compare_tenures(pms, presidents, first_year, last_year, comparison, today)
    start, end = table.iloc[0]["window_start"], table.iloc[0]["window_end"]
    shown_from = max(pd.Timestamp(year=first_year - CONTEXT_YEARS, month=1, day=1),
                     pd.Timestamp(year=FIRST_YEAR, month=1, day=1))
    shown_to = min(pd.Timestamp(year=last_year + CONTEXT_YEARS, month=12, day=31), today)
    japan = ld.in_office(pms[~pms["acting"].astype(bool)], shown_from, shown_to, today)
    us = ld.in_office(presidents, shown_from, shown_to, today)
    years = f"{first_year}" if first_year == last_year else f"{first_year}-{last_year}"
    figure = plots.tenures(japan, us, today, alt=_alt(table, years), window=(shown_from, shown_to),
                           mark=(start, end, f"Chosen window: {years}"))
    return ld.tenure_sentence(table), figure


def tenure_explorer():
    """Lesson 02: tenures and turnover of leaders in a window of years (Japan and the US, or LDP and others)."""
    import ipywidgets as w

    pms, presidents, today = load("prime_ministers"), load("us_presidents"), as_of()
    years = labelled(w.IntRangeSlider(value=DEFAULT_YEARS, min=FIRST_YEAR, max=today.year, step=1,
                                      continuous_update=False, layout=w.Layout(width="560px")),
                     "Window of years")
    comparison = labelled(w.Dropdown(options=list(ld.COMPARISONS), value=DEFAULT_COMPARISON,
                                     layout=w.Layout(width="420px")), "Compare")
    text = w.HTML().add_class("course-summary")
    figure = w.HTML().add_class("course-figure")

    def update(_change=None):
        sentence, drawn = tenure_view(pms, presidents, *years.value, comparison.value, today)
        text.value = f"<p>{html.escape(sentence)}</p>"
        figure.value = drawn.to_html()

    years.observe(update, names="value")
    comparison.observe(update, names="value")
    update()
    return course_widget(years, comparison, text, figure)


@static.renders("tenure_explorer", "move the window of years (drag either end, or focus a handle and use the "
                "arrow keys) and choose the comparison (Japan and the US, or LDP and other parties); the "
                "sentence and the figure follow your choice.")
def tenure_default():
    return tenure_view(load("prime_ministers"), load("us_presidents"), *DEFAULT_YEARS, DEFAULT_COMPARISON)
