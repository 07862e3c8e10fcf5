"""Tenures, overlaps and inclusive day counts."""

import pandas as pd

from course_lib.analysis import leaders


def table():
    return pd.DataFrame({
        "person_id": ["a", "b", "a", "c"],
        "start_date": pd.to_datetime(["2000-01-01", "2001-01-01", "2002-01-01", "2003-01-01"]),
        "end_date": pd.to_datetime(["2001-01-01", "2002-01-01", "2003-01-01", None]),
    })


def test_in_office_includes_overlaps_and_open_tenures():
    out = leaders.in_office(table(), "2001-06-01", "2002-06-01", "2010-01-01")
    assert list(out["person_id"]) == ["b", "a"]
    assert list(leaders.in_office(table(), "2005-01-01", "2006-01-01", "2010-01-01")["person_id"]) == ["c"]


def test_tenure_days_count_both_ends():
    days = leaders.tenure_days(table(), "2003-01-10")
    assert list(days) == [367, 366, 366, 10]


def test_count_people_not_tenures():
    assert leaders.count_people(table()) == 3
