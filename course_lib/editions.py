"""Student and instructor editions built from the one source in ``notebooks/`` (nbformat).

Cell tags (documented in README, "For contributors"):
- ``solution``: a worked answer; instructor edition only. Its cell metadata names the exercise it
  solves (``"exercise": "01.2"``); the answer key links exercises to solutions by it.
- ``instructor``: notes and timings for the person leading the class; instructor edition only.
- ``published``: content meant for students that the leak scan must not flag.
The student edition also loses every output, execution count and saved widget state, so each
exercise says "not answered yet" until the student runs it. The course website starts from
``public_notebook`` (the same cells, outputs kept), and ``leaks`` is the one scan that checks any
student-facing text (an edition, a web page) for solution and instructor text.

Each built notebook carries a stamp of its cells (notebook metadata ``course_edition``), so that
``make lab`` can name the lessons whose edition is newer than a student's copy, which it never
overwrites, and the ``make reset LESSON=..`` that brings each one in.

Every command works on the course's own folder, found from the package (or ``$COURSE_ROOT``),
never on the folder it is run from, and deletes only files the course wrote itself (listed in
the ``.course-built`` manifest of each built folder).
"""

from __future__ import annotations

import ast
import html
import json
import os
import re
import shutil
import sys
from pathlib import Path

import nbformat

from .errors import CourseError
from .store import MARKER

SOLUTION, INSTRUCTOR, PUBLISHED = "solution", "instructor", "published"
HIDDEN_FROM_STUDENTS = {SOLUTION, INSTRUCTOR}
EDITIONS = ("student", "instructor")
ROOT_ENV = "COURSE_ROOT"
MANIFEST = ".course-built"
GUIDE_IDS = ("data_guide", "guide")
STAMP_KEY = "course_edition"
_CALLS = re.compile(r"""cl\.(?:check|prompt)\(\s*["'](\d\d\.D?\d+)["']""")


def tags(cell) -> set[str]:
    return set(cell.get("metadata", {}).get("tags", []))


def exercise_of(cell) -> str | None:
    """The exercise a solution cell solves, from its metadata (None if it names none)."""
    value = cell.get("metadata", {}).get("exercise")
    return value if isinstance(value, str) else None


def course_root() -> Path:
    """The course's folder: ``$COURSE_ROOT``, else the clone this package lives in; or refuse."""
    override = os.environ.get(ROOT_ENV)
    root = Path(override).expanduser().resolve() if override else Path(__file__).resolve().parents[1]
    if not (root / "notebooks").is_dir():
        where = f"${ROOT_ENV} points to {root}" if override else f"course_lib is installed in {root}"
        raise CourseError(
            f"Cannot find the course's lesson sources: {where}, which has no notebooks/ folder. "
            f"Run this command from a clone of the course (make lab does), or set {ROOT_ENV} to it. "
            "Nothing was changed."
        )
    return root


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
        kind = _keys().get(exercise_of(cell) or "", {}).get("kind")
        if SOLUTION not in hidden or kind not in ("string", "set"):
            continue
        for answer in _printed_answers(cell):
            forms = {answer} | ({repr(ast.literal_eval(answer))} if kind == "set" else set())
            if any(f in plain and f not in meant_plain for f in forms):
                found.append(f"the answer {answer!r} of solution cell {cell.get('id', '?')}")
    return found


def source_notebooks(source: Path) -> list[Path]:
    return sorted(p for p in Path(source).glob("*.ipynb") if not p.name.startswith("."))


def _owned(folder: Path) -> list[str]:
    try:
        names = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))["files"]
    except (OSError, ValueError, KeyError, TypeError):
        return []
    return [n for n in names if isinstance(n, str) and "/" not in n and "\\" not in n and n not in ("", ".", "..")]


def _clear_built(folder: Path) -> None:
    """Remove what the course built here before; refuse a folder it did not make."""
    if not folder.exists():
        return
    if not folder.is_dir():
        raise CourseError(f"{folder} is a file, not a folder the course made. Move it away; nothing was changed.")
    if not (folder / MANIFEST).is_file():
        if any(folder.iterdir()):
            raise CourseError(
                f"{folder} already exists and was not made by the course (it has no {MANIFEST} "
                "list). Move it away and run the command again; nothing was deleted."
            )
        return
    for name in _owned(folder):
        (folder / name).unlink(missing_ok=True)


