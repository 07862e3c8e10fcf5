"""The essay's argument map as a figure: the chosen claim (the thesis) at the centre, claims on
rings by how many links away they are, arrows from each claim to the claim it bears on."""

from __future__ import annotations

import pandas as pd

from ..analysis import argument as arg
from .core import OKABE_ITO, AltFigure, new_figure, render

# One colour and line style per relation, so the map reads in grey print too.
RELATION_STYLE = {
    "supports": (OKABE_ITO[4], "-"),
    "qualifies": (OKABE_ITO[5], "--"),
    "concedes": (OKABE_ITO[6], ":"),
    "answers": (OKABE_ITO[2], "-."),
}


def argument_map(links: pd.DataFrame, centre: str, alt: str, kinds: dict | None = None) -> AltFigure:
    """Claims linked to ``centre`` (however indirectly) on rings around it; arrows show each link
    from claim to claim, coloured and dashed by relation. ``kinds`` (claim id -> kind) is not drawn:
    the figure shows structure, and the essay map holds each claim's kind."""
    ringed = arg.rings(links, centre)
    where = arg.layout(ringed).set_index("claim_id")
    shown = links[links["from_claim"].isin(where.index) & links["to_claim"].isin(where.index)]
    rmax = int(ringed["ring"].max())
    fig = new_figure(9, 8.6, margins={"left": 0.02, "right": 0.98, "top": 0.94, "bottom": 0.08})
    ax = fig.add_subplot()
    for ring in range(1, rmax + 1):
        ax.add_patch(_circle(ring))
    for row in shown.itertuples():
        colour, style = RELATION_STYLE[row.relation]
        start, end = where.loc[row.from_claim], where.loc[row.to_claim]
        ax.annotate("", xy=(end.x, end.y), xytext=(start.x, start.y), zorder=2,
                    arrowprops={"arrowstyle": "-|>", "color": colour, "linestyle": style, "linewidth": 1.3,
                                "shrinkA": 13, "shrinkB": 13, "mutation_scale": 11})
    for claim, row in where.iterrows():
        is_centre = claim == centre
        ax.text(row.x, row.y, claim, ha="center", va="center", fontsize=10 if is_centre else 8,
                fontweight="bold" if is_centre else "normal", zorder=3,
                bbox={"boxstyle": "round,pad=0.3", "facecolor": OKABE_ITO[3] if is_centre else "white",
                      "edgecolor": "black" if is_centre else "#666666"})
    for relation, (colour, style) in RELATION_STYLE.items():
        if (shown["relation"] == relation).any():
            ax.plot([], [], color=colour, linestyle=style, linewidth=1.5, label=relation)
    fig.legend(loc="lower center", ncol=4, fontsize=8, frameon=False,
               title="Link from one claim to the claim its arrow points at", title_fontsize=8)
    lim = rmax + 0.45
    ax.set_xlim(-lim, lim)
    ax.set_ylim(-lim, lim)
    ax.set_aspect("equal")
    ax.axis("off")
    ax.set_title(f"Argument map around {centre}: rings count the links to it", fontsize=10)
    return render(fig, alt)


def _circle(radius: float):
    from matplotlib.patches import Circle

    return Circle((0, 0), radius, fill=False, edgecolor="#e0e0e0", linewidth=0.8, zorder=0)
