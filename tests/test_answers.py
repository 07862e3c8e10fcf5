"""Written answers: atomic, never lost, never escaping the answers folder, failures in words."""

import errno
import json
import multiprocessing
import os
import subprocess
import sys
from pathlib import Path

import pytest

from course_lib import answers, checks, store
from course_lib.errors import AnswerError

ROOT = Path(__file__).resolve().parent.parent
LONG = "The alliance drifted because both governments lost interest in its daily management. " * 3


@pytest.fixture
def prompt_id():
    return next(iter(answers.active_prompts()))


def lesson_path(answers_dir, prompt_id):
    return answers_dir / f"lesson-{answers.prompts()[prompt_id]['lesson']}.json"


def box_of(widget):
    """The AnswerBox inside a prompt widget."""
    return next(c for c in widget.children if hasattr(c, "click_clear"))


def oserror(code):
    def fail(*args, **kwargs):
        raise OSError(code, os.strerror(code))
    return fail


# --------------------------------------------------------------------------- the answers folder

def test_answers_dir_follows_the_one_rule(monkeypatch, tmp_path):
    monkeypatch.setenv("COURSE_ANSWERS_DIR", str(tmp_path / "x"))
    assert store.answers_dir() == tmp_path / "x"
    assert "COURSE_ANSWERS_DIR" in store.answers_location()[1]
    monkeypatch.delenv("COURSE_ANSWERS_DIR")
    monkeypatch.chdir(tmp_path)
    assert store.answers_dir() == tmp_path / "answers"
    assert "beside the notebook" in store.answers_location()[1]


def test_the_work_copy_marker_gives_one_folder_from_any_subfolder(monkeypatch, tmp_path):
    monkeypatch.delenv("COURSE_ANSWERS_DIR")
    work = tmp_path / "work" / "student"
    (work / "replaced").mkdir(parents=True)
    (work / store.MARKER).write_text("{}")
    for start in (work, work / "replaced"):
        monkeypatch.chdir(start)
        folder, why = store.answers_location()
        assert folder == work / "answers" and str(work) in why


# --------------------------------------------------------------------------- saving

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


def test_an_older_files_shape_still_loads(answers_dir, prompt_id):
    path = lesson_path(answers_dir, prompt_id)
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps({prompt_id: {"text": "", "previous": "old words"}}))
    assert answers.saved_answer(prompt_id) == ""
    assert [v.value for v in answers.history(prompt_id)] == ["old words"]


def _save_many(args):
    folder, worker = args
    os.environ["COURSE_ANSWERS_DIR"] = folder
    for i in range(20):
        store.update("lesson-zz", lambda s, i=i: s.__setitem__(f"{worker}-{i}", {"text": "x"}))


def test_concurrent_saves_lose_nothing(answers_dir):
    with multiprocessing.get_context("spawn").Pool(4) as pool:
        pool.map(_save_many, [(str(answers_dir), w) for w in range(4)])
    assert len(store.read("lesson-zz")) == 80


def test_the_lock_is_filelock_not_fcntl():
    source = (ROOT / "course_lib" / "store.py").read_text()
    assert "fcntl" not in source and "from filelock import FileLock" in source


def test_a_crash_mid_write_leaves_the_old_file(answers_dir, prompt_id, monkeypatch):
    answers.save_answer(prompt_id, "first")

    def crash(*args, **kwargs):
        raise KeyboardInterrupt("power cut")

    monkeypatch.setattr(store.os, "fsync", crash)
    with pytest.raises(KeyboardInterrupt):
        answers.save_answer(prompt_id, "second")
    monkeypatch.undo()
    monkeypatch.setenv("COURSE_ANSWERS_DIR", str(answers_dir))  # undone again at teardown: later tests and
    # nbval's kernels must not inherit this test's answers (a progress cell would count them)
    assert answers.saved_answer(prompt_id) == "first"
    assert not [p for p in answers_dir.iterdir() if p.suffix == ".tmp"]


