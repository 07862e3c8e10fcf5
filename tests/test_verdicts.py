"""Claim verdicts: one store keyed by claim id, shared by lessons 04 and 08, never lost."""

import pytest

import course_lib as cl
from course_lib import answers, verdicts
from course_lib.errors import AnswerError


def test_a_verdict_is_saved_revised_and_kept_in_history(answers_dir):
    verdicts.save_verdict("P4.2", "mixed", "policy_texts: manifesto row", lesson="04")
    assert verdicts.verdict("P4.2") == {"rating": "mixed", "evidence": "policy_texts: manifesto row", "lesson": "04"}
    verdicts.save_verdict("P4.2", "supported", "the 2010 speech", lesson="08")
    assert verdicts.verdict("P4.2")["lesson"] == "08"
    assert verdicts.VERDICTS.history("P4.2")[0].value["rating"] == "mixed"
    table = verdicts.verdicts()
    assert list(table.columns) == ["claim_id", "rating", "evidence", "lesson"] and len(table) == 1


def test_bad_verdicts_are_refused_in_words(answers_dir):
    with pytest.raises(AnswerError, match="one of: supported, mixed"):
        verdicts.save_verdict("P4.2", "true", lesson="04")
    with pytest.raises(AnswerError, match="no claim 'P9.9'"):
        verdicts.save_verdict("P9.9", "mixed", lesson="04")
    assert verdicts.verdict("P4.2") is None


def test_verdicts_show_in_progress_and_the_export_under_their_lesson(answers_dir, tmp_path):
    verdicts.save_verdict("P5.1", "cannot be judged", "a normative claim", lesson="01")
    exported = answers.export_answers(tmp_path / "out", name="A Student")
    text = next(p for p in exported.files if p.suffix == ".md").read_text()
    assert "Claim verdicts" in text and "P5.1" in text
    progress = cl.progress().set_index("lesson")
    assert "Claim verdicts" in " ".join(progress.columns)
