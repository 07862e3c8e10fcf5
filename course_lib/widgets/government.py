"""Lesson 03's coalition explorer: pick parties and see their seats in both houses of the Diet
against each house's majority and two-thirds lines, with the verdict in words."""

from __future__ import annotations

import html

from ..analysis import government as gov
from ..data import load
from ..plots import government as figures
from . import static
from .base import course_widget, labelled


def _tables():
    return load("hr_elections"), load("hc_elections"), load("chamber_strength")


def coalition_view(seats, parties, situation: str = gov.DEFAULT_SITUATION):
    """The sentence and the figure for one set of parties at one moment (widget and website)."""
    chosen = [p for p in dict.fromkeys(parties) if p in set(seats["party"])]
    result = gov.coalition(seats, chosen)
    title = f"{gov.label(chosen)} · {situation.split(':')[0]}"
    return gov.verdict(result, chosen), figures.coalition_bars(result, title, gov.alt_text(result, chosen))


# Upper-house groups in chamber_strength that have no course party code.
GROUPS = {"Shinryokufukai": "Shinryokufukai (upper-house group)", "Kaikaku Club": "Kaikaku Club (upper-house group)"}


def _options(seats, situation):
    """(label, code) pairs, the parties then in government first: the code with the party's English name
    where it adds something."""
    parties = load("parties")
    names = dict(zip(parties["code"].astype(str), parties["name_en"].astype(str)))
    def name(code):
        if code in GROUPS:
            return GROUPS[code]
        return f"{code} ({names[code]})" if names.get(code, code) != code else code
    first = gov.governing(load("coalitions"), gov.SITUATIONS[situation].government_on)
    return [(name(code), code) for code in gov.party_options(seats, first)]


def coalition_explorer():
    """Lesson 03: pick parties; see their seats in each house against the majority and two-thirds lines."""
    import ipywidgets as w

    hr, hc, strength = _tables()
    seats = {name: gov.chamber_seats(hr, hc, strength, name) for name in gov.SITUATIONS}
    moment = labelled(w.Dropdown(options=list(gov.SITUATIONS), value=gov.DEFAULT_SITUATION,
                                 layout=w.Layout(width="680px")), "Moment")
    picked = labelled(
        w.SelectMultiple(options=_options(seats[moment.value], moment.value), value=gov.DEFAULT_PARTIES, rows=8,
                         layout=w.Layout(width="680px")),
        "Parties: Ctrl-click (Cmd-click on a Mac) for several",
    )
    text = w.HTML().add_class("course-summary")
    figure = w.HTML().add_class("course-figure")

    def update(_change=None):
        sentence, drawn = coalition_view(seats[moment.value], picked.value, moment.value)
        text.value = f"<p>{html.escape(sentence)}</p>"
        figure.value = drawn.to_html()

    def new_moment(_change=None):
        keep = [p for p in picked.value if p in set(seats[moment.value]["party"])]
        picked.unobserve(update, names="value")
        with picked.hold_sync():  # options and choice reach the browser in one message
            picked.options = _options(seats[moment.value], moment.value)
            picked.value = tuple(keep)
        picked.observe(update, names="value")
        update()

    moment.observe(new_moment, names="value")
    picked.observe(update, names="value")
    update()
    return course_widget(moment, picked, text, figure)


@static.renders("coalition_explorer", "choose the moment (July 2007 or August 2009) and any set of parties "
                "(Ctrl-click, Cmd-click on a Mac, for several); the sentence and the bars follow your choice.")
def coalition_default():
    hr, hc, strength = _tables()
    return coalition_view(gov.chamber_seats(hr, hc, strength, gov.DEFAULT_SITUATION), gov.DEFAULT_PARTIES)
