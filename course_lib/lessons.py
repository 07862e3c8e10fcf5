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
           ("P1",), ("anniversary_statements", "alliance_timeline", "prime_ministers", "us_presidents", "disputes"),
           ("timeline_explorer",)),
    Lesson("02", "02_adrift.ipynb", "Adrift since 2006? Leaders, meetings and the alliance", 60,
           ("P2",), ("prime_ministers", "us_presidents", "summits", "alliance_timeline", "cabinet_approval",
                     "hc_elections", "refueling_mission", "opinion_affinity", "claim_links"),
           ("tenure_explorer",)),
    Lesson("03", "03_change_of_government.ipynb", "A change of government: the 2009 election", 60,
           ("P3",), ("hr_elections", "hr_district_vote", "prime_ministers", "coalitions", "hc_elections",
                     "chamber_strength", "alliance_timeline", "cabinet_approval"),
           ("coalition_explorer",)),
    Lesson("04", "04_equal_alliance.ipynb", "An \"equal\" alliance and the end of the refuelling mission", 60,
           ("P4",), ("policy_texts", "refueling_years", "refueling_mission", "alliance_timeline",
                     "afghanistan_support", "essay_map"),
           ("claim_explorer",)),
    Lesson("05", "05_futenma.ipynb", "Futenma: fourteen years of relocation plans", 75,
           ("P5",), ("futenma_plans", "futenma_plan_estimates", "alliance_timeline", "us_facilities",
                     "exclusive_area_totals", "base_burden", "usfj_personnel", "okinawa_places", "okinawa_votes",
                     "okinawa_outline", "futenma_scores", "claim_links", "prime_ministers"),
           ("futenma_matrix",)),
    Lesson("06", "06_signals.ipynb", "Signals and misreadings: who said what, and when, 2009-2010", 60,
           ("P6",), ("alliance_statements", "cable_reports", "alliance_timeline", "cabinet_approval", "people",
                     "prime_ministers", "sources"),
           ("statements_explorer",)),
    Lesson("07", "07_cooperation_and_confidence.ipynb",
           "Cooperation and confidence: does the Futenma dispute reach the wider alliance?", 60,
           ("P7",), ("claim_links", "cooperation", "prime_ministers", "opinion_affinity", "us_opinion_japan",
                     "cabinet_approval", "alliance_timeline", "host_nation_support", "defense_spending", "disputes"),
           ("opinion_explorer",)),
    Lesson("08", "08_what_happened_next.ipynb", "What happened next: the essay's judgements after 2010", 75,
           ("P2", "P3", "P4", "P5", "P6", "P7", "P8"),
           ("alliance_timeline", "prime_ministers", "usfj_personnel", "host_nation_support", "defense_spending",
            "opinion_affinity", "claim_assessments", "essay_map"),
           ("scorecard_explorer",)),
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
