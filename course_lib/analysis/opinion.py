"""Opinion series and the change around an event (lesson 07's opinion explorer calls these).

Every reading of a survey is a *period*, not a point: the days it was in the field where they are
known, else the month, else the year in its label (a calendar year, or a Japanese fiscal year,
April to March, for rounds labelled "JFY2016"). A reading counts as *before* an event only when its
whole period lies in the window before the event, and as *after* only when its whole period lies in
the window after it; a reading whose period contains the event day counts on neither side (it is
reported as spanning the event), and one that lies partly outside the window is left out. So a round
fielded in October 2009 is never "after" a November 2009 event, and a round known only by its year
counts only where that whole year falls on one side.

All functions are pure: DataFrames and plain values in, DataFrames, numbers and sentences out.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

import pandas as pd

from ..errors import CourseError

# The series a student can choose, in the order the explorer lists them.
SERIES = {
    "affinity": "Japanese who feel affinity toward the US (Cabinet Office)",
    "us_public": "Americans who call Japan a dependable ally: general public (MOFA poll)",
    "us_leaders": "Americans who call Japan a dependable ally: opinion leaders (MOFA poll)",
    "approval_kyodo": "Approval of the Japanese cabinet (Kyodo News polls)",
    "approval_jiji": "Approval of the Japanese cabinet (Jiji Press polls)",
}

# What each series' number is, for sentences and axis labels.
MEASURES = {
    "affinity": "feel affinity toward the US",
    "us_public": "call Japan dependable",
    "us_leaders": "call Japan dependable",
    "approval_kyodo": "approve of the cabinet",
    "approval_jiji": "approve of the cabinet",
}

# Events a student can overlay: alliance_timeline event ids, in date order.
EVENTS = (
    "hatoyama_takes_office_2009",
    "obama_tokyo_2009",
    "futenma_deadline_2009",
    "scc_futenma_2010",
    "hatoyama_resigns_2010",
    "senkaku_collision_2010",
    "tomodachi_2011",
    "noda_obama_2012",
    "abe_returns_2012",
)

WINDOWS = (12, 24, 36, 48, 60)  # months either side of an event
DEFAULT_WINDOW = 36

_DAYS = re.compile(r"^(\d{4}-\d{2}-\d{2})/(\d{4}-\d{2}-\d{2})$")
_MONTHS = re.compile(r"^(\d{4})-(\d{2})(?:/(\d{4})-(\d{2}))?$")


def _month_end(year: int, month: int) -> pd.Timestamp:
    return pd.Timestamp(year, month, calendar.monthrange(year, month)[1])


def reading_period(fieldwork, label) -> tuple[pd.Timestamp, pd.Timestamp, str]:
    """(first day, last day, precision) of one reading, from its fieldwork text or else its label.

    ``fieldwork``: "YYYY-MM-DD/YYYY-MM-DD", "YYYY-MM", "YYYY-MM/YYYY-MM" or empty.
    ``label``: the round's year label, "2003" (calendar year) or "JFY2018" (April to March).
    """
    text = "" if fieldwork is None or pd.isna(fieldwork) else str(fieldwork).strip()
    if m := _DAYS.match(text):
        return pd.Timestamp(m[1]), pd.Timestamp(m[2]), "day"
    if m := _MONTHS.match(text):
        y1, m1 = int(m[1]), int(m[2])
        y2, m2 = (int(m[3]), int(m[4])) if m[3] else (y1, m1)
        return pd.Timestamp(y1, m1, 1), _month_end(y2, m2), "month"
    if text:
        raise CourseError(f"Cannot read the fieldwork {text!r}: expected YYYY-MM-DD/YYYY-MM-DD or YYYY-MM.")
    label = str(label).strip()
    if m := re.fullmatch(r"JFY(\d{4})", label):
        year = int(m[1])
        return pd.Timestamp(year, 4, 1), pd.Timestamp(year + 1, 3, 31), "fiscal year"
    if re.fullmatch(r"\d{4}", label):
        return pd.Timestamp(int(label), 1, 1), pd.Timestamp(int(label), 12, 31), "year"
    raise CourseError(f"Cannot date the reading {label!r}: no fieldwork and no year label.")


def _frame(labels, starts_ends, values, sources) -> pd.DataFrame:
    starts, ends, precision = zip(*starts_ends) if starts_ends else ((), (), ())
    out = pd.DataFrame({
        "label": [str(x) for x in labels],
        "start": pd.to_datetime(list(starts)),
        "end": pd.to_datetime(list(ends)),
        "precision": list(precision),
        "value": [float(v) for v in values],
        "source_id": [str(s) for s in sources],
    })
    out["mid"] = out["start"] + (out["end"] - out["start"]) / 2
    return out.sort_values("start").reset_index(drop=True)


def affinity_readings(affinity: pd.DataFrame) -> pd.DataFrame:
    """Readings of ``opinion_affinity``: label, start, end, precision, value (percent), mid, source_id."""
    rows = affinity.dropna(subset=["affinity_pct"])
    periods = [reading_period(f, y) for f, y in zip(rows["fieldwork"], rows["survey_year"])]
    return _frame(rows["survey_year"], periods, rows["affinity_pct"], rows["source_id"])


def us_poll_readings(us_poll: pd.DataFrame, group: str) -> pd.DataFrame:
    """Readings of ``us_opinion_japan`` for one group ("general_public" or "opinion_leaders")."""
    if group not in ("general_public", "opinion_leaders"):
        raise CourseError(f"Unknown group {group!r}: use 'general_public' or 'opinion_leaders'.")
    rows = us_poll[us_poll["group"].astype(str) == group].dropna(subset=["dependable_pct"])
    periods = [reading_period(f, label) for f, label in zip(rows["fieldwork"], rows["round_label"])]
    return _frame(rows["round_label"], periods, rows["dependable_pct"], rows["source_id"])


def approval_readings(approval: pd.DataFrame, pollster: str) -> pd.DataFrame:
    """Readings of ``cabinet_approval`` by one pollster (e.g. "Kyodo News"), labelled by poll id."""
    rows = approval[approval["pollster"].astype(str) == pollster].dropna(subset=["approve_pct"])
    if rows.empty:
        raise CourseError(f"No cabinet_approval rows for the pollster {pollster!r}.")
    periods = [(pd.Timestamp(s), pd.Timestamp(e), "day")
               for s, e in zip(rows["fieldwork_start"], rows["fieldwork_end"])]
    return _frame(rows["poll_id"], periods, rows["approve_pct"], rows["source_id"])


def series_readings(series: str, affinity: pd.DataFrame, us_poll: pd.DataFrame,
                    approval: pd.DataFrame) -> pd.DataFrame:
    """The readings of one explorer series (a key of SERIES) from the three datasets."""
    if series == "affinity":
        return affinity_readings(affinity)
    if series == "us_public":
        return us_poll_readings(us_poll, "general_public")
    if series == "us_leaders":
        return us_poll_readings(us_poll, "opinion_leaders")
    if series == "approval_kyodo":
        return approval_readings(approval, "Kyodo News")
    if series == "approval_jiji":
        return approval_readings(approval, "Jiji Press")
    raise CourseError(f"Unknown series {series!r}. Choose one of: {', '.join(SERIES)}.")


def event_table(timeline: pd.DataFrame, event_ids=EVENTS) -> pd.DataFrame:
    """The chosen events from ``alliance_timeline``: event_id, date, title, in date order."""
    events = timeline.set_index("event_id")
    missing = [e for e in event_ids if e not in events.index]
    if missing:
        raise CourseError(f"alliance_timeline has no event {missing}.")
    out = events.loc[list(event_ids), ["date", "title"]].reset_index()
    return out.sort_values("date").reset_index(drop=True)


def event_label(date, title: str) -> str:
    """How an event is named in the explorer's list and sentences: "2010-05-28 · SCC returns to Henoko"."""
    return f"{pd.Timestamp(date):%Y-%m-%d} \u00b7 {title}"


