"""DICOM de-identification, burned-in risk, reading and window/level, and image metadata stripping (no DB)."""

import io
import json
import struct
import zipfile
import zlib

import numpy as np
import pytest
from PIL import Image
from pydicom import dcmread
from pydicom.dataset import Dataset
from pydicom.uid import SecondaryCaptureImageStorage

from imaging import deidentify, dicom
from imaging.metadata import ImageRejected, strip_metadata
from imaging.synthetic_ct import synthetic_ct_series

FAKE_STRINGS = ["DOE^JANE", "DOE JANE", "FAKE-12345", "19610704", "Fictional", "ACC-FAKE", "FAKE-SERIAL"]


def _series(n=4):
    return synthetic_ct_series(n_slices=n, size=64)


def _deidentified(n=4, shift=-30):
    series, uid_map = _series(n), {}
    originals = [(ds.StudyInstanceUID, ds.SeriesInstanceUID, ds.SOPInstanceUID) for ds in series]
    reports = [deidentify.deidentify(ds, uid_map=uid_map, date_shift_days=shift) for ds in series]
    return series, originals, reports


def test_deidentification_leaves_no_fake_identifying_value_in_the_written_file():
    series, originals, _ = _deidentified()
    for ds, uids in zip(series, originals, strict=True):
        data = dicom.dataset_bytes(ds)
        for fake in FAKE_STRINGS:
            assert fake.encode() not in data, fake
        for uid in uids:
            assert uid.encode() not in data


def test_uids_are_replaced_consistently_within_a_study():
    series, originals, _ = _deidentified()
    assert len({ds.StudyInstanceUID for ds in series}) == 1
    assert len({ds.SeriesInstanceUID for ds in series}) == 1
    assert len({ds.SOPInstanceUID for ds in series}) == len(series)
    assert series[0].StudyInstanceUID != originals[0][0]
    assert all(ds.file_meta.MediaStorageSOPInstanceUID == ds.SOPInstanceUID for ds in series)


def test_well_known_uids_such_as_the_sop_class_are_kept():
    series, _, _ = _deidentified(1)
    assert series[0].SOPClassUID.name == "CT Image Storage"


def test_dates_are_shifted_by_one_offset_and_times_of_day_kept():
    series, _, _ = _deidentified(2, shift=-30)
    assert series[0].StudyDate == "20240214"
    assert series[1].AcquisitionDate == "20240214"
    assert series[0].StudyTime == "101500"
    assert series[0].LongitudinalTemporalInformationModified == "MODIFIED"


def test_private_tags_curves_and_overlays_are_removed():
    series, _, reports = _deidentified(1)
    ds = series[0]
    assert not any(elem.tag.is_private for elem in ds.iterall())
    assert not any(0x5000 <= elem.tag.group <= 0x60FF for elem in ds)
    assert reports[0].private_tags_removed == 3
    assert reports[0].repeating_groups_removed == {"overlay group 6000"}


def test_identity_removed_is_declared_with_the_profile_codes():
    series, _, _ = _deidentified(1)
    ds = series[0]
    assert ds.PatientIdentityRemoved == "YES"
    assert "PS3.15" in ds.DeidentificationMethod
    assert [item.CodeValue for item in ds.DeidentificationMethodCodeSequence] == ["113100", "113107"]


def test_report_names_attributes_but_never_their_values():
    _, _, reports = _deidentified(1)
    text = json.dumps(reports[0].as_dict())
    assert "PatientName" in text and "InstitutionName" in text and "StudyInstanceUID" in text
    for fake in FAKE_STRINGS:
        assert fake not in text


