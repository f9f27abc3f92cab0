"""Integrity of the demo clinical content (core.demo_data): plain data, no Django, no database.

Checks that every slug is unique and every reference resolves, that the ratings follow the rules of the domain
brief (including the ranges that section 0.2 of the brief asks for), that the quiz cases are answerable, and that
every schematic drawing is accepted by imaging.schematic.render_figure.
"""

import re
from collections import Counter

import pytest

from core.demo_data import atlas_content as atlas
from core.demo_data import quiz_content as quiz
from imaging.schematic import render_figure
from quizzes import scoring

ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]{0,40}$")
SLUG_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")

CATEGORIES = {
    "haemorrhage",
    "neurological",
    "csf-and-fluid",
    "infection",
    "hardware",
    "fusion",
    "degenerative-mechanical",
    "vascular-thrombotic",
    "fracture",
    "technical-failure",
}
URGENCIES = {"emergency", "urgent", "non_urgent"}
MODALITY_CATEGORIES = {"radiography", "ct", "mri", "nuclear", "ultrasound", "procedure"}
STYLES = {"mri_t2", "mri_t1", "mri_t1_gd", "stir", "ct", "xr", "spect", "pet", "us"}
STYLES_BY_CATEGORY = {
    "radiography": {"xr"},
    "ct": {"ct"},
    "mri": {"mri_t2", "mri_t1", "mri_t1_gd", "stir"},
    "nuclear": {"spect", "pet"},
    "ultrasound": {"us"},
}
FINDING_KINDS = {
    "epidural_haematoma",
    "pseudohernia",
    "recurrent_herniation",
    "epidural_fibrosis",
    "pseudomeningocele",
    "seroma",
    "epidural_abscess",
    "paraspinal_abscess",
    "spondylodiscitis",
    "screw_breach_medial",
    "screw_halo",
    "rod_fracture",
    "screw_fracture",
    "cage_retropulsion",
    "cage_subsidence",
    "pseudarthrosis",
    "arachnoiditis_clumping",
    "arachnoiditis_empty_sac",
    "adjacent_segment_disease",
    "cord_ischaemia",
    "sacral_insufficiency_fracture",
    "pars_fracture",
    "spondylolisthesis",
    "residual_stenosis",
    "facet_effusion",
    "fat_graft",
    "dvt",
    "hot_spot",
    "normal",
}
DRAWN_SURGERY = {
    "lumbar-discectomy": "discectomy",
    "decompression-for-stenosis": "laminectomy",
    "posterior-instrumented-fusion": "fusion",
    "interbody-fusion-plif-tlif": "tlif",
}
# Modalities that have no schematic (procedures, brain, vessels): a case cannot show images for them.
NOT_DRAWABLE = {"biopsy", "guided-injection", "brain-mri-gd", "brain-ct", "ct-angiography"}
NEXT_STEPS = set(scoring.NEXT_STEPS)
# Words that would give the diagnosis away in a case title.
REVEALING_WORDS = (
    "haematoma",
    "ischaemia",
    "infarct",
    "breach",
    "leak",
    "pseudomeningocele",
    "seroma",
    "infection",
    "abscess",
    "spondylodiscitis",
    "fracture",
    "pseudarthrosis",
    "nonunion",
    "adjacent",
    "instability",
    "arachnoiditis",
    "herniation",
    "fibrosis",
    "scar",
)

SURGERY_SLUGS = {s["slug"] for s in atlas.SURGERIES}
COMPLICATIONS = {c["slug"]: c for c in atlas.COMPLICATIONS}
MODALITIES = {m["slug"]: m for m in atlas.MODALITIES}
SCENARIOS = {s["slug"]: s for s in atlas.SCENARIOS}
ENTRIES = {e["slug"]: e for e in atlas.ENTRIES}
ATLAS_FIGURES = [f for e in atlas.ENTRIES for f in e["figures"]]
ALL_FIGURES = ATLAS_FIGURES + quiz.EXTRA_FIGURES
FIGURES = {f["slug"]: f for f in ALL_FIGURES}
CASES = {c["slug"]: c for c in quiz.CASES}


