"""Lesson 02's figures: yearly indicators side by side, and approval from launch to the last reading."""

from __future__ import annotations

import pandas as pd

from .core import MARKERS, ON_WHITE, AltFigure, new_figure, render

# Blue, green, orange, then the rest: distinct panels in the Okabe-Ito palette (no yellow on white).
_PANEL_COLOURS = (ON_WHITE[3], ON_WHITE[2], ON_WHITE[0], ON_WHITE[5], ON_WHITE[4], ON_WHITE[1])


def yearly_indicators(per_year: pd.DataFrame, alt: str, mark: tuple | None = None,
                      unit: str = "count in the year") -> AltFigure:
    """One panel of bars per column of ``per_year`` (index: years), each bar labelled with its value.

    ``mark`` (year as a decimal, label) draws a dashed line at a point in time on every panel, e.g.
    ``(2006.74, "Koizumi leaves office")``. Each bar covers its year (2006 from 2006.0 to 2007.0), so a
    mark falls inside the bar of its own year. The panels share the year axis.
    """
    from matplotlib.ticker import MaxNLocator

    columns = list(per_year.columns)
    if not columns:
        raise ValueError("yearly_indicators needs at least one column to draw.")
    height = 1.55 * len(columns) + 0.9
    fig = new_figure(9, height, margins={"left": 0.09, "right": 0.98, "top": 1 - 0.55 / height,
                                         "bottom": 0.55 / height, "hspace": 0.55})
    axes = fig.subplots(len(columns), 1, sharex=True, squeeze=False)[:, 0]
    years = [int(y) for y in per_year.index]
    for i, (ax, column) in enumerate(zip(axes, columns)):
        values = per_year[column].astype(float)
        colour = _PANEL_COLOURS[i % len(_PANEL_COLOURS)]
        middles = [year + 0.5 for year in years]
        ax.bar(middles, values, color=colour, width=0.8, zorder=2)
        top = max(float(values.max()), 1.0)
        for middle, value in zip(middles, values):
            ax.text(middle, value + top * 0.04, f"{value:g}", ha="center", va="bottom", fontsize=8)
        ax.set_ylim(0, top * 1.35)
        ax.set_title(column, loc="left", fontsize=10)
        ax.set_ylabel(unit, fontsize=8)
        ax.yaxis.set_major_locator(MaxNLocator(integer=True))
        ax.grid(axis="y", color="#dddddd", zorder=0)
        if mark is not None:
            ax.axvline(mark[0], color="black", linestyle="--", linewidth=1, zorder=3,
                       label=mark[1] if i == 0 else None)
    axes[-1].set_xticks([year + 0.5 for year in years], [str(y) for y in years])
    axes[-1].set_xlim(years[0], years[-1] + 1)
    axes[-1].set_xlabel("Year")
    if mark is not None:
        axes[0].legend(loc="upper right", bbox_to_anchor=(1, 1.45), frameon=False, fontsize=8)
    return render(fig, alt)


def approval_change(table: pd.DataFrame, alt: str, first: str = "launch", last: str = "last",
                    label: str = "cabinet") -> AltFigure:
    """Each row of ``table`` as a line from its ``first`` to its ``last`` reading (percent), both
    values printed, rows top to bottom in table order."""
    n = len(table)
    height = 0.45 * n + 1.3
    fig = new_figure(8, height, margins={"left": 0.25, "right": 0.97, "top": 1 - 0.55 / height,
                                         "bottom": 0.65 / height})
    ax = fig.add_subplot()
    for y, row in enumerate(table.itertuples(index=False)):
        start, end = float(getattr(row, first)), float(getattr(row, last))
        ax.plot([start, end], [y, y], color="#999999", linewidth=2, zorder=1)
        ax.scatter([start], [y], color=ON_WHITE[4], marker=MARKERS[0], s=50, zorder=2,
                   label="first reading" if y == 0 else None)
        ax.scatter([end], [y], color=ON_WHITE[5], marker=MARKERS[1], s=50, zorder=2,
                   label="last reading" if y == 0 else None)
        ax.text(start + 1.5, y + 0.22, f"{start:g}", fontsize=8, color=ON_WHITE[4])
        ax.text(end - 1.5, y + 0.22, f"{end:g}", fontsize=8, ha="right", color=ON_WHITE[5])
    ax.set_yticks(range(n), [str(getattr(row, label)) for row in table.itertuples(index=False)])
    ax.set_ylim(n - 0.4, -0.7)
    ax.set_xlim(0, 100)
    ax.set_xlabel("Approval of the cabinet (% of respondents)")
    ax.grid(axis="x", color="#dddddd", zorder=0)
    ax.legend(loc="lower left", bbox_to_anchor=(0, 1.0), ncols=2, frameon=False, fontsize=8)
    return render(fig, alt)
