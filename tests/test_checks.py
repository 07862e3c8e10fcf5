"""Self-checks: every answer kind, hashing, feedback, and bad input."""

import datetime as dt
import json

import numpy as np
import pandas as pd
import pytest

from course_lib import checks
from course_lib.errors import AnswerError


@pytest.fixture
def keys(monkeypatch, answers_dir):
    table = {
        "99.1": {"lesson": "99", "question": "How many?", "hint": "Count rows.",
                 **checks.make_key("number", 3.14159, precision=2)},
        "99.2": {"lesson": "99", "question": "Which party?", "hint": "The big one.",
                 **checks.make_key("string", "Liberal Democratic Party")},
        "99.3": {"lesson": "99", "question": "Which parties?", "hint": "Three.",
                 **checks.make_key("set", ["DPJ", "SDP", "PNP"])},
        "99.4": {"lesson": "99", "question": "When?", "hint": "September.",
                 **checks.make_key("date", "2009-09-16")},
        "99.5": {"lesson": "99", "question": "Which table?", "hint": "Two rows.",
                 **checks.make_key("frame", pd.DataFrame({"party": ["DPJ", "LDP"], "seats": [308, 119]}))},
        "99.6": {"lesson": "99", "question": "How many events?", "hint": "Count them.",
                 **checks.make_key("count", 17)},
        "99.7": {"lesson": "99", "question": "How many troops?", "hint": "Thousands.",
                 **checks.make_key("count", 1700)},
        "99.8": {"lesson": "99", "question": "What share?", "hint": "Two decimals.",
                 **checks.make_key("number", "2.68", precision=2)},
        "99.9": {"lesson": "99", "question": "Sum?", "hint": "Add.",
                 **checks.make_key("number", "0.30", precision=2)},
    }
    monkeypatch.setattr(checks, "_keys", lambda: table)
    return table


@pytest.mark.parametrize("exercise_id, answer", [
    ("99.1", 3.14), ("99.1", 3.1416), ("99.1", "3.14"),
    ("99.2", "  liberal democratic   party. "), ("99.2", "LIBERAL DEMOCRATIC PARTY"),
    ("99.3", {"pnp", "dpj", "sdp"}), ("99.3", ["SDP", "PNP", "DPJ", "DPJ"]),
    ("99.4", "2009-09-16"), ("99.4", dt.date(2009, 9, 16)), ("99.4", pd.Timestamp("2009-09-16")),
    ("99.5", pd.DataFrame({"Party": ["DPJ", "LDP"], "seats": [308, 119]}, index=[5, 9])),
    ("99.6", 17), ("99.6", 17.0), ("99.6", "17"), ("99.6", np.int64(17)), ("99.6", np.array(17)),
    ("99.6", pd.Series([17]).sum()), ("99.7", "1,700"), ("99.7", " 1700 "), ("99.7", 1700.0),
    ("99.4", np.datetime64("2009-09-16")), ("99.4", np.array(np.datetime64("2009-09-16T00:00"))),
    ("99.4", pd.Series(pd.to_datetime(["2009-09-16"])).to_numpy()[0]),
    ("99.1", np.array(3.14159)), ("99.8", 2.675), ("99.8", "2.675"), ("99.9", 0.1 + 0.2),
    ("99.3", pd.Series(["PNP", "DPJ", "SDP"])), ("99.3", np.array(["PNP", "DPJ", "SDP"])),
])
def test_equivalent_answers_are_correct(keys, exercise_id, answer):
    feedback = checks.check(exercise_id, answer)
    assert feedback.correct, feedback


@pytest.mark.parametrize("exercise_id, answer", [
    ("99.1", 3.15), ("99.2", "Democratic Party of Japan"), ("99.3", ["DPJ", "SDP"]),
    ("99.4", "2009-09-17"), ("99.5", pd.DataFrame({"party": ["DPJ"], "seats": [308]})),
])
def test_wrong_answers_get_not_yet_with_the_hint(keys, exercise_id, answer):
    feedback = checks.check(exercise_id, answer)
    assert feedback.status == "not yet"
    assert keys[exercise_id]["hint"] in feedback.message


