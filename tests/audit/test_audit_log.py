"""The audit log is append-only and records consultation as well as change (DPA 2018 s.62)."""

import pytest
from django.db import connection, transaction

from audit.models import Action, AppendOnlyError, AuditEvent
from audit.services import audit_record


@pytest.fixture
def event(owner, offender):
    return audit_record(
        actor=owner, action=Action.VIEWED, obj=offender, offender=offender, summary="x"
    )


def test_an_entry_cannot_be_changed(event):
    event.summary = "tampered"
    with pytest.raises(AppendOnlyError):
        event.save()


def test_an_entry_cannot_be_deleted(event):
    with pytest.raises(AppendOnlyError):
        event.delete()
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.all().delete()
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.update(summary="tampered")
    assert AuditEvent.objects.get(pk=event.pk).summary == "x"


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the trigger is PostgreSQL's")
def test_the_database_itself_refuses_update_and_delete(event):
    from django.db.utils import InternalError

    for sql in ["UPDATE audit_auditevent SET summary = 'x2'", "DELETE FROM audit_auditevent"]:
        with pytest.raises(InternalError, match="append-only"), transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute(sql)


def test_viewing_an_offender_is_logged(owner_client, owner, offender):
    owner_client.get(offender.get_absolute_url())
    event = AuditEvent.objects.get(offender=offender, action=Action.VIEWED)
    assert event.actor == owner and event.summary == "Summary viewed"


def test_no_cookie_or_session_token_reaches_the_log(owner_client, offender):
    owner_client.get(offender.get_absolute_url())
    session_key = owner_client.cookies["sessionid"].value
    for event in AuditEvent.objects.all():
        assert session_key not in f"{event.summary}{event.changed_fields}{event.recipients}"


def test_supervisor_and_auditor_see_the_history_tab_officer_does_not(
    client, colleague, auditor, owner, offender
):
    for user, expected in [(colleague, 200), (auditor, 200), (owner, 403)]:
        client.force_login(user)
        assert client.get(f"/offenders/{offender.pk}/history/").status_code == expected, user.role


def test_admin_cannot_add_change_or_delete_entries(admin_client, event):
    assert admin_client.get(f"/admin/audit/auditevent/{event.pk}/delete/").status_code in {403, 302}
    assert admin_client.get("/admin/audit/auditevent/add/").status_code == 403
    admin_client.post(f"/admin/audit/auditevent/{event.pk}/change/", {"summary": "tampered"})
    assert AuditEvent.objects.get(pk=event.pk).summary == "x"


def test_caseload_and_search_pages_are_logged_without_the_search_words(
    owner_client, owner, offender
):
    owner_client.get("/offenders/")
    owner_client.get("/offenders/search/", {"q": offender.surname})
    summaries = list(
        AuditEvent.objects.filter(actor=owner, action=Action.VIEWED, offender__isnull=True)
        .order_by("id")
        .values_list("summary", flat=True)
    )
    assert summaries == [
        "Caseload list viewed (page 1, 1 offender)",
        "Offender search made (1 result)",
    ]
    assert all(offender.surname not in s for s in summaries)
