"""A synthetic national data set for the dashboard's benchmarks (``manage.py seed_scale``).

Built for speed with ``bulk_create`` in batches, yet consistent with the rules: RM2000 scores come
from the pure scorer (``riskmatrix.prefill.propose`` + ``riskmatrix.answers.score``), priorities
from ``assessments.priority.arms_priority``, levels and due dates from ``assessments.combiner``
(the same calls ``engagements.services.schedule.schedule_refresh`` makes), so every
``OffenderSchedule`` row equals what the service would compute; the rows are written through
``engagements.services.schedule.schedule_bulk_write``. No audit entries are written: nothing here
is a person's real data or a user's action. References are ``SCALE-000001``…, PNC years 2099.
"""

from __future__ import annotations

import datetime

from django.db import transaction

from assessments.models import Assessment, FactorRating, FrameworkVersion
from engagements.models import (
    ChangeOfCircumstances,
    LevelDecision,
    OffenderSchedule,
    ReactiveManagement,
    Visit,
)
from engagements.services.schedule import schedule_bulk_write
from offenders.models import Address, CourtAppearance, Offence, Offender
from riskmatrix.models import ActuarialRecord

from .backdating import at, explicit_timestamps
from .cases import Case, case_for
from .org import TEAM_SIZE, Organisation, slot
from .people import Person, person
from .register import write_register

PREFIX = "SCALE-"
BATCH = 2000


def existing_count() -> int:
    return Offender.objects.filter(local_reference__startswith=PREFIX).count()


def seed_scale(
    total: int, forces: int, *, today: datetime.date, team_size: int = TEAM_SIZE, log=print
) -> int:
    """Top the data set up to ``total`` SCALE- offenders; returns how many were added.

    ``team_size`` offenders per team (six officers each): a smaller one gives a force more
    officers (20,000 offenders in teams of 80 is 250 teams and 1,500 officers). A top-up must
    use the same ``forces`` and ``team_size`` as the first run."""
    start = existing_count()
    if start >= total:
        return 0
    org = Organisation(forces, team_size)
    framework = FrameworkVersion.objects.order_by("-number").first()
    factors = dict(framework.factors.values_list("code", "pk"))
    with explicit_timestamps():
        for first in range(start, total, BATCH):
            last = min(first + BATCH, total)
            with transaction.atomic():
                _batch(range(first, last), org, framework, factors, today)
            log(f"  {last:,} offenders")
    return total - start


def _batch(indices, org, framework, factors, today) -> None:
    slots = {i: slot(i, org.forces_count, org.team_size) for i in indices}
    org.ensure({(s.force, s.team) for s in slots.values()})
    people = [person(i, today) for i in indices]
    for p in people:
        p.offender = _offender(p, slots[p.index], org, today)
    # Decide each case before saving: it may settle the offender's status (reactive or not).
    # Related rows hold the unsaved instances; bulk_create fills in their keys in order.
    cases = [c for c in (case_for(p, slots[p.index], org, today) for p in people) if c]
    Offender.objects.bulk_create([p.offender for p in people], batch_size=BATCH)
    _court_and_addresses(people)
    write_register(people, lambda p: org.officer(slots[p.index]), today)
    _write_cases(cases, framework, factors)
    _write_schedules(people, cases)


def _write_schedules(people, cases) -> None:
    """One schedule row per offender (an empty one before any assessment), written by the
    engagements service, which copies the scope columns from each row's offender."""
    for case in cases:
        case.schedule.decision = case.decision
    by_offender = {id(c.schedule.offender): c.schedule for c in cases}
    schedules = [
        by_offender.get(id(p.offender)) or OffenderSchedule(offender=p.offender) for p in people
    ]
    schedule_bulk_write(schedules, batch_size=BATCH)


def _offender(p: Person, s, org, today) -> Offender:
    at_reg = at(p.registered)
    return Offender(
        surname=p.surname,
        forenames=p.forenames,
        date_of_birth=p.born,
        sex=p.sex,
        pnc_id=p.pnc,
        local_reference=f"{PREFIX}{p.index + 1:06d}",
        status=p.status,
        mappa_level=p.mappa_level,
        registration_start=p.registered,
        notification_period=p.period,
        last_release_date=p.released,
        team=org.teams[(s.force, s.team)],
        responsible_officer=None if p.unallocated else org.officer(s),
        created_at=at_reg,
        updated_at=at_reg,
    )


def _court_and_addresses(people) -> None:
    appearances, facts = [], []
    for p in people:
        for fact in p.appearances:
            appearances.append(fact.model(p.offender))
            facts.append(fact)
    CourtAppearance.objects.bulk_create(appearances, batch_size=BATCH)
    offences = [
        o.model(appearance)
        for appearance, fact in zip(appearances, facts, strict=True)
        for o in fact.offence_rows
    ]
    Offence.objects.bulk_create(offences, batch_size=BATCH)
    Address.objects.bulk_create(
        [a.model(p.offender) for p in people for a in p.addresses], batch_size=BATCH
    )


def _write_cases(cases: list[Case], framework, factors) -> None:
    for case in cases:
        case.countersigned.framework = framework
        if case.open_assessment is not None:
            case.open_assessment.framework = framework
    records = [c.record for c in cases if c.record] + [c.osp_record for c in cases if c.osp_record]
    ActuarialRecord.objects.bulk_create(records, batch_size=BATCH)
    Assessment.objects.bulk_create([c.countersigned for c in cases], batch_size=BATCH)
    Assessment.objects.bulk_create(
        [c.open_assessment for c in cases if c.open_assessment], batch_size=BATCH
    )
    FactorRating.objects.bulk_create(
        [
            FactorRating(
                assessment=c.countersigned,
                factor_id=factors[code],
                rated=True,
                rating=rating,
                evidence="Synthetic evidence for scale testing.",
                sources=["home_visit"],
                insufficient_information_note="Not known yet." if rating is None else "",
                updated_at=c.countersigned.countersigned_at,
            )
            for c in cases
            for code, rating in c.ratings.items()
            if code in factors
        ],
        batch_size=5000,
    )
    for case in cases:
        case.decision.assessment = case.countersigned
    LevelDecision.objects.bulk_create([c.decision for c in cases], batch_size=BATCH)
    ReactiveManagement.objects.bulk_create(
        [c.reactive for c in cases if c.reactive], batch_size=BATCH
    )
    Visit.objects.bulk_create([v for c in cases for v in c.visits], batch_size=BATCH)
    ChangeOfCircumstances.objects.bulk_create(
        [c.change for c in cases if c.change], batch_size=BATCH
    )
