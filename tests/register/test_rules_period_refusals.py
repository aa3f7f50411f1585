"""What the register's notification_period (register-1) accepts as a disposal and what it
refuses: unknown disposals, bad dates and ages, misplaced months, keyword-only arguments."""

import datetime
import enum

import pytest

from register.rules import Disposal, change_notification_due, notification_period
from tests.register.rules_cases import DAY, d, period

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
