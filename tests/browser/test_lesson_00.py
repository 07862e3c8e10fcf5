"""Lesson 00 in the browser: a written answer survives a kernel restart and a self-check answered
in the page shows in progress()."""

from __future__ import annotations

import course_lib as cl
from course_lib import answers, checks


def test_written_answer_survives_a_kernel_restart_and_is_exported(page, lab):
    prompt_id = "00.D1"
    text = "The claim about drift since 2006 needs evidence about policy, not only about leaders."
    lab.run(page, "00_start_here.ipynb")
    prompt = page.locator(".course-prompt", has_text=f"Discussion {prompt_id}")
    box = prompt.locator("textarea")
    label = prompt.locator(".widget-label", has_text=f"Answer {prompt_id}")
    assert label.is_visible()
    box.focus()
    assert page.evaluate("document.activeElement.tagName") == "TEXTAREA"
    page.keyboard.press("Tab")  # the Clear button is the next keyboard stop
    assert page.evaluate("document.activeElement.textContent").strip() == "Clear answer"
    box.click()
    box.fill(text)
    prompt.locator(".course-answer-status", has_text="Saved").wait_for(timeout=20_000)
    assert answers.saved_answer(prompt_id) == text

    lab.run(page, "00_start_here.ipynb")
    box = page.locator(".course-prompt", has_text=f"Discussion {prompt_id}").locator("textarea")
    assert box.input_value() == text
    markdown, _ = answers.export_answers(lab.work / "export")
    assert text in markdown.read_text()


def test_a_self_check_answered_in_the_page_shows_in_progress(page, lab):
    lab.run(page, "00_start_here.ipynb")
    claims = cl.essay_map()
    answer = int((claims["kind"] == "factual").sum())
    cell = lab.cell(page, "answer_00_1 = ...")
    cell.locator(".cm-content").click()
    page.keyboard.press("Control+A")
    page.keyboard.insert_text(f'answer_00_1 = {answer}\ncl.check("00.1", answer_00_1)')
    page.keyboard.press("Shift+Enter")
    cell.locator(".course-check[data-status='correct']").wait_for(timeout=30_000)
    assert checks.results()["00.1"]["correct"] is True
    progress = answers.progress().set_index("lesson")
    assert "00.1" in progress.loc["00", "correct_ids"]
