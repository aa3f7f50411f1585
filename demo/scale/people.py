"""Synthetic people for the scale data set: identity, court history and addresses.

Deterministic per index (``random.Random`` seeded with it), so a run is reproducible. Names are
drawn from short invented lists (not Faker: it is too slow for 70,000 people) and PNC IDs use
the impossible year 2099 with serials from 5,000,001 so they never meet the demo's.
"""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass, field

from demo.offenders import demo_pnc
from offenders.models import (
    Address,
    CourtAppearance,
    MappaLevel,
    NotificationPeriod,
    Offence,
    OffenceKind,
    Sex,
    Status,
)
from riskmatrix.prefill import AppearanceFact, OffenceFact

SURNAMES = (
    "Ashdown Barrow Calloway Dunmore Ellery Fairley Garside Hallam Ingleby Jessop Kitteridge "
    "Langridge Marchbank Northcott Oakhurst Pendlebury Quarrie Rowntree Sallis Thackray "
    "Underhill Vayne Wetherall Yeadon Abbotsley Brackenbury Coverdale Denholm Edgerton Fenwick"
).split()
MALE = "Aaron Bernard Callum Declan Elliot Fergus Gareth Harvey Ivor Jasper Kieran Lionel Marcus".split()
FEMALE = "Abigail Bethany Carys Delia Eloise Freya Gemma Hollie Imogen Jodie Kirsty Leanne".split()
TOWNS = "Axbridge Brindleton Corley Dunsby Eskworth Fallowfield Glenmoor Hartside".split()
COURTS = "Axbridge Crown Court|Brindleton Magistrates' Court|Corley Crown Court".split("|")
SEXUAL = (  # (description, contact, OSP's type)
    ("Sexual assault", True, "contact_adult"),
    ("Exposure", False, "non_contact"),
    ("Voyeurism", False, "non_contact"),
    ("Possession of indecent images of children", False, "images"),
    ("Rape", True, "contact_adult"),
    ("Sexual communication with a child", False, "non_contact"),
)
OTHER = (
    ("Assault occasioning actual bodily harm", OffenceKind.VIOLENT),
    ("Common assault", OffenceKind.VIOLENT),
    ("Burglary (dwelling)", OffenceKind.BURGLARY),
    ("Theft", OffenceKind.OTHER),
    ("Criminal damage", OffenceKind.OTHER),
)
STATUSES = (
    (0.80, Status.ACTIVE),
    (0.86, Status.CUSTODY),
    (0.96, Status.REACTIVE),  # kept only for low-level cases (see cases.case_for)
    (0.98, Status.MOVED_OUT),
    (0.99, Status.DECEASED),
    (1.00, Status.REMOVED),
)


@dataclass
class OffenceRow:
    description: str
    kind: str
    contact: bool
    victim_male: bool
    victim_stranger: bool
    offence_date: datetime.date
    sexual_type: str = ""

    def model(self, appearance) -> Offence:
        return Offence(
            appearance=appearance,
            description=self.description,
            kind=self.kind,
            offence_date=self.offence_date,
            contact=self.contact,
            victim_male=self.victim_male,
            victim_stranger=self.victim_stranger,
            sexual_type=self.sexual_type,
        )

    def fact(self) -> OffenceFact:
        return OffenceFact(
            self.description,
            self.kind,
            self.contact,
            self.victim_male,
            self.victim_stranger,
            self.sexual_type,
            self.offence_date,
        )


@dataclass
class AppearanceRow:
    sentencing_date: datetime.date
    court: str
    disposal: str
    custodial: bool
    offence_rows: list[OffenceRow]

    def model(self, offender) -> CourtAppearance:
        return CourtAppearance(
            offender=offender,
            sentencing_date=self.sentencing_date,
            court=self.court,
            disposal=self.disposal,
            custodial=self.custodial,
        )

    def fact(self) -> AppearanceFact:
        return AppearanceFact(self.sentencing_date, tuple(o.fact() for o in self.offence_rows))


@dataclass
class AddressRow:
    line_1: str
    town: str
    postcode: str
    start_date: datetime.date
    end_date: datetime.date | None

    def model(self, offender) -> Address:
        return Address(
            offender=offender,
            line_1=self.line_1,
            town=self.town,
            postcode=self.postcode,
            start_date=self.start_date,
            end_date=self.end_date,
        )


