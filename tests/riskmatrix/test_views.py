import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from audit.models import Action, AuditEvent
from offenders.models import OffenceKind, Sex
from riskmatrix.answers import INPUT_NAMES
from riskmatrix.models import ActuarialRecord
from riskmatrix.prefill import propose_for_offender
from tests.factories import OffenderFactory
from tests.riskmatrix.factories import add_appearance, score, worked_history


@pytest.fixture
def case(offender):
    return worked_history(offender)


def form_data(offender, **changes):
    """What the browser posts when the officer accepts every proposal and says never married."""
    proposal = propose_for_offender(offender, timezone.localdate())
    data = {}
    for name in INPUT_NAMES:
        value = proposal.value(name)
        if isinstance(value, bool):
            data[name] = "yes" if value else "no"
        elif isinstance(value, datetime.date):
            data |= {
                f"{name}_0": value.day,
                f"{name}_1": value.month,
                f"{name}_2": value.year,
            }
        elif value is not None:
            data[name] = str(value)
    data["never_married"] = "yes"
    data["sexual_offence_at_16"] = "on"
    return data | changes


def start_url(offender):
    return reverse("riskmatrix:start", args=[offender.pk])


# --- access: owner, colleague, outsider, read-only, anonymous -----------------------------


def test_owner_sees_the_form_prefilled_with_sources(owner_client, case):
    response = owner_client.get(start_url(case))
    assert response.status_code == 200
    page = response.content.decode()
    assert "2 sentencing occasions with a sexual offence: 3 Nov 2015, 2 Jun 2021" in page
    assert 'name="sexual_appearances" value="2"' in page
    assert 'name="criminal_appearances" value="4"' in page
    assert "No release from custody is recorded" in page
    assert AuditEvent.objects.filter(
        offender=case, action=Action.VIEWED, summary="Risk Matrix 2000 form viewed"
    ).exists()


def test_owner_scores_and_is_taken_to_the_result(owner_client, case):
    response = owner_client.post(start_url(case), form_data(case))
    record = ActuarialRecord.objects.get()
    assert response.status_code == 302 and response.url == record.get_absolute_url()
    page = owner_client.get(response.url).content.decode()
    assert 'arms-badge arms-badge--very_high">Very high' in page
    assert "Step 1 total: 1 point → Medium" in page
    assert "provisional" in page
    assert record.scored_by.username == "owner"


def test_colleague_can_see_history_and_result(client, colleague, owner, case):
    record = score(owner, case)
    client.force_login(colleague)
    history = client.get(reverse("riskmatrix:history", args=[case.pk]))
    assert history.status_code == 200
    assert record.get_absolute_url() in history.content.decode()
    assert client.get(record.get_absolute_url()).status_code == 200


def test_outsider_gets_404_everywhere(client, outsider, owner, case):
    record = score(owner, case)
    client.force_login(outsider)
    for url in [
        reverse("riskmatrix:history", args=[case.pk]),
        start_url(case),
        record.get_absolute_url(),
    ]:
        assert client.get(url).status_code == 404
    assert client.post(start_url(case), form_data(case)).status_code == 404
    assert ActuarialRecord.objects.count() == 1


def test_record_of_another_offender_is_404(owner_client, owner, team, case):
    other = worked_history(OffenderFactory(team=team))
    record = score(owner, other)
    url = reverse("riskmatrix:detail", args=[case.pk, record.pk])
    assert owner_client.get(url).status_code == 404


def test_read_only_user_sees_but_cannot_score(client, auditor, owner, case):
    score(owner, case)
    client.force_login(auditor)
    history = client.get(reverse("riskmatrix:history", args=[case.pk]))
    assert history.status_code == 200
    assert "Start a Risk Matrix 2000 assessment" not in history.content.decode()
    assert client.get(start_url(case)).status_code == 403
    assert client.post(start_url(case), form_data(case)).status_code == 403
    assert ActuarialRecord.objects.count() == 1


def test_anonymous_is_sent_to_login(client, case):
    response = client.get(reverse("riskmatrix:history", args=[case.pk]))
    assert response.status_code == 302 and "/login/" in response.url


# --- bad input: a field error, nothing saved ----------------------------------------------


