"""A student's verdicts on the essay's claims: one store keyed by claim id, shared by lessons 04 and 08.

Lesson 04's claim explorer records a verdict on a claim; lesson 08's scorecard starts from the same
record and lets the student revise it. A verdict is a rating on one scale, the evidence the
student cites (a row, a figure, a number), and the lesson where it was last saved. It is stored
like a written answer (``store.RecordKind``: atomic, never lost, with history and the stale check)
and appears in ``progress()`` and the export under the lesson that saved it.
"""

from __future__ import annotations

import pandas as pd

from . import store
from .errors import AnswerError

RATINGS = ("supported", "mixed", "not supported", "cannot be judged")
FILE = "verdicts"


def _check(value) -> None:
    if not isinstance(value, dict) or value.get("rating") not in RATINGS:
        raise AnswerError(f"A verdict needs a rating, one of: {', '.join(RATINGS)}.")
    if not isinstance(value.get("evidence", ""), str) or not isinstance(value.get("lesson", ""), str):
        raise AnswerError("A verdict's evidence and lesson are text.")


VERDICTS = store.register(store.RecordKind(
    "verdict", file_for=lambda claim_id: FILE, check=_check,
    is_empty=lambda value: not value, title="Claim verdicts",
    lesson_of=lambda claim_id, value: value.get("lesson", "") if isinstance(value, dict) else "",
    all_files=lambda: [FILE],
))


def _claim(claim_id: str) -> str:
    from .data import load

    if claim_id not in set(load("essay_map")["claim_id"]):
        raise AnswerError(f"There is no claim {claim_id!r} in the essay map (ids look like 'P4.2').")
    return claim_id


def save_verdict(claim_id: str, rating: str, evidence: str = "", *, lesson: str,
                 seen_rev: int | None = None):
    """Save a verdict on one claim (rating from RATINGS, the evidence cited, the saving lesson)."""
    value = {"rating": rating, "evidence": evidence.strip(), "lesson": str(lesson).zfill(2)}
    _check(value)
    return VERDICTS.save(_claim(claim_id), value, seen_rev=seen_rev)


def verdict(claim_id: str) -> dict | None:
    """The saved verdict on one claim, or None."""
    value = VERDICTS.items(FILE).get(_claim(claim_id))
    return value or None


def verdicts() -> pd.DataFrame:
    """Every saved verdict: claim_id, rating, evidence, lesson."""
    rows = [{"claim_id": claim_id, **value} for claim_id, value in VERDICTS.items(FILE).items() if value]
    return pd.DataFrame(rows, columns=["claim_id", "rating", "evidence", "lesson"])
