"""Lesson 08's scorecard: a student's ratings of the essay's claims beside the course's assessments,
and the outline of the capstone memo built from the student's own work.

Pure functions: DataFrames, dicts and plain values in, DataFrames and text out (no widgets, no
figures, no files). The student's ratings are claim verdicts (``course_lib.verdicts``): a rating on
the scale ``verdicts.RATINGS``, the evidence cited and the lesson that saved it. The course's
assessments are the ``claim_assessments`` dataset, on a scale of the same four steps worded for
what happened after 2010 (``SCALE``). A course assessment is shown only for a claim the student
has rated in this lesson (lesson 08) with evidence.
"""

from __future__ import annotations

import re

import pandas as pd

LESSON = "08"

# The student's scale (verdicts.RATINGS, in its order) -> the course's scale (claim_assessments).
SCALE = {
    "supported": "borne out",
    "mixed": "mixed",
    "not supported": "not borne out",
    "cannot be judged": "cannot be judged",
}
NOT_RATED = "(not rated yet)"
MIN_EVIDENCE_WORDS = 3

CARD_COLUMNS = ["claim_id", "kind", "rating", "evidence", "lesson", "rated_here", "on_course_scale",
                "assessment", "agrees"]


def claim_order(claim_id: str) -> tuple:
    """Sort key for claim ids in reading order: P2.1b after P2.1a, P2.10 after P2.9."""
    found = re.fullmatch(r"P(\d+)\.(\d+)([a-z]?)", str(claim_id))
    if not found:
        return (99, 99, str(claim_id))
    return (int(found[1]), int(found[2]), found[3])


def claims_to_rate(assessments: pd.DataFrame, claims: pd.DataFrame) -> pd.DataFrame:
    """The claims the course assesses, in reading order, with their kind and paraphrase."""
    chosen = claims[claims["claim_id"].isin(assessments["claim_id"])]
    chosen = chosen[["claim_id", "kind", "claim"]].assign(kind=lambda t: t["kind"].astype(str))
    return chosen.sort_values("claim_id", key=lambda s: s.map(claim_order)).reset_index(drop=True)


def option_label(claim_id: str, kind: str) -> str:
    """What the claim list shows for one claim: its id and kind, nothing of the verdict."""
    return f"{claim_id} · {kind}"


def entry_problem(rating: str | None, evidence: str) -> str | None:
    """Why a rating cannot be saved yet, in words; None when it can."""
    if rating not in SCALE:
        return f"Choose a rating first: {', '.join(SCALE)}."
    if len(str(evidence or "").split()) < MIN_EVIDENCE_WORDS:
        return ("Cite your evidence first, in a few words: a claim id, a dataset row, a figure or a number "
                "from the lessons.")
    return None


def scorecard(assessments: pd.DataFrame, claims: pd.DataFrame, saved: dict[str, dict]) -> pd.DataFrame:
    """One row per assessed claim: the student's saved verdict and, only where the student has rated
    the claim in this lesson, the course's assessment and whether the two agree.

    ``saved`` maps claim ids to saved verdicts ({"rating", "evidence", "lesson"}); a verdict from
    another lesson (lesson 04's claim explorer) is shown as a starting point, not yet as a rating here.
    """
    course = assessments.set_index("claim_id")["assessment"].astype(str)
    rows = []
    for item in claims_to_rate(assessments, claims).itertuples():
        verdict = saved.get(item.claim_id) or {}
        rating = verdict.get("rating")
        rating = rating if rating in SCALE else None
        here = rating is not None and str(verdict.get("lesson", "")) == LESSON
        revealed = course[item.claim_id] if here else None
        rows.append({
            "claim_id": item.claim_id,
            "kind": item.kind,
            "rating": rating,
            "evidence": str(verdict.get("evidence", "")) if rating else "",
            "lesson": str(verdict.get("lesson", "")) if rating else "",
            "rated_here": here,
            "on_course_scale": SCALE[rating] if rating else None,
            "assessment": revealed,
            "agrees": (SCALE[rating] == revealed) if here else None,
        })
    return pd.DataFrame(rows, columns=CARD_COLUMNS)


def summary(card: pd.DataFrame) -> str:
    """The scorecard in one sentence (the widget's visible text)."""
    rated = card[card["rated_here"]]
    total = len(card)
    if rated.empty:
        return (f"You have rated 0 of {total} claims in this lesson. Rate a claim and cite your evidence to "
                "see the course's assessment of it.")
    same = rated[rated["agrees"].astype(bool)]
    differ = rated[~rated["agrees"].astype(bool)]
    parts = [f"You have rated {len(rated)} of {total} claims in this lesson"]
    if len(same):
        parts.append(f"you agree with the course's assessment on {len(same)} ({', '.join(same['claim_id'])})")
    if len(differ):
        parts.append(f"you differ on {len(differ)} ({', '.join(differ['claim_id'])})")
    return "; ".join(parts) + "."


