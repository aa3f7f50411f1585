"""The register's due dates (register-1): review of indefinite notification, periodic
re-notification, changes and foreign travel, each with its refusals; and purity."""

import datetime
import subprocess
import sys
from pathlib import Path

import pytest

from register.rules import (
    RULES_VERSION,
    RuleDate,
    change_notification_due,
    change_notification_due_working,
    indefinite_review_from,
    indefinite_review_from_working,
    periodic_notification_due,
    periodic_notification_due_working,
    travel_notification_due,
    travel_notification_due_working,
)
from tests.register.rules_cases import DAY, d

PROJECT_ROOT = Path(__file__).resolve().parents[2]

# --- review of indefinite notification ----------------------------------------------------


@pytest.mark.parametrize(
    ("initial", "age", "review_from"),
    [
        (d(2010, 3, 31), 17, d(2018, 3, 31)),  # the example
        (d(2010, 3, 31), 18, d(2025, 3, 31)),
        (d(2010, 3, 31), 10, d(2018, 3, 31)),
        (d(2010, 3, 31), 119, d(2025, 3, 31)),
        (d(2012, 2, 29), 30, d(2027, 3, 1)),  # 29 Feb 2027 does not exist
        (d(2012, 2, 29), 17, d(2020, 2, 29)),  # 8 years on is a leap year
        (d(2013, 2, 28), 30, d(2028, 2, 28)),
        (d(2010, 12, 31), 30, d(2025, 12, 31)),
    ],
)
def test_indefinite_review_from(initial, age, review_from):
    assert (
        indefinite_review_from(initial_notification=initial, age_on_relevant_date=age)
        == review_from
    )
    result = indefinite_review_from_working(initial_notification=initial, age_on_relevant_date=age)
    assert isinstance(result, RuleDate)
    assert result.day == review_from and result.rules_version == RULES_VERSION
    years = 8 if age < 18 else 15
    assert f"review after {years} years" in result.working[0]


def test_the_review_working_reads_well():
    assert indefinite_review_from_working(
        initial_notification=d(2012, 2, 29), age_on_relevant_date=30
    ).working == (
        "Aged 30 on the relevant date (18 or over): review after 15 years",
        "Initial notification on 29 February 2012",
        "The anniversary 15 years on would be 29 February 2027, which does not exist, "
        "so it falls on 1 March 2027",
        "A review may be sought from 1 March 2027",
    )


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({"initial_notification": "2010-03-31"}, "initial_notification must be a datetime.date"),
        (
            {"initial_notification": datetime.datetime(2010, 3, 31)},
            "initial_notification must be a datetime.date",
        ),
        ({"age_on_relevant_date": 9}, "age_on_relevant_date must be from 10 to 119"),
        ({"age_on_relevant_date": 120}, "age_on_relevant_date must be from 10 to 119"),
        ({"age_on_relevant_date": False}, "age_on_relevant_date must be a whole number"),
        ({"initial_notification": d(9990, 1, 1)}, "initial_notification 9990-01-01 plus 15 years"),
    ],
)
def test_indefinite_review_from_refuses(arguments, message):
    base = {"initial_notification": d(2010, 3, 31), "age_on_relevant_date": 30}
    for function in (indefinite_review_from, indefinite_review_from_working):
        with pytest.raises(ValueError, match=message):
            function(**(base | arguments))


# --- periodic re-notification -------------------------------------------------------------


@pytest.mark.parametrize(
    ("last", "no_fixed_abode", "due"),
    [
        (d(2026, 3, 10), False, d(2027, 3, 9)),
        (d(2026, 3, 10), True, d(2026, 3, 16)),
        (d(2024, 2, 29), False, d(2025, 2, 28)),  # 29 Feb 2025 does not exist → 1 Mar
        (d(2027, 2, 28), False, d(2028, 2, 27)),
        (d(2027, 3, 1), False, d(2028, 2, 29)),  # the eve of 1 March in a leap year
        (d(2026, 1, 1), False, d(2026, 12, 31)),
        (d(2026, 12, 31), False, d(2027, 12, 30)),
        (d(2026, 12, 28), True, d(2027, 1, 3)),  # the year turns
        (d(2028, 2, 26), True, d(2028, 3, 3)),  # through 29 February
        (d(2027, 2, 26), True, d(2027, 3, 4)),
    ],
)
def test_periodic_notification_due(last, no_fixed_abode, due):
    assert periodic_notification_due(last_notification=last, no_fixed_abode=no_fixed_abode) == due
    result = periodic_notification_due_working(
        last_notification=last, no_fixed_abode=no_fixed_abode
    )
    assert result.day == due and result.rules_version == RULES_VERSION
    assert result.working[-1].startswith("Due by ")


