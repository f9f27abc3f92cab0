"""Forms: the DICOM import upload, and the image form base that checks and cleans every image upload."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile, UploadedFile
from wagtail.images.forms import BaseImageForm

from imaging.dicom import PRESET_LABELS
from imaging.metadata import ImageRejected, strip_metadata

MAX_DICOM_UPLOAD_SIZE = getattr(settings, "STACKS_MAX_DICOM_UPLOAD_SIZE", 1024 * 1024 * 1024)


class SafeImageForm(BaseImageForm):
    """Wagtail's image form plus a re-encode that drops EXIF, GPS, XMP and comments from the original."""

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        # Wagtail's field has already checked type, size and pixel count; an unchanged file on edit is not
        # an UploadedFile and stays as it is.
        if not isinstance(upload, UploadedFile):
            return upload
        upload.seek(0)
        try:
            clean = strip_metadata(
                upload.read(), max_pixels=getattr(settings, "WAGTAILIMAGES_MAX_IMAGE_PIXELS", 40_000_000)
            )
        except ImageRejected as error:
            raise forms.ValidationError(str(error), code="image_rejected") from None
        return SimpleUploadedFile(upload.name, clean.data, content_type=upload.content_type)


class DicomImportForm(forms.Form):
    file = forms.FileField(
        help_text="A .dcm file or a .zip of one series. The original is never stored: only de-identified "
        "PNG slices are kept.",
    )
    title = forms.CharField(
        max_length=200, help_text="No names, dates or record numbers: the title is shown to readers."
    )
    preset = forms.ChoiceField(
        choices=[("", "Default (bone for CT, automatic for others)"), *PRESET_LABELS.items()],
        required=False,
        label="Window",
    )
    key_slice = forms.IntegerField(
        min_value=1, required=False, help_text="The slice for the key-image figure; empty for the middle one."
    )
    confirm_clean_pixels = forms.BooleanField(
        required=False,
        label="I have checked every slice: no names, dates or other text are burned into the pixels",
        help_text="Required for ultrasound, secondary captures and images that declare burned-in annotation.",
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_DICOM_UPLOAD_SIZE:
            raise forms.ValidationError(
                f"The file is too large (at most {MAX_DICOM_UPLOAD_SIZE // 1_000_000} MB)."
            )
        return upload
