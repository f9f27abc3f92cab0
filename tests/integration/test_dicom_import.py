"""DICOM import: de-identified stacks, refusals that leave nothing behind, the command, the admin, uploads."""

import io
import zipfile
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.core import serializers
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from PIL import Image

from atlas.models import AtlasImage, Figure
from imaging import dicom
from imaging.synthetic_ct import synthetic_ct_series
from learners.models import User
from stacks.demo import DEMO_STACK_SLUG, load_demo_stack, synthetic_series_zip
from stacks.models import ImageStack, StackSlice
from stacks.services import BurnedInRiskError, dicom_import
from tests.factories import make_modality
from tests.unit.test_dicom import _jpeg_with_gps, png_bomb

pytestmark = pytest.mark.django_db

FAKE_STRINGS = ["DOE^JANE", "DOE JANE", "FAKE-12345", "19610704", "St Fictional", "ACC-FAKE", "FAKE-SERIAL"]


TRUNCATED = dicom.dataset_bytes(synthetic_ct_series(n_slices=2, size=32)[1])[:-500]


@pytest.fixture(autouse=True)
def ct(db):
    return make_modality("ct", "CT lumbar spine", category="ct", radiation_level=3)


def media_files() -> set[Path]:
    return {p for p in Path(settings.MEDIA_ROOT).rglob("*") if p.is_file()}


def series_zip(tmp_path, n=6, **changes) -> Path:
    path = tmp_path / "series.zip"
    with zipfile.ZipFile(path, "w") as archive:
        for ds in synthetic_ct_series(n_slices=n, size=64):
            for keyword, value in changes.items():
                setattr(ds, keyword, value)
            archive.writestr(f"DOE_JANE/IM{ds.InstanceNumber:04d}.dcm", dicom.dataset_bytes(ds))
    return path


def original_uids(n=6) -> list[str]:
    series = synthetic_ct_series(n_slices=n, size=64)
    return [series[0].StudyInstanceUID, series[0].SeriesInstanceUID, series[0].FrameOfReferenceUID] + [
        ds.SOPInstanceUID for ds in series
    ]


def test_no_identifying_value_survives_in_any_stored_file_or_row(tmp_path):
    dicom_import(path_or_file=series_zip(tmp_path), title="Loose screw")
    stored = b"".join(path.read_bytes() for path in media_files())
    rows = serializers.serialize(
        "json",
        [
            *ImageStack.objects.all(),
            *StackSlice.objects.all(),
            *AtlasImage.objects.all(),
            *Figure.objects.all(),
        ],
    )
    for fake in FAKE_STRINGS + original_uids():
        assert fake.encode() not in stored, fake
        assert fake not in rows, fake
    assert "DOE_JANE" not in rows  # the zip's folder name is not kept either


def test_the_original_dicom_is_never_written_to_storage(tmp_path):
    dicom_import(path_or_file=series_zip(tmp_path), title="Loose screw")
    for path in media_files():
        assert path.read_bytes()[128:132] != b"DICM", path
    assert all(p.suffix == ".png" for p in media_files() if "original_images" in p.parts)


def test_a_series_becomes_an_ordered_stack_with_a_key_figure(tmp_path):
    result = dicom_import(path_or_file=series_zip(tmp_path), title="Loose screw", preset="bone")
    stack = result.stack
    assert [s.index for s in stack.ordered_slices] == list(range(6))
    assert [s.position_mm for s in stack.ordered_slices] == sorted(
        s.position_mm for s in stack.ordered_slices
    )
    assert all(s.image.is_deidentified and not s.image.is_schematic for s in stack.ordered_slices)
    assert stack.plane == "axial" and stack.modality.slug == "ct"
    assert result.figure.image == stack.ordered_slices[3].image
    assert result.figure.annotations == []
    assert stack.key_figure == result.figure
    assert stack.deidentification_report["private_tags_removed"] == 18
    assert "PatientName" in stack.deidentification_report["dummy_values"]


def test_the_caller_can_pick_the_key_slice(tmp_path):
    result = dicom_import(path_or_file=series_zip(tmp_path), title="Loose screw", key_index=0)
    assert result.figure.image == result.stack.ordered_slices[0].image


def test_burned_in_risk_is_refused_without_confirmation_and_leaves_nothing(tmp_path):
    path = series_zip(tmp_path, BurnedInAnnotation="YES")
    before = media_files()
    with pytest.raises(BurnedInRiskError, match="burned-in annotation"):
        dicom_import(path_or_file=path, title="Screenshot")
    assert not AtlasImage.objects.exists() and not ImageStack.objects.exists()
    assert media_files() == before


def test_burned_in_risk_is_accepted_once_the_author_confirms_clean_pixels(tmp_path):
    path = series_zip(tmp_path, BurnedInAnnotation="YES")
    result = dicom_import(path_or_file=path, title="Checked", confirm_clean_pixels=True)
    assert result.slice_count == 6
    assert result.report["burned_in_risk_confirmed_clean"]


