"""Builders for test data: small, explicit, and fast (tiny in-memory images)."""

from __future__ import annotations

import itertools
from io import BytesIO

from django.core.files.images import ImageFile
from PIL import Image as PILImage

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

_counter = itertools.count(1)

ELLIPSE = {
    "id": "lesion",
    "kind": "ellipse",
    "label": "Lesion",
    "note": "",
    "center": [0.5, 0.5],
    "radius": [0.1, 0.1],
}
ARROW = {
    "id": "pointer",
    "kind": "arrow",
    "label": "Pointer",
    "note": "",
    "from": [0.1, 0.1],
    "to": [0.4, 0.4],
}


def png_bytes(width: int = 64, height: int = 48, colour=(40, 40, 40)) -> bytes:
    buffer = BytesIO()
    PILImage.new("RGB", (width, height), colour).save(buffer, format="PNG")
    return buffer.getvalue()


def make_image(*, title: str = "Test image", width: int = 64, height: int = 48) -> AtlasImage:
    n = next(_counter)
    image = AtlasImage(title=f"{title} {n}", is_schematic=True, credit="tests")
    image.file = ImageFile(BytesIO(png_bytes(width, height)), name=f"test-{n}.png")
    image.save()
    return image


def make_surgery(slug: str = "lumbar-discectomy", name: str = "Lumbar discectomy") -> Surgery:
    return Surgery.objects.get_or_create(slug=slug, defaults={"name": name, "short_name": name.split()[-1]})[
        0
    ]


def make_complication(
    slug: str = "epidural-haematoma", name: str = "Epidural haematoma", **extra
) -> Complication:
    defaults = {"name": name, "category": "haemorrhage", "urgency": "emergency", "summary": "A collection."}
    defaults.update(extra)
    return Complication.objects.get_or_create(slug=slug, defaults=defaults)[0]


def make_modality(slug: str = "mri", name: str = "MRI without contrast", **extra) -> Modality:
    defaults = {
        "name": name,
        "abbreviation": slug.upper(),
        "category": "mri",
        "radiation_level": 0,
        "cost_tier": 3,
    }
    defaults.update(extra)
    return Modality.objects.get_or_create(slug=slug, defaults=defaults)[0]


def make_figure(
    *, annotations=None, days: int = 1, surgery=None, complications=(), modality=None, **extra
) -> Figure:
    n = next(_counter)
    figure = Figure.objects.create(
        title=extra.pop("title", f"Figure {n}"),
        slug=extra.pop("slug", f"figure-{n}"),
        image=make_image(),
        modality=modality or make_modality(),
        plane="sagittal",
        days_since_surgery=days,
        surgery=surgery if surgery is not None else make_surgery(),
        caption="A caption.",
        alt_text="A schematic sagittal drawing.",
        annotations=[dict(ELLIPSE), dict(ARROW)] if annotations is None else annotations,
        **extra,
    )
    figure.complications.set(complications or [make_complication()])
    return figure


def make_scenario(slug: str = "c1", ratings: dict[str, int] | None = None) -> ClinicalScenario:
    scenario = ClinicalScenario(
        slug=slug,
        code="C.1",
        title="Deficit after surgery",
        presentation="New deficit.",
        timing="24 h",
        urgency="emergency",
        most_likely=make_complication(),
    )
    ratings = ratings or {"mri": 9, "ct": 6, "xr": 2}
    scenario.ratings = [
        ScenarioRating(
            modality=make_modality(slug, slug.upper(), category="ct" if slug == "ct" else "mri"),
            rating=value,
            acceptable_low=value,
            acceptable_high=value,
            reason=f"{slug} reason",
        )
        for slug, value in ratings.items()
    ]
    scenario.save()
    return scenario


def atlas_index() -> AtlasIndexPage:
    index = AtlasIndexPage.objects.first()
    if index:
        return index
    home = HomePage.objects.get()
    return home.add_child(instance=AtlasIndexPage(title="Atlas", slug="atlas"))


def make_entry(*, figures=(), scenarios=(), slug: str | None = None, **extra) -> AtlasEntryPage:
    n = next(_counter)
    page = AtlasEntryPage(
        title=extra.pop("title", f"Entry {n}"),
        slug=slug or f"entry-{n}",
        kind="complication",
        complication=extra.pop("complication", make_complication()),
        summary="Summary of the entry.",
        urgency="emergency",
        **extra,
    )
    page.entry_figures = [AtlasEntryFigure(figure=f, sort_order=i) for i, f in enumerate(figures)]
    page.scenarios = list(scenarios)
    atlas_index().add_child(instance=page)
    page.save_revision().publish()
    return page


def make_atlas(n_figures: int, figures_per_entry: int = 5) -> list[AtlasEntryPage]:
    """An atlas with n_figures figures spread over entries, complications and surgeries."""
    surgeries = [
        make_surgery("lumbar-discectomy", "Lumbar discectomy"),
        make_surgery("fusion", "Posterior fusion"),
    ]
    complications = [make_complication(f"complication-{i}", f"Complication {i}") for i in range(4)]
    modalities = [make_modality("mri", "MRI"), make_modality("ct", "CT", category="ct", radiation_level=3)]
    scenario = make_scenario(slug=f"scenario-{next(_counter)}")
    entries, batch = [], []
    for i in range(n_figures):
        batch.append(
            make_figure(
                surgery=surgeries[i % 2],
                complications=[complications[i % 4]],
                modality=modalities[i % 2],
                days=i * 10,
            )
        )
        if len(batch) == figures_per_entry:
            entries.append(make_entry(figures=batch, scenarios=[scenario], complication=complications[i % 4]))
            batch = []
    if batch:
        entries.append(make_entry(figures=batch, scenarios=[scenario]))
    return entries
