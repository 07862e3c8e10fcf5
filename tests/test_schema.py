"""Table Schema checks: types, constraints and keys, each error naming file, line and column."""

import pandas as pd
import pytest

from course_lib.errors import SchemaError
from course_lib.schema import typed_frame

SCHEMA = {
    "fields": [
        {"name": "id", "type": "string", "constraints": {"required": True, "pattern": "^[a-z]+$"}},
        {"name": "n", "type": "integer", "constraints": {"minimum": 0, "maximum": 10}},
        {"name": "share", "type": "number"},
        {"name": "day", "type": "date", "constraints": {"minimum": "1945-01-01"}},
        {"name": "flag", "type": "boolean"},
        {"name": "kind", "type": "string", "constraints": {"enum": ["a", "b"]}},
        {"name": "year", "type": "year"},
    ],
    "primaryKey": ["id"],
}
HEADER = "id,n,share,day,flag,kind,year\n"


def frame(*rows):
    return typed_frame((HEADER + "".join(r + "\n" for r in rows)).encode(), SCHEMA, "t.csv")


def test_types_become_real_dtypes():
    out = frame("x,1,2.5,2009-09-16,true,a,2009", "y,,,,,,")
    assert str(out["n"].dtype) == "Int64" and str(out["share"].dtype) == "Float64"
    assert pd.api.types.is_datetime64_any_dtype(out["day"]) and str(out["flag"].dtype) == "boolean"
    assert isinstance(out["kind"].dtype, pd.CategoricalDtype) and str(out["id"].dtype).startswith("string")
    assert out["n"].isna().iloc[1] and out["day"].isna().iloc[1]


@pytest.mark.parametrize("row, message", [
    ("X,1,,,,,", r"line 2 .*'id': 'X' does not have the required form"),
    (",1,,,,,", r"'id': '' is empty, but a value is required"),
    ("x,1.5,,,,,", r"'n': '1.5' is not a whole number"),
    ("x,11,,,,,", r"'n': '11' is above the maximum 10"),
    ("x,-1,,,,,", r"'n': '-1' is below the minimum 0"),
    ("x,,abc,,,,", r"'share': 'abc' is not a number"),
    ("x,,,16/09/2009,,,", r"'day': '16/09/2009' is not a date written YYYY-MM-DD"),
    ("x,,,1900-01-01,,,", r"'day': '1900-01-01' is below the minimum"),
    ("x,,,,yes,,", r"'flag': 'yes' is not true or false"),
    ("x,,,,,c,", r"'kind': 'c' is not one of the allowed values"),
    ("x,,,,,,20x9", r"'year': '20x9' is not a four-digit year"),
    ("x,1", r"line 2: 2 cells, but the header has 7"),
])
def test_each_violation_names_file_line_and_column(row, message):
    with pytest.raises(SchemaError, match=message):
        frame(row)


def test_duplicate_primary_key_names_the_later_line():
    with pytest.raises(SchemaError, match=r"line 3 .*'id': 'x' repeats a primary key"):
        frame("x,,,,,,", "x,,,,,,")
