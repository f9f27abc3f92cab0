"""Bundle export: the chosen pages with everything they need, as a zip another site can import."""

from __future__ import annotations

import json
import zipfile
from io import BytesIO

from django.conf import settings
from django.utils import timezone
from wagtail.models import Page

from atlas.models import AtlasEntryPage, ClinicalScenario, Complication, Figure, Modality, Surgery
from quizzes.models import QuizCasePage, QuizModulePage

from .records import RECORD_FUNCTIONS, figure_record, image_file_data, image_record
from .schema import MANIFEST_NAME, SLUG_SECTIONS, empty_manifest
from .validation import BundleError

EXPORTABLE_PAGE_TYPES = (AtlasEntryPage, QuizModulePage, QuizCasePage)


class _Collector:
    """Everything the chosen pages need, keyed by slug, gathered once."""

    def __init__(self, *, live_only: bool):
        self.live_only = live_only
        self.found: dict[str, dict] = {section: {} for section in SLUG_SECTIONS}

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
        for finding in case.findings.select_related("seen_on"):
            self.add_modality(finding.seen_on)
        for diagnosis in case.diagnoses.select_related("complication"):
            self.add_complication(diagnosis.complication)
        for entry in case.atlas_entries.all():
            self.add_entry(entry)


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
    manifest = empty_manifest(
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
        archive.writestr(_member(MANIFEST_NAME), text.encode(), compress_type=zipfile.ZIP_DEFLATED)
        for name in sorted(files):
            # Images are already compressed; storing them keeps their ratio at 1.
            archive.writestr(_member(name), files[name], compress_type=zipfile.ZIP_STORED)
    return buffer.getvalue()


def _member(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
    info.external_attr = 0o644 << 16
    return info
