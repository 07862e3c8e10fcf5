"""Lesson 04's figures: the refuelling mission over time, and the aid pledged in its place."""

from __future__ import annotations

import pandas as pd

from .core import OKABE_ITO, ON_WHITE, AltFigure, new_figure, render

FUEL, LAW_2008, LAPSE, PLEDGE = ON_WHITE[3], ON_WHITE[4], "#bbbbbb", ON_WHITE[4]


def fuel_timeline(rates: pd.DataFrame, marks: list[tuple], lapse: tuple, alt: str) -> AltFigure:
    """Fuel per 30 days as bars as wide as their periods (``analysis.refuelling.fuel_rate``).

    ``marks`` are (date, label) lines (the override, the restart, the end), with an optional third
    item "left" to write the label left of its line; ``lapse`` is (start, end) of the period without
    a law, shaded.
    """
    fig = new_figure(10, 4.4, margins={"left": 0.09, "right": 0.98, "top": 0.8, "bottom": 0.13})
    ax = fig.add_subplot()
    ax.axvspan(pd.Timestamp(lapse[0]), pd.Timestamp(lapse[1]) + pd.Timedelta(days=1), color=LAPSE,
               alpha=0.6, zorder=0, label="no law in force (2 Nov 2007 - 15 Jan 2008)")
    for row in rates.itertuples():
        new_law = "Law No. 1 of 2008" in row.legal_basis
        ax.bar(row.period_start, row.kl_per_30_days, width=pd.Timedelta(days=row.days), align="edge",
               color=LAW_2008 if new_law else FUEL, edgecolor="white", zorder=2,
               hatch="//" if row.partial else None)
        middle = row.period_start + pd.Timedelta(days=row.days / 2)
        ax.text(middle, row.kl_per_30_days, f"{row.label}\n{row.kl_per_30_days:,}", ha="center",
                va="bottom", fontsize=7)
    ax.bar([rates["period_start"].iloc[0]], [0], color=FUEL, label="2001 law (FY2007: to 30 Aug, hatched)")
    ax.bar([rates["period_start"].iloc[0]], [0], color=LAW_2008, label="2008 law")
    top = rates["kl_per_30_days"].max()
    for i, (day, label, *side) in enumerate(marks):
        left = bool(side) and side[0] == "left"
        ax.axvline(pd.Timestamp(day), color=OKABE_ITO[7], linestyle="--", linewidth=0.8, zorder=3)
        ax.text(pd.Timestamp(day) + pd.Timedelta(days=-12 if left else 12), top * (0.95 - 0.1 * i), label,
                fontsize=7, va="top", ha="right" if left else "left", zorder=4,
                bbox={"facecolor": "white", "edgecolor": "none", "pad": 1})
    ax.set_xlim(pd.Timestamp("2001-10-01"), pd.Timestamp("2011-01-31"))
    ax.yaxis.set_major_formatter(lambda v, _pos: f"{v:,.0f}")
    ax.set_ylim(0, top * 1.18)
    ax.set_ylabel("ship fuel supplied, kL per 30 days")
    ax.set_xlabel("Japanese fiscal years (April-March) and the 2008 law's period")
    ax.grid(axis="y", color="#dddddd", zorder=0)
    ax.legend(loc="lower left", bbox_to_anchor=(0, 1.02), ncol=3, fontsize=8, frameon=False)
    return render(fig, alt)


def aid_vs_mission(table: pd.DataFrame, alt: str) -> AltFigure:
    """The pledge and the mission's fuel value and cost, in billion yen, as named horizontal bars
    (``analysis.refuelling.pledge_vs_mission``)."""
    fig = new_figure(9, 2.6, margins={"left": 0.33, "right": 0.9, "top": 0.82, "bottom": 0.2})
    ax = fig.add_subplot()
    rows = list(range(len(table)))[::-1]
    colours = [PLEDGE if "pledged" in m.lower() else FUEL for m in table["measure"]]
    ax.barh(rows, table["billion_yen"], color=colours, zorder=2)
    labels = [f"{m}\n({y})" for m, y in zip(table["measure"], table["years_covered"])]
    ax.set_yticks(rows, labels, fontsize=8)
    top = table["billion_yen"].max()
    for y, v in zip(rows, table["billion_yen"]):
        ax.text(v + top * 0.01, y, f"{v:,.1f} bn yen", va="center", fontsize=8)
    ax.set_xlim(0, top * 1.18)
    ax.set_xlabel("billion yen")
    ax.grid(axis="x", color="#dddddd", zorder=0)
    ax.set_title("What Japan pledged, against what the mission supplied and cost", loc="left", fontsize=10)
    return render(fig, alt)
