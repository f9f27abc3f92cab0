"""Unit tests for imaging.schematic (pure Pillow renderer; no database, no Django)."""

import ast
import io
import re
import struct
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw

from imaging import schematic
from imaging.schematic import FINDING_KINDS, STYLES, VIEWS, render_figure, render_png

SIZE = (400, 400)
ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]{0,40}$")

# One drawable context per finding kind (the baseline is the same spec without findings).
CASES = {
    "epidural_haematoma": dict(view="sagittal", style="mri_t2", surgery="laminectomy"),
    "pseudohernia": dict(view="axial", style="mri_t2", surgery="discectomy"),
    "recurrent_herniation": dict(view="axial", style="mri_t1_gd", surgery="discectomy"),
    "epidural_fibrosis": dict(view="axial", style="mri_t1_gd", surgery="discectomy"),
    "pseudomeningocele": dict(view="sagittal", style="mri_t2", surgery="laminectomy"),
    "seroma": dict(view="axial", style="mri_t2", surgery="laminectomy"),
    "epidural_abscess": dict(view="sagittal", style="mri_t1_gd", surgery="laminectomy"),
    "paraspinal_abscess": dict(view="axial", style="mri_t1_gd", surgery="fusion"),
    "spondylodiscitis": dict(view="sagittal", style="stir", surgery="discectomy"),
    "screw_breach_medial": dict(view="axial", style="ct", surgery="fusion"),
    "screw_halo": dict(view="axial", style="ct", surgery="fusion"),
    "rod_fracture": dict(view="sagittal", style="xr", surgery="fusion"),
    "screw_fracture": dict(view="sagittal", style="xr", surgery="fusion", level="L5-S1"),
    "cage_retropulsion": dict(view="sagittal", style="ct", surgery="tlif"),
    "cage_subsidence": dict(view="sagittal", style="xr", surgery="tlif"),
    "pseudarthrosis": dict(view="sagittal", style="ct", surgery="tlif"),
    "arachnoiditis_clumping": dict(view="axial", style="mri_t2", surgery="laminectomy"),
    "arachnoiditis_empty_sac": dict(view="axial", style="mri_t2", surgery="laminectomy"),
    "adjacent_segment_disease": dict(view="sagittal", style="mri_t2", surgery="fusion"),
    "cord_ischaemia": dict(view="axial", style="mri_t2", surgery="fusion", slice="conus"),
    "sacral_insufficiency_fracture": dict(view="coronal", style="stir", surgery="fusion", level="L5-S1"),
    "sij_overload": dict(view="coronal", style="stir", surgery="fusion", level="L5-S1"),
    "pars_fracture": dict(view="sagittal", style="ct", surgery="laminectomy", window="bone"),
    "spondylolisthesis": dict(view="sagittal", style="xr", surgery="laminectomy"),
    "residual_stenosis": dict(view="axial", style="mri_t2", surgery="laminectomy"),
    "facet_effusion": dict(view="axial", style="stir", surgery="laminectomy"),
    "fat_graft": dict(view="axial", style="mri_t1", surgery="laminectomy"),
    "dvt": dict(view="axial", style="us", region="leg"),
    "hot_spot": dict(view="sagittal", style="spect", surgery="fusion"),
}
# A second context for kinds that support another view or style.
EXTRA = [
    ("epidural_haematoma", dict(view="axial", style="ct", surgery="laminectomy", window="soft")),
    ("recurrent_herniation", dict(view="sagittal", style="mri_t1_gd", surgery="discectomy")),
    ("epidural_fibrosis", dict(view="sagittal", style="mri_t1_gd", surgery="laminectomy")),
    ("pseudomeningocele", dict(view="axial", style="mri_t2", surgery="laminectomy")),
    ("seroma", dict(view="sagittal", style="us")),
    ("paraspinal_abscess", dict(view="sagittal", style="stir", surgery="fusion")),
    ("spondylodiscitis", dict(view="axial", style="mri_t1_gd", surgery="discectomy")),
    ("screw_halo", dict(view="sagittal", style="xr", surgery="fusion")),
    ("screw_fracture", dict(view="axial", style="ct", surgery="fusion")),
    ("pseudarthrosis", dict(view="sagittal", style="xr", surgery="fusion")),
    ("cord_ischaemia", dict(view="sagittal", style="stir")),
    ("sacral_insufficiency_fracture", dict(view="sagittal", style="mri_t1", surgery="fusion", level="L5-S1")),
    ("sij_overload", dict(view="coronal", style="spect")),
    ("pars_fracture", dict(view="axial", style="ct", surgery="laminectomy", window="bone")),
    ("spondylolisthesis", dict(view="sagittal", style="mri_t2", surgery="fusion")),
    ("residual_stenosis", dict(view="sagittal", style="mri_t2", surgery="laminectomy")),
    ("fat_graft", dict(view="sagittal", style="mri_t1", surgery="laminectomy")),
    ("hot_spot", dict(view="axial", style="pet", surgery="fusion")),
]
ALL_CASES = [(k, s) for k, s in CASES.items()] + EXTRA


