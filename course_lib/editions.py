"""Student and instructor editions built from the one source in ``notebooks/`` (nbformat).

Cell tags (documented in README, "For contributors"):
- ``solution``: a worked answer; instructor edition only.
- ``instructor``: notes and timings for the person leading the class; instructor edition only.
- ``published``: content meant for students that the leak scan must not flag.
The student edition also loses every output, execution count and saved widget state, so each
exercise says "not answered yet" until the student runs it.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import nbformat

SOLUTION, INSTRUCTOR, PUBLISHED = "solution", "instructor", "published"
HIDDEN_FROM_STUDENTS = {SOLUTION, INSTRUCTOR}
EDITIONS = ("student", "instructor")


def tags(cell) -> set[str]:
    return set(cell.get("metadata", {}).get("tags", []))


def student_notebook(nb):
    """A copy of a source notebook with solutions, instructor notes and all outputs removed."""
    out = nbformat.from_dict(nb)
    out.cells = [cell for cell in out.cells if not tags(cell) & HIDDEN_FROM_STUDENTS]
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
