"""Case bundles: export, import into another site, never overwrite local edits, refuse hostile zips."""

import hashlib
import io
import json
import struct
import zipfile
import zlib

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.urls import reverse

from atlas.models import (
    AtlasEntryPage,
    AtlasImage,
    AtlasIndexPage,
    ClinicalScenario,
    Complication,
    Figure,
    Modality,
    ScenarioRating,
    Surgery,
)
from bundles.export import bundle_export
from bundles.importer import LOCAL_KEPT, UNCHANGED, bundle_import
from bundles.schema import without_volatile
from bundles.validation import BundleError
from learners.models import User
from quizzes.models import QuizCasePage, QuizIndexPage, QuizModulePage
from tests.factories import make_entry, make_figure, make_quiz_case, make_scenario, png_bytes

pytestmark = pytest.mark.django_db


def export_everything(**kwargs) -> bytes:
    """These tests are about the bundle's contents: drafts and answer keys included (their choice is tested in
    test_bundle_export_choices.py)."""
    return bundle_export(include_drafts=True, include_answer_keys=True, **kwargs)


CONTENT_MODELS = (Surgery, Complication, Modality, ClinicalScenario, Figure, AtlasImage)


@pytest.fixture
def content():
    """An atlas entry and a quiz module whose case links to the entry."""
    case = make_quiz_case()
    entry = make_entry(figures=[make_figure(slug="entry-figure")], scenarios=[make_scenario(slug="c2")])
    case.atlas_entries.add(entry)
    # The workup key's roles and graded samples travel too (schema version 2).
    ScenarioRating.objects.filter(scenario=case.scenario, modality__slug="mri").update(first_line_group=1)
    ScenarioRating.objects.filter(scenario=case.scenario, modality__slug="ct").update(
        condition="if MRI is impossible"
    )
    Modality.objects.get(slug="ct").contains.add(Modality.objects.get(slug="xr"))
    case.workup_samples.create(kind="concordant", order="mri:now", band_low=90, band_high=100, note="Key.")
    case.save_revision().publish()
    return {"entry": entry, "module": case.get_parent().specific, "case": case}


def test_the_workup_roles_and_samples_travel_in_the_bundle(content):
    data = export_everything(pages=[content["case"]])
    manifest = manifest_of(data)
    scenario = next(s for s in manifest["scenarios"] if s["slug"] == content["case"].scenario.slug)
    ratings = {r["modality"]: r for r in scenario["ratings"]}
    assert ratings["mri"]["first_line_group"] == 1 and ratings["ct"]["condition"] == "if MRI is impossible"
    assert {m["slug"]: m["contains"] for m in manifest["modalities"]}["ct"] == ["xr"]
    assert manifest["quiz_cases"][0]["workup_samples"][0]["order"] == "mri:now"
    flush_content()
    bundle_import(data=data)
    assert QuizCasePage.objects.get(slug=content["case"].slug).workup_samples.get().band_low == 90
    assert list(Modality.objects.get(slug="ct").contains.values_list("slug", flat=True)) == ["xr"]


def manifest_of(data: bytes) -> dict:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return json.loads(archive.read("manifest.json"))


def counts() -> dict[str, int]:
    models = (*CONTENT_MODELS, AtlasEntryPage, QuizModulePage, QuizCasePage)
    return {model.__name__: model.objects.count() for model in models}


def flush_content() -> None:
    """Leave the database as a new site's: a home page and nothing else."""
    for index in [*AtlasIndexPage.objects.all(), *QuizIndexPage.objects.all()]:
        index.delete()
    for model in (Figure, ClinicalScenario, AtlasImage, Complication, Surgery, Modality):
        model.objects.all().delete()
    assert set(counts().values()) == {0}


