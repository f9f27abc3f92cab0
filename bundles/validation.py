"""Validation of a bundle before anything is kept: the manifest against bundles/schema.py, and zip members. Pure."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from .schema import (
    ANY_LIST,
    FORMAT_NAME,
    IMAGE_DIR,
    MANIFEST,
    MANIFEST_NAME,
    NUMBER,
    READABLE_VERSIONS,
    REFERENCES,
    SCHEMA_VERSION,
    SLUG_SECTIONS,
    Default,
    Optional,
)

SHA256_RE = re.compile(r"^[0-9a-f]{64}$")
SLUG_RE = re.compile(r"^[-a-zA-Z0-9_]{1,80}$")
IMAGE_MEMBER_RE = re.compile(r"^images/([0-9a-f]{64})\.(png|jpg|webp|avif)$")
DRIVE_RE = re.compile(r"^[a-zA-Z]:")


class ManifestError(ValueError):
    """A bundle that cannot be read; `problems` lists every reason, each naming where it is."""

    def __init__(self, problems: list[str] | str):
        self.problems = [problems] if isinstance(problems, str) else list(problems)
        super().__init__("; ".join(self.problems))


class BundleError(ManifestError):
    """A bundle refused at import; nothing of it was kept."""


# Validation ---------------------------------------------------------------------------------------


def parse_manifest(raw: bytes) -> dict:
    """Decode and validate manifest.json; raises ManifestError naming every problem found."""
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as error:
        raise ManifestError(f"manifest.json is not UTF-8 text ({error.reason}).") from error
    except json.JSONDecodeError as error:
        raise ManifestError(
            f"manifest.json is not valid JSON: {error.msg} at line {error.lineno}, column {error.colno}."
        ) from error
    return validate_manifest(data)


def validate_manifest(data: Any) -> dict:
    """Check the format, the version, every key's type, slugs, image entries and references between sections."""
    if not isinstance(data, dict):
        raise ManifestError("manifest.json must hold a JSON object.")
    if data.get("format") != FORMAT_NAME:
        raise ManifestError(f"This is not a case bundle: “format” must be “{FORMAT_NAME}”.")
    if "version" not in data:
        raise ManifestError("manifest.json has no “version”.")
    if data["version"] not in READABLE_VERSIONS:
        raise ManifestError(
            f"Unknown bundle schema version {data['version']!r}: this site reads versions "
            f"{', '.join(repr(v) for v in READABLE_VERSIONS)}."
        )
    problems: list[str] = []
    _check(data, MANIFEST, "manifest", problems)
    if not problems:
        _check_slugs(data, problems)
        _check_images(data["images"], problems)
        _check_references(data, problems)
    if problems:
        raise ManifestError(problems)
    return data


def _check(value: Any, spec: Any, where: str, problems: list[str]) -> None:
    if isinstance(spec, Default):
        _check(value, spec.inner, where, problems)
    elif isinstance(spec, Optional):
        if value is not None:
            _check(value, spec.inner, where, problems)
    elif isinstance(spec, dict):
        _check_object(value, spec, where, problems)
    elif isinstance(spec, list):
        if not isinstance(value, list):
            problems.append(f"{where}: must be a list, not {_json_type(value)}.")
            return
        for i, item in enumerate(value):
            _check(item, spec[0], f"{where}[{i}]", problems)
    elif not _has_type(value, spec):
        problems.append(f"{where}: must be {_type_name(spec)}, not {_json_type(value)}.")


def _check_object(value: Any, spec: dict, where: str, problems: list[str]) -> None:
    if not isinstance(value, dict):
        problems.append(f"{where}: must be an object, not {_json_type(value)}.")
        return
    for key, sub in spec.items():
        if key not in value and isinstance(sub, Default):
            value[key] = list(sub.value) if isinstance(sub.value, list) else sub.value
        elif key not in value:
            problems.append(f"{where}.{key}: missing.")
        else:
            _check(value[key], sub, f"{where}.{key}", problems)
    problems.extend(
        f"{where}.{key}: not part of schema version {SCHEMA_VERSION}." for key in value.keys() - spec
    )


def _has_type(value: Any, spec: Any) -> bool:
    if spec is int:
        return isinstance(value, int) and not isinstance(value, bool)
    if spec == NUMBER:
        return isinstance(value, int | float) and not isinstance(value, bool)
    if spec == ANY_LIST:
        return isinstance(value, list)
    return isinstance(value, spec)


def _type_name(spec: Any) -> str:
    names = {
        str: "a string",
        int: "an integer",
        bool: "true or false",
        NUMBER: "a number",
        ANY_LIST: "a list",
    }
    return names[spec]


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    names = {bool: "true/false", int: "a number", float: "a number", str: "a string", list: "a list"}
    return names.get(type(value), "an object")


