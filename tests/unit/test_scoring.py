"""Quiz scoring (quizzes/scoring.py): pure and deterministic; examples first, then properties."""

from hypothesis import given
from hypothesis import strategies as st

from quizzes.scoring import (
    score_certainty,
    score_diagnosis,
    score_findings,
    score_next_step,
    score_pointing,
    total_score,
)

FINDINGS = {"collection": True, "compression": True, "fat-graft": False, "gas": False}
LABELS = {k: k.replace("-", " ") for k in FINDINGS}


def test_findings_credit_partial_knowledge_like_moodle_multiple_response():
    # Each true pick earns 1/2 (two true findings), each distractor costs 1/2 (two distractors), floor 0.
    assert score_findings(FINDINGS, LABELS, ["collection", "compression"]).score == 100
    assert score_findings(FINDINGS, LABELS, ["collection"]).score == 50
    assert score_findings(FINDINGS, LABELS, ["gas", "fat-graft"]).score == 0
    assert score_findings(FINDINGS, LABELS, ["collection", "compression", "gas"]).score == 50


def test_one_right_and_one_wrong_pick_keeps_partial_credit_when_distractors_outnumber_findings():
    findings = {"a": True, "b": True, "x": False, "y": False, "z": False, "w": False}
    part = score_findings(findings, {k: k for k in findings}, ["a", "x"])
    assert part.score == 25  # +1/2 for "a", -1/4 for "x": today's model gave 0
    assert {r.kind for r in part.reasons} == {"gain", "loss", "note"}


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


def test_a_true_finding_on_images_the_learner_never_saw_is_left_out_and_named():
    findings = {"cleft": True, "uptake": True, "halo": False}
    labels = {k: k for k in findings}
    part = score_findings(findings, labels, ["cleft"], unseen={"uptake": "SPECT/CT"})
    assert part.score == 100  # one of one seen true finding
    assert any("Not on the images you saw (it shows on SPECT/CT): uptake" in r.text for r in part.reasons)
    assert score_findings(findings, labels, ["cleft"]).score == 50  # had they seen the SPECT/CT
