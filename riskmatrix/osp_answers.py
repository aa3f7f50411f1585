"""The officer's answers to the OSP inputs: what each is, how answers are checked, and how
confirmed answers are scored. Shared by the form and the service, as ``answers`` is for RM2000.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from .osp import SANCTIONS_RANGE, osp_dc, osp_iic
from .osp import age_on as osp_age_on
from .prefill import Proposal, fmt
from .scoring import NotApplicable

MAX_COUNT = SANCTIONS_RANGE[1]
MAX_AGE_AT_FOLLOW_UP = 110


@dataclass(frozen=True)
class OspItem:
    name: str
    label: str
    question: str
    noun: str
    kind: str  # "sex", "date", "optional_date", "flag", "tristate", "total" or "count"
    help: str


OSP_ITEMS = (
    OspItem("sex", "Sex", "What is the offender's sex?", "the sex", "sex",
            "OSP was built for men: it does not score women."),
    OspItem("follow_up_start", "Start of follow-up", "Start of follow-up",
            "the start of follow-up", "date",
            "The start of the community sentence or the release from custody; the date of the "
            "current conviction if neither is known."),
    OspItem("in_custody", "In custody now", "Is the offender in custody now?",
            "the answer about custody", "flag",
            "The time offence-free reduction never applies in custody."),
    OspItem("total_sanctions", "Total sanctions", "How many sanctions in total?",
            "the number of sanctions", "total",
            "Every sanctioning occasion for any offence, sexual ones included (1 to 999)."),
    OspItem("contact_adult", "Contact sexual sanctions, adult victim",
            "How many contact sexual sanctions with an adult victim?",
            "the number of contact sanctions with an adult victim", "count",
            "Sanctioning occasions with a contact sexual offence against an adult."),
    OspItem("contact_child", "Contact sexual sanctions, child victim",
            "How many contact sexual sanctions with a child victim?",
            "the number of contact sanctions with a child victim", "count",
            "Sanctioning occasions with a contact sexual offence against a child."),
    OspItem("non_contact", "Non-contact sexual sanctions",
            "How many non-contact sexual sanctions (other than indecent images)?",
            "the number of non-contact sanctions", "count",
            "Exposure, voyeurism, sexual communication and the like: not indecent images."),
    OspItem("images", "Indecent image sanctions", "How many indecent image sanctions?",
            "the number of indecent image sanctions", "count",
            "Sanctioning occasions with an offence of making, possessing or sharing images."),
    OspItem("last_sexual_offence", "Date of the most recent sexual offence",
            "Date of the most recent sexual offence", "the date of the most recent sexual offence",
            "optional_date", "Leave it empty if it is not known."),
    OspItem("last_offence", "Date of the most recent offence of any kind",
            "Date of the most recent offence of any kind", "the date of the most recent offence",
            "optional_date", "Leave it empty if it is not known."),
    OspItem("stranger_victim", "Current offence against a stranger",
            "Was the current offence against a stranger?", "the answer about a stranger victim",
            "tristate", "The current (index) sexual offence: did the victim know the offender?"),
)  # fmt: skip
OSP_ITEMS_BY_NAME = {item.name: item for item in OSP_ITEMS}
OSP_INPUT_NAMES = [item.name for item in OSP_ITEMS]
DATE_KINDS = {"date", "optional_date"}
COUNT_KINDS = {"total", "count"}


def reason_field(name: str) -> str:
    return f"{name}_reason"


def plain(value):
    return value.isoformat() if isinstance(value, datetime.date) else value


def corrected_items(proposal: Proposal, answers: dict) -> list[str]:
    return [name for name in OSP_INPUT_NAMES if answers.get(name) != proposal.value(name)]


def corrections(proposal: Proposal, answers: dict, reasons: dict) -> dict:
    return {
        name: {
            "proposed": plain(proposal.value(name)),
            "confirmed": plain(answers[name]),
            "reason": reasons.get(name, "").strip(),
        }
        for name in corrected_items(proposal, answers)
    }


def _type_error(item: OspItem, value) -> str | None:
    if item.kind == "sex":
        return None if value in ("male", "female") else f"Answer the question: {item.question}"
    if item.kind in DATE_KINDS:
        if value is None and item.kind == "optional_date":
            return None
        ok = isinstance(value, datetime.date) and not isinstance(value, datetime.datetime)
        return None if ok else f"Enter {item.noun}"
    if item.kind == "flag":
        return None if isinstance(value, bool) else f"Answer the question: {item.question}"
    if item.kind == "tristate":
        ok = value is None or isinstance(value, bool)
        return None if ok else f"Answer the question: {item.question}"
    if isinstance(value, bool) or not isinstance(value, int):
        return f"Enter {item.noun} as a whole number"
    low = 1 if item.kind == "total" else 0
    if not low <= value <= MAX_COUNT:
        return f"{item.noun.capitalize()} must be between {low} and {MAX_COUNT}"
    return None


def _date_errors(answers: dict, date_of_birth: datetime.date, assessment_date) -> dict:
    errors = {}
    for item in OSP_ITEMS:
        value = answers.get(item.name)
        if item.kind not in DATE_KINDS or value is None:
            continue
        if value < date_of_birth:
            errors[item.name] = f"{item.label} must be after the date of birth"
        elif value > assessment_date:
            errors[item.name] = (
                f"{item.label} cannot be after the assessment date ({fmt(assessment_date)})"
            )
    start = answers["follow_up_start"]
    if "follow_up_start" not in errors:
        age = osp_age_on(date_of_birth, start)
        if age >= MAX_AGE_AT_FOLLOW_UP:
            errors["follow_up_start"] = (
                f"The start of follow-up gives an age of {age}: check the date of birth and "
                "the start of follow-up"
            )
    return errors


def osp_answer_errors(
    *, proposal: Proposal, answers: dict, reasons: dict, date_of_birth: datetime.date
) -> dict[str, str]:
    """Field name → message for everything wrong with the answers (empty when all is well)."""
    errors = {
        item.name: message
        for item in OSP_ITEMS
        if (message := _type_error(item, answers.get(item.name)))
    }
    if errors:
        return errors
    errors = _date_errors(answers, date_of_birth, proposal.assessment_date)
    sexual = sum(
        answers[name] for name in ("contact_adult", "contact_child", "non_contact", "images")
    )
    if sexual > answers["total_sanctions"]:
        errors["total_sanctions"] = (
            f"Total sanctions cannot be fewer than the sexual sanctions ({sexual}): every sexual "
            "sanction is also a sanction"
        )
    for name in corrected_items(proposal, answers):
        if not reasons.get(name, "").strip():
            errors[reason_field(name)] = (
                f"Enter the reason for changing {OSP_ITEMS_BY_NAME[name].noun}"
            )
    if not errors:
        try:
            osp_score(
                answers, date_of_birth=date_of_birth, assessment_date=proposal.assessment_date
            )
        except NotApplicable as error:
            errors["sex" if answers["sex"] == "female" else "contact_adult"] = error.reason
        except ValueError as error:  # the scorer's own guard; should not be reached
            errors["__all__"] = str(error)
    return errors


def osp_score(answers: dict, *, date_of_birth: datetime.date, assessment_date: datetime.date):
    """Score confirmed answers with the pure scorer; returns (DC, IIC) results."""
    arguments = {name: answers[name] for name in OSP_INPUT_NAMES}
    arguments |= {"date_of_birth": date_of_birth, "assessment_date": assessment_date}
    return osp_dc(**arguments), osp_iic(**arguments)
