"""DICOM in, teaching images out: reading, PS3.15 de-identification, burned-in risk, window/level to PNG."""

from __future__ import annotations

import datetime as dt
import io
import os
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

import numpy as np
from PIL import Image, ImageDraw, ImageFont
from pydicom import dcmread
from pydicom.dataelem import DataElement
from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.errors import InvalidDicomError
from pydicom.pixels import apply_modality_lut
from pydicom.sequence import Sequence
from pydicom.uid import (
    PYDICOM_IMPLEMENTATION_UID,
    UID,
    CTImageStorage,
    ExplicitVRLittleEndian,
    generate_uid,
)

DEIDENTIFICATION_METHOD = (
    "DICOM PS3.15 Annex E Basic Application Level Confidentiality Profile with the Retain Longitudinal "
    "Temporal Information with Modified Dates Option; private tags, curves and overlays removed "
    "(Spine PostOp Atlas imaging/dicom.py)"
)

# PS3.15 Annex E, Table E.1-1, Basic Profile column, by keyword. Where the profile allows a choice
# (X/Z, X/Z/D, Z/D...), the strictest action that keeps the image readable is taken: X (remove) for
# free text, names and devices, Z (blank) where the attribute is type 2 in the CT/MR IODs. "D" (dummy)
# is used for PatientName/PatientID so that viewers that insist on them still open the file. Dates and
# times are not blanked: the Modified Dates option shifts them (see `_shift_dates`), which keeps the
# intervals a teaching case needs ("day 3 after surgery").
X, Z, D, U = "remove", "blank", "dummy", "replace-uid"
DUMMY_VALUES = {"PatientName": "ANONYMOUS", "PatientID": "ANON"}

