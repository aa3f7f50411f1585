"""Reactive management eligibility and the force's versioned policy."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from accounts.models import Role
from assessments.combiner import DEFAULT_POLICY
from audit.models import AuditEvent
from engagements import services
from engagements.models import (
    ChangeKind,
    OffenderSchedule,
    Policy,
    ReactiveManagement,
    ReactiveStatus,
)
from engagements.reactive import Facts, is_eligible, reactive_criteria, years_before
from engagements.services.policies import field_name, policy_in_force
from tests.factories import CourtAppearanceFactory, OffenceFactory, UserFactory

from .factories import decided

TODAY = datetime.date(2026, 6, 1)


def facts(**overrides):
    values = dict(
        today=TODAY,
        current_level="low",
        low_since=datetime.date(2022, 1, 1),
        last_offence_on=datetime.date(2019, 5, 1),
        no_civil_order=True,
        last_adverse_intelligence_on=None,
    )
    return Facts(**(values | overrides))


def test_the_pure_rule_passes_an_eligible_offender():
    criteria = reactive_criteria(facts())
    assert [c.passed for c in criteria] == [True, True, True, True]
    assert is_eligible(criteria)
    assert criteria[0].detail == "Low since 1 January 2022"


@pytest.mark.parametrize(
    ("overrides", "failed"),
    [
        ({"current_level": "medium"}, "low_3_years"),
        ({"low_since": datetime.date(2023, 6, 2)}, "low_3_years"),
        ({"last_offence_on": datetime.date(2024, 1, 1)}, "no_offence"),
        ({"no_civil_order": False}, "no_civil_order"),
        ({"last_adverse_intelligence_on": datetime.date(2025, 12, 1)}, "no_adverse_intelligence"),
    ],
)
def test_each_criterion_can_fail_on_its_own(overrides, failed):
    criteria = reactive_criteria(facts(**overrides))
    assert [c.code for c in criteria if not c.passed] == [failed]
    assert not is_eligible(criteria)


def test_three_years_counts_calendar_years_and_leap_days():
    assert years_before(datetime.date(2028, 2, 29), 3) == datetime.date(2025, 2, 28)
    assert is_eligible(reactive_criteria(facts(low_since=datetime.date(2023, 6, 1))))


@pytest.fixture
def second_supervisor(team):
    return UserFactory(username="super2", role=Role.SUPERVISOR, force=team.force, team=team)


@pytest.fixture
def low_for_years(offender, owner, colleague):
    today = timezone.localdate()
    decided(
        offender,
        author=owner,
        supervisor=colleague,
        priority="low",
        rm2000="low",
        on=years_before(today, 4),
    )
    return offender


def test_reactive_management_lifecycle(low_for_years, owner, colleague, second_supervisor):
    offender = low_for_years
    episode = services.reactive_propose(
        user=owner, offender=offender, no_civil_order=True, rationale="Settled, no concerns"
    )
    assert episode.status == ReactiveStatus.PROPOSED
    assert {c["code"]: c["passed"] for c in episode.criteria} == {
        "low_3_years": True,
        "no_offence": True,
        "no_civil_order": True,
        "no_adverse_intelligence": True,
    }
    assert OffenderSchedule.objects.get(offender=offender).reactive_pending
    with pytest.raises(PermissionDenied):
        services.reactive_decide(user=owner, episode=episode, approve=True)
    episode = services.reactive_decide(user=colleague, episode=episode, approve=True)
    assert episode.status == ReactiveStatus.ACTIVE
    schedule = OffenderSchedule.objects.get(offender=offender)
    assert schedule.reactive and schedule.next_visit_due is None
    offender.refresh_from_db()
    assert offender.status == "reactive"

    services.change_of_circumstances_record(
        user=owner,
        offender=offender,
        kind=ChangeKind.INTELLIGENCE,
        occurred_on=timezone.localdate(),
        details="Report of contact with a child",
    )
    episode.refresh_from_db()
    assert episode.status == ReactiveStatus.ENDED
    assert "intelligence" in episode.end_reason
    schedule.refresh_from_db()
    assert not schedule.reactive and schedule.next_visit_due is not None
    assert schedule.reassessment_due_now
    offender.refresh_from_db()
    assert offender.status == "active"


def test_the_supervisor_sees_a_proposal_on_the_timetable(client, low_for_years, owner, colleague):
    services.reactive_propose(
        user=owner, offender=low_for_years, no_civil_order=True, rationale="Settled, no concerns"
    )
    client.force_login(colleague)
    page = client.get(reverse("engagements:timetable", args=[low_for_years.pk])).content.decode()
    assert f"{owner} proposes reactive management." in page
    assert "Approve or refuse reactive management" in page


def test_the_proposer_cannot_approve_their_own_proposal(low_for_years, colleague):
    episode = services.reactive_propose(
        user=colleague, offender=low_for_years, no_civil_order=True, rationale="Settled"
    )
    with pytest.raises(ValidationError, match="Another supervisor"):
        services.reactive_decide(user=colleague, episode=episode, approve=True)


def test_an_ineligible_offender_cannot_be_proposed(low_for_years, owner):
    appearance = CourtAppearanceFactory(
        offender=low_for_years, sentencing_date=timezone.localdate() - datetime.timedelta(days=90)
    )
    OffenceFactory(appearance=appearance)
    with pytest.raises(ValidationError, match="No offence for 3 years"):
        services.reactive_propose(
            user=owner, offender=low_for_years, no_civil_order=True, rationale="Settled"
        )
    assert not ReactiveManagement.objects.exists()


def test_an_unconfirmed_civil_order_is_a_field_error(low_for_years, owner):
    with pytest.raises(ValidationError) as error:
        services.reactive_propose(
            user=owner, offender=low_for_years, no_civil_order=False, rationale=""
        )
    assert set(error.value.message_dict) == {"no_civil_order", "rationale"}
    assert not ReactiveManagement.objects.exists()


# --- policy ---------------------------------------------------------------------------------


def edited(**changes):
    data = DEFAULT_POLICY.to_dict()
    del data["version"]
    for table, cells in changes.items():
        data[table] = {**data[table], **cells}
    return data


def test_the_default_policy_is_created_lazily_per_force(force):
    policy = policy_in_force(force)
    assert policy.version == "level-1" and policy.number == 1
    assert policy.as_rules() == DEFAULT_POLICY
    assert policy_in_force(force) == policy


def test_a_force_admin_edit_creates_a_new_version(force_admin, offender, owner, colleague):
    old = decided(offender, author=owner, supervisor=colleague, rm2000="high", priority="medium")
    schedule_before = OffenderSchedule.objects.get(offender=offender).next_visit_due
    new = services.policy_create_version(
        user=force_admin,
        data=edited(visit_interval_months={"high": 2}),
        note="Monthly-ish visits for High after a review",
    )
    assert new.number == 2 and new.version == "tf1-level-2"
    assert new.as_rules().visit_interval_months["high"] == 2
    assert Policy.objects.filter(force=force_admin.force).count() == 2
    assert AuditEvent.objects.filter(object_type="engagements.policy", object_id=str(new.pk))
    # The past decision keeps its version, and so does the schedule it drives.
    old.refresh_from_db()
    assert old.policy.number == 1 and old.policy_version == "level-1"
    services.schedule_refresh(offender)
    assert OffenderSchedule.objects.get(offender=offender).next_visit_due == schedule_before
    # The next decision uses the new version.
    later = decided(offender, author=owner, supervisor=colleague, rm2000="high", priority="medium")
    assert later.policy == new and later.policy_version == "tf1-level-2"


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        (
            {"visit_interval_months": {"low": 12, "medium": 6, "high": 3}},
            field_name("visit_interval_months", "very_high"),
            "Enter the home visit interval for very high",
        ),
        (
            {"reassessment_interval_months": {"low": 0}},
            field_name("reassessment_interval_months", "low"),
            "The reassessment interval for low must be at least 1 month",
        ),
        (
            {"visit_interval_months": {"medium": -3}},
            field_name("visit_interval_months", "medium"),
            "The home visit interval for medium must be at least 1 month",
        ),
        (
            {"no_rm2000_level": {"high": "extreme"}},
            field_name("no_rm2000_level", "high"),
            "Select the level for ARMS priority high without RM2000/S",
        ),
    ],
)
def test_a_bad_policy_is_refused_with_field_errors(force_admin, data, field, message):
    policy_in_force(force_admin.force)
    payload = edited()
    for table, cells in data.items():
        payload[table] = cells if len(cells) > 1 else {**payload[table], **cells}
    before = Policy.objects.count()
    with pytest.raises(ValidationError) as error:
        services.policy_create_version(user=force_admin, data=payload, note="Trying")
    assert error.value.message_dict[field] == [message]
    assert Policy.objects.count() == before


def test_only_a_force_admin_edits_the_policy(colleague):
    with pytest.raises(PermissionDenied):
        services.policy_create_version(user=colleague, data=edited(), note="Not mine to change")
    assert not Policy.objects.exists()
