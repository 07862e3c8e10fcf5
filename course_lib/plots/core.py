"""The core of every course figure: a colour-blind-safe palette, a figure not attached to pyplot,
and rendering to PNG with alt text (an empty alt text is refused)."""

from __future__ import annotations

import base64
import html
import io
from dataclasses import dataclass

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
