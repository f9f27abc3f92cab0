"""Schematic line drawings of the post-operative lumbar spine (teaching illustrations, NOT patient data).

``render_figure(spec, size)`` draws one view of the lumbar spine in a modality-like ``style`` and returns the
image with one annotation per finding, in coordinates normalised to the image (0..1 from the top-left).

How it works: every view is drawn from a small geometry model in canonical units (a 1000 x 1000 square that is
fitted, centred, into the image). Drawing goes through ``_Canvas``; while a finding (or an anatomical part that a
finding has modified) is being drawn, the canvas also paints into that finding's mask. The annotation is
derived from that mask (ellipse / convex polygon / arrow / point), never typed in by hand. Rendering is done at
2x and downsampled; it is fully deterministic (the ultrasound speckle uses a fixed seed).

Pure Pillow + numpy: no Django imports here.
"""

from __future__ import annotations

import io
import math
import re
from contextlib import contextmanager
from dataclasses import dataclass

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

__all__ = ["FINDING_KINDS", "STYLES", "VIEWS", "render_figure", "render_png"]

VIEWS = frozenset({"sagittal", "axial", "coronal"})
STYLES = frozenset({"mri_t2", "mri_t1", "mri_t1_gd", "stir", "ct", "xr", "spect", "pet", "us"})
SURGERIES = frozenset({"none", "discectomy", "laminectomy", "fusion", "tlif"})
SHAPES = frozenset({"ellipse", "polygon", "arrow", "point"})
VERTEBRAE = ("L1", "L2", "L3", "L4", "L5", "S1")
LEVELS = tuple(f"{a}-{b}" for a, b in zip(VERTEBRAE, VERTEBRAE[1:], strict=False))

_SS = 2  # supersampling factor
_ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]{0,40}$")
_MR = frozenset({"mri_t2", "mri_t1", "mri_t1_gd", "stir"})
_NUC = frozenset({"spect", "pet"})
_SOFT = _MR | {"ct"}
_BONY = _MR | {"ct", "xr"}
_HW = frozenset({"ct", "xr"})

# --------------------------------------------------------------------------------------------------- palettes
# grey level of each tissue per palette (drawings, not signal simulations). mri_t1_gd is fat-suppressed:
# fat and fatty marrow are dark, enhancing tissue bright. ct is a soft-tissue window (W400/L40), ct_bone a
# bone window (W1500/L300: soft tissues nearly one grey, cortex and trabecular bone apart).
_PALETTE_TABLE = """
tissue           mri_t2    mri_t1 mri_t1_gd      stir        ct   ct_bone        xr     spect       pet        us
bg                    5         5         5         5         0         0        50         0         0         0
soft                 68        72        60        58       100        82        82        20        48        78
fat                 200       225        22        28        58        60        76        16        30        62
muscle               62        82        72        52       112        85        84        22        55        92
cortex               18        22        14        15       250       246       222        96        42       235
marrow              125       185        50        55       172       110       160        70        60        30
disc                118        95        88       112       118        91        92        28        40        70
nucleus             215       100        90       200       114        90        92        28        40        70
csf                 246        45        40       250        78        78        82        18        26         6
cord                112       125       105       120        94        82        82        18        60        70
root                 92       112       100        98        94        82        82        18        40        70
ligament             22        28        24        20       122        90        84        20        40       190
metal                 0         0         0         0       255       255       252         6        10       250
bloom                30        32        28        25       255       255       252         6        10       250
cage                 35        38        30        30        92       128        96        24        30        70
bead                  0         0         0         0       255       255       253         6        10       250
graft               100       150        60        80       218       178       188        60        45        70
fluid               240        50        42       250        76        78        82        18        26         6
blood               168       150       150       190       146        88        82        20        45       120
pus                 226        70        55       242        88        80        82        20        45        60
rim                  95       110       238       150       126        87        82        20        45       175
oedema              205        72       175       232       172       110       160        70        60        95
scar                140       105       215       150       106        86        84        20        45       110
fragment             80       100        92        85       128        92        84        28        40        70
lucent              200        55        45       225        62        60        98        40        30         6
vessel               28        25       200        20       118        84        82        24        70         8
skin                150       170       110        90       122        83        96        26        50       215
sclerosis            40        30        26        25       235       213       205        96        45       200
enhancing           210        72       225       236       112        87        82        20        45        90
"""
_PALETTES: dict[str, dict[str, int]] = {
    name: {row.split()[0]: int(row.split()[1 + i]) for row in _PALETTE_TABLE.strip().splitlines()[1:]}
    for i, name in enumerate(_PALETTE_TABLE.strip().splitlines()[0].split()[1:])
}
_RAMPS = {
    "spect": [(70, 0, 0), (170, 20, 0), (240, 90, 0), (255, 190, 20), (255, 250, 170)],
    "pet": [(20, 0, 90), (0, 90, 230), (0, 200, 120), (240, 230, 0), (255, 70, 0), (255, 255, 255)],
}
_TAG = {"mri_t2": "T2", "mri_t1": "T1", "mri_t1_gd": "T1+Gd", "stir": "STIR", "ct": "CT", "xr": "XR",
        "spect": "SPECT", "pet": "PET", "us": "US"}  # fmt: skip


def _lerp(c0, c1, t):
    return tuple(round(a + (b - a) * t) for a, b in zip(c0, c1, strict=True))


def _ramp(style: str, t: float) -> tuple[int, int, int]:
    cols = _RAMPS.get(style, _RAMPS["spect"])
    t = min(max(t, 0.0), 1.0) * (len(cols) - 1)
    i = min(int(t), len(cols) - 2)
    return _lerp(cols[i], cols[i + 1], t - i)


# Findings that a CT reader looks for in a soft-tissue window; everything else on CT is read in a bone window.
_CT_SOFT_KINDS = frozenset({"epidural_haematoma", "pseudohernia", "recurrent_herniation", "epidural_fibrosis",
                            "pseudomeningocele", "seroma", "epidural_abscess", "paraspinal_abscess",
                            "residual_stenosis", "facet_effusion", "fat_graft", "cord_ischaemia"})  # fmt: skip
_BONY_KINDS = frozenset({"screw_breach_medial", "screw_halo", "rod_fracture", "screw_fracture", "cage_retropulsion",
                         "cage_subsidence", "pseudarthrosis", "sacral_insufficiency_fracture", "sij_overload",
                         "pars_fracture", "spondylolisthesis", "adjacent_segment_disease"})  # fmt: skip


def _ct_window(spec: dict, surgery: str, kinds: set) -> str:
    """'bone' or 'soft': spec['window'] if given, else soft for soft-tissue findings, bone for hardware or bone."""
    if spec.get("window"):
        return spec["window"]
    if kinds & _CT_SOFT_KINDS:
        return "soft"
    return "bone" if surgery in ("fusion", "tlif") or kinds & _BONY_KINDS else "soft"


def _ct_contrast(spec: dict, style: str, kinds: set) -> str:
    """'none' or 'intrathecal' (CT myelography): spec['contrast'] if given.

    Without it, a CT of a pseudomeningocele is drawn as a myelogram: plain CT cannot prove that the collection
    communicates with the sac, so that is the CT this atlas teaches.
    """
    if spec.get("contrast"):
        return spec["contrast"]
    return "intrathecal" if style == "ct" and "pseudomeningocele" in kinds else "none"


# ------------------------------------------------------------------------------------------------ geometry
def _ell(cx, cy, rx, ry, ang=0.0, n=40):
    """Polygon points of a (rotated) ellipse, canonical units."""
    ca, sa = math.cos(math.radians(ang)), math.sin(math.radians(ang))
    pts = []
    for k in range(n):
        t = 2 * math.pi * k / n
        x, y = rx * math.cos(t), ry * math.sin(t)
        pts.append((cx + x * ca - y * sa, cy + x * sa + y * ca))
    return pts


def _band(p0, p1, half):
    """Rectangle of half-width ``half`` around segment p0-p1."""
    (x0, y0), (x1, y1) = p0, p1
    d = math.hypot(x1 - x0, y1 - y0) or 1.0
    nx, ny = -(y1 - y0) / d * half, (x1 - x0) / d * half
    return [(x0 + nx, y0 + ny), (x1 + nx, y1 + ny), (x1 - nx, y1 - ny), (x0 - nx, y0 - ny)]


def _along(p0, p1, t, off=0.0):
    (x0, y0), (x1, y1) = p0, p1
    d = math.hypot(x1 - x0, y1 - y0) or 1.0
    return (x0 + (x1 - x0) * t - (y1 - y0) / d * off, y0 + (y1 - y0) * t + (x1 - x0) / d * off)


def _jag(pts, amp, seed=1):
    """Deterministically roughen a closed outline (eroded / irregular margins)."""
    out = []
    for i, (x, y) in enumerate(pts):
        k = ((i * 7 + seed * 13) % 5 - 2) / 2.0
        out.append((x + k * amp, y - k * amp * 0.6))
    return out


@dataclass(frozen=True)
class _Box:
    ant: float
    post: float
    top: float
    bot: float

    @property
    def yc(self) -> float:
        return (self.top + self.bot) / 2

    def moved(self, dx: float, dy: float) -> _Box:
        return _Box(self.ant + dx, self.post + dx, self.top + dy, self.bot + dy)

    def poly(self, c: float = 9.0):
        a, p, t, b = self.ant, self.post, self.top, self.bot
        return [
            (a + c, t),
            (p - c, t),
            (p, t + c),
            (p, b - c),
            (p - c, b),
            (a + c, b),
            (a, b - c),
            (a, t + c),
        ]