@pytest.mark.parametrize(
    ("members", "message"),
    [
        ({"../../evil.dcm": b"x"}, "points outside the archive"),
        ({"readme.txt": b"not dicom"}, "'readme.txt' is not a readable DICOM file"),
        ({"empty.dcm": b"\0" * 128 + b"DICM" + b"\x02\x00"}, "'empty.dcm' is a DICOM file without an image"),
        ({"broken.dcm": TRUNCATED}, "'broken.dcm'"),
    ],
)
def test_hostile_or_broken_zips_are_refused_and_leave_nothing(tmp_path, members, message):
    path = tmp_path / "upload.zip"
    good = dicom.dataset_bytes(synthetic_ct_series(n_slices=1, size=32)[0])
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("good.dcm", good)
        for name, data in members.items():
            archive.writestr(name, data)
    before = media_files()
    with pytest.raises(dicom.DicomInputError, match=message):
        dicom_import(path_or_file=path, title="Hostile")
    assert not AtlasImage.objects.exists() and not ImageStack.objects.exists()
    assert media_files() == before


def test_a_failure_while_storing_removes_the_files_already_written(tmp_path, monkeypatch):
    def fail(self, *args, **kwargs):
        raise RuntimeError("disk full")

    before = media_files()
    monkeypatch.setattr(Figure, "full_clean", fail)
    with pytest.raises(RuntimeError):
        dicom_import(path_or_file=series_zip(tmp_path), title="Interrupted")
    assert not AtlasImage.objects.exists()
    assert media_files() == before


def test_several_series_in_one_upload_are_refused(tmp_path):
    path = tmp_path / "two.zip"
    with zipfile.ZipFile(path, "w") as archive:
        for seed in ("a", "b"):
            ds = synthetic_ct_series(n_slices=1, size=32, seed=seed)[0]
            archive.writestr(f"{seed}.dcm", dicom.dataset_bytes(ds))
    with pytest.raises(dicom.DicomInputError, match="2 series"):
        dicom_import(path_or_file=path, title="Two")


# The command -------------------------------------------------------------------------------------------


def test_the_command_imports_a_folder_and_draws_a_progress_bar(tmp_path):
    for ds in synthetic_ct_series(n_slices=4, size=32):
        (tmp_path / f"{ds.InstanceNumber}.dcm").write_bytes(dicom.dataset_bytes(ds))
    out, err = io.StringIO(), io.StringIO()
    call_command(
        "import_dicom",
        str(tmp_path),
        "--title",
        "Folder series",
        "--preset",
        "soft-tissue",
        stdout=out,
        stderr=err,
    )
    assert "Imported 'Folder series' (4 slices)" in out.getvalue()
    assert "[##############################] 4/4" in err.getvalue()
    assert ImageStack.objects.get().window.startswith("Soft-tissue")


def test_the_command_reports_a_refusal_as_an_error(tmp_path):
    with pytest.raises(CommandError, match="burned-in"):
        call_command(
            "import_dicom",
            str(series_zip(tmp_path, BurnedInAnnotation="YES")),
            stdout=io.StringIO(),
            stderr=io.StringIO(),
        )


def test_the_command_can_queue_the_import_as_a_task(tmp_path):
    out = io.StringIO()
    call_command("import_dicom", str(series_zip(tmp_path)), "--title", "Queued", "--background", stdout=out)
    assert "SUCCESSFUL" in out.getvalue()  # the immediate backend runs it at once
    assert ImageStack.objects.filter(title="Queued").exists()


# The admin -------------------------------------------------------------------------------------------------


@pytest.fixture
def faculty(client):
    client.force_login(User.objects.create_superuser("faculty", "faculty@example.org", "pw-faculty-123"))
    return client


@pytest.fixture
def resident_in_admin(client):
    user = User.objects.create_user("resident", "resident@example.org", "pw-resident-123")
    group = Group.objects.create(name="Admin readers")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user.groups.add(group)
    client.force_login(user)
    return client


def test_the_import_page_sends_anonymous_visitors_to_the_login(client):
    response = client.get(reverse("stacks_admin:import"))
    assert response.status_code == 302
    assert "login" in response["Location"]


def test_the_import_page_turns_away_a_user_without_figure_permission(resident_in_admin):
    response = resident_in_admin.get(reverse("stacks_admin:import"))
    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert response["Location"] != reverse("stacks_admin:import")
    response = resident_in_admin.post(reverse("stacks_admin:import"), {"title": "x"})
    assert response.status_code in (302, 403)
    assert not ImageStack.objects.exists()


def _upload(path: Path) -> SimpleUploadedFile:
    return SimpleUploadedFile(path.name, path.read_bytes(), content_type="application/zip")


