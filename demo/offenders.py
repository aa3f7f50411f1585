"""Synthetic demo data for offender records. Nothing here is, or looks like, a real record:
references start DEMO-, PNC IDs use the impossible year 2099, names come from Faker (en_GB)."""

import datetime
import random

from faker import Faker

from accounts.models import Force, Role, Team, User
from offenders.models import (
    Address,
    Alias,
    CourtAppearance,
    MappaCategory,
    NotificationPeriod,
    Offence,
    OffenceKind,
    Offender,
    Relationship,
    RelationshipKind,
    Sex,
    SexualOffenceType,
    Status,
)
from offenders.pnc import check_character

from . import signin

DEMO_PASSWORD = "demo-password-arms"
# (username, first, last, role, team names)
DEMO_USERS = [
    ("officer", "Olivia", "Officer", Role.OFFICER, ["North MOSOVO Unit"]),
    ("officer2", "Oscar", "Officer", Role.OFFICER, ["North MOSOVO Unit"]),
    ("officer.south", "Sam", "Southgate", Role.OFFICER, ["South MOSOVO Unit"]),
    ("supervisor", "Susan", "Supervisor", Role.SUPERVISOR, ["North MOSOVO Unit"]),
    ("admin", "Adam", "Administrator", Role.FORCE_ADMIN, []),
    ("auditor", "Ava", "Auditor", Role.READ_ONLY, []),
]
OTHER_FORCE_USER = ("other.officer", "Owen", "Otherforce", Role.OFFICER, ["Other MOSOVO Unit"])
DEMO_USERNAMES = frozenset(spec[0] for spec in [*DEMO_USERS, OTHER_FORCE_USER])
REFERENCE_DATE = datetime.date(
    2026, 11, 1
)  # demo records are dated relative to this, not the clock


def demo_pnc(serial: int) -> str:
    year, digits = "2099", f"{serial:07d}"
    return f"{year}/{digits}{check_character(year, digits)}"


def _user(force, spec, teams_by_name):
    username, first, last, role, team_names = spec
    user, created = User.objects.get_or_create(
        username=username,
        defaults={"first_name": first, "last_name": last, "role": role, "force": force},
    )
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save()
        user.teams.set([teams_by_name[name] for name in team_names])
    signin.enrol(user)  # the demo's authenticator app (codes from `manage.py demo_code`)
    return user


def seed_organisation():
    force, _ = Force.objects.get_or_create(code="DEMO", defaults={"name": "Demoshire Police"})
    other, _ = Force.objects.get_or_create(code="OTHR", defaults={"name": "Otherton Constabulary"})
    teams = {
        name: Team.objects.get_or_create(force=force, name=name)[0]
        for name in ["North MOSOVO Unit", "South MOSOVO Unit"]
    }
    teams["Other MOSOVO Unit"] = Team.objects.get_or_create(force=other, name="Other MOSOVO Unit")[
        0
    ]
    users = {spec[0]: _user(force, spec, teams) for spec in DEMO_USERS}
    users[OTHER_FORCE_USER[0]] = _user(other, OTHER_FORCE_USER, teams)
    return force, teams, users


def _add_appearance(offender, date, court, disposal, custodial, offences):
    appearance = CourtAppearance.objects.create(
        offender=offender, sentencing_date=date, court=court, disposal=disposal, custodial=custodial
    )
    Offence.objects.bulk_create(Offence(appearance=appearance, **o) for o in offences)


# DEMO-001's four sentencing occasions: (date, court, disposal, custodial, offences).
DEMO_001_APPEARANCES = [
    (
        datetime.date(2012, 5, 10),
        "Demoton Magistrates' Court",
        "12 months' community order",
        False,
        [
            dict(
                description="Theft from a shop",
                kind=OffenceKind.OTHER,
                offence_date=datetime.date(2012, 2, 11),
            )
        ],
    ),
    (
        datetime.date(2015, 11, 3),
        "Demoton Crown Court",
        "Suspended sentence order",
        False,
        [
            dict(
                description="Exposure",
                kind=OffenceKind.SEXUAL,
                contact=False,
                sexual_type=SexualOffenceType.NON_CONTACT,
                offence_date=datetime.date(2015, 7, 18),
                victim_stranger=True,
            )
        ],
    ),
    (
        datetime.date(2018, 2, 21),
        "Demoton Magistrates' Court",
        "Fine",
        False,
        [
            dict(
                description="Assault by beating",
                kind=OffenceKind.VIOLENT,
                victim_male=True,
                offence_date=datetime.date(2017, 12, 2),
            )
        ],
    ),
    (
        datetime.date(2021, 6, 2),
        "Demoton Crown Court",
        "4 years' imprisonment",
        True,
        [
            dict(
                description="Sexual assault",
                kind=OffenceKind.SEXUAL,
                contact=True,
                sexual_type=SexualOffenceType.CONTACT_ADULT,
                offence_date=datetime.date(2020, 11, 28),
                victim_stranger=True,
            ),
            dict(
                description="Sexual communication with a child",
                kind=OffenceKind.SEXUAL,
                contact=False,
                sexual_type=SexualOffenceType.NON_CONTACT,
                offence_date=datetime.date(2020, 10, 3),
                victim_male=True,
            ),
        ],
    ),
]


