"""Lesson 01's timeline figure: alliance events on one lane per category.

Each category keeps one colour and one marker whatever else is chosen, markers at the edges of the
window are drawn whole, and events too close together to draw apart are one marker with a count.
"""

from __future__ import annotations

import pandas as pd

from ..analysis import timeline as tl
from .core import MARKERS, ON_WHITE, AltFigure, new_figure, render


def category_style(category: str) -> tuple[str, str]:
    """The colour and marker of a category: fixed by its place in ``CATEGORIES``."""
    i = tl.CATEGORIES.index(category)
    return ON_WHITE[i % len(ON_WHITE)], MARKERS[i % len(MARKERS)]


def timeline(events: pd.DataFrame, categories: tuple[str, ...], alt: str,
             years: tuple[int, int] | None = None, span: tuple | None = None) -> AltFigure:
    """Events as markers on one lane per chosen category.

    ``span`` (first day, last day) or ``years`` (first year, last year) fixes the time axis, so a
    period keeps its axis even with no events. Where markers would overlap (``tl.clusters``), one
    marker stands for the group and a number beside it says how many events it holds.
    """
    if span is None and years is not None:
        span = (pd.Timestamp(years[0], 1, 1), pd.Timestamp(years[1], 12, 31))
    if span is None:
        span = (events["date"].min(), events["date"].max()) if len(events) else \
            (pd.Timestamp(1945, 1, 1), pd.Timestamp(2026, 12, 31))
    first, last = pd.Timestamp(span[0]), pd.Timestamp(span[1])
    if last <= first:
        last = first + pd.Timedelta(days=1)
    height = 0.45 * max(len(categories), 1) + 1.6
    fig = new_figure(9, height, margins={"left": 0.16, "right": 0.97, "top": 1 - 0.45 / height,
                                         "bottom": 0.75 / height})
    ax = fig.add_subplot()
    groups = tl.clusters(events[events["category"].astype(str).isin(categories)], first, last)
    for lane, category in enumerate(categories):
        colour, marker = category_style(category)
        rows = groups[groups["category"] == category]
        ax.scatter(rows["date"], [lane] * len(rows), s=36, color=colour, marker=marker, label=category,
                   zorder=3, clip_on=False, edgecolors="white", linewidths=0.5)
        for row in rows[rows["n"] > 1].itertuples():
            ax.annotate(str(row.n), (row.date, lane), xytext=(0, 6), textcoords="offset points",
                        ha="center", va="bottom", fontsize=7, color="black", zorder=4, annotation_clip=False)
    ax.set_yticks(range(len(categories)), [c.replace("_", " ") for c in categories])
    pad = (last - first) * 0.01
    ax.set_xlim(first - pad, last + pad)
    ax.set_ylim(-0.7, len(categories) - 0.3)
    ax.grid(axis="x", color="#dddddd", zorder=0)
    ax.set_xlabel("Date (a number above a marker: events too close together to draw apart)")
    ax.set_title(f"{len(events)} alliance events", fontsize=10)
    return render(fig, alt)