def test_identifying_attributes_inside_sequences_are_handled():
    ds = _series(1)[0]
    item = Dataset()
    item.ReferencedSOPClassUID = ds.SOPClassUID
    item.ReferencedSOPInstanceUID = ds.SOPInstanceUID
    item.PersonName = "DOE^JANE"
    ds.ReferencedSeriesSequence = [item]
    uid_map = {}
    deidentify.deidentify(ds, uid_map=uid_map, date_shift_days=-1)
    nested = ds.ReferencedSeriesSequence[0]
    assert nested.ReferencedSOPInstanceUID == ds.SOPInstanceUID
    assert nested.PersonName == ""


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"BurnedInAnnotation": "YES"}, "burned-in annotation"),
        ({"Modality": "US"}, "ultrasound"),
        ({"SOPClassUID": SecondaryCaptureImageStorage}, "secondary capture"),
        ({"ImageType": ["DERIVED", "SECONDARY"]}, "SECONDARY"),
    ],
)
def test_burned_in_risk_is_reported_with_its_reason(change, expected):
    ds = _series(1)[0]
    for keyword, value in change.items():
        setattr(ds, keyword, value)
    assert expected in deidentify.burned_in_risk(ds)


def test_an_original_ct_has_no_burned_in_risk():
    assert deidentify.burned_in_risk(_series(1)[0]) is None


def test_bone_window_maps_hounsfield_units_to_8_bit():
    values = np.array([[-1000.0, -500.0, 500.0, 1500.0, 3000.0]])
    assert dicom.window(values, "bone").tolist() == [[0, 0, 128, 255, 255]]


def test_soft_tissue_window_is_centred_on_40_hu():
    values = np.array([[-160.0, 40.0, 240.0]])
    assert dicom.window(values, "soft-tissue").tolist() == [[0, 128, 255]]


def test_auto_window_spans_the_percentiles_so_an_outlier_does_not_darken_the_image():
    values = np.linspace(0, 1000, 10_000).reshape(100, 100)
    values[0, 0] = 1_000_000
    image = dicom.window(values, "auto")
    assert image.min() == 0 and image.max() == 255
    assert 100 < image[50, 50] < 160


def test_to_png_applies_the_rescale_intercept_and_shows_the_screw_white():
    ds = dcmread(io.BytesIO(dicom.dataset_bytes(_series(8)[4])))
    image = dicom.to_png(ds, "bone")
    pixels = np.asarray(image)
    assert image.mode == "L" and image.size == (64, 64)
    assert pixels[0, 0] == 0  # air
    assert pixels.max() == 255  # the screw (3000 HU)
    assert not image.info


def test_synthetic_series_has_a_metal_screw_with_a_lucent_halo_around_it():
    hu = dicom.modality_frames(_series(8)[4])[0]
    assert hu.max() == pytest.approx(3000, abs=1)
    screw = hu > 2500
    ring = np.zeros_like(screw)
    for dy in (-2, -1, 0, 1, 2):
        for dx in (-2, -1, 0, 1, 2):
            ring |= np.roll(np.roll(screw, dy, 0), dx, 1)
    assert np.any((hu[ring & ~screw] > -150) & (hu[ring & ~screw] < -50))


def test_synthetic_series_carries_the_fake_identity_so_de_identification_is_exercised():
    ds = _series(1)[0]
    assert ds.PatientName == "DOE^JANE" and ds.PatientID == "FAKE-12345"
    assert any(elem.tag.is_private for elem in ds)


def test_slices_are_sorted_by_position_not_by_file_order():
    series = _series(5)
    shuffled = [series[i] for i in (3, 0, 4, 1, 2)]
    assert [ds.InstanceNumber for ds in dicom.sort_slices(shuffled)] == [1, 2, 3, 4, 5]
    assert dicom.plane_of(series[0]) == "axial"


def _zip(members: dict[str, bytes]) -> io.BytesIO:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    buffer.seek(0)
    return buffer


def test_a_zip_of_a_series_is_read():
    members = {f"s/{i}.dcm": dicom.dataset_bytes(ds) for i, ds in enumerate(_series(3))}
    members["__MACOSX/._s"] = b"resource fork"
    assert len(dicom.load_datasets(_zip(members))) == 3


