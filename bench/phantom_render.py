"""Time the phantom: build, operate, render a 256 x 256 x 60 axial CT series with hardware, write it as DICOM.

Usage: .venv/bin/python bench/phantom_render.py [/tmp/phantom_ct]   (target for the CT series: under 30 s)
       .venv/bin/python bench/phantom_render.py --docs docs/images   (the PNGs in docs/imaging.md)
"""

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from imaging.phantom import (  # noqa: E402
    PhantomSpec,
    build_phantom,
    interbody_cage,
    laminectomy,
    pedicle_screws,
    render_ct,
    render_mr,
    screw_halo,
    write_series,
)


def docs_images(folder: Path) -> None:
    """One 256 px PNG per modality from the phantom, and the schematic drawing each will replace beside it."""
    import numpy as np
    from PIL import Image

    from imaging.phantom import (
        CT_WINDOWS,
        discitis,
        epidural_haematoma,
        pseudomeningocele,
        windowed,
    )
    from imaging.phantom.series import orientation_letters
    from imaging.schematic import render_figure

    folder.mkdir(parents=True, exist_ok=True)

    def save(name, series, window, *, markers=False):
        """The 256 px around the spine of a 512 px render: a viewer zoomed on the spine, as residents read."""
        image, (prow, pcol), first = series.values[0], series.pixel_mm, series.positions[0]
        y_spine, z_spine = fused.spine.to_patient(20.0, fused.spine.levels["L4"].s - 10.0)
        if series.plane == "axial":
            row, col = (float(y_spine) - first[1]) / prow, (0.0 - first[0]) / pcol
        else:
            row, col = (first[2] - float(z_spine)) / prow, (float(y_spine) - first[1]) / pcol
        top = int(np.clip(row - 128, 0, image.shape[0] - 256))
        left = int(np.clip(col - 128, 0, image.shape[1] - 256))
        pixels = windowed(image[top : top + 256, left : left + 256], window)
        if markers:
            pixels[orientation_letters(*pixels.shape)] = 255
        Image.fromarray(pixels).save(folder / f"{name}.png", optimize=True)

    def drawing(name, spec):
        image, _ = render_figure(spec, size=(256, 256))
        image.save(folder / f"{name}.png", optimize=True)

    spec = PhantomSpec(fov_mm=(170.0, 220.0, 220.0), voxel_mm=1.0)
    fused = build_phantom(spec)
    laminectomy(fused, "L4")
    pedicle_screws(fused, ["L4", "L5"])
    interbody_cage(fused, "L4-L5")
    loose = next(s for s in fused.screws if s.level == "L5" and s.side == "left")
    screw_halo(fused, loose, width_mm=3.0)
    z = fused.point(*loose.tip, loose.s)[2]
    ct = render_ct(fused, plane="axial", positions=[z], thickness_mm=1.0, matrix=512, artefact_px=256)
    save("phantom_ct_axial_screw_halo_bone", ct, (1500.0, 300.0), markers=True)
    save("phantom_ct_axial_screw_halo_soft", ct, CT_WINDOWS["soft-tissue"], markers=True)
    sag = render_ct(fused, plane="sagittal", positions=[0.0], matrix=512)
    save("phantom_ct_sagittal_fusion_bone", sag, CT_WINDOWS["bone"])
    drawing(
        "drawing_ct_axial_screw_halo",
        {
            "view": "axial",
            "style": "ct",
            "surgery": "fusion",
            "side": "left",
            "findings": [{"kind": "screw_halo"}],
        },
    )

    bleed = build_phantom(spec)
    laminectomy(bleed, "L4")
    epidural_haematoma(bleed, "L4", age_days=2)
    for sequence in ("T1", "T2"):
        mr = render_mr(bleed, sequence, plane="sagittal", positions=[0.0], matrix=512)
        save(f"phantom_mr_{sequence.lower()}_sagittal_haematoma", mr, mr.window)
    ct = render_ct(bleed, plane="sagittal", positions=[0.0], matrix=512)
    save("phantom_ct_sagittal_haematoma_soft", ct, CT_WINDOWS["spine"])
    drawing(
        "drawing_mr_t2_sagittal_haematoma",
        {
            "view": "sagittal",
            "style": "mri_t2",
            "surgery": "laminectomy",
            "findings": [{"kind": "epidural_haematoma"}],
        },
    )

    infected = build_phantom(spec)
    discitis(infected, "L4-L5")
    for sequence in ("STIR", "T1FS_GD", "T1"):
        mr = render_mr(infected, sequence, plane="sagittal", positions=[0.0], matrix=512)
        save(f"phantom_mr_{sequence.lower()}_sagittal_discitis", mr, mr.window)
    drawing(
        "drawing_stir_sagittal_discitis",
        {
            "view": "sagittal",
            "style": "stir",
            "surgery": "discectomy",
            "findings": [{"kind": "spondylodiscitis"}],
        },
    )

    leak = build_phantom(spec)
    laminectomy(leak, "L4")
    pseudomeningocele(leak, "L4")
    z = leak.level_z("L4")
    mr = render_mr(leak, "T2", plane="axial", positions=[z], matrix=512)
    save("phantom_mr_t2_axial_pseudomeningocele", mr, mr.window, markers=True)
    myelo = render_ct(leak, plane="axial", positions=[z], matrix=512, intrathecal_contrast=True)
    save("phantom_ct_myelo_axial_pseudomeningocele", myelo, CT_WINDOWS["spine"], markers=True)
    drawing(
        "drawing_mr_t2_axial_pseudomeningocele",
        {
            "view": "axial",
            "style": "mri_t2",
            "surgery": "laminectomy",
            "findings": [{"kind": "pseudomeningocele"}],
        },
    )


def main() -> None:
    if sys.argv[1:2] == ["--docs"]:
        docs_images(Path(sys.argv[2] if len(sys.argv) > 2 else "docs/images"))
        return
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.mkdtemp(prefix="phantom_ct_"))
    timings = {}
    start = time.perf_counter()
    phantom = build_phantom(PhantomSpec(fov_mm=(180.0, 240.0, 240.0), voxel_mm=1.0))
    timings["build phantom 180 x 240 x 240 at 1 mm"] = time.perf_counter() - start
    mark = time.perf_counter()
    laminectomy(phantom, "L4")
    pedicle_screws(phantom, ["L4", "L5"])
    interbody_cage(phantom, "L4-L5")
    screw_halo(phantom, phantom.screws[-1])
    timings["laminectomy, 4 screws, rods, cage, halo"] = time.perf_counter() - mark
    mark = time.perf_counter()
    series = render_ct(phantom, plane="axial", count=60, thickness_mm=3.0, matrix=256)
    timings["render CT 256 x 256 x 60 with metal artefact"] = time.perf_counter() - mark
    mark = time.perf_counter()
    write_series(series, folder, seed="bench")
    timings["write 60 DICOM files"] = time.perf_counter() - mark
    timings["TOTAL CT series (build + operate + render + write)"] = time.perf_counter() - start
    mark = time.perf_counter()
    render_mr(phantom, "T2", plane="sagittal", count=15, matrix=256)
    timings["render MR T2 sagittal 256 x 15"] = time.perf_counter() - mark
    for name, seconds in timings.items():
        print(f"{name:<55} {seconds:6.1f} s")
    print(f"series written to {folder} ({series.values.shape[0]} slices of {series.values.shape[1:]})")


if __name__ == "__main__":
    main()
