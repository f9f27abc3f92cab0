"""Workup scoring (quizzes/workup.py): first-line steps, either-of groups, containing studies, conditional steps.

Examples from the radiologist's review first, then the properties the model promises.
"""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quizzes.workup import (
    RatingKey,
    conditional_steps,
    first_line_steps,
    plan_in_words,
    plan_rows,
    score_workup,
)

CONTAINS = {"mri-gd": frozenset({"mri"})}

# Brief C.1: new deficit within 24 h of decompression (emergency).
C1 = {
    "mri": RatingKey("MRI", 9, 9, 9, 0, group=1),
    "mri-gd": RatingKey("MRI with gadolinium", 5, 5, 7, 0),
    "ct": RatingKey("CT", 6, 6, 6, 3, condition="if MRI is unavailable"),
    "xr": RatingKey("Standing radiographs", 2, 2, 2, 3),
    "fdg": RatingKey("FDG PET/CT", 1, 1, 1, 4),
}
# Brief C.11: pain returning after fusion (non-urgent).
C11 = {
    "ct": RatingKey("CT", 9, 9, 9, 3, group=1),
    "xr-standing": RatingKey("Standing radiographs", 8, 8, 8, 3, group=2),
    "xr-dynamic": RatingKey("Flexion-extension radiographs", 7, 7, 7, 2, group=2, credit=75),
    "spect": RatingKey("SPECT/CT", 6, 5, 7, 3, condition="if CT is equivocal"),
    "fdg": RatingKey("FDG PET/CT", 4, 4, 5, 4, condition="if infection is suspected"),
    "leuko": RatingKey("Leukocyte scan", 1, 1, 1, 3),
}
# Brief C.14: sacral pain under a fusion (urgent): MRI or CT.
C14 = {
    "ct": RatingKey("CT", 9, 8, 9, 3, group=1),
    "mri": RatingKey("MRI", 9, 9, 9, 0, group=1),
    "xr": RatingKey("Radiographs", 5, 5, 6, 3),
}


def test_the_first_line_ordered_now_scores_full_marks():
    assert score_workup(C1, {"mri": "now"}, "emergency", CONTAINS).score == 100


def test_a_containing_study_meets_the_step_of_the_study_it_contains():
    part = score_workup(C1, {"mri-gd": "now"}, "emergency", CONTAINS)
    assert part.score == 100
    assert "includes MRI" in part.reasons[0].text


def test_without_the_containment_the_same_order_misses_the_step():
    assert score_workup(C1, {"mri-gd": "now"}, "emergency").score == 0


def test_delaying_a_first_line_step_in_an_emergency_loses_most_credit():
    assert score_workup(C1, {"mri": "scheduled"}, "emergency").score == 20
    assert score_workup(C1, {"mri": "24h"}, "emergency").score == 50
    assert score_workup(C1, {"mri": "scheduled"}, "non_urgent").score == 100


def test_a_conditional_step_is_never_counted_as_missing():
    part = score_workup(C11, {"ct": "scheduled", "xr-standing": "scheduled"}, "non_urgent")
    assert part.score == 100
    assert not any("SPECT" in r.text or "FDG" in r.text for r in part.reasons)


def test_a_conditional_step_up_front_costs_only_what_its_rating_says():
    alone = score_workup(C11, {"ct": "scheduled"}, "non_urgent").score
    with_spect = score_workup(C11, {"ct": "scheduled", "spect": "scheduled"}, "non_urgent")
    assert alone == 60 and 50 <= with_spect.score <= alone
    assert any("conditional next step" in r.text for r in with_spect.reasons)


def test_either_member_of_a_group_meets_it():
    assert score_workup(C14, {"ct": "24h"}, "urgent").score == 100
    assert score_workup(C14, {"mri": "24h"}, "urgent").score == 100


def test_a_partial_member_earns_its_share_of_the_step():
    both = score_workup(C11, {"ct": "scheduled", "xr-dynamic": "scheduled"}, "non_urgent").score
    assert both == 90  # CT 3 shares + 75% of the radiographs' 2 shares, of 5


def test_low_value_irradiating_tests_cost_points_and_say_why():
    part = score_workup(C1, {"mri": "now", "xr": "now"}, "emergency", CONTAINS)
    assert part.score < 100
    assert any("needless radiation" in r.text for r in part.reasons)


