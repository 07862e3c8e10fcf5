"""Lesson 08's scorecard widget and the memo plan: ratings are saved in the verdict store, reveal the
course's assessment only after a rating with evidence, survive a new process (a kernel restart) and
appear in the export that `make export` writes; the plan never overwrites what the student wrote."""

import html
import os
import subprocess
import sys
from pathlib import Path

import pytest

import course_lib as cl
from course_lib import answers, capstone, verdicts
from course_lib.analysis import scorecard as sc
from course_lib.widgets import scorecard as ws

ROOT = Path(__file__).resolve().parent.parent


def _parts(box):
    choice, claim_text, rating, evidence, save, status, reveal, text, figure, _guard = box.children
    return choice, claim_text, rating, evidence, save, status, reveal, text, figure


def _expected(saved):
    card = sc.scorecard(cl.load("claim_assessments"), cl.essay_map(), saved)
    return f"<p>{html.escape(sc.summary(card))}</p>"


def test_the_widget_reveals_the_assessment_only_after_a_rating_with_evidence(answers_dir):
    box = cl.scorecard_explorer()
    choice, claim_text, rating, evidence, save, status, reveal, text, figure = _parts(box)
    assert choice.value == "P2.1b" and choice.options[0][0] == "P2.1b · predictive"
    assert "P2.1b" in claim_text.value and text.value == _expected({})
    assert html.escape(str(cl.quote("P2.1b"))) in claim_text.value  # the claim's short quotation, with its paragraph
    assert "Rate this claim" in reveal.value and "borne out" not in reveal.value
    assert 'alt="' in figure.value

    rating.value = "supported"
    evidence.value = "2+2"
    save.click()
    assert "Not saved: Cite your evidence first" in status.value
    assert verdicts.verdict("P2.1b") is None and "Rate this claim" in reveal.value

    evidence.value = "alliance_timeline: scc_2011, June 2011"
    save.click()
    assert verdicts.verdict("P2.1b") == {"rating": "supported", "evidence": "alliance_timeline: scc_2011, June 2011",
                                         "lesson": "08"}
    assert "Saved your rating of P2.1b" in status.value
    assert "The course&#x27;s assessment: borne out" in reveal.value and "the same step" in reveal.value
    assert text.value == _expected({"P2.1b": verdicts.verdict("P2.1b")})

    choice.value = "P3.1"
    assert rating.value == ws.CHOOSE and evidence.value == "" and "Rate this claim" in reveal.value
    choice.value = "P2.1b"
    assert rating.value == "supported" and "borne out" in reveal.value


def test_a_lesson_04_verdict_is_the_starting_point_and_saving_here_makes_it_lesson_08(answers_dir):
    verdicts.save_verdict("P3.1", "supported", "the DPJ's own handling", lesson="04")
    box = cl.scorecard_explorer()
    choice, _, rating, evidence, save, _, reveal, _, _ = _parts(box)
    choice.value = "P3.1"
    assert rating.value == "supported" and evidence.value == "the DPJ's own handling"
    assert "lesson 04 (supported)" in reveal.value and "mixed" not in reveal.value
    rating.value = "mixed"
    save.click()
    assert verdicts.verdict("P3.1")["lesson"] == "08"
    assert verdicts.VERDICTS.history("P3.1")[0].value["lesson"] == "04"
    assert "The course&#x27;s assessment: mixed" in reveal.value


def test_a_newer_rating_from_another_open_copy_is_not_overwritten(answers_dir):
    box = cl.scorecard_explorer()
    choice, _, rating, evidence, save, status, _, _, _ = _parts(box)
    verdicts.save_verdict("P2.1b", "mixed", "saved in another copy of the notebook", lesson="08")
    rating.value, evidence.value = "not supported", "typed in the older copy"
    save.click()
    assert "Not saved over a newer rating" in status.value
    assert verdicts.verdict("P2.1b")["rating"] == "mixed"
    assert verdicts.VERDICTS.history("P2.1b")[0].value["rating"] == "not supported"


def test_the_static_view_is_the_first_view_of_a_student_with_nothing_rated(answers_dir):
    from course_lib.widgets import static

    view = static.static_figure("scorecard_explorer")
    _, _, _, _, _, _, _, text, figure = _parts(cl.scorecard_explorer())
    assert text.value == f"<p>{html.escape(view.text)}</p>" and figure.value == view.figure.to_html()
    assert "none rated yet" in view.alt


def test_ratings_survive_a_new_process_and_appear_in_the_export_and_progress(answers_dir, tmp_path):
    env = dict(os.environ, COURSE_ANSWERS_DIR=str(answers_dir))
    save = ("from course_lib.verdicts import save_verdict; "
            "save_verdict('P7.5', 'mixed', 'opinion_affinity 2011-2024 stayed high', lesson='08')")
    subprocess.run([sys.executable, "-c", save], env=env, check=True, cwd=tmp_path)
    # A fresh process, as after a kernel restart: the rating is read back from the store.
    read = "from course_lib.verdicts import verdict; print(verdict('P7.5')['rating'])"
    out = subprocess.run([sys.executable, "-c", read], env=env, check=True, cwd=tmp_path, capture_output=True,
                         text=True)
    assert out.stdout.strip() == "mixed"
    # `make export` runs `python -m course_lib export`, which never imports the verdicts module itself.
    folder = tmp_path / "export"
    done = subprocess.run([sys.executable, "-m", "course_lib", "export", "--folder", str(folder)], env=env,
                          cwd=tmp_path, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    text = (folder / "my-answers.md").read_text(encoding="utf-8")
    assert "## Lesson 08" in text and "**Claim verdicts**" in text and "P7.5" in text
    assert "opinion_affinity 2011-2024 stayed high" in text
    progress = answers.progress().set_index("lesson")
    assert progress.loc["08", "Claim verdicts"] == 1


def test_the_memo_plan_starts_once_and_keeps_what_the_student_wrote(answers_dir):
    verdicts.save_verdict("P8.3", "cannot be judged", "hatoyama_resigns_2010: no vision was set out", lesson="08")
    answers.save_answer("01.D1", "The anniversary marked the signing, not the entry into force.")
    said = capstone.start_memo_plan()
    assert said.startswith("Outline written into the box of 08.D5")
    plan = answers.saved_answer("08.D5")
    assert "P8.3 (predictive): I rated it cannot be judged; the course: cannot be judged" in plan
    assert "01.D1 Choosing a date to celebrate: The anniversary marked the signing" in plan

    answers.save_answer("08.D5", plan + "\nMy recommendation: keep the 2+2 meeting yearly.")
    assert capstone.start_memo_plan().startswith("Your plan in 08.D5 is kept")
    assert answers.saved_answer("08.D5").endswith("keep the 2+2 meeting yearly.")
    assert capstone.start_memo_plan(refresh=True).startswith("Outline rebuilt")
    assert not answers.saved_answer("08.D5").endswith("yearly.")
    assert any(v.value.endswith("keep the 2+2 meeting yearly.") for v in answers.history("08.D5"))
    assert cl.memo_plan().startswith("CAPSTONE MEMO: MY PLAN")


@pytest.mark.parametrize("name", ["scorecard_explorer", "memo_plan", "start_memo_plan"])
def test_the_student_facing_names_are_public(name):
    assert callable(getattr(cl, name)) and name in cl.__all__
