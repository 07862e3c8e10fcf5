"""Lesson 07's opinion figures: one survey series over time, with events and the means around them."""

from __future__ import annotations

import pandas as pd

from .core import OKABE_ITO, ON_WHITE, AltFigure, new_figure, render

GAP_DAYS = 400  # no line is drawn across a gap of more than about a year between two readings
SERIES_COLOUR = ON_WHITE[3]  # blue
EVENT_COLOURS = (ON_WHITE[4], ON_WHITE[2], ON_WHITE[5], ON_WHITE[6], ON_WHITE[0], ON_WHITE[1])


def opinion_series(readings: pd.DataFrame, title: str, y_label: str, alt: str, changes: pd.DataFrame | None = None,
                   months: int | None = None, mark: tuple | None = None, breaks=(), window=None) -> AltFigure:
    """A survey series as points at the middle of each reading's fieldwork.

    Filled points are readings whose field dates or month are known; hollow points are placed only by
    their year (their timing is uncertain). Lines join readings less than about a year apart, so a gap
    in the data stays a gap. ``changes`` (from ``analysis.opinion.changes``) draws each event as a
    dashed line with the mean of the readings in the ``months`` before and after it as flat segments.
    ``mark`` (start, end, label) shades the period under discussion; ``breaks`` is a list of (date,
    label) method changes drawn as dotted lines; ``window`` (start, end) limits the time axis.
    """
    n_events = 0 if changes is None else len(changes)
    n_legend = 1 + (mark is not None) + 1 + n_events
    legend_inches = 0.2 * ((n_legend + 1) // 2)
    height = 3.9 + legend_inches
    fig = new_figure(10, height, margins={"left": 0.08, "right": 0.98, "top": 1 - (0.45 + legend_inches) / height,
                                          "bottom": 0.55 / height})
    ax = fig.add_subplot()
    if mark is not None:
        ax.axvspan(pd.Timestamp(mark[0]), pd.Timestamp(mark[1]), color=OKABE_ITO[3], alpha=0.3, zorder=0,
                   label=mark[2])
    ordered = readings.sort_values("mid").reset_index(drop=True)
    run: list[int] = []
    for i in range(len(ordered)):
        if run and (ordered.loc[i, "mid"] - ordered.loc[run[-1], "mid"]).days > GAP_DAYS:
            _line(ax, ordered.loc[run])
            run = []
        run.append(i)
    if run:
        _line(ax, ordered.loc[run])
    dated = ordered["precision"].isin(["day", "month"])
    colour = SERIES_COLOUR
    ax.scatter(ordered.loc[dated, "mid"], ordered.loc[dated, "value"], s=26, color=colour, zorder=4,
               label="reading (field dates or month known)")
    hollow = ~dated
    if window is not None:  # a legend entry only for hollow points the reader can see
        hollow &= ordered["mid"].between(pd.Timestamp(window[0]), pd.Timestamp(window[1]))
    if hollow.any():
        ax.scatter(ordered.loc[hollow, "mid"], ordered.loc[hollow, "value"], s=26, facecolors="white",
                   edgecolors=colour, linewidths=1.3, zorder=4, label="reading placed by its year only")
    for date, label in breaks:
        ax.axvline(pd.Timestamp(date), color="#777777", linestyle=":", linewidth=1.2, zorder=1)
        ax.text(pd.Timestamp(date), 1.01, label, transform=ax.get_xaxis_transform(), fontsize=7,
                color="#555555", ha="center", va="bottom")
    if changes is not None and months:
        for k, c in enumerate(changes.itertuples(index=False)):
            hue = EVENT_COLOURS[k % len(EVENT_COLOURS)]
            day = pd.Timestamp(c.date)
            ax.axvline(day, color=hue, linestyle="--", linewidth=1.2, zorder=2,
                       label=f"{day:%Y-%m-%d} {c.event}: mean before and after")
            ax.text(day, 0.02 + 0.07 * (k % 3), f" {day:%Y-%m-%d}", transform=ax.get_xaxis_transform(),
                    fontsize=7, color="black", ha="left", va="bottom", zorder=5,
                    bbox={"facecolor": "white", "edgecolor": hue, "pad": 1.2, "linewidth": 0.8})
            if pd.notna(c.mean_before):
                ax.hlines(c.mean_before, day - pd.DateOffset(months=months), day, colors=hue, linewidth=3,
                          alpha=0.75, zorder=3)
            if pd.notna(c.mean_after):
                ax.hlines(c.mean_after, day, day + pd.DateOffset(months=months), colors=hue, linewidth=3,
                          alpha=0.75, zorder=3)
    if window is not None:
        ax.set_xlim(pd.Timestamp(window[0]), pd.Timestamp(window[1]))
    low, high = float(ordered["value"].min()), float(ordered["value"].max())
    ax.set_ylim(max(0.0, low - 8), min(100.0, high + 6))
    ax.set_ylabel(y_label)
    ax.set_xlabel("Year (each reading at the middle of its fieldwork)")
    ax.grid(color="#e5e5e5", zorder=0)
    handles, labels = ax.get_legend_handles_labels()
    fig.text(0.08, 1 - 0.08 / height, title, ha="left", va="top", fontsize=10, fontweight="bold")
    fig.legend(handles, labels, loc="upper left", bbox_to_anchor=(0.07, 1 - 0.3 / height), ncol=2,
               frameon=False, fontsize=8)
    return render(fig, alt)


def _line(ax, rows: pd.DataFrame) -> None:
    if len(rows) > 1:
        ax.plot(rows["mid"], rows["value"], color=SERIES_COLOUR, linewidth=1.2, alpha=0.8, zorder=3)
