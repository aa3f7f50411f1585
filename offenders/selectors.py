from django.db.models import Q, QuerySet

from .access import scope_for, visible_offenders
from .models import Offender, Status

OPEN_STATUSES = [Status.ACTIVE, Status.CUSTODY, Status.REACTIVE]


def offender_caseload(user) -> QuerySet[Offender]:
    """An officer's own offenders; for others, everyone they may see who is on the register."""
    qs = Offender.objects.filter(scope_for(user).caseload_q(), status__in=OPEN_STATUSES)
    return qs.select_related("team", "responsible_officer").order_by("surname", "forenames")


def offender_search(user, query: str) -> QuerySet[Offender]:
    query = query.strip()
    qs = visible_offenders(user).select_related("team", "responsible_officer")
    if not query:
        return qs.none()
    condition = Q(local_reference__iexact=query) | Q(pnc_id__icontains=query.upper())
    for word in query.split():
        condition |= (
            Q(surname__icontains=word)
            | Q(forenames__icontains=word)
            | Q(aliases__surname__icontains=word)
        )
    return qs.filter(condition).distinct().order_by("surname", "forenames")


def current_address(offender: Offender):
    return offender.addresses.filter(end_date__isnull=True).order_by("-start_date").first()
