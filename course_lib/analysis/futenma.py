"""Lesson 05 (Futenma): the decision matrix, the map's layout and the plans' timeline, as pure functions.

The decision matrix ranks the relocation options by a weighted mean of the course's scores
(``futenma_scores``: one row per option and criterion, 1 = worst, 5 = best, each a judgement with its
reason). A student may copy that table, change any score and pass it here. Weights are whole or
decimal numbers from 0 up; a criterion left out weighs 0. Ties keep the order of the scores table.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

import pandas as pd

from ..errors import CourseError

# The criteria, in the order the widget shows them, with the label a reader sees.
CRITERIA: dict[str, str] = {
    "deterrence": "Deterrence",
    "local_burden": "Local burden",
    "cost": "Cost",
    "time": "Time to complete",
    "feasibility_tokyo": "Feasible in Tokyo",
    "feasibility_okinawa": "Feasible in Okinawa",
    "feasibility_washington": "Feasible in Washington",
}
# What a 5 means on each criterion (1 means the opposite).
MEANING: dict[str, str] = {
    "deterrence": "aircraft kept as near the Marine ground units on Okinawa as now (the governments' own test)",
    "local_burden": "lightest burden on the people living beside the aircraft, and on Okinawa",
    "cost": "cheapest to build",
    "time": "aircraft can leave Ginowan soonest",
    "feasibility_tokyo": "acceptable to the Japanese government and its coalition in 2009-2010",
    "feasibility_okinawa": "acceptable to Okinawa's governor, host towns and voters in 2009-2010",
    "feasibility_washington": "acceptable to the US government in 2009-2010",
}
# Short, neutral names for the options in the matrix (futenma_plans holds the full names).
OPTION_LABELS: dict[str, str] = {
    "vshape_runways_2006": "Henoko V-shaped runways (2006)",
    "henoko_pier_single_runway_2010": "Henoko single runway on piles",
    "schwab_onshore_2010": "Inland Camp Schwab",
    "white_beach_2010": "White Beach landfill",
    "kadena_integration_2009": "Merger with Kadena",
    "tokunoshima_2010": "Partly to Tokunoshima",
    "guam_sdp_2010": "Guam",
    "tinian_2010": "Tinian",
    "outside_okinawa_2009": "Outside Okinawa (no site named)",
    "status_quo": "Status quo (Futenma stays)",
}
DEFAULT_WEIGHT = 1
MAX_WEIGHT = 5

# Map: the main panel shows Okinawa Island and Ie Island; facilities outside it go to the inset.
MAIN_BOX = (127.6, 128.4, 26.05, 26.95)  # longitude min, max; latitude min, max
# A check, not a fact shown to students: slightly wider than the prefecture's extreme points
# (Hateruma in the south, Yonaguni in the west, Oki Daito in the east, Iotori Shima in the north).
OKINAWA_BOX = (122.9, 131.4, 24.0, 27.9)
EARTH_RADIUS_KM = 6371.0088  # mean radius (IUGG)

# Periods for colouring the plans' timeline (first year, last year, label).
PERIODS = (
    (1996, 1996, "1996"),
    (1997, 2008, "1997-2008"),
    (2009, 2010, "2009-2010"),
    (2011, 2100, "2011 and later"),
)


# ---------------------------------------------------------------- decision matrix
def equal_weights() -> dict[str, float]:
    """Every criterion at the default weight (1): the ranking a student starts from."""
    return {name: DEFAULT_WEIGHT for name in CRITERIA}


def check_weights(weights: Mapping[str, float]) -> dict[str, float]:
    """All seven weights as plain numbers (a criterion left out weighs 0); clear errors for bad input."""
    if not isinstance(weights, Mapping):
        raise CourseError("Give the weights as a dict, e.g. {'deterrence': 2, 'cost': 1}.")
    unknown = [k for k in weights if k not in CRITERIA]
    if unknown:
        raise CourseError(f"Unknown criteria {unknown}. The criteria are: {', '.join(CRITERIA)}.")
    out = {}
    for name in CRITERIA:
        value = weights.get(name, 0)
        try:
            value = float(value)
        except (TypeError, ValueError):
            raise CourseError(f"The weight of {name} must be a number, not {value!r}.") from None
        if math.isnan(value) or value < 0:
            raise CourseError(f"The weight of {name} must be 0 or more, not {value}.")
        out[name] = value
    if sum(out.values()) == 0:
        raise CourseError("Every weight is 0: give at least one criterion a weight above 0.")
    return out


def score_matrix(scores: pd.DataFrame) -> pd.DataFrame:
    """Scores as a table: one row per option (in the order of the scores table), one column per criterion."""
    missing = {"option_id", "criterion", "score"} - set(scores.columns)
    if missing:
        raise CourseError("The scores table needs the columns option_id, criterion and score "
                          f"(missing: {sorted(missing)}).")
    if scores.duplicated(["option_id", "criterion"]).any():
        twice = scores[scores.duplicated(["option_id", "criterion"], keep=False)]
        raise CourseError(f"Some option has two scores for one criterion: {sorted(set(twice['option_id']))}.")
    unknown = sorted(set(scores["criterion"].astype(str)) - set(CRITERIA))
    if unknown:
        raise CourseError(f"Unknown criteria {unknown}. The criteria are: {', '.join(CRITERIA)}.")
    values = pd.to_numeric(scores["score"], errors="coerce")
    if values.isna().any() or not values.between(1, 5).all():
        raise CourseError("Every score must be a number from 1 to 5.")
    order = list(dict.fromkeys(scores["option_id"].astype(str)))
    table = (scores.assign(score=values.astype(float), option_id=scores["option_id"].astype(str),
                           criterion=scores["criterion"].astype(str))
             .pivot(index="option_id", columns="criterion", values="score"))
    gaps = [o for o in order if table.loc[o].reindex(list(CRITERIA)).isna().any()]
    if gaps:
        raise CourseError(f"These options lack a score on some criterion: {gaps}.")
    return table.loc[order, list(CRITERIA)].rename_axis(columns=None)


def label(option_id: str) -> str:
    """The short name of an option (its id if the course has no short name for it)."""
    return OPTION_LABELS.get(option_id, option_id)


def _ranks(table: pd.DataFrame, weights: dict[str, float]) -> tuple[list[int], list[float]]:
    """Positions (0 = first) in ranked order and the weighted mean of each option, in table order."""
    w = [weights[name] for name in CRITERIA]
    total = sum(w)
    values = table.to_numpy()
    means = [round(float(sum(a * b for a, b in zip(row, w)) / total), 10) for row in values]
    # round: 2.9999999 and 3.0 are a tie, not two places; ties keep the table's order
    order = sorted(range(len(means)), key=lambda i: (-means[i], i))
    return order, means


def _frame(table: pd.DataFrame, order: list[int], means: list[float]) -> pd.DataFrame:
    ids = [table.index[i] for i in order]
    return pd.DataFrame({"rank": range(1, len(ids) + 1), "option_id": ids, "option": [label(i) for i in ids],
                         "score": [means[i] for i in order]})


def rank_options(scores: pd.DataFrame, weights: Mapping[str, float]) -> pd.DataFrame:
    """Options ranked by the weighted mean of their scores (1-5): rank, option_id, option, score.

    score = sum(weight x score) / sum(weights). Ties keep the order of the scores table.
    """
    chosen = check_weights(weights)
    table = score_matrix(scores)
    return _frame(table, *_ranks(table, chosen))


def rank_changes(scores: pd.DataFrame, weights: Mapping[str, float],
                 baseline: Mapping[str, float] | None = None) -> pd.DataFrame:
    """Each option's rank with equal weights (or ``baseline``) and with ``weights``; moved > 0 means up."""
    chosen = check_weights(weights)
    before = check_weights(equal_weights() if baseline is None else baseline)
    table = score_matrix(scores)
    out = _frame(table, *_ranks(table, chosen))
    old_order, _ = _ranks(table, before)
    old_rank = {table.index[i]: k + 1 for k, i in enumerate(old_order)}
    out["rank_before"] = out["option_id"].map(old_rank)
    out["moved"] = out["rank_before"] - out["rank"]
    return out


