"""The admin form of a quiz case: validation that tells the author exactly what is wrong."""

from __future__ import annotations

from django import forms
from wagtail.admin.forms import WagtailAdminPageForm

from atlas.models import ScenarioRating

from .samples import band_message, samples_for_form


def _live_rows(formset) -> list[dict]:
    rows = []
    for form in formset.forms:
        data = getattr(form, "cleaned_data", None)
        if data and not data.get("DELETE"):
            rows.append(data)
    return rows


class QuizCaseForm(WagtailAdminPageForm):
    def clean(self):
        cleaned = super().clean()
        if any(not formset.is_valid() for formset in self.formsets.values()):
            return cleaned
        self._check_workup_key(cleaned)
        self._check_diagnoses()
        self._check_target_and_images(cleaned)
        if self._is_publishing():
            self._check_workup_samples(cleaned)
        return cleaned

    def _is_publishing(self) -> bool:
        """Publishing, or a reviewer approving from the editor: drafts may hold samples still being tuned."""
        data = self.data or {}
        approving = "action-workflow-action" in data and data.get("workflow-action-name") == "approve"
        return "action-publish" in data or approving

    def _check_workup_samples(self, cleaned):
        scenario = cleaned.get("scenario")
        if scenario is None or "workup_samples" not in self.formsets:
            return
        results = samples_for_form(
            scenario,
            _live_rows(self.formsets["rating_overrides"]),
            _live_rows(self.formsets["workup_samples"]),
        )
        outside = [r for r in results if not r.inside]
        if outside:
            raise forms.ValidationError(band_message(outside))

    def _check_workup_key(self, cleaned):
        scenario = cleaned.get("scenario")
        if scenario is None:
            return
        ratings = {r.modality_id: r.rating for r in ScenarioRating.objects.filter(scenario=scenario)}
        for row in _live_rows(self.formsets["rating_overrides"]):
            if row.get("modality"):
                ratings[row["modality"].pk] = row["rating"]
                low, high = row.get("acceptable_low"), row.get("acceptable_high")
                if low and high and not (low <= row["rating"] <= high):
                    raise forms.ValidationError(
                        f"The override for {row['modality']} must have low ≤ rating ≤ high ({low}, {row['rating']}, {high})."
                    )
        if not any(r >= 7 for r in ratings.values()):
            self.add_error(
                "scenario",
                "The workup key needs at least one usually appropriate examination (rated 7–9) in the scenario "
                "or in this case's overrides.",
            )

    def _check_diagnoses(self):
        rows = _live_rows(self.formsets["diagnoses"])
        full = [r for r in rows if r.get("credit") == 100]
        if len(full) != 1:
            raise forms.ValidationError(
                f"Exactly one diagnosis must carry 100% credit (the answer); this case has {len(full)}."
            )
        seen = [r["complication"].pk for r in rows if r.get("complication")]
        if len(seen) != len(set(seen)):
            raise forms.ValidationError("A diagnosis is listed twice.")

    def _check_target_and_images(self, cleaned):
        images = _live_rows(self.formsets["case_images"])
        for row in images:
            figure = row.get("figure")
            if figure is not None and not (figure.alt_text or "").strip():
                raise forms.ValidationError(
                    f"The figure “{figure}” has no alt text: add it in Atlas › Figures."
                )
        target, fallback = cleaned.get("target_figure"), cleaned.get("fallback_modality")
        if target is None or fallback is None:
            return
        seen = [r for r in images if r.get("figure") == target and r.get("modality") == fallback]
        if not seen:
            self.add_error(
                "target_figure",
                f"The learner may not see this figure: add it under “Images shown for each examination” with the "
                f"examination that is always shown ({fallback}).",
            )
        shape_ids = {s.get("id") for s in target.annotations or []}
        if cleaned.get("target_annotation_id") not in shape_ids:
            self.add_error(
                "target_annotation_id",
                f"Not an annotation of “{target}”. Choose one of: {', '.join(sorted(i for i in shape_ids if i)) or 'none: draw one first'}.",
            )