def _demo_001_record(team, officer):
    """DEMO-001's offender row, alias and two addresses (the earlier one ended)."""
    offender = Offender.objects.create(
        surname="Example",
        forenames="Daniel James",
        date_of_birth=datetime.date(1994, 3, 14),
        sex=Sex.MALE,
        pnc_id=demo_pnc(1),
        local_reference="DEMO-001",
        status=Status.ACTIVE,
        mappa_category=MappaCategory.CAT_1,
        mappa_level=1,
        registration_start=datetime.date(2021, 6, 2),
        notification_period=NotificationPeriod.INDEFINITE,
        last_release_date=datetime.date(2024, 9, 20),
        team=team,
        responsible_officer=officer,
    )
    Alias.objects.create(offender=offender, surname="Sample", forenames="Danny")
    Address.objects.create(
        offender=offender,
        line_1="12 Fictional Row",
        town="Demoton",
        postcode="ZZ1 1AA",
        start_date=datetime.date(2024, 9, 20),
        end_date=datetime.date(2025, 8, 31),
    )
    Address.objects.create(
        offender=offender,
        line_1="Flat 3, 40 Imaginary Street",
        town="Demoton",
        postcode="ZZ1 2BB",
        start_date=datetime.date(2025, 9, 1),
    )
    # Married after his release: his 2024 RM2000 counted him as never married, the 2025 one not
    # (both proposed from this history by riskmatrix.marital).
    Relationship.objects.create(
        offender=offender, kind=RelationshipKind.MARRIAGE, start_date=datetime.date(2025, 8, 16)
    )
    return offender


def seed_demo_001(team, officer):
    """The fully worked case the README tour opens."""
    if Offender.objects.filter(local_reference="DEMO-001").exists():
        return
    offender = _demo_001_record(team, officer)
    for date, court, disposal, custodial, offences in DEMO_001_APPEARANCES:
        _add_appearance(offender, date, court, disposal, custodial, offences)


SEXUAL_OFFENCES = [  # (description, contact, OSP's type)
    ("Sexual assault", True, SexualOffenceType.CONTACT_ADULT),
    ("Exposure", False, SexualOffenceType.NON_CONTACT),
    ("Voyeurism", False, SexualOffenceType.NON_CONTACT),
    ("Making indecent images of children", False, SexualOffenceType.IMAGES),
    ("Rape", True, SexualOffenceType.CONTACT_ADULT),
    ("Sexual activity with a child", True, SexualOffenceType.CONTACT_CHILD),
]


def _caseload_offender(fake, rng, number, officer):
    """Caseload offender ``number``, in ``officer``'s first team, with one address."""
    team = officer.teams.first()
    sex = Sex.FEMALE if number % 13 == 0 else Sex.MALE
    first = fake.first_name_female() if sex == Sex.FEMALE else fake.first_name_male()
    dob = REFERENCE_DATE - datetime.timedelta(days=rng.randint(19 * 365, 70 * 365))
    status = rng.choices([Status.ACTIVE, Status.CUSTODY, Status.REACTIVE], weights=[8, 1, 1], k=1)[
        0
    ]
    offender = Offender.objects.create(
        surname=fake.last_name(),
        forenames=first,
        date_of_birth=dob,
        sex=sex,
        pnc_id=demo_pnc(number),
        local_reference=f"DEMO-{number:03d}",
        status=status,
        registration_start=REFERENCE_DATE - datetime.timedelta(days=rng.randint(200, 4000)),
        notification_period=rng.choice(
            [
                NotificationPeriod.INDEFINITE,
                NotificationPeriod.TEN_YEARS,
                NotificationPeriod.FIVE_YEARS,
            ]
        ),
        team=team,
        responsible_officer=officer,
    )
    Address.objects.create(
        offender=offender,
        line_1=f"{rng.randint(1, 99)} {fake.street_name()}",
        town="Demoton" if team.name.startswith("North") else "Southdemo",
        postcode=f"ZZ{rng.randint(1, 9)} {rng.randint(1, 9)}{rng.choice('ABDEFGHJ')}{rng.choice('LNPQRSTU')}",
        start_date=offender.registration_start,
    )
    return offender


