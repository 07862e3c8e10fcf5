"""The data guide's cards: everything a student needs to trust and cite one dataset."""

from __future__ import annotations

import pandas as pd

from .analysis.tables import dated_columns
from .data import TIERS, cites_above_mirror, describe, descriptor, list_datasets, load, resource, sources, tier_text


def coverage(frame: pd.DataFrame) -> str:
    """The span of the table's dates or years, as text ("1945-2026"), or "" if it has none."""
    years = [y for column, values in dated_columns(frame).items()
             if column != "accessed"  # when a source was read, not what the data cover
             for y in (values.min(), values.max()) if len(values)]
    return f"{min(years)}-{max(years)}" if years else ""


def disputes(name: str) -> pd.DataFrame:
    """The recorded disagreements between sources for one dataset."""
    table = load("disputes")
    return table[table["dataset"] == name].drop(columns="dataset").reset_index(drop=True)


def rows_above_mirror(name: str) -> tuple[int, int]:
    """(rows citing at least one official, scholarly, news or reference source, all rows) of a dataset."""
    frame = load(name)
    if not {"source_id", "second_source_id"} & set(frame.columns):
        return 0, 0
    return int(cites_above_mirror(frame).sum()), len(frame)


def tier_table() -> pd.DataFrame:
    """Per dataset: how many of its cited sources fall in each tier, and how many of its rows cite at
    least one source above mirror (official, scholarly, news or reference)."""
    tiers = load("sources").set_index("id")["tier"].astype(str)
    records = []
    for name in list_datasets()["name"]:
        if name in ("sources", "disputes"):
            continue
        cited = sources(name)["id"].astype(str)
        counts = tiers.reindex(cited).value_counts()
        above, rows = rows_above_mirror(name)
        records.append({"dataset": name, **{t: int(counts.get(t, 0)) for t in TIERS},
                        "rows above mirror": f"{above} of {rows}"})
    return pd.DataFrame(records, columns=["dataset", *TIERS, "rows above mirror"])


def _markdown_table(frame: pd.DataFrame) -> str:
    """A small DataFrame as a Markdown table (pandas' own needs an extra package)."""
    def cell(value) -> str:
        return "" if pd.isna(value) else str(value).replace("|", "\\|").replace("\n", " ")

    lines = ["| " + " | ".join(frame.columns) + " |", "|" + "---|" * len(frame.columns)]
    lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in frame.itertuples(index=False)]
    return "\n".join(lines)


def facts(name: str) -> list[str]:
    """The card's facts as Markdown list items: rows, coverage, values, sources, licence,
    provenance and "as of" (the data guide's cards and the website's dataset pages show them)."""
    res = resource(name)
    frame = load(name)
    span = coverage(frame)
    lines = [f"- **Rows:** {len(frame)}" + (f" · **Coverage:** {span}" if span else "")]
    if "value_status" in frame:
        counts = frame["value_status"].value_counts()
        lines.append("- **Values:** " + ", ".join(f"{k} {v}" for k, v in counts.items() if v))
        single = int(frame["second_source_id"].isna().sum()) if "second_source_id" in frame else 0
        lines.append(f"- **Rows confirmed by a second source:** {len(frame) - single} of {len(frame)}")
    lines.append(f"- **Sources cited:** {len(sources(name))} · **Disputes recorded:** {len(disputes(name))}")
    if "source_id" in frame:
        above, rows = rows_above_mirror(name)
        lines.append(f"- **Sources by tier:** {tier_text(name)} · **Rows citing a source above mirror:** "
                     f"{above} of {rows}")
    licences = '; '.join(lic.get('title', lic.get('name', '')) for lic in res.get('licenses', []))
    lines.append(f"- **Licence:** {licences}")
    if res.get("provenance"):
        lines.append(f"- **How the numbers were made:** {res['provenance']}")
    lines.append(f"- **Data as of:** {descriptor()['as_of']}")
    return lines


def card(name: str) -> str:
    """A Markdown card: title, description, coverage, rows, values, sources, licence, provenance,
    then the codebook and the recorded disagreements between sources."""
    res = resource(name)
    lines = [f"### `{name}`: {res['title']}", "", res.get("description", ""), "", *facts(name)]
    lines += ["", "**Codebook**", "", _markdown_table(describe(name))]
    recorded = disputes(name)
    if len(recorded):
        lines += ["", "**Where sources disagree**", "", _markdown_table(recorded)]
    return "\n".join(lines)