# ----------------------------------------------------------------------------------------------- canvas
class _Canvas:
    """Pillow drawing in canonical units, with per-finding masks of what each finding drew."""

    def __init__(self, size: tuple[int, int], style: str, palette: str | None = None, contrast: str = "none"):
        self.style = style
        self.pal = {k: (v, v, v) for k, v in _PALETTES[palette or style].items()}
        if (
            contrast == "intrathecal"
        ):  # iodinated CSF is near bone density: the sac and what it fills are white
            self.pal["csf"] = (238, 238, 238)
        self.W, self.H = size[0] * _SS, size[1] * _SS
        self.img = Image.new("RGB", (self.W, self.H), self.pal["bg"])
        self.draw = ImageDraw.Draw(self.img)
        self.s = min(self.W, self.H) / 1000.0
        self.ox, self.oy = (self.W - 1000 * self.s) / 2, (self.H - 1000 * self.s) / 2
        self.owner: str | None = None
        self.masks: dict[str, Image.Image] = {}

    def c(self, tissue):
        return self.pal[tissue] if isinstance(tissue, str) else tissue

    def P(self, x, y):
        return (self.ox + x * self.s, self.oy + y * self.s)

    def norm(self, x, y):
        px, py = self.P(x, y)
        return (px / self.W, py / self.H)

    def _w(self, width):
        return max(1, round(width * self.s))

    def _mask(self, owner=None):
        owner = owner or self.owner
        if owner is None:
            return None
        if owner not in self.masks:
            self.masks[owner] = Image.new("L", (self.W, self.H), 0)
        return ImageDraw.Draw(self.masks[owner])

    @contextmanager
    def owned(self, owner: str | None):
        prev = self.owner
        self.owner = owner or prev
        try:
            yield
        finally:
            self.owner = prev

    def poly(self, pts, fill=None, outline=None, width=0):
        p = [self.P(x, y) for x, y in pts]
        w = self._w(width) if outline is not None else 0
        self.draw.polygon(p, fill=self.c(fill) if fill else None, outline=self.c(outline) if outline else None,
                          width=w)  # fmt: skip
        md = self._mask()
        if md:
            md.polygon(p, fill=255 if fill else None, outline=255 if outline else None, width=w)

    def ellipse(self, cx, cy, rx, ry, fill=None, outline=None, width=0, ang=0.0):
        self.poly(_ell(cx, cy, rx, ry, ang, n=48), fill, outline, width)

    def line(self, pts, fill, width):
        p = [self.P(x, y) for x, y in pts]
        self.draw.line(p, fill=self.c(fill), width=self._w(width), joint="curve")
        md = self._mask()
        if md:
            md.line(p, fill=255, width=self._w(width), joint="curve")

    def claim(self, owner: str, pts):
        """Add a region to a finding's mask without drawing (e.g. where a moved part used to be)."""
        self._mask(owner).polygon([self.P(x, y) for x, y in pts], fill=255)

    def bone(self, pts, cortex=6):
        self.poly(pts, fill="marrow", outline="cortex", width=cortex)

    def bone_line(self, pts, width):
        self.line(pts, "cortex", width)
        self.line(pts, "marrow", max(width - 12, 3))

    def hot(self, cx, cy, rx, ry, ang=0.0, steps=9):
        for i in range(steps):
            f = 1 - i / steps
            self.ellipse(cx, cy, rx * f, ry * f, fill=_ramp(self.style, i / (steps - 1)), ang=ang)

    def hot_line(self, pts, width, steps=6):
        for i in range(steps):
            self.line(pts, _ramp(self.style, i / (steps - 1)), width * (1 - i / steps))


