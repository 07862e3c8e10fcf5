"""Lesson 00 in the browser: a written answer survives a kernel restart and is exported; a dead box
says so at once and loses nothing; Clear asks twice; a self-check answered in the page shows in
progress(); the address `make lab` prints opens this lesson, with no news pop-up."""

from __future__ import annotations

import time

import course_lib as cl
from course_lib import answers, checks

NAME = "00_start_here.ipynb"


def _prompt(page, prompt_id):
    return page.locator(".course-prompt", has_text=f"Discussion {prompt_id}")


def test_written_answer_survives_a_kernel_restart_and_is_exported(page, lab):
    prompt_id = "00.D3"
    text = "The claim about drift since 2006 needs evidence about policy, not only about leaders."
    lab.run(page, NAME)
    prompt = _prompt(page, prompt_id)
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

    lab.run(page, NAME)
    box = _prompt(page, prompt_id).locator("textarea")
    assert box.input_value() == text
    report = answers.export_answers(lab.work / "export")
    assert text in report.files[0].read_text() and str(report).startswith("Wrote my-answers.md")


def test_a_dead_box_says_so_at_once_and_its_text_is_saved_by_the_next_run(page, lab):
    prompt_id = "00.D4"
    lab.run(page, NAME)
    prompt = _prompt(page, prompt_id)
    box = prompt.locator("textarea")
    box.fill("Saved before the restart.")
    prompt.locator(".course-answer-status", has_text="Saved").wait_for(timeout=20_000)

    # Saving fails for a while (here: the folder turns read-only), and the box says so ...
    lab.run_code_in(page, lab.cell(page, "print(cl.essay_citation())"),
                    "from course_lib import store\n"
                    "def read_only(*args): raise OSError(30, 'Read-only file system')\n"
                    "store.write_text_atomic = read_only")
    page.wait_for_selector(".jp-Notebook-ExecutionIndicator[data-status='idle']", timeout=20_000)
    typed = "Saved before the restart. Typed while saving failed, then the kernel restarted."
    box.fill(typed)
    prompt.locator(".course-answer-status", has_text="Not saved: the answers folder is read-only").wait_for(
        timeout=20_000)
    assert box.input_value() == typed
    # ... and then the kernel restarts: the box must say at once that it no longer saves.
    lab.restart_kernel(page)
    status = prompt.locator(".course-answer-status")
    status.filter(has_text="Not connected").wait_for(timeout=5_000)
    assert "Run this cell again to keep writing" in status.inner_text()
    assert "kept in this browser" in status.inner_text()
    assert "Saved" not in status.inner_text()
    assert box.input_value() == typed and box.evaluate("el => el.readOnly")
    lab.shot(prompt, "00_dead_answer_box")
    assert answers.saved_answer(prompt_id) == "Saved before the restart."

    lab.run(page, NAME)  # run the cell again: the new box saves what the dead one held
    fresh = _prompt(page, prompt_id)
    fresh.locator(".course-answer-status", has_text="disconnected").wait_for(timeout=20_000)
    assert fresh.locator("textarea").input_value() == typed
    assert answers.saved_answer(prompt_id) == typed


def test_clear_asks_for_a_second_click_and_keeps_the_text(page, lab):
    prompt_id = "00.D3"
    lab.run(page, NAME)
    prompt = _prompt(page, prompt_id)
    prompt.locator("textarea").fill("An answer I might clear.")
    prompt.locator(".course-answer-status", has_text="Saved").wait_for(timeout=20_000)
    button = prompt.locator("button.course-clear")
    button.click()
    prompt.locator("button.course-clear", has_text="Click again to clear").wait_for(timeout=10_000)
    time.sleep(0.5)
    assert answers.saved_answer(prompt_id) == "An answer I might clear."
    lab.shot(prompt, "00_clear_confirmation")
    button.click()
    prompt.locator(".course-answer-status", has_text="Answer cleared").wait_for(timeout=10_000)
    assert prompt.locator("textarea").input_value() == ""
    assert answers.saved_answer(prompt_id) == ""
    assert answers.history(prompt_id)[0].value == "An answer I might clear."


def test_a_self_check_answered_in_the_page_shows_in_progress(page, lab):
    lab.run(page, NAME)
    paragraphs = cl.load("essay_paragraphs")
    answer = round(paragraphs.loc[paragraphs["paragraph"].isin([4, 5]), "words"].sum()
                   / paragraphs["words"].sum() * 100, 1)
    cell = lab.cell(page, "answer_00_4 = ...")
    lab.run_code_in(page, cell, f'answer_00_4 = {answer}\ncl.check("00.4", answer_00_4)')
    cell.locator(".course-check[data-status='correct']").wait_for(timeout=30_000)
    assert checks.results()["00.4"]["correct"] is True
    progress = answers.progress().set_index("lesson")
    assert "00.4" in progress.loc["00", "correct_ids"]


def test_the_printed_address_opens_lesson_00_without_news(page, lab):
    page.goto(f"{lab.url}/?token={lab.token}", wait_until="domcontentloaded")
    page.wait_for_selector(".jp-NotebookPanel .jp-Notebook .jp-Cell", timeout=60_000)
    current = page.locator(".lm-DockPanel-tabBar .lm-TabBar-tab.lm-mod-current")
    assert NAME in current.inner_text()
    assert "/lab/tree/00_start_here.ipynb" in page.url
    time.sleep(3)  # the news question would show by now
    assert page.get_by_text("official Jupyter news").count() == 0
    lab._wait_for_kernel(page)
