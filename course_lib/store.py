"""Where a student's work lives, and how it is written so that nothing is ever lost.

The answers folder (one rule, the same for a notebook, a terminal and ``make``):

1. ``$COURSE_ANSWERS_DIR`` if it is set;
2. else ``answers/`` in the nearest folder, from the current one upward, that holds the work copy's
   marker file ``.course-workcopy`` (``python -m course_lib workcopy`` writes it; a student's home
   on a shared JupyterHub can hold one too);
3. else ``answers/`` beside the notebook (the kernel's working folder).

Every write goes to a temporary file that is renamed over the old one (atomic), under a
cross-platform lock (``filelock``), so a crash mid-write or two kernels saving at once leave a
complete file behind; temporary files left by a killed process are removed under the lock on the
next write. A file that cannot be read (damaged, not UTF-8, or not the shape the course writes)
is set aside under the lock, after reading it again, and explained, never deleted.

Student records (written answers now; claim verdicts and ratings in later lessons) share one
machine, :class:`RecordKind`, described there.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import json
import os
import re
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .errors import AnswerError

ANSWERS_ENV = "COURSE_ANSWERS_DIR"
MARKER = ".course-workcopy"
LOCK_TIMEOUT_S = 10
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,40}$")


# --------------------------------------------------------------------------- the answers folder

def find_workcopy(start: Path | None = None) -> Path | None:
    """The nearest folder from ``start`` (default: the current one) upward holding the marker."""
    here = Path(start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / MARKER).is_file():
            return folder
    return None


def answers_location(start: Path | None = None) -> tuple[Path, str]:
    """The answers folder and, in words, which part of the rule chose it."""
    override = os.environ.get(ANSWERS_ENV)
    if override:
        return Path(override).expanduser().resolve(), f"set by ${ANSWERS_ENV}"
    workcopy = find_workcopy(start)
    if workcopy is not None:
        return workcopy / "answers", f"the answers folder of your work copy {workcopy}"
    here = Path(start or Path.cwd()).resolve()
    return here / "answers", "beside the notebook (no work copy found above this folder)"


def answers_dir(start: Path | None = None) -> Path:
    """The folder that holds this student's answers and self-check results."""
    return answers_location(start)[0]


def state_file(name: str) -> Path:
    """The file for one kind of state; the name cannot point outside the answers folder."""
    if not isinstance(name, str) or not _NAME.match(name):
        raise AnswerError(
            f"{name!r} is not a valid lesson or file id (use letters, digits, '-' or '_')."
        )
    return answers_dir() / f"{name}.json"


# --------------------------------------------------------------------------- plain words for faults

def plain_reason(problem: BaseException) -> str:
    """Why a save failed, in words a student understands (no traceback)."""
    if isinstance(problem, UnicodeEncodeError):
        return ("your text contains a character that cannot be stored (often half of an emoji "
                "pasted from elsewhere); delete it and the text will save")
    if isinstance(problem, AnswerError):
        return str(problem)
    if isinstance(problem, OSError):
        code = problem.errno
        if code in (errno.EROFS, errno.EACCES, errno.EPERM):
            return "the answers folder is read-only"
        if code in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
            return "the disk is full"
        if code == errno.ENOTDIR or isinstance(problem, (FileExistsError, NotADirectoryError)):
            return "the answers folder is a file, not a folder"
        return f"the answers folder cannot be written ({problem.strerror or problem})"
    if "Timeout" in type(problem).__name__:
        return "another program kept the answers file locked"
    return f"an unexpected problem ({type(problem).__name__}: {problem})"


# --------------------------------------------------------------------------- locked, atomic files

@contextlib.contextmanager
def locked(path: Path):
    """Hold the cross-process lock of one state file (``<file>.lock`` beside it)."""
    from filelock import FileLock, Timeout

    path.parent.mkdir(parents=True, exist_ok=True)
    lock = FileLock(str(path.with_suffix(".lock")), timeout=LOCK_TIMEOUT_S)
    try:
        lock.acquire()
    except Timeout:
        raise AnswerError(
            f"{path.name} stayed locked by another program for {LOCK_TIMEOUT_S} s; "
            "close other copies of the notebook and try again."
        ) from None
    try:
        _remove_stray_temporaries(path)
        yield
    finally:
        lock.release()


