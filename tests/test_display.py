"""Tables shown in full: no text cut off, plain numbers, wrapped HTML."""

import numpy as np
import pandas as pd
import pytest

import course_lib as cl
from course_lib.display import show

LONG = "A claim long enough that pandas would cut it off at fifty characters, and then some more words."


def test_text_is_never_cut_off_in_either_form():
    table = show(pd.DataFrame({"claim_id": ["P2.3"], "claim": [LONG]}))
    assert LONG in repr(table)
    assert LONG in table._repr_html_()
    assert "max-width:38em" in table._repr_html_()  # the long column wraps


def test_cells_read_as_plain_values():
    frame = pd.DataFrame({"n": pd.array([3, None], dtype="Int64"), "x": [np.float64(0.1 + 0.2), 308.0],
                          "d": pd.to_datetime(["2009-09-16", None]), "s": ["a<b", None]})
    assert show(frame).cells() == [["3", "0.3", "2009-09-16", "a<b"], ["", "308.0", "", ""]]
    assert "a&lt;b" in show(frame)._repr_html_()


def test_columns_are_picked_in_order_and_a_wrong_name_is_explained():
    frame = pd.DataFrame({"a": [1], "b": [2]})
    assert list(show(frame, ["b", "a"]).frame.columns) == ["b", "a"]
    with pytest.raises(KeyError, match="no column 'c'"):
        show(frame, ["c"])


def test_a_named_index_and_a_series_become_columns():
    counts = cl.load("essay_map")["kind"].value_counts().rename_axis("kind")
    assert list(show(counts).frame.columns) == ["kind", "count"]
    assert list(show(pd.DataFrame({"v": [1]}, index=pd.Index(["x"], name="k"))).frame.columns) == ["k", "v"]


def test_show_is_a_public_name():
    assert cl.show is show
