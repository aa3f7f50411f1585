"""The combiner's policy: a force's own tables, their validation and the static tool; the
timetable they drive (calendar months, next visit and reassessment); purity (docs/domain.md)."""

import dataclasses
import datetime
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from assessments.combiner import (
    DEFAULT_POLICY,
    Level,
    Policy,
    add_months,
    derive_level,
    next_reassessment_due,
    next_visit_due,
)

D = datetime.date
PROJECT_ROOT = Path(__file__).resolve().parents[2]

# --- a force's own policy --------------------------------------------------------------------

CUSTOM = Policy(
    version="force-x-2",
    priority_adjustment={"high": 2, "medium": 0, "low": 0},
    no_rm2000_level={"low": "medium", "medium": "medium", "high": "very_high"},
    visit_interval_months={"very_high": 1, "high": 2, "medium": 4, "low": 6},
    reassessment_interval_months={"very_high": 2, "high": 4, "medium": 6, "low": 9},
)


@pytest.mark.parametrize(
    ("rm2000", "priority", "expected"),
    [
        ("low", "high", Level.HIGH),
        ("medium", "high", Level.VERY_HIGH),
        ("high", "high", Level.VERY_HIGH),
        ("low", "low", Level.LOW),
        (None, "low", Level.MEDIUM),
        (None, "high", Level.VERY_HIGH),
    ],
)
def test_custom_policy_is_used_and_its_version_recorded(rm2000, priority, expected):
    result = derive_level(rm2000=rm2000, priority=priority, policy=CUSTOM)
    assert (result.level, result.policy_version) == (expected, "force-x-2")


def test_custom_policy_partial_clamp_is_explained():
    result = derive_level(rm2000="high", priority="high", policy=CUSTOM)
    assert (
        result.working[1]
        == "ARMS priority high raises 2 levels → Very high (no level beyond Very high)"
    )


def test_custom_policy_intervals():
    assert next_visit_due(level="high", anchor=D(2024, 1, 31), policy=CUSTOM) == D(2024, 3, 31)
    assert next_reassessment_due(level="low", anchor=D(2024, 1, 31), policy=CUSTOM) == D(
        2024, 10, 31
    )


def test_default_policy_round_trips_through_json():
    data = DEFAULT_POLICY.to_dict()
    assert data == {
        "version": "level-1",
        "priority_adjustment": {"low": -1, "medium": 0, "high": 1},
        "no_rm2000_level": {"low": "low", "medium": "medium", "high": "high"},
        "visit_interval_months": {"low": 12, "medium": 6, "high": 3, "very_high": 1},
        "reassessment_interval_months": {"low": 12, "medium": 12, "high": 6, "very_high": 3},
        "static_tool": "rm2000",
    }
    assert Policy.from_dict(json.loads(json.dumps(data))) == DEFAULT_POLICY
    assert Policy.from_dict(CUSTOM.to_dict()) == CUSTOM


def test_policy_tables_are_read_only():
    with pytest.raises(TypeError):
        DEFAULT_POLICY.visit_interval_months[Level.LOW] = 99
    with pytest.raises(dataclasses.FrozenInstanceError):
        DEFAULT_POLICY.version = "changed"


def _with(**changes):
    data = DEFAULT_POLICY.to_dict()
    for dotted, value in changes.items():
        table, _, key = dotted.partition("__")
        if key:
            data[table] = {**data[table], key: value}
        else:
            data[table] = value
    return data


def _without(table, key=None):
    data = DEFAULT_POLICY.to_dict()
    if key is None:
        del data[table]
    else:
        data[table] = {k: v for k, v in data[table].items() if k != key}
    return data


