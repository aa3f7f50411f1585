"""Need-to-know: the owner and their team see the record; another force gets 404, not 403."""

import pytest

from accounts.models import Role
from offenders.access import visible_offenders
from tests.factories import OffenderFactory, UserFactory


def _get(client, user, url):
    client.force_login(user)
    return client.get(url)


def test_owner_sees_the_record(client, owner, offender):
    assert _get(client, owner, offender.get_absolute_url()).status_code == 200


def test_colleague_supervisor_of_the_team_sees_the_record(client, colleague, offender):
    assert _get(client, colleague, offender.get_absolute_url()).status_code == 200


def test_outsider_from_another_force_gets_404(client, outsider, offender):
    assert _get(client, outsider, offender.get_absolute_url()).status_code == 404


@pytest.mark.parametrize("suffix", ["", "edit/", "appearances/", "addresses/new/", "history/"])
def test_outsider_gets_404_on_every_offender_page(client, outsider, offender, suffix):
    assert _get(client, outsider, offender.get_absolute_url() + suffix).status_code == 404


def test_officer_of_another_team_in_the_same_force_cannot_see(client, other_team, offender):
    stranger = UserFactory(
        username="team-b", role=Role.OFFICER, force=other_team.force, team=other_team
    )
    assert _get(client, stranger, offender.get_absolute_url()).status_code == 404


def test_force_admin_sees_every_team_of_their_force_only(
    force_admin, offender, outsider, other_team
):
    in_other_team = OffenderFactory(team=other_team)
    elsewhere = OffenderFactory(team=outsider.teams.first())
    visible = set(visible_offenders(force_admin))
    assert {offender, in_other_team} <= visible
    assert elsewhere not in visible


def test_read_only_auditor_can_view_but_not_change(client, auditor, offender):
    assert _get(client, auditor, offender.get_absolute_url()).status_code == 200
    assert client.get(offender.get_absolute_url() + "edit/").status_code == 403
    assert client.post(offender.get_absolute_url() + "edit/", {"surname": "X"}).status_code == 403


def test_unknown_id_is_404_not_500(owner_client):
    assert owner_client.get("/offenders/999999/").status_code == 404


def test_caseload_lists_only_the_officers_own_offenders(owner_client, offender, team):
    someone_elses = OffenderFactory(team=team)
    page = owner_client.get("/offenders/").content.decode()
    assert offender.local_reference in page
    assert someone_elses.local_reference not in page


def test_search_never_finds_another_forces_record(client, outsider, offender):
    response = _get(client, outsider, f"/offenders/search/?q={offender.surname}")
    assert offender.local_reference not in response.content.decode()


def test_search_finds_by_name_reference_and_alias(owner_client, offender):
    offender.aliases.create(surname="Zebedee")
    for query in [offender.surname, offender.local_reference, "zebedee"]:
        page = owner_client.get("/offenders/search/", {"q": query}).content.decode()
        assert offender.local_reference in page, query


def test_caseload_query_count_does_not_grow_with_the_caseload(
    owner_client, owner, team, django_assert_max_num_queries
):
    OffenderFactory.create_batch(30, team=team, responsible_officer=owner)
    with django_assert_max_num_queries(8):
        assert owner_client.get("/offenders/").status_code == 200


def test_summary_page_warns_of_overdue_plan_actions(owner_client, offender, owner):
    import datetime

    from assessments.services import assessment_start
    from formulations.models import PlanAction
    from formulations.services import formulation_start

    assessment, _created = assessment_start(user=owner, offender=offender)
    formulation = formulation_start(user=owner, assessment=assessment)
    PlanAction.objects.create(
        formulation=formulation,
        heading="supervision",
        description="Check the new employment",
        owner="PC Test",
        due_date=datetime.date(2020, 1, 1),
    )
    page = owner_client.get(offender.get_absolute_url()).content.decode()
    assert "1 risk management plan action overdue" in page
    assert "Check the new employment" in page
