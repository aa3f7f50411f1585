"""The register services: what they write, and that they refuse what the rules refuse."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from audit.models import AuditEvent
from engagements.models import ChangeKind, ChangeOfCircumstances
from offenders.models import Address, NotificationPeriod, Status
from register.models import CivilOrder, Notification, Registration, SuspectedBreach
from register.services import (
    breach_close,
    breach_record,
    notification_record,
    order_record,
    registration_end,
    registration_record,
)

from .conftest import TODAY

d = datetime.date
pytestmark = pytest.mark.django_db


def _notify(user, offender, kind, **fields):
    fields.setdefault("station", "Northtown police station")
    fields.setdefault("today", TODAY)
    return notification_record(user=user, offender=offender, kind=kind, **fields)


def test_the_registration_stores_the_rules_period_and_keeps_the_record_in_step(
    registration, offender
):
    assert registration.period_months == 120 and registration.last_day == d(2034, 2, 28)
    assert registration.rules_version == "register-1" and registration.period_working
    assert registration.age_on_relevant_date == 38  # from the date of birth, 1 April 1985
    assert registration.next_periodic_due == d(2025, 3, 3)
    offender.refresh_from_db()
    assert offender.notification_period == NotificationPeriod.TEN_YEARS
    assert offender.registration_start == d(2024, 3, 1)


def test_an_indefinite_registration_has_a_review_date(owner, offender):
    registration = registration_record(
        user=owner,
        offender=offender,
        relevant_date=d(2010, 3, 1),
        disposal="life_imprisonment",
        first_notified_on=d(2010, 3, 31),
        age_on_relevant_date=17,
        today=TODAY,
    )
    assert registration.indefinite and registration.last_day is None
    assert registration.review_from == d(2018, 3, 31)


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"disposal": "imprisonment"}, "custody_months"),  # no custody length
        ({"disposal": "caution", "custody_months": 3}, "custody_months"),
        ({"disposal": "caution", "age_on_relevant_date": 9}, "age_on_relevant_date"),
        ({"disposal": "nonsense"}, "disposal"),
        ({"disposal": "caution", "relevant_date": d(2026, 7, 1)}, "relevant_date"),
        ({"disposal": "caution", "first_notified_on": d(2023, 1, 1)}, "first_notified_on"),
    ],
)
def test_registration_refuses_what_the_rules_refuse(owner, offender, fields, field):
    arguments = {"relevant_date": d(2024, 3, 1), "first_notified_on": d(2024, 3, 4)} | fields
    with pytest.raises(ValidationError) as error:
        registration_record(user=owner, offender=offender, today=TODAY, **arguments)
    assert field in error.value.error_dict
    assert not Registration.objects.exists()


def test_a_change_of_address_moves_the_periodic_date_and_the_current_address(
    registration, owner, offender
):
    notification = _notify(
        owner,
        offender,
        "home_address",
        event_date=d(2026, 6, 10),
        notified_on=d(2026, 6, 11),
        address={
            "line_1": "1 New Street",
            "line_2": "",
            "town": "Northtown",
            "postcode": "NT1 1AA",
        },
    )
    assert notification.in_time and notification.deadline == d(2026, 6, 12)
    registration.refresh_from_db()
    assert registration.next_periodic_due == d(2027, 6, 10)
    current = Address.objects.get(offender=offender, end_date__isnull=True)
    assert current.line_1 == "1 New Street" and notification.address == current
    assert not ChangeOfCircumstances.objects.filter(offender=offender).exists()


def test_a_late_notification_records_a_change_of_circumstances(registration, owner, offender):
    notification = _notify(
        owner, offender, "name", event_date=d(2026, 6, 1), notified_on=d(2026, 6, 8), details="Dan"
    )
    assert not notification.in_time
    change = ChangeOfCircumstances.objects.get(offender=offender)
    assert change.kind == ChangeKind.REGISTER_COMPLIANCE and "late" in change.details


def test_travel_and_return_do_not_move_the_periodic_date(registration, owner, offender):
    before = Registration.objects.get(pk=registration.pk).next_periodic_due
    trip = _notify(
        owner,
        offender,
        "travel",
        notified_on=d(2026, 6, 1),
        departure_date=d(2026, 6, 20),
        return_date=d(2026, 6, 27),
        destinations="Spain",
        carriers="Iberia",
    )
    assert trip.in_time and trip.deadline == d(2026, 6, 13)
    assert Registration.objects.get(pk=registration.pk).next_periodic_due == before


@pytest.mark.parametrize(
    ("kind", "fields", "field"),
    [
        ("travel", {"departure_date": d(2026, 7, 1), "return_date": d(2026, 6, 30)}, "return_date"),
        ("name", {"event_date": d(2026, 6, 10), "notified_on": d(2026, 6, 9)}, "notified_on"),
        ("name", {"event_date": d(2026, 6, 16)}, "event_date"),
        ("periodic", {"notified_on": d(2026, 6, 16)}, "notified_on"),
        ("name", {"event_date": None}, "event_date"),
        ("name", {"details": ""}, "details"),
        ("home_address", {"address": {}}, "line_1"),
        ("travel", {"destinations": ""}, "destinations"),
        ("periodic", {"station": " "}, "station"),
    ],
)
def test_a_notification_refuses_impossible_dates(
    registration, owner, offender, kind, fields, field
):
    arguments = {
        "notified_on": d(2026, 6, 12),
        "event_date": d(2026, 6, 11),
        "details": "Daniel Smith",
        "departure_date": d(2026, 7, 1),
        "destinations": "Spain",
        "carriers": "Iberia",
    } | fields
    before = AuditEvent.objects.count()
    with pytest.raises(ValidationError) as error:
        _notify(owner, offender, kind, **arguments)
    assert field in error.value.error_dict
    assert not Notification.objects.exists() and AuditEvent.objects.count() == before


def test_a_notification_needs_a_registration(owner, offender):
    with pytest.raises(ValidationError):
        _notify(owner, offender, "periodic", notified_on=d(2026, 6, 1))


def test_the_home_address_is_not_half_saved_when_the_notification_is_refused(
    registration, owner, offender
):
    with pytest.raises(ValidationError):
        _notify(
            owner,
            offender,
            "home_address",
            event_date=d(2026, 6, 10),
            notified_on=d(2026, 6, 9),
            address={"line_1": "1 New Street", "town": "Northtown", "postcode": "NT1 1AA"},
        )
    assert not Address.objects.filter(line_1="1 New Street").exists()


def test_an_order_with_prohibitions_and_the_shpo_minimum(registration, owner, offender):
    order = order_record(
        user=owner,
        offender=offender,
        kind="shpo",
        court="Northtown Crown Court",
        made_on=d(2024, 3, 1),
        end_date=d(2029, 2, 28),
        prohibitions=["No internet without monitoring", "", "No contact with children"],
        today=TODAY,
    )
    assert [p.text for p in order.prohibitions.all()] == [
        "No internet without monitoring",
        "No contact with children",
    ]
    with pytest.raises(ValidationError) as error:
        order_record(
            user=owner,
            offender=offender,
            kind="shpo",
            court="Court",
            made_on=d(2024, 3, 1),
            end_date=d(2029, 2, 27),
            prohibitions=["x"],
            today=TODAY,
        )
    assert "end_date" in error.value.error_dict
    with pytest.raises(ValidationError) as error:
        order_record(
            user=owner,
            offender=offender,
            kind="sro",
            court="Court",
            made_on=d(2025, 1, 1),
            until_further_order=True,
            prohibitions=[" "],
            today=TODAY,
        )
    assert "prohibitions" in error.value.error_dict
    assert CivilOrder.objects.count() == 1


def test_a_breach_records_a_change_and_closes_with_an_outcome(registration, owner, offender):
    order = order_record(
        user=owner,
        offender=offender,
        kind="sro",
        court="Court",
        made_on=d(2025, 1, 1),
        until_further_order=True,
        prohibitions=["No travel abroad"],
        today=TODAY,
    )
    prohibition = order.prohibitions.get()
    breach = breach_record(
        user=owner,
        offender=offender,
        breach_of="order",
        prohibition=prohibition,
        what="Booked a flight",
        found_on=d(2026, 6, 1),
        today=TODAY,
    )
    assert ChangeOfCircumstances.objects.filter(offender=offender).count() == 1
    with pytest.raises(ValidationError) as error:
        breach_close(
            user=owner, breach=breach, outcome="Charged", closed_on=d(2026, 5, 1), today=TODAY
        )
    assert "closed_on" in error.value.error_dict
    breach_close(user=owner, breach=breach, outcome="Charged", closed_on=d(2026, 6, 2), today=TODAY)
    assert not SuspectedBreach.objects.get(pk=breach.pk).is_open
    with pytest.raises(ValidationError):
        breach_close(
            user=owner, breach=breach, outcome="Again", closed_on=d(2026, 6, 3), today=TODAY
        )


def test_a_breach_of_an_order_needs_the_prohibition(registration, owner, offender):
    with pytest.raises(ValidationError) as error:
        breach_record(
            user=owner,
            offender=offender,
            breach_of="order",
            what="x",
            found_on=d(2026, 6, 1),
            today=TODAY,
        )
    assert "prohibition" in error.value.error_dict


def test_off_the_register_sets_the_record_status(registration, owner, offender):
    registration_end(
        user=owner, registration=registration, reason="deceased", off_on=d(2026, 6, 1), today=TODAY
    )
    offender.refresh_from_db()
    assert offender.status == Status.DECEASED
    with pytest.raises(ValidationError):
        _notify(owner, offender, "periodic", notified_on=d(2026, 6, 2))


def test_the_read_only_and_outsiders_are_refused(registration, auditor, outsider, offender):
    for user in (auditor, outsider):
        with pytest.raises(PermissionDenied):
            _notify(user, offender, "periodic", notified_on=d(2026, 6, 2))


def test_the_registration_scope_follows_the_record(
    registration, owner, colleague, force_admin, offender, other_team
):
    from offenders.services import offender_update

    assert (registration.team_id, registration.responsible_officer_id) == (
        offender.team_id,
        owner.pk,
    )
    offender_update(user=colleague, offender=offender, responsible_officer=colleague)
    registration.refresh_from_db()
    assert registration.responsible_officer_id == colleague.pk
    offender_update(user=force_admin, offender=offender, team=other_team)
    registration.refresh_from_db()
    assert registration.team_id == other_team.pk and registration.force_id == other_team.force_id
