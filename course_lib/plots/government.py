"""Lesson 03's figures: seats by party in two elections, the largest party's share since 1958, a
coalition's seats against the lines of both houses, and cabinet approval one pollster per line.

Drawing only: every number comes in from the lesson's pandas or from ``analysis.government``.
"""

from __future__ import annotations

import pandas as pd

from .core import MARKERS, OKABE_ITO, ON_WHITE, AltFigure, new_figure, render


def seat_change(table: pd.DataFrame, before: str, after: str, alt: str,
                line: tuple[int, str] | None = None) -> AltFigure:
    """Seats by party in two elections as paired horizontal bars, each bar labelled with its seats.

    ``table`` has a ``party`` column and one column of seats per election, named ``before`` and
    ``after`` (e.g. "2005" and "2009"); rows are drawn top to bottom in the table's order.
    """
    rows = table.reset_index(drop=True)
    height = 0.42 * len(rows) + 1.3
    fig = new_figure(8, height, margins={"left": 0.13, "right": 0.97, "top": 1 - 0.55 / height,
                                         "bottom": 0.6 / height})
    ax = fig.add_subplot()
    positions = range(len(rows))
    for offset, column, colour in ((-0.2, before, OKABE_ITO[1]), (0.2, after, OKABE_ITO[5])):
        values = rows[column].astype(int)
        ax.barh([p + offset for p in positions], values, height=0.38, color=colour, label=f"{column} election")
        for p, value in zip(positions, values):
            ax.text(value + 3, p + offset, str(value), va="center", fontsize=7)
    if line is not None:
        ax.axvline(line[0], color="#000000", linestyle="--", linewidth=1)
        ax.text(line[0] + 3, (len(rows) - 1) / 2, line[1], fontsize=8)
    ax.set_yticks(list(positions), list(rows["party"].astype(str)))
    ax.invert_yaxis()
    ax.set_xlabel("Seats in the House of Representatives")
    ax.set_xlim(0, max(int(rows[before].max()), int(rows[after].max())) * 1.12)
    ax.grid(axis="x", color="#dddddd", zorder=0)
    ax.legend(loc="lower right", frameon=False, fontsize=8)
    return render(fig, alt)


def largest_party_share(summary: pd.DataFrame, alt: str, marks: dict[int, str] | None = None) -> AltFigure:
    """The largest party's share of lower-house seats at every general election, with the 50% line.

    ``summary`` has election_date, party (the largest party) and seat_share (percent). Points are
    coloured by party and named where the largest party was not the LDP; ``marks`` ({year: label})
    annotates the elections under discussion.
    """
    fig = new_figure(9, 3.8, margins={"left": 0.08, "right": 0.98, "top": 0.9, "bottom": 0.14})
    ax = fig.add_subplot()
    ax.axhline(50, color="#555555", linestyle="--", linewidth=1, zorder=1)
    ax.text(summary["election_date"].min(), 50.6, "half of the seats", fontsize=8, color="#555555")
    ax.plot(summary["election_date"], summary["seat_share"], color="#bbbbbb", linewidth=1, zorder=2)
    parties = list(dict.fromkeys(summary["party"].astype(str)))
    for i, party in enumerate(parties):
        rows = summary[summary["party"].astype(str) == party]
        ax.scatter(rows["election_date"], rows["seat_share"], s=36, color=ON_WHITE[(4 + i) % len(ON_WHITE)],
                   marker=MARKERS[i % len(MARKERS)], label=f"largest party: {party}", zorder=3)
    for year, text in (marks or {}).items():
        row = summary[summary["election_date"].dt.year == year]
        if not row.empty:
            x, y = row["election_date"].iloc[0], float(row["seat_share"].iloc[0])
            ax.annotate(text, (x, y), xytext=(0, -26 if y > 50 else 16), textcoords="offset points",
                        ha="center", fontsize=8, arrowprops={"arrowstyle": "-", "color": "#555555"})
    ax.set_ylim(35, 72)
    ax.set_ylabel("Share of lower-house seats (%)")
    ax.set_xlabel("General election")
    ax.grid(axis="y", color="#eeeeee", zorder=0)
    ax.legend(loc="upper right", frameon=False, fontsize=8, ncols=len(parties))
    return render(fig, alt)


