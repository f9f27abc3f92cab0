"""A parametric label volume of the lumbar spine L3-S1 (with the L2-L3 disc) and the trunk around it.

Patient coordinates are DICOM's LPS in mm: x towards the patient's left, y towards the back, z towards the head.
The volume is indexed [k, j, i] = [z, y, x], so an axial slice labels[k] shown as an image has the patient's
left on the viewer's right (radiological convention) and anterior at the top.

The spine is built in a bent frame (u, n, s): u = x, s = arc length along a circular lordotic curve through the
centres of the vertebral bodies (towards the head), n = distance from that curve towards the back. Every part is
a simple solid in that frame, so lordosis bends discs into wedges and keeps pedicles, canal and sac aligned.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
from scipy import ndimage

from .tissues import DEFAULT_TISSUES, T, Tissue

LEVEL_NAMES = ("S1", "L5", "L4", "L3", "L2")
SIDES = {"right": -1, "left": 1}


@dataclass(frozen=True)
class Level:
    """One vertebra in the bent frame (mm and degrees).

    s: centre along the spine; height, width, depth: of the body; pedicle_width/height; convergence: medial angle
    of the pedicle axis from straight ahead; canal_width/depth: the bony canal behind the body.
    """

    name: str
    s: float
    height: float
    width: float
    depth: float
    pedicle_width: float
    pedicle_height: float
    convergence: float
    canal_width: float
    canal_depth: float

    @property
    def posterior_wall(self) -> float:
        return 0.75 * self.depth / 2

    @property
    def canal_centre(self) -> float:
        return self.posterior_wall + self.canal_depth / 2

    def pedicle_axis(self, side: int) -> tuple[np.ndarray, np.ndarray]:
        """(centre, unit direction pointing forwards and medially) of a pedicle, as (u, n) in mm."""
        centre = np.array(
            [
                side * (self.canal_width / 2 + self.pedicle_width / 2 + 0.5),
                self.posterior_wall + 0.45 * self.canal_depth,
            ]
        )
        angle = math.radians(self.convergence)
        return centre, np.array([-side * math.sin(angle), -math.cos(angle)])

    @property
    def pedicle_s(self) -> float:
        return self.s + 0.18 * self.height


# Typical adult dimensions (mm) [M]; pedicle convergence rises caudally (about 12 degrees at L3 to 25 at S1).
BASE_LEVELS = {
    "S1": dict(height=34, width=52, depth=34, pw=16, ph=18, conv=25, cw=26, cd=13),
    "L5": dict(height=26, width=50, depth=35, pw=14, ph=14, conv=20, cw=24, cd=15),
    "L4": dict(height=27, width=48, depth=35, pw=11, ph=14, conv=15, cw=22, cd=15),
    "L3": dict(height=27, width=46, depth=34, pw=10, ph=15, conv=12, cw=22, cd=16),
    "L2": dict(height=27, width=45, depth=33, pw=9, ph=15, conv=10, cw=22, cd=16),
}
DEFAULT_DISC_HEIGHTS = {"L2-L3": 10.0, "L3-L4": 11.0, "L4-L5": 12.0, "L5-S1": 11.0}


@dataclass(frozen=True)
class PhantomSpec:
    """Patient and grid parameters.

    lordosis_deg: angle between the S1 and L3 body axes; size: scales the trunk (1 = average adult) and, by its
    cube root, the bones; disc_heights: mm by level name ("L4-L5"); cancellous_hu: bone density (under about
    110 is osteoporotic); fov_mm and voxel_mm: the grid, (z, y, x) extents and isotropic spacing.
    """

    lordosis_deg: float = 28.0
    size: float = 1.0
    disc_heights: dict = field(default_factory=dict)
    cancellous_hu: float = 200.0
    fov_mm: tuple[float, float, float] = (170.0, 240.0, 240.0)
    voxel_mm: float = 1.0
    seed: int = 7


@dataclass
class Spine:
    """The bent frame and the vertebrae: converts patient mm to (u, n, s) and back."""

    levels: dict[str, Level]
    discs: dict[str, tuple[str, str]]  # "L4-L5" -> (upper, lower)
    radius: float  # of the lordotic arc (mm); inf when straight
    s_apex: float

    def to_frame(self, y, z):
        """(n, s) of patient points (y, z) in mm; arrays broadcast."""
        if math.isinf(self.radius):
            return y, z + self.s_apex
        dy, dz = y - self.radius, z
        return self.radius - np.hypot(dy, dz), self.s_apex + self.radius * np.arctan2(dz, -dy)

    def to_patient(self, n, s):
        """(y, z) of frame points (n, s)."""
        if math.isinf(self.radius):
            return n, s - self.s_apex
        phi = (np.asarray(s) - self.s_apex) / self.radius
        r = self.radius - np.asarray(n)
        return self.radius - r * np.cos(phi), r * np.sin(phi)

    def disc_s(self, disc: str) -> tuple[float, float]:
        """(lower, upper) arc positions of a disc space: the end plates that bound it."""
        upper, lower = (self.levels[name] for name in self.discs[disc])
        return lower.s + lower.height / 2, upper.s - upper.height / 2


def make_spine(spec: PhantomSpec) -> Spine:
    """Vertebrae stacked from S1 upwards with the spec's disc heights, on a lordotic arc."""
    scale = spec.size ** (1 / 3)
    heights = {**DEFAULT_DISC_HEIGHTS, **spec.disc_heights}
    levels, discs, s = {}, {}, 0.0
    previous = None
    for name in LEVEL_NAMES:
        base = BASE_LEVELS[name]
        if previous is not None:
            disc = f"{name}-{previous.name}"
            discs[disc] = (name, previous.name)
            s = previous.s + previous.height / 2 + heights[disc] + base["height"] * scale / 2
        level = Level(
            name=name,
            s=s,
            height=base["height"] * scale,
            width=base["width"] * scale,
            depth=base["depth"] * scale,
            pedicle_width=base["pw"] * scale,
            pedicle_height=base["ph"] * scale,
            convergence=base["conv"],
            canal_width=base["cw"] * scale,
            canal_depth=base["cd"] * scale,
        )
        levels[name] = previous = level
    span = levels["L3"].s - levels["S1"].s
    angle = math.radians(spec.lordosis_deg)
    radius = span / angle if angle > 1e-3 else math.inf
    return Spine(levels=levels, discs=discs, radius=radius, s_apex=levels["L5"].s + 0.5 * levels["L5"].height)