def test_a_contested_rating_is_named_in_the_reasons():
    part = score_workup(C11, {"ct": "scheduled", "spect": "scheduled"}, "non_urgent")
    assert any("Sources differ" in r.text for r in part.reasons)


def test_no_imaging_scores_zero_and_says_so():
    part = score_workup(C1, {}, "emergency")
    assert part.score == 0
    assert any("no imaging" in r.text for r in part.reasons)
    assert any("Missing a first-line step" in r.text for r in part.reasons)


def test_the_plan_in_words_names_steps_alternatives_and_conditions():
    words = plan_in_words(C11)
    assert words.startswith("First line: CT + (Standing radiographs or Flexion-extension radiographs).")
    assert "SPECT/CT if CT is equivocal" in words
    rows = plan_rows(C11, {"ct": "scheduled", "spect": "now"})
    assert [r["met_by"] for r in rows["first_line"]] == ["CT", ""]
    assert [c["ordered"] for c in rows["conditional"]] == [True, False]


def test_step_weights_follow_the_best_rating_above_six():
    steps = first_line_steps(C11)
    assert [(s.members, s.weight) for s in steps] == [(("ct",), 3), (("xr-standing", "xr-dynamic"), 2)]
    assert [slug for slug, _ in conditional_steps(C11)] == ["spect", "fdg"]


def test_a_key_without_steps_falls_back_to_its_ideal_rows():
    key = {"a": RatingKey("A", 8, 8, 8, 0, ideal=True), "b": RatingKey("B", 2, 2, 2, 3)}
    assert score_workup(key, {"a": "now"}, "non_urgent").score == 100


# Properties -------------------------------------------------------------------------------------

timings = st.sampled_from(["now", "24h", "scheduled"])
urgencies = st.sampled_from(["emergency", "urgent", "non_urgent"])


@st.composite
def keys(draw):
    """A random key: some rows in groups (rated 4-9), some conditional, the rest plain; a containment map."""
    n = draw(st.integers(min_value=1, max_value=7))
    key = {}
    for i in range(n):
        role = draw(st.sampled_from(["group", "conditional", "plain"]))
        rating = draw(st.integers(4 if role == "group" else 1, 9))
        low = draw(st.integers(1 if role != "group" else 4, rating))
        high = draw(st.integers(rating, 9))
        key[f"m{i}"] = RatingKey(
            f"Modality {i}",
            rating,
            low,
            high,
            draw(st.integers(0, 4)),
            group=draw(st.integers(1, 3)) if role == "group" else None,
            credit=draw(st.sampled_from([100, 100, 75, 50])) if role == "group" else 100,
            condition="if needed" if role == "conditional" else "",
        )
    slugs = sorted(key)
    contains = draw(
        st.dictionaries(st.sampled_from(slugs), st.frozensets(st.sampled_from(slugs), max_size=2))
    )
    contains = {k: frozenset(v - {k}) for k, v in contains.items()}
    return key, contains


@given(drawn=keys(), data=st.data(), urgency=urgencies)
def test_workup_scores_stay_in_bounds_and_are_deterministic(drawn, data, urgency):
    key, contains = drawn
    chosen = data.draw(st.dictionaries(st.sampled_from(sorted(key)), timings))
    first = score_workup(key, chosen, urgency, contains)
    assert 0 <= first.score <= 100
    assert first == score_workup(key, dict(chosen), urgency, contains)


@given(drawn=keys(), data=st.data(), urgency=urgencies)
def test_adding_a_contained_study_never_lowers_the_score(drawn, data, urgency):
    key, contains = drawn
    chosen = data.draw(st.dictionaries(st.sampled_from(sorted(key)), timings, min_size=1))
    contained = sorted({c for study in chosen for c in contains.get(study, ())} - set(chosen))
    if contained:
        extra = data.draw(st.sampled_from(contained))
        before = score_workup(key, chosen, urgency, contains).score
        after = score_workup(key, {**chosen, extra: data.draw(timings)}, urgency, contains).score
        assert after >= before


