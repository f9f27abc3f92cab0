"""The workup key as a radiologist signs it: every case's graded samples in band, the review's reference
examples, the shell command, and publishing refused while a sample is out of band."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from atlas.models import ClinicalScenario, Modality, ScenarioRating
from core.demo import DemoLoader
from core.demo_data import atlas_content, quiz_content
from quizzes.samples import samples_for_form
from tests.factories import make_quiz_case
from tests.integration.test_authoring import _case_form_data, admin_client  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db

CASES = {c["slug"]: c for c in quiz_content.CASES}


@pytest.fixture
def demo_keys(db):
    """The demo's taxonomy and scenarios, loaded by the real loader (the path the content takes)."""
    loader = DemoLoader()
    loader.load_taxonomy(atlas_content)
    loader.load_scenarios(atlas_content)
    return loader


def _override_rows(case: dict) -> list[dict]:
    return [
        {
            "modality": Modality.objects.get(slug=o["modality"]),
            "rating": o["rating"],
            "acceptable_low": o.get("low", o["rating"]),
            "acceptable_high": o.get("high", o["rating"]),
        }
        for o in case.get("rating_overrides", [])
    ]


def _score(slug: str, order: str) -> int:
    case = CASES[slug]
    scenario = ClinicalScenario.objects.get(slug=case["scenario"])
    sample = {"kind": "concordant", "order": order, "band_low": 0, "band_high": 100}
    return samples_for_form(scenario, _override_rows(case), [sample])[0].score


@pytest.mark.parametrize("slug", sorted(CASES))
def test_every_graded_sample_of_every_case_is_inside_its_band(demo_keys, slug):
    case = CASES[slug]
    samples = case["workup_samples"]
    kinds = {s["kind"] for s in samples}
    assert len(samples) >= 4 and {"concordant", "inappropriate"} <= kinds
    assert kinds & {"incomplete", "alternative"}
    rows = [
        {"kind": s["kind"], "order": s["order"], "band_low": s["band"][0], "band_high": s["band"][1]}
        for s in samples
    ]
    scenario = ClinicalScenario.objects.get(slug=case["scenario"])
    results = samples_for_form(scenario, _override_rows(case), rows)
    outside = [(r.order, r.score, r.band_low, r.band_high, r.error) for r in results if not r.inside]
    assert not outside


@pytest.mark.parametrize(
    "slug, order, low, high",
    [
        ("case-week3-back-pain-after-microdiscectomy", "mri-gd:24h", 80, 100),
        ("case-month15-pain-after-fusion", "ct:scheduled bone-scan-spect:scheduled", 50, 75),
        (
            "case-month15-pain-after-fusion",
            "xr-standing:scheduled xr-dynamic:scheduled ct:scheduled",
            85,
            100,
        ),
        ("case-month15-pain-after-fusion", "ct:scheduled", 40, 75),
        ("case-week5-sacral-pain", "ct:24h", 80, 100),
        ("case-week5-sacral-pain", "mri:24h", 80, 100),
        ("case-day5-headache-after-laminectomy", "mri:24h brain-mri-gd:24h", 85, 100),
        ("case-day0-laminectomy-deficit", "xr-standing:scheduled", 0, 20),
    ],
)
def test_the_reviews_reference_examples_fall_in_their_bands(demo_keys, slug, order, low, high):
    assert low <= _score(slug, order) <= high


def test_mri_with_gadolinium_contains_the_plain_mri_in_the_modality_data(demo_keys):
    assert list(Modality.objects.get(slug="mri-gd").contains.values_list("slug", flat=True)) == ["mri"]
    # Postoperative discitis, cord ischaemia and arachnoiditis: the containing study meets the MRI step.
    # (rated 6 there, "may be appropriate": the container earns 90% of the MRI step)
    assert _score("case-day0-paraplegia", "mri-gd:now") == 90
    assert _score("case-leg-pain-after-three-operations", "mri-gd:scheduled") == 90


def test_conditional_steps_carry_their_condition_in_words(demo_keys):
    spect = ScenarioRating.objects.get(
        scenario__slug="c11-pain-returning-after-fusion", modality__slug="bone-scan-spect"
    )
    assert spect.condition.startswith("if CT is equivocal") and spect.first_line_group is None
    assert (spect.acceptable_low, spect.acceptable_high) == (5, 7)


def test_decompression_scenario_no_longer_lists_cage_migration(demo_keys):
    scenario = ClinicalScenario.objects.get(slug="c1-deficit-within-24h-of-decompression")
    assert not scenario.also_considered.filter(slug="cage-migration").exists()


