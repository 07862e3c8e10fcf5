"""Facts that must hold between and within datasets (the data's own consistency checks)."""

import pandas as pd
import pytest

import course_lib as cl
from course_lib import data


@pytest.fixture(scope="module")
def pms():
    return cl.load("prime_ministers")


def test_prime_ministers_hand_over_on_the_same_day_except_acting_periods(pms):
    ordered = pms.sort_values("start_date").reset_index(drop=True)
    for before, after in zip(ordered.itertuples(), ordered.iloc[1:].itertuples()):
        assert after.start_date == before.end_date, (before.person, after.person)
    assert ordered["end_date"].isna().sum() == 1 and pd.isna(ordered["end_date"].iloc[-1])
    assert ordered.iloc[0]["start_date"] == pd.Timestamp("1945-08-17")


def test_acting_prime_ministers_carry_no_number(pms):
    acting = pms[pms["acting"]]
    assert "ito_masayoshi" in set(acting["person_id"])
    assert acting["ordinal"].isna().all() and acting["person_number"].isna().all()
    assert pms.loc[~pms["acting"], "ordinal"].notna().all()


def test_cabinet_numbers_run_without_gaps_and_match_the_ordinals(pms):
    numbers = []
    for ordinal in pms.loc[~pms["acting"], "ordinal"]:
        first, _, last = ordinal.partition("-")
        numbers += list(range(int(first), int(last or first) + 1))
    assert numbers == list(range(43, 43 + len(numbers)))
    assert pms.set_index("person_id").loc["hatoyama_yukio", "ordinal"] == "93"
    assert pms.set_index("person_id").loc["koizumi_junichiro", "ordinal"] == "87-89"
    cabinets = cl.load("cabinets")
    assert list(cabinets["cabinet_number"]) == list(range(43, 43 + len(cabinets)))


def test_official_day_counts_include_both_ends(pms):
    known = pms.dropna(subset=["tenure_days_official", "end_date"])
    assert len(known) > 20
    assert ((known["end_date"] - known["start_date"]).dt.days + 1 == known["tenure_days_official"]).all()


def test_us_presidents_are_consecutive_from_1945():
    us = cl.load("us_presidents").sort_values("start_date").reset_index(drop=True)
    for before, after in zip(us.itertuples(), us.iloc[1:].itertuples()):
        assert after.start_date == before.end_date
    assert us["start_date"].iloc[0] <= pd.Timestamp("1945-01-01") and us["end_date"].isna().sum() == 1


def _people_ids():
    return (set(cl.load("people")["person_id"]) | set(cl.load("prime_ministers")["person_id"])
            | set(cl.load("us_presidents")["person_id"]))


def test_person_ids_resolve_everywhere():
    ids = _people_ids()
    assert set(cl.load("cabinets")["person_id"]) <= ids
    assert set(cl.load("coalitions")["prime_minister_id"]) <= ids
    assert set(cl.load("cabinet_approval")["cabinet"].astype(str)) <= ids
    for cell in cl.load("alliance_timeline")["person_ids"].dropna():
        assert set(cell.split(";")) <= ids, cell


def test_party_codes_resolve_everywhere():
    codes = set(cl.load("parties")["code"])
    assert set(cl.load("prime_ministers")["party"].astype(str)) <= codes
    assert set(cl.load("hr_elections")["party"].astype(str)) <= codes
    assert set(cl.load("hc_elections")["party"].astype(str)) <= codes
    for cell in cl.load("coalitions")["parties"]:
        assert set(cell.split(";")) <= codes, cell
    assert set(cl.load("us_presidents")["party"].astype(str)) <= codes


def test_house_of_representatives_seats_add_up():
    hr = cl.load("hr_elections")
    for date, group in hr.groupby("election_date"):
        assert group["seats"].sum() == group["total_seats"].iloc[0], date
        assert group["total_seats"].nunique() == 1
    both = hr.dropna(subset=["seats_district", "seats_pr"])
    assert (both["seats_district"] + both["seats_pr"] == both["seats"]).all()
    y2009 = hr[hr["election_date"] == "2009-08-30"].set_index("party")
    assert (y2009.loc["DPJ", "seats"], y2009.loc["LDP", "seats"], y2009["total_seats"].iloc[0]) == (308, 119, 480)


def test_house_of_councillors_seats_add_up():
    hc = cl.load("hc_elections")
    assert {2004, 2007, 2010, 2013} <= set(hc["election_date"].dt.year)
    for date, group in hc.groupby("election_date"):
        assert group["seats_won"].sum() == group["seats_contested"].iloc[0], date
        if group["seats_held"].notna().all():
            assert group["seats_held"].sum() == group["total_seats"].iloc[0], date


