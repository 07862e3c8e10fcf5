"""Leaders in office: tenures, overlaps and counts over a window of dates."""

from __future__ import annotations

import pandas as pd


def in_office(leaders: pd.DataFrame, start, end, as_of) -> pd.DataFrame:
    """Leaders whose tenure overlaps [start, end]; an open tenure runs to ``as_of``."""
    start, end = pd.Timestamp(start), pd.Timestamp(end)
    finish = leaders["end_date"].fillna(pd.Timestamp(as_of))
    overlap = (leaders["start_date"] <= end) & (finish >= start)
    return leaders[overlap].sort_values("start_date").reset_index(drop=True)


def tenure_days(leaders: pd.DataFrame, as_of) -> pd.Series:
    """Days in office counted as Japan's Cabinet Office does: both the first and last day count."""
    finish = leaders["end_date"].fillna(pd.Timestamp(as_of))
    return ((finish - leaders["start_date"]).dt.days + 1).astype("Int64").rename("tenure_days")


def count_people(leaders: pd.DataFrame) -> int:
    """How many different people (not tenures) a table of tenures holds."""
    return int(leaders["person_id"].nunique())