def _category(rating: int) -> str:
    return "usually appropriate" if rating >= 7 else "may be appropriate" if rating >= 4 else "usually not"


def _rating(scenario_slug: str, modality: str) -> dict:
    return next(r for r in SCENARIOS[scenario_slug]["ratings"] if r["modality"] == modality)


def _effective_ratings(case: dict) -> dict[str, dict]:
    ratings = {r["modality"]: r for r in SCENARIOS[case["scenario"]]["ratings"]}
    ratings.update({r["modality"]: r for r in case["rating_overrides"]})
    return ratings


# Uniqueness and shapes ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name,items",
    [
        ("surgeries", atlas.SURGERIES),
        ("complications", atlas.COMPLICATIONS),
        ("modalities", atlas.MODALITIES),
        ("scenarios", atlas.SCENARIOS),
        ("entries", atlas.ENTRIES),
        ("figures", ALL_FIGURES),
        ("modules", quiz.MODULES),
        ("cases", quiz.CASES),
    ],
)
def test_slugs_are_unique_and_well_formed(name, items):
    slugs = [item["slug"] for item in items]
    duplicates = [slug for slug, n in Counter(slugs).items() if n > 1]
    assert not duplicates, f"duplicate {name} slugs: {duplicates}"
    bad = [slug for slug in slugs if not SLUG_RE.match(slug)]
    assert not bad, f"malformed {name} slugs: {bad}"


def test_the_four_surgeries():
    assert [s["slug"] for s in atlas.SURGERIES] == [
        "lumbar-discectomy",
        "decompression-for-stenosis",
        "posterior-instrumented-fusion",
        "interbody-fusion-plif-tlif",
    ]
    for surgery in atlas.SURGERIES:
        assert surgery["name"] and surgery["short_name"] and surgery["description"]


def test_complications():
    assert 22 <= len(atlas.COMPLICATIONS) <= 32
    for c in atlas.COMPLICATIONS:
        assert c["category"] in CATEGORIES, c["slug"]
        assert c["urgency"] in URGENCIES, c["slug"]
        assert isinstance(c["onset_min_days"], int) and c["onset_min_days"] >= 0, c["slug"]
        if c["onset_max_days"] is not None:
            assert c["onset_max_days"] >= c["onset_min_days"], c["slug"]
        assert c["name"] and c["timing_note"] and c["summary"], c["slug"]
        assert c["surgeries"] and set(c["surgeries"]) <= SURGERY_SLUGS, c["slug"]
    assert COMPLICATIONS["epidural-haematoma"]["urgency"] == "emergency"
    assert COMPLICATIONS["pseudarthrosis"]["onset_min_days"] >= 365


def test_modalities():
    required = {
        "xr-standing",
        "xr-dynamic",
        "ct",
        "ct-contrast",
        "mri",
        "mri-gd",
        "ct-myelography",
        "bone-scan-spect",
        "fdg-pet",
        "leukocyte-scan",
        "gallium",
        "ultrasound",
        "biopsy",
        "brain-mri-gd",
        "ct-angiography",
        "guided-injection",
    }
    assert required <= set(MODALITIES)
    for m in atlas.MODALITIES:
        assert m["category"] in MODALITY_CATEGORIES, m["slug"]
        assert m["radiation_level"] in range(5), m["slug"]
        assert m["cost_tier"] in range(1, 5), m["slug"]
        assert m["schematic_style"] in STYLES, m["slug"]
        assert m["name"] and m["abbreviation"] and m["description"], m["slug"]
        if m["category"] in {"mri", "ultrasound"}:
            assert m["radiation_level"] == 0, m["slug"]


# Scenarios and ratings -----------------------------------------------------------------------------------


def test_scenarios_cover_section_c():
    codes = [s["code"] for s in atlas.SCENARIOS]
    expected = [f"C.{n}" for n in (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 14, 15, 16, 18)]
    assert codes == expected


