"""The register pages for the officer, the supervisor, the auditor (read-only) and an outsider."""

import datetime

import pytest
from django.urls import reverse

from audit.models import Action, AuditEvent
from register.models import CivilOrder, Notification, SuspectedBreach
from register.services import notification_record, order_record

pytestmark = pytest.mark.django_db


def _date(prefix, day):
    return {f"{prefix}_0": day.day, f"{prefix}_1": day.month, f"{prefix}_2": day.year}


def _url(name, offender, *args):
    return reverse(f"register:{name}", args=[offender.pk, *args])


def test_the_summary_shows_the_register_panel_with_a_badge(client, owner, registered, today):
    client.force_login(owner)
    page = client.get(registered.get_absolute_url()).content.decode()
    assert "The register" in page and "Next periodic notification" in page
    assert "Due in" in page  # a badge with words: due within 14 days
    assert "Until" in page


def test_the_register_tab_for_each_persona(client, owner, colleague, auditor, registered):
    for user, may_change in ((owner, True), (colleague, True), (auditor, False)):
        client.force_login(user)
        response = client.get(_url("detail", registered))
        assert response.status_code == 200
        page = response.content.decode()
        assert 'aria-current="page" href="/offenders/' in page and ">Register<" in page
        assert ("Record a notification" in page) is may_change
    assert AuditEvent.objects.filter(action=Action.VIEWED, summary="Register viewed").count() == 3


def test_the_auditor_may_not_open_a_form(client, auditor, registered):
    client.force_login(auditor)
    for name in ("registration", "notification_choose", "order_add", "breach_add"):
        assert client.get(_url(name, registered)).status_code == 403
    assert client.post(_url("notification_add", registered, "periodic"), {}).status_code == 403


def test_an_outsider_gets_404(client, outsider, registered):
    client.force_login(outsider)
    assert client.get(_url("detail", registered)).status_code == 404
    assert client.get(_url("notification_add", registered, "travel")).status_code == 404


def test_an_unknown_kind_is_404(client, owner, registered):
    client.force_login(owner)
    assert client.get(_url("notification_add", registered, "nonsense")).status_code == 404


@pytest.mark.parametrize("kind", [k for k, _ in Notification._meta.get_field("kind").choices])
def test_every_kind_has_its_form_with_the_deadline(client, owner, registered, kind):
    client.force_login(owner)
    response = client.get(_url("notification_add", registered, kind))
    assert response.status_code == 200
    assert "When this is due" in response.content.decode()


def test_a_periodic_notification_moves_the_date(client, owner, registered, today):
    client.force_login(owner)
    data = _date("notified_on", today) | {"station": "Northtown"}
    response = client.post(_url("notification_add", registered, "periodic"), data)
    assert response.status_code == 302
    assert (
        registered.registration.__class__.objects.get(offender=registered).last_notified_on == today
    )


def test_return_before_departure_is_a_field_error_and_nothing_is_saved(
    client, owner, registered, today
):
    client.force_login(owner)
    data = (
        _date("notified_on", today)
        | _date("departure_date", today + datetime.timedelta(days=10))
        | _date("return_date", today + datetime.timedelta(days=9))
        | {"station": "Northtown", "destinations": "Spain", "carriers": "Iberia"}
    )
    response = client.post(_url("notification_add", registered, "travel"), data)
    page = response.content.decode()
    assert response.status_code == 200
    assert "The date of return must be on or after the date of departure" in page
    assert "govuk-error-summary" in page
    assert not Notification.objects.exists()


def test_notified_before_the_change_and_in_the_future(client, owner, registered, today):
    client.force_login(owner)
    data = _date("event_date", today) | _date("notified_on", today - datetime.timedelta(days=1))
    data |= {"station": "Northtown", "details": "New Name"}
    page = client.post(_url("notification_add", registered, "name"), data).content.decode()
    assert "The date notified must be on or after the date of the change" in page
    data |= _date("notified_on", today + datetime.timedelta(days=1))
    page = client.post(_url("notification_add", registered, "name"), data).content.decode()
    assert "The date notified must be in the past" in page
    assert not Notification.objects.exists()


def test_an_order_with_prohibitions_through_the_form(client, owner, registered, today):
    client.force_login(owner)
    data = _date("made_on", today) | {
        "kind": "sro",
        "court": "Northtown Magistrates",
        "until_further_order": "on",
        "prohibition_1": "No contact with children",
        "prohibition_3": "No unsupervised internet",
    }
    assert client.post(_url("order_add", registered), data).status_code == 302
    order = CivilOrder.objects.get()
    assert order.prohibitions.count() == 2
    page = client.get(registered.get_absolute_url()).content.decode()
    assert "No unsupervised internet" in page


def test_an_order_without_prohibition_is_refused(client, owner, registered, today):
    client.force_login(owner)
    data = _date("made_on", today) | {"kind": "sro", "court": "C", "until_further_order": "on"}
    page = client.post(_url("order_add", registered), data).content.decode()
    assert "Enter at least one prohibition" in page
    assert not CivilOrder.objects.exists()


def test_a_breach_and_its_outcome_through_the_forms(client, owner, registered, today):
    order_record(
        user=owner,
        offender=registered,
        kind="sro",
        court="C",
        made_on=today,
        until_further_order=True,
        prohibitions=["No travel abroad"],
    )
    prohibition = CivilOrder.objects.get().prohibitions.get()
    client.force_login(owner)
    data = _date("found_on", today) | {
        "breach_of": "order",
        "prohibition": prohibition.pk,
        "what": "Booked a flight",
    }
    assert client.post(_url("breach_add", registered), data).status_code == 302
    breach = SuspectedBreach.objects.get()
    summary = client.get(registered.get_absolute_url()).content.decode()
    assert "Booked a flight" in summary
    data = _date("closed_on", today) | {"outcome": "Charged"}
    assert client.post(_url("breach_close", registered, breach.pk), data).status_code == 302
    assert not SuspectedBreach.objects.get().is_open
    assert client.get(_url("breach_close", registered, breach.pk)).status_code == 404


def test_the_registration_form_computes_the_period(client, owner, offender):
    client.force_login(owner)
    data = (
        _date("relevant_date", datetime.date(2020, 2, 29))
        | _date("first_notified_on", datetime.date(2020, 3, 2))
        | {"disposal": "imprisonment", "custody_months": "24"}
    )
    assert client.post(_url("registration", offender), data).status_code == 302
    page = client.get(_url("detail", offender)).content.decode()
    assert "28 February 2030" in page
    data.pop("custody_months")
    page = client.post(_url("registration", offender), data).content.decode()
    assert "Enter the length of the custodial sentence in months" in page


def test_travel_notified_appears_on_the_panel(client, owner, registered, today):
    notification_record(
        user=owner,
        offender=registered,
        kind="travel",
        notified_on=today,
        station="N",
        departure_date=today + datetime.timedelta(days=10),
        destinations="Lisbon",
        carriers="TAP",
    )
    client.force_login(owner)
    assert "Lisbon" in client.get(registered.get_absolute_url()).content.decode()