@dataclass(frozen=True)
class Change:
    """The readings around one event: means before and after, how many readings each rests on."""

    event: str
    date: pd.Timestamp
    months: int
    n_before: int
    mean_before: float | None
    n_after: int
    mean_after: float | None
    n_spanning: int

    @property
    def change(self) -> float | None:
        if self.mean_before is None or self.mean_after is None:
            return None
        return round(self.mean_after - self.mean_before, 10)


def change_around(readings: pd.DataFrame, date, event: str = "", months: int = DEFAULT_WINDOW) -> Change:
    """Mean of the readings whose whole period lies in the ``months`` before ``date``, and of those
    in the ``months`` after it (see the module note for the rule), with the number of each."""
    if int(months) != months or months <= 0:
        raise CourseError(f"The window must be a positive whole number of months, not {months!r}.")
    day = pd.Timestamp(date).normalize()
    lo, hi = day - pd.DateOffset(months=int(months)), day + pd.DateOffset(months=int(months))
    before = readings[(readings["start"] >= lo) & (readings["end"] < day)]
    after = readings[(readings["start"] > day) & (readings["end"] <= hi)]
    spanning = readings[(readings["start"] <= day) & (readings["end"] >= day)]

    def mean(frame):
        return None if frame.empty else float(frame["value"].mean())

    return Change(event, day, int(months), len(before), mean(before), len(after), mean(after), len(spanning))


