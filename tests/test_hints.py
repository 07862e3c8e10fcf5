"""Cells run out of order: the NameError says which cell to run first."""

import json
import shutil
from pathlib import Path

import pytest

from course_lib import editions, hints

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def lesson_folder(tmp_path):
    for name in ("00_start_here.ipynb", "01_fifty_years.ipynb"):
        shutil.copy(ROOT / "notebooks" / name, tmp_path / name)
    return tmp_path


def test_a_course_name_gets_the_cell_to_run_first(lesson_folder):
    message = hints.hint(NameError("name 'claims' is not defined"), lesson_folder, "00_start_here.ipynb")
    assert "Run code cell 4 of this notebook first" in message and "claims = cl.essay_map()" in message
    message = hints.hint(NameError("name 'treaty_1960' is not defined"), lesson_folder)
    assert "of 01_fifty_years.ipynb" in message and "Run > Run All Above" in message


def test_the_setup_cell_is_named_when_cl_is_missing(lesson_folder):
    message = hints.hint(NameError("name 'cl' is not defined"), lesson_folder, "01_fifty_years.ipynb")
    assert "code cell 1 of this notebook" in message and "import course_lib as cl" in message


def test_other_names_keep_the_usual_error(lesson_folder):
    assert hints.hint(NameError("name 'banana' is not defined"), lesson_folder) is None
    assert hints.hint(ValueError("x"), lesson_folder) is None


def test_the_kernel_configuration_loads_the_hint_and_respects_other_files(tmp_path):
    path = editions.install_kernel_hints(tmp_path)
    assert json.loads(path.read_text()) == {"InteractiveShellApp": {"extensions": ["course_lib.hints"]}}
    path.write_text('{"InteractiveShellApp": {"exec_lines": ["x = 1"]}}')
    assert editions.install_kernel_hints(tmp_path) is None
    assert "exec_lines" in path.read_text()


def _run_in_kernel(folder: Path, cells: list[str], extra=()) -> list[str]:
    from jupyter_client.manager import start_new_kernel

    manager, client = start_new_kernel(kernel_name="python3", cwd=str(folder), extra_arguments=list(extra))
    streams = []
    try:
        for code in cells:
            def keep(msg):
                if msg["msg_type"] == "stream" and msg["content"]["name"] == "stderr":
                    streams.append(msg["content"]["text"])
                elif msg["msg_type"] == "error":
                    streams.append("\n".join(msg["content"]["traceback"]))
            client.execute_interactive(code, timeout=60, output_hook=keep)
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=True)
    return streams


def test_in_a_kernel_out_of_order_cells_are_explained(lesson_folder):
    out = "".join(_run_in_kernel(lesson_folder, [
        "claims.head()",                                   # before the setup cell
        "import course_lib as cl",
        "claims.head()",                                   # before the cell that makes claims
        "undefined_thing",                                 # not a course name: the usual traceback
    ], extra=["--InteractiveShellApp.extensions=course_lib.hints"]))
    assert "'claims' does not exist yet" in out and "claims = cl.essay_map()" in out
    assert "NameError" in out and "undefined_thing" in out
