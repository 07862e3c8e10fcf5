"""A real JupyterHub for tests and the sizing benchmark: dummy login, SimpleLocalProcessSpawner.

Each user gets a home folder under the hub's base folder, and the course is copied into it before
the server starts, as nbgitpuller does. All users share this machine's one OS user: a real
deployment's spawner (Kubernetes, systemd) isolates them. ``Hub`` drives the hub's REST API, a
user's own server through the proxy, and code in a kernel of that server (over its websocket).
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
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
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
COURSE_DIR = "us-japan-alliance-course"
PROXY = shutil.which("configurable-http-proxy")
IGNORED = (".venv", ".git", "dist", "work", "answers", "artifacts", "build", "__pycache__", "*.egg-info",
           ".ipynb_checkpoints")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


CONFIG = """
import shutil
from pathlib import Path

c.JupyterHub.bind_url = "http://127.0.0.1:{port}"
c.JupyterHub.hub_bind_url = "http://127.0.0.1:{hub_port}"
c.ConfigurableHTTPProxy.api_url = "http://127.0.0.1:{proxy_api_port}"
c.ConfigurableHTTPProxy.command = [{proxy!r}]
c.JupyterHub.db_url = "sqlite:///{base}/hub.sqlite"
c.JupyterHub.cookie_secret_file = "{base}/cookie_secret"
c.JupyterHub.authenticator_class = "dummy"
c.Authenticator.allow_all = True
c.JupyterHub.spawner_class = "simple"
c.SimpleLocalProcessSpawner.home_dir_template = "{base}/homes/{{username}}"
c.Spawner.cmd = [{singleuser!r}]
c.Spawner.start_timeout = 60
c.Spawner.http_timeout = 60
c.Spawner.env_keep = ["PATH", "PYTHONPATH", "LANG", "LC_ALL"]
c.Spawner.environment = {{"MPLCONFIGDIR": "{base}/mpl"}}
c.Spawner.args = {root_flag!r}
c.JupyterHub.services = [{{"name": "class-test", "api_token": {token!r}}}]
c.JupyterHub.load_roles = [{{"name": "class-test", "services": ["class-test"],
                             "scopes": ["admin:users", "admin:servers", "access:servers", "read:users"]}}]

def bring_the_course(spawner):
    # what nbgitpuller does on a real hub: the course repository appears in the student's home
    home = Path(spawner.home_dir_template.format(username=spawner.user.name))
    target = home / {course_dir!r}
    if not target.exists():
        shutil.copytree({root!r}, target, ignore=shutil.ignore_patterns(*{ignore!r}))

