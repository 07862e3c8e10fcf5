"""The course on a shared server without make: the course/start page's work, and Binder's files."""

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from course_lib import hub

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def home(tmp_path, monkeypatch):
    """A student's home on a hub, after nbgitpuller pulled the course into it."""
    monkeypatch.delenv("COURSE_ROOT", raising=False)
    course = tmp_path / "home" / "us-japan-alliance-course"
    for part in ("notebooks", "data", "course_lib"):
        shutil.copytree(ROOT / part, course / part, ignore=shutil.ignore_patterns("__pycache__"))
    (tmp_path / "home" / "other-folder").mkdir()
    return tmp_path / "home"


def test_the_course_is_found_in_the_home_or_is_the_home(home, monkeypatch):
    assert hub.find_course(home) == (home / "us-japan-alliance-course").resolve()
    assert hub.find_course(home / "us-japan-alliance-course") == (home / "us-japan-alliance-course").resolve()
    assert hub.find_course(home / "other-folder") is None
    monkeypatch.setenv("COURSE_ROOT", str(home / "us-japan-alliance-course"))
    assert hub.find_course(home / "other-folder") == (home / "us-japan-alliance-course").resolve()


def test_start_makes_the_work_copy_once_never_overwrites_and_adds_new_lessons(home):
    lesson, added = hub.start(home)
    assert lesson == Path("us-japan-alliance-course/work/student/00_start_here.ipynb") and added
    work = home / "us-japan-alliance-course" / "work" / "student"
    (work / "00_start_here.ipynb").write_text('{"my": "edited copy"}')
    course = home / "us-japan-alliance-course"
    shutil.copy(course / "notebooks" / "01_fifty_years.ipynb", course / "notebooks" / "99_new_lesson.ipynb")
    _, added = hub.start(home)  # a later pull brought a new lesson
    assert [p.name for p in added] == ["99_new_lesson.ipynb"]
    assert (work / "00_start_here.ipynb").read_text() == '{"my": "edited copy"}'


def test_a_home_without_the_course_gets_words_not_a_traceback(tmp_path, monkeypatch):
    monkeypatch.delenv("COURSE_ROOT", raising=False)
    with pytest.raises(LookupError, match="No copy of the course was found"):
        hub.start(tmp_path)


def test_two_starts_at_once_make_one_work_copy(home):
    probe = ("import sys; from pathlib import Path; from course_lib import hub; "
             "print(len(hub.start(Path(sys.argv[1]))[1]))")
    runs = [subprocess.Popen([sys.executable, "-c", probe, str(home)], stdout=subprocess.PIPE, text=True)
            for _ in range(2)]
    counts = sorted(int(run.communicate(timeout=120)[0]) for run in runs)
    assert all(run.returncode == 0 for run in runs)
    notebooks = len(list((home / "us-japan-alliance-course" / "notebooks").glob("*.ipynb")))
    assert counts == [0, notebooks]  # one run copied every lesson, the other found them there


def test_the_files_binder_reads_are_consistent():
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    pip = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    assert "." in pip  # installing the course brings the start page and the Lab settings
    assert not (ROOT / "requirements.txt").exists() and not (ROOT / "binder").exists()
    assert not (ROOT / "postBuild").exists()  # nothing to run after the install (see pyproject shared-data)
    shared = (ROOT / "pyproject.toml").read_text()
    assert '"jupyter/jupyter_server_config.d/course_lib.json" = "etc/jupyter/' in shared
    config = json.loads((ROOT / "jupyter" / "jupyter_server_config.d" / "course_lib.json").read_text())
    assert config["ServerApp"]["jpserver_extensions"]["course_lib.hub"] is True
