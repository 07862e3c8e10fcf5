"""The claim-and-evidence explorer (lesson 04; lesson 08 configures it, never copies it).

Choose a paragraph and a kind, then a claim: the explorer shows the claim's card (kind, paraphrase,
quotation, question, the course's fact-check note, what evidence can do for its kind), a sentence,
and one chart of one of the datasets that bear on it (buttons switch the dataset). Below, the student
records a verdict: a rating and the evidence cited, saved with ``verdicts.save_verdict`` in the one
store lessons 04 and 08 share. Everything shown comes from ``analysis.claims``.
"""

from __future__ import annotations

import html

from .. import plots, verdicts
from .. import store as _store
from ..analysis import claims as cc
from ..data import load
from . import static
from .base import course_widget, labelled

ALL_PARAGRAPHS, ALL_KINDS, CHOOSE = "All paragraphs", "All kinds", "(choose a rating)"
DEFAULT_PARAGRAPH = 4


def claim_view(essay_map, claim_id: str, dataset: str | None = None) -> tuple[str, plots.AltFigure | None]:
    """The sentence and the chart for one claim and one of its datasets (default: the first)."""
    card = cc.claim_card(essay_map, claim_id)
    if dataset is None:
        dataset = card.datasets[0] if card.datasets else None
    if dataset is None:
        return cc.claim_sentence(card, None), None
    summary = cc.evidence_summary(dataset, load(dataset), claim_id)
    return cc.claim_sentence(card, dataset), plots.evidence_chart(summary)


def card_html(card: cc.ClaimCard) -> str:
    """The claim's card as HTML (every field in full)."""
    e = html.escape
    quote = (f"<p><b>Quotation (P{card.paragraph}):</b> \u201c{e(card.quote)}\u201d (Tatsumi 2010)</p>"
             if card.quote else "")
    return (f"<div class='course-claim'><p><b>{e(card.claim_id)}</b> \u00b7 <i>{e(card.kind)}</i> \u00b7 "
            f"{e(card.claim)}</p>{quote}"
            f"<p><b>What evidence can do:</b> {e(card.what_evidence_can_do)}</p>"
            f"<p><b>Question:</b> {e(card.question)}</p>"
            f"<p><b>Course fact-check note:</b> {e(card.fact_check) or 'none'}</p></div>")


def _options(essay_map, paragraph, kind):
    chosen = cc.claims(essay_map, None if paragraph == ALL_PARAGRAPHS else paragraph,
                       None if kind == ALL_KINDS else kind)
    return [(cc.claim_label(row), row["claim_id"]) for _, row in chosen.iterrows()]


def claim_explorer(paragraph: int | None = DEFAULT_PARAGRAPH, kind: str | None = None,
                   claim_id: str | None = None, lesson: str = "04"):
    """Explore the essay's claims and record verdicts; ``lesson`` is saved with each verdict."""
    import ipywidgets as w

    essay_map = load("essay_map")
    para = labelled(w.Dropdown(options=[ALL_PARAGRAPHS] + [f"P{i}" for i in range(1, 9)],
                               value=f"P{paragraph}" if paragraph else ALL_PARAGRAPHS), "Paragraph")
    kinds = labelled(w.Dropdown(options=[ALL_KINDS, *cc.KINDS], value=kind or ALL_KINDS), "Kind")
    claim = labelled(w.Dropdown(options=_options(essay_map, para.value, kinds.value),
                                layout=w.Layout(width="760px")), "Claim")
    if claim_id is not None and claim_id in [v for _, v in claim.options]:
        claim.value = claim_id
    data = labelled(w.ToggleButtons(style={"button_width": "auto"}), "Chart of")
    card = w.HTML().add_class("course-card")
    text = w.HTML().add_class("course-summary")
    figure = w.HTML().add_class("course-figure")
    rating = labelled(w.Dropdown(options=[CHOOSE, *verdicts.RATINGS]), "Your verdict")
    evidence = labelled(w.Textarea(placeholder="Cite a row, a figure or a number from the lesson",
                                   layout=w.Layout(width="760px", height="60px")), "Evidence you cite")
    save = w.Button(description="Save verdict", tooltip="Save the rating and evidence for this claim")
    status = w.HTML().add_class("course-verdict")
    quiet = {"on": False}

    def show_chart(_change=None):
        if quiet["on"] or claim.value is None:
            return
        sentence, drawn = claim_view(essay_map, claim.value, data.value)
        text.value = f"<p>{html.escape(sentence)}</p>"
        figure.value = drawn.to_html() if drawn else "<p>No dataset bears on this claim.</p>"

    def show_claim(_change=None):
        if quiet["on"]:
            return
        if claim.value is None:
            card.value, text.value, figure.value = "<p>No claim matches these choices.</p>", "", ""
            status.value = ""
            return
        current = cc.claim_card(essay_map, claim.value)
        card.value = card_html(current)
        quiet["on"] = True
        try:
            data.options = list(current.datasets)
            data.value = current.datasets[0] if current.datasets else None
        finally:
            quiet["on"] = False
        show_chart()
        saved, problem = _store.safely(lambda: verdicts.verdict(claim.value))
        rating.value = saved["rating"] if saved else CHOOSE
        evidence.value = saved.get("evidence", "") if saved else ""
        status.value = f"<p>{html.escape(problem or cc.verdict_line(claim.value, saved))}</p>"

    def refilter(_change=None):
        options = _options(essay_map, para.value, kinds.value)
        previous = claim.value
        values = [v for _, v in options]
        quiet["on"] = True
        try:
            claim.options = options
            claim.value = previous if previous in values else (values[0] if values else None)
        finally:
            quiet["on"] = False
        show_claim()

    def on_save(_button=None):
        if claim.value is None:
            status.value = "<p>Choose a claim first.</p>"
            return
        if rating.value == CHOOSE:
            status.value = f"<p>Choose a rating for {html.escape(claim.value)} first, then save.</p>"
            return
        target = claim.value
        saved, problem = _store.safely(lambda: verdicts.save_verdict(target, rating.value, evidence.value,
                                                                     lesson=lesson))
        if problem:
            status.value = f"<p>Not saved: {html.escape(problem)}</p>"
            return
        status.value = f"<p>{html.escape(cc.verdict_line(target, verdicts.verdict(target)))}</p>"

    para.observe(refilter, names="value")
    kinds.observe(refilter, names="value")
    claim.observe(show_claim, names="value")
    data.observe(show_chart, names="value")
    save.on_click(on_save)
    show_claim()
    return course_widget(para, kinds, claim, card, data, text, figure, rating, evidence, save, status)


def default_view() -> tuple[str, plots.AltFigure]:
    """What the explorer shows first: the first claim of paragraph 4 and its first dataset."""
    essay_map = load("essay_map")
    first = cc.claims(essay_map, DEFAULT_PARAGRAPH).iloc[0]["claim_id"]
    return claim_view(essay_map, first)


@static.renders("claim_explorer", "choose a paragraph, a kind and a claim, switch between the datasets that "
                "bear on it, and save your verdict with the evidence you cite.")
def claim_explorer_default():
    return default_view()
