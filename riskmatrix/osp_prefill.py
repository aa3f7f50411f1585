"""Propose the OSP inputs from the record, each with where it came from.

As for RM2000 (``prefill``), the officer confirms or corrects every proposal. ``propose_osp`` and
``osp_not_applicable_reason`` are pure; the ``*_for_offender`` functions read the record.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from offenders.models import OffenceKind, Sex, SexualOffenceType, Status

from .prefill import AppearanceFact, Proposal, Proposed, age_on, appearance_facts, fmt

COUNT_TYPES = (
    ("contact_adult", SexualOffenceType.CONTACT_ADULT),
    ("contact_child", SexualOffenceType.CONTACT_CHILD),
    ("non_contact", SexualOffenceType.NON_CONTACT),
    ("images", SexualOffenceType.IMAGES),
)


def _dates(dates) -> str:
    return ", ".join(fmt(d) for d in sorted(dates))


def _follow_up_start(
    *,
    last_release_date: datetime.date | None,
    community_sentence_start: datetime.date | None,
    latest_sentencing: datetime.date | None,
    assessment_date: datetime.date,
) -> Proposed:
    # The later of the release and the community sentence start, if it follows the latest
    # sentencing occasion; otherwise the date of that occasion (the current conviction).
    candidates = [
        (d, label)
        for d, label in (
            (last_release_date, "Released from custody"),
            (community_sentence_start, "Community sentence started"),
        )
        if d is not None and d <= assessment_date
    ]
    if candidates:
        start, label = max(candidates)
        if latest_sentencing is None or start >= latest_sentencing:
            return Proposed(start, f"{label} on {fmt(start)} (the offender record)")
    if latest_sentencing is not None:
        return Proposed(
            latest_sentencing,
            f"No release or community sentence start is recorded after the latest sentencing "
            f"occasion, so its date ({fmt(latest_sentencing)}, the current conviction) is used",
        )
    return Proposed(
        assessment_date,
        f"No court appearance, release or community sentence is recorded, so the assessment "
        f"date ({fmt(assessment_date)}) is used",
    )


def _latest_offence_date(pairs: list, what: str) -> Proposed:
    """The latest recorded offence date, unless an undated offence was sentenced after it."""
    if not pairs:
        return Proposed(None, f"No {what} is recorded: unknown")
    dated = [(sentenced, o.offence_date) for sentenced, o in pairs if o.offence_date]
    undated = [sentenced for sentenced, o in pairs if o.offence_date is None]
    if not dated:
        return Proposed(None, f"No date is recorded for any {what}: unknown")
    latest = max(d for _, d in dated)
    later_undated = [s for s in undated if s > latest]
    if later_undated:
        return Proposed(
            None,
            f"The latest recorded date is {fmt(latest)}, but {_a(what)} sentenced later "
            f"({_dates(later_undated)}) has no date: unknown",
        )
    note = f" ({len(undated)} with no date, sentenced earlier)" if undated else ""
    return Proposed(latest, f"The latest recorded date of {_a(what)}{note}")


def _a(noun: str) -> str:
    """The noun with its indefinite article: "an offence", "a sexual offence"."""
    return f"{'an' if noun[:1] in 'aeiou' else 'a'} {noun}"


def propose_osp(
    *,
    sex: str,
    status: str,
    last_release_date: datetime.date | None,
    community_sentence_start: datetime.date | None,
    appearances: Iterable[AppearanceFact],
    assessment_date: datetime.date,
) -> Proposal:
    appearances = sorted(
        (a for a in appearances if a.sentencing_date <= assessment_date),
        key=lambda a: a.sentencing_date,
    )
    occasions = sorted({a.sentencing_date for a in appearances})
    sexual = [(a.sentencing_date, o) for a in appearances for o in a.offences]
    sexual = [(d, o) for d, o in sexual if o.kind == OffenceKind.SEXUAL]
    every = [(a.sentencing_date, o) for a in appearances for o in a.offences]
    in_custody = status == Status.CUSTODY
    items = {
        "sex": Proposed(sex, f"The offender record: {Sex(sex).label}"),
        "follow_up_start": _follow_up_start(
            last_release_date=last_release_date,
            community_sentence_start=community_sentence_start,
            latest_sentencing=occasions[-1] if occasions else None,
            assessment_date=assessment_date,
        ),
        "in_custody": Proposed(in_custody, f"The offender record's status: {Status(status).label}"),
        "total_sanctions": Proposed(
            len(occasions),
            f"{len(occasions)} sentencing occasions recorded: {_dates(occasions)}"
            if occasions
            else "No court appearance recorded",
        ),
    }
    untyped = sorted({d for d, o in sexual if not o.sexual_type})
    untyped_note = (
        f"; {len(untyped)} occasion(s) with a sexual offence of no recorded type "
        f"({_dates(untyped)}): check and count them"
        if untyped
        else ""
    )
    for name, kind in COUNT_TYPES:
        dates = sorted({d for d, o in sexual if o.sexual_type == kind})
        source = (
            f"{len(dates)} sentencing occasion(s) with a sexual offence of type "
            f"“{kind.label}”: {_dates(dates)}"
            if dates
            else f"No sexual offence of type “{kind.label}” recorded"
        )
        items[name] = Proposed(len(dates), source + untyped_note)
    items["last_sexual_offence"] = _latest_offence_date(sexual, "sexual offence")
    items["last_offence"] = _latest_offence_date(every, "offence")
    items["stranger_victim"] = _stranger(sexual)
    return Proposal(assessment_date=assessment_date, items=items)


def _stranger(sexual: list) -> Proposed:
    if not sexual:
        return Proposed(None, "No sexual offence recorded: unknown")
    latest = max(d for d, _ in sexual)
    current = [o for d, o in sexual if d == latest]
    hits = [o.description for o in current if o.victim_stranger]
    if hits:
        return Proposed(True, f"Yes: {'; '.join(hits)} ({fmt(latest)}) had a stranger as victim")
    return Proposed(
        False, f"No: no sexual offence sentenced on {fmt(latest)} recorded a stranger as victim"
    )


def osp_not_applicable_reason(
    *,
    sex: str,
    date_of_birth: datetime.date,
    assessment_date: datetime.date,
    has_sexual_conviction: bool,
) -> str | None:
    """Why OSP cannot be used for this person, or None when it can (the scorer checks again)."""
    if sex == Sex.FEMALE:
        return (
            "OSP does not apply: it was built for men, and this record says the offender is female."
        )
    age = age_on(date_of_birth, assessment_date)
    if age < 18:
        return (
            f"OSP does not apply: the offender is under 18 on the assessment date "
            f"(aged {age} on {fmt(assessment_date)})."
        )
    if not has_sexual_conviction:
        return (
            "OSP does not apply: no sexual offence is recorded in the court appearances. "
            "If a conviction is missing from the record, add the court appearance first."
        )
    return None


# --- reading the record ----------------------------------------------------------------------


def propose_osp_for_offender(offender, assessment_date: datetime.date) -> Proposal:
    return propose_osp(
        sex=offender.sex,
        status=offender.status,
        last_release_date=offender.last_release_date,
        community_sentence_start=offender.community_sentence_start,
        appearances=appearance_facts(offender),
        assessment_date=assessment_date,
    )


def offender_osp_not_applicable_reason(offender, assessment_date: datetime.date) -> str | None:
    has_sexual = offender.court_appearances.filter(
        sentencing_date__lte=assessment_date, offences__kind=OffenceKind.SEXUAL
    ).exists()
    return osp_not_applicable_reason(
        sex=offender.sex,
        date_of_birth=offender.date_of_birth,
        assessment_date=assessment_date,
        has_sexual_conviction=has_sexual,
    )
