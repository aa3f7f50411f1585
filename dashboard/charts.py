"""Dashboard charts as server-rendered SVG strings.

Pure Python (no Django, no clock, no I/O): plain numbers in, an SVG string out. Accessible by
construction: ``role="img"`` with ``<title>`` and ``<desc>`` referenced by ``aria-labelledby``;
every bar and point carries its figure as text, and series differ by pattern, marker shape and
line dash as well as colour. The page always shows a table of the same figures next to a chart.
The SVG primitives are shared with the progress charts, in ``arms_site.lib.svg``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from arms_site.lib import svg

FONT_FAMILY = "arial, sans-serif"

# Fill, and a pattern drawn over it so colour is not the only signal (the arms-badge colours,
# darkened where a fill would have less than 3:1 on white: medium and "no level yet").
LEVEL_STYLES = {
    "very_high": (svg.BLACK, "cross"),
    "high": (svg.RED, "diagonal"),
    "medium": (svg.DARK_ORANGE, "dots"),
    "low": (svg.GREEN, "none"),
    "none": (svg.DARK_GREY, "horizontal"),
}

SERIES = (
    # attribute, legend, how it is drawn
    # Black and red: each at least 3:1 on white and 4.03:1 to each other (WCAG 1.4.11).
    ("visits", "Overdue visits", svg.SeriesStyle(svg.BLACK, dash="", marker="circle", width=3)),
    (
        "reassessments",
        "Overdue reassessments",
        svg.SeriesStyle(svg.RED, dash="6 4", marker="square", width=3),
    ),
)


@dataclass(frozen=True)
class Bar:
    key: str
    label: str
    value: int


@dataclass(frozen=True)
class MonthPoint:
    label: str  # "Jan 2026"
    visits: int
    reassessments: int
    known: bool = True  # False: no snapshot for that month (drawn as a gap)


def _text(
    x: float, y: float, content: str, *, anchor: str = "start", size: int = 14, **attrs
) -> str:
    return svg.text(
        float(x),
        float(y),
        content,
        text_anchor=anchor,
        font_size=size,
        font_family=FONT_FAMILY,
        fill=svg.BLACK,
        **attrs,
    )


def _pattern(pid: str, kind: str) -> str:
    marks = {
        "cross": svg.element("path", d="M0 0L8 8M8 0L0 8", stroke=svg.WHITE, stroke_width=1.5),
        "diagonal": svg.element("path", d="M0 8L8 0", stroke=svg.WHITE, stroke_width=2),
        "dots": svg.element("circle", cx=4, cy=4, r=1.6, fill=svg.BLACK),
        "horizontal": svg.element("path", d="M0 4H8", stroke=svg.WHITE, stroke_width=1.5),
        "none": "",
    }[kind]
    tag = svg.start_tag("pattern", id=pid, width=8, height=8, patternUnits="userSpaceOnUse")
    return f"{tag}{marks}</pattern>"


def _open(width: int, height: int, uid: str, title: str, desc: str) -> list[str]:
    return svg.open_chart(
        uid, title, desc, viewBox=f"0 0 {width} {height}", width=width, height=height
    )


def level_bar_chart(bars: Sequence[Bar], *, title: str, uid: str = "levels") -> str:
    """Horizontal bars, one per level, each labelled with its name and figure."""
    total = sum(bar.value for bar in bars)
    desc = "; ".join(f"{bar.label}: {bar.value}" for bar in bars) + f". Total {total}."
    row, left, plot, top = 34, 130, 300, 10
    width, height = left + plot + 70, top + row * len(bars) + 10
    top_value = max([bar.value for bar in bars] + [1])
    parts = _open(width, height, uid, title, desc)
    parts.append("<defs>")
    for bar in bars:
        _colour, kind = LEVEL_STYLES.get(bar.key, LEVEL_STYLES["none"])
        parts.append(_pattern(f"{uid}-{bar.key}", kind))
    parts.append("</defs>")
    for i, bar in enumerate(bars):
        colour, _kind = LEVEL_STYLES.get(bar.key, LEVEL_STYLES["none"])
        y = top + i * row
        length = plot * bar.value / top_value
        box = {"x": left, "y": y + 4, "width": length, "height": 22}
        parts.append(_text(left - 10, y + 20, bar.label, anchor="end"))
        parts.append(svg.element("rect", **box, fill=colour, stroke=svg.BLACK, stroke_width=1))
        parts.append(svg.element("rect", **box, fill=f"url(#{uid}-{bar.key})"))
        parts.append(_text(left + length + 8, y + 20, str(bar.value), font_weight="bold"))
    parts.append(svg.line(left, top, left, height - 10, stroke=svg.BLACK))
    parts.append("</svg>")
    return "".join(parts)


def _nice_top(value: int) -> int:
    """A round axis maximum at or above ``value`` (1, 2, 5, 10, 20, 50 …)."""
    top = 1
    while True:
        for step in (1, 2, 5):
            if step * top >= value:
                return step * top
        top *= 10


@dataclass(frozen=True)
class _HistoryFrame:
    """Where the history chart's plot sits, and how a month's index and a count map onto it."""

    months: int
    top_value: int
    left: int = 60
    right: int = 20
    top: int = 40
    plot_h: int = 200
    step: int = 52

    @property
    def width(self) -> int:
        return self.left + self.right + self.step * max(self.months - 1, 1)

    @property
    def bottom(self) -> int:
        return self.top + self.plot_h

    def x(self, index: int) -> int:
        return self.left + index * self.step

    def y(self, value: int) -> float:
        return self.top + self.plot_h - self.plot_h * value / self.top_value


def _history_desc(points: Sequence[MonthPoint]) -> str:
    described = [
        f"{p.label}: {p.visits} visits, {p.reassessments} reassessments overdue"
        if p.known
        else f"{p.label}: no figures"
        for p in points
    ]
    return "; ".join(described) + "."


def _history_grid(frame: _HistoryFrame) -> list[str]:
    """Whole-number gridlines, each labelled: counts of offenders are never fractional."""
    parts = []
    intervals = next(n for n in (4, 5, 2, 1) if frame.top_value % n == 0)
    for tick in range(intervals + 1):
        value = frame.top_value * tick // intervals
        y = frame.y(value)
        parts.append(svg.gridline(frame.left, frame.width - frame.right, y))
        parts.append(_text(frame.left - 8, y + 5, f"{value:g}", anchor="end", size=12))
    return parts


def _month_labels(points: Sequence[MonthPoint], frame: _HistoryFrame) -> list[str]:
    """Each month's name under the plot, and the year under the first month and every January."""
    parts = []
    for i, point in enumerate(points):
        x = frame.x(i)
        month, _space, year = point.label.partition(" ")
        parts.append(_text(x, frame.bottom + 20, month, anchor="middle", size=12))
        if i == 0 or month == "Jan":
            parts.append(_text(x, frame.bottom + 36, year, anchor="middle", size=12))
    return parts