PROFILE: dict[str, str] = {
    # patient
    "PatientName": D,
    "PatientID": D,
    "PatientBirthDate": Z,
    "PatientSex": Z,
    "PatientAge": X,
    "PatientBirthName": X,
    "PatientBirthTime": X,
    "PatientMotherBirthName": X,
    "PatientAddress": X,
    "PatientTelephoneNumbers": X,
    "PatientTelecomInformation": X,
    "PatientComments": X,
    "PatientSize": X,
    "PatientWeight": X,
    "PatientState": X,
    "PatientInstitutionResidence": X,
    "PatientInsurancePlanCodeSequence": X,
    "PatientPrimaryLanguageCodeSequence": X,
    "PatientPrimaryLanguageModifierCodeSequence": X,
    "PatientReligiousPreference": X,
    "PatientSexNeutered": X,
    "PatientTransportArrangements": X,
    "PatientBirthDateInAlternativeCalendar": X,
    "PatientDeathDateInAlternativeCalendar": X,
    "PatientAlternativeCalendar": X,
    "OtherPatientIDs": X,
    "OtherPatientIDsSequence": X,
    "OtherPatientNames": X,
    "IssuerOfPatientID": X,
    "MedicalRecordLocator": X,
    "EthnicGroup": X,
    "Occupation": X,
    "MilitaryRank": X,
    "BranchOfService": X,
    "CountryOfResidence": X,
    "RegionOfResidence": X,
    "CurrentPatientLocation": X,
    "AdditionalPatientHistory": X,
    "Allergies": X,
    "MedicalAlerts": X,
    "PregnancyStatus": X,
    "SmokingStatus": X,
    "SpecialNeeds": X,
    "PreMedication": X,
    "ReferencedPatientSequence": X,
    "ReferencedPatientAliasSequence": X,
    "ResponsiblePerson": X,
    "ResponsibleOrganization": X,
    "PersonName": Z,
    "PersonAddress": X,
    "PersonTelephoneNumbers": X,
    "PersonIdentificationCodeSequence": X,
    # visit, order and study
    "AccessionNumber": Z,
    "StudyID": Z,
    "StudyIDIssuer": X,
    "StudyDescription": X,
    "StudyComments": X,
    "SeriesDescription": X,
    "ReasonForStudy": X,
    "ReasonForTheImagingServiceRequest": X,
    "RequestedProcedureDescription": X,
    "RequestedProcedureID": X,
    "RequestedProcedureComments": X,
    "RequestedProcedureLocation": X,
    "RequestedContrastAgent": X,
    "RequestAttributesSequence": X,
    "RequestingPhysician": X,
    "RequestingService": X,
    "ImagingServiceRequestComments": X,
    "PlacerOrderNumberImagingServiceRequest": Z,
    "FillerOrderNumberImagingServiceRequest": Z,
    "OrderCallbackPhoneNumber": X,
    "OrderEnteredBy": X,
    "OrderEntererLocation": X,
    "AdmissionID": X,
    "IssuerOfAdmissionID": X,
    "AdmittingDate": X,
    "AdmittingTime": X,
    "AdmittingDiagnosesDescription": X,
    "AdmittingDiagnosesCodeSequence": X,
    "DischargeDiagnosisDescription": X,
    "ServiceEpisodeID": X,
    "ServiceEpisodeDescription": X,
    "IssuerOfServiceEpisodeID": X,
    "VisitComments": X,
    "InsurancePlanIdentification": X,
    "ReferencedStudySequence": X,
    "ReferencedPerformedProcedureStepSequence": X,
    "ReferencedImageSequence": X,
    "SourceImageSequence": X,
    "PerformedProcedureStepID": X,
    "PerformedProcedureStepDescription": X,
    "PerformedLocation": X,
    "CommentsOnThePerformedProcedureStep": X,
    "ScheduledProcedureStepDescription": X,
    "ScheduledProcedureStepLocation": X,
    "ScheduledProcedureStepStartDate": X,
    "ScheduledProcedureStepStartTime": X,
    "ScheduledProcedureStepEndDate": X,
    "ScheduledProcedureStepEndTime": X,
    "ScheduledPerformingPhysicianName": X,
    "ScheduledPerformingPhysicianIdentificationSequence": X,
    "ScheduledHumanPerformersSequence": X,
    "ScheduledPatientInstitutionResidence": X,
    "ScheduledStationAETitle": X,
    "ScheduledStationName": X,
    "ScheduledStationNameCodeSequence": X,
    "ScheduledStationGeographicLocationCodeSequence": X,
    "ScheduledStudyLocation": X,
    "ScheduledStudyLocationAETitle": X,
    "ProtocolName": X,
    "AcquisitionComments": X,
    "AcquisitionContextSequence": X,
    "AcquisitionDeviceProcessingDescription": X,
    "AcquisitionProtocolDescription": X,
    "ContrastBolusAgent": Z,
    "DerivationDescription": X,
    "ImageComments": X,
    "FrameComments": X,
    "ImagePresentationComments": X,
    "IdentifyingComments": X,
    "TextComments": X,
    "TextString": X,
    "ContentSequence": X,
    "GraphicAnnotationSequence": X,
    "IconImageSequence": X,
    "Impressions": X,
    "ResultsComments": X,
    "ResultsIDIssuer": X,
    "ResultsDistributionListSequence": X,
    "InterpretationAuthor": X,
    "InterpretationApproverSequence": X,
    "InterpretationDiagnosisDescription": X,
    "InterpretationIDIssuer": X,
    "InterpretationRecorder": X,
    "InterpretationText": X,
    "InterpretationTranscriber": X,
    "TopicAuthor": X,
    "TopicKeywords": X,
    "TopicSubject": X,
    "TopicTitle": X,
    "ModifiedAttributesSequence": X,
    "OriginalAttributesSequence": X,
    "ModifiedImageDescription": X,
    "DigitalSignaturesSequence": X,
    "ReferencedDigitalSignatureSequence": X,
    "ReferencedSOPInstanceMACSequence": X,
    "MAC": X,
    "DataSetTrailingPadding": X,
    "TimezoneOffsetFromUTC": X,
    "DistributionName": X,
    "DistributionAddress": X,
    "AddressTrial": X,
    # people
    "ReferringPhysicianName": Z,
    "ReferringPhysicianAddress": X,
    "ReferringPhysicianTelephoneNumbers": X,
    "ReferringPhysicianIdentificationSequence": X,
    "PerformingPhysicianName": X,
    "PerformingPhysicianIdentificationSequence": X,
    "NameOfPhysiciansReadingStudy": X,
    "PhysiciansReadingStudyIdentificationSequence": X,
    "PhysiciansOfRecord": X,
    "PhysiciansOfRecordIdentificationSequence": X,
    "PhysicianApprovingInterpretation": X,
    "OperatorsName": X,
    "OperatorIdentificationSequence": X,
    "HumanPerformerName": X,
    "HumanPerformerOrganization": X,
    "ActualHumanPerformersSequence": X,
    "AuthorObserverSequence": X,
    "ParticipantSequence": X,
    "ContentCreatorName": Z,
    "ContentCreatorIdentificationCodeSequence": X,
    "ReviewerName": X,
    "VerifyingObserverName": Z,
    "VerifyingObserverSequence": X,
    "VerifyingObserverIdentificationCodeSequence": Z,
    "VerifyingOrganization": X,
    "NamesOfIntendedRecipientsOfResults": X,
    "IntendedRecipientsOfResultsIdentificationSequence": X,
    "CustodialOrganizationSequence": X,
    # institution and devices
    "InstitutionName": X,
    "InstitutionAddress": X,
    "InstitutionCodeSequence": X,
    "InstitutionalDepartmentName": X,
    "StationName": X,
    "DeviceSerialNumber": X,
    "DetectorID": X,
    "GantryID": X,
    "GeneratorID": X,
    "CassetteID": X,
    "PlateID": X,
    "ModifyingDeviceID": X,
    "ModifyingDeviceManufacturer": X,
    "OverlayComments": X,
    # UIDs: replaced, consistently within the import, through the caller's uid_map
    "StudyInstanceUID": U,
    "SeriesInstanceUID": U,
    "SOPInstanceUID": U,
    "FrameOfReferenceUID": U,
    "SynchronizationFrameOfReferenceUID": U,
    "ReferencedFrameOfReferenceUID": U,
    "RelatedFrameOfReferenceUID": U,
    "ReferencedSOPInstanceUID": U,
    "ReferencedSOPInstanceUIDInFile": U,
    "ConcatenationUID": U,
    "DimensionOrganizationUID": U,
    "IrradiationEventUID": U,
    "DeviceUID": U,
    "DoseReferenceUID": U,
    "FiducialUID": U,
    "InstanceCreatorUID": U,
    "LargePaletteColorLookupTableUID": U,
    "StorageMediaFileSetUID": U,
    "TemplateExtensionCreatorUID": U,
    "TemplateExtensionOrganizationUID": U,
    "TransactionUID": U,
    "UID": U,
    "AffectedSOPInstanceUID": X,
}

