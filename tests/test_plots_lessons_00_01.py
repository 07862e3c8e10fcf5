"""Figures of lessons 00 and 01: the argument map, the timeline (fixed styles, whole markers,
counts), and names beside short tenure bars."""

import importlib

import pandas as pd

import course_lib as cl
from course_lib import plots
from course_lib.analysis import timeline as tl

argument_plot = importlib.import_module("course_lib.plots.argument")
leaders_plot = importlib.import_module("course_lib.plots.leaders")
timeline_plot = importlib.import_module("course_lib.plots.timeline")  # the package exports a function of that name


def _figure(monkeypatch, module):
    """Make ``module.render`` hand back the matplotlib figure, to inspect what is drawn."""
    monkeypatch.setattr(module, "render", lambda fig, alt: fig)


def test_argument_map_draws_every_linked_claim_and_marks_the_centre(monkeypatch):
    links = cl.load("claim_links")
    shown = plots.argument_map(links, "P3.1", alt="The argument map around P3.1")
    assert shown.png.startswith(b"\x89PNG") and shown.alt.startswith("The argument map")
    _figure(monkeypatch, argument_plot)
    fig = argument_plot.argument_map(links, "P3.1", alt="x")
    labels = {t.get_text() for t in fig.axes[0].texts} - {""}  # arrows are empty annotations
    from course_lib.analysis.argument import rings
    assert labels == set(rings(links, "P3.1")["claim_id"])
    centre = next(t for t in fig.axes[0].texts if t.get_text() == "P3.1")
    assert centre.get_fontweight() == "bold"


def test_a_category_keeps_its_colour_and_marker_whatever_is_chosen(monkeypatch):
    _figure(monkeypatch, timeline_plot)
    events = cl.load("alliance_timeline")

    def colours(categories):
        fig = timeline_plot.timeline(events, categories, "x", years=(1945, 2026))
        return {c.get_label(): tuple(c.get_facecolor()[0]) for c in fig.axes[0].collections}

    everything = colours(tl.CATEGORIES)
    two = colours(("diplomacy", "bases_okinawa"))
    assert two["diplomacy"] == everything["diplomacy"] and two["bases_okinawa"] == everything["bases_okinawa"]
    assert len(set(everything.values())) == len(tl.CATEGORIES)
    assert len({timeline_plot.category_style(c)[1] for c in tl.CATEGORIES}) == len(tl.CATEGORIES)


def test_timeline_markers_are_not_clipped_and_overlaps_are_counted(monkeypatch):
    _figure(monkeypatch, timeline_plot)
    events = cl.load("alliance_timeline")
    fig = timeline_plot.timeline(events, tl.CATEGORIES, "x", years=(1945, 2026))
    ax = fig.axes[0]
    assert all(not c.get_clip_on() for c in ax.collections)
    left, right = ax.get_xlim()
    import matplotlib.dates as mdates
    assert left < mdates.date2num(pd.Timestamp("1945-01-01")) and right > mdates.date2num(pd.Timestamp("2026-12-31"))
    groups = tl.clusters(events, pd.Timestamp("1945-01-01"), pd.Timestamp("2026-12-31"))
    counts = [int(t.get_text()) for t in ax.texts]
    assert sorted(counts) == sorted(groups.loc[groups["n"] > 1, "n"].tolist())
    drawn = sum(len(c.get_offsets()) for c in ax.collections)
    assert drawn + sum(n - 1 for n in counts) == len(events)


def test_short_tenures_inside_the_window_are_named_beside_their_row(monkeypatch):
    _figure(monkeypatch, leaders_plot)
    pms, us = cl.load("prime_ministers"), cl.load("us_presidents")
    fig = leaders_plot.tenures(pms[~pms["acting"]], us, cl.as_of(), alt="x",
                               window=("2001-01-01", cl.as_of()), mark=("2006-09-26", "2010-01-19", "P2"))
    names = [t.get_text() for t in fig.axes[0].texts]
    for name in ("Koizumi", "Abe", "Fukuda", "Aso", "Hatoyama", "Kan", "Noda", "Bush", "Obama"):
        assert name in names, name
    assert "Mori" not in names  # cut by the window's edge and too short to name
    assert fig.axes[0].get_xlim()[1] == pytest_approx_date(cl.as_of())


def pytest_approx_date(day):
    import matplotlib.dates as mdates

    return mdates.date2num(pd.Timestamp(day))
