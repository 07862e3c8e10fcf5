"""collect: a class's exports and answers folders into one page per prompt and a progress table."""

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from course_lib import answers, collect
from course_lib.errors import CourseError

ROOT = Path(__file__).resolve().parent.parent


def _student(base: Path, folder: str, name: str, text: str, monkeypatch) -> Path:
    """A student's work as make export writes it (my-answers.json), in their own folder."""
    work = base / folder
    monkeypatch.setenv("COURSE_ANSWERS_DIR", str(work))
    prompt_id = next(iter(answers.prompts()))
    answers.save_answer(prompt_id, text)
    answers.export_answers(name=name)
    return work


@pytest.fixture
def classroom(tmp_path, monkeypatch):
    downloads = tmp_path / "downloads"
    _student(downloads, "s1", "Aiko Sato", "Drift is a symptom of short tenures.", monkeypatch)
    _student(downloads, "s2", "Ben Smith", "The alliance deepened in 2006-2009.", monkeypatch)
    hub = downloads / "hub-copy" / "answers"  # a whole answers folder, no export
    monkeypatch.setenv("COURSE_ANSWERS_DIR", str(hub))
    answers.save_answer(next(iter(answers.prompts())), "Copied from the hub.")
    (downloads / "s3").mkdir()
    (downloads / "s3" / "my-answers.json").write_text("{ not json")
    (downloads / "s4").mkdir()
    (downloads / "s4" / "my-answers.json").write_text(json.dumps({"format": "something else"}))
    (downloads / "s5").mkdir()
    (downloads / "s5" / "my-answers.json").write_bytes(b"\xff\xfe\x00")
    (downloads / "s5" / "essay.docx").write_bytes(b"PK")
    (downloads / "s6" / "answers").mkdir(parents=True)
    (downloads / "s6" / "answers" / "lesson-01.json").write_text(json.dumps({"01.D1": ["not", "text"]}))
    return downloads


def test_every_student_and_every_prompt_and_bad_files_skipped_with_a_reason(classroom, tmp_path):
    prompt_id = next(iter(answers.prompts()))
    report = collect.collect(classroom, tmp_path / "out")
    assert report.students == 3
    page = (tmp_path / "out" / f"prompt-{prompt_id}.html").read_text()
    for text in ("Drift is a symptom", "deepened in 2006-2009", "Copied from the hub", "Aiko Sato", "Ben Smith"):
        assert text in page
    skipped = "\n".join(report.skipped)
    assert "s3/my-answers.json: not valid JSON" in skipped
    assert "s4/my-answers.json: not an export of this course" in skipped
    assert "s5/my-answers.json: not a text file in UTF-8" in skipped
    assert "essay.docx: not a course file" in skipped
    assert "s6/answers: no course answers" in skipped or "s6" in skipped
    rows = list(csv.DictReader((tmp_path / "out" / "progress.csv").open()))
    assert {r["student"] for r in rows} == {"Aiko Sato", "Ben Smith", "hub-copy"}
    assert "Skipped" in (tmp_path / "out" / "index.html").read_text()


def test_anonymous_pages_carry_no_names(classroom, tmp_path):
    collect.collect(classroom, tmp_path / "anon", anonymous=True)
    text = "".join(p.read_text() for p in (tmp_path / "anon").iterdir())
    assert "Aiko Sato" not in text and "Ben Smith" not in text and "Student 1" in text


def test_collect_never_changes_a_students_file(classroom, tmp_path):
    before = {p: p.read_bytes() for p in classroom.rglob("*") if p.is_file()}
    collect.collect(classroom, tmp_path / "out")
    assert {p: p.read_bytes() for p in classroom.rglob("*") if p.is_file()} == before


def test_a_folder_with_no_work_is_a_clear_error(tmp_path):
    (tmp_path / "empty").mkdir()
    with pytest.raises(CourseError, match="No student work found"):
        collect.collect(tmp_path / "empty", tmp_path / "out")
    with pytest.raises(CourseError, match="is not a folder"):
        collect.collect(tmp_path / "missing", tmp_path / "out")


def test_the_command_line_reports_and_exits_cleanly(classroom, tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "COURSE_ANSWERS_DIR"}
    result = subprocess.run([sys.executable, "-m", "course_lib", "collect", str(classroom),
                             "--dest", str(tmp_path / "cli"), "--anonymous"],
                            capture_output=True, text=True, env=env, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert "Collected the work of 3 students" in result.stdout and "Skipped" in result.stdout
    bad = subprocess.run([sys.executable, "-m", "course_lib", "collect", str(tmp_path / "nothing")],
                         capture_output=True, text=True, env=env, cwd=ROOT)
    assert bad.returncode == 1 and "is not a folder" in bad.stderr and "Traceback" not in bad.stderr
