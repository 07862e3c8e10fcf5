"""Further reading: full citations from the readings dataset, and a counter-reading in every lesson."""

import pytest

import course_lib as cl
from course_lib import data
from course_lib.lessons import LESSONS
from course_lib.readings import further_reading


@pytest.mark.parametrize("item", LESSONS, ids=lambda lesson: lesson.id)
def test_every_lesson_lists_reading_including_one_that_argues_against_the_essay(item):
    shown = further_reading(item.id)
    labels = {label for label, _, _ in shown.items}
    assert labels & {"Argues against the essay", "Another side's story"}, item.id


def test_citations_are_full():
    shown = repr(further_reading("05"))
    assert "Gavan McCormack and Satoko Oka Norimatsu, *Resistant Islands: Okinawa Confronts Japan and the " \
           "United States* (Rowman & Littlefield, 2012). <https://rowman.com/ISBN/9781442215627>" in shown
    article = next(text for _, text, _ in further_reading("06").items if "Snyder" in text)
    assert article.startswith("Glenn H. Snyder, \u201cThe Security Dilemma in Alliance Politics\u201d, "
                              "World Politics 36(4)")


def test_counter_readings_come_first_and_markdown_renders_a_list():
    shown = further_reading("04")
    assert shown.items[0][0] == "Argues against the essay"
    assert shown._repr_markdown_().startswith("- **Argues against the essay.** ")


def test_every_reading_is_confirmed_above_mirror_or_on_its_own_page_or_says_it_read_a_copy():
    readings, sources = cl.load("readings"), cl.load("sources").set_index("id")
    strong = data.cites_above_mirror(readings)
    for row, above in zip(readings.itertuples(), strong):
        ids = [i for i in (row.source_id, row.second_source_id) if isinstance(i, str)]
        own_page = any(str(sources.loc[i, "url"]) == str(row.url) for i in ids)
        if not above and not own_page:
            assert "copy" in str(row.note).lower(), row.reading_id


def test_a_lesson_without_reading_is_an_error():
    with pytest.raises(cl.CourseError, match="lists nothing for lesson '99'"):
        further_reading("99")