# Repeating groups the profile removes: curves (50xx) and overlays (60xx, which may carry drawn text).
REMOVED_GROUP_RANGES = {"curve": (0x5000, 0x50FF), "overlay": (0x6000, 0x60FF)}


class DicomInputError(ValueError):
    """Input that cannot be imported; the message is meant for the person who uploaded it."""


@dataclass
class DeidReport:
    """What de-identification did, by attribute name only: values are never recorded."""

    removed: set[str] = field(default_factory=set)
    blanked: set[str] = field(default_factory=set)
    dummied: set[str] = field(default_factory=set)
    uids_replaced: set[str] = field(default_factory=set)
    dates_shifted: set[str] = field(default_factory=set)
    private_tags_removed: int = 0
    repeating_groups_removed: set[str] = field(default_factory=set)
    method: str = DEIDENTIFICATION_METHOD

    def merge(self, other: DeidReport) -> DeidReport:
        for name in ("removed", "blanked", "dummied", "uids_replaced", "dates_shifted"):
            getattr(self, name).update(getattr(other, name))
        self.repeating_groups_removed.update(other.repeating_groups_removed)
        self.private_tags_removed += other.private_tags_removed
        return self

    def as_dict(self) -> dict:
        return {
            "method": self.method,
            "removed": sorted(self.removed),
            "blanked": sorted(self.blanked),
            "dummy_values": sorted(self.dummied),
            "uids_replaced": sorted(self.uids_replaced),
            "dates_shifted": sorted(self.dates_shifted),
            "private_tags_removed": self.private_tags_removed,
            "repeating_groups_removed": sorted(self.repeating_groups_removed),
        }


