"""DICOM in, teaching images out: reading a file, folder or zip, ordering a series, window/level to PNG.

De-identification lives in imaging/deidentify.py (the PS3.15 table in imaging/deid_profile.py), the synthetic
demo series in imaging/synthetic_ct.py.
"""

from __future__ import annotations

import io
import os
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import numpy as np
from PIL import Image
from pydicom import dcmread
from pydicom.dataset import Dataset
from pydicom.errors import InvalidDicomError
from pydicom.pixels import apply_modality_lut

# Re-exported for tests/unit/test_schematic.py, which reads the synthetic series here (outside this split).
from imaging.synthetic_ct import MARKER_HU, synthetic_ct_series  # noqa: F401


class DicomInputError(ValueError):
    """Input that cannot be imported; the message is meant for the person who uploaded it."""


# Reading ---------------------------------------------------------------------------------------------

MAX_MEMBER_BYTES = 200 * 1024 * 1024
MAX_TOTAL_BYTES = 2 * 1024 * 1024 * 1024
MAX_FILES = 3000
IGNORED_NAMES = {".DS_Store", "Thumbs.db", "DICOMDIR"}


@dataclass
class LoadedDicom:
    name: str
    dataset: Dataset


def _parse(name: str, data: bytes) -> Dataset:
    try:
        ds = dcmread(io.BytesIO(data))
    except (InvalidDicomError, EOFError, ValueError, TypeError, KeyError, OSError) as error:
        raise DicomInputError(
            f"'{name}' is not a readable DICOM file ({error.__class__.__name__})."
        ) from None
    if "PixelData" not in ds and "FloatPixelData" not in ds:
        raise DicomInputError(f"'{name}' is a DICOM file without an image (no pixel data).")
    return ds


def _safe_member_name(name: str) -> bool:
    if "\\" in name or name.startswith("/") or "\x00" in name:
        return False
    parts = PurePosixPath(name).parts
    return bool(parts) and ".." not in parts and ":" not in parts[0]


def _from_zip(
    source, *, max_member_bytes: int, max_total_bytes: int, max_files: int
) -> Iterable[tuple[str, bytes]]:
    try:
        archive = zipfile.ZipFile(source)
    except zipfile.BadZipFile:
        raise DicomInputError("The zip file is damaged or not a zip file.") from None
    with archive:
        infos = archive.infolist()
        # Refuse the whole archive before reading anything: a hostile member anywhere means no import.
        for info in infos:
            if not _safe_member_name(info.filename):
                raise DicomInputError(
                    f"Refused: the zip member '{info.filename}' points outside the archive."
                )
            if (info.external_attr >> 16) & 0o170000 == 0o120000:
                raise DicomInputError(f"Refused: the zip member '{info.filename}' is a symbolic link.")
            if info.file_size > max_member_bytes:
                raise DicomInputError(
                    f"Refused: the zip member '{info.filename}' is too large "
                    f"({info.file_size // 1_000_000} MB; at most {max_member_bytes // 1_000_000} MB)."
                )
        members = [i for i in infos if not i.is_dir() and not _ignored(i.filename)]
        if len(members) > max_files:
            raise DicomInputError(f"Refused: the zip holds {len(members)} files (at most {max_files}).")
        if sum(i.file_size for i in members) > max_total_bytes:
            raise DicomInputError("Refused: the zip unpacks to more than the allowed total size.")
        total = 0
        for info in members:
            with archive.open(info) as handle:
                data = handle.read(max_member_bytes + 1)  # headers can lie: never trust file_size alone
            total += len(data)
            if len(data) > max_member_bytes or total > max_total_bytes:
                raise DicomInputError(f"Refused: the zip member '{info.filename}' unpacks to too much data.")
            yield info.filename, data


def _ignored(name: str) -> bool:
    path = PurePosixPath(name)
    return path.name in IGNORED_NAMES or "__MACOSX" in path.parts


