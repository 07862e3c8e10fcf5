"""Collect a class's work: many students' exports or answers folders into pages an instructor reads.

``python -m course_lib collect FOLDER`` (``make collect FROM=FOLDER``) walks FOLDER as a learning
platform's download gives it: one folder per student holding the ``my-answers.json`` that
``make export`` writes, or a whole ``answers/`` folder copied from a hub. It writes one HTML page
per discussion prompt with every student's answer, a progress table per student, and the same as
CSV. Names can be replaced by "Student 1, 2, ..." for anonymous discussion in class.

It only reads the students' files, never changes them, and a file it cannot use (damaged, from
another program, another course) is reported in one line and skipped: the run never stops on it.
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from .answers import EXPORT_FORMAT, prompt_heading, prompts
from .checks import _keys
from .errors import CourseError

EXPORT_FILE = "my-answers.json"
_LESSON_FILE = re.compile(r"^lesson-(\d\d)\.json$")


@dataclass
class Submission:
    """One student's work, from an export or an answers folder."""

    student: str
    source: Path
    answers: dict[str, str] = field(default_factory=dict)
    checks: dict[str, dict] = field(default_factory=dict)
    records: dict[str, dict] = field(default_factory=dict)

    @property
    def answered(self) -> int:
        return sum(bool(text.strip()) for pid, text in self.answers.items() if pid in prompts())

    @property
    def correct(self) -> int:
        return sum(bool(r.get("correct")) for e, r in self.checks.items() if e in _keys())


class Unusable(Exception):
    """A file or folder that holds no usable student work (its message says why)."""


def _json(path: Path) -> dict:
    try:
        value = json.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        raise Unusable(f"{path}: not a text file in UTF-8 (skipped)") from None
    except ValueError:
        raise Unusable(f"{path}: not valid JSON, perhaps damaged (skipped)") from None
    except OSError as problem:
        raise Unusable(f"{path}: cannot be read ({problem.strerror}) (skipped)") from None
    if not isinstance(value, dict):
        raise Unusable(f"{path}: not the shape the course writes (skipped)")
    return value


def _texts(value, path: Path) -> dict[str, str]:
    if not isinstance(value, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in value.items()):
        raise Unusable(f"{path}: its answers are not text (skipped)")
    return value


def read_export(path: Path) -> Submission:
    """A student's ``my-answers.json`` (written by make export / cl.export_answers)."""
    data = _json(path)
    if data.get("format") != EXPORT_FORMAT:
        raise Unusable(f"{path}: not an export of this course (skipped)")
    checks = data.get("checks", {})
    records = data.get("records", {})
    if not isinstance(checks, dict) or not isinstance(records, dict):
        raise Unusable(f"{path}: not the shape the course writes (skipped)")
    name = data.get("name") if isinstance(data.get("name"), str) else ""
    return Submission(name.strip() or path.parent.name, path, _texts(data.get("answers", {}), path),
                      {k: v for k, v in checks.items() if isinstance(v, dict)}, records)


def _value(entry):
    """A stored record's value: the current format {"value": ...} or an older {"text": ...}."""
    if isinstance(entry, dict):
        return entry.get("value", entry.get("text"))
    return None


def read_answers_folder(folder: Path) -> tuple[Submission, list[str]]:
    """A student's whole answers folder (lesson-NN.json, checks.json, student.json, ...), and one
    line for each of its files that could not be used."""
    answers: dict[str, str] = {}
    lesson_files = [p for p in sorted(folder.iterdir()) if _LESSON_FILE.match(p.name)]
    if not lesson_files and not (folder / "checks.json").is_file():
        raise Unusable(f"{folder}: no course answers in it (skipped)")
    problems = []
    for path in lesson_files:
        try:
            state = _json(path)
        except Unusable as problem:
            problems.append(str(problem))
            continue
        answers.update({pid: text for pid, entry in state.items()
                        if isinstance(text := _value(entry), str)})
    checks = {}
    if (folder / "checks.json").is_file():
        try:
            checks = {k: v for k, v in _json(folder / "checks.json").items() if isinstance(v, dict)}
        except Unusable as problem:
            problems.append(str(problem))
    name = ""
    if (folder / "student.json").is_file():
        try:
            found = _json(folder / "student.json").get("name", "")
            name = found if isinstance(found, str) else ""
        except Unusable as problem:
            problems.append(str(problem))
    if not answers and not checks:
        raise Unusable("; ".join(problems) or f"{folder}: no course answers in it (skipped)")
    student = name.strip() or (folder.parent.name if folder.name == "answers" else folder.name)
    return Submission(student, folder, answers, checks), problems


