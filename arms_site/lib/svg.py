"""SVG primitives shared by the server-rendered charts (``assessments.charts``, ``dashboard.charts``).

Pure Python (no Django, no clock, no I/O): plain values in, markup strings out. Every text and
attribute value is escaped here, so a chart assembled from these pieces can be marked safe.
Numbers in attributes follow one rule (``fmt``): a float to one decimal place, an int as it is.

Accessible by construction: ``open_chart`` gives the chart ``role="img"`` and an
``aria-labelledby`` that names its ``<title>`` and ``<desc>``; a series is told apart by its
marker shape and line dash as well as its colour (``SeriesStyle``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from html import escape

SVG_NS = "http://www.w3.org/2000/svg"

# GOV.UK palette colours. Every colour a chart draws data in has at least 3:1 contrast on white
# (WCAG 1.4.11, non-text contrast; ``contrast_ratio`` below, tests/test_chart_contrast.py);
# MID_GREY (2.08:1) is only for gridlines, which the axis labels and tables make redundant.
BLACK = "#0b0c0c"
WHITE = "#ffffff"
MID_GREY = "#b1b4b6"
DARK_GREY = "#505a5f"
BLUE = "#1d70b8"
RED = "#d4351c"
GREEN = "#00703c"
ORANGE = "#f47738"  # 2.78:1 on white: behind black text only (badges), never as chart data
DARK_ORANGE = "#d45d00"  # 3.91:1 on white: the medium level in charts
PURPLE = "#4c2c92"
BROWN = "#b58840"
PINK = "#d53880"
TURQUOISE = "#28a197"

MARKER_RADIUS = 5


def relative_luminance(colour: str) -> float:
    """WCAG 2 relative luminance of a ``#rrggbb`` colour."""
    channels = (int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(first: str, second: str) -> float:
    """WCAG 2 contrast ratio of two ``#rrggbb`` colours, from 1 to 21."""
    light, dark = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


Point = tuple[float, float]


def fmt(value: object) -> str:
    """An attribute value as written: a float to one decimal place, anything else as ``str``."""
    return f"{value:.1f}" if isinstance(value, float) else str(value)


def attrs(**attributes: object) -> str:
    """`` name="value"`` for each attribute, in the order given, values escaped.

    ``font_size`` is written ``font-size``, a trailing underscore is dropped (``class_``), and an
    attribute whose value is ``None`` is left out.
    """
    return "".join(
        f' {name.rstrip("_").replace("_", "-")}="{escape(fmt(value))}"'
        for name, value in attributes.items()
        if value is not None
    )


def start_tag(tag: str, **attributes: object) -> str:
    """``<tag ...>``, to be closed by the caller."""
    return f"<{tag}{attrs(**attributes)}>"


def element(tag: str, content: str | None = None, **attributes: object) -> str:
    """``<tag .../>``, or ``<tag ...>content</tag>`` with ``content`` escaped."""
    if content is None:
        return f"<{tag}{attrs(**attributes)}/>"
    return f"{start_tag(tag, **attributes)}{escape(content)}</{tag}>"


def labelled_by(chart_id: str) -> str:
    """The ``aria-labelledby`` value naming the chart's ``<title>`` and ``<desc>``."""
    return f"{chart_id}-title {chart_id}-desc"


def open_chart(chart_id: str, title: str, desc: str, **attributes: object) -> list[str]:
    """The ``<svg>`` start tag, then its ``<title>`` and ``<desc>``; close with ``"</svg>"``.

    ``role="img"`` and ``aria-labelledby`` (naming the title and the description) are added after
    the caller's attributes unless the caller places them itself.
    """
    attributes.setdefault("role", "img")
    attributes.setdefault("aria_labelledby", labelled_by(chart_id))
    return [
        start_tag("svg", xmlns=SVG_NS, **attributes),
        element("title", title, id=f"{chart_id}-title"),
        element("desc", desc, id=f"{chart_id}-desc"),
    ]


def text(x: float, y: float, content: str, **attributes: object) -> str:
    """A ``<text>`` at (x, y), its content escaped."""
    return element("text", content, x=x, y=y, **attributes)


def line(x1: float, y1: float, x2: float, y2: float, **attributes: object) -> str:
    return element("line", x1=x1, y1=y1, x2=x2, y2=y2, **attributes)


def gridline(x1: float, x2: float, y: float, **attributes: object) -> str:
    """A light horizontal line across the plot at ``y``."""
    return line(x1, y, x2, y, stroke=MID_GREY, **attributes)


def xy(x: float, y: float) -> str:
    """A point as SVG coordinates, always to one decimal place."""
    return f"{x:.1f},{y:.1f}"


def points_attr(points: Iterable[Point]) -> str:
    """The ``points`` of a polyline or polygon."""
    return " ".join(xy(x, y) for x, y in points)


@dataclass(frozen=True)
class SeriesStyle:
    """How one series is drawn: colour, line dash ("" is solid), marker shape and line width."""

    colour: str
    dash: str = ""
    marker: str = "circle"
    width: int = 2

    def stroke(self) -> dict[str, object]:
        return {
            "stroke": self.colour,
            "stroke_width": self.width,
            "stroke_dasharray": self.dash or None,
        }


# Marker shapes drawn as filled polygons: corner offsets from the centre.
_R = MARKER_RADIUS
_POLYGONS: dict[str, tuple[Point, ...]] = {
    "triangle": ((0, -_R - 1), (_R + 1, _R), (-_R - 1, _R)),
    "triangle-down": ((0, _R + 1), (_R + 1, -_R), (-_R - 1, -_R)),
    "diamond": ((0, -_R - 1), (_R + 1, 0), (0, _R + 1), (-_R - 1, 0)),
    "star": (
        (0, -_R - 2),
        (2, -2),
        (_R + 2, -1),
        (3, 2),
        (4, _R + 2),
        (0, 4),
        (-4, _R + 2),
        (-3, 2),
        (-_R - 2, -1),
        (-2, -2),
    ),
}


def marker(kind: str, x: float, y: float, colour: str) -> str:
    """A marker centred on (x, y): circle, square, triangle, triangle-down, diamond, star, cross;
    any other kind is drawn as a plus."""
    r = MARKER_RADIUS
    # A white outline keeps markers that meet at the same value apart from each other.
    edge = {"fill": colour, "stroke": "#ffffff", "stroke_width": 1}
    if kind == "circle":
        return element("circle", cx=float(x), cy=float(y), r=r, **edge)
    if kind == "square":
        return element("rect", x=float(x - r), y=float(y - r), width=2 * r, height=2 * r, **edge)
    if kind in _POLYGONS:
        corners = ((x + dx, y + dy) for dx, dy in _POLYGONS[kind])
        return element("polygon", points=points_attr(corners), **edge)
    # cross and plus: strokes, so they stay visible where filled shapes overlap
    if kind == "cross":
        strokes = (((x - r, y - r), (x + r, y + r)), ((x - r, y + r), (x + r, y - r)))
    else:
        strokes = (((x - r, y), (x + r, y)), ((x, y - r), (x, y + r)))
    d = "".join(f"M{xy(*start)}L{xy(*end)}" for start, end in strokes)
    return element("path", d=d, stroke=colour, stroke_width=3, fill="none")


def runs(points: Iterable[Point | None]) -> list[list[Point]]:
    """The points split into runs of consecutive ones: a missing point (``None``) is a gap."""
    found: list[list[Point]] = []
    current: list[Point] = []
    for point in points:
        if point is None:
            if current:
                found.append(current)
            current = []
        else:
            current.append(point)
    if current:
        found.append(current)
    return found


def series_line(points: Iterable[Point | None], style: SeriesStyle) -> list[str]:
    """A line through the points, broken at every gap, and a marker on every point (so a lone
    point between gaps still shows)."""
    parts = []
    for run in runs(points):
        if len(run) > 1:
            parts.append(
                element("polyline", points=points_attr(run), fill="none", **style.stroke())
            )
        parts.extend(marker(style.marker, x, y, style.colour) for x, y in run)
    return parts


def legend_key(x: float, y: float, length: float, style: SeriesStyle) -> list[str]:
    """A legend swatch: a stretch of the series' line, ``length`` long, with its marker midway."""
    return [
        line(x, y, x + length, y, **style.stroke()),
        marker(style.marker, x + length / 2, y, style.colour),
    ]
