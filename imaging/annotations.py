"""Annotation shapes drawn over a figure: one schema, validation with readable messages, and geometry.

Coordinates are normalised to the original image: x and y run 0..1 from its top-left corner (x along the
width, y along the height). An ellipse's radius is [rx, ry] as fractions of the width and the height.
Nothing here imports Django: the admin form, the reader's SVG overlay and quiz scoring all call it.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

SHAPE_KINDS = ("arrow", "ellipse", "polygon", "point")
ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]{0,40}$")
MAX_SHAPES = 50
MAX_POLYGON_POINTS = 64
MAX_LABEL = 80
MAX_NOTE = 300
GEOMETRY_KEYS = {
    "arrow": ("from", "to"),
    "ellipse": ("center", "radius"),
    "polygon": ("points",),
    "point": ("at",),
}
ALLOWED_KEYS = {"id", "kind", "label", "note"}


class AnnotationError(ValueError):
    """Raised with every problem found, each naming the shape it belongs to."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("; ".join(problems))


def _number(value) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    if math.isnan(value) or math.isinf(value):
        return None
    return float(value)


def _xy(value, where: str, problems: list[str], *, low: float = 0.0, high: float = 1.0) -> list[float] | None:
    if not isinstance(value, list | tuple) or len(value) != 2:
        problems.append(f"{where} must be a pair [x, y]")
        return None
    x, y = _number(value[0]), _number(value[1])
    if x is None or y is None:
        problems.append(f"{where} must hold two numbers")
        return None
    if not (low <= x <= high and low <= y <= high):
        problems.append(
            f"{where} is outside the image (each coordinate must be between {low:g} and {high:g})"
        )
        return None
    return [round(x, 4), round(y, 4)]


def _shape_name(raw: dict, index: int) -> str:
    shape_id = raw.get("id") if isinstance(raw.get("id"), str) else ""
    label = raw.get("label") if isinstance(raw.get("label"), str) else ""
    name = f"shape {index + 1}"
    if shape_id:
        name += f' "{shape_id}"'
    elif label:
        name += f' ("{label[:30]}")'
    return name


def validate_shape(raw, index: int = 0) -> tuple[dict | None, list[str]]:
    """Return (clean shape, problems); the clean shape is None when there is any problem."""
    if not isinstance(raw, dict):
        return None, [f"shape {index + 1} must be an object with id, kind, label and geometry"]
    name = _shape_name(raw, index)
    problems: list[str] = []
    kind = raw.get("kind")
    if kind not in SHAPE_KINDS:
        problems.append(f"{name}: kind must be one of {', '.join(SHAPE_KINDS)} (got {kind!r})")
        return None, problems
    shape_id = raw.get("id")
    if not isinstance(shape_id, str) or not ID_PATTERN.match(shape_id):
        problems.append(f"{name}: id must be lower-case letters, digits and hyphens (1-41 characters)")
    label = raw.get("label")
    if not isinstance(label, str) or not label.strip():
        problems.append(f"{name}: a label is required")
    elif len(label) > MAX_LABEL:
        problems.append(f"{name}: the label is longer than {MAX_LABEL} characters")
    note = raw.get("note", "")
    if note is None:
        note = ""
    if not isinstance(note, str):
        problems.append(f"{name}: the note must be text")
    elif len(note) > MAX_NOTE:
        problems.append(f"{name}: the note is longer than {MAX_NOTE} characters")
    unknown = set(raw) - ALLOWED_KEYS - set(GEOMETRY_KEYS[kind])
    if unknown:
        problems.append(f"{name}: unknown field(s) {', '.join(sorted(unknown))} for a {kind}")

    clean = {"id": shape_id, "kind": kind, "label": label.strip() if isinstance(label, str) else label}
    clean["note"] = note.strip() if isinstance(note, str) else ""
    if kind == "arrow":
        start = _xy(raw.get("from"), f"{name}: the arrow's start", problems)
        end = _xy(raw.get("to"), f"{name}: the arrow's tip", problems)
        if start and end and start == end:
            problems.append(f"{name}: the arrow's start and tip are the same point")
        clean.update({"from": start, "to": end})
    elif kind == "point":
        clean["at"] = _xy(raw.get("at"), f"{name}: the point", problems)
    elif kind == "ellipse":
        center = _xy(raw.get("center"), f"{name}: the centre", problems)
        radius = _xy(raw.get("radius"), f"{name}: the radius", problems, high=0.5)
        if radius and (radius[0] <= 0 or radius[1] <= 0):
            problems.append(f"{name}: both radii must be greater than 0")
        clean.update({"center": center, "radius": radius})
    else:
        points = raw.get("points")
        if not isinstance(points, list) or not 3 <= len(points) <= MAX_POLYGON_POINTS:
            problems.append(f"{name}: a polygon needs between 3 and {MAX_POLYGON_POINTS} points")
        else:
            cleaned = [_xy(p, f"{name}: point {i + 1}", problems) for i, p in enumerate(points)]
            clean["points"] = cleaned
            if all(cleaned) and abs(_polygon_area(cleaned)) < 1e-6:
                problems.append(f"{name}: the polygon has no area (its points are in a line)")
    return (None if problems else clean), problems


