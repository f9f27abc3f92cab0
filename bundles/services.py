"""Case bundles: export pages with everything they need to a zip; import one without overwriting local edits."""

from __future__ import annotations

import hashlib
import json
import stat
import warnings
import zipfile
from dataclasses import dataclass, field
from io import BytesIO

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.images import ImageFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone
from PIL import Image as PILImage
from PIL import UnidentifiedImageError
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

from . import manifest as schema
from .manifest import ManifestError, ZipEntry, ZipLimits

EXPORTABLE_PAGE_TYPES = (AtlasEntryPage, QuizModulePage, QuizCasePage)
MAX_BUNDLE_BYTES = 256 * 1024 * 1024


class BundleError(ManifestError):
    """A bundle refused at import; nothing of it was kept."""


# Records: one function per model, used to export and to compare a local object with a bundle's ----------


def _slug(obj) -> str | None:
    return obj.slug if obj is not None else None


def _slugs(queryset) -> list[str]:
    return sorted(obj.slug for obj in queryset)


def _fields(obj, names: list[str]) -> dict:
    return {name: getattr(obj, name) for name in names}


SURGERY_FIELDS = ["slug", "name", "short_name", "description", "sort_order"]
COMPLICATION_FIELDS = [
    "slug",
    "name",
    "category",
    "urgency",
    "onset_min_days",
    "onset_max_days",
    "timing_note",
    "summary",
    "sort_order",
]
MODALITY_FIELDS = [
    "slug",
    "name",
    "abbreviation",
    "category",
    "radiation_level",
    "radiation_note",
    "cost_tier",
    "description",
    "sort_order",
]
SCENARIO_FIELDS = [
    "slug",
    "code",
    "title",
    "presentation",
    "timing",
    "days_since_surgery",
    "urgency",
    "other_diagnoses_text",
    "ideal_order_text",
    "radiation_note",
    "guideline_note",
]
RATING_FIELDS = [
    "rating",
    "acceptable_low",
    "acceptable_high",
    "reason",
    "ideal_position",
    "first_line_group",
    "first_line_credit",
    "condition",
]
SAMPLE_FIELDS = ["kind", "order", "band_low", "band_high", "note"]
IMAGE_META_FIELDS = ["title", "credit", "licence", "is_schematic", "is_deidentified"]
FIGURE_FIELDS = [
    "slug",
    "title",
    "plane",
    "sequence",
    "days_since_surgery",
    "caption",
    "alt_text",
    "annotations",
]
ENTRY_FIELDS = [
    "slug",
    "title",
    "kind",
    "summary",
    "timing",
    "urgency",
    "presentation",
    "red_flags",
    "pitfalls",
    "differentials",
    "references",
]
MODULE_FIELDS = ["slug", "title", "aim", "intro"]
ENTRY_RICH_TEXT = ["presentation", "red_flags", "pitfalls", "differentials", "references"]


def clean_rich_text(html: str) -> str:
    """A bundle is someone else's HTML: keep only what Wagtail's rich-text editor allows (no scripts)."""
    from wagtail.admin.rich_text.converters.editor_html import EditorHTMLConverter

    return EditorHTMLConverter().whitelister.clean(html or "")


def _clean_rich_text_fields(record: dict, names: list[str]) -> dict:
    return {**record, **{name: clean_rich_text(record[name]) for name in names if name in record}}


CASE_FIELDS = [
    "slug",
    "title",
    "patient_age",
    "patient_sex",
    "operation",
    "level",
    "days_since_surgery",
    "symptoms",
    "examination",
    "labs",
    "fallback_note",
    "target_annotation_id",
    "target_region_label",
    "other_region_ids",
    "pointing_tolerance",
    "next_step_answer",
    "next_step_partial",
    "next_step_partial_credit",
    "next_step_explanation",
    "teaching_points",
    "weight_workup",
    "weight_findings",
    "weight_diagnosis",
    "weight_pointing",
    "weight_next_step",
    "weight_certainty",
]
OVERRIDE_FIELDS = ["rating", "acceptable_low", "acceptable_high", "reason"]
FINDING_FIELDS = ["key", "text", "is_present", "explanation"]


