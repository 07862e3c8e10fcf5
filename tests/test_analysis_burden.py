"""Burden-sharing helpers (lessons 07 and 08): one definition, one release, changes computed."""

import pandas as pd
import pytest

import course_lib as cl
from course_lib import CourseError
from course_lib.analysis import burden


@pytest.fixture(scope="module")
def hns():
    return burden.hns_series(cl.load("host_nation_support"))


@pytest.fixture(scope="module")
def shares():
    return burden.defense_share(cl.load("defense_spending"))


def test_hns_series_is_one_definition_in_year_order_with_gaps_left_as_gaps(hns):
    years = list(hns["fiscal_year"])
    assert years == sorted(years) and len(years) == len(set(years))
    assert 2002 not in years and 2011 not in years
    assert list(hns.columns) == ["fiscal_year", "value_billion_yen", "items_changed", "source_id", "value_status"]


def test_hns_series_marks_where_the_items_changed(hns):
    changed = hns.set_index("fiscal_year")["items_changed"]
    assert changed[1978] == "base workers' welfare costs"
    assert "utilities" in changed[1999] and "training relocation" in changed[1999]
    assert changed[2022].startswith("training-equipment procurement")
    assert changed[2021] == "" and changed[2010] == ""


def test_other_definitions_carry_no_item_marks_and_unknown_ones_are_refused():
    other = burden.hns_series(cl.load("host_nation_support"), "broad_usfj_related")
    assert (other["items_changed"] == "").all()
    with pytest.raises(CourseError, match="Unknown definition"):
        burden.hns_series(cl.load("host_nation_support"), "omoiyari")


def test_percent_change_uses_the_rows_and_never_fills_a_year(hns):
    assert round(burden.percent_change(hns, 2010, 2024), 1) == 12.9
    assert round(burden.percent_change(hns, 1999, 2010), 1) == -31.7
    with pytest.raises(CourseError, match="No row for 2011"):
        burden.percent_change(hns, 2011, 2024)


def test_release_is_read_from_the_start_of_the_note():
    assert burden.release_of("Release: SIPRI April 2021 (data to 2020). SIPRI ...") == "April 2021"
    for bad in ("SIPRI April 2021 release", None, float("nan")):
        with pytest.raises(CourseError, match="must say its release"):
            burden.release_of(bad)


def test_defense_share_is_long_with_its_release(shares):
    assert list(shares.columns) == ["country", "year", "share_pct", "release", "value_status"]
    assert list(shares["country"].unique()) == list(burden.COUNTRIES)
    japan = shares[shares["country"] == "Japan"].set_index("year")["share_pct"]
    assert japan[2010] == 0.96 and japan[2024] == 1.37
    only_japan = burden.defense_share(cl.load("defense_spending"), ("Japan",), (2009, 2012))
    assert list(only_japan["year"]) == [2009, 2010, 2011, 2012]
    with pytest.raises(CourseError, match="Unknown countries"):
        burden.defense_share(cl.load("defense_spending"), ("Korea",))


def test_release_breaks_and_the_wide_table(shares):
    breaks = burden.release_breaks(shares)
    assert len(breaks) == 3 and set(breaks["from_release"]) == {"April 2021"}
    wide = burden.share_wide(shares)
    assert list(wide.columns) == ["Japan", "United States", "China", "release"]
    assert wide.loc[2020, "release"] == "April 2021" and wide.loc[2021, "release"] == "April 2025"


def test_compare_shares_says_whether_a_comparison_crosses_releases(shares):
    same = burden.compare_shares(shares, ("China", 2024), ("Japan", 2024))
    assert round(same["ratio"], 2) == 1.25 and round(same["difference"], 2) == 0.34 and same["same_release"]
    assert "both from SIPRI's April 2025 release" in same["sentence"]
    across = burden.compare_shares(shares, ("Japan", 2024), ("Japan", 2010))
    assert not across["same_release"] and "ACROSS RELEASES" in across["sentence"]
    with pytest.raises(CourseError, match="No share of GDP"):
        burden.compare_shares(shares, ("Japan", 1999), ("Japan", 2010))


def test_synthetic_series_without_a_release_is_refused():
    frame = pd.DataFrame({"country": ["Japan"], "year": [2000], "measure": ["milex_share_gdp"], "value": [1.0],
                          "note": ["SIPRI, some release"], "value_status": ["reported"]})
    with pytest.raises(CourseError, match="must say its release"):
        burden.defense_share(frame)