def test_unanswered_exercise_says_not_answered_yet(keys):
    assert checks.check("99.1").status == "not answered"
    assert checks.check("99.1", ...).status == "not answered"


@pytest.mark.parametrize("exercise_id, answer, words", [
    ("99.6", 17.4, "whole number"), ("99.6", "17.4", "whole number"), ("99.6", "1,7", "groups of three"),
    ("99.7", "1,70,0", "groups of three"), ("99.6", "\uff11\uff17", "digits 0-9"),
    ("99.3", pd.DataFrame({"DPJ": [1], "SDP": [2], "PNP": [3]}), "whole table"),
    ("99.3", {"DPJ": 1, "SDP": 2, "PNP": 3}, "several"), ("99.1", 10**400, "Hint"), ("99.6", 10**400, "Hint"),
    ("99.1", -10**400, "Hint"), ("99.8", 2.665, "Hint"), ("99.1", float("inf"), "finite"),
    ("99.1", "three", "not one"), ("99.1", [3], "number"), ("99.1", True, "number"),
    ("99.1", float("nan"), "finite"), ("99.2", 42, "text"), ("99.3", "DPJ", "several"),
    ("99.4", "sometime", "not a date"), ("99.4", 2009, "date"), ("99.5", [1, 2], "DataFrame"),
])
def test_wrong_types_get_a_clear_message_not_a_traceback(keys, exercise_id, answer, words):
    feedback = checks.check(exercise_id, answer)
    assert feedback.status == "not yet" and words in feedback.message, feedback


def test_unknown_exercise_id_is_a_clear_error(keys):
    with pytest.raises(AnswerError, match="no exercise '99.99'"):
        checks.check("99.99", 1)
    with pytest.raises(AnswerError, match="no exercise"):
        checks.check(None, 1)


def test_student_input_is_never_evaluated(keys, answers_dir):
    marker = answers_dir.parent / "pwned"
    checks.check("99.2", f"__import__('pathlib').Path({str(marker)!r}).touch()")
    assert not marker.exists()


def test_results_are_recorded_and_correct_stays_correct(keys, answers_dir):
    checks.check("99.1", 1)
    checks.check("99.1", 3.14)
    checks.check("99.1", 2)
    assert checks.results()["99.1"] == {"correct": True, "attempts": 3}
    assert json.loads((answers_dir / "checks.json").read_text())["99.1"]["correct"] is True


def test_keys_hold_no_plain_answers():
    for ex_id, entry in checks._keys().items():
        assert {*checks.PUBLIC, *checks.SECRET} <= set(entry), ex_id
        assert set(entry) <= {*checks.PUBLIC, *checks.SECRET, *checks.OPTIONAL}, ex_id
        assert entry["kind"] in checks.KINDS
        assert len(entry["sha256"]) == 64


def test_every_exercise_is_checked_correct_by_a_solution_cell():
    import nbformat

    from course_lib.editions import SOLUTION, source_notebooks, tags

    outputs = []
    for path in source_notebooks("notebooks"):
        for cell in nbformat.read(path, as_version=4).cells:
            if SOLUTION in tags(cell):
                outputs += [o.get("data", {}).get("text/plain", "") for o in cell.get("outputs", [])]
    for ex_id in checks.active_keys():
        assert f"Exercise {ex_id}: correct. Well done." in outputs, ex_id


def test_feedback_renders_html():
    text = checks.Feedback("01.1", "correct", "correct. Well done.")._repr_html_()
    assert 'data-status="correct"' in text and "01.1" in text


def test_count_exercises_are_counts():
    """Exercises that count things are judged as whole numbers, not as rounded decimals."""
    counts = ("01.5", "01.7", "01.8", "01.9")
    assert {e: k["kind"] for e, k in checks._keys().items() if e in counts} == dict.fromkeys(counts, "count")


