"""The claim explorer's chart: one labelled bar chart of an ``EvidenceSummary`` (analysis.claims).

Bars of the period or group under discussion are drawn in vermillion and named in the legend; the
others in blue (Okabe-Ito). Years run left to right as columns; named groups are horizontal bars
with their names on the axis and their values at the bar ends. Layout margins are fixed, because the
widget redraws on every choice.
"""

from __future__ import annotations

from .core import ON_WHITE, AltFigure, new_figure, render

MARKED, OTHER = ON_WHITE[4], ON_WHITE[3]  # vermillion #D55E00, blue #0072B2


def _value(v: float) -> str:
    return f"{v:,.0f}" if abs(v) >= 100 or float(v).is_integer() else f"{v:,.1f}"


def evidence_chart(summary) -> AltFigure:
    """Draw one evidence summary; its sentence is the alt text."""
    labels, values, marked = list(summary.labels), list(summary.values), list(summary.marked)
    colours = [MARKED if m else OTHER for m in marked]
    yearly = bool(labels) and all(label.isdigit() and len(label) == 4 for label in labels)
    if yearly or not labels:
        fig = new_figure(8, 3.6, margins={"left": 0.1, "right": 0.98, "top": 0.82, "bottom": 0.16})
        ax = fig.add_subplot()
        xs = [int(label) for label in labels]
        ax.bar(xs, values, color=colours, zorder=2)
        step = max(1, -(-(xs[-1] - xs[0] + 1) // 12)) if xs else 1
        if xs:
            ax.set_xticks(range(xs[0], xs[-1] + 1, step))
        ax.tick_params(axis="x", labelsize=8)
        ax.set_xlabel("Year")
        ax.set_ylabel(summary.unit)
        ax.grid(axis="y", color="#dddddd", zorder=0)
        if len(values) <= 15:
            for x, v in zip(xs, values):
                ax.text(x, v, _value(v), ha="center", va="bottom", fontsize=7)
    else:
        longest = max(len(label) for label in labels)
        height = min(0.32 * len(labels) + 1.3, 6)
        left = min(0.5, 0.0105 * longest + 0.04)
        fig = new_figure(8, height, margins={"left": left, "right": 0.9, "top": 1 - 0.62 / height,
                                             "bottom": 0.55 / height})
        ax = fig.add_subplot()
        rows = list(range(len(labels)))[::-1]  # first label on top
        ax.barh(rows, values, color=colours, zorder=2)
        ax.set_yticks(rows, labels, fontsize=8)
        ax.set_xlabel(summary.unit)
        ax.grid(axis="x", color="#dddddd", zorder=0)
        top = max(values) if values else 1
        for y, v in zip(rows, values):
            ax.text(v + top * 0.01, y, _value(v), va="center", fontsize=7)
        ax.set_xlim(0, top * 1.12 if top > 0 else 1)
    title = f"{summary.dataset}: {summary.title}"
    if any(marked):
        title += f"\nvermillion: {summary.mark_label}"
    fig.text(0.01, 0.99, title, ha="left", va="top", fontsize=9)
    return render(fig, summary.sentence)
