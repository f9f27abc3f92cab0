"""Strip metadata (EXIF, GPS, XMP, text chunks, comments) from uploaded images by re-encoding the pixels."""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass

from PIL import Image, ImageOps

ALLOWED_FORMATS = {"PNG", "JPEG", "WEBP", "AVIF"}
GPS_IFD = 0x8825


class ImageRejected(ValueError):
    """An upload we will not store; the message is meant for the person who uploaded it."""


@dataclass(frozen=True)
class CleanImage:
    data: bytes
    format: str
    width: int
    height: int
    removed: tuple[str, ...]


def _found_metadata(image: Image.Image) -> list[str]:
    found = []
    exif = image.getexif()
    if exif:
        found.append("EXIF")
        if exif.get_ifd(GPS_IFD) or GPS_IFD in exif:
            found.append("GPS")
    info = image.info
    if "xmp" in info or "XML:com.adobe.xmp" in info:
        found.append("XMP")
    if any(key in info for key in ("comment", "Comment", "photoshop", "iptc")):
        found.append("comments")
    if getattr(image, "text", None):
        found.append("text chunks")
    return found


def strip_metadata(data: bytes, *, max_pixels: int) -> CleanImage:
    """Re-encode a PNG/JPEG/WebP/AVIF image without metadata, upright (EXIF orientation applied).

    max_pixels is the decompression-bomb ceiling (width x height), checked from the header before any
    pixel is decoded. The ICC colour profile is kept (it is not identifying). Animated images are refused.
    """
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
            fmt = image.format
            if fmt not in ALLOWED_FORMATS:
                raise ImageRejected(f"Only PNG, JPEG, WebP and AVIF images are accepted (this is {fmt}).")
            if image.width * image.height > max_pixels:
                raise ImageRejected(
                    f"The image has too many pixels ({image.width} x {image.height}; at most {max_pixels:,})."
                )
            if getattr(image, "n_frames", 1) > 1:
                raise ImageRejected("Animated images are not accepted: upload a still image.")
            removed = _found_metadata(image)
            image.load()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ImageRejected("The image has too many pixels to be opened safely.") from None
    except (OSError, SyntaxError, ValueError) as error:
        if isinstance(error, ImageRejected):
            raise
        raise ImageRejected("The file is not a readable image.") from None

    upright = ImageOps.exif_transpose(image)
    rotated = upright is not image
    if rotated:
        removed.append("orientation (applied to the pixels)")
    icc = image.info.get("icc_profile")
    options: dict = {"icc_profile": icc} if icc else {}
    if fmt == "JPEG":
        options["quality"] = 95
    elif fmt == "PNG" and "transparency" in image.info:
        options["transparency"] = image.info["transparency"]
    elif fmt == "WEBP":
        options.update(quality=92, method=4)
    elif fmt == "AVIF":
        options["quality"] = 85
    # A fresh image object carries no info dict, so nothing but the pixels (and ICC) can reach the file.
    pixels = Image.frombytes(upright.mode, upright.size, upright.tobytes())
    if upright.mode == "P":
        pixels.putpalette(upright.getpalette())
    if pixels.mode in ("RGBA", "LA", "P") and fmt == "JPEG":
        pixels = pixels.convert("RGB")
    buffer = io.BytesIO()
    pixels.save(buffer, format=fmt, **options)
    return CleanImage(buffer.getvalue(), fmt, pixels.width, pixels.height, tuple(removed))
