"""The course on a shared server (JupyterHub with nbgitpuller, or Binder): one start page.

On a hub, nbgitpuller pulls the course repository into each student's home and then opens a
page; on Binder the repository is the home folder. Either way, pointing the link at
``course/start`` runs :func:`course_lib.editions.prepare_workcopy` for the course found in the
server's folder, creating the student's own work copy and answers folder once (never overwriting
an edited notebook, adding lessons a later pull brought), and then opens lesson 00 of it.

This is a Jupyter server extension: it is switched on by
``etc/jupyter/jupyter_server_config.d/course_lib.json``, which installing the course puts in place.
"""

from __future__ import annotations

import html
import os
from pathlib import Path

from .editions import ROOT_ENV, prepare_workcopy

START_PATH = "course/start"


def is_course(folder: Path) -> bool:
    """A clone of the course: lesson sources, the data package and the library side by side."""
    return (folder / "notebooks").is_dir() and (folder / "data" / "datapackage.json").is_file() \
        and (folder / "course_lib").is_dir()


def find_course(server_root: Path) -> Path | None:
    """The course under a server's root folder: ``$COURSE_ROOT``, the root itself, or one of its
    folders (where nbgitpuller put the clone)."""
    override = os.environ.get(ROOT_ENV)
    if override and is_course(Path(override).expanduser()):
        return Path(override).expanduser().resolve()
    server_root = Path(server_root).expanduser().resolve()
    if is_course(server_root):
        return server_root
    found = sorted(child for child in server_root.iterdir() if child.is_dir() and is_course(child))
    return found[0] if found else None


def start(server_root: Path, edition: str = "student") -> tuple[Path, list[Path]]:
    """Prepare the work copy of the course under ``server_root``; returns lesson 00's path in it
    (relative to the server root, for a /lab/tree/ address) and the lessons just added."""
    course = find_course(server_root)
    if course is None:
        raise LookupError(f"No copy of the course was found in {server_root} or its folders. "
                          "Open the course's nbgitpuller link again (it brings the course), or ask "
                          "your instructor.")
    added = prepare_workcopy(edition, course)
    lesson = course / "work" / edition / "00_start_here.ipynb"
    return lesson.relative_to(Path(server_root).expanduser().resolve()), added


def _jupyter_server_extension_points():
    return [{"module": "course_lib.hub"}]


def _load_jupyter_server_extension(serverapp):
    from jupyter_server.base.handlers import JupyterHandler
    from jupyter_server.utils import url_path_join
    from tornado import web

    class StartHandler(JupyterHandler):
        @web.authenticated
        def get(self):
            try:
                lesson, _added = start(Path(serverapp.root_dir))
            except Exception as problem:  # noqa: BLE001 - shown to the student, in words
                self.set_status(404 if isinstance(problem, LookupError) else 500)
                self.finish(f"<!DOCTYPE html><title>Course</title><p>{html.escape(str(problem))}</p>")
                return
            self.redirect(url_path_join(self.base_url, "lab", "tree", *lesson.parts))

    serverapp.web_app.add_handlers(".*$", [(url_path_join(serverapp.base_url, START_PATH), StartHandler)])