BAD_POLICIES = [
    (
        "missing top-level key",
        _without("visit_interval_months"),
        "Policy data is missing: visit_interval_months",
    ),
    (
        "unknown top-level key",
        {**DEFAULT_POLICY.to_dict(), "colour": "red"},
        "Policy data has unknown key(s): colour",
    ),
    ("empty version", _with(version=""), "Policy version"),
    (
        "unknown level in intervals",
        _with(visit_interval_months__extreme=1),
        "Policy visit_interval_months key must be one of low, medium, high, very_high",
    ),
    (
        "missing level in intervals",
        _without("reassessment_interval_months", "very_high"),
        "Policy reassessment_interval_months is missing: very_high",
    ),
    ("unknown priority", _with(priority_adjustment__urgent=2), "Policy priority_adjustment key"),
    (
        "missing priority",
        _without("no_rm2000_level", "medium"),
        "Policy no_rm2000_level is missing: medium",
    ),
    (
        "unknown level as no-RM2000 value",
        _with(no_rm2000_level__high="extreme"),
        "Policy no_rm2000_level for high must be one of",
    ),
    (
        "zero interval",
        _with(visit_interval_months__low=0),
        "Policy visit_interval_months for low must be a positive whole number of months, got 0",
    ),
    ("negative interval", _with(reassessment_interval_months__high=-6), "got -6"),
    ("fractional interval", _with(visit_interval_months__medium=1.5), "got 1.5"),
    ("boolean interval", _with(visit_interval_months__medium=True), "got True"),
    ("text interval", _with(visit_interval_months__medium="6"), "got '6'"),
    (
        "text adjustment",
        _with(priority_adjustment__high="1"),
        "Policy priority_adjustment for high must be a whole number of levels, got '1'",
    ),
    ("boolean adjustment", _with(priority_adjustment__high=True), "got True"),
    ("table not a mapping", _with(visit_interval_months=[1, 3, 6, 12]), "must be a mapping"),
    ("data not a mapping", "level-1", "Policy data must be a mapping"),
]


