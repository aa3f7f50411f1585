"""The offender search: what it finds, in which order, within the scope, and (on PostgreSQL)
that it is served by the trigram indexes of offenders/migrations/0002."""

import pytest
from django.db import connection

from offenders.models import Alias
from offenders.selectors import _alias_matches, offender_search
from tests.factories import OffenderFactory

postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="pg_trgm indexes exist on PostgreSQL only"
)


def _refs(user, query):
    return [o.local_reference for o in offender_search(user, query)]


def test_exact_reference_and_pnc_come_first(owner, team):
    OffenderFactory(team=team, surname="Refson", local_reference="TEST-1234")
    OffenderFactory(team=team, surname="Aardvark", local_reference="TEST-12345")
    OffenderFactory(team=team, surname="Abbot", pnc_id="2099/0000123A", local_reference="P-1")
    OffenderFactory(team=team, surname="Aaron", pnc_id="2099/0000124B", local_reference="P-2")
    assert _refs(owner, "test-1234") == ["TEST-1234", "TEST-12345"]
    assert _refs(owner, "2099/0000123a") == ["P-1"]
    assert _refs(owner, "2099/00001") == ["P-2", "P-1"]  # by name: Aaron, Abbot


def test_exact_surname_then_prefix_then_anywhere(owner, team):
    OffenderFactory(team=team, surname="Abelson", forenames="Carl", local_reference="R-1")
    OffenderFactory(team=team, surname="Mabel", forenames="Dan", local_reference="R-2")
    OffenderFactory(team=team, surname="Abel", forenames="Eve", local_reference="R-3")
    OffenderFactory(team=team, surname="Zed", forenames="Abel", local_reference="R-4")
    assert _refs(owner, "abel") == ["R-3", "R-1", "R-2", "R-4"]


def test_finds_by_alias_within_the_scope_only(owner, outsider, team):
    mine = OffenderFactory(team=team, surname="Plain", local_reference="A-1")
    theirs = OffenderFactory(team=outsider.teams.first(), surname="Plain", local_reference="A-2")
    Alias.objects.create(offender=mine, surname="Quixotic")
    Alias.objects.create(offender=theirs, surname="Quixotic")
    assert _refs(owner, "quixot") == ["A-1"]
    assert _refs(outsider, "QUIXOTIC") == ["A-2"]
    assert _refs(owner, "   ") == []


def test_search_page_queries_do_not_grow_with_the_results(
    owner_client, team, django_assert_max_num_queries
):
    OffenderFactory.create_batch(40, team=team, surname="Samename")
    with django_assert_max_num_queries(12):
        page = owner_client.get("/offenders/search/", {"q": "samename"})
    assert page.status_code == 200
    assert page.content.decode().count("Samename".upper()) >= 40


def _plan(queryset) -> str:
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE offenders_offender")
        cursor.execute("ANALYZE offenders_alias")
        # A small test table is cheapest to scan; forbid that, so the plan shows whether an
        # index CAN serve the query (it falls back to a scan if none matches the expression).
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_indexscan = off")
    return queryset.explain()


@postgres_only
def test_search_uses_the_trigram_indexes(force_admin, team):
    """A force administrator's search (the whole force: no team index narrows it)."""
    OffenderFactory.create_batch(300, team=team)
    plan = _plan(offender_search(force_admin, "ashdown 2099/5"))
    for index in ("offender_surname_trgm", "offender_forenames_trgm", "offender_pnc_trgm"):
        assert index in plan, plan
    assert "offender_reference_trgm" in plan, plan
    assert "Seq Scan on offenders_offender" not in plan, plan


@postgres_only
def test_alias_lookup_uses_the_trigram_indexes(owner):
    from django.db.models import Q

    plan = _plan(Alias.objects.filter(Q(surname__icontains="ashd") | Q(forenames__icontains="x")))
    assert "alias_surname_trgm" in plan and "alias_forenames_trgm" in plan, plan
    assert _alias_matches(owner, ["ashd"]) == []


def test_search_results_come_a_page_at_a_time(owner_client, team):
    OffenderFactory.create_batch(55, team=team, surname="Pagename")
    first = owner_client.get("/offenders/search/", {"q": "pagename"}).content.decode()
    assert first.count("PAGENAME") == 50 and "page=2" in first and "q=pagename" in first
    second = owner_client.get("/offenders/search/", {"q": "pagename", "page": "2"})
    assert second.content.decode().count("PAGENAME") == 5
    # Past the last page: the last page (as Paginator.get_page), from the same two queries.
    beyond = owner_client.get("/offenders/search/", {"q": "pagename", "page": "7"})
    assert (
        beyond.content.decode().count("PAGENAME") == 5 and "Page 2 of 2" in beyond.content.decode()
    )
    for hostile in ["x", "-1", "9" * 30]:
        assert (
            owner_client.get("/offenders/search/", {"q": "p", "page": hostile}).status_code == 200
        )
