"""Time schematic rendering and write a contact sheet.

Usage: .venv/bin/python bench/render_schematics.py [/tmp/schematic_sheet.png]
"""

import statistics
import sys
import time
from pathlib import Path

from PIL import Image, ImageDraw

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from imaging.schematic import render_figure  # noqa: E402

SPECS = [
    {
        "view": "sagittal",
        "style": "mri_t2",
        "surgery": "laminectomy",
        "findings": [{"kind": "epidural_haematoma"}],
    },
    {
        "view": "sagittal",
        "style": "mri_t2",
        "surgery": "tlif",
        "findings": [{"kind": "adjacent_segment_disease"}],
    },
    {"view": "sagittal", "style": "xr", "surgery": "fusion", "findings": [{"kind": "rod_fracture"}]},
    {"view": "sagittal", "style": "ct", "surgery": "tlif", "findings": [{"kind": "cage_retropulsion"}]},
    {
        "view": "sagittal",
        "style": "stir",
        "surgery": "discectomy",
        "findings": [{"kind": "spondylodiscitis"}],
    },
    {
        "view": "sagittal",
        "style": "mri_t1_gd",
        "surgery": "laminectomy",
        "findings": [{"kind": "epidural_abscess"}],
    },
    {"view": "axial", "style": "ct", "surgery": "fusion", "findings": [{"kind": "screw_breach_medial"}]},
    {
        "view": "axial",
        "style": "mri_t1_gd",
        "surgery": "discectomy",
        "findings": [{"kind": "recurrent_herniation"}],
    },
    {
        "view": "axial",
        "style": "mri_t2",
        "surgery": "laminectomy",
        "findings": [{"kind": "arachnoiditis_empty_sac"}],
    },
    {"view": "axial", "style": "mri_t2", "findings": [{"kind": "cord_ischaemia"}]},
    {
        "view": "coronal",
        "style": "stir",
        "surgery": "fusion",
        "level": "L5-S1",
        "findings": [{"kind": "sacral_insufficiency_fracture", "bilateral": True}],
    },  # fmt: skip
    {"view": "sagittal", "style": "spect", "surgery": "fusion", "findings": [{"kind": "hot_spot"}]},
    {"view": "axial", "style": "us", "findings": [{"kind": "dvt"}]},
    {"view": "sagittal", "style": "us", "findings": [{"kind": "seroma"}]},
    {"view": "coronal", "style": "pet", "findings": [{"kind": "sij_overload", "bilateral": True}]},
    {"view": "sagittal", "style": "mri_t1", "surgery": "fusion", "findings": [{"kind": "spondylolisthesis"}]},
]


def main(out: str = "/tmp/schematic_sheet.png", tile: int = 400) -> None:
    tiles, times = [], []
    for spec in SPECS:
        t0 = time.perf_counter()
        img, ann = render_figure(spec, (800, 800))
        times.append(time.perf_counter() - t0)
        d = ImageDraw.Draw(img)
        for a in ann:  # overlay annotations in green for checking
            if a["kind"] == "ellipse":
                (cx, cy), (rx, ry) = a["center"], a["radius"]
                d.ellipse(
                    [(cx - rx) * 800, (cy - ry) * 800, (cx + rx) * 800, (cy + ry) * 800],
                    outline=(0, 255, 0),
                    width=3,
                )
        tiles.append(img.resize((tile, tile), Image.Resampling.LANCZOS))
    wide, _ = render_figure(SPECS[0], (800, 600))
    cols = 4
    rows = (len(tiles) + cols - 1) // cols
    sheet = Image.new("RGB", (cols * tile, rows * tile + 300), (30, 30, 30))
    for i, t in enumerate(tiles):
        sheet.paste(t, ((i % cols) * tile, (i // cols) * tile))
    sheet.paste(wide.resize((400, 300)), (0, rows * tile))
    sheet.save(out)
    print(
        f"{len(times)} renders at 800x800: median {1000 * statistics.median(times):.0f} ms, max {1000 * max(times):.0f} ms"
    )
    print(f"sheet: {out}")


if __name__ == "__main__":
    main(*sys.argv[1:2])