def alt_text(card: pd.DataFrame) -> str:
    """Alt text of the scorecard figure: what a sighted reader takes from it."""
    rated = card[card["rated_here"]]
    lead = f"Scorecard of {len(card)} claims on the four-step scale from borne out to cannot be judged"
    if rated.empty:
        return f"{lead}: none rated yet, so no course assessment is shown."
    same = int(rated["agrees"].astype(bool).sum())
    return (f"{lead}: {len(rated)} rated by you, shown with the course's assessment beside your rating; "
            f"the two fall on the same step for {same} of them.")


def evidence_items(evidence: str) -> list[tuple[str, str]]:
    """'alliance_timeline:scc_2011;opinion_affinity:2010' -> [('alliance_timeline', 'scc_2011'), ...]."""
    items = []
    for part in str(evidence or "").split(";"):
        dataset, _, key = part.strip().partition(":")
        if dataset and key:
            items.append((dataset, key))
    return items


def reveal_text(assessments: pd.DataFrame, claim_id: str, verdict: dict | None) -> str:
    """What the scorecard shows under a claim: the course's assessment and reasoning once the
    student has rated the claim here with evidence, otherwise how to get there."""
    verdict = verdict or {}
    rating = verdict.get("rating")
    if rating not in SCALE or str(verdict.get("lesson", "")) != LESSON:
        start = (f" Your verdict from lesson {verdict['lesson']} ({rating}) is filled in as a starting point."
                 if rating in SCALE and verdict.get("lesson") else "")
        return ("Rate this claim and cite your evidence, then save: the course's assessment and its reasoning "
                "appear here." + start)
    row = assessments.set_index("claim_id").loc[claim_id]
    course = str(row["assessment"])
    yours = SCALE[rating]
    relation = "the same step as the course" if yours == course else "a different step from the course"
    named = (f"Your rating, {rating}, is {relation}" if yours == rating else
             f"Your rating, {rating}, is '{yours}' on the course's scale: {relation}")
    rows = ", ".join(f"{d}: {k}" for d, k in evidence_items(row["evidence"]))
    return (f"The course's assessment: {course}. {named}. The course's reasoning: {row['reasoning']} "
            f"Evidence rows: {rows}.")


# --------------------------------------------------------------------------- the capstone plan

def _gist(text: str, words: int = 45) -> str:
    cut = str(text).split()
    return " ".join(cut[:words]) + (" ..." if len(cut) > words else "")


def memo_outline(*, answers: dict[str, str], prompts: dict[str, dict], card: pd.DataFrame,
                 claims: pd.DataFrame, skip: tuple[str, ...] = (), today: str = "") -> str:
    """An outline of the capstone memo built from the student's own work: written answers (by
    lesson), the ratings of this lesson with the evidence cited, and earlier verdicts. Plain text,
    to be edited in an answer box; the bracketed lines are for the student to fill in."""
    text = claims.set_index("claim_id")["claim"].astype(str)
    lines = [
        "CAPSTONE MEMO: MY PLAN" + (f" (outline made {today} from my work in the course)" if today else ""),
        "",
        "To: [the Prime Minister of Japan / the US Secretary of State: choose one]",
        "Prompt chosen: [one of the three capstone prompts your instructor sets]",
        "Date of the memo: 19 March 2026 (the course data's as-of date)",
        "",
        "1. My recommendation in one sentence: [...]",
        "",
        "2. Why the alliance still matters (the essay's P8.1), in my words: [...]",
        "",
        "3. What the essay's judgements look like now (my ratings in lesson 08):",
    ]
    rated = card[card["rated_here"]]
    for row in rated.itertuples():
        course = f"; the course: {row.assessment}" if row.assessment else ""
        lines.append(f"   - {row.claim_id} ({row.kind}): I rated it {row.rating}{course}. "
                     f"My evidence: {row.evidence or '[...]'}")
        lines.append(f"     Claim: {text.get(row.claim_id, '')}")
    earlier = card[card["rating"].notna() & ~card["rated_here"]]
    for row in earlier.itertuples():
        lines.append(f"   - {row.claim_id} ({row.kind}): my lesson {row.lesson} verdict was {row.rating} "
                     f"(not yet rated in lesson 08). My evidence: {row.evidence or '[...]'}")
    if rated.empty and earlier.empty:
        lines.append("   [none yet: rate the claims in the scorecard of lesson 08, then run the planning cell again]")
    lines += ["", "4. Evidence I have already written (my answers to the discussion prompts):"]
    written = [(pid, answers[pid]) for pid in sorted(answers) if pid not in skip and str(answers[pid]).strip()]
    for pid, answer in written:
        title = prompts.get(pid, {}).get("title", "")
        lines.append(f"   - {pid} {title}: {_gist(answer)}")
    if not written:
        lines.append("   [none yet: your answers to the discussion prompts will appear here]")
    lines += [
        "",
        "5. The figure or table I will make from the course data (with alt text): [...]",
        "",
        "6. The strongest objection (a reading that disagrees with me) and my reply: [...]",
        "",
        "7. What each side should do next, with the datasets and rows that support it: [...]",
    ]
    return "\n".join(lines)
