"""Lesson 06's statements explorer: who said what, when, in which stance, beside the cabinet's approval."""

from __future__ import annotations

import html

import pandas as pd

from .. import plots
from ..analysis import signals as sg
from ..data import load
from . import static
from .base import course_widget, labelled

SIDE_CHOICES = (("Both sides", "both"), ("US", "US"), ("Japan", "JP"))


def _sides(choice: str) -> tuple[str, ...]:
    return sg.SIDES if choice == "both" else (choice,)


def launch_date() -> pd.Timestamp:
    """The Hatoyama cabinet's first day, from the prime_ministers dataset."""
    pms = load("prime_ministers")
    return pms.loc[pms["person_id"] == sg.CABINET, "start_date"].iloc[0]


def statements_view(statements, approval, side="both", speakers=None, stances=None, first_month=None,
                    last_month=None, include_readouts=True, pollster=None, launch=None):
    """The explorer's sentence and figure for one choice (the widget and the website both call this)."""
    months = sg.months(statements)
    first_month, last_month = first_month or months[0], last_month or months[-1]
    pollster = pollster or sg.pollsters(approval)[0]
    sides = _sides(side)
    sentence = sg.explorer_sentence(statements, approval, sides, speakers, stances, first_month, last_month,
                                    include_readouts, pollster)
    series = sg.approval_series(approval, pollster)
    if pd.Period(first_month, "M") > pd.Period(last_month, "M"):
        selected, window = statements.iloc[0:0], None
    else:
        selected = sg.filter_statements(statements, sides, speakers, stances, first_month, last_month,
                                        include_readouts)
        window = (pd.Period(first_month, "M").start_time, pd.Period(last_month, "M").end_time)
    alt = sg.alt_text(selected, series, pollster, first_month, last_month)
    figure = plots.statement_strip(selected, series, pollster, alt, sg.STANCE_LABELS, window=window,
                                   launch=launch)
    return sentence, figure


def statements_explorer():
    """Lesson 06: filter the statements by side, speaker, stance and months; approval from one pollster."""
    import ipywidgets as w

    statements, approval = load("alliance_statements"), load("cabinet_approval")
    launch = launch_date()
    months = sg.months(statements)
    month_options = [(sg.month_label(m), m) for m in months]
    wide = w.Layout(width="460px")
    lists = w.Layout(width="640px")  # the list's label takes about 300px; names need the rest
    side = labelled(w.Dropdown(options=list(SIDE_CHOICES), value="both", layout=wide), "Side")
    speaker_options = sg.speaker_options(statements, load("people"))
    speakers = labelled(
        w.SelectMultiple(options=speaker_options, value=[pid for _, pid in speaker_options], rows=8, layout=lists),
        "Speakers: Ctrl-click (Cmd-click on a Mac) for several")
    stances = labelled(
        w.SelectMultiple(options=[(sg.STANCE_LABELS[s], s) for s in sg.STANCES], value=list(sg.STANCES),
                         rows=len(sg.STANCES), layout=lists),
        "Stances: Ctrl-click (Cmd-click on a Mac) for several")
    first = labelled(w.Dropdown(options=month_options, value=months[0], layout=w.Layout(width="220px")), "From")
    last = labelled(w.Dropdown(options=month_options, value=months[-1], layout=w.Layout(width="220px")), "To")
    readouts = labelled(w.Checkbox(value=True, indent=False), "Include accounts of closed meetings")
    pollster = labelled(w.Dropdown(options=sg.pollsters(approval), layout=wide), "Approval poll (one pollster)")
    text = w.HTML().add_class("course-summary")
    figure = w.HTML().add_class("course-figure")

    def update(_change=None):
        sentence, drawn = statements_view(statements, approval, side.value, speakers.value, stances.value,
                                          first.value, last.value, readouts.value, pollster.value, launch)
        text.value = f"<p>{html.escape(sentence)}</p>"
        figure.value = drawn.to_html()

    for control in (side, speakers, stances, first, last, readouts, pollster):
        control.observe(update, names="value")
    update()
    return course_widget(side, speakers, stances, w.HBox([first, last]), readouts, pollster, text, figure)


@static.renders("statements_explorer", "filter by side, speaker and stance (Ctrl-click (Cmd-click on a Mac) for "
                "several), choose a window of months, leave out accounts of closed meetings, and choose whose "
                "approval poll to show (one pollster at a time); the sentence and the figure follow your choice.")
def statements_default():
    return statements_view(load("alliance_statements"), load("cabinet_approval"), launch=launch_date())
