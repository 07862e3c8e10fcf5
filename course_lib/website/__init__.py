"""The course website: every lesson readable without Jupyter (``make site`` -> ``dist/site/``).

Sphinx with MyST-NB builds static HTML from a temporary source folder that holds:
- each notebook of ``notebooks/`` without its solution and instructor cells (the editions' own
  filter), with its stored, nbval-checked outputs (nothing is executed), and a static view in
  place of every widget and discussion prompt (``pages.site_notebook``);
- the home page, a page per dataset, and the data files to download (``pages``);
- ``conf.py`` and the course's CSS and JavaScript (this folder).
The finished site loads nothing from another host and is checked for it, and for solution and
instructor text, before it replaces ``dist/site/``. It works from file:// and on any static host.
"""

from __future__ import annotations

import io
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

import nbformat

from .. import editions
from .pages import DATA_FOLDER, SiteError, dataset_page, datasets_index, home_page, site_notebook

HERE = Path(__file__).resolve().parent
# A tag that makes the browser fetch something: its address must not name another host.
_FETCHING = re.compile(r"<(script|link|img|iframe|source|embed|object|audio|video)\b[^>]*?"
                       r"\b(src|href|data)=[\"']((?:https?:)?//[^\"']*)", re.I)
_CSS_URL = re.compile(r"url\(\s*[\"']?((?:https?:)?//[^)\"']*)", re.I)


def write_sources(folder: Path, notebooks: Path = Path("notebooks")) -> list[Path]:
    """Write the site's source folder (Markdown, notebooks, data, conf.py); returns the notebooks."""
    from .. import plots
    from ..data import data_dir, list_datasets, load, resource

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy2(HERE / "conf.py", folder / "conf.py")
    shutil.copytree(HERE / "static", folder / "_static", dirs_exist_ok=True)
    written = []
    for path in editions.source_notebooks(notebooks):
        nb = site_notebook(nbformat.read(path, as_version=4), f"notebooks/{path.name}")
        nbformat.write(nb, folder / path.name)
        written.append(folder / path.name)
    (folder / "index.md").write_text(home_page(notebooks), encoding="utf-8")

    names = list(list_datasets()["name"])
    pages = folder / "datasets"
    pages.mkdir(exist_ok=True)
    downloads = folder / "_extra" / DATA_FOLDER
    downloads.mkdir(parents=True, exist_ok=True)
    shutil.copy2(data_dir() / "datapackage.json", downloads / "datapackage.json")
    for name in names:
        shutil.copy2(data_dir() / resource(name)["path"], downloads / resource(name)["path"])
        figure = plots.dataset_overview(load(name), name)
        (pages / f"{name}.png").write_bytes(figure.png)
        text = dataset_page(name, notebooks, f"{name}.png", figure.alt)
        (pages / f"{name}.md").write_text(text, encoding="utf-8")
    (pages / "index.md").write_text(datasets_index(names), encoding="utf-8")
    return written


def remote_loads(site: Path) -> list[str]:
    """Every address on another host that a page or style sheet of the built site would load."""
    found = []
    for page in sorted(Path(site).rglob("*.html")):
        for match in _FETCHING.finditer(page.read_text(encoding="utf-8")):
            found.append(f"{page.relative_to(site)}: <{match[1]} {match[2]}={match[3]}>")
    for sheet in sorted(Path(site).rglob("*.css")):
        found += [f"{sheet.relative_to(site)}: url({u})" for u in _CSS_URL.findall(sheet.read_text("utf-8"))]
    return found


def site_leaks(site: Path, notebooks: Path = Path("notebooks")) -> list[str]:
    """Solution and instructor text found in the built lesson pages (the editions' leak scan)."""
    found = []
    for path in editions.source_notebooks(notebooks):
        page = Path(site) / f"{path.stem}.html"
        source = nbformat.read(path, as_version=4)
        found += [f"{page.name}: {leak}" for leak in
                  editions.leaks(page.read_text(encoding="utf-8"), source, outputs_shown=True)]
    return found


def _check_dest(dest: Path) -> None:
    """Refuse to build over a folder the course did not build (it has no manifest)."""
    if dest.exists() and not (dest.is_dir() and not any(dest.iterdir())) \
            and not (dest / editions.MANIFEST).is_file():
        raise SiteError(f"{dest} already exists and was not built by the course (it has no "
                        f"{editions.MANIFEST} file): choose another folder. Nothing was deleted.")


def build(dest: Path = Path("dist/site"), notebooks: Path = Path("notebooks"), *,
          verbose: bool = False) -> dict:
    """Build the website into ``dest`` (replaced whole, and only once the new site passed its checks).

    Sphinx warnings are errors: a broken link or a missing page fails the build. Returns the
    seconds spent and the number of pages.
    """
    try:
        from sphinx.application import Sphinx
        from sphinx.util.console import nocolor
    except ImportError:
        raise SiteError("The website needs Sphinx, MyST-NB and Furo: `make site` installs them "
                        "(pip install -e '.[site]').") from None

    nocolor()

    started = time.perf_counter()
    dest = Path(dest)
    _check_dest(dest)
    with tempfile.TemporaryDirectory(prefix="course-site-") as scratch:
        scratch = Path(scratch)
        source, html = scratch / "source", scratch / "html"
        write_sources(source, notebooks)
        prepared = time.perf_counter()
        warnings = io.StringIO()
        app = Sphinx(str(source), str(source), str(html), str(scratch / "doctrees"), "html",
                     status=None if not verbose else sys.stdout, warning=warnings, freshenv=True)
        app.build()
        problems = [line for line in warnings.getvalue().splitlines() if line.strip()]
        if problems or app.statuscode:
            raise SiteError("Sphinx reported problems:\n" + "\n".join(problems[:20]))
        for check, what in ((remote_loads(html), "loads from another host"),
                            (site_leaks(html, notebooks), "shows solution or instructor text")):
            if check:
                raise SiteError(f"The built site {what}:\n" + "\n".join(check[:20]))
        (html / ".buildinfo").unlink(missing_ok=True)
        shutil.rmtree(html / "_sources", ignore_errors=True)  # empty: sources are not published
        if dest.exists():
            shutil.rmtree(dest)
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copytree(html, dest)
        (dest / editions.MANIFEST).write_text('{"files": ["the whole course website"]}\n', encoding="utf-8")
    pages = len(list(dest.rglob("*.html")))
    return {"seconds": time.perf_counter() - started, "prepare_seconds": prepared - started,
            "pages": pages, "dest": dest}
