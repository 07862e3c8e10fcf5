"""Sizing a class on JupyterHub (``make bench-hub``): memory of one student's server and kernels,
and the hub's start-up time per user. Not part of the test suite; docs/class_guide.md quotes it.

A real JupyterHub (tests/hub/hubtools.py) starts USERS students' servers one after another, then
two more at once, and times each from the API call to "ready". For one student it runs every
lesson of the student edition top to bottom, each in its own kernel (as a student who opens each
notebook does), and reads the resident memory (VmRSS) of that kernel and of the student's server.
Needs configurable-http-proxy (npm install -g configurable-http-proxy).
"""

from __future__ import annotations

import json
import statistics
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "hub"))

from hubtools import COURSE_DIR, PROXY, running_hub  # noqa: E402

USERS = 4
MEASURE = """
import os
def rss(pid):
    for line in open(f"/proc/{pid}/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
print("RSS", round(rss(os.getpid()), 1), round(rss(os.getppid()), 1))
"""


def lesson_code(path: Path) -> str:
    """Every code cell of one student notebook, as Run All would run them."""
    nb = json.loads(path.read_text(encoding="utf-8"))
    return "\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code")


def main() -> int:
    if not PROXY:
        print("configurable-http-proxy is needed: npm install -g configurable-http-proxy")
        return 1
    with tempfile.TemporaryDirectory(prefix="hub-sizing-") as scratch, running_hub(Path(scratch)) as hub:
        one_by_one = [hub.start(f"student{i}") for i in range(1, USERS + 1)]
        with ThreadPoolExecutor(2) as pool:
            together = list(pool.map(hub.start, ["pair1", "pair2"]))
        user = "student1"
        assert hub.user_get(user, "course/start")[0] == 302
        work = hub.home(user) / COURSE_DIR / "work" / "student"
        rows = []
        server_mb = 0.0
        for notebook in sorted(work.glob("*.ipynb")):
            began = time.monotonic()
            printed = hub.run_code(user, f"{COURSE_DIR}/work/student/{notebook.name}",
                                   lesson_code(notebook) + "\n" + MEASURE)
            kernel_mb, server_mb = (float(x) for x in printed.rsplit("RSS", 1)[1].split())
            rows.append((notebook.name, kernel_mb, time.monotonic() - began))
    print(f"hub start-up per user, one after another: median {statistics.median(one_by_one):.1f} s, "
          f"max {max(one_by_one):.1f} s ({USERS} users)")
    print(f"hub start-up per user, two at once: {', '.join(f'{t:.1f} s' for t in together)}")
    print(f"student server after every lesson: {server_mb:.0f} MB")
    for name, mb, seconds in rows:
        print(f"  kernel after {name:<40} {mb:6.0f} MB  ({seconds:.1f} s to run)")
    print(f"largest kernel: {max(mb for _, mb, _ in rows):.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
