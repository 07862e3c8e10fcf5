"""The browser tests' shared parts: one JupyterLab over a fresh student edition, one headless
Chromium, and a page that may load only loopback.

The server starts once per test session on 127.0.0.1 (free port, random token) over a temporary copy
of the student edition; each test gets a fresh page and its kernels are stopped afterwards. Tests
use the ``lab`` fixture's helpers: ``lab.run(page, name)`` (Restart Kernel and Run All, then wait),
``lab.assert_clean(page, name)``, ``lab.cell(page, text)`` and ``lab.shot(locator, name)``.
Screenshots go to artifacts/browser/ (git-ignored). Without Chromium the tests skip with one line
saying how to enable them, unless REQUIRE_BROWSER=1 (as in CI), which makes a missing browser fail.
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
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from course_lib import editions

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "artifacts" / "browser"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
HOW_TO_ENABLE = ("browser tests skipped: no Chromium found. Install Debian's chromium "
                 "(apt-get install chromium) to run them; CI sets REQUIRE_BROWSER=1 to require them.")



def pytest_collection_modifyitems(config, items):
    """Every test here is a browser test; without Chromium they skip, unless REQUIRE_BROWSER=1."""
    here = Path(__file__).parent
    mine = [item for item in items if here in Path(str(item.fspath)).parents]
    for item in mine:
        item.add_marker(pytest.mark.browser)
    if mine and not _chromium():
        if os.environ.get("REQUIRE_BROWSER") == "1":
            raise pytest.UsageError("REQUIRE_BROWSER=1 but no Chromium is installed (apt-get install chromium)")
        for item in mine:
            item.add_marker(pytest.mark.skip(reason=HOW_TO_ENABLE))


def _chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="session")
def lab_server(tmp_path_factory):
    """A JupyterLab server over a fresh student edition; stopped by its process id at the end."""
    base = tmp_path_factory.mktemp("lab")
    editions.build(ROOT / "notebooks", base / "dist")
    work = base / "work"
    shutil.copytree(base / "dist" / "student", work)
    settings = base / "settings"
    # News and update checks are off through the course's own settings (jupyter/), as for students.
    for plugin, values in {
        "notebook-extension/tracker": {"windowingMode": "none"},
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
               MPLCONFIGDIR=str(base / "mpl"), COURSE_ANSWERS_DIR=str(work / "answers"),
               JUPYTER_CONFIG_PATH=str(ROOT / "jupyter"))
    command = [str(Path(sys.executable).parent / "jupyter"), "lab", "--no-browser",
               "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={port}", "--ServerApp.port_retries=0",
               f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={work}",
               f"--LabApp.user_settings_dir={settings}", f"--LabApp.workspaces_dir={base / 'workspaces'}"]
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
                    log_tail = (base / "lab.log").read_text()[-2000:]
                    raise RuntimeError(f"JupyterLab did not start: {log_tail}") from None
                time.sleep(0.3)
        yield {"url": url, "token": token, "work": work}
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
        log.close()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=_chromium(), args=CHROMIUM_ARGS, headless=True)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, lab_server, monkeypatch):
    """A page that may load only loopback; console errors and outside requests fail the test."""
    monkeypatch.setenv("COURSE_ANSWERS_DIR", str(lab_server["work"] / "answers"))
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    outside, problems = [], []
    # JupyterLab itself logs these when a kernel restart races its own traffic (seen intermittently
    # on a busy machine, with or without course code): a cancelled subshell request, and a widget
    # message that reaches the new kernel for a comm of the old one. Not course errors.
    benign = ("Canceled future for create_subshell_request", "Comm not found for comm id")

    def only_loopback(route):
        url = route.request.url
        if url.startswith(("http://127.0.0.1", "ws://127.0.0.1", "data:", "blob:")):
            route.continue_()
        else:
            outside.append(url)
            route.abort()

    context.route("**/*", only_loopback)
    tab = context.new_page()
    tab.on("console", lambda m: problems.append(m.text)
           if m.type == "error" and not any(b in m.text for b in benign) else None)
    tab.on("pageerror", lambda e: problems.append(str(e))
           if not any(b in str(e) for b in benign) else None)  # the same error can arrive uncaught
    yield tab
    context.close()
    _stop_kernels(lab_server)
    assert not outside, f"the page tried to load non-loopback addresses: {outside[:5]}"
    assert not problems, f"JavaScript console errors: {problems[:5]}"


def _stop_kernels(lab):
    api = f"{lab['url']}/api/sessions?token={lab['token']}"
    for session in json.load(urllib.request.urlopen(api, timeout=10)):
        request = urllib.request.Request(
            f"{lab['url']}/api/sessions/{session['id']}?token={lab['token']}", method="DELETE")
        for attempt in range(3):  # a kernel that is restarting refuses for a moment
            try:
                urllib.request.urlopen(request, timeout=10)
                break
            except urllib.error.HTTPError:
                if attempt == 2:
                    raise
                time.sleep(1)


class Lab:
    """Helpers that drive the shared JupyterLab: run a notebook, find a cell, take a screenshot."""

    def __init__(self, server: dict):
        self.url, self.token, self.work = server["url"], server["token"], server["work"]

    def run(self, page, name: str):
        """Open a notebook, Restart Kernel and Run All, and wait until every code cell has run."""
        page.goto(f"{self.url}/lab/tree/{name}?token={self.token}&reset", wait_until="domcontentloaded")
        page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=60_000)
        from playwright.sync_api import TimeoutError as PlaywrightTimeout

        self._wait_for_kernel(page)
        self._restart_and_run_all(page)
        try:
            self._wait_for_first_cell(page)
        except PlaywrightTimeout:
            # A kernel restart that never comes back ("Starting" for good) is a JupyterLab/server
            # race on a loaded machine, not the course: try once more, and say so in the log.
            print(f"{name}: the restarted kernel never started; restarting once more")
            self._restart_and_run_all(page)
        try:
            self._wait_until_all_ran(page)
        except Exception:
            self.shot(page, f"FAILED-{Path(name).stem}")
            raise
        page.wait_for_selector(".jp-Notebook-ExecutionIndicator[data-status='idle']", timeout=60_000)

    @staticmethod
    def _wait_for_kernel(page, timeout: float = 60):
        """Wait until the notebook's kernel is idle; accept Lab's "Select Kernel" offer if it asks."""
        deadline, steady = time.monotonic() + timeout, 0
        while time.monotonic() < deadline:
            chooser = page.locator(".jp-Dialog", has_text="Select Kernel")
            if chooser.count() and chooser.is_visible():
                chooser.locator(".jp-mod-accept").click()
            # The status bar says "Python 3 (ipykernel) | Idle" only once the kernel has started and
            # its websocket is connected (the toolbar's execution indicator already says idle while
            # there is no kernel at all); a restart before that can leave the kernel "Starting" for good.
            status = page.locator("#jp-main-statusbar .jp-StatusBar-TextItem[title^='Change kernel']")
            text = status.first.inner_text() if status.count() else ""
            if text.startswith("Python 3") and text.endswith("| Idle"):
                steady += 1
                if steady >= 3:
                    return
            else:
                steady = 0
            time.sleep(0.25)
        raise TimeoutError("the notebook's kernel did not become ready")

    @staticmethod
    def _restart_and_run_all(page):
        page.locator(".jp-NotebookPanel-toolbar [data-command='notebook:restart-run-all']").first.click()
        page.locator(".jp-Dialog", has_text="Restart").locator(".jp-mod-accept").click()

    @staticmethod
    def _wait_for_first_cell(page):
        page.wait_for_function(
            """() => {
                const first = document.querySelector('.jp-Notebook .jp-CodeCell .jp-InputPrompt');
                return first !== null && /\\[\\d+\\]/.test(first.textContent);
            }""",
            timeout=60_000,
        )

    @staticmethod
    def _wait_until_all_ran(page):
        page.wait_for_function(
            """() => {
                const prompts = [...document.querySelectorAll('.jp-Notebook .jp-CodeCell .jp-InputPrompt')];
                return prompts.length > 0 && prompts.every(p => /\\[\\d+\\]/.test(p.textContent));
            }""",
            timeout=120_000,
        )

    def open(self, page, name: str):
        """Open a notebook and wait for its kernel, without running anything."""
        page.goto(f"{self.url}/lab/tree/{name}?token={self.token}&reset", wait_until="domcontentloaded")
        page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=60_000)
        self._wait_for_kernel(page)

    @staticmethod
    def cell_count(page) -> int:
        return page.locator(".jp-Notebook .jp-Cell").count()

    @staticmethod
    def restart_kernel(page):
        """Restart the kernel only (Kernel > Restart Kernel...), accepting the dialog."""
        page.locator(".jp-NotebookPanel-toolbar [data-command='notebook:restart-kernel']").first.click()
        page.locator(".jp-Dialog", has_text="Restart").locator(".jp-mod-accept").click()

    @staticmethod
    def run_code_in(page, cell, code: str):
        """Replace a code cell's text with ``code`` and run it (Shift+Enter)."""
        cell.locator(".cm-content").click()
        page.keyboard.press("Control+A")
        page.keyboard.insert_text(code)
        page.keyboard.press("Shift+Enter")

    @staticmethod
    def assert_clean(page, name: str):
        errors = page.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']")
        assert errors.count() == 0, f"{name}: {errors.first.inner_text()[:500]}"
        text = page.locator(".jp-Notebook").inner_text()
        for broken in ("Loading widget...", "Error displaying widget", "VBox(children="):
            assert broken not in text, f"{name}: a widget did not render ({broken!r})"

    @staticmethod
    def cell(page, text: str):
        """The cell that holds ``text`` now, pinned by position so that editing it keeps the handle."""
        cells = page.locator(".jp-Notebook .jp-Cell")
        index = page.evaluate(
            "t => [...document.querySelectorAll('.jp-Notebook .jp-Cell')]"
            ".findIndex(c => c.innerText.includes(t))", text)
        assert index >= 0, f"no cell contains {text!r}"
        return cells.nth(index)

    @staticmethod
    def shot(target, name: str) -> Path:
        """Save a screenshot of a page or locator under artifacts/browser/."""
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        path = ARTIFACTS / f"{name}.png"
        kwargs = {"full_page": True} if hasattr(target, "goto") else {}
        target.screenshot(path=str(path), **kwargs)
        return path


@pytest.fixture
def lab(lab_server, page):
    """The helpers, bound to the shared server (request ``page`` too to drive it)."""
    return Lab(lab_server)
