"""CT and MR renderers: tissue physics per label, partial volume, slab thickness, noise and metal artefact.

Both return a `RenderedSeries`: slices in modality units (HU for CT, arbitrary signal for MR) with the geometry a
DICOM writer needs. Axial slices keep the volume's orientation (patient's left on the viewer's right, anterior up);
sagittal slices put the head at the top and the front on the left, as every viewer shows them.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
from scipy import ndimage
from skimage.transform import iradon, radon

from .anatomy import Phantom, noise_field
from .tissues import T

CT_WINDOWS = {"bone": (2000.0, 500.0), "soft-tissue": (400.0, 40.0), "spine": (350.0, 50.0)}
MU_WATER_PER_MM = 0.0193  # linear attenuation of water at about 70 keV
MU_TITANIUM_PER_MM = 0.21
MR_SEQUENCES = ("T1", "T2", "STIR", "T1FS_GD")
FAT_T1_MS, FAT_T2_MS, FAT_T2_FSE_MS = (
    260.0,
    80.0,
    140.0,
)  # fat's T2 looks longer on fast spin echo (J-coupling)
GD_RELAXIVITY_PER_MM_MS = 4.5e-3  # r1 of gadolinium chelates, 4.5 /mM/s
PHOTONS_PER_RAY = 3e7  # unattenuated counts: sets how starved the rays through metal are
BEAM_HARDENING = 0.03  # saturation of the metal line integral: log1p(k p) / k


@dataclass
class RenderedSeries:
    """Slices [n, rows, cols] in modality units with their geometry (mm, LPS) and the labels under each pixel.

    positions: patient (x, y, z) of each slice's first pixel centre; orientation: DICOM ImageOrientationPatient.
    """

    modality: str
    plane: str
    values: np.ndarray
    labels: np.ndarray
    pixel_mm: tuple[float, float]
    slice_mm: float
    positions: list
    orientation: tuple
    description: str
    window: tuple[float, float]
    meta: dict = field(default_factory=dict)


# Sampling -------------------------------------------------------------------------------------------------------


def _plane_axes(ph: Phantom, plane: str):
    if plane == "axial":
        return 0, (1, 2)
    if plane == "sagittal":
        return 2, (0, 1)
    raise ValueError(f"plane must be 'axial' or 'sagittal', not {plane!r}")


def default_positions(ph: Phantom, plane: str, count: int) -> list[float]:
    """count slice centres (mm along z for axial, x for sagittal) spread evenly over the volume."""
    x, _, z = ph.axes()
    coords = z if plane == "axial" else x
    if plane == "sagittal":  # sagittal series cover the spine's width, not the trunk's
        lo, hi = -30.0, 30.0
    else:
        lo, hi = float(coords[0]), float(coords[-1])
    step = (hi - lo) / count
    return [lo + step * (i + 0.5) for i in range(count)]


def _slabs(volume: np.ndarray, ph: Phantom, plane: str, centres, thickness_mm: float, matrix: int, order=1):
    axis, _ = _plane_axes(ph, plane)
    x, _, z = ph.axes()
    coords = z if plane == "axial" else x
    v = ph.voxel_mm
    out = []
    for c in centres:
        inside = np.abs(coords - c) <= max(thickness_mm, v) / 2 + 1e-3
        if not inside.any():
            inside = np.abs(coords - c) == np.abs(coords - c).min()
        index = np.flatnonzero(inside)
        slab = np.take(volume, index, axis=axis)
        image = slab.mean(axis=axis) if order else np.take(volume, index[len(index) // 2], axis=axis)
        if plane == "sagittal":
            image = image[::-1, :]  # the head at the top
        out.append(image)
    stack = np.stack(out).astype(np.float32 if order else np.uint8)
    rows, cols = stack.shape[1:]
    scale = matrix / max(rows, cols)
    zoomed = ndimage.zoom(
        stack, (1, scale, scale), order=order, prefilter=False, grid_mode=True, mode="nearest"
    )
    return zoomed


def _geometry(ph: Phantom, plane: str, centres, shape):
    nz, ny, nx = ph.labels.shape
    v = ph.voxel_mm
    rows, cols = shape
    x0, y0, z0 = ph.origin
    if plane == "axial":
        prow, pcol = ny * v / rows, nx * v / cols
        first = lambda c: (x0 - v / 2 + pcol / 2, y0 - v / 2 + prow / 2, c)  # noqa: E731
        orientation = (1.0, 0.0, 0.0, 0.0, 1.0, 0.0)
    else:
        prow, pcol = nz * v / rows, ny * v / cols
        top = z0 + (nz - 0.5) * v - prow / 2
        first = lambda c: (c, y0 - v / 2 + pcol / 2, top)  # noqa: E731
        orientation = (0.0, 1.0, 0.0, 0.0, 0.0, -1.0)
    return (prow, pcol), [tuple(float(a) for a in first(c)) for c in centres], orientation


# CT ---------------------------------------------------------------------------------------------------------------


def hu_volume(ph: Phantom, *, seed: int = 0) -> np.ndarray:
    """Hounsfield units per voxel: tissue means, textured (trabeculae, fat lobules), before blur and noise."""
    labels = ph.labels
    mean = np.zeros(256, np.float32)
    sd = np.zeros(256, np.float32)
    for label, tissue in ph.tissues.items():
        mean[label], sd[label] = tissue.hu, tissue.hu_sd
    texture = noise_field(labels.shape, 0.8 / ph.voxel_mm, ph.spec.seed + seed)
    return mean[labels] + sd[labels] * texture


def metal_streaks(hu: np.ndarray, metal: np.ndarray, pixel_mm: float, *, seed: int = 0, work_px: int = 128):
    """Streak artefact (HU) for one axial slice with metal, by forward projection and filtered back projection.

    Projections through metal are hardened (a saturating log models the beam's loss of soft photons) and
    starved (Poisson noise grows as exp(p/2)); the difference from the ideal sinogram is back-projected and the
    dark and bright streaks appear by themselves. Computed at work_px and zoomed back to the slice's size.
    """
    rows, cols = hu.shape
    size = max(rows, cols)
    factor = min(1.0, work_px / size)
    pad = ((0, size - rows), (0, size - cols))
    small_hu = ndimage.zoom(np.pad(hu, pad, constant_values=-1000), factor, order=1)
    small_metal = ndimage.zoom(np.pad(metal.astype(np.float32), pad), factor, order=1)
    px = pixel_mm / factor
    n = small_hu.shape[0]
    yy, xx = np.mgrid[:n, :n]
    circle = (xx - n / 2 + 0.5) ** 2 + (yy - n / 2 + 0.5) ** 2 <= (n / 2 - 1.5) ** 2
    tissue_hu = np.where(small_metal > 0.5, 1000.0, small_hu)  # the metal's own path is counted in p_metal
    mu = np.clip(MU_WATER_PER_MM * (1 + tissue_hu / 1000.0), 0, None) * px * circle
    mu_metal = small_metal * MU_TITANIUM_PER_MM * px * circle
    theta = np.linspace(0.0, 180.0, 180, endpoint=False)
    p_metal = radon(mu_metal, theta, circle=True)
    p_body = radon(mu, theta, circle=True)
    k = BEAM_HARDENING
    hardened = np.log1p(k * p_metal) / k
    rng = np.random.default_rng(seed)
    through = p_metal > 1e-3
    starved = (
        np.exp((p_body + hardened) / 2) / math.sqrt(PHOTONS_PER_RAY) * rng.standard_normal(p_metal.shape)
    )
    delta = (hardened - p_metal) + np.where(through, starved, 0.0)
    artefact = iradon(delta, theta, circle=True, filter_name="ramp") / (MU_WATER_PER_MM * px) * 1000.0
    artefact = ndimage.zoom(artefact, size / n, order=1)[:rows, :cols]
    return artefact.astype(np.float32)


def render_ct(
    ph: Phantom,
    *,
    plane: str = "axial",
    positions: list[float] | None = None,
    count: int = 24,
    thickness_mm: float = 3.0,
    matrix: int = 256,
    noise_hu: float = 14.0,
    metal_artefact: bool = True,
    intrathecal_contrast: bool = False,
    artefact_px: int = 128,
    seed: int = 0,
) -> RenderedSeries:
    """A CT series: HU per tissue, partial volume (0.7 mm blur, slab averaging), metal streaks, quantum noise.

    positions are slice centres in mm (z for axial, x for sagittal); intrathecal_contrast makes CSF and any
    collection communicating with it (pseudomeningocele) opacified, as on CT myelography. artefact_px is the
    matrix the streaks are computed on (finer is slower: radon costs grow with its cube).
    """
    hu = hu_volume(ph, seed=seed)
    if intrathecal_contrast:
        opacified = np.isin(ph.labels, (T.CSF, T.PSEUDOMENINGOCELE))
        hu[opacified] = 700.0
    metal = ph.labels == T.METAL
    hu = ndimage.gaussian_filter(hu, 0.7 / ph.voxel_mm / 2.355 * 2)
    hu[metal] = np.maximum(hu[metal], 3071.0)
    centres = positions or default_positions(ph, plane, count)
    if metal_artefact and metal.any():
        _, _, z = ph.axes()
        slabs = [np.abs(z - c) <= thickness_mm / 2 + ph.voxel_mm for c in centres] if plane == "axial" else []
        wanted = np.any(slabs, axis=0) if slabs else np.ones(len(z), bool)
        for k in np.flatnonzero(metal.any(axis=(1, 2)) & wanted):
            hu[k] += metal_streaks(hu[k], metal[k], ph.voxel_mm, seed=seed + int(k), work_px=artefact_px)
        hu[metal] = np.maximum(
            hu[metal], 3071.0
        )  # the streaks start at the metal; the metal itself saturates
    values = _slabs(hu, ph, plane, centres, thickness_mm, matrix)
    labels = _slabs(ph.labels, ph, plane, centres, thickness_mm, matrix, order=0)
    rng = np.random.default_rng(seed + 1)
    noise = ndimage.gaussian_filter(rng.standard_normal(values.shape).astype(np.float32), (0, 0.7, 0.7))
    values += noise / noise.std() * noise_hu
    values = np.clip(values, -1024.0, 3071.0)
    pixel, firsts, orientation = _geometry(ph, plane, centres, values.shape[1:])
    kind = "CT myelogram" if intrathecal_contrast else "CT"
    return RenderedSeries(
        "CT",
        plane,
        values,
        labels,
        pixel,
        thickness_mm,
        firsts,
        orientation,
        f"Synthetic {kind} {plane}",
        CT_WINDOWS["bone"],
        {"noise_hu": noise_hu},
    )


# MR ---------------------------------------------------------------------------------------------------------------


def _spin_echo(t1, t2, tr, te):
    return (1 - np.exp(-tr / t1)) * np.exp(-te / t2)


def _inversion_recovery(t1, t2, tr, ti, te):
    return np.abs(1 - 2 * np.exp(-ti / t1) + np.exp(-tr / t1)) * np.exp(-te / t2)


def tissue_signal(tissue, sequence: str) -> float:
    """Relative MR signal (0..1) of a tissue on a sequence at 1.5 T from its water and fat compartments."""
    if tissue.pd <= 0:
        return 0.0
    t1, t2 = tissue.t1, max(tissue.t2, 0.1)
    if sequence == "T1":
        water, fat = _spin_echo(t1, t2, 500, 12), _spin_echo(FAT_T1_MS, FAT_T2_MS, 500, 12)
    elif sequence == "T2":
        water, fat = _spin_echo(t1, t2, 4000, 100), _spin_echo(FAT_T1_MS, FAT_T2_FSE_MS, 4000, 100)
    elif sequence == "STIR":
        # TI = T1(fat) x ln 2 nulls fat; long-T1 water (fluid, oedema) stays bright in magnitude.
        ti = FAT_T1_MS * math.log(2)
        water = _inversion_recovery(t1, t2, 4000, ti, 50)
        fat = _inversion_recovery(FAT_T1_MS, FAT_T2_FSE_MS, 4000, ti, 50)
    elif sequence == "T1FS_GD":
        t1_gd = 1 / (1 / t1 + GD_RELAXIVITY_PER_MM_MS * tissue.gd)
        water, fat = _spin_echo(t1_gd, t2, 500, 12), 0.04 * _spin_echo(FAT_T1_MS, FAT_T2_MS, 500, 12)
    else:
        raise ValueError(f"sequence must be one of {', '.join(MR_SEQUENCES)}, not {sequence!r}")
    return float(tissue.pd * ((1 - tissue.fat) * water + tissue.fat * fat))


def render_mr(
    ph: Phantom,
    sequence: str,
    *,
    plane: str = "sagittal",
    positions: list[float] | None = None,
    count: int = 15,
    thickness_mm: float = 4.0,
    matrix: int = 256,
    noise: float = 0.02,
    void_mm: float = 2.5,
    seed: int = 0,
) -> RenderedSeries:
    """An MR series: signal per tissue from relaxation times, texture, a susceptibility void around metal with a
    bright pile-up rim, slab averaging and Rician noise (noise is a fraction of the brightest tissue's signal)."""
    lut = np.zeros(256, np.float32)
    tex = np.zeros(256, np.float32)
    for label, tissue in ph.tissues.items():
        lut[label], tex[label] = tissue_signal(tissue, sequence), tissue.texture
    labels = ph.labels
    field_ = noise_field(labels.shape, 1.0 / ph.voxel_mm, ph.spec.seed + seed + 3)
    signal = lut[labels] * (1 + tex[labels] * field_)
    metal = labels == T.METAL
    if metal.any():
        # Titanium on fast spin echo: a void a few mm larger than the implant, signal piled up on one side
        # along the frequency-encoding direction (here anterior-posterior).
        steps = max(1, int(round(void_mm / ph.voxel_mm)))
        void = ndimage.binary_dilation(metal, iterations=steps)
        shifted = np.roll(void, max(1, steps // 2 + 1), axis=1)
        rim = shifted & ~void
        reference = float(np.percentile(lut[labels[labels > 0]], 90))
        signal[rim] = np.maximum(signal[rim], 1.8 * reference)
        signal[void] = 0.0
    signal = ndimage.gaussian_filter(signal, 0.5)
    centres = positions or default_positions(ph, plane, count)
    values = _slabs(signal, ph, plane, centres, thickness_mm, matrix)
    label_slices = _slabs(labels, ph, plane, centres, thickness_mm, matrix, order=0)
    rng = np.random.default_rng(seed + 5)
    sigma = noise * float(max(lut.max(), 1e-6))
    values = np.hypot(
        values + sigma * rng.standard_normal(values.shape), sigma * rng.standard_normal(values.shape)
    )
    scale = 3000.0 / float(np.percentile(values, 99.8) or 1.0)
    values = (values * scale).astype(np.float32)
    pixel, firsts, orientation = _geometry(ph, plane, centres, values.shape[1:])
    width = float(np.percentile(values, 99.5))
    names = {"T1": "T1", "T2": "T2", "STIR": "STIR", "T1FS_GD": "T1 fat-sat + Gd"}
    return RenderedSeries(
        "MR",
        plane,
        values,
        label_slices,
        pixel,
        thickness_mm,
        firsts,
        orientation,
        f"Synthetic MR {names[sequence]} {plane}",
        (width, width / 2),
        {"sequence": sequence, "signal_scale": scale},
    )


# Display ------------------------------------------------------------------------------------------------------------


def windowed(values: np.ndarray, window: tuple[float, float]) -> np.ndarray:
    """0..255 uint8 of values with a (width, level) window."""
    width, level = window
    low = level - width / 2
    return np.rint(np.clip((values - low) / width, 0, 1) * 255).astype(np.uint8)
