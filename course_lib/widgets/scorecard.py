"""Lesson 08's scorecard: rate each assessed claim of the essay, cite evidence, then see the course's
assessment and its reasoning.

A thin shell: the ratings are claim verdicts (``course_lib.verdicts``, one store keyed by claim id,
shared with lesson 04's claim explorer) saved with ``lesson="08"``; what is shown comes from
``analysis.scorecard`` (the sentence, the reveal text) and ``plots.scorecard`` (the figure). Saving
never raises: a failure becomes words in the status line, and a rating saved meanwhile in another
open copy is never overwritten (the stale check keeps both).
"""

from __future__ import annotations

import html

from .. import store
from ..analysis import scorecard as sc
from ..data import load
from ..essay import quote
from ..plots.scorecard import scorecard as scorecard_figure
from . import static
from .base import course_widget, labelled

CHOOSE = "(choose a rating)"


def scorecard_view(assessments, claims, saved: dict) -> tuple[str, object]:
    """The sentence and the figure of the scorecard for some saved verdicts."""
    card = sc.scorecard(assessments, claims, saved)
    return sc.summary(card), scorecard_figure(card, sc.alt_text(card))


def _saved() -> dict:
    from ..verdicts import verdicts

    return {row.claim_id: {"rating": row.rating, "evidence": row.evidence, "lesson": row.lesson}
            for row in verdicts().itertuples()}


def scorecard_explorer():
    """Lesson 08: rate each claim with evidence; the course's assessment appears after you save."""
    import ipywidgets as w

    from ..verdicts import VERDICTS, save_verdict

    assessments, claims = load("claim_assessments"), load("essay_map")
    rows = sc.claims_to_rate(assessments, claims)
    paraphrase = rows.set_index("claim_id")["claim"]
    quoted = claims.set_index("claim_id")["short_quote"].dropna()
    options = [(sc.option_label(r.claim_id, r.kind), r.claim_id) for r in rows.itertuples()]
    choice = labelled(w.Dropdown(options=options, value=options[0][1], layout=w.Layout(width="420px")),
                      "Claim")
    claim_text = w.HTML().add_class("course-claim")
    rating = labelled(w.Dropdown(options=[CHOOSE, *sc.SCALE], value=CHOOSE, layout=w.Layout(width="420px")),
                      "Your rating")
    evidence = labelled(w.Textarea(placeholder="A claim id, a dataset row, a figure or a number from the lessons",
                                   layout=w.Layout(width="620px", height="70px")),
                        "Evidence you cite")
    save = w.Button(description="Save my rating", button_style="primary")
    status = w.HTML().add_class("course-status")
    reveal = w.HTML().add_class("course-reveal")
    text = w.HTML().add_class("course-summary")
    figure = w.HTML().add_class("course-figure")
    seen = {"rev": None}

    def show_card(saved: dict) -> None:
        sentence, drawn = scorecard_view(assessments, claims, saved)
        text.value = f"<p>{html.escape(sentence)}</p>"
        figure.value = drawn.to_html()

    def load_claim(_change=None) -> None:
        claim_id = choice.value
        loaded, problem = store.safely(lambda: VERDICTS.load(claim_id))
        value, seen["rev"] = loaded if loaded else (None, None)
        value = value or {}
        words = f"<br><i>{html.escape(str(quote(claim_id)))}</i>" if claim_id in quoted.index else ""
        claim_text.value = f"<p><b>{html.escape(claim_id)}</b>: {html.escape(str(paraphrase[claim_id]))}{words}</p>"
        rating.value = value.get("rating") if value.get("rating") in sc.SCALE else CHOOSE
        evidence.value = value.get("evidence", "")
        reveal.value = f"<p>{html.escape(sc.reveal_text(assessments, claim_id, value))}</p>"
        status.value = f"<p>{html.escape(problem)}</p>" if problem else ""

    def on_save(_button=None) -> None:
        claim_id, chosen = choice.value, (rating.value if rating.value in sc.SCALE else None)
        problem = sc.entry_problem(chosen, evidence.value)
        if problem:
            status.value = f"<p>Not saved: {html.escape(problem)}</p>"
            return
        saved, failure = store.safely(lambda: save_verdict(claim_id, chosen, evidence.value, lesson=sc.LESSON,
                                                           seen_rev=seen["rev"]))
        if failure:
            status.value = f"<p>Not saved: {html.escape(failure)}. Your choice is still in the boxes above.</p>"
            return
        if saved.status == "conflict":
            status.value = ("<p>Not saved over a newer rating of this claim saved in another open copy: yours is "
                            "kept in the verdict's history (course_lib.verdicts.VERDICTS.history"
                            f"('{html.escape(claim_id)}')). Choose the claim again to load the newer one.</p>")
            return
        seen["rev"] = saved.rev
        status.value = f"<p>Saved your rating of {html.escape(claim_id)}.</p>"
        reveal.value = f"<p>{html.escape(sc.reveal_text(assessments, claim_id, saved.value))}</p>"
        all_saved, failure = store.safely(_saved)
        show_card(all_saved or {})

    choice.observe(load_claim, names="value")
    save.on_click(on_save)
    load_claim()
    all_saved, problem = store.safely(_saved)
    show_card(all_saved or {})
    if problem:
        status.value = f"<p>{html.escape(problem)}</p>"
    return course_widget(choice, claim_text, rating, evidence, save, status, reveal, text, figure,
                         css_class="course-scorecard")


@static.renders("scorecard_explorer", "choose a claim, rate it on the four-step scale and cite your evidence; "
                "after you save, the course's assessment and its reasoning appear, and the figure places your "
                "rating beside it.")
def scorecard_default():
    return scorecard_view(load("claim_assessments"), load("essay_map"), {})
