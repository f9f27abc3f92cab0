"""Bundle import: create what the bundle has and this site lacks, as drafts, without overwriting local edits."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from io import BytesIO

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.images import ImageFile
from django.core.files.storage import default_storage
from django.db import transaction
from wagtail.models import Page
from wagtail.rich_text import RichText

from atlas.models import (
    AtlasEntryFigure,
    AtlasEntryPage,
    AtlasImage,
    AtlasIndexPage,
    ClinicalScenario,
    Complication,
    Figure,
    Modality,
    ScenarioRating,
    Surgery,
)
from core.models import HomePage
from imaging.metadata import strip_metadata
from quizzes.models import (
    CaseDiagnosis,
    CaseFinding,
    CaseImage,
    CaseRatingOverride,
    CaseWorkupSample,
    QuizCasePage,
    QuizIndexPage,
    QuizModulePage,
)

from .reader import read_bundle
from .records import IMAGE_META_FIELDS, RECORD_FUNCTIONS, figure_record
from .schema import SLUG_SECTIONS
from .validation import BundleError

ENTRY_RICH_TEXT = ["presentation", "red_flags", "pitfalls", "differentials", "references"]


def clean_rich_text(html: str) -> str:
    """A bundle is someone else's HTML: keep only what Wagtail's rich-text editor allows (no scripts)."""
    from wagtail.admin.rich_text.converters.editor_html import EditorHTMLConverter

    return EditorHTMLConverter().whitelister.clean(html or "")


def _clean_rich_text_fields(record: dict, names: list[str]) -> dict:
    return {**record, **{name: clean_rich_text(record[name]) for name in names if name in record}}


@dataclass(frozen=True)
class ReportItem:
    kind: str
    slug: str
    note: str = ""

    def __str__(self) -> str:
        return f"{self.kind} {self.slug}" + (f": {self.note}" if self.note else "")


UNCHANGED = "unchanged"
LOCAL_KEPT = "local version kept (it differs from the bundle)"


@dataclass
class ImportReport:
    created: list[ReportItem] = field(default_factory=list)
    updated: list[ReportItem] = field(default_factory=list)
    skipped: list[ReportItem] = field(default_factory=list)

    def lines(self) -> list[str]:
        counts = f"{len(self.created)} created, {len(self.updated)} updated, {len(self.skipped)} skipped"
        return [
            counts,
            *(f"created: {item}" for item in self.created),
            *(f"updated: {item}" for item in self.updated),
            *(f"skipped: {item}" for item in self.skipped),
        ]


def bundle_import(*, data: bytes) -> ImportReport:
    """Create what the bundle has and this site lacks, all or nothing; existing slugs are never overwritten."""
    manifest, images = read_bundle(data=data)
    importer = _Importer(manifest=manifest, images=images)
    try:
        with transaction.atomic():
            importer.run()
    except Exception:
        importer.delete_stored_files()
        raise
    return importer.report


class _Importer:
    def __init__(self, *, manifest: dict, images: dict[str, bytes]):
        self.manifest = manifest
        self.images = images
        self.image_records = {record["sha256"]: record for record in manifest["images"]}
        self.report = ImportReport()
        self.local: dict[str, dict] = {section: {} for section in SLUG_SECTIONS}
        self.local_images: dict[str, AtlasImage] = {}
        self.stored_files: list[str] = []

    def run(self) -> None:
        steps = [
            ("surgeries", "surgery", Surgery, self.create_surgery),
            ("complications", "complication", Complication, self.create_complication),
            ("modalities", "modality", Modality, self.create_modality),
            ("scenarios", "scenario", ClinicalScenario, self.create_scenario),
            ("figures", "figure", Figure, self.create_figure),
            ("atlas_entries", "atlas entry", AtlasEntryPage, self.create_entry),
            ("quiz_modules", "quiz module", QuizModulePage, self.create_module),
            ("quiz_cases", "quiz case", QuizCasePage, self.create_case),
        ]
        for section, kind, model, create in steps:
            for record in self.manifest[section]:
                self.local[section][record["slug"]] = self.sync(kind, model, record, create)
            if section == "modalities":
                self.link_contained_modalities()
        self.note_modules_with_new_cases()

    def sync(self, kind: str, model, record: dict, create):
        existing = model.objects.filter(slug=record["slug"]).first()
        if existing is not None:
            same = self.record_of(existing) == record
            self.report.skipped.append(ReportItem(kind, record["slug"], UNCHANGED if same else LOCAL_KEPT))
            return existing
        try:
            obj = create(record)
        except ValidationError as error:
            raise BundleError(f"{kind} {record['slug']}: {_describe(error)}") from error
        self.report.created.append(ReportItem(kind, record["slug"]))
        return obj

    def record_of(self, obj) -> dict:
        if isinstance(obj, Figure):
            return figure_record(obj, image_sha256=_sha256_of_stored(obj.image))
        section = {
            Surgery: "surgeries",
            Complication: "complications",
            Modality: "modalities",
            ClinicalScenario: "scenarios",
            AtlasEntryPage: "atlas_entries",
            QuizModulePage: "quiz_modules",
            QuizCasePage: "quiz_cases",
        }[type(obj)]
        return RECORD_FUNCTIONS[section](obj)

    def note_modules_with_new_cases(self) -> None:
        created_cases = {item.slug for item in self.report.created if item.kind == "quiz case"}
        for item in list(self.report.skipped):
            if item.kind != "quiz module":
                continue
            new = [c["slug"] for c in self.manifest["quiz_cases"] if c["module"] == item.slug]
            new = [slug for slug in new if slug in created_cases]
            if new:
                self.report.skipped.remove(item)
                self.report.updated.append(
                    ReportItem(item.kind, item.slug, f"new cases added: {', '.join(new)}")
                )

    def delete_stored_files(self) -> None:
        for name in self.stored_files:
            default_storage.delete(name)

    # lookups
    def get(self, section: str, slug: str | None):
        return self.local[section][slug] if slug is not None else None

    def get_all(self, section: str, slugs: list[str]) -> list:
        return [self.local[section][slug] for slug in slugs]

    # taxonomy
    def create_surgery(self, record: dict) -> Surgery:
        return _save(Surgery(**record))

    def create_complication(self, record: dict) -> Complication:
        complication = _save(Complication(**_without(record, "surgeries")))
        complication.surgeries.set(self.get_all("surgeries", record["surgeries"]))
        return complication

    def create_modality(self, record: dict) -> Modality:
        return _save(Modality(**_without(record, "contains")))

    def link_contained_modalities(self) -> None:
        """After every modality exists: what each new one contains (kept as is for modalities already here)."""
        created = {item.slug for item in self.report.created if item.kind == "modality"}
        for record in self.manifest["modalities"]:
            if record["slug"] in created:
                self.local["modalities"][record["slug"]].contains.set(
                    self.get_all("modalities", record["contains"])
                )

    def create_scenario(self, record: dict) -> ClinicalScenario:
        scenario = ClinicalScenario(
            **_without(record, "surgeries", "most_likely", "also_considered", "ratings"),
            most_likely=self.get("complications", record["most_likely"]),
        )
        scenario.surgeries = self.get_all("surgeries", record["surgeries"])
        scenario.also_considered = self.get_all("complications", record["also_considered"])
        scenario.ratings = [
            ScenarioRating(
                **_without(r, "modality"), modality=self.get("modalities", r["modality"]), sort_order=i
            )
            for i, r in enumerate(record["ratings"])
        ]
        for rating in scenario.ratings.all():
            rating.full_clean(exclude=["scenario"])
        return _save(scenario)

    # figures
    def create_figure(self, record: dict) -> Figure:
        figure = Figure(
            **_without(record, "image", "modality", "surgery", "complications"),
            image=self.image(record["image"]),
            modality=self.get("modalities", record["modality"]),
            surgery=self.get("surgeries", record["surgery"]),
        )
        figure.live = False  # a colleague's figure waits for local peer review, like the pages
        _save(figure)
        figure.complications.set(self.get_all("complications", record["complications"]))
        figure.save_revision()
        return figure

    def image(self, sha256: str) -> AtlasImage:
        if sha256 in self.local_images:
            return self.local_images[sha256]
        data, record = self.images[sha256], self.image_records[sha256]
        sha1 = hashlib.sha1(data, usedforsecurity=False).hexdigest()
        image = AtlasImage.objects.filter(file_hash=sha1).first()
        if image is None:
            image = AtlasImage(**{name: record[name] for name in IMAGE_META_FIELDS}, file_hash=sha1)
            # Another site's image may carry EXIF/GPS or text chunks: store it without them, as uploads are.
            clean = strip_metadata(data, max_pixels=settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS)
            stored = clean.data if clean.removed else data
            image.file = ImageFile(
                BytesIO(stored), name=f"bundle-{sha256[:16]}.{record['file'].rsplit('.', 1)[1]}"
            )
            image.file_size = len(stored)
            image.save()
            self.stored_files.append(image.file.name)
            self.report.created.append(ReportItem("image", sha256[:12], record["title"]))
        self.local_images[sha256] = image
        return image

    # pages (created as drafts: the local review workflow decides what goes live)
    def create_entry(self, record: dict) -> AtlasEntryPage:
        record = _clean_rich_text_fields(record, ENTRY_RICH_TEXT)
        entry = AtlasEntryPage(
            **_without(record, "complication", "surgeries", "findings_by_modality", "scenarios", "figures"),
            complication=self.get("complications", record["complication"]),
            live=False,
        )
        entry.findings_by_modality = [
            (
                "findings",
                {
                    "modality": self.get("modalities", f["modality"]),
                    "findings": RichText(clean_rich_text(f["findings"])),
                },
            )
            for f in record["findings_by_modality"]
        ]
        entry.surgeries = self.get_all("surgeries", record["surgeries"])
        entry.scenarios = self.get_all("scenarios", record["scenarios"])
        entry.entry_figures = [
            AtlasEntryFigure(figure=figure, sort_order=i)
            for i, figure in enumerate(self.get_all("figures", record["figures"]))
        ]
        return _add_draft(self.atlas_index(), entry)

    def create_module(self, record: dict) -> QuizModulePage:
        record = _clean_rich_text_fields(record, ["intro"])
        return _add_draft(self.quiz_index(), QuizModulePage(**record, live=False))

    def create_case(self, record: dict) -> QuizCasePage:
        relations = ("module", "surgery", "scenario", "fallback_modality", "target_figure", "atlas_entries")
        children = ("rating_overrides", "case_images", "findings", "diagnoses", "workup_samples")
        record = _clean_rich_text_fields(record, ["teaching_points"])
        case = QuizCasePage(
            **_without(record, *relations, *children),
            surgery=self.get("surgeries", record["surgery"]),
            scenario=self.get("scenarios", record["scenario"]),
            fallback_modality=self.get("modalities", record["fallback_modality"]),
            target_figure=self.get("figures", record["target_figure"]),
            live=False,
        )
        case.atlas_entries = self.get_all("atlas_entries", record["atlas_entries"])
        case.rating_overrides = [
            CaseRatingOverride(
                **_without(o, "modality"), modality=self.get("modalities", o["modality"]), sort_order=i
            )
            for i, o in enumerate(record["rating_overrides"])
        ]
        case.case_images = [
            CaseImage(
                modality=self.get("modalities", i["modality"]),
                figure=self.get("figures", i["figure"]),
                sort_order=n,
            )
            for n, i in enumerate(record["case_images"])
        ]
        case.findings = [
            CaseFinding(**_without(f, "seen_on"), seen_on=self.get("modalities", f["seen_on"]), sort_order=i)
            for i, f in enumerate(record["findings"])
        ]
        case.workup_samples = [
            CaseWorkupSample(**x, sort_order=i) for i, x in enumerate(record["workup_samples"])
        ]
        case.diagnoses = [
            CaseDiagnosis(
                **_without(d, "complication"),
                complication=self.get("complications", d["complication"]),
                sort_order=i,
            )
            for i, d in enumerate(record["diagnoses"])
        ]
        return _add_draft(self.get("quiz_modules", record["module"]), case)

    def atlas_index(self) -> AtlasIndexPage:
        return AtlasIndexPage.objects.first() or self.add_index(AtlasIndexPage(title="Atlas", slug="atlas"))

    def quiz_index(self) -> QuizIndexPage:
        return QuizIndexPage.objects.first() or self.add_index(QuizIndexPage(title="Quizzes", slug="quizzes"))

    def add_index(self, page: Page) -> Page:
        home = HomePage.objects.first()
        if home is None:
            raise BundleError("This site has no home page to import under; create the site first.")
        home.add_child(instance=page)
        self.report.created.append(ReportItem("index page", page.slug))
        return page


def _without(record: dict, *keys: str) -> dict:
    return {key: value for key, value in record.items() if key not in keys}


def _save(obj):
    obj.full_clean()
    obj.save()
    return obj


def _add_draft(parent: Page, page: Page) -> Page:
    parent.add_child(instance=page)
    page.save_revision()
    return page


def _describe(error: ValidationError) -> str:
    if hasattr(error, "message_dict"):
        return "; ".join(f"{name}: {' '.join(messages)}" for name, messages in error.message_dict.items())
    return " ".join(error.messages)


def _sha256_of_stored(image: AtlasImage) -> str:
    with image.open_file() as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()
