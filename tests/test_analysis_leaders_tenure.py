"""Lesson 02: tenure statistics, counterparts and the tenure explorer's pure function and shell."""

import html

import pandas as pd
import pytest

import course_lib as cl
from course_lib.analysis import leaders


def pms():
    """Four tenures of three people (one returns), one still open; one acting row."""
    return pd.DataFrame({
        "person_id": ["a", "b", "a", "c", "x"],
        "person": ["Ann A", "Bo B", "Ann A", "Cy C", "Ex X"],
        "party": pd.Categorical(["LDP", "DPJ", "LDP", "LDP", "LDP"]),
        "start_date": pd.to_datetime(["2000-01-01", "2001-01-01", "2002-01-01", "2003-01-01", "2001-06-01"]),
        "end_date": pd.to_datetime(["2000-12-31", "2001-12-31", "2002-01-31", None, "2001-06-02"]),
        "acting": pd.array([False, False, False, False, True], dtype="boolean"),
    })


def presidents():
    return pd.DataFrame({
        "person_id": ["p", "q"],
        "person": ["Pat P", "Quin Q"],
        "start_date": pd.to_datetime(["1999-01-20", "2001-01-20"]),
        "end_date": pd.to_datetime(["2001-01-20", None]),
    })


AS_OF = "2003-01-10"


def test_with_tenure_counts_both_ends_and_flags_open_tenures():
    table = leaders.with_tenure(pms(), AS_OF)
    assert list(table["days"]) == [366, 365, 31, 10, 2]
    assert list(table["open"]) == [False, False, False, True, False]


def test_tenure_stats_leave_open_tenures_out_of_the_lengths():
    table = leaders.with_tenure(pms()[~pms()["acting"]], AS_OF)
    stats = leaders.tenure_stats(table)
    assert stats["tenures"] == 4 and stats["people"] == 3 and stats["completed"] == 3 and stats["open"] == 1
    assert stats["median"] == 365 and stats["shortest"] == 31 and stats["longest"] == 366
    assert stats["mean"] == pytest.approx((366 + 365 + 31) / 3)
    assert all(isinstance(stats[k], (int, float)) for k in ("median", "mean", "q1", "q3"))
    empty = leaders.tenure_stats(table[table["open"]])
    assert empty["completed"] == 0 and empty["median"] is None


def test_started_between_counts_handovers_inside_the_window_only():
    new = leaders.started_between(pms(), "2001-01-01", "2002-12-31")
    assert list(new["person_id"]) == ["b", "x", "a"]


def test_counterparts_count_overlaps_including_a_shared_day():
    table = leaders.counterparts(presidents(), pms()[~pms()["acting"]], AS_OF)
    assert list(table["president"]) == ["Pat P", "Quin Q"]
    # Pat P: Ann (2000) and Bo, who took office on 2001-01-01, before Pat P left on 2001-01-20
    assert list(table["tenures"]) == [2, 3] and list(table["people"]) == [2, 3]
    assert table.loc[1, "prime_ministers"] == "B, A, C"


def test_year_window_runs_from_new_year_to_new_years_eve_or_as_of():
    assert leaders.year_window(2001, 2002, AS_OF) == (pd.Timestamp("2001-01-01"), pd.Timestamp("2002-12-31"))
    assert leaders.year_window(2003, 2001, AS_OF) == (pd.Timestamp("2001-01-01"), pd.Timestamp(AS_OF))


def test_compare_tenures_japan_and_us():
    table = leaders.compare_tenures(pms(), presidents(), 2001, 2001, leaders.COMPARISONS[0], AS_OF)
    japan, us = table.to_dict("records")
    # Bo's tenure is inside 2001; Ann's first ended on 2000-12-31; the acting row is left out
    assert japan["tenures"] == 1 and japan["new"] == 1 and japan["median"] == 365
    assert us["tenures"] == 2 and us["new"] == 1 and us["completed"] == 1 and us["open"] == 1
    assert us["median"] == (pd.Timestamp("2001-01-20") - pd.Timestamp("1999-01-20")).days + 1


def test_compare_tenures_ldp_and_others():
    table = leaders.compare_tenures(pms(), presidents(), 2000, 2003, leaders.COMPARISONS[1], AS_OF)
    ldp, other = table.to_dict("records")
    assert (ldp["tenures"], ldp["people"], ldp["completed"], ldp["open"]) == (3, 2, 2, 1)
    assert ldp["median"] == (366 + 31) / 2
    assert (other["tenures"], other["median"]) == (1, 365)
    with pytest.raises(ValueError, match="Unknown comparison"):
        leaders.compare_tenures(pms(), presidents(), 2000, 2003, "Japan against everyone", AS_OF)