_CHAMBER_NAMES = {"lower house": "Lower house (HR)", "upper house": "Upper house (HC)"}


def coalition_bars(result: pd.DataFrame, title: str, alt: str) -> AltFigure:
    """A set of parties' share of each house, with each house's own majority and two-thirds lines.

    ``result`` is ``analysis.government.coalition(...)``: one row per chamber with seats,
    total_seats, majority_line and two_thirds_line. Bars are in percent of the full chamber, so two
    houses of different sizes share one axis; the labels give the seats.
    """
    fig = new_figure(8, 2.7, dpi=90, margins={"left": 0.19, "right": 0.97, "top": 0.84, "bottom": 0.19})
    ax = fig.add_subplot()
    for y, row in enumerate(result.itertuples()):
        share = 100 * row.seats / row.total_seats
        ax.barh(y, 100, height=0.5, color="#eeeeee", zorder=1)
        ax.barh(y, share, height=0.5, color=OKABE_ITO[4], zorder=2)
        inside = share >= 18
        ax.text(share - 1 if inside else share + 1, y, f"{row.seats} of {row.total_seats}", va="center",
                ha="right" if inside else "left", fontsize=8, color="white" if inside else "black", zorder=4)
        for line, name, colour, style in ((row.majority_line, "majority", OKABE_ITO[5], "-"),
                                          (row.two_thirds_line, "two-thirds", "#000000", ":")):
            x = 100 * line / row.total_seats
            ax.plot([x, x], [y - 0.32, y + 0.32], color=colour, linestyle=style, linewidth=2, zorder=3)
            ax.text(x, y + 0.3, f"{name} {line}", ha="center", va="top", fontsize=7, color=colour,
                    bbox={"facecolor": "white", "edgecolor": "none", "pad": 0.5}, zorder=5)
    ax.set_yticks(range(len(result)), [_CHAMBER_NAMES.get(c, c) for c in result["chamber"]], fontsize=9)
    ax.set_ylim(-0.45, len(result) - 0.3)
    ax.invert_yaxis()
    ax.set_xlim(0, 100)
    ax.set_xlabel("Share of the chamber's seats (%)")
    ax.set_title(title, loc="left", fontsize=9)
    return render(fig, alt)


def approval_lines(readings: pd.DataFrame, alt: str, mark: tuple | None = None) -> AltFigure:
    """Cabinet approval, one line per pollster (never joining two pollsters' readings), each line
    named at its last point. ``readings`` has pollster, fieldwork_end and approve_pct; ``mark``
    (date, label) draws a dated vertical line."""
    fig = new_figure(9, 4, margins={"left": 0.08, "right": 0.82, "top": 0.93, "bottom": 0.13})
    ax = fig.add_subplot()
    ends = []
    for i, (pollster, rows) in enumerate(readings.sort_values("fieldwork_end").groupby("pollster", observed=True)):
        colour, marker = ON_WHITE[i % len(ON_WHITE)], MARKERS[i % len(MARKERS)]
        ax.plot(rows["fieldwork_end"], rows["approve_pct"], color=colour, marker=marker, markersize=5, linewidth=1.5)
        ends.append([float(rows["approve_pct"].iloc[-1]), str(pollster), colour])
    # Names at the right edge, in the order of the last readings, at least 4.5 points apart.
    ends.sort()
    for below, above in zip(ends, ends[1:]):
        above[0] = max(above[0], below[0] + 4.5)
    right = readings["fieldwork_end"].max() + pd.Timedelta(days=6)
    for y, name, colour in ends:
        ax.text(right, y, name, va="center", fontsize=8, color=colour, clip_on=False)
    if mark is not None:
        ax.axvline(pd.Timestamp(mark[0]), color="#555555", linestyle=":", linewidth=1)
        ax.text(pd.Timestamp(mark[0]), 3, f" {mark[1]}", fontsize=8, color="#555555")
    ax.axhline(50, color="#dddddd", linewidth=1, zorder=0)
    ax.set_ylim(0, 85)
    ax.set_ylabel("Approve (% of respondents)")
    ax.set_xlabel("Last day of fieldwork")
    ax.grid(axis="y", color="#eeeeee", zorder=0)
    return render(fig, alt)