@pytest.mark.parametrize(
    "changes, field, message",
    [
        ({"sexual_appearances": "-1"}, "sexual_appearances", "cannot be negative"),
        ({"violent_appearances": "two"}, "violent_appearances", "as a whole number"),
        ({"criminal_appearances": ""}, "criminal_appearances", "Enter the number of criminal"),
        (
            {"criminal_appearances": "1", "criminal_appearances_reason": "typo"},
            "criminal_appearances",
            "cannot be fewer than sexual appearances (2)",
        ),
        ({"age": "25"}, "age", "The age does not match the date of birth"),
        (
            {"criminal_appearances": "6"},
            "criminal_appearances_reason",
            "Enter the reason for changing the number of criminal appearances",
        ),
        (
            {"male_victim": "no"},
            "male_victim_reason",
            "Enter the reason for changing the answer about a male victim",
        ),
        ({"never_married": ""}, "never_married", "Answer the question"),
        (
            {"sexual_appearances": "0", "sexual_appearances_reason": "quashed"},
            "sexual_appearances",
            "does not apply",
        ),
        (
            {"commencement_date_0": "1", "commencement_date_1": "1", "commencement_date_2": "1980"},
            "commencement_date",
            "must be after the date of birth",
        ),
    ],
)
def test_bad_input_is_a_field_error_and_nothing_is_saved(
    owner_client, case, changes, field, message
):
    before = ActuarialRecord.objects.count()
    response = owner_client.post(start_url(case), form_data(case, **changes))
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert field in errors, errors
    assert message in " ".join(errors[field])
    assert "govuk-error-summary" in response.content.decode()
    assert ActuarialRecord.objects.count() == before == 0


def test_changed_commencement_date_with_matching_age_needs_a_reason(owner_client, case):
    data = form_data(
        case,
        commencement_date_0="1",
        commencement_date_1="6",
        commencement_date_2="2024",
        age="39",  # born 1 Apr 1985
    )
    response = owner_client.post(start_url(case), data)
    assert "age_reason" in response.context["form"].errors
    data["age_reason"] = "Released on licence on 1 June 2024; the release date is missing"
    response = owner_client.post(start_url(case), data)
    assert response.status_code == 302
    record = ActuarialRecord.objects.get()
    assert record.inputs["age"] == 39
    assert record.corrections["age"]["confirmed_commencement_date"] == "2024-06-01"


# --- not applicable --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "attrs, kind, reason",
    [
        ({"sex": Sex.FEMALE}, OffenceKind.SEXUAL, "this record says the offender is female"),
        ({"date_of_birth": datetime.date(2010, 1, 1)}, OffenceKind.SEXUAL, "under 18"),
        ({}, OffenceKind.VIOLENT, "no sexual offence is recorded"),
    ],
)
def test_not_applicable_page_and_nothing_saved(owner_client, owner, team, attrs, kind, reason):
    offender = OffenderFactory(team=team, responsible_officer=owner, **attrs)
    add_appearance(offender, datetime.date(2025, 3, 1), dict(kind=kind))
    response = owner_client.get(start_url(offender))
    page = response.content.decode()
    assert response.status_code == 200
    assert "RM2000 does not apply" in page and reason in page
    assert "Calculate and save" not in page
    response = owner_client.post(start_url(offender), {"sexual_appearances": "1"})
    assert "RM2000 does not apply" in response.content.decode()
    assert not ActuarialRecord.objects.exists()


# --- history and result -------------------------------------------------------------------


def test_history_lists_all_newest_first_marking_the_current_one(owner_client, owner, case):
    old = score(owner, case, assessment_date=datetime.date(2025, 1, 10))
    new = score(owner, case, never_married=True)
    page = owner_client.get(reverse("riskmatrix:history", args=[case.pk])).content.decode()
    assert page.index(new.get_absolute_url()) < page.index(old.get_absolute_url())
    assert page.count(">Current<") == 1 and page.count(">Superseded<") == 1
    assert "Start a Risk Matrix 2000 assessment" in page
    old_page = owner_client.get(old.get_absolute_url()).content.decode()
    assert "Replaced by the" in old_page and new.get_absolute_url() in old_page


def test_history_query_count_does_not_grow_with_records(
    owner_client, owner, case, django_assert_max_num_queries
):
    for year in range(2022, 2026):
        score(owner, case, assessment_date=datetime.date(year, 1, 10))
    with django_assert_max_num_queries(8):
        response = owner_client.get(reverse("riskmatrix:history", args=[case.pk]))
    assert response.content.decode().count("arms-badge--") == 12


def test_result_shows_working_corrections_who_and_versions(owner_client, owner, case):
    record = score(
        owner,
        case,
        violent_appearances=2,
        reasons={"violent_appearances": "A 2019 assault is on the PNC but not here"},
    )
    response = owner_client.get(record.get_absolute_url())
    page = response.content.decode()
    assert "A 2019 assault is on the PNC but not here" in page
    assert "Changed" in page
    assert "rm2000-1" in page and "rm2000-c-provisional-1" in page
    assert owner.get_full_name() in page
    assert "Sexual appearances: 2 → 1 point" in page
    assert AuditEvent.objects.filter(summary="Risk Matrix 2000 result viewed").count() == 1


def test_the_officer_confirms_a_sexual_offence_at_16_when_dates_cannot_say(owner_client, case):
    data = form_data(case)
    del data["sexual_offence_at_16"]
    response = owner_client.post(start_url(case), data)
    page = response.content.decode()
    assert "Confirm that at least one sexual offence was committed at 16 or over" in page
    assert not ActuarialRecord.objects.exists()
    response = owner_client.post(start_url(case), form_data(case))
    record = ActuarialRecord.objects.get()
    detail = owner_client.get(record.get_absolute_url()).content.decode()
    assert "case file, confirmed by the officer" in detail
