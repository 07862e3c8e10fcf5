"""Lesson 05's figures: the Futenma plans on one timeline, the facilities map, the burden shares and the
decision matrix's ranking. Layout only: the numbers come from ``course_lib.analysis.futenma`` and pandas."""

from __future__ import annotations

import math

import pandas as pd

from .core import MARKERS, OKABE_ITO, ON_WHITE, AltFigure, new_figure, render

SERVICE_COLOURS = {"Marine Corps": OKABE_ITO[5], "Air Force": OKABE_ITO[4], "Army": OKABE_ITO[2],
                   "Navy": OKABE_ITO[6]}
SERVICE_MARKERS = {"Marine Corps": "o", "Air Force": "s", "Army": "^", "Navy": "D"}
_POINTS_PER_KM2 = 14  # marker area (points^2) per km2 of facility; a 48 km2 camp is a 670-point disc


def decimal_year(when) -> float:
    """A date as a year with a fraction (1 July 2000 -> about 2000.5)."""
    day = pd.Timestamp(when)
    start = pd.Timestamp(day.year, 1, 1)
    return day.year + (day - start).days / (pd.Timestamp(day.year + 1, 1, 1) - start).days


def plans_timeline(plans: pd.DataFrame, events: pd.DataFrame, alt: str, mark: tuple | None = None,
                   years: tuple[int, int] = (1995, 2025)) -> AltFigure:
    """Events (black diamonds, at their day) above every option (coloured by period, at mid-year, since
    ``futenma_plans`` gives only the year), one labelled row each, on one time axis.

    ``plans`` needs option, year and period (``analysis.futenma.plans_by_year``); ``events`` needs date
    and title. ``mark`` (start, end, label) shades the period under discussion.
    """
    rows = len(events) + len(plans)
    height = 0.24 * rows + 1.3
    fig = new_figure(10, height, margins={"left": 0.03, "right": 0.97, "top": 1 - 0.55 / height,
                                          "bottom": 0.6 / height})
    ax = fig.add_subplot()
    if mark is not None:
        ax.axvspan(decimal_year(mark[0]), decimal_year(mark[1]), color=OKABE_ITO[3], alpha=0.4, zorder=0,
                   label=mark[2])
    y = rows - 1
    middle = (years[0] + years[1]) / 2

    def write(x, y, text, colour):
        right = x < middle + 5
        ax.text(x + (0.35 if right else -0.35), y, text, ha="left" if right else "right", va="center",
                fontsize=7.5, color=colour, zorder=3)

    for item in events.sort_values("date").itertuples():
        x = decimal_year(item.date)
        ax.scatter([x], [y], marker="D", s=28, color="black", zorder=3)
        when = f"{item.date:%b %Y}" if getattr(item, "date_precision", "day") == "month" else f"{item.date:%d %b %Y}"
        write(x, y, f"{when}: {item.title}", "black")
        y -= 1
    ax.axhline(y + 0.5, color="#999999", linewidth=0.8, zorder=1)
    periods = list(dict.fromkeys(plans["period"]))
    for item in plans.itertuples():
        k = periods.index(item.period)
        x = int(item.year) + 0.5
        ax.scatter([x], [y], marker=MARKERS[k], s=34, color=ON_WHITE[k], zorder=3,
                   label=f"option proposed or adopted: {item.period}")
        write(x, y, f"{int(item.year)}: {item.option}", "#222222")
        y -= 1
    handles, labels = ax.get_legend_handles_labels()
    unique = dict(zip(labels, handles))
    ax.legend(unique.values(), unique.keys(), loc="upper left", bbox_to_anchor=(0, 1 + 0.5 / height),
              ncol=3, frameon=False, fontsize=7.5)
    ax.set_xlim(*years)
    ax.set_ylim(-0.8, rows - 0.2)
    ax.set_yticks([])
    ax.set_xlabel("Year (events at their day; options at mid-year, as only the year is recorded)")
    ax.grid(axis="x", color="#e5e5e5", zorder=0)
    for side in ("left", "right", "top"):
        ax.spines[side].set_visible(False)
    return render(fig, alt)