def _spec(kind, base, **finding):
    fid = kind.replace("_", "-")
    return {**base, "findings": [{"kind": kind, "id": fid, "label": kind.title(), "note": "n", **finding}]}


def _arr(img):
    return np.asarray(img.convert("RGB")).astype(np.int16)


def _changed(kind, base, size=SIZE, **finding):
    with_img, ann = render_figure(_spec(kind, base, **finding), size)
    without_img, _ = render_figure({**base, "findings": []}, size)
    diff = np.abs(_arr(with_img) - _arr(without_img)).max(axis=2) > 12
    return diff, ann


def _check_schema(a):
    assert ID_RE.match(a["id"]), a["id"]
    assert isinstance(a["label"], str) and isinstance(a["note"], str)
    extra = {"arrow": {"from", "to"}, "ellipse": {"center", "radius"}, "polygon": {"points"}, "point": {"at"}}
    assert set(a) == {"id", "kind", "label", "note"} | extra[a["kind"]]
    pts = {"arrow": [a.get("from"), a.get("to")], "ellipse": [a.get("center"), a.get("radius")],
           "polygon": a.get("points"), "point": [a.get("at")]}[a["kind"]]  # fmt: skip
    if a["kind"] == "polygon":
        assert 3 <= len(pts) <= 64
    for p in pts:
        assert len(p) == 2
        for v in p:
            assert isinstance(v, float | int) and 0.0 <= v <= 1.0
            assert round(v, 4) == v


def _region_mask(a, size):
    w, h = size
    m = Image.new("L", size, 0)
    d = ImageDraw.Draw(m)
    if a["kind"] == "ellipse":
        (cx, cy), (rx, ry) = a["center"], a["radius"]
        d.ellipse([(cx - rx) * w, (cy - ry) * h, (cx + rx) * w, (cy + ry) * h], fill=255)
    else:
        d.polygon([(x * w, y * h) for x, y in a["points"]], fill=255)
    return np.asarray(m) > 0


def test_every_kind_has_a_test_case():
    assert set(CASES) | {"normal"} == FINDING_KINDS
    assert {"sagittal", "axial", "coronal"} == VIEWS
    assert {"mri_t2", "mri_t1", "mri_t1_gd", "stir", "ct", "xr", "spect", "pet", "us"} == STYLES


@pytest.mark.parametrize(
    ("kind", "base"), ALL_CASES, ids=[f"{k}-{s['view']}-{s['style']}" for k, s in ALL_CASES]
)
def test_finding_renders_with_one_valid_annotation(kind, base):
    img, ann = render_figure(_spec(kind, base), SIZE)
    assert img.size == SIZE and img.mode == "RGB"
    assert [a["id"] for a in ann] == [kind.replace("_", "-")]
    _check_schema(ann[0])
    assert ann[0]["kind"] == "ellipse" and ann[0]["label"] == kind.title() and ann[0]["note"] == "n"


