"""Tissue labels of the phantom and the physical properties every renderer reads (imaging-physics.md).

A label says what a voxel is made of, not which bone it belongs to: the anatomy module keeps the geometry.
Lesions get labels of their own (even when they share a tissue's physics, as a pseudomeningocele shares CSF's)
so that their outlines can be read off the volume for annotations.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import IntEnum


class T(IntEnum):
    """Voxel labels (uint8)."""

    AIR = 0
    SKIN = 1
    FAT = 2
    MUSCLE = 3
    VISCERA = 4
    BLOOD = 5
    CORTICAL = 6
    CANCELLOUS = 7
    ENDPLATE = 8
    ANNULUS = 9
    NUCLEUS = 10
    LIGAMENT = 11
    CSF = 12
    NERVE = 13
    METAL = 14
    PEEK = 15
    GRAFT = 16
    SCAR = 17
    HAEMATOMA = 18
    HALO = 19
    DISC_FLUID = 20
    MARROW_OEDEMA = 21
    PSEUDOMENINGOCELE = 22


BONE = (T.CORTICAL, T.CANCELLOUS, T.ENDPLATE, T.GRAFT, T.MARROW_OEDEMA)
SOFT = (T.FAT, T.MUSCLE, T.LIGAMENT, T.SCAR, T.VISCERA, T.SKIN)


@dataclass(frozen=True)
class Tissue:
    """Physics of one label.

    hu, hu_sd: CT mean and texture standard deviation (Hounsfield units; noise is added by the renderer).
    pd, t1, t2: proton density (0..1) and relaxation times in ms of the water compartment at 1.5 T.
    fat: fraction of the signal from fat (T1 260 ms, T2 80 ms), which STIR nulls and fat saturation removes.
    gd: gadolinium concentration in mM after a standard dose (enhancement); texture: MR signal variation (0..1).
    """

    hu: float
    hu_sd: float = 5.0
    pd: float = 0.0
    t1: float = 1000.0
    t2: float = 50.0
    fat: float = 0.0
    gd: float = 0.0
    texture: float = 0.04


DEFAULT_TISSUES: dict[T, Tissue] = {
    T.AIR: Tissue(hu=-1000, hu_sd=0),
    T.SKIN: Tissue(hu=30, pd=0.7, t1=600, t2=40, gd=0.05),
    T.FAT: Tissue(hu=-100, hu_sd=8, pd=1.0, fat=1.0),
    T.MUSCLE: Tissue(hu=50, hu_sd=5, pd=0.8, t1=870, t2=45, fat=0.03, gd=0.05, texture=0.06),
    T.VISCERA: Tissue(hu=35, hu_sd=15, pd=0.8, t1=900, t2=60, fat=0.1, gd=0.05, texture=0.15),
    # Flowing blood is a flow void on spin echo; unenhanced CT blood is 40-45 HU.
    T.BLOOD: Tissue(hu=42, pd=0.03, t1=1200, t2=150),
    T.CORTICAL: Tissue(hu=1100, hu_sd=120, pd=0.05, t1=1000, t2=2),
    T.CANCELLOUS: Tissue(hu=200, hu_sd=45, pd=0.9, t1=800, t2=50, fat=0.5, texture=0.1),
    T.ENDPLATE: Tissue(hu=1000, hu_sd=100, pd=0.05, t1=1000, t2=2),
    T.ANNULUS: Tissue(hu=90, hu_sd=5, pd=0.6, t1=900, t2=40),
    T.NUCLEUS: Tissue(hu=75, hu_sd=5, pd=0.9, t1=1000, t2=120),
    T.LIGAMENT: Tissue(hu=60, hu_sd=5, pd=0.3, t1=800, t2=20),
    T.CSF: Tissue(hu=8, hu_sd=3, pd=1.0, t1=4000, t2=2000, texture=0.01),
    T.NERVE: Tissue(hu=30, pd=0.7, t1=900, t2=70),
    # Titanium saturates the 12-bit scale; it has no MR signal (the void comes from susceptibility).
    T.METAL: Tissue(hu=3071, hu_sd=0, pd=0.0),
    T.PEEK: Tissue(hu=300, hu_sd=10, pd=0.0),
    T.GRAFT: Tissue(hu=600, hu_sd=250, pd=0.6, t1=700, t2=50, fat=0.3, texture=0.2),
    T.SCAR: Tissue(hu=55, hu_sd=6, pd=0.75, t1=900, t2=70, gd=0.6),
    # Acute clotted blood (1-3 days, deoxyhaemoglobin): 50-80 HU, T1 iso-dark, T2 dark. See haematoma_by_age.
    T.HAEMATOMA: Tissue(hu=65, hu_sd=6, pd=0.85, t1=900, t2=35, texture=0.12),
    T.HALO: Tissue(hu=15, hu_sd=10, pd=0.85, t1=1100, t2=100, gd=0.15),
    T.DISC_FLUID: Tissue(hu=20, hu_sd=6, pd=0.95, t1=1500, t2=250, gd=0.3, texture=0.08),
    T.MARROW_OEDEMA: Tissue(hu=170, hu_sd=40, pd=0.9, t1=1100, t2=110, fat=0.08, gd=0.3, texture=0.1),
    T.PSEUDOMENINGOCELE: Tissue(hu=8, hu_sd=3, pd=1.0, t1=4000, t2=2000, texture=0.01),
}

# Epidural blood by age in days [M]: (upper age, hu, t1, t2). First hours: T1 iso, T2 bright; 1-3 days: T1 iso-dark,
# T2 dark; 3-7 days: T1 bright, T2 dark; 1-2 weeks: T1 bright, T2 bright; later: fading towards fluid.
HAEMATOMA_STAGES = [
    (1.0, 70.0, 900.0, 200.0),
    (3.0, 65.0, 950.0, 35.0),
    (7.0, 55.0, 350.0, 35.0),
    (14.0, 45.0, 350.0, 250.0),
    (float("inf"), 25.0, 1500.0, 300.0),
]


def haematoma_by_age(days: float) -> Tissue:
    """Haematoma physics for an age in days after the bleed (>= 0)."""
    for upper, hu, t1, t2 in HAEMATOMA_STAGES:
        if days < upper:
            return replace(DEFAULT_TISSUES[T.HAEMATOMA], hu=hu, t1=t1, t2=t2)
    raise ValueError(days)  # pragma: no cover - the last stage is unbounded