def weight_effects(scores: pd.DataFrame, weights: Mapping[str, float]) -> pd.DataFrame:
    """How far each weight moved the ranking: for each criterion, the places options would move if that
    weight alone went back to the default (1), and which option would then lead.

    places_moved = the sum over options of |rank now - rank with this weight at 1|.
    """
    chosen = check_weights(weights)
    table = score_matrix(scores)
    order, _ = _ranks(table, chosen)
    now = {i: k for k, i in enumerate(order)}
    rows = []
    for name, text in CRITERIA.items():
        reset = dict(chosen, **{name: DEFAULT_WEIGHT})
        other, _ = _ranks(table, reset)
        places = sum(abs(k - now[i]) for k, i in enumerate(other))
        rows.append({"criterion": name, "label": text, "weight": chosen[name], "places_moved": int(places),
                     "leader_at_default": label(table.index[other[0]])})
    return pd.DataFrame(rows)


def _number(value: float) -> str:
    return f"{value:g}"


def summary(ranking: pd.DataFrame, effects: pd.DataFrame) -> str:
    """One sentence: who leads, by how much, and which weight moved the ranking most."""
    top = ranking.iloc[0]
    text = f"With these weights, {top['option']} ranks first ({top['score']:.2f} of 5"
    if len(ranking) > 1:
        second = ranking.iloc[1]
        tie = ", tied and listed second in the data's order" if second["score"] == top["score"] else ""
        text += f"; next: {second['option']}, {second['score']:.2f}{tie})."
    else:
        text += ")."
    if (effects["weight"] == DEFAULT_WEIGHT).all():
        return text + " All weights are 1: move a slider to see how the ranking changes."
    changed = effects[effects["places_moved"] > 0]
    if changed.empty:
        return text + " None of your weights moves any option, compared with leaving it at 1."
    biggest = changed.sort_values("places_moved", ascending=False, kind="stable").iloc[0]
    return (text + f" Your weight on '{biggest['label']}' ({_number(biggest['weight'])}) moved the ranking most: "
            f"{int(biggest['places_moved'])} places in all, compared with leaving it at 1.")


