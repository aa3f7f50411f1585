"""Shared by the register services: today's date, rules' refusals as field errors, and the
change of circumstances that a late notification or a breach records."""

from __future__ import annotations

import datetime
from contextlib import contextmanager

from django.core.exceptions import ValidationError
from django.utils import timezone

from engagements.models import ChangeKind
from engagements.services import change_of_circumstances_record

from ..rules import RefusedDate

# Plain words for what a rule refuses, by the argument it names.
FRIENDLY = {
    "custody_months": "Enter the length of the custodial sentence in whole months (imprisonment only)",
    "discharge_months": "Enter the length of the conditional discharge in whole months (conditional discharge only)",
    "age_on_relevant_date": "The age on the relevant date must be from 10 to 119",
    "disposal": "Select the disposal",
}


def today_or(today: datetime.date | None) -> datetime.date:
    return today or timezone.localdate()


@contextmanager
def rules_as_field_errors(fields: tuple[str, ...]):
    """A rule's ``ValueError`` becomes a ``ValidationError`` on the field it names."""
    try:
        yield
    except RefusedDate as error:
        raise ValidationError({error.field: str(error)}) from None
    except ValueError as error:
        text = str(error)
        field = next((name for name in fields if text.startswith(name)), None)
        if field is None:
            raise ValidationError(text) from None
        raise ValidationError({field: FRIENDLY.get(field, text)}) from None


def _record_compliance_change(*, user, offender, occurred_on, details: str, today) -> None:
    """A reassessment becomes due (engagements), as for any adverse change of circumstances."""
    change_of_circumstances_record(
        user=user,
        offender=offender,
        kind=ChangeKind.REGISTER_COMPLIANCE,
        occurred_on=min(occurred_on, today),
        details=details,
        today=today,
    )


def not_future(errors: dict, field: str, day, today, what: str) -> None:
    if day is not None and day > today:
        errors[field] = f"The {what} must be today or in the past"
