"""Check a CSV file against its Frictionless Table Schema and build a typed DataFrame.

The checks run in plain Python over the parsed cells (the course's tables are small, and this is
several times faster than column-by-column pandas operations), then each column becomes a pandas
array with a real dtype: nullable integers, floats and booleans, datetimes, strings, and
categories for fields with an ``enum``. Every error names the file, the line and the column.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re

import pandas as pd

from .errors import SchemaError

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_INTEGER = re.compile(r"^[+-]?\d+$")
_WORDS = {
    "integer": "a whole number",
    "year": "a four-digit year",
    "number": "a number",
    "boolean": "true or false",
    "date": "a date written YYYY-MM-DD",
}


def _fail(filename: str, row: int, column: str, value, problem: str) -> SchemaError:
    # row is 0-based among data rows; the file's line adds the header line and counts from 1.
    return SchemaError(
        f"{filename}, line {row + 2} (data row {row + 1}), column '{column}': {value!r} {problem}."
    )


def _integer(text: str) -> int:
    if not _INTEGER.match(text):
        raise ValueError(text)
    return int(text)


def _date(text: str) -> dt.date:
    if not _DATE.match(text):
        raise ValueError(text)
    return dt.date.fromisoformat(text)


def _boolean(text: str) -> bool:
    lowered = text.lower()
    if lowered not in ("true", "false"):
        raise ValueError(text)
    return lowered == "true"


_PARSE = {"integer": _integer, "year": _integer, "number": float, "boolean": _boolean,
          "date": _date, "string": str}


def _limit(field: dict, bound: str):
    value = field["constraints"][bound]
    return dt.date.fromisoformat(value) if field["type"] == "date" else value


def _column(cells: list[str], field: dict, filename: str) -> list:
    """Parse and check one column; returns Python values with None for empty cells."""
    name, kind = field["name"], field["type"]
    if kind not in _PARSE:
        raise SchemaError(f"{filename}: field '{name}' has an unknown type '{kind}'.")
    parse, rules = _PARSE[kind], field.get("constraints", {})
    enum = set(rules.get("enum", ())) or None
    pattern = re.compile(rules["pattern"]) if "pattern" in rules else None
    low = _limit(field, "minimum") if "minimum" in rules else None
    high = _limit(field, "maximum") if "maximum" in rules else None
    seen = set() if rules.get("unique") else None
    values = []
    for row, text in enumerate(cells):
        if text == "":
            if rules.get("required"):
                raise _fail(filename, row, name, "", "is empty, but a value is required")
            values.append(None)
            continue
        try:
            value = parse(text)
        except ValueError:
            raise _fail(filename, row, name, text, f"is not {_WORDS[kind]}") from None
        if enum is not None and value not in enum:
            raise _fail(filename, row, name, text, f"is not one of the allowed values {rules['enum']}")
        if pattern is not None and not pattern.fullmatch(text):
            raise _fail(filename, row, name, text, f"does not have the required form {rules['pattern']}")
        if low is not None and value < low:
            raise _fail(filename, row, name, text, f"is below the minimum {rules['minimum']}")
        if high is not None and value > high:
            raise _fail(filename, row, name, text, f"is above the maximum {rules['maximum']}")
        if seen is not None:
            if value in seen:
                raise _fail(filename, row, name, text, "repeats a value that must be unique")
            seen.add(value)
        values.append(value)
    return values


def _array(values: list, field: dict):
    kind = field["type"]
    if "enum" in field.get("constraints", {}):
        return pd.Categorical(values, categories=field["constraints"]["enum"])
    if kind == "date":
        return pd.to_datetime(pd.Series(values, dtype=object), format="%Y-%m-%d").array
    dtype = {"integer": "Int64", "year": "Int64", "number": "Float64", "boolean": "boolean"}.get(kind, "string")
    return pd.array(values, dtype=dtype)


def typed_frame(raw: bytes, schema: dict, filename: str) -> pd.DataFrame:
    """The file's rows as a typed DataFrame, after checking header, types, constraints and keys."""
    reader = csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline=""))
    header = next(reader, [])
    fields = schema["fields"]
    names = [f["name"] for f in fields]
    if header != names:
        missing = [n for n in names if n not in header]
        extra = [c for c in header if c not in names]
        detail = ([f"missing {missing}"] if missing else []) + ([f"unexpected {extra}"] if extra else [])
        raise SchemaError(f"{filename}: the header does not match the schema "
                          f"({'; '.join(detail) or 'the columns are in a different order'}).")
    rows = list(reader)
    for i, row in enumerate(rows):
        if len(row) != len(names):
            raise SchemaError(f"{filename}, line {i + 2}: {len(row)} cells, but the header has {len(names)}.")
    columns = {f["name"]: _column([row[j] for row in rows], f, filename) for j, f in enumerate(fields)}
    _check_key(columns, [row for row in rows], schema, filename, names)
    return pd.DataFrame({f["name"]: _array(columns[f["name"]], f) for f in fields})


def _check_key(columns: dict, rows: list, schema: dict, filename: str, names: list[str]) -> None:
    key = schema.get("primaryKey")
    if not key:
        return
    key = [key] if isinstance(key, str) else list(key)
    seen = set()
    for i, values in enumerate(zip(*(columns[k] for k in key))):
        if None in values:
            raise _fail(filename, i, key[values.index(None)], "", "is empty, but it is part of the primary key")
        if values in seen:
            shown = "|".join(rows[i][names.index(k)] for k in key)
            raise _fail(filename, i, "+".join(key), shown, "repeats a primary key already used above")
        seen.add(values)
