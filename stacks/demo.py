"""Demo stack: the synthetic CT series (imaging.synthetic_ct) imported through the real de-identifying path."""

from __future__ import annotations

import io
import zipfile

from atlas.models import AtlasImage
from imaging.dicom import dataset_bytes
from imaging.synthetic_ct import synthetic_ct_series

from .models import ImageStack
from .services import dicom_import

DEMO_STACK_SLUG = "synthetic-ct-loosened-pedicle-screw"
DEMO_STACK_TITLE = "Synthetic CT: lucent halo around a left pedicle screw"
# The series is made by code, not taken from a patient: it is credited and badged as such, even though it goes
# through the real de-identifying import (which would otherwise credit it as a de-identified patient study).
SYNTHETIC_CREDIT = "Synthetic CT made by code from a phantom (imaging/dicom.py)"


def synthetic_series_zip(n_slices: int = 12) -> io.BytesIO:
    """The synthetic series as a zip of .dcm files (shuffled names, so that sorting is exercised)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for ds in reversed(synthetic_ct_series(n_slices=n_slices)):
            archive.writestr(f"series/IM{(ds.InstanceNumber * 7) % 97:04d}.dcm", dataset_bytes(ds))
    buffer.seek(0)
    return buffer


def load_demo_stack(loader) -> ImageStack:
    """Import the synthetic series once (skipped when the slug exists); counts go to loader.report."""
    stack = ImageStack.objects.filter(slug=DEMO_STACK_SLUG).first()
    if stack is not None:
        loader.report.count("image stacks", False)
        return stack
    result = dicom_import(
        path_or_file=synthetic_series_zip(),
        title=DEMO_STACK_TITLE,
        slug=DEMO_STACK_SLUG,
        preset="bone",
        source_description="Synthetic CT made by code (imaging/dicom.py) with fake identifying attributes",
    )
    images = [s.image for s in result.stack.ordered_slices]
    for image in images:
        image.credit, image.is_schematic, image.is_deidentified = SYNTHETIC_CREDIT, True, False
    AtlasImage.objects.bulk_update(images, ["credit", "is_schematic", "is_deidentified"])
    # Demo content is published as it loads; an import by a faculty member waits for peer review.
    result.figure.get_latest_revision().publish()
    result.stack.get_latest_revision().publish()
    loader.report.count("image stacks", True)
    return result.stack
