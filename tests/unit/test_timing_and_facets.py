"""Timing windows and facet parsing: pure modules of the atlas."""

import pytest

from atlas.facets import parse_facets
from atlas.timing import TIMING_WINDOWS, describe_days, window_for_days, windows_overlapping

OPTIONS = {
    "surgery": {"lumbar-discectomy": "Discectomy", "fusion": "Fusion"},
    "complication": {"epidural-haematoma": "Epidural haematoma"},
    "modality": {"mri": "MRI"},
    "timing": {w.slug: w.label for w in TIMING_WINDOWS},
    "urgency": {"emergency": "Emergency"},
}


@pytest.mark.parametrize(
    "days, slug",
    [
        (0, "first-72-hours"),
        (2, "first-72-hours"),
        (3, "1-to-6-weeks"),
        (41, "1-to-6-weeks"),
        (42, "6-weeks-to-6-months"),
        (200, "6-to-12-months"),
        (365, "over-12-months"),
        (4000, "over-12-months"),
    ],
)
def test_each_day_falls_in_exactly_one_window(days, slug):
    assert window_for_days(days).slug == slug
    assert sum(w.contains(days) for w in TIMING_WINDOWS) == 1


def test_no_window_for_unknown_or_negative_days():
    assert window_for_days(None) is None
    assert window_for_days(-1) is None


def test_an_open_ended_onset_reaches_the_last_window():
    assert [w.slug for w in windows_overlapping(365, None)] == ["over-12-months"]
    assert [w.slug for w in windows_overlapping(0, 5)] == ["first-72-hours", "1-to-6-weeks"]


def test_days_are_described_in_clinical_words():
    assert describe_days(1) == "day 1"
    assert describe_days(21) == "3 weeks"
    assert describe_days(180) == "6 months"
    assert describe_days(6 * 365) == "6 years"


def test_known_values_are_kept_and_unknown_ones_reported():
    selection = parse_facets({"surgery": ["fusion", "bogus"], "modality": ["mri"]}, OPTIONS)
    assert selection.selected == {"surgery": ["fusion"], "modality": ["mri"]}
    assert selection.ignored == ["Ignored unknown surgery “bogus”."]


def test_unknown_parameters_and_overlong_values_never_raise():
    selection = parse_facets({"colour": ["red"], "urgency": ["x" * 5000]}, OPTIONS)
    assert selection.is_empty()
    assert any("colour" in note for note in selection.ignored)
    assert any("urgency" in note for note in selection.ignored)


def test_the_query_string_is_canonical_and_drops_duplicates():
    selection = parse_facets({"modality": ["mri", "mri"], "surgery": ["fusion"]}, OPTIONS)
    assert selection.query_string() == "surgery=fusion&modality=mri"