def surgery_record(surgery: Surgery) -> dict:
    return _fields(surgery, SURGERY_FIELDS)


def complication_record(complication: Complication) -> dict:
    return {**_fields(complication, COMPLICATION_FIELDS), "surgeries": _slugs(complication.surgeries.all())}


def modality_record(modality: Modality) -> dict:
    return {**_fields(modality, MODALITY_FIELDS), "contains": _slugs(modality.contains.all())}


def scenario_record(scenario: ClinicalScenario) -> dict:
    ratings = scenario.ratings.select_related("modality").order_by("sort_order", "pk")
    return {
        **_fields(scenario, SCENARIO_FIELDS),
        "surgeries": _slugs(scenario.surgeries.all()),
        "most_likely": _slug(scenario.most_likely),
        "also_considered": _slugs(scenario.also_considered.all()),
        "ratings": [{"modality": r.modality.slug, **_fields(r, RATING_FIELDS)} for r in ratings],
    }


def figure_record(figure: Figure, *, image_sha256: str) -> dict:
    return {
        **_fields(figure, FIGURE_FIELDS),
        "image": image_sha256,
        "modality": figure.modality.slug,
        "surgery": _slug(figure.surgery),
        "complications": _slugs(figure.complications.all()),
    }


def entry_record(entry: AtlasEntryPage) -> dict:
    findings = [
        {
            "modality": _slug(block.value["modality"]),
            "findings": block.value["findings"].source if block.value["findings"] else "",
        }
        for block in entry.findings_by_modality
        if block.block_type == "findings"
    ]
    links = entry.entry_figures.select_related("figure").order_by("sort_order", "pk")
    return {
        **_fields(entry, ENTRY_FIELDS),
        "complication": _slug(entry.complication),
        "surgeries": _slugs(entry.surgeries.all()),
        "findings_by_modality": findings,
        "scenarios": _slugs(entry.scenarios.all()),
        "figures": [link.figure.slug for link in links],
    }


def module_record(module: QuizModulePage) -> dict:
    return _fields(module, MODULE_FIELDS)


def case_record(case: QuizCasePage) -> dict:
    def ordered(manager):
        return manager.all().order_by("sort_order", "pk")

    return {
        **_fields(case, CASE_FIELDS),
        "module": case.get_parent().slug,
        "surgery": case.surgery.slug,
        "scenario": case.scenario.slug,
        "fallback_modality": case.fallback_modality.slug,
        "target_figure": case.target_figure.slug,
        "atlas_entries": _slugs(case.atlas_entries.all()),
        "rating_overrides": [
            {"modality": o.modality.slug, **_fields(o, OVERRIDE_FIELDS)}
            for o in ordered(case.rating_overrides)
        ],
        "case_images": [
            {"modality": i.modality.slug, "figure": i.figure.slug} for i in ordered(case.case_images)
        ],
        "findings": [_fields(f, FINDING_FIELDS) for f in ordered(case.findings)],
        "diagnoses": [
            {"complication": d.complication.slug, "credit": d.credit, "explanation": d.explanation}
            for d in ordered(case.diagnoses)
        ],
        "workup_samples": [_fields(x, SAMPLE_FIELDS) for x in ordered(case.workup_samples)],
    }


# Images -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ImageFileData:
    sha256: str
    ext: str
    data: bytes
    width: int
    height: int


def image_file_data(image: AtlasImage) -> ImageFileData:
    with image.open_file() as handle:
        data = handle.read()
    with PILImage.open(BytesIO(data)) as pil:
        ext, (width, height) = schema.IMAGE_EXTENSIONS.get(pil.format, ""), pil.size
    if not ext:
        raise BundleError(f"Image “{image.title}” is a {pil.format}, which bundles cannot carry.")
    return ImageFileData(hashlib.sha256(data).hexdigest(), ext, data, width, height)


def image_record(image: AtlasImage, file: ImageFileData) -> dict:
    return {
        "sha256": file.sha256,
        "file": f"images/{file.sha256}.{file.ext}",
        "size": len(file.data),
        "width": file.width,
        "height": file.height,
        **_fields(image, IMAGE_META_FIELDS),
    }


