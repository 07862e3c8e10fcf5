"""Filtering and summarising the alliance timeline (lesson 01's explorer calls these).

Periods have neutral names: spans of years, or a prime minister's term (from the
``prime_ministers`` table). Nothing here names an era after a judgement of the essay.
"""

from __future__ import annotations

import pandas as pd

from ..errors import CourseError

CATEGORIES = ("treaty", "bases_okinawa", "operations", "politics_japan", "politics_us",
              "diplomacy", "cooperation")

ALL_YEARS = "All years"
# Spans of years the lesson uses to read the record; each is (first year, last year).
ERAS = {
    ALL_YEARS: (1945, 2026),
    "1945-1959": (1945, 1959),
    "1960-1989": (1960, 1989),
    "1990-2000": (1990, 2000),
    "2001-2006": (2001, 2006),
    "2007-2012": (2007, 2012),
    "2013-2026": (2013, 2026),
}
# The prime ministers' terms the explorer offers: those that began in 2001-2011, around the essay
# (Koizumi to Noda).
TERMS_BEGUN = ("2001-01-01", "2011-12-31")

# The essay-paragraph filter: every event, events tied to any paragraph, or to one paragraph.
ALL_EVENTS, ANY_PARAGRAPH = "All events", "Tied to any paragraph"
PARAGRAPHS = (ALL_EVENTS, ANY_PARAGRAPH, *(f"P{i}" for i in range(1, 9)))


def _span(first_year: int, last_year: int) -> tuple[pd.Timestamp, pd.Timestamp]:
    return pd.Timestamp(first_year, 1, 1), pd.Timestamp(last_year, 12, 31)


def surname(person: str) -> str:
    parts = str(person).replace(".", "").split()
    return parts[-1]


def periods(prime_ministers: pd.DataFrame | None = None, as_of=None) -> dict[str, tuple[pd.Timestamp, pd.Timestamp]]:
    """Every period the explorer offers, label -> (first day, last day), in menu order.

    The spans of years in ``ERAS``, then (given the ``prime_ministers`` table) the terms that
    began in 2001-2011 (Koizumi to Noda), labelled with their dates. A term ends on the day the
    successor took office, so a handover day belongs to both terms; an open term runs to ``as_of``.
    Acting prime ministers are left out.
    """
    out = {label: _span(*years) for label, years in ERAS.items()}
    if prime_ministers is None:
        return out
    first, last = (pd.Timestamp(d) for d in TERMS_BEGUN)
    table = prime_ministers[prime_ministers["start_date"].between(first, last)]
    if "acting" in table:
        table = table[~table["acting"].fillna(False).astype(bool)]
    for row in table.sort_values("start_date").itertuples():
        end = row.end_date if pd.notna(row.end_date) else pd.Timestamp(as_of)
        label = f"Prime minister {surname(row.person)} ({row.start_date:%Y-%m-%d} to {end:%Y-%m-%d})"
        out[label] = (pd.Timestamp(row.start_date), pd.Timestamp(end))
    return out


def _paragraph_mask(events: pd.DataFrame, paragraph: str | None) -> pd.Series:
    if paragraph in (None, ALL_EVENTS):
        return pd.Series(True, index=events.index)
    tags = events["essay_paragraphs"].fillna("").astype(str)
    if paragraph == ANY_PARAGRAPH:
        return tags.str.strip() != ""
    if paragraph not in PARAGRAPHS:
        raise CourseError(f"Unknown essay paragraph '{paragraph}'. Choose one of: {', '.join(PARAGRAPHS)}.")
    return tags.str.split(";").apply(lambda found: paragraph in [t.strip() for t in found])


def filter_events(events: pd.DataFrame, era: str = ALL_YEARS,
                  categories: tuple[str, ...] | list[str] | None = None,
                  paragraph: str | None = None, options: dict | None = None) -> pd.DataFrame:
    """Events of one period, some categories and (optionally) one essay paragraph, in date order.

    ``era`` is a label of ``options`` (default: the spans of years in ``ERAS``; pass
    ``periods(prime_ministers)`` to offer prime ministers' terms too). ``paragraph`` is None or
    "All events", "Tied to any paragraph", or "P1" ... "P8".
    """
    options = options if options is not None else periods()
    if era not in options:
        raise CourseError(f"Unknown period '{era}'. Choose one of: {', '.join(options)}.")
    chosen = tuple(CATEGORIES if categories is None else categories)
    unknown = [c for c in chosen if c not in CATEGORIES]
    if unknown:
        raise CourseError(f"Unknown categories {unknown}. Choose from: {', '.join(CATEGORIES)}.")
    first, last = options[era]
    mask = (events["date"].between(first, last) & events["category"].astype(str).isin(chosen)
            & _paragraph_mask(events, paragraph))
    return events[mask].sort_values(["date", "event_id" if "event_id" in events else "title"]).reset_index(drop=True)


