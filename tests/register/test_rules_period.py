"""The register's notification period (register-1): the worked examples, every disposal on both
sides of 18, and counting "beginning with" the relevant date through month ends and 29 February."""

import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from register.rules import (
    RULES_VERSION,
    Disposal,
    NotificationPeriod,
    change_notification_due,
    indefinite_review_from,
    notification_period,
    periodic_notification_due,
    travel_notification_due,
)
from tests.register.rules_cases import DAY, d, period

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
