"""The lumbar spine phantom: geometric truths, tissue values per modality, radiological convention, DICOM."""

import io

import numpy as np
import pytest
from pydicom import dcmread
from scipy import ndimage

from imaging.dicom import dataset_bytes
from imaging.phantom import (
    PhantomSpec,
    T,
    build_phantom,
    discitis,
    epidural_haematoma,
    interbody_cage,
    laminectomy,
    pedicle_screws,
    pseudomeningocele,
    render_ct,
    render_mr,
    screw_halo,
    write_series,
)
from imaging.phantom.anatomy import canal_mask, posterior_arch_mask, sac_geometry, sac_mask
from imaging.phantom.lesions import lesion_mask
from imaging.phantom.procedures import plan_screw, screw_distance
from imaging.phantom.render import tissue_signal
from imaging.phantom.tissues import BONE, DEFAULT_TISSUES, haematoma_by_age

SMALL = PhantomSpec(voxel_mm=2.0, fov_mm=(160.0, 200.0, 160.0))


@pytest.fixture(scope="module")
def normal():
    return build_phantom(SMALL)


@pytest.fixture(scope="module")
def operated():
    """Laminectomy L4, screws L4-L5 with rods, a cage at L4-L5, a halo round the left L5 screw, a haematoma."""
    ph = build_phantom(SMALL)
    laminectomy(ph, "L4")
    pedicle_screws(ph, ["L4", "L5"])
    interbody_cage(ph, "L4-L5")
    screw_halo(ph, next(s for s in ph.screws if s.level == "L5" and s.side == "left"))
    epidural_haematoma(ph, "L4", age_days=2)
    return ph


def _labels_at(ph, points):
    out = []
    for u, n, s in points:
        k, j, i = ph.index_of(*ph.point(u, n, s))
        out.append(int(ph.labels[k, j, i]))
    return out


def _frame_of_voxels(ph, mask):
    u, n, s = ph.frame()
    return (np.broadcast_to(a, ph.labels.shape)[mask] for a in (u, n, s))


# Geometry -------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("level", ["L4", "L5", "S1"])
@pytest.mark.parametrize("side", ["left", "right"])
def test_screw_trajectory_runs_through_bone_from_pedicle_to_anterior_body_and_never_the_canal(
    normal, level, side
):
    screw = plan_screw(normal, level, side)
    points = screw.points(30)[6:]  # past the entry on the back of the articular process
    labels = _labels_at(normal, points)
    assert sum(label in BONE for label in labels) >= 0.9 * len(labels)
    canal = canal_mask(normal)
    assert not any(canal[normal.index_of(*normal.point(*p))] for p in screw.points(30))
    assert screw.tip[1] < 0  # the tip is in the front half of the body
    assert abs(screw.tip[0]) < abs(screw.entry[0])  # converging medially


def test_screws_converge_more_at_lower_levels(normal):
    def angle(level):
        screw = plan_screw(normal, level, "left")
        return np.degrees(np.arctan2(abs(screw.entry[0] - screw.tip[0]), abs(screw.entry[1] - screw.tip[1])))

    assert angle("L3") < angle("L5") < angle("S1")


def test_rods_join_the_screw_heads_lateral_to_the_midline(operated):
    metal = operated.labels == T.METAL
    u, n, s = _frame_of_voxels(operated, metal)
    l4, l5 = operated.spine.levels["L4"], operated.spine.levels["L5"]
    between = (s > l5.pedicle_s + 4) & (s < l4.pedicle_s - 4) & (n > 10)
    assert (u[between] > 10).any() and (u[between] < -10).any()  # a rod each side
    assert not (np.abs(u[between]) < 5).any()  # nothing in the midline over the spinous processes


def test_the_thecal_sac_lies_inside_the_bony_canal(normal):
    sac, canal = sac_mask(normal), canal_mask(normal)
    assert sac.sum() > 0
    assert (sac & ~canal).sum() == 0
    csf = normal.labels == T.CSF
    assert csf.sum() > 0 and (csf & ~canal).sum() == 0


def test_laminectomy_removes_the_posterior_arch_of_its_level_only(normal, operated):
    l4_arch, l3_arch = posterior_arch_mask(normal, "L4"), posterior_arch_mask(normal, "L3")
    bone_before, bone_after = np.isin(normal.labels, BONE), np.isin(operated.labels, BONE)
    assert (l4_arch & bone_before).sum() > 50
    assert (l4_arch & bone_after).sum() == 0
    assert (l3_arch & bone_after).sum() == (l3_arch & bone_before).sum()