@dataclass
class Person:
    index: int
    surname: str
    forenames: str
    sex: str
    born: datetime.date
    pnc: str
    status: str
    mappa_level: int
    registered: datetime.date
    period: str
    released: datetime.date | None
    unallocated: bool
    new_to_register: bool
    appearances: list[AppearanceRow] = field(default_factory=list)
    addresses: list[AddressRow] = field(default_factory=list)
    offender: object = None


def _days(n: int) -> datetime.timedelta:
    return datetime.timedelta(days=n)


def _offence(rng, sentenced: datetime.date, sexual: bool) -> OffenceRow:
    if sexual:
        description, contact, sexual_type = rng.choice(SEXUAL)
        kind = OffenceKind.SEXUAL
    else:
        description, kind = rng.choice(OTHER)
        contact, sexual_type = True, ""
    return OffenceRow(
        description,
        kind,
        contact,
        victim_male=sexual and rng.random() < 0.2,
        victim_stranger=sexual and rng.random() < 0.35,
        offence_date=sentenced - _days(rng.randint(60, 400)),
        sexual_type=sexual_type,
    )


def _court_history(rng, adult: datetime.date, today: datetime.date) -> list[AppearanceRow]:
    """One to four sentencing occasions after 18; the last one is always sexual."""
    count = rng.choice((1, 1, 2, 2, 3, 4))
    span = max((today - adult).days - 120, 30)
    dates = sorted(adult + _days(rng.randint(0, span)) for _ in range(count))
    appearances = []
    for n, sentenced in enumerate(dates):
        sexual = n == len(dates) - 1 or rng.random() < 0.3
        custodial = sexual and rng.random() < 0.6
        offences = [_offence(rng, sentenced, sexual)]
        if rng.random() < 0.3:
            offences.append(_offence(rng, sentenced, sexual=rng.random() < 0.5))
        appearances.append(
            AppearanceRow(
                sentenced,
                rng.choice(COURTS),
                f"{rng.randint(1, 8)} years' imprisonment" if custodial else "Community order",
                custodial,
                offences,
            )
        )
    return appearances


def _released(rng, last: AppearanceRow, status: str, today: datetime.date) -> datetime.date | None:
    """The release from the last sentence, if it was custodial and he is no longer inside."""
    if last.custodial and status != Status.CUSTODY:
        return min(last.sentencing_date + _days(rng.randint(200, 1500)), today - _days(30))
    return None


def _addresses(rng, registered: datetime.date, today: datetime.date) -> list[AddressRow]:
    """The current address, and for about three in ten an earlier one since registration."""
    moved = registered + _days(rng.randint(0, 600))
    addresses = [
        AddressRow(
            f"{rng.randint(1, 199)} {rng.choice(SURNAMES)} Road",
            rng.choice(TOWNS),
            f"ZZ{rng.randint(1, 99)} {rng.randint(1, 9)}ZZ",
            min(moved, today),
            None,
        )
    ]
    if rng.random() < 0.3:
        addresses.append(
            AddressRow("Flat 2, 8 Station Street", rng.choice(TOWNS), "ZZ1 1ZZ",
                       registered, max(registered, min(moved, today)))
        )  # fmt: skip
    return addresses


def person(index: int, today: datetime.date) -> Person:
    rng = random.Random(index)
    sex = Sex.FEMALE if rng.random() < 0.03 else Sex.MALE
    age_days = rng.randint(20 * 365, 80 * 365)
    born = today - _days(age_days)
    adult = born + _days(18 * 365 + 5)
    roll = rng.random()
    status = next(s for limit, s in STATUSES if roll < limit)
    appearances = _court_history(rng, adult, today)
    released = _released(rng, appearances[-1], status, today)
    registered = released or appearances[-1].sentencing_date
    addresses = _addresses(rng, registered, today)
    return Person(
        index=index,
        surname=rng.choice(SURNAMES),
        forenames=rng.choice(FEMALE if sex == Sex.FEMALE else MALE),
        sex=sex,
        born=born,
        pnc=demo_pnc(5_000_001 + index),
        status=status,
        mappa_level=MappaLevel.LEVEL_2 if rng.random() < 0.05 else MappaLevel.LEVEL_1,
        registered=registered,
        period=rng.choice((NotificationPeriod.INDEFINITE, NotificationPeriod.TEN_YEARS,
                           NotificationPeriod.SEVEN_YEARS, NotificationPeriod.FIVE_YEARS)),
        released=released,
        unallocated=rng.random() < 0.01,
        new_to_register=rng.random() < 0.03,
        appearances=appearances,
        addresses=addresses,
    )  # fmt: skip
