"""The officer's answers to the RM2000 items: what each item is, how answers are checked, and
how confirmed answers are scored. Shared by the form (to show field errors) and the service (to
refuse bad data even without the form), so the rules live in one place.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from .prefill import SEXUAL_AT_16, Proposal, age_on, fmt
from .scoring import DEFAULT_C_TABLE, NotApplicable, rm2000_c, rm2000_s, rm2000_v


@dataclass(frozen=True)
class Item:
    name: str
    label: str  # the item's name, as on results and headings
    question: str  # the form field's label
    noun: str  # used in messages: "Enter the reason for changing {noun}"
    kind: str  # "count", "flag" or "age"
    help: str  # our own words


ITEMS = (
    Item(
        "age",
        "Age at commencement of risk",
        "Age at commencement of risk, in years",
        "the age at commencement of risk",
        "age",
        "Risk commences when the person is next free to offend: on release from custody, or "
        "on the assessment date if they have been in the community since their last sentence.",
    ),
    Item(
        "sexual_appearances",
        "Sexual appearances",
        "How many sexual appearances?",
        "the number of sexual appearances",
        "count",
        "Count sentencing occasions, not offences: a day in court that dealt with any sexual "
        "offence counts once, the current one included.",
    ),
    Item(
        "criminal_appearances",
        "Criminal appearances",
        "How many criminal appearances?",
        "the number of criminal appearances",
        "count",
        "Every sentencing occasion for any offence, sexual ones included.",
    ),
    Item(
        "male_victim",
        "Any sexual offence against a male",
        "Was any sexual offence against a male?",
        "the answer about a male victim",
        "flag",
        "Yes if any sexual offence had a male victim, whatever the victim's age.",
    ),
    Item(
        "stranger_victim",
        "Any sexual offence against a stranger",
        "Was any sexual offence against a stranger?",
        "the answer about a stranger victim",
        "flag",
        "Yes if a victim of any sexual offence did not know the offender before the offence.",
    ),
    Item(
        "non_contact",
        "Any non-contact sexual offence",
        "Was any sexual offence a non-contact offence?",
        "the answer about non-contact offences",
        "flag",
        "Yes for offences with no physical contact, such as exposure or indecent images.",
    ),
    Item(
        "never_married",
        "Single: never married or in a civil partnership",
        "Has the offender never been married or in a civil partnership?",
        "the answer about marriage",
        "flag",
        "Proposed from the relationship history on the offender's summary when one is recorded; "
        "otherwise answer from what the offender or the case file says.",
    ),
    Item(
        "violent_appearances",
        "Violent appearances",
        "How many violent appearances?",
        "the number of violent appearances",
        "count",
        "Sentencing occasions that included an offence of non-sexual violence.",
    ),
    Item(
        "burglary",
        "Any conviction for burglary",
        "Has the offender been convicted of burglary?",
        "the answer about burglary",
        "flag",
        "Yes if any sentencing occasion included a burglary.",
    ),
)
ITEMS_BY_NAME = {item.name: item for item in ITEMS}
ANSWERED_ONLY = {"never_married"}  # may have no proposal (no relationship history recorded)
INPUT_NAMES = [item.name for item in ITEMS] + ["commencement_date"]


def reason_field(name: str) -> str:
    return f"{name}_reason"


def corrected_items(proposal: Proposal, answers: dict) -> list[str]:
    """Items whose answer differs from the proposal (a new commencement date changes the age)."""
    # An item without a proposal, or an answer that could not be read, is not a correction.
    changed = [
        item.name
        for item in ITEMS
        if proposal.value(item.name) is not None
        and answers.get(item.name) is not None
        and answers.get(item.name) != proposal.value(item.name)
    ]
    start = answers.get("commencement_date")
    if "age" not in changed and start is not None and start != proposal.value("commencement_date"):
        changed.insert(0, "age")
    return changed


def _reason_errors(proposal: Proposal, answers: dict, reasons: dict) -> dict[str, str]:
    return {
        reason_field(name): f"Enter the reason for changing {ITEMS_BY_NAME[name].noun}"
        for name in corrected_items(proposal, answers)
        if not reasons.get(name, "").strip()
    }


def corrections(proposal: Proposal, answers: dict, reasons: dict) -> dict:
    def plain(value):
        return value.isoformat() if isinstance(value, datetime.date) else value

    result = {}
    for name in corrected_items(proposal, answers):
        entry = {
            "proposed": proposal.value(name),
            "confirmed": answers[name],
            "reason": reasons.get(name, "").strip(),
        }
        if name == "age":
            entry["proposed_commencement_date"] = plain(proposal.value("commencement_date"))
            entry["confirmed_commencement_date"] = plain(answers["commencement_date"])
        result[name] = entry
    return result


def answer_errors(
    *,
    proposal: Proposal,
    answers: dict,
    reasons: dict,
    date_of_birth: datetime.date,
) -> dict[str, str]:
    """Field name → message for everything wrong with the answers (empty when all is well)."""
    errors: dict[str, str] = {}
    for item in ITEMS:
        value = answers.get(item.name)
        if item.kind in {"count", "age"}:
            if isinstance(value, bool) or not isinstance(value, int):
                errors[item.name] = f"Enter {item.noun} as a whole number"
            elif value < 0:
                errors[item.name] = f"{item.noun.capitalize()} cannot be negative"
        elif not isinstance(value, bool):
            errors[item.name] = f"Answer the question: {item.question}"
    if errors:  # with every missing reason too, so all show at once
        return errors | _reason_errors(proposal, answers, reasons)

    sexual, criminal = answers["sexual_appearances"], answers["criminal_appearances"]
    if criminal < sexual:
        errors["criminal_appearances"] = (
            f"Criminal appearances cannot be fewer than sexual appearances ({sexual}): every "
            "sexual appearance is also a criminal appearance"
        )

    start = answers.get("commencement_date")
    if not isinstance(start, datetime.date):
        errors["commencement_date"] = "Enter the date risk commenced"
    elif start < date_of_birth:
        errors["commencement_date"] = "The date risk commenced must be after the date of birth"
    elif start > proposal.assessment_date:
        errors["commencement_date"] = (
            f"The date risk commenced cannot be after the assessment date "
            f"({fmt(proposal.assessment_date)})"
        )
    else:
        expected = age_on(date_of_birth, start)
        if answers["age"] != expected:
            errors["age"] = (
                f"The age does not match the date of birth: born {fmt(date_of_birth)}, the "
                f"offender was {expected} on {fmt(start)}"
            )

    errors |= _reason_errors(proposal, answers, reasons)

    if SEXUAL_AT_16 in proposal.items and not sexual_at_16(proposal, answers):
        errors[SEXUAL_AT_16] = (
            "Confirm that at least one sexual offence was committed at 16 or over: RM2000 does "
            "not apply otherwise"
        )

    if not errors:
        try:
            score(answers)
        except NotApplicable as error:
            field = "age" if answers["age"] < 18 else "sexual_appearances"
            errors[field] = error.reason
        except ValueError as error:  # the scoring core's own guard; should not be reached
            errors["__all__"] = str(error)
    return errors


def sexual_at_16(proposal: Proposal, answers: dict) -> bool:
    """True when the record shows a sexual offence at 16 or over, or the officer confirms it."""
    return proposal.value(SEXUAL_AT_16) is True or answers.get(SEXUAL_AT_16) is True


def score(answers: dict, c_table=DEFAULT_C_TABLE):
    """Score confirmed answers with the pure core; returns (S, V, C) results."""
    s = rm2000_s(
        age=answers["age"],
        sexual_appearances=answers["sexual_appearances"],
        criminal_appearances=answers["criminal_appearances"],
        male_victim=answers["male_victim"],
        stranger_victim=answers["stranger_victim"],
        non_contact=answers["non_contact"],
        never_married=answers["never_married"],
    )
    v = rm2000_v(
        age=answers["age"],
        violent_appearances=answers["violent_appearances"],
        burglary=answers["burglary"],
    )
    return s, v, rm2000_c(s.category, v.category, c_table)