def changes(readings: pd.DataFrame, events: pd.DataFrame, months: int = DEFAULT_WINDOW) -> pd.DataFrame:
    """One row per event (``events`` has date and title): means before and after, counts, change."""
    rows = []
    for event in events.itertuples(index=False):
        c = change_around(readings, event.date, event.title, months)
        rows.append({"event": c.event, "date": c.date, "n_before": c.n_before, "mean_before": c.mean_before,
                     "n_after": c.n_after, "mean_after": c.mean_after, "change": c.change,
                     "n_spanning": c.n_spanning})
    columns = ["event", "date", "n_before", "mean_before", "n_after", "mean_after", "change", "n_spanning"]
    return pd.DataFrame(rows, columns=columns)


def _readings(n: int) -> str:
    return f"{n} reading" if n == 1 else f"{n} readings"


def describe_change(c: Change, series: str) -> str:
    """One sentence: the mean before and after an event, with the number of readings each side."""
    if series not in SERIES:
        raise CourseError(f"Unknown series {series!r}. Choose one of: {', '.join(SERIES)}.")
    head = f"{event_label(c.date, c.event)}: share who {MEASURES[series]}, {c.months} months either side"
    if c.mean_before is None and c.mean_after is None:
        text = f"{head}: no reading lies wholly inside either window"
    elif c.mean_before is None:
        text = (f"{head}: no reading lies wholly inside the window before, so no change can be computed "
                f"(mean after {c.mean_after:.1f}%, {_readings(c.n_after)})")
    elif c.mean_after is None:
        text = (f"{head}: mean before {c.mean_before:.1f}% ({_readings(c.n_before)}); no reading lies wholly "
                "inside the window after, so no change can be computed")
    else:
        text = (f"{head}: mean {c.mean_before:.1f}% before ({_readings(c.n_before)}) and {c.mean_after:.1f}% "
                f"after ({_readings(c.n_after)}), a change of {c.change:+.1f} points")
    if c.n_spanning:
        text += f"; {_readings(c.n_spanning)} spanning the event day left out"
    return text + "."


def summary(readings: pd.DataFrame, series: str) -> str:
    """One sentence on a whole series: how many readings, from when to when, lowest and highest."""
    if readings.empty:
        return f"{SERIES[series]}: no readings."
    low, high = readings.loc[readings["value"].idxmin()], readings.loc[readings["value"].idxmax()]
    first, last = readings.iloc[0]["label"], readings.iloc[-1]["label"]
    if re.fullmatch(r"(JFY)?\d{4}", first) and re.fullmatch(r"(JFY)?\d{4}", last):
        span = f"rounds {first} to {last}"
    else:
        span = f"fielded {readings['start'].min():%Y-%m} to {readings['end'].max():%Y-%m}"
    return (f"{SERIES[series]}: {_readings(len(readings))}, {span}; lowest {low['value']:.1f}% "
            f"({low['label']}), highest {high['value']:.1f}% ({high['label']}).")


def missing_years(years, first: int, last: int) -> list[int]:
    """Years from ``first`` to ``last`` (inclusive) with no reading: gaps are shown, never filled."""
    have = {int(y) for y in years}
    return [y for y in range(int(first), int(last) + 1) if y not in have]


def year_runs(years) -> str:
    """[1979, 1980, 1981, 1987] -> "1979-1981, 1987": consecutive years as ranges."""
    runs: list[list[int]] = []
    for y in sorted(int(v) for v in years):
        if runs and y == runs[-1][-1] + 1:
            runs[-1].append(y)
        else:
            runs.append([y])
    return ", ".join(f"{r[0]}-{r[-1]}" if len(r) > 1 else f"{r[0]}" for r in runs)
