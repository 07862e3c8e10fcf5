"""Lesson 01's timeline figure: alliance events on one lane per category."""

from __future__ import annotations

import pandas as pd

from .core import MARKERS, ON_WHITE, AltFigure, new_figure, render


def timeline(events: pd.DataFrame, categories: tuple[str, ...], alt: str,
             years: tuple[int, int] | None = None) -> AltFigure:
    """Events as points on one lane per category, coloured and shaped by category.

    ``years`` (first, last) fixes the time axis, so an era keeps its axis even with no events.
    """
    height = 0.45 * max(len(categories), 1) + 1.6
    fig = new_figure(9, height, margins={"left": 0.16, "right": 0.98, "top": 1 - 0.45 / height,
                                         "bottom": 0.75 / height})
    ax = fig.add_subplot()
    for lane, category in enumerate(categories):
        rows = events[events["category"] == category]
        ax.scatter(rows["date"], [lane] * len(rows), s=36, color=ON_WHITE[lane % len(ON_WHITE)],
                   marker=MARKERS[lane % 8], label=category, zorder=3)
    ax.set_yticks(range(len(categories)), [c.replace("_", " ") for c in categories])
    if years is not None:
        ax.set_xlim(pd.Timestamp(years[0], 1, 1), pd.Timestamp(years[1], 12, 31))
    ax.set_ylim(-0.7, len(categories) - 0.3)
    ax.grid(axis="x", color="#dddddd", zorder=0)
    ax.set_xlabel("Year")
    ax.set_title(f"{len(events)} alliance events")
    return render(fig, alt)
