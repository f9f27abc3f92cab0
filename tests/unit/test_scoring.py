"""Quiz scoring (quizzes/scoring.py): pure and deterministic; examples first, then properties."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quizzes.scoring import (
    RatingKey,
    score_certainty,
    score_diagnosis,
    score_findings,
    score_next_step,
    score_pointing,
    score_workup,
    total_score,
)

# Brief C.1: new deficit within 24 h of decompression.
C1 = {
    "mri": RatingKey("MRI", 9, 9, 9, 0, ideal=True),
    "mri-gd": RatingKey("MRI with gadolinium", 5, 5, 7, 0),
    "ct": RatingKey("CT", 6, 6, 6, 3),
    "xr": RatingKey("Standing radiographs", 2, 2, 2, 3),
    "fdg": RatingKey("FDG PET-CT", 1, 1, 1, 4),
}


def test_the_ideal_workup_ordered_now_scores_full_marks():
    part = score_workup(C1, {"mri": "now"}, "emergency")
    assert part.score == 100
    assert part.reasons[0].points > 0


def test_delaying_the_essential_examination_in_an_emergency_loses_most_credit():
    assert score_workup(C1, {"mri": "scheduled"}, "emergency").score == 20
    assert score_workup(C1, {"mri": "24h"}, "emergency").score == 50
    assert score_workup(C1, {"mri": "scheduled"}, "non_urgent").score == 100


def test_missing_the_essential_examination_is_penalised_and_explained():
    part = score_workup(C1, {"ct": "now"}, "emergency")
    assert part.score < 100
    assert any("did not order MRI" in r.text for r in part.reasons)


def test_workup_score_penalises_low_value_irradiating_choices():
    plain = score_workup(C1, {"mri": "now", "ct": "now"}, "emergency").score
    with_xr = score_workup(C1, {"mri": "now", "ct": "now", "xr": "now"}, "emergency")
    assert with_xr.score < plain
    assert any("needless radiation" in r.text for r in with_xr.reasons)


def test_a_contested_rating_gives_the_learner_the_benefit_of_the_range():
    part = score_workup({"mri-gd": C1["mri-gd"], "mri": C1["mri"]}, {"mri-gd": "now"}, "emergency")
    reason = part.reasons[0]
    assert "usually appropriate" in reason.text and "Sources differ" in reason.text


def test_no_imaging_at_all_scores_zero_when_an_examination_is_essential():
    part = score_workup(C1, {}, "emergency")
    assert part.score == 0
    assert any("no imaging" in r.text for r in part.reasons)


FINDINGS = {"collection": True, "compression": True, "fat-graft": False, "gas": False}
LABELS = {k: k.replace("-", " ") for k in FINDINGS}


def test_findings_credit_true_findings_and_charge_distractors_never_below_zero():
    assert score_findings(FINDINGS, LABELS, ["collection", "compression"]).score == 100
    assert score_findings(FINDINGS, LABELS, ["collection"]).score == 50
    assert score_findings(FINDINGS, LABELS, ["collection", "gas"]).score == 0
    assert score_findings(FINDINGS, LABELS, ["gas", "fat-graft"]).score == 0


DIAGNOSES = {"haematoma": 100, "abscess": 0, "retained-fragment": 40}
DX_LABELS = {
    "haematoma": "Epidural haematoma",
    "abscess": "Abscess",
    "retained-fragment": "Retained fragment",
}


def test_diagnosis_gives_partial_credit_for_a_reasonable_differential():
    assert score_diagnosis(DIAGNOSES, DX_LABELS, "haematoma").score == 100
    part = score_diagnosis(DIAGNOSES, DX_LABELS, "retained-fragment")
    assert part.score == 40 and "Epidural haematoma" in part.reasons[0].text
    assert score_diagnosis(DIAGNOSES, DX_LABELS, None).score == 0


def test_confident_wrong_answers_cost_more_than_unsure_ones():
    assert (
        score_certainty(0, "high").score
        < score_certainty(0, "medium").score
        < score_certainty(0, "low").score
    )
    assert score_certainty(100, "high").score > score_certainty(100, "low").score
    assert score_certainty(0, "high").score == 0 and score_certainty(100, "high").score == 100


def test_no_confidence_rating_counts_as_low():
    assert score_certainty(100, None).score == score_certainty(100, "low").score


def test_pointing_inside_scores_full_near_scores_partial_far_scores_nothing():
    assert score_pointing(0, 0.04).score == 100
    assert score_pointing(0.02, 0.04).score == 50
    assert score_pointing(0.2, 0.04).score == 0
    assert score_pointing(None, 0.04).score == 0
    assert score_pointing(0.02, 0.04, by_region=True).score == 0


def test_next_step_partial_credit_where_the_author_says_so():
    assert score_next_step("emergency_surgery", {}, "emergency_surgery").score == 100
    assert score_next_step("emergency_surgery", {"urgent_specialist": 30}, "urgent_specialist").score == 30
    assert score_next_step("emergency_surgery", {}, "outpatient").score == 0


def test_total_is_the_weighted_mean_of_the_parts():
    from quizzes.scoring import PartScore

    parts = [PartScore("workup", 100), PartScore("findings", 0)]
    assert total_score(parts, {"workup": 3, "findings": 1}) == 75


# Properties -------------------------------------------------------------------------------------

ratings = st.integers(min_value=1, max_value=9)


@st.composite
def rating_keys(draw):
    n = draw(st.integers(min_value=1, max_value=8))
    key = {}
    for i in range(n):
        rating = draw(ratings)
        low = draw(st.integers(min_value=1, max_value=rating))
        high = draw(st.integers(min_value=rating, max_value=9))
        key[f"m{i}"] = RatingKey(
            f"Modality {i}", rating, low, high, draw(st.integers(0, 4)), draw(st.booleans())
        )
    return key


timings = st.sampled_from(["now", "24h", "scheduled"])
urgencies = st.sampled_from(["emergency", "urgent", "non_urgent"])


@given(key=rating_keys(), data=st.data(), urgency=urgencies)
def test_workup_scores_stay_in_bounds_and_are_deterministic(key, data, urgency):
    chosen = data.draw(st.dictionaries(st.sampled_from(sorted(key)), timings))
    first = score_workup(key, chosen, urgency)
    assert 0 <= first.score <= 100
    assert first == score_workup(key, dict(chosen), urgency)


@given(key=rating_keys(), data=st.data(), urgency=urgencies, timing=timings)
def test_adding_a_usually_not_appropriate_modality_never_raises_the_workup_score(key, data, urgency, timing):
    chosen = data.draw(st.dictionaries(st.sampled_from(sorted(key)), timings))
    extra = RatingKey("Low-value test", data.draw(st.integers(1, 3)), 1, data.draw(st.integers(1, 3)), 3)
    key = {**key, "low-value": RatingKey(extra.name, min(extra.rating, extra.high), 1, extra.high, 3)}
    before = score_workup(key, chosen, urgency).score
    after = score_workup(key, {**chosen, "low-value": timing}, urgency).score
    assert after <= before


@given(
    findings=st.dictionaries(st.text("abcdef", min_size=1, max_size=4), st.booleans(), min_size=1),
    data=st.data(),
)
def test_adding_a_true_finding_never_lowers_the_findings_score(findings, data):
    labels = {k: k for k in findings}
    chosen = data.draw(st.sets(st.sampled_from(sorted(findings))))
    true_unchosen = [k for k, real in findings.items() if real and k not in chosen]
    before = score_findings(findings, labels, chosen)
    assert 0 <= before.score <= 100
    if true_unchosen:
        after = score_findings(findings, labels, chosen | {true_unchosen[0]})
        assert after.score >= before.score


@given(credit=st.integers(0, 100), confidence=st.sampled_from(["low", "medium", "high", None]))
def test_certainty_scores_stay_in_bounds(credit, confidence):
    assert 0 <= score_certainty(credit, confidence).score <= 100


@given(distance=st.one_of(st.none(), st.floats(min_value=0, max_value=2)), tolerance=st.floats(0, 0.2))
def test_pointing_scores_stay_in_bounds(distance, tolerance):
    assert score_pointing(distance, tolerance).score in (0, 50, 100)


@pytest.mark.parametrize("urgency", ["emergency", "urgent", "non_urgent"])
def test_every_point_gained_or_lost_has_a_reason(urgency):
    part = score_workup(C1, {"mri": "24h", "xr": "now", "mri-gd": "scheduled"}, urgency)
    assert all(r.text for r in part.reasons)
    assert sum(1 for r in part.reasons if r.points) >= 3
