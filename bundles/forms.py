from django import forms

from .reader import MAX_BUNDLE_BYTES


class BundleUploadForm(forms.Form):
    bundle = forms.FileField(
        label="Bundle (.zip)",
        help_text="A zip exported by another Spine PostOp Atlas site. Existing content is never overwritten.",
    )

    def clean_bundle(self):
        upload = self.cleaned_data["bundle"]
        if upload.size > MAX_BUNDLE_BYTES:
            raise forms.ValidationError(f"The file is larger than {MAX_BUNDLE_BYTES // (1024 * 1024)} MB.")
        return upload
