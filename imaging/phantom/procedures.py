"""Operations as edits of the label volume: laminectomy, pedicle screws with rods, an interbody cage."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .anatomy import SIDES, Phantom, canal_geometry, canal_mask, posterior_arch_mask, slab
from .tissues import BONE, T

SCREW_RADIUS_MM = 3.25  # a 6.5 mm screw
HEAD_RADIUS_MM = 6.0
ROD_RADIUS_MM = 2.75


@dataclass(frozen=True)
class Screw:
    """A pedicle screw in the bent frame: entry (posterior, lateral) and tip (anterior body) as (u, n) at s."""

    level: str
    side: str
    s: float
    entry: tuple[float, float]
    tip: tuple[float, float]
    head: tuple[float, float]
    radius: float = SCREW_RADIUS_MM

    def points(self, count: int = 20) -> list[tuple[float, float, float]]:
        """(u, n, s) points along the shaft from entry to tip."""
        return [
            (
                self.entry[0] + f * (self.tip[0] - self.entry[0]),
                self.entry[1] + f * (self.tip[1] - self.entry[1]),
                self.s,
            )
            for f in np.linspace(0, 1, count)
        ]


def laminectomy(ph: Phantom, level: str) -> Phantom:
    """Remove the laminae and spinous process of a level; the bed fills with scar next to the sac, muscle behind."""
    arch = posterior_arch_mask(ph, level) & np.isin(ph.labels, BONE)
    near_canal = canal_mask(ph) | _dilated_canal(ph, 8.0)
    ph.labels[arch] = T.MUSCLE
    ph.labels[arch & near_canal] = T.SCAR
    ph.procedures.append(("laminectomy", level))
    return ph


def _dilated_canal(ph: Phantom, margin: float) -> np.ndarray:
    u, n, s = ph.frame()
    centre, width, depth = canal_geometry(ph.spine, s)
    grown = (u / (width / 2 + margin)) ** 2 + ((n - centre) / (depth / 2 + margin)) ** 2 <= 1
    return np.broadcast_to(grown, ph.labels.shape)


def plan_screw(ph: Phantom, level: str, side: str, *, length_fraction: float = 0.75) -> Screw:
    """A screw on the pedicle's axis: entry at the transverse-process/superior-facet junction, converging
    medially through the pedicle, tip in the anterior half of the body (length_fraction of the body's depth)."""
    lv = ph.spine.levels[level]
    centre, direction = lv.pedicle_axis(SIDES[side])
    # Along the axis, n falls by cos(convergence) per mm: reach n = depth/2 * (1 - 2 * length_fraction).
    tip_n = lv.depth / 2 * (1 - 2 * length_fraction)
    t_tip = (centre[1] - tip_n) / -direction[1]
    t_entry = -(lv.canal_depth / 2 + 9.0)
    tip, entry = centre + t_tip * direction, centre + t_entry * direction
    head = centre + (t_entry - 7.0) * direction
    return Screw(level, side, lv.pedicle_s, tuple(entry), tuple(tip), tuple(head))


def _segment_distance(u, n, s, a, b, s0):
    """Distance (mm) of voxels from the segment a-b in the plane s = s0, and the fraction along it."""
    a, b = np.asarray(a, np.float32), np.asarray(b, np.float32)
    d = b - a
    length2 = float(d @ d)
    f = np.clip(((u - a[0]) * d[0] + (n - a[1]) * d[1]) / length2, 0, 1)
    du, dn = u - (a[0] + f * d[0]), n - (a[1] + f * d[1])
    return np.sqrt(du**2 + dn**2 + (s - s0) ** 2), f


def screw_distance(ph: Phantom, screw: Screw) -> np.ndarray:
    """Distance (mm) of every voxel from a screw's shaft axis (entry to tip)."""
    u, n, s = ph.frame()
    distance, _ = _segment_distance(u, n, s, screw.entry, screw.tip, screw.s)
    return np.broadcast_to(distance, ph.labels.shape)


def pedicle_screws(ph: Phantom, levels: list[str], *, rods: bool = True) -> Phantom:
    """Bilateral pedicle screws at each level, and a rod each side joining the heads (when rods)."""
    u, n, s = ph.frame()
    for level in levels:
        for side in ("right", "left"):
            screw = plan_screw(ph, level, side)
            k0, k1 = slab(ph, screw.s - 10.0, screw.s + 10.0)
            shaft, _ = _segment_distance(u, n[k0:k1], s[k0:k1], screw.entry, screw.tip, screw.s)
            head, _ = _segment_distance(u, n[k0:k1], s[k0:k1], screw.entry, screw.head, screw.s)
            ph.labels[k0:k1][(shaft <= screw.radius) | (head <= HEAD_RADIUS_MM)] = T.METAL
            ph.screws.append(screw)
    if rods and len(levels) > 1:
        for side in ("right", "left"):
            heads = sorted((sc.s, sc.head) for sc in ph.screws if sc.side == side and sc.level in levels)
            for (s0, h0), (s1, h1) in zip(heads, heads[1:], strict=False):
                f = np.clip((s - s0) / (s1 - s0), 0, 1)
                ru, rn = h0[0] + f * (h1[0] - h0[0]), h0[1] + f * (h1[1] - h0[1])
                rod = ((u - ru) ** 2 + (n - rn) ** 2 <= ROD_RADIUS_MM**2) & (s >= s0 - 3) & (s <= s1 + 3)
                ph.labels[np.broadcast_to(rod, ph.labels.shape)] = T.METAL
    ph.procedures.append(("pedicle_screws", tuple(levels)))
    return ph


def interbody_cage(ph: Phantom, disc: str, *, graft: bool = True) -> Phantom:
    """A PEEK cage filling the middle of a disc space, bone graft in its window, tantalum marker beads."""
    u, n, s = ph.frame()
    low, high = ph.spine.disc_s(disc)
    upper, _ = (ph.spine.levels[name] for name in ph.spine.discs[disc])
    half_n = 0.55 * upper.depth / 2
    box = (np.abs(u) <= 13.0) & (np.abs(n) <= half_n) & (s > low) & (s < high)
    ph.labels[np.broadcast_to(box, ph.labels.shape)] = T.PEEK
    if graft:
        window = (np.abs(u) <= 7.0) & (np.abs(n) <= half_n - 4.0) & (s > low) & (s < high)
        ph.labels[np.broadcast_to(window, ph.labels.shape)] = T.GRAFT
    mid = (low + high) / 2
    for bead_n in (-half_n + 1.5, half_n - 1.5):
        bead = u**2 + (n - bead_n) ** 2 + (s - mid) ** 2 <= 1.2**2
        ph.labels[np.broadcast_to(bead, ph.labels.shape)] = T.METAL
    ph.procedures.append(("interbody_cage", disc))
    return ph