def _remove_stray_temporaries(path: Path) -> None:
    # Writers only create temporaries while holding the lock, so any found now were left by a
    # process that was killed mid-write.
    for stray in path.parent.glob(f".{path.stem}-*.tmp"):
        with contextlib.suppress(OSError):
            stray.unlink()


def write_text_atomic(path: Path, text: str) -> None:
    """Write a whole file or nothing: a temporary file, flushed to disk, renamed over the target."""
    path.parent.mkdir(parents=True, exist_ok=True)
    data = text.encode("utf-8")  # a lone surrogate fails here, before any file is touched
    fd, tmp = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def _write(path: Path, state: dict) -> None:
    write_text_atomic(path, json.dumps(state, ensure_ascii=False, indent=1, sort_keys=True))


def set_aside(path: Path, label: str = "corrupt") -> Path:
    """Move a file out of the way (never delete it); returns where it went."""
    for n in range(1, 1000):
        target = path.with_name(f"{path.stem}.{label}-{n}{path.suffix}")
        if not target.exists():
            path.rename(target)
            return target
    raise AnswerError(f"{path} could not be set aside: too many earlier copies.")


_swept: set[Path] = set()


class _Damaged(Exception):
    """A state file exists but is not what the course writes."""


Shape = Callable[[dict], None]  # raises ValueError with a reason when the content is wrong


def _parse(path: Path, shape: Shape | None) -> dict:
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return {}
    except IsADirectoryError:
        raise _Damaged("it is a folder, not a file") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise _Damaged("it is not a text file the course wrote (not UTF-8)") from None
    try:
        value = json.loads(text)
    except ValueError:
        raise _Damaged("it is damaged (not valid JSON)") from None
    if not isinstance(value, dict):
        raise _Damaged("it does not have the shape the course writes")
    if shape is not None:
        try:
            shape(value)
        except (ValueError, TypeError, KeyError, AttributeError, AnswerError) as wrong:
            raise _Damaged(f"it does not have the shape the course writes ({wrong})") from None
    return value


def _explain(path: Path, reason: str, kept: Path) -> str:
    return (f"Your saved file {path.name} could not be read: {reason}. Nothing was deleted: it is "
            f"kept as {kept.name} in {kept.parent}. New work goes to a fresh {path.name}.")


def _read_or_set_aside(path: Path, shape: Shape | None, notes: list[str]) -> dict:
    """Read under the lock; a damaged file is set aside (after this re-read) and explained."""
    try:
        return _parse(path, shape)
    except _Damaged as damaged:
        kept = set_aside(path)
        notes.append(_explain(path, str(damaged), kept))
        return {}


def read(name: str, shape: Shape | None = None) -> dict:
    """The saved state of one file: missing is empty; damaged is set aside and explained.

    A damaged file raises :class:`AnswerError` once (saying where it was kept); it is set aside
    only under the lock and only if it is still damaged when read again there.
    """
    path = state_file(name)
    if path not in _swept and path.parent.is_dir():
        with locked(path):  # the first read in a process removes what a killed writer left
            _swept.add(path)
    try:
        return _parse(path, shape)
    except _Damaged:
        pass
    notes: list[str] = []
    with locked(path):
        state = _read_or_set_aside(path, shape, notes)
    if notes:
        raise AnswerError(notes[0])
    return state


def update(name: str, change: Callable[[dict], object], shape: Shape | None = None,
           notes: list[str] | None = None):
    """Read, change and write one state file atomically under the lock.

    Returns what ``change(state)`` returned. A damaged file is set aside first and its
    explanation appended to ``notes`` (when given), so the caller can tell the student.
    """
    path = state_file(name)
    found: list[str] = [] if notes is None else notes
    with locked(path):
        state = _read_or_set_aside(path, shape, found)
        result = change(state)
        _write(path, state)
    return result


# --------------------------------------------------------------------------- student records

def now() -> str:
    """The local time, to the second, for history entries (the student's timeline, not the data's)."""
    return dt.datetime.now().astimezone().isoformat(timespec="seconds")


@dataclass(frozen=True)
class Version:
    """One earlier version of a record: number 1 is the most recent."""

    number: int
    value: object
    at: str
    why: str

    def __repr__(self) -> str:
        shown = self.value if not isinstance(self.value, str) else (
            self.value if len(self.value) <= 70 else self.value[:67] + "...")
        return f"[{self.number}] {self.at} ({self.why}): {shown!r}"


