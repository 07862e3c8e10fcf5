"""Lesson 01's timeline explorer: pure functions (periods, filters, sentence, list, clusters) and
the widget that wraps them."""

import html

import pandas as pd
import pytest

import course_lib as cl
from course_lib.analysis import timeline as tl
from course_lib.errors import CourseError


@pytest.fixture
def events():
    return pd.DataFrame({
        "event_id": ["a", "b", "c", "d", "e", "f"],
        "date": pd.to_datetime(["1951-09-08", "1960-01-19", "1996-12-02", "2009-09-16", "2010-05-28",
                                "1978-01-01"]),
        "date_precision": ["day", "day", "day", "day", "day", "year"],
        "category": pd.Categorical(["treaty", "treaty", "bases_okinawa", "politics_japan", "bases_okinawa",
                                    "cooperation"], categories=tl.CATEGORIES),
        "title": ["A", "B", "C", "D", "E", "F"],
        "essay_paragraphs": [None, "P1", "P5", "P2;P3", "P5", None],
    })


@pytest.fixture
def pms():
    return pd.DataFrame({
        "person_id": ["mori_yoshiro", "koizumi_junichiro", "abe_shinzo", "ito_masayoshi", "noda_yoshihiko",
                      "abe_shinzo"],
        "person": ["Yoshiro Mori", "Junichiro Koizumi", "Shinzo Abe", "Masayoshi Ito", "Yoshihiko Noda",
                   "Shinzo Abe"],
        "start_date": pd.to_datetime(["2000-04-05", "2001-04-26", "2006-09-26", "2006-10-01", "2011-09-02",
                                      "2012-12-26"]),
        "end_date": pd.to_datetime(["2001-04-26", "2006-09-26", "2007-09-26", "2006-10-02", "2012-12-26", None]),
        "acting": [False, False, False, True, False, False],
    })


def test_periods_have_neutral_names_years_or_prime_ministers_terms(pms):
    options = tl.periods(pms, "2026-03-19")
    years = [k for k in options if k in tl.ERAS]
    assert years == list(tl.ERAS)
    terms = [k for k in options if k not in tl.ERAS]
    assert terms == ["Prime minister Koizumi (2001-04-26 to 2006-09-26)",
                     "Prime minister Abe (2006-09-26 to 2007-09-26)",
                     "Prime minister Noda (2011-09-02 to 2012-12-26)"]  # no Mori (2000), no acting PM, no 2012 term
    for label in tl.ERAS:
        assert all(word not in label.lower() for word in ("drift", "dpj", "koizumi", "war", "abe"))
    assert options[terms[1]] == (pd.Timestamp("2006-09-26"), pd.Timestamp("2007-09-26"))


def test_real_periods_name_every_prime_minister_from_koizumi_to_noda():
    options = tl.periods(cl.load("prime_ministers"), cl.as_of())
    names = [k.split(" (")[0].removeprefix("Prime minister ") for k in options if k not in tl.ERAS]
    assert names == ["Koizumi", "Abe", "Fukuda", "Aso", "Hatoyama", "Kan", "Noda"]


def test_filter_by_period_category_and_paragraph(events, pms):
    assert list(tl.filter_events(events, "2007-2012", ["bases_okinawa"])["title"]) == ["E"]
    assert len(tl.filter_events(events)) == 6
    assert list(tl.filter_events(events, tl.ALL_YEARS, ["treaty"])["title"]) == ["A", "B"]
    assert list(tl.filter_events(events, paragraph="P5")["title"]) == ["C", "E"]
    assert list(tl.filter_events(events, paragraph="P3")["title"]) == ["D"]
    assert list(tl.filter_events(events, paragraph=tl.ANY_PARAGRAPH)["title"]) == ["B", "C", "D", "E"]
    assert len(tl.filter_events(events, paragraph=tl.ALL_EVENTS)) == 6
    options = tl.periods(pms, "2026-03-19")
    koizumi = next(k for k in options if "Koizumi" in k)
    assert tl.filter_events(events, koizumi, options=options).empty
    abe = next(k for k in options if "Abe (2006" in k)
    assert tl.filter_events(events, abe, options=options).empty
    noda = next(k for k in options if "Noda" in k)
    assert tl.filter_events(events, noda, options=options).empty


def test_summary_names_the_largest_category_and_ties(events):
    out = tl.filter_events(events, tl.ALL_YEARS, ["treaty", "bases_okinawa"])
    assert tl.summary(out, tl.ALL_YEARS) == ("4 events, 1951 to 2010; the largest categories are bases okinawa "
                                             "and treaty (2 events each).")
    one = tl.filter_events(events, tl.ALL_YEARS, ["bases_okinawa"], "P5")
    assert tl.summary(one, tl.ALL_YEARS, "P5") == ("2 events tied to P5, 1996 to 2010; the largest category is "
                                                   "bases okinawa (2 events).")
    assert tl.summary(out.iloc[:1], tl.ALL_YEARS) == "1 event, 1951 to 1951; the largest category is treaty (1 event)."
    assert tl.summary(out.iloc[:0], tl.ALL_YEARS).startswith("No events match")
    assert "most are" not in tl.summary(out, tl.ALL_YEARS)
    assert tl.alt_text(out, tl.ALL_YEARS).startswith("Timeline figure for All years: 4 events")


