import pytest
from django.urls import reverse

from accounts.models import Role
from assessments import services
from assessments.models import Assessment, AssessmentStatus, FactorRating
from audit.models import AuditEvent
from tests.factories import OffenderFactory, UserFactory

from .factories import countersigned, rate_all, submitted


def _factor_post(version, **overrides):
    data = {
        "version": version,
        "rating": "2",
        "evidence": "Seen at the home visit on Tuesday",
        "sources": ["home_visit"],
        "insufficient_information_note": "",
        "work_needed": "Refer to the treatment programme",
    }
    data.update(overrides)
    return data


@pytest.fixture
def draft(offender, owner):
    return services.assessment_start(user=owner, offender=offender)[0]


# --- personas ------------------------------------------------------------------------------


def test_three_personas_on_the_list_page(client, offender, owner, colleague, outsider):
    url = reverse("assessments:list", args=[offender.pk])
    for user, expected in [(owner, 200), (colleague, 200), (outsider, 404)]:
        client.force_login(user)
        assert client.get(url).status_code == expected


def test_three_personas_on_assessment_pages(client, offender, owner, colleague, outsider, draft):
    code = draft.ratings.first().factor.code
    urls = [
        reverse("assessments:tasks", args=[offender.pk, draft.pk]),
        reverse("assessments:factor", args=[offender.pk, draft.pk, code]),
        reverse("assessments:summary", args=[offender.pk, draft.pk]),
    ]
    for url in urls:
        for user, expected in [(owner, 200), (colleague, 200), (outsider, 404)]:
            client.force_login(user)
            assert client.get(url).status_code == expected, (url, user)


def test_assessment_of_another_offender_is_404(owner_client, offender, team, draft):
    other = OffenderFactory(team=team, local_reference="TEST-0002")
    url = reverse("assessments:summary", args=[other.pk, draft.pk])
    assert owner_client.get(url).status_code == 404


def test_outsider_cannot_start(client, offender, outsider):
    client.force_login(outsider)
    response = client.post(reverse("assessments:start", args=[offender.pk]))
    assert response.status_code == 404
    assert Assessment.objects.count() == 0


def test_read_only_user_sees_but_cannot_change(client, offender, auditor, draft):
    client.force_login(auditor)
    assert client.get(reverse("assessments:list", args=[offender.pk])).status_code == 200
    code = draft.ratings.first().factor.code
    url = reverse("assessments:factor", args=[offender.pk, draft.pk, code])
    assert client.post(url, _factor_post(draft.version)).status_code == 403
    assert not FactorRating.objects.filter(assessment=draft, rated=True).exists()


def test_pages_are_audited_as_views(owner_client, offender, draft):
    owner_client.get(reverse("assessments:list", args=[offender.pk]))
    owner_client.get(reverse("assessments:tasks", args=[offender.pk, draft.pk]))
    owner_client.get(reverse("assessments:summary", args=[offender.pk, draft.pk]))
    viewed = AuditEvent.objects.filter(offender=offender, action="viewed")
    assert viewed.count() == 3


# --- the workflow through the pages ----------------------------------------------------------


def test_start_button_creates_a_draft_and_opens_the_task_list(owner_client, offender):
    response = owner_client.post(reverse("assessments:start", args=[offender.pk]))
    assessment = Assessment.objects.get()
    assert response.url == reverse("assessments:tasks", args=[offender.pk, assessment.pk])
    page = owner_client.get(response.url).content.decode()
    assert page.count("Not started") == 11


def test_factor_page_saves_and_moves_to_the_next_factor(owner_client, offender, draft):
    rows = list(draft.ratings.select_related("factor"))
    url = reverse("assessments:factor", args=[offender.pk, draft.pk, rows[0].factor.code])
    response = owner_client.post(url, _factor_post(draft.version))
    assert response.status_code == 302
    assert response.url.endswith(f"/factors/{rows[1].factor.code}/")
    saved = FactorRating.objects.get(pk=rows[0].pk)
    assert (saved.rated, saved.rating, saved.sources) == (True, 2, ["home_visit"])
    tasks = owner_client.get(reverse("assessments:tasks", args=[offender.pk, draft.pk]))
    assert tasks.content.decode().count("Completed") == 1


