"""Lesson 05's pure functions: the decision matrix's ranking and weight effects, the map's layout, distance."""

import pandas as pd
import pytest

import course_lib as cl
from course_lib.analysis import futenma as fu
from course_lib.errors import CourseError


def toy(rows):
    """A small scores table: {option: [seven scores in CRITERIA order]}."""
    return pd.DataFrame([{"option_id": o, "criterion": c, "score": s}
                         for o, values in rows.items() for c, s in zip(fu.CRITERIA, values)])


TOY = toy({"a": [5, 1, 1, 1, 1, 1, 5], "b": [1, 5, 5, 1, 1, 5, 1], "c": [3, 3, 3, 3, 3, 3, 3]})


def test_equal_weights_rank_by_the_plain_mean():
    ranked = fu.rank_options(TOY, fu.equal_weights())
    assert list(ranked["option_id"]) == ["c", "b", "a"]
    assert list(ranked["rank"]) == [1, 2, 3]
    assert ranked["score"].tolist() == pytest.approx([3, 19 / 7, 15 / 7])


def test_a_weight_changes_the_order_by_the_weighted_mean():
    weights = dict(fu.equal_weights(), deterrence=5, feasibility_washington=5)
    ranked = fu.rank_options(TOY, weights)
    assert ranked["option_id"].iloc[0] == "a"
    assert ranked["score"].iloc[0] == pytest.approx((5 * 5 + 1 * 5 + 5 * 5) / 15)


def test_criteria_left_out_weigh_zero_and_ties_keep_the_table_order():
    only_time = fu.rank_options(TOY, {"time": 2})
    assert list(only_time["option_id"]) == ["c", "a", "b"]  # a and b tie on 1: table order
    assert only_time["score"].tolist() == [3, 1, 1]


def test_near_equal_floats_are_a_tie_not_two_places():
    table = toy({"x": [1, 1, 1, 1, 1, 1, 1.1 + 2.2 - 2.3], "y": [1, 1, 1, 1, 1, 1, 1]})
    assert list(fu.rank_options(table, {"feasibility_washington": 1})["option_id"]) == ["x", "y"]


def test_rank_changes_count_places_against_equal_weights():
    changes = fu.rank_changes(TOY, dict(fu.equal_weights(), deterrence=5, feasibility_washington=5))
    moved = dict(zip(changes["option_id"], changes["moved"]))
    assert moved == {"a": 2, "b": -1, "c": -1}
    assert (changes["rank_before"] - changes["rank"] == changes["moved"]).all()


def test_weight_effects_say_how_far_each_weight_moved_the_ranking():
    # deterrence 5: a (25+1+1+1+1+1+5)/11, c 3, b 23/11 -> a, c, b; at 1 (equal weights): c, b, a
    effects = fu.weight_effects(TOY, dict(fu.equal_weights(), deterrence=5)).set_index("criterion")
    assert effects.loc["deterrence", "places_moved"] == 2 + 1 + 1
    assert effects.loc["deterrence", "leader_at_default"] == "c"
    assert (effects.drop(index="deterrence")["places_moved"] == 0).all()
    assert list(effects.index) == list(fu.CRITERIA)


def test_summary_names_the_leader_and_the_weight_that_moved_most():
    weights = dict(fu.equal_weights(), deterrence=5)
    text = fu.summary(fu.rank_options(TOY, weights), fu.weight_effects(TOY, weights))
    assert text == ("With these weights, a ranks first (3.18 of 5; next: c, 3.00). Your weight on 'Deterrence' (5) "
                    "moved the ranking most: 4 places in all, compared with leaving it at 1.")
    equal = fu.summary(fu.rank_options(TOY, fu.equal_weights()), fu.weight_effects(TOY, fu.equal_weights()))
    assert equal.endswith("All weights are 1: move a slider to see how the ranking changes.")
    assert fu.ranking_lines(fu.rank_options(TOY, fu.equal_weights()))[:2] == ["1. c (3.00)", "2. b (2.71)"]


