"""The data guide's small overview figure for any dataset."""

from __future__ import annotations

import pandas as pd

from ..analysis.tables import dated_columns
from .core import OKABE_ITO, AltFigure, new_figure, render


def dataset_overview(frame: pd.DataFrame, name: str) -> AltFigure:
    """A small figure for any dataset: rows per year if it has dates, else rows per category.

    One axis only (the other is replaced by the peak count in the title or by bar labels):
    the data guide draws two dozen of these, and axes are most of the drawing time.
    """
    from matplotlib.ticker import MaxNLocator

    dated = dated_columns(frame)
    by_year = bool(dated)
    fig = new_figure(5.5, 2.0, dpi=72, margins={"left": 0.04 if by_year else 0.32, "right": 0.96,
                                                "top": 0.86, "bottom": 0.2 if by_year else 0.05})
    ax = fig.add_subplot()
    for side in ("top", "right", "left" if by_year else "bottom"):
        ax.spines[side].set_visible(False)
    if by_year:
        column, values = next(iter(dated.items()))
        counts = values.value_counts().sort_index()
        ax.vlines(counts.index, 0, counts.to_numpy(), color=OKABE_ITO[4], linewidth=3)
        ax.set_ylim(0, counts.max() * 1.1 if len(counts) else 1)
        ax.xaxis.set_major_locator(MaxNLocator(5, integer=True))
        ax.yaxis.set_visible(False)
        what = f"rows per year of {column}"
        title = f"{name}: {what} (peak {counts.max() if len(counts) else 0})"
    else:
        column = next((c for c in frame.columns if isinstance(frame[c].dtype, pd.CategoricalDtype)),
                      frame.columns[0])
        counts = frame[column].astype(str).value_counts().head(8).sort_values()
        bars = ax.barh(counts.index, counts.to_numpy(), color=OKABE_ITO[2])
        ax.bar_label(bars, padding=2, fontsize=8)
        ax.xaxis.set_visible(False)
        what = f"rows per {column}"
        title = f"{name}: {what}"
    ax.set_title(title, fontsize=10)
    peak = counts.idxmax() if len(counts) else "none"
    return render(fig, f"Bar chart of {name}, {what}: {len(frame)} rows, most at {peak}.")