@pytest.mark.parametrize(
    ("kind", "base"), ALL_CASES, ids=[f"{k}-{s['view']}-{s['style']}" for k, s in ALL_CASES]
)
@pytest.mark.parametrize("shape", ["ellipse", "polygon"])
def test_annotation_covers_what_was_drawn(kind, base, shape):
    diff, ann = _changed(kind, base, shape=shape)
    assert diff.sum() > 20, "finding drew (almost) nothing"
    a = ann[0]
    assert a["kind"] == shape
    _check_schema(a)
    inside = _region_mask(a, SIZE)
    assert (diff & inside).sum() / diff.sum() >= 0.8
    # and the annotation is not absurdly larger than the finding
    assert inside.sum() <= max(40 * diff.sum(), 0.04 * SIZE[0] * SIZE[1])


@pytest.mark.parametrize("kind", sorted(CASES))
@pytest.mark.parametrize("shape", ["arrow", "point"])
def test_arrow_and_point_tip_lies_on_the_finding(kind, shape):
    diff, ann = _changed(kind, CASES[kind], shape=shape)
    a = ann[0]
    _check_schema(a)
    x, y = a["to"] if shape == "arrow" else a["at"]
    ys, xs = np.nonzero(diff)
    tol = 0.02
    assert xs.min() / SIZE[0] - tol <= x <= (xs.max() + 1) / SIZE[0] + tol
    assert ys.min() / SIZE[1] - tol <= y <= (ys.max() + 1) / SIZE[1] + tol
    if shape == "arrow":
        assert a["from"] != a["to"]


@pytest.mark.parametrize("size", [(800, 600), (600, 800), (300, 520)])
def test_non_square_sizes(size):
    for kind in ("epidural_haematoma", "screw_breach_medial", "sij_overload"):
        diff, ann = _changed(kind, CASES[kind], size=size)
        assert diff.shape == (size[1], size[0])
        _check_schema(ann[0])
        assert (diff & _region_mask(ann[0], size)).sum() / diff.sum() >= 0.8


def test_normal_returns_no_finding_annotation():
    for view, style in (("sagittal", "mri_t2"), ("axial", "ct"), ("coronal", "stir"), ("sagittal", "us")):
        img, ann = render_figure({"view": view, "style": style, "findings": [{"kind": "normal", "id": "n"}]})
        assert ann == [] and img.size == (800, 800)


def test_default_arguments_and_default_ids():
    img, ann = render_figure({"findings": [{"kind": "epidural_haematoma"}]})
    assert img.size == (800, 800)
    assert ann[0]["id"] == "epidural-haematoma" and ann[0]["label"] and ann[0]["note"] == ""


def test_every_view_style_combination_renders_normal():
    for view in sorted(VIEWS):
        for style in sorted(STYLES):
            if (view, style) in {("axial", "xr"), ("coronal", "us")}:
                with pytest.raises(ValueError, match=style):
                    render_figure({"view": view, "style": style}, SIZE)
                continue
            for surgery in ("none", "discectomy", "laminectomy", "fusion", "tlif"):
                img, ann = render_figure({"view": view, "style": style, "surgery": surgery}, (200, 160))
                assert img.size == (200, 160) and ann == []


def test_styles_look_different():
    arrays = {
        s: _arr(render_figure({"view": "sagittal", "style": s, "surgery": "fusion"}, SIZE)[0]) for s in STYLES
    }
    names = sorted(arrays)
    for i, a in enumerate(names):
        for b in names[i + 1 :]:
            assert np.abs(arrays[a] - arrays[b]).mean() > 3, (a, b)


