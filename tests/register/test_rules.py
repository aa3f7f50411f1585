"""The register's pure rules (register-1): notification periods and due dates, table-driven."""

import datetime
import enum
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from register.rules import (
    RULES_VERSION,
    Disposal,
    NotificationPeriod,
    RuleDate,
    change_notification_due,
    change_notification_due_working,
    indefinite_review_from,
    indefinite_review_from_working,
    notification_period,
    periodic_notification_due,
    periodic_notification_due_working,
    travel_notification_due,
    travel_notification_due_working,
)

PROJECT_ROOT = Path(__file__).resolve().parents[2]
d = datetime.date
DAY = d(2026, 3, 10)


def period(disposal, age=30, relevant_date=DAY, **extra):
    return notification_period(
        disposal=disposal, relevant_date=relevant_date, age_on_relevant_date=age, **extra
    )


# --- the issue's worked examples --------------------------------------------------------


def test_the_issues_worked_examples():
    p = notification_period(
        disposal="imprisonment",
        relevant_date=d(2020, 2, 29),
        age_on_relevant_date=30,
        custody_months=24,
    )
    assert (p.indefinite, p.months, p.last_day) == (False, 120, d(2030, 2, 28))
    assert p.rules_version == RULES_VERSION == "register-1"
    assert isinstance(p.working, tuple) and all(isinstance(line, str) for line in p.working)
    assert indefinite_review_from(
        initial_notification=d(2010, 3, 31), age_on_relevant_date=17
    ) == d(2018, 3, 31)
    assert periodic_notification_due(last_notification=d(2026, 3, 10)) == d(2027, 3, 9)
    assert periodic_notification_due(last_notification=d(2026, 3, 10), no_fixed_abode=True) == d(
        2026, 3, 16
    )
    assert change_notification_due(change_date=d(2026, 3, 10)) == d(2026, 3, 12)
    assert travel_notification_due(departure_date=d(2026, 3, 10)) == d(2026, 3, 3)


def test_the_worked_example_shows_its_working():
    p = period("imprisonment", relevant_date=d(2020, 2, 29), custody_months=24)
    assert p.working == (
        "Imprisonment for 24 months (more than 6 but less than 30 months): 10 years",
        "Aged 30 on the relevant date (18 or over): not halved",
        "10 years beginning with the relevant date, 29 February 2020",
        "The anniversary 10 years on would be 29 February 2030, which does not exist, "
        "so it falls on 1 March 2030",
        "Last day on the register: 28 February 2030 (the day before the anniversary)",
    )


# --- notification period: every disposal, both sides of 18 --------------------------------

# (disposal, extra arguments, months at 18 or over, months under 18); None is indefinite
PERIODS = [
    ("life_imprisonment", {}, None, None),
    ("imprisonment", {"custody_months": 1}, 84, 42),
    ("imprisonment", {"custody_months": 6}, 84, 42),  # 6 months or less: 7 years
    ("imprisonment", {"custody_months": 7}, 120, 60),  # more than 6: 10 years
    ("imprisonment", {"custody_months": 29}, 120, 60),  # less than 30: 10 years
    ("imprisonment", {"custody_months": 30}, None, None),  # 30 or more: indefinite
    ("imprisonment", {"custody_months": 31}, None, None),
    ("imprisonment", {"custody_months": 600}, None, None),
    ("hospital_restriction_order", {}, None, None),
    ("hospital_order", {}, 84, 42),
    ("caution", {}, 24, 12),
    ("conditional_discharge", {"discharge_months": 1}, 1, 1),  # never halved
    ("conditional_discharge", {"discharge_months": 18}, 18, 18),
    ("conditional_discharge", {"discharge_months": 36}, 36, 36),
    ("other", {}, 60, 30),
]


@pytest.mark.parametrize(("disposal", "extra", "adult", "_"), PERIODS)
@pytest.mark.parametrize("age", [18, 19, 119])
def test_the_period_at_18_or_over(disposal, extra, adult, _, age):
    p = period(disposal, age=age, **extra)
    assert p.months == adult
    assert p.indefinite is (adult is None)
    assert p.under_18 is False
    assert "not halved" in p.working[1]


