"""Discussion prompts: each names its paragraph and claim ids, its minutes, and what a student alone writes."""

import re

import pytest

import course_lib as cl
from course_lib import answers

PROMPTS = answers.prompts()


@pytest.mark.parametrize("prompt_id", list(PROMPTS))
def test_a_prompt_names_real_claims_minutes_and_self_study(prompt_id):
    info = PROMPTS[prompt_id]
    assert re.fullmatch(r"\d\d\.D\d+", prompt_id) and prompt_id.startswith(info["lesson"] + ".")
    claims = set(cl.load("essay_map")["claim_id"])
    assert info["claims"] and set(info["claims"]) <= claims, info.get("claims")
    assert isinstance(info["minutes"], int) and 0 < info["minutes"] <= 45
    assert len(info["self_study"].split()) >= 6
    heading = answers.prompt_heading(prompt_id)
    assert all(c in heading for c in info["claims"]) and f"{info['minutes']} min" in heading
    assert answers.self_study(prompt_id).startswith("On your own: ")
