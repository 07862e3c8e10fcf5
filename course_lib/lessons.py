"""The lesson catalogue: one entry per notebook, used for navigation, the README map and handouts."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from .errors import CourseError


@dataclass(frozen=True)
class Lesson:
    id: str
    file: str
    title: str
    minutes: int
    paragraphs: tuple[str, ...]
    datasets: tuple[str, ...]
    widgets: tuple[str, ...] = ()


LESSONS: tuple[Lesson, ...] = (
    Lesson("00", "00_start_here.ipynb", "Start here: the essay, the course and its data", 55,
           ("P1", "P2", "P3", "P4", "P5", "P6", "P7", "P8"),
           ("essay_map", "essay_paragraphs", "claim_links", "alliance_timeline", "glossary", "people")),
    Lesson("01", "01_fifty_years.ipynb", "Fifty years of alliance: a timeline", 75,
           ("P1",), ("anniversary_statements", "alliance_timeline", "prime_ministers", "us_presidents"),
           ("timeline_explorer",)),
)


def lesson(lesson_id: str) -> Lesson:
    """One lesson by its two-digit id ("01")."""
    for item in LESSONS:
        if item.id == str(lesson_id).zfill(2):
            return item
    raise CourseError(f"There is no lesson '{lesson_id}'. Lessons: {', '.join(item.id for item in LESSONS)}.")


def paragraph_span(paragraphs: tuple[str, ...]) -> str:
    """("P1", "P2", "P3", "P5") -> "P1-P3, P5": runs of consecutive paragraphs as ranges."""
    numbers = sorted(int(p[1:]) for p in paragraphs)
    runs: list[list[int]] = []
    for n in numbers:
        if runs and n == runs[-1][-1] + 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    return ", ".join(f"P{r[0]}-P{r[-1]}" if len(r) > 1 else f"P{r[0]}" for r in runs)


def lesson_map() -> pd.DataFrame:
    """The course map: lesson, title, essay paragraphs, datasets, widgets and minutes."""
    return pd.DataFrame(
        [
            {
                "lesson": item.id,
                "title": item.title,
                "paragraphs": paragraph_span(item.paragraphs),
                "datasets": ", ".join(item.datasets),
                "widgets": ", ".join(item.widgets) or "-",
                "minutes": item.minutes,
            }
            for item in LESSONS
        ]
    )


def total_minutes() -> int:
    """Minutes of all lessons together (the README states it; a test keeps the two equal)."""
    return sum(item.minutes for item in LESSONS)


def neighbours(lesson_id: str) -> tuple[Lesson | None, Lesson | None]:
    """The previous and next lesson (None at either end)."""
    ids = [item.id for item in LESSONS]
    i = ids.index(lesson(lesson_id).id)
    return (LESSONS[i - 1] if i > 0 else None, LESSONS[i + 1] if i + 1 < len(LESSONS) else None)
