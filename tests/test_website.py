"""The website's pure parts: static views of widgets and prompts, the pages' text, the checks.
(tests/browser/test_site.py builds the whole site and opens every page in Chromium.)"""

import html
import re
import subprocess
from pathlib import Path

import nbformat
import pytest

import course_lib as cl
from course_lib import editions
from course_lib.errors import CourseError
from course_lib.lessons import LESSONS
from course_lib.website import pages, remote_loads
from course_lib.widgets import static

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
SOURCES = editions.source_notebooks(NOTEBOOKS)


def read(path):
    return nbformat.read(path, as_version=4)


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.name)
def test_every_widget_cell_has_a_static_view(path):
    """A lesson that adds a widget fails here until the widget registers its static renderer."""
    for cell in read(path).cells:
        if pages.shows_widget(cell) or (cell.cell_type == "code" and pages.widget_called(cell.source)):
            output = pages.static_output(cell, f"{path.name} cell {cell.id}")
            assert output is not None, f"{path.name} cell {cell.id}: no static view"
            assert pages.WIDGET_MIME not in output.data


def test_every_catalogued_widget_is_registered():
    for item in LESSONS:
        for name in item.widgets:
            assert name in static.registered(), f"lesson {item.id}: register a static view of {name}"


def test_static_view_is_what_the_widget_shows_first():
    view = static.static_figure("timeline_explorer")
    box = cl.timeline_explorer()
    _era, _paragraph, _cats, sentence, figure, _events, _guard = box.children
    assert sentence.value == f"<p>{view.text}</p>"
    assert figure.value == view.figure.to_html()
    assert len(view.alt) > 20 and view.alt in view.to_html()
    assert view.explore_line.startswith("Explore this in JupyterLab: ")
    assert view.explore_line in view.to_html() and view.text in repr(view)


def test_an_unregistered_widget_is_a_clear_error():
    with pytest.raises(CourseError, match=r"@static\.renders\(\"seat_explorer\""):
        static.static_figure("seat_explorer")
    cell = nbformat.v4.new_code_cell("cl.seat_explorer()")
    cell.outputs = [nbformat.v4.new_output("execute_result", data={pages.WIDGET_MIME: {"model_id": "x"},
                                                                   "text/plain": "VBox()"})]
    with pytest.raises(pages.SiteError, match="02_seats.ipynb, cell 7.*no static view"):
        pages.static_output(cell, "02_seats.ipynb, cell 7")


@pytest.mark.parametrize("source, name", [
    ("cl.timeline_explorer()", "timeline_explorer"),
    ("course_lib.timeline_explorer (  )", "timeline_explorer"),
    ("box = timeline_explorer()\nbox", "timeline_explorer"),
    ("my_timeline_explorer()", None),
    ("cl.timeline_explorer  # not a call", None),
])
def test_widget_calls_are_found_by_name(source, name):
    assert pages.widget_called(source) == name


def test_prompt_calls_are_found():
    assert pages.prompt_called('cl.prompt("01.D2")') == "01.D2"
    assert pages.prompt_called("prompt('00.D1')") == "00.D1"
    assert pages.prompt_called('cl.progress()') is None


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.name)
def test_site_notebook_keeps_outputs_drops_hidden_cells_and_draws_widgets(path):
    source = read(path)
    site = pages.site_notebook(source, path.name)
    kept = [c for c in source.cells if not editions.tags(c) & editions.HIDDEN_FROM_STUDENTS]
    assert [c.source for c in site.cells] == [c.source for c in kept]
    assert "widgets" not in site.metadata
    for before, after in zip(kept, site.cells):
        if after.cell_type != "code":
            continue
        assert not any(pages.WIDGET_MIME in o.get("data", {}) for o in after.outputs)
        prompt_id = pages.prompt_called(after.source)
        if prompt_id:
            from course_lib.answers import prompts

            # the page escapes the question (an apostrophe becomes &#x27;): compare the text a reader sees
            assert prompts()[prompt_id]["question"] in html.unescape(after.outputs[0].data["text/html"])
        elif not pages.widget_called(after.source):
            assert after.outputs == before.outputs  # the stored, nbval-checked outputs
    assert read(path) == source, "the source notebook was changed"


