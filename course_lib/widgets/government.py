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
    missing = gov.absent(seats, parties)
    sentence = " ".join(part for part in (gov.verdict(result, chosen), missing) if part)
    alt = " ".join(part for part in (gov.alt_text(result, chosen), missing) if part)
    return sentence, figures.coalition_bars(result, title, alt)


# Upper-house groups in chamber_strength that have no course party code.
GROUPS = {"Shinryokufukai": "Shinryokufukai (upper-house group)", "Kaikaku Club": "Kaikaku Club (upper-house group)"}


def _options(seats: dict) -> list[tuple[str, str]]:
    """(label, code) pairs for every party with seats at any moment, so the list never changes when the
    moment does: the parties in government at the default moment first, then by its seats, then any
    party that had seats only at another moment. Labels add the English name where it says more."""
    parties = load("parties")
    names = dict(zip(parties["code"].astype(str), parties["name_en"].astype(str)))

    def name(code):
        if code in GROUPS:
            return GROUPS[code]
        return f"{code} ({names[code]})" if names.get(code, code) != code else code

    first = gov.governing(load("coalitions"), gov.SITUATIONS[gov.DEFAULT_SITUATION].government_on)
    codes = gov.party_options(seats[gov.DEFAULT_SITUATION], first)
    for frame in seats.values():
        codes += [code for code in gov.party_options(frame) if code not in codes]
    return [(name(code), code) for code in codes]


def coalition_explorer():
    """Lesson 03: pick parties; see their seats in each house against the majority and two-thirds lines."""
    import ipywidgets as w

    hr, hc, strength = _tables()
    seats = {name: gov.chamber_seats(hr, hc, strength, name) for name in gov.SITUATIONS}
    moment = labelled(w.Dropdown(options=list(gov.SITUATIONS), value=gov.DEFAULT_SITUATION,
                                 layout=w.Layout(width="680px")), "Moment")
    picked = labelled(
        w.SelectMultiple(options=_options(seats), value=gov.DEFAULT_PARTIES, rows=8,
                         layout=w.Layout(width="680px")),
        "Parties: Ctrl-click (Cmd-click on a Mac) for several",
    )
    text = w.HTML().add_class("course-summary")
    figure = w.HTML().add_class("course-figure")

    def update(_change=None):
        sentence, drawn = coalition_view(seats[moment.value], picked.value, moment.value)
        text.value = f"<p>{html.escape(sentence)}</p>"
        figure.value = drawn.to_html()

    moment.observe(update, names="value")  # the party list stays: parties without seats then are named
    picked.observe(update, names="value")
    update()
    return course_widget(moment, picked, text, figure)


@static.renders("coalition_explorer", "choose the moment (July 2007 or August 2009) and any set of parties "
                "(Ctrl-click, Cmd-click on a Mac, for several); the sentence and the bars follow your choice.")
def coalition_default():
    hr, hc, strength = _tables()
    return coalition_view(gov.chamber_seats(hr, hc, strength, gov.DEFAULT_SITUATION), gov.DEFAULT_PARTIES)
