"""The bundle manifest and zip member rules, tested without a database."""

import copy
import json

import pytest

from bundles.schema import empty_manifest, without_volatile
from bundles.validation import (
    ManifestError,
    ZipEntry,
    ZipLimits,
    member_name_problem,
    parse_manifest,
    validate_manifest,
    zip_problems,
)

SHA = "a" * 64


def a_manifest() -> dict:
    manifest = empty_manifest(exported_at="2026-01-01T00:00:00+00:00", source="Test site")
    manifest["images"] = [
        {
            "sha256": SHA,
            "file": f"images/{SHA}.png",
            "size": 120,
            "width": 64,
            "height": 48,
            "title": "Image",
            "credit": "",
            "licence": "",
            "is_schematic": True,
            "is_deidentified": False,
        }
    ]
    manifest["modalities"] = [
        {
            "slug": "mri",
            "name": "MRI",
            "abbreviation": "MRI",
            "category": "mri",
            "radiation_level": 0,
            "radiation_note": "",
            "cost_tier": 3,
            "description": "",
            "sort_order": 0,
            "is_invasive": False,
            "contains": [],
        }
    ]
    manifest["figures"] = [
        {
            "slug": "figure-1",
            "title": "Figure",
            "image": SHA,
            "modality": "mri",
            "plane": "sagittal",
            "sequence": "",
            "days_since_surgery": None,
            "surgery": None,
            "complications": [],
            "caption": "A caption.",
            "alt_text": "Alt.",
            "annotations": [],
        }
    ]
    return manifest


def problems_of(manifest) -> list[str]:
    with pytest.raises(ManifestError) as caught:
        validate_manifest(manifest)
    return caught.value.problems


def test_a_well_formed_manifest_is_accepted():
    manifest = a_manifest()
    assert validate_manifest(copy.deepcopy(manifest)) == manifest


def test_an_empty_manifest_is_valid():
    assert validate_manifest(empty_manifest(exported_at="now", source="here"))["version"] == "2"


def test_an_unknown_schema_version_is_named():
    manifest = a_manifest() | {"version": "3"}
    assert problems_of(manifest) == ["Unknown bundle schema version '3': this site reads versions '1', '2'."]


def test_a_version_1_bundle_reads_with_the_workup_roles_defaulted():
    manifest = a_manifest() | {"version": "1"}
    for record in manifest["modalities"]:
        record.pop("contains", None)
    for scenario in manifest["scenarios"]:
        for rating in scenario["ratings"]:
            for key in ("first_line_group", "first_line_credit", "condition"):
                rating.pop(key, None)
    for case in manifest["quiz_cases"]:
        case.pop("workup_samples", None)
    data = validate_manifest(manifest)
    assert all(m["contains"] == [] for m in data["modalities"])
    assert all(
        r["first_line_credit"] == 100 and r["condition"] == ""
        for s in data["scenarios"]
        for r in s["ratings"]
    )


def test_a_file_that_is_not_a_bundle_is_refused():
    assert "not a case bundle" in problems_of({"version": "1"})[0]
    assert "JSON object" in problems_of([1, 2])[0]


def test_missing_keys_are_named_with_their_place():
    manifest = a_manifest()
    del manifest["figures"][0]["caption"]
    del manifest["surgeries"]
    assert set(problems_of(manifest)) == {
        "manifest.surgeries: missing.",
        "manifest.figures[0].caption: missing.",
    }


def test_wrong_types_are_named_with_what_was_expected():
    manifest = a_manifest()
    manifest["figures"][0]["days_since_surgery"] = "3"
    manifest["images"][0]["is_schematic"] = 1
    manifest["modalities"][0]["cost_tier"] = True
    assert set(problems_of(manifest)) == {
        "manifest.figures[0].days_since_surgery: must be an integer, not a string.",
        "manifest.images[0].is_schematic: must be true or false, not a number.",
        "manifest.modalities[0].cost_tier: must be an integer, not true/false.",
    }


def test_keys_outside_the_schema_are_refused():
    manifest = a_manifest()
    manifest["figures"][0]["colour"] = "red"
    assert problems_of(manifest) == ["manifest.figures[0].colour: not part of schema version 2."]


@pytest.mark.parametrize(
    ("key", "value", "expected"),
    [
        ("sha256", "ABC", "must be 64 lowercase hexadecimal characters"),
        ("file", f"images/{'b' * 64}.png", "images[0].file: must be images/"),
        ("file", f"images/{SHA}.gif", "images[0].file: must be images/"),
        ("width", 0, "images[0].width: must be a positive number"),
        ("size", -1, "images[0].size: must be a positive number"),
    ],
)
def test_image_entries_need_a_sha256_a_matching_file_and_positive_sizes(key, value, expected):
    manifest = a_manifest()
    manifest["images"][0][key] = value
    assert any(expected in problem for problem in problems_of(manifest))