@pytest.mark.parametrize(("disposal", "extra", "_", "young"), PERIODS)
@pytest.mark.parametrize("age", [10, 17])
def test_the_period_under_18(disposal, extra, _, young, age):
    p = period(disposal, age=age, **extra)
    assert p.months == young
    assert p.indefinite is (young is None)
    assert p.under_18 is True


@pytest.mark.parametrize(("disposal", "extra", "adult", "_"), PERIODS)
def test_an_indefinite_period_has_no_months_and_no_last_day(disposal, extra, adult, _):
    p = period(disposal, **extra)
    if adult is None:
        assert (p.months, p.last_day) == (None, None)
        assert "indefinitely" in p.working[-1]
    else:
        assert p.last_day is not None


def test_the_result_is_frozen_and_keeps_its_inputs():
    p = period(Disposal.CAUTION, age=17)
    assert isinstance(p, NotificationPeriod)
    assert (p.disposal, p.relevant_date, p.age_on_relevant_date) == (Disposal.CAUTION, DAY, 17)
    with pytest.raises(AttributeError):
        p.months = 1


@pytest.mark.parametrize(
    ("disposal", "extra", "age", "line"),
    [
        ("imprisonment", {"custody_months": 6}, 17, "7 years halved to 3½ years"),
        ("imprisonment", {"custody_months": 7}, 17, "10 years halved to 5 years"),
        ("other", {}, 17, "5 years halved to 2½ years"),
        ("caution", {}, 17, "2 years halved to 1 year"),
        ("conditional_discharge", {"discharge_months": 12}, 17, "is not halved"),
        ("life_imprisonment", {}, 17, "indefinite all the same"),
    ],
)
def test_the_working_says_whether_it_halved(disposal, extra, age, line):
    assert line in period(disposal, age=age, **extra).working[1]


# --- counting "beginning with" the relevant date: month ends and 29 February --------------


@pytest.mark.parametrize(
    ("disposal", "extra", "age", "relevant_date", "last_day"),
    [
        # an ordinary day: the day before the anniversary
        ("other", {}, 30, d(2026, 3, 10), d(2031, 3, 9)),
        ("caution", {}, 30, d(2026, 1, 1), d(2027, 12, 31)),
        # 29 February: the anniversary exists in a leap year ...
        ("caution", {}, 17, d(2024, 2, 29), d(2025, 2, 28)),  # 1 year: 1 Mar 2025
        ("hospital_order", {}, 30, d(2024, 2, 29), d(2031, 2, 28)),  # 7 years: 1 Mar 2031
        ("other", {}, 17, d(2024, 2, 29), d(2026, 8, 28)),  # 2½ years: 29 Aug exists
        ("caution", {}, 30, d(2024, 2, 29), d(2026, 2, 28)),
        ("imprisonment", {"custody_months": 12}, 17, d(2024, 2, 29), d(2029, 2, 28)),
        ("conditional_discharge", {"discharge_months": 48}, 30, d(2024, 2, 29), d(2028, 2, 28)),
        # ... and to 28 February in a leap year it is the 29th that is the last day
        ("caution", {}, 30, d(2026, 3, 1), d(2028, 2, 29)),
        # the 31st in a shorter month: the anniversary is the 1st of the next month
        ("other", {}, 17, d(2020, 10, 31), d(2023, 4, 30)),  # 31 Apr 2023 → 1 May
        ("hospital_order", {}, 17, d(2020, 8, 31), d(2024, 2, 29)),  # 31 Feb 2024 → 1 Mar
        ("hospital_order", {}, 17, d(2021, 8, 31), d(2025, 2, 28)),  # 31 Feb 2025 → 1 Mar
        ("conditional_discharge", {"discharge_months": 1}, 30, d(2026, 1, 31), d(2026, 2, 28)),
        ("conditional_discharge", {"discharge_months": 1}, 30, d(2026, 1, 30), d(2026, 2, 28)),
        ("conditional_discharge", {"discharge_months": 1}, 30, d(2028, 1, 30), d(2028, 2, 29)),
        ("conditional_discharge", {"discharge_months": 1}, 30, d(2028, 1, 29), d(2028, 2, 28)),
        ("conditional_discharge", {"discharge_months": 1}, 30, d(2026, 3, 31), d(2026, 4, 30)),
        ("conditional_discharge", {"discharge_months": 1}, 30, d(2026, 4, 30), d(2026, 5, 29)),
        ("conditional_discharge", {"discharge_months": 3}, 30, d(2026, 11, 30), d(2027, 2, 28)),
        # the year turns
        ("conditional_discharge", {"discharge_months": 1}, 30, d(2026, 12, 31), d(2027, 1, 30)),
    ],
)
def test_the_last_day_is_the_day_before_the_anniversary(
    disposal, extra, age, relevant_date, last_day
):
    assert period(disposal, age=age, relevant_date=relevant_date, **extra).last_day == last_day