def alt_text(ranking: pd.DataFrame) -> str:
    """Alt text for the ranking figure: the order and the leader's score."""
    top, bottom = ranking.iloc[0], ranking.iloc[-1]
    return (f"Bar chart of {len(ranking)} Futenma options ranked by weighted score: {top['option']} first with "
            f"{top['score']:.2f} of 5, {bottom['option']} last with {bottom['score']:.2f}.")


# ---------------------------------------------------------------- map
def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance between two points (haversine), in km."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(a))


def inside(frame: pd.DataFrame, box: tuple[float, float, float, float]) -> pd.Series:
    """True for rows whose longitude and latitude fall inside ``box`` (lon min, lon max, lat min, lat max)."""
    lon_min, lon_max, lat_min, lat_max = box
    return (frame["longitude"].between(lon_min, lon_max) & frame["latitude"].between(lat_min, lat_max)).fillna(False)


def map_layout(facilities: pd.DataFrame, main_box=MAIN_BOX) -> dict[str, pd.DataFrame]:
    """Okinawa's facilities split for the map: ``main`` (a sourced point on the main panel), ``inset``
    (a sourced point outside it: the remote ranges) and ``unplaced`` (no sourced point: listed, never drawn)."""
    okinawa = facilities[facilities["prefecture"].astype(str) == "Okinawa"]
    placed = okinawa["latitude"].notna() & okinawa["longitude"].notna()
    on_main = placed & inside(okinawa, main_box)
    return {
        "main": okinawa[on_main].reset_index(drop=True),
        "inset": okinawa[placed & ~on_main].reset_index(drop=True),
        "unplaced": okinawa[~placed].reset_index(drop=True),
    }


# ---------------------------------------------------------------- timeline
def period(year: int) -> str:
    """The period a year belongs to on the plans' timeline."""
    for first, last, name in PERIODS:
        if first <= int(year) <= last:
            return name
    raise CourseError(f"No period for the year {year}.")


def plans_by_year(plans: pd.DataFrame) -> pd.DataFrame:
    """Every option with its year and period, in year order (the data's order within a year)."""
    out = plans[["option_id", "option", "year", "proposed_by", "outcome"]].copy()
    out["year"] = out["year"].astype(int)
    out["period"] = out["year"].map(period)
    return out.sort_values("year", kind="stable").reset_index(drop=True)


def ranking_lines(ranking: pd.DataFrame) -> list[str]:
    """The ranking as the widget lists it: "1. Option (3.00)" per line."""
    return [f"{int(r['rank'])}. {r['option']} ({r['score']:.2f})" for _, r in ranking.iterrows()]