def test_duplicate_and_malformed_slugs_are_refused():
    manifest = a_manifest()
    manifest["figures"].append(dict(manifest["figures"][0]))
    manifest["modalities"][0]["slug"] = "m r i"
    problems = problems_of(manifest)
    assert "figures[1].slug: 'figure-1' appears twice." in problems
    assert any("modalities[0].slug: 'm r i' is not a slug" in p for p in problems)


def test_references_must_point_inside_the_bundle():
    manifest = a_manifest()
    manifest["figures"][0]["modality"] = "pet"
    manifest["figures"][0]["complications"] = ["seroma"]
    assert set(problems_of(manifest)) == {
        "figures[0] (figure-1).modality: 'pet' is not in the bundle's modalities.",
        "figures[0] (figure-1).complications: 'seroma' is not in the bundle's complications.",
    }


def test_broken_json_is_reported_with_its_position():
    with pytest.raises(ManifestError, match=r"not valid JSON: .* line 1, column 2"):
        parse_manifest(b"{oops")


def test_text_that_is_not_utf8_is_refused():
    with pytest.raises(ManifestError, match="not UTF-8"):
        parse_manifest(b"\xff\xfe{}")


def test_parse_manifest_reads_what_empty_manifest_writes():
    manifest = a_manifest()
    assert parse_manifest(json.dumps(manifest).encode()) == manifest


def test_without_volatile_drops_only_the_export_time_and_source():
    manifest = a_manifest()
    assert set(manifest) - set(without_volatile(manifest)) == {"exported_at", "source"}


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("../evil", "escapes the bundle folder"),
        ("images/../../evil.png", "escapes the bundle folder"),
        ("/etc/passwd", "absolute path"),
        ("\\windows\\evil", "absolute path"),
        ("C:/evil.png", "absolute path"),
        ("images\\evil.png", "backslash"),
        ("images/evil.png", "not expected"),
        (f"images/{SHA}.exe", "not expected"),
        ("notes.txt", "not expected"),
    ],
)
def test_unsafe_or_unexpected_member_names_are_refused(name, expected):
    assert expected in member_name_problem(name)


@pytest.mark.parametrize("name", ["manifest.json", f"images/{SHA}.png", f"images/{SHA}.jpg"])
def test_manifest_and_hashed_images_are_the_only_members_allowed(name):
    assert member_name_problem(name) is None


def entry(name="manifest.json", size=100, compressed=50, **flags) -> ZipEntry:
    return ZipEntry(name=name, file_size=size, compress_size=compressed, **flags)


def test_a_plain_bundle_has_no_zip_problems():
    assert zip_problems([entry(), entry(f"images/{SHA}.png", 1000, 1000)]) == []


def test_a_zip_without_manifest_is_refused():
    assert zip_problems([entry(f"images/{SHA}.png")]) == ["The bundle has no manifest.json."]


def test_too_many_members_are_refused_before_anything_else():
    problems = zip_problems([entry()] * 5, limits=ZipLimits(max_members=4))
    assert problems == ["The bundle has 5 files; at most 4 are accepted."]


def test_symlinks_and_encrypted_members_are_refused():
    problems = zip_problems([entry(), entry(f"images/{SHA}.png", is_symlink=True)])
    assert problems == [f"'images/{SHA}.png' is a symbolic link."]
    assert "encrypted" in zip_problems([entry(is_encrypted=True)])[0]


def test_a_member_compressed_suspiciously_well_is_refused():
    problems = zip_problems([entry(size=1_000_000, compressed=1_000)])
    assert problems == ["'manifest.json' is compressed suspiciously well (a zip bomb?)."]


def test_oversized_members_and_totals_are_refused():
    limits = ZipLimits(max_total_bytes=1500, max_image_bytes=1000)
    problems = zip_problems([entry(), entry(f"images/{SHA}.png", 2000, 2000)], limits=limits)
    assert any("at most 1000 are accepted" in p for p in problems)
    assert any("unpacks to 2100 bytes" in p for p in problems)


def test_duplicate_members_are_refused():
    assert "'manifest.json' appears twice." in zip_problems([entry(), entry()])


@pytest.mark.parametrize("module", ["schema.py", "validation.py"])
def test_the_format_modules_import_no_django(module):
    import ast
    from pathlib import Path

    source = Path(__file__).resolve().parents[2] / "bundles" / module
    imported = set()
    for node in ast.walk(ast.parse(source.read_text())):
        if isinstance(node, ast.Import):
            imported |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            imported.add(node.module.split(".")[0])
    assert not imported & {"django", "wagtail", "modelcluster", "PIL"}
