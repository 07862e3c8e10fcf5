"""Lesson 03's arithmetic of a change of government: seats in both houses of the Diet against the
majority and two-thirds lines, for a set of parties a student picks (the coalition explorer).

Pure functions: DataFrames and plain values in, DataFrames and plain values out.

The lines are derived from a chamber's full membership (its statutory size), never from the seats
of the parties listed, so vacancies and unlisted members do not move them:

- majority line: more than half of the members, ``total // 2 + 1`` (241 of 480; 122 of 242);
- two-thirds line: ``ceil(2 * total / 3)`` (320 of 480). Under Article 59 of the Constitution the
  lower house can pass a bill the upper house rejected by a two-thirds vote of the members present;
  with every member present that is this line.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

from ..errors import CourseError

CHAMBERS = ("lower house", "upper house")


@dataclass(frozen=True)
class Situation:
    """Which rows give each chamber's seats at one moment (all dates are in the course data)."""

    lower_election: str  # hr_elections.election_date
    upper_election: str  # hc_elections.election_date: seats_held and the chamber's full size
    upper_as_of: str | None = None  # chamber_strength.as_of for the upper house, if later than the election
    note: str = ""
    government_on: str = ""  # the day whose governing parties (coalitions) the widget lists first


# Neutral labels: a moment and the data behind it, nothing about what it meant.
SITUATIONS = {
    "July 2007: lower house as elected in Sept 2005, upper house as elected on 29 July 2007": Situation(
        "2005-09-11", "2007-07-29", None,
        "Upper house right after the July 2007 election (hc_elections, seats_held).", "2007-07-30"),
    "August 2009: lower house as elected on 30 Aug 2009, upper house on 31 Aug 2009": Situation(
        "2009-08-30", "2007-07-29", "2009-08-31",
        "Upper house by party on 31 Aug 2009 (chamber_strength); 240 members sat, 2 seats were vacant.", "2009-08-31"),
}
DEFAULT_SITUATION = "August 2009: lower house as elected on 30 Aug 2009, upper house on 31 Aug 2009"
DEFAULT_PARTIES = ("DPJ",)