def load_datasets(
    source: str | os.PathLike | io.IOBase,
    *,
    max_member_bytes: int = MAX_MEMBER_BYTES,
    max_total_bytes: int = MAX_TOTAL_BYTES,
    max_files: int = MAX_FILES,
) -> list[LoadedDicom]:
    """Read a .dcm file, a folder (recursively) or a zip (path or open binary file) into datasets.

    Raises DicomInputError with a message naming the offending file for zip slip, symbolic links, members
    that are too large, non-DICOM or broken files, and for an input holding no image at all.
    """
    limits = {
        "max_member_bytes": max_member_bytes,
        "max_total_bytes": max_total_bytes,
        "max_files": max_files,
    }
    if isinstance(source, (str, os.PathLike)):
        path = Path(source)
        if not path.exists():
            raise DicomInputError(f"'{path}' does not exist.")
        if path.is_dir():
            pairs = _from_folder(path, **limits)
        elif zipfile.is_zipfile(path):
            pairs = _from_zip(path, **limits)
        else:
            if path.stat().st_size > max_member_bytes:
                raise DicomInputError(f"Refused: '{path.name}' is too large.")
            pairs = [(path.name, path.read_bytes())]
    else:
        if zipfile.is_zipfile(source):
            source.seek(0)
            pairs = _from_zip(source, **limits)
        else:
            source.seek(0)
            data = source.read(max_member_bytes + 1)
            if len(data) > max_member_bytes:
                raise DicomInputError("Refused: the file is too large.")
            pairs = [(getattr(source, "name", None) or "upload", data)]
    loaded = [LoadedDicom(name, _parse(name, data)) for name, data in pairs]
    if not loaded:
        raise DicomInputError("No DICOM files were found.")
    return loaded


def _from_folder(folder: Path, *, max_member_bytes: int, max_total_bytes: int, max_files: int):
    files = sorted(p for p in folder.rglob("*") if p.is_file() or p.is_symlink())
    files = [p for p in files if not _ignored(p.relative_to(folder).as_posix())]
    if len(files) > max_files:
        raise DicomInputError(f"Refused: the folder holds {len(files)} files (at most {max_files}).")
    total = 0
    for path in files:
        name = path.relative_to(folder).as_posix()
        if path.is_symlink():
            raise DicomInputError(f"Refused: '{name}' is a symbolic link.")
        size = path.stat().st_size
        total += size
        if size > max_member_bytes or total > max_total_bytes:
            raise DicomInputError(f"Refused: '{name}' is too large.")
        yield name, path.read_bytes()


def sort_slices(datasets: list[Dataset]) -> list[Dataset]:
    """Order slices along the slice normal (ImagePositionPatient), else by InstanceNumber, else as given."""
    try:
        orientation = np.array([float(v) for v in datasets[0].ImageOrientationPatient])
        normal = np.cross(orientation[:3], orientation[3:])
        keyed = [(float(np.dot(normal, [float(v) for v in ds.ImagePositionPatient])), ds) for ds in datasets]
        return [ds for _, ds in sorted(keyed, key=lambda pair: pair[0])]
    except (AttributeError, TypeError, ValueError, IndexError):
        pass
    if all("InstanceNumber" in ds and ds.InstanceNumber is not None for ds in datasets):
        return sorted(datasets, key=lambda ds: int(ds.InstanceNumber))
    return list(datasets)


def plane_of(ds: Dataset) -> str:
    """'axial', 'sagittal', 'coronal' from ImageOrientationPatient's normal; 'other' when unknown."""
    try:
        orientation = np.array([float(v) for v in ds.ImageOrientationPatient])
    except (AttributeError, TypeError, ValueError):
        return "other"
    normal = np.abs(np.cross(orientation[:3], orientation[3:]))
    return ("sagittal", "coronal", "axial")[int(np.argmax(normal))]


# Window/level ------------------------------------------------------------------------------------------

