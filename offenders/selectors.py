from django.core.paginator import Page, Paginator
from django.db.models import Case, Count, IntegerField, Q, QuerySet, Value, When, Window

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


# What a result row shows (offenders/_offender_table.html): 50 rows, not the whole records.
_RESULT_COLUMNS = (
    "surname",
    "forenames",
    "local_reference",
    "date_of_birth",
    "status",
    "responsible_officer__first_name",
    "responsible_officer__last_name",
    "responsible_officer__username",
)
_LAST_PAGE_ASKED = 1_000_000  # beyond any result: the offset stays a 64-bit integer


class _CountedPaginator(Paginator):
    """A paginator told its count (by the window count of the page's own query)."""

    def __init__(self, total: int, per_page: int):
        super().__init__((), per_page)
        self.count = total  # shadows the cached_property: no COUNT query


def offender_search_page(user, query: str, number, per_page: int) -> Page:
    """One page of ``offender_search`` in two small queries: the page's ids in rank order with
    the total as a window count (one pass over the matches, instead of a COUNT and then a
    sort of every match joined to its officer), then those offenders by id."""
    found = offender_search(user, query)
    try:
        number = min(max(int(number), 1), _LAST_PAGE_ASKED)
    except (TypeError, ValueError):
        number = 1
    ids, total = _ranked_ids(found, number, per_page)
    if not ids and number > 1:  # past the end: the last page, as Paginator.get_page does
        number = max(1, -(-found.count() // per_page))
        ids, total = _ranked_ids(found, number, per_page)
    # The ids came from the scoped query just now: fetch them by key, not by the search again.
    rows = (
        Offender.objects.select_related("responsible_officer").only(*_RESULT_COLUMNS).in_bulk(ids)
    )
    return Page([rows[pk] for pk in ids if pk in rows], number, _CountedPaginator(total, per_page))


def _ranked_ids(found: QuerySet, number: int, per_page: int) -> tuple[list[int], int]:
    start = (number - 1) * per_page
    page = list(
        found.select_related(None)
        .annotate(matches=Window(Count("pk")))
        .values_list("pk", "matches")[start : start + per_page]
    )
    return [pk for pk, _ in page], (page[0][1] if page else 0)


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
