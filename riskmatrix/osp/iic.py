"""OSP/IIC: the hierarchy, the first row that matches decides (pure)."""

from __future__ import annotations

from dataclasses import dataclass, field

from riskmatrix.scoring import Category

from ._case import RULES_VERSION, _check

# --- OSP/IIC: a hierarchy, the first row that matches decides ------------------------------


@dataclass(frozen=True)
class IICResult:
    band: Category
    percentage: float  # predicted rate in per cent, as the hierarchy gives it
    working: tuple[str, ...]
    row: str  # the condition of the row that decided
    inputs: dict = field(hash=False)
    rules_version: str = RULES_VERSION


IIC_ROWS = (
    ("2+ indecent-image sanctions", lambda c: c.images >= 2, Category.HIGH, 10.31),
    ("1 indecent-image sanction", lambda c: c.images == 1, Category.MEDIUM, 3.328),
    ("2+ contact sanctions, child victim", lambda c: c.contact_child >= 2, Category.LOW, 0.926),
    ("1 contact sanction, child victim", lambda c: c.contact_child == 1, Category.LOW, 0.634),
    (
        "any non-contact and any contact, adult victim",
        lambda c: c.non_contact > 0 and c.contact_adult > 0,
        Category.LOW,
        0.281,
    ),
    ("otherwise", lambda c: True, Category.LOW, 0.0),
)


def osp_iic(
    *,
    sex,
    date_of_birth,
    assessment_date,
    follow_up_start,
    in_custody,
    total_sanctions,
    contact_adult,
    contact_child,
    non_contact,
    images,
    last_sexual_offence,
    last_offence,
    stranger_victim,
) -> IICResult:
    """OSP/IIC: band and predicted rate from the first matching row of the hierarchy."""
    case = _check(**locals(), tool="OSP/IIC")
    working = [
        f"Sexual sanctions: {case.images} indecent images, {case.contact_child} contact with a "
        f"child victim, {case.non_contact} non-contact, {case.contact_adult} contact with an "
        "adult victim"
    ]
    for number, (condition, matches, band, rate) in enumerate(IIC_ROWS, start=1):
        if matches(case):
            working.append(f"Row {number}, {condition}: matches → {band.label}, {rate}%")
            working.append(f"OSP/IIC band: {band.label}, {rate}%")
            return IICResult(band, rate, tuple(working), condition, case.inputs)
        working.append(f"Row {number}, {condition}: does not match")
    raise AssertionError("the last IIC row always matches")  # pragma: no cover