def test_a_missing_anniversary_is_explained():
    p = period("other", age=17, relevant_date=d(2020, 10, 31))
    assert p.working[-2] == (
        "The anniversary 2½ years on would be 31 April 2023, which does not exist, "
        "so it falls on 1 May 2023"
    )
    assert (
        p.working[-1] == "Last day on the register: 30 April 2023 (the day before the anniversary)"
    )


def test_an_existing_anniversary_is_stated():
    p = period("conditional_discharge", discharge_months=18, relevant_date=d(2026, 3, 10))
    assert p.working[0] == "Conditional discharge for 18 months: the period of the discharge"
    assert "The anniversary 18 months on is 10 September 2027" in p.working


@settings(deadline=None)  # no timing: the machine is shared, a slow example is not a failure
@given(
    st.dates(min_value=d(1950, 1, 1), max_value=d(2100, 12, 31)),
    st.integers(min_value=1, max_value=240),
)
def test_the_period_always_ends_on_the_eve_of_an_anniversary(start, months):
    """The day after the last day is the same day of the month, or the 1st after a short month."""
    last = period("conditional_discharge", relevant_date=start, discharge_months=months).last_day
    after = last + datetime.timedelta(days=1)
    target = (start.year * 12 + start.month - 1 + months) % 12 + 1
    if after.month == target:
        assert after.day == start.day
    else:
        assert after.day == 1 and start.day > last.day and last.month == target
    assert last >= start


# --- notification period: refusals --------------------------------------------------------


class OtherDisposal(enum.StrEnum):  # e.g. a Django TextChoices with the same values
    CAUTION = "caution"


class NumberedDisposal(enum.IntEnum):
    CAUTION = 1


@pytest.mark.parametrize("disposal", list(Disposal) + [v.value for v in Disposal])
def test_every_disposal_is_accepted_as_member_or_string(disposal):
    extra = {
        "imprisonment": {"custody_months": 12},
        "conditional_discharge": {"discharge_months": 12},
    }.get(str(disposal), {})
    assert period(disposal, **extra).disposal is Disposal(disposal)