PRESETS: dict[str, tuple[float, float] | None] = {
    "bone": (2000.0, 500.0),
    "soft-tissue": (400.0, 40.0),
    "auto": None,
}
PRESET_LABELS = {
    "bone": "Bone window (W2000/L500)",
    "soft-tissue": "Soft-tissue window (W400/L40)",
    "auto": "Automatic window (1st–99th percentile)",
}


MAX_DECODED_VALUES = 40_000_000 * 4  # samples across all frames: a guard before any pixel is decoded


def modality_frames(ds: Dataset, *, max_values: int = MAX_DECODED_VALUES) -> list[np.ndarray]:
    """The image frames of ds after the modality LUT (Hounsfield units for CT), as float arrays.

    The declared size (rows x columns x frames x samples) is checked first: a small compressed file can
    declare an image that would exhaust memory when decoded.
    """
    try:
        declared = (
            int(ds.get("Rows", 0) or 0)
            * int(ds.get("Columns", 0) or 0)
            * int(ds.get("NumberOfFrames", 1) or 1)
            * int(ds.get("SamplesPerPixel", 1) or 1)
        )
    except (TypeError, ValueError):
        raise DicomInputError("The image size attributes are not numbers.") from None
    if declared > max_values:
        raise DicomInputError(
            f"The image declares {declared:,} pixel values, more than the {max_values:,} allowed."
        )
    try:
        pixels = ds.pixel_array
    except Exception as error:  # noqa: BLE001 - pydicom raises many kinds for broken or exotic pixel data
        raise DicomInputError(f"The pixel data cannot be decoded ({error.__class__.__name__}).") from None
    colour = int(ds.get("SamplesPerPixel", 1)) > 1
    values = pixels if colour else apply_modality_lut(pixels, ds).astype(np.float32)
    frames = int(ds.get("NumberOfFrames", 1) or 1)
    if frames > 1:
        return list(values)
    return [values]


def window(values: np.ndarray, preset: str, *, invert: bool = False) -> np.ndarray:
    """Map modality values to 0..255 with a preset; 'auto' spans the 1st-99th percentile (MRI)."""
    if preset not in PRESETS:
        raise ValueError(f"Unknown window preset {preset!r}; use one of {', '.join(PRESETS)}.")
    setting = PRESETS[preset]
    if setting is None:
        low, high = np.percentile(values, [1, 99])
    else:
        width, level = setting
        low, high = level - width / 2, level + width / 2
    if high <= low:
        high = low + 1
    scaled = np.clip((values.astype(np.float32) - low) / (high - low), 0, 1) * 255
    if invert:
        scaled = 255 - scaled
    return np.rint(scaled).astype(np.uint8)


def to_png(
    source: Dataset | np.ndarray, preset: str = "auto", *, frame: int = 0, invert: bool = False
) -> Image.Image:
    """An 8-bit Pillow image (no metadata) of a dataset, or of an array already in modality units.

    invert is for arrays from MONOCHROME1 data (bright means low values); datasets decide it themselves.
    """
    if isinstance(source, Dataset):
        invert = str(source.get("PhotometricInterpretation", "")) == "MONOCHROME1"
        values = modality_frames(source)[frame]
    else:
        values = np.asarray(source)
    if values.ndim == 3 and values.shape[-1] in (3, 4):
        if values.dtype != np.uint8:
            values = window(values, "auto")
        return Image.fromarray(np.ascontiguousarray(values[..., :3]), mode="RGB")
    return Image.fromarray(window(values, preset, invert=invert), mode="L")


def png_bytes(image: Image.Image) -> bytes:
    """PNG bytes with no text chunks or other metadata."""
    buffer = io.BytesIO()
    clean = Image.frombytes(image.mode, image.size, image.tobytes())
    clean.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def dataset_bytes(ds: Dataset) -> bytes:
    """ds written as a DICOM Part 10 file (with preamble), for tests and zips."""
    buffer = io.BytesIO()
    ds.save_as(buffer, enforce_file_format=True)
    return buffer.getvalue()