def rezip(data: bytes, *, manifest=None, members: dict | None = None, drop: tuple = ()) -> bytes:
    """A copy of a bundle with its manifest replaced, members added or replaced, some dropped."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(buffer, "w") as target:
        for info in source.infolist():
            if info.filename in drop or info.filename in (members or {}):
                continue
            body = source.read(info)
            if info.filename == "manifest.json" and manifest is not None:
                body = manifest if isinstance(manifest, bytes) else json.dumps(manifest).encode()
            target.writestr(info, body)
        for name, body in (members or {}).items():
            target.writestr(name, body)
    return buffer.getvalue()


def with_image(data: bytes, body: bytes, *, width: int, height: int) -> bytes:
    """The bundle with its first image replaced by `body`, declared with honest sha256 and size."""
    manifest = manifest_of(data)
    old = manifest["images"][0]
    sha = hashlib.sha256(body).hexdigest()
    new = {
        **old,
        "sha256": sha,
        "file": f"images/{sha}.png",
        "size": len(body),
        "width": width,
        "height": height,
    }
    manifest["images"][0] = new
    for figure in manifest["figures"]:
        if figure["image"] == old["sha256"]:
            figure["image"] = sha
    return rezip(data, manifest=manifest, members={new["file"]: body}, drop=(old["file"],))


def bomb_png(width: int = 20000, height: int = 20000) -> bytes:
    """A 1-bit PNG of `width` x `height` black pixels: 50 MB of pixels in a few tens of kilobytes."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    compressor = zlib.compressobj(9)
    row = b"\x00" * (1 + (width + 7) // 8)
    pixels = b"".join(compressor.compress(row) for _ in range(height)) + compressor.flush()
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")


# Export and round trip ---------------------------------------------------------------------------


def test_export_carries_the_pages_with_their_figures_scenarios_taxonomy_and_images(content):
    data = export_everything(pages=[content["module"]])
    manifest = manifest_of(data)
    assert [c["slug"] for c in manifest["quiz_cases"]] == ["case-1"]
    assert [e["slug"] for e in manifest["atlas_entries"]] == [content["entry"].slug]
    assert {"c1-test", "c2"} <= {s["slug"] for s in manifest["scenarios"]}
    assert "entry-figure" in {f["slug"] for f in manifest["figures"]}
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert sorted(archive.namelist()) == sorted(
            ["manifest.json", *(i["file"] for i in manifest["images"])]
        )


def test_export_with_no_pages_takes_all_published_content(content):
    draft = make_entry(slug="draft-entry")
    draft.unpublish()
    manifest = manifest_of(bundle_export(include_answer_keys=True))
    assert {e["slug"] for e in manifest["atlas_entries"]} == {content["entry"].slug}
    assert [m["slug"] for m in manifest["quiz_modules"]] == ["emergencies"]
    without_keys = manifest_of(bundle_export())
    assert without_keys["quiz_modules"] == [] and without_keys["quiz_cases"] == []


def test_round_trip_into_an_empty_database_gives_the_same_manifest(content):
    pages = [content["module"], content["entry"]]
    first = export_everything(pages=pages)
    flush_content()

    report = bundle_import(data=first)

    assert report.skipped == [] and report.updated == []
    again = export_everything(
        pages=[
            QuizModulePage.objects.get(slug="emergencies"),
            AtlasEntryPage.objects.get(slug=content["entry"].slug),
        ]
    )
    assert without_volatile(manifest_of(again)) == without_volatile(manifest_of(first))


def test_imported_pages_are_drafts_waiting_for_review(content):
    data = export_everything(pages=[content["case"]])
    flush_content()
    bundle_import(data=data)
    case = QuizCasePage.objects.get(slug="case-1")
    assert not case.live
    assert case.get_latest_revision() is not None


def test_importing_twice_changes_nothing_the_second_time(content):
    data = export_everything(pages=[content["module"], content["entry"]])
    flush_content()
    bundle_import(data=data)
    before = counts()

    report = bundle_import(data=data)

    assert report.created == [] and report.updated == []
    assert {item.note for item in report.skipped} == {UNCHANGED}
    assert counts() == before


def test_a_local_edit_is_kept_and_reported(content):
    data = export_everything(pages=[content["entry"]])
    Figure.objects.filter(slug="entry-figure").update(caption="Edited here.")

    report = bundle_import(data=data)

    assert Figure.objects.get(slug="entry-figure").caption == "Edited here."
    assert [str(item) for item in report.skipped if item.note == LOCAL_KEPT] == [
        f"figure entry-figure: {LOCAL_KEPT}"
    ]
    assert report.created == []


def test_new_cases_in_an_existing_module_are_added_and_the_module_reported_updated(content):
    data = export_everything(pages=[content["module"]])
    content["case"].delete()

    report = bundle_import(data=data)

    assert [str(item) for item in report.updated] == ["quiz module emergencies: new cases added: case-1"]
    assert QuizCasePage.objects.get(slug="case-1").get_parent().slug == "emergencies"


def test_the_commands_export_and_import_a_bundle(content, tmp_path, capsys):
    target = tmp_path / "out.zip"
    call_command("export_bundle", "--page", content["entry"].slug, "--include-drafts", "-o", str(target))
    flush_content()
    call_command("import_bundle", str(target))
    output = capsys.readouterr().out
    assert f"created: atlas entry {content['entry'].slug}" in output
    assert AtlasEntryPage.objects.filter(slug=content["entry"].slug).exists()


# Hostile bundles -------------------------------------------------------------------------------


@pytest.fixture
def bundle(content) -> bytes:
    data = export_everything(pages=[content["module"], content["entry"]])
    flush_content()
    return data


def refused(data: bytes) -> str:
    with pytest.raises(BundleError) as caught:
        bundle_import(data=data)
    assert set(counts().values()) == {0}, "something was half-imported"
    return " ".join(caught.value.problems)


def test_a_member_escaping_the_folder_is_refused(bundle):
    assert "escapes the bundle folder" in refused(rezip(bundle, members={"../evil": b"x"}))


def test_an_absolute_path_is_refused(bundle):
    assert "absolute path" in refused(rezip(bundle, members={"/tmp/evil.png": b"x"}))


def test_a_symlink_member_is_refused(bundle):
    buffer = io.BytesIO(rezip(bundle))
    with zipfile.ZipFile(buffer, "a") as archive:
        info = zipfile.ZipInfo(f"images/{'c' * 64}.png")
        info.external_attr = 0o120777 << 16
        archive.writestr(info, "/etc/passwd")
    assert "symbolic link" in refused(buffer.getvalue())


def test_an_unknown_schema_version_is_refused(bundle):
    manifest = manifest_of(bundle) | {"version": "99"}
    assert "Unknown bundle schema version '99'" in refused(rezip(bundle, manifest=manifest))


def test_broken_json_is_refused(bundle):
    assert "not valid JSON" in refused(rezip(bundle, manifest=b'{"format": '))


def test_an_image_whose_sha256_does_not_match_is_refused(bundle):
    manifest = manifest_of(bundle)
    name = manifest["images"][0]["file"]
    tampered = png_bytes(64, 48, colour=(200, 0, 0))
    manifest["images"][0]["size"] = len(tampered)
    assert "SHA-256 does not match" in refused(rezip(bundle, manifest=manifest, members={name: tampered}))


def test_an_image_whose_declared_dimensions_are_wrong_is_refused(bundle):
    assert "but the manifest says 64 × 64" in refused(
        with_image(bundle, png_bytes(64, 48), width=64, height=64)
    )


def test_a_decompression_bomb_is_refused(bundle):
    assert "too many pixels" in refused(with_image(bundle, bomb_png(), width=20000, height=20000))


def test_too_many_members_are_refused(bundle):
    extra = {f"images/{i:064x}.png": b"" for i in range(2001)}
    assert "at most 2001 are accepted" in refused(rezip(bundle, members=extra))


def test_a_member_compressed_like_a_zip_bomb_is_refused(bundle):
    manifest = json.dumps(manifest_of(bundle)).encode() + b" " * 5_000_000
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("manifest.json", manifest)
    assert "compressed suspiciously well" in refused(buffer.getvalue())


def test_a_file_that_is_not_a_zip_is_refused(bundle):
    assert "not a readable zip" in refused(b"PK but not really")


def test_an_invalid_figure_rolls_back_everything_created_before_it(bundle):
    manifest = manifest_of(bundle)
    manifest["figures"][0]["annotations"] = [
        {"id": "x", "kind": "ellipse", "center": [3, 3], "radius": [1, 1]}
    ]
    message = refused(rezip(bundle, manifest=manifest))
    assert f"figure {manifest['figures'][0]['slug']}: annotations" in message


# Admin -----------------------------------------------------------------------------------------


def admin_user(username: str, *codenames: str) -> User:
    """A Wagtail admin user given the named permissions through a group."""
    user = User.objects.create_user(username, f"{username}@example.org", "pw-12345-long")
    group = Group.objects.create(name=f"{username} group")
    group.permissions.set(Permission.objects.filter(codename__in=["access_admin", *codenames]))
    user.groups.add(group)
    return user


@pytest.fixture
def faculty(client):
    user = admin_user("faculty", "export_bundle", "import_bundle")
    user.groups.add(Group.objects.get(name="Faculty"))  # page edit rights: an export needs them
    client.force_login(user)
    return client


def upload(client, data: bytes, name: str = "bundle.zip"):
    file = io.BytesIO(data)
    file.name = name
    return client.post(reverse("bundles:import"), {"bundle": file})


def test_the_bundle_screen_requires_login(client):
    response = client.get(reverse("bundles:index"))
    assert response.status_code == 302
    assert "login" in response["Location"]


def test_the_bundle_screens_require_the_bundle_permissions(client, content):
    # Wagtail answers PermissionDenied in its admin with a redirect to the dashboard and an error message.
    client.force_login(admin_user("editor"))
    data = export_everything(pages=[content["entry"]])
    flush_content()
    for response in (
        client.get(reverse("bundles:index")),
        client.get(reverse("bundles:export")),
        upload(client, data),
    ):
        assert response.status_code == 302
        assert response["Location"] == reverse("wagtailadmin_home")
    assert set(counts().values()) == {0}


def test_faculty_download_a_page_as_a_bundle(faculty, content):
    response = faculty.get(
        reverse("bundles:export"), {"page": content["case"].pk, "include_answer_keys": "on"}
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert 'filename="case-1-bundle.zip"' in response["Content-Disposition"]
    assert [c["slug"] for c in manifest_of(response.content)["quiz_cases"]] == ["case-1"]


def test_a_page_that_cannot_be_bundled_is_a_bad_request(faculty, content):
    response = faculty.get(reverse("bundles:export"), {"page": AtlasIndexPage.objects.get().pk})
    assert response.status_code == 400


def test_faculty_upload_a_bundle_and_read_the_report(faculty, content):
    data = export_everything(pages=[content["entry"]])
    flush_content()
    response = upload(faculty, data)
    assert response.status_code == 200
    assert f"atlas entry {content['entry'].slug}" in response.content.decode()


def test_a_hostile_upload_is_a_400_with_the_reason(faculty, content):
    data = rezip(export_everything(pages=[content["entry"]]), members={"../evil": b"x"})
    response = upload(faculty, data)
    assert response.status_code == 400
    assert "escapes the bundle folder" in response.content.decode()
    assert "nothing was imported" in response.content.decode()


def test_the_page_editor_offers_export_on_exportable_pages(faculty, content, admin_client):
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[content["case"].pk]))
    assert reverse("bundles:export") + f"?page={content['case'].pk}" in response.content.decode()


def test_the_bundle_screen_offers_export_and_import_to_faculty(faculty):
    html = faculty.get(reverse("bundles:index")).content.decode()
    assert "Download all published content" in html
    assert 'action="/cms/bundles/import/"' in html


def _set_everywhere(node, key: str, value: str) -> None:
    if isinstance(node, dict):
        for k in node:
            if k == key:
                node[k] = value
            else:
                _set_everywhere(node[k], key, value)
    elif isinstance(node, list):
        for item in node:
            _set_everywhere(item, key, value)


def test_scripts_in_a_bundles_rich_text_are_removed_on_import(content):
    data = export_everything(pages=[content["case"]])
    manifest = manifest_of(data)
    _set_everywhere(manifest, "teaching_points", '<p onclick="steal()">Teach<script>steal()</script></p>')
    flush_content()
    bundle_import(data=rezip(data, manifest=manifest))
    teaching = QuizCasePage.objects.get(slug="case-1").get_latest_revision_as_object().teaching_points
    assert "<script" not in teaching and "onclick" not in teaching and "Teach" in teaching
