"""Lesson 06's statement strip: who said what when, by stance, above one pollster's approval line."""

from __future__ import annotations

import pandas as pd

from .core import MARKERS, OKABE_ITO, ON_WHITE, AltFigure, new_figure, render

# The period the strip always shows, so that windows and filters never move the axis.
PERIOD = (pd.Timestamp("2009-09-01"), pd.Timestamp("2010-06-30"))
LANES = (("JP", "Japan"), ("US", "US"))  # bottom to top, as drawn
STANCE_STYLE = {  # colour and marker per stance code, in the course's stance order
    "open_to_review": (ON_WHITE[5], MARKERS[2]),
    "wait_and_see": (ON_WHITE[1], MARKERS[0]),
    "existing_plan_only": (ON_WHITE[4], MARKERS[1]),
    "other": ("#777777", MARKERS[4]),
}
LABEL_AT_MOST = 14  # name each point when the strip holds this many statements or fewer


def _surname(speaker_id: str) -> str:
    return str(speaker_id).split("_")[0].title()


def statement_strip(selected: pd.DataFrame, series: pd.DataFrame, pollster: str, alt: str,
                    stance_labels: dict[str, str], window=None, launch=None, mark=None) -> AltFigure:
    """Statements as points on two lanes (US above Japan), coloured and shaped by stance, above one
    pollster's approval of the cabinet.

    ``window`` (first day, last day) shades the months chosen; ``launch`` draws the cabinet's first day;
    ``mark`` (date, label) draws one more dated line, e.g. the first clear statement of a position.
    Points carry the speaker's surname when there are few enough to read.
    """
    fig = new_figure(9.5, 5.2, margins={"left": 0.1, "right": 0.98})
    # Two axes placed by hand (left, bottom, width, height): no layout engine to run on every redraw.
    strip = fig.add_axes((0.1, 0.5, 0.88, 0.36))
    polls = fig.add_axes((0.1, 0.13, 0.88, 0.28))
    for ax in (strip, polls):
        if window is not None:
            ax.axvspan(pd.Timestamp(window[0]), pd.Timestamp(window[1]), color=OKABE_ITO[3], alpha=0.3, zorder=0,
                       label="chosen window" if ax is strip else None)
        if launch is not None:
            ax.axvline(pd.Timestamp(launch), color=OKABE_ITO[7], linewidth=1, zorder=1,
                       label="cabinet takes office" if ax is strip else None)
        if mark is not None:
            ax.axvline(pd.Timestamp(mark[0]), color=OKABE_ITO[7], linewidth=1, linestyle="--", zorder=1,
                       label=mark[1] if ax is strip else None)
        ax.grid(axis="x", color="#dddddd", zorder=0)
    lane_of = {side: i for i, (side, _) in enumerate(LANES)}
    for stance, (colour, marker) in STANCE_STYLE.items():
        rows = selected[selected["stance"].astype(str) == stance]
        y = [lane_of[str(s)] for s in rows["side"]]
        strip.scatter(rows["date"], y, s=46, color=colour, marker=marker, edgecolor="white", linewidth=0.5,
                      zorder=3, label=stance_labels[stance])
    if 0 < len(selected) <= LABEL_AT_MOST:
        for i, row in enumerate(selected.itertuples()):
            above = i % 2 == 0  # alternate above and below the lane, upright, so neighbours do not overlap
            strip.annotate(_surname(row.speaker), (row.date, lane_of[str(row.side)]),
                           xytext=(0, 7 if above else -7), textcoords="offset points", ha="center",
                           va="bottom" if above else "top", rotation=90, fontsize=7, zorder=4)
    strip.set_yticks(range(len(LANES)), [name for _, name in LANES])
    strip.set_ylim(-0.9, len(LANES) - 0.1)
    strip.set_xlim(*PERIOD)
    ticks = pd.date_range(PERIOD[0], PERIOD[1], freq="MS")  # fixed ticks: cheaper to draw than a date locator
    strip.set_xticks(ticks, [""] * len(ticks))
    # Titles as plain text: matplotlib's title placement is the slowest part of a redraw.
    strip.text(0, 1.03, f"{len(selected)} statements by stance (course coding)", transform=strip.transAxes,
               fontsize=10)
    strip.legend(loc="lower left", bbox_to_anchor=(0, 1.12), ncol=4, frameon=False, fontsize=8)
    if not series.empty:
        polls.plot(series["date"], series["approve_pct"], color=OKABE_ITO[2], marker="o", markersize=4,
                   linewidth=1.5, zorder=3)
        last = series.iloc[-1]
        polls.annotate(f"{last['approve_pct']:g}%", (last["date"], last["approve_pct"]), xytext=(4, 0),
                       textcoords="offset points", va="center", fontsize=8)
    polls.set_xlim(*PERIOD)
    polls.set_ylim(0, 100)
    polls.set_ylabel("Approval (%)")
    polls.text(0, 1.04, f"Approval of the Hatoyama cabinet: {pollster} polls only", transform=polls.transAxes,
               fontsize=10)
    polls.set_xticks(ticks, [f"{t:%b}\n{t:%Y}" for t in ticks], fontsize=8)
    polls.set_xlabel("Month")
    return render(fig, alt)