def _caseload_offence(rng, *, sexual):
    """One offence for a sentencing occasion: a sexual one, or violent, burglary or other."""
    if sexual:
        description, contact, sexual_type = rng.choice(SEXUAL_OFFENCES)
        return dict(
            description=description,
            kind=OffenceKind.SEXUAL,
            contact=contact,
            sexual_type=sexual_type,
            victim_male=rng.random() < 0.2,
            victim_stranger=rng.random() < 0.3,
        )
    kind = rng.choice([OffenceKind.VIOLENT, OffenceKind.BURGLARY, OffenceKind.OTHER])
    return dict(
        description={"violent": "Assault", "burglary": "Burglary", "other": "Theft"}[kind],
        kind=kind,
    )


def _caseload_court_history(offender, rng):
    """One to five sentencing occasions after 18, at least one of them for a sexual offence."""
    dob = offender.date_of_birth
    adult = dob.replace(year=dob.year + 18)
    span = max((REFERENCE_DATE - adult).days - 200, 30)
    dates = sorted(
        {adult + datetime.timedelta(days=rng.randint(0, span)) for _ in range(rng.randint(1, 5))}
    )
    sexual_index = rng.randrange(len(dates))
    for i, date in enumerate(dates):
        offence = _caseload_offence(rng, sexual=i == sexual_index or rng.random() < 0.25)
        _add_appearance(
            offender,
            date,
            f"{rng.choice(['Demoton', 'Southdemo', 'Fictionford'])} Crown Court",
            rng.choice(["Community order", "2 years' imprisonment", "Suspended sentence order"]),
            rng.random() < 0.4,
            [offence],
        )


def seed_caseload(teams, users, count=40):
    if Offender.objects.filter(local_reference__startswith="DEMO-0").count() > 1:
        return
    fake = Faker("en_GB")
    fake.seed_instance(2015)
    rng = random.Random(2015)
    officers = [users["officer"], users["officer2"], users["officer.south"]]
    for number in range(2, count + 1):
        offender = _caseload_offender(fake, rng, number, officers[number % len(officers)])
        _caseload_court_history(offender, rng)


def seed_other_force(teams, users):
    if Offender.objects.filter(local_reference="OTHR-001").exists():
        return
    Offender.objects.create(
        surname="Elsewhere",
        forenames="Oliver",
        date_of_birth=datetime.date(1980, 1, 1),
        sex=Sex.MALE,
        local_reference="OTHR-001",
        registration_start=datetime.date(2020, 1, 1),
        notification_period=NotificationPeriod.INDEFINITE,
        team=teams["Other MOSOVO Unit"],
        responsible_officer=users["other.officer"],
    )


def seed(out):
    _force, teams, users = seed_organisation()
    seed_demo_001(teams["North MOSOVO Unit"], users["officer"])
    seed_caseload(teams, users)
    from .osp import seed_osp_cases  # here, not at the top: demo.osp imports this module

    seed_osp_cases(teams["North MOSOVO Unit"], users["officer2"])
    seed_other_force(teams, users)
    out.write(f"Offenders: {Offender.objects.count()} synthetic records.")


def print_logins(out, port: int = 8000):
    out.write("")
    out.write(f"Demo logins (password for all: {DEMO_PASSWORD}; then the 6-digit code from")
    out.write("  `.venv/bin/python manage.py demo_code USERNAME`, or `make code USER=USERNAME`)")
    for username, _first, _last, role, teams in DEMO_USERS + [OTHER_FORCE_USER]:
        where = ", ".join(teams) or "whole force"
        out.write(f"  {username:<15} {Role(role).label} ({where})")
    out.write(f"Open http://127.0.0.1:{port}/ and start with DEMO-001 (Daniel James EXAMPLE).")
