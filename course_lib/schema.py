"""Check a CSV file against its Frictionless Table Schema and build a typed DataFrame.

The checks run in plain Python over the parsed cells (the course's tables are small, and this is
several times faster than column-by-column pandas operations), then each column becomes a pandas
array with a real dtype: nullable integers, floats and booleans, datetimes, strings, and
categories for fields with an ``enum``. Every error names the file, the line and the column.

Every pattern is anchored at both ends and ASCII-only: a trailing newline, a NUL byte or a
non-ASCII digit (such as "\u0661") never passes as a date, a number or a schema ``pattern``. The
file's records are counted twice, by lines and by the CSV parser, so a quote left open (which
makes the parser swallow the rest of the file into one cell) is an error, not a short table.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re

import pandas as pd

from .errors import SchemaError

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)
_INTEGER = re.compile(r"[+-]?\d+", re.ASCII)
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?", re.ASCII)
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
    if not _INTEGER.fullmatch(text):
        raise ValueError(text)
    return int(text)


def _number(text: str) -> float:
    if not _NUMBER.fullmatch(text):
        raise ValueError(text)
    return float(text)


def _date(text: str) -> dt.date:
    if not _DATE.fullmatch(text):
        raise ValueError(text)
    return dt.date.fromisoformat(text)


def _boolean(text: str) -> bool:
    lowered = text.lower()
    if lowered not in ("true", "false"):
        raise ValueError(text)
    return lowered == "true"


_PARSE = {"integer": _integer, "year": _integer, "number": _number, "boolean": _boolean,
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
    try:
        pattern = re.compile(rules["pattern"], re.ASCII) if "pattern" in rules else None
    except (re.error, TypeError) as bad:
        raise SchemaError(f"{filename}: field '{name}' has a pattern that is not a valid regular "
                          f"expression ({rules['pattern']!r}: {bad}). Fix it in datapackage.json.") from None
    low = _limit(field, "minimum") if "minimum" in rules else None
    high = _limit(field, "maximum") if "maximum" in rules else None
    seen = set() if rules.get("unique") else None
    values = []
    for row, text in enumerate(cells):
        if "\x00" in text:
            raise _fail(filename, row, name, text, "holds a NUL byte (the file is damaged)")
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


def decode(raw: bytes, filename: str) -> str:
    """The file's text; a file in another encoding is a clear error naming the line."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as bad:
        line = raw[: bad.start].count(b"\n") + 1
        raise SchemaError(f"{filename}, line {line}: the file is not UTF-8 (byte 0x{raw[bad.start]:02x}); "
                          "save it as UTF-8 (the course's files all are).") from None


def records(text: str, filename: str) -> list[list[str]]:
    """Every CSV record, checked against the line count: no quote left open, no bare CR."""
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), strict=True))
    except csv.Error as bad:
        raise SchemaError(f"{filename}: the file is not valid CSV ({bad}); a quote is probably "
                          "not closed.") from None
    lines = text.count("\n") + (0 if text.endswith("\n") or not text else 1)
    inside = sum(cell.count("\n") for row in rows for cell in row)
    if lines != len(rows) + inside:
        raise SchemaError(f"{filename}: the file has {lines} lines but {len(rows)} CSV records; a quote "
                          "is probably not closed, so later lines were read as part of one cell.")
    return rows


def typed_frame(raw: bytes, schema: dict, filename: str, rows_expected: int | None = None) -> pd.DataFrame:
    """The file's rows as a typed DataFrame, after checking header, types, constraints and keys
    (and, when the descriptor gives it, the number of rows)."""
    parsed = records(decode(raw, filename), filename)
    reader = iter(parsed)
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
    if rows_expected is not None and len(rows) != rows_expected:
        raise SchemaError(f"{filename}: {len(rows)} data rows, but the data package says {rows_expected}. "
                          "Restore the file (git checkout -- data/), or after a deliberate change run make data.")
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