# De-identification ----------------------------------------------------------------------------------


def _new_uid(old: str, uid_map: dict[str, str]) -> str:
    if UID(old).name != old:  # a well-known UID (a SOP class, a transfer syntax): not identifying
        return old
    if old not in uid_map:
        uid_map[old] = generate_uid(prefix=None)
    return uid_map[old]


def _shift_date(value: str, days: int) -> str:
    return (dt.datetime.strptime(value[:8], "%Y%m%d").date() + dt.timedelta(days=days)).strftime("%Y%m%d")


def _shift_element(elem: DataElement, days: int) -> bool:
    """Shift a DA or DT element in place by whole days (times of day are kept); False if unparseable."""
    values = elem.value if elem.VM > 1 else [elem.value]
    shifted = []
    for value in values:
        text = str(value).strip()
        if not text:
            shifted.append(text)
            continue
        try:
            shifted.append(_shift_date(text, days) + text[8:])
        except ValueError:
            return False
    elem.value = shifted if elem.VM > 1 else shifted[0]
    return True


def _deidentify_level(ds: Dataset, uid_map: dict[str, str], days: int, report: DeidReport) -> None:
    for elem in list(ds):
        keyword = elem.keyword
        action = PROFILE.get(keyword)
        group = elem.tag.group
        name = keyword or str(elem.tag)
        if elem.tag.is_private:
            continue  # removed in one pass by remove_private_tags()
        if any(low <= group <= high for low, high in REMOVED_GROUP_RANGES.values()):
            kind = "curve" if group <= 0x50FF else "overlay"
            report.repeating_groups_removed.add(f"{kind} group {group:04X}")
            del ds[elem.tag]
        elif action == X:
            del ds[elem.tag]
            report.removed.add(name)
        elif action == Z:
            elem.value = Sequence() if elem.VR == "SQ" else ""
            report.blanked.add(name)
        elif action == D:
            elem.value = DUMMY_VALUES[keyword]
            report.dummied.add(name)
        elif elem.VR == "UI" and elem.value:
            values = elem.value if elem.VM > 1 else [elem.value]
            new = [_new_uid(str(v), uid_map) for v in values]
            if new != [str(v) for v in values]:
                report.uids_replaced.add(name)
            elem.value = new if elem.VM > 1 else new[0]
        elif elem.VR in ("DA", "DT") and elem.value:
            if _shift_element(elem, days):
                report.dates_shifted.add(name)
            else:  # a date we cannot shift is a date we cannot keep
                del ds[elem.tag]
                report.removed.add(name)
        elif elem.VR == "SQ":
            for item in elem.value:
                _deidentify_level(item, uid_map, days, report)


def deidentify(ds: Dataset, *, uid_map: dict[str, str], date_shift_days: int) -> DeidReport:
    """De-identify ds in place (PS3.15 Basic Profile); uid_map old->new UID is shared across a study.

    date_shift_days moves every remaining date by whole days (times of day unchanged): use one offset per
    study so that intervals survive. The report names attributes, never their values.
    """
    report = DeidReport()
    private = sum(1 for elem in ds.iterall() if elem.tag.is_private)
    ds.remove_private_tags()
    report.private_tags_removed = private
    _deidentify_level(ds, uid_map, date_shift_days, report)
    if getattr(ds, "file_meta", None) is not None and "MediaStorageSOPInstanceUID" in ds.file_meta:
        ds.file_meta.MediaStorageSOPInstanceUID = ds.SOPInstanceUID
    ds.PatientIdentityRemoved = "YES"
    ds.DeidentificationMethod = DEIDENTIFICATION_METHOD[:64]
    ds.DeidentificationMethodCodeSequence = Sequence(
        [
            _code("113100", "Basic Application Confidentiality Profile"),
            _code("113107", "Retain Longitudinal Temporal Information Modified Dates Option"),
        ]
    )
    ds.LongitudinalTemporalInformationModified = "MODIFIED"
    return report