@pytest.mark.parametrize("scenario", atlas.SCENARIOS, ids=lambda s: s["code"])
def test_scenario_integrity(scenario):
    assert scenario["urgency"] in URGENCIES
    assert set(scenario["surgeries"]) <= SURGERY_SLUGS and scenario["surgeries"]
    assert scenario["likely_diagnoses"] and set(scenario["likely_diagnoses"]) <= set(COMPLICATIONS)
    assert isinstance(scenario["days_since_surgery"], int) and scenario["days_since_surgery"] >= 0
    for key in (
        "title",
        "presentation",
        "timing",
        "other_diagnoses_text",
        "ideal_order_text",
        "radiation_note",
    ):
        assert scenario[key], key
    rated = [r["modality"] for r in scenario["ratings"]]
    assert Counter(rated) == Counter(list(MODALITIES)), "every modality must be rated exactly once"
    for r in scenario["ratings"]:
        assert 1 <= r["low"] <= r["rating"] <= r["high"] <= 9, r
        assert r["reason"], r
    assert max(r["rating"] for r in scenario["ratings"]) >= 7
    assert scenario["ideal_order"], "an ideal order is required"
    for slug in scenario["ideal_order"]:
        assert slug in MODALITIES, slug
        assert _rating(scenario["slug"], slug)["rating"] >= 4, slug


@pytest.mark.parametrize(
    "scenario,modality,low,high",
    [
        ("c1-deficit-within-24h-of-decompression", "mri-gd", 5, 7),
        ("c2-radicular-deficit-after-screw-fixation", "mri", 6, 7),
        ("c5-fluctuant-swelling-day-10", "biopsy", 3, 4),
        ("c6-fever-wound-discharge-after-fusion", "biopsy", 5, 6),
        ("c6-fever-wound-discharge-after-fusion", "ct-contrast", 5, 6),
        ("c9-unchanged-leg-pain-after-discectomy", "mri-gd", 4, 5),
        ("c14-sacral-pain-weeks-after-lumbosacral-fusion", "ct", 8, 9),
        ("c14-sacral-pain-weeks-after-lumbosacral-fusion", "xr-standing", 5, 6),
        ("c16-burning-leg-pain-after-repeated-surgery", "xr-standing", 3, 4),
    ],
)
def test_ranges_from_the_clinical_review(scenario, modality, low, high):
    r = _rating(scenario, modality)
    assert (r["low"], r["high"]) == (low, high)


def test_clinical_review_fixed_values():
    assert _rating("c6-fever-wound-discharge-after-fusion", "fdg-pet")["rating"] == 5
    assert _rating("c7-rest-pain-rising-crp-after-discectomy", "fdg-pet")["rating"] == 5
    assert _rating("c14-sacral-pain-weeks-after-lumbosacral-fusion", "mri")["rating"] == 9
    assert _rating("c1-deficit-within-24h-of-decompression", "mri")["rating"] == 9
    assert _rating("c2-radicular-deficit-after-screw-fixation", "ct")["rating"] == 9


@pytest.mark.parametrize(
    "scenario", ["c6-fever-wound-discharge-after-fusion", "c7-rest-pain-rising-crp-after-discectomy"]
)
def test_infection_scenarios_accept_either_category_for_nuclear_medicine(scenario):
    for modality in ("bone-scan-spect", "gallium", "fdg-pet"):
        r = _rating(scenario, modality)
        assert _category(r["low"]) != _category(r["high"]), modality
    assert "EANM" in SCENARIOS[scenario]["guideline_note"]
    assert "ACR" in SCENARIOS[scenario]["guideline_note"]
    assert _rating(scenario, "leukocyte-scan")["rating"] <= 3


# Atlas entries and figures -------------------------------------------------------------------------------


def test_entry_counts():
    assert len(atlas.ENTRIES) >= 14
    assert sum(e["kind"] == "normal" for e in atlas.ENTRIES) >= 2


@pytest.mark.parametrize("entry", atlas.ENTRIES, ids=lambda e: e["slug"])
def test_entry_integrity(entry):
    assert entry["kind"] in {"normal", "complication"}
    if entry["kind"] == "normal":
        assert entry["complication"] is None
    else:
        assert entry["complication"] in COMPLICATIONS
    assert entry["surgeries"] and set(entry["surgeries"]) <= SURGERY_SLUGS
    assert entry["urgency"] in URGENCIES
    for key in ("title", "summary", "timing", "presentation"):
        assert entry[key], key
    assert entry["red_flags"] and entry["pitfalls"] and entry["differentials"] and entry["references"]
    assert entry["findings_by_modality"]
    for item in entry["findings_by_modality"]:
        assert item["modality"] in MODALITIES and item["text"]
    assert len(entry["scenarios"]) >= 1 and set(entry["scenarios"]) <= set(SCENARIOS)
    assert len(entry["figures"]) >= 2