KILLED_MID_WRITE = """
import os, sys
from course_lib import answers, store
os.replace = lambda *a: os._exit(9)   # killed after the temporary file is written
answers.save_answer(sys.argv[1], "second")
"""


def test_a_kill_mid_write_leaves_no_stray_temporary_file_after_the_next_start(answers_dir, prompt_id):
    answers.save_answer(prompt_id, "first")
    killed = subprocess.run([sys.executable, "-c", KILLED_MID_WRITE, prompt_id],
                            env=dict(os.environ, COURSE_ANSWERS_DIR=str(answers_dir)))
    assert killed.returncode == 9
    assert [p for p in answers_dir.iterdir() if p.suffix == ".tmp"]  # what the kill left
    store._swept.clear()  # the next start: a new kernel reads the answer ...
    assert answers.saved_answer(prompt_id) == "first"
    assert not [p for p in answers_dir.iterdir() if p.suffix == ".tmp"]  # ... and the leftover is gone
    answers.save_answer(prompt_id, "third")
    assert not [p for p in answers_dir.iterdir() if p.suffix == ".tmp"]


# --------------------------------------------------------------------------- damaged and foreign files

@pytest.mark.parametrize("content, reason", [
    (b"{not json", "damaged"),
    (b"\xff\xfe\x00garbage", "not UTF-8"),
    (b'["a", "list"]', "shape"),
    (b'{"00.D1": "just text"}', "shape"),
    (b'{"00.D1": {"value": 42}}', "shape"),
])
def test_a_damaged_or_foreign_file_is_set_aside_and_explained(answers_dir, prompt_id, content, reason):
    answers.save_answer(prompt_id, "first")
    path = lesson_path(answers_dir, prompt_id)
    path.write_bytes(content)
    with pytest.raises(AnswerError, match=f"{reason}.*kept as lesson-.*corrupt-1.json"):
        answers.saved_answer(prompt_id)
    assert (path.parent / f"{path.stem}.corrupt-1.json").read_bytes() == content
    assert answers.saved_answer(prompt_id) == ""


def test_saving_over_a_damaged_file_says_so_and_saves(answers_dir, prompt_id):
    path = lesson_path(answers_dir, prompt_id)
    path.parent.mkdir(parents=True)
    path.write_bytes(b"\x00\x01 not ours")
    line = answers.save_answer(prompt_id, "fresh text")
    assert "could not be read" in line and "corrupt-1.json" in line and line.endswith("Saved (2 words).")
    assert answers.saved_answer(prompt_id) == "fresh text"


