"""Self-checks: immediate feedback on an exercise without revealing its answer.

Answer keys are salted sha256 hashes of the normalised answer (numbers rounded to their stated
precision first), so the student edition never holds a plain answer. A student's input is only
normalised and hashed; it is never evaluated as code.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import html
import json
import math
import numbers
import re
import secrets
import sys
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, localcontext
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from . import store
from .errors import AnswerError

KEYS_DIR = Path(__file__).with_name("content") / "exercises"
# A key entry: the public part, then the salted hash of the normalised answer. Optional:
# "accepted" (more salted hashes that also count as correct: a variant spelling) and
# "anticipated" (a list of {"sha256", "hint"}: a common wrong answer with its own hint);
# "retired" ({"replaced_by": [ids], "why": text}): the exercise was replaced by a rewritten one.
# Ids are forever: a retired id keeps its key (an old work copy still calls it) but is never reused,
# never checked, and left out of progress(), the export and the answer key.
PUBLIC = ("lesson", "kind", "precision", "question", "hint")
SECRET = ("salt", "sha256")
OPTIONAL = ("accepted", "anticipated", "retired")
KINDS = ("count", "number", "string", "set", "date", "frame")


def _order(exercise_id: str) -> list[int]:
    return [int(x) for x in exercise_id.split(".")]


@lru_cache(maxsize=1)
def _keys() -> dict:
    """Every exercise key, from one file per lesson (content/exercises/NN.json), in id order."""
    keys = {}
    for path in sorted(KEYS_DIR.glob("*.json")):
        keys.update(json.loads(path.read_text(encoding="utf-8")))
    return dict(sorted(keys.items(), key=lambda kv: _order(kv[0])))


def active_keys() -> dict:
    """The exercises of the current lessons: every key that is not retired, in id order."""
    return {k: v for k, v in _keys().items() if not v.get("retired")}


def retired(exercise_id: str) -> dict | None:
    """{"replaced_by": [...], "why": ...} for a retired exercise; None for a current (or unknown) one."""
    entry = _keys().get(exercise_id) if isinstance(exercise_id, str) else None
    return entry.get("retired") if entry else None


def exercise(exercise_id: str) -> dict:
    """The public part of one exercise: lesson, kind, precision, question and hint."""
    keys = _keys()
    if not isinstance(exercise_id, str) or exercise_id not in keys:
        lesson = str(exercise_id).split(".")[0]
        current = active_keys()
        near = [k for k in current if k.startswith(lesson + ".")] or list(current)
        raise AnswerError(
            f"There is no exercise {exercise_id!r}. Exercise ids look like '01.2'; "
            f"known ones include: {', '.join(near[:8])}."
        )
    return {k: v for k, v in keys[exercise_id].items() if k in PUBLIC}


_PLAIN_NUMBER = re.compile(r"[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|[+-]?\.\d+", re.ASCII)


def _scalar(value):
    """A 0-d numpy array becomes its single value (what a reduction sometimes returns)."""
    if getattr(value, "ndim", None) == 0 and hasattr(value, "shape") and not isinstance(value, str):
        return value[()]
    return value


def _decimal(value) -> Decimal:
    """A number as an exact Decimal: no float noise, no overflow; thousands separators only in
    their one correct form ("1,700", not "1,7")."""
    value = _scalar(value)
    if isinstance(value, bool) or not isinstance(value, (numbers.Real, str)):
        raise AnswerError(f"This exercise wants a number, not {type(value).__name__}.")
    if isinstance(value, str):
        text = value.strip()
        if not _PLAIN_NUMBER.fullmatch(text):
            if re.fullmatch(r"[+-]?[\d,]+(?:\.\d+)?", text, re.ASCII) and "," in text:
                raise AnswerError(f"{value!r} is not a number: a comma must separate groups of "
                                  "three digits, as in 1,700 (or leave commas out).")
            raise AnswerError(f"This exercise wants a number written with the digits 0-9; "
                              f"{value!r} is not one.")
        return Decimal(text.replace(",", ""))
    if isinstance(value, numbers.Integral):
        return Decimal(int(value))
    number = float(value)
    if not math.isfinite(number):
        raise AnswerError("This exercise wants a finite number.")
    return Decimal(repr(number))  # the shortest text that is this float: 0.1 + 0.2 -> 0.30000000000000004


def _number(value, precision: int) -> str:
    """A decimal judged at its stated precision (half up, on the exact decimal value)."""
    number = _decimal(value)
    step = Decimal(1).scaleb(-precision)
    with localcontext() as exact:  # enough digits for 10**400 at two decimals
        exact.prec = max(28, number.adjusted() + precision + 3)
        text = f"{number.quantize(step, rounding=ROUND_HALF_UP):f}"
    return text.lstrip("-") if Decimal(text) == 0 else text  # no "-0.0"


def _count(value) -> str:
    """A count is a whole number: 17 and 17.0 and "1,700" are counts; 17.4 and "1,7" are not."""
    number = _decimal(value)
    if number != number.to_integral_value():
        raise AnswerError(f"This exercise wants a count, a whole number; {value!r} is not whole.")
    return str(int(number))


def _string(value) -> str:
    value = _scalar(value)
    if not isinstance(value, str):
        raise AnswerError(f"This exercise wants text in quotes, not {type(value).__name__}.")
    text = re.sub(r"\s+", " ", value.casefold()).strip()
    return text.strip(" .,;:!?\"'\u201c\u201d\u2018\u2019")


def _set(value) -> str:
    if isinstance(value, pd.DataFrame):
        raise AnswerError("This exercise wants several items, and you gave a whole table "
                          "(DataFrame); take the one column you mean, e.g. df['person'].")
    if isinstance(value, (str, bytes, dict)) or not hasattr(value, "__iter__") or getattr(value, "ndim", 1) != 1:
        raise AnswerError("This exercise wants several items, e.g. ['LDP', 'Komeito'] or a set.")
    items = sorted({_string(str(_scalar(v))) for v in value})
    return "\x1f".join(items)


def _date(value) -> str:
    value = _scalar(value)
    if not isinstance(value, (str, dt.date, pd.Timestamp, np.datetime64)):
        raise AnswerError(f"This exercise wants a date such as '2009-09-16', not {type(value).__name__}.")
    try:
        stamp = pd.Timestamp(value)
    except (ValueError, TypeError, OverflowError):
        raise AnswerError(f"{value!r} is not a date; write it as 'YYYY-MM-DD'.") from None
    if pd.isna(stamp):
        raise AnswerError("This exercise wants a date, not a missing value.")
    return f"{stamp:%Y-%m-%d}"


def _frame(value, precision: int) -> str:
    if isinstance(value, pd.Series):
        value = value.reset_index()
    if not isinstance(value, pd.DataFrame):
        raise AnswerError(f"This exercise wants a DataFrame, not {type(value).__name__}.")
    frame = value.reset_index(drop=True).copy()
    frame.columns = [_string(str(c)) for c in frame.columns]
    for column in frame.columns:
        if pd.api.types.is_float_dtype(frame[column]):
            frame[column] = frame[column].round(precision)
        elif pd.api.types.is_datetime64_any_dtype(frame[column]):
            frame[column] = frame[column].dt.strftime("%Y-%m-%d")
    return frame.astype(str).to_csv(index=False)


def normalise(kind: str, value, precision: int = 0) -> str:
    """The canonical text of an answer, the same for every way of writing the same answer."""
    if kind == "count":
        return _count(value)
    if kind == "number":
        return _number(value, precision)
    if kind == "string":
        return _string(value)
    if kind == "set":
        return _set(value)
    if kind == "date":
        return _date(value)
    if kind == "frame":
        return _frame(value, precision)
    raise AnswerError(f"Unknown exercise kind {kind!r}; kinds are {', '.join(KINDS)}.")


def digest(salt: str, normalised: str) -> str:
    return hashlib.sha256(f"{salt}\x00{normalised}".encode()).hexdigest()


def make_key(kind: str, answer, precision: int = 0, salt: str | None = None) -> dict:
    """A key entry for content/exercises/ (maintainers only): salt and hash, never the answer."""
    salt = salt or secrets.token_hex(8)
    return {"kind": kind, "precision": precision, "salt": salt,
            "sha256": digest(salt, normalise(kind, answer, precision))}


def _forever(keys: dict, exercise_id: str, kind: str, answer, precision: int, question: str,
             reword: bool, data_changed: bool = False) -> None:
    """Ids are forever: refuse to turn an existing id into a different question.

    ``data_changed``: the same question, whose answer moved because the course data grew (a count
    of timeline events after new events were added); the question must stay word for word."""
    old = keys.get(exercise_id)
    if old is None:
        return
    retire_hint = (f"Retire it (python -m course_lib retire-exercise {exercise_id} --replaced-by NEW_ID "
                   "--why ...) and store the new question under a new id.")
    if old.get("retired"):
        raise AnswerError(f"Exercise {exercise_id} is retired; ids are never reused. Store the new question "
                          "under a new id.")
    same = (old["kind"] == kind and old.get("precision", 0) == precision
            and (data_changed or digest(old["salt"], normalise(kind, answer, precision)) == old["sha256"]))
    if data_changed and old["question"] != question:
        raise AnswerError(f"--data-changed keeps the question word for word; exercise {exercise_id} asks "
                          f"{old['question']!r}.")
    if not same:
        raise AnswerError(f"Exercise {exercise_id} already has a different answer, kind or precision, and a "
                          f"student's result for it must not count for another question. {retire_hint}")
    if old["question"] != question and not reword:
        raise AnswerError(f"Exercise {exercise_id} already asks {old['question']!r}. If only the wording "
                          f"changes (same meaning, same answer), pass --reword; otherwise: {retire_hint}")


def add_exercise(exercise_id: str, kind: str, answer, *, question: str, hint: str,
                 precision: int = 0, accepted=(), anticipated=(), reword: bool = False,
                 data_changed: bool = False) -> None:
    """Store (or update) one exercise's hashed key in its lesson's file (maintainers only).

    ``accepted``: other answers that count as correct (a variant spelling). ``anticipated``:
    (wrong answer, its own hint) pairs for the common mistakes. All are stored as salted hashes.
    An existing id may get new hints or variants, never a different answer; a new question
    wording needs ``reword`` (a rewritten question gets a new id: see :func:`retire_exercise`).
    """
    if not re.match(r"^\d\d\.\d+$", exercise_id):
        raise AnswerError(f"Exercise ids look like '01.2', not {exercise_id!r}.")
    path = KEYS_DIR / f"{exercise_id[:2]}.json"
    keys = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    _forever(keys, exercise_id, kind, answer, precision, question, reword, data_changed)
    key = make_key(kind, answer, precision)
    right = {normalise(kind, answer, precision)}
    entry = {"lesson": exercise_id[:2], "question": question, "hint": hint, **key}
    if accepted:
        right |= {normalise(kind, a, precision) for a in accepted}
        entry["accepted"] = sorted({digest(key["salt"], normalise(kind, a, precision)) for a in accepted})
    if anticipated:
        for wrong, _hint in anticipated:
            if normalise(kind, wrong, precision) in right:
                raise AnswerError(f"The anticipated wrong answer {wrong!r} is also a right answer.")
        entry["anticipated"] = [{"sha256": digest(key["salt"], normalise(kind, wrong, precision)),
                                 "hint": wrong_hint} for wrong, wrong_hint in anticipated]
    keys[exercise_id] = entry
    ordered = dict(sorted(keys.items(), key=lambda kv: _order(kv[0])))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(ordered, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    _keys.cache_clear()


def retire_exercise(exercise_id: str, replaced_by, why: str) -> None:
    """Mark an exercise as replaced (maintainers only): its key stays, so an old work copy gets a
    clear message instead of an error, but it is never checked or counted again."""
    path = KEYS_DIR / f"{str(exercise_id)[:2]}.json"
    keys = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    if exercise_id not in keys:
        raise AnswerError(f"There is no exercise {exercise_id!r} in {path.name} to retire.")
    new = [replaced_by] if isinstance(replaced_by, str) else list(replaced_by)
    if not new:
        raise AnswerError(f"Name the exercise that replaces {exercise_id} (--replaced-by NEW_ID).")
    unknown = [n for n in new if n not in keys or keys[n].get("retired")]
    if unknown or exercise_id in new:
        raise AnswerError(f"Retire {exercise_id} in favour of current exercises of the same lesson stored first "
                          f"(add-exercise); not {', '.join(unknown) or exercise_id}.")
    if not why or not str(why).strip():
        raise AnswerError("Say in a few words why the exercise was replaced (--why).")
    keys[exercise_id]["retired"] = {"replaced_by": new, "why": str(why).strip()}
    path.write_text(json.dumps(keys, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    _keys.cache_clear()


@dataclass(frozen=True)
class Feedback:
    """What check() says; shows as a coloured line in a notebook."""

    exercise_id: str
    status: str  # "correct", "not yet", "not answered", "replaced"
    message: str

    @property
    def correct(self) -> bool:
        return self.status == "correct"

    def __repr__(self) -> str:
        return f"Exercise {self.exercise_id}: {self.message}"

    def _repr_html_(self) -> str:
        colour = {"correct": "#009E73", "not yet": "#D55E00"}.get(self.status, "#555555")
        mark = {"correct": "\u2714", "not yet": "\u2718"}.get(self.status, "\u2026")
        return (f'<p style="color:{colour}" class="course-check" data-status="{self.status}">'
                f"{mark} Exercise {html.escape(self.exercise_id)}: {html.escape(self.message)}</p>")


def _results_shape(state: dict) -> None:
    for exercise_id, entry in state.items():
        if not (isinstance(entry, dict) and isinstance(entry.get("correct"), bool)
                and isinstance(entry.get("attempts"), int)):
            raise ValueError(f"the result for {exercise_id!r} is not {{correct, attempts}}")


def _record(exercise_id: str, correct: bool) -> str:
    """Record an attempt; returns '' or, when it could not be recorded, why (in words)."""
    def change(state):
        entry = state.setdefault(exercise_id, {"correct": False, "attempts": 0})
        entry["attempts"] += 1
        entry["correct"] = entry["correct"] or correct

    notes: list[str] = []
    _, problem = store.safely(lambda: store.update("checks", change, _results_shape, notes))
    if problem:
        return f" (Not recorded in your progress: {problem}.)"
    return (" " + " ".join(notes)) if notes else ""


def check(exercise_id: str, answer=...) -> Feedback:
    """Check an answer: correct, or not yet with a hint. ``...`` means not answered yet."""
    info = exercise(exercise_id)
    gone = retired(exercise_id)
    if gone:
        new = ", ".join(gone.get("replaced_by", ())) or "a new exercise"
        return Feedback(exercise_id, "replaced",
                        f"this exercise was replaced by {new} in a newer edition of lesson {info['lesson']} "
                        f"({gone.get('why', 'rewritten')}). Your answer is not checked and does not count. "
                        f"make reset LESSON={info['lesson']} gives you the new lesson; your copy is kept in "
                        "the replaced/ folder.")
    if answer is ...:
        return Feedback(exercise_id, "not answered",
                        "not answered yet. Replace ... with your answer and run the cell again.")
    if answer is None:
        return Feedback(exercise_id, "not yet",
                        "your answer is None, the value Python gives when a function shows or changes "
                        "something instead of returning a result: print(...) returns None, and so do "
                        "pandas calls with inplace=True. Put the value itself after the = sign, "
                        "without print(), and run the cell again.")
    try:
        normalised = normalise(info["kind"], answer, info.get("precision", 0))
    except AnswerError as problem:
        return Feedback(exercise_id, "not yet", f"{problem}")
    key = _keys()[exercise_id]
    hashed = digest(key["salt"], normalised)
    correct = hashed == key["sha256"] or hashed in key.get("accepted", ())
    note = _record(exercise_id, correct)
    if correct:
        return Feedback(exercise_id, "correct", "correct. Well done." + note)
    hint = next((a["hint"] for a in key.get("anticipated", ()) if a.get("sha256") == hashed), info["hint"])
    return Feedback(exercise_id, "not yet", f"not yet. Hint: {hint}" + note)


def results() -> dict:
    """Saved self-check results: {exercise_id: {"correct": bool, "attempts": int}}.

    A damaged results file is set aside and explained (printed), and counts as empty."""
    try:
        return store.read("checks", _results_shape)
    except AnswerError as problem:
        print(problem, file=sys.stderr)
        return {}