@pytest.mark.parametrize(
    ("data", "message"), [b[1:] for b in BAD_POLICIES], ids=[b[0] for b in BAD_POLICIES]
)
def test_policy_validation(data, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        Policy.from_dict(data)


# --- the static tool: RM2000/S by default, or OSP ------------------------------------------


def test_a_stored_policy_without_a_static_tool_reads_as_rm2000():
    data = DEFAULT_POLICY.to_dict()
    del data["static_tool"]
    assert Policy.from_dict(data).static_tool == "rm2000"


def test_the_working_names_the_policys_tool():
    osp_policy = Policy(version="osp-policy", static_tool="osp")
    result = derive_level(rm2000="high", priority="low", policy=osp_policy)
    assert result.working[0] == "Start from OSP High" and result.tool == "OSP"
    assert result.level == "medium"
    none = derive_level(rm2000=None, priority="high", policy=osp_policy)
    assert none.working[0].startswith("No applicable OSP: level equals the priority")
    assert derive_level(rm2000="low", priority="medium").working[0] == "Start from RM2000/S Low"


def test_the_caller_may_name_the_tool():
    result = derive_level(rm2000="medium", priority="medium", tool="OSP (OSP/DC, OSP/IIC)")
    assert result.working[0] == "Start from OSP (OSP/DC, OSP/IIC) Medium"


@pytest.mark.parametrize("tool", ["", "  ", 3, True])
def test_a_tool_name_must_be_text(tool):
    with pytest.raises(ValueError, match="tool must name the static tool"):
        derive_level(rm2000="low", priority="low", tool=tool)


@pytest.mark.parametrize("static_tool", ["oasys", None, 1])
def test_an_unknown_static_tool_is_refused(static_tool):
    with pytest.raises(ValueError, match="Policy static_tool must be one of rm2000, osp"):
        Policy(version="x", static_tool=static_tool)


# --- calendar months -------------------------------------------------------------------------

MONTHS = [
    ("31 Jan + 1, non-leap → 28 Feb", D(2023, 1, 31), 1, D(2023, 2, 28)),
    ("31 Jan + 1, leap → 29 Feb", D(2024, 1, 31), 1, D(2024, 2, 29)),
    ("31 Aug + 6, into leap Feb → 29 Feb", D(2023, 8, 31), 6, D(2024, 2, 29)),
    ("31 Aug + 6, into non-leap Feb → 28 Feb", D(2022, 8, 31), 6, D(2023, 2, 28)),
    ("30 Nov + 3 crosses the year → 29 Feb", D(2023, 11, 30), 3, D(2024, 2, 29)),
    ("30 Nov + 3 crosses the year → 28 Feb", D(2022, 11, 30), 3, D(2023, 2, 28)),
    ("31 Dec + 12 → 31 Dec next year", D(2023, 12, 31), 12, D(2024, 12, 31)),
    ("29 Feb + 12 → 28 Feb", D(2024, 2, 29), 12, D(2025, 2, 28)),
    ("29 Feb + 48 → 29 Feb", D(2024, 2, 29), 48, D(2028, 2, 29)),
    ("31 Mar + 1 → 30 Apr", D(2024, 3, 31), 1, D(2024, 4, 30)),
    ("15 Jan + 1 keeps the day", D(2024, 1, 15), 1, D(2024, 2, 15)),
    ("+ 0 → same day", D(2024, 5, 31), 0, D(2024, 5, 31)),
]


@pytest.mark.parametrize(
    ("start", "months", "expected"), [m[1:] for m in MONTHS], ids=[m[0] for m in MONTHS]
)
def test_add_months_clamps_the_day(start, months, expected):
    assert add_months(start, months) == expected


@pytest.mark.parametrize(
    ("start", "months"),
    [
        (D(2024, 1, 31), -1),
        (D(2024, 1, 31), 1.0),
        (D(2024, 1, 31), True),
        (datetime.datetime(2024, 1, 31, 9, 0), 1),
        ("2024-01-31", 1),
    ],
    ids=["negative months", "fractional months", "boolean months", "datetime", "string"],
)
def test_add_months_rejects_bad_input(start, months):
    with pytest.raises(ValueError):
        add_months(start, months)


# --- timetable -------------------------------------------------------------------------------

ANCHOR = D(2024, 1, 31)


@pytest.mark.parametrize(
    ("level", "visit", "reassessment"),
    [
        ("very_high", D(2024, 2, 29), D(2024, 4, 30)),  # 1 and 3 months
        ("high", D(2024, 4, 30), D(2024, 7, 31)),  # 3 and 6 months
        ("medium", D(2024, 7, 31), D(2025, 1, 31)),  # 6 and 12 months
        ("low", D(2025, 1, 31), D(2025, 1, 31)),  # 12 and 12 months
    ],
)
def test_default_intervals_per_level(level, visit, reassessment):
    assert next_visit_due(level=level, anchor=ANCHOR) == visit
    assert next_reassessment_due(level=Level(level), anchor=ANCHOR) == reassessment


@pytest.mark.parametrize("due", [next_visit_due, next_reassessment_due])
@pytest.mark.parametrize(
    "anchor",
    [datetime.datetime(2024, 1, 31, 12, 0, tzinfo=datetime.UTC), "2024-01-31", None],
    ids=["datetime", "string", "None"],
)
def test_timetable_rejects_an_anchor_that_is_not_a_date(due, anchor):
    with pytest.raises(ValueError, match="datetime.date"):
        due(level="high", anchor=anchor)


@pytest.mark.parametrize("due", [next_visit_due, next_reassessment_due])
def test_timetable_rejects_an_unknown_level(due):
    with pytest.raises(ValueError, match="Level must be one of"):
        due(level="extreme", anchor=ANCHOR)


# --- purity ----------------------------------------------------------------------------------


def test_importing_the_rules_does_not_import_django():
    code = (
        "import sys\n"
        "import assessments.priority, assessments.combiner\n"
        "loaded = sorted(m for m in sys.modules if m == 'django' or m.startswith('django.'))\n"
        "assert not loaded, loaded\n"
    )
    completed = subprocess.run(
        [sys.executable, "-c", code], cwd=PROJECT_ROOT, capture_output=True, text=True
    )
    assert completed.returncode == 0, completed.stderr
