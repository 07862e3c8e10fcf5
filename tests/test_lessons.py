"""Every notebook: header, navigation, clean stored outputs, alt text, tags used only where allowed."""

import re
from pathlib import Path

import nbformat
import pytest

import course_lib as cl
from course_lib.lessons import LESSONS, lesson_map, neighbours

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
LESSON_FILES = {item.file: item for item in LESSONS}
WIDGET = "application/vnd.jupyter.widget-view+json"


def read(path):
    return nbformat.read(path, as_version=4)


def expand(spec: str) -> set[str]:
    out = set()
    for part in re.split(r"[,;]\s*", spec):
        m = re.fullmatch(r"P(\d)\s*[\u2013-]\s*P(\d)", part.strip())
        out |= {f"P{i}" for i in range(int(m[1]), int(m[2]) + 1)} if m else {part.strip()}
    return out


def test_every_notebook_is_a_catalogued_lesson_or_the_data_guide():
    names = {p.name for p in NOTEBOOKS}
    assert names == set(LESSON_FILES) | {"data_guide.ipynb"}


@pytest.mark.parametrize("item", LESSONS, ids=lambda item: item.id)
def test_lesson_header_matches_the_catalogue(item):
    header = read(ROOT / "notebooks" / item.file).cells[0]
    assert header.cell_type == "markdown"
    assert header.source.startswith(f"# Lesson {item.id} ")
    assert f"**Time:** {item.minutes} minutes" in header.source
    spec = re.search(r"\*\*Essay paragraphs:\*\* ([^·\n]+)", header.source)[1]
    assert expand(spec) == set(item.paragraphs)
    for name in item.datasets:
        assert f"`{name}`" in header.source
    assert "By the end of this lesson" in header.source


@pytest.mark.parametrize("item", LESSONS, ids=lambda item: item.id)
def test_lesson_ends_with_key_points_and_links_to_its_neighbours(item):
    last = read(ROOT / "notebooks" / item.file).cells[-1].source
    assert "## Key points" in last
    previous, following = neighbours(item.id)
    if previous:
        assert f"]({previous.file})" in last
    assert f"]({following.file})" in last if following else "](data_guide.ipynb)" in last


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_links_between_notebooks_resolve(path):
    for cell in read(path).cells:
        if cell.cell_type == "markdown":
            for target in re.findall(r"\]\(([^)]+\.ipynb)\)", cell.source):
                assert (ROOT / "notebooks" / target).exists(), target


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_stored_outputs_come_from_one_clean_run(path):
    counts = [c.execution_count for c in read(path).cells if c.cell_type == "code"]
    assert counts == list(range(1, len(counts) + 1))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_ignore_tags_only_on_widget_or_figure_cells_and_figures_have_alt_text(path):
    for cell in read(path).cells:
        if cell.cell_type != "code":
            continue
        html = " ".join(o.get("data", {}).get("text/html", "") for o in cell.outputs)
        has_widget = any(WIDGET in o.get("data", {}) for o in cell.outputs)
        has_figure = "<img" in html
        ignored = "nbval-ignore-output" in cell.metadata.get("tags", [])
        if ignored:
            assert has_widget or has_figure, f"cell {cell.id} ignores output that is neither widget nor figure"
        if has_figure:
            assert ignored, f"figure cell {cell.id} must be tagged nbval-ignore-output"
            for alt in re.findall(r'<img[^>]*\balt="([^"]*)"', html):
                assert len(alt) > 20
            assert html.count("<img") == len(re.findall(r'<img[^>]*\balt="[^"]+', html))
        assert not any("image/png" in o.get("data", {}) for o in cell.outputs), \
            f"cell {cell.id}: show figures through course_lib.plots (alt text), not plain PNG"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_code_is_offline_and_does_not_hide_output_with_semicolons(path):
    for cell in read(path).cells:
        if cell.cell_type == "code":
            assert "http://" not in cell.source and "https://" not in cell.source
            assert not cell.source.rstrip().endswith(";"), cell.id


def test_quotations_of_the_essay_go_through_course_lib():
    quotes = cl.load("essay_map")["short_quote"].dropna()
    for path in NOTEBOOKS:
        text = " ".join(c.source for c in read(path).cells if c.cell_type == "markdown")
        for q in quotes:
            assert q not in text, f"{path.name} quotes {q!r} directly: use cl.quote()"


def test_readme_lesson_map_matches_the_catalogue():
    readme = (ROOT / "README.md").read_text()
    for row in lesson_map().itertuples():
        line = next((t for t in readme.splitlines() if t.startswith(f"| {row.lesson} ")), None)
        assert line, f"README lesson map lacks lesson {row.lesson}"
        cells = [c.strip() for c in line.strip("|").split("|")]
        assert cells[2:] == [row.paragraphs, row.datasets, row.widgets, str(row.minutes)], line


def test_paragraph_span():
    from course_lib.lessons import paragraph_span

    assert paragraph_span(("P1", "P2", "P3", "P5", "P7", "P8")) == "P1-P3, P5, P7-P8"
    assert paragraph_span(("P4",)) == "P4"


def test_readme_states_the_total_time_of_the_lessons():
    from course_lib.lessons import total_minutes

    readme = (ROOT / "README.md").read_text()
    found = re.search(r"\*\*Time:\*\* (\d+) hours? (\d+) minutes of lessons", readme)
    assert found and int(found[1]) * 60 + int(found[2]) == total_minutes()


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_every_worked_solution_checks_correct_on_the_current_data(path):
    """A solution whose stored check says "not yet" means the data moved under the key: re-key it
    (add-exercise --data-changed) or fix the solution."""
    for cell in read(path).cells:
        if cell.cell_type != "code" or "solution" not in cell.metadata.get("tags", []):
            continue
        shown = " ".join(str(o.get("data", {}).get("text/plain", "")) + o.get("text", "") for o in cell.outputs)
        if "cl.check(" in cell.source:
            assert "correct. Well done" in shown, f"{path.name} {cell.metadata.get('exercise')}: {shown[:200]}"


@pytest.mark.parametrize("item", LESSONS, ids=lambda lesson: lesson.id)
def test_notebook_title_metadata_names_its_own_lesson(item):
    """JupyterLab's document title and the website's page title come from here."""
    assert read(ROOT / "notebooks" / item.file).metadata.get("title", "").startswith(f"Lesson {item.id} · ")


@pytest.mark.parametrize("item", LESSONS, ids=lambda lesson: lesson.id)
def test_every_dataset_a_lesson_loads_is_in_its_catalogue_entry(item):
    """The header and the course map tell a student which datasets a lesson uses: all of them.
    A cell that loads a name inside ``try`` shows the unknown-name message on purpose."""
    loaded = set()
    for cell in read(ROOT / "notebooks" / item.file).cells:
        if cell.cell_type == "code" and "except" not in cell.source:
            loaded |= set(re.findall(r"""\bload\(\s*["']([a-z_]+)["']""", cell.source))
    assert loaded, f"lesson {item.id} loads no dataset by name"
    assert loaded <= set(item.datasets), f"lesson {item.id} also loads {sorted(loaded - set(item.datasets))}"
