"""Printable documents for the seminar room: the discussion handout and the answer key."""

from __future__ import annotations

import html
from pathlib import Path

import nbformat

from .answers import active_prompts, prompt_heading, self_study
from .checks import active_keys
from .editions import SOLUTION, exercise_of, source_notebooks, tags
from .errors import CourseError
from .lessons import LESSONS

_STYLE = (
    "<style>body{font-family:sans-serif;max-width:48em;margin:2em auto;line-height:1.4}"
    "section{page-break-after:always}pre{background:#f4f4f4;padding:.5em;white-space:pre-wrap}"
    "@media print{section{page-break-after:always}}</style>"
)


def _page(title: str, sections: list[str]) -> str:
    return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{html.escape(title)}'
            f"</title>{_STYLE}</head><body><h1>{html.escape(title)}</h1>{''.join(sections)}</body></html>")


def handout() -> str:
    """Every current discussion prompt by lesson, with essay paragraphs and suggested minutes."""
    sections = []
    for item in LESSONS:
        entries = [(pid, info) for pid, info in active_prompts().items() if info["lesson"] == item.id]
        if not entries:
            continue
        body = "".join(
            f"<h3>{html.escape(prompt_heading(pid))}</h3>"
            f"<p>{html.escape(info['question'])}</p>"
            + (f"<p><em>{html.escape(self_study(pid))}</em></p>" if self_study(pid) else "")
            for pid, info in entries
        )
        sections.append(f"<section><h2>Lesson {item.id}: {html.escape(item.title)}</h2>{body}</section>")
    return _page("Discussion handout: US-Japan Alliance at 50", sections)


def _text_output(cell) -> str:
    parts = []
    for output in cell.get("outputs", []):
        if output.get("output_type") == "stream":
            parts.append(output.get("text", ""))
        elif "data" in output:
            parts.append(output["data"].get("text/plain", ""))
    return "".join(parts).strip()


def answer_key(source: Path | None = None) -> str:
    """One page per lesson: each current exercise's question, the worked solution and its result.

    Solution cells are linked to their exercise by cell metadata (``"exercise": "01.2"``)."""
    from .editions import course_root

    source = Path(source) if source is not None else course_root() / "notebooks"
    by_file = {p.name: p for p in source_notebooks(source)}
    sections = []
    for item in LESSONS:
        exercises = {k: v for k, v in active_keys().items() if k.startswith(item.id + ".")}
        if item.file not in by_file:
            raise CourseError(f"The answer key needs lesson {item.id}'s notebook {source / item.file}, "
                              "which is missing. Restore it (git checkout -- notebooks) and try again.")
        nb = nbformat.read(by_file[item.file], as_version=4)
        solutions: dict[str, list] = {}
        for cell in nb.cells:
            if SOLUTION in tags(cell) and exercise_of(cell):
                solutions.setdefault(exercise_of(cell), []).append(cell)
        body = []
        for ex_id, info in exercises.items():
            cells = solutions.get(ex_id, [])
            code = "\n\n".join(c.source for c in cells) or (
                f"(no solution cell: give one the cell metadata \"exercise\": \"{ex_id}\")")
            result = "\n".join(_text_output(c) for c in cells)
            body.append(
                f"<h3>Exercise {html.escape(ex_id)}</h3><p>{html.escape(info['question'])}</p>"
                f"<pre>{html.escape(code)}</pre><p>Result: <code>{html.escape(result)}</code></p>"
            )
        sections.append(f"<section><h2>Lesson {item.id}: {html.escape(item.title)}</h2>{''.join(body)}</section>")
    return _page("Answer key for instructors: US-Japan Alliance at 50", sections)
