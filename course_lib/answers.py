"""Discussion prompts with autosaved written answers, their history, progress, and the export.

An answer is saved on every change (atomically, see ``store``), reloaded when the cell runs again
or after a kernel restart, and never lost:

- an empty text never replaces a saved answer by accident; clearing is a confirmed button;
- a box that is older than what is on disk (another open copy saved since) never writes over it:
  both texts are kept;
- earlier versions are kept, the last 20 distinct ones with their times, whenever a large part
  of the text is removed at once, the text is cleared, or every five minutes of writing:
  ``cl.history("01.D1")`` lists them and ``cl.restore("01.D1", 1)`` brings one back.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import html
import json
import sys
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pandas as pd

from . import checks, store
from .errors import AnswerError

PROMPTS_DIR = Path(__file__).with_name("content") / "prompts"
CHECKPOINT_S = 300        # keep a version at least every five minutes of writing
BIG_CUT_CHARS = 20        # ... and whenever this many characters (or a quarter) go at once


@lru_cache(maxsize=1)
def prompts() -> dict:
    """Every discussion prompt, from one file per lesson (content/prompts/NN.json):
    {id: {lesson, title, question, paragraphs, claims, minutes, self_study}}, retired ones included.

    A prompt whose question was rewritten keeps its id with ``"retired": {"replaced_by": [...],
    "why": ...}`` and the new question gets a new id: ids are never reused, so a saved answer always
    belongs to the question it answered."""
    found = {}
    for path in sorted(PROMPTS_DIR.glob("*.json")):
        found.update(json.loads(path.read_text(encoding="utf-8")))
    return found


def active_prompts() -> dict:
    """The prompts of the current lessons (not retired): what progress, the handout and the export count."""
    return {pid: info for pid, info in prompts().items() if not info.get("retired")}


def replaced_note(prompt_id: str) -> str:
    """For a retired prompt, one sentence on what replaced it; '' for a current one."""
    gone = _prompt(prompt_id).get("retired")
    if not gone:
        return ""
    lesson = _prompt(prompt_id)["lesson"]
    return (f"This prompt was replaced by {', '.join(gone.get('replaced_by', ())) or 'a new prompt'} in a newer "
            f"edition of lesson {lesson} ({gone.get('why', 'rewritten')}). Your answer here is kept and "
            f"exported, but not counted in progress(); make reset LESSON={lesson} gives you the new lesson.")


def prompt_heading(prompt_id: str) -> str:
    """The line that introduces a prompt everywhere (notebook, handout, export, website):
    id, essay paragraphs, the claims it asks about, minutes in class, title."""
    info = _prompt(prompt_id)
    claims = f"; claims {', '.join(info['claims'])}" if info.get("claims") else ""
    return (f"Discussion {prompt_id} (essay {info['paragraphs']}{claims}; about {info['minutes']} min "
            f"in class): {info['title']}")


def self_study(prompt_id: str) -> str:
    """What a student working alone should write for a prompt ('' if the prompt does not say)."""
    text = _prompt(prompt_id).get("self_study", "")
    return f"On your own: {text}" if text else ""


def _prompt(prompt_id: str) -> dict:
    if not isinstance(prompt_id, str) or prompt_id not in prompts():
        raise AnswerError(
            f"There is no discussion prompt {prompt_id!r}. Prompt ids look like '01.D1'."
        )
    return prompts()[prompt_id]


def _check_text(value) -> None:
    if not isinstance(value, str):
        raise AnswerError(f"An answer must be text, not {type(value).__name__}.")


def _removed(old: str, new: str) -> int:
    """How many characters of ``old`` are gone in ``new`` (outside a common start and end)."""
    start = 0
    while start < min(len(old), len(new)) and old[start] == new[start]:
        start += 1
    end = 0
    while end < min(len(old), len(new)) - start and old[-1 - end] == new[-1 - end]:
        end += 1
    return len(old) - start - end


def _seconds_since(stamp: str) -> float:
    try:
        then = dt.datetime.fromisoformat(stamp)
        return (dt.datetime.fromisoformat(store.now()) - then).total_seconds()
    except (TypeError, ValueError):
        return float("inf")


def _text_keep_old(old: str, new: str, entry: dict) -> str | None:
    """When the saved text goes to the history before ``new`` replaces it: a large cut at once,
    a text shortened a lot step by step (its longest form is kept), or a five-minute checkpoint."""
    if not (old or "").strip():
        entry["peak"] = new
        return None
    cut = _removed(old, new)
    if cut >= BIG_CUT_CHARS or cut * 4 >= len(old):
        entry["peak"] = new
        return "replaced (a large part was removed at once)"
    peak = entry.get("peak") or old
    if len(peak) < len(old):
        peak = old
    if len(peak) - len(new) >= BIG_CUT_CHARS:
        ANSWERS._remember(entry, peak, "its longest form, before it was shortened")
        peak = new
    entry["peak"] = new if len(new) >= len(peak) else peak
    if _seconds_since(entry.get("since", "")) >= CHECKPOINT_S:
        entry["peak"] = new
        return "checkpoint (kept every five minutes while you write)"
    return None


def _lesson_file(prompt_id: str) -> str:
    return f"lesson-{_prompt(prompt_id)['lesson']}"


ANSWERS = store.register(store.RecordKind(
    "answer", file_for=_lesson_file, check=_check_text,
    is_empty=lambda value: not (value or "").strip(), keep_old=_text_keep_old, legacy_key="text",
    title="Written answers",
))

# Messages for the status line under a box and for save_answer(); {n} is the word count.
STATUS = {
    "saved": "Saved ({n} words).",
    "unchanged": "Saved ({n} words).",
    "kept": "Empty text not saved: your saved answer is kept. Use 'Clear answer' to delete it.",
    "cleared": "Answer cleared. The old text is kept: cl.history('{pid}') lists it and "
               "cl.restore('{pid}', 1) brings it back.",
    "conflict": "Not saved over a newer answer: this answer was changed in another open copy "
                "since this box loaded. Both texts are kept (cl.history('{pid}') lists yours). "
                "Run this cell again to continue with the newer text.",
    "restored": "Earlier version restored ({n} words); the text it replaced is in the history.",
}


def status_line(saved: store.Saved, prompt_id: str) -> str:
    text = saved.value if isinstance(saved.value, str) else ""
    line = STATUS[saved.status].format(n=len(text.split()), pid=prompt_id)
    return " ".join([*saved.notes, line])


def saved_answer(prompt_id: str) -> str:
    """The answer saved for a prompt ('' if none)."""
    _prompt(prompt_id)
    return ANSWERS.value(prompt_id) or ""


def save_answer(prompt_id: str, text: str, *, clear: bool = False, seen_rev: int | None = None,
                writer: str | None = None) -> str:
    """Save an answer; returns a status line. An empty text only replaces a saved one if clear."""
    _prompt(prompt_id)
    return status_line(ANSWERS.save(prompt_id, text, clear=clear, seen_rev=seen_rev, writer=writer),
                       prompt_id)


def history(prompt_id: str) -> list[store.Version]:
    """Earlier versions of an answer, most recent first: [1] time (why): 'text...'.

    Bring one back with ``cl.restore(prompt_id, number)``."""
    _prompt(prompt_id)
    return ANSWERS.history(prompt_id)


def restore(prompt_id: str, number: int = 1) -> str:
    """Make version ``number`` of ``history(prompt_id)`` the answer again (nothing is lost:
    the current text goes to the history). Run the prompt's cell again to see it in the box."""
    _prompt(prompt_id)
    saved = ANSWERS.restore(prompt_id, number)
    return status_line(saved, prompt_id) + " Run the prompt's cell again to see it in the box."


