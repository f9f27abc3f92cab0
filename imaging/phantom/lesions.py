"""Complications as parametric edits with their own labels, so renderers know their physics and outlines are exact."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import ndimage

from .anatomy import Phantom, canal_geometry, noise_field, sac_geometry, sac_mask
from .procedures import Screw, screw_distance
from .tissues import BONE, SOFT, T, haematoma_by_age


@dataclass(frozen=True)
class Lesion:
    """What a recipe placed: its label, its centre as patient (x, y, z) mm, and the recipe's parameters."""

    kind: str
    label: T
    centre: tuple[float, float, float]
    params: dict


def lesion_mask(ph: Phantom, name: str) -> np.ndarray:
    """Voxels of a placed lesion (its label), e.g. for outlines and pointing targets."""
    return ph.labels == ph.lesions[name].label


def epidural_haematoma(
    ph: Phantom, level: str, *, length_mm: float = 40.0, thickness_mm: float = 7.0, age_days: float = 2.0
) -> Phantom:
    """A dorsal epidural haematoma centred on a level: a lens behind the sac that flattens its back.

    It fills epidural fat, flavum, scar and (after laminectomy) the bed behind the canal; it never replaces bone.
    age_days sets the blood's physics (acute, 1-3 days: 50-80 HU, T2 dark).
    """
    u, n, s = ph.frame()
    s0 = ph.spine.levels[level].s
    sac_n, sac_a, sac_b = sac_geometry(ph.spine, s0)
    back_of_sac = float(sac_n + sac_b)
    width = float(sac_a) * 2.2
    lens = (u / (width / 2)) ** 2 + ((n - back_of_sac - thickness_mm / 2 + 1.5) / (thickness_mm / 2)) ** 2
    lens = lens + ((s - s0) / (length_mm / 2)) ** 2 <= 1
    replaceable = np.isin(ph.labels, (*SOFT, T.CSF, T.NERVE))
    mask = np.broadcast_to(lens, ph.labels.shape) & replaceable
    ph.labels[mask] = T.HAEMATOMA
    ph.tissues[T.HAEMATOMA] = haematoma_by_age(age_days)
    centre = ph.point(0.0, back_of_sac + thickness_mm / 2 - 1.5, s0)
    ph.lesions["epidural_haematoma"] = Lesion(
        "epidural_haematoma", T.HAEMATOMA, centre, {"level": level, "age_days": age_days}
    )
    return ph


def screw_halo(ph: Phantom, screw: Screw, *, width_mm: float = 1.5, sclerotic_rim: bool = True) -> Phantom:
    """A lucent rim of fibrous tissue around a loose screw's shaft in bone, with a thin sclerotic rim outside."""
    distance = screw_distance(ph, screw)
    in_bone = np.isin(ph.labels, BONE)
    halo = in_bone & (distance > screw.radius - 0.01) & (distance <= screw.radius + width_mm)
    if sclerotic_rim:
        rim = in_bone & (distance > screw.radius + width_mm) & (distance <= screw.radius + width_mm + 1.0)
        ph.labels[rim] = T.CORTICAL
    ph.labels[halo] = T.HALO
    centre = ph.point(*np.mean([screw.entry, screw.tip], axis=0), screw.s)
    name = f"screw_halo_{screw.level}_{screw.side}"
    ph.lesions[name] = Lesion("screw_halo", T.HALO, centre, {"level": screw.level, "side": screw.side})
    return ph


def discitis(ph: Phantom, disc: str, *, oedema_mm: float = 12.0, erosion_mm: float = 3.0) -> Phantom:
    """Discitis-osteomyelitis: fluid in the disc, end plates eroded irregularly, marrow oedema either side."""
    u, n, s = ph.frame()
    low, high = ph.spine.disc_s(disc)
    upper, lower = (ph.spine.levels[name] for name in ph.spine.discs[disc])
    a, b = (upper.width + lower.width) / 4, (upper.depth + lower.depth) / 4
    section = (u / a) ** 2 + (n / b) ** 2
    mid = (low + high) / 2
    rough = noise_field(ph.labels.shape, 2.0 / ph.voxel_mm, ph.spec.seed + 11)
    # Oedema fades away from the disc with an irregular front; erosion eats end plate and subchondral bone.
    distance = np.maximum(low - s, s - high)  # > 0 outside the disc space, mm into the bodies
    oedema = (distance > 0) & (distance <= oedema_mm * (1 - 0.5 * section)) & (section <= 1.05)
    oedema = np.broadcast_to(oedema, ph.labels.shape) & (rough > -1.2) & np.isin(ph.labels, BONE)
    ph.labels[oedema] = T.MARROW_OEDEMA
    eroded = (distance <= erosion_mm * np.clip(1 + 0.5 * rough, 0.2, 1.5)) & np.broadcast_to(
        section <= 0.8, ph.labels.shape
    )
    eroded &= np.isin(ph.labels, (T.ENDPLATE, T.CORTICAL, T.MARROW_OEDEMA, T.ANNULUS, T.NUCLEUS))
    ph.labels[eroded] = T.DISC_FLUID
    disc_space = np.broadcast_to((s > low) & (s < high) & (section <= 0.85), ph.labels.shape)
    ph.labels[disc_space & np.isin(ph.labels, (T.NUCLEUS, T.ANNULUS))] = T.DISC_FLUID
    ph.lesions["discitis"] = Lesion("discitis", T.DISC_FLUID, ph.point(0.0, 0.0, mid), {"disc": disc})
    ph.lesions["marrow_oedema"] = Lesion(
        "marrow_oedema", T.MARROW_OEDEMA, ph.point(0.0, 0.0, mid), {"disc": disc}
    )
    return ph


def pseudomeningocele(ph: Phantom, level: str, *, depth_mm: float = 30.0, height_mm: float = 35.0) -> Phantom:
    """A CSF collection behind the sac through a dural tear at a laminectomy, reaching back among the muscles.

    Its neck joins the sac's back wall; it fills soft tissue only, so an intact lamina stops it.
    """
    u, n, s = ph.frame()
    lv = ph.spine.levels[level]
    centre_n_canal, width, depth = canal_geometry(ph.spine, lv.s)
    back = float(centre_n_canal + depth / 2)
    sac = (
        (u / 13.0) ** 2
        + ((n - back - depth_mm / 2) / (depth_mm / 2)) ** 2
        + ((s - lv.s) / (height_mm / 2)) ** 2
    ) <= 1
    sac_n, _, sac_b = sac_geometry(ph.spine, lv.s)
    neck = (np.abs(u) <= 4.0) & (n >= float(sac_n)) & (n <= back + 2.0) & (np.abs(s - lv.s) <= 5.0)
    replaceable = np.isin(ph.labels, (*SOFT, T.HAEMATOMA))
    mask = np.broadcast_to(sac | neck, ph.labels.shape) & replaceable & ~sac_mask(ph)
    mask = ndimage.binary_opening(mask, iterations=1) | (np.broadcast_to(neck, ph.labels.shape) & replaceable)
    ph.labels[mask] = T.PSEUDOMENINGOCELE
    centre = ph.point(0.0, back + depth_mm / 2, lv.s)
    ph.lesions["pseudomeningocele"] = Lesion(
        "pseudomeningocele", T.PSEUDOMENINGOCELE, centre, {"level": level}
    )
    del width, sac_b
    return ph
