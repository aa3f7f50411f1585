"""Progress over time as server-rendered SVG: one line per factor across countersigned assessments.

Pure Python (no Django, no clock): the web page and the PDF both call ``progress_chart_svg`` and
embed the string it returns. Accessible by construction: ``role="img"`` with a ``<title>`` and
``<desc>`` referenced by ``aria-labelledby``, and factors told apart by marker shape and line
dash as well as colour. The page always shows a table of the same figures next to it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from html import escape

# GOV.UK palette colours with enough contrast on white.
COLOURS = ("#1d70b8", "#d4351c", "#00703c", "#4c2c92", "#b58840", "#0b0c0c", "#d53880", "#28a197")
DASHES = ("", "6 3", "2 3", "8 3 2 3", "12 4", "1 2", "4 4", "10 2 2 2")
MARKERS = ("circle", "square", "triangle", "diamond", "cross", "triangle-down", "plus", "star")

WIDTH = 720
PLOT_LEFT = 150
PLOT_RIGHT = 20
INSET = 45
PLOT_TOP = 20
PLOT_HEIGHT = 180
LEGEND_LINE = 22
Y_LABELS = ("0 Not present", "1 Some evidence", "2 Strong evidence")


@dataclass
class FactorSeries:
    """One factor's ratings, one value per assessment (``None``: insufficient information)."""

    code: str
    name: str
    values: list[int | None]
    protective: bool = False
    order: int = 0
    extra: dict = field(default_factory=dict)


def _marker(kind: str, x: float, y: float, colour: str) -> str:
    r = 5
    if kind == "circle":
        return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r}" fill="{colour}"/>'
    if kind == "square":
        return (
            f'<rect x="{x - r:.1f}" y="{y - r:.1f}" width="{2 * r}" height="{2 * r}" '
            f'fill="{colour}"/>'
        )
    shapes = {
        "triangle": [(0, -r - 1), (r + 1, r), (-r - 1, r)],
        "triangle-down": [(0, r + 1), (r + 1, -r), (-r - 1, -r)],
        "diamond": [(0, -r - 1), (r + 1, 0), (0, r + 1), (-r - 1, 0)],
        "star": [
            (0, -r - 2),
            (2, -2),
            (r + 2, -1),
            (3, 2),
            (4, r + 2),
            (0, 4),
            (-4, r + 2),
            (-3, 2),
            (-r - 2, -1),
            (-2, -2),
        ],
    }
    if kind in shapes:
        points = " ".join(f"{x + dx:.1f},{y + dy:.1f}" for dx, dy in shapes[kind])
        return f'<polygon points="{points}" fill="{colour}"/>'
    # cross and plus: strokes, so they stay visible where filled shapes overlap
    if kind == "cross":
        d = (
            f"M{x - r:.1f},{y - r:.1f}L{x + r:.1f},{y + r:.1f}"
            f"M{x - r:.1f},{y + r:.1f}L{x + r:.1f},{y - r:.1f}"
        )
    else:
        d = f"M{x - r:.1f},{y:.1f}L{x + r:.1f},{y:.1f}M{x:.1f},{y - r:.1f}L{x:.1f},{y + r:.1f}"
    return f'<path d="{d}" stroke="{colour}" stroke-width="3" fill="none"/>'


def _x_positions(count: int) -> list[float]:
    # Inset from the axis so the first and last markers and dates are not clipped.
    left, width = PLOT_LEFT + INSET, WIDTH - PLOT_LEFT - PLOT_RIGHT - 2 * INSET
    if count == 1:
        return [left + width / 2]
    return [left + width * i / (count - 1) for i in range(count)]


def _y(rating: int, offset: float) -> float:
    return PLOT_TOP + PLOT_HEIGHT - rating * PLOT_HEIGHT / 2 + offset


