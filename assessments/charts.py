"""Progress over time as server-rendered SVG: one line per factor across countersigned assessments.

Pure Python (no Django, no clock): the web page and the PDF both call ``progress_chart_svg`` and
embed the string it returns. Accessible by construction: ``role="img"`` with a ``<title>`` and
``<desc>`` referenced by ``aria-labelledby``, and factors told apart by marker shape and line
dash as well as colour. The page always shows a table of the same figures next to it. The SVG
primitives are shared with the dashboard charts, in ``arms_site.lib.svg``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from arms_site.lib import svg

COLOURS = (svg.BLUE, svg.RED, svg.GREEN, svg.PURPLE, svg.BROWN, svg.BLACK, svg.PINK, svg.TURQUOISE)
DASHES = ("", "6 3", "2 3", "8 3 2 3", "12 4", "1 2", "4 4", "10 2 2 2")
MARKERS = ("circle", "square", "triangle", "diamond", "cross", "triangle-down", "plus", "star")

WIDTH = 720
PLOT_LEFT = 150
PLOT_RIGHT = 20
INSET = 45
PLOT_TOP = 20
PLOT_HEIGHT = 180
PLOT_BOTTOM = PLOT_TOP + PLOT_HEIGHT
LEGEND_TOP = PLOT_BOTTOM + 50
LEGEND_LINE = 22
LEGEND_SWATCH = 40
Y_LABELS = ("0 Not present", "1 Some evidence", "2 Strong evidence")
FONT_FAMILY = "Arial, Helvetica, sans-serif"
# A small vertical spread, so factors with the same ratings do not hide each other.
SPREAD = 4.0


@dataclass
class FactorSeries:
    """One factor's ratings, one value per assessment (``None``: insufficient information)."""

    code: str
    name: str
    values: list[int | None]
    protective: bool = False
    order: int = 0
    extra: dict = field(default_factory=dict)


def _x_positions(count: int) -> list[float]:
    # Inset from the axis so the first and last markers and dates are not clipped.
    left, width = PLOT_LEFT + INSET, WIDTH - PLOT_LEFT - PLOT_RIGHT - 2 * INSET
    if count == 1:
        return [left + width / 2]
    return [left + width * i / (count - 1) for i in range(count)]


def _y(rating: int, offset: float) -> float:
    return PLOT_TOP + PLOT_HEIGHT - rating * PLOT_HEIGHT / 2 + offset


def _style(index: int) -> svg.SeriesStyle:
    """The ``index``-th factor's colour, dash and marker (the palette repeats past eight)."""
    return svg.SeriesStyle(
        colour=COLOURS[index % len(COLOURS)],
        dash=DASHES[index % len(DASHES)],
        marker=MARKERS[index % len(MARKERS)],
        width=2,
    )


def _axes(xs: Sequence[float], dates: Sequence[str]) -> list[str]:
    """One gridline and label per rating, the y axis, and each assessment's date under the plot."""
    out = []
    for rating, label in enumerate(Y_LABELS):
        y = _y(rating, 0)
        out.append(svg.gridline(PLOT_LEFT, WIDTH - PLOT_RIGHT, y, stroke_width=1))
        out.append(svg.text(PLOT_LEFT - 10, y + 4, label, text_anchor="end", fill=svg.BLACK))
    out.append(
        svg.line(PLOT_LEFT, PLOT_TOP - 10, PLOT_LEFT, PLOT_BOTTOM, stroke=svg.BLACK, stroke_width=1)
    )
    for x, date in zip(xs, dates, strict=True):
        out.append(svg.text(x, PLOT_BOTTOM + 25, date, text_anchor="middle", fill=svg.BLACK))
    return out


def _series_group(
    item: FactorSeries, xs: Sequence[float], style: svg.SeriesStyle, offset: float
) -> list[str]:
    """The factor's line and markers in a titled ``<g>``; a gap (insufficient information)
    breaks the line."""
    points = [
        None if value is None else (x, _y(value, offset))
        for x, value in zip(xs, item.values, strict=True)
    ]
    return [
        svg.start_tag(
            "g", class_="arms-chart__series", data_factor=item.code, data_marker=style.marker
        ),
        svg.element("title", item.name),
        *svg.series_line(points, style),
        "</g>",
    ]


def _legend_entry(name: str, y: int, style: svg.SeriesStyle) -> list[str]:
    """A legend row: the same dash and marker as the factor's line, then its name."""
    return [
        *svg.legend_key(PLOT_LEFT, y, LEGEND_SWATCH, style),
        svg.text(PLOT_LEFT + LEGEND_SWATCH + 12, y + 4, name, fill=svg.BLACK),
    ]


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
    height = LEGEND_TOP + LEGEND_LINE * max(len(series), 1) + 10
    xs = _x_positions(len(dates))
    out = svg.open_chart(
        chart_id,
        title,
        description,
        class_="arms-chart",
        role="img",
        viewBox=f"0 0 {WIDTH} {height}",
        width="100%",
        aria_labelledby=svg.labelled_by(chart_id),
        font_family=FONT_FAMILY,
        font_size=13,
    )
    out += _axes(xs, dates)
    for index, item in enumerate(series):
        style = _style(index)
        offset = (index - (len(series) - 1) / 2) * SPREAD
        out += _series_group(item, xs, style, offset)
        out += _legend_entry(item.name, LEGEND_TOP + index * LEGEND_LINE, style)
    if not series or not dates:
        out.append(
            svg.text(
                PLOT_LEFT + 10,
                PLOT_TOP + PLOT_HEIGHT / 2,
                "No countersigned assessments yet",
                fill=svg.DARK_GREY,
            )
        )
    out.append("</svg>")
    return "\n".join(out)
