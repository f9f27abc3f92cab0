"""Quiz images that cannot be looked up: each quiz use of a figure shows its own image file.

An atlas card shows a figure's renditions beside its diagnosis; if a quiz step showed the same files, a resident
could match them by name (or by their bytes) before answering. So every use of a figure in a case (each case
image, and the image to point on) gets its own AtlasImage: a fresh random file name, its pixels nudged by one
grey level here and there (invisible, but no byte-for-byte twin of the atlas file), and its own renditions.

The copies are made when a case is published, when a figure it uses is saved, by the demo loader and by
`manage.py make_quiz_images`; never while a learner waits. They are found again through their title, which
names the case, the use and the source image: not through the page's fields, which revisions would reset.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from io import BytesIO

from django.core.files.images import ImageFile
from django.db.models import Q
from PIL import Image as PILImage
from wagtail.images.models import Filter, Picture
from wagtail.models import Collection

from atlas.models import AtlasImage, Figure

COLLECTION_NAME = "Quiz images (made for cases: do not use them in figures)"
TITLE_PREFIX = "Quiz image"
# Other widths than the atlas's (480, 960): no quiz rendition can be the twin of an atlas rendition. WebP
# only: every browser the residents use reads it, and each extra format would slow publishing down.
RENDITION_SPECS = Filter.expand_spec("format-webp|width-{560,1120}")
PICTURE_SIZES = "(max-width: 64rem) 100vw, 48rem"
TARGET_USE = "target"
# About one pixel in 200 moves by one grey level.
NUDGED_SHARE = 200


@dataclass(frozen=True)
class QuizImage:
    """One image as a quiz step shows it: words that name no answer, and a picture of its own copy.

    `figure` (the atlas figure, with its caption and annotations) is for the feedback only.
    """

    figure: Figure
    alt: str
    renditions: dict

    @property
    def figure_id(self) -> int:
        return self.figure.pk

    @property
    def picture(self) -> Picture | None:
        return _picture(self.renditions, self.alt)

    @property
    def feedback_picture(self) -> Picture | None:
        return _picture(self.renditions, self.figure.alt_text)


def copy_title(case_id: int, use: str, source_image_id: int) -> str:
    return f"{TITLE_PREFIX} · case {case_id} · {use} · from image {source_image_id}"


def _case_prefix(case_id: int) -> str:
    return f"{TITLE_PREFIX} · case {case_id} · "


def image_use(link) -> str:
    return f"image {link.pk}" if link.pk else f"unsaved image {id(link)}"


def wanted_copies(case, links, figures: dict[int, Figure]) -> dict[str, tuple[str, Figure]]:
    """Title -> (use, figure) for each image the case shows; rows not yet saved have no copy."""
    wanted = {}
    for link in links:
        figure = figures.get(link.figure_id)
        if link.pk and figure is not None:
            wanted[copy_title(case.pk, image_use(link), figure.image_id)] = (image_use(link), figure)
    target = figures.get(case.target_figure_id)
    if case.pk and target is not None:
        wanted[copy_title(case.pk, TARGET_USE, target.image_id)] = (TARGET_USE, target)
    return wanted


def _collection() -> Collection:
    collection = Collection.objects.filter(name=COLLECTION_NAME).first()
    if collection is None:
        collection = Collection.get_first_root_node().add_child(name=COLLECTION_NAME)
    return collection


def _nudged(pixels: PILImage.Image) -> PILImage.Image:
    if pixels.mode not in ("L", "LA", "RGB", "RGBA"):
        pixels = pixels.convert("RGBA" if "A" in pixels.getbands() else "RGB")
    pixels = pixels.copy()
    grid = pixels.load()
    chance = random.SystemRandom()
    width, height = pixels.size
    colour_bands = 1 if pixels.mode in ("L", "LA") else 3
    for _ in range(max(16, width * height // NUDGED_SHARE)):
        x, y = chance.randrange(width), chance.randrange(height)
        value = grid[x, y]
        bands = list(value) if isinstance(value, tuple) else [value]
        step = chance.choice((-1, 1))
        for band in range(colour_bands):
            bands[band] = min(255, max(0, bands[band] + step))
        grid[x, y] = tuple(bands) if isinstance(value, tuple) else bands[0]
    return pixels


def image_copy_make(source: AtlasImage, *, title: str, collection: Collection) -> AtlasImage:
    """A new AtlasImage with the source's pixels (nudged), provenance and no metadata, renditions made."""
    with source.open_file() as handle:
        pixels = PILImage.open(handle)
        pixels.load()
    buffer = BytesIO()
    _nudged(pixels).save(buffer, format="PNG")
    copy = AtlasImage(
        title=title,
        collection=collection,
        credit=source.credit,
        licence=source.licence,
        is_schematic=source.is_schematic,
        is_deidentified=source.is_deidentified,
    )
    # AtlasImage.get_upload_to gives the file a random name whatever this one says.
    copy.file = ImageFile(buffer, name="quiz.png")
    copy.save()
    # Straight to the database: the rendition cache may remember an earlier image under a reused id.
    copy.create_renditions(*(Filter(spec=spec) for spec in RENDITION_SPECS))
    return copy


