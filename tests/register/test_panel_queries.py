"""The summary's register panel reads orders, travel and breaches only when there are some."""

import datetime

import pytest

from register.models import CivilOrder
from register.selectors import panel_facts
from register.services import breach_record, notification_record, order_record

pytestmark = pytest.mark.django_db


def _order_in_force(owner, offender, today, kind: str, prohibition: str) -> None:
    order_record(
        user=owner,
        offender=offender,
        kind=kind,
        court="C",
        made_on=today,
        until_further_order=True,
        prohibitions=[prohibition],
    )


def test_a_registration_with_nothing_else_costs_one_query(
    registered, today, django_assert_num_queries
):
    with django_assert_num_queries(1):
        facts = panel_facts(registered, today)
    assert facts.registration is not None
    assert (facts.orders, facts.travel, facts.breaches) == ([], [], [])


def test_without_a_registration_the_orders_and_breaches_still_show(
    client, owner, offender, today, django_assert_num_queries
):
    """A Sexual Risk Order needs no conviction: its prohibitions show on the summary of someone
    who is not on the register."""
    with django_assert_num_queries(3):  # the registration, the orders, the breaches
        facts = panel_facts(offender, today)
    assert facts.registration is None and facts.periodic_state is None
    _order_in_force(owner, offender, today, "sro", "No contact with children under 16")
    client.force_login(owner)
    page = client.get(offender.get_absolute_url()).content.decode()
    assert "No registration recorded yet" in page
    assert "No contact with children under 16" in page and "Open suspected breaches" in page


def test_orders_travel_and_breaches_are_read_and_shown_when_there_are_some(
    client, owner, registered, today, django_assert_num_queries
):
    _order_in_force(owner, registered, today, "sro", "No travel abroad")
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
    breach_record(
        user=owner,
        offender=registered,
        breach_of="order",
        prohibition=CivilOrder.objects.get(kind="sro").prohibitions.get(),
        what="Booked a flight",
        found_on=today,
    )

    # the registration, the orders and their prohibitions, the travel, the breaches
    with django_assert_num_queries(5):
        facts = panel_facts(registered, today)
    assert [order.kind for order in facts.orders] == ["sro"]
    assert [trip.destinations for trip in facts.travel] == ["Lisbon"]
    assert [breach.what for breach in facts.breaches] == ["Booked a flight"]

    client.force_login(owner)
    page = client.get(registered.get_absolute_url()).content.decode()
    for shown in ["No travel abroad", "Lisbon", "Booked a flight"]:
        assert shown in page