def test_deterministic_png_without_metadata():
    spec = _spec("dvt", CASES["dvt"])
    png1, ann1 = render_png(spec, SIZE)
    png2, ann2 = render_png(spec, SIZE)
    assert png1 == png2 and ann1 == ann2
    spec = _spec("epidural_fibrosis", CASES["epidural_fibrosis"])
    assert render_png(spec)[0] == render_png(spec)[0]
    assert png1[:8] == b"\x89PNG\r\n\x1a\n"
    chunks, pos = [], 8
    while pos < len(png1):
        (length,) = struct.unpack(">I", png1[pos : pos + 4])
        chunks.append(png1[pos + 4 : pos + 8].decode("ascii"))
        pos += 12 + length
    assert not set(chunks) & {"tEXt", "zTXt", "iTXt", "eXIf", "tIME", "pHYs"}, chunks
    assert Image.open(io.BytesIO(png1)).info == {} or set(Image.open(io.BytesIO(png1)).info) <= {"dpi"}


def test_anatomy_labels():
    for view, style, extra in (("sagittal", "mri_t2", {}), ("axial", "mri_t2", {}), ("coronal", "stir", {}),
                               ("axial", "us", {"region": "leg"})):  # fmt: skip
        spec = {"view": view, "style": style, "anatomy_labels": True, **extra}
        _, ann = render_figure(spec, SIZE)
        assert len(ann) >= 2
        ids = [a["id"] for a in ann]
        assert len(ids) == len(set(ids))
        for a in ann:
            _check_schema(a)
            assert a["kind"] == "point"
    _, ann = render_figure({"view": "sagittal", "anatomy_labels": True, "level": "L4-L5"}, SIZE)
    assert {"thecal-sac", "conus", "l4-body", "l4-l5-disc"} <= {a["id"] for a in ann}
    # a finding id that clashes with an anatomy id is kept; the anatomy id gets a suffix
    _, ann = render_figure(
        {"anatomy_labels": True, "findings": [{"kind": "epidural_haematoma", "id": "thecal-sac"}]}
    )
    ids = [a["id"] for a in ann]
    assert ids[0] == "thecal-sac" and "thecal-sac-anat" in ids and len(ids) == len(set(ids))


def test_multiple_findings_each_get_one_annotation():
    spec = {"view": "sagittal", "style": "mri_t1_gd", "surgery": "laminectomy",
            "findings": [{"kind": "epidural_abscess", "id": "a1"}, {"kind": "paraspinal_abscess", "id": "a2"},
                         {"kind": "normal", "id": "nn"}]}  # fmt: skip
    _, ann = render_figure(spec, SIZE)
    assert [a["id"] for a in ann] == ["a1", "a2"]
    assert ann[0]["center"] != ann[1]["center"]


@pytest.mark.parametrize(
    ("spec", "word"),
    [
        ({"findings": [{"kind": "subdural_collection"}]}, "subdural_collection"),
        ({"style": "mri_flair"}, "mri_flair"),
        ({"view": "oblique"}, "oblique"),
        ({"level": "L9-L10"}, "L9-L10"),
        ({"surgery": "alif"}, "alif"),
        (
            {"view": "sagittal", "findings": [{"kind": "screw_breach_medial"}], "surgery": "fusion"},
            "sagittal",
        ),
        ({"view": "axial", "style": "ct", "findings": [{"kind": "screw_halo"}]}, "screw_halo"),
        ({"view": "sagittal", "style": "xr", "findings": [{"kind": "epidural_haematoma"}]}, "xr"),
        ({"view": "axial", "style": "xr"}, "xr"),
        ({"findings": [{"kind": "seroma", "id": "Bad Id"}]}, "Bad Id"),
        (
            {
                "findings": [{"kind": "seroma", "id": "x"}, {"kind": "fat_graft", "id": "x"}],
                "surgery": "laminectomy",
            },
            "duplicate",
        ),  # fmt: skip
        ({"findings": [{"kind": "seroma", "shape": "star"}]}, "star"),
        ({"view": "sagittal", "slice": "disc"}, "slice"),
    ],
)
def test_invalid_specs_raise_value_error_naming_the_problem(spec, word):
    with pytest.raises(ValueError, match=re.escape(word)):
        render_figure(spec, SIZE)


