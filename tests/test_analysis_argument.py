"""The argument map around the thesis: rings, unlinked claims, layout (pure functions)."""

import math

import pandas as pd
import pytest

import course_lib as cl
from course_lib.analysis import argument as arg
from course_lib.errors import CourseError


@pytest.fixture
def links():
    return pd.DataFrame({
        "from_claim": ["P4.1", "P5.1", "P2.3", "P4.2", "P5.2", "P7.4", "P8.2"],
        "to_claim": ["P3.1", "P3.1", "P3.1", "P4.1", "P5.1", "P8.1", "P4.2"],
        "relation": ["supports", "supports", "qualifies", "supports", "concedes", "supports", "answers"],
    })


def test_rings_count_links_from_the_centre_either_way(links):
    ringed = arg.rings(links, "P3.1").set_index("claim_id")
    assert ringed.loc["P3.1", "ring"] == 0
    assert ringed.loc[["P2.3", "P4.1", "P5.1"], "ring"].tolist() == [1, 1, 1]
    assert ringed.loc["P4.2", "ring"] == 2 and ringed.loc["P4.2", "parent"] == "P4.1"
    assert ringed.loc["P8.2", "ring"] == 3
    assert arg.unlinked(links, "P3.1") == ["P7.4", "P8.1"]
    with pytest.raises(CourseError, match="no links"):
        arg.rings(links, "P1.1")


def test_layout_puts_the_centre_in_the_middle_and_each_ring_on_its_circle(links):
    placed = arg.layout(arg.rings(links, "P3.1")).set_index("claim_id")
    assert (placed.loc["P3.1", "x"], placed.loc["P3.1", "y"]) == (0.0, 0.0)
    for claim, row in placed.iterrows():
        assert math.isclose(math.hypot(row.x, row.y), row.ring, abs_tol=1e-9), claim
    ring1 = placed[placed["ring"] == 1]
    assert len({(round(r.x, 6), round(r.y, 6)) for r in ring1.itertuples()}) == 3


def test_links_to_filters_by_relation(links):
    assert sorted(arg.links_to(links, "P3.1", "supports")["from_claim"]) == ["P4.1", "P5.1"]
    assert arg.links_to(links, "P3.1")["from_claim"].tolist() == ["P4.1", "P5.1", "P2.3"]
    with pytest.raises(CourseError, match="Unknown relation"):
        arg.links_to(links, "P3.1", "contradicts")


def test_the_real_map_around_the_thesis():
    links = cl.load("claim_links")
    ringed = arg.rings(links, "P3.1")
    direct = set(ringed.loc[ringed["ring"] == 1, "claim_id"])
    assert direct == {"P2.3", "P4.1", "P5.1", "P6.1"}
    assert set(ringed["claim_id"]) | set(arg.unlinked(links, "P3.1")) == \
        set(links["from_claim"]) | set(links["to_claim"])