@dataclass
class Saved:
    """What a save did: ``status`` is saved, unchanged, kept, cleared, conflict or restored."""

    status: str
    rev: int
    value: object
    notes: list[str] = field(default_factory=list)


def _always_keep(old, new, entry) -> str | None:
    return "replaced"


@dataclass(frozen=True)
class RecordKind:
    """One kind of student record, kept per item id, that can never be lost.

    This is the extension point for everything a student saves: written answers use it
    (``answers.ANSWERS``); lesson 04's claim verdicts and lesson 08's claim ratings add one each,
    e.g. ``VERDICTS = RecordKind("verdict", file_for=lambda claim_id: "verdicts", check=...)``,
    and get, without new code:

    - atomic writes under the lock, damaged files set aside and explained (this module);
    - the stale check: :meth:`save` with ``seen_rev`` (the revision this editor last loaded or
      saved) never writes over a newer value saved elsewhere; it keeps both;
    - a bounded history of earlier distinct values with times (:meth:`history`, :meth:`restore`);
      ``keep_old(old, new, entry)`` says when the old value goes to history (default: always);
    - ``progress()`` and the export list every kind passed to :func:`register`: a kind says its
      ``title`` (a heading and a progress column), ``lesson_of(item_id, value)`` and ``all_files()`` (the
      state files it writes), and its saved values appear per lesson with no code in answers.py.

    Each record file holds ``{item_id: {"value": ..., "rev": int, "saved_at": str,
    "history": [{"value": ..., "at": str, "why": str}, ...]}}``.
    """

    name: str                                   # "answer", "verdict": used in messages
    file_for: Callable[[str], str]              # item id -> state file name ("lesson-01")
    check: Callable[[object], None]             # raises AnswerError for a value it cannot store
    is_empty: Callable[[object], bool] = lambda value: value in (None, "", [], {})
    keep_old: Callable[[object, object, dict], str | None] = _always_keep
    history_size: int = 20
    legacy_key: str | None = None               # an older files' name for "value" ("text")
    title: str = ""                             # "Claim verdicts": export heading, progress column
    lesson_of: Callable[[str, object], str] | None = None  # (item id, value) -> lesson id ("04")
    all_files: Callable[[], list[str]] | None = None  # every state file this kind writes

    # -- shape of a file ------------------------------------------------------------------
    def shape(self, state: dict) -> None:
        for item_id, entry in state.items():
            if not isinstance(item_id, str) or not isinstance(entry, dict):
                raise ValueError(f"entry {item_id!r} is not an object")
            if "value" in entry:
                self.check(entry["value"])
            elif self.legacy_key and isinstance(entry.get(self.legacy_key), str):
                pass
            else:
                raise ValueError(f"entry {item_id!r} has no value")
            if not isinstance(entry.get("rev", 0), int):
                raise ValueError(f"entry {item_id!r} has a bad revision")
            history = entry.get("history", [])
            if not isinstance(history, list) or not all(isinstance(h, dict) and "value" in h
                                                        for h in history):
                raise ValueError(f"entry {item_id!r} has a bad history")

    def _entry(self, state: dict, item_id: str) -> dict:
        entry = state.setdefault(item_id, {})
        if "value" not in entry:  # an older file: {"text": ..., "previous": ...}
            entry["value"] = entry.pop(self.legacy_key, "") if self.legacy_key else None
            previous = entry.pop("previous", None)
            entry.setdefault("history", [])
            if previous:
                entry["history"].insert(0, {"value": previous, "at": "", "why": "cleared"})
        entry.setdefault("rev", 0)
        entry.setdefault("history", [])
        return entry

    def _read(self, item_id: str) -> dict:
        state = read(self.file_for(item_id), self.shape)
        entry = state.get(item_id)
        return self._entry({item_id: dict(entry)}, item_id) if entry else {"value": None, "rev": 0,
                                                                              "history": []}

    # -- reading ----------------------------------------------------------------------------
    def load(self, item_id: str) -> tuple[object, int]:
        """The saved value and its revision (for the stale check of a later save)."""
        entry = self._read(item_id)
        return entry["value"], entry["rev"]

    def value(self, item_id: str):
        return self.load(item_id)[0]

    def items(self, file_name: str) -> dict[str, object]:
        """Every saved value in one file: {item_id: value}."""
        state = read(file_name, self.shape)
        return {item_id: self._entry({item_id: dict(e)}, item_id)["value"]
                for item_id, e in state.items()}

    def history(self, item_id: str) -> list[Version]:
        """Earlier distinct values, most recent first (number 1), with when and why."""
        entry = self._read(item_id)
        return [Version(i, h["value"], h.get("at", ""), h.get("why", ""))
                for i, h in enumerate(entry["history"], start=1)]

    # -- writing ----------------------------------------------------------------------------
    def _remember(self, entry: dict, value, why: str, writer: str | None = None) -> None:
        if self.is_empty(value):
            return
        history = entry["history"]
        if writer is not None:  # a stale editor updates its own kept copy, not a new one each time
            history[:] = [h for h in history if h.get("writer") != writer]
        history[:] = [h for h in history if h["value"] != value]
        record = {"value": value, "at": now(), "why": why}
        if writer is not None:
            record["writer"] = writer
        history.insert(0, record)
        del history[self.history_size:]
        entry["since"] = record["at"]  # when a version was last kept

    def save(self, item_id: str, value, *, seen_rev: int | None = None, clear: bool = False,
             writer: str | None = None, why: str | None = None) -> Saved:
        """Save a value. ``seen_rev``: the revision the editor last loaded or saved; if the file
        has moved on since (another open copy saved), nothing is overwritten: ``value`` is kept in
        the history and the status is ``conflict``. An empty value replaces a saved one only with
        ``clear=True``; the cleared value goes to the history."""
        self.check(value)
        notes: list[str] = []

        def change(state):
            entry = self._entry(state, item_id)
            old, rev = entry["value"], entry["rev"]
            if value == old:
                return Saved("unchanged", rev, old)
            if seen_rev is not None and seen_rev != rev:
                self._remember(entry, value, why or "from an older open copy, not saved over the "
                               "newer one", writer)
                return Saved("conflict", rev, old)
            if self.is_empty(value) and not self.is_empty(old) and not clear:
                return Saved("kept", rev, old)
            reason = "cleared" if clear else why or self.keep_old(old, value, entry)
            if reason and not self.is_empty(old):
                self._remember(entry, old, reason)
            entry.update(value=value, rev=rev + 1, saved_at=now())
            entry.setdefault("since", entry["saved_at"])
            return Saved("cleared" if clear else "saved", rev + 1, value)

        result = update(self.file_for(item_id), change, self.shape, notes)
        result.notes = notes
        return result

    def restore(self, item_id: str, number: int = 1) -> Saved:
        """Make an earlier version current again; the current one goes to the history first."""
        versions = self.history(item_id)
        if not isinstance(number, int) or not 1 <= number <= len(versions):
            raise AnswerError(f"There is no version {number!r} of {item_id}: "
                              f"{len(versions)} earlier version(s) are kept.")
        chosen = versions[number - 1].value
        saved = self.save(item_id, chosen, why="replaced by a restored version")
        saved.status = "restored" if saved.status == "saved" else saved.status
        return saved


_REGISTERED: list[RecordKind] = []


def register(kind: RecordKind) -> RecordKind:
    """Add a kind of record to progress() and the export (once); returns it."""
    if kind not in _REGISTERED:
        _REGISTERED.append(kind)
    return kind


def registered() -> list[RecordKind]:
    return list(_REGISTERED)


def saved_by_lesson(kind: RecordKind) -> dict[str, dict[str, object]]:
    """{lesson id: {item id: value}} of one registered kind (empty values left out)."""
    out: dict[str, dict[str, object]] = {}
    for name in (kind.all_files() if kind.all_files else []):
        for item_id, value in kind.items(name).items():
            if not kind.is_empty(value):
                lesson = kind.lesson_of(item_id, value) if kind.lesson_of else ""
                out.setdefault(lesson, {})[item_id] = value
    return out


def safely(action: Callable[[], object]) -> tuple[object | None, str | None]:
    """Run a save; a failure becomes plain words (for widgets, which must never raise)."""
    try:
        return action(), None
    except Exception as problem:  # noqa: BLE001 - everything must reach the student as words
        return None, plain_reason(problem)
