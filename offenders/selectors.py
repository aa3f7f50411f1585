from django.db.models import Case, IntegerField, Q, QuerySet, Value, When

from .access import scope_for, visible_offenders
from .models import Alias, Offender, Status

OPEN_STATUSES = [Status.ACTIVE, Status.CUSTODY, Status.REACTIVE]


def offender_caseload(user) -> QuerySet[Offender]:
    """An officer's own offenders; for others, everyone they may see who is on the register."""
    qs = Offender.objects.filter(scope_for(user).caseload_q(), status__in=OPEN_STATUSES)
    return qs.select_related("team", "responsible_officer").order_by("surname", "forenames")


SEARCH_WORDS = 5  # more words add nothing but work


def offender_search(user, query: str) -> QuerySet[Offender]:
    """Offenders in the user's scope whose name, alias, PNC ID or reference contains the query
    (or any of its words): an exact reference or PNC ID first, then surnames that match a word
    exactly, then those that start with one, then the rest, each by name.

    Every condition is an ``icontains`` that the trigram indexes of migration 0002 serve on
    PostgreSQL (a bitmap OR of index scans); aliases are looked up first, by their own index,
    so that the offender query stays one indexable OR. SQLite runs the same query unindexed.
    """
    query = query.strip()
    qs = visible_offenders(user).select_related("team", "responsible_officer")
    if not query:
        return qs.none()
    words = query.split()[:SEARCH_WORDS]
    condition = Q(local_reference__icontains=query) | Q(pnc_id__icontains=query.upper())
    for word in words:
        condition |= Q(surname__icontains=word) | Q(forenames__icontains=word)
    alias_ids = _alias_matches(user, words)
    if alias_ids:
        condition |= Q(pk__in=alias_ids)
    return (
        qs.filter(condition)
        .annotate(search_rank=_search_rank(query, words))
        .order_by("search_rank", "surname", "forenames", "pk")
    )


def _alias_matches(user, words: list[str], limit: int = 500) -> list[int]:
    condition = scope_for(user).q(force="offender__team__force_id", team="offender__team_id")
    names = Q()
    for word in words:
        names |= Q(surname__icontains=word) | Q(forenames__icontains=word)
    return list(
        Alias.objects.filter(condition, names)
        .values_list("offender_id", flat=True)
        .distinct()[:limit]
    )


def _search_rank(query: str, words: list[str]) -> Case:
    exact_name = Q()
    starts = Q()
    for word in words:
        exact_name |= Q(surname__iexact=word)
        starts |= Q(surname__istartswith=word)
    return Case(
        When(Q(local_reference__iexact=query) | Q(pnc_id__iexact=query), then=Value(0)),
        When(exact_name, then=Value(1)),
        When(starts, then=Value(2)),
        default=Value(3),
        output_field=IntegerField(),
    )


def current_address(offender: Offender):
    return offender.addresses.filter(end_date__isnull=True).order_by("-start_date").first()
