"""A numerical phantom of the postoperative lumbar spine rendered as CT and MR (pure: numpy, scipy, scikit-image).

build_phantom labels a volume; procedures and lesions edit it; render_ct/render_mr make series; write_series
turns a series into synthetic DICOM. See docs/imaging.md.
"""

from .anatomy import Phantom, PhantomSpec, build_phantom
from .lesions import discitis, epidural_haematoma, pseudomeningocele, screw_halo
from .procedures import interbody_cage, laminectomy, pedicle_screws
from .render import CT_WINDOWS, MR_SEQUENCES, RenderedSeries, render_ct, render_mr, windowed
from .series import write_series
from .tissues import T

__all__ = [
    "CT_WINDOWS",
    "MR_SEQUENCES",
    "Phantom",
    "PhantomSpec",
    "RenderedSeries",
    "T",
    "build_phantom",
    "discitis",
    "epidural_haematoma",
    "interbody_cage",
    "laminectomy",
    "pedicle_screws",
    "pseudomeningocele",
    "render_ct",
    "render_mr",
    "screw_halo",
    "windowed",
    "write_series",
]
