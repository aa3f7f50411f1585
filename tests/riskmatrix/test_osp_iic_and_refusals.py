"""OSP/IIC's hierarchy row by row, what both OSP tools refuse (not applicable, impossible
input), and that the rules stay free of Django (docs/domain.md, "OSP"; issue 13)."""

import datetime
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from riskmatrix.osp import osp_dc, osp_iic
from riskmatrix.scoring import NotApplicable
from tests.riskmatrix.osp_cases import BASE, HIGH, LOW, MEDIUM, answers, dc, iic

# --- OSP/IIC: the hierarchy, row by row ----------------------------------------------------

IIC_ROWS = [
    (dict(images=2), 1, HIGH, 10.31),
    (dict(images=7, contact_child=3), 1, HIGH, 10.31),
    (dict(images=1), 2, MEDIUM, 3.328),
    (dict(images=1, contact_child=2, non_contact=1, contact_adult=1), 2, MEDIUM, 3.328),
    (dict(images=0, contact_child=2), 3, LOW, 0.926),
    (dict(images=0, contact_child=5, non_contact=1, contact_adult=1), 3, LOW, 0.926),
    (dict(images=0, contact_child=1), 4, LOW, 0.634),
    (dict(images=0, contact_child=1, non_contact=1, contact_adult=1), 4, LOW, 0.634),
    (dict(images=0, non_contact=1, contact_adult=1), 5, LOW, 0.281),
    (dict(images=0, non_contact=3, contact_adult=2), 5, LOW, 0.281),
    (dict(images=0, non_contact=1), 6, LOW, 0.0),
    (dict(images=0, contact_adult=4), 6, LOW, 0.0),
]


@pytest.mark.parametrize("counts, row, band, percentage", IIC_ROWS)
def test_iic_hierarchy(counts, row, band, percentage):
    result = iic(**counts)
    assert (result.band, result.percentage) == (band, percentage)
    rows = [w for w in result.working if w.startswith("Row ")]
    assert len(rows) == row
    assert all(w.endswith("does not match") for w in rows[:-1])
    assert rows[-1].startswith(f"Row {row}, {result.row}: matches → {band.label}, {percentage}%")
    assert result.working[-1] == f"OSP/IIC band: {band.label}, {percentage}%"


def test_iic_ignores_everything_but_the_counts():
    other = dict(
        age=20, stranger_victim=True, in_custody=True, last_sexual_offence=date(2019, 1, 1)
    )
    assert iic(**other).band == iic().band == MEDIUM


# --- refusals: not applicable --------------------------------------------------------------

NOT_APPLICABLE = [
    (dict(sex="female"), "built for men, and the offender is recorded as female"),
    (
        dict(date_of_birth=date(2003, 1, 2), assessment_date=date(2021, 1, 1)),
        r"under 18 on the assessment date \(aged 17 on 1 Jan 2021\)",
    ),
    (  # 29 February birthday: 18 on 1 March in a common year
        dict(date_of_birth=date(2008, 2, 29), assessment_date=date(2026, 2, 28)),
        r"aged 17 on 28 Feb 2026",
    ),
    (dict(images=0), "there is no sexual sanction"),
    (dict(images=0, total_sanctions=5), "there is no sexual sanction"),
]


@pytest.mark.parametrize("tool, name", [(osp_dc, "OSP/DC"), (osp_iic, "OSP/IIC")])
@pytest.mark.parametrize("changes, reason", NOT_APPLICABLE)
def test_not_applicable(tool, name, changes, reason):
    with pytest.raises(NotApplicable, match=reason) as raised:
        tool(**answers(**changes))
    assert raised.value.reason.startswith(f"{name} does not apply: ")


def test_18_on_the_assessment_date_is_applicable():
    assert dc(date_of_birth=date(2003, 1, 1), assessment_date=date(2021, 1, 1)).points == 14
    case = dict(date_of_birth=date(2008, 2, 29), follow_up_start=date(2026, 3, 1))
    assert dc(**case, assessment_date=date(2026, 3, 1)).points == 14


# --- refusals: impossible input ------------------------------------------------------------