# ------------------------------------------------------------------------------------------ shared parts
def _screw(cv: _Canvas, head, tip, broken=False):
    """Pedicle screw from head (posterior) to tip; optional fractured shaft."""
    if cv.style in _MR:
        cv.line([head, tip], "bloom", 34)  # susceptibility artefact
    segs = [(0.0, 1.0)]
    if broken:
        segs = [(0.0, 0.40), (0.47, 1.0)]
    for a, b in segs:
        p0, p1 = _along(head, tip, a), _along(head, tip, b)
        if broken and a > 0:  # distal fragment slightly displaced
            p0, p1 = (p0[0], p0[1] + 7), (p1[0], p1[1] + 12)
        cv.poly(_band(p0, p1, 8), fill="metal")
        n = int(math.hypot(p1[0] - p0[0], p1[1] - p0[1]) // 16)
        for k in range(1, n):
            q = _along(p0, p1, k / n)
            cv.poly(_band(_along(q, p1, 0, -12), _along(q, p1, 0, 12), 2.2), fill="metal")
    cv.poly(_band(_along(head, tip, -0.02), _along(head, tip, 0.1), 18), fill="metal")


def _streaks(cv: _Canvas, centres):
    if cv.style != "ct":
        return
    for cx, cy in centres:
        for k in range(5):
            a = math.radians(k * 36 + 8)
            col = (60, 60, 60) if k % 2 else (170, 170, 170)
            dx, dy = 95 * math.cos(a), 95 * math.sin(a)
            cv.line([(cx - dx, cy - dy), (cx + dx, cy + dy)], col, 1.5)


def _halo(cv: _Canvas, head, tip):
    pts = _band(_along(head, tip, 0.12), _along(tip, head, -0.03), 16)
    cv.poly(pts, outline="lucent", width=7)


def _collection(cv: _Canvas, pts, fill, rim=None, rim_w=0):
    cv.poly(pts, fill=fill)
    if rim:
        cv.poly(pts, outline=rim, width=rim_w)


# ----------------------------------------------------------------------------------------------- context
@dataclass
class _Ctx:
    cv: _Canvas
    view: str
    style: str
    level: str
    surgery: str
    side: str
    findings: list
    owner: dict  # part key -> finding id
    shift: dict  # part key -> (dx, dy)
    flags: dict  # misc modifications requested by findings

    @property
    def upper(self):
        return self.level.split("-")[0]

    @property
    def lower(self):
        return self.level.split("-")[1]

    @property
    def fused(self):
        return self.surgery in ("fusion", "tlif")

    @property
    def decompressed(self):
        return self.surgery in ("discectomy", "laminectomy", "fusion", "tlif")

    def sx(self, side=None):
        """Image-x sign for a patient side (radiological convention: patient left on image right)."""
        return 1 if (side or self.side) == "left" else -1


# ============================================================================================== SAGITTAL
_V_ANT = {"L1": 305, "L2": 288, "L3": 276, "L4": 270, "L5": 276, "S1": 292}
_DEPTH = 195
_SACRUM = [(292, 732), (487, 728), (505, 800), (512, 870), (500, 940), (470, 990), (440, 985), (400, 920),
           (345, 850), (305, 790)]  # fmt: skip
_SACRAL_CREST = [(592, 738), (640, 748), (635, 820), (610, 900), (560, 975), (528, 980), (540, 930),
                 (556, 860), (566, 800), (575, 742)]  # fmt: skip


def _nominal_box(name: str) -> _Box:
    if name == "S1":
        return _Box(292, 487, 730, 800)
    i = VERTEBRAE.index(name)
    top = 50 + i * 136
    return _Box(_V_ANT[name], _V_ANT[name] + _DEPTH, top, top + 100)


def _box(ctx: _Ctx, name: str) -> _Box:
    dx, dy = ctx.shift.get(f"vert:{name}", (0, 0))
    return _nominal_box(name).moved(dx, dy)


def _pw(y: float) -> float:
    """Posterior wall of the canal's anterior border (nominal), as a function of y."""
    ys, xs = [], []
    for n in VERTEBRAE[:-1]:
        b = _nominal_box(n)
        ys += [b.top, b.bot]
        xs += [b.post, b.post]
    ys += [730, 800, 870, 940]
    xs += [487, 505, 512, 500]
    return float(np.interp(y, ys, xs))


def _disc_poly(a: _Box, b: _Box):
    ym = (a.bot + b.top) / 2
    return [(a.ant + 5, a.bot), (a.post - 3, a.bot), (max(a.post, b.post) + 5, ym), (b.post - 3, b.top),
            (b.ant + 5, b.top), (min(a.ant, b.ant) - 7, ym)]  # fmt: skip


def _post_poly(v: _Box, stub=False):
    x0 = v.post + 110
    if stub:  # laminectomy: only the pars / facet stub remains
        return [(x0, v.top + 12), (x0 + 38, v.top + 18), (x0 + 38, v.bot + 10), (x0, v.bot + 24)]
    return [(x0, v.top + 12), (x0 + 60, v.top + 20), (x0 + 172, v.top + 30), (x0 + 185, v.top + 52),
            (x0 + 176, v.top + 90), (x0 + 60, v.bot + 6), (x0, v.bot + 26)]  # fmt: skip


def _sag_screw(v: _Box, name: str):
    """(head, tip) in the lateral composite: the head sits behind the pedicle at the facet, the tip in the front
    half of the body, roughly parallel to the upper end plate."""
    if name == "S1":
        return (600, 756), (330, 742)  # aimed at the promontory
    return (v.post + 138, v.top + 34), (v.ant + 40, v.top + 42)


def _sag_pedicle(v: _Box, name: str):
    """The pedicle around a screw, from just in front of its head to the back of the body (lateral projection)."""
    head, tip = _sag_screw(v, name)
    wall = _pw(v.top + 40) - 8
    return _band(_along(head, tip, 0.06), _along(head, tip, (head[0] - wall) / (head[0] - tip[0])), 25)


def _xr_graft(ctx: _Ctx):
    """Posterolateral fusion mass between the transverse processes; on a lateral film it projects over the pedicles
    and foramina, in front of the rod."""
    ya, yb = _nominal_box(ctx.upper).top + 14, _nominal_box(ctx.lower).top + 64
    ys = np.linspace(ya, yb, 12)
    front = [(_pw(y) + 52 + 6 * ((k * 5) % 3 - 1), y) for k, y in enumerate(ys)]
    back = [(_pw(y) + 112 + 5 * ((k * 7) % 3 - 1), y) for k, y in enumerate(reversed(ys))]
    return front + back


def _sag_cage(ctx: _Ctx, nominal=False):
    a, b = (_nominal_box(ctx.upper), _nominal_box(ctx.lower))
    x0, x1 = (a.ant + b.ant) / 2 + 45, (a.post + b.post) / 2 - 26
    y0, y1 = a.bot + 3, b.top - 3
    dx, dy = (0, 0) if nominal else ctx.shift.get("cage", (0, 0))
    return x0 + dx, y0 + dy, x1 + dx, y1 + dy


def _sac_poly():
    ys = list(range(-60, 840, 20))
    front = [(_pw(y) + 10, y) for y in ys]
    back = [(_pw(y) + 86, y) for y in reversed(ys)]
    return front + [(_pw(860) + 45, 868)] + back


def _draw_sagittal(ctx: _Ctx):
    cv = ctx.cv
    cv.poly([(-3000, -3000), (918, -3000), (918, 4000), (-3000, 4000)], fill="soft")
    cv.poly([(848, -3000), (918, -3000), (918, 4000), (848, 4000)], fill="fat")
    cv.poly([(912, -3000), (920, -3000), (920, 4000), (912, 4000)], fill="skin")
    ys = list(range(-100, 1101, 50))
    cv.poly([(_pw(y) + 110, y) for y in ys] + [(848, 1100), (848, -100)], fill="muscle")
    cv.poly([(150, -3000), (205, -3000), (215, 600), (180, 1100), (130, 1100), (160, 600)], fill="vessel")
    cv.poly([(218, -3000), (238, -3000), (250, 600), (236, 1100), (212, 1100), (228, 600)], fill="fat")
    for n in VERTEBRAE[:-1]:
        with cv.owned(ctx.owner.get(f"vert:{n}")):
            cv.bone(_box(ctx, n).poly())
    cv.bone(_SACRUM)
    cv.line([(300, 800), (507, 800)], "disc", 6)
    for a, b in zip(VERTEBRAE, VERTEBRAE[1:], strict=False):
        lvl = f"{a}-{b}"
        with cv.owned(ctx.owner.get(f"disc:{lvl}")):
            pa, pb = _box(ctx, a), _box(ctx, b)
            cv.poly(_disc_poly(pa, pb), fill="disc")
            if not (lvl == ctx.level and ctx.surgery == "tlif"):
                cv.ellipse((pa.ant + pa.post) / 2 - 5, (pa.bot + pb.top) / 2, 55, 9, fill="nucleus")
    _sag_posterior(ctx)
    if ctx.style != "xr":
        _sag_canal(ctx)
    if ctx.fused:
        _sag_hardware(ctx)
    if ctx.surgery == "tlif":
        with cv.owned(ctx.owner.get("cage")):
            x0, y0, x1, y1 = _sag_cage(ctx)
            cv.poly([(x0, y0), (x1, y0), (x1, y1), (x0, y1)], fill="graft", outline="cage", width=7)
            for bx in (x0 + 13, x1 - 13):
                cv.ellipse(bx, (y0 + y1) / 2, 7, 7, fill="bead")


def _sag_posterior(ctx: _Ctx):
    """Ligamentum flavum, laminae and spinous processes; after laminectomy the level's arch is gone."""
    cv, names = ctx.cv, VERTEBRAE[:-1]
    cv.poly(_SACRAL_CREST, fill="marrow", outline="cortex", width=5)
    gone = ctx.upper if ctx.surgery == "laminectomy" else None
    # only a pars fracture needs the pars left beside the defect (so it belongs to that finding's outline)
    pars = next((f["id"] for f in ctx.findings if f["kind"] == "pars_fracture"), None)
    for i, n in enumerate(names):
        v, nxt = _box(ctx, n), _box(ctx, VERTEBRAE[i + 1])
        x0 = v.post + 110
        with cv.owned(ctx.owner.get(f"vert:{n}")):
            if gone not in (n, VERTEBRAE[i + 1]):  # ligaments to a removed arch are resected with it
                cv.poly([(x0 - 18, v.bot - 5), (x0 + 2, v.bot - 5), (x0 + 2, nxt.top + 30), (x0 - 18, nxt.top + 30)],
                         fill="ligament")  # fmt: skip
                cv.line([(x0 + 120, v.top + 80), (x0 + 120, nxt.top + 30)], "ligament", 5)
            if n != gone:
                cv.bone(_post_poly(v))
            elif pars:
                with cv.owned(pars):
                    cv.bone(_post_poly(v, stub=True))
            if ctx.surgery == "discectomy" and n == ctx.upper:  # small laminotomy notch
                cv.poly([(x0 - 20, v.bot - 28), (x0 + 48, v.bot - 28), (x0 + 48, nxt.top + 16),
                         (x0 - 20, nxt.top + 16)], fill="scar")  # fmt: skip
            if ctx.style == "xr":  # pedicles project over the canal on a lateral radiograph
                cv.bone([(v.post - 6, v.top + 10), (v.post + 112, v.top + 18), (v.post + 112, v.top + 58),
                         (v.post - 6, v.top + 52)], cortex=4)  # fmt: skip


def _sag_canal(ctx: _Ctx):
    cv = ctx.cv
    ys = list(range(-100, 900, 20))
    cv.poly([(_pw(y), y) for y in ys] + [(_pw(y) + 110, y) for y in reversed(ys)], fill="fat")
    with cv.owned(ctx.owner.get("sac")):
        cv.poly(_sac_poly(), fill="csf")
        cv.poly([(_pw(-100) + 28, -100), (_pw(-100) + 68, -100), (_pw(120) + 60, 120), (_pw(180) + 46, 182),
                 (_pw(120) + 36, 120)], fill="cord")  # fmt: skip
        for k in range(4):
            cv.line([(_pw(180) + 46, 182), (_pw(500) + 52 + k * 7, 500), (_pw(820) + 48 + k * 5, 820)],
                    "root", 2.5)  # fmt: skip


def _sag_hardware(ctx: _Ctx):
    """Lateral composite of the instrumentation: each screw enters behind its pedicle, runs through it into the
    body, and the rod joins the screw heads behind the pedicles (drawn over the canal, as it projects)."""
    cv, levels = ctx.cv, (ctx.upper, ctx.lower)
    if (
        ctx.style == "xr"
    ):  # a midline slice misses the posterolateral mass; a projection shows it under the metal
        with cv.owned(ctx.owner.get("graft")):
            cv.poly(_xr_graft(ctx), fill="graft")
    screws = [(n, *_sag_screw(_box(ctx, n), n)) for n in levels]
    for n in levels:
        if ctx.style != "xr":
            with cv.owned(ctx.owner.get(f"vert:{n}")):
                cv.bone(_sag_pedicle(_box(ctx, n), n), cortex=5)
    _streaks(cv, [_sag_screw(_nominal_box(n), n)[1] for n in levels])
    for n, head, tip in screws:
        with cv.owned(ctx.owner.get(f"screw:{n}") or ctx.owner.get(f"vert:{n}")):
            _screw(cv, head, tip, broken=ctx.flags.get("broken_screw") == n)
    heads = [h for _, h, _ in screws]
    with cv.owned(ctx.owner.get("rod")):
        p0, p1 = _along(heads[0], heads[1], -0.12), _along(heads[0], heads[1], 1.12)
        if ctx.flags.get("rod_break"):
            cv.line([p0, _along(p0, p1, 0.47)], "metal", 14)
            cv.line([(x + 6, y + 4) for x, y in (_along(p0, p1, 0.53), p1)], "metal", 14)
        else:
            cv.line([p0, p1], "metal", 14)


def _sag_anatomy(ctx: _Ctx):
    out = [("thecal-sac", "Thecal sac", (_pw(400) + 48, 400)), ("conus", "Conus medullaris", (_pw(150) + 50, 150)),
           ("cauda-equina", "Cauda equina", (_pw(650) + 55, 650))]  # fmt: skip
    for n in VERTEBRAE[:-1]:
        b = _box(ctx, n)
        out.append((f"{n.lower()}-body", f"{n} vertebral body", ((b.ant + b.post) / 2, b.yc)))
    out.append(("sacrum", "Sacrum (S1)", (400, 770)))
    a, b = _box(ctx, ctx.upper), _box(ctx, ctx.lower)
    out.append(
        (f"{ctx.level.lower()}-disc", f"{ctx.level} disc", ((a.ant + a.post) / 2, (a.bot + b.top) / 2))
    )
    if ctx.surgery != "laminectomy":
        out.append(("spinous-process", f"{ctx.upper} spinous process", (a.post + 250, a.top + 55)))
    return out


# --- sagittal findings (each draws under its own mask; prepare_* hooks modify the geometry first)
def _level_boxes(ctx):
    return _box(ctx, ctx.upper), _box(ctx, ctx.lower)


def _dorsal_lens(y0, y1, front, back):
    ys = np.linspace(y0, y1, 16)
    f = [(_pw(y) + 88 - front * math.sin(math.pi * (y - y0) / (y1 - y0)), y) for y in ys]
    b = [(_pw(y) + 106 + back * math.sin(math.pi * (y - y0) / (y1 - y0)), y) for y in reversed(ys)]
    return f + b


def _s_epidural_haematoma(ctx, f):
    a, b = _level_boxes(ctx)
    ym = (a.bot + b.top) / 2
    ctx.cv.poly(_dorsal_lens(ym - 160, ym + 110, 44, 14), fill="blood")


def _ventral_lens(y0, y1, bulge):
    """Anterior epidural collection: flat against the back of the bodies and discs, bulging into the sac."""
    ys = np.linspace(y0, y1, 16)
    front = [(_pw(y) + 1, y) for y in ys]
    back = [(_pw(y) + 8 + bulge * math.sin(math.pi * (y - y0) / (y1 - y0)), y) for y in reversed(ys)]
    return front + back


def _epidural_site(ctx, f) -> str:
    """'ventral' or 'dorsal': f['site'] if given; epidural spread from discitis is ventral, behind the disc."""
    if f.get("site"):
        return f["site"]
    return "ventral" if any(g["kind"] == "spondylodiscitis" for g in ctx.findings) else "dorsal"


def _is_phlegmon(ctx, f) -> bool:
    """Phlegmon enhances throughout; an abscess only at its rim. Early epidural spread of discitis is phlegmon."""
    if f.get("phlegmon") is not None:
        return bool(f["phlegmon"])
    return any(g["kind"] == "spondylodiscitis" for g in ctx.findings)


def _s_epidural_abscess(ctx, f):
    a, b = _level_boxes(ctx)
    ym = (a.bot + b.top) / 2
    if _epidural_site(ctx, f) == "ventral":
        pts = _ventral_lens(ym - 80, ym + 90, 30)
    else:
        pts = _dorsal_lens(ym - 130, ym + 110, 38, 12)
    if _is_phlegmon(ctx, f):
        ctx.cv.poly(pts, fill="enhancing")
    else:
        _collection(ctx.cv, pts, "pus", "rim", 9)


def _s_pseudohernia(ctx, f):
    a, b = _level_boxes(ctx)
    ym = (a.bot + b.top) / 2
    ctx.cv.ellipse(_pw(ym) + 14, ym, 22, 34, fill="scar")


def _s_recurrent_herniation(ctx, f):
    a, b = _level_boxes(ctx)
    ym, x = (a.bot + b.top) / 2, _pw((a.bot + b.top) / 2)
    pts = [(x - 6, ym - 12), (x + 22, ym - 10), (x + 36, ym + 10), (x + 34, ym + 40), (x + 20, ym + 52),
           (x + 8, ym + 30), (x - 6, ym + 12)]  # fmt: skip
    ctx.cv.poly(pts, fill="fragment")
    if ctx.style == "mri_t1_gd":
        ctx.cv.poly(pts[1:-1], outline="rim", width=5)


def _s_epidural_fibrosis(ctx, f):
    a, b = _level_boxes(ctx)
    ym, x = (a.bot + b.top) / 2, _pw((a.bot + b.top) / 2)
    cv = ctx.cv
    cv.poly(
        [(x - 2, ym - 50), (x + 22, ym - 40), (x + 30, ym), (x + 24, ym + 45), (x - 2, ym + 55)], fill="scar"
    )
    cv.poly([(x + 84, ym - 60), (x + 140, ym - 55), (x + 140, ym + 55), (x + 84, ym + 50), (x + 70, ym)],
            fill="scar")  # fmt: skip
    for dy in (-25, 5, 30):  # tethering strands retracting the sac
        cv.line([(x + 28, ym + dy), (x + 44, ym + dy + 6)], "scar", 5)
        cv.line([(x + 74, ym + dy), (x + 60, ym + dy - 6)], "scar", 5)


def _s_pseudomeningocele(ctx, f):
    a, b = _level_boxes(ctx)
    ym, x = (a.bot + b.top) / 2, _pw((a.bot + b.top) / 2)
    cv = ctx.cv
    cv.poly(_band((x + 80, ym), (x + 170, ym - 5), 13), fill="csf")
    cv.ellipse(x + 250, ym - 10, 95, 115, fill="csf")


def _s_seroma(ctx, f):
    a, b = _level_boxes(ctx)
    ym = (a.bot + b.top) / 2
    ctx.cv.ellipse(790, ym - 10, 50, 105, fill="fluid")


def _s_paraspinal_abscess(ctx, f):
    a, b = _level_boxes(ctx)
    ym = (a.bot + b.top) / 2
    _collection(ctx.cv, _ell(_pw(ym) + 255, ym + 15, 45, 80, n=40), "pus", "rim", 10)


def _infected_disc_fill(style: str) -> str:
    """T1: low like the marrow around it; T1+Gd: enhancing (brighter than normal discs); fluid-bright otherwise."""
    return {"mri_t1": "disc", "mri_t1_gd": "enhancing"}.get(style, "pus")


def _s_spondylodiscitis(ctx, f):
    a, b = _level_boxes(ctx)
    cv = ctx.cv
    # marrow oedema stays inside the cortex (inset), so the bone outline is still read
    cv.poly(
        [(a.ant + 8, a.yc), (a.post - 8, a.yc), (a.post - 8, a.bot - 6), (a.ant + 8, a.bot - 6)],
        fill="oedema",
    )
    cv.poly(
        [(b.ant + 8, b.top + 6), (b.post - 8, b.top + 6), (b.post - 8, b.yc), (b.ant + 8, b.yc)],
        fill="oedema",
    )
    ym = (a.bot + b.top) / 2
    disc = [(a.ant + 10, a.bot - 8), (a.post - 6, a.bot - 6), (a.post + 6, ym), (b.post - 6, b.top + 6),
            (b.ant + 10, b.top + 8), (a.ant - 8, ym)]  # fmt: skip
    cv.poly(_jag(disc, 5), fill=_infected_disc_fill(ctx.style))
    for y, sgn in ((a.bot, -1), (b.top, 1)):  # eroded endplates
        pts = [
            (a.ant + 12 + k * (a.post - a.ant - 24) / 10, y + sgn * (4 + 7 * ((k * 3) % 2)))
            for k in range(11)
        ]
        cv.line(pts, "cortex" if ctx.style == "ct" else "lucent" if ctx.style == "xr" else "sclerosis", 4)
    cv.ellipse(min(a.ant, b.ant) - 34, ym, 26, 62, fill="oedema" if ctx.style != "mri_t1_gd" else "enhancing")


def _prep_screw_halo(ctx, f, fid):
    ctx.flags.setdefault("halo", []).append(fid)


def _s_screw_halo(ctx, f):
    n = ctx.lower
    _halo(ctx.cv, *_sag_screw(_box(ctx, n), n))


def _prep_rod_fracture(ctx, f, fid):
    ctx.flags["rod_break"] = True
    ctx.owner["rod"] = fid


def _prep_screw_fracture(ctx, f, fid):
    ctx.flags["broken_screw"] = ctx.lower
    ctx.owner[f"screw:{ctx.lower}"] = fid


def _prep_cage(dx, dy):
    def prep(ctx, f, fid):
        ctx.shift["cage"] = (dx, dy)
        ctx.owner["cage"] = fid

    return prep


def _s_cage_claim(ctx, f):
    x0, y0, x1, y1 = _sag_cage(ctx, nominal=True)
    return [(x0, y0), (x1, y0), (x1, y1), (x0, y1)]


def _s_cage_subsidence(ctx, f):
    x0, y0, x1, y1 = _sag_cage(ctx)
    ctx.cv.line(
        [(x0 - 4, y1 - 24), (x0 + 20, y1 - 16), (x1 - 20, y1 - 16), (x1 + 4, y1 - 24)], "sclerosis", 4
    )


def _s_pseudarthrosis(ctx, f):
    cv = ctx.cv
    col = "bg" if f.get("vacuum") else "lucent"
    if ctx.surgery == "tlif":
        x0, y0, x1, y1 = _sag_cage(ctx)
        ym = (y0 + y1) / 2
        cv.poly([(x0 - 22, ym - 4), (x1 + 6, ym - 7), (x1 + 6, ym + 3), (x0 - 22, ym + 6)], fill=col)
        cv.poly([(x0, y0), (x1, y0), (x1, y1), (x0, y1)], outline="lucent", width=4)
    elif ctx.style == "xr" and not f.get("vacuum"):  # a cleft across the posterolateral fusion mass
        ya, yb = _nominal_box(ctx.upper).top + 14, _nominal_box(ctx.lower).top + 64
        ym = (ya + yb) / 2
        cv.poly(_band((_pw(ym) + 44, ym - 8), (_pw(ym) + 122, ym + 6), 5), fill=col)
    else:  # gas or fluid in the disc space between the instrumented bodies: it still moves
        a, b = _level_boxes(ctx)
        ym = (a.bot + b.top) / 2
        cv.poly(_band((a.ant + 35, ym - 2), (a.post - 25, ym + 2), 4), fill=col)


def _s_adjacent_segment_disease(ctx, f):
    up = VERTEBRAE[VERTEBRAE.index(ctx.upper) - 1]
    a, b = _box(ctx, up), _box(ctx, ctx.upper)
    ym = (a.bot + b.top) / 2
    cv = ctx.cv
    cv.poly(_disc_poly(a, b), fill="ligament" if ctx.style in _MR else "lucent")
    cv.poly([(a.post - 4, a.bot + 2), (a.post + 28, ym - 6), (a.post + 30, ym + 8), (b.post - 4, b.top - 2)],
            fill="fragment")  # fmt: skip
    cv.ellipse(_pw(ym) + 96, ym, 16, 42, fill="ligament")
    for y, s in ((a.bot, -1), (b.top, 1)):
        cv.poly([(a.ant + 2, y), (a.ant - 22, y + s * 2), (a.ant + 4, y + s * 16)], fill="cortex")


def _s_cord_ischaemia(ctx, f):
    ctx.cv.line([(_pw(-40) + 48, -40), (_pw(170) + 47, 168)], "fluid", 5)


def _s_sacral_fracture(ctx, f):
    cv = ctx.cv
    # inside the sacral cortex (x about 340-505 at this height): the fracture is in the bone, not over it
    if ctx.style == "ct":  # CT shows the sclerotic band, not marrow oedema
        cv.poly([(366, 842), (494, 840), (496, 862), (376, 866)], fill="sclerosis")
    else:
        cv.poly([(352, 838), (498, 834), (500, 866), (372, 870)], fill="oedema")
    cv.line([(360, 852), (400, 848), (430, 858), (470, 848), (496, 851)], "lucent" if ctx.style in _HW else
            "sclerosis", 4)  # fmt: skip


def _s_pars_fracture(ctx, f):
    a = _box(ctx, ctx.upper)
    x0 = a.post + 110
    ctx.cv.line([(x0 + 2, a.bot - 2), (x0 + 22, a.bot - 22), (x0 + 40, a.bot - 38)], "lucent", 5)


def _prep_spondylolisthesis(ctx, f, fid):
    u = ctx.upper
    up = VERTEBRAE[VERTEBRAE.index(u) - 1] if u != "L1" else None
    ctx.shift[f"vert:{u}"] = (-42, 0)
    for key in (f"vert:{u}", f"disc:{ctx.level}", "rod", f"screw:{u}", "cage") + (
        (f"disc:{up}-{u}",) if up else ()
    ):
        ctx.owner[key] = fid


def _s_spondylolisthesis_claim(ctx, f):
    a, b = _nominal_box(ctx.upper), _nominal_box(ctx.lower)
    return [
        (a.ant - 60, a.top - 40),
        (a.post + 300, a.top - 40),
        (a.post + 300, b.top + 30),
        (a.ant - 60, b.top + 30),
    ]


def _s_residual_stenosis(ctx, f):
    a, b = _level_boxes(ctx)
    ym = (a.bot + b.top) / 2
    cv = ctx.cv
    cv.poly([(a.post - 4, a.bot + 2), (a.post + 30, ym - 4), (a.post + 30, ym + 8), (b.post - 4, b.top - 2)],
            fill="disc")  # fmt: skip
    cv.ellipse(_pw(ym) + 92, ym - 6, 18, 44, fill="ligament")


def _s_fat_graft(ctx, f):
    a, b = _level_boxes(ctx)
    ym = (a.bot + b.top) / 2
    ctx.cv.poly(_dorsal_lens(ym - 70, ym + 40, 10, 34), fill="fat")


def _hot_site(ctx, f):
    a, b = _level_boxes(ctx)
    ym = (a.bot + b.top) / 2
    if f.get("site") == "posterior":
        return a.post + 140, ym, 60, 55
    return (a.ant + a.post) / 2, ym, 100, 70


def _s_hot_spot(ctx, f):
    x, y, rx, ry = _hot_site(ctx, f)
    ctx.cv.hot(x, y, rx, ry)


# ================================================================================================= AXIAL
_DISC_LEVEL_KINDS = frozenset({"recurrent_herniation", "pseudohernia", "epidural_fibrosis", "spondylodiscitis",
                               "facet_effusion", "residual_stenosis"})  # fmt: skip


def _ax_slice(ctx: _Ctx) -> str:
    """Axial slice: spec 'slice' if given, else conus (cord findings), pedicle (screws) or disc level."""
    if ctx.flags.get("slice"):
        return ctx.flags["slice"]
    kinds = {f["kind"] for f in ctx.findings}
    if "cord_ischaemia" in kinds:
        return "conus"
    if kinds & {"screw_breach_medial", "screw_halo", "screw_fracture"}:
        return "pedicle"
    if ctx.fused and not kinds & _DISC_LEVEL_KINDS:
        return "pedicle"
    return "disc"


_SAC = (500, 492, 70, 52)


def _ax_screw(ctx, sx, breach=False):
    head = (500 + sx * 160, 600)
    tip = (500 - sx * 38, 262) if breach else (500 + sx * 45, 215)
    return head, tip


def _draw_axial(ctx: _Ctx):
    cv = ctx.cv
    sl = _ax_slice(ctx)
    cv.ellipse(500, 380, 640, 528, fill="skin")
    cv.ellipse(500, 380, 632, 518, fill="fat")
    cv.ellipse(500, 380, 590, 452, fill="soft")
    for s in (-1, 1):
        cv.ellipse(500 + s * 245, 300, 72, 84, fill="muscle")  # psoas
        cv.ellipse(500 + s * 145, 712, 128, 96, fill="muscle")  # paraspinal
    cv.ellipse(452, 108, 42, 42, fill="vessel")
    cv.ellipse(565, 124, 56, 34, fill="vessel")
    # anterior column
    if sl == "disc":
        cv.poly(_ell(500, 292, 172, 132, n=60), fill="disc", outline="ligament", width=5)
        cv.ellipse(500, 290, 95, 62, fill="nucleus")
    else:
        cv.bone(_ell(500, 290, 165, 128, n=60), cortex=8)
    # posterior elements
    for s in (-1, 1):
        if sl == "disc":
            cv.bone(_ell(500 + s * 172, 510, 30, 58, s * 32), cortex=5)  # superior articular process
            cv.bone(_ell(500 + s * 132, 566, 27, 52, s * 32), cortex=5)  # inferior articular process
        else:
            cv.bone_line([(500 + s * 110, 385), (500 + s * 125, 530)], 58)  # pedicle
            cv.bone_line([(500 + s * 140, 528), (500 + s * 300, 548)], 34)  # transverse process
            cv.bone(_ell(500 + s * 150, 585, 32, 42, s * 20), cortex=5)
        lam_removed = ctx.surgery == "laminectomy" or (ctx.surgery == "discectomy" and s == ctx.sx())
        if ctx.surgery == "laminectomy" and sl != "conus":
            continue
        if lam_removed:
            cv.bone_line([(500 + s * 122, 598), (500 + s * 92, 612)], 30)
        else:
            cv.bone_line([(500 + s * 122, 598), (500 + s * 8, 648)], 30)
    if ctx.surgery != "laminectomy" or sl == "conus":
        cv.bone([(484, 640), (516, 640), (510, 758), (490, 758)], cortex=5)
    # canal
    canal = [(420, 424), (580, 424), (608, 462), (596, 520), (540, 588), (500, 602), (460, 588), (404, 520),
             (392, 462)]  # fmt: skip
    cv.poly(canal, fill="fat")
    if not (ctx.surgery == "laminectomy" and sl != "conus"):
        for s in (-1, 1):
            if not (ctx.surgery == "discectomy" and s == ctx.sx()):
                cv.line([(500 + s * 100, 540), (500 + s * 12, 598)], "ligament", 12)
    cx, cy, rx, ry = _SAC
    dx, dy = ctx.shift.get("sac", (0, 0))
    with cv.owned(ctx.owner.get("sac")):
        cv.ellipse(cx + dx, cy + dy, rx, ry, fill="csf")
        mode = ctx.flags.get("roots", "normal")
        if sl == "conus":
            cv.ellipse(cx + dx, cy - 6, 36, 28, fill="cord")
            for k in range(6):
                t = math.pi * (0.1 + 0.8 * k / 5)
                cv.ellipse(cx + dx + 52 * math.cos(t), cy + 8 + 30 * math.sin(t), 5, 5, fill="root")
        elif mode == "clumped":
            for ox, oy, r in ((-10, 8, 16), (12, 2, 14), (2, 20, 13), (-4, -6, 11)):
                cv.ellipse(cx + dx + ox, cy + oy, r, r * 0.85, fill="root")
        elif mode == "empty":
            for k in range(16):
                t = 2 * math.pi * k / 16
                cv.ellipse(cx + dx + (rx - 6) * math.cos(t), cy + (ry - 6) * math.sin(t), 5, 5, fill="root")
        else:
            for k in range(8):
                t = math.pi * (0.12 + 0.76 * k / 7)
                cv.ellipse(cx + dx + 42 * math.cos(t), cy + 14 + 26 * math.sin(t), 6, 6, fill="root")
            for s in (-1, 1):
                cv.ellipse(cx + dx + s * 52, cy - 26, 9, 9, fill="root")
    # hardware
    if ctx.fused and sl == "pedicle":
        _streaks(cv, [_ax_screw(ctx, s)[1] for s in (-1, 1)])
        for s in (-1, 1):
            breach = ctx.flags.get("breach") == s
            with cv.owned(ctx.owner.get(f"screw:{s}")):
                _screw(cv, *_ax_screw(ctx, s, breach), broken=ctx.flags.get("broken_screw_ax") == s)
            cv.ellipse(500 + s * 160, 612, 15, 15, fill="metal")
    elif ctx.fused and sl == "disc":
        for s in (-1, 1):
            cv.ellipse(500 + s * 185, 618, 15, 15, fill="metal")  # rods in cross-section
            if ctx.style in _HW:
                for k in range(5):
                    cv.ellipse(500 + s * (240 + 14 * (k % 2)), 540 + k * 14, 18, 12, fill="graft")
        if ctx.surgery == "tlif":
            sx = ctx.sx()
            pts = _band((500 + sx * 110, 360), (500 - sx * 70, 230), 30)
            cv.poly(pts, fill="graft", outline="cage", width=7)
            for t in (0.1, 0.9):
                x, y = _along((500 + sx * 110, 360), (500 - sx * 70, 230), t)
                cv.ellipse(x, y, 7, 7, fill="bead")


def _ax_anatomy(ctx: _Ctx):
    sl = _ax_slice(ctx)
    out = [("thecal-sac", "Thecal sac", (_SAC[0], _SAC[1] - 30))]
    out.append(("disc", f"{ctx.level} disc", (500, 250)) if sl == "disc" else
               ("vertebral-body", "Vertebral body", (500, 250)))  # fmt: skip
    if sl == "conus":
        out.append(("conus", "Conus medullaris", (500, 486)))
    out += [("psoas-right", "Right psoas", (255, 300)), ("psoas-left", "Left psoas", (745, 300)),
            ("paraspinal-right", "Right paraspinal muscles", (330, 740)),
            ("paraspinal-left", "Left paraspinal muscles", (670, 740))]  # fmt: skip
    if sl == "disc":
        out += [
            ("facet-right", "Right facet joint", (348, 540)),
            ("facet-left", "Left facet joint", (652, 540)),
        ]
    return out


def _a_epidural_haematoma(ctx, f):
    ctx.cv.ellipse(500, 560, 78, 34, fill="blood")


def _a_epidural_abscess(ctx, f):
    # ventral: between the back of the disc (y 424) and the front of the sac; dorsal: behind the sac
    pts = _ell(500, 442, 74, 20) if _epidural_site(ctx, f) == "ventral" else _ell(500, 562, 74, 31)
    if _is_phlegmon(ctx, f):
        ctx.cv.poly(pts, fill="enhancing")
    else:
        _collection(ctx.cv, pts, "pus", "rim", 9)


def _a_pseudohernia(ctx, f):
    ctx.cv.ellipse(500 + ctx.sx() * 50, 446, 40, 24, fill="scar")


def _a_recurrent_herniation(ctx, f):
    pts = _ell(500 + ctx.sx() * 46, 442, 38, 26, ctx.sx() * 15)
    ctx.cv.poly(pts, fill="fragment")
    if ctx.style == "mri_t1_gd":
        ctx.cv.poly(pts, outline="rim", width=5)


def _prep_a_fibrosis(ctx, f, fid):
    ctx.shift["sac"] = (ctx.sx() * 12, 0)
    ctx.owner["sac"] = fid


def _a_sac_claim(ctx, f):
    return _ell(*_SAC)


def _a_epidural_fibrosis(ctx, f):
    s = ctx.sx()
    ctx.cv.poly(_jag(_ell(500 + s * 66, 480, 38, 58, s * 10), 3), fill="scar")
    ctx.cv.ellipse(500 + s * 64, 468, 9, 9, fill="root")
    ctx.cv.line([(500 + s * 36, 470), (500 + s * 10, 476)], "scar", 5)


def _a_pseudomeningocele(ctx, f):
    x = 500 if ctx.surgery == "laminectomy" else 500 + ctx.sx() * 90
    ctx.cv.poly(_band((500 + (x - 500) * 0.3, 530), (x, 660), 14), fill="csf")
    ctx.cv.ellipse(x, 720, 100, 70, fill="csf")


def _a_seroma(ctx, f):
    ctx.cv.ellipse(500, 822, 135, 38, fill="fluid")


def _a_paraspinal_abscess(ctx, f):
    _collection(ctx.cv, _ell(500 + ctx.sx() * 160, 712, 62, 50), "pus", "rim", 10)


def _a_spondylodiscitis(ctx, f):
    cv = ctx.cv
    cv.poly(_jag(_ell(500, 292, 150, 110, n=36), 6), fill=_infected_disc_fill(ctx.style))
    for s in (-1, 1):
        cv.ellipse(
            500 + s * 190,
            250,
            40,
            72,
            fill="enhancing" if ctx.style == "mri_t1_gd" else "oedema",
            ang=s * -30,
        )


def _prep_breach(ctx, f, fid):
    s = ctx.sx(f.get("side"))
    ctx.flags["breach"] = s
    ctx.owner[f"screw:{s}"] = fid


def _a_breach_claim(ctx, f):
    return _band(*_ax_screw(ctx, ctx.sx(f.get("side"))), 19)


def _a_screw_halo(ctx, f):
    _halo(ctx.cv, *_ax_screw(ctx, ctx.sx(f.get("side"))))


def _prep_a_screw_fracture(ctx, f, fid):
    s = ctx.sx(f.get("side"))
    ctx.flags["broken_screw_ax"] = s
    ctx.owner[f"screw:{s}"] = fid


def _prep_roots(mode):
    def prep(ctx, f, fid):
        ctx.flags["roots"] = mode
        ctx.owner["sac"] = fid

    return prep


def _a_cord_ischaemia(ctx, f):
    for s in (-1, 1):
        ctx.cv.ellipse(500 + s * 13, 480, 6, 7, fill="fluid")


def _a_facet_effusion(ctx, f):
    sides = (ctx.sx(f["side"]),) if f.get("side") else (-1, 1)
    for s in sides:
        ctx.cv.ellipse(500 + s * 152, 538, 9, 40, fill="fluid", ang=s * 32)


def _a_fat_graft(ctx, f):
    x = 500 if ctx.surgery == "laminectomy" else 500 + ctx.sx() * 55
    ctx.cv.ellipse(x, 580, 62, 26, fill="fat")


def _a_residual_stenosis(ctx, f):
    cv = ctx.cv
    cv.ellipse(500, 432, 100, 22, fill="disc")
    for s in (-1, 1):
        cv.poly([(500 + s * 100, 520), (500 + s * 40, 520), (500 + s * 14, 585), (500 + s * 110, 560)],
                fill="ligament")  # fmt: skip


def _a_pars_fracture(ctx, f):
    sides = (ctx.sx(f["side"]),) if f.get("side") else (-1, 1)
    for s in sides:
        ctx.cv.line([(500 + s * 100, 584), (500 + s * 115, 628)], "lucent", 6)


def _a_hot_spot(ctx, f):
    if f.get("site") == "posterior":
        ctx.cv.hot(500 + ctx.sx() * 150, 560, 60, 60)
    else:
        ctx.cv.hot(500, 290, 120, 90)


# =============================================================================================== CORONAL
_SACRUM_COR = [(335, 248), (665, 248), (688, 290), (642, 560), (560, 770), (500, 800), (440, 770), (358, 560),
               (312, 290)]  # fmt: skip
_ILIUM = [(40, 180), (150, 100), (262, 118), (296, 240), (298, 290), (344, 560), (330, 600), (250, 640),
          (160, 600), (90, 450)]  # fmt: skip


def _sij(s):
    """SIJ line (top, bottom) on image side s (-1 image-left, +1 image-right)."""
    return (500 + s * 195, 290), (500 + s * 149, 560)


def _draw_coronal(ctx: _Ctx):
    cv = ctx.cv
    cv.ellipse(500, 520, 560, 700, fill="soft")
    for s in (-1, 1):
        cv.ellipse(500 + s * 300, 200, 120, 200, fill="muscle")
        cv.ellipse(500 + s * 260, 820, 170, 150, fill="muscle")
        cv.bone([(500 + s * (x - 500), y) for x, y in _ILIUM], cortex=7)
    cv.bone(_Box(390, 610, 60, 200).poly())
    cv.poly([(392, 200), (608, 200), (612, 242), (388, 242)], fill="disc")
    cv.bone(_SACRUM_COR, cortex=7)
    for k, y in enumerate((340, 430, 520, 610)):
        for s in (-1, 1):
            cv.ellipse(500 + s * (78 - 8 * k), y, 16 - 2 * k, 13 - k, fill="soft")
    if ctx.fused and ctx.level in ("L4-L5", "L5-S1"):
        ys = (130,) if ctx.level == "L4-L5" else (130, 310)  # L5 (and S1) pedicle screws
        for s in (-1, 1):
            for y in ys:
                _screw(cv, (500 + s * 110, y - 8), (500 + s * 35, y + 8))
            cv.line(
                [(500 + s * 112, -80 if ctx.level == "L4-L5" else 95), (500 + s * 112, ys[-1] + 22)],
                "metal",
                14,
            )


def _cor_anatomy(ctx: _Ctx):
    return [("sacrum", "Sacrum", (500, 470)), ("l5-body", "L5 vertebral body", (500, 130)),
            ("sij-right", "Right sacroiliac joint", (330, 420)), ("sij-left", "Left sacroiliac joint", (670, 420)),
            ("ilium-right", "Right ilium", (180, 330)), ("ilium-left", "Left ilium", (820, 330))]  # fmt: skip


def _c_sacral_fracture(ctx, f):
    cv = ctx.cv
    sides = (-1, 1) if f.get("bilateral") else (ctx.sx(f.get("side")),)
    lines = [[(500 + s * 140, 360), (500 + s * 128, 470), (500 + s * 112, 580)] for s in sides]
    if len(sides) == 2:  # H-shaped ("Honda") pattern
        lines.append([(500 - 128, 470), (500 + 128, 470)])
    for pts in lines:
        if ctx.style in _NUC:
            cv.hot_line(pts, 46)
        else:
            cv.line(pts, "oedema" if ctx.style != "ct" else "sclerosis", 34)
    if ctx.style not in _NUC:
        for pts in lines:
            cv.line(pts, "lucent" if ctx.style in _HW else "sclerosis", 5)


def _c_sij_overload(ctx, f):
    cv = ctx.cv
    sides = (-1, 1) if f.get("bilateral") else (ctx.sx(f.get("side")),)
    for s in sides:
        p0, p1 = _sij(s)
        if ctx.style in _NUC:
            cv.hot_line([p0, p1], 60)
            continue
        col = "sclerosis" if ctx.style in _HW else "oedema"
        cv.poly(_band(_along(p0, p1, 0.05, s * 24), _along(p0, p1, 0.75, s * 24), 12), fill=col)
        cv.poly(_band(_along(p0, p1, 0.05, -s * 22), _along(p0, p1, 0.75, -s * 22), 11), fill=col)


# ==================================================================================================== US
def _draw_us(ctx: _Ctx):
    cv = ctx.cv
    fan = [(500, 40)] + [(500 + 880 * math.sin(math.radians(a)), 40 + 880 * math.cos(math.radians(a)))
                         for a in range(-36, 37, 4)]  # fmt: skip
    cv.poly(fan, fill="soft")
    leg = ctx.flags.get("region") == "leg"
    depth = (
        [(90, "skin", 6), (300, "ligament", 5)]
        if leg
        else [(90, "skin", 6), (260, "ligament", 5), (520, "ligament", 4), (760, "cortex", 8)]
    )
    for r, col, w in depth:
        cv.line([(500 + r * math.sin(math.radians(a)), 40 + r * math.cos(math.radians(a)))
                 for a in range(-34, 35, 2)], col, w)  # fmt: skip
    if leg:
        cv.ellipse(430, 470, 45, 45, fill="vessel", outline="ligament", width=4)  # artery
        with cv.owned(ctx.owner.get("vein")):
            if ctx.flags.get("dvt"):
                cv.ellipse(585, 480, 82, 70, fill="blood", outline="ligament", width=4)
            else:
                cv.ellipse(585, 505, 70, 7, fill="vessel", outline="ligament", width=4)  # collapsed vein
        cv.line([(430, 30), (430, 75)], "skin", 6)
        cv.line([(570, 30), (570, 75)], "skin", 6)


def _us_anatomy(ctx: _Ctx):
    if ctx.flags.get("region") == "leg":
        return [("artery", "Common femoral artery", (430, 470)), ("vein", "Common femoral vein", (585, 500))]
    return [("subcutis", "Subcutaneous fat", (500, 170)), ("fascia", "Thoracolumbar fascia", (500, 260))]


def _u_seroma(ctx, f):
    enhancement = [(390, 440), (610, 440), (625, 600), (375, 600)]  # posterior acoustic enhancement
    ctx.cv.poly(enhancement, fill=(125, 125, 125))
    ctx.cv.ellipse(500, 380, 150, 70, fill="fluid", outline="ligament", width=5)


def _u_paraspinal_abscess(ctx, f):
    cv = ctx.cv
    cv.poly(_jag(_ell(500, 420, 140, 80, n=36), 5), fill="pus", outline="rim", width=12)
    for k in range(7):
        cv.ellipse(430 + k * 22, 410 + (k % 3) * 12, 5, 4, fill="rim")


def _prep_dvt(ctx, f, fid):
    ctx.flags["dvt"] = True
    ctx.owner["vein"] = fid


def _u_vein_claim(ctx, f):
    return _ell(585, 505, 70, 7)


# ============================================================================================== registry
@dataclass(frozen=True)
class _Kind:
    views: dict  # view -> draw function (ctx, f) -> None (None = nothing extra to draw)
    styles: frozenset
    needs: frozenset = frozenset()  # allowed surgeries (empty = any)
    prepare: dict | None = None  # view -> prepare(ctx, f, fid)
    claim: dict | None = None  # view -> claim(ctx, f) -> polygon of the moved part's original place


def _k(views, styles, needs=(), prepare=None, claim=None):
    return _Kind(views, frozenset(styles), frozenset(needs), prepare, claim)


_FUSED = ("fusion", "tlif")
_DECOMP = ("discectomy", "laminectomy", "fusion", "tlif")
_LAM = ("discectomy", "laminectomy", "tlif", "fusion")
_US_ALL = {"sagittal", "axial"}
_F: dict[str, _Kind] = {
    "normal": _k({"sagittal": None, "axial": None, "coronal": None}, STYLES),
    "epidural_haematoma": _k({"sagittal": _s_epidural_haematoma, "axial": _a_epidural_haematoma}, _SOFT),
    "pseudohernia": _k({"sagittal": _s_pseudohernia, "axial": _a_pseudohernia}, _SOFT, _DECOMP),
    "recurrent_herniation": _k(
        {"sagittal": _s_recurrent_herniation, "axial": _a_recurrent_herniation}, _SOFT
    ),
    "epidural_fibrosis": _k(
        {"sagittal": _s_epidural_fibrosis, "axial": _a_epidural_fibrosis},
        _MR,
        _DECOMP,
        prepare={"axial": _prep_a_fibrosis},
        claim={"axial": _a_sac_claim},
    ),  # fmt: skip
    "pseudomeningocele": _k({"sagittal": _s_pseudomeningocele, "axial": _a_pseudomeningocele}, _SOFT, _LAM),
    "seroma": _k({"sagittal": _s_seroma, "axial": _a_seroma}, _SOFT | {"us"}),
    "epidural_abscess": _k({"sagittal": _s_epidural_abscess, "axial": _a_epidural_abscess}, _SOFT),
    "paraspinal_abscess": _k(
        {"sagittal": _s_paraspinal_abscess, "axial": _a_paraspinal_abscess}, _SOFT | {"us"}
    ),
    "spondylodiscitis": _k({"sagittal": _s_spondylodiscitis, "axial": _a_spondylodiscitis}, _BONY),
    "screw_breach_medial": _k(
        {"axial": None}, _SOFT, _FUSED, prepare={"axial": _prep_breach}, claim={"axial": _a_breach_claim}
    ),  # fmt: skip
    "screw_halo": _k({"sagittal": _s_screw_halo, "axial": _a_screw_halo}, _HW, _FUSED),
    "rod_fracture": _k({"sagittal": None}, _HW, _FUSED, prepare={"sagittal": _prep_rod_fracture}),
    "screw_fracture": _k(
        {"sagittal": None, "axial": None},
        _HW,
        _FUSED,
        prepare={"sagittal": _prep_screw_fracture, "axial": _prep_a_screw_fracture},
        claim={"axial": _a_breach_claim},
    ),  # fmt: skip
    "cage_retropulsion": _k(
        {"sagittal": None},
        _BONY,
        ("tlif",),
        prepare={"sagittal": _prep_cage(44, 0)},
        claim={"sagittal": _s_cage_claim},
    ),  # fmt: skip
    "cage_subsidence": _k(
        {"sagittal": _s_cage_subsidence},
        _BONY,
        ("tlif",),
        prepare={"sagittal": _prep_cage(0, 22)},
        claim={"sagittal": _s_cage_claim},
    ),  # fmt: skip
    "pseudarthrosis": _k({"sagittal": _s_pseudarthrosis}, _HW | {"mri_t2", "stir"}, _FUSED),
    "arachnoiditis_clumping": _k(
        {"axial": None}, _MR, prepare={"axial": _prep_roots("clumped")}, claim={"axial": _a_sac_claim}
    ),  # fmt: skip
    "arachnoiditis_empty_sac": _k(
        {"axial": None}, _MR, prepare={"axial": _prep_roots("empty")}, claim={"axial": _a_sac_claim}
    ),  # fmt: skip
    "adjacent_segment_disease": _k({"sagittal": _s_adjacent_segment_disease}, _BONY, _FUSED),
    "cord_ischaemia": _k({"sagittal": _s_cord_ischaemia, "axial": _a_cord_ischaemia}, {"mri_t2", "stir"}),
    "sacral_insufficiency_fracture": _k(
        {"sagittal": _s_sacral_fracture, "coronal": _c_sacral_fracture}, _BONY | _NUC
    ),  # fmt: skip
    "sij_overload": _k({"coronal": _c_sij_overload}, _BONY | _NUC),
    "pars_fracture": _k({"sagittal": _s_pars_fracture, "axial": _a_pars_fracture}, _BONY),
    "spondylolisthesis": _k(
        {"sagittal": None},
        _BONY,
        prepare={"sagittal": _prep_spondylolisthesis},
        claim={"sagittal": _s_spondylolisthesis_claim},
    ),  # fmt: skip
    "residual_stenosis": _k({"sagittal": _s_residual_stenosis, "axial": _a_residual_stenosis}, _SOFT),
    "facet_effusion": _k({"axial": _a_facet_effusion}, _SOFT),
    "fat_graft": _k({"sagittal": _s_fat_graft, "axial": _a_fat_graft}, _SOFT, _LAM),
    "dvt": _k({"axial": None}, {"us"}, prepare={"axial": _prep_dvt}, claim={"axial": _u_vein_claim}),
    "hot_spot": _k({"sagittal": _s_hot_spot, "axial": _a_hot_spot}, _NUC),
}
_US_DRAW = {"seroma": _u_seroma, "paraspinal_abscess": _u_paraspinal_abscess}
FINDING_KINDS = frozenset(_F)
_FINDING_ORDER = {k: i for i, k in enumerate(_F)}

# styles per view (xr has no axial plane; us draws its own superficial scene)
_VIEW_STYLES = {"sagittal": STYLES, "axial": STYLES - {"xr"}, "coronal": STYLES - {"us"}}


# ============================================================================================ annotations
def _hull(points):
    pts = sorted(set(points))
    if len(pts) < 3:
        return pts

    def half(seq):
        out = []
        for p in seq:
            while (
                len(out) >= 2
                and (out[-1][0] - out[-2][0]) * (p[1] - out[-2][1])
                - (out[-1][1] - out[-2][1]) * (p[0] - out[-2][0])
                <= 0
            ):
                out.pop()
            out.append(p)
        return out

    lower, upper = half(pts), half(reversed(pts))
    return lower[:-1] + upper[:-1]


def _r4(v: float) -> float:
    return round(min(max(float(v), 0.0), 1.0), 4)


def _annotation(mask: Image.Image, size, f: dict, pad: float) -> dict:
    W, H = size
    m = np.asarray(mask.resize((W, H), Image.Resampling.BOX)) > 0
    ys, xs = np.nonzero(m)
    if len(xs) == 0:
        raise RuntimeError(f"finding {f['id']!r} drew nothing visible")
    starts = np.flatnonzero(np.r_[True, ys[1:] != ys[:-1]])
    rows, x0, x1 = ys[starts], np.minimum.reduceat(xs, starts), np.maximum.reduceat(xs, starts) + 1
    corners = [(int(a), int(r)) for a, r in zip(x0, rows, strict=True)]
    corners += [(int(a), int(r) + 1) for a, r in zip(x0, rows, strict=True)]
    corners += [(int(b), int(r)) for b, r in zip(x1, rows, strict=True)]
    corners += [(int(b), int(r) + 1) for b, r in zip(x1, rows, strict=True)]
    hull = [(x / W, y / H) for x, y in _hull(corners)]
    hx, hy = np.array([p[0] for p in hull]), np.array([p[1] for p in hull])
    base = {"id": f["id"], "label": f["label"], "note": f["note"]}
    shape = f["shape"]
    # tip for arrows/points: the mask pixel closest to the mask's centroid (always on the finding)
    mcx, mcy = xs.mean(), ys.mean()
    i = int(np.argmin((xs - mcx) ** 2 + (ys - mcy) ** 2))
    tip = ((xs[i] + 0.5) / W, (ys[i] + 0.5) / H)
    if shape == "point":
        return {**base, "kind": "point", "at": [_r4(tip[0]), _r4(tip[1])]}
    if shape == "arrow":
        dx, dy = tip[0] - 0.5, tip[1] - 0.5
        d = math.hypot(dx, dy)
        dx, dy = (dx / d, dy / d) if d > 0.05 else (0.7071, -0.7071)
        span = max(hx.max() - hx.min(), hy.max() - hy.min()) / 2
        L = span + 0.1
        fx, fy = tip[0] + dx * L, tip[1] + dy * L
        return {**base, "kind": "arrow", "from": [_r4(fx), _r4(fy)], "to": [_r4(tip[0]), _r4(tip[1])]}
    cx, cy = (hx.min() + hx.max()) / 2, (hy.min() + hy.max()) / 2
    if shape == "polygon":
        if len(hull) > 60:
            idx = np.linspace(0, len(hull), 60, endpoint=False).astype(int)
            hull = [hull[j] for j in idx]
        out = []
        for x, y in hull:
            d = math.hypot(x - cx, y - cy) or 1.0
            out.append([_r4(x + (x - cx) / d * pad), _r4(y + (y - cy) / d * pad)])
        return {**base, "kind": "polygon", "points": out}
    a, b = (hx.max() - hx.min()) / 2 + pad, (hy.max() - hy.min()) / 2 + pad
    k = float(np.sqrt(((hx - cx) / a) ** 2 + ((hy - cy) / b) ** 2).max())
    k = max(k, 1.0)
    rx, ry = math.ceil(a * k * 1e4) / 1e4, math.ceil(b * k * 1e4) / 1e4
    return {**base, "kind": "ellipse", "center": [_r4(cx), _r4(cy)], "radius": [min(rx, 1.0), min(ry, 1.0)]}


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:41] or "finding"


