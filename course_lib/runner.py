"""Run notebooks top to bottom with nbclient (maintainers' `make outputs`, tests, benchmark)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import nbformat

from .store import ANSWERS_ENV


def execute(path: Path, *, save: bool = False, timeout: int = 180, answers_dir: Path | None = None):
    """Execute one notebook in its own folder; student state goes to a throw-away folder."""
    from nbclient import NotebookClient

    path = Path(path)
    nb = nbformat.read(path, as_version=4)
    nb.metadata.pop("widgets", None)
    previous = os.environ.get(ANSWERS_ENV)
    with tempfile.TemporaryDirectory(prefix="course-answers-") as scratch:
        os.environ[ANSWERS_ENV] = str(answers_dir or scratch)
        try:
            # No saved widget state: Lab shows it only as text before a run, and its random ids
            # would rewrite every notebook on every run.
            client = NotebookClient(nb, timeout=timeout, kernel_name="python3", store_widget_state=False,
                                    resources={"metadata": {"path": str(path.parent)}})
            client.execute()
        finally:
            if previous is None:
                os.environ.pop(ANSWERS_ENV, None)
            else:
                os.environ[ANSWERS_ENV] = previous
    if save:
        for cell in nb.cells:
            cell.metadata.pop("execution", None)
        nbformat.write(nb, path)
    return nb