def _code(value: str, meaning: str) -> Dataset:
    item = Dataset()
    item.CodeValue = value
    item.CodingSchemeDesignator = "DCM"
    item.CodeMeaning = meaning
    return item


def burned_in_risk(ds: Dataset) -> str | None:
    """Why the pixels may carry burned-in text (names, dates), or None when nothing suggests it."""
    if str(ds.get("BurnedInAnnotation", "")).upper() == "YES":
        return "the file declares burned-in annotation (BurnedInAnnotation = YES)"
    if str(ds.get("Modality", "")).upper() == "US":
        return "ultrasound images usually carry burned-in text"
    sop_class = UID(str(ds.get("SOPClassUID", "")))
    if "Secondary Capture" in sop_class.name:
        return "secondary capture images (screenshots) often carry burned-in text"
    image_type = ds.get("ImageType", [])
    image_type = [image_type] if isinstance(image_type, str) else list(image_type or [])
    if any(str(v).upper() == "SECONDARY" for v in image_type):
        return "derived (SECONDARY) images may carry burned-in text"
    return None


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


# A synthetic CT series for the demo and tests ---------------------------------------------------------

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
    study_uid = generate_uid(entropy_srcs=[seed, "study"])
    series_uid = generate_uid(entropy_srcs=[seed, "series"])
    frame_uid = generate_uid(entropy_srcs=[seed, "frame"])
    series = []
    for z in range(n_slices):
        hu = _phantom_slice(size, z, n_slices, pixel_mm)
        stored = np.clip(np.rint(hu + 1024), 0, 4095).astype(np.uint16)
        ds = Dataset()
        ds.file_meta = FileMetaDataset()
        ds.file_meta.TransferSyntaxUID = ExplicitVRLittleEndian
        ds.file_meta.MediaStorageSOPClassUID = CTImageStorage
        ds.file_meta.ImplementationClassUID = PYDICOM_IMPLEMENTATION_UID
        ds.SOPClassUID = CTImageStorage
        ds.SOPInstanceUID = generate_uid(entropy_srcs=[seed, "instance", str(z)])
        ds.file_meta.MediaStorageSOPInstanceUID = ds.SOPInstanceUID
        ds.StudyInstanceUID, ds.SeriesInstanceUID, ds.FrameOfReferenceUID = study_uid, series_uid, frame_uid
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
        ds.ImageOrientationPatient = [1, 0, 0, 0, 1, 0]
        ds.ImagePositionPatient = [-100.0, -100.0, -40.0 + z * slice_thickness]
        ds.SliceLocation = -40.0 + z * slice_thickness
        ds.SliceThickness = slice_thickness
        ds.PixelSpacing = [pixel_mm, pixel_mm]
        ds.KVP = 120
        ds.set_pixel_data(stored, "MONOCHROME2", 12, generate_instance_uid=False)
        ds.RescaleIntercept = -1024
        ds.RescaleSlope = 1
        ds.RescaleType = "HU"
        ds.WindowCenter, ds.WindowWidth = 500, 2000
        ds.BurnedInAnnotation = "NO"
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
        series.append(ds)
    return series


def dataset_bytes(ds: Dataset) -> bytes:
    """ds written as a DICOM Part 10 file (with preamble), for tests and zips."""
    buffer = io.BytesIO()
    ds.save_as(buffer, enforce_file_format=True)
    return buffer.getvalue()


ProgressCallback = Callable[[int, int, str], None]