def burden_shares(shares: pd.DataFrame, alt: str) -> AltFigure:
    """Horizontal bars of Okinawa's shares (columns: label, value_pct), each labelled with its value."""
    height = 0.45 * len(shares) + 1.1
    fig = new_figure(9, height, margins={"left": 0.42, "right": 0.95, "top": 1 - 0.4 / height,
                                         "bottom": 0.6 / height})
    ax = fig.add_subplot()
    ordered = shares.iloc[::-1]
    ax.barh(range(len(ordered)), ordered["value_pct"], color=OKABE_ITO[4], height=0.6, zorder=2)
    for i, value in enumerate(ordered["value_pct"]):
        ax.text(value + 1, i, f"{value:g}%", va="center", fontsize=8)
    ax.set_yticks(range(len(ordered)), list(ordered["label"]), fontsize=8)
    ax.set_xlim(0, 100)
    ax.set_xlabel("Okinawa's share (%)")
    ax.grid(axis="x", color="#e5e5e5", zorder=0)
    ax.set_title("Okinawa in Japan: land, US bases and US forces", loc="left", fontsize=10)
    return render(fig, alt)


def _aspect(ax, latitude: float) -> None:
    ax.set_aspect(1 / math.cos(math.radians(latitude)))


def _outline(ax, outline: pd.DataFrame) -> None:
    for _ring, part in outline.sort_values(["ring", "order"]).groupby("ring"):
        ax.fill(part["longitude"], part["latitude"], facecolor="#eeeeee", edgecolor="#777777", linewidth=0.6,
                zorder=1)


def _points(ax, placed: pd.DataFrame, legend: bool) -> None:
    for service, part in placed.groupby(placed["service"].astype(str), sort=False):
        ax.scatter(part["longitude"], part["latitude"], s=part["area_km2"].astype(float) * _POINTS_PER_KM2 + 12,
                   color=SERVICE_COLOURS.get(service, "#555555"), marker=SERVICE_MARKERS.get(service, "o"),
                   alpha=0.75, edgecolor="black", linewidth=0.5, zorder=3, label=service if legend else None)


# Where the inset writes each remote range's name (dx, dy in degrees; ha); others: to the right.
_INSET_LABELS = {
    "Kobi Sho Range": (0.0, 0.35, "center"),
    "Sekibi Sho Range": (0.0, -0.55, "center"),
    "Tori Shima Range": (-0.25, 0.2, "right"),
    "Kume Jima Range": (-0.25, -0.35, "right"),
    "Idesuna Jima Range": (0.1, -0.55, "center"),
    "Oki Daito Jima Range": (-0.2, -0.55, "right"),
}


