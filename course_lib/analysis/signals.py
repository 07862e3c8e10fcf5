"""Who said what, when, and in what stance: lesson 06's statements and its explorer call these.

Pure functions on the ``alliance_statements``, ``cabinet_approval`` and ``people`` datasets: filter the
statements, count their stances by side, find the first statement of a kind, and say in one sentence
what a window of months holds. Approval is always one pollster's series, chosen by name: pollsters
are never mixed in one line, because their methods and house effects differ.
"""

from __future__ import annotations

import re

import pandas as pd

from ..errors import CourseError

SIDES = ("US", "JP")
SIDE_NAMES = {"US": "US", "JP": "Japan"}
# The course's stance codes (a judgement under the rule in the dataset's provenance), in a fixed order.
STANCES = ("open_to_review", "wait_and_see", "existing_plan_only", "other")
STANCE_LABELS = {
    "open_to_review": "open to review",
    "wait_and_see": "wait and see",
    "existing_plan_only": "existing plan only",
    "other": "other",
}
SETTINGS = ("public", "readout")
CABINET = "hatoyama_yukio"


def _month(value) -> pd.Period:
    """A month from 'YYYY-MM' (or a Period or Timestamp); anything else is a clear error."""
    problem = CourseError(f"'{value}' is not a month: write it as 'YYYY-MM', e.g. '2009-10'.")
    if isinstance(value, str):
        if not re.fullmatch(r"\d{4}-\d{2}", value.strip()):
            raise problem  # pandas would read 'October' as a month of the current year
        value = value.strip()
    try:
        month = pd.Period(value, freq="M")
    except (ValueError, TypeError):
        raise problem from None
    if pd.isna(month):
        raise problem
    return month


def months(statements: pd.DataFrame) -> list[str]:
    """Every month from the first statement to the last, as 'YYYY-MM' (the explorer's window choices)."""
    first, last = statements["date"].min(), statements["date"].max()
    return [str(p) for p in pd.period_range(first, last, freq="M")]


def month_label(month) -> str:
    """'2009-10' -> 'Oct 2009'."""
    return _month(month).strftime("%b %Y")


def window_label(first_month, last_month) -> str:
    """'Oct 2009' for one month, 'Oct 2009 to Jan 2010' for several."""
    first, last = month_label(first_month), month_label(last_month)
    return first if first == last else f"{first} to {last}"


def _check(values, allowed, what):
    unknown = [v for v in values if v not in allowed]
    if unknown:
        raise CourseError(f"Unknown {what} {unknown}. Choose from: {', '.join(allowed)}.")


def filter_statements(statements: pd.DataFrame, sides=None, speakers=None, stances=None,
                      first_month=None, last_month=None, include_readouts: bool = True) -> pd.DataFrame:
    """The statements of some sides, speakers and stances in a window of months, in date order.

    ``None`` means all (all sides, all speakers, all stances, from the first month to the last).
    With ``include_readouts=False`` only words spoken on the record remain (setting == 'public').
    """
    sides = SIDES if sides is None else tuple(sides)
    stances = STANCES if stances is None else tuple(stances)
    _check(sides, SIDES, "sides")
    _check(stances, STANCES, "stances")
    first = _month(first_month) if first_month is not None else statements["date"].min().to_period("M")
    last = _month(last_month) if last_month is not None else statements["date"].max().to_period("M")
    month = statements["date"].dt.to_period("M")
    mask = (statements["side"].astype(str).isin(sides) & statements["stance"].astype(str).isin(stances)
            & (month >= first) & (month <= last))
    if speakers is not None:
        mask &= statements["speaker"].isin(list(speakers))
    if not include_readouts:
        mask &= statements["setting"].astype(str) == "public"
    return statements[mask].sort_values(["date", "statement_id"]).reset_index(drop=True)


def stance_counts(selected: pd.DataFrame) -> pd.DataFrame:
    """Statements per side (rows US, JP) and stance (columns in the course's order), zeros included."""
    table = pd.crosstab(selected["side"].astype(str), selected["stance"].astype(str))
    return table.reindex(index=list(SIDES), columns=list(STANCES), fill_value=0).astype(int)


def first_statement(statements: pd.DataFrame, side: str, stance: str, public_only: bool = True):
    """The earliest statement of one side in one stance (a row), or None if there is none."""
    _check([side], SIDES, "side")
    _check([stance], STANCES, "stance")
    rows = filter_statements(statements, sides=[side], stances=[stance], include_readouts=not public_only)
    return None if rows.empty else rows.iloc[0]


def days_between(start, end) -> int:
    """Whole days from ``start`` to ``end`` (a plain difference: 16 Sep to 19 Oct is 33 days)."""
    return int((pd.Timestamp(end) - pd.Timestamp(start)).days)


def _side_clause(counts: pd.Series, side: str) -> str:
    total = int(counts.sum())
    parts = [f"{STANCE_LABELS[s]} {int(counts[s])}"
             for s in sorted(STANCES, key=lambda s: (-counts[s], STANCES.index(s))) if counts[s]]
    return f"{SIDE_NAMES[side]} {total} ({', '.join(parts)})"


def summary(selected: pd.DataFrame, first_month, last_month) -> str:
    """One sentence on the stances in a window: how many statements each side made, by stance."""
    window = window_label(first_month, last_month)
    if selected.empty:
        return f"No statements match in {window}: widen the window or choose more speakers or stances."
    counts = stance_counts(selected)
    sides = [_side_clause(counts.loc[s], s) for s in SIDES if counts.loc[s].sum()]
    noun = "statement" if len(selected) == 1 else "statements"
    return f"{len(selected)} {noun} in {window}: " + "; ".join(sides) + "."


