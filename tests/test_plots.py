"""Figures always carry alt text and use the colour-blind-safe palette."""

import pytest

import course_lib as cl
from course_lib import plots


def test_render_refuses_a_figure_without_alt_text():
    fig = plots.new_figure()
    with pytest.raises(ValueError, match="alt text"):
        plots.render(fig, "  ")


def test_rendered_figure_is_an_img_with_alt_and_caption():
    fig = plots.new_figure()
    fig.add_subplot().plot([1, 2], [3, 4])
    shown = cl.show_figure(fig, 'Line "up" & right')
    html = shown._repr_html_()
    assert 'alt="Line &quot;up&quot; &amp; right"' in html and "<figcaption" in html
    assert shown.png.startswith(b"\x89PNG") and repr(shown) == 'Figure: Line "up" & right'


def test_palette_is_okabe_ito():
    assert plots.OKABE_ITO[:3] == ("#E69F00", "#56B4E9", "#009E73")


def test_every_dataset_has_an_overview_figure():
    for name in cl.list_datasets()["name"]:
        shown = plots.dataset_overview(cl.load(name), name)
        assert shown.alt.startswith(f"Bar chart of {name}")


def test_tenure_figure():
    pms, us = cl.load("prime_ministers"), cl.load("us_presidents")
    shown = plots.tenures(pms.tail(5), us.tail(3), "2026-01-01", alt="Leaders bars")
    assert shown.png.startswith(b"\x89PNG")


def test_tenure_bars_name_their_leaders_top_row_japan_and_mark_a_period():
    from course_lib.plots.leaders import ROWS, surname

    assert ROWS == ("Japan's prime ministers", "US presidents")
    assert [surname(n) for n in ("Yukio Hatoyama", "George W. Bush", "Martin Luther King Jr.")] == \
        ["Hatoyama", "Bush", "King"]
    pms, us = cl.load("prime_ministers"), cl.load("us_presidents")
    shown = plots.tenures(pms.tail(8), us.tail(3), cl.as_of(), alt="Leaders bars with names",
                          window=("2006-01-01", "2013-01-01"),
                          mark=("2006-09-26", "2009-09-16", "Sept 2006 to Sept 2009"))
    assert shown.png.startswith(b"\x89PNG")
