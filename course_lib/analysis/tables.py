"""What any course table says about time: its dated columns as calendar years."""

from __future__ import annotations

import pandas as pd

# Integer columns that hold calendar or fiscal years rather than counts.
YEAR_COLUMNS = ("year", "survey_year", "fiscal_year")


def dated_columns(frame: pd.DataFrame) -> dict[str, pd.Series]:
    """Each date or year column, in table order, as a Series of whole years (missing values dropped)."""
    out = {}
    for column in frame.columns:
        series = frame[column]
        if pd.api.types.is_datetime64_any_dtype(series):
            out[column] = series.dropna().dt.year.astype(int)
        elif column in YEAR_COLUMNS and pd.api.types.is_integer_dtype(series):
            out[column] = series.dropna().astype(int)
    return out