def test_event_list_shows_dates_as_precisely_as_known(events):
    listed = tl.event_list(tl.filter_events(events))
    assert list(listed.columns) == ["date", "title", "category", "paragraphs", "event id"]
    assert listed["date"].tolist() == ["1951-09-08", "1960-01-19", "1978", "1996-12-02", "2009-09-16", "2010-05-28"]
    assert listed.loc[4, "paragraphs"] == "P2, P3" and listed.loc[0, "paragraphs"] == ""
    assert listed.loc[3, "category"] == "bases okinawa"
    assert listed["event id"].tolist() == events.sort_values("date")["event_id"].astype(str).tolist()


def test_clusters_hold_every_event_once_and_group_only_close_ones():
    events = pd.DataFrame({
        "date": pd.to_datetime(["2010-01-01", "2010-02-01", "2010-03-01", "2015-01-01", "2010-01-15"]),
        "category": ["treaty", "treaty", "treaty", "treaty", "diplomacy"],
    })
    groups = tl.clusters(events, "1945-01-01", "2026-12-31")  # 1.2% of 82 years: about a year
    assert groups["n"].sum() == len(events)
    treaty = groups[groups["category"] == "treaty"].sort_values("first")
    assert treaty["n"].tolist() == [3, 1]
    assert treaty.iloc[0]["date"] == pd.Timestamp("2010-01-30 12:00")  # the middle of the group
    narrow = tl.clusters(events, "2010-01-01", "2010-04-01")  # a short window draws them apart
    assert narrow["n"].max() == 1 and len(narrow) == len(events)


def test_real_clusters_count_every_event():
    events = cl.load("alliance_timeline")
    first, last = tl.periods()[tl.ALL_YEARS]
    groups = tl.clusters(events, first, last)
    assert int(groups["n"].sum()) == len(events)
    assert groups.groupby("category")["n"].sum().to_dict() == events["category"].astype(str).value_counts().to_dict()


def test_bad_period_paragraph_or_category_is_a_clear_error(events):
    with pytest.raises(CourseError, match="Unknown period"):
        tl.filter_events(events, "Jurassic")
    with pytest.raises(CourseError, match="Unknown categories"):
        tl.filter_events(events, tl.ALL_YEARS, ["wars"])
    with pytest.raises(CourseError, match="Unknown essay paragraph"):
        tl.filter_events(events, paragraph="P9")


def test_events_per_decade(events):
    assert tl.events_per_decade(events).to_dict() == {1950: 1, 1960: 1, 1970: 1, 1990: 1, 2000: 1, 2010: 1}


def test_eras_cover_the_timeline_without_gaps():
    spans = sorted(v for k, v in tl.ERAS.items() if k != tl.ALL_YEARS)
    assert spans[0][0] == tl.ERAS[tl.ALL_YEARS][0] and spans[-1][1] == tl.ERAS[tl.ALL_YEARS][1]
    assert all(a[1] + 1 == b[0] for a, b in zip(spans, spans[1:]))
    assert tl.ERAS[tl.ALL_YEARS][1] >= cl.as_of().year


def test_real_timeline_uses_only_known_categories_and_paragraphs():
    events = cl.load("alliance_timeline")
    assert set(events["category"].astype(str)) <= set(tl.CATEGORIES)
    assert len(tl.filter_events(events)) == len(events)
    tags = {t for v in events["essay_paragraphs"].dropna() for t in str(v).split(";")}
    assert tags <= set(tl.PARAGRAPHS)


def test_widget_shows_what_the_pure_functions_give():
    from course_lib.widgets.timeline import CATEGORY_LABEL

    widget = cl.timeline_explorer()
    era, paragraph, cats, text, figure, listing = widget.children[:6]
    events = cl.load("alliance_timeline")
    options = tl.periods(cl.load("prime_ministers"), cl.as_of())
    assert list(era.options) == list(options) and list(paragraph.options) == list(tl.PARAGRAPHS)
    assert tl.summary(tl.filter_events(events), tl.ALL_YEARS) in text.value
    hatoyama = next(k for k in options if "Hatoyama" in k)
    era.value = hatoyama
    paragraph.value = "P5"
    cats.value = ("bases_okinawa",)
    expected = tl.filter_events(events, hatoyama, ["bases_okinawa"], "P5", options)
    assert tl.summary(expected, hatoyama, "P5") in text.value
    assert f'alt="Timeline figure for {hatoyama}' in figure.value
    for title in expected["title"]:
        assert html.escape(title) in listing.value
    assert f"The {len(expected)} chosen events" in listing.value
    assert era.description == "Period" and paragraph.description == "Essay paragraph"
    assert cats.description == CATEGORY_LABEL and "Ctrl-click (Cmd-click on a Mac)" in CATEGORY_LABEL