def pollsters(approval: pd.DataFrame, cabinet: str = CABINET) -> list[str]:
    """Pollsters with at least one reading of the cabinet, the one with most readings first."""
    rows = approval[approval["cabinet"].astype(str) == cabinet]
    counts = rows["pollster"].astype(str).value_counts()
    return sorted(counts.index, key=lambda name: (-counts[name], name))


def approval_series(approval: pd.DataFrame, pollster: str, cabinet: str = CABINET) -> pd.DataFrame:
    """One pollster's approval readings of one cabinet, in order of the last day of fieldwork.

    Only one pollster at a time: a line through several pollsters' readings would mix methods.
    """
    available = pollsters(approval, cabinet)
    if pollster not in available:
        raise CourseError(f"No approval readings of {cabinet} by '{pollster}'. Pollsters with readings: "
                          f"{', '.join(available) or 'none'}.")
    rows = approval[(approval["cabinet"].astype(str) == cabinet) & (approval["pollster"].astype(str) == pollster)]
    series = rows.rename(columns={"fieldwork_end": "date"})[["poll_id", "date", "approve_pct"]]
    return series.sort_values("date").reset_index(drop=True)


def _pct(value, series: pd.DataFrame) -> str:
    """A share as the pollster publishes it: one decimal if any of its readings has one, else whole."""
    decimals = 1 if (series["approve_pct"] % 1 != 0).any() else 0
    return f"{float(value):.{decimals}f}%"


def approval_clause(series: pd.DataFrame, pollster: str, first_month, last_month) -> str:
    """One sentence on the pollster's readings whose fieldwork ended inside the window."""
    month = series["date"].dt.to_period("M")
    inside = series[(month >= _month(first_month)) & (month <= _month(last_month))]
    if inside.empty:
        return f"No {pollster} approval reading of the cabinet falls in this window."
    first, last = inside.iloc[0], inside.iloc[-1]
    if len(inside) == 1:
        return f"{pollster} approval: {_pct(first['approve_pct'], series)} (fieldwork ending {first['date']:%d %b %Y})."
    return (f"{pollster} approval: {_pct(first['approve_pct'], series)} ({first['date']:%d %b %Y}) to "
            f"{_pct(last['approve_pct'], series)} ({last['date']:%d %b %Y}), {len(inside)} readings.")


def explorer_sentence(statements: pd.DataFrame, approval: pd.DataFrame, sides=None, speakers=None,
                      stances=None, first_month=None, last_month=None, include_readouts: bool = True,
                      pollster: str | None = None) -> str:
    """What the statements explorer says for one choice: the stances, then the chosen pollster's approval."""
    all_months = months(statements)
    first_month = first_month or all_months[0]
    last_month = last_month or all_months[-1]
    if _month(first_month) > _month(last_month):
        return (f"The window ends before it starts ({month_label(first_month)} to {month_label(last_month)}): "
                "choose a 'To' month on or after the 'From' month.")
    selected = filter_statements(statements, sides, speakers, stances, first_month, last_month, include_readouts)
    text = summary(selected, first_month, last_month)
    if pollster is None:
        return text
    return f"{text} {approval_clause(approval_series(approval, pollster), pollster, first_month, last_month)}"


def alt_text(selected: pd.DataFrame, series: pd.DataFrame, pollster: str, first_month, last_month) -> str:
    """Alt text of the explorer's figure: what the strip and the approval line show."""
    counts = stance_counts(selected) if not selected.empty else None
    if counts is None:
        strip = f"No statements in the chosen window ({window_label(first_month, last_month)})"
    else:
        per_side = ", ".join(f"{SIDE_NAMES[s]} {int(counts.loc[s].sum())}" for s in SIDES)
        top = {s: max(STANCES, key=lambda k: (counts.loc[s, k], -STANCES.index(k))) for s in SIDES
               if counts.loc[s].sum()}
        most = "; ".join(f"most {SIDE_NAMES[s]} statements {STANCE_LABELS[k]}" for s, k in top.items())
        strip = (f"Dated strip of {len(selected)} statements ({per_side}) in "
                 f"{window_label(first_month, last_month)}: {most}")
    if series.empty:
        line = f"no {pollster} approval readings"
    else:
        line = (f"{pollster} approval of the Hatoyama cabinet went from {_pct(series['approve_pct'].iloc[0], series)} "
                f"({series['date'].iloc[0]:%b %Y}) to {_pct(series['approve_pct'].iloc[-1], series)} "
                f"({series['date'].iloc[-1]:%b %Y})")
    return f"{strip}. Below it, {line}."


def speaker_options(statements: pd.DataFrame, people: pd.DataFrame) -> list[tuple[str, str]]:
    """(label, person_id) for every speaker: 'Kurt Campbell (US, 6)', US speakers first, then by name."""
    names = people.set_index("person_id")["person"]
    counts = statements.groupby("speaker").agg(side=("side", "first"), n=("statement_id", "size"))
    counts["name"] = [str(names.get(pid, pid)) for pid in counts.index]
    counts["side"] = counts["side"].astype(str)
    counts["order"] = counts["side"].map(SIDES.index)
    counts = counts.sort_values(["order", "name"])
    return [(f"{row['name']} ({SIDE_NAMES[row['side']]}, {row['n']})", pid) for pid, row in counts.iterrows()]


def when(frame: pd.DataFrame, date, column: str = "date") -> pd.Series:
    """'before', 'same day' or 'after' a date, for each row (e.g. decisions against a first statement)."""
    day = pd.Timestamp(date)
    values = frame[column]
    return pd.Series(["before" if d < day else "same day" if d == day else "after" for d in values],
                     index=frame.index, name="when")
