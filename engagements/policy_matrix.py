"""The level matrix of a policy: RM2000/S category x ARMS priority -> level, and the intervals.

Pure (stdlib and ``assessments.combiner`` only, no Django, no clock): the policy page previews a
change by drawing the matrix under the current and the proposed policy side by side.
"""

from __future__ import annotations

from dataclasses import dataclass

from assessments.combiner import Level, Policy, derive_level
from assessments.priority import Priority

RULES_VERSION = "level-matrix-1"
NO_RM2000 = "No applicable RM2000/S"


@dataclass(frozen=True)
class Cell:
    level: Level
    changed: bool


@dataclass(frozen=True)
class MatrixRow:
    category: str  # the RM2000/S category's label, or NO_RM2000
    cells: tuple[Cell, ...]  # one per ARMS priority, low to high


@dataclass(frozen=True)
class IntervalRow:
    level: Level
    visit: int
    reassessment: int
    visit_changed: bool
    reassessment_changed: bool


@dataclass(frozen=True)
class Matrix:
    priorities: tuple[str, ...]
    rows: tuple[MatrixRow, ...]
    intervals: tuple[IntervalRow, ...]
    changed: int  # cells and intervals that differ from the policy compared with
    working: tuple[str, ...]
    rules_version: str = RULES_VERSION


def _levels(policy: Policy) -> list[tuple[str, list[Level]]]:
    categories = [(level.label, level.value) for level in Level] + [(NO_RM2000, None)]
    return [
        (label, [derive_level(rm2000=value, priority=p, policy=policy).level for p in Priority])
        for label, value in categories
    ]


def level_matrix(policy: Policy, *, compared_with: Policy | None = None) -> Matrix:
    """The policy's matrix, each cell marked where it differs from ``compared_with``."""
    base = compared_with or policy
    rows, changed = [], 0
    for (label, levels), (_, before) in zip(_levels(policy), _levels(base), strict=True):
        cells = tuple(Cell(now, now != was) for now, was in zip(levels, before, strict=True))
        changed += sum(c.changed for c in cells)
        rows.append(MatrixRow(label, cells))
    intervals = []
    for level in reversed(Level):
        visit, reassess = (
            policy.visit_interval_months[level],
            policy.reassessment_interval_months[level],
        )
        row = IntervalRow(
            level,
            visit,
            reassess,
            visit != base.visit_interval_months[level],
            reassess != base.reassessment_interval_months[level],
        )
        changed += row.visit_changed + row.reassessment_changed
        intervals.append(row)
    working = (
        f"Levels from derive_level under policy {policy.version}, "
        f"compared with {base.version}: {changed} difference{'s' if changed != 1 else ''}",
    )
    return Matrix(
        priorities=tuple(p.label for p in Priority),
        rows=tuple(reversed(rows[:-1])) + (rows[-1],),  # Very high first, no RM2000/S last
        intervals=tuple(intervals),
        changed=changed,
        working=working,
    )
