"""The website's pages as text: each lesson notebook made fit for a static page, the home page,
and one page per dataset. Pure functions of the source notebooks, the catalogue and the data
package; ``course_lib.website.build`` writes them out and runs Sphinx.
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from string import Template

import nbformat
import pandas as pd

from .. import editions
from ..errors import CourseError

WIDGET_MIME = "application/vnd.jupyter.widget-view+json"
_PROMPT_CALL = re.compile(r"""(?<![\w])prompt\(\s*["'](\d\d\.D\d+)["']\s*\)""")
HOME_TEMPLATE = Path(__file__).with_name("home.md")
DATA_FOLDER = "data"  # where the site keeps the CSV files and the descriptor, for download


class SiteError(CourseError):
    """The website cannot be built as asked (a widget without a static view, a leak, ...)."""


# --- lesson notebooks -------------------------------------------------------------------------

def widget_called(source: str) -> str | None:
    """The registered widget that a code cell calls (``cl.timeline_explorer()`` -> its name)."""
    from ..widgets.static import registered

    for name in registered():
        if re.search(rf"(?<![\w]){re.escape(name)}\s*\(", source):
            return name
    return None


def prompt_called(source: str) -> str | None:
    """The discussion prompt a code cell shows (``cl.prompt("01.D1")`` -> "01.D1")."""
    found = _PROMPT_CALL.search(source)
    return found[1] if found else None


def shows_widget(cell) -> bool:
    """A code cell whose stored output is a widget (which a static page cannot draw)."""
    return cell.cell_type == "code" and any(WIDGET_MIME in o.get("data", {}) for o in cell.get("outputs", []))


def _output(html_text: str, plain: str):
    return nbformat.v4.new_output("display_data", data={"text/html": html_text, "text/plain": plain})


def prompt_output(prompt_id: str):
    """A discussion prompt's text, in place of the text box that JupyterLab shows."""
    from ..answers import prompt_heading, prompts, self_study

    info = prompts().get(prompt_id)
    if info is None:
        raise SiteError(f"There is no discussion prompt {prompt_id!r} (course_lib/content/prompts/).")
    head, guide = prompt_heading(prompt_id), self_study(prompt_id)
    note = "In JupyterLab this cell is a text box: your answer is saved as you type."
    body = (f'<div class="course-prompt-static"><p><strong>{html.escape(head)}</strong></p>'
            f"<p>{html.escape(info['question'])}</p>"
            + (f"<p><em>{html.escape(guide)}</em></p>" if guide else "")
            + f'<p class="course-explore">{html.escape(note)}</p></div>')
    return _output(body, "\n".join(t for t in (head, info["question"], guide, note) if t))


def widget_output(widget_name: str):
    """A widget's first view (figure, alt text, sentence) in place of its stored widget state."""
    from ..widgets.static import static_figure

    view = static_figure(widget_name)
    return _output(view.to_html(), repr(view))


def static_output(cell, where: str = "a cell"):
    """What the website shows for a prompt or widget cell; None for any other cell.

    A cell whose stored output is a widget that has neither is an error, so that a new widget
    without a static view cannot slip onto the site as a blank space.
    """
    if cell.cell_type != "code":
        return None
    prompt_id, widget = prompt_called(cell.source), widget_called(cell.source)
    if prompt_id:
        return prompt_output(prompt_id)
    if widget:
        return widget_output(widget)
    if shows_widget(cell):
        raise SiteError(
            f"{where} shows a widget that has no static view for the website: register one with "
            "@static.renders(\"<widget name>\", \"...\") in its module (see course_lib/widgets/static.py)."
        )
    return None


def site_notebook(nb, name: str = "a notebook"):
    """A source notebook as the website shows it: no solution or instructor cells (the editions'
    own filter), the stored outputs kept, and each prompt or widget cell given a static output."""
    out = editions.public_notebook(nb)
    out.metadata.pop("widgets", None)
    for cell in out.cells:
        replacement = static_output(cell, f"{name}, cell {cell.get('id', '?')}")
        if replacement is not None:
            cell.outputs = [replacement]
    return out


# --- Markdown helpers -------------------------------------------------------------------------

def md_escape(text) -> str:
    """Text that Markdown shows as it is (no emphasis, links or tables made by accident)."""
    return re.sub(r"([\\`*_\[\]{}<>#|$])", r"\\\1", "" if pd.isna(text) else str(text))


def _duration(minutes: int) -> str:
    hours, rest = divmod(minutes, 60)
    parts = ([f"{hours} hour{'s' if hours > 1 else ''}"] if hours else []) + \
        ([f"{rest} minutes"] if rest else [])
    return " ".join(parts)


def _table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(cell.replace("\n", " ") for cell in row) + " |" for row in rows]
    return "\n".join(lines)


# --- the home page ----------------------------------------------------------------------------

def lesson_pages(source: Path) -> list[str]:
    """The docnames of the lessons in the catalogue order, for those that exist in ``source``."""
    from ..lessons import LESSONS

    present = {p.name for p in editions.source_notebooks(source)}
    return [Path(item.file).stem for item in LESSONS if item.file in present]


def home_page(source: Path) -> str:
    """The home page (MyST Markdown): what the course is, who it is for, the lesson map, how to
    run it, the essay's citation, and the site's table of contents."""
    from .. import essay
    from ..lessons import LESSONS, lesson_map, total_minutes

    files = {item.id: item.file for item in LESSONS}
    present = set(lesson_pages(source))
    rows = []
    for row in lesson_map().itertuples():
        stem = Path(files[row.lesson]).stem
        title = f"[{md_escape(row.title)}]({stem}.ipynb)" if stem in present else md_escape(row.title)
        rows.append([row.lesson, title, row.paragraphs, md_escape(row.datasets),
                     md_escape(row.widgets), str(row.minutes)])
    ids = [item.id for item in LESSONS]
    reference = ["data_guide"] if (Path(source) / "data_guide.ipynb").exists() else []
    return Template(HOME_TEMPLATE.read_text(encoding="utf-8")).substitute(
        lesson_table=_table(["Lesson", "Title", "Essay paragraphs", "Datasets", "Widgets", "Minutes"], rows),
        total_time=_duration(total_minutes()),
        lesson_range=f"lessons {ids[0]}-{ids[-1]}" if len(ids) > 1 else f"lesson {ids[0]}",
        essay_author=essay.AUTHOR, essay_title=essay.TITLE, essay_publisher=essay.PUBLISHER,
        essay_year=essay.YEAR, essay_url=essay.URL,
        lesson_toc="\n".join(lesson_pages(source)),
        reference_toc="\n".join(reference + ["datasets/index"]),
    )


# --- one page per dataset ---------------------------------------------------------------------

def _used_in(name: str, source: Path) -> list[str]:
    from ..lessons import LESSONS

    present = set(lesson_pages(source))
    return [f"[Lesson {item.id} · {md_escape(item.title)}](../{item.file})" for item in LESSONS
            if name in item.datasets and Path(item.file).stem in present]


def _sources_section(name: str) -> list[str]:
    from ..data import sources

    if name == "sources":
        return ["This table is the list of every source the course cites; each dataset's page lists "
                "the sources its own rows cite."]
    table = sources(name)
    if table.empty:
        return ["No row of this dataset cites a source of its own: its rows are the course's "
                "compilation (see the description and the notes)."]
    lines = [f"{len(table)} sources, each named by its id in the rows' `source_id` or "
             "`second_source_id`. Each source's tier (official, scholarly, news, reference, mirror or blog) "
             "is the one recorded in `sources.csv` (see the [sources](sources.md) codebook).", ""]
    for row in table.itertuples(index=False):
        accessed = f"{row.accessed:%Y-%m-%d}" if not pd.isna(row.accessed) else "date not recorded"
        url = "" if pd.isna(row.url) else str(row.url)
        title = (f"[{md_escape(row.title)}](<{url}>)" if re.match(r"https?://", url)
                 else md_escape(row.title) + (f" (`{url}`)" if url else ""))
        item = f"- `{row.id}`: {title}, {md_escape(row.publisher)}; read {accessed}. **Tier:** {row.tier}."
        if not pd.isna(row.notes) and str(row.notes).strip():
            item += f" {md_escape(row.notes)}"
        lines.append(item)
    return lines


def _disputes_section(name: str) -> list[str]:
    from ..guide import disputes

    recorded = disputes(name)
    if recorded.empty:
        return ["No disagreement between sources is recorded for this dataset."]
    lines = [f"{len(recorded)} places where sources disagree, and what the course chose:", ""]
    for row in recorded.itertuples(index=False):
        lines.append(
            f"- **{md_escape(row.record)}**, `{row.field}`: the course uses {md_escape(row.chosen_value)} "
            f"(`{row.chosen_source_id}`), not {md_escape(row.alternative_value)} "
            f"(`{row.alternative_source_id}`). {md_escape(row.reason)}")
    return lines


def dataset_page(name: str, source: Path, figure_file: str | None = None, figure_alt: str = "") -> str:
    """One dataset's page (MyST Markdown): description, facts, codebook, coverage, sources with
    their tiers, disputes, and the CSV to download with its citation."""
    from ..data import cite, describe, load, resource
    from ..guide import _markdown_table, coverage, facts

    res = resource(name)
    used = _used_in(name, source)
    csv = f"../{DATA_FOLDER}/{res['path']}"
    lines = [f"# {name}: {md_escape(res['title'])}", "", md_escape(res.get("description", "")), "",
             *facts(name)]
    if used:
        lines.append("- **Used in:** " + " · ".join(used))
    lines.append(f'- **Download:** <a href="{csv}">{html.escape(res["path"])}</a> (CSV, UTF-8)')
    lines += ["", "## Codebook", "", _markdown_table(describe(name)), "", "## Coverage", ""]
    span = coverage(load(name))
    lines.append(f"The rows cover {span}." if span else "The rows carry no dates or years.")
    if figure_file:
        lines += ["", f"![{md_escape(figure_alt)}]({figure_file})"]
    lines += ["", "## Sources", "", *_sources_section(name), "", "## Where sources disagree", "",
              *_disputes_section(name), "", "## Download and cite", "",
              f'Download <a href="{csv}">{html.escape(res["path"])}</a>, or the whole data package with '
              f'its descriptor <a href="../{DATA_FOLDER}/datapackage.json">datapackage.json</a> '
              "(Frictionless Data), which holds every dataset's schema, licence and checksum.", "",
              f'In a notebook, `course_lib.cite("{name}")` gives this citation:', "", "```text",
              cite(name), "```", ""]
    return "\n".join(lines)


def datasets_index(names: list[str]) -> str:
    """The page that lists every dataset, with a contents list of their pages."""
    from ..data import descriptor, list_datasets

    catalogue = list_datasets().set_index("name")
    rows = [[f"[{name}]({name}.md)", md_escape(catalogue.loc[name, "title"]),
             str(catalogue.loc[name, "rows"]), md_escape(catalogue.loc[name, "topics"])] for name in names]
    package = descriptor()
    return "\n".join([
        "# Datasets", "",
        f"The course's {len(names)} datasets, each on its own page: what a row is, the codebook, the "
        "years it covers, the sources its rows cite and where those sources disagree, and the CSV file "
        f"to download. All are current as of {package['as_of']} (data package version "
        f"{package.get('version', '?')}).", "",
        _table(["Dataset", "Title", "Rows", "Topics"], rows), "",
        f'The data package descriptor: <a href="../{DATA_FOLDER}/datapackage.json">datapackage.json</a>.',
        "", "```{toctree}", ":hidden:", "", *(f"{name} <{name}>" for name in names), "```", "",
    ])
