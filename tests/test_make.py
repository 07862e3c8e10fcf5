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