def test_a_file_is_set_aside_only_if_still_damaged_under_the_lock(answers_dir, prompt_id, monkeypatch):
    answers.save_answer(prompt_id, "good")
    path = lesson_path(answers_dir, prompt_id)
    good = path.read_bytes()
    path.write_bytes(good[: len(good) // 2])  # another kernel is half-way through... no: a torn read
    real_locked = store.locked

    def lock_then_repair(target):
        path.write_bytes(good)  # by the time we hold the lock, the other writer has finished
        return real_locked(target)

    monkeypatch.setattr(store, "locked", lock_then_repair)
    assert answers.saved_answer(prompt_id) == "good"
    assert not list(answers_dir.glob("*.corrupt-*"))


def test_progress_and_export_survive_a_foreign_file(answers_dir, prompt_id, capsys):
    answers_dir.mkdir()
    (answers_dir / "checks.json").write_text('{"00.4": "yes"}')
    table = answers.progress()
    assert table["exercises_correct"].sum() == 0
    assert "kept as checks.corrupt-1.json" in capsys.readouterr().err


def test_check_still_gives_feedback_when_progress_cannot_be_recorded(answers_dir, monkeypatch):
    monkeypatch.setattr(store.tempfile, "mkstemp", oserror(errno.EROFS))
    feedback = checks.check("00.4", 10**400)
    assert feedback.status == "not yet" and "Hint:" in feedback.message
    assert "Not recorded in your progress: the answers folder is read-only" in feedback.message


@pytest.mark.parametrize("bad", ["../escape", "/etc/passwd", "a/b", "..", "", None, "x" * 60])
def test_lesson_ids_cannot_escape_the_answers_folder(answers_dir, bad):
    with pytest.raises(AnswerError):
        store.state_file(bad)


def test_unknown_prompt_and_wrong_type_are_clear_errors(answers_dir, prompt_id):
    with pytest.raises(AnswerError, match="no discussion prompt"):
        answers.save_answer("99.D9", "x")
    with pytest.raises(AnswerError, match="must be text"):
        answers.save_answer(prompt_id, 42)


# --------------------------------------------------------------------------- the box: failures in words

@pytest.mark.parametrize("fault, words", [
    (("mkstemp", errno.EROFS), "Not saved: the answers folder is read-only. Copy your text somewhere safe."),
    (("mkstemp", errno.EACCES), "Not saved: the answers folder is read-only."),
    (("fsync", errno.ENOSPC), "Not saved: the disk is full."),
])
def test_a_failed_autosave_says_so_in_the_status_line_and_keeps_the_text(answers_dir, prompt_id,
                                                                         monkeypatch, fault, words):
    box = box_of(answers.prompt(prompt_id))
    box.value = "saved part"
    target = store.tempfile if fault[0] == "mkstemp" else store.os
    monkeypatch.setattr(target, fault[0], oserror(fault[1]))
    box.value = "saved part and more"  # must not raise out of the observer
    assert box.status.startswith(words) and box.state == "error"
    assert box.value == "saved part and more"
    monkeypatch.undo()
    monkeypatch.setenv("COURSE_ANSWERS_DIR", str(answers_dir))  # undone again at teardown: later tests and
    # nbval's kernels must not inherit this test's answers (a progress cell would count them)
    assert answers.saved_answer(prompt_id) == "saved part"
    assert not [p for p in answers_dir.iterdir() if p.suffix == ".tmp"]


def test_a_lone_surrogate_is_not_saved_and_the_box_says_why(answers_dir, prompt_id):
    box = box_of(answers.prompt(prompt_id))
    box.value = "before"
    box.value = "broken \ud83d emoji"
    assert "cannot be stored" in box.status and box.status.startswith("Not saved:")
    assert box.value == "broken \ud83d emoji" and answers.saved_answer(prompt_id) == "before"


def test_a_malformed_answers_file_is_set_aside_and_the_box_says_so(answers_dir, prompt_id):
    box = box_of(answers.prompt(prompt_id))
    lesson_path(answers_dir, prompt_id).parent.mkdir(parents=True, exist_ok=True)
    lesson_path(answers_dir, prompt_id).write_text("{oops")
    box.value = "my text"
    assert "could not be read" in box.status and "Saved" in box.status
    assert answers.saved_answer(prompt_id) == "my text"


# --------------------------------------------------------------------------- stale boxes

def test_a_stale_box_never_overwrites_a_newer_answer_and_both_are_kept(answers_dir, prompt_id):
    older, newer = box_of(answers.prompt(prompt_id)), box_of(answers.prompt(prompt_id))
    newer.value = "the newer answer, from the second copy"
    older.value = "x"  # one keystroke in the first copy
    assert answers.saved_answer(prompt_id) == "the newer answer, from the second copy"
    assert older.state == "conflict" and "Both texts are kept" in older.status
    assert [v.value for v in answers.history(prompt_id)] == ["x"]
    older.value = "xy"  # more typing in the stale box updates its kept copy, not a new one each time
    assert [v.value for v in answers.history(prompt_id)] == ["xy"]
    newer.value = "the newer answer, from the second copy, continued"
    assert answers.saved_answer(prompt_id).endswith("continued") and newer.state == "ok"


def test_two_kernels_saving_with_seen_revisions(answers_dir, prompt_id):
    _, rev = answers.ANSWERS.load(prompt_id)
    answers.save_answer(prompt_id, "kernel two wrote this", seen_rev=rev)
    line = answers.save_answer(prompt_id, "kernel one, stale", seen_rev=rev)
    assert line.startswith("Not saved over a newer answer")
    assert answers.saved_answer(prompt_id) == "kernel two wrote this"
    assert "kernel one, stale" in [v.value for v in answers.history(prompt_id)]


# --------------------------------------------------------------------------- history and clear

def test_select_all_and_one_keystroke_keeps_the_old_text(answers_dir, prompt_id):
    box = box_of(answers.prompt(prompt_id))
    for end in range(10, len(LONG), 25):
        box.value = LONG[:end]
    box.value = LONG
    box.value = "a"
    assert answers.saved_answer(prompt_id) == "a"
    assert answers.history(prompt_id)[0].value == LONG
    assert answers.restore(prompt_id, 1).startswith("Earlier version restored")
    assert answers.saved_answer(prompt_id) == LONG
    assert answers.history(prompt_id)[0].value == "a"


def test_clear_write_clear_keeps_both_texts(answers_dir, prompt_id):
    answers.save_answer(prompt_id, "first answer")
    answers.save_answer(prompt_id, "", clear=True)
    answers.save_answer(prompt_id, "second answer")
    answers.save_answer(prompt_id, "", clear=True)
    assert [v.value for v in answers.history(prompt_id)] == ["second answer", "first answer"]
    assert all(v.at and v.why == "cleared" for v in answers.history(prompt_id))


def test_deleting_a_long_text_key_by_key_keeps_its_longest_form(answers_dir, prompt_id):
    box = box_of(answers.prompt(prompt_id))
    box.value = LONG
    for end in range(len(LONG) - 1, 5, -1):  # Backspace, one character at a time
        box.value = LONG[:end]
    box.value = LONG[:6] + " something else"
    assert LONG in [v.value for v in answers.history(prompt_id)]


def test_a_version_is_kept_every_five_minutes_of_writing(answers_dir, prompt_id, monkeypatch):
    clock = iter(f"2026-01-01T10:{m:02d}:00+00:00" for m in range(0, 60))
    monkeypatch.setattr(store, "now", lambda: next(clock))
    text = ""
    for word in "one two three four five six seven eight".split():
        text += word + " "
        answers.save_answer(prompt_id, text)
    kept = answers.history(prompt_id)
    assert kept and all(v.why.startswith("checkpoint") for v in kept)


def test_history_is_bounded_and_distinct(answers_dir, prompt_id):
    for i in range(30):
        answers.save_answer(prompt_id, f"version {i} " + chr(65 + i % 26) * 40)
        answers.save_answer(prompt_id, f"version {i} " + chr(65 + i % 26) * 40)
    kept = answers.history(prompt_id)
    assert len(kept) == answers.ANSWERS.history_size
    assert len({v.value for v in kept}) == len(kept)
    assert kept[0].value.startswith("version 28") and kept[0].number == 1


def test_restore_rejects_a_version_that_does_not_exist(answers_dir, prompt_id):
    with pytest.raises(AnswerError, match="no version 3"):
        answers.restore(prompt_id, 3)


def test_the_history_call_is_public_and_documented():
    import course_lib as cl

    assert cl.history is answers.history and cl.restore is answers.restore
    assert "cl.restore" in answers.history.__doc__
    assert "cl.history(" in (ROOT / "README.md").read_text()


def test_clear_asks_for_a_second_click_and_keeps_the_text(answers_dir, prompt_id):
    box = box_of(answers.prompt(prompt_id))
    box.value = "my answer"
    box.click_clear()
    assert answers.saved_answer(prompt_id) == "my answer" and box.clear_armed
    assert "Click again" in box.status
    box.value = "my answer, edited"  # typing disarms
    assert not box.clear_armed
    box.click_clear()
    box.click_clear()
    assert answers.saved_answer(prompt_id) == "" and box.value == ""
    assert answers.history(prompt_id)[0].value == "my answer, edited"


def test_the_clear_button_message_from_the_browser(answers_dir, prompt_id):
    box = box_of(answers.prompt(prompt_id))
    box.value = "kept"
    box._on_msg(box, {"type": "clear"}, [])
    assert answers.saved_answer(prompt_id) == "kept"
    box._on_msg(box, {"type": "clear"}, [])
    assert answers.saved_answer(prompt_id) == ""


def test_prompt_widget_reloads_saved_answer_and_saves_changes(answers_dir, prompt_id):
    answers.save_answer(prompt_id, "before restart")
    box = box_of(answers.prompt(prompt_id))
    assert box.value == "before restart" and box.label == f"Answer {prompt_id}"
    box.value = "after restart"
    assert answers.saved_answer(prompt_id) == "after restart"
    box.value = ""
    assert answers.saved_answer(prompt_id) == "after restart"


def test_text_typed_into_a_dead_box_is_recovered_by_the_next_one(answers_dir, prompt_id):
    dead = box_of(answers.prompt(prompt_id))
    dead.value = "saved before the restart"
    typed_after, rev = "saved before the restart, and typed after it", dead.rev
    fresh = box_of(answers.prompt(prompt_id))
    fresh._on_msg(fresh, {"type": "recover", "text": typed_after, "rev": rev, "key": "k"}, [])
    assert answers.saved_answer(prompt_id) == typed_after and fresh.value == typed_after
    # a dead box that is older than the saved answer: its text goes to the history
    fresh.value = "newest"
    fresh.recover("stale text from a dead box", rev)
    assert answers.saved_answer(prompt_id) == "newest"
    assert "stale text from a dead box" in [v.value for v in answers.history(prompt_id)]


def test_the_front_end_hash_matches(prompt_id):
    from course_lib.widgets.answer import fnv

    assert fnv("") == "811c9dc5" and fnv("a") == "e40c292c"
    assert fnv("普天間 \U0001f600") != fnv("普天間")


# --------------------------------------------------------------------------- another kind of record

def test_a_second_kind_of_record_reuses_saving_history_and_the_stale_check(answers_dir):
    def verdict(value):
        if value not in (None, "supported", "contested", "refuted"):
            raise AnswerError("A verdict is supported, contested or refuted.")

    verdicts = store.RecordKind("verdict", file_for=lambda claim_id: "verdicts", check=verdict)
    assert verdicts.save("P5.2", "supported").status == "saved"
    _, rev = verdicts.load("P5.2")
    assert verdicts.save("P5.2", "contested", seen_rev=rev).status == "saved"
    assert verdicts.save("P5.2", "refuted", seen_rev=rev).status == "conflict"
    assert verdicts.value("P5.2") == "contested"
    assert [v.value for v in verdicts.history("P5.2")] == ["refuted", "supported"]
    assert verdicts.restore("P5.2", 2).status == "restored" and verdicts.value("P5.2") == "supported"
    with pytest.raises(AnswerError, match="supported, contested"):
        verdicts.save("P5.2", "maybe")
    assert verdicts.items("verdicts") == {"P5.2": "supported"}


def test_a_registered_kind_shows_in_progress_and_the_export(answers_dir, prompt_id, monkeypatch):
    marks = store.RecordKind("mark", file_for=lambda claim_id: "test-marks", check=lambda v: None,
                             title="Test marks", lesson_of=lambda claim_id, value: "01",
                             all_files=lambda: ["test-marks"])
    monkeypatch.setattr(store, "_REGISTERED", [*store.registered(), marks])
    marks.save("P1.1", "supported")
    table = answers.progress().set_index("lesson")
    assert table.loc["01", "Test marks"] == 1 and table.loc["00", "Test marks"] == 0
    answers.save_answer(prompt_id, "An answer")
    text = answers.export_answers().files[0].read_text()
    assert "**Test marks**" in text and "- P1.1: supported" in text


# --------------------------------------------------------------------------- progress and export

def test_progress_counts_exercises_and_prompts(answers_dir, prompt_id):
    answers.save_answer(prompt_id, "done")
    ex_id = next(iter(checks.active_keys()))
    store.update("checks", lambda s: s.__setitem__(ex_id, {"correct": True, "attempts": 1}))
    table = answers.progress()
    row = table[table["lesson"] == ex_id.split(".")[0]].iloc[0]
    assert row["exercises_correct"] == 1 and ex_id in row["correct_ids"]
    assert table["prompts_answered"].sum() == 1


def test_export_writes_markdown_and_html_with_every_prompt(answers_dir, prompt_id):
    answers.save_answer(prompt_id, "My <b>answer</b> & more")
    report = answers.export_answers()
    md, page, data = report.files
    assert "My <b>answer</b> & more" in md.read_text()
    assert "My &lt;b&gt;answer&lt;/b&gt; &amp; more" in page.read_text()
    for pid in answers.active_prompts():
        assert pid in md.read_text()
    exported = json.loads(data.read_text())
    assert exported["format"] == answers.EXPORT_FORMAT and exported["answers"] == {prompt_id: "My <b>answer</b> & more"}


def test_export_says_in_a_sentence_what_it_wrote_and_where(answers_dir, prompt_id):
    answers.save_answer(prompt_id, "An answer")
    report = answers.export_answers()
    sentence = repr(report)
    total = len(answers.active_prompts())
    assert sentence.startswith("Wrote my-answers.md, my-answers.html and my-answers.json to ")
    assert f"1 of {total} prompts answered" in sentence and str(answers_dir) in sentence
    assert "COURSE_ANSWERS_DIR" in sentence and str(report) == sentence


def test_an_empty_export_says_so_and_writes_nothing(answers_dir):
    report = answers.export_answers()
    assert str(report).startswith(f"Nothing exported: 0 of {len(answers.active_prompts())} prompts answered")
    assert report.files == [] and not (answers_dir / "my-answers.md").exists()


def test_export_carries_the_name_the_date_and_the_self_checks(answers_dir, prompt_id):
    import datetime as dt

    answers.save_answer(prompt_id, "An answer")
    checks.check("00.4", 1)
    assert "No name on the export" in str(answers.export_answers())
    answers.set_name("  Hanako   Yamada ")
    report = answers.export_answers()
    text = report.files[0].read_text()
    assert "**Name:** Hanako Yamada" in text and dt.date.today().isoformat() in text
    assert "| 00.4 | not yet | 1 |" in text and "| 00.5 | not tried | 0 |" in text
    assert "| 00.1 |" not in text  # retired: replaced by a rewritten exercise
    assert "Name on the export: Hanako Yamada." in str(report)


def test_a_hand_edited_export_is_kept_not_overwritten(answers_dir, prompt_id):
    answers.save_answer(prompt_id, "An answer")
    md = answers.export_answers().files[0]
    answers.export_answers()
    assert not list(answers_dir.glob("my-answers.edited-*"))  # our own file: replaced quietly
    md.write_text(md.read_text() + "\nA paragraph I added by hand.\n")
    report = answers.export_answers()
    kept = answers_dir / "my-answers.edited-1.md"
    assert kept.read_text().endswith("A paragraph I added by hand.\n")
    assert "kept as my-answers.edited-1.md" in str(report)


def test_export_is_atomic_on_a_full_disk(answers_dir, prompt_id, monkeypatch):
    answers.save_answer(prompt_id, "An answer")
    md = answers.export_answers().files[0]
    before = md.read_text()
    answers.save_answer(prompt_id, "A changed answer that will not fit")
    monkeypatch.setattr(store.os, "fsync", oserror(errno.ENOSPC))
    with pytest.raises(OSError):
        answers.export_answers()
    assert md.read_text() == before
    assert not [p for p in answers_dir.iterdir() if p.suffix == ".tmp"]


def _cli(cwd, *args, env_extra=None, drop_answers_env=True):
    env = dict(os.environ, **(env_extra or {}))
    if drop_answers_env:
        env.pop("COURSE_ANSWERS_DIR", None)
    return subprocess.run([sys.executable, "-m", "course_lib", *args], cwd=cwd, env=env,
                          capture_output=True, text=True)


def test_export_from_a_terminal_in_the_work_copy_or_below_finds_the_same_answers(tmp_path, monkeypatch,
                                                                                 prompt_id):
    work = tmp_path / "work" / "student"
    (work / "replaced").mkdir(parents=True)
    (work / store.MARKER).write_text("{}")
    monkeypatch.delenv("COURSE_ANSWERS_DIR")
    monkeypatch.chdir(work / "replaced")  # a notebook under replaced/ saves ...
    answers.save_answer(prompt_id, "typed in a replaced copy")
    assert (work / "answers").is_dir() and not (work / "replaced" / "answers").exists()
    for cwd in (work, work / "replaced"):  # ... and a terminal in the work copy exports it
        result = _cli(cwd, "export", "--name", "A Student")
        assert result.returncode == 0, result.stderr
        assert f"to {work / 'answers'}" in result.stdout and "your work copy" in result.stdout
    assert "typed in a replaced copy" in (work / "answers" / "my-answers.md").read_text()


def test_cli_export_with_nothing_answered_fails_loudly(tmp_path):
    result = _cli(tmp_path, "export", env_extra={"COURSE_ANSWERS_DIR": str(tmp_path / "a")},
                  drop_answers_env=False)
    assert result.returncode == 1 and "0 of" in result.stdout and "prompts answered" in result.stdout


# --------------------------------------------------------------------------- retired prompts

def test_a_retired_prompt_keeps_its_answer_says_what_replaced_it_and_is_not_counted(answers_dir):
    retired = next(pid for pid, info in answers.prompts().items() if info.get("retired"))
    new = answers.prompts()[retired]["retired"]["replaced_by"][0]
    assert retired not in answers.active_prompts() and new in answers.active_prompts()
    answers.save_answer(retired, "Written in last term's copy of the lesson.")
    widget = answers.prompt(retired)  # an old work copy still shows the box and the saved text
    assert box_of(widget).value == "Written in last term's copy of the lesson."
    assert f"replaced by {new}" in widget.children[0].value and "make reset LESSON=" in widget.children[0].value
    assert answers.replaced_note(new) == ""
    row = answers.progress().set_index("lesson").loc[answers.prompts()[retired]["lesson"]]
    assert row["prompts_answered"] == 0
    assert row["prompts"] == sum(1 for i in answers.active_prompts().values() if i["lesson"] == row.name)
    report = answers.export_answers()
    text = report.files[0].read_text()
    assert "Written in last term's copy" in text and f"replaced by {new}" in text
    assert f"0 of {len(answers.active_prompts())} prompts answered" in str(report)


def test_an_unanswered_retired_prompt_stays_out_of_the_export_and_the_handout(answers_dir, prompt_id):
    from course_lib import documents

    answers.save_answer(prompt_id, "An answer to a current prompt")
    text = answers.export_answers().files[0].read_text()
    retired = [pid for pid, info in answers.prompts().items() if info.get("retired")]
    assert retired and not any(f"### {pid} " in text for pid in retired)
    handout = documents.handout()
    assert not any(f"Discussion {pid} " in handout for pid in retired)
    assert all(f"Discussion {pid} " in handout for pid in answers.active_prompts())


def test_the_real_retired_prompts_point_to_current_ones():
    for pid, info in answers.prompts().items():
        gone = info.get("retired")
        if gone:
            assert gone["why"].strip() and all(n in answers.active_prompts() for n in gone["replaced_by"]), pid
    assert {"00.D1", "00.D2", "01.D1", "01.D2"} <= set(answers.prompts()) - set(answers.active_prompts())
