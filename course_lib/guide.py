"""The data guide's cards: everything a student needs to trust and cite one dataset."""

from __future__ import annotations

import pandas as pd

from .data import descriptor, load, resource, sources


def coverage(frame: pd.DataFrame) -> str:
    """The span of the first date or year column, as text ("1945-2026"), or "" if none."""
    for column in frame.columns:
        series = frame[column].dropna()
        if series.empty:
            continue
        if pd.api.types.is_datetime64_any_dtype(series):
            return f"{series.min():%Y}-{series.max():%Y}"
        if column in ("year", "survey_year", "fiscal_year") and pd.api.types.is_integer_dtype(series):
            return f"{series.min()}-{series.max()}"
    return ""


def disputes(name: str) -> pd.DataFrame:
    """The recorded disagreements between sources for one dataset."""
    table = load("disputes")
    return table[table["dataset"] == name].drop(columns="dataset").reset_index(drop=True)


def card(name: str) -> str:
    """A Markdown card: title, description, coverage, rows, status counts, licence, provenance."""
    res = resource(name)
    frame = load(name)
    lines = [f"### `{name}`: {res['title']}", "", res.get("description", ""), ""]
    span = coverage(frame)
    lines.append(f"- **Rows:** {len(frame)}" + (f" · **Coverage:** {span}" if span else ""))
    if "value_status" in frame:
        counts = frame["value_status"].value_counts()
        lines.append("- **Values:** " + ", ".join(f"{k} {v}" for k, v in counts.items() if v))
        single = int(frame["second_source_id"].isna().sum()) if "second_source_id" in frame else 0
        lines.append(f"- **Rows confirmed by a second source:** {len(frame) - single} of {len(frame)}")
    lines.append(f"- **Sources cited:** {len(sources(name))} · **Disputes recorded:** {len(disputes(name))}")
    lines.append(f"- **Licence:** {'; '.join(l.get('title', l.get('name', '')) for l in res.get('licenses', []))}")
    if res.get("provenance"):
        lines.append(f"- **How the numbers were made:** {res['provenance']}")
    lines.append(f"- **Data as of:** {descriptor()['as_of']}")
    return "\n".join(lines)
