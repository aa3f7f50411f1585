"""Dashboard charts as server-rendered SVG strings.

Pure Python (no Django, no clock, no I/O): plain numbers in, an SVG string out. Accessible by
construction: ``role="img"`` with ``<title>`` and ``<desc>`` referenced by ``aria-labelledby``;
every bar and point carries its figure as text, and series differ by pattern, marker shape and
line dash as well as colour. The page always shows a table of the same figures next to a chart.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

FONT = 'font-family="arial, sans-serif"'

# Fill, and a pattern drawn over it so colour is not the only signal (matches arms-badge colours).
LEVEL_STYLES = {
    "very_high": ("#0b0c0c", "cross"),
    "high": ("#d4351c", "diagonal"),
    "medium": ("#f47738", "dots"),
    "low": ("#00703c", "none"),
    "none": ("#b1b4b6", "horizontal"),
}


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


def _text(x: float, y: float, text: str, *, anchor: str = "start", size: int = 14, **attrs) -> str:
    extra = "".join(f' {k.replace("_", "-")}="{escape(str(v))}"' for k, v in attrs.items())
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" font-size="{size}" {FONT}'
        f' fill="#0b0c0c"{extra}>{escape(text)}</text>'
    )


def _pattern(pid: str, kind: str) -> str:
    marks = {
        "cross": '<path d="M0 0L8 8M8 0L0 8" stroke="#ffffff" stroke-width="1.5"/>',
        "diagonal": '<path d="M0 8L8 0" stroke="#ffffff" stroke-width="2"/>',
        "dots": '<circle cx="4" cy="4" r="1.6" fill="#0b0c0c"/>',
        "horizontal": '<path d="M0 4H8" stroke="#0b0c0c" stroke-width="1.5"/>',
        "none": "",
    }[kind]
    return (
        f'<pattern id="{pid}" width="8" height="8" patternUnits="userSpaceOnUse">{marks}</pattern>'
    )


def _open(width: int, height: int, uid: str, title: str, desc: str) -> list[str]:
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img" '
        f'aria-labelledby="{uid}-title {uid}-desc">',
        f'<title id="{uid}-title">{escape(title)}</title>',
        f'<desc id="{uid}-desc">{escape(desc)}</desc>',
    ]


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
        parts.append(_text(left - 10, y + 20, bar.label, anchor="end"))
        parts.append(
            f'<rect x="{left}" y="{y + 4}" width="{length:.1f}" height="22" fill="{colour}" '
            f'stroke="#0b0c0c" stroke-width="1"/>'
        )
        parts.append(
            f'<rect x="{left}" y="{y + 4}" width="{length:.1f}" height="22" '
            f'fill="url(#{uid}-{bar.key})"/>'
        )
        parts.append(_text(left + length + 8, y + 20, str(bar.value), font_weight="bold"))
    parts.append(f'<line x1="{left}" y1="{top}" x2="{left}" y2="{height - 10}" stroke="#0b0c0c"/>')
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


SERIES = (
    # attribute, legend, colour, dash, marker
    ("visits", "Overdue visits", "#1d70b8", "", "circle"),
    ("reassessments", "Overdue reassessments", "#d4351c", "6 4", "square"),
)


def _marker(kind: str, x: float, y: float, colour: str) -> str:
    if kind == "circle":
        return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="5" fill="{colour}"/>'
    return f'<rect x="{x - 5:.1f}" y="{y - 5:.1f}" width="10" height="10" fill="{colour}"/>'


def overdue_history_chart(points: Sequence[MonthPoint], *, title: str, uid: str = "history") -> str:
    """Two lines over the months: overdue visits (solid, circles) and reassessments (dashed,
    squares), with a legend; months without figures are left as gaps."""
    described = [
        f"{p.label}: {p.visits} visits, {p.reassessments} reassessments overdue"
        if p.known
        else f"{p.label}: no figures"
        for p in points
    ]
    desc = "; ".join(described) + "."
    left, right, top, plot_h = 60, 20, 40, 200
    step = 52
    width = left + right + step * max(len(points) - 1, 1)
    height = top + plot_h + 50
    top_value = _nice_top(max([max(p.visits, p.reassessments) for p in points if p.known] + [1]))
    parts = _open(width, height, uid, title, desc)

    def y_of(value: int) -> float:
        return top + plot_h - plot_h * value / top_value

    # Whole-number gridlines: counts of offenders are never fractional.
    intervals = next(n for n in (4, 5, 2, 1) if top_value % n == 0)
    for tick in range(intervals + 1):
        value = top_value * tick // intervals
        y = y_of(value)
        parts.append(
            f'<line x1="{left}" y1="{y:.1f}" x2="{width - right}" y2="{y:.1f}" stroke="#b1b4b6"/>'
        )
        parts.append(_text(left - 8, y + 5, f"{value:g}", anchor="end", size=12))
    for i, point in enumerate(points):
        x = left + i * step
        month, _space, year = point.label.partition(" ")
        parts.append(_text(x, top + plot_h + 20, month, anchor="middle", size=12))
        if i == 0 or month == "Jan":
            parts.append(_text(x, top + plot_h + 36, year, anchor="middle", size=12))
    for n, (attr, legend, colour, dash, marker) in enumerate(SERIES):
        segments, current = [], []
        for i, point in enumerate(points):
            if not point.known:
                segments.append(current)
                current = []
                continue
            current.append((left + i * step, y_of(getattr(point, attr))))
        segments.append(current)
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        for segment in segments:
            if len(segment) > 1:
                path = " ".join(f"{x:.1f},{y:.1f}" for x, y in segment)
                parts.append(
                    f'<polyline points="{path}" fill="none" stroke="{colour}" '
                    f'stroke-width="3"{dash_attr}/>'
                )
            parts.extend(_marker(marker, x, y, colour) for x, y in segment)
        lx = left + n * 230
        parts.append(
            f'<line x1="{lx}" y1="14" x2="{lx + 30}" y2="14" stroke="{colour}" '
            f'stroke-width="3"{dash_attr}/>'
        )
        parts.append(_marker(marker, lx + 15, 14, colour))
        parts.append(_text(lx + 38, 19, legend))
    parts.append("</svg>")
    return "".join(parts)
