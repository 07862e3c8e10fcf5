"""Student and instructor editions from one source; no answer leaks; the work copy is never overwritten."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from course_lib import checks, editions, runner
from course_lib.editions import INSTRUCTOR, PUBLISHED, SOLUTION, tags
from course_lib.errors import CourseError

ROOT = Path(__file__).resolve().parent.parent
SOURCES = editions.source_notebooks(ROOT / "notebooks")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    dist = tmp_path_factory.mktemp("dist")
    editions.build(ROOT / "notebooks", dist)
    return dist


def _student_text(dist: Path, name: str) -> str:
    nb = nbformat.read(dist / "student" / name, as_version=4)
    return "\n".join(c.source for c in nb.cells if PUBLISHED not in tags(c))


def _answers_printed(cell) -> list[str]:
    out = []
    for output in cell.get("outputs", []):
        for line in output.get("text", "").splitlines():
            if line.startswith("Answer: "):
                out.append(line[len("Answer: "):])
    return out


def test_both_editions_hold_every_notebook(built):
    for edition in editions.EDITIONS:
        assert sorted(p.name for p in (built / edition).glob("*.ipynb")) == [p.name for p in SOURCES]


def test_instructor_edition_is_the_source(built):
    for path in SOURCES:
        built_nb = nbformat.read(built / "instructor" / path.name, 4)
        built_nb.metadata.pop(editions.STAMP_KEY)  # the edition's stamp is the only addition
        assert built_nb == nbformat.read(path, 4)


def test_student_edition_has_no_solutions_notes_outputs_or_widget_state(built):
    for path in SOURCES:
        nb = nbformat.read(built / "student" / path.name, as_version=4)
        assert "widgets" not in nb.metadata
        for cell in nb.cells:
            assert not tags(cell) & {SOLUTION, INSTRUCTOR}
            if cell.cell_type == "code":
                assert cell.outputs == [] and cell.execution_count is None


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.name)
def test_student_edition_leaks_nothing(built, path):
    text = _student_text(built, path.name)
    assert editions.leaks(text, nbformat.read(path, as_version=4)) == []


def test_the_leak_scan_finds_a_solution_a_note_and_an_answer():
    source = nbformat.read(ROOT / "notebooks" / "00_start_here.ipynb", as_version=4)
    hidden = [c for c in source.cells if tags(c) & {SOLUTION, INSTRUCTOR}]
    note = next(c for c in hidden if INSTRUCTOR in tags(c))
    solution = next(c for c in hidden if editions.exercise_of(c) == "00.7")
    answer = _answers_printed(solution)[0]
    clean = _student_text_of(editions.student_notebook(source))
    assert editions.leaks(clean, source) == []
    # a note rendered as HTML (its Markdown gone) is found as surely as one pasted in
    rendered = "<p>" + note.source.replace("**", "<strong>", 1).replace("**", "</strong>", 1) + "</p>"
    assert len(editions.leaks(clean + rendered, source)) == 1
    assert len(editions.leaks(clean + "\n" + solution.source, source)) >= 1
    assert any(answer in found for found in editions.leaks(clean + f"<td>{answer}</td>", source))
    # on the website the stored outputs of public cells are meant to be read: no false alarm
    shown = " ".join(editions._output_text(c) for c in source.cells if not tags(c) & {SOLUTION, INSTRUCTOR})
    assert editions.leaks(clean + shown, source, outputs_shown=True) == []


def _student_text_of(nb) -> str:
    return "\n".join(c.source for c in nb.cells if PUBLISHED not in tags(c))


def test_every_exercise_has_a_student_cell_that_starts_unanswered(built):
    texts = {p.name: _student_text(built, p.name) for p in SOURCES}
    for ex_id in checks.active_keys():
        assert any(f'cl.check("{ex_id}", answer_' in t for t in texts.values()), ex_id


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.name)
def test_student_edition_runs_top_to_bottom(built, path, tmp_path):
    nb = runner.execute(built / "student" / path.name, answers_dir=tmp_path)
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
    assert not errors
    plain = [o.get("data", {}).get("text/plain", "") for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    assert not [p for p in plain if "correct. Well done" in p], "a student edition answered itself"


def test_workcopy_is_created_then_never_overwritten(built, tmp_path):
    work = tmp_path / "work"
    added = editions.sync_workcopy("student", built, work)
    assert len(added) == len(SOURCES)
    first = work / "student" / SOURCES[0].name
    first.write_text(first.read_text().replace('"cells"', '"cells"', 1) + " ")
    mine = first.read_text()
    (work / "student" / SOURCES[-1].name).unlink()
    again = editions.sync_workcopy("student", built, work)
    assert [p.name for p in again] == [SOURCES[-1].name]
    assert first.read_text() == mine


def test_reset_moves_the_old_copy_aside(built, tmp_path):
    work = tmp_path / "work"
    editions.sync_workcopy("student", built, work)
    lesson_id = SOURCES[1].name[:2]
    target = work / "student" / SOURCES[1].name
    target.write_text("my work")
    fresh, kept = editions.reset_lesson(lesson_id, "student", built, work)
    assert kept.read_text() == "my work" and fresh.read_text() != "my work"
    _, kept2 = editions.reset_lesson(lesson_id, "student", built, work)
    assert kept2 != kept and kept.exists()
    with pytest.raises(CourseError, match="no lesson"):
        editions.reset_lesson("99", "student", built, work)


def test_built_notebooks_carry_a_stamp_of_their_cells(built):
    for edition in editions.EDITIONS:
        for path in SOURCES:
            nb = nbformat.read(built / edition / path.name, as_version=4)
            stamp = nb.metadata[editions.STAMP_KEY]["stamp"]
            assert stamp == editions.edition_stamp(nb) and len(stamp) == 16


def _edit_first_markdown(path: Path, text: str) -> None:
    nb = nbformat.read(path, as_version=4)
    cell = next(c for c in nb.cells if c.cell_type == "markdown")
    cell.source += text
    nbformat.write(nb, path)


def test_make_lab_names_the_lessons_newer_than_the_students_copy(tmp_path):
    source, dist, work = tmp_path / "notebooks", tmp_path / "dist", tmp_path / "work"
    shutil.copytree(ROOT / "notebooks", source)
    editions.build(source, dist)
    editions.sync_workcopy("student", dist, work)
    assert editions.newer_lessons("student", dist, work) == []
    mine = work / "student" / "01_fifty_years.ipynb"
    mine.write_text(mine.read_text().replace('answer_01_5 = ...', 'answer_01_5 = 2'))  # the student's work
    assert editions.newer_lessons("student", dist, work) == []  # a student's answers are not a new edition

    _edit_first_markdown(source / "01_fifty_years.ipynb", "\n\nA sentence added for the new term.")
    editions.build(source, dist)
    editions.sync_workcopy("student", dist, work)
    assert mine.read_text().count("answer_01_5 = 2") == 1  # never overwritten
    assert editions.newer_lessons("student", dist, work) == ["01_fifty_years.ipynb"]
    message = editions.newer_message(["01_fifty_years.ipynb"])
    assert "make reset LESSON=01" in message and "never overwritten" in message and "replaced/" in message
    assert "EDITION=instructor" in editions.newer_message(["01_fifty_years.ipynb"], "instructor")

    fresh, kept = editions.reset_lesson("01", "student", dist, work)
    assert "answer_01_5 = 2" in kept.read_text() and "answer_01_5 = 2" not in fresh.read_text()
    assert editions.newer_lessons("student", dist, work) == []


def test_a_copy_made_before_stamps_is_newer_only_when_its_exercises_or_prompts_differ(built, tmp_path):
    import json

    work = tmp_path / "work"
    editions.sync_workcopy("student", built, work)
    old = work / "student" / "00_start_here.ipynb"
    nb = json.loads(old.read_text())
    nb["metadata"].pop(editions.STAMP_KEY)
    old.write_text(json.dumps(nb))
    assert editions.newer_lessons("student", built, work) == []
    for cell in nb["cells"]:
        cell["source"] = "".join(cell["source"]).replace('cl.check("00.4"', 'cl.check("00.2"')
    old.write_text(json.dumps(nb))
    assert editions.newer_lessons("student", built, work) == ["00_start_here.ipynb"]
    (work / "student" / "data_guide.ipynb").write_text("not a notebook")
    assert editions.newer_lessons("student", built, work) == ["00_start_here.ipynb"]


def test_cli_workcopy_says_which_lessons_are_newer(project_copy):
    assert _cli(project_copy, "workcopy").returncode == 0
    _edit_first_markdown(project_copy / "notebooks" / "00_start_here.ipynb", "\n\nNew this term.")
    result = _cli(project_copy, "workcopy")
    assert result.returncode == 0, result.stderr
    assert "Newer than your copy (1): 00_start_here.ipynb: make reset LESSON=00" in result.stdout
    assert "nothing to add (your notebooks were not touched)" in result.stdout


def _cli(tmp_path, *args, env=None, cwd=None):
    env = dict(env or os.environ)
    env.setdefault("COURSE_ROOT", str(tmp_path))
    return subprocess.run([sys.executable, "-m", "course_lib", *args], cwd=cwd or tmp_path, env=env,
                          capture_output=True, text=True)


@pytest.fixture
def project_copy(tmp_path):
    shutil.copytree(ROOT / "notebooks", tmp_path / "notebooks")
    return tmp_path


def test_cli_editions_handout_and_answer_key(project_copy):
    assert _cli(project_copy, "editions").returncode == 0
    assert (project_copy / "dist" / "student").is_dir()
    assert _cli(project_copy, "handout").returncode == 0
    handout = (project_copy / "dist" / "handout.html").read_text()
    from course_lib.answers import active_prompts

    for pid, info in active_prompts().items():
        assert pid in handout and info["paragraphs"] in handout
    assert _cli(project_copy, "answer-key").returncode == 0
    key = (project_copy / "dist" / "answer_key.html").read_text()
    for ex_id in checks.active_keys():
        assert f"Exercise {ex_id}" in key
    assert key.count("page-break-after") >= 1 and "(no solution cell" not in key


def test_cli_export_writes_the_students_answers(project_copy, monkeypatch):
    answers_dir = project_copy / "work" / "student" / "answers"
    env = dict(os.environ, COURSE_ANSWERS_DIR=str(answers_dir))
    from course_lib import answers

    monkeypatch.setenv("COURSE_ANSWERS_DIR", str(answers_dir))
    pid = next(iter(answers.prompts()))
    answers.save_answer(pid, "An answer to submit")
    result = _cli(project_copy, "export", env=env)
    assert result.returncode == 0, result.stderr
    assert "An answer to submit" in (answers_dir / "my-answers.md").read_text()


def test_cli_reset_without_lesson_is_a_clear_error(project_copy):
    env = {k: v for k, v in os.environ.items() if k != "LESSON"}
    result = _cli(project_copy, "reset", env=env)
    assert result.returncode == 1 and "Say which lesson" in result.stderr


def test_make_targets_call_the_cli():
    dry = subprocess.run(["make", "-n", "-C", str(ROOT), "editions", "handout", "answer-key", "export"],
                         capture_output=True, text=True, check=True).stdout
    for command in ("course_lib editions", "course_lib handout", "course_lib answer-key", "course_lib export"):
        assert command in dry


def test_commands_work_on_the_course_folder_not_the_one_they_run_in(project_copy, tmp_path_factory):
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    (elsewhere / "dist").mkdir()
    (elsewhere / "dist" / "precious.txt").write_text("not the course's")
    (elsewhere / "notebooks").mkdir()
    for command in (["editions"], ["workcopy"], ["reset", "--lesson", "01"]):
        result = _cli(project_copy, *command, cwd=elsewhere)
        assert result.returncode == 0, result.stderr
    assert (elsewhere / "dist" / "precious.txt").read_text() == "not the course's"
    assert sorted(p.name for p in elsewhere.rglob("*")) == ["dist", "notebooks", "precious.txt"]
    assert (project_copy / "work" / "student" / "01_fifty_years.ipynb").is_file()


def test_the_course_root_comes_from_the_package_or_is_refused(tmp_path, monkeypatch):
    monkeypatch.delenv("COURSE_ROOT", raising=False)
    assert editions.course_root() == ROOT
    env = dict(os.environ, COURSE_ROOT=str(tmp_path))
    (tmp_path / "dist").mkdir()
    (tmp_path / "dist" / "keep.txt").write_text("x")
    for command in ("editions", "workcopy", "handout"):
        result = _cli(tmp_path, command, env=env)
        assert result.returncode == 1 and "Cannot find the course's lesson sources" in result.stderr
    assert (tmp_path / "dist" / "keep.txt").exists()


def test_a_build_never_deletes_what_the_course_did_not_create(project_copy):
    mine = project_copy / "dist" / "student" / "my-notes.txt"
    mine.parent.mkdir(parents=True)
    mine.write_text("mine")
    result = _cli(project_copy, "editions")
    assert result.returncode == 1 and "was not made by the course" in result.stderr
    mine.unlink()
    assert _cli(project_copy, "editions").returncode == 0
    mine.write_text("mine")  # a file added to a folder the course did make
    assert _cli(project_copy, "editions").returncode == 0
    assert mine.read_text() == "mine"


@pytest.mark.parametrize("lesson", ["*", "../../notebooks/01", "01/../../x", "'; touch pwned; '", "1.0", "001",
                                    "99", "0x1", "\u0661"])
def test_reset_accepts_only_known_lesson_ids(project_copy, lesson):
    assert _cli(project_copy, "editions").returncode == 0
    result = _cli(project_copy, "reset", env=dict(os.environ, LESSON=lesson))
    assert result.returncode == 1 and "no lesson" in result.stderr.lower(), result.stderr
    assert not (project_copy / "work").exists() and not (project_copy / "pwned").exists()


@pytest.mark.parametrize("lesson, name", [("01", "01_fifty_years.ipynb"), ("1", "01_fifty_years.ipynb"),
                                          ("data_guide", "data_guide.ipynb")])
def test_reset_takes_the_lesson_from_the_environment_as_make_passes_it(project_copy, lesson, name):
    result = _cli(project_copy, "reset", env=dict(os.environ, LESSON=lesson))
    assert result.returncode == 0, result.stderr
    assert (project_copy / "work" / "student" / name).is_file()


def test_make_passes_the_lesson_without_a_shell():
    dry = subprocess.run(["make", "-n", "-C", str(ROOT), "reset", "LESSON='; touch pwned; '"],
                         capture_output=True, text=True, check=True).stdout
    assert "pwned" not in dry and "course_lib reset" in dry


def test_answer_key_with_a_lesson_file_missing_is_a_clear_error(project_copy):
    (project_copy / "notebooks" / "01_fifty_years.ipynb").unlink()
    result = _cli(project_copy, "answer-key")
    assert result.returncode == 1
    assert "needs lesson 01's notebook" in result.stderr and "Traceback" not in result.stderr


def test_answer_key_links_solutions_by_metadata_not_by_text(project_copy):
    import json

    path = project_copy / "notebooks" / "00_start_here.ipynb"
    nb = json.loads(path.read_text())
    for cell in nb["cells"]:
        if cell["metadata"].get("exercise") == "00.4":
            cell["source"] = ["answer = 41 + 1  # the id is only in the metadata\n"]
    path.write_text(json.dumps(nb))
    assert _cli(project_copy, "answer-key").returncode == 0
    key = (project_copy / "dist" / "answer_key.html").read_text()
    assert "answer = 41 + 1" in key.split("Exercise 00.4")[1].split("Exercise 00.5")[0]


def test_an_empty_build_fails_loudly(project_copy):
    for path in (project_copy / "notebooks").glob("*.ipynb"):
        path.unlink()
    for command in ("editions", "workcopy"):
        result = _cli(project_copy, command)
        assert result.returncode == 1 and "No lesson notebooks found" in result.stderr
    result = _cli(project_copy, "execute", str(project_copy / "notebooks" / "*.ipynb"))
    assert result.returncode == 1 and "No such notebook" in result.stderr


def test_workcopy_writes_its_marker_and_an_export_makefile(project_copy):
    assert _cli(project_copy, "workcopy").returncode == 0
    work = project_copy / "work" / "student"
    assert (work / ".course-workcopy").is_file()
    assert "course_lib export" in (work / "Makefile").read_text()
    # `make export` in a terminal opened in the work copy (where JupyterLab's terminal starts)
    from course_lib import answers

    env = {k: v for k, v in os.environ.items() if k not in ("COURSE_ANSWERS_DIR", "MAKEFLAGS", "MAKELEVEL")}
    os.environ["COURSE_ANSWERS_DIR"], saved = str(work / "answers"), os.environ["COURSE_ANSWERS_DIR"]
    try:
        answers.save_answer(next(iter(answers.active_prompts())), "Written in the lab")
    finally:
        os.environ["COURSE_ANSWERS_DIR"] = saved
    result = subprocess.run(["make", "export"], cwd=work, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"to {work / 'answers'}" in result.stdout
    assert "Written in the lab" in (work / "answers" / "my-answers.md").read_text()
