"""Rendered series as synthetic DICOM: no patient, marked synthetic, with R/L burned into axial slices."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFont
from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.uid import (
    PYDICOM_IMPLEMENTATION_UID,
    CTImageStorage,
    ExplicitVRLittleEndian,
    MRImageStorage,
    generate_uid,
)

from imaging.dicom import dataset_bytes

from .render import RenderedSeries

SYNTHETIC_MANUFACTURER = "Synthetic"
SYNTHETIC_MODEL = "Spine PostOp Atlas phantom"
# The dummies de-identification writes, so a synthetic series reads like any other imported one.
PATIENT_NAME, PATIENT_ID = "ANONYMOUS", "ANON"
SYNTHETIC_COMMENT = (
    "Synthetic image rendered from a numerical phantom (imaging/phantom); no patient was imaged."
)


def orientation_letters(rows: int, cols: int) -> np.ndarray:
    """Mask of 'R' top-left and 'L' top-right: on axial images the patient's left is on the viewer's right."""
    canvas = Image.new("L", (cols, rows), 0)
    draw = ImageDraw.Draw(canvas)
    font = ImageFont.load_default(size=max(8, round(min(rows, cols) * 0.06)))
    margin = max(2, round(cols * 0.03))
    draw.text((margin, margin), "R", font=font, fill=255, anchor="la")
    draw.text((cols - margin, margin), "L", font=font, fill=255, anchor="ra")
    return np.asarray(canvas) > 127


def write_series(
    series: RenderedSeries,
    folder: str | Path | None = None,
    *,
    seed: str = "phantom",
    series_number: int = 1,
    markers: bool = True,
) -> list[Dataset]:
    """DICOM datasets (CT or MR Image Storage) for a rendered series, written as NNNN.dcm into folder if given.

    CT is stored as HU + 1024 (RescaleIntercept -1024); MR as its signal. UIDs derive from seed, so the same
    seed gives the same UIDs. Patient name and ID are the dummies de-identification uses; Manufacturer says
    'Synthetic'. markers burns R/L letters (at the series' maximum) into axial slices.
    """
    is_ct = series.modality == "CT"
    sop_class = CTImageStorage if is_ct else MRImageStorage
    study_uid = generate_uid(entropy_srcs=[seed, "study"])
    series_uid = generate_uid(entropy_srcs=[seed, series.description, "series"])
    frame_uid = generate_uid(entropy_srcs=[seed, "frame"])
    values = series.values
    letters = orientation_letters(*values.shape[1:]) if markers and series.plane == "axial" else None
    normal = np.cross(series.orientation[:3], series.orientation[3:])
    datasets = []
    for index, image in enumerate(values):
        if is_ct:
            stored = np.clip(np.rint(image + 1024), 0, 4095).astype(np.uint16)
            if letters is not None:
                stored[letters] = 4095
        else:
            stored = np.clip(np.rint(image), 0, 4095).astype(np.uint16)
            if letters is not None:
                stored[letters] = int(np.percentile(stored, 99.5))
        ds = Dataset()
        ds.file_meta = FileMetaDataset()
        ds.file_meta.TransferSyntaxUID = ExplicitVRLittleEndian
        ds.file_meta.MediaStorageSOPClassUID = sop_class
        ds.file_meta.ImplementationClassUID = PYDICOM_IMPLEMENTATION_UID
        ds.SOPClassUID = sop_class
        ds.SOPInstanceUID = generate_uid(entropy_srcs=[seed, series.description, "instance", str(index)])
        ds.file_meta.MediaStorageSOPInstanceUID = ds.SOPInstanceUID
        ds.StudyInstanceUID, ds.SeriesInstanceUID, ds.FrameOfReferenceUID = study_uid, series_uid, frame_uid
        ds.PatientName, ds.PatientID = PATIENT_NAME, PATIENT_ID
        ds.PatientBirthDate = ds.PatientSex = ""
        ds.StudyDate = ds.StudyTime = ds.AccessionNumber = ds.ReferringPhysicianName = ds.StudyID = ""
        ds.Modality = series.modality
        ds.Manufacturer = SYNTHETIC_MANUFACTURER
        ds.ManufacturerModelName = SYNTHETIC_MODEL
        ds.ImageComments = SYNTHETIC_COMMENT
        ds.SeriesDescription = series.description
        ds.ImageType = ["DERIVED", "PRIMARY", series.plane.upper()]
        ds.BodyPartExamined = "LSPINE"
        ds.PatientPosition = "HFS"
        ds.SeriesNumber = series_number
        ds.InstanceNumber = index + 1
        ds.ImageOrientationPatient = [float(v) for v in series.orientation]
        ds.ImagePositionPatient = [round(float(v), 4) for v in series.positions[index]]
        ds.SliceLocation = round(float(np.dot(normal, series.positions[index])), 4)
        ds.SliceThickness = series.slice_mm
        ds.PixelSpacing = [round(float(series.pixel_mm[0]), 6), round(float(series.pixel_mm[1]), 6)]
        ds.set_pixel_data(stored, "MONOCHROME2", 12, generate_instance_uid=False)
        width, level = series.window
        if is_ct:
            ds.RescaleIntercept, ds.RescaleSlope, ds.RescaleType = -1024, 1, "HU"
            ds.KVP = 120
        else:
            ds.ScanningSequence = "IR" if series.meta.get("sequence") == "STIR" else "SE"
            ds.SequenceVariant = "SK"
            ds.MagneticFieldStrength = 1.5
        ds.WindowCenter, ds.WindowWidth = round(float(level), 1), round(float(width), 1)
        ds.BurnedInAnnotation = "NO"  # only orientation letters, which identify no one
        datasets.append(ds)
    if folder is not None:
        target = Path(folder)
        target.mkdir(parents=True, exist_ok=True)
        for ds in datasets:
            (target / f"{int(ds.InstanceNumber):04d}.dcm").write_bytes(dataset_bytes(ds))
    return datasets