# ================================================================================================ public
def _validate(spec: dict):
    view, style = spec.get("view", "sagittal"), spec.get("style", "mri_t2")
    if view not in VIEWS:
        raise ValueError(f"unknown view {view!r}; expected one of {sorted(VIEWS)}")
    if style not in STYLES:
        raise ValueError(f"unknown style {style!r}; expected one of {sorted(STYLES)}")
    if style not in _VIEW_STYLES[view]:
        raise ValueError(f"style {style!r} has no {view!r} view")
    level = spec.get("level", "L4-L5")
    if level not in LEVELS:
        raise ValueError(f"unknown level {level!r}; expected one of {list(LEVELS)}")
    surgery = spec.get("surgery", "none")
    if surgery not in SURGERIES:
        raise ValueError(f"unknown surgery {surgery!r}; expected one of {sorted(SURGERIES)}")
    side = spec.get("side", "left")
    if side not in ("left", "right"):
        raise ValueError(f"unknown side {side!r}; expected 'left' or 'right'")
    findings, seen = [], set()
    for raw in spec.get("findings") or []:
        kind = raw.get("kind")
        if kind not in FINDING_KINDS:
            raise ValueError(f"unknown finding kind {kind!r}; expected one of {sorted(FINDING_KINDS)}")
        k = _F[kind]
        if view not in k.views:
            raise ValueError(
                f"finding {kind!r} is not drawable in the {view!r} view (only {sorted(k.views)})"
            )
        if style not in k.styles:
            raise ValueError(f"finding {kind!r} is not drawable in style {style!r} (only {sorted(k.styles)})")
        if style == "us" and kind not in {*_US_DRAW, "dvt", "normal"}:
            raise ValueError(f"finding {kind!r} is not drawable in style 'us'")
        if k.needs and surgery not in k.needs:
            raise ValueError(f"finding {kind!r} needs surgery in {sorted(k.needs)}, got {surgery!r}")
        if kind == "adjacent_segment_disease" and level.startswith("L1"):
            raise ValueError("adjacent_segment_disease needs a level below L1-L2 (the level above is drawn)")
        fid = raw.get("id") or _slug(kind)
        if not _ID_RE.match(fid):
            raise ValueError(f"finding id {fid!r} must match {_ID_RE.pattern}")
        if fid in seen:
            raise ValueError(f"duplicate finding id {fid!r}")
        seen.add(fid)
        shape = raw.get("shape") or "ellipse"
        if shape not in SHAPES:
            raise ValueError(f"unknown annotation shape {shape!r}; expected one of {sorted(SHAPES)}")
        if kind == "epidural_abscess" and raw.get("site") not in (None, "ventral", "dorsal"):
            raise ValueError(
                f"unknown site {raw.get('site')!r} in finding {fid!r}; expected 'ventral' or 'dorsal'"
            )
        if raw.get("side") not in (None, "left", "right"):
            raise ValueError(f"unknown side {raw.get('side')!r} in finding {fid!r}")
        label = raw.get("label") or kind.replace("_", " ").capitalize()
        findings.append(
            {**raw, "id": fid, "shape": shape, "label": str(label), "note": str(raw.get("note") or "")}
        )
    _validate_ct(spec, style)
    return view, style, level, surgery, side, findings


