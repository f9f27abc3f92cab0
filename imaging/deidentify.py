"""De-identification: applies the PS3.15 profile (imaging/deid_profile.py) to a dataset; flags burned-in text."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from pydicom.dataelem import DataElement
from pydicom.dataset import Dataset
from pydicom.sequence import Sequence
from pydicom.uid import UID, generate_uid

from imaging.deid_profile import (
    DEIDENTIFICATION_METHOD,
    DUMMY_VALUES,
    PROFILE,
    REMOVED_GROUP_RANGES,
    D,
    X,
    Z,
)


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
