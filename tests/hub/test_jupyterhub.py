"""A class on a real JupyterHub: three students, each with their own work copy and answers at home.

The test starts JupyterHub on 127.0.0.1 with its real proxy (configurable-http-proxy, from npm),
the dummy authenticator and SimpleLocalProcessSpawner, which gives each user a home folder under
a temporary directory (all users share this machine's one OS user: a real deployment's spawner,
Kubernetes or systemd, isolates them). Before each server starts, the course is copied into the
user's home, as nbgitpuller does. Each student opens ``course/start`` (the page the class's link
opens), then runs a lesson 01 self-check and answers a discussion prompt in a kernel of their own
server; the answers must be in their own home only, and a second start must keep them.
Without the proxy the test skips with one line saying how to enable it, unless REQUIRE_HUB=1 (CI).
"""

from __future__ import annotations

import json
import os

import pytest
from hubtools import COURSE_DIR, PROXY, running_hub

from course_lib import answers, checks

STUDENTS = ("aiko", "ben", "chidi")

if not PROXY:
    if os.environ.get("REQUIRE_HUB") == "1":
        pytest.fail("REQUIRE_HUB=1 but configurable-http-proxy is not installed "
                    "(npm install -g configurable-http-proxy)", pytrace=False)
    pytest.skip("hub test skipped: configurable-http-proxy not found (npm install -g configurable-http-proxy); "
                "CI sets REQUIRE_HUB=1 to require it.", allow_module_level=True)


@pytest.fixture(scope="module")
def hub(tmp_path_factory):
    with running_hub(tmp_path_factory.mktemp("hub")) as running:
        yield running


def _exercise_of_lesson_01() -> str:
    return next(e for e, key in checks._keys().items() if e.startswith("01.") and not key.get("retired"))


def test_three_students_each_keep_their_work_in_their_own_home(hub):
    exercise = _exercise_of_lesson_01()
    prompt = next(p for p, info in answers.prompts().items() if info["lesson"] == "01")
    lesson = f"{COURSE_DIR}/work/student/01_fifty_years.ipynb"
    for user in STUDENTS:
        hub.start(user)
        status, location = hub.user_get(user, "course/start")
        lesson_00 = f"/user/{user}/lab/tree/{COURSE_DIR}/work/student/00_start_here.ipynb"
        assert status == 302 and location.endswith(lesson_00)
        work = hub.home(user) / COURSE_DIR / "work" / "student"
        assert (work / "01_fifty_years.ipynb").is_file() and (work / ".course-workcopy").is_file()
        printed = hub.run_code(user, lesson, (
            "import course_lib as cl\n"
            f"print(cl.check({exercise!r}, 1).status)\n"
            f"from course_lib import answers\n"
            f"print(answers.save_answer({prompt!r}, 'Written by {user} on the hub'))\n"
            "from course_lib import store\nprint(store.answers_dir())\n"))
        assert str(work / "answers") in printed, printed
    for user in STUDENTS:
        found = list((hub.base / "homes").rglob("lesson-01.json"))
        mine = [p for p in found if p.is_relative_to(hub.home(user))]
        assert len(mine) == 1 and f"Written by {user} on the hub" in mine[0].read_text()
        others = [p.read_text() for p in found if not p.is_relative_to(hub.home(user))]
        assert not any(f"Written by {user} " in text for text in others)
        assert json.loads((hub.home(user) / COURSE_DIR / "work" / "student" / "answers" / "checks.json")
                          .read_text())[exercise]["attempts"] == 1


def test_a_second_start_keeps_answers_and_edited_notebooks(hub):
    user = STUDENTS[0]
    hub.start(user)
    assert hub.user_get(user, "course/start")[0] == 302
    work = hub.home(user) / COURSE_DIR / "work" / "student"
    prompt = next(p for p, info in answers.prompts().items() if info["lesson"] == "01")
    hub.run_code(user, f"{COURSE_DIR}/work/student/01_fifty_years.ipynb",
                 f"from course_lib import answers\nanswers.save_answer({prompt!r}, 'Kept across restarts')\n")
    edited = work / "00_start_here.ipynb"
    nb = json.loads(edited.read_text())
    nb["cells"][0]["source"] = "# My own notes on lesson 00\n"
    edited.write_text(json.dumps(nb))
    answers_before = (work / "answers" / "lesson-01.json").read_text()
    assert "Kept across restarts" in answers_before
    hub.stop(user)
    hub.start(user)
    status, _ = hub.user_get(user, "course/start")
    assert status == 302
    assert json.loads(edited.read_text())["cells"][0]["source"] == "# My own notes on lesson 00\n"
    assert (work / "answers" / "lesson-01.json").read_text() == answers_before


def test_two_tabs_starting_at_once_make_one_work_copy(hub):
    from concurrent.futures import ThreadPoolExecutor

    user = "dana"  # a student whose server has never opened the course
    hub.start(user)
    assert not (hub.home(user) / COURSE_DIR / "work").exists()
    with ThreadPoolExecutor(2) as pool:
        statuses = list(pool.map(lambda _: hub.user_get(user, "course/start")[0], range(2)))
    assert statuses == [302, 302]
    work = hub.home(user) / COURSE_DIR / "work" / "student"
    assert not list(work.glob("*.tmp")) and (work / "00_start_here.ipynb").is_file()
    made = sorted(p.name for p in (hub.home(user) / COURSE_DIR / "work").iterdir())
    assert made == [".workcopy.lock", "student"], made