def prompt(prompt_id: str):
    """A discussion prompt as a labelled text box that saves as you type."""
    from .widgets.answer import answer_widget

    return answer_widget(prompt_id, _prompt(prompt_id))


# --------------------------------------------------------------------------- progress and export

def _other_records() -> list[tuple[store.RecordKind, dict[str, dict[str, object]]]]:
    """Every other registered kind of record (claim verdicts, ratings, ...), by lesson."""
    from . import verdicts  # noqa: F401  (registers its kind: `make export` in a terminal lists verdicts too)

    out = []
    for kind in store.registered():
        if kind is ANSWERS:
            continue
        try:
            out.append((kind, store.saved_by_lesson(kind)))
        except AnswerError as problem:
            print(problem, file=sys.stderr)
            out.append((kind, {}))
    return out


def _lesson_answers(lesson_id: str) -> dict[str, str]:
    try:
        return {k: v or "" for k, v in ANSWERS.items(f"lesson-{lesson_id}").items()}
    except AnswerError as problem:
        print(problem, file=sys.stderr)
        return {}


def progress() -> pd.DataFrame:
    """Per lesson: exercises checked correct and prompts answered, out of how many."""
    from .lessons import LESSONS

    results = checks.results()
    exercise_ids = checks.active_keys()
    others = _other_records()
    rows = []
    for item in LESSONS:
        ex = [e for e in exercise_ids if e.startswith(item.id + ".")]
        pr = [p for p, info in active_prompts().items() if info["lesson"] == item.id]
        saved = _lesson_answers(item.id)
        rows.append({
            "lesson": item.id,
            "title": item.title,
            "exercises_correct": sum(results.get(e, {}).get("correct", False) for e in ex),
            "exercises": len(ex),
            "correct_ids": ", ".join(e for e in ex if results.get(e, {}).get("correct")),
            "prompts_answered": sum(bool(saved.get(p, "").strip()) for p in pr),
            "prompts": len(pr),
            **{kind.title or kind.name: len(values.get(item.id, {})) for kind, values in others},
        })
    return pd.DataFrame(rows)


