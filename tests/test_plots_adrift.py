"""Lesson 02's figures: yearly indicators in panels, approval from first to last reading."""

import pandas as pd
import pytest

from course_lib.plots import adrift


def per_year():
    return pd.DataFrame({"meetings": [3, 0, 2], "agreements": [1, 1, 0]}, index=[2001, 2002, 2003])


def test_yearly_indicators_draw_one_labelled_panel_per_column_with_a_mark():
    shown = adrift.yearly_indicators(per_year(), alt="Meetings and agreements per year, 2001-2003",
                                     mark=(2002.5, "a change of leader"))
    assert shown.png.startswith(b"\x89PNG") and shown.alt.startswith("Meetings")
    assert adrift.yearly_indicators(per_year()[["meetings"]], alt="Meetings per year").png


def test_yearly_indicators_refuse_no_columns_and_no_alt_text():
    with pytest.raises(ValueError, match="at least one column"):
        adrift.yearly_indicators(per_year()[[]], alt="nothing")
    with pytest.raises(ValueError, match="alt text"):
        adrift.yearly_indicators(per_year(), alt=" ")


def test_approval_change_draws_each_row_from_first_to_last_reading():
    table = pd.DataFrame({"cabinet": ["Abe", "Fukuda"], "launch": [63, 53], "last": [28, 24]})
    shown = adrift.approval_change(table, alt="Approval fell in both cabinets")
    assert shown.png.startswith(b"\x89PNG")