def _history_series(
    points: Sequence[MonthPoint], frame: _HistoryFrame, attr: str, style: svg.SeriesStyle
) -> list[str]:
    """One figure's line over the months; a month without figures is a gap."""
    return svg.series_line(
        [
            (frame.x(i), frame.y(getattr(p, attr))) if p.known else None
            for i, p in enumerate(points)
        ],
        style,
    )


def overdue_history_chart(points: Sequence[MonthPoint], *, title: str, uid: str = "history") -> str:
    """Two lines over the months: overdue visits (solid, circles) and reassessments (dashed,
    squares), with a legend; months without figures are left as gaps."""
    top_value = _nice_top(max([max(p.visits, p.reassessments) for p in points if p.known] + [1]))
    frame = _HistoryFrame(months=len(points), top_value=top_value)
    parts = _open(frame.width, frame.bottom + 50, uid, title, _history_desc(points))
    parts += _history_grid(frame)
    parts += _month_labels(points, frame)
    for n, (attr, legend, style) in enumerate(SERIES):
        parts += _history_series(points, frame, attr, style)
        lx = frame.left + n * 230
        parts += svg.legend_key(lx, 14, 30, style)
        parts.append(_text(lx + 38, 19, legend))
    parts.append("</svg>")
    return "".join(parts)