def okinawa_map(main: pd.DataFrame, inset: pd.DataFrame, outline: pd.DataFrame, alt: str,
                labelled: tuple[str, ...] = ("Futenma Air Station", "Camp Schwab"),
                box: tuple[float, float, float, float] = (127.6, 128.4, 26.05, 26.95),
                inset_box: tuple[float, float, float, float] = (122.8, 131.8, 23.8, 27.6)) -> AltFigure:
    """US facilities with a sourced point, drawn over the shipped outline, sized by area, coloured by service.

    ``main`` is drawn on Okinawa Island's panel (``box``: lon min, lon max, lat min, lat max), ``inset``
    on a small map of the whole prefecture beside it, each point named. Facilities in ``labelled`` are
    named on the main panel. Nothing else is drawn: facilities without a point are left for the caption.
    """
    from matplotlib.patches import Rectangle

    fig = new_figure(10, 7.6, margins={"left": 0.07, "right": 0.6, "top": 0.94, "bottom": 0.08})
    ax = fig.add_subplot()
    _outline(ax, outline)
    _points(ax, main, legend=True)
    for name in labelled:
        row = main[main["facility"] == name]
        if row.empty:
            continue
        item = row.iloc[0]
        dx, dy = (0.13, -0.08) if item["longitude"] > 127.9 else (-0.02, -0.1)
        ax.annotate(f"{name}\n({item['area_km2']:g} km²)", (item["longitude"], item["latitude"]),
                    (item["longitude"] + dx, item["latitude"] + dy), fontsize=9, ha="center", va="top",
                    arrowprops={"arrowstyle": "-", "color": "black", "linewidth": 0.8}, zorder=4)
    ax.set_xlim(box[0], box[1])
    ax.set_ylim(box[2], box[3])
    _aspect(ax, (box[2] + box[3]) / 2)
    ax.set_xlabel("Longitude (°E)")
    ax.set_ylabel("Latitude (°N)")
    ax.set_title(f"Okinawa Island and Ie Island: {len(main)} facilities with a sourced point", fontsize=10)
    for size in (1, 10, 40):
        ax.scatter([], [], s=size * _POINTS_PER_KM2 + 12, color="white", edgecolor="black", linewidth=0.5,
                   label=f"{size} km²")
    handles, labels = ax.get_legend_handles_labels()
    key = fig.legend(handles, labels, loc="lower left", bbox_to_anchor=(0.63, 0.08), fontsize=8, ncol=2,
                     title="Main US user (colour, shape); area (size)", title_fontsize=8, labelspacing=1.3,
                     frameon=False)
    for handle, text in zip(key.legend_handles, labels):
        if "km²" not in text:
            handle.set_sizes([60])
    sub = fig.add_axes([0.63, 0.47, 0.36, 0.45])
    _outline(sub, outline)
    _points(sub, inset, legend=False)
    sub.add_patch(Rectangle((box[0], box[2]), box[1] - box[0], box[3] - box[2], fill=False, edgecolor="black",
                            linewidth=0.8, linestyle="--", zorder=2))
    sub.text((box[0] + box[1]) / 2, box[3] + 0.12, "left panel", fontsize=7, ha="center")
    for item in inset.itertuples():
        dx, dy, ha = _INSET_LABELS.get(item.facility, (0.25, 0.0, "left"))
        sub.text(item.longitude + dx, item.latitude + dy, item.facility.replace(" Range", ""), fontsize=7, ha=ha,
                 va="center")
    sub.set_xlim(inset_box[0], inset_box[1])
    sub.set_ylim(inset_box[2], inset_box[3])
    _aspect(sub, (inset_box[2] + inset_box[3]) / 2)
    sub.tick_params(labelsize=7)
    sub.set_xlabel("Longitude (°E)", fontsize=7)
    sub.set_title(f"Whole prefecture: {len(inset)} remote ranges", fontsize=9)
    return render(fig, alt)


def ranking(ranked: pd.DataFrame, alt: str) -> AltFigure:
    """The decision matrix's ranking: one bar per option (weighted score, 1-5), best on top; the change
    against equal weights (column ``moved``, if present) is written after each bar."""
    height = 0.36 * len(ranked) + 1.2
    fig = new_figure(8.5, height, margins={"left": 0.33, "right": 0.93, "top": 1 - 0.45 / height,
                                           "bottom": 0.6 / height})
    ax = fig.add_subplot()
    ordered = ranked.iloc[::-1].reset_index(drop=True)
    ax.barh(range(len(ordered)), ordered["score"], color=OKABE_ITO[4], height=0.62, zorder=2)
    for i, item in ordered.iterrows():
        note = ""
        if "moved" in ordered and item["moved"] != 0:
            note = f"   {'up' if item['moved'] > 0 else 'down'} {abs(int(item['moved']))}"
        ax.text(item["score"] + 0.05, i, f"{item['score']:.2f}{note}", va="center", fontsize=8)
    ax.set_yticks(range(len(ordered)), [f"{int(r)}. {o}" for r, o in zip(ordered["rank"], ordered["option"])],
                  fontsize=8)
    ax.set_xlim(0, 5.6)
    ax.set_xticks(range(0, 6))
    ax.set_xlabel("Weighted score (1 = worst, 5 = best); 'up'/'down': places against equal weights")
    ax.grid(axis="x", color="#e5e5e5", zorder=0)
    ax.set_title("Futenma options ranked by your weights", loc="left", fontsize=10)
    return render(fig, alt)