@dataclass
class Phantom:
    """The label volume, its grid, the geometry it was built from, and what procedures and lesions added."""

    spec: PhantomSpec
    spine: Spine
    labels: np.ndarray  # uint8 [z, y, x]
    origin: np.ndarray  # mm (x, y, z) of voxel [0, 0, 0]
    tissues: dict[T, Tissue]
    screws: list = field(default_factory=list)
    lesions: dict = field(default_factory=dict)
    procedures: list = field(default_factory=list)

    @property
    def voxel_mm(self) -> float:
        return self.spec.voxel_mm

    def axes(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """1-D patient coordinates (x, y, z) in mm of the voxel centres along each axis."""
        nz, ny, nx = self.labels.shape
        v = self.voxel_mm
        return (
            self.origin[0] + v * np.arange(nx, dtype=np.float32),
            self.origin[1] + v * np.arange(ny, dtype=np.float32),
            self.origin[2] + v * np.arange(nz, dtype=np.float32),
        )

    def frame(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """u (1, 1, nx), n and s (nz, ny, 1) of every voxel, broadcastable to the volume."""
        x, y, z = self.axes()
        n, s = self.spine.to_frame(y[None, :], z[:, None])
        return x[None, None, :], n[:, :, None].astype(np.float32), s[:, :, None].astype(np.float32)

    def index_of(self, x: float, y: float, z: float) -> tuple[int, int, int]:
        """Nearest voxel index [k, j, i] of a patient point in mm."""
        v = self.voxel_mm
        return tuple(int(round((c - o) / v)) for c, o in zip((z, y, x), self.origin[::-1], strict=True))

    def point(self, u: float, n: float, s: float) -> tuple[float, float, float]:
        """Patient (x, y, z) mm of a frame point."""
        y, z = self.spine.to_patient(n, s)
        return float(u), float(y), float(z)

    def level_z(self, name: str, *, where: str = "centre") -> float:
        """Patient z (mm) on the spine's axis of a body centre, or of a disc's mid-height ("L4-L5")."""
        if "-" in name:
            low, high = self.spine.disc_s(name)
            s = (low + high) / 2
        else:
            s = self.spine.levels[name].s
        return float(self.spine.to_patient(0.0, s)[1])


def _interp_levels(spine: Spine, s, attribute: str):
    ordered = sorted(spine.levels.values(), key=lambda level: level.s)
    return np.interp(s, [lv.s for lv in ordered], [getattr(lv, attribute) for lv in ordered]).astype(
        np.float32
    )


def _smooth_noise(shape, sigma: float, rng: np.random.Generator) -> np.ndarray:
    field_ = ndimage.gaussian_filter(rng.standard_normal(shape).astype(np.float32), sigma)
    return field_ / (field_.std() + 1e-6)


def build_phantom(spec: PhantomSpec | None = None) -> Phantom:
    """Label every voxel of the trunk from L2-L3 to S1: skin, fat, muscles, viscera, vessels, spine, canal."""
    spec = spec or PhantomSpec()
    spine = make_spine(spec)
    v = spec.voxel_mm
    shape = tuple(max(8, int(round(extent / v))) for extent in spec.fov_mm)
    s_mid = (spine.levels["S1"].s + spine.levels["L3"].s + spine.levels["L3"].height / 2) / 2
    y_mid, z_mid = spine.to_patient(0.0, s_mid)
    # The field of view is centred a little behind the bodies so that the back's skin is in it.
    centre = np.array([0.0, float(y_mid) + 22.0, float(z_mid)])
    origin = centre - v * (np.array(shape[::-1]) - 1) / 2
    phantom = Phantom(spec=spec, spine=spine, labels=np.zeros(shape, np.uint8), origin=origin, tissues={})
    phantom.tissues = dict(DEFAULT_TISSUES)
    phantom.tissues[T.CANCELLOUS] = Tissue(
        **{**DEFAULT_TISSUES[T.CANCELLOUS].__dict__, "hu": spec.cancellous_hu}
    )
    _paint_trunk(phantom)
    _paint_spine(phantom)
    return phantom


def _paint_trunk(ph: Phantom) -> None:
    labels, spine, size = ph.labels, ph.spine, ph.spec.size
    u, n, s = ph.frame()
    x, y, z = ph.axes()
    # The trunk follows the spine's curve: its centre sits 20 mm in front of the vertebral bodies.
    body_y = spine.to_patient(0.0, s[:, :1, 0])[0]  # (nz, 1)
    yy = y[None, :, None] - (np.asarray(body_y)[:, :, None] - 20.0)  # (nz, ny, 1), 0 at the trunk's centre
    half_w, half_d = 160.0 * size, 115.0 * size
    radial = (u / half_w) ** 2 + (yy / half_d) ** 2
    fat_mm = 8.0 + 14.0 * (size - 0.6)
    labels[radial <= 1] = T.SKIN
    inner = (u / (half_w - 2)) ** 2 + (yy / (half_d - 2)) ** 2
    labels[inner <= 1] = T.FAT
    core = (u / (half_w - fat_mm)) ** 2 + (yy / (half_d - fat_mm)) ** 2 <= 1
    labels[core] = T.VISCERA
    # Retroperitoneal fat around the spine and psoas, behind the viscera.
    retro = core & ((u / 95.0) ** 2 + ((n + 5.0) / 45.0) ** 2 <= 1)
    labels[retro] = T.FAT
    # Bowel: mesenteric fat and pockets of gas in the viscera (a coarse random field, upsampled).
    rng = np.random.default_rng(ph.spec.seed)
    coarse = _smooth_noise(tuple(max(4, d // 4) for d in labels.shape), 1.2, rng)
    bowel = ndimage.zoom(coarse, [a / b for a, b in zip(labels.shape, coarse.shape, strict=True)], order=1)
    viscera = labels == T.VISCERA
    labels[viscera & (bowel > 1.5)] = T.FAT
    labels[viscera & (bowel < -2.1)] = T.AIR
    # Erector spinae and multifidus each side of the spinous processes, quadratus lumborum lateral to them.
    back_wall = spine.levels["L4"].posterior_wall + spine.levels["L4"].canal_depth
    for side in (-1, 1):
        erector = ((u - side * 36.0) / 31.0) ** 2 + ((n - back_wall - 24.0) / 30.0) ** 2 <= 1
        labels[core & erector & (n > 8.0)] = T.MUSCLE
        quadratus = ((u - side * 72.0) / 20.0) ** 2 + ((n - 14.0) / 11.0) ** 2 <= 1
        labels[core & quadratus] = T.MUSCLE
    # Psoas: an ellipse each side of the bodies, larger caudally.
    grow = np.clip((spine.levels["L2"].s - s) / 120.0, 0.3, 1.0)
    for side in (-1, 1):
        pu, pn = side * (30.0 + 14.0 * grow), -2.0 + 4.0 * grow
        psoas = ((u - pu) / (9.0 + 9.0 * grow)) ** 2 + ((n - pn) / (8.0 + 8.0 * grow)) ** 2 <= 1
        labels[psoas & core] = T.MUSCLE
    # Aorta (patient's left) and IVC (right) in front of the bodies; they divide at L4 and L5 into iliac vessels.
    split_a, split_v = spine.levels["L4"].s, spine.levels["L5"].s + 5.0
    front = -spine.levels["L4"].depth / 2 - 12.0
    for vessel_u, radius, split, flat in ((12.0, 10.0, split_a, 1.0), (-16.0, 11.0, split_v, 0.7)):
        above = s >= split
        spread = np.clip((split - s) * 0.45, 0, None)
        trunk = ((u - vessel_u) / radius) ** 2 + ((n - front) / (radius * flat)) ** 2 <= 1
        labels[trunk & above & core] = T.BLOOD
        for side in (-1, 1):
            branch_u = vessel_u + side * (6.0 + spread)
            r = 0.7 * radius
            iliac = ((u - branch_u) / r) ** 2 + ((n - front - 2.0) / (r * flat)) ** 2 <= 1
            labels[iliac & ~above & core] = T.BLOOD
    del x, z


def _paint_spine(ph: Phantom) -> None:
    labels, spine = ph.labels, ph.spine
    u, n, s = ph.frame()
    v = ph.voxel_mm
    bone = np.zeros(labels.shape, bool)
    endplate = np.zeros(labels.shape, bool)
    for level in spine.levels.values():
        # Work on the slab of axial slices this vertebra can reach: a fifth of the cost of the whole volume.
        k0, k1 = slab(ph, level.s - level.height / 2 - 16.0, level.s + level.height / 2 + 12.0)
        _paint_level(level, u, n[k0:k1], s[k0:k1], v, bone[k0:k1], endplate[k0:k1])
    # Cortex: the outer 1.5 mm of every bone; inside it cancellous bone.
    shell = max(1, int(round(1.5 / v)))
    core = ndimage.binary_erosion(bone, iterations=shell)
    labels[bone] = T.CORTICAL
    labels[core] = T.CANCELLOUS
    labels[endplate] = T.ENDPLATE
    _paint_discs(ph, u, n, s)
    _paint_canal(ph, u, n, s, bone)


def slab(ph: Phantom, s_low: float, s_high: float) -> tuple[int, int]:
    """Axial slice range [k0, k1) holding every point with s in [s_low, s_high] and n in -40..100 mm."""
    corners = [ph.spine.to_patient(nn, ss) for nn in (-40.0, 100.0) for ss in (s_low, s_high)]
    zs = [float(c[1]) for c in corners]
    v, z0, nz = ph.voxel_mm, ph.origin[2], ph.labels.shape[0]
    return max(0, int((min(zs) - z0) / v) - 1), min(nz, int((max(zs) - z0) / v) + 2)


def _paint_level(level: Level, u, n, s, v, bone, endplate) -> None:
    ds = s - level.s
    half_h = level.height / 2
    in_height = np.abs(ds) <= half_h
    waist = 1 - 0.06 * (1 - (ds / half_h) ** 2)
    a, b = level.width / 2 * waist, level.depth / 2
    section = ((u / a) ** 2 + (n / b) ** 2 <= 1) & (n <= level.posterior_wall + 2.0 * (u / a) ** 2)
    body = section & in_height
    bone |= body
    endplate |= body & (np.abs(ds) > half_h - max(v, 1.0))
    bone |= _posterior_elements(level, u, n, ds, v)


def _posterior_elements(level: Level, u, n, ds, v):
    """Pedicles, laminae, spinous and transverse processes and articular processes of one vertebra (mask)."""
    h, wc, dc = level.height, level.canal_width, level.canal_depth
    back_of_canal = level.posterior_wall + dc
    parts = np.zeros(np.broadcast_shapes(u.shape, n.shape), bool)
    for side in (-1, 1):
        centre, direction = level.pedicle_axis(side)
        along = (u - centre[0]) * direction[0] + (n - centre[1]) * direction[1]
        across = (u - centre[0]) * -direction[1] + (n - centre[1]) * direction[0]
        ped_len = dc + 4.0
        pedicle = (np.abs(along) <= ped_len / 2) & (
            (across / (level.pedicle_width / 2)) ** 2 + ((ds - 0.18 * h) / (level.pedicle_height / 2)) ** 2
            <= 1
        )
        parts |= pedicle
        # Lamina: a plate sloping from the pedicle's back to the spinous base, roofing the canal, reaching down
        # over the disc below as laminae do.
        lat_u = side * (wc / 2 + 3.0)
        t = np.clip(u / lat_u, 0, 1)
        roof = back_of_canal - 1.0 + (1 - t) * 3.0  # inner surface, deepest in the midline
        lamina = (u * side >= -1.0) & (np.abs(u) <= wc / 2 + 6.0) & (n >= roof) & (n <= roof + 6.0)
        lamina &= (ds <= 0.3 * h) & (ds >= -0.5 * h - 6.0)
        parts |= lamina
        # Articular processes: a superior one rising above the pedicle and an inferior one hanging below the
        # lamina, lateral to the canal; a 2 mm joint space separates them from the neighbours'.
        facet_u = side * (wc / 2 + 7.0)
        facet_n = back_of_canal - 1.0
        sup = ((u - facet_u) / 6.0) ** 2 + ((n - facet_n + 1.5) / 6.5) ** 2 <= 1
        parts |= sup & (ds >= 0.0) & (ds <= 0.5 * h + 4.0)
        inf = ((u - facet_u - side * 1.0) / 5.5) ** 2 + ((n - facet_n - 5.0) / 5.0) ** 2 <= 1
        parts |= inf & (ds <= -0.2 * h) & (ds >= -0.5 * h - 9.0)
        # Transverse process: lateral from the pedicle-lamina junction.
        tp_len = 24.0 if level.name != "S1" else 40.0
        tp_h = 8.0 if level.name != "S1" else 22.0
        tp = (u * side >= wc / 2 + 6.0) & (u * side <= wc / 2 + 6.0 + tp_len)
        tp = tp & (
            np.abs(n - (level.posterior_wall + 0.6 * dc)) <= 3.5 + (4.0 if level.name == "S1" else 0.0)
        )
        tp = tp & (np.abs(ds - 0.1 * h) <= tp_h / 2)
        parts |= tp
    # Spinous process: a midline plate running back and slightly down from the laminae's junction.
    if level.name != "S1":
        tilt = 0.25
        sp_s = ds + 0.15 * h + tilt * (n - back_of_canal)
        spinous = (np.abs(u) <= 3.5) & (n >= back_of_canal + 2.0) & (n <= back_of_canal + 32.0)
        spinous &= np.abs(sp_s) <= 9.0
    else:
        spinous = (np.abs(u) <= 3.0) & (n >= back_of_canal + 2.0) & (n <= back_of_canal + 12.0)
        spinous &= np.abs(ds) <= 0.3 * h
    parts |= spinous
    del v
    return parts


def _paint_discs(ph: Phantom, u, n, s) -> None:
    labels, spine = ph.labels, ph.spine
    for disc, (upper_name, lower_name) in spine.discs.items():
        low, high = spine.disc_s(disc)
        upper, lower = spine.levels[upper_name], spine.levels[lower_name]
        a = (upper.width + lower.width) / 4 + 1.0
        b = (upper.depth + lower.depth) / 4 + 0.5
        wall = (upper.posterior_wall + lower.posterior_wall) / 2 + 1.0
        between = (s > low) & (s < high)
        section = ((u / a) ** 2 + (n / b) ** 2 <= 1) & (n <= wall + 2.0 * (u / a) ** 2)
        disc_mask = between & section
        labels[disc_mask & (labels != T.CORTICAL)] = T.ANNULUS
        mid, half = (low + high) / 2, (high - low) / 2
        nucleus = (
            (u / (0.5 * a)) ** 2 + ((n - 0.1 * b) / (0.45 * b)) ** 2 + ((s - mid) / (0.75 * half)) ** 2
        ) <= 1
        labels[disc_mask & nucleus] = T.NUCLEUS


def canal_geometry(spine: Spine, s):
    """(centre n, width, depth) of the bony canal at arc positions s (mm)."""
    return (
        _interp_levels(spine, s, "canal_centre"),
        _interp_levels(spine, s, "canal_width"),
        _interp_levels(spine, s, "canal_depth"),
    )


def sac_geometry(spine: Spine, s):
    """(centre n, half width, half depth) of the thecal sac at arc positions s; it tapers over S1."""
    centre, width, depth = canal_geometry(spine, s)
    taper = np.clip((s - spine.levels["S1"].s + 6.0) / 20.0, 0.35, 1.0)
    return centre - 0.19 * depth, 0.36 * width * taper, 0.31 * depth * np.sqrt(taper)


def _paint_canal(ph: Phantom, u, n, s, bone) -> None:
    labels, spine = ph.labels, ph.spine
    centre, width, depth = canal_geometry(spine, s)
    canal = ((u / (width / 2)) ** 2 + ((n - centre) / (depth / 2)) ** 2 <= 1) & ~bone
    labels[canal] = T.FAT
    # Ligamentum flavum: 3 mm lining the back half of the canal.
    inner = (u / (width / 2 - 3.0)) ** 2 + ((n - centre) / (depth / 2 - 3.0)) ** 2 <= 1
    labels[canal & ~inner & (n > centre + 0.1 * depth)] = T.LIGAMENT
    sac_n, sac_a, sac_b = sac_geometry(spine, s)
    sac = (u / sac_a) ** 2 + ((n - sac_n) / sac_b) ** 2 <= 1
    labels[sac & canal] = T.CSF
    # Cauda equina roots lie dependent (dorsal, the patient supine) in the sac; fewer caudally as pairs exit.
    rng = np.random.default_rng(ph.spec.seed)
    count = np.clip(np.round(4 + (s - spine.levels["S1"].s) / 12.0) * 2, 4, 14)
    slots = [(x, y) for y in (0.15, 0.45) for x in (-0.55, -0.38, -0.2, 0.0, 0.2, 0.38, 0.55)]
    slots.sort(key=lambda p: abs(p[0]) + 0.1 * p[1])
    roots = np.zeros(labels.shape, bool)
    for index, (fx, fy) in enumerate(slots):
        jitter = rng.uniform(-0.05, 0.05, 2)
        ru, rn = (fx + jitter[0]) * sac_a, sac_n + (fy + jitter[1]) * sac_b
        roots |= ((u - ru) ** 2 + (n - rn) ** 2 <= 1.3**2) & (count > index)
    labels[roots & sac & canal] = T.NERVE


def sac_mask(ph: Phantom) -> np.ndarray:
    """Voxels inside the thecal sac's outline (CSF and roots, whatever lesions later painted there)."""
    u, n, s = ph.frame()
    sac_n, sac_a, sac_b = sac_geometry(ph.spine, s)
    return np.broadcast_to((u / sac_a) ** 2 + ((n - sac_n) / sac_b) ** 2 <= 1, ph.labels.shape)


def canal_mask(ph: Phantom) -> np.ndarray:
    """Voxels inside the bony canal's outline."""
    u, n, s = ph.frame()
    centre, width, depth = canal_geometry(ph.spine, s)
    return np.broadcast_to((u / (width / 2)) ** 2 + ((n - centre) / (depth / 2)) ** 2 <= 1, ph.labels.shape)


def posterior_arch_mask(ph: Phantom, level: str) -> np.ndarray:
    """Voxels of a level's laminae and spinous process (the arch a laminectomy takes away), from geometry."""
    lv = ph.spine.levels[level]
    u, n, s = ph.frame()
    ds = s - lv.s
    back_of_canal = lv.posterior_wall + lv.canal_depth
    arch = (np.abs(u) <= lv.canal_width / 2 + 4.0) & (n >= back_of_canal - 1.5)
    arch &= (ds <= 0.3 * lv.height + 6.0) & (ds >= -0.5 * lv.height - 10.0)
    return np.broadcast_to(arch, ph.labels.shape)


def noise_field(shape, sigma_vox: float, seed: int) -> np.ndarray:
    """Smooth zero-mean unit-variance random field (texture for renderers)."""
    return _smooth_noise(shape, sigma_vox, np.random.default_rng(seed))