def _validate_ct(spec: dict, style: str):
    window, contrast = spec.get("window"), spec.get("contrast")
    if window not in (None, "bone", "soft"):
        raise ValueError(f"unknown window {window!r}; expected 'bone' or 'soft'")
    if contrast not in (None, "none", "intrathecal"):
        raise ValueError(f"unknown contrast {contrast!r}; expected 'none' or 'intrathecal'")
    if (window or contrast not in (None, "none")) and style != "ct":
        raise ValueError(f"window and contrast are CT settings; style {style!r} has neither")


def _new_canvas(spec: dict, size, style: str, surgery: str, findings: list) -> tuple[_Canvas, str]:
    """The canvas in the palette this figure is read in, and the modality tag burned into the image."""
    if style != "ct":
        return _Canvas(size, style), _TAG[style]
    kinds = {f["kind"] for f in findings}
    bone = _ct_window(spec, surgery, kinds) == "bone"
    contrast = _ct_contrast(spec, style, kinds)
    tag = "CT MYELO" if contrast == "intrathecal" else "CT BONE" if bone else "CT"
    return _Canvas(size, style, "ct_bone" if bone else "ct", contrast), tag


def _burn_text(img: Image.Image, ctx: _Ctx):
    W, H = img.size
    d = ImageDraw.Draw(img)
    fs = max(11, round(min(W, H) * 0.024))
    font = ImageFont.load_default(size=fs)
    small = ImageFont.load_default(size=max(10, round(fs * 0.85)))
    m = max(4, round(fs * 0.5))

    def put(xy, text, f=font, anchor="la"):  # white text on a black box: legible on any background
        x0, y0, x1, y1 = d.textbbox(xy, text, font=f, anchor=anchor)
        d.rectangle([x0 - 2, y0 - 2, x1 + 2, y1 + 2], fill=(0, 0, 0))
        d.text(xy, text, font=f, anchor=anchor, fill=(255, 255, 255))

    plane = {"sagittal": "SAG", "axial": "AX", "coronal": "COR"}[ctx.view]
    tag = ctx.flags["tag"]
    if ctx.style == "xr":
        tag = "XR LAT" if ctx.view == "sagittal" else "XR AP"
    if ctx.style == "us" and ctx.flags.get("region") == "leg":
        title = "US FEMORAL VEIN  COMPRESSION"
    elif ctx.view == "coronal":
        title = f"{plane} {tag}  SACRUM"
    else:
        title = f"{plane} {tag}  {ctx.level}"
    put((m, m), title)
    put((m, H - m), "SCHEMATIC - NOT PATIENT DATA", small, "ld")
    if ctx.view == "axial" or ctx.view == "coronal":
        put((m, H // 2), "R", anchor="lm")
        put((W - m, H // 2), "L", anchor="rm")
    elif ctx.style != "us":
        put((m, H // 2), "A", anchor="lm")
        put((W - m, H // 2), "P", anchor="rm")
        for n in VERTEBRAE:
            b = _box(ctx, n)
            x, y = ctx.cv.norm(b.ant - 18, b.yc)
            put((x * W, y * H), n, small, "rm")


def render_figure(spec: dict, size: tuple[int, int] = (800, 800)) -> tuple[Image.Image, list[dict]]:
    """Draw the schematic described by ``spec``; return (RGB image, annotations)."""
    view, style, level, surgery, side, findings = _validate(spec)
    W, H = int(size[0]), int(size[1])
    if W < 64 or H < 64:
        raise ValueError(f"size {size!r} too small (min 64 x 64)")
    cv, tag = _new_canvas(spec, (W, H), style, surgery, findings)
    ctx = _Ctx(cv, view, style, level, surgery, side, findings, {}, {}, {"tag": tag})
    if style == "us":
        ctx.flags["region"] = spec.get("region") or (
            "leg" if any(f["kind"] == "dvt" for f in findings) else "lumbar"
        )
    if spec.get("slice") is not None:
        if view != "axial" or spec["slice"] not in ("disc", "pedicle", "conus"):
            raise ValueError(f"unknown slice {spec['slice']!r}; axial only, one of disc/pedicle/conus")
        ctx.flags["slice"] = spec["slice"]
    real = [f for f in findings if f["kind"] != "normal"]
    for f in real:
        k = _F[f["kind"]]
        if k.prepare and view in k.prepare:
            k.prepare[view](ctx, f, f["id"])
    draw_scene = (
        _draw_us
        if style == "us"
        else {"sagittal": _draw_sagittal, "axial": _draw_axial, "coronal": _draw_coronal}[view]
    )
    draw_scene(ctx)
    for f in real:
        k = _F[f["kind"]]
        fn = _US_DRAW.get(f["kind"]) if style == "us" else k.views[view]
        if fn is not None:
            with cv.owned(f["id"]):
                fn(ctx, f)
        if k.claim and view in k.claim:
            cv.claim(f["id"], k.claim[view](ctx, f))
    img = cv.img
    if style == "us":
        rng = np.random.default_rng(20240501)
        arr = np.asarray(img).astype(np.float32)
        arr *= rng.gamma(4.0, 0.25, size=arr.shape[:2])[..., None]
        img = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))
    img = img.resize((W, H), Image.Resampling.LANCZOS)
    blur = 0.0
    if style in _NUC:
        blur = max(1.0, min(W, H) / 250)
        img = img.filter(ImageFilter.GaussianBlur(blur))
    _burn_text(img, ctx)
    pad = 0.006 + 2.5 * blur / min(W, H)
    annotations = [_annotation(cv.masks[f["id"]], (W, H), f, pad) for f in real]
    if spec.get("anatomy_labels"):
        taken = {a["id"] for a in annotations}
        fn = {"sagittal": _sag_anatomy, "axial": _ax_anatomy, "coronal": _cor_anatomy}[view]
        items = _us_anatomy(ctx) if style == "us" else fn(ctx)
        for aid, label, (x, y) in items:
            aid = aid if aid not in taken else f"{aid}-anat"
            taken.add(aid)
            nx, ny = cv.norm(x, y)
            annotations.append(
                {"id": aid, "kind": "point", "label": label, "note": "", "at": [_r4(nx), _r4(ny)]}
            )
    return img, annotations


def render_png(spec: dict, size: tuple[int, int] = (800, 800)) -> tuple[bytes, list[dict]]:
    """PNG bytes (no text/metadata chunks) and annotations."""
    img, ann = render_figure(spec, size)
    buf = io.BytesIO()
    img.save(buf, format="PNG", optimize=False, compress_level=6)
    return buf.getvalue(), ann
