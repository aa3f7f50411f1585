import datetime

import pytest
from django.utils import timezone

from register.services import registration_record

TODAY = datetime.date(2026, 6, 15)


@pytest.fixture
def registration(owner, offender):
    """Imprisonment for 24 months on 1 March 2024 (10 years); initial notification 4 March 2024."""
    return registration_record(
        user=owner,
        offender=offender,
        relevant_date=datetime.date(2024, 3, 1),
        disposal="imprisonment",
        custody_months=24,
        first_notified_on=datetime.date(2024, 3, 4),
        today=TODAY,
    )


@pytest.fixture
def today():
    return timezone.localdate()


@pytest.fixture
def registered(owner, offender, today):
    """The offender on the register since a caution 400 days ago (the pages' tests)."""
    registration_record(
        user=owner,
        offender=offender,
        relevant_date=today - datetime.timedelta(days=400),
        disposal="caution",
        first_notified_on=today - datetime.timedelta(days=360),
    )
    return offender
