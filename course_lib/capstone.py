"""The capstone memo's planning step (lesson 08): gather the student's own work into an outline.

``memo_plan()`` reads what the student has saved (written answers of every lesson, claim verdicts
and this lesson's ratings) and returns the outline that ``analysis.scorecard.memo_outline`` builds
from it. ``start_memo_plan()`` puts that outline into the answer box of the planning prompt, so
that it is edited there, saved as the student types, kept in the answer history and handed in with
``make export`` like every other answer. It never writes over a plan the student has started.
"""

from __future__ import annotations

from . import answers, store, verdicts
from .analysis import scorecard
from .data import load

PLAN_PROMPT = "08.D5"


def _written_answers() -> dict[str, str]:
    from .lessons import LESSONS

    found: dict[str, str] = {}
    for item in LESSONS:
        found.update({pid: text or "" for pid, text in answers.ANSWERS.items(f"lesson-{item.id}").items()})
    return found


def _saved_verdicts() -> dict[str, dict]:
    table = verdicts.verdicts()
    return {row.claim_id: {"rating": row.rating, "evidence": row.evidence, "lesson": row.lesson}
            for row in table.itertuples()}


def memo_plan() -> str:
    """The outline of your capstone memo, built from your answers, verdicts and ratings."""
    claims = load("essay_map")
    card = scorecard.scorecard(load("claim_assessments"), claims, _saved_verdicts())
    return scorecard.memo_outline(answers=_written_answers(), prompts=answers.prompts(), card=card,
                                  claims=claims, skip=(PLAN_PROMPT,), today=store.now()[:10])


def start_memo_plan(*, refresh: bool = False) -> str:
    """Put the outline into the planning prompt's box if it is empty (or, with ``refresh=True``,
    replace what is there: the old text stays in ``cl.history("08.D5")``). Returns what happened."""
    current = answers.saved_answer(PLAN_PROMPT)
    if current.strip() and not refresh:
        return (f"Your plan in {PLAN_PROMPT} is kept as you wrote it. To rebuild the outline from your latest "
                f"work, run cl.start_memo_plan(refresh=True): your text goes to cl.history('{PLAN_PROMPT}').")
    answers.save_answer(PLAN_PROMPT, memo_plan())
    verb = "rebuilt" if current.strip() else "written"
    return (f"Outline {verb} into the box of {PLAN_PROMPT} below, from your answers, verdicts and ratings. "
            "Edit it there; make export hands it in with your other answers.")