def test_home_page_has_the_course_map_citation_and_contents():
    text = pages.home_page(NOTEBOOKS)
    for item in LESSONS:
        assert f"]({Path(item.file).stem}.ipynb)" in text
        assert f"\n{Path(item.file).stem}\n" in text  # in the table of contents
    assert "https://www.stimson.org/" in text and "Tatsumi" in text
    assert "make lab" in text and "conda env create" in text
    assert "data_guide" in text and "datasets/index" in text
    assert "$" not in text.replace("$$", "")  # every placeholder filled


def test_home_page_links_only_lessons_that_exist(tmp_path):
    (tmp_path / LESSONS[0].file).write_text("{}")
    text = pages.home_page(tmp_path)
    assert f"]({Path(LESSONS[0].file).stem}.ipynb)" in text
    assert f"]({Path(LESSONS[1].file).stem}.ipynb)" not in text and "data_guide\n" not in text


def _headings(markdown: str) -> list[str]:
    return re.findall(r"^(#+) ", markdown, flags=re.M)


def test_dataset_page_sections_and_download():
    text = pages.dataset_page("alliance_timeline", NOTEBOOKS, "alliance_timeline.png", "A figure")
    assert _headings(text) == ["#"] + ["##"] * 5
    for section in ("Codebook", "Coverage", "Sources", "Where sources disagree", "Download and cite"):
        assert f"\n## {section}\n" in text
    assert '<a href="../data/alliance_timeline.csv">' in text
    assert "![A figure](alliance_timeline.png)" in text
    assert "(../01_fifty_years.ipynb)" in text  # used in lesson 01
    assert "| event_id |" in text  # the codebook
    assert text.count("**Tier:** ") == len(cl.sources("alliance_timeline"))  # every source shows its tier


def test_dataset_page_shows_each_sources_own_tier():
    text = pages.dataset_page("prime_ministers", NOTEBOOKS)
    tiers = cl.sources("prime_ministers")["tier"].astype(str)
    for tier, count in tiers.value_counts().items():
        assert text.count(f"**Tier:** {tier}.") == count


def test_sources_and_disputes_without_a_web_address_are_shown_as_text():
    text = pages.dataset_page("okinawa_outline", NOTEBOOKS)
    assert "(`npm:world-atlas@2.0.2`)" in text
    assert "No disagreement" in pages.dataset_page("sources", NOTEBOOKS)


def test_datasets_index_lists_every_dataset():
    names = list(cl.list_datasets()["name"])
    text = pages.datasets_index(names)
    for name in names:
        assert f"[{name}]({name}.md)" in text and f"\n{name} <{name}>\n" in text  # short in the sidebar


def test_markdown_escape():
    assert pages.md_escape("a *b* [c](d) | e_f") == r"a \*b\* \[c\](d) \| e\_f"
    assert pages.md_escape(float("nan")) == ""


def test_remote_loads_finds_scripts_styles_and_images_but_not_links(tmp_path):
    (tmp_path / "a.html").write_text(
        '<script src="https://cdn.example.org/x.js"></script><link rel="stylesheet" href="//fonts.example/y.css">'
        '<img alt="x" src="_images/z.png"><a href="https://www.stimson.org/">the essay</a>')
    (tmp_path / "s.css").write_text("body { background: url('https://example.org/bg.png') }")
    found = remote_loads(tmp_path)
    assert len(found) == 3 and "cdn.example.org" in found[0] and "fonts.example" in found[1]


def test_make_site_calls_the_builder():
    dry = subprocess.run(["make", "-n", "-C", str(ROOT), "site"], capture_output=True, text=True,
                         check=True).stdout
    assert "course_lib site" in dry
    assert "-e '.[site]'" in (ROOT / "Makefile").read_text()  # its packages, on top of the course's


def test_the_build_never_deletes_a_folder_it_did_not_make(tmp_path):
    from course_lib import website

    mine = tmp_path / "my-notes"
    mine.mkdir()
    (mine / "essay.md").write_text("my own notes")
    with pytest.raises(website.SiteError, match="was not built by the course"):
        website.build(mine)
    assert (mine / "essay.md").read_text() == "my own notes"