# Export -----------------------------------------------------------------------------------------


class _Collector:
    """Everything the chosen pages need, keyed by slug, gathered once."""

    def __init__(self, *, live_only: bool):
        self.live_only = live_only
        self.found: dict[str, dict] = {section: {} for section in schema.SLUG_SECTIONS}

    def _first_time(self, section: str, obj) -> bool:
        if obj is None or obj.slug in self.found[section]:
            return False
        self.found[section][obj.slug] = obj
        return True

    def add_page(self, page: Page) -> None:
        page = page.specific
        if isinstance(page, AtlasEntryPage):
            self.add_entry(page)
        elif isinstance(page, QuizModulePage):
            self.add_module(page, with_cases=True)
        elif isinstance(page, QuizCasePage):
            self.add_case(page)
        else:
            raise BundleError(
                f"“{page.title}” is a {page.specific_class.__name__}, which bundles cannot carry."
            )

    def add_surgery(self, surgery: Surgery | None) -> None:
        self._first_time("surgeries", surgery)

    def add_modality(self, modality: Modality | None) -> None:
        if self._first_time("modalities", modality):
            for contained in modality.contains.all():
                self.add_modality(contained)

    def add_complication(self, complication: Complication | None) -> None:
        if self._first_time("complications", complication):
            for surgery in complication.surgeries.all():
                self.add_surgery(surgery)

    def add_scenario(self, scenario: ClinicalScenario) -> None:
        if not self._first_time("scenarios", scenario):
            return
        for surgery in scenario.surgeries.all():
            self.add_surgery(surgery)
        self.add_complication(scenario.most_likely)
        for complication in scenario.also_considered.all():
            self.add_complication(complication)
        for rating in scenario.ratings.select_related("modality"):
            self.add_modality(rating.modality)

    def add_figure(self, figure: Figure) -> None:
        if not self._first_time("figures", figure):
            return
        self.add_modality(figure.modality)
        self.add_surgery(figure.surgery)
        for complication in figure.complications.all():
            self.add_complication(complication)

    def add_entry(self, entry: AtlasEntryPage) -> None:
        if not self._first_time("atlas_entries", entry):
            return
        self.add_complication(entry.complication)
        for surgery in entry.surgeries.all():
            self.add_surgery(surgery)
        for scenario in entry.scenarios.all():
            self.add_scenario(scenario)
        for block in entry.findings_by_modality:
            if block.block_type == "findings":
                self.add_modality(block.value["modality"])
        for link in entry.entry_figures.select_related("figure"):
            self.add_figure(link.figure)

    def add_module(self, module: QuizModulePage, *, with_cases: bool) -> None:
        self._first_time("quiz_modules", module)
        if with_cases:
            cases = QuizCasePage.objects.child_of(module)
            for case in cases.live() if self.live_only else cases:
                self.add_case(case)

    def add_case(self, case: QuizCasePage) -> None:
        if not self._first_time("quiz_cases", case):
            return
        self.add_module(case.get_parent().specific, with_cases=False)
        self.add_surgery(case.surgery)
        self.add_scenario(case.scenario)
        self.add_modality(case.fallback_modality)
        self.add_figure(case.target_figure)
        for override in case.rating_overrides.select_related("modality"):
            self.add_modality(override.modality)
        for image in case.case_images.select_related("modality", "figure"):
            self.add_modality(image.modality)
            self.add_figure(image.figure)
        for diagnosis in case.diagnoses.select_related("complication"):
            self.add_complication(diagnosis.complication)
        for entry in case.atlas_entries.all():
            self.add_entry(entry)


RECORD_FUNCTIONS = {
    "surgeries": surgery_record,
    "complications": complication_record,
    "modalities": modality_record,
    "scenarios": scenario_record,
    "atlas_entries": entry_record,
    "quiz_modules": module_record,
    "quiz_cases": case_record,
}


