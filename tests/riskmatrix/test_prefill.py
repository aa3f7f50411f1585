"""The proposals from the court record: pure function tables, then the database reader."""

import datetime

import pytest

from riskmatrix.prefill import (
    AppearanceFact,
    OffenceFact,
    age_on,
    not_applicable_reason,
    propose,
    propose_for_offender,
)
from tests.riskmatrix.factories import add_appearance, worked_history

D = datetime.date
SEX = OffenceFact("Sexual assault", "sexual")
EXPOSURE = OffenceFact("Exposure", "sexual", contact=False, victim_stranger=True)
MALE = OffenceFact("Sexual activity with a child", "sexual", victim_male=True)
ASSAULT = OffenceFact("Assault", "violent", victim_male=True)
BURGLARY = OffenceFact("Burglary (dwelling)", "burglary")
THEFT = OffenceFact("Theft", "other")
DOB = D(1990, 6, 15)
ASSESSED = D(2026, 1, 15)


def proposal(appearances, release=None, assessed=ASSESSED, dob=DOB):
    return propose(
        date_of_birth=dob,
        last_release_date=release,
        appearances=appearances,
        assessment_date=assessed,
    )


@pytest.mark.parametrize(
    "dob, on, age",
    [
        (D(1990, 6, 15), D(2026, 6, 14), 35),
        (D(1990, 6, 15), D(2026, 6, 15), 36),
        (D(2000, 2, 29), D(2018, 2, 28), 17),
        (D(2000, 2, 29), D(2018, 3, 1), 18),
    ],
)
def test_age_on_counts_completed_years(dob, on, age):
    assert age_on(dob, on) == age


def test_sexual_appearances_are_distinct_sentencing_dates_with_a_sexual_offence():
    p = proposal(
        [
            AppearanceFact(D(2015, 11, 3), (EXPOSURE,)),
            AppearanceFact(D(2015, 11, 3), (SEX,)),  # same day, another case: still one occasion
            AppearanceFact(D(2018, 2, 21), (ASSAULT,)),
            AppearanceFact(D(2021, 6, 2), (SEX, THEFT)),
        ]
    )
    assert p.value("sexual_appearances") == 2
    assert p.items["sexual_appearances"].source == (
        "2 sentencing occasions with a sexual offence: 3 Nov 2015, 2 Jun 2021"
    )
    assert p.value("criminal_appearances") == 3
    assert p.items["criminal_appearances"].source == (
        "3 sentencing occasions recorded: 3 Nov 2015, 21 Feb 2018, 2 Jun 2021"
    )
    assert p.value("violent_appearances") == 1
    assert p.items["violent_appearances"].source == (
        "1 sentencing occasion with a violent offence: 21 Feb 2018"
    )


def test_victim_and_contact_flags_come_from_sexual_offences_only():
    p = proposal(
        [AppearanceFact(D(2018, 2, 21), (ASSAULT,)), AppearanceFact(D(2020, 1, 1), (SEX,))]
    )
    assert p.value("male_victim") is False  # the male victim was of the assault, not sexual
    assert p.items["male_victim"].source == (
        "No: none of the 1 sexual offence recorded had a male victim"
    )
    assert p.value("stranger_victim") is False
    assert p.value("non_contact") is False


def test_flags_name_the_offences_they_came_from():
    p = proposal(
        [AppearanceFact(D(2015, 11, 3), (EXPOSURE,)), AppearanceFact(D(2021, 6, 2), (MALE,))]
    )
    assert p.value("male_victim") is True
    assert "Sexual activity with a child (2 Jun 2021)" in p.items["male_victim"].source
    assert p.value("stranger_victim") is True
    assert p.items["non_contact"].source == "Yes: Exposure (3 Nov 2015) was a non-contact offence"


@pytest.mark.parametrize(
    "appearances, expected, source",
    [
        (
            [AppearanceFact(D(2010, 1, 5), (BURGLARY,))],
            True,
            "Yes: Burglary (dwelling) (5 Jan 2010)",
        ),
        ([AppearanceFact(D(2010, 1, 5), (THEFT,))], False, "No burglary offence recorded"),
    ],
)
def test_burglary(appearances, expected, source):
    p = proposal(appearances + [AppearanceFact(D(2020, 1, 1), (SEX,))])
    assert p.value("burglary") is expected and p.items["burglary"].source == source


def test_never_married_is_not_proposed_without_a_relationship_history():
    p = proposal([AppearanceFact(D(2020, 1, 1), (SEX,))])
    assert p.value("never_married") is None
    assert "No relationship history is recorded" in p.items["never_married"].source


@pytest.mark.parametrize(
    "release, start, words",
    [
        (D(2024, 9, 20), D(2024, 9, 20), "Released from custody on 20 Sep 2024"),
        (None, ASSESSED, "No release from custody is recorded"),
        (D(2019, 1, 1), ASSESSED, "was before the latest sentencing"),
        (D(2026, 3, 1), ASSESSED, "is after the assessment date"),
    ],
)
def test_commencement_of_risk_is_release_after_latest_sentence_else_assessment_date(
    release, start, words
):
    p = proposal([AppearanceFact(D(2021, 6, 2), (SEX,))], release=release)
    assert p.value("commencement_date") == start
    assert p.value("age") == age_on(DOB, start)
    assert words in p.items["age"].source
    assert f"aged {age_on(DOB, start)} on" in p.items["age"].source


def test_appearances_after_the_assessment_date_are_ignored():
    p = proposal(
        [AppearanceFact(D(2020, 1, 1), (SEX,)), AppearanceFact(D(2026, 2, 1), (SEX,))],
        assessed=D(2026, 1, 15),
    )
    assert p.value("sexual_appearances") == 1


@pytest.mark.parametrize(
    "sex, dob, has_sexual, words",
    [
        ("female", DOB, True, "female"),
        ("male", D(2008, 6, 1), True, "under 18 on the assessment date (aged 17"),
        ("male", DOB, False, "no sexual offence is recorded"),
        ("male", D(2008, 1, 15), True, None),  # 18 today: applies
    ],
)
def test_not_applicable_reasons(sex, dob, has_sexual, words):
    reason = not_applicable_reason(
        sex=sex, date_of_birth=dob, assessment_date=ASSESSED, has_sexual_conviction=has_sexual
    )
    if words is None:
        assert reason is None
    else:
        assert reason.startswith("RM2000 does not apply: ") and words in reason


def test_propose_for_offender_reads_the_court_record(offender, django_assert_max_num_queries):
    worked_history(offender)
    add_appearance(offender, D(2021, 6, 2), dict(description="Exposure", contact=False))
    with django_assert_max_num_queries(3):  # appearances, offences, relationships
        p = propose_for_offender(offender, ASSESSED)
    assert p.value("sexual_appearances") == 2  # the extra 2021 appearance is the same occasion
    assert p.value("criminal_appearances") == 4
    assert p.value("age") == 40  # born 1 Apr 1985, no release recorded
    assert p.as_json()["commencement_date"]["value"] == "2026-01-15"
