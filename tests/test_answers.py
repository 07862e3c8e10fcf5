"""Written answers and progress: atomic, never lost, never escaping the answers folder."""

import json
import multiprocessing
import os

import pytest

from course_lib import answers, store
from course_lib.errors import AnswerError


@pytest.fixture
def prompt_id():
    return next(iter(answers.prompts()))


def test_answers_dir_follows_the_one_rule(monkeypatch, tmp_path):
    monkeypatch.setenv("COURSE_ANSWERS_DIR", str(tmp_path / "x"))
    assert store.answers_dir() == tmp_path / "x"
    monkeypatch.delenv("COURSE_ANSWERS_DIR")
    monkeypatch.chdir(tmp_path)
    assert store.answers_dir() == tmp_path / "answers"


def test_save_and_reload(answers_dir, prompt_id):
    assert answers.saved_answer(prompt_id) == ""
    assert answers.save_answer(prompt_id, "Trust matters.").startswith("Saved")
    assert answers.saved_answer(prompt_id) == "Trust matters."


def test_unicode_and_long_answers_survive(answers_dir, prompt_id):
    text = "普天間 relocation \u2014 \u201cequal\u201d alliance. " * 2000
    answers.save_answer(prompt_id, text)
    assert answers.saved_answer(prompt_id) == text


def test_empty_text_never_replaces_a_saved_answer_by_accident(answers_dir, prompt_id):
    answers.save_answer(prompt_id, "My answer")
    assert "kept" in answers.save_answer(prompt_id, "   ")
    assert answers.saved_answer(prompt_id) == "My answer"


def test_clearing_is_explicit_and_keeps_the_old_text(answers_dir, prompt_id):
    answers.save_answer(prompt_id, "My answer")
    answers.save_answer(prompt_id, "", clear=True)
    assert answers.saved_answer(prompt_id) == ""
    lesson = answers.prompts()[prompt_id]["lesson"]
    saved = json.loads((answers_dir / f"lesson-{lesson}.json").read_text())
    assert saved[prompt_id]["previous"] == "My answer"


def _save_many(args):
    folder, prompt_id, worker = args
    os.environ["COURSE_ANSWERS_DIR"] = folder
    for i in range(20):
        store.update("lesson-zz", lambda s, i=i: s.__setitem__(f"{worker}-{i}", {"text": "x"}))


def test_concurrent_saves_lose_nothing(answers_dir, prompt_id):
    with multiprocessing.get_context("spawn").Pool(4) as pool:
        pool.map(_save_many, [(str(answers_dir), prompt_id, w) for w in range(4)])
    assert len(store.read("lesson-zz")) == 80


def test_a_crash_mid_write_leaves_the_old_file(answers_dir, prompt_id, monkeypatch):
    answers.save_answer(prompt_id, "first")

    def crash(*args, **kwargs):
        raise KeyboardInterrupt("power cut")

    monkeypatch.setattr(store.json, "dump", crash)
    with pytest.raises(KeyboardInterrupt):
        answers.save_answer(prompt_id, "second")
    monkeypatch.undo()
    os.environ["COURSE_ANSWERS_DIR"] = str(answers_dir)
    assert answers.saved_answer(prompt_id) == "first"
    assert not [p for p in answers_dir.iterdir() if p.suffix == ".tmp"]


def test_a_corrupted_file_is_set_aside_with_a_clear_error(answers_dir, prompt_id):
    answers.save_answer(prompt_id, "first")
    lesson = answers.prompts()[prompt_id]["lesson"]
    path = answers_dir / f"lesson-{lesson}.json"
    path.write_text("{not json")
    with pytest.raises(AnswerError, match="could not be read.*kept as lesson-.*corrupt-1.json"):
        answers.saved_answer(prompt_id)
    assert (answers_dir / f"lesson-{lesson}.corrupt-1.json").read_text() == "{not json"
    assert answers.saved_answer(prompt_id) == ""


@pytest.mark.parametrize("bad", ["../escape", "/etc/passwd", "a/b", "..", "", None, "x" * 60])
def test_lesson_ids_cannot_escape_the_answers_folder(answers_dir, bad):
    with pytest.raises(AnswerError):
        store.state_file(bad)


def test_unknown_prompt_and_wrong_type_are_clear_errors(answers_dir, prompt_id):
    with pytest.raises(AnswerError, match="no discussion prompt"):
        answers.save_answer("99.D9", "x")
    with pytest.raises(AnswerError, match="must be text"):
        answers.save_answer(prompt_id, 42)


def test_prompt_widget_reloads_saved_answer_and_saves_changes(answers_dir, prompt_id):
    answers.save_answer(prompt_id, "before restart")
    box = answers.prompt(prompt_id)
    textarea = box.children[1]
    assert textarea.value == "before restart"
    textarea.value = "after restart"
    assert answers.saved_answer(prompt_id) == "after restart"
    textarea.value = ""
    assert answers.saved_answer(prompt_id) == "after restart"
    box.children[2].children[0].click()
    assert answers.saved_answer(prompt_id) == "" and textarea.value == ""


def test_progress_counts_exercises_and_prompts(answers_dir, prompt_id):
    from course_lib import checks

    answers.save_answer(prompt_id, "done")
    ex_id = next(iter(checks._keys()))
    store.update("checks", lambda s: s.__setitem__(ex_id, {"correct": True, "attempts": 1}))
    table = answers.progress()
    row = table[table["lesson"] == ex_id.split(".")[0]].iloc[0]
    assert row["exercises_correct"] == 1 and ex_id in row["correct_ids"]
    assert table["prompts_answered"].sum() == 1


def test_export_writes_markdown_and_html_with_every_prompt(answers_dir, prompt_id):
    answers.save_answer(prompt_id, "My <b>answer</b> & more")
    md, page = answers.export_answers()
    assert "My <b>answer</b> & more" in md.read_text()
    assert "My &lt;b&gt;answer&lt;/b&gt; &amp; more" in page.read_text()
    for pid in answers.prompts():
        assert pid in md.read_text()