def test_every_solution_cell_names_its_exercise_in_metadata():
    import nbformat

    from course_lib.editions import SOLUTION, exercise_of, source_notebooks, tags

    linked = {}
    for path in source_notebooks("notebooks"):
        for cell in nbformat.read(path, as_version=4).cells:
            if SOLUTION in tags(cell):
                assert exercise_of(cell) in checks._keys(), cell.source[:80]
                linked[exercise_of(cell)] = path.name
    assert set(linked) == set(checks.active_keys())


def test_accepted_variants_and_anticipated_wrong_answers_with_their_own_hints(monkeypatch, answers_dir, tmp_path):
    monkeypatch.setattr(checks, "KEYS_DIR", tmp_path)
    checks._keys.cache_clear()
    try:
        checks.add_exercise("98.1", "string", "Ministry of Defense", question="Which ministry?",
                            hint="Read the glossary.", accepted=["Ministry of Defence"],
                            anticipated=[("Defense Agency", "The agency became a ministry in January 2007.")])
        checks.add_exercise("98.2", "date", "1960-06-23", question="In force?", hint="Which step?",
                            anticipated=[("1960-01-19", "That is the signing; which step is entry into force?")])
        assert checks.check("98.1", "ministry of defence").correct
        assert checks.check("98.1", "Ministry of Defense").correct
        assert "became a ministry in January 2007" in checks.check("98.1", "Defense Agency").message
        assert "Read the glossary." in checks.check("98.1", "Foreign Ministry").message
        assert "That is the signing" in checks.check("98.2", "1960-01-19").message
        with pytest.raises(AnswerError, match="also a right answer"):
            checks.add_exercise("98.3", "count", 3, question="?", hint="?", anticipated=[(3, "no")])
    finally:
        checks._keys.cache_clear()


def test_a_none_answer_says_what_none_means(keys):
    feedback = checks.check("99.1", None)
    assert feedback.status == "not yet" and "print(...) returns None" in feedback.message
    assert "inplace=True" in feedback.message


# --------------------------------------------------------------------------- ids are forever

@pytest.fixture
def key_files(monkeypatch, answers_dir, tmp_path):
    """A private exercises folder with one current and one retired exercise."""
    monkeypatch.setattr(checks, "KEYS_DIR", tmp_path / "keys")
    checks._keys.cache_clear()
    checks.add_exercise("97.1", "count", 3, question="How many?", hint="Count.")
    checks.add_exercise("97.2", "count", 5, question="How many now?", hint="Count again.")
    checks.retire_exercise("97.1", "97.2", "the count could be read off the table above")
    yield tmp_path / "keys"
    checks._keys.cache_clear()


def test_a_retired_exercise_says_it_was_replaced_and_does_not_count(key_files, answers_dir):
    feedback = checks.check("97.1", 3)
    assert feedback.status == "replaced" and not feedback.correct
    assert "replaced by 97.2" in feedback.message and "make reset LESSON=97" in feedback.message
    assert "read off the table" in feedback.message
    assert checks.check("97.1").status == "replaced"  # even unanswered: the old cell says what happened
    assert "97.1" not in checks.results()
    assert list(checks.active_keys()) == ["97.2"] and checks.retired("97.2") is None
    assert checks.exercise("97.1")["question"] == "How many?"  # still known, never an error


def test_progress_export_and_answer_key_leave_retired_exercises_out(key_files, answers_dir, monkeypatch):
    from course_lib import answers, documents
    from course_lib.lessons import Lesson

    only = (Lesson("97", "97_x.ipynb", "X", 5, ("P1",), ()),)
    monkeypatch.setattr("course_lib.lessons.LESSONS", only)
    monkeypatch.setattr(documents, "LESSONS", only)
    checks.check("97.2", 5)
    row = answers.progress().iloc[0]
    assert row["exercises"] == 1 and row["correct_ids"] == "97.2"
    text = answers.export_answers().files[0].read_text()
    assert "| 97.2 | correct | 1 |" in text and "97.1" not in text
    import nbformat

    notebooks = key_files.parent / "notebooks"
    notebooks.mkdir()
    cell = nbformat.v4.new_code_cell("answer = 5")
    cell.metadata.update({"tags": ["solution"], "exercise": "97.2"})
    nbformat.write(nbformat.v4.new_notebook(cells=[cell]), notebooks / "97_x.ipynb")
    key = documents.answer_key(notebooks)
    assert "Exercise 97.2" in key and "Exercise 97.1" not in key