def set_name(name: str) -> str:
    """Store the name the export puts on your answers (asked once; change it with this call)."""
    if not isinstance(name, str) or not name.strip():
        raise AnswerError("Give your name as text, e.g. cl.set_name('Hanako Yamada').")
    clean = " ".join(name.split())
    store.update("student", lambda state: state.__setitem__("name", clean))
    return f"Your exports will carry the name {clean}."


def student_name() -> str:
    try:
        value = store.read("student").get("name", "")
    except AnswerError:
        return ""
    return value if isinstance(value, str) else ""


def _ask_name() -> str:
    """Ask once, where someone can answer: a notebook (JupyterLab's input box) or a terminal."""
    if "ipykernel" not in sys.modules and not (sys.stdin and sys.stdin.isatty()):
        return ""
    try:
        name = input("Your name for the export (asked once; change it later with cl.set_name): ")
    except Exception:  # noqa: BLE001 - no way to ask here (nbclient, a pipe): export without it
        return ""
    if name.strip():
        set_name(name)
    return " ".join(name.split())


@dataclass
class Exported:
    """What export_answers() did; shows as one sentence."""

    folder: Path
    files: list[Path]
    answered: int
    prompts: int
    correct: int
    exercises: int
    name: str
    where: str
    kept: list[Path] = field(default_factory=list)

    def __str__(self) -> str:
        counts = (f"{self.answered} of {self.prompts} prompts answered, "
                  f"{self.correct} of {self.exercises} exercises checked correct")
        if not self.files:
            return (f"Nothing exported: {counts}, nothing else saved. Answers are read from "
                    f"{self.folder} ({self.where}). Write an answer in a prompt's box first.")
        names = ", ".join(p.name for p in self.files[:-1]) + " and " + self.files[-1].name
        sentence = (f"Wrote {names} to {self.files[0].parent} ({counts}; answers read from "
                    f"{self.folder}, {self.where}).")
        sentence += (f" Name on the export: {self.name}." if self.name else
                     " No name on the export: run cl.set_name('Your Name') and export again.")
        for path in self.kept:
            sentence += f" Your edited earlier export was kept as {path.name}."
        return sentence

    __repr__ = __str__


