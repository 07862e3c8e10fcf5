"""Student and instructor editions built from the one source in ``notebooks/`` (nbformat).

Cell tags (documented in README, "For contributors"):
- ``solution``: a worked answer; instructor edition only.
- ``instructor``: notes and timings for the person leading the class; instructor edition only.
- ``published``: content meant for students that the leak scan must not flag.
The student edition also loses every output, execution count and saved widget state, so each
exercise says "not answered yet" until the student runs it. The course website starts from
``public_notebook`` (the same cells, outputs kept), and ``leaks`` is the one scan that checks any
student-facing text (an edition, a web page) for solution and instructor text.
"""

from __future__ import annotations

import ast
import html
import re
import shutil
from pathlib import Path

import nbformat

SOLUTION, INSTRUCTOR, PUBLISHED = "solution", "instructor", "published"
HIDDEN_FROM_STUDENTS = {SOLUTION, INSTRUCTOR}
EDITIONS = ("student", "instructor")


def tags(cell) -> set[str]:
    return set(cell.get("metadata", {}).get("tags", []))


def public_notebook(nb):
    """A copy of a source notebook without its solution and instructor cells; outputs are kept."""
    out = nbformat.from_dict(nb)
    out.cells = [cell for cell in out.cells if not tags(cell) & HIDDEN_FROM_STUDENTS]
    return out


def student_notebook(nb):
    """A copy of a source notebook with solutions, instructor notes and all outputs removed."""
    out = public_notebook(nb)
    for cell in out.cells:
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
        cell.metadata.pop("execution", None)
    out.metadata.pop("widgets", None)
    return out


def instructor_notebook(nb):
    """The instructor edition is the source itself, with its stored outputs."""
    return nbformat.from_dict(nb)


# The leak scan. A hidden cell leaks when a run of LEAK_WORDS of its words (or all of them, if it
# has fewer) appears in the student-facing text: words, not characters, so that it finds a note
# rendered as HTML as surely as one copied into a notebook. Text that students are meant to see
# (``published`` cells; on the website, the stored outputs of the cells they get) is no leak.
LEAK_WORDS = 12


def _plain(text: str) -> str:
    """Text without HTML tags and entities, its white space collapsed."""
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", text)))


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", _plain(text).casefold())


def _runs(words: list[str], size: int) -> set[tuple[str, ...]]:
    return {tuple(words[i:i + size]) for i in range(len(words) - size + 1)}


def _output_text(cell) -> str:
    parts = []
    for output in cell.get("outputs", []):
        parts.append(output.get("text", ""))
        parts += [value for mime, value in output.get("data", {}).items()
                  if mime.startswith("text/") and isinstance(value, str)]
    return "\n".join(parts)


def _printed_answers(cell) -> list[str]:
    return [line[len("Answer: "):] for line in _output_text(cell).splitlines()
            if line.startswith("Answer: ")]


def leaks(text: str, source_nb, outputs_shown: bool = False) -> list[str]:
    """What of a source notebook's solution and instructor cells shows in ``text``: a student
    edition's cell sources, or a web page (HTML); [] when nothing does.

    Flags a hidden cell whose words show (see LEAK_WORDS), and the printed answer ("Answer: ...")
    of a solution to a text or set exercise (a number or a date is no secret on a page full of
    them). With ``outputs_shown`` (the website) the stored outputs of the cells students get are
    meant to be seen, like ``published`` cells.
    """
    from .checks import _keys

    plain, words = _plain(text), _words(text)
    meant = [cell.source for cell in source_nb.cells if PUBLISHED in tags(cell)]
    if outputs_shown:
        meant += [_output_text(cell) for cell in source_nb.cells if not tags(cell) & HIDDEN_FROM_STUDENTS]
    meant_plain = "\n".join(_plain(m) for m in meant)
    meant_words = [w for m in meant for w in _words(m) + ["\x00"]]
    found = []
    for cell in source_nb.cells:
        hidden = tags(cell) & HIDDEN_FROM_STUDENTS
        mine = _words(cell.source)
        size = min(LEAK_WORDS, len(mine))
        if not hidden or size < 3:
            continue
        if (_runs(mine, size) & _runs(words, size)) - _runs(meant_words, size):
            found.append(f"{'/'.join(sorted(hidden))} cell {cell.get('id', '?')}: {cell.source[:60]!r}")
        kind = next((key["kind"] for e, key in _keys().items() if f'"{e}"' in cell.source), None)
        if SOLUTION not in hidden or kind not in ("string", "set"):
            continue
        for answer in _printed_answers(cell):
            forms = {answer} | ({repr(ast.literal_eval(answer))} if kind == "set" else set())
            if any(f in plain and f not in meant_plain for f in forms):
                found.append(f"the answer {answer!r} of solution cell {cell.get('id', '?')}")
    return found


def source_notebooks(source: Path) -> list[Path]:
    return sorted(p for p in Path(source).glob("*.ipynb") if not p.name.startswith("."))


def build(source: Path = Path("notebooks"), dest: Path = Path("dist")) -> dict[str, list[Path]]:
    """Write dist/student/ and dist/instructor/ afresh from the source notebooks."""
    made: dict[str, list[Path]] = {}
    for edition, transform in (("student", student_notebook), ("instructor", instructor_notebook)):
        folder = Path(dest) / edition
        if folder.exists():
            shutil.rmtree(folder)
        folder.mkdir(parents=True)
        made[edition] = []
        for path in source_notebooks(source):
            nb = transform(nbformat.read(path, as_version=4))
            target = folder / path.name
            nbformat.write(nb, target)
            made[edition].append(target)
    return made


def sync_workcopy(edition: str, dist: Path = Path("dist"), work: Path = Path("work")) -> list[Path]:
    """Copy into work/<edition>/ each notebook that is not there yet; never overwrite one."""
    if edition not in EDITIONS:
        raise ValueError(f"EDITION must be one of {EDITIONS}, not {edition!r}.")
    folder = Path(work) / edition
    folder.mkdir(parents=True, exist_ok=True)
    added = []
    for path in sorted((Path(dist) / edition).glob("*.ipynb")):
        target = folder / path.name
        if not target.exists():
            shutil.copy2(path, target)
            added.append(target)
    return added


def reset_lesson(lesson_id: str, edition: str, dist: Path = Path("dist"),
                 work: Path = Path("work")) -> tuple[Path, Path | None]:
    """A fresh copy of one lesson; the old copy is moved to work/<edition>/replaced/."""
    if not lesson_id:
        raise ValueError("Say which lesson to reset, e.g. make reset LESSON=01")
    prefix = str(lesson_id).zfill(2) + "_"
    fresh = sorted((Path(dist) / edition).glob(prefix + "*.ipynb"))
    if not fresh:
        raise ValueError(f"There is no lesson {lesson_id!r} in the {edition} edition.")
    target = Path(work) / edition / fresh[0].name
    kept = None
    if target.exists():
        aside = target.parent / "replaced"
        aside.mkdir(parents=True, exist_ok=True)
        n = 1
        while (aside / f"{target.stem}.{n}.ipynb").exists():
            n += 1
        kept = aside / f"{target.stem}.{n}.ipynb"
        target.rename(kept)
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(fresh[0], target)
    return target, kept
