"""Propose the RM2000 items from the recorded court appearances, each with where it came from.

The officer confirms or corrects every proposal, so a proposal is a starting point, never the
answer. ``propose`` and ``not_applicable_reason`` are pure (plain values in, no database, no
clock); ``propose_for_offender`` and ``offender_not_applicable_reason`` read the record.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field

from arms_site.lib.dates import years_after
from offenders.models import OffenceKind, Sex

from .marital import RelationshipFact, never_married

SEXUAL_AT_16 = "sexual_offence_at_16"  # confirmed by the officer when the record cannot say


@dataclass(frozen=True)
class OffenceFact:
    description: str
    kind: str
    contact: bool = True
    victim_male: bool = False
    victim_stranger: bool = False
    sexual_type: str = ""  # OSP's type (offenders.SexualOffenceType), blank when not recorded
    offence_date: datetime.date | None = None


@dataclass(frozen=True)
class AppearanceFact:
    sentencing_date: datetime.date
    offences: tuple[OffenceFact, ...] = ()


@dataclass(frozen=True)
class Proposed:
    value: object  # None when the record cannot say (never married)
    source: str

    def as_json(self) -> dict:
        value = self.value.isoformat() if isinstance(self.value, datetime.date) else self.value
        return {"value": value, "source": self.source}


@dataclass(frozen=True)
class Proposal:
    assessment_date: datetime.date
    items: dict[str, Proposed] = field(default_factory=dict)

    def value(self, name: str):
        return self.items[name].value

    def as_json(self) -> dict:
        return {name: item.as_json() for name, item in self.items.items()}


def age_on(date_of_birth: datetime.date, on: datetime.date) -> int:
    """Whole years completed on ``on`` (a 29 February birthday counts from 1 March)."""
    before_birthday = (on.month, on.day) < (date_of_birth.month, date_of_birth.day)
    return on.year - date_of_birth.year - before_birthday


def fmt(date: datetime.date) -> str:
    return f"{date.day} {date:%b %Y}"


def _occasions(noun: str, dates: list[datetime.date], none: str) -> str:
    if not dates:
        return none
    plural = "occasion" if len(dates) == 1 else "occasions"
    return f"{len(dates)} sentencing {plural}{noun}: " + ", ".join(fmt(d) for d in dates)


def _flag(sexual: list[tuple[datetime.date, OffenceFact]], test, what: str) -> Proposed:
    hits = [f"{o.description} ({fmt(d)})" for d, o in sexual if test(o)]
    if hits:
        return Proposed(True, f"Yes: {'; '.join(hits)} {what}")
    n = len(sexual)
    return Proposed(False, f"No: none of the {n} sexual offence{'s' * (n != 1)} recorded {what}")


def _commencement(
    date_of_birth: datetime.date,
    last_release_date: datetime.date | None,
    latest_sentencing: datetime.date | None,
    assessment_date: datetime.date,
) -> tuple[datetime.date, str]:
    # Risk starts again on release from the sentence for the latest conviction; someone not
    # released since their latest sentencing occasion is taken as at risk on the assessment date.
    released = (
        last_release_date is not None
        and last_release_date <= assessment_date
        and (latest_sentencing is None or last_release_date >= latest_sentencing)
    )
    if released:
        return last_release_date, (
            f"Released from custody on {fmt(last_release_date)}, after the latest sentencing "
            f"occasion, so risk commenced on release"
        )
    if last_release_date is None:
        why = "No release from custody is recorded"
    elif last_release_date > assessment_date:
        why = f"The recorded release ({fmt(last_release_date)}) is after the assessment date"
    else:
        why = f"The recorded release ({fmt(last_release_date)}) was before the latest sentencing"
    return assessment_date, f"{why}, so the assessment date ({fmt(assessment_date)}) is used"


def sexual_offence_at_16(
    date_of_birth: datetime.date, sexual: list[tuple[datetime.date, OffenceFact]]
) -> Proposed:
    """Whether the record shows a sexual offence committed at 16 or over (RM2000 needs one):
    True or False from the dates; None (the officer confirms) when the dates cannot say."""
    dated = [(o.offence_date, o) for _, o in sexual if o.offence_date is not None]
    if hits := [(d, o) for d, o in dated if age_on(date_of_birth, d) >= 16]:
        d, o = max(hits, key=lambda pair: pair[0])
        return Proposed(
            True, f"Yes: {o.description} was committed on {fmt(d)}, aged {age_on(date_of_birth, d)}"
        )
    # An undated offence sentenced before the 16th birthday was committed before it too.
    undated = [sentenced for sentenced, o in sexual if o.offence_date is None]
    if undated and age_on(date_of_birth, max(undated)) >= 16:
        return Proposed(
            None,
            "The record cannot say: no sexual offence has a recorded date at 16 or over, and "
            f"{len(undated)} has no date. Confirm from the case file",
        )
    return Proposed(
        False,
        "No: every recorded sexual offence was committed (or sentenced) before the 16th "
        f"birthday ({fmt(years_after(date_of_birth, 16))})",
    )


def propose(
    *,
    date_of_birth: datetime.date,
    last_release_date: datetime.date | None,
    appearances: Iterable[AppearanceFact],
    assessment_date: datetime.date,
    relationships: Iterable[RelationshipFact] = (),
) -> Proposal:
    # Only what was known on the assessment date counts; several appearances on one day are one
    # sentencing occasion.
    appearances = [a for a in appearances if a.sentencing_date <= assessment_date]
    all_dates = sorted({a.sentencing_date for a in appearances})

    def dates_with(kind: str) -> list[datetime.date]:
        return sorted(
            {a.sentencing_date for a in appearances if any(o.kind == kind for o in a.offences)}
        )

    sexual = sorted(
        (
            (a.sentencing_date, o)
            for a in appearances
            for o in a.offences
            if o.kind == OffenceKind.SEXUAL
        ),
        key=lambda pair: pair[0],
    )
    sexual_dates, violent_dates = dates_with(OffenceKind.SEXUAL), dates_with(OffenceKind.VIOLENT)
    burglaries = [
        f"{o.description} ({fmt(a.sentencing_date)})"
        for a in sorted(appearances, key=lambda a: a.sentencing_date)
        for o in a.offences
        if o.kind == OffenceKind.BURGLARY
    ]
    start, why = _commencement(
        date_of_birth, last_release_date, all_dates[-1] if all_dates else None, assessment_date
    )
    age = age_on(date_of_birth, start)
    items = {
        "commencement_date": Proposed(start, why),
        "age": Proposed(age, f"{why}. Born {fmt(date_of_birth)}, aged {age} on {fmt(start)}"),
        "sexual_appearances": Proposed(
            len(sexual_dates),
            _occasions(" with a sexual offence", sexual_dates, "No sexual offence recorded"),
        ),
        "criminal_appearances": Proposed(
            len(all_dates), _occasions(" recorded", all_dates, "No court appearance recorded")
        ),
        "male_victim": _flag(sexual, lambda o: o.victim_male, "had a male victim"),
        "stranger_victim": _flag(sexual, lambda o: o.victim_stranger, "had a stranger as victim"),
        "non_contact": _flag(sexual, lambda o: not o.contact, "was a non-contact offence"),
        "never_married": _never_married(relationships, assessment_date),
        "violent_appearances": Proposed(
            len(violent_dates),
            _occasions(" with a violent offence", violent_dates, "No violent offence recorded"),
        ),
        "burglary": Proposed(
            bool(burglaries),
            f"Yes: {'; '.join(burglaries)}" if burglaries else "No burglary offence recorded",
        ),
        SEXUAL_AT_16: sexual_offence_at_16(date_of_birth, sexual),
    }
    return Proposal(assessment_date=assessment_date, items=items)


def _never_married(relationships, on: datetime.date) -> Proposed:
    result = never_married(relationships, on=on)
    return Proposed(
        result.value,
        f"{result.working} (relationship history, rule {result.rules_version})"
        if result.value is not None
        else result.working,
    )


def not_applicable_reason(
    *,
    sex: str,
    date_of_birth: datetime.date,
    assessment_date: datetime.date,
    has_sexual_conviction: bool,
    sexual_at_16: bool | None = None,
) -> str | None:
    """Why RM2000 cannot be used for this person, or None when it can. ``sexual_at_16`` False
    (the offence dates show no sexual offence at 16 or over) makes it inapplicable."""
    if sex == Sex.FEMALE:
        return (
            "RM2000 does not apply: it was built and tested on men only, and this record "
            "says the offender is female."
        )
    age = age_on(date_of_birth, assessment_date)
    if age < 18:
        return (
            f"RM2000 does not apply: the offender is under 18 on the assessment date "
            f"(aged {age} on {fmt(assessment_date)})."
        )
    if not has_sexual_conviction:
        return (
            "RM2000 does not apply: no sexual offence is recorded in the court appearances. "
            "If a conviction is missing from the record, add the court appearance first."
        )
    if sexual_at_16 is False:
        return (
            "RM2000 does not apply: it needs at least one sexual offence committed at 16 or over, "
            "and the recorded offence dates show every sexual offence was committed before the "
            "offender's 16th birthday."
        )
    return None


# --- reading the record ----------------------------------------------------------------------


def appearance_facts(offender) -> list[AppearanceFact]:
    appearances = offender.court_appearances.prefetch_related("offences")
    return [
        AppearanceFact(
            a.sentencing_date,
            tuple(
                OffenceFact(
                    o.description,
                    o.kind,
                    o.contact,
                    o.victim_male,
                    o.victim_stranger,
                    o.sexual_type,
                    o.offence_date,
                )
                for o in a.offences.all()
            ),
        )
        for a in appearances
    ]


def relationship_facts(offender) -> list[RelationshipFact]:
    return [
        RelationshipFact(r.kind, r.start_date, r.end_date) for r in offender.relationships.all()
    ]


def propose_for_offender(offender, assessment_date: datetime.date) -> Proposal:
    return propose(
        date_of_birth=offender.date_of_birth,
        last_release_date=offender.last_release_date,
        appearances=appearance_facts(offender),
        assessment_date=assessment_date,
        relationships=relationship_facts(offender),
    )


def offender_not_applicable_reason(offender, assessment_date: datetime.date) -> str | None:
    sexual = [
        (a.sentencing_date, o)
        for a in appearance_facts(offender)
        if a.sentencing_date <= assessment_date
        for o in a.offences
        if o.kind == OffenceKind.SEXUAL
    ]
    return not_applicable_reason(
        sex=offender.sex,
        date_of_birth=offender.date_of_birth,
        assessment_date=assessment_date,
        has_sexual_conviction=bool(sexual),
        sexual_at_16=sexual_offence_at_16(offender.date_of_birth, sexual).value if sexual else None,
    )