def edition_stamp(nb) -> str:
    """A short fingerprint of an edition's cells (types and sources; not outputs or metadata)."""
    import hashlib

    cells = [[c.get("cell_type", ""), "".join(c.get("source", ""))] for c in nb.get("cells", [])]
    return hashlib.sha256(json.dumps(cells, ensure_ascii=False).encode("utf-8")).hexdigest()[:16]


def _stamped(nb):
    nb.metadata[STAMP_KEY] = {"stamp": edition_stamp(nb)}
    return nb


def build(source: Path | None = None, dest: Path | None = None) -> dict[str, list[Path]]:
    """Write dist/student/ and dist/instructor/ afresh from the source notebooks."""
    root = None if source is not None and dest is not None else course_root()
    source = Path(source) if source is not None else root / "notebooks"
    dest = Path(dest) if dest is not None else root / "dist"
    notebooks = source_notebooks(source)
    if not notebooks:
        raise CourseError(f"No lesson notebooks found in {source}: nothing to build. "
                          "Restore notebooks/ from the course repository (git checkout -- notebooks).")
    made: dict[str, list[Path]] = {}
    for edition, transform in (("student", student_notebook), ("instructor", instructor_notebook)):
        folder = Path(dest) / edition
        _clear_built(folder)
        folder.mkdir(parents=True, exist_ok=True)
        made[edition] = []
        for path in notebooks:
            nb = _stamped(transform(nbformat.read(path, as_version=4)))
            target = folder / path.name
            nbformat.write(nb, target)
            made[edition].append(target)
        (folder / MANIFEST).write_text(json.dumps({"files": [p.name for p in made[edition]]}) + "\n",
                                       encoding="utf-8")
    return made


WORKCOPY_MAKEFILE = """\
# Written by the course (python -m course_lib workcopy) so that `make export` works in a terminal
# opened here, as JupyterLab's does. Safe to delete; make lab writes it again.
export:
\t"{python}" -m course_lib export
"""

KERNEL_CONFIG = {"InteractiveShellApp": {"extensions": ["course_lib.hints"]}}


def install_kernel_hints(prefix: Path | None = None) -> Path | None:
    """Load ``course_lib.hints`` at every kernel start of this environment (IPython reads
    ``<prefix>/etc/ipython/ipython_kernel_config.json``); never overwrites someone else's file.
    ``$COURSE_KERNEL_PREFIX`` replaces the environment's prefix (the tests use a scratch one)."""
    prefix = prefix or os.environ.get("COURSE_KERNEL_PREFIX") or sys.prefix
    path = Path(prefix) / "etc" / "ipython" / "ipython_kernel_config.json"
    try:
        if path.exists():
            current = json.loads(path.read_text(encoding="utf-8"))
            if current == KERNEL_CONFIG:
                return path
            return None
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(KERNEL_CONFIG, indent=1) + "\n", encoding="utf-8")
        return path
    except (OSError, ValueError):
        return None


def sync_workcopy(edition: str, dist: Path | None = None, work: Path | None = None) -> list[Path]:
    """Copy into work/<edition>/ each notebook that is not there yet; never overwrite one.

    Also writes the work copy's marker (the answers folder is ``answers/`` beside it, wherever a
    notebook or terminal below it runs) and a small Makefile with an ``export`` target."""
    if edition not in EDITIONS:
        raise CourseError(f"EDITION must be one of {', '.join(EDITIONS)}, not {edition!r}.")
    root = None if dist is not None and work is not None else course_root()
    dist = Path(dist) if dist is not None else root / "dist"
    work = Path(work) if work is not None else root / "work"
    folder = Path(work) / edition
    folder.mkdir(parents=True, exist_ok=True)
    marker = folder / MARKER
    if not marker.exists():
        marker.write_text(json.dumps({"edition": edition, "written_by": "python -m course_lib workcopy"})
                          + "\n", encoding="utf-8")
    makefile = folder / "Makefile"
    if not makefile.exists() or makefile.read_text(encoding="utf-8").startswith("# Written by the course"):
        makefile.write_text(WORKCOPY_MAKEFILE.format(python=sys.executable), encoding="utf-8")
    added = []
    for path in sorted((Path(dist) / edition).glob("*.ipynb")):
        target = folder / path.name
        if not target.exists():
            shutil.copy2(path, target)
            added.append(target)
    return added


def prepare_workcopy(edition: str = "student", root: Path | None = None) -> list[Path]:
    """Build the editions and add the missing lessons to work/<edition>/, under one lock.

    The one command a laptop (``make lab``), a hub (the ``/course/start`` page) and Binder all run.
    Safe to run again at any time and from two places at once (two browser tabs): it never
    overwrites a notebook that is there, and a later ``git pull`` of new lessons only adds them."""
    from filelock import FileLock

    root = Path(root) if root is not None else course_root()
    (root / "work").mkdir(parents=True, exist_ok=True)
    with FileLock(str(root / "work" / ".workcopy.lock"), timeout=120):
        build(root / "notebooks", root / "dist")
        return sync_workcopy(edition, root / "dist", root / "work")


