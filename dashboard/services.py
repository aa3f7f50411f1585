"""Writes for the dashboard: only audit entries (the dashboard changes no records)."""

from django.db import transaction

from audit.models import Action
from audit.services import audit_record, record_viewed


@transaction.atomic
def caseload_list_viewed(*, user, filters: str, shown: int):
    """One VIEWED entry per caseload page. The page lists many offenders, so the entry is attached
    to the user (object = the user) with the filters, not one entry per offender: at national
    scale that would be thousands of rows per click and drown the log."""
    return record_viewed(
        user=user, summary=f"Caseload list viewed ({filters}); {shown} offenders on the page"
    )


@transaction.atomic
def caseload_exported(*, user, filters: str, rows: int):
    """One EXPORTED entry summarising a CSV disclosure: the filters, the row count and who
    downloaded it. Deliberately not one entry per row (tens of thousands at force scale); the
    filters and the time reproduce which records left the system."""
    who = user.get_full_name() or user.username
    return audit_record(
        actor=user,
        action=Action.EXPORTED,
        obj=user,
        summary=f"Caseload CSV exported: {rows} offenders ({filters})",
        recipients=f"downloaded by {who} ({user.username})",
    )
