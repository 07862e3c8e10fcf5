"""What students see: every notebook of the student edition in JupyterLab, in headless Chromium.

The test starts its own JupyterLab on 127.0.0.1 (free port, random token) over a temporary copy of
the student edition, runs each notebook with Restart Kernel and Run All, and checks that no cell
fails, that every widget renders, that each course widget answers a real click or key press with
the value its pure function gives, that written answers survive a kernel restart, and that the page
loads nothing but loopback. Screenshots go to artifacts/browser/ (git-ignored).
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

import course_lib as cl
from course_lib import answers, checks, editions
from course_lib.analysis import timeline as tl

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "artifacts" / "browser"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
NOTEBOOKS = [p.name for p in editions.source_notebooks(ROOT / "notebooks")]
HOW_TO_ENABLE = ("browser tests skipped: no Chromium found. Install Debian's chromium "
                 "(apt-get install chromium) to run them; CI sets REQUIRE_BROWSER=1 to require them.")

pytestmark = pytest.mark.browser


def _chromium() -> str:
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if path:
        return path
    if os.environ.get("REQUIRE_BROWSER") == "1":
        pytest.fail("REQUIRE_BROWSER=1 but no Chromium is installed (apt-get install chromium)")
    pytest.skip(HOW_TO_ENABLE, allow_module_level=True)


CHROMIUM = _chromium()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """A JupyterLab server over a fresh student edition; stopped by its process id at the end."""
    base = tmp_path_factory.mktemp("lab")
    editions.build(ROOT / "notebooks", base / "dist")
    work = base / "work"
    shutil.copytree(base / "dist" / "student", work)
    settings = base / "settings"
    for plugin, values in {
        "notebook-extension/tracker": {"windowingMode": "none"},
        "apputils-extension/notification": {"fetchNews": "false", "checkForUpdates": False},
    }.items():
        target = settings / "@jupyterlab" / f"{plugin}.jupyterlab-settings"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(values))
    # The debugger extension logs a console error when a kernel restarts mid-request; the course
    # does not use the debugger, so it is switched off rather than its errors ignored.
    page_config = base / "config" / "labconfig" / "page_config.json"
    page_config.parent.mkdir(parents=True)
    page_config.write_text(json.dumps({"disabledExtensions": {"@jupyterlab/debugger-extension": True}}))
    port, token = _free_port(), secrets.token_hex(16)
    env = dict(os.environ, HOME=str(base / "home"), JUPYTER_CONFIG_DIR=str(base / "config"),
               JUPYTER_RUNTIME_DIR=str(base / "runtime"), IPYTHONDIR=str(base / "ipython"),
               MPLCONFIGDIR=str(base / "mpl"), COURSE_ANSWERS_DIR=str(work / "answers"))
    command = [str(Path(sys.executable).parent / "jupyter"), "lab", "--no-browser",
               "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={port}", "--ServerApp.port_retries=0",
               f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={work}",
               f"--LabApp.user_settings_dir={settings}", f"--LabApp.workspaces_dir={base / 'workspaces'}",
               "--LabApp.news_url=None"]
    if os.geteuid() == 0:
        command.append("--allow-root")
    log = open(base / "lab.log", "w")
    server = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(f"{url}/api/status?token={token}", timeout=2)
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"JupyterLab did not start: {(base / 'lab.log').read_text()[-2000:]}")
                time.sleep(0.3)
        yield {"url": url, "token": token, "work": work}
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
        log.close()


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, lab, monkeypatch):
    """A page that may load only loopback; console errors and outside requests fail the test."""
    monkeypatch.setenv("COURSE_ANSWERS_DIR", str(lab["work"] / "answers"))
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    outside, problems = [], []

    def only_loopback(route):
        url = route.request.url
        if url.startswith(("http://127.0.0.1", "ws://127.0.0.1", "data:", "blob:")):
            route.continue_()
        else:
            outside.append(url)
            route.abort()

    context.route("**/*", only_loopback)
    tab = context.new_page()
    tab.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    tab.on("pageerror", lambda e: problems.append(str(e)))
    yield tab
    context.close()
    _stop_kernels(lab)
    assert not outside, f"the page tried to load non-loopback addresses: {outside[:5]}"
    assert not problems, f"JavaScript console errors: {problems[:5]}"


def _stop_kernels(lab):
    api = f"{lab['url']}/api/sessions?token={lab['token']}"
    for session in json.load(urllib.request.urlopen(api, timeout=10)):
        request = urllib.request.Request(
            f"{lab['url']}/api/sessions/{session['id']}?token={lab['token']}", method="DELETE")
        urllib.request.urlopen(request, timeout=10)


def open_and_run(page, lab, name: str):
    """Open a notebook, Restart Kernel and Run All, and wait until every code cell has run."""
    page.goto(f"{lab['url']}/lab/tree/{name}?token={lab['token']}&reset", wait_until="domcontentloaded")
    page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=60_000)
    _wait_for_kernel(page)
    page.locator(".jp-NotebookPanel-toolbar [data-command='notebook:restart-run-all']").first.click()
    page.locator(".jp-Dialog", has_text="Restart").locator(".jp-mod-accept").click()
    try:
        _wait_until_all_ran(page)
    except Exception:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"FAILED-{Path(name).stem}.png"), full_page=True)
        raise
    page.wait_for_selector(".jp-Notebook-ExecutionIndicator[data-status='idle']", timeout=60_000)


def _wait_for_kernel(page, timeout: float = 60):
    """Wait until the notebook's kernel is idle; accept Lab's "Select Kernel" offer if it asks."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        chooser = page.locator(".jp-Dialog", has_text="Select Kernel")
        if chooser.count() and chooser.is_visible():
            chooser.locator(".jp-mod-accept").click()
        name = page.locator(".jp-NotebookPanel-toolbar .jp-KernelName").first
        idle = page.locator(".jp-Notebook-ExecutionIndicator[data-status='idle']")
        if idle.count() and name.count() and "Python 3" in name.inner_text():
            return
        time.sleep(0.25)
    raise TimeoutError("the notebook's kernel did not become ready")


