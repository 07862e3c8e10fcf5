"""Burden-sharing figures (lessons 07 and 08): host-nation support bars and defence shares of GDP."""

from __future__ import annotations

import pandas as pd

from .core import MARKERS, OKABE_ITO, ON_WHITE, AltFigure, new_figure, render

COUNTRY_COLOURS = {"Japan": ON_WHITE[5], "United States": ON_WHITE[4], "China": ON_WHITE[2]}


def hns_bars(series: pd.DataFrame, alt: str, mark: tuple | None = None, label: str = "MOD host-nation support total, "
             "initial budget") -> AltFigure:
    """One bar per fiscal year with a value (years without one stay blank), each bar labelled with its
    value; years in which MOD's list of items changed carry a dark outline and a note below the axis.
    ``series`` comes from ``analysis.burden.hns_series``; ``mark`` (first FY, last FY, label) shades a period."""
    fig = new_figure(10, 4.2, margins={"left": 0.08, "right": 0.98, "top": 0.86, "bottom": 0.2})
    ax = fig.add_subplot()
    if mark is not None:
        ax.axvspan(mark[0] - 0.5, mark[1] + 0.5, color=OKABE_ITO[3], alpha=0.3, zorder=0, label=mark[2])
    years = series["fiscal_year"].astype(int)
    values = series["value_billion_yen"].astype(float)
    changed = series["items_changed"].astype(str).str.len() > 0
    ax.bar(years, values, color=OKABE_ITO[4], width=0.75, zorder=2, label=label)
    ax.bar(years[changed], values[changed], color=OKABE_ITO[4], width=0.75, edgecolor="black", linewidth=1.6,
           zorder=3, label="MOD's list of items changed since the previous bar")
    for year, value in zip(years, values):
        ax.text(year, value + 3, f"{value:.0f}", ha="center", va="bottom", fontsize=7, zorder=4)
    ax.set_xticks(list(years), [f"FY{y}" for y in years], rotation=60,
                  fontsize=7)
    ax.set_ylabel("billion yen")
    ax.set_xlabel("Japanese fiscal year (April-March); blank years have no sourced value")
    ax.set_ylim(0, float(values.max()) * 1.15)
    ax.grid(axis="y", color="#e5e5e5", zorder=0)
    ax.legend(loc="upper left", bbox_to_anchor=(0, 1.18), ncol=3, frameon=False, fontsize=8)
    return render(fig, alt)


def defense_shares(shares: pd.DataFrame, alt: str, breaks: pd.DataFrame | None = None,
                   mark: tuple | None = None) -> AltFigure:
    """Military expenditure as a share of GDP, one named line per country; a dotted line where the
    series changes SIPRI release (``breaks`` from ``analysis.burden.release_breaks``); ``mark``
    (first year, last year, label) shades a period."""
    fig = new_figure(10, 4.2, margins={"left": 0.07, "right": 0.88, "top": 0.86, "bottom": 0.13})
    ax = fig.add_subplot()
    if mark is not None:
        ax.axvspan(mark[0] - 0.5, mark[1] + 0.5, color=OKABE_ITO[3], alpha=0.3, zorder=0, label=mark[2])
    for k, (country, group) in enumerate(shares.groupby("country", sort=False)):
        group = group.sort_values("year")
        colour = COUNTRY_COLOURS.get(country, ON_WHITE[k % len(ON_WHITE)])
        ax.plot(group["year"], group["share_pct"], color=colour, marker=MARKERS[k], markersize=4, linewidth=1.6,
                zorder=3)
        last = group.iloc[-1]
        ax.text(last["year"] + 0.4, last["share_pct"], f"{country} {last['share_pct']:.2f}%", color="black",
                fontsize=8, va="center")
    if breaks is not None and not breaks.empty:
        for (last_year, first_year), rows in breaks.groupby(["last_year", "first_year"]):
            x = (last_year + first_year) / 2
            ax.axvline(x, color="#555555", linestyle=":", linewidth=1.3, zorder=1)
            ax.text(x, 1.01, f"SIPRI release changes: {rows['from_release'].iloc[0]} | {rows['to_release'].iloc[0]}",
                    transform=ax.get_xaxis_transform(), fontsize=7, ha="center", va="bottom", color="#333333")
    ax.set_ylabel("military expenditure, % of GDP")
    ax.set_xlabel("Calendar year")
    ax.set_ylim(0, float(shares["share_pct"].max()) * 1.12)
    ax.grid(color="#e5e5e5", zorder=0)
    if mark is not None:
        ax.legend(loc="upper left", bbox_to_anchor=(0, 1.18), frameon=False, fontsize=8)
    return render(fig, alt)
