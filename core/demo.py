"""Load the demo content (core/demo_data/) into the database. Idempotent: existing rows are left alone.

What exists is never overwritten (a faculty member may have edited it), unless `refresh=True`; a second run
therefore changes nothing. Figures are drawn by imaging.schematic, so the repository holds no image files.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from io import BytesIO

from django.core.files.images import ImageFile
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
from imaging.annotations import validate_annotations
from imaging.schematic import render_png

SCHEMATIC_CREDIT = "Schematic drawn by code (imaging/schematic.py) for teaching"
SCHEMATIC_LICENCE = "CC0 1.0"


@dataclass
class LoadReport:
    created: dict[str, int] = field(default_factory=dict)
    kept: dict[str, int] = field(default_factory=dict)

    def count(self, kind: str, created: bool) -> None:
        bucket = self.created if created else self.kept
        bucket[kind] = bucket.get(kind, 0) + 1

    def total_created(self) -> int:
        return sum(self.created.values())

    def lines(self) -> list[str]:
        kinds = sorted(set(self.created) | set(self.kept))
        return [f"{k}: {self.created.get(k, 0)} created, {self.kept.get(k, 0)} already there" for k in kinds]


def paragraphs(text: str) -> str:
    return "".join(f"<p>{html.escape(p.strip())}</p>" for p in (text or "").split("\n\n") if p.strip())


def bullet_list(items) -> str:
    items = [i for i in items or [] if i]
    if not items:
        return ""
    return "<ul>" + "".join(f"<li>{html.escape(str(i))}</li>" for i in items) + "</ul>"


def _sync(model, report: LoadReport, kind: str, lookup: dict, values: dict, refresh: bool):
    obj = model.objects.filter(**lookup).first()
    if obj is None:
        obj = model(**lookup, **values)
        obj.full_clean()
        obj.save()
        report.count(kind, True)
        return obj, True
    if refresh:
        changed = False
        for name, value in values.items():
            if getattr(obj, name) != value:
                setattr(obj, name, value)
                changed = True
        if changed:
            obj.full_clean()
            obj.save()
    report.count(kind, False)
    return obj, False


class DemoLoader:
    def __init__(self, *, refresh: bool = False, stdout=None):
        self.refresh = refresh
        self.report = LoadReport()
        self.stdout = stdout

    # taxonomy -----------------------------------------------------------------------------------
    def load_taxonomy(self, data) -> None:
        self.surgeries = {}
        for i, s in enumerate(data.SURGERIES):
            values = {
                "name": s["name"],
                "short_name": s["short_name"],
                "description": s.get("description", ""),
            }
            values["sort_order"] = i
            self.surgeries[s["slug"]], _ = _sync(
                Surgery, self.report, "surgeries", {"slug": s["slug"]}, values, self.refresh
            )
        self.complications = {}
        for i, c in enumerate(data.COMPLICATIONS):
            values = {
                "name": c["name"],
                "category": c["category"],
                "urgency": c["urgency"],
                "onset_min_days": c["onset_min_days"],
                "onset_max_days": c.get("onset_max_days"),
                "timing_note": c.get("timing_note", ""),
                "summary": c["summary"],
                "sort_order": i,
            }
            obj, created = _sync(
                Complication, self.report, "complications", {"slug": c["slug"]}, values, self.refresh
            )
            if created or self.refresh:
                obj.surgeries.set([self.surgeries[s] for s in c.get("surgeries", [])])
            self.complications[c["slug"]] = obj
        self.modalities = {}
        for i, m in enumerate(data.MODALITIES):
            values = {
                "name": m["name"],
                "abbreviation": m["abbreviation"],
                "category": m["category"],
                "radiation_level": m["radiation_level"],
                "radiation_note": m.get("radiation_note", ""),
                "cost_tier": m["cost_tier"],
                "description": m.get("description", ""),
                "is_invasive": m.get("is_invasive", False),
                "sort_order": i,
            }
            self.modalities[m["slug"]], _ = _sync(
                Modality, self.report, "modalities", {"slug": m["slug"]}, values, self.refresh
            )
        for m in data.MODALITIES:
            # Set every time: cheap, and a study's contents are part of every workup key.
            self.modalities[m["slug"]].contains.set([self.modalities[x] for x in m.get("contains", [])])

    def load_scenarios(self, data) -> None:
        self.scenarios = {}
        for s in data.SCENARIOS:
            existing = ClinicalScenario.objects.filter(slug=s["slug"]).first()
            if existing and not self.refresh:
                self.scenarios[s["slug"]] = existing
                self.report.count("scenarios", False)
                continue
            scenario = existing or ClinicalScenario(slug=s["slug"])
            scenario.code = s.get("code", "")
            scenario.title = s["title"]
            scenario.presentation = s["presentation"]
            scenario.timing = s.get("timing", "")
            scenario.days_since_surgery = s.get("days_since_surgery")
            scenario.urgency = s["urgency"]
            likely = s.get("likely_diagnoses", [])
            scenario.most_likely = self.complications[likely[0]] if likely else None
            scenario.other_diagnoses_text = s.get("other_diagnoses_text", "")
            scenario.ideal_order_text = s.get("ideal_order_text", "")
            scenario.radiation_note = s.get("radiation_note", "")
            scenario.guideline_note = s.get("guideline_note", "")
            scenario.surgeries = [self.surgeries[x] for x in s.get("surgeries", [])]
            scenario.also_considered = [self.complications[x] for x in likely[1:]]
            scenario.ratings = _scenario_ratings(s, self.modalities)
            scenario.full_clean()
            scenario.save()
            self.scenarios[s["slug"]] = scenario
            self.report.count("scenarios", existing is None)

    # figures ------------------------------------------------------------------------------------
    def load_figure(self, spec: dict) -> Figure:
        figure = Figure.objects.filter(slug=spec["slug"]).first()
        if figure and not self.refresh:
            self.report.count("figures", False)
            return figure
        png, annotations = render_png(spec["drawing"])
        image = figure.image if figure else None
        if image is None:
            image = AtlasImage(
                title=spec["title"],
                credit=SCHEMATIC_CREDIT,
                licence=SCHEMATIC_LICENCE,
                is_schematic=True,
                is_deidentified=True,
            )
            image.file = ImageFile(BytesIO(png), name=f"schematic-{spec['slug']}.png")
            image.save()
        values = {
            "title": spec["title"],
            "image": image,
            "modality": self.modalities[spec["modality"]],
            "plane": spec["plane"],
            "sequence": spec.get("sequence", ""),
            "days_since_surgery": spec.get("days_since_surgery"),
            "surgery": self.surgeries.get(spec.get("surgery")),
            "caption": spec["caption"],
            "alt_text": spec["alt_text"],
            "annotations": validate_annotations(annotations),
        }
        figure, created = _sync(Figure, self.report, "figures", {"slug": spec["slug"]}, values, self.refresh)
        if created or self.refresh:
            figure.complications.set([self.complications[c] for c in spec.get("complications", [])])
            # Demo figures are demo content: published (with a revision) as they load, not left as drafts.
            figure.save_revision().publish()
        return figure

    # pages --------------------------------------------------------------------------------------
    def home_page(self) -> HomePage:
        home = HomePage.objects.first()
        if home is None:
            root = Page.get_first_root_node()
            home = root.add_child(instance=HomePage(title="Spine PostOp Atlas", slug="home"))
        return home

    def atlas_index(self) -> AtlasIndexPage:
        home = self.home_page()
        index = AtlasIndexPage.objects.first()
        if index is None:
            index = home.add_child(
                instance=AtlasIndexPage(
                    title="Atlas",
                    slug="atlas",
                    intro="<p>Normal appearances and complications after lumbar discectomy, decompression "
                    "and fusion, organised by operation, complication, timing and urgency.</p>",
                )
            )
            self.report.count("pages", True)
        return index

    def load_entries(self, data) -> None:
        index = self.atlas_index()
        self.entries = {}
        for e in data.ENTRIES:
            figures = [self.load_figure(f) for f in e["figures"]]
            page = AtlasEntryPage.objects.filter(slug=e["slug"]).first()
            if page and not self.refresh:
                self.entries[e["slug"]] = page
                self.report.count("pages", False)
                continue
            created = page is None
            page = page or AtlasEntryPage(slug=e["slug"])
            page.title = e["title"]
            page.kind = e["kind"]
            page.complication = self.complications.get(e.get("complication") or "")
            page.summary = e["summary"]
            page.timing = e.get("timing", "")
            page.urgency = e.get("urgency", "")
            page.presentation = paragraphs(e.get("presentation", ""))
            page.red_flags = bullet_list(e.get("red_flags"))
            page.pitfalls = bullet_list(e.get("pitfalls"))
            page.differentials = bullet_list(e.get("differentials"))
            page.references = bullet_list(e.get("references"))
            page.findings_by_modality = [
                (
                    "findings",
                    {"modality": self.modalities[f["modality"]], "findings": RichText(paragraphs(f["text"]))},
                )
                for f in e.get("findings_by_modality", [])
            ]
            page.surgeries = [self.surgeries[s] for s in e.get("surgeries", [])]
            page.scenarios = [self.scenarios[s] for s in e.get("scenarios", [])]
            page.entry_figures = [AtlasEntryFigure(figure=f, sort_order=i) for i, f in enumerate(figures)]
            if created:
                index.add_child(instance=page)
            page.save_revision().publish()
            self.entries[e["slug"]] = page
            self.report.count("pages", created)

    def load(self) -> LoadReport:
        from core.demo_data import atlas_content

        with transaction.atomic():
            self.load_taxonomy(atlas_content)
            self.load_scenarios(atlas_content)
            self.load_entries(atlas_content)
            self.load_quizzes(atlas_content)
            self.load_stacks()
            self.load_people()
        return self.report

    def load_stacks(self) -> None:
        from stacks.demo import DEMO_STACK_SLUG, load_demo_stack
        from stacks.models import ImageStack

        created = not ImageStack.objects.filter(slug=DEMO_STACK_SLUG).exists()
        stack = load_demo_stack(self)
        entry = AtlasEntryPage.objects.filter(slug="hardware-loosening").first()
        if created and entry and stack.key_figure_id:
            # The synthetic CT shows a screw with a lucent halo: it belongs with loosening.
            stack.key_figure.complications.set(Complication.objects.filter(slug="hardware-loosening"))
            entry.entry_figures.add(AtlasEntryFigure(figure=stack.key_figure, sort_order=99))
            entry.save_revision().publish()

    def load_people(self) -> None:
        from learners.demo import load_demo_people

        load_demo_people(self)

    def load_quizzes(self, atlas_content) -> None:
        """Quiz content arrives with the quizzes app; a hook point so the command stays one call."""
        try:
            from quizzes.demo import load_quiz_content
        except ImportError:
            return
        from core.demo_data import quiz_content

        load_quiz_content(self, quiz_content=quiz_content, atlas_content=atlas_content)


def _scenario_ratings(s: dict, modalities: dict) -> list[ScenarioRating]:
    """A scenario's rating rows with their role: first-line step (and credit) or conditional next step."""
    order = {slug: position for position, slug in enumerate(s.get("ideal_order", []), start=1)}
    steps = {
        slug: (number, credit)
        for number, step in enumerate(s.get("first_line", []), start=1)
        for slug, credit in step.items()
    }
    conditional = s.get("conditional", {})
    rated = {r["modality"] for r in s["ratings"]}
    unrated = (set(steps) | set(conditional)) - rated
    if unrated:
        raise ValueError(
            f"Scenario {s['slug']}: first-line or conditional studies without a rating: {sorted(unrated)}"
        )
    return [
        ScenarioRating(
            modality=modalities[r["modality"]],
            rating=r["rating"],
            acceptable_low=r.get("low", r["rating"]),
            acceptable_high=r.get("high", r["rating"]),
            reason=r["reason"],
            ideal_position=order.get(r["modality"]),
            first_line_group=steps.get(r["modality"], (None, 100))[0],
            first_line_credit=steps.get(r["modality"], (None, 100))[1],
            condition=conditional.get(r["modality"], ""),
            sort_order=i,
        )
        for i, r in enumerate(s["ratings"])
    ]
