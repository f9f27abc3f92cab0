"""Reading a bundle before import (no database): zip members, the manifest and every image checked first."""

from __future__ import annotations

import hashlib
import stat
import warnings
import zipfile
from io import BytesIO

from django.conf import settings
from PIL import Image as PILImage
from PIL import UnidentifiedImageError

from .schema import IMAGE_DIR, IMAGE_EXTENSIONS, MANIFEST_NAME
from .validation import BundleError, ManifestError, ZipEntry, ZipLimits, parse_manifest, zip_problems

MAX_BUNDLE_BYTES = 256 * 1024 * 1024


def zip_limits() -> ZipLimits:
    return ZipLimits(max_image_bytes=settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE)


def read_bundle(*, data: bytes) -> tuple[dict, dict[str, bytes]]:
    """The validated manifest and the verified image bytes by sha256; raises BundleError otherwise."""
    if len(data) > MAX_BUNDLE_BYTES:
        raise BundleError(f"The bundle is {len(data)} bytes; at most {MAX_BUNDLE_BYTES} are accepted.")
    try:
        with zipfile.ZipFile(BytesIO(data)) as archive:
            return _read_archive(archive, zip_limits())
    except ManifestError as error:
        raise BundleError(error.problems) from error
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, EOFError) as error:
        raise BundleError(f"This is not a readable zip file ({error}).") from error


def _read_archive(archive: zipfile.ZipFile, limits: ZipLimits) -> tuple[dict, dict[str, bytes]]:
    infos = archive.infolist()
    problems = zip_problems([_entry(info) for info in infos], limits=limits)
    if problems:
        raise BundleError(problems)
    by_name = {info.filename: info for info in infos}
    manifest = parse_manifest(_read_member(archive, by_name[MANIFEST_NAME]))
    declared = {image["file"] for image in manifest["images"]}
    problems = [
        f"{name!r} is not listed in the manifest." for name in sorted(by_name) if _is_extra(name, declared)
    ]
    images: dict[str, bytes] = {}
    for record in manifest["images"]:
        info = by_name.get(record["file"])
        if info is None:
            problems.append(f"{record['file']} is listed in the manifest but missing from the bundle.")
            continue
        data = _read_member(archive, info)
        problems.extend(image_problems(record, data))
        images[record["sha256"]] = data
    if problems:
        raise BundleError(problems)
    return manifest, images


def _is_extra(name: str, declared: set[str]) -> bool:
    return name not in declared and name not in (MANIFEST_NAME, IMAGE_DIR)


def _entry(info: zipfile.ZipInfo) -> ZipEntry:
    return ZipEntry(
        name=info.filename,
        file_size=info.file_size,
        compress_size=info.compress_size,
        is_dir=info.is_dir(),
        is_symlink=stat.S_ISLNK(info.external_attr >> 16),
        is_encrypted=bool(info.flag_bits & 0x1),
    )


def _read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    # Never trust the declared size: read one byte past it and refuse if it is there.
    with archive.open(info) as handle:
        data = handle.read(info.file_size + 1)
    if len(data) != info.file_size:
        raise BundleError(f"{info.filename!r} is not the size its zip entry declares.")
    return data


def image_problems(record: dict, data: bytes) -> list[str]:
    """Why an image file does not match its manifest entry, or is not a safe image to decode."""
    name = record["file"]
    if len(data) != record["size"]:
        return [f"{name}: {len(data)} bytes, but the manifest says {record['size']}."]
    if hashlib.sha256(data).hexdigest() != record["sha256"]:
        return [f"{name}: its SHA-256 does not match the manifest (damaged or altered)."]
    try:
        fmt, (width, height) = _safe_image_header(data)
    except (PILImage.DecompressionBombError, PILImage.DecompressionBombWarning):
        return [f"{name}: too many pixels (a decompression bomb?)."]
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as error:
        return [f"{name}: not a readable image ({error})."]
    problems = []
    if width * height > settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS:
        problems.append(f"{name}: {width} × {height} pixels is too many (a decompression bomb?).")
    if (width, height) != (record["width"], record["height"]):
        problems.append(
            f"{name}: {width} × {height} pixels, but the manifest says {record['width']} × {record['height']}."
        )
    if not name.endswith(f".{IMAGE_EXTENSIONS.get(fmt, '?')}"):
        problems.append(f"{name}: the file is a {fmt}, which does not match its extension.")
    return problems


def _safe_image_header(data: bytes) -> tuple[str, tuple[int, int]]:
    with warnings.catch_warnings():
        warnings.simplefilter("error", PILImage.DecompressionBombWarning)
        with PILImage.open(BytesIO(data)) as pil:
            fmt, size = pil.format, pil.size
            if size[0] * size[1] <= settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS:
                pil.verify()
    return fmt, size
