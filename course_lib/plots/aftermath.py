"""Lesson 08's figures of what happened after 2010: named events on a time axis, and yearly series
whose counting rules or survey methods changed (the break drawn, not smoothed over)."""

from __future__ import annotations

import pandas as pd

from .core import MARKERS, OKABE_ITO, ON_WHITE, AltFigure, new_figure, render


def key_events(events: pd.DataFrame, alt: str, *, marked: tuple | None = None,
               title: str = "What followed the essay") -> AltFigure:
    """One row per event (top down in date order), a point at its date with its title beside it,
    coloured and shaped by category. ``marked`` (date, label) draws a dashed line, e.g. the essay."""
    rows = events.sort_values("date").reset_index(drop=True)
    height = 0.3 * max(len(rows), 1) + 1.5
    fig = new_figure(10, height, margins={"left": 0.03, "right": 0.99, "top": 1 - 0.5 / height,
                                          "bottom": 0.85 / height})
    ax = fig.add_subplot()
    categories = list(dict.fromkeys(rows["category"].astype(str)))
    start, end = rows["date"].min(), rows["date"].max()
    span = end - start
    seen: set[str] = set()
    for y, item in enumerate(rows.itertuples()):
        category = str(item.category)
        k = categories.index(category)
        ax.scatter([item.date], [y], s=40, color=ON_WHITE[k % len(ON_WHITE)], marker=MARKERS[k % 8], zorder=3,
                   label=None if category in seen else category.replace("_", " "))
        seen.add(category)
        right_half = item.date > start + span * 0.62
        ax.text(item.date + (-1 if right_half else 1) * span * 0.012, y,
                f"{item.title} ({item.date:%b %Y})", ha="right" if right_half else "left", va="center", fontsize=8)
    if marked is not None:
        ax.axvline(pd.Timestamp(marked[0]), color=OKABE_ITO[7], linestyle="--", linewidth=1, zorder=1)
        ax.text(pd.Timestamp(marked[0]), -1.0, f" {marked[1]}", fontsize=8, va="center")
    ax.set_ylim(len(rows) - 0.4, -1.6)
    ax.set_yticks([])
    ax.set_xlim(start - span * 0.03, end + span * 0.03)
    ax.grid(axis="x", color="#dddddd", zorder=0)
    ax.set_xlabel("Date")
    ax.set_title(title, loc="left", fontsize=10)
    ax.legend(loc="lower left", fontsize=8, frameon=False, title="category", title_fontsize=8)
    return render(fig, alt)


def series_with_breaks(frame: pd.DataFrame, alt: str, *, x: str, y: str, series: str, ylabel: str,
                       title: str, breaks: tuple = (), window: tuple | None = None,
                       label_last: bool = True) -> AltFigure:
    """Yearly values as points joined only within a series: each series (a counting rule, a survey
    method) keeps its own colour and marker, and a line never crosses from one series to the next.

    ``breaks`` is a sequence of (x position, label) drawn as dotted lines; ``window`` (first, last,
    label) shades the period under discussion. With ``label_last`` each series' last value is named.
    """
    fig = new_figure(9, 4.4, margins={"left": 0.1, "right": 0.97, "top": 0.86, "bottom": 0.24})
    ax = fig.add_subplot()
    if window is not None:
        ax.axvspan(window[0], window[1], color="#ebebeb", zorder=0, label=window[2])
    for i, (name, part) in enumerate(frame.groupby(series, sort=False, observed=True)):
        part = part.sort_values(x)
        colour = ON_WHITE[(i + 3) % len(ON_WHITE)]
        ax.plot(part[x], part[y], marker=MARKERS[i % 8], color=colour, linestyle="none", label=str(name), zorder=3)
        run = (part[x].diff() > 1.5).cumsum()  # consecutive years form a run; a gap ends it
        for _, piece in part.groupby(run):
            if len(piece) > 1:
                ax.plot(piece[x], piece[y], color=colour, zorder=2)
        if label_last and len(part):
            last = part.iloc[-1]
            ax.annotate(f"{last[y]:,.0f}" if last[y] >= 100 else f"{last[y]:.1f}", (last[x], last[y]),
                        textcoords="offset points", xytext=(4, 6), fontsize=8, color=colour)
    for k, (position, label) in enumerate(breaks):
        ax.axvline(position, color=OKABE_ITO[7], linestyle=":", linewidth=1.2, zorder=1)
        ax.text(position, 1.01 + 0.06 * (k % 2), label, transform=ax.get_xaxis_transform(), fontsize=8,
                ha="center", va="bottom")
    low, high = frame[x].min(), frame[x].max()
    ax.set_xlim(low - (high - low) * 0.03, high + (high - low) * 0.07)
    ax.yaxis.set_major_formatter(lambda value, _pos: f"{value:,.0f}")
    ax.set_xlabel(x.replace("_", " ").capitalize())
    ax.set_ylabel(ylabel)
    ax.grid(axis="y", color="#dddddd", zorder=0)
    ax.set_title(title, loc="left", fontsize=10, pad=10 + 9 * min(len(breaks), 2))
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.13), ncols=2, fontsize=8, frameon=False)
    return render(fig, alt)
