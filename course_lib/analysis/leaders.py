"""Leaders in office: tenures, overlaps and counts over a window of dates."""

from __future__ import annotations

import pandas as pd


def in_office(leaders: pd.DataFrame, start, end, as_of) -> pd.DataFrame:
    """Leaders whose tenure overlaps [start, end]; an open tenure runs to ``as_of``."""
    start, end = pd.Timestamp(start), pd.Timestamp(end)
    finish = leaders["end_date"].fillna(pd.Timestamp(as_of))
    overlap = (leaders["start_date"] <= end) & (finish >= start)
    return leaders[overlap].sort_values("start_date").reset_index(drop=True)


def tenure_days(leaders: pd.DataFrame, as_of) -> pd.Series:
    """Days in office counted as Japan's Cabinet Office does: both the first and last day count."""
    finish = leaders["end_date"].fillna(pd.Timestamp(as_of))
    return ((finish - leaders["start_date"]).dt.days + 1).astype("Int64").rename("tenure_days")


def count_people(leaders: pd.DataFrame) -> int:
    """How many different people (not tenures) a table of tenures holds."""
    return int(leaders["person_id"].nunique())


# --- Tenure statistics, counterparts and the tenure explorer (lesson 02) ----------------------------

# The comparisons the tenure explorer offers: Japan's prime ministers against the US presidents, or
# Japan's prime ministers from the LDP against those from every other party.
COMPARISONS = ("Japan and the US", "LDP and other parties")


def with_tenure(leaders: pd.DataFrame, as_of) -> pd.DataFrame:
    """The table with two more columns: ``days`` (inclusive count, open tenures to ``as_of``) and
    ``open`` (True for a tenure that has not ended: its length is not known yet)."""
    return leaders.assign(days=tenure_days(leaders, as_of).to_numpy(),
                          open=leaders["end_date"].isna().to_numpy())


def tenure_stats(tenures: pd.DataFrame) -> dict:
    """Counts and the spread of completed tenures in a table made by :func:`with_tenure`.

    ``tenures`` and ``people`` count every row; the day statistics leave out open tenures (a
    tenure still running has no length yet). Values are plain Python numbers (None when no
    tenure is completed).
    """
    done = tenures.loc[~tenures["open"].astype(bool), "days"].astype(float)
    stats = {"tenures": int(len(tenures)), "people": count_people(tenures) if len(tenures) else 0,
             "completed": int(len(done)), "open": int(tenures["open"].astype(bool).sum())}
    if done.empty:
        return {**stats, "median": None, "mean": None, "shortest": None, "longest": None, "q1": None, "q3": None}
    return {**stats, "median": float(done.median()), "mean": float(done.mean()),
            "shortest": int(done.min()), "longest": int(done.max()),
            "q1": float(done.quantile(0.25)), "q3": float(done.quantile(0.75))}


def started_between(leaders: pd.DataFrame, start, end) -> pd.DataFrame:
    """Tenures that began inside [start, end] (both days included): the handovers in a window."""
    start, end = pd.Timestamp(start), pd.Timestamp(end)
    return leaders[leaders["start_date"].between(start, end)].sort_values("start_date").reset_index(drop=True)


def counterparts(presidents: pd.DataFrame, pms: pd.DataFrame, as_of) -> pd.DataFrame:
    """For each presidency, the prime ministers in office at some point during it (an overlap of
    one day counts: both were in office that day). Columns: president, start_date, end_date,
    tenures, people, prime_ministers (surnames in order)."""
    rows = []
    for term in presidents.sort_values("start_date").itertuples():
        finish = term.end_date if pd.notna(term.end_date) else pd.Timestamp(as_of)
        overlap = in_office(pms, term.start_date, finish, as_of)
        rows.append({"president": term.person, "start_date": term.start_date, "end_date": term.end_date,
                     "tenures": len(overlap), "people": count_people(overlap) if len(overlap) else 0,
                     "prime_ministers": ", ".join(overlap["person"].map(lambda p: str(p).split()[-1]))})
    return pd.DataFrame(rows)


def year_window(first_year: int, last_year: int, as_of) -> tuple[pd.Timestamp, pd.Timestamp]:
    """1 January of the first year to 31 December of the last (or the as-of date, if earlier)."""
    first_year, last_year = int(first_year), int(last_year)
    if first_year > last_year:
        first_year, last_year = last_year, first_year
    start = pd.Timestamp(year=first_year, month=1, day=1)
    end = min(pd.Timestamp(year=last_year, month=12, day=31), pd.Timestamp(as_of))
    return start, end


def compare_tenures(pms: pd.DataFrame, presidents: pd.DataFrame, first_year: int, last_year: int,
                    comparison: str, as_of) -> pd.DataFrame:
    """Tenure statistics for two groups of leaders in office at some point in a window of years.

    ``comparison`` is one of :data:`COMPARISONS`. Each row is a group: its label, the whole
    tenures of the leaders in office during the window (not cut at the window's edges), how many of
    them began inside the window (``new``: the turnover), and the statistics of
    :func:`tenure_stats`. Acting prime ministers are left out.
    """
    if comparison not in COMPARISONS:
        raise ValueError(f"Unknown comparison {comparison!r}; choose one of {', '.join(COMPARISONS)}.")
    start, end = year_window(first_year, last_year, as_of)
    japan = with_tenure(in_office(pms[~pms["acting"].astype(bool)], start, end, as_of), as_of)
    if comparison == COMPARISONS[0]:
        groups = [("Japan's prime ministers", japan),
                  ("US presidents", with_tenure(in_office(presidents, start, end, as_of), as_of))]
    else:
        ldp = japan["party"].astype(str) == "LDP"
        groups = [("LDP prime ministers", japan[ldp]), ("Other parties' prime ministers", japan[~ldp])]
    rows = []
    for label, table in groups:
        rows.append({"group": label, "new": int(table["start_date"].between(start, end).sum()),
                     **tenure_stats(table)})
    return pd.DataFrame(rows).assign(window_start=start, window_end=end)


def _days(value: float) -> str:
    return f"{value:,.1f}" if value != int(value) else f"{int(value):,}"


def _group_sentence(row) -> str:
    if row.tenures == 0:
        return f"{row.group}: none in office."
    noun = "tenure" if row.tenures == 1 else "tenures"
    person = "person" if row.people == 1 else "people"
    began = "none" if row.new == 0 else f"{row.new}"
    text = f"{row.group}: {row.tenures} {noun} ({row.people} {person}), {began} began inside the window"
    if row.completed == 0:
        return text + "; none has ended yet, so there is no length to compare."
    if row.shortest == row.longest:
        text += (f"; the completed one lasted {_days(row.median)} days" if row.completed == 1
                 else f"; each completed one lasted {_days(row.median)} days")
    else:
        text += (f"; completed tenures: median {_days(row.median)} days, mean {_days(row.mean)}, "
                 f"shortest {_days(row.shortest)}, longest {_days(row.longest)}")
    if row.open:
        text += f" ({row.open} still in office, not counted)"
    return text + "."


def _day(date) -> str:
    return f"{date.day} {date:%b %Y}"


def tenure_sentence(table: pd.DataFrame) -> str:
    """The explorer's sentence for a table made by :func:`compare_tenures`."""
    first = table.iloc[0]
    parts = " ".join(_group_sentence(row) for row in table.itertuples())
    return (f"Leaders in office at some point from {_day(first.window_start)} to {_day(first.window_end)}; "
            f"whole tenures, in days with both ends counted. {parts}")