def _read_json(path: Path) -> dict:
    try:
        value = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return value if isinstance(value, dict) else {}


def _ids_called(nb: dict) -> set[str]:
    """The exercise and prompt ids a notebook's code cells check or show."""
    found: set[str] = set()
    for cell in nb.get("cells", []):
        if isinstance(cell, dict) and cell.get("cell_type") == "code":
            source = cell.get("source", "")
            found |= set(_CALLS.findall("".join(source) if isinstance(source, list) else str(source)))
    return found


def lesson_id_of(name: str) -> str:
    """The id ``make reset LESSON=..`` takes for a notebook file ("00_start_here.ipynb" -> "00")."""
    from .lessons import LESSONS

    return next((item.id for item in LESSONS if item.file == name), Path(name).stem)


def newer_lessons(edition: str, dist: Path | None = None, work: Path | None = None) -> list[str]:
    """Notebooks of work/<edition>/ whose built edition is newer than the student's copy.

    A copy made by this version of the course carries its edition's stamp: it is newer when the
    stamps differ. An older copy has none: it counts as newer when the exercises and prompts the
    edition calls differ from those the copy calls (a rewritten exercise always has a new id)."""
    root = None if dist is not None and work is not None else course_root()
    dist = Path(dist) if dist is not None else root / "dist"
    work = Path(work) if work is not None else root / "work"
    newer = []
    for path in sorted((Path(dist) / edition).glob("*.ipynb")):
        mine = Path(work) / edition / path.name
        if not mine.is_file():
            continue
        fresh, copy = _read_json(path), _read_json(mine)
        if not copy:
            continue  # not a notebook we can read: leave it alone, say nothing
        stamp = fresh.get("metadata", {}).get(STAMP_KEY, {}).get("stamp")
        had = copy.get("metadata", {}).get(STAMP_KEY, {})
        had = had.get("stamp") if isinstance(had, dict) else None
        if had is not None:
            if had != stamp:
                newer.append(path.name)
        elif _ids_called(fresh) != _ids_called(copy):
            newer.append(path.name)
    return newer


def newer_message(names: list[str], edition: str = "student") -> str:
    """One sentence for ``make lab``: which lessons are newer than the copy and how to bring each in."""
    if not names:
        return ""
    flag = "" if edition == "student" else f" EDITION={edition}"
    each = "; ".join(f"{name}: make reset LESSON={lesson_id_of(name)}{flag}" for name in names)
    return (f"Newer than your copy ({len(names)}): {each}. Your own copy is never overwritten: make reset "
            f"moves it to work/{edition}/replaced/ and gives you the new edition.")


def lesson_file(lesson_id: str) -> str:
    """The notebook of one lesson id ("01", "1", or "data_guide"); anything else is refused."""
    from .lessons import LESSONS

    text = str(lesson_id or "").strip()
    if not text:
        raise CourseError("Say which lesson to reset, e.g. make reset LESSON=01")
    if text in GUIDE_IDS:
        return "data_guide.ipynb"
    if re.fullmatch(r"\d{1,2}", text, re.ASCII):
        for item in LESSONS:
            if item.id == text.zfill(2):
                return item.file
    known = ", ".join([item.id for item in LESSONS] + ["data_guide"])
    raise CourseError(f"There is no lesson {text!r}. Lessons: {known}.")


def reset_lesson(lesson_id: str, edition: str, dist: Path | None = None,
                 work: Path | None = None) -> tuple[Path, Path | None]:
    """A fresh copy of one lesson; the old copy is moved to work/<edition>/replaced/."""
    if edition not in EDITIONS:
        raise CourseError(f"EDITION must be one of {', '.join(EDITIONS)}, not {edition!r}.")
    name = lesson_file(lesson_id)
    root = None if dist is not None and work is not None else course_root()
    dist = Path(dist) if dist is not None else root / "dist"
    work = Path(work) if work is not None else root / "work"
    fresh = Path(dist) / edition / name
    if not fresh.is_file():
        raise CourseError(f"There is no lesson {lesson_id!r} in the {edition} edition ({fresh} is missing).")
    target = Path(work) / edition / name
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
    shutil.copy2(fresh, target)
    return target, kept