def test_unknown_rating_value_is_a_field_error(owner_client, offender, draft):
    row = draft.ratings.select_related("factor").first()
    url = reverse("assessments:factor", args=[offender.pk, draft.pk, row.factor.code])
    response = owner_client.post(url, _factor_post(draft.version, rating="7"))
    assert response.status_code == 200
    assert "Choose a rating" in response.content.decode()
    row.refresh_from_db()
    assert not row.rated and row.evidence == ""


def test_unknown_factor_code_is_404(owner_client, offender, draft):
    url = reverse("assessments:factor", args=[offender.pk, draft.pk, "astrology"])
    assert owner_client.get(url).status_code == 404


def test_submit_through_the_summary_page(owner_client, offender, owner, draft):
    draft = rate_all(draft, owner)
    url = reverse("assessments:summary", args=[offender.pk, draft.pk])
    page = owner_client.get(url).content.decode()
    assert "Medium priority" in page and "net = 4 − 2 = 2" in page
    response = owner_client.post(url, {"version": draft.version, "override_priority": "keep"})
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.status == AssessmentStatus.SUBMITTED


def test_submit_with_override_but_no_reason_is_refused(owner_client, offender, owner, draft):
    draft = rate_all(draft, owner)
    url = reverse("assessments:summary", args=[offender.pk, draft.pk])
    response = owner_client.post(url, {"version": draft.version, "override_priority": "high"})
    assert "Enter the reason for changing the derived priority" in response.content.decode()
    draft.refresh_from_db()
    assert draft.status == AssessmentStatus.DRAFT


def test_supervisor_countersigns_through_the_page_and_sees_the_override(
    client, offender, owner, colleague
):
    assessment = submitted(
        offender, owner, override_priority="high", override_rationale="Fresh intelligence"
    )
    client.force_login(colleague)
    url = reverse("assessments:countersign", args=[offender.pk, assessment.pk])
    page = client.get(url).content.decode()
    assert "Fresh intelligence" in page
    response = client.post(url, {"decision": "countersign", "approve_override": "yes"})
    assert response.status_code == 302
    assessment.refresh_from_db()
    assert assessment.status == AssessmentStatus.COUNTERSIGNED
    assert assessment.final_priority == "high"


def test_return_through_the_page_needs_a_comment(client, offender, owner, colleague):
    assessment = submitted(offender, owner)
    client.force_login(colleague)
    url = reverse("assessments:countersign", args=[offender.pk, assessment.pk])
    response = client.post(url, {"decision": "return", "comment": ""})
    assert "Enter what the officer needs to change" in response.content.decode()
    assessment.refresh_from_db()
    assert assessment.status == AssessmentStatus.SUBMITTED
    client.post(url, {"decision": "return", "comment": "Say more about routine"})
    assessment.refresh_from_db()
    assert assessment.status == AssessmentStatus.RETURNED


def test_author_cannot_open_the_countersign_page(client, offender, colleague):
    assessment = submitted(offender, colleague)
    client.force_login(colleague)
    url = reverse("assessments:countersign", args=[offender.pk, assessment.pk])
    assert client.post(url, {"decision": "countersign"}).status_code == 403
    assessment.refresh_from_db()
    assert assessment.status == AssessmentStatus.SUBMITTED


def test_supervisor_of_another_team_is_refused_on_the_page(client, offender, owner, other_team):
    stranger = UserFactory(username="sup-b", role=Role.SUPERVISOR, team=other_team)
    assessment = submitted(offender, owner)
    client.force_login(stranger)
    url = reverse("assessments:countersign", args=[offender.pk, assessment.pk])
    # Not in the offender's team: the offender is not visible, so 404 (nothing leaks).
    assert client.post(url, {"decision": "countersign"}).status_code == 404
    assessment.refresh_from_db()
    assert assessment.status == AssessmentStatus.SUBMITTED


# --- countersigned: locked by URL and by tampering ----------------------------------------


def test_editing_a_countersigned_assessment_by_url_is_refused(
    owner_client, offender, owner, colleague
):
    done = countersigned(offender, owner, colleague)
    row = done.ratings.select_related("factor").first()
    before = list(FactorRating.objects.filter(assessment=done).values())
    url = reverse("assessments:factor", args=[offender.pk, done.pk, row.factor.code])
    response = owner_client.post(url, _factor_post(done.version, evidence="rewritten"), follow=True)
    assert "countersigned and can no longer be changed" in response.content.decode()
    assert list(FactorRating.objects.filter(assessment=done).values()) == before
    # The task list of a locked assessment shows its read-only summary instead.
    tasks = owner_client.get(reverse("assessments:tasks", args=[offender.pk, done.pk]))
    assert tasks.status_code == 302


