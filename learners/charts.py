"""Charts drawn on the server as SVG numbers (no JavaScript): scores over time and a histogram. Pure."""

from __future__ import annotations

from datetime import datetime

WIDTH, HEIGHT, PAD = 600, 220, 32


def score_chart(points: list[tuple[datetime, int, bool]]) -> dict:
    """`points` are (completed_at, total 0..100, is_practice) in time order; x is spread by order, not time."""
    if not points:
        return {"width": WIDTH, "height": HEIGHT, "dots": [], "line": "", "grid": _grid()}
    usable_w, usable_h = WIDTH - 2 * PAD, HEIGHT - 2 * PAD
    step = usable_w / max(1, len(points) - 1)
    dots = []
    for i, (when, total, practice) in enumerate(points):
        x = PAD + (i * step if len(points) > 1 else usable_w / 2)
        y = PAD + usable_h * (1 - total / 100)
        dots.append(
            {
                "x": round(x, 1),
                "y": round(y, 1),
                "total": total,
                "practice": practice,
                "label": when.strftime("%d %b"),
            }
        )
    line = " ".join(f"{d['x']},{d['y']}" for d in dots)
    return {"width": WIDTH, "height": HEIGHT, "dots": dots, "line": line, "grid": _grid()}


def _grid() -> list[dict]:
    usable_h = HEIGHT - 2 * PAD
    return [{"y": round(PAD + usable_h * (1 - v / 100), 1), "value": v} for v in (0, 50, 100)]


def histogram(buckets: list[int]) -> dict:
    """Ten buckets of scores (0-9, 10-19, ... 90-100) as bars."""
    top = max(buckets) if buckets and max(buckets) else 1
    usable_w, usable_h = WIDTH - 2 * PAD, HEIGHT - 2 * PAD
    bar_w = usable_w / len(buckets)
    bars = []
    for i, n in enumerate(buckets):
        h = usable_h * n / top
        bars.append(
            {
                "x": round(PAD + i * bar_w + 2, 1),
                "y": round(PAD + usable_h - h, 1),
                "w": round(bar_w - 4, 1),
                "h": round(h, 1),
                "n": n,
                "label": f"{i * 10}–{i * 10 + 9 if i < 9 else 100}",
            }
        )
    return {"width": WIDTH, "height": HEIGHT, "bars": bars, "baseline": HEIGHT - PAD}