def test_cage_sits_in_the_disc_space(operated):
    u, n, s = _frame_of_voxels(operated, operated.labels == T.PEEK)
    low, high = operated.spine.disc_s("L4-L5")
    assert len(s) > 0 and s.min() > low and s.max() < high


def test_haematoma_lies_behind_the_sac_at_its_level(operated):
    u, n, s = _frame_of_voxels(operated, lesion_mask(operated, "epidural_haematoma"))
    l4 = operated.spine.levels["L4"]
    sac_n, _, _ = sac_geometry(operated.spine, l4.s)
    assert len(n) > 20
    assert (n > sac_n).all()  # dorsal
    assert np.abs(s - l4.s).max() <= 21  # within half its 40 mm length
    assert np.abs(np.median(u)) < 2  # midline


def test_screw_halo_is_a_rim_around_the_shaft(operated):
    screw = next(s for s in operated.screws if s.level == "L5" and s.side == "left")
    distance = screw_distance(operated, screw)[lesion_mask(operated, "screw_halo_L5_left")]
    assert len(distance) > 0
    assert distance.min() >= screw.radius - 0.01 and distance.max() <= screw.radius + 1.5 + 1e-3


def test_discitis_fills_the_disc_erodes_end_plates_and_oedema_stays_in_the_adjacent_bodies():
    ph = build_phantom(SMALL)
    plates_before = (ph.labels == T.ENDPLATE).sum()
    discitis(ph, "L4-L5")
    low, high = ph.spine.disc_s("L4-L5")
    _, _, s = _frame_of_voxels(ph, ph.labels == T.MARROW_OEDEMA)
    assert len(s) > 50 and (s > low - 13).all() and (s < high + 13).all()
    _, _, s = _frame_of_voxels(ph, ph.labels == T.DISC_FLUID)
    assert (s > low - 6.5).all() and (s < high + 6.5).all()
    assert (ph.labels == T.ENDPLATE).sum() < plates_before
    _, _, s = _frame_of_voxels(ph, ph.labels == T.NUCLEUS)
    assert not ((s > low) & (s < high)).any()  # no healthy nucleus left in the infected disc


def test_pseudomeningocele_reaches_back_through_the_laminectomy():
    ph = build_phantom(SMALL)
    laminectomy(ph, "L4")
    pseudomeningocele(ph, "L4")
    u, n, s = _frame_of_voxels(ph, lesion_mask(ph, "pseudomeningocele"))
    l4 = ph.spine.levels["L4"]
    assert len(n) > 50
    assert n.max() > l4.canal_centre + l4.canal_depth / 2 + 15  # well behind the canal
    assert np.abs(s - l4.s).max() <= 18.5


# Tissue values ----------------------------------------------------------------------------------------------------


def test_ct_values_are_in_their_ranges(operated):
    ct = render_ct(operated, plane="axial", count=12, matrix=96, noise_hu=12)
    values, labels = ct.values, ct.labels

    def median(label):
        core = ndimage.binary_erosion(labels == label, np.ones((1, 3, 3)))
        return float(np.median(values[core if core.any() else labels == label]))

    assert median(T.METAL) > 2000
    assert median(T.CORTICAL) > 700 or np.median(values[labels == T.ENDPLATE]) > 700
    assert -130 < median(T.FAT) < -60
    assert 0 <= median(T.CSF) <= 25


def test_hu_table_matches_the_physics_brief():
    assert DEFAULT_TISSUES[T.CORTICAL].hu > 700
    assert DEFAULT_TISSUES[T.METAL].hu > 3000
    assert 50 <= haematoma_by_age(2).hu <= 80
    assert DEFAULT_TISSUES[T.ANNULUS].hu > DEFAULT_TISSUES[T.NUCLEUS].hu
    assert DEFAULT_TISSUES[T.HALO].hu < DEFAULT_TISSUES[T.MUSCLE].hu


def test_acute_haematoma_renders_50_to_80_hu_on_ct(operated):
    l4 = operated.point(0, 0, operated.spine.levels["L4"].s)
    ct = render_ct(operated, plane="axial", positions=[l4[2]], matrix=100, noise_hu=10, metal_artefact=False)
    core = ndimage.binary_erosion(ct.labels[0] == T.HAEMATOMA)
    assert core.sum() > 0
    assert 50 <= float(np.median(ct.values[0][core])) <= 80


def signal(label, sequence, tissues=DEFAULT_TISSUES):
    return tissue_signal(tissues[label], sequence)


