"""The Indian Ocean refuelling mission and the aid offered in its place (lesson 04).

Pure functions over the datasets ``refueling_years``, ``refueling_mission`` and
``afghanistan_support``: DataFrames and plain numbers in and out. The claim explorer
(``analysis.claims``) uses :func:`fuel_rate` for its chart of ``refueling_years``.

Conventions, stated once:

- a period counts both its first and its last day (2 Dec 2001 - 31 Mar 2002 is 120 days);
- fuel "per 30 days" divides a period's fuel by its days and multiplies by 30, so that a
  four-month fiscal year and a two-year law period can stand side by side;
- yen amounts are in billions, dollar amounts in millions, as in the data.
"""

from __future__ import annotations

import pandas as pd

from ..errors import CourseError

# The three meanings of an "equal" alliance the lesson works with (the student extends the table).
MEANINGS = {
    "burden": "Japan carries a fair share of the alliance's costs and risks (money, ships, bases, people).",
    "voice": "Japan has an equal say: it proposes roles and decisions instead of only answering US requests.",
    "autonomy": "Japan follows a strategy of its own and depends less on the US (independent diplomacy, Asia).",
}


def _days(start: pd.Series, end: pd.Series) -> pd.Series:
    return (end - start).dt.days + 1


def fuel_rate(years: pd.DataFrame) -> pd.DataFrame:
    """Ship fuel per period in time order: the fiscal-year rows, then the 2008 law's period.

    Columns: label, period_start, period_end, days, fuel_kl, kl_per_30_days, legal_basis, partial.
    FY2007 stops at 30 Aug 2007 (``partial``, labelled "FY2007 (part)"); operations per fiscal year
    were not found, so the table holds fuel only. The 2008 law's row covers its whole activity period (17 Jan 2008 -
    15 Jan 2010), the only split of the years after August 2007 that a source gives.
    """
    fiscal = years[years["row_type"].astype(str) == "fiscal_year"].copy()
    fiscal["label"] = "FY" + fiscal["fiscal_year"].astype(int).astype(str)
    fiscal["partial"] = fiscal["row_id"].str.contains("partial")
    fiscal.loc[fiscal["partial"], "label"] += " (part)"
    law = years[years["row_id"] == "law_rssml"].copy()
    law["label"] = "2008 law (Jan 2008 - Jan 2010)"
    law["partial"] = False
    table = pd.concat([fiscal, law]).sort_values("period_start")
    table["days"] = _days(table["period_start"], table["period_end"]).astype(int)
    table["fuel_kl"] = table["fuel_kl"].astype(int)
    table["kl_per_30_days"] = (table["fuel_kl"] / table["days"] * 30).round(0).astype(int)
    columns = ["label", "period_start", "period_end", "days", "fuel_kl", "kl_per_30_days", "legal_basis", "partial"]
    return table[columns].reset_index(drop=True)


def fuel_rate_sentence(rates: pd.DataFrame) -> str:
    """The finding of :func:`fuel_rate` in one sentence (also the figure's alt text)."""
    peak = rates.loc[rates["kl_per_30_days"].idxmax()]
    last = rates.iloc[-1]
    share = last["kl_per_30_days"] / peak["kl_per_30_days"] * 100
    return (f"Fuel supplied per 30 days peaked in {peak['label']} at {int(peak['kl_per_30_days']):,} kL "
            f"and was {int(last['kl_per_30_days']):,} kL under the {last['label']}, "
            f"{share:.0f}% of the peak.")


def totals(years: pd.DataFrame) -> pd.DataFrame:
    """The whole-mission and per-law rows (operations, fuel, costs): the mission's totals."""
    kept = years[years["row_type"].astype(str).isin(["law_period", "whole_mission"])]
    columns = ["row_id", "period_start", "period_end", "operations", "fuel_kl",
               "fuel_cost_billion_yen", "mission_cost_billion_yen"]
    return kept[columns].reset_index(drop=True)


def value(frame: pd.DataFrame, key_column: str, key: str, column: str) -> float:
    """One number from one row, as a plain float; a clear error if the row or value is missing."""
    row = frame[frame[key_column] == key]
    if row.empty:
        raise CourseError(f"No row {key!r} in column {key_column!r}.")
    found = row.iloc[0][column]
    if pd.isna(found):
        raise CourseError(f"Row {key!r} has no value in {column!r}.")
    return float(found)


def pledge_in_yen(aid: pd.DataFrame, rate_item: str, pledge_item: str = "pledge_20091110") -> float:
    """A dollar pledge (USD million) converted at one stored yen-per-dollar rate: billion yen."""
    rate_row = aid[aid["item_id"] == rate_item]
    if rate_row.empty or str(rate_row.iloc[0]["unit"]) != "JPY per USD":
        raise CourseError(f"{rate_item!r} is not an exchange-rate row of afghanistan_support.")
    return value(aid, "item_id", pledge_item, "amount") * float(rate_row.iloc[0]["amount"]) / 1000


def pledge_vs_mission(aid: pd.DataFrame, years: pd.DataFrame, rate_item: str) -> pd.DataFrame:
    """The 2009 aid pledge, in billion yen at ``rate_item``, against the mission's fuel value and
    whole cost (the Defence Ministry's tally to 31 Dec 2009), with the pledge as a multiple of each."""
    pledge = pledge_in_yen(aid, rate_item)
    fuel = value(years, "row_id", "total_to_20091231", "fuel_cost_billion_yen")
    cost = value(years, "row_id", "total_to_20091231", "mission_cost_billion_yen")
    table = pd.DataFrame({
        "measure": ["Aid pledged, Nov 2009 (up to)", "Mission: value of the fuel supplied",
                    "Mission: whole cost"],
        "billion_yen": [round(pledge, 1), fuel, cost],
        "years_covered": ["about 5 (2009-2014)", "Dec 2001 - Dec 2009", "Dec 2001 - Dec 2009"],
    })
    table["pledge_multiple"] = (pledge / table["billion_yen"]).round(2)
    return table


def pledge_sentence(table: pd.DataFrame) -> str:
    """The finding of :func:`pledge_vs_mission` in one sentence (also the figure's alt text)."""
    pledge, fuel, cost = table["billion_yen"]
    return (f"The aid pledged in November 2009 (up to {pledge:,.1f} bn yen) is "
            f"{pledge / fuel:.1f} times the value of the fuel the mission supplied ({fuel} bn yen) and "
            f"{pledge / cost:.1f} times the mission's whole cost ({cost} bn yen); the pledge was spread "
            f"over about five years, the mission over eight.")


def breaks(mission: pd.DataFrame, years: pd.DataFrame, events: pd.DataFrame) -> dict[str, int]:
    """Days without a law (period p2) and days between the last refuelling under the 2001 law and
    the first under the 2008 law (both days counted as in the data: p2 counts both ends)."""
    gap = mission[mission["status"].astype(str) == "suspended"].iloc[0]
    last = years.loc[years["row_id"] == "law_atsml", "period_end"].iloc[0]
    resumed = events.loc[events["event_id"] == "refuelling_resumed_2008", "date"].iloc[0]
    return {"days_without_law": int((gap["period_end"] - gap["period_start"]).days + 1),
            "days_without_refuelling": int((resumed - last).days)}