def test_ids_are_never_reused_for_another_question(key_files):
    with pytest.raises(AnswerError, match="retired; ids are never reused"):
        checks.add_exercise("97.1", "count", 3, question="How many?", hint="Count.")
    with pytest.raises(AnswerError, match="different answer"):
        checks.add_exercise("97.2", "count", 6, question="How many now?", hint="Count again.")
    with pytest.raises(AnswerError, match="--reword"):
        checks.add_exercise("97.2", "count", 5, question="How many are there now?", hint="Count.")
    checks.add_exercise("97.2", "count", 5, question="How many now?", hint="A better hint.",
                        anticipated=[(4, "One is missing.")])  # same question: new hints are fine
    checks.add_exercise("97.2", "count", 5, question="How many are there now?", hint="Count.", reword=True)
    assert "One is missing" not in checks.check("97.2", 4).message  # the reworded key replaced the hints
    with pytest.raises(AnswerError, match="current exercises"):
        checks.retire_exercise("97.2", "97.1", "replaced by a retired one")
    with pytest.raises(AnswerError, match="replaced-by"):
        checks.retire_exercise("97.2", [], "no replacement named")
    checks.add_exercise("97.3", "count", 7, question="How many later?", hint="Count.")
    with pytest.raises(AnswerError, match="why"):
        checks.retire_exercise("97.2", "97.3", " ")


def test_retire_exercise_from_the_command_line(tmp_path):
    import shutil
    import subprocess
    import sys
    from pathlib import Path

    package = Path(checks.__file__).parent
    copy = tmp_path / "course_lib"
    shutil.copytree(package, copy, ignore=shutil.ignore_patterns("__pycache__"))
    env = {**__import__("os").environ, "PYTHONPATH": str(tmp_path)}
    run = lambda *a: subprocess.run([sys.executable, "-m", "course_lib", *a], cwd=tmp_path, env=env,  # noqa: E731
                                    capture_output=True, text=True)
    for ex_id, answer in (("96.1", "2"), ("96.2", "3")):
        stored = run("add-exercise", ex_id, "--kind", "count", "--answer", answer, "--question", f"Q{ex_id}?",
                     "--hint", "H")
        assert stored.returncode == 0, stored.stderr
    done = run("retire-exercise", "96.1", "--replaced-by", "96.2", "--why", "a look-up")
    assert done.returncode == 0 and "never be reused" in done.stdout
    again = run("add-exercise", "96.1", "--kind", "count", "--answer", "9", "--question", "New?", "--hint", "H")
    assert again.returncode == 1 and "never reused" in again.stderr and "Traceback" not in again.stderr
    import json
    keys = json.loads((copy / "content" / "exercises" / "96.json").read_text())
    assert keys["96.1"]["retired"] == {"replaced_by": ["96.2"], "why": "a look-up"}


def test_the_real_retired_exercises_point_to_current_ones():
    for ex_id, entry in checks._keys().items():
        gone = entry.get("retired")
        if gone:
            assert gone["replaced_by"] and gone["why"].strip(), ex_id
            assert all(new in checks.active_keys() for new in gone["replaced_by"]), ex_id
    assert {"00.1", "00.2", "00.3", "01.1", "01.2", "01.3", "01.4"} <= {
        e for e, k in checks._keys().items() if k.get("retired")}


def test_every_claim_kind_question_answered_interpretive_accepts_the_variant_spelling():
    """'interpretative' is standard English for 'interpretive': a student who writes it is right."""
    found = 0
    for exercise, key in checks._keys().items():
        if key.get("retired") or key["kind"] != "string":
            continue
        if checks.digest(key["salt"], checks.normalise("string", "interpretive")) == key["sha256"]:
            found += 1
            assert checks.check(exercise, "Interpretative").status == "correct", exercise
    assert found >= 2