def test_summary_says_when_a_tie_decides_the_order_and_when_no_weight_moved_anything():
    twins = toy({"p": [2] * 7, "q": [2] * 7})
    weights = dict(fu.equal_weights(), cost=3)
    text = fu.summary(fu.rank_options(twins, weights), fu.weight_effects(twins, weights))
    assert "p ranks first (2.00 of 5; next: q, 2.00, tied and listed second in the data's order)." in text
    assert text.endswith("None of your weights moves any option, compared with leaving it at 1.")


@pytest.mark.parametrize("weights, message", [
    ({"speed": 1}, "Unknown criteria"),
    ({"cost": -1}, "0 or more"),
    ({"cost": "high"}, "must be a number"),
    ({"cost": 0}, "Every weight is 0"),
    ([1, 2], "as a dict"),
])
def test_bad_weights_are_course_errors(weights, message):
    with pytest.raises(CourseError, match=message):
        fu.rank_options(TOY, weights)


def test_bad_scores_are_course_errors():
    with pytest.raises(CourseError, match="from 1 to 5"):
        fu.score_matrix(TOY.assign(score=TOY["score"].replace(5, 6)))
    with pytest.raises(CourseError, match="lack a score"):
        fu.score_matrix(TOY[TOY["criterion"] != "cost"].pipe(lambda t: pd.concat([t, TOY.iloc[[2]]])))
    with pytest.raises(CourseError, match="two scores"):
        fu.score_matrix(pd.concat([TOY, TOY.iloc[[0]]]))
    with pytest.raises(CourseError, match="Unknown criteria"):
        fu.score_matrix(TOY.replace({"criterion": {"cost": "speed"}}))


def test_the_course_scores_give_the_rankings_the_lesson_states():
    scores = cl.load("futenma_scores")
    assert fu.score_matrix(scores).shape == (10, 7)
    equal = fu.rank_options(scores, fu.equal_weights())
    assert equal["option_id"].iloc[0] == "vshape_runways_2006"
    coalition = fu.rank_options(scores, dict(fu.equal_weights(), feasibility_tokyo=3, feasibility_okinawa=3))
    assert coalition["option_id"].iloc[0] == "outside_okinawa_2009"
    assert coalition["score"].iloc[0] > coalition["score"].iloc[1]  # exercise 05.6 has a single answer


def test_a_student_copy_of_the_scores_ranks_with_the_changed_score():
    scores = cl.load("futenma_scores")
    mine = scores.copy()
    mine.loc[(mine["option_id"] == "status_quo") & (mine["criterion"] == "local_burden"), "score"] = 5
    before = fu.rank_options(scores, fu.equal_weights()).set_index("option_id")["score"]["status_quo"]
    after = fu.rank_options(mine, fu.equal_weights()).set_index("option_id")["score"]["status_quo"]
    assert after - before == pytest.approx(4 / 7)


def test_distance_is_a_great_circle_distance():
    assert fu.distance_km(0, 0, 0, 1) == pytest.approx(111.195, abs=0.01)
    assert fu.distance_km(26.271, 127.748, 26.525, 128.044) == pytest.approx(40.8, abs=0.1)
    assert fu.distance_km(26, 127, 26, 127) == 0


def test_map_layout_places_only_sourced_points_and_sends_remote_ranges_to_the_inset():
    layout = fu.map_layout(cl.load("us_facilities"))
    assert sum(len(part) for part in layout.values()) == 31
    assert layout["unplaced"]["latitude"].isna().all()
    assert {"Futenma Air Station", "Camp Schwab"} <= set(layout["main"]["facility"])
    assert {"Kobi Sho Range", "Sekibi Sho Range", "Oki Daito Jima Range"} <= set(layout["inset"]["facility"])
    assert fu.inside(layout["main"], fu.MAIN_BOX).all() and not fu.inside(layout["inset"], fu.MAIN_BOX).any()


def test_plans_are_in_year_order_with_a_period():
    plans = fu.plans_by_year(cl.load("futenma_plans"))
    assert plans["year"].is_monotonic_increasing
    assert set(plans["period"]) <= {name for _, _, name in fu.PERIODS}
    assert fu.period(2009) == fu.period(2010) == "2009-2010"
    with pytest.raises(CourseError):
        fu.period(1990)