def test_coalitions_are_consecutive_and_sit_inside_their_prime_ministers_tenures(pms):
    coalitions = cl.load("coalitions").sort_values("start_date").reset_index(drop=True)
    for before, after in zip(coalitions.itertuples(), coalitions.iloc[1:].itertuples()):
        assert after.start_date == before.end_date
    finish = pms["end_date"].fillna(cl.as_of())
    for row in coalitions.itertuples():
        mine = pms[pms["person_id"] == row.prime_minister_id]
        end = row.end_date if pd.notna(row.end_date) else cl.as_of()
        inside = (mine["start_date"] <= row.start_date) & (finish[mine.index] >= end)
        assert inside.any(), row.coalition_id
    hatoyama = coalitions[coalitions["prime_minister_id"] == "hatoyama_yukio"]
    assert any("SDP" in p and "PNP" in p for p in hatoyama["parties"])
    assert any(d.year == 2010 and d.month == 5 for d in hatoyama["end_date"].dropna())


def test_shares_are_percentages():
    for name, columns in {"cabinet_approval": ["approve_pct", "disapprove_pct"],
                          "opinion_affinity": ["affinity_pct", "no_affinity_pct"],
                          "base_burden": ["value_pct"]}.items():
        frame = cl.load(name)
        for column in columns:
            values = frame[column].dropna()
            assert ((values >= 0) & (values <= 100)).all(), (name, column)
    approval = cl.load("cabinet_approval").dropna(subset=["disapprove_pct"])
    assert (approval["approve_pct"] + approval["disapprove_pct"] <= 100).all()
    affinity = cl.load("opinion_affinity").dropna(subset=["no_affinity_pct"])
    assert (affinity["affinity_pct"] + affinity["no_affinity_pct"] <= 100).all()


def test_personnel_by_service_sums_to_the_total():
    personnel = cl.load("usfj_personnel")
    checked = 0
    for (date, place, _population), group in personnel.groupby(["as_of", "location", "population"],
                                                               observed=True):
        total = group[group["service"] == "Total"]
        parts = group[group["service"] != "Total"]
        if len(total) and len(parts) >= 4:
            assert parts["personnel"].sum() == total["personnel"].iloc[0], (date, place)
            checked += 1
    assert checked >= 3


def test_facilities_are_in_japan_with_positive_areas():
    facilities = cl.load("us_facilities")
    assert (facilities["area_km2"].dropna() > 0).all()
    placed = facilities.dropna(subset=["latitude", "longitude"])
    assert placed["latitude"].between(24, 46).all() and placed["longitude"].between(122, 146).all()
    assert (facilities["prefecture"] == "Okinawa").sum() >= 25


def test_timeline_has_enough_events_and_known_paragraphs():
    events = cl.load("alliance_timeline")
    assert len(events) >= 80
    assert events["date"].min().year <= 1951 and events["date"].max().year == 2026
    for cell in events["essay_paragraphs"].dropna():
        assert set(cell.split(";")) <= {f"P{i}" for i in range(1, 9)}, cell
    month = events[events["date_precision"] == "month"]["date"]
    assert (month.dt.day == 1).all()


def test_every_event_lies_inside_the_coverage_of_the_datasets_it_belongs_to():
    events = cl.load("alliance_timeline")
    coverage = cl.load("alliance_timeline").attrs["coverage"]
    assert events["date"].dt.year.between(int(coverage["start"]), int(coverage["end"])).all()
    pms = cl.load("prime_ministers")
    assert events["date"].min() >= pms["start_date"].min() - pd.Timedelta(days=366)
    assert events["date"].max() <= cl.as_of()


def test_refueling_mission_periods_are_ordered_with_a_suspension():
    mission = cl.load("refueling_mission").sort_values("period_start")
    assert (mission["period_start"] <= mission["period_end"]).all()
    assert (mission["status"].astype(str) == "suspended").any()
    assert mission["period_end"].max() == pd.Timestamp("2010-01-15")
    assert (mission["fuel_kl"].dropna() < 1_000_000).all()


# --- Source tiers, course judgements and the essay's argument map (issue 9) ---------------------

RELATIONS = {"supports", "qualifies", "concedes", "answers"}


def test_every_source_has_a_tier_from_the_set():
    sources = cl.load("sources")
    assert sources["tier"].notna().all()
    assert set(sources["tier"].astype(str)) <= set(data.TIERS)
    tier = sources.set_index("id")["tier"].astype(str)
    # spot checks of the hand review: ministries are official, Wikipedia copies are mirrors,
    # archive copies keep the tier of the page they copy
    assert tier["ess_mofa_gates_2009"] == "official" and tier["ess_kiwix_jsdf"] == "mirror"
    assert tier["ess_worldjpn_scc_2010"] == "scholarly" and tier["mil_opg_english_2017"] == "official"
    assert tier["evt_mainichi_20100506"] == "news"