def quiz_images_make(*, case) -> int:
    """Make the missing copies of a saved case's images and drop its stale ones; returns how many were made."""
    links = list(case.case_images.all())
    figures = Figure.objects.select_related("image").in_bulk(
        {link.figure_id for link in links} | {case.target_figure_id}
    )
    wanted = wanted_copies(case, links, figures)
    existing = AtlasImage.objects.filter(title__startswith=_case_prefix(case.pk))
    have = set(existing.filter(title__in=wanted).values_list("title", flat=True))
    existing.exclude(title__in=wanted).delete()
    missing = [title for title in wanted if title not in have]
    if missing:
        collection = _collection()
        for title in missing:
            _, figure = wanted[title]
            image_copy_make(figure.image, title=title, collection=collection)
    return len(missing)


def quiz_images_remove_orphans(*, live_case_ids) -> int:
    """Delete copies whose case is gone; returns how many."""
    orphans = AtlasImage.objects.filter(title__startswith=f"{TITLE_PREFIX} · case ")
    keep = Q()
    for case_id in live_case_ids:
        keep |= Q(title__startswith=_case_prefix(case_id))
    if keep:
        orphans = orphans.exclude(keep)
    count = orphans.count()
    orphans.delete()
    return count


def _picture(renditions: dict | None, alt: str) -> Picture | None:
    if not renditions:
        return None
    return Picture(renditions, {"alt": alt, "class": "figure-image", "sizes": PICTURE_SIZES})


def _stored_renditions(image: AtlasImage) -> dict:
    """The renditions the database holds, in RENDITION_SPECS order; missing ones are left out, never made."""
    by_spec = {r.filter_spec: r for r in image.renditions.all()}
    return {spec: by_spec[spec] for spec in RENDITION_SPECS if spec in by_spec}


def neutral_alt(modality_name: str, figure: Figure, *, pointable: bool = False) -> str:
    """What a screen reader hears before feedback: the examination and plane, never the figure's own words."""
    words = f"{modality_name}, {figure.get_plane_display()} view"
    return f"{words}: the image to point on" if pointable else words


def quiz_images_for(case, links, figures: dict[int, Figure], *, preview: bool = False) -> dict[str, dict]:
    """Use -> its copy's stored renditions by spec, in one query. In the admin's preview the originals stand
    in for the copies that publishing will make (their renditions may be made then: an author is waiting)."""
    wanted = wanted_copies(case, links, figures)
    renditions = {
        wanted[image.title][0]: _stored_renditions(image)
        for image in AtlasImage.objects.filter(title__in=wanted).prefetch_related("renditions").order_by("id")
    }
    if preview:
        uses = [(image_use(link), figures.get(link.figure_id)) for link in links]
        uses.append((TARGET_USE, figures.get(case.target_figure_id)))
        for use, figure in uses:
            if figure is not None and not renditions.get(use):
                renditions[use] = figure.image.get_renditions(*RENDITION_SPECS)
    return renditions


def quiz_image(renditions: dict, use: str, alt: str, figure: Figure) -> QuizImage:
    return QuizImage(figure=figure, alt=alt, renditions=renditions.get(use) or {})
