"""Burden sharing on stated definitions: host-nation support and defence spending as a share of GDP.

Lessons 07 and 08 both use these series, so the rules live here once:

* Host-nation support is one definition at a time (``host_nation_support.definition``); the course's
  year-by-year series is ``mod_hns_total``, MOD's 在日米軍駐留経費負担, initial budget. What it pays
  for grew item by item (:data:`HNS_ITEMS_ADDED`), so a change across one of those years is partly a
  change of definition: :func:`hns_series` marks the rows where the items changed.
* SIPRI revises past years in every release, so a share of GDP is always given with its release
  (the ``defense_spending`` note of each ``milex_share_gdp`` row starts "Release: SIPRI <month year>").
  :func:`defense_share` returns the release with each value and :func:`compare_shares` says when a
  comparison crosses releases.

Pure functions: DataFrames and plain values in, DataFrames, numbers and sentences out.
"""

from __future__ import annotations

import re

import pandas as pd

from ..errors import CourseError

HNS_DEFINITION = "mod_hns_total"

# The fiscal year in which MOD's host-nation support first paid for each item (source:
# cnf_mod_hns_page, MOD's own page on 在日米軍駐留経費負担 / 同盟強靱化予算). From FY2022 the
# agreement also cut utilities in stages.
HNS_ITEMS_ADDED = {
    1978: "base workers' welfare costs",
    1979: "Facilities Improvement Program",
    1987: "workers' basic pay (Special Measures Agreement)",
    1991: "utilities (Special Measures Agreement)",
    1996: "training relocation (Special Measures Agreement)",
    2022: "training-equipment procurement added, utilities cut in stages (Special Measures Agreement)",
}
HNS_ITEMS_SOURCE = "cnf_mod_hns_page"

COUNTRIES = ("Japan", "United States", "China")
_RELEASE = re.compile(r"^Release: SIPRI ([A-Z][a-z]+ \d{4})")


def hns_series(hns: pd.DataFrame, definition: str = HNS_DEFINITION) -> pd.DataFrame:
    """One definition of host-nation support, year by year: fiscal_year, value_billion_yen, items_changed
    (what MOD's list of items gained since the previous row, empty if nothing), source_id, value_status.

    Years without a row stay missing: nothing is interpolated.
    """
    known = set(hns["definition"].astype(str))
    if definition not in known:
        raise CourseError(f"Unknown definition {definition!r}. The data has: {', '.join(sorted(known))}.")
    rows = hns[hns["definition"].astype(str) == definition].sort_values("fiscal_year")
    out = pd.DataFrame({
        "fiscal_year": rows["fiscal_year"].astype(int).to_numpy(),
        "value_billion_yen": rows["value_billion_yen"].astype(float).to_numpy(),
        "source_id": rows["source_id"].astype(str).to_numpy(),
        "value_status": rows["value_status"].astype(str).to_numpy(),
    })
    changed, previous = [], None
    for year in out["fiscal_year"]:
        if definition != HNS_DEFINITION:
            added = []
        elif previous is None:
            added = [text for y, text in HNS_ITEMS_ADDED.items() if y == year]
        else:
            added = [text for y, text in HNS_ITEMS_ADDED.items() if previous < y <= year]
        changed.append("; ".join(added))
        previous = year
    out.insert(2, "items_changed", changed)
    return out


def percent_change(series: pd.DataFrame, start: int, end: int, column: str = "value_billion_yen",
                   year: str = "fiscal_year") -> float:
    """Percentage change of ``column`` from year ``start`` to year ``end`` (both rows must exist)."""
    values = series.set_index(year)[column]
    for y in (start, end):
        if y not in values.index:
            raise CourseError(f"No row for {y}: the series has {', '.join(str(v) for v in values.index)}. "
                              "Missing years are not filled.")
    return float((values[end] - values[start]) / values[start] * 100)