def test_every_judgement_row_has_its_reasoning_in_note():
    from course_lib.data import list_datasets

    checked = 0
    for name in list_datasets()["name"]:
        frame = cl.load(name)
        if "value_status" not in frame:
            continue
        judged = frame[frame["value_status"].astype(str) == "judgement"]
        assert judged["note"].notna().all(), name
        assert (judged["note"].astype(str).str.len() > 20).all(), name
        assert judged["source_id"].notna().all(), name
        checked += len(judged)
    assert checked >= 30


def test_claim_links_join_existing_claims_with_known_relations():
    links = cl.load("claim_links")
    claims = set(cl.load("essay_map")["claim_id"])
    assert set(links["from_claim"]) <= claims and set(links["to_claim"]) <= claims
    assert set(links["relation"].astype(str)) <= RELATIONS
    assert (links["from_claim"] != links["to_claim"]).all()
    assert (links["value_status"].astype(str) == "judgement").all()
    assert (links["source_id"] == "ess_tatsumi_2010").all()


def test_the_argument_map_shows_the_thesis_and_the_answered_concession():
    links = cl.load("claim_links")
    pairs = set(zip(links["from_claim"], links["to_claim"], links["relation"].astype(str)))
    supporters = {f for f, t, r in pairs if t == "P3.1" and r == "supports"}
    assert {"P4.1", "P5.1"} <= supporters
    assert ("P6.1", "P3.1", "qualifies") in pairs
    assert any(f == "P7.1" and r == "concedes" for f, t, r in pairs)
    assert {("P7.4", "P7.1", "answers"), ("P7.5", "P7.1", "answers")} <= pairs


def test_claim_ids_are_stable_and_the_split_claim_is_retired():
    claims = cl.load("essay_map").set_index("claim_id")
    assert "P2.1" not in claims.index
    assert claims.loc["P2.1a", "kind"] == "factual" and claims.loc["P2.1b", "kind"] == "predictive"
    assert claims.loc["P6.2", "kind"] == "interpretive"
    assert claims.loc["P3.1", "kind"] == "interpretive" and claims.loc["P5.1", "kind"] == "normative"
    assert {f"P{p}.{n}" for p, n in [(1, 1), (2, 2), (5, 8), (7, 5), (8, 4)]} <= set(claims.index)
    assert claims.index.str.fullmatch(r"P[1-8]\.[0-9]+[a-z]?").all()


def test_lesson_rows_cite_a_source_above_mirror_or_say_none_was_found():
    for name in ("essay_map", "glossary", "people", "alliance_timeline", "prime_ministers", "us_presidents"):
        frame = cl.load(name)
        strong = data.cites_above_mirror(frame)
        weak_notes = frame.loc[~strong, "note"].astype(str)
        assert weak_notes.str.contains("issue 9").all(), (name, list(frame.loc[~strong].index))


def test_corrected_1960_treaty_facts():
    events = cl.load("alliance_timeline").set_index("event_id")
    signed = events.loc["treaty_signed_1960"]
    assert "herter_christian" in signed["person_ids"].split(";")
    assert "Herter" in signed["description"] and "present" in signed["description"]
    assert "eisenhower_dwight" not in events.loc["sofa_signed_1960", "person_ids"].split(";")
    crisis = {"anpo_protests_1960": "1960-06-15", "eisenhower_visit_postponed_1960": "1960-06-16",
              "senate_consent_1960": "1960-06-22", "kishi_resignation_announced_1960": "1960-06-23",
              "treaty_in_force_1960": "1960-06-23"}
    for event, day in crisis.items():
        assert events.loc[event, "date"] == pd.Timestamp(day), event
    assert events.loc["gnp_cap_scrapped_1986", "date"] == pd.Timestamp("1986-12-30")
    assert events.loc["gnp_cap_replaced_1987", "date"] == pd.Timestamp("1987-01-24")
    assert events.loc["midway_yokosuka_1973", "category"] != "bases_okinawa"
    assert "kishida_official_visit_2024" in events.index and "kishida_state_visit_2024" not in events.index
    parties = cl.load("parties").set_index("code")
    assert parties.loc["LP", "dissolved"] == pd.Timestamp("2003-09-26")


def test_the_timeline_file_is_in_date_order():
    """Branches that add events append them; keep the file readable in date order (then id)."""
    events = cl.load("alliance_timeline")
    assert events[["date", "event_id"]].astype(str).apply(tuple, axis=1).is_monotonic_increasing
