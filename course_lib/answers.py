"""Discussion prompts with autosaved written answers, progress, and export for submission.

A prompt's answer is saved on every change (atomically, see ``store``), reloaded when the cell
runs again or after a kernel restart, and never replaced by an empty text by accident:
clearing an answer is an explicit button, and the cleared text is still kept as ``previous``.
"""

from __future__ import annotations

import html
import json
from functools import lru_cache
from pathlib import Path

import pandas as pd

from . import checks, store
from .errors import AnswerError

PROMPTS_DIR = Path(__file__).with_name("content") / "prompts"


@lru_cache(maxsize=1)
def prompts() -> dict:
    """Every discussion prompt, from one file per lesson (content/prompts/NN.json):
    {id: {lesson, title, question, paragraphs, minutes}}."""
    found = {}
    for path in sorted(PROMPTS_DIR.glob("*.json")):
        found.update(json.loads(path.read_text(encoding="utf-8")))
    return found


def _prompt(prompt_id: str) -> dict:
    if prompt_id not in prompts():
        raise AnswerError(
            f"There is no discussion prompt {prompt_id!r}. Prompt ids look like '01.D1'."
        )
    return prompts()[prompt_id]


def _lesson_file(prompt_id: str) -> str:
    return f"lesson-{_prompt(prompt_id)['lesson']}"


def saved_answer(prompt_id: str) -> str:
    """The answer saved for a prompt ('' if none)."""
    entry = store.read(_lesson_file(prompt_id)).get(prompt_id, {})
    return entry.get("text", "")


def save_answer(prompt_id: str, text: str, *, clear: bool = False) -> str:
    """Save an answer; returns a status line. An empty text only replaces a saved one if clear."""
    if not isinstance(text, str):
        raise AnswerError(f"An answer must be text, not {type(text).__name__}.")
    outcome = {}

    def change(state):
        entry = state.setdefault(prompt_id, {"text": ""})
        old = entry.get("text", "")
        if not text.strip() and old.strip() and not clear:
            outcome["status"] = "kept"
            return
        if clear and old.strip():
            entry["previous"] = old
        entry["text"] = "" if clear else text
        outcome["status"] = "cleared" if clear else "saved"

    store.update(_lesson_file(prompt_id), change)
    return {
        "kept": "Empty text not saved: your saved answer is kept. Use 'Clear answer' to delete it.",
        "cleared": "Answer cleared (the old text is kept as 'previous' in the answers file).",
        "saved": f"Saved ({len(text.split())} words).",
    }[outcome["status"]]


def prompt(prompt_id: str):
    """A discussion prompt as a labelled text area that saves as you type."""
    import ipywidgets as w

    info = _prompt(prompt_id)
    question = w.HTML(
        f"<b>Discussion {html.escape(prompt_id)} ({html.escape(info['paragraphs'])}, about "
        f"{info['minutes']} min): {html.escape(info['title'])}</b><br>{html.escape(info['question'])}"
    )
    status = w.HTML().add_class("course-answer-status")
    try:
        text = saved_answer(prompt_id)
        status.value = "Saved answer loaded." if text else "Not answered yet. Your text saves as you type."
    except AnswerError as problem:
        text, status.value = "", html.escape(str(problem))
    box = w.Textarea(value=text, placeholder="Write your answer here.", rows=6,
                     layout=w.Layout(width="95%"), description=f"Answer {prompt_id}",
                     style={"description_width": "initial"}).add_class("course-answer")
    clear = w.Button(description="Clear answer", tooltip="Delete the saved answer for this prompt",
                     button_style="warning")

    def on_change(change):
        status.value = html.escape(save_answer(prompt_id, change["new"]))

    def on_clear(_button):
        status.value = html.escape(save_answer(prompt_id, "", clear=True))
        box.unobserve(on_change, names="value")
        box.value = ""
        box.observe(on_change, names="value")

    box.observe(on_change, names="value")
    clear.on_click(on_clear)
    return w.VBox([question, box, w.HBox([clear, status])]).add_class("course-prompt")


def progress() -> pd.DataFrame:
    """Per lesson: exercises checked correct and prompts answered, out of how many."""
    from .lessons import LESSONS

    results = checks.results()
    exercise_ids = checks._keys()
    rows = []
    for item in LESSONS:
        ex = [e for e in exercise_ids if e.startswith(item.id + ".")]
        pr = [p for p, info in prompts().items() if info["lesson"] == item.id]
        saved = store.read(f"lesson-{item.id}")
        rows.append({
            "lesson": item.id,
            "title": item.title,
            "exercises_correct": sum(results.get(e, {}).get("correct", False) for e in ex),
            "exercises": len(ex),
            "correct_ids": ", ".join(e for e in ex if results.get(e, {}).get("correct")),
            "prompts_answered": sum(bool(saved.get(p, {}).get("text", "").strip()) for p in pr),
            "prompts": len(pr),
        })
    return pd.DataFrame(rows)


def _collected() -> list[tuple[str, str, list[tuple[str, dict, str]]]]:
    from .lessons import LESSONS

    out = []
    for item in LESSONS:
        saved = store.read(f"lesson-{item.id}")
        entries = [(pid, info, saved.get(pid, {}).get("text", ""))
                   for pid, info in prompts().items() if info["lesson"] == item.id]
        if entries:
            out.append((item.id, item.title, entries))
    return out


def export_answers(folder: str | Path | None = None) -> tuple[Path, Path]:
    """Write every prompt and the student's answers, by lesson, as Markdown and HTML."""
    target = Path(folder) if folder else store.answers_dir()
    target.mkdir(parents=True, exist_ok=True)
    md = ["# My answers: US-Japan Alliance at 50 course", ""]
    body = ["<h1>My answers: US-Japan Alliance at 50 course</h1>"]
    for lesson_id, title, entries in _collected():
        md += [f"## Lesson {lesson_id}: {title}", ""]
        body.append(f"<h2>Lesson {lesson_id}: {html.escape(title)}</h2>")
        for pid, info, text in entries:
            answer = text.strip() or "(not answered)"
            md += [f"### {pid} {info['title']} ({info['paragraphs']})", "", f"*{info['question']}*",
                   "", answer, ""]
            body.append(
                f"<h3>{html.escape(pid)} {html.escape(info['title'])} ({html.escape(info['paragraphs'])})</h3>"
                f"<p><em>{html.escape(info['question'])}</em></p>"
                f"<div style=\"white-space:pre-wrap\">{html.escape(answer)}</div>"
            )
    md_path, html_path = target / "my-answers.md", target / "my-answers.html"
    md_path.write_text("\n".join(md), encoding="utf-8")
    html_path.write_text(
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>My answers</title>"
        "</head><body>" + "".join(body) + "</body></html>", encoding="utf-8")
    return md_path, html_path
