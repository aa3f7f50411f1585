"""The access policy for the static tools' records (Risk Matrix 2000 and OSP).

A score is reached through its offender (``offenders.access``), so an outsider gets 404; who
may record one is answered here, for views, services and templates alike.
"""

from offenders.access import can_change_offender


def can_record_score(user, offender) -> bool:
    """Score a static tool for the offender: anyone who may change the record."""
    return can_change_offender(user, offender)