def test_zip_slip_is_refused_before_anything_is_read():
    members = {"ok.dcm": dicom.dataset_bytes(_series(1)[0]), "../../etc/evil.dcm": b"x"}
    with pytest.raises(dicom.DicomInputError, match="points outside the archive"):
        dicom.load_datasets(_zip(members))


def test_a_non_dicom_member_is_refused_by_name():
    members = {"ok.dcm": dicom.dataset_bytes(_series(1)[0]), "notes.txt": b"hello"}
    with pytest.raises(dicom.DicomInputError, match="'notes.txt' is not a readable DICOM file"):
        dicom.load_datasets(_zip(members))


def test_a_huge_member_is_refused():
    members = {"big.dcm": b"\0" * 5000}
    with pytest.raises(dicom.DicomInputError, match="too large"):
        dicom.load_datasets(_zip(members), max_member_bytes=1000)


def test_a_broken_file_is_refused_with_a_clear_message(tmp_path):
    path = tmp_path / "broken.dcm"
    path.write_bytes(dicom.dataset_bytes(_series(1)[0])[:200])
    with pytest.raises(dicom.DicomInputError, match="broken.dcm"):
        dicom.load_datasets(path)


def test_a_damaged_zip_is_refused(tmp_path):
    path = tmp_path / "series.zip"
    path.write_bytes(_zip({"a.dcm": dicom.dataset_bytes(_series(1)[0])}).getvalue()[:-30])
    with pytest.raises(dicom.DicomInputError):
        dicom.load_datasets(path)


# Ordinary image uploads ---------------------------------------------------------------------------------


def _jpeg_with_gps() -> bytes:
    image = Image.new("RGB", (40, 30), (120, 80, 60))
    exif = Image.Exif()
    exif[0x010F] = "FakeCam"  # Make
    exif[0x0132] = "2024:03:15 10:15:00"  # DateTime
    exif.get_ifd(0x8825)[2] = (51.0, 30.0, 0.0)  # GPSLatitude
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", exif=exif, comment=b"DOE^JANE")
    return buffer.getvalue()


def test_exif_gps_and_comments_are_stripped_from_a_jpeg():
    original = _jpeg_with_gps()
    assert Image.open(io.BytesIO(original)).getexif()
    clean = strip_metadata(original, max_pixels=1_000_000)
    reopened = Image.open(io.BytesIO(clean.data))
    assert not reopened.getexif()
    assert "comment" not in reopened.info
    assert b"FakeCam" not in clean.data and b"DOE^JANE" not in clean.data
    assert {"EXIF", "GPS"} <= set(clean.removed)
    assert clean.format == "JPEG" and (clean.width, clean.height) == (40, 30)


def test_png_text_chunks_are_stripped():
    from PIL.PngImagePlugin import PngInfo

    info = PngInfo()
    info.add_text("Author", "DOE^JANE")
    buffer = io.BytesIO()
    Image.new("L", (8, 8)).save(buffer, format="PNG", pnginfo=info)
    clean = strip_metadata(buffer.getvalue(), max_pixels=1_000)
    assert b"DOE^JANE" not in clean.data
    assert "text chunks" in clean.removed


def png_bomb(width: int, height: int) -> bytes:
    """A tiny PNG whose header claims width x height pixels."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\0" * 64))
        + chunk(b"IEND", b"")
    )


def test_a_decompression_bomb_is_refused_before_decoding():
    with pytest.raises(ImageRejected, match="too many pixels"):
        strip_metadata(png_bomb(50_000, 50_000), max_pixels=40_000_000)


def test_other_image_formats_are_refused():
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4)).save(buffer, format="GIF")
    with pytest.raises(ImageRejected, match="Only PNG, JPEG, WebP and AVIF"):
        strip_metadata(buffer.getvalue(), max_pixels=1_000)


def test_an_image_declaring_a_huge_size_is_refused_before_decoding():
    from imaging.dicom import DicomInputError, modality_frames

    ds = synthetic_ct_series(n_slices=1)[0]
    ds.NumberOfFrames = 100_000
    with pytest.raises(DicomInputError, match="declares"):
        modality_frames(ds)