def test_sentence_states_counts_median_mean_and_open_tenures():
    table = leaders.compare_tenures(pms(), presidents(), 2000, 2003, leaders.COMPARISONS[1], AS_OF)
    sentence = leaders.tenure_sentence(table)
    assert sentence.startswith("Leaders in office at some point from 1 Jan 2000 to 10 Jan 2003")
    assert "LDP prime ministers: 3 tenures (2 people), 3 began inside the window" in sentence
    assert "median 198.5 days, mean 198.5, shortest 31, longest 366 (1 still in office, not counted)" in sentence
    assert "Other parties' prime ministers: 1 tenure (1 person), 1 began inside the window; " \
           "the completed one lasted 365 days." in sentence
    none = leaders.compare_tenures(pms(), presidents(), 2003, 2003, leaders.COMPARISONS[1], AS_OF)
    assert "1 tenure (1 person), 1 began inside the window; none has ended yet" in leaders.tenure_sentence(none)
    later = leaders.compare_tenures(pms(), presidents(), 2003, 2003, leaders.COMPARISONS[0], "2004-06-01")
    assert "US presidents: 1 tenure (1 person), none began inside the window" in leaders.tenure_sentence(later)
    assert "Other parties' prime ministers: none in office." in leaders.tenure_sentence(none)


def test_real_data_the_years_the_essay_discusses():
    real_pms, real_us = cl.load("prime_ministers"), cl.load("us_presidents")
    table = leaders.compare_tenures(real_pms, real_us, 2001, 2010, leaders.COMPARISONS[0], cl.as_of())
    japan, us = table.to_dict("records")
    assert (japan["tenures"], japan["new"], japan["median"], japan["longest"]) == (7, 6, 366, 1980)
    assert (us["tenures"], us["median"]) == (3, 2923)
    after = leaders.with_tenure(real_pms[(real_pms["start_date"] >= "2006-09-26")
                                         & (real_pms["start_date"] < "2012-12-26")], cl.as_of())
    assert leaders.tenure_stats(after)["median"] == 365.5 and leaders.tenure_stats(after)["mean"] == 381.5
    obama = leaders.counterparts(real_us, real_pms[~real_pms["acting"]], cl.as_of()).set_index("president")
    assert obama.loc["Barack Obama", "people"] == 5 and obama.loc["George W. Bush", "people"] == 5


# --- the widget: a shell over tenure_view -----------------------------------------------------------

def test_tenure_view_gives_the_sentence_and_a_figure_with_the_window_in_its_alt_text():
    from course_lib.widgets.tenure import tenure_view

    real_pms, real_us = cl.load("prime_ministers"), cl.load("us_presidents")
    sentence, figure = tenure_view(real_pms, real_us, 2010, 2001, leaders.COMPARISONS[1])
    table = leaders.compare_tenures(real_pms, real_us, 2001, 2010, leaders.COMPARISONS[1], cl.as_of())
    assert sentence == leaders.tenure_sentence(table)
    assert "around 2001-2010, the chosen window shaded" in figure.alt
    assert "LDP prime ministers: 5 tenures, median completed tenure 366 days" in figure.alt
    assert figure.png.startswith(b"\x89PNG")


def test_widget_shows_what_the_pure_function_gives_and_follows_its_controls():
    box = cl.tenure_explorer()
    years, comparison, text, figure = box.children[:4]
    assert years.description == "Window of years" and comparison.description == "Compare"
    real_pms, real_us = cl.load("prime_ministers"), cl.load("us_presidents")

    def expected():
        table = leaders.compare_tenures(real_pms, real_us, *years.value, comparison.value, cl.as_of())
        return f"<p>{html.escape(leaders.tenure_sentence(table))}</p>"

    assert years.value == (2001, 2010) and text.value == expected()
    years.value = (2006, 2009)
    comparison.value = leaders.COMPARISONS[1]
    assert text.value == expected() and "Chosen window" not in text.value
    assert 'alt="Named tenure bars' in figure.value and "around 2006-2009" in figure.value


def test_static_view_is_the_widgets_first_view():
    from course_lib.widgets import static

    view = static.static_figure("tenure_explorer")
    box = cl.tenure_explorer()
    assert box.children[2].value == f"<p>{html.escape(view.text)}</p>"
    assert box.children[3].value == view.figure.to_html()
    assert "arrow keys" in view.explore_line


def test_alt_text_reads_well_for_one_tenure_none_and_open_ones():
    from course_lib.widgets.tenure import tenure_view

    real_pms, real_us = cl.load("prime_ministers"), cl.load("us_presidents")
    _sentence, one = tenure_view(real_pms, real_us, 2006, 2009, leaders.COMPARISONS[1])
    assert one.alt.endswith("Other parties' prime ministers: 1 tenure, of 266 days.")
    _sentence, latest = tenure_view(real_pms, real_us, 2026, 2026, leaders.COMPARISONS[1])
    assert "around 2026, the chosen window shaded" in latest.alt
    assert latest.alt.endswith("LDP prime ministers: 1 tenure, none ended; "
                               "Other parties' prime ministers: none in office.")