def find_submissions(folder: Path) -> tuple[list[Submission], list[str]]:
    """Every student's work under ``folder``, and one line for each thing skipped.

    A student folder with an export is read from the export (what the student chose to submit);
    an answers folder without one is read as it is."""
    folder = Path(folder)
    if not folder.is_dir():
        raise CourseError(f"{folder} is not a folder. Give the folder that holds the students' work.")
    found, skipped, used = [], [], set()
    for path in sorted(folder.rglob(EXPORT_FILE)):
        try:
            found.append(read_export(path))
            used.add(path.parent)
        except Unusable as problem:
            skipped.append(str(problem))
    candidates = {p.parent for p in folder.rglob("*.json")
                  if _LESSON_FILE.match(p.name) or p.name == "checks.json"}
    for path in sorted(candidates):
        if path in used or path.parent in used:
            continue
        try:
            submission, problems = read_answers_folder(path)
        except Unusable as problem:
            skipped.append(str(problem))
            continue
        skipped += problems
        found.append(submission)
    for path in sorted(folder.rglob("*")):
        if path.is_file() and path.suffix not in (".json", ".md", ".html", ".lock") \
                and not path.name.startswith("."):
            skipped.append(f"{path}: not a course file (skipped)")
    return found, skipped


def _labels(submissions: list[Submission], anonymous: bool) -> list[str]:
    if not anonymous:
        return [s.student for s in submissions]
    return [f"Student {i}" for i in range(1, len(submissions) + 1)]


def _page(title: str, body: str) -> str:
    return ("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            f"<title>{html.escape(title)}</title><style>body{{font-family:sans-serif;max-width:50em;"
            "margin:2em auto;padding:0 1em;line-height:1.45}table{border-collapse:collapse}"
            "td,th{border:1px solid #999;padding:2px 8px;text-align:left}"
            ".answer{white-space:pre-wrap;border-left:4px solid #0072B2;padding-left:.6em}</style>"
            f"</head><body><h1>{html.escape(title)}</h1>{body}</body></html>")


def _csv(header: list[str], rows: list[list]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


@dataclass
class Collected:
    """What collect() wrote; shows as a sentence."""

    dest: Path
    students: int
    prompts: int
    skipped: list[str]

    def __str__(self) -> str:
        text = (f"Collected the work of {self.students} students into {self.dest} "
                f"(index.html, one page per prompt, progress.csv and answers.csv).")
        if self.skipped:
            text += f" Skipped {len(self.skipped)} file(s):\n" + "\n".join(f"  - {s}" for s in self.skipped)
        return text

    __repr__ = __str__


def collect(folder: Path, dest: Path, *, anonymous: bool = False) -> Collected:
    """Read every student's work under ``folder`` and write the class's pages into ``dest``."""
    submissions, skipped = find_submissions(folder)
    if not submissions:
        raise CourseError(f"No student work found under {folder}: it holds no {EXPORT_FILE} and no "
                          "answers folder." + (f" Skipped: {'; '.join(skipped[:5])}" if skipped else ""))
    submissions.sort(key=lambda s: s.student.casefold())
    labels = _labels(submissions, anonymous)
    dest = Path(dest)
    dest.mkdir(parents=True, exist_ok=True)
    by_lesson: dict[str, list[str]] = {}
    for pid, info in prompts().items():
        by_lesson.setdefault(info["lesson"], []).append(pid)
    links, answer_rows = [], []
    for pid, info in prompts().items():
        blocks = []
        for label, sub in zip(labels, submissions):
            text = sub.answers.get(pid, "").strip()
            answer_rows.append([label, pid, text])
            blocks.append(f"<h2>{html.escape(label)}</h2>" + (
                f'<div class="answer">{html.escape(text)}</div>' if text else "<p><em>(not answered)</em></p>"))
        page = f"prompt-{pid}.html"
        answered = sum(bool(s.answers.get(pid, "").strip()) for s in submissions)
        (dest / page).write_text(_page(prompt_heading(pid), f"<p>{html.escape(info['question'])}</p>"
                                       + "".join(blocks)), encoding="utf-8")
        links.append(f'<li><a href="{page}">{html.escape(prompt_heading(pid))}</a> '
                     f"({answered} of {len(submissions)} answered)</li>")
    header = ["student", "prompts answered", "of prompts", "exercises correct", "of exercises"]
    progress = [[label, s.answered, len(prompts()), s.correct, len(_keys())]
                for label, s in zip(labels, submissions)]
    table = "<table><tr>" + "".join(f"<th>{html.escape(h)}</th>" for h in header) + "</tr>" + "".join(
        "<tr>" + "".join(f"<td>{html.escape(str(c))}</td>" for c in row) + "</tr>" for row in progress) + "</table>"
    notes = ("<h2>Skipped</h2><ul>" + "".join(f"<li>{html.escape(s)}</li>" for s in skipped) + "</ul>"
             if skipped else "")
    (dest / "index.html").write_text(_page("The class's work", f"<h2>Progress</h2>{table}<h2>Prompts</h2>"
                                           f"<ul>{''.join(links)}</ul>{notes}"), encoding="utf-8")
    (dest / "progress.csv").write_text(_csv(header, progress), encoding="utf-8")
    (dest / "answers.csv").write_text(_csv(["student", "prompt", "answer"], answer_rows), encoding="utf-8")
    return Collected(dest, len(submissions), len(prompts()), skipped)