def published_pages(*, include_answer_keys: bool) -> list[Page]:
    """What "everything" means for an export: live atlas entries, and live quiz modules with answer keys."""
    modules = QuizModulePage.objects.live().order_by("path") if include_answer_keys else []
    return [*AtlasEntryPage.objects.live().order_by("path"), *modules]


ANSWER_KEYS_REFUSED = (
    "“{title}” carries answer keys (findings, diagnoses, the target, the next step, workup ratings and "
    "samples): tick “Include answer keys” to export it."
)
DRAFT_REFUSED = "“{title}” is a draft that has not been approved: tick “Include drafts” to export it."
DRAFT_FIGURE_REFUSED = "The figure “{title}” has not been approved: tick “Include drafts” to export it."


def bundle_export(
    *, pages: list[Page] | None = None, include_drafts: bool = False, include_answer_keys: bool = False
) -> bytes:
    """The chosen pages (default: all published atlas entries, and quiz modules with answer keys) as a zip.

    Drafts (pages and figures never approved) and answer keys (quiz modules and cases) leave only when the
    caller asks for them; otherwise BundleError names what was refused. A live page with unpublished changes
    is always exported as approved (its live version); a draft page as its draft.
    """
    chosen = published_pages(include_answer_keys=include_answer_keys) if pages is None else pages
    problems = []
    for page in chosen:
        if not include_answer_keys and isinstance(page.specific, (QuizModulePage, QuizCasePage)):
            problems.append(ANSWER_KEYS_REFUSED.format(title=page.title))
        if not include_drafts and not page.live:
            problems.append(DRAFT_REFUSED.format(title=page.title))
    if problems:
        raise BundleError(problems)
    collector = _Collector(live_only=not include_drafts)
    for page in chosen:
        collector.add_page(page)
    if not include_drafts:
        drafts = [f.title for f in collector.found["figures"].values() if not f.live]
        if drafts:
            raise BundleError([DRAFT_FIGURE_REFUSED.format(title=title) for title in drafts])
    manifest = schema.empty_manifest(
        exported_at=timezone.now().isoformat(timespec="seconds"),
        source=f"{settings.WAGTAIL_SITE_NAME} ({settings.WAGTAILADMIN_BASE_URL})",
    )
    for section, record in RECORD_FUNCTIONS.items():
        objects = collector.found[section].values()
        manifest[section] = sorted((record(obj) for obj in objects), key=lambda r: r["slug"])
    files = _export_figures(manifest, collector.found["figures"].values())
    return _zip(manifest, files)


def _export_figures(manifest: dict, figures) -> dict[str, bytes]:
    files: dict[str, bytes] = {}
    images: dict[str, dict] = {}
    for figure in figures:
        file = image_file_data(figure.image)
        images.setdefault(file.sha256, image_record(figure.image, file))
        files[images[file.sha256]["file"]] = file.data
        manifest["figures"].append(figure_record(figure, image_sha256=file.sha256))
    manifest["figures"].sort(key=lambda r: r["slug"])
    manifest["images"] = sorted(images.values(), key=lambda r: r["sha256"])
    return files


def _zip(manifest: dict, files: dict[str, bytes]) -> bytes:
    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        text = json.dumps(manifest, indent=2, ensure_ascii=False, sort_keys=True)
        archive.writestr(_member(schema.MANIFEST_NAME), text.encode(), compress_type=zipfile.ZIP_DEFLATED)
        for name in sorted(files):
            # Images are already compressed; storing them keeps their ratio at 1.
            archive.writestr(_member(name), files[name], compress_type=zipfile.ZIP_STORED)
    return buffer.getvalue()


def _member(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
    info.external_attr = 0o644 << 16
    return info


# Reading a bundle (no database) -------------------------------------------------------------------


def zip_limits() -> ZipLimits:
    return ZipLimits(max_image_bytes=settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE)


def read_bundle(*, data: bytes) -> tuple[dict, dict[str, bytes]]:
    """The validated manifest and the verified image bytes by sha256; raises BundleError otherwise."""
    if len(data) > MAX_BUNDLE_BYTES:
        raise BundleError(f"The bundle is {len(data)} bytes; at most {MAX_BUNDLE_BYTES} are accepted.")
    try:
        with zipfile.ZipFile(BytesIO(data)) as archive:
            return _read_archive(archive, zip_limits())
    except ManifestError as error:
        raise BundleError(error.problems) from error
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, EOFError) as error:
        raise BundleError(f"This is not a readable zip file ({error}).") from error