def test_csf_is_bright_on_t2_and_dark_on_t1():
    assert signal(T.CSF, "T2") > 1.5 * max(signal(T.MUSCLE, "T2"), signal(T.CANCELLOUS, "T2"))
    assert signal(T.CSF, "T1") < 0.5 * signal(T.CANCELLOUS, "T1")
    assert signal(T.CSF, "T1") < signal(T.MUSCLE, "T1")


def test_fat_is_dark_on_stir_and_on_fat_suppressed_t1_with_gadolinium():
    for sequence in ("STIR", "T1FS_GD"):
        assert signal(T.FAT, sequence) < 0.5 * signal(T.MUSCLE, sequence)
    assert signal(T.FAT, "T1") > signal(T.MUSCLE, "T1")


def test_marrow_oedema_is_dark_on_t1_bright_on_stir_and_scar_enhances():
    assert signal(T.MARROW_OEDEMA, "T1") < signal(T.CANCELLOUS, "T1")
    assert signal(T.MARROW_OEDEMA, "STIR") > 2 * signal(T.CANCELLOUS, "STIR")
    assert signal(T.SCAR, "T1FS_GD") > 1.5 * signal(T.NUCLEUS, "T1FS_GD")
    assert signal(T.DISC_FLUID, "T1FS_GD") > signal(T.NUCLEUS, "T1FS_GD")


def test_rendered_t2_shows_csf_brighter_than_muscle_and_a_void_at_the_screws(operated):
    mr = render_mr(operated, "T2", plane="axial", count=10, matrix=80)
    csf = np.median(mr.values[mr.labels == T.CSF])
    assert csf > 2 * np.median(mr.values[mr.labels == T.MUSCLE])
    assert np.median(mr.values[mr.labels == T.METAL]) < 0.2 * csf


# Radiological convention and DICOM ----------------------------------------------------------------------------


def test_a_left_sided_lesion_is_on_the_viewers_right_on_axial_images(operated):
    screw = next(s for s in operated.screws if s.level == "L5" and s.side == "left")
    _, _, z = operated.point(*screw.tip, screw.s)
    ct = render_ct(operated, plane="axial", positions=[z], matrix=80, metal_artefact=False)
    columns = np.nonzero(ct.labels[0] == T.HALO)[1]
    assert len(columns) > 0 and columns.mean() > ct.labels.shape[2] / 2


def test_sagittal_images_have_the_head_at_the_top(normal):
    mr = render_mr(normal, "T1", plane="sagittal", positions=[0.0], matrix=80)
    rows = {name: np.nonzero(mr.labels[0] == T.NUCLEUS)[0] for name in ("all",)}["all"]
    top_half_discs = rows[rows < mr.labels.shape[1] / 2]
    assert len(top_half_discs) > 0  # L2-L3 and L3-L4 are in the upper half
    ct = render_ct(normal, plane="sagittal", positions=[0.0], matrix=80, metal_artefact=False)
    assert ct.positions[0][2] > normal.level_z("L3")  # the first row is cranial


def test_write_series_makes_synthetic_anonymous_dicom_that_reads_back_in_hu(operated, tmp_path):
    ct = render_ct(operated, plane="axial", count=3, matrix=64, metal_artefact=False)
    datasets = write_series(ct, tmp_path, seed="test")
    assert len(list(tmp_path.glob("*.dcm"))) == 3
    ds = dcmread(io.BytesIO(dataset_bytes(datasets[1])))
    assert ds.Manufacturer == "Synthetic" and ds.PatientName == "ANONYMOUS" and ds.PatientID == "ANON"
    assert ds.Modality == "CT" and ds.BurnedInAnnotation == "NO"
    assert "InstitutionName" not in ds and "PatientBirthDate" not in ds or ds.PatientBirthDate == ""
    hu = ds.pixel_array.astype(float) * float(ds.RescaleSlope) + float(ds.RescaleIntercept)
    body = ct.labels[1] != T.AIR
    assert abs(np.median(hu[body]) - np.median(ct.values[1][body])) < 2
    zs = [float(d.ImagePositionPatient[2]) for d in datasets]
    assert zs == sorted(zs)


def test_write_series_writes_mr_with_its_sequence(normal):
    mr = render_mr(normal, "STIR", plane="sagittal", count=2, matrix=48)
    ds = write_series(mr, seed="mr")[0]
    assert ds.Modality == "MR" and ds.ScanningSequence == "IR"
    assert list(ds.ImageOrientationPatient) == [0, 1, 0, 0, 0, -1]
