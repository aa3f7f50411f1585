"""Month-end-safe calendar helpers, and the forms that use them on 29 February."""

import datetime

import pytest

from arms_site.lib.dates import add_months, years_after, years_before
from offenders.forms import OffenderForm


@pytest.mark.parametrize(
    ("day", "years", "expected"),
    [
        (datetime.date(2028, 2, 29), 10, datetime.date(2018, 2, 28)),
        (datetime.date(2028, 2, 29), 4, datetime.date(2024, 2, 29)),
        (datetime.date(2027, 3, 1), 1, datetime.date(2026, 3, 1)),
    ],
)
def test_years_before_is_safe_on_29_february(day, years, expected):
    assert years_before(day, years) == expected


def test_years_after_and_add_months_clamp_to_the_month_end():
    assert years_after(datetime.date(2028, 2, 29), 1) == datetime.date(2029, 2, 28)
    assert add_months(datetime.date(2026, 1, 31), 1) == datetime.date(2026, 2, 28)


@pytest.mark.django_db
def test_the_offender_form_works_on_29_february(monkeypatch, team, owner):
    """The "at least 10 years ago" check used date.replace(year=...), a 500 on 29 February."""
    monkeypatch.setattr(
        "django.utils.timezone.localdate", lambda *args, **kwargs: datetime.date(2028, 2, 29)
    )
    data = {
        "surname": "LEAP",
        "forenames": "Day",
        "date_of_birth_0": "1",
        "date_of_birth_1": "3",
        "date_of_birth_2": "2018",
    }
    form = OffenderForm(data, user=owner)
    form.is_valid()
    assert form.errors["date_of_birth"] == ["The date of birth must be at least 10 years ago"]
    data["date_of_birth_2"] = "2017"
    form = OffenderForm(data, user=owner)
    form.is_valid()
    assert "date_of_birth" not in form.errors
