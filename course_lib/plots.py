"""Figures for the lessons: a colour-blind-safe palette and alt text on every figure.

Figures are built on matplotlib's object API (no pyplot), rendered to PNG and shown as an
``<img>`` with alt text and a visible caption, so screen-reader users get the same message.
"""

from __future__ import annotations

import base64
import html
import io
from dataclasses import dataclass

import pandas as pd

from .analysis.tables import dated_columns

# Okabe & Ito (2008) palette: distinguishable with the common colour-vision deficiencies.
OKABE_ITO = ("#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#000000")
MARKERS = ("o", "s", "^", "D", "v", "P", "X", "*")
# For points and lines on white, leave out the yellow, which has too little contrast.
ON_WHITE = tuple(c for c in OKABE_ITO if c != "#F0E442")


@dataclass(frozen=True)
class AltFigure:
    """A rendered figure with its alt text; displays as HTML with the alt text as caption."""

    png: bytes
    alt: str

    def to_html(self) -> str:
        data = base64.b64encode(self.png).decode("ascii")
        alt = html.escape(self.alt, quote=True)
        return (
            f'<figure style="margin:0"><img src="data:image/png;base64,{data}" alt="{alt}" '
            f'style="max-width:100%"/><figcaption style="font-size:0.9em">{html.escape(self.alt)}'
            "</figcaption></figure>"
        )

    def _repr_html_(self) -> str:
        return self.to_html()

    def __repr__(self) -> str:
        return f"Figure: {self.alt}"


def new_figure(width: float = 9, height: float = 4.5, dpi: int = 100, margins: dict | None = None):
    """A matplotlib Figure not attached to pyplot (so nothing is displayed twice).

    With ``margins`` (fractions for subplots_adjust) the layout is fixed, which renders about
    twice as fast as constrained layout: widgets redraw on every click.
    """
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=(width, height), dpi=dpi, layout=None if margins else "constrained")
    if margins:
        fig.subplots_adjust(**margins)
    FigureCanvasAgg(fig)
    return fig


def render(fig, alt: str) -> AltFigure:
    """Render a figure to PNG with its alt text; an empty alt text is refused."""
    if not alt or not alt.strip():
        raise ValueError("Every course figure needs alt text that says what it shows.")
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", metadata={"Software": None}, pil_kwargs={"compress_level": 3})
    return AltFigure(buffer.getvalue(), alt.strip())


# The public name for students: render their own figure with alt text.
show_figure = render


def timeline(events: pd.DataFrame, categories: tuple[str, ...], alt: str,
             years: tuple[int, int] | None = None) -> AltFigure:
    """Events as points on one lane per category, coloured and shaped by category.

    ``years`` (first, last) fixes the time axis, so an era keeps its axis even with no events.
    """
    height = 0.45 * max(len(categories), 1) + 1.6
    fig = new_figure(9, height, margins={"left": 0.16, "right": 0.98, "top": 1 - 0.45 / height,
                                         "bottom": 0.75 / height})
    ax = fig.add_subplot()
    for lane, category in enumerate(categories):
        rows = events[events["category"] == category]
        ax.scatter(rows["date"], [lane] * len(rows), s=36, color=ON_WHITE[lane % len(ON_WHITE)],
                   marker=MARKERS[lane % 8], label=category, zorder=3)
    ax.set_yticks(range(len(categories)), [c.replace("_", " ") for c in categories])
    if years is not None:
        ax.set_xlim(pd.Timestamp(years[0], 1, 1), pd.Timestamp(years[1], 12, 31))
    ax.set_ylim(-0.7, len(categories) - 0.3)
    ax.grid(axis="x", color="#dddddd", zorder=0)
    ax.set_xlabel("Year")
    ax.set_title(f"{len(events)} alliance events")
    return render(fig, alt)


def tenures(japan: pd.DataFrame, us: pd.DataFrame, as_of, alt: str, window=None) -> AltFigure:
    """Prime ministers and presidents as bars on two rows, so their overlaps can be read.

    ``window`` (start, end) limits the time axis to the period a lesson is about.
    """
    fig = new_figure(9, 3.2)
    ax = fig.add_subplot()
    end = pd.Timestamp(as_of)
    for row, (label, table, colour) in enumerate(
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
