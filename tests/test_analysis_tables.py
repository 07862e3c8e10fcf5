"""Reading time out of any table: dated columns as years, and the data guide's coverage."""

import pandas as pd

from course_lib.analysis.tables import dated_columns
from course_lib.guide import coverage


def test_dated_columns_finds_dates_and_year_columns_only():
    frame = pd.DataFrame({
        "start": pd.to_datetime(["1960-01-19", None]),
        "fiscal_year": pd.array([2009, 2010], dtype="Int64"),
        "seats": pd.array([308, 119], dtype="Int64"),
    })
    found = dated_columns(frame)
    assert list(found) == ["start", "fiscal_year"]
    assert found["start"].tolist() == [1960] and found["fiscal_year"].tolist() == [2009, 2010]


def test_coverage_spans_every_dated_column_but_access_dates():
    frame = pd.DataFrame({"start": pd.to_datetime(["1996-12-02"]), "end": pd.to_datetime(["2006-05-01"]),
                          "accessed": pd.to_datetime(["2026-11-26"])})
    assert coverage(frame) == "1996-2006"
    assert coverage(pd.DataFrame({"name": ["x"]})) == ""