def _wait_until_all_ran(page):
    page.wait_for_function(
        """() => {
            const prompts = [...document.querySelectorAll('.jp-Notebook .jp-CodeCell .jp-InputPrompt')];
            return prompts.length > 0 && prompts.every(p => /\\[\\d+\\]/.test(p.textContent));
        }""",
        timeout=120_000,
    )


def assert_clean_run(page, name: str):
    errors = page.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']")
    assert errors.count() == 0, f"{name}: {errors.first.inner_text()[:500]}"
    text = page.locator(".jp-Notebook").inner_text()
    for broken in ("Loading widget...", "Error displaying widget", "VBox(children="):
        assert broken not in text, f"{name}: a widget did not render ({broken!r})"


def _cell(page, text: str):
    """The cell that holds ``text`` now, pinned by position so that editing it keeps the handle."""
    cells = page.locator(".jp-Notebook .jp-Cell")
    index = page.evaluate(
        "t => [...document.querySelectorAll('.jp-Notebook .jp-Cell')].findIndex(c => c.innerText.includes(t))", text)
    assert index >= 0, f"no cell contains {text!r}"
    return cells.nth(index)


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_notebook_runs_cleanly_and_renders_its_widgets(page, lab, name):
    open_and_run(page, lab, name)
    assert_clean_run(page, name)
    source = json.loads((lab["work"] / name).read_text())
    widget_cells = [c for c in source["cells"] if c["cell_type"] == "code"
                    and "nbval-ignore-output" in c.get("metadata", {}).get("tags", [])
                    and ("prompt(" in "".join(c["source"]) or "explorer(" in "".join(c["source"]))]
    assert page.locator(".jp-Notebook .course-widget, .jp-Notebook .course-prompt").count() == len(widget_cells)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{Path(name).stem}.png"), full_page=True)


def test_timeline_explorer_answers_clicks_and_keys_with_the_pure_function(page, lab):
    from playwright.sync_api import expect as visible

    open_and_run(page, lab, "01_fifty_years.ipynb")
    events = cl.load("alliance_timeline")
    widget = page.locator(".course-widget").first
    summary, figure = widget.locator(".course-summary"), widget.locator(".course-figure img")
    dropdown = widget.locator(".widget-dropdown select")
    multi = widget.locator(".widget-select-multiple select")

    def expect(era: str, categories) -> None:
        selected = tl.filter_events(events, era, categories)
        visible(summary).to_have_text(tl.summary(selected, era), timeout=20_000)
        visible(figure).to_have_attribute("alt", tl.alt_text(selected, era), timeout=20_000)

    expect("All years", tl.CATEGORIES)
    era = "Drift and the DPJ years (2007-2012)"
    dropdown.select_option(label=era)
    expect(era, tl.CATEGORIES)
    multi.select_option(["bases_okinawa", "politics_japan"])
    expect(era, ["bases_okinawa", "politics_japan"])

    dropdown.focus()
    assert page.evaluate("document.activeElement.tagName") == "SELECT"
    page.keyboard.press("Tab")  # the category list is the next stop for the keyboard
    assert page.evaluate("document.activeElement.multiple") is True
    page.keyboard.press("End")  # one key press selects the last category alone
    expect(era, [tl.CATEGORIES[-1]])

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    widget.screenshot(path=str(ARTIFACTS / "01_timeline_explorer.png"))
    labels = widget.locator(".widget-label")
    assert [labels.nth(i).inner_text().strip() for i in range(2)] == ["Era", "Categories (Ctrl/Shift-click for several)"]
    assert all(labels.nth(i).is_visible() for i in range(2))


def test_written_answer_survives_a_kernel_restart_and_is_exported(page, lab):
    prompt_id = "00.D1"
    text = "The claim about drift since 2006 needs evidence about policy, not only about leaders."
    open_and_run(page, lab, "00_start_here.ipynb")
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

    open_and_run(page, lab, "00_start_here.ipynb")
    box = page.locator(".course-prompt", has_text=f"Discussion {prompt_id}").locator("textarea")
    assert box.input_value() == text
    markdown, _ = answers.export_answers(lab["work"] / "export")
    assert text in markdown.read_text()


def test_a_self_check_answered_in_the_page_shows_in_progress(page, lab):
    open_and_run(page, lab, "00_start_here.ipynb")
    claims = cl.essay_map()
    answer = int((claims["kind"] == "factual").sum())
    cell = _cell(page, "answer_00_1 = ...")
    cell.locator(".cm-content").click()
    page.keyboard.press("Control+A")
    page.keyboard.insert_text(f'answer_00_1 = {answer}\ncl.check("00.1", answer_00_1)')
    page.keyboard.press("Shift+Enter")
    cell.locator(".course-check[data-status='correct']").wait_for(timeout=30_000)
    assert checks.results()["00.1"]["correct"] is True
    progress = answers.progress().set_index("lesson")
    assert "00.1" in progress.loc["00", "correct_ids"]
