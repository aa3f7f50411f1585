"""Level of risk management and timetable of engagements: the provisional policy ``level-1``.

Pure domain rule (stdlib only: no Django, no clock, no I/O). Combines the static category (the
RM2000/S category, or OSP's: the policy's ``static_tool`` says which) with the ARMS priority for
work into a level of risk management, and turns a level into due dates.
The numbers live in a versioned ``Policy`` (a force can edit them without a code change); every
result carries the policy version it used. See docs/domain.md, "Level of risk management" and
"Timetable of engagements".
"""

from __future__ import annotations

import datetime
import enum
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from types import MappingProxyType
from typing import Any

from arms_site.lib.dates import add_months, check_date
from arms_site.lib.ordinal import ORDER, RiskCategory

from .priority import Priority

# The four-step scale is shared with RM2000 categories: one enum, ordered by rank.
Level = RiskCategory
_LEVELS: tuple[Level, ...] = ORDER


def _coerce(enum_cls: type[enum.Enum], value: object, what: str) -> Any:
    """Accept a member, an equal str enum (e.g. Django TextChoices) or the plain string."""
    plain = value.value if isinstance(value, enum.Enum) else value
    if isinstance(plain, str):
        try:
            return enum_cls(plain)
        except ValueError:
            pass
    allowed = ", ".join(member.value for member in enum_cls)
    raise ValueError(f"{what} must be one of {allowed}; got {value!r}")


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _complete(enum_cls: type[enum.Enum], mapping: object, name: str) -> dict[Any, Any]:
    """Key a policy table by enum members, insisting on exactly one entry per member."""
    if not isinstance(mapping, Mapping):
        raise ValueError(f"Policy {name} must be a mapping, got {mapping!r}")
    keyed = {_coerce(enum_cls, key, f"Policy {name} key"): value for key, value in mapping.items()}
    missing = [member.value for member in enum_cls if member not in keyed]
    if missing:
        raise ValueError(f"Policy {name} is missing: {', '.join(missing)}")
    return keyed


class StaticTool(enum.StrEnum):
    """Which static (actuarial) tool gives the starting category."""

    RM2000 = "rm2000"  # the RM2000/S category
    OSP = "osp"  # the higher of the OSP/DC band (after any reduction) and the OSP/IIC band

    @property
    def label(self) -> str:
        return STATIC_TOOL_LABELS[self]


STATIC_TOOL_LABELS = {StaticTool.RM2000: "RM2000/S", StaticTool.OSP: "OSP"}
OPTIONAL_KEYS = {"static_tool": StaticTool.RM2000.value}  # absent from versions before it


@dataclass(frozen=True)
class Policy:
    version: str
    priority_adjustment: Mapping[Priority, int] = field(
        default_factory=lambda: {Priority.HIGH: 1, Priority.MEDIUM: 0, Priority.LOW: -1}
    )
    no_rm2000_level: Mapping[Priority, Level] = field(
        default_factory=lambda: {p: Level(p.value) for p in Priority}
    )
    visit_interval_months: Mapping[Level, int] = field(
        default_factory=lambda: {Level.VERY_HIGH: 1, Level.HIGH: 3, Level.MEDIUM: 6, Level.LOW: 12}
    )
    reassessment_interval_months: Mapping[Level, int] = field(
        default_factory=lambda: {Level.VERY_HIGH: 3, Level.HIGH: 6, Level.MEDIUM: 12, Level.LOW: 12}
    )
    static_tool: StaticTool = StaticTool.RM2000

    def __post_init__(self) -> None:
        if not isinstance(self.version, str) or not self.version.strip():
            raise ValueError(f"Policy version must be a non-empty string, got {self.version!r}")
        tool = _coerce(StaticTool, self.static_tool, "Policy static_tool")
        object.__setattr__(self, "static_tool", tool)

        adjustment = _complete(Priority, self.priority_adjustment, "priority_adjustment")
        for priority, steps in adjustment.items():
            if not _is_int(steps):
                raise ValueError(
                    f"Policy priority_adjustment for {priority.value} must be a whole number "
                    f"of levels, got {steps!r}"
                )

        no_rm2000 = _complete(Priority, self.no_rm2000_level, "no_rm2000_level")
        for priority, level in no_rm2000.items():
            no_rm2000[priority] = _coerce(Level, level, f"Policy no_rm2000_level for {priority}")

        tables = {"priority_adjustment": adjustment, "no_rm2000_level": no_rm2000}
        for name in ("visit_interval_months", "reassessment_interval_months"):
            table = _complete(Level, getattr(self, name), name)
            for level, months in table.items():
                if not _is_int(months) or months <= 0:
                    raise ValueError(
                        f"Policy {name} for {level.value} must be a positive whole number "
                        f"of months, got {months!r}"
                    )
            tables[name] = table

        # Frozen in both senses: the dataclass and its tables (keyed by enum members).
        for name, table in tables.items():
            object.__setattr__(self, name, MappingProxyType(table))

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Policy:
        """Build from the JSON shape of ``to_dict`` (as stored by a Django JSONField)."""
        if not isinstance(data, Mapping):
            raise ValueError(f"Policy data must be a mapping, got {data!r}")
        keys = [f.name for f in fields(cls)]
        data = {**OPTIONAL_KEYS, **data}
        missing = [key for key in keys if key not in data]
        if missing:
            raise ValueError(f"Policy data is missing: {', '.join(missing)}")
        unknown = sorted(str(key) for key in data if key not in keys)
        if unknown:
            raise ValueError(f"Policy data has unknown key(s): {', '.join(unknown)}")
        return cls(**{key: data[key] for key in keys})

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready dict: string keys and values, in the enums' order."""

        def plain(table: Mapping[Any, Any], order: type[enum.Enum]) -> dict[str, Any]:
            return {m.value: getattr(table[m], "value", table[m]) for m in order}

        return {
            "version": self.version,
            "priority_adjustment": plain(self.priority_adjustment, Priority),
            "no_rm2000_level": plain(self.no_rm2000_level, Priority),
            "visit_interval_months": plain(self.visit_interval_months, Level),
            "reassessment_interval_months": plain(self.reassessment_interval_months, Level),
            "static_tool": self.static_tool.value,
        }


