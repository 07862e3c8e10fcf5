"""The claim explorer shows what the pure functions give, and its verdicts survive a restart."""

import json
import os
import subprocess
import sys

import course_lib as cl
from course_lib import answers, verdicts
from course_lib.analysis import claims as cc
from course_lib.widgets import static
from course_lib.widgets.claims import CHOOSE


def parts(widget):
    names = ("para", "kinds", "claim", "card", "data", "text", "figure", "rating", "evidence", "save", "status")
    return dict(zip(names, widget.children))


def test_explorer_shows_the_pure_functions_answer(answers_dir):
    w = parts(cl.claim_explorer())
    essay_map = cl.load("essay_map")
    assert w["claim"].value == "P4.1" and w["data"].value == "alliance_timeline"
    w["claim"].value = "P4.9"
    card = cc.claim_card(essay_map, "P4.9")
    assert w["text"].value == f"<p>{cc.claim_sentence(card, 'afghanistan_support')}</p>"
    expected = cc.evidence_summary("afghanistan_support", cl.load("afghanistan_support"), "P4.9").sentence
    assert f'alt="{expected}"' in w["figure"].value
    assert "Course fact-check note:" in w["card"].value and "meaningful or tangible" in w["card"].value
    w["data"].value = "refueling_years"
    assert w["text"].value.endswith("chart: refueling_years.</p>")
    assert w["status"].value == "<p>No verdict on P4.9 saved yet.</p>"
    for control in ("para", "kinds", "claim", "data", "rating", "evidence"):
        assert w[control].description


def test_filters_change_the_claims_offered(answers_dir):
    w = parts(cl.claim_explorer())
    w["kinds"].value = "factual"
    assert [v for _, v in w["claim"].options] == ["P4.3", "P4.7"] and w["claim"].value == "P4.3"
    w["para"].value = "P5"
    assert w["claim"].value == "P5.2" and all(v.startswith("P5.") for _, v in w["claim"].options)
    w["kinds"].value = "predictive"
    w["para"].value = "P4"
    assert w["claim"].value is None and "No claim matches" in w["card"].value


def test_a_verdict_is_saved_with_the_lesson_and_shown_again(answers_dir):
    w = parts(cl.claim_explorer(claim_id="P4.6"))
    w["save"].click()
    assert "Choose a rating for P4.6 first" in w["status"].value and verdicts.verdict("P4.6") is None
    w["rating"].value, w["evidence"].value = "mixed", "pledge = 18.4 x the fuel value"
    w["save"].click()
    assert verdicts.verdict("P4.6") == {"rating": "mixed", "evidence": "pledge = 18.4 x the fuel value",
                                        "lesson": "04"}
    assert w["status"].value == f"<p>{cc.verdict_line('P4.6', verdicts.verdict('P4.6'))}</p>"
    again = parts(cl.claim_explorer(claim_id="P4.6"))
    assert again["rating"].value == "mixed" and again["evidence"].value.startswith("pledge")
    again["claim"].value = "P4.7"
    assert again["rating"].value == CHOOSE and again["evidence"].value == ""


def test_verdicts_survive_a_kernel_restart_and_appear_in_the_export(tmp_path, monkeypatch):
    env = dict(os.environ, COURSE_ANSWERS_DIR=str(tmp_path / "answers"))
    save = ("import course_lib as cl\n"
            "w = cl.claim_explorer(claim_id='P4.9')\n"
            "w.children[7].value = 'not supported'\n"
            "w.children[8].value = 'US$5 bn pledge, 10 Nov 2009'\n"
            "w.children[9].click()\n")
    subprocess.run([sys.executable, "-c", save], env=env, check=True)
    show = ("import json, course_lib as cl\n"
            "w = cl.claim_explorer(claim_id='P4.9')\n"
            "print(json.dumps([w.children[7].value, w.children[8].value, w.children[10].value]))\n")
    out = subprocess.run([sys.executable, "-c", show], env=env, check=True, capture_output=True, text=True)
    rating, evidence, status = json.loads(out.stdout)
    assert (rating, evidence) == ("not supported", "US$5 bn pledge, 10 Nov 2009")
    assert "Saved verdict on P4.9: not supported (lesson 04)" in status
    monkeypatch.setenv("COURSE_ANSWERS_DIR", env["COURSE_ANSWERS_DIR"])
    exported = answers.export_answers(tmp_path / "out", name="A Student")
    text = next(p for p in exported.files if p.suffix == ".md").read_text()
    lesson_04 = text.split("## Lesson 04")[1]
    assert "Claim verdicts" in lesson_04 and "P4.9" in lesson_04 and "not supported" in lesson_04


def test_static_view_is_what_the_explorer_shows_first(answers_dir):
    view = static.static_figure("claim_explorer")
    w = parts(cl.claim_explorer())
    assert w["text"].value == f"<p>{view.text}</p>" and w["figure"].value == view.figure.to_html()