def _check_slugs(data: dict, problems: list[str]) -> None:
    for section in SLUG_SECTIONS:
        seen: set[str] = set()
        for i, record in enumerate(data[section]):
            slug = record["slug"]
            if not SLUG_RE.match(slug):
                problems.append(f"{section}[{i}].slug: {slug!r} is not a slug (letters, digits, - and _).")
            elif slug in seen:
                problems.append(f"{section}[{i}].slug: {slug!r} appears twice.")
            seen.add(slug)


def _check_images(images: list[dict], problems: list[str]) -> None:
    seen: set[str] = set()
    for i, image in enumerate(images):
        where, sha = f"images[{i}]", image["sha256"]
        if not SHA256_RE.match(sha):
            problems.append(f"{where}.sha256: must be 64 lowercase hexadecimal characters.")
            continue
        if sha in seen:
            problems.append(f"{where}.sha256: {sha[:12]}… appears twice.")
        seen.add(sha)
        match = IMAGE_MEMBER_RE.match(image["file"])
        if not match or match.group(1) != sha:
            problems.append(f"{where}.file: must be images/{sha[:12]}….<png|jpg|webp|avif>.")
        for key in ("size", "width", "height"):
            if image[key] <= 0:
                problems.append(f"{where}.{key}: must be a positive number.")


def _check_references(data: dict, problems: list[str]) -> None:
    known = {section: {r["slug"] for r in data[section]} for section in SLUG_SECTIONS}
    known["images"] = {image["sha256"] for image in data["images"]}
    for section, path, target in REFERENCES:
        for i, record in enumerate(data[section]):
            for slug in _values_at(record, path):
                if slug not in known[target]:
                    problems.append(
                        f"{section}[{i}] ({record['slug']}).{path}: {slug!r} is not in the bundle's {target}."
                    )


def _values_at(record: dict, path: str) -> list[str]:
    if "[]." in path:
        key, sub = path.split("[].", 1)
        return [item[sub] for item in record[key] if item[sub] is not None]
    value = record[path]
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


# Zip members --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ZipLimits:
    max_members: int = 2001
    max_total_bytes: int = 512 * 1024 * 1024
    max_manifest_bytes: int = 8 * 1024 * 1024
    max_image_bytes: int = 10 * 1024 * 1024
    max_ratio: int = 100


@dataclass(frozen=True)
class ZipEntry:
    """What a zip's central directory says about one member (sizes in bytes, as declared)."""

    name: str
    file_size: int
    compress_size: int
    is_dir: bool = False
    is_symlink: bool = False
    is_encrypted: bool = False


def member_name_problem(name: str) -> str | None:
    """Why a member name is unsafe or unexpected, or None for `manifest.json` and `images/<sha256>.<ext>`."""
    if name.startswith(("/", "\\")) or DRIVE_RE.match(name):
        return f"{name!r} is an absolute path."
    if "\\" in name or "\x00" in name:
        return f"{name!r} contains a backslash or a NUL character."
    if ".." in name.split("/"):
        return f"{name!r} escapes the bundle folder (..)."
    if name == MANIFEST_NAME or IMAGE_MEMBER_RE.match(name):
        return None
    return f"{name!r} is not expected in a bundle (only manifest.json and images/<sha256>.<ext>)."


def zip_problems(entries: list[ZipEntry], *, limits: ZipLimits = ZipLimits()) -> list[str]:
    """Every reason to refuse a zip before reading any member: names, types, counts, sizes and ratios."""
    if len(entries) > limits.max_members:
        return [f"The bundle has {len(entries)} files; at most {limits.max_members} are accepted."]
    problems: list[str] = []
    names = [entry.name for entry in entries if not (entry.is_dir and entry.name == IMAGE_DIR)]
    problems.extend(f"{name!r} appears twice." for name in sorted({n for n in names if names.count(n) > 1}))
    for entry in entries:
        problems.extend(_entry_problems(entry, limits))
    if MANIFEST_NAME not in names:
        problems.append("The bundle has no manifest.json.")
    total = sum(entry.file_size for entry in entries)
    if total > limits.max_total_bytes:
        problems.append(
            f"The bundle unpacks to {total} bytes; at most {limits.max_total_bytes} are accepted."
        )
    return problems


def _entry_problems(entry: ZipEntry, limits: ZipLimits) -> list[str]:
    if entry.is_dir and entry.name == IMAGE_DIR:
        return []
    if entry.is_symlink:
        return [f"{entry.name!r} is a symbolic link."]
    if entry.is_encrypted:
        return [f"{entry.name!r} is encrypted."]
    if problem := member_name_problem(entry.name):
        return [problem]
    problems = []
    limit = limits.max_manifest_bytes if entry.name == MANIFEST_NAME else limits.max_image_bytes
    if entry.file_size > limit:
        problems.append(f"{entry.name!r} is {entry.file_size} bytes; at most {limit} are accepted.")
    if entry.file_size > limits.max_ratio * max(entry.compress_size, 1):
        problems.append(f"{entry.name!r} is compressed suspiciously well (a zip bomb?).")
    return problems