def test_module_has_no_django_or_wagtail_imports():
    tree = ast.parse(Path(schematic.__file__).read_text())
    for node in ast.walk(tree):
        names = []
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            names = [node.module or ""]
        for n in names:
            assert n.split(".")[0] not in {"django", "wagtail"}, n


def test_burned_in_text_present():
    """Bottom-left corner carries the white 'SCHEMATIC - NOT PATIENT DATA' text on every style."""
    for style in sorted(STYLES):
        view = "axial" if style == "us" else "sagittal"
        img, _ = render_figure({"view": view, "style": style}, SIZE)
        corner = _arr(img)[-20:, :180]
        assert (corner.min(axis=2) > 230).sum() > 60 and (corner.max(axis=2) < 20).sum() > 300, style


# --- the sign each figure teaches ---------------------------------------------------------------------------
# At 1000 x 1000 one canonical unit is one pixel, so the geometry helpers give pixel positions directly.
BIG = (1000, 1000)


def _grey(img, x, y, r=3):
    """Mean grey of a small square around canonical (x, y) in a 1000 x 1000 render."""
    a = _arr(img)[..., 0]
    x, y = round(x), round(y)
    return float(a[y - r : y + r + 1, x - r : x + r + 1].mean())


def _disc_centre(upper, lower):
    a, b = schematic._nominal_box(upper), schematic._nominal_box(lower)
    return (a.ant + a.post) / 2, (a.bot + b.top) / 2


def test_ct_myelography_shows_contrast_in_the_sac_and_the_collection_brighter_than_muscle():
    spec = _spec("pseudomeningocele", dict(view="sagittal", style="ct", surgery="laminectomy"))
    img, ann = render_figure(spec, BIG)
    cx, cy = (v * 1000 for v in ann[0]["center"])
    sac, collection = (schematic._pw(300) + 25, 300), (cx + 40, cy)  # beside the roots, inside the collection
    muscle = _grey(img, 822, 250)
    assert _grey(img, *sac) > muscle + 80 and _grey(img, *collection) > muscle + 80
    assert _grey(img, *sac) > 200
    # without intrathecal contrast the same collection is CSF density, darker than muscle
    plain, _ = render_figure({**spec, "contrast": "none"}, BIG)
    assert _grey(plain, *sac) < _grey(plain, 822, 250) and _grey(plain, *collection) < _grey(plain, 822, 250)


def test_fat_suppressed_t1_gd_shows_fat_and_marrow_darker_than_enhancing_scar():
    img, ann = render_figure(_spec("epidural_fibrosis", CASES["epidural_fibrosis"]), BIG)
    (cx, cy) = ann[0]["center"]
    scar = _grey(img, 500 + 66, 500)
    subcutaneous_fat = _grey(img, 500, 865)
    assert scar > 180 and subcutaneous_fat < 60 and scar > subcutaneous_fat + 120
    sag, _ = render_figure({"view": "sagittal", "style": "mri_t1_gd", "surgery": "discectomy"}, BIG)
    l2 = schematic._nominal_box("L2")
    marrow, epidural_fat = _grey(sag, (l2.ant + l2.post) / 2, l2.yc), _grey(sag, schematic._pw(300) + 99, 300)
    assert marrow < 80 and epidural_fat < 60
    t1, _ = render_figure({"view": "sagittal", "style": "mri_t1", "surgery": "discectomy"}, BIG)
    assert _grey(t1, (l2.ant + l2.post) / 2, l2.yc) > marrow + 80  # plain T1: fatty marrow is bright


def _discitis_t1_gd(**phlegmon):
    findings = [
        {"kind": "spondylodiscitis", "id": "disc"},
        {"kind": "epidural_abscess", "id": "phlegmon", **phlegmon},
    ]
    spec = {
        "view": "sagittal",
        "style": "mri_t1_gd",
        "surgery": "discectomy",
        "level": "L5-S1",
        "findings": findings,
    }
    return render_figure(spec, BIG)