@pytest.mark.parametrize("figure", ALL_FIGURES, ids=lambda f: f["slug"])
def test_figure_integrity(figure):
    drawing = figure["drawing"]
    assert figure["modality"] in MODALITIES
    assert figure["surgery"] in SURGERY_SLUGS
    assert set(figure["complications"]) <= set(COMPLICATIONS)
    assert figure["plane"] in {"sagittal", "axial", "coronal"}
    assert drawing["view"] == figure["plane"]
    assert drawing["style"] in STYLES_BY_CATEGORY[MODALITIES[figure["modality"]]["category"]]
    assert drawing["surgery"] == DRAWN_SURGERY[figure["surgery"]]
    assert isinstance(figure["days_since_surgery"], int) and figure["days_since_surgery"] >= 0
    assert figure["title"] and figure["caption"]
    assert 0 < len(figure["alt_text"].strip()) <= 250
    ids = [f["id"] for f in drawing["findings"]]
    assert len(ids) == len(set(ids)), "finding ids must be unique within a figure"
    assert drawing["findings"], "every drawing lists at least one finding (use kind 'normal' for none)"
    caption = figure["caption"].lower()
    for finding in drawing["findings"]:
        assert finding["kind"] in FINDING_KINDS, finding
        assert ID_RE.match(finding["id"]), finding["id"]
        assert 0 < len(finding["label"]) <= 80
        assert len(finding.get("note", "")) <= 300
        words = [w for w in re.findall(r"[a-z0-9]+", finding["label"].lower()) if len(w) > 3]
        assert any(w in caption for w in words), f"caption should use the words of label {finding['label']!r}"


@pytest.mark.parametrize("figure", ALL_FIGURES, ids=lambda f: f["slug"])
def test_every_drawing_renders(figure):
    image, annotations = render_figure(figure["drawing"], (320, 320))
    assert image.size == (320, 320)
    drawn = {a["id"] for a in annotations}
    for finding in figure["drawing"]["findings"]:
        if finding["kind"] != "normal":
            assert finding["id"] in drawn, finding["id"]
    if figure["drawing"].get("anatomy_labels"):
        assert len(annotations) > len([f for f in figure["drawing"]["findings"] if f["kind"] != "normal"])


# Quiz -----------------------------------------------------------------------------------------------------


def test_quiz_counts():
    assert len(quiz.MODULES) >= 3
    assert len(quiz.CASES) >= 8


def test_modules():
    in_modules = [slug for module in quiz.MODULES for slug in module["cases"]]
    assert Counter(in_modules) == Counter(list(CASES)), "each case belongs to exactly one module"
    for module in quiz.MODULES:
        assert module["title"] and module["aim"]
        assert 3 <= len(module["cases"]) <= 4, module["slug"]


def test_cases_cover_the_required_scenarios():
    covered = {SCENARIOS[c["scenario"]]["code"] for c in quiz.CASES}
    assert {"C.1", "C.2", "C.3", "C.6", "C.7", "C.8", "C.11", "C.13", "C.14"} <= covered
    assert covered & {"C.4", "C.5"}