def test_faculty_import_a_zip_and_see_the_report(faculty, tmp_path):
    response = faculty.post(
        reverse("stacks_admin:import"),
        {"file": _upload(series_zip(tmp_path)), "title": "Admin series", "preset": "bone"},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Imported 6 de-identified slices" in html
    assert "PatientName" in html and "DOE" not in html
    assert reverse("stacks:detail", args=["admin-series"]) in html


def test_faculty_must_confirm_clean_pixels_for_a_risky_series(faculty, tmp_path):
    path = series_zip(tmp_path, BurnedInAnnotation="YES")
    response = faculty.post(reverse("stacks_admin:import"), {"file": _upload(path), "title": "Risky"})
    assert response.status_code == 200
    assert "burned-in annotation" in response.content.decode()
    assert not ImageStack.objects.exists()
    response = faculty.post(
        reverse("stacks_admin:import"),
        {"file": _upload(path), "title": "Risky", "confirm_clean_pixels": "on"},
    )
    assert ImageStack.objects.filter(title="Risky").exists()


def test_the_admin_menu_offers_the_import_to_faculty(faculty):
    assert reverse("stacks_admin:import") in faculty.get(reverse("wagtailadmin_home")).content.decode()


# The public stack page ---------------------------------------------------------------------------------


def _approved_and_shown(result):
    """What review does before /stacks/<slug>/ serves an import: approve both, show the figure on an entry."""
    from tests.factories import make_entry

    result.figure.get_latest_revision().publish()
    result.stack.get_latest_revision().publish()
    make_entry(figures=[Figure.objects.get(pk=result.figure.pk)])


def test_the_stack_page_shows_the_key_slice_and_its_number(client, tmp_path):
    _approved_and_shown(dicom_import(path_or_file=series_zip(tmp_path), title="Public stack"))
    html = client.get(reverse("stacks:detail", args=["public-stack"])).content.decode()
    assert "slice 4 / 6" in html
    assert "stack-viewer.js" in html
    assert html.count(".png") >= 6  # every slice URL, for the viewer to load ahead


def test_the_stack_page_steps_through_slices_without_javascript(client, tmp_path):
    _approved_and_shown(dicom_import(path_or_file=series_zip(tmp_path), title="Public stack"))
    html = client.get(reverse("stacks:detail", args=["public-stack"]) + "?slice=1").content.decode()
    assert "slice 1 / 6" in html
    assert 'href="?slice=2"' in html


# Demo ---------------------------------------------------------------------------------------------------


class _Loader:
    def __init__(self):
        from core.demo import LoadReport

        self.report = LoadReport()


def test_the_demo_stack_is_imported_once():
    loader = _Loader()
    first = load_demo_stack(loader)
    second = load_demo_stack(loader)
    assert first == second and first.slug == DEMO_STACK_SLUG
    assert loader.report.created == {"image stacks": 1} and loader.report.kept == {"image stacks": 1}
    assert len(first.ordered_slices) == 12


def test_the_demo_zip_is_stored_without_its_fake_identity():
    load_demo_stack(_Loader())
    stored = b"".join(p.read_bytes() for p in media_files())
    for fake in FAKE_STRINGS:
        assert fake.encode() not in stored
    assert synthetic_series_zip(2).getvalue()  # still builds on its own


# Ordinary image uploads -----------------------------------------------------------------------------------


def test_an_uploaded_jpeg_comes_back_without_exif_or_gps(faculty):
    upload = SimpleUploadedFile("holiday.jpg", _jpeg_with_gps(), content_type="image/jpeg")
    response = faculty.post(reverse("wagtailimages:add"), {"title": "Holiday", "file": upload})
    assert response.status_code == 302, response.content.decode()[:2000]
    image = AtlasImage.objects.get(title="Holiday")
    with image.open_file() as handle:
        data = handle.read()
    stored = Image.open(io.BytesIO(data))
    assert stored.format == "JPEG" and not stored.getexif()
    assert b"FakeCam" not in data and b"DOE^JANE" not in data
    assert image.file_size == len(data)


def test_a_decompression_bomb_upload_is_refused(faculty):
    upload = SimpleUploadedFile("bomb.png", png_bomb(20_000, 20_000), content_type="image/png")
    response = faculty.post(reverse("wagtailimages:add"), {"title": "Bomb", "file": upload})
    assert response.status_code == 200
    assert "too many pixels" in response.content.decode()
    assert not AtlasImage.objects.filter(title="Bomb").exists()


def test_an_image_of_another_type_is_refused(faculty):
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8)).save(buffer, format="TIFF")
    upload = SimpleUploadedFile("scan.tiff", buffer.getvalue(), content_type="image/tiff")
    response = faculty.post(reverse("wagtailimages:add"), {"title": "Tiff", "file": upload})
    assert response.status_code == 200
    assert not AtlasImage.objects.filter(title="Tiff").exists()