def test_discitis_on_t1_gd_shows_the_infected_disc_brighter_than_normal_discs():
    img, _ = _discitis_t1_gd()
    infected = _grey(img, *_disc_centre("L5", "S1"), r=5)
    for upper, lower in (("L2", "L3"), ("L3", "L4")):
        assert infected > _grey(img, *_disc_centre(upper, lower), r=5) + 80


def test_epidural_phlegmon_with_discitis_lies_ventral_to_the_sac():
    _, ann = _discitis_t1_gd()
    phlegmon = next(a for a in ann if a["id"] == "phlegmon")
    x, y = phlegmon["center"][0] * 1000, phlegmon["center"][1] * 1000
    assert schematic._pw(y) - 5 < x < schematic._pw(y) + 48  # in front of the sac's centre line
    _, dorsal = _discitis_t1_gd(site="dorsal")
    assert next(a for a in dorsal if a["id"] == "phlegmon")["center"][0] * 1000 > schematic._pw(y) + 48


def test_laminectomy_leaves_no_spinous_process_or_lamina_at_the_level():
    base = {"view": "sagittal", "style": "ct", "window": "soft"}
    l4 = schematic._nominal_box("L4")
    spinous = (l4.post + 110 + 100, l4.top + 50)
    intact, _ = render_figure({**base, "surgery": "none"}, BIG)
    operated, _ = render_figure({**base, "surgery": "laminectomy"}, BIG)
    muscle = schematic._PALETTES["ct"]["muscle"]
    assert abs(_grey(intact, *spinous) - schematic._PALETTES["ct"]["marrow"]) < 6
    assert abs(_grey(operated, *spinous) - muscle) < 6
    assert abs(_grey(operated, l4.post + 110 + 15, l4.yc) - muscle) < 6  # lamina root gone too


def test_sagittal_screws_run_from_behind_the_pedicle_into_the_body_and_meet_the_rod():
    img, _ = render_figure({"view": "sagittal", "style": "ct", "surgery": "fusion"}, BIG)
    heads = []
    for name in ("L4", "L5"):
        v = schematic._nominal_box(name)
        head, tip = schematic._sag_screw(v, name)
        heads.append(head)
        assert head[0] > schematic._pw(head[1]) + 110  # entry behind the canal, at the posterior elements
        assert tip[0] < (v.ant + v.post) / 2  # tip in the front half of the body
        # the screw is continuous metal through the pedicle, across where the canal is drawn
        for t in np.linspace(0.1, 0.9, 9):
            x, y = schematic._along(head, tip, t)
            assert _grey(img, x, y, r=1) > 240, (name, t)
    # the rod joins the heads in front of the spinous processes, not over them
    for t in np.linspace(0.0, 1.0, 6):
        x, y = schematic._along(heads[0], heads[1], t)
        assert _grey(img, x, y, r=1) > 240
        assert x < schematic._nominal_box("L4").post + 110 + 60


def test_sagittal_ct_after_fusion_has_no_graft_inside_the_canal():
    img, _ = render_figure({"view": "sagittal", "style": "ct", "surgery": "fusion"}, BIG)
    _, ym = _disc_centre("L4", "L5")
    graft = schematic._PALETTES["ct_bone"]["graft"]
    for dx in (20, 45, 70, 95):
        assert abs(_grey(img, schematic._pw(ym) + dx, ym) - graft) > 40


def test_bone_window_ct_makes_soft_tissues_one_grey_and_keeps_bone_detail():
    l2 = schematic._nominal_box("L2")
    spots = {"fat": (880, 300), "muscle": (822, 250), "marrow": ((l2.ant + l2.post) / 2, l2.yc),
             "cortex": (l2.ant + 2, l2.yc)}  # fmt: skip
    bone, _ = render_figure({"view": "sagittal", "style": "ct", "surgery": "fusion"}, BIG)
    soft, _ = render_figure({"view": "sagittal", "style": "ct", "surgery": "fusion", "window": "soft"}, BIG)
    b = {k: _grey(bone, x, y, r=1) for k, (x, y) in spots.items()}
    s = {k: _grey(soft, x, y, r=1) for k, (x, y) in spots.items()}
    assert abs(b["muscle"] - b["fat"]) < 30 < abs(s["muscle"] - s["fat"]) + 20
    assert b["cortex"] - b["marrow"] > 100
    assert b["marrow"] - b["muscle"] > 15