BAD_INPUT = [
    (dict(sex="M"), "sex must be 'male' or 'female'"),
    (dict(sex=None), "sex must be"),
    (dict(date_of_birth="1960-01-01"), "date_of_birth must be a date"),
    (dict(date_of_birth=None), "date_of_birth must be a date"),
    (dict(assessment_date=datetime.datetime(2021, 1, 1)), "assessment_date must be a date"),
    (dict(follow_up_start=None), "follow_up_start must be a date"),
    (dict(last_sexual_offence="2019"), "last_sexual_offence must be a date or None if unknown"),
    (dict(last_offence=20190101), "last_offence must be a date or None"),
    (dict(in_custody=None), "in_custody must be True or False"),
    (dict(in_custody=0), "in_custody must be True or False"),
    (dict(stranger_victim="yes"), "stranger_victim must be True or False, or None if unknown"),
    (dict(total_sanctions=0), r"total_sanctions must be between 1 and 999 \(got 0\)"),
    (dict(total_sanctions=1000), r"total_sanctions must be between 1 and 999 \(got 1000\)"),
    (dict(total_sanctions=-1), "total_sanctions cannot be negative"),
    (dict(total_sanctions=True), "total_sanctions must be a whole number"),
    (dict(total_sanctions=2.0), "total_sanctions must be a whole number"),
    (dict(total_sanctions="2"), "total_sanctions must be a whole number"),
    (dict(images=2, total_sanctions=1), r"total_sanctions \(1\) cannot be fewer than the sexual"),
    (
        dict(contact_adult=1, contact_child=1, non_contact=1, images=1, total_sanctions=3),
        r"contact_adult 1 \+ contact_child 1 \+ non_contact 1 \+ images 1 = 4",
    ),
    (dict(date_of_birth=date(2020, 1, 2)), "follow_up_start .* cannot be before date_of_birth"),
    (dict(assessment_date=date(1959, 12, 31)), "assessment_date .* cannot be before date_of_birth"),
    (dict(last_sexual_offence=date(1959, 1, 1)), "last_sexual_offence .* before date_of_birth"),
    (dict(last_offence=date(1959, 1, 1)), "last_offence .* cannot be before date_of_birth"),
    (
        dict(date_of_birth=date(1910, 1, 1)),
        r"follow_up_start \(1 Jan 2020\) gives an age of 110, which is not realistic",
    ),
    (dict(date_of_birth=date(1900, 1, 1)), "gives an age of 120"),
]
BAD_INPUT += [
    (dict(images=1, **{field: value}), f"{field} ")
    for field in ("contact_adult", "contact_child", "non_contact")
    for value in (-1, True, 1.0, None)
] + [(dict(images=value), "images ") for value in (-1, True, False, 1.0, None, "1")]


@pytest.mark.parametrize("tool", [osp_dc, osp_iic])
@pytest.mark.parametrize("changes, message", BAD_INPUT)
def test_impossible_input_is_refused_naming_the_field(tool, changes, message):
    with pytest.raises(ValueError, match=message) as raised:
        tool(**{**BASE, **changes})
    assert not isinstance(raised.value, NotApplicable)


def test_an_age_of_109_at_the_start_of_follow_up_is_accepted():
    assert dc(date_of_birth=date(1910, 1, 2)).points == 0


def test_impossible_input_is_refused_before_not_applicable():
    with pytest.raises(ValueError, match="contact_adult cannot be negative") as raised:
        osp_dc(**{**BASE, "sex": "female", "contact_adult": -1})
    assert not isinstance(raised.value, NotApplicable)


def test_every_argument_is_keyword_only_and_required():
    with pytest.raises(TypeError):
        osp_dc(*BASE.values())
    incomplete = dict(BASE)
    del incomplete["last_offence"]
    with pytest.raises(TypeError):
        osp_iic(**incomplete)


# --- purity ----------------------------------------------------------------------------


def test_importing_osp_does_not_import_django():
    repo_root = Path(__file__).resolve().parents[2]
    code = "import sys, riskmatrix.osp; sys.exit('django' in sys.modules)"
    completed = subprocess.run([sys.executable, "-c", code], cwd=repo_root, capture_output=True)
    assert completed.returncode == 0, completed.stderr.decode()
