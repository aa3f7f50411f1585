"""The register's demo data (seed_demo) and scale data (seed_scale)."""

import datetime
from io import StringIO

from django.core.management import call_command
from django.utils import timezone

from register.models import Notification, Registration
from register.rules import notification_period, periodic_notification_due
from register.selectors import periodic_state


def test_seed_demo_gives_the_register_its_cases(db):
    call_command("seed_demo", stdout=StringIO())
    call_command("seed_demo", stdout=StringIO())  # idempotent
    today = timezone.localdate()
    demo = Registration.objects.get(offender__local_reference="DEMO-001")
    assert demo.period_months == 120 and demo.last_day == datetime.date(2031, 6, 1)
    notifications = Notification.objects.filter(offender=demo.offender)
    assert notifications.filter(in_time=False).count() == 1
    assert periodic_state(demo, today) == "due"
    shpo = demo.offender.civil_orders.get(kind="shpo")
    assert shpo.prohibitions.count() == 3
    assert notifications.filter(kind="travel").count() == 1
    indefinite = Registration.objects.get(offender__local_reference="DEMO-012")
    assert indefinite.indefinite and indefinite.review_from
    weekly = Registration.objects.get(offender__local_reference="DEMO-018")
    assert weekly.no_fixed_abode and periodic_state(weekly, today) == "due"
    caution = Registration.objects.get(offender__local_reference="DEMO-021")
    assert caution.period_months == 24 and 0 <= (caution.last_day - today).days <= 90
    overdue = Registration.objects.get(offender__local_reference="DEMO-024")
    assert periodic_state(overdue, today) == "overdue"


def test_seed_scale_writes_registrations_that_agree_with_the_rules(db):
    call_command("seed_scale", "--offenders", "60", "--forces", "2")
    registrations = Registration.objects.select_related("offender")
    assert registrations.count() >= 40
    assert Notification.objects.filter(kind="travel").exists()
    for registration in registrations:
        period = notification_period(
            disposal=registration.disposal,
            relevant_date=registration.relevant_date,
            age_on_relevant_date=registration.age_on_relevant_date,
            custody_months=registration.custody_months,
        )
        assert registration.last_day == period.last_day
        assert registration.next_periodic_due == periodic_notification_due(
            last_notification=registration.last_notified_on
        )
