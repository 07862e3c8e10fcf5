"""Who held office when: leaders' tenures as bars."""

from __future__ import annotations

import pandas as pd

from .core import OKABE_ITO, AltFigure, new_figure, render


def tenures(japan: pd.DataFrame, us: pd.DataFrame, as_of, alt: str, window=None) -> AltFigure:
    """Prime ministers and presidents as bars on two rows, so their overlaps can be read.

    ``window`` (start, end) limits the time axis to the period a lesson is about.
    """
    fig = new_figure(9, 3.2)
    ax = fig.add_subplot()
    end = pd.Timestamp(as_of)
    for row, (_label, table, colour) in enumerate(
        (("US presidents", us, OKABE_ITO[4]), ("Japan's prime ministers", japan, OKABE_ITO[5]))
    ):
        for i, item in enumerate(table.itertuples()):
            finish = item.end_date if pd.notna(item.end_date) else end
            ax.barh(row, (finish - item.start_date).days, left=item.start_date, height=0.6,
                    color=colour, alpha=1.0 if i % 2 == 0 else 0.55, edgecolor="white")
    ax.set_yticks([0, 1], ["US presidents", "Japan's prime ministers"])
    ax.set_xlabel("Year")
    ax.grid(axis="x", color="#dddddd")
    if window is not None:
        ax.set_xlim(pd.Timestamp(window[0]), pd.Timestamp(window[1]))
    ax.set_title("Who held office when (alternate shades mark successive leaders)")
    return render(fig, alt)
