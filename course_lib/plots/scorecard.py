"""Lesson 08's scorecard figure: the student's ratings of the essay's claims beside the course's
assessments, one row per claim, on the four-step scale the two share."""

from __future__ import annotations

import pandas as pd

from .core import ON_WHITE, AltFigure, new_figure, render

# The four steps, each named on both scales (the student's first, the course's second).
STEPS = (("supported", "borne out"), ("mixed", "mixed"), ("not supported", "not borne out"),
         ("cannot be judged", "cannot be judged"))
YOURS, COURSE, EARLIER = ON_WHITE[3], ON_WHITE[4], "#767676"   # blue, vermilion, grey


def _step(label: str | None, column: int) -> float | None:
    for i, names in enumerate(STEPS):
        if label == names[column]:
            return float(i)
    return None


def scorecard(card: pd.DataFrame, alt: str) -> AltFigure:
    """One row per claim (reading order, top down): your rating as a filled circle, the course's
    assessment as a diamond beside it (only for claims you rated here), an earlier verdict from
    another lesson as an open grey circle, and 'not rated yet' where there is nothing."""
    n = max(len(card), 1)
    height = 0.36 * n + 2.1
    fig = new_figure(9, height, margins={"left": 0.2, "right": 0.98, "top": 1 - 0.55 / height,
                                         "bottom": 1.45 / height})
    ax = fig.add_subplot()
    shown = set()
    for y, row in enumerate(card.itertuples()):
        yours = _step(row.rating, 0)
        if row.rated_here and yours is not None:
            ax.scatter([yours - 0.09], [y], s=70, color=YOURS, marker="o", zorder=3,
                       label=None if "yours" in shown else "your rating (lesson 08)")
            shown.add("yours")
            course = _step(row.assessment, 1)
            ax.scatter([course + 0.09], [y], s=70, color=COURSE, marker="D", zorder=3,
                       label=None if "course" in shown else "the course's assessment")
            shown.add("course")
        elif yours is not None:
            ax.scatter([yours], [y], s=70, facecolors="none", edgecolors=EARLIER, marker="o", zorder=3,
                       label=None if "earlier" in shown else "your verdict from an earlier lesson")
            shown.add("earlier")
        else:
            ax.text(1.5, y, "not rated yet", ha="center", va="center", color=EARLIER, fontsize=9)
    ax.set_yticks(range(len(card)), [f"{c} ({k})" for c, k in zip(card["claim_id"], card["kind"])])
    ax.set_ylim(len(card) - 0.5, -0.5)
    ax.set_xticks(range(4), [f"{a}\n({b})" if a != b else a for a, b in STEPS])
    ax.set_xlim(-0.5, 3.5)
    ax.grid(axis="x", color="#dddddd", zorder=0)
    ax.set_xlabel("Rating: your scale (the course's scale in brackets)")
    rated = int(card["rated_here"].sum()) if len(card) else 0
    ax.set_title(f"Your ratings of {len(card)} claims ({rated} rated in lesson 08)")
    if shown:
        fig.legend(loc="lower center", ncols=3, frameon=False, fontsize=9)
    return render(fig, alt)