def _tied(paragraph: str | None) -> str:
    if paragraph in (None, ALL_EVENTS):
        return ""
    return " tied to an essay paragraph" if paragraph == ANY_PARAGRAPH else f" tied to {paragraph}"


def summary(selected: pd.DataFrame, era: str, paragraph: str | None = None) -> str:
    """One sentence that says what a selection holds (the explorer's visible text)."""
    if selected.empty:
        return f"No events match: {era}{_tied(paragraph)}, none in the chosen categories."
    counts = selected["category"].astype(str).value_counts()
    most = int(counts.iloc[0])
    top = sorted(c.replace("_", " ") for c in counts[counts == most].index)
    noun = "event" if len(selected) == 1 else "events"
    each = "event" if most == 1 else "events"
    if len(top) == 1:
        largest = f"the largest category is {top[0]} ({most} {each})"
    else:
        largest = f"the largest categories are {', '.join(top[:-1])} and {top[-1]} ({most} {each} each)"
    return (f"{len(selected)} {noun}{_tied(paragraph)}, {selected['date'].min():%Y} to "
            f"{selected['date'].max():%Y}; {largest}.")


def alt_text(selected: pd.DataFrame, era: str, paragraph: str | None = None) -> str:
    """Alt text for the timeline figure: what a sighted reader would take from it."""
    return (f"Timeline figure for {era}: {summary(selected, era, paragraph)} One row per category; "
            "a number above a marker counts events too close together to draw apart.")


def date_text(date: pd.Timestamp, precision: str) -> str:
    """A date as precisely as it is known: '1954-07' for a month, '1978' for a year."""
    if precision == "year":
        return f"{date:%Y}"
    if precision == "month":
        return f"{date:%Y-%m}"
    return f"{date:%Y-%m-%d}"


def event_list(selected: pd.DataFrame) -> pd.DataFrame:
    """The chosen events as a reader needs them: date (as precise as known), title, category,
    essay paragraphs, and the event id a written answer cites."""
    precision = (selected["date_precision"].astype(str) if "date_precision" in selected
                 else pd.Series("day", index=selected.index))
    return pd.DataFrame({
        "date": [date_text(d, p) for d, p in zip(selected["date"], precision)],
        "title": selected["title"].astype(str).to_list(),
        "category": selected["category"].astype(str).str.replace("_", " ").to_list(),
        "paragraphs": selected.get("essay_paragraphs", pd.Series("", index=selected.index))
                              .fillna("").astype(str).str.replace(";", ", ").to_list(),
        "event id": selected.get("event_id", pd.Series("", index=selected.index)).astype(str).to_list(),
    })


def clusters(selected: pd.DataFrame, first, last, share: float = 0.012) -> pd.DataFrame:
    """Events grouped where their markers would overlap: per category, events less than
    ``share`` of the time axis after the first event of a group join that group.

    Returns one row per group: category, date (the middle of the group), n (events), first, last.
    The groups of a category hold every one of its events exactly once.
    """
    gap = (pd.Timestamp(last) - pd.Timestamp(first)) * share
    rows = []
    for category, table in selected.groupby(selected["category"].astype(str), sort=False):
        start = None
        for date in table["date"].sort_values():
            if start is None or date - start > gap:
                rows.append({"category": category, "first": date, "last": date, "n": 0})
                start = date
            rows[-1]["last"] = date
            rows[-1]["n"] += 1
    out = pd.DataFrame(rows, columns=["category", "first", "last", "n"])
    out["date"] = out["first"] + (out["last"] - out["first"]) / 2
    return out[["category", "date", "n", "first", "last"]]


def events_per_decade(events: pd.DataFrame) -> pd.Series:
    """How many events each decade holds (index: first year of the decade)."""
    decade = (events["date"].dt.year // 10) * 10
    return decade.value_counts().sort_index().rename("events").rename_axis("decade")