def test_no_fixed_abode_defaults_to_false():
    assert periodic_notification_due(last_notification=DAY) == d(2027, 3, 9)


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({"last_notification": None}, "last_notification must be a datetime.date"),
        (
            {"last_notification": datetime.datetime(2026, 3, 10, 9)},
            "last_notification must be a datetime.date",
        ),
        ({"no_fixed_abode": 1}, "no_fixed_abode must be True or False"),
        ({"no_fixed_abode": "yes"}, "no_fixed_abode must be True or False"),
        ({"no_fixed_abode": None}, "no_fixed_abode must be True or False"),
        ({"last_notification": datetime.date.max}, "last_notification 9999-12-31"),
        (
            {"last_notification": datetime.date.max, "no_fixed_abode": True},
            "last_notification 9999-12-31 is too near the calendar's end",
        ),
    ],
)
def test_periodic_notification_due_refuses(arguments, message):
    base = {"last_notification": DAY}
    for function in (periodic_notification_due, periodic_notification_due_working):
        with pytest.raises(ValueError, match=message):
            function(**(base | arguments))


# --- changes and foreign travel -----------------------------------------------------------


@pytest.mark.parametrize(
    ("change", "due"),
    [
        (d(2026, 3, 10), d(2026, 3, 12)),
        (d(2026, 2, 27), d(2026, 3, 1)),
        (d(2028, 2, 28), d(2028, 3, 1)),
        (d(2028, 2, 27), d(2028, 2, 29)),
        (d(2026, 12, 30), d(2027, 1, 1)),
        (d(2026, 4, 30), d(2026, 5, 2)),
    ],
)
def test_change_notification_due(change, due):
    assert change_notification_due(change_date=change) == due
    result = change_notification_due_working(change_date=change)
    assert result.day == due
    assert result.working[1] == "Within 3 days beginning with the change"


@pytest.mark.parametrize(
    ("departure", "due"),
    [
        (d(2026, 3, 10), d(2026, 3, 3)),
        (d(2026, 3, 1), d(2026, 2, 22)),
        (d(2028, 3, 7), d(2028, 2, 29)),
        (d(2027, 1, 3), d(2026, 12, 27)),
        (d(2026, 5, 1), d(2026, 4, 24)),
    ],
)
def test_travel_notification_due(departure, due):
    assert travel_notification_due(departure_date=departure) == due
    result = travel_notification_due_working(departure_date=departure)
    assert result.day == due
    assert result.working[1] == "At least 7 days before departure"


@pytest.mark.parametrize(
    ("function", "name", "value", "message"),
    [
        (change_notification_due, "change_date", "2026-03-10", "change_date must be a datetime"),
        (change_notification_due, "change_date", None, "change_date must be a datetime"),
        (
            change_notification_due,
            "change_date",
            datetime.datetime(2026, 3, 10),
            "change_date must be a datetime",
        ),
        (change_notification_due, "change_date", d(9999, 12, 30), "change_date 9999-12-30"),
        (travel_notification_due, "departure_date", 20260310, "departure_date must be a datetime"),
        (
            travel_notification_due,
            "departure_date",
            datetime.datetime(2026, 3, 10),
            "departure_date must be a datetime",
        ),
        (travel_notification_due, "departure_date", d(1, 1, 6), "departure_date 0001-01-06"),
    ],
)
def test_change_and_travel_refuse(function, name, value, message):
    with pytest.raises(ValueError, match=message):
        function(**{name: value})


# --- purity -------------------------------------------------------------------------------


def test_importing_the_rules_does_not_import_django():
    code = (
        "import sys\n"
        "import register.rules\n"
        "loaded = sorted(m for m in sys.modules if m == 'django' or m.startswith('django.'))\n"
        "assert not loaded, loaded\n"
    )
    completed = subprocess.run(
        [sys.executable, "-c", code], cwd=PROJECT_ROOT, capture_output=True, text=True
    )
    assert completed.returncode == 0, completed.stderr
