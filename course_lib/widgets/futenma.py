"""Lesson 05's decision matrix: weight seven criteria and see the Futenma options ranked.

A thin shell over ``course_lib.analysis.futenma``: the sliders set the weights, ``rank_changes`` and
``weight_effects`` compute the ranking and how far each weight moved it, and ``plots.futenma.ranking``
draws it. The scores are the course's judgements (``futenma_scores``); pass your own copy to rank
with your scores instead.
"""

from __future__ import annotations

import html

from .. import plots
from ..analysis import futenma as fu
from ..data import load
from ..errors import CourseError
from ..plots import futenma as figures
from . import static
from .base import course_widget, labelled


def matrix_view(scores, weights) -> tuple[str, plots.AltFigure, list[str]]:
    """The sentence, the figure and the ranked list for one set of weights (widget and website share it)."""
    ranked = fu.rank_changes(scores, weights)
    effects = fu.weight_effects(scores, weights)
    sentence = fu.summary(ranked, effects)
    return sentence, figures.ranking(ranked, fu.alt_text(ranked)), fu.ranking_lines(ranked)


def futenma_matrix(scores=None):
    """Lesson 05: set a weight (0-5) for each criterion and see the Futenma options ranked.

    ``scores`` defaults to the course's table ``futenma_scores``; give a changed copy to use your own.
    """
    import ipywidgets as w

    table = load("futenma_scores") if scores is None else scores
    fu.score_matrix(table)  # a clear error now, not on the first slider move
    sliders = {
        name: labelled(w.IntSlider(value=fu.DEFAULT_WEIGHT, min=0, max=fu.MAX_WEIGHT, step=1,
                                   continuous_update=False, layout=w.Layout(width="420px")), text)
        for name, text in fu.CRITERIA.items()
    }
    for slider in sliders.values():  # one label width, so the tracks line up
        slider.style.description_width = "170px"
    reset = w.Button(description="Equal weights (all 1)", tooltip="Set every weight back to 1",
                     layout=w.Layout(width="auto"))
    intro = w.HTML("<p>Weights from 0 (leave the criterion out) to 5. Each option's score is the weighted mean "
                   "of the course's 1-5 scores: read their reasons in <code>cl.load(\"futenma_scores\")</code>.</p>")
    text = w.HTML().add_class("course-summary")
    listing = w.HTML().add_class("course-ranking")
    figure = w.HTML().add_class("course-figure")

    def update(_change=None):
        weights = {name: slider.value for name, slider in sliders.items()}
        try:
            sentence, drawn, lines = matrix_view(table, weights)
        except CourseError as problem:  # all weights 0: say so in the widget, keep the last figure
            text.value = f"<p>{html.escape(str(problem))}</p>"
            return
        text.value = f"<p>{html.escape(sentence)}</p>"
        listing.value = "<ol style='margin:0'>" + "".join(
            f"<li>{html.escape(line.split('. ', 1)[1])}</li>" for line in lines) + "</ol>"
        figure.value = drawn.to_html()

    def equal(_button=None):
        for slider in sliders.values():
            slider.unobserve(update, names="value")
            slider.value = fu.DEFAULT_WEIGHT
            slider.observe(update, names="value")
        update()

    for slider in sliders.values():
        slider.observe(update, names="value")
    reset.on_click(equal)
    update()
    return course_widget(intro, *sliders.values(), reset, text, listing, figure)


@static.renders("futenma_matrix", "move any of the seven weights (0-5) with the mouse or the arrow keys; the "
                "sentence, the ranked list and the figure follow, and you can rank your own copy of the scores.")
def futenma_matrix_default():
    sentence, figure, _lines = matrix_view(load("futenma_scores"), fu.equal_weights())
    return sentence, figure