def _read_archive(archive: zipfile.ZipFile, limits: ZipLimits) -> tuple[dict, dict[str, bytes]]:
    infos = archive.infolist()
    problems = schema.zip_problems([_entry(info) for info in infos], limits=limits)
    if problems:
        raise BundleError(problems)
    by_name = {info.filename: info for info in infos}
    manifest = schema.parse_manifest(_read_member(archive, by_name[schema.MANIFEST_NAME]))
    declared = {image["file"] for image in manifest["images"]}
    problems = [
        f"{name!r} is not listed in the manifest." for name in sorted(by_name) if _is_extra(name, declared)
    ]
    images: dict[str, bytes] = {}
    for record in manifest["images"]:
        info = by_name.get(record["file"])
        if info is None:
            problems.append(f"{record['file']} is listed in the manifest but missing from the bundle.")
            continue
        data = _read_member(archive, info)
        problems.extend(image_problems(record, data))
        images[record["sha256"]] = data
    if problems:
        raise BundleError(problems)
    return manifest, images


def _is_extra(name: str, declared: set[str]) -> bool:
    return name not in declared and name not in (schema.MANIFEST_NAME, schema.IMAGE_DIR)


def _entry(info: zipfile.ZipInfo) -> ZipEntry:
    return ZipEntry(
        name=info.filename,
        file_size=info.file_size,
        compress_size=info.compress_size,
        is_dir=info.is_dir(),
        is_symlink=stat.S_ISLNK(info.external_attr >> 16),
        is_encrypted=bool(info.flag_bits & 0x1),
    )


def _read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    # Never trust the declared size: read one byte past it and refuse if it is there.
    with archive.open(info) as handle:
        data = handle.read(info.file_size + 1)
    if len(data) != info.file_size:
        raise BundleError(f"{info.filename!r} is not the size its zip entry declares.")
    return data


def image_problems(record: dict, data: bytes) -> list[str]:
    """Why an image file does not match its manifest entry, or is not a safe image to decode."""
    name = record["file"]
    if len(data) != record["size"]:
        return [f"{name}: {len(data)} bytes, but the manifest says {record['size']}."]
    if hashlib.sha256(data).hexdigest() != record["sha256"]:
        return [f"{name}: its SHA-256 does not match the manifest (damaged or altered)."]
    try:
        fmt, (width, height) = _safe_image_header(data)
    except (PILImage.DecompressionBombError, PILImage.DecompressionBombWarning):
        return [f"{name}: too many pixels (a decompression bomb?)."]
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as error:
        return [f"{name}: not a readable image ({error})."]
    problems = []
    if width * height > settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS:
        problems.append(f"{name}: {width} × {height} pixels is too many (a decompression bomb?).")
    if (width, height) != (record["width"], record["height"]):
        problems.append(
            f"{name}: {width} × {height} pixels, but the manifest says {record['width']} × {record['height']}."
        )
    if not name.endswith(f".{schema.IMAGE_EXTENSIONS.get(fmt, '?')}"):
        problems.append(f"{name}: the file is a {fmt}, which does not match its extension.")
    return problems


def _safe_image_header(data: bytes) -> tuple[str, tuple[int, int]]:
    with warnings.catch_warnings():
        warnings.simplefilter("error", PILImage.DecompressionBombWarning)
        with PILImage.open(BytesIO(data)) as pil:
            fmt, size = pil.format, pil.size
            if size[0] * size[1] <= settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS:
                pil.verify()
    return fmt, size


# Import -----------------------------------------------------------------------------------------


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
        self.local: dict[str, dict] = {section: {} for section in schema.SLUG_SECTIONS}
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
        case.findings = [CaseFinding(**f, sort_order=i) for i, f in enumerate(record["findings"])]
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