def test_tampered_submit_of_a_countersigned_assessment_is_refused(
    owner_client, offender, owner, colleague
):
    done = countersigned(offender, owner, colleague)
    url = reverse("assessments:summary", args=[offender.pk, done.pk])
    response = owner_client.post(
        url,
        {"version": done.version, "override_priority": "low", "override_rationale": "x"},
        follow=True,
    )
    assert "can no longer be changed" in response.content.decode()
    done.refresh_from_db()
    assert (done.status, done.final_priority, done.override_priority) == (
        "countersigned",
        "medium",
        "",
    )


def test_tampered_factor_post_with_a_new_version_number_is_still_refused(
    owner_client, offender, owner, colleague
):
    done = countersigned(offender, owner, colleague)
    row = done.ratings.select_related("factor").first()
    url = reverse("assessments:factor", args=[offender.pk, done.pk, row.factor.code])
    owner_client.post(url, _factor_post(done.version + 5, rating="0"))
    row.refresh_from_db()
    assert row.rating == 1


# --- optimistic locking --------------------------------------------------------------------


def test_second_save_of_the_same_draft_is_refused_and_text_shown_back(
    client, offender, owner, colleague, draft
):
    row = draft.ratings.select_related("factor").first()
    url = reverse("assessments:factor", args=[offender.pk, draft.pk, row.factor.code])
    version_both_opened = draft.version

    client.force_login(owner)
    first = client.post(url, _factor_post(version_both_opened, evidence="Owner's evidence"))
    assert first.status_code == 302

    client.force_login(colleague)
    second = client.post(
        url, _factor_post(version_both_opened, evidence="Colleague's careful notes", rating="0")
    )
    page = second.content.decode()
    assert second.status_code == 200
    assert "Someone else saved this assessment while you were editing" in page
    assert "Colleague&#x27;s careful notes" in page  # their text, back in the field
    assert "Owner&#x27;s evidence" in page  # and what is saved now, to compare
    row.refresh_from_db()
    assert row.evidence == "Owner's evidence"
    assert row.rating == 2

    # Having seen both, the colleague can save again deliberately with the new version.
    draft.refresh_from_db()
    assert f'value="{draft.version}"' in page
    third = client.post(url, _factor_post(draft.version, evidence="Colleague's careful notes"))
    assert third.status_code == 302
    row.refresh_from_db()
    assert row.evidence == "Colleague's careful notes"


def test_stale_version_in_the_service_raises_the_specific_error(offender, owner, draft):
    factor = draft.ratings.first().factor
    kwargs = dict(
        user=owner,
        assessment=draft,
        factor=factor,
        rated=True,
        rating=1,
        evidence="a",
        sources=[],
    )
    services.factor_save(expected_version=1, **kwargs)
    with pytest.raises(services.StaleAssessmentError) as error:
        services.factor_save(expected_version=1, **(kwargs | {"evidence": "b"}))
    assert error.value.current_version == 2
    assert draft.ratings.get(factor=factor).evidence == "a"


# --- query counts --------------------------------------------------------------------------


def test_list_page_query_count_does_not_grow_with_history(
    owner_client, offender, owner, colleague, django_assert_max_num_queries
):
    for _ in range(3):
        countersigned(offender, owner, colleague)
    with django_assert_max_num_queries(20):
        response = owner_client.get(reverse("assessments:list", args=[offender.pk]))
    assert response.status_code == 200
    assert response.content.decode().count("arms-chart__series") == 11


def test_task_list_and_summary_query_counts(
    owner_client, offender, owner, draft, django_assert_max_num_queries
):
    rate_all(draft, owner)
    with django_assert_max_num_queries(15):
        owner_client.get(reverse("assessments:tasks", args=[offender.pk, draft.pk]))
    with django_assert_max_num_queries(20):
        owner_client.get(reverse("assessments:summary", args=[offender.pk, draft.pk]))
