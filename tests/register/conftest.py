import datetime

import pytest

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