def test_ct_window_follows_the_findings_unless_given():
    soft_case = _spec("epidural_haematoma", dict(view="axial", style="ct", surgery="laminectomy"))
    bony_case = _spec("screw_halo", dict(view="axial", style="ct", surgery="fusion"))
    top_left = lambda spec: _arr(render_figure(spec, SIZE)[0])[4:20, 4:120]  # noqa: E731
    assert not np.array_equal(top_left(soft_case), top_left(bony_case))  # "AX CT" vs "AX CT BONE"
    assert np.array_equal(top_left({**soft_case, "window": "bone"}), top_left(bony_case))


def test_vacuum_pseudarthrosis_after_posterolateral_fusion_lies_in_the_disc_space():
    spec = _spec("pseudarthrosis", dict(view="sagittal", style="ct", surgery="fusion"), vacuum=True)
    _, ann = render_figure(spec, BIG)
    x, y = (v * 1000 for v in ann[0]["center"])
    a, b = schematic._nominal_box("L4"), schematic._nominal_box("L5")
    assert a.bot - 5 < y < b.top + 5 and a.ant < x < a.post


@pytest.mark.parametrize(
    ("spec", "word"),
    [
        ({"style": "ct", "window": "lung"}, "lung"),
        ({"style": "ct", "contrast": "iv-gas"}, "iv-gas"),
        ({"style": "mri_t2", "window": "bone"}, "mri_t2"),
        ({"findings": [{"kind": "epidural_abscess", "site": "lateral"}]}, "lateral"),
    ],
)
def test_invalid_ct_settings_and_sites_raise_value_error(spec, word):
    with pytest.raises(ValueError, match=re.escape(word)):
        render_figure(spec, SIZE)


# --- the synthetic CT stack (imaging.dicom): the same conventions as the drawings ------------------------------
def _synthetic_middle_slice():
    from imaging import dicom

    series = dicom.synthetic_ct_series(n_slices=8)  # the default size, as the demo stack uses it
    return series[4], dicom.modality_frames(series[4])[0]


def test_synthetic_stack_is_at_least_256_pixels_by_default():
    ds, hu = _synthetic_middle_slice()
    assert ds.Rows >= 256 and ds.Columns >= 256 and hu.shape[0] >= 256


def test_synthetic_stack_shows_the_left_screw_halo_on_the_viewers_right():
    ds, hu = _synthetic_middle_slice()
    assert list(ds.ImageOrientationPatient)[:3] == [1, 0, 0]  # columns run towards the patient's left
    body = (hu > -500) & (hu < 1500)
    halo = (hu > -150) & (hu < -50) & body
    ys, xs = np.nonzero(halo)
    assert len(xs) > 20 and xs.mean() > hu.shape[1] / 2 + 5


def test_synthetic_stack_has_r_and_l_markers_on_the_matching_sides():
    from imaging import dicom

    _, hu = _synthetic_middle_slice()
    size = hu.shape[0]
    marker = hu == dicom.MARKER_HU
    top = marker[: size // 8]
    left, right = top[:, : size // 4], top[:, -size // 4 :]
    assert left.sum() > 20 and right.sum() > 20 and marker.sum() == top.sum()
    # an R on the left and an L on the right: two different letters, not the same mark twice
    crop = lambda m: m[np.ix_(np.any(m, 1), np.any(m, 0))]  # noqa: E731
    a, b = crop(left), crop(right)
    assert a.shape != b.shape or not np.array_equal(a, b)
