"""A synthetic axial CT series (a loosened pedicle screw) with fake identifying data, for the demo and tests."""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageDraw, ImageFont
from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.uid import PYDICOM_IMPLEMENTATION_UID, CTImageStorage, ExplicitVRLittleEndian, generate_uid

FAKE_IDENTITY = {
    "PatientName": "DOE^JANE",
    "PatientID": "FAKE-12345",
    "PatientBirthDate": "19610704",
    "PatientAddress": "1 Fictional Road, Nowhere",
    "PatientTelephoneNumbers": "+44 0000 000000",
    "OtherPatientIDs": "FAKE-OTHER-777",
    "AccessionNumber": "ACC-FAKE-998877",
    "InstitutionName": "St Fictional Spinal Hospital",
    "InstitutionAddress": "99 Imaginary Lane, Faketown",
    "ReferringPhysicianName": "FICTIONAL^REFERRER",
    "PerformingPhysicianName": "FICTIONAL^RADIOLOGIST",
    "OperatorsName": "FICTIONAL^RADIOGRAPHER",
    "StationName": "FAKE-CT-STATION",
    "DeviceSerialNumber": "FAKE-SERIAL-4242",
    "StudyID": "FAKE-STUDY-55",
    "StudyDescription": "CT LUMBAR SPINE for DOE JANE",
    "SeriesDescription": "Axial bone DOE",
    "StudyDate": "20240315",
    "SeriesDate": "20240315",
    "AcquisitionDate": "20240315",
    "ContentDate": "20240315",
}
FAKE_PRIVATE_CREATOR = "FAKE VENDOR 1.0"
FAKE_PRIVATE_VALUE = "DOE^JANE private copy FAKE-12345"


MARKER_HU = 2000.0  # orientation letters: white in every window, denser than bone, below metal


def _orientation_markers(size: int) -> np.ndarray:
    """Mask of an 'R' in the top-left and an 'L' in the top-right corner, outside the body.

    Columns run towards the patient's left (ImageOrientationPatient 1,0,0), so on screen the patient's left is
    on the viewer's right: the radiological convention. The letters name no one, so BurnedInAnnotation stays NO
    (the attribute is about text that identifies the patient or the date).
    """
    canvas = Image.new("L", (size, size), 0)
    draw = ImageDraw.Draw(canvas)
    font = ImageFont.load_default(size=max(8, round(size * 0.07)))
    margin = max(2, round(size * 0.03))
    draw.text((margin, margin), "R", font=font, fill=255, anchor="la")
    draw.text((size - margin, margin), "L", font=font, fill=255, anchor="ra")
    return np.asarray(canvas) > 127


def _screw_mask(xx, yy, start, end):
    """Pixels level with the segment start-end (x, y in pixels), and each pixel's distance from its axis."""
    start, end = np.asarray(start, dtype=np.float32), np.asarray(end, dtype=np.float32)
    direction = (end - start) / np.linalg.norm(end - start)
    rel_x, rel_y = xx - start[0], yy - start[1]
    along = rel_x * direction[0] + rel_y * direction[1]
    across = np.abs(rel_x * -direction[1] + rel_y * direction[0])
    inside = (along >= 0) & (along <= float(np.linalg.norm(end - start)))
    return inside, across