@pytest.mark.parametrize("case", quiz.CASES, ids=lambda c: c["slug"])
def test_case_integrity(case):
    assert case["scenario"] in SCENARIOS
    assert case["surgery"] in SURGERY_SLUGS
    assert case["sex"] in {"female", "male"}
    assert 18 <= case["age"] <= 100
    assert isinstance(case["days_since_surgery"], int) and case["days_since_surgery"] >= 0
    for key in ("title", "operation", "level", "symptoms", "examination", "fallback_note"):
        assert case[key], key
    assert isinstance(case["labs"], str)
    title = case["title"].lower()
    assert not [w for w in REVEALING_WORDS if w in title], "the title must not reveal the diagnosis"

    for override in case["rating_overrides"]:
        assert override["modality"] in MODALITIES
        assert 1 <= override["low"] <= override["rating"] <= override["high"] <= 9
        assert override["reason"]

    images = case["images"]
    assert images and set(images) <= set(MODALITIES)
    for modality, slugs in images.items():
        assert slugs, modality
        for slug in slugs:
            assert slug in FIGURES, slug
            assert FIGURES[slug]["modality"] == modality, slug
    ratings = _effective_ratings(case)
    for modality, r in ratings.items():
        if r["rating"] >= 8 and modality not in NOT_DRAWABLE:
            assert modality in images, f"{modality} is rated {r['rating']} but has no image"
    assert any(r["rating"] < 8 for m, r in ratings.items() if m in images), (
        "show some lower-rated examinations too"
    )

    assert case["fallback_modality"] in images
    assert ratings[case["fallback_modality"]]["rating"] >= 7

    true = [f for f in case["findings"] if f["correct"]]
    false = [f for f in case["findings"] if not f["correct"]]
    assert 2 <= len(true) <= 4 and 3 <= len(false) <= 4
    assert len({f["slug"] for f in case["findings"]}) == len(case["findings"])
    for f in case["findings"]:
        assert f["text"] and f["why"]

    diagnoses = case["diagnoses"]
    assert 3 <= len(diagnoses) <= 5
    assert [d["credit"] for d in diagnoses].count(100) == 1
    assert len({d["complication"] for d in diagnoses}) == len(diagnoses)
    for d in diagnoses:
        assert d["complication"] in COMPLICATIONS
        assert 0 <= d["credit"] <= 100 and d["why"]
    correct = next(d["complication"] for d in diagnoses if d["credit"] == 100)
    assert correct in SCENARIOS[case["scenario"]]["likely_diagnoses"]

    target = case["target"]
    assert target["figure"] in images[case["fallback_modality"]]
    figure = FIGURES[target["figure"]]
    assert figure["drawing"]["anatomy_labels"] is True
    assert target["annotation"] in {f["id"] for f in figure["drawing"]["findings"] if f["kind"] != "normal"}

    step = case["next_step"]
    assert step["answer"] in NEXT_STEPS and step["why"]
    assert set(step["partial"]) <= NEXT_STEPS - {step["answer"]}
    assert all(0 <= v < 100 for v in step["partial"].values())

    assert 3 <= len(case["teaching_points"]) <= 8
    assert case["atlas_entries"] and set(case["atlas_entries"]) <= set(ENTRIES)


# Field lengths (the database columns that the loader fills) ----------------------------------------------

LIMITS = [
    (atlas.SURGERIES, {"name": 120, "short_name": 40}),
    (atlas.COMPLICATIONS, {"name": 120, "timing_note": 200, "summary": 300}),
    (atlas.MODALITIES, {"name": 120, "abbreviation": 20, "radiation_note": 80, "description": 300}),
    (atlas.SCENARIOS, {"code": 10, "title": 200, "timing": 120, "radiation_note": 200}),
    ([r for s in atlas.SCENARIOS for r in s["ratings"]], {"reason": 300}),
    (atlas.ENTRIES, {"title": 200, "timing": 200}),
    (ALL_FIGURES, {"title": 200, "sequence": 80, "alt_text": 250}),
    (quiz.MODULES, {"title": 200, "aim": 300}),
    (quiz.CASES, {"title": 200, "operation": 200, "level": 20, "fallback_note": 200}),
    ([c["next_step"] for c in quiz.CASES], {"why": 300}),
    ([f for c in quiz.CASES for f in c["findings"]], {"slug": 60, "text": 200, "why": 300}),
    ([d for c in quiz.CASES for d in c["diagnoses"]], {"why": 300}),
    ([o for c in quiz.CASES for o in c["rating_overrides"]], {"reason": 300}),
]


@pytest.mark.parametrize("items,limits", LIMITS)
def test_field_lengths_fit_the_database(items, limits):
    too_long = [
        (item.get("slug", item.get("modality", "")), key, len(item[key]))
        for item in items
        for key, limit in limits.items()
        if len(item[key]) > limit
    ]
    assert not too_long