DEFAULT_POLICY = Policy(version="level-1")


@dataclass(frozen=True)
class LevelResult:
    level: Level
    needs_review: bool
    working: tuple[str, ...]
    policy_version: str
    rm2000: Level | None  # the static category the level started from (whichever tool)
    priority: Priority
    tool: str = "RM2000/S"


def _clamp(rank: int) -> Level:
    return _LEVELS[max(0, min(rank, len(_LEVELS) - 1))]


def _levels_text(steps: int) -> str:
    return "one level" if abs(steps) == 1 else f"{abs(steps)} levels"


def derive_level(
    *, rm2000: object, priority: object, policy: Policy = DEFAULT_POLICY, tool: str | None = None
) -> LevelResult:
    """Combine the static category (or None) with the ARMS priority into a level.

    ``rm2000`` is the starting category of the policy's static tool (the name is kept for
    compatibility); ``tool`` names that tool in the working, by default the policy's
    (``"RM2000/S"`` or ``"OSP"``).
    """
    prio: Priority = _coerce(Priority, priority, "ARMS priority")
    if tool is None:
        tool = policy.static_tool.label
    if not isinstance(tool, str) or not tool.strip():
        raise ValueError(f"tool must name the static tool, got {tool!r}")
    if rm2000 is None:
        level = policy.no_rm2000_level[prio]
        working = (
            f"No applicable {tool}: level equals the priority; flagged for supervisor review",
            f"ARMS priority {prio.value} → {level.label}",
        )
        return LevelResult(level, True, working, policy.version, None, prio, tool)

    start: Level = _coerce(Level, rm2000, f"{tool} category")
    steps = policy.priority_adjustment[prio]
    level = _clamp(start.rank + steps)
    lines = [f"Start from {tool} {start.label}"]
    if steps == 0:
        lines.append(f"ARMS priority {prio.value} leaves it at {start.label}")
    else:
        verb = "raises" if steps > 0 else "lowers"
        move = f"ARMS priority {prio.value} {verb} {_levels_text(steps)}"
        if level == start:  # already at the end it would move past
            lines += [move, f"Already at {start.label}: stays {start.label}"]
        elif level.rank != start.rank + steps:  # moved part of the way, then stopped at the end
            lines.append(f"{move} → {level.label} (no level beyond {level.label})")
        else:
            lines.append(f"{move} → {level.label}")
    lines.append(f"Level of risk management: {level.label} (policy {policy.version})")
    return LevelResult(level, False, tuple(lines), policy.version, start, prio, tool)


def move_level(level: object, steps: int) -> Level:
    """An officer's override: one level up or down at most, never beyond Low … Very high."""
    if not _is_int(steps) or steps not in (-1, 0, 1):
        raise ValueError(f"An override moves the level by -1, 0 or +1, got {steps!r}")
    return _clamp(_coerce(Level, level, "Level").rank + steps)


def next_visit_due(
    *, level: object, anchor: datetime.date, policy: Policy = DEFAULT_POLICY
) -> datetime.date:
    """Anchor (last completed visit, or when the level took effect) + the level's interval."""
    check_date(anchor)
    months = policy.visit_interval_months[_coerce(Level, level, "Level")]
    return add_months(anchor, months)


def next_reassessment_due(
    *, level: object, anchor: datetime.date, policy: Policy = DEFAULT_POLICY
) -> datetime.date:
    """Anchor (last countersigned assessment) + the level's reassessment interval."""
    check_date(anchor)
    months = policy.reassessment_interval_months[_coerce(Level, level, "Level")]
    return add_months(anchor, months)
