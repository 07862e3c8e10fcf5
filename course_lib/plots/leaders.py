"""Who held office when: leaders' tenures as named bars, Japan on the top row, the US below."""

from __future__ import annotations

import pandas as pd

from .core import OKABE_ITO, AltFigure, new_figure, render

ROWS = ("Japan's prime ministers", "US presidents")  # top to bottom, as drawn
_AXES_INCHES = 10 * (0.98 - 0.2)  # the figure's width times the axes' share of it
_INCHES_PER_CHAR = 0.048  # a 7-point name needs about this much bar per letter


def surname(person: str) -> str:
    """The name a bar carries: the family name ("Yukio Hatoyama" -> "Hatoyama")."""
    parts = str(person).replace(".", "").split()
    return parts[-1] if parts[-1] not in ("Jr", "Sr", "II") else parts[-2]


def tenures(japan: pd.DataFrame, us: pd.DataFrame, as_of, alt: str, window=None,
            mark: tuple | None = None) -> AltFigure:
    """Prime ministers (top row) and presidents (bottom row) as named bars, so overlaps can be read.

    An open tenure runs to ``as_of``. ``window`` (start, end) limits the time axis to the period a
    lesson is about; ``mark`` (start, end, label) shades the period under discussion. Successive
    leaders alternate in shade; bars long enough to hold a name carry the leader's surname, and a
    shorter bar that lies inside the window has its surname just outside its row (above Japan's,
    below the US row), on two alternating lines so that neighbours do not overlap.
    """
    end = pd.Timestamp(as_of)
    first = pd.Timestamp(window[0]) if window else min(japan["start_date"].min(), us["start_date"].min())
    last = pd.Timestamp(window[1]) if window else end
    span_days = max((last - first).days, 1)
    fig = new_figure(10, 3.4, margins={"left": 0.2, "right": 0.98, "top": 0.86, "bottom": 0.17})
    ax = fig.add_subplot()
    if mark is not None:
        ax.axvspan(pd.Timestamp(mark[0]), pd.Timestamp(mark[1]), color=OKABE_ITO[3], alpha=0.35, zorder=0,
                   label=mark[2])
    outside = {1: 0, 0: 0}  # names written beside each row
    for y, table, colour in ((1, japan, OKABE_ITO[5]), (0, us, OKABE_ITO[4])):
        short = 0
        for i, item in enumerate(table.sort_values("start_date").itertuples()):
            finish = item.end_date if pd.notna(item.end_date) else end
            start_shown, finish_shown = max(item.start_date, first), min(finish, last)
            ax.barh(y, (finish - item.start_date).days, left=item.start_date, height=0.6, color=colour,
                    alpha=1.0 if i % 2 == 0 else 0.55, edgecolor="white", zorder=2)
            name = surname(item.person)
            bar_inches = (finish_shown - start_shown).days / span_days * _AXES_INCHES
            middle = start_shown + (finish_shown - start_shown) / 2
            if bar_inches >= _INCHES_PER_CHAR * len(name) + 0.08:
                ax.text(middle, y, name, ha="center", va="center", fontsize=7,
                        color="white" if i % 2 == 0 else "black", zorder=3, clip_on=True)
            elif finish_shown > start_shown and first <= item.start_date and finish <= last:
                # a short bar inside the window: its name beside the row, kept inside the axes
                half = pd.Timedelta(days=span_days * _INCHES_PER_CHAR * len(name) / 2 / _AXES_INCHES)
                middle = min(max(middle, first + half), last - half)
                up = y == 1
                level = 0.34 + 0.2 * (short % 2)
                ax.text(middle, y + level if up else y - level, name, ha="center",
                        va="bottom" if up else "top", fontsize=6.5, color="black", zorder=3, clip_on=True)
                short += 1
                outside[y] += 1
    ax.set_yticks([1, 0], list(ROWS))
    ax.set_ylim(-0.95 if outside[0] else -0.5, 1.95 if outside[1] else 1.5)
    ax.set_xlim(first, last)
    ax.set_xlabel("Year")
    ax.grid(axis="x", color="#dddddd", zorder=1)
    if mark is not None:
        ax.legend(loc="upper left", bbox_to_anchor=(0, 1.16), frameon=False, fontsize=8)
    ax.set_title("Who held office when (successive leaders alternate in shade)", loc="right", fontsize=10)
    return render(fig, alt)
