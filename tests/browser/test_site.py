"""The course website (`make site`) in headless Chromium: every page, opened from file:// as a reader
who downloaded the site would, loads nothing from the network, logs no error, resolves every link
and image, has alt text, ordered headings and AA contrast, shows no solution or instructor text,
fits a 375 px phone, and can be used with the keyboard. Search works from disk and from a host.

The site is built once, into a temporary folder, by the same command as `make site`.
"""

from __future__ import annotations

import functools
import http.server
import re
import subprocess
import sys
import threading
import time
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import unquote, urlparse

import nbformat
import pytest

from course_lib import editions
from course_lib.data import data_dir, resource
from course_lib.lessons import neighbours
from course_lib.widgets.static import static_figure

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "artifacts" / "browser"
ALLOWED = ("file://", "data:", "blob:", "about:", "http://127.0.0.1")
DESKTOP, PHONE = {"width": 1280, "height": 900}, {"width": 375, "height": 812}
SOURCES = {p.stem: p for p in editions.source_notebooks(ROOT / "notebooks")}
CONTRAST_JS = (Path(__file__).with_name("contrast.js")).read_text()
# How wide the page is, and which elements of the text column reach past the screen's edge without
# a scroll box of their own between them and the page (a wide table inside one is fine).
SIDEWAYS_JS = """() => {
  const scrolls = (e) => ['auto', 'scroll', 'hidden', 'clip'].includes(getComputedStyle(e).overflowX);
  const boxed = (e) => { for (let p = e.parentElement; p && p.tagName !== 'ARTICLE'; p = p.parentElement)
      if (scrolls(p)) return true;
    return false; };
  const out = [...document.querySelectorAll('article *')].filter((e) => {
    if (boxed(e)) return false;
    const r = e.getBoundingClientRect();
    const reach = scrolls(e) ? r.right : Math.max(r.right, r.left + e.scrollWidth);
    return r.width && (reach > innerWidth + 1 || r.left < -1); });
  return {page: document.documentElement.scrollWidth, screen: innerWidth,
          sticking_out: out.slice(0, 3).map((e) => e.tagName + '.' + e.className)};
}"""


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The site, built by `python -m course_lib site` (what `make site` runs) into a temporary folder."""
    dest = tmp_path_factory.mktemp("site") / "site"
    started = time.perf_counter()
    built = subprocess.run([sys.executable, "-m", "course_lib", "site", "--dest", str(dest)], cwd=ROOT,
                           capture_output=True, text=True, timeout=300)
    seconds = time.perf_counter() - started
    assert built.returncode == 0, built.stdout[-2000:] + built.stderr[-3000:]
    pages = sorted(dest.rglob("*.html"))
    ids = {page: set(re.findall(r'\bid="([^"]+)"', page.read_text(encoding="utf-8"))) for page in pages}
    return SimpleNamespace(root=dest, seconds=seconds, pages=pages, ids=ids)


@pytest.fixture
def reader(browser):
    """A tab that may load only files, data and loopback; anything else, or a console error, fails."""
    context = browser.new_context(viewport=DESKTOP)
    outside, problems, requested = [], [], []

    def offline(route):
        url = route.request.url
        if url.startswith(ALLOWED):
            route.continue_()
        else:
            outside.append(url)
            route.abort()

    context.route("**/*", offline)
    tab = context.new_page()
    tab.on("request", lambda r: requested.append(r.url))
    tab.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    tab.on("pageerror", lambda e: problems.append(str(e)))
    yield tab
    context.close()
    outside += [url for url in requested if not url.startswith(ALLOWED)]
    assert not outside, f"the site tried to load from the network: {sorted(set(outside))[:5]}"
    assert not problems, f"JavaScript console errors: {problems[:5]}"


def shot(tab, name: str) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    tab.screenshot(path=str(path), full_page=True)
    return path


def test_the_site_builds_in_under_a_minute(site):
    assert site.seconds < 60, f"make site took {site.seconds:.0f} s"
    names = {str(p.relative_to(site.root)) for p in site.pages}
    assert {"index.html", "search.html", "datasets/index.html"} <= names
    assert {f"{stem}.html" for stem in SOURCES} <= names
    for dataset in ("alliance_timeline", "sources", "disputes"):
        assert f"datasets/{dataset}.html" in names
        csv = site.root / "data" / resource(dataset)["path"]
        assert csv.read_bytes() == (data_dir() / resource(dataset)["path"]).read_bytes()


def _check_links(tab, site, page: Path) -> list[str]:
    broken = []
    for href in tab.eval_on_selector_all("a[href]", "links => links.map(a => a.href)"):
        url = urlparse(href)
        if url.scheme != "file":
            continue  # links out (the essay, the sources) are not loaded by reading the page
        target = Path(unquote(url.path))
        if not target.is_file():
            broken.append(f"{href} (no such file)")
        elif url.fragment and target.suffix == ".html" and unquote(url.fragment) not in site.ids[target]:
            broken.append(f"{href} (no such anchor)")
    return broken


def _heading_problems(tab) -> list[str]:
    levels = tab.eval_on_selector_all("article h1, article h2, article h3, article h4, article h5, article h6",
                                      "hs => hs.map(h => Number(h.tagName[1]))")
    problems = [] if levels[:1] == [1] and levels.count(1) == 1 else [f"h1s: {levels}"]
    problems += [f"h{a} then h{b}" for a, b in zip(levels, levels[1:]) if b > a + 1]
    return problems


def _image_problems(tab) -> list[str]:
    images = tab.eval_on_selector_all(
        "img", "imgs => imgs.map(i => [i.currentSrc.slice(0, 80), i.getAttribute('alt'), "
               "i.complete && i.naturalWidth > 0])")
    return [f"{src}: " + ("no alt text" if not (alt or "").strip() else "does not load")
            for src, alt, loaded in images if not (alt or "").strip() or not loaded]


def test_every_page_reads_offline_and_accessibly_on_desktop_and_phone(site, reader):
    """Links, images, alt text, headings, contrast, no leaks, no widget remnants, and 375 px."""
    failures = []
    for page in site.pages:
        name = str(page.relative_to(site.root))
        reader.set_viewport_size(DESKTOP)
        reader.goto(page.as_uri(), wait_until="load")
        problems = _check_links(reader, site, page) + _image_problems(reader)
        if page.name != "search.html":
            problems += _heading_problems(reader)
        problems += [f"contrast {c}" for c in reader.evaluate(CONTRAST_JS)]
        html = reader.content()
        if page.stem in SOURCES and page.parent == site.root:
            source = nbformat.read(SOURCES[page.stem], as_version=4)
            problems += editions.leaks(html, source, outputs_shown=True)
        text = reader.inner_text("body")
        problems += [f"widget remnant {w!r}" for w in ("Loading widget", "VBox(", "widget-view+json")
                     if w in text]
        reader.set_viewport_size(PHONE)
        widths = reader.evaluate(SIDEWAYS_JS)
        if widths["page"] > widths["screen"] or widths["sticking_out"]:
            problems.append(f"scrolls sideways at 375 px: page {widths['page']} px wide; "
                            f"text outside its own scroll box: {widths['sticking_out']}")
        failures += [f"{name}: {p}" for p in problems]
    assert not failures, "\n".join(failures[:30])


def test_lesson_pages_show_prompts_questions_and_static_widgets(site, reader):
    from course_lib.answers import active_prompts

    reader.goto((site.root / "01_fifty_years.html").as_uri())
    view = static_figure("timeline_explorer")
    figure = reader.locator(".course-static-widget img")
    assert figure.count() == 1 and figure.get_attribute("alt") == view.alt
    text = reader.inner_text("article")
    assert view.text in text and view.explore_line in text
    for info in active_prompts().values():
        if info["lesson"] == "01":
            assert info["question"] in text
    assert 'cl.check("01.7", answer_01_7)' in text and "enter into force" in text
    assert "Answer:" not in text and "Instructor note" not in text
    reader.set_viewport_size(PHONE)
    print("screenshot:", shot(reader, "site-lesson-01-375"))


def test_home_page_at_phone_width(site, reader):
    reader.set_viewport_size(PHONE)
    reader.goto((site.root / "index.html").as_uri())
    text = reader.inner_text("article")
    assert "Who it is for" in text and "make lab" in text and "Tatsumi" in text
    assert reader.locator("article a[href='01_fifty_years.html']").count() >= 1
    print("screenshot:", shot(reader, "site-home-375"))


def _tab_through(tab, presses: int) -> list[dict]:
    seen = []
    for _ in range(presses):
        tab.keyboard.press("Tab")
        seen.append(tab.evaluate("""() => { const e = document.activeElement, r = e.getBoundingClientRect(),
            s = getComputedStyle(e);
            return {tag: e.tagName, text: (e.innerText || e.getAttribute('aria-label') || '').trim().slice(0, 40),
                    href: e.getAttribute('href') || '', inArticle: !!e.closest('article'),
                    visible: r.width > 0 && r.height > 0 && r.right > 0 && r.left < innerWidth
                             && s.visibility !== 'hidden' && s.opacity !== '0'}; }"""))
    return seen


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_keyboard_reaches_the_content_and_every_focus_is_visible(site, reader, viewport):
    reader.set_viewport_size(viewport)
    reader.goto((site.root / "01_fifty_years.html").as_uri())
    first = _tab_through(reader, 1)[0]
    assert first["text"] == "Skip to content" and first["visible"]
    reader.keyboard.press("Enter")
    after_skip = _tab_through(reader, 3)
    assert any(stop["inArticle"] for stop in after_skip), after_skip
    reader.goto((site.root / "01_fifty_years.html").as_uri())
    stops = _tab_through(reader, 40)
    hidden = [stop for stop in stops if not stop["visible"]]
    assert not hidden, f"focus went out of sight: {hidden[:3]}"
    if viewport is PHONE:  # the site navigation opens from its icon, by keyboard
        reader.goto((site.root / "01_fifty_years.html").as_uri())
        icon = reader.locator("label.nav-overlay-icon")
        icon.focus()
        reader.keyboard.press("Enter")
        assert icon.get_attribute("aria-expanded") == "true"
        reader.wait_for_timeout(300)  # the drawer slides in
        later = _tab_through(reader, 12)
        assert any(stop["href"].endswith("00_start_here.html") and stop["visible"] for stop in later), later
    else:  # the sidebar's lesson links and the previous / next links are ordinary links
        hrefs = [stop["href"] for stop in stops]
        assert "00_start_here.html" in hrefs
        assert reader.locator(".related-pages a.prev-page[href='00_start_here.html']").count() == 1
        following = neighbours("01")[1]  # the next lesson in the catalogue, or the data guide after the last
        next_page = following.file.replace(".ipynb", ".html") if following else "data_guide.html"
        assert reader.locator(f".related-pages a.next-page[href='{next_page}']").count() == 1


def test_search_works_from_disk(site, reader):
    reader.goto((site.root / "search.html").as_uri() + "?q=treaty")
    reader.wait_for_selector("#search-results li a", timeout=20_000)
    hits = reader.eval_on_selector_all("#search-results li a", "links => links.map(a => a.getAttribute('href'))")
    assert any(h.startswith("01_fifty_years.html") for h in hits), hits


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def test_search_with_summaries_from_a_static_host(site, reader):
    handler = functools.partial(_Quiet, directory=str(site.root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        reader.goto(f"http://127.0.0.1:{server.server_port}/search.html?q=Futenma")
        reader.wait_for_selector("#search-results li p.context", timeout=20_000)
        assert "Futenma" in reader.inner_text("#search-results")
        reader.wait_for_load_state("networkidle")  # every summary fetched before the host stops
    finally:
        reader.goto("about:blank")
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


def test_dark_theme_keeps_aa_contrast(site, reader):
    reader.emulate_media(color_scheme="dark")
    for name in ("index.html", "01_fifty_years.html", "datasets/alliance_timeline.html"):
        reader.goto((site.root / name).as_uri())
        assert reader.evaluate(CONTRAST_JS) == [], name
