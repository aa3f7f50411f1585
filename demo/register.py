"""Demo register (synthetic). Runs after demo.engagements; idempotent (skips an offender who has a
registration already).

- DEMO-001: imprisonment for 18 months on 2 June 2021 (10 years); his initial notification,
  release, two changes of home address (the move of September 2025 notified late: the
  engagements demo already holds its change of circumstances), an annual notification due
  in 9 days, an SHPO with three prohibitions and a trip to Spain in 12 days;
- DEMO-012: life imprisonment in 2008, on the register indefinitely, a review from 2023;
- DEMO-018: no fixed abode, notifying every week (within 7 days: due in 3 days);
- DEMO-021: a caution whose 2 years end in 4 weeks;
- DEMO-024: the annual notification 16 days overdue.
The past notifications of DEMO-001 are written directly with the rules' deadlines (the service
would add his addresses again and record a second change of circumstances); the rest go
through the register services.
"""

from __future__ import annotations

import datetime

from django.utils import timezone

from accounts.models import User
from offenders.models import Offender
from register import services
from register.models import Notification, Registration
from register.rules import notification_check
from register.services.registration import refresh_periodic

d = datetime.date
DEMO_001_PAST = [  # kind, event date, notified on, station, details, address line 1
    ("release", d(2024, 9, 20), d(2024, 9, 21), "Demoton police station", "", None),
    (
        "home_address",
        d(2024, 9, 20),
        d(2024, 9, 22),
        "Demoton police station",
        "",
        "12 Fictional Row",
    ),
    (
        "home_address",
        d(2025, 9, 1),
        d(2025, 9, 5),
        "Demoton police station",
        "",
        "Flat 3, 40 Imaginary Street",
    ),
]
SHPO_PROHIBITIONS = [
    "Not to use any device capable of accessing the internet unless it retains its history and is made available to the police on request",
    "Not to have any unsupervised contact with a child under 16, other than contact that is inadvertent and not reasonably avoidable",
    "Not to seek or take any employment, paid or unpaid, likely to bring him into contact with children under 16",
]


def _days(n: int) -> datetime.timedelta:
    return datetime.timedelta(days=n)


def _past_notification(offender, officer, row, previous_due, today):
    kind, event, notified, station, details, line_1 = row
    check = notification_check(
        kind=kind, notified_on=notified, event_date=event, today=today, previous_due=previous_due
    )
    Notification.objects.create(
        offender=offender,
        kind=kind,
        event_date=event,
        notified_on=notified,
        station=station,
        details=details,
        address=offender.addresses.filter(line_1=line_1).first() if line_1 else None,
        deadline=check.deadline,
        deadline_working=list(check.working),
        rules_version=check.rules_version,
        in_time=check.in_time,
        moves_periodic=check.moves_periodic,
        taken_by=officer,
    )


def _periodic_history(offender, officer, *, since, last, step, today):
    """In-time periodic notifications every ``step`` days after ``since`` up to ``last``."""
    days, day = [], last
    while day > since:
        days.append(day)
        day -= _days(step)
    registration = Registration.objects.get(offender=offender)
    for day in reversed(days):
        check = notification_check(
            kind="periodic",
            notified_on=day,
            today=today,
            previous_due=registration.next_periodic_due,
        )
        Notification.objects.create(
            offender=offender,
            kind="periodic",
            notified_on=day,
            station="Demoton police station",
            deadline=check.deadline,
            deadline_working=list(check.working),
            rules_version=check.rules_version,
            in_time=check.in_time,
            moves_periodic=True,
            taken_by=officer,
        )
        refresh_periodic(registration)
    registration.save()


def _demo_001(offender, officer, today):
    registration = services.registration_record(
        user=officer,
        offender=offender,
        relevant_date=d(2021, 6, 2),
        disposal="imprisonment",
        custody_months=18,
        first_notified_on=d(2021, 6, 4),
    )
    for row in DEMO_001_PAST:
        _past_notification(offender, officer, row, registration.next_periodic_due, today)
    refresh_periodic(registration)
    registration.save()
    _periodic_history(
        offender, officer, since=d(2025, 9, 5), last=today - _days(355), step=360, today=today
    )
    services.order_record(
        user=officer,
        offender=offender,
        kind="shpo",
        court="Demoton Crown Court",
        made_on=d(2021, 6, 2),
        end_date=d(2031, 6, 1),
        prohibitions=SHPO_PROHIBITIONS,
    )
    departure = today + _days(12)
    services.notification_record(
        user=officer,
        offender=offender,
        kind="travel",
        notified_on=today - _days(2),
        station="Demoton police station",
        departure_date=departure,
        return_date=departure + _days(7),
        destinations="Malaga, Spain",
        carriers="Fictional Air FA123 out, FA124 back",
        details="Hotel Ejemplo, Malaga",
    )


def _others(officer, today):
    """(reference, registration arguments, (days ago of the last periodic notification, days
    between them) or None)."""
    return [
        (
            "DEMO-012",
            dict(
                relevant_date=d(2008, 5, 1),
                disposal="life_imprisonment",
                first_notified_on=d(2008, 5, 2),
            ),
            (100, 360),
        ),
        (
            "DEMO-018",
            dict(
                relevant_date=today - _days(500),
                disposal="other",
                first_notified_on=today - _days(60),
                no_fixed_abode=True,
            ),
            (3, 6),
        ),
        (
            "DEMO-021",
            dict(
                relevant_date=today - _days(730 - 28),
                disposal="caution",
                first_notified_on=today - _days(730 - 30),
            ),
            (200, 360),
        ),
        (
            "DEMO-024",
            dict(
                relevant_date=today - _days(900),
                disposal="imprisonment",
                custody_months=12,
                first_notified_on=today - _days(380),
            ),
            None,
        ),
    ]


def seed(out):
    officer = User.objects.filter(username="officer").first()
    if officer is None:
        return
    today = timezone.localdate()
    made = 0
    demo = Offender.objects.filter(local_reference="DEMO-001").first()
    if demo and not Registration.objects.filter(offender=demo).exists():
        _demo_001(demo, officer, today)
        made += 1
    for reference, arguments, periodic in _others(officer, today):
        offender = Offender.objects.filter(local_reference=reference).first()
        if offender is None or Registration.objects.filter(offender=offender).exists():
            continue
        user = offender.responsible_officer or officer
        services.registration_record(user=user, offender=offender, **arguments)
        if periodic is not None:
            _periodic_history(
                offender,
                user,
                since=arguments["first_notified_on"],
                last=today - _days(periodic[0]),
                step=periodic[1],
                today=today,
            )
        made += 1
    if made:
        out.write(f"  register: {made} registrations with notifications, an SHPO and a trip\n")
