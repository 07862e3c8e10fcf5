"""The essay's argument map (``claim_links``) around one claim: how far each claim is from it, and
where to draw it. Pure functions: DataFrames in, DataFrames out."""

from __future__ import annotations

import math

import pandas as pd

from ..errors import CourseError

RELATIONS = ("supports", "qualifies", "concedes", "answers")


def rings(links: pd.DataFrame, centre: str) -> pd.DataFrame:
    """Every claim linked to ``centre`` through the map, however indirectly, with its ring: the
    number of links between it and the centre (links followed in either direction).

    Returns claim_id, ring and parent (the claim one ring in, through which it was reached).
    Claims with no path to the centre are left out: see :func:`unlinked`."""
    ids = set(links["from_claim"]) | set(links["to_claim"])
    if centre not in ids:
        raise CourseError(f"The argument map has no links to or from {centre!r}.")
    neighbours: dict[str, list[str]] = {}
    for a, b in zip(links["from_claim"], links["to_claim"]):
        neighbours.setdefault(a, []).append(b)
        neighbours.setdefault(b, []).append(a)
    found = {centre: (0, "")}
    frontier = [centre]
    while frontier:
        following = []
        for claim in frontier:
            for other in sorted(neighbours.get(claim, [])):
                if other not in found:
                    found[other] = (found[claim][0] + 1, claim)
                    following.append(other)
        frontier = sorted(following)
    rows = [{"claim_id": c, "ring": r, "parent": p} for c, (r, p) in found.items()]
    return pd.DataFrame(rows).sort_values(["ring", "claim_id"]).reset_index(drop=True)


def unlinked(links: pd.DataFrame, centre: str) -> list[str]:
    """Claims that appear in the map but have no path of links to ``centre``, in id order."""
    ids = set(links["from_claim"]) | set(links["to_claim"])
    return sorted(ids - set(rings(links, centre)["claim_id"]), key=_order)


def _order(claim_id: str) -> tuple:
    head, _, tail = claim_id[1:].partition(".")
    digits = "".join(ch for ch in tail if ch.isdigit())
    return int(head), int(digits or 0), tail


def layout(ringed: pd.DataFrame) -> pd.DataFrame:
    """x, y positions: the centre at (0, 0), ring k on a circle of radius k. Each ring's claims are
    spread evenly, in the order of their parents' angles, and the ring is turned so that claims sit
    as near their parents as even spacing allows: links cross as little as possible."""
    angle: dict[str, float] = {}
    rows = []
    for ring, table in ringed.groupby("ring", sort=True):
        if ring == 0:
            for claim in table["claim_id"]:
                angle[claim] = math.pi / 2
                rows.append({"claim_id": claim, "ring": 0, "x": 0.0, "y": 0.0})
            continue
        order = sorted(table.itertuples(), key=lambda r: (angle.get(r.parent, 0.0), _order(r.claim_id)))
        n = len(order)
        step = 2 * math.pi / n
        # turn the ring by the circular mean of (parent's angle - slot angle)
        turn = math.atan2(sum(math.sin(angle.get(r.parent, 0.0) - i * step) for i, r in enumerate(order)),
                          sum(math.cos(angle.get(r.parent, 0.0) - i * step) for i, r in enumerate(order)))
        for i, row in enumerate(order):
            theta = (turn + i * step) % (2 * math.pi)
            angle[row.claim_id] = theta
            rows.append({"claim_id": row.claim_id, "ring": int(ring),
                         "x": ring * math.cos(theta), "y": ring * math.sin(theta)})
    return pd.DataFrame(rows)


def links_to(links: pd.DataFrame, claim_id: str, relation: str | None = None) -> pd.DataFrame:
    """The links that point at one claim (optionally of one relation)."""
    mask = links["to_claim"] == claim_id
    if relation is not None:
        if relation not in RELATIONS:
            raise CourseError(f"Unknown relation {relation!r}; relations are {', '.join(RELATIONS)}.")
        mask &= links["relation"] == relation
    return links[mask].reset_index(drop=True)
