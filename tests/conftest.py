"""Test-wide setup: no network anywhere, and student state in a throw-away folder.

Both are set in the environment before any kernel starts, so nbval's kernels and every
subprocess inherit them: the offline guard (tests/offline/sitecustomize.py) is imported by
each new Python interpreter through PYTHONPATH, and this process imports it here.
"""

import importlib.util
import os
import shutil
import socket
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
OFFLINE = ROOT / "tests" / "offline"

os.environ["PYTHONPATH"] = os.pathsep.join(
    [str(OFFLINE)] + [p for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p]
)
if socket.socket.connect.__name__ != "guarded_connect":
    _spec = importlib.util.spec_from_file_location("course_offline_guard", OFFLINE / "sitecustomize.py")
    _spec.loader.exec_module(importlib.util.module_from_spec(_spec))

_ANSWERS = tempfile.mkdtemp(prefix="course-test-answers-")
os.environ["COURSE_ANSWERS_DIR"] = _ANSWERS
os.environ.setdefault("MPLCONFIGDIR", tempfile.mkdtemp(prefix="course-test-mpl-"))
os.environ.pop("COURSE_DATA_DIR", None)
os.environ["COURSE_KERNEL_PREFIX"] = tempfile.mkdtemp(prefix="course-test-kernel-")


def pytest_sessionfinish(session, exitstatus):
    shutil.rmtree(_ANSWERS, ignore_errors=True)


@pytest.fixture
def answers_dir(tmp_path, monkeypatch):
    """A fresh, empty answers folder for one test."""
    folder = tmp_path / "answers"
    monkeypatch.setenv("COURSE_ANSWERS_DIR", str(folder))
    return folder


@pytest.fixture
def data_copy(tmp_path, monkeypatch):
    """A private copy of data/ that a test may damage; course_lib reads it instead."""
    from course_lib import data

    folder = tmp_path / "data"
    shutil.copytree(ROOT / "data", folder)
    monkeypatch.setenv("COURSE_DATA_DIR", str(folder))
    data.clear_cache()
    yield folder
    data.clear_cache()
