"""Tables a student can read: every text cell in full, wrapped, in the notebook and on the web site.

pandas cuts text columns at 50 characters and leaves long claims or definitions on one line. The
course shows tables through :func:`show` instead, the one way every lesson uses: the HTML wraps
long text inside a readable column width, and the plain-text form (what nbval compares, and what a
terminal prints) keeps every character.
"""

from __future__ import annotations

import html
import math
from dataclasses import dataclass

import pandas as pd

_CELL = "padding:2px 8px;vertical-align:top;text-align:left;white-space:normal;"
_WIDE = "min-width:12em;max-width:38em;"  # long text wraps in a readable measure
_WIDE_AT = 40  # characters: columns with longer values get the wide style


def _text(value) -> str:
    """One cell as a reader should see it: no "nan", no time of day on dates, no "np.int64(3)"."""
    if value is None or value is pd.NA or value is pd.NaT:
        return ""
    if isinstance(value, float) and math.isnan(value):
        return ""
    if isinstance(value, pd.Timestamp):
        return f"{value:%Y-%m-%d}" if value == value.normalize() else f"{value:%Y-%m-%d %H:%M}"
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):
        value = value.item()  # numpy scalars print as plain numbers
    if isinstance(value, float):
        text = f"{round(value, 6):f}".rstrip("0")
        return text + "0" if text.endswith(".") else text
    return str(value)


@dataclass(frozen=True)
class Table:
    """A DataFrame shown in full: wrapped HTML in a notebook, every character in plain text."""

    frame: pd.DataFrame
    caption: str = ""

    def cells(self) -> list[list[str]]:
        return [[_text(v) for v in row] for row in self.frame.itertuples(index=False)]

    def _repr_html_(self) -> str:
        rows = self.cells()
        columns = [str(c) for c in self.frame.columns]
        wide = [any(len(r[j]) > _WIDE_AT for r in rows) for j in range(len(columns))]
        head = "".join(f'<th style="{_CELL}">{html.escape(c)}</th>' for c in columns)
        body = "".join(
            "<tr>" + "".join(f'<td style="{_CELL}{_WIDE if wide[j] else ""}">{html.escape(v)}</td>'
                             for j, v in enumerate(row)) + "</tr>"
            for row in rows
        )
        caption = f"<caption style=\"text-align:left\">{html.escape(self.caption)}</caption>" if self.caption else ""
        return (f'<table class="course-table" style="border-collapse:collapse">{caption}'
                f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>")

    def __repr__(self) -> str:
        lines = [self.caption] if self.caption else []
        columns = [str(c) for c in self.frame.columns]
        for row in self.cells():
            lines.append(" | ".join(f"{c}: {v}" for c, v in zip(columns, row)))
        return "\n".join(lines) if lines else "(no rows)"


def show(frame: pd.DataFrame | pd.Series, columns: list[str] | None = None, *, caption: str = "") -> Table:
    """Show a table with every text cell in full, wrapped (use it for claims, definitions, titles).

    ``columns`` picks and orders the columns; the index is shown only if it carries a name.
    """
    if isinstance(frame, pd.Series):
        frame = frame.reset_index() if frame.index.name else frame.to_frame()
    if not isinstance(frame, pd.DataFrame):
        raise TypeError(f"show() takes a DataFrame or Series, not {type(frame).__name__}.")
    if any(name is not None for name in frame.index.names):
        frame = frame.reset_index()
    if columns is not None:
        missing = [c for c in columns if c not in frame.columns]
        if missing:
            raise KeyError(f"show(): no column {', '.join(map(repr, missing))}; "
                           f"the table has {', '.join(map(str, frame.columns))}.")
        frame = frame[list(columns)]
    return Table(frame.reset_index(drop=True), caption)
