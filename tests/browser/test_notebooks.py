"""Every notebook of the student edition runs cleanly in JupyterLab and renders its widgets."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from course_lib import editions

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = [p.name for p in editions.source_notebooks(ROOT / "notebooks")]


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_notebook_runs_cleanly_and_renders_its_widgets(page, lab, name):
    lab.run(page, name)
    lab.assert_clean(page, name)
    source = json.loads((lab.work / name).read_text())
    widget_cells = [c for c in source["cells"] if c["cell_type"] == "code"
                    and "nbval-ignore-output" in c.get("metadata", {}).get("tags", [])
                    and ("prompt(" in "".join(c["source"]) or "explorer(" in "".join(c["source"]))]
    assert page.locator(".jp-Notebook .course-widget, .jp-Notebook .course-prompt").count() == len(widget_cells)
    lab.shot(page, Path(name).stem)
