"""Further reading, from the ``readings`` dataset: each citation checked once, shown the same everywhere."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from .data import load
from .errors import CourseError

# How a lesson's list labels each stance (the dataset's codebook defines them).
STANCE_LABELS = {
    "counter-reading": "Argues against the essay",
    "other side": "Another side's story",
    "background": "Background",
    "theory": "Theory",
    "method": "Method",
    "primary source": "Primary source",
}


def citation(row) -> str:
    """A full citation in Markdown: authors, title, container or publisher, year, address."""
    authors = " and ".join(a.strip() for a in str(row.authors).split(";"))
    year = str(row.year)
    has = {k: (not pd.isna(getattr(row, k)) and str(getattr(row, k)).strip() != "")
           for k in ("container", "publisher", "url")}
    if row.kind == "book" or not has["container"]:
        where = ", ".join([str(row.publisher)] * has["publisher"] + [year])
        text = f"{authors}, *{row.title}* ({where})."
    else:
        container = str(row.container)
        extra = [str(row.publisher)] if has["publisher"] and str(row.publisher) not in container else []
        text = f"{authors}, \u201c{row.title}\u201d, {', '.join([container, *extra])}"
        text += "." if year in container else f", {year}."
    if has["url"]:
        text += f" <{row.url}>"
    return text


@dataclass(frozen=True)
class ReadingList:
    """A lesson's further reading; shows as a Markdown list in a notebook."""

    lesson_id: str
    items: tuple[tuple[str, str, str], ...]  # (stance label, citation, perspective)

    def _repr_markdown_(self) -> str:
        lines = [f"- **{label}.** {text} {perspective}".rstrip() for label, text, perspective in self.items]
        return "\n".join(lines)

    def __repr__(self) -> str:
        return "\n".join(f"{label}: {text} {perspective}".rstrip() for label, text, perspective in self.items)


def further_reading(lesson_id: str) -> ReadingList:
    """The further reading of one lesson ("02"), counter-readings and other sides first."""
    lesson_id = str(lesson_id).zfill(2)
    table = load("readings")
    mine = table[table["lessons"].str.split(";").apply(lambda ids: lesson_id in ids)]
    if mine.empty:
        raise CourseError(f"The readings dataset lists nothing for lesson {lesson_id!r}.")
    order = list(STANCE_LABELS)
    mine = mine.assign(_order=mine["stance"].astype(str).map(order.index)).sort_values(["_order", "year"])
    items = tuple((STANCE_LABELS[str(row.stance)], citation(row),
                   "" if pd.isna(row.perspective) else str(row.perspective))
                  for row in mine.itertuples(index=False))
    return ReadingList(lesson_id, items)
