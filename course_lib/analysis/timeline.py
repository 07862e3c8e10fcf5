"""Filtering and summarising the alliance timeline (lesson 01's widget calls these)."""

from __future__ import annotations

import pandas as pd

from ..errors import CourseError

CATEGORIES = ("treaty", "bases_okinawa", "operations", "politics_japan", "politics_us",
              "diplomacy", "cooperation")

# Eras the lesson uses to read fifty years of alliance; each is (first year, last year).
ERAS = {
    "All years": (1945, 2026),
    "Occupation and the first treaty (1945-1959)": (1945, 1959),
    "The 1960 treaty and the Cold War (1960-1989)": (1960, 1989),
    "Redefinition after the Cold War (1990-2000)": (1990, 2000),
    "Koizumi and the war on terror (2001-2006)": (2001, 2006),
    "Drift and the DPJ years (2007-2012)": (2007, 2012),
    "Abe and after (2013-2026)": (2013, 2026),
}


def filter_events(events: pd.DataFrame, era: str = "All years",
                  categories: tuple[str, ...] | list[str] | None = None) -> pd.DataFrame:
    """Events of one era and some categories, in date order."""
    if era not in ERAS:
        raise CourseError(f"Unknown era '{era}'. Choose one of: {', '.join(ERAS)}.")
    chosen = tuple(CATEGORIES if categories is None else categories)
    unknown = [c for c in chosen if c not in CATEGORIES]
    if unknown:
        raise CourseError(f"Unknown categories {unknown}. Choose from: {', '.join(CATEGORIES)}.")
    first, last = ERAS[era]
    years = events["date"].dt.year
    mask = years.between(first, last) & events["category"].astype(str).isin(chosen)
    return events[mask].sort_values("date").reset_index(drop=True)


def summary(selected: pd.DataFrame, era: str) -> str:
    """One sentence that says what a selection holds (the widget's visible text)."""
    if selected.empty:
        return f"No events match: {era}, none of the chosen categories."
    counts = selected["category"].astype(str).value_counts()
    top = counts.index[0]
    noun = "event" if len(selected) == 1 else "events"
    return (
        f"{len(selected)} {noun}, {selected['date'].min():%Y} to {selected['date'].max():%Y}; "
        f"most are {top.replace('_', ' ')} ({counts.iloc[0]})."
    )


def alt_text(selected: pd.DataFrame, era: str) -> str:
    """Alt text for the timeline figure: what a sighted reader would take from it."""
    return f"Timeline figure for {era}: {summary(selected, era)}"


def events_per_decade(events: pd.DataFrame) -> pd.Series:
    """How many events each decade holds (index: first year of the decade)."""
    decade = (events["date"].dt.year // 10) * 10
    return decade.value_counts().sort_index().rename("events").rename_axis("decade")
