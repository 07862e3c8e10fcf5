"""Burden-sharing figures: host-nation support bars and SIPRI shares with the release break."""

import course_lib as cl
from course_lib.analysis import burden
from course_lib.plots import burden as plots_burden


def test_hns_bars():
    series = burden.hns_series(cl.load("host_nation_support"))
    shown = plots_burden.hns_bars(series[series["fiscal_year"] >= 1999], "HNS fell to FY2012, then rose",
                                  mark=(2009, 2012, "2009-2012"))
    assert shown.png.startswith(b"\x89PNG") and shown.alt.startswith("HNS fell")


def test_defense_shares_with_release_break():
    shares = burden.defense_share(cl.load("defense_spending"))
    shown = plots_burden.defense_shares(shares, "Japan's share stayed near 1% until 2022",
                                        breaks=burden.release_breaks(shares), mark=(2009, 2012, "2009-2012"))
    assert shown.png.startswith(b"\x89PNG")
    assert set(plots_burden.COUNTRY_COLOURS) == set(burden.COUNTRIES)