def lines(total_seats: int) -> dict[str, int]:
    """The majority and two-thirds lines of a chamber of ``total_seats`` members."""
    total = int(total_seats)
    if total <= 0:
        raise CourseError(f"A chamber needs at least one seat, not {total_seats!r}.")
    return {"majority": total // 2 + 1, "two_thirds": math.ceil(2 * total / 3)}


def chamber_seats(hr: pd.DataFrame, hc: pd.DataFrame, strength: pd.DataFrame,
                  situation: str = DEFAULT_SITUATION) -> pd.DataFrame:
    """Seats of every party or group in each chamber at one moment of SITUATIONS.

    Returns columns chamber ("lower house" / "upper house"), party, seats, total_seats (the chamber's
    full membership), one row per party, largest first within each chamber.
    """
    if situation not in SITUATIONS:
        raise CourseError(f"Unknown situation {situation!r}. Choose one of: {'; '.join(SITUATIONS)}.")
    chosen = SITUATIONS[situation]
    lower = hr[hr["election_date"] == pd.Timestamp(chosen.lower_election)]
    upper_election = hc[hc["election_date"] == pd.Timestamp(chosen.upper_election)]
    if lower.empty or upper_election.empty:
        raise CourseError(f"The course data have no election on {chosen.lower_election} or {chosen.upper_election}.")
    upper_total = int(upper_election["total_seats"].astype(int).iloc[0])
    if chosen.upper_as_of is None:
        upper = pd.DataFrame({"party": upper_election["party"].astype(str),
                              "seats": upper_election["seats_held"].astype(int)})
    else:
        rows = strength[(strength["as_of"] == pd.Timestamp(chosen.upper_as_of))
                        & (strength["chamber"].astype(str) == "HC")
                        & (strength["basis"].astype(str) == "party")
                        & (strength["group"].astype(str) != "total")]
        if rows.empty:
            raise CourseError(f"chamber_strength has no upper-house rows for {chosen.upper_as_of}.")
        upper = pd.DataFrame({"party": rows["group"].astype(str), "seats": rows["seats"].astype(int)})
    lower_total = int(lower["total_seats"].astype(int).iloc[0])
    frames = [
        pd.DataFrame({"chamber": "lower house", "party": lower["party"].astype(str),
                      "seats": lower["seats"].astype(int), "total_seats": lower_total}),
        upper.assign(chamber="upper house", total_seats=upper_total),
    ]
    out = pd.concat(frames, ignore_index=True)[["chamber", "party", "seats", "total_seats"]]
    return out.sort_values(["chamber", "seats", "party"], ascending=[True, False, True]).reset_index(drop=True)


def governing(coalitions: pd.DataFrame, day) -> list[str]:
    """The parties of the government in office on ``day`` (the coalitions dataset), PM's party first."""
    day = pd.Timestamp(day)
    ended = coalitions["end_date"].notna() & (coalitions["end_date"] <= day)
    now = coalitions[(coalitions["start_date"] <= day) & ~ended]
    return now["parties"].iloc[0].split(";") if len(now) else []


def party_options(seats: pd.DataFrame, first=()) -> list[str]:
    """Parties to offer: those with seats in either chamber. ``first`` (e.g. the governing parties) come
    first in their order, then the rest by lower-house seats, then upper-house seats; the grouping codes
    (independents, others) come last: they do not act together."""
    wide = seats.pivot_table(index="party", columns="chamber", values="seats", aggfunc="sum", fill_value=0)
    wide = wide.reindex(columns=list(CHAMBERS), fill_value=0)
    wide["grouping"] = wide.index.isin(["IND", "OTHER"])
    ordered = wide.sort_values(["grouping", "lower house", "upper house"], ascending=[True, False, False])
    leading = [party for party in first if party in ordered.index]
    return leading + [party for party in ordered.index if party not in leading]


def coalition(seats: pd.DataFrame, parties) -> pd.DataFrame:
    """One row per chamber for a set of parties: their seats, the chamber size, the lines and how far
    the set is above (+) or below (-) each line. A party without seats in a chamber counts 0 there."""
    chosen = list(dict.fromkeys(parties))
    unknown = sorted(set(chosen) - set(seats["party"]))
    if unknown:
        raise CourseError(f"No seats in these data for {', '.join(unknown)}. "
                          f"Parties with seats: {', '.join(party_options(seats))}.")
    rows = []
    for chamber in CHAMBERS:
        here = seats[seats["chamber"] == chamber]
        total = int(here["total_seats"].iloc[0])
        held = int(here.loc[here["party"].isin(chosen), "seats"].sum())
        line = lines(total)
        rows.append({"chamber": chamber, "seats": held, "total_seats": total,
                     "majority_line": line["majority"], "two_thirds_line": line["two_thirds"],
                     "above_majority": held - line["majority"], "above_two_thirds": held - line["two_thirds"]})
    return pd.DataFrame(rows)


def absent(seats: pd.DataFrame, parties) -> str:
    """A sentence naming the picked parties that hold no seat at this moment ('' when there are none)."""
    missing = [p for p in dict.fromkeys(parties) if p not in set(seats["party"])]
    if not missing:
        return ""
    names = missing[0] if len(missing) == 1 else ", ".join(missing[:-1]) + " and " + missing[-1]
    return f"{names} had no seats at this moment."


def _short(n: int) -> str:
    return f"{n} seat short" if n == 1 else f"{n} seats short"


def label(parties) -> str:
    """The parties of a selection as one name: 'DPJ + SDP + PNP'."""
    return " + ".join(dict.fromkeys(parties)) or "No party"


def _verdict_parts(result: pd.DataFrame, chosen: list[str]) -> tuple[str, str]:
    lower = result.set_index("chamber").loc["lower house"]
    upper = result.set_index("chamber").loc["upper house"]
    seats = (f"{label(chosen)}: {lower['seats']} of {lower['total_seats']} lower-house seats and "
             f"{upper['seats']} of {upper['total_seats']} upper-house seats.")
    low_major, up_major = lower["above_majority"] >= 0, upper["above_majority"] >= 0
    override = lower["above_two_thirds"] >= 0
    if low_major and up_major:
        said = "A majority in both houses"
        said += (", and two-thirds of the lower house as well." if override else
                 f"; {_short(-lower['above_two_thirds'])} of two-thirds of the lower house.")
    elif low_major:
        said = f"A majority in the lower house only, {_short(-upper['above_majority'])} of an upper-house majority"
        said += ("; with two-thirds of the lower house it can override the upper house on bills." if override else
                 f", and {_short(-lower['above_two_thirds'])} of the two-thirds needed to override the upper house.")
    elif up_major:
        said = f"A majority in the upper house only, {_short(-lower['above_majority'])} of a lower-house majority."
    else:
        said = (f"No majority in either house: {_short(-lower['above_majority'])} in the lower house "
                f"and {_short(-upper['above_majority'])} in the upper house.")
    return seats, said


def verdict(result: pd.DataFrame, parties) -> str:
    """The sentence the coalition explorer shows: seats in each house, then what they allow."""
    chosen = list(dict.fromkeys(parties))
    if not chosen:
        return "Pick at least one party to see its seats in each house."
    return " ".join(_verdict_parts(result, chosen))


def alt_text(result: pd.DataFrame, parties) -> str:
    """Alt text of the coalition figure: the numbers a sighted reader takes from it, and the verdict."""
    chosen = list(dict.fromkeys(parties))
    if not chosen:
        return "Bar chart of seats in the lower and upper houses: no party picked, so both bars are empty."
    lower = result.set_index("chamber").loc["lower house"]
    upper = result.set_index("chamber").loc["upper house"]
    return (f"Bar chart of the share of each house held by {label(chosen)}: {lower['seats']} of "
            f"{lower['total_seats']} lower-house seats against a majority line of {lower['majority_line']} and a "
            f"two-thirds line of {lower['two_thirds_line']}; {upper['seats']} of {upper['total_seats']} upper-house "
            f"seats against a majority line of {upper['majority_line']}. {_verdict_parts(result, chosen)[1]}")