def validate_annotations(raw) -> list[dict]:
    """Validate a list of shapes; return clean copies or raise AnnotationError listing every problem."""
    if raw is None or raw == "":
        return []
    if not isinstance(raw, list):
        raise AnnotationError(["annotations must be a list of shapes"])
    if len(raw) > MAX_SHAPES:
        raise AnnotationError([f"a figure can carry at most {MAX_SHAPES} shapes (got {len(raw)})"])
    problems: list[str] = []
    clean: list[dict] = []
    seen: set[str] = set()
    for index, item in enumerate(raw):
        shape, shape_problems = validate_shape(item, index)
        problems.extend(shape_problems)
        if shape:
            if shape["id"] in seen:
                problems.append(f'{_shape_name(item, index)}: the id "{shape["id"]}" is used twice')
            seen.add(shape["id"])
            clean.append(shape)
    if problems:
        raise AnnotationError(problems)
    return clean


# Geometry -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Aspect:
    """Width and height of the image in any unit; distances are measured in units of the width."""

    width: float = 1.0
    height: float = 1.0

    @property
    def ratio(self) -> float:
        return self.height / self.width if self.width else 1.0


def _polygon_area(points: list[list[float]]) -> float:
    total = 0.0
    for (x1, y1), (x2, y2) in zip(points, points[1:] + points[:1], strict=True):
        total += x1 * y2 - x2 * y1
    return total / 2


def _segment_distance(px, py, ax, ay, bx, by) -> float:
    dx, dy = bx - ax, by - ay
    length2 = dx * dx + dy * dy
    t = 0.0 if length2 == 0 else max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / length2))
    return math.hypot(px - (ax + t * dx), py - (ay + t * dy))


def point_in_polygon(x: float, y: float, points: list[list[float]]) -> bool:
    """Even-odd rule; points on the boundary may fall either side."""
    inside = False
    n = len(points)
    for i in range(n):
        x1, y1 = points[i]
        x2, y2 = points[(i + 1) % n]
        if (y1 > y) != (y2 > y) and x < (x2 - x1) * (y - y1) / (y2 - y1) + x1:
            inside = not inside
    return inside


def distance_to_shape(shape: dict, x: float, y: float, aspect: Aspect = Aspect()) -> float:
    """Distance from (x, y) to the shape's area, 0 inside it, in units of the image width.

    Points and arrows count as their tip: a click near the tip of an arrow is a click on what it points at.
    """
    r = aspect.ratio
    kind = shape["kind"]
    if kind == "point":
        ax, ay = shape["at"]
        return math.hypot(x - ax, (y - ay) * r)
    if kind == "arrow":
        ax, ay = shape["to"]
        return math.hypot(x - ax, (y - ay) * r)
    if kind == "ellipse":
        (cx, cy), (rx, ry) = shape["center"], shape["radius"]
        # Radial scaling: inside when the normalised radius is <= 1; outside, approximate the gap along the ray.
        dx, dy = (x - cx), (y - cy) * r
        rx_w, ry_w = rx, ry * r
        k = math.hypot(dx / rx_w, dy / ry_w)
        if k <= 1:
            return 0.0
        return math.hypot(dx, dy) * (1 - 1 / k)
    points = [[px, py * r] for px, py in shape["points"]]
    if point_in_polygon(x, y * r, points):
        return 0.0
    return min(
        _segment_distance(x, y * r, *points[i], *points[(i + 1) % len(points)]) for i in range(len(points))
    )


def shape_bounds(shape: dict) -> tuple[float, float, float, float]:
    """(left, top, right, bottom) of the shape in normalised coordinates."""
    kind = shape["kind"]
    if kind == "point":
        x, y = shape["at"]
        return x, y, x, y
    if kind == "arrow":
        (x1, y1), (x2, y2) = shape["from"], shape["to"]
        return min(x1, x2), min(y1, y2), max(x1, x2), max(y1, y2)
    if kind == "ellipse":
        (cx, cy), (rx, ry) = shape["center"], shape["radius"]
        return cx - rx, cy - ry, cx + rx, cy + ry
    xs = [p[0] for p in shape["points"]]
    ys = [p[1] for p in shape["points"]]
    return min(xs), min(ys), max(xs), max(ys)


def shape_anchor(shape: dict) -> tuple[float, float]:
    """Where a label or a focus ring for the shape belongs: the arrow's tip, the point, the centre."""
    kind = shape["kind"]
    if kind == "point":
        return tuple(shape["at"])
    if kind == "arrow":
        return tuple(shape["to"])
    if kind == "ellipse":
        return tuple(shape["center"])
    left, top, right, bottom = shape_bounds(shape)
    return (left + right) / 2, (top + bottom) / 2


def svg_geometry(shape: dict, width: float, height: float) -> dict:
    """Numbers for the SVG overlay in a viewBox of width x height (the original image's pixels)."""
    kind = shape["kind"]
    if kind == "point":
        x, y = shape["at"]
        return {
            "cx": round(x * width, 1),
            "cy": round(y * height, 1),
            "r": round(min(width, height) * 0.008, 1),
        }
    if kind == "arrow":
        (x1, y1), (x2, y2) = shape["from"], shape["to"]
        return {
            "x1": round(x1 * width, 1),
            "y1": round(y1 * height, 1),
            "x2": round(x2 * width, 1),
            "y2": round(y2 * height, 1),
        }
    if kind == "ellipse":
        (cx, cy), (rx, ry) = shape["center"], shape["radius"]
        return {
            "cx": round(cx * width, 1),
            "cy": round(cy * height, 1),
            "rx": round(rx * width, 1),
            "ry": round(ry * height, 1),
        }
    return {"points": " ".join(f"{round(x * width, 1)},{round(y * height, 1)}" for x, y in shape["points"])}