def _digest(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except FileNotFoundError:
        return None


EXPORT_FORMAT = "us-japan-alliance-course/answers-export/1"


def _machine_readable(name: str, answers: dict, results: dict) -> str:
    """The export as JSON, for an instructor's ``collect`` (the Markdown and HTML are for people)."""
    records = {kind.title or kind.name: {item: value for values in by_lesson.values()
                                         for item, value in values.items()}
               for kind, by_lesson in _other_records()}
    return json.dumps({"format": EXPORT_FORMAT, "name": name, "date": dt.date.today().isoformat(),
                       "answers": {pid: text for pid, text in answers.items() if pid in prompts() and text.strip()},
                       "checks": {e: r for e, r in results.items() if e in checks._keys()},
                       "records": records}, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def _document(name: str, answers: dict, results: dict) -> tuple[str, str]:
    from .lessons import LESSONS

    today = dt.date.today().isoformat()
    who = name or "(name not given)"
    md = ["# My answers: US-Japan Alliance at 50 course", "", f"**Name:** {who}  ", f"**Date:** {today}", ""]
    body = ["<h1>My answers: US-Japan Alliance at 50 course</h1>",
            f"<p><b>Name:</b> {html.escape(who)}<br><b>Date:</b> {today}</p>"]
    others = _other_records()
    for item in LESSONS:
        # current prompts, and a retired one only if it holds an answer (nothing written is dropped)
        entries = [(pid, info) for pid, info in prompts().items() if info["lesson"] == item.id
                   and (not info.get("retired") or answers.get(pid, "").strip())]
        exercises = [(e, k) for e, k in checks.active_keys().items() if e.startswith(item.id + ".")]
        records = [(kind, values[item.id]) for kind, values in others if values.get(item.id)]
        if not entries and not exercises and not records:
            continue
        md += [f"## Lesson {item.id}: {item.title}", ""]
        body.append(f"<h2>Lesson {item.id}: {html.escape(item.title)}</h2>")
        for pid, info in entries:
            answer = answers.get(pid, "").strip() or "(not answered)"
            gone = info.get("retired")
            title = info["title"] + (f" (earlier version, replaced by {', '.join(gone.get('replaced_by', ()))})"
                                     if gone else "")
            md += [f"### {pid} {title} ({info['paragraphs']})", "", f"*{info['question']}*",
                   "", answer, ""]
            body.append(
                f"<h3>{html.escape(pid)} {html.escape(title)} ({html.escape(info['paragraphs'])})</h3>"
                f"<p><em>{html.escape(info['question'])}</em></p>"
                f"<div style=\"white-space:pre-wrap\">{html.escape(answer)}</div>"
            )
        if exercises:
            md += ["**Self-checks**", "", "| exercise | result | attempts |", "|---|---|---|"]
            rows = []
            for ex_id, _key in exercises:
                got = results.get(ex_id, {})
                verdict = ("correct" if got.get("correct") else "not yet") if got else "not tried"
                md.append(f"| {ex_id} | {verdict} | {got.get('attempts', 0)} |")
                rows.append(f"<tr><td>{ex_id}</td><td>{verdict}</td><td>{got.get('attempts', 0)}</td></tr>")
            md.append("")
            body.append("<h3>Self-checks</h3><table><tr><th>exercise</th><th>result</th><th>attempts</th>"
                        "</tr>" + "".join(rows) + "</table>")
        for kind, values in records:
            heading = kind.title or kind.name
            md += [f"**{heading}**", ""] + [f"- {k}: {v}" for k, v in values.items()] + [""]
            body.append(f"<h3>{html.escape(heading)}</h3><ul>" + "".join(
                f"<li>{html.escape(str(k))}: {html.escape(str(v))}</li>" for k, v in values.items()) + "</ul>")
    page = ("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>My answers</title>"
            "</head><body>" + "".join(body) + "</body></html>")
    return "\n".join(md), page


def export_answers(folder: str | Path | None = None, *, name: str | None = None) -> Exported:
    """Write every prompt with your answers and your self-check results, by lesson, as Markdown
    and HTML (atomically), and say in a sentence what was written where.

    The export carries your name (asked once, or ``cl.set_name``) and the date. An export you
    edited by hand is never overwritten: it is kept beside the new one."""
    source, where = store.answers_location()
    from .lessons import LESSONS

    answers: dict[str, str] = {}
    for item in LESSONS:
        answers.update(_lesson_answers(item.id))
    answered = sum(bool(answers.get(pid, "").strip()) for pid in active_prompts())
    results = checks.results()
    correct = sum(bool(results.get(e, {}).get("correct")) for e in checks.active_keys())
    if name:
        set_name(name)
    who = " ".join(name.split()) if name else student_name()
    report = Exported(source, [], answered, len(active_prompts()), correct, len(checks.active_keys()), who, where)
    others = sum(len(values) for _, by_lesson in _other_records() for values in by_lesson.values())
    written_any = answered or any(v.strip() for v in answers.values())
    if not (written_any or results or others):  # nothing of the student's yet: write no empty file
        return report
    if not who:
        report.name = who = _ask_name()
    target = Path(folder).expanduser().resolve() if folder else source
    md, page = _document(who, answers, results)
    data = _machine_readable(who, answers, results)
    written = store.read("exports").get("sha256", {}) if (source / "exports.json").exists() else {}
    for filename, text in (("my-answers.md", md), ("my-answers.html", page), ("my-answers.json", data)):
        path = target / filename
        found = _digest(path)
        if found is not None and found != written.get(str(path)):
            report.kept.append(store.set_aside(path, "edited"))
        store.write_text_atomic(path, text)
        written[str(path)] = hashlib.sha256(text.encode("utf-8")).hexdigest()
        report.files.append(path)
    store.update("exports", lambda state: state.__setitem__("sha256", written))
    return report