def progress_chart_svg(
    *,
    chart_id: str,
    title: str,
    description: str,
    dates: Sequence[str],
    series: Sequence[FactorSeries],
) -> str:
    """SVG markup of ``series`` (ratings 0-2 on y) against ``dates`` (x), with a legend."""
    if any(len(s.values) != len(dates) for s in series):
        raise ValueError("every series needs one value per date")
    plot_bottom = PLOT_TOP + PLOT_HEIGHT
    legend_top = plot_bottom + 50
    height = legend_top + LEGEND_LINE * max(len(series), 1) + 10
    xs = _x_positions(len(dates)) if dates else []
    title_id, desc_id = f"{chart_id}-title", f"{chart_id}-desc"
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="arms-chart" role="img" '
        f'viewBox="0 0 {WIDTH} {height}" width="100%" '
        f'aria-labelledby="{title_id} {desc_id}" font-family="Arial, Helvetica, sans-serif" '
        f'font-size="13">',
        f'<title id="{title_id}">{escape(title)}</title>',
        f'<desc id="{desc_id}">{escape(description)}</desc>',
    ]
    # Axes and grid: one horizontal line per rating.
    for rating, label in enumerate(Y_LABELS):
        y = _y(rating, 0)
        out.append(
            f'<line x1="{PLOT_LEFT}" y1="{y:.1f}" x2="{WIDTH - PLOT_RIGHT}" y2="{y:.1f}" '
            f'stroke="#b1b4b6" stroke-width="1"/>'
        )
        out.append(
            f'<text x="{PLOT_LEFT - 10}" y="{y + 4:.1f}" text-anchor="end" fill="#0b0c0c">'
            f"{escape(label)}</text>"
        )
    out.append(
        f'<line x1="{PLOT_LEFT}" y1="{PLOT_TOP - 10}" x2="{PLOT_LEFT}" y2="{plot_bottom}" '
        f'stroke="#0b0c0c" stroke-width="1"/>'
    )
    for x, date in zip(xs, dates, strict=True):
        out.append(
            f'<text x="{x:.1f}" y="{plot_bottom + 25}" text-anchor="middle" fill="#0b0c0c">'
            f"{escape(date)}</text>"
        )

    # A small vertical spread, so factors with the same ratings do not hide each other.
    spread = 3.0
    for index, item in enumerate(series):
        colour = COLOURS[index % len(COLOURS)]
        dash = DASHES[index % len(DASHES)]
        marker = MARKERS[index % len(MARKERS)]
        offset = (index - (len(series) - 1) / 2) * spread
        out.append(
            f'<g class="arms-chart__series" data-factor="{escape(item.code)}" '
            f'data-marker="{marker}">'
        )
        out.append(f"<title>{escape(item.name)}</title>")
        # Consecutive rated points are joined; a gap (insufficient information) breaks the line.
        segment: list[tuple[float, float]] = []
        segments = []
        for x, value in zip(xs, item.values, strict=True):
            if value is None:
                if segment:
                    segments.append(segment)
                segment = []
            else:
                segment.append((x, _y(value, offset)))
        if segment:
            segments.append(segment)
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        for points in segments:
            if len(points) > 1:
                path = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
                out.append(
                    f'<polyline points="{path}" fill="none" stroke="{colour}" '
                    f'stroke-width="2"{dash_attr}/>'
                )
            for x, y in points:
                out.append(_marker(marker, x, y, colour))
        out.append("</g>")

        # Legend entry: the same dash and marker as the line.
        ly = legend_top + index * LEGEND_LINE
        out.append(
            f'<line x1="{PLOT_LEFT}" y1="{ly}" x2="{PLOT_LEFT + 40}" y2="{ly}" stroke="{colour}" '
            f'stroke-width="2"{dash_attr}/>'
        )
        out.append(_marker(marker, PLOT_LEFT + 20, ly, colour))
        out.append(
            f'<text x="{PLOT_LEFT + 52}" y="{ly + 4}" fill="#0b0c0c">{escape(item.name)}</text>'
        )
    if not series or not dates:
        out.append(
            f'<text x="{PLOT_LEFT + 10}" y="{PLOT_TOP + PLOT_HEIGHT / 2:.1f}" fill="#505a5f">'
            "No countersigned assessments yet</text>"
        )
    out.append("</svg>")
    return "\n".join(out)