def test_an_equal_str_enum_is_accepted():
    assert period(OtherDisposal.CAUTION).disposal is Disposal.CAUTION


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({"disposal": "fine"}, "disposal must be one of"),
        ({"disposal": "Caution"}, "disposal must be one of"),
        ({"disposal": " caution"}, "disposal must be one of"),
        ({"disposal": ""}, "disposal must be one of"),
        ({"disposal": None}, "disposal must be one of"),
        ({"disposal": 1}, "disposal must be one of"),
        ({"disposal": NumberedDisposal.CAUTION}, "disposal must be one of"),
        ({"relevant_date": "2026-03-10"}, "relevant_date must be a datetime.date"),
        ({"relevant_date": None}, "relevant_date must be a datetime.date"),
        (
            {"relevant_date": datetime.datetime(2026, 3, 10)},
            "relevant_date must be a datetime.date",
        ),
        ({"age_on_relevant_date": 9}, "age_on_relevant_date must be from 10 to 119"),
        ({"age_on_relevant_date": 120}, "age_on_relevant_date must be from 10 to 119"),
        ({"age_on_relevant_date": -1}, "age_on_relevant_date must be from 10 to 119"),
        ({"age_on_relevant_date": True}, "age_on_relevant_date must be a whole number"),
        ({"age_on_relevant_date": 30.0}, "age_on_relevant_date must be a whole number"),
        ({"age_on_relevant_date": "30"}, "age_on_relevant_date must be a whole number"),
        ({"age_on_relevant_date": None}, "age_on_relevant_date must be a whole number"),
        # custody_months: required for imprisonment, refused for everything else
        ({"disposal": "imprisonment"}, "custody_months is required for imprisonment"),
        ({"disposal": "imprisonment", "custody_months": 0}, "custody_months must be at least 1"),
        ({"disposal": "imprisonment", "custody_months": -6}, "custody_months must be at least 1"),
        ({"disposal": "imprisonment", "custody_months": True}, "custody_months must be a whole"),
        ({"disposal": "imprisonment", "custody_months": 6.0}, "custody_months must be a whole"),
        ({"disposal": "imprisonment", "custody_months": "6"}, "custody_months must be a whole"),
        (
            {"disposal": "imprisonment", "custody_months": 12, "discharge_months": 12},
            "discharge_months is only for conditional_discharge, not imprisonment",
        ),
        # discharge_months: required for a conditional discharge, refused for everything else
        (
            {"disposal": "conditional_discharge"},
            "discharge_months is required for conditional_discharge",
        ),
        (
            {"disposal": "conditional_discharge", "discharge_months": 0},
            "discharge_months must be at least 1",
        ),
        (
            {"disposal": "conditional_discharge", "discharge_months": False},
            "discharge_months must be a whole",
        ),
        (
            {"disposal": "conditional_discharge", "discharge_months": 12, "custody_months": 12},
            "custody_months is only for imprisonment, not conditional_discharge",
        ),
        # beyond the calendar
        (
            {"disposal": "other", "relevant_date": d(9996, 1, 1)},
            "relevant_date 9996-01-01 plus 5 years is beyond the calendar's end",
        ),
        (
            {"disposal": "conditional_discharge", "discharge_months": 10**6},
            "relevant_date 2026-03-10 plus 1000000 months is beyond the calendar's end",
        ),
    ],
)
def test_notification_period_refuses(arguments, message):
    base = {"disposal": "caution", "relevant_date": DAY, "age_on_relevant_date": 30}
    with pytest.raises(ValueError, match=message):
        notification_period(**(base | arguments))


@pytest.mark.parametrize("disposal", [v for v in Disposal if v is not Disposal.IMPRISONMENT])
def test_custody_months_is_refused_for_every_other_disposal(disposal):
    extra = {"discharge_months": 12} if disposal is Disposal.CONDITIONAL_DISCHARGE else {}
    with pytest.raises(
        ValueError, match=f"custody_months is only for imprisonment, not {disposal}"
    ):
        period(disposal, custody_months=12, **extra)


@pytest.mark.parametrize(
    "disposal", [v for v in Disposal if v is not Disposal.CONDITIONAL_DISCHARGE]
)
def test_discharge_months_is_refused_for_every_other_disposal(disposal):
    extra = {"custody_months": 12} if disposal is Disposal.IMPRISONMENT else {}
    with pytest.raises(ValueError, match="discharge_months is only for conditional_discharge"):
        period(disposal, discharge_months=12, **extra)


def test_the_arguments_are_keyword_only():
    with pytest.raises(TypeError):
        notification_period("caution", DAY, 30)
    with pytest.raises(TypeError):
        change_notification_due(DAY)


# --- review of indefinite notification ----------------------------------------------------


@pytest.mark.parametrize(
    ("initial", "age", "review_from"),
    [
        (d(2010, 3, 31), 17, d(2018, 3, 31)),  # the issue's example
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