c.Spawner.pre_spawn_hook = bring_the_course
"""


class Hub:
    def __init__(self, base: Path, url: str, token: str):
        self.base, self.url, self.token = base, url, token

    def api(self, method: str, path: str, body: dict | None = None, timeout: float = 30):
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(f"{self.url}/hub/api{path}", data=data, method=method,
                                         headers={"Authorization": f"token {self.token}"})
        with urllib.request.urlopen(request, timeout=timeout) as response:
            text = response.read()
            return json.loads(text) if text else None

    def home(self, user: str) -> Path:
        return self.base / "homes" / user

    def start(self, user: str) -> float:
        """Start a user's server (if not running) and wait until the proxy routes to it; returns the seconds taken."""
        began = time.monotonic()
        try:
            self.api("POST", f"/users/{user}")
        except urllib.error.HTTPError as problem:
            if problem.code != 409:
                raise
        if self.api("GET", f"/users/{user}").get("servers", {}).get("", {}).get("ready"):
            return time.monotonic() - began
        self.api("POST", f"/users/{user}/server")
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            model = self.api("GET", f"/users/{user}")
            server = model.get("servers", {}).get("", {})
            if server.get("ready"):
                return time.monotonic() - began
            time.sleep(0.3)
        raise TimeoutError(f"{user}'s server did not start:\n{(self.base / 'hub.log').read_text()[-3000:]}")

    def stop(self, user: str) -> None:
        self.api("DELETE", f"/users/{user}/server")
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if not self.api("GET", f"/users/{user}").get("servers"):
                return
            time.sleep(0.3)

    def user_get(self, user: str, path: str) -> tuple[int, str]:
        """GET a page of the user's own server through the proxy, without following redirects."""
        class NoRedirect(urllib.request.HTTPRedirectHandler):
            def redirect_request(self, *args, **kwargs):
                return None

        opener = urllib.request.build_opener(NoRedirect)
        request = urllib.request.Request(f"{self.url}/user/{user}/{path}",
                                         headers={"Authorization": f"token {self.token}"})
        try:
            with opener.open(request, timeout=60) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as problem:
            return problem.code, problem.headers.get("Location", "")

    def run_code(self, user: str, notebook_path: str, code: str) -> str:
        """Run code in a new kernel of the user's server (as the notebook at ``notebook_path``
        would) and return what it printed; the kernel is shut down afterwards."""
        from tornado.httpclient import HTTPRequest
        from tornado.websocket import websocket_connect

        base = f"{self.url}/user/{user}/api"
        auth = {"Authorization": f"token {self.token}"}
        request = urllib.request.Request(
            f"{base}/sessions", method="POST", headers={**auth, "Content-Type": "application/json"},
            data=json.dumps({"path": notebook_path, "type": "notebook", "name": "",
                             "kernel": {"name": "python3"}}).encode())
        with urllib.request.urlopen(request, timeout=60) as response:
            session = json.loads(response.read())
        kernel = session["kernel"]["id"]

        async def execute() -> str:
            ws_url = base.replace("http://", "ws://") + f"/kernels/{kernel}/channels"
            conn = await websocket_connect(HTTPRequest(ws_url, headers=auth, connect_timeout=30))
            msg_id = uuid.uuid4().hex
            conn.write_message(json.dumps({
                "header": {"msg_id": msg_id, "msg_type": "execute_request", "username": user,
                           "session": uuid.uuid4().hex, "version": "5.3", "date": ""},
                "parent_header": {}, "metadata": {}, "channel": "shell",
                "content": {"code": code, "silent": False, "store_history": False,
                            "user_expressions": {}, "allow_stdin": False}}))
            printed, status = [], None
            while status is None:
                raw = await conn.read_message()
                if raw is None:
                    raise RuntimeError("the kernel's connection closed")
                message = json.loads(raw)
                if message.get("parent_header", {}).get("msg_id") != msg_id:
                    continue
                kind = message["header"]["msg_type"]
                if kind == "stream":
                    printed.append(message["content"]["text"])
                elif kind == "error":
                    printed.append("\n".join(message["content"]["traceback"]))
                elif kind == "execute_reply":
                    status = message["content"]["status"]
            conn.close()
            if status != "ok":
                raise RuntimeError("".join(printed))
            return "".join(printed)

        # An event loop of its own, in a thread of its own: the browser tests' Playwright keeps the
        # main thread's loop running for the whole session.
        try:
            with concurrent.futures.ThreadPoolExecutor(1) as worker:
                return worker.submit(asyncio.run, asyncio.wait_for(execute(), 120)).result()
        finally:
            urllib.request.urlopen(urllib.request.Request(f"{base}/sessions/{session['id']}",
                                                          method="DELETE", headers=auth), timeout=30)


@contextlib.contextmanager
def running_hub(base: Path):
    """A JupyterHub over ``base`` (config, database, homes, log); stopped by process group."""
    token = secrets.token_hex(16)
    port = _free_port()
    (base / "jupyterhub_config.py").write_text(CONFIG.format(
        port=port, hub_port=_free_port(), proxy_api_port=_free_port(), proxy=PROXY, base=base, token=token,
        singleuser=str(Path(sys.executable).parent / "jupyterhub-singleuser"), course_dir=COURSE_DIR,
        root=str(ROOT), ignore=IGNORED, root_flag=["--allow-root"] if os.geteuid() == 0 else []))
    env = {k: v for k, v in os.environ.items()
           if k not in ("COURSE_ANSWERS_DIR", "COURSE_ROOT", "JUPYTER_CONFIG_DIR", "JUPYTER_CONFIG_PATH")}
    log = open(base / "hub.log", "w")
    process = subprocess.Popen([str(Path(sys.executable).parent / "jupyterhub"), "-f",
                                str(base / "jupyterhub_config.py")], cwd=base, env=env, stdout=log,
                               stderr=subprocess.STDOUT, start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    running = Hub(base, url, token)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                running.api("GET", "/", timeout=2)
                break
            except (OSError, urllib.error.URLError):
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(
                        f"JupyterHub did not start:\n{(base / 'hub.log').read_text()[-3000:]}") from None
                time.sleep(0.3)
        yield running
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
        log.close()


