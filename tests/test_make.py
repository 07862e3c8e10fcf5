"""The two commands: `make lab` opens the student work copy safely, `make test` runs pytest."""

import os
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def dry_run(*targets: str) -> str:
    return subprocess.run(["make", "-n", "-C", str(ROOT), *targets], capture_output=True, text=True,
                          check=True).stdout


def test_lab_opens_the_student_work_copy_on_loopback_with_a_token():
    commands = dry_run("lab")
    assert "course_lib workcopy --edition student" in commands
    assert "cd work/student" in commands and "jupyter lab" in commands and "00_start_here.ipynb" in commands
    assert "--ServerApp.ip=127.0.0.1" in commands
    assert "token" not in commands.lower()  # Jupyter's own random token stays on
    assert ("--allow-root" in commands) == (os.geteuid() == 0)


def test_lab_can_open_the_instructor_edition():
    commands = dry_run("lab", "EDITION=instructor")
    assert "--edition instructor" in commands and "cd work/instructor" in commands


def test_test_runs_pytest_in_the_project_environment():
    assert ".venv/bin/python -m pytest" in dry_run("test")


def test_the_courses_jupyter_settings_open_lesson_00_without_news():
    import json

    makefile = (ROOT / "Makefile").read_text()
    assert "export JUPYTER_CONFIG_PATH := $(CURDIR)/jupyter" in makefile
    import sys

    installed = Path(sys.prefix) / "share" / "jupyter" / "lab" / "settings" / "overrides.json"
    assert installed.read_text() == (ROOT / "jupyter" / "overrides.json").read_text()  # installed with the course
    extension = Path(sys.prefix) / "etc" / "jupyter" / "jupyter_server_config.d" / "course_lib.json"
    assert json.loads(extension.read_text())["ServerApp"]["jpserver_extensions"] == {"course_lib.hub": True}
    server = json.loads((ROOT / "jupyter" / "jupyter_server_config.json").read_text())["LabApp"]
    assert server["default_url"] == "/lab/tree/00_start_here.ipynb" and server["news_url"] is None
    lab = json.loads((ROOT / "jupyter" / "overrides.json").read_text())
    assert lab["@jupyterlab/apputils-extension:notification"]["fetchNews"] == "false"


def test_the_lab_terminal_finds_the_courses_python():
    assert 'PATH="' in dry_run("lab") and "/.venv/bin:$PATH" in dry_run("lab")


def test_edition_must_be_known():
    result = subprocess.run(["make", "-n", "-C", str(ROOT), "lab", "EDITION=x; rm -rf ~"],
                            capture_output=True, text=True)
    assert result.returncode != 0 and "EDITION must be student or instructor" in result.stderr