@given(drawn=keys(), data=st.data(), urgency=urgencies, timing=timings)
def test_either_member_of_a_group_scores_the_same(drawn, data, urgency, timing):
    key, _ = drawn
    groups = {}
    for slug, row in key.items():
        if row.group is not None:
            groups.setdefault((row.group, row.credit), []).append(slug)
    pairs = [members for members in groups.values() if len(members) >= 2]
    if pairs:
        a, b = data.draw(st.sampled_from(pairs))[:2]
        rest = (
            data.draw(st.dictionaries(st.sampled_from(sorted(set(key) - {a, b})), timings))
            if len(key) > 2
            else {}
        )
        assert (
            score_workup(key, {**rest, a: timing}, urgency).score
            == score_workup(key, {**rest, b: timing}, urgency).score
        )


@given(drawn=keys(), data=st.data(), urgency=urgencies)
def test_a_conditional_step_never_counts_as_missing(drawn, data, urgency):
    key, contains = drawn
    conditional = [s for s, r in key.items() if r.condition]
    if conditional:
        chosen = data.draw(
            st.dictionaries(st.sampled_from(sorted(set(key) - set(conditional)) or ["none"]), timings)
        )
        chosen = {s: t for s, t in chosen.items() if s in key}
        without = {s: r for s, r in key.items() if not r.condition}
        if without:
            assert (
                score_workup(key, chosen, urgency, contains).score
                == score_workup(without, chosen, urgency, contains).score
            )
        assert not any(
            "Missing" in r.text and "if needed" in r.text for r in score_workup(key, chosen, urgency).reasons
        )


@given(drawn=keys(), data=st.data(), urgency=urgencies, timing=timings)
def test_adding_a_usually_not_appropriate_study_never_raises_the_score(drawn, data, urgency, timing):
    key, contains = drawn
    chosen = data.draw(st.dictionaries(st.sampled_from(sorted(key)), timings))
    key = {**key, "low-value": RatingKey("Low-value test", 2, 1, data.draw(st.integers(2, 3)), 3)}
    before = score_workup(key, chosen, urgency, contains).score
    assert score_workup(key, {**chosen, "low-value": timing}, urgency, contains).score <= before


@pytest.mark.parametrize("urgency", ["emergency", "urgent", "non_urgent"])
def test_every_point_gained_or_lost_has_a_reason(urgency):
    part = score_workup(C1, {"mri": "24h", "xr": "now", "mri-gd": "scheduled"}, urgency, CONTAINS)
    assert all(r.text for r in part.reasons)
    assert sum(1 for r in part.reasons if r.points) >= 2


def test_the_score_never_depends_on_the_order_the_studies_were_listed():
    key = {**C14, "mri-gd": RatingKey("MRI with gadolinium", 2, 2, 2, 0)}
    contains = {"mri-gd": frozenset({"mri"})}
    first = score_workup(key, {"mri": "24h", "mri-gd": "24h"}, "urgent", contains).score
    assert first == score_workup(key, {"mri-gd": "24h", "mri": "24h"}, "urgent", contains).score


def test_a_low_rated_container_meets_the_step_for_part_of_its_credit():
    key = {**C14, "mri-gd": RatingKey("MRI with gadolinium", 2, 2, 2, 0)}
    part = score_workup(key, {"mri-gd": "24h"}, "urgent", {"mri-gd": frozenset({"mri"})})
    assert part.score == 80 and "80% of the step" in part.reasons[0].text


def test_stacking_contested_tests_on_the_first_line_is_charged_by_their_rating():
    key = {**C11, "gallium": RatingKey("Gallium", 2, 2, 6, 4)}
    part = score_workup(
        key, {"ct": "scheduled", "xr-standing": "scheduled", "gallium": "scheduled"}, "non_urgent"
    )
    assert part.score < 80
    assert any("charged by the rating here" in r.text for r in part.reasons)


def test_an_invasive_study_ordered_before_it_is_needed_costs_points():
    key = {
        **C1,
        "myelo": RatingKey("CT myelography", 4, 4, 4, 4, condition="if MRI is impossible", invasive=True),
    }
    plain = score_workup(key, {"mri": "now"}, "emergency").score
    part = score_workup(key, {"mri": "now", "myelo": "now"}, "emergency")
    assert plain - part.score >= 12 and any("invasive" in r.text for r in part.reasons)
