"""Where a student's work lives, and how it is written so that nothing is ever lost.

One rule: ``$COURSE_ANSWERS_DIR`` if set, else ``answers/`` in the kernel's working directory.
Every write goes to a temporary file that is then renamed over the old one (atomic), under a
lock, so a crash mid-write or two kernels saving at once leave a complete file behind.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import tempfile
import warnings
from pathlib import Path

from .errors import AnswerError

ANSWERS_ENV = "COURSE_ANSWERS_DIR"
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,40}$")

try:
    import fcntl
except ImportError:  # Windows: writes stay atomic, only the cross-process lock is missing
    fcntl = None


def answers_dir() -> Path:
    """The folder that holds this student's answers and self-check results."""
    folder = Path(os.environ.get(ANSWERS_ENV) or "answers")
    return folder.expanduser().resolve()


def state_file(name: str) -> Path:
    """The file for one lesson's state; the name cannot point outside the answers folder."""
    if not isinstance(name, str) or not _NAME.match(name):
        raise AnswerError(
            f"{name!r} is not a valid lesson or file id (use letters, digits, '-' or '_')."
        )
    return answers_dir() / f"{name}.json"


@contextlib.contextmanager
def _locked(path: Path):
    path.parent.mkdir(parents=True, exist_ok=True)
    if fcntl is None:
        yield
        return
    with open(path.with_suffix(".lock"), "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _set_aside(path: Path) -> Path:
    for n in range(1, 1000):
        target = path.with_name(f"{path.stem}.corrupt-{n}.json")
        if not target.exists():
            path.rename(target)
            return target
    raise AnswerError(f"{path} is unreadable and could not be set aside.")


def read(name: str) -> dict:
    """The saved state of one file; a missing file is empty, an unreadable one is set aside."""
    path = state_file(name)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    try:
        value = json.loads(text)
        if not isinstance(value, dict):
            raise ValueError("not an object")
        return value
    except ValueError:
        kept = _set_aside(path)
        raise AnswerError(
            f"Your saved answers file {path.name} could not be read (it is damaged). Nothing was "
            f"deleted: it is kept as {kept.name} in {kept.parent}. New answers go to a fresh file."
        ) from None


def _write(path: Path, state: dict) -> None:
    fd, tmp = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(state, handle, ensure_ascii=False, indent=1, sort_keys=True)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def update(name: str, change) -> dict:
    """Read, change and write one state file atomically under a lock; returns the new state."""
    path = state_file(name)
    with _locked(path):
        try:
            state = read(name)
        except AnswerError as damaged:
            warnings.warn(str(damaged), stacklevel=3)
            state = {}
        change(state)
        _write(path, state)
        return state
