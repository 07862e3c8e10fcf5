"""Every notebook of the student edition runs cleanly in JupyterLab and renders its widgets, and
the keys typed inside any course widget stay there: "d d", Ctrl+A and the arrows change the
control, never the notebook."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from course_lib import editions
from course_lib.website import pages

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = [p.name for p in editions.source_notebooks(ROOT / "notebooks")]
CONTROLS = (".course-widget select, .course-widget textarea, .course-widget input, .course-widget button, "
            ".course-widget .noUi-handle")  # the handles of ipywidgets' sliders take keys too


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_notebook_runs_cleanly_and_renders_its_widgets(page, lab, name):
    lab.run(page, name)
    lab.assert_clean(page, name)
    source = json.loads((lab.work / name).read_text())
    widget_cells = [c for c in source["cells"] if c["cell_type"] == "code"
                    and "nbval-ignore-output" in c.get("metadata", {}).get("tags", [])
                    and (pages.prompt_called("".join(c["source"])) or pages.widget_called("".join(c["source"])))]
    assert page.locator(".jp-Notebook .course-widget").count() == len(widget_cells)
    assert page.locator(".jp-Notebook .course-widget[data-lm-suppress-shortcuts]").count() == len(widget_cells)
    lab.shot(page, Path(name).stem)
    if widget_cells:  # on the same run: a second Restart & Run All per notebook would add a minute to CI
        _keys_stay_inside_every_control(page, lab, name)


def _value(control) -> str:
    return control.evaluate(
        "el => el.classList.contains('noUi-handle') ? el.getAttribute('aria-valuenow') :"
        " el.tagName === 'SELECT' ? [...el.selectedOptions].map(o => o.value).join('|') : el.value ?? ''")


RESET_SELECT = """el => {
    [...el.options].forEach((o, i) => { o.selected = i === 0; });
    el.dispatchEvent(new Event('change', {bubbles: true}));
}"""


def _keys_stay_inside_every_control(page, lab, name):
    cells = lab.cell_count(page)
    controls = page.locator(f".jp-Notebook :is({CONTROLS})")
    assert controls.count() > 0
    for i in range(controls.count()):
        control = controls.nth(i)
        tag = control.evaluate("el => el.tagName")
        if tag == "SELECT":
            control.evaluate(RESET_SELECT)
        control.focus()
        start = _value(control)
        page.keyboard.press("ArrowDown")
        moved = _value(control)
        page.keyboard.press("ArrowUp")
        back = _value(control)
        assert lab.cell_count(page) == cells, f"{name}: the arrows in a {tag} moved the notebook"
        if "noUi-handle" in (control.get_attribute("class") or ""):
            tag = "slider"
            assert moved != start or back != moved, f"{name}: the arrows did not move a slider"
        page.keyboard.press("d")
        page.keyboard.press("d")
        assert lab.cell_count(page) == cells, f"{name}: 'd d' in a {tag} deleted a cell"
        typed = _value(control)
        page.keyboard.press("Control+a")
        page.keyboard.press("d")
        page.keyboard.press("d")
        assert lab.cell_count(page) == cells, f"{name}: Ctrl+A then 'd d' in a {tag} deleted cells"
        if tag == "SELECT":
            assert moved != start, f"{name}: ArrowDown did not move the choice in a {tag}"
            letters = control.evaluate("el => [...el.options].map(o => o.text.trim()[0].toLowerCase())")
            if "d" in letters:
                assert typed != start, f"{name}: 'd' did not jump to an option starting with d"
        elif tag == "TEXTAREA":
            assert "dd" in typed and len(typed) == len(start) + 2, f"{name}: 'd d' did not type in a text box"
            control.fill(start)
    lab.shot(page, f"keys-{Path(name).stem}")