def release_of(note) -> str:
    """The SIPRI release a share-of-GDP row comes from ("April 2021"), read from the start of its note."""
    match = _RELEASE.match("" if note is None or pd.isna(note) else str(note))
    if not match:
        raise CourseError("A SIPRI share-of-GDP row must say its release: its note should start "
                          f"'Release: SIPRI <month year>', not {str(note)[:40]!r}.")
    return match[1]


def defense_share(defense: pd.DataFrame, countries=COUNTRIES, years: tuple[int, int] = (2000, 2024)) -> pd.DataFrame:
    """SIPRI military expenditure as a share of GDP: country, year, share_pct, release, value_status."""
    unknown = [c for c in countries if c not in COUNTRIES]
    if unknown:
        raise CourseError(f"Unknown countries {unknown}: the data covers {', '.join(COUNTRIES)}.")
    rows = defense[(defense["measure"].astype(str) == "milex_share_gdp")
                   & defense["country"].astype(str).isin(countries)
                   & defense["year"].astype(int).between(*years)]
    out = pd.DataFrame({
        "country": rows["country"].astype(str).to_numpy(),
        "year": rows["year"].astype(int).to_numpy(),
        "share_pct": rows["value"].astype(float).to_numpy(),
        "release": [release_of(n) for n in rows["note"]],
        "value_status": rows["value_status"].astype(str).to_numpy(),
    })
    order = {c: i for i, c in enumerate(countries)}
    return out.sort_values(["country", "year"], key=lambda s: s.map(order) if s.name == "country" else s
                           ).reset_index(drop=True)


def release_breaks(shares: pd.DataFrame) -> pd.DataFrame:
    """Where a country's series changes release: country, last_year (old release), first_year (new), releases."""
    rows = []
    for country, group in shares.sort_values("year").groupby("country", sort=False):
        for before, after in zip(group.itertuples(), group.iloc[1:].itertuples()):
            if before.release != after.release:
                rows.append({"country": country, "last_year": before.year, "first_year": after.year,
                             "from_release": before.release, "to_release": after.release})
    return pd.DataFrame(rows, columns=["country", "last_year", "first_year", "from_release", "to_release"])


def share_wide(shares: pd.DataFrame) -> pd.DataFrame:
    """Years as rows, countries as columns, plus the release(s) of each year."""
    wide = shares.pivot(index="year", columns="country", values="share_pct")
    wide = wide[[c for c in COUNTRIES if c in wide.columns]]
    wide["release"] = shares.groupby("year")["release"].agg(lambda r: " / ".join(sorted(set(r))))
    wide.columns.name = None
    return wide


def compare_shares(shares: pd.DataFrame, a: tuple[str, int], b: tuple[str, int]) -> dict:
    """Compare two shares, each (country, year): both values, the difference a - b in points, the
    ratio a / b, and whether the two come from the same SIPRI release (with a sentence saying so)."""
    table = shares.set_index(["country", "year"])
    for key in (a, b):
        if key not in table.index:
            raise CourseError(f"No share of GDP for {key[0]} in {key[1]}.")
    ra, rb = table.loc[a], table.loc[b]
    same = ra["release"] == rb["release"]
    sentence = (f"{a[0]} {a[1]} {ra['share_pct']:.2f}% against {b[0]} {b[1]} {rb['share_pct']:.2f}%: "
                f"{ra['share_pct'] - rb['share_pct']:+.2f} points, ratio {ra['share_pct'] / rb['share_pct']:.2f}; "
                + ("both from SIPRI's " + ra["release"] + " release." if same else
                   f"ACROSS RELEASES (SIPRI {ra['release']} and {rb['release']}): part of the gap may be revision."))
    return {"a": float(ra["share_pct"]), "b": float(rb["share_pct"]),
            "difference": float(ra["share_pct"] - rb["share_pct"]),
            "ratio": float(ra["share_pct"] / rb["share_pct"]), "same_release": bool(same), "sentence": sentence}