def test_score_workup_command_prints_one_line_of_json():
    case = make_quiz_case()
    out = StringIO()
    call_command("score_workup", case.slug, "mri:now", stdout=out)
    result = json.loads(out.getvalue())
    assert result["score"] == 100 and result["reasons"][0]["kind"] == "gain"
    with pytest.raises(CommandError, match="timing after the colon"):
        call_command("score_workup", case.slug, "mri:tomorrow")
    with pytest.raises(CommandError, match="No case"):
        call_command("score_workup", "no-such-case", "mri:now")


def _publish_with_samples(client, case, samples):
    data = _case_form_data(case, samples=samples)
    data["action-publish"] = "action-publish"
    return client.post(reverse("wagtailadmin_pages:edit", args=[case.pk]), data)


def test_publishing_is_refused_while_a_sample_falls_outside_its_band(admin_client):  # noqa: F811
    case = make_quiz_case()
    wrong = [{"kind": "inappropriate", "order": "mri:now", "band_low": 0, "band_high": 20, "note": ""}]
    response = _publish_with_samples(admin_client, case, wrong)
    assert response.status_code == 200
    assert "outside its band 0–20" in response.content.decode()
    right = [{"kind": "concordant", "order": "mri:now", "band_low": 90, "band_high": 100, "note": ""}]
    assert _publish_with_samples(admin_client, case, right).status_code == 302
    assert case.workup_samples.count() == 1


def test_a_draft_with_an_out_of_band_sample_still_saves(admin_client):  # noqa: F811
    case = make_quiz_case()
    wrong = [{"kind": "inappropriate", "order": "mri:now", "band_low": 0, "band_high": 20, "note": ""}]
    url = reverse("wagtailadmin_pages:edit", args=[case.pk])
    assert admin_client.post(url, _case_form_data(case, samples=wrong)).status_code == 302


def test_the_samples_preview_scores_each_sample(admin_client):  # noqa: F811
    case = make_quiz_case()
    case.workup_samples.create(kind="concordant", order="mri:now", band_low=90, band_high=100)
    case.workup_samples.create(kind="inappropriate", order="xr:now", band_low=30, band_high=40)
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[case.pk])
    data = _case_form_data(
        case,
        samples=[
            {"kind": "concordant", "order": "mri:now", "band_low": 90, "band_high": 100, "note": ""},
            {"kind": "inappropriate", "order": "xr:now", "band_low": 30, "band_high": 40, "note": ""},
        ],
    )
    assert admin_client.post(url, data).json()["is_valid"]
    html = admin_client.get(url, {"mode": "samples"}).content.decode()
    assert html.count("inside its band") == 1 and html.count("OUTSIDE its band") == 1


def test_an_invasive_study_ordered_before_it_is_needed_costs_points(demo_keys):
    assert set(Modality.objects.filter(is_invasive=True).values_list("slug", flat=True)) == {
        "ct-myelography",
        "biopsy",
        "guided-injection",
    }
    # A lumbar puncture next to a fresh surgical field, for a haematoma MRI already shows.
    assert _score("case-day0-laminectomy-deficit", "mri:now ct-myelography:now") <= 85


def test_a_study_that_contains_another_shows_its_images_too(client):
    from quizzes.selectors import case_material
    from quizzes.services import images_for_workup

    case = make_quiz_case()
    mri = Modality.objects.get(slug="mri")
    with_gd = Modality.objects.create(
        slug="mri-gd",
        name="MRI without and with gadolinium",
        abbreviation="MRI+Gd",
        category="mri",
        radiation_level=0,
        cost_tier=3,
    )
    with_gd.contains.add(mri)
    sections = images_for_workup(case_material(case), {"mri-gd": "now"})
    assert [s["slug"] for s in sections] == ["mri-gd"]  # the MRI fallback is not repeated
    assert sections[0]["figures"] == [case.target_figure]


def test_findings_only_an_unordered_examination_shows_do_not_count():
    from quizzes.answers import Interpretation
    from quizzes.selectors import case_material
    from quizzes.services import score_interpretation

    case = make_quiz_case()
    finding = case.findings.get(key="compression")
    finding.seen_on = Modality.objects.get(slug="ct")
    finding.save()
    answer = Interpretation(("collection",), "epidural-haematoma", "high", "emergency_surgery", None, None)
    material = case_material(_fresh_case(case))
    only_mri = score_interpretation(material, answer, {"mri": "now"})[0]
    with_ct = score_interpretation(material, answer, {"mri": "now", "ct": "now"})[0]
    assert only_mri.score == 100 and with_ct.score == 50
    assert any("Not on the images you saw" in r.text for r in only_mri.reasons)


def _fresh_case(case):
    from quizzes.models import QuizCasePage

    return QuizCasePage.objects.get(pk=case.pk)