def _phantom_slice(size: int, z: int, n_slices: int, pixel_mm: float) -> np.ndarray:
    """One axial slice in HU: body, vertebral body, pedicles, canal, screws (the patient's left one loose)."""
    yy, xx = np.mgrid[0:size, 0:size].astype(np.float32)
    cx, cy = size / 2, size / 2
    image = np.full((size, size), -1000.0, dtype=np.float32)
    body = ((xx - cx) / (0.46 * size)) ** 2 + ((yy - cy) / (0.36 * size)) ** 2 <= 1
    image[body] = 40.0
    vb_cy, vb_r = cy - 0.08 * size, 0.17 * size
    vertebral_body = (xx - cx) ** 2 + (yy - vb_cy) ** 2 <= vb_r**2
    image[vertebral_body] = 1000.0
    image[(xx - cx) ** 2 + (yy - vb_cy) ** 2 <= (vb_r - 3) ** 2] = 250.0  # cancellous bone inside a cortex
    canal_cy = vb_cy + vb_r + 0.08 * size
    canal = (xx - cx) ** 2 + (yy - canal_cy) ** 2 <= (0.07 * size) ** 2
    for side in (-1, 1):  # pedicles join the body to the posterior arch around the canal
        px = cx + side * 0.1 * size
        pedicle = (np.abs(xx - px) <= 0.035 * size) & (yy >= vb_cy + vb_r - 4) & (yy <= canal_cy + 0.1 * size)
        image[pedicle] = 700.0
    arch = ((xx - cx) ** 2 + (yy - canal_cy) ** 2 <= (0.12 * size) ** 2) & (yy > canal_cy)
    image[arch] = 700.0
    image[canal] = 10.0
    if abs(z - n_slices / 2) <= max(1, n_slices // 4):
        screw_half = max(1.5, 2.0 / pixel_mm)
        halo_width = max(2.0, 2.0 / pixel_mm)
        # The patient's left screw (image right) runs from the posterior arch through the pedicle into the
        # body; its lucent halo says loose. The right screw (image left) is its mirror image and solid.
        start = np.array([cx + 0.16 * size, canal_cy + 0.12 * size])
        end = np.array([cx + 0.03 * size, vb_cy - 0.05 * size])
        inside, across = _screw_mask(xx, yy, start, end)
        image[inside & (across <= screw_half + halo_width) & (image > 100)] = -100.0
        image[inside & (across <= screw_half)] = 3000.0
        inside, across = _screw_mask(xx, yy, [2 * cx - start[0], start[1]], [2 * cx - end[0], end[1]])
        image[inside & (across <= screw_half)] = 3000.0
    image[_orientation_markers(size)] = MARKER_HU
    return image


def synthetic_ct_series(
    n_slices: int = 8, *, size: int = 256, slice_thickness: float = 3.0, seed: str = "spine-postop-atlas"
) -> list[Dataset]:
    """An axial CT series (L4, a loosened left pedicle screw) with fake identifying data on purpose.

    The halo is on the patient's left, so on the viewer's right, beside the burned-in 'L' marker.

    Pixel values are stored as HU + 1024 in 12 bits (RescaleIntercept -1024). UIDs derive from seed, so
    the same seed gives the same series. Private tags, an overlay and every FAKE_IDENTITY value are set
    so that de-identification has something to remove.
    """
    pixel_mm = 200.0 / size
    uids = [generate_uid(entropy_srcs=[seed, name]) for name in ("study", "series", "frame")]
    series = []
    for z in range(n_slices):
        ds = _identified_ct_header(seed, z, uids)
        ds.ImageOrientationPatient = [1, 0, 0, 0, 1, 0]
        ds.ImagePositionPatient = [-100.0, -100.0, -40.0 + z * slice_thickness]
        ds.SliceLocation = -40.0 + z * slice_thickness
        ds.SliceThickness = slice_thickness
        ds.PixelSpacing = [pixel_mm, pixel_mm]
        ds.KVP = 120
        _set_hounsfield_pixels(ds, _phantom_slice(size, z, n_slices, pixel_mm))
        _add_private_tags_and_overlay(ds, size)
        series.append(ds)
    return series


def _identified_ct_header(seed: str, z: int, uids: list[str]) -> Dataset:
    """Slice z's file meta, UIDs (study, series, frame of reference) and every FAKE_IDENTITY value."""
    ds = Dataset()
    ds.file_meta = FileMetaDataset()
    ds.file_meta.TransferSyntaxUID = ExplicitVRLittleEndian
    ds.file_meta.MediaStorageSOPClassUID = CTImageStorage
    ds.file_meta.ImplementationClassUID = PYDICOM_IMPLEMENTATION_UID
    ds.SOPClassUID = CTImageStorage
    ds.SOPInstanceUID = generate_uid(entropy_srcs=[seed, "instance", str(z)])
    ds.file_meta.MediaStorageSOPInstanceUID = ds.SOPInstanceUID
    ds.StudyInstanceUID, ds.SeriesInstanceUID, ds.FrameOfReferenceUID = uids
    for keyword, value in FAKE_IDENTITY.items():
        setattr(ds, keyword, value)
    ds.PatientSex = "F"
    ds.PatientAge = "062Y"
    ds.StudyTime = ds.SeriesTime = "101500"
    ds.AcquisitionTime = ds.ContentTime = f"1015{z:02d}"
    ds.Modality = "CT"
    ds.Manufacturer = "Synthetic"
    ds.ImageType = ["ORIGINAL", "PRIMARY", "AXIAL"]
    ds.BodyPartExamined = "LSPINE"
    ds.SeriesNumber = 2
    ds.InstanceNumber = z + 1
    return ds


def _set_hounsfield_pixels(ds: Dataset, hu: np.ndarray) -> None:
    """Store HU as HU + 1024 in 12 bits, with the rescale and a bone window that bring them back."""
    stored = np.clip(np.rint(hu + 1024), 0, 4095).astype(np.uint16)
    ds.set_pixel_data(stored, "MONOCHROME2", 12, generate_instance_uid=False)
    ds.RescaleIntercept = -1024
    ds.RescaleSlope = 1
    ds.RescaleType = "HU"
    ds.WindowCenter, ds.WindowWidth = 500, 2000
    ds.BurnedInAnnotation = "NO"


def _add_private_tags_and_overlay(ds: Dataset, size: int) -> None:
    """A vendor's private copy of the identity, and an overlay plane: both for de-identification to strip."""
    block = ds.private_block(0x0009, FAKE_PRIVATE_CREATOR, create=True)
    block.add_new(0x01, "LO", FAKE_PRIVATE_VALUE)
    block.add_new(0x02, "DA", FAKE_IDENTITY["PatientBirthDate"])
    # An overlay plane with a tiny "drawn" mark: overlays can hold text, so the profile strips them.
    ds.add_new(0x60000010, "US", size)
    ds.add_new(0x60000011, "US", size)
    ds.add_new(0x60000040, "CS", "G")
    ds.add_new(0x60000050, "SS", [1, 1])
    ds.add_new(0x60000100, "US", 1)
    ds.add_new(0x60000102, "US", 0)
    ds.add_new(0x60003000, "OW", bytes(size * size // 8))
    ds.add_new(0x60004000, "LT", "Overlay note for DOE^JANE")
