import io

from django.urls import reverse

from accounts.models import Role
from assessments import selectors, services
from assessments.models import Assessment, AssessmentStatus
from demo import assessments as demo
from demo import offenders as offenders_demo
from offenders.models import Offender
from tests.factories import OffenderFactory, UserFactory

from .factories import countersigned, submitted


def test_latest_countersigned_and_history(offender, owner, colleague):
    assert selectors.latest_countersigned(offender) is None
    first = countersigned(offender, owner, colleague)
    second = countersigned(offender, owner, colleague)
    services.assessment_start(user=owner, offender=offender)
    assert selectors.latest_countersigned(offender) == second
    assert list(selectors.countersigned_history(offender)) == [first, second]


def test_awaiting_countersignature_is_scoped_to_the_supervisors_teams(
    offender, owner, colleague, other_team, force_admin, outsider
):
    other_offender = OffenderFactory(team=other_team, local_reference="TEST-0009")
    other_officer = UserFactory(username="ob", role=Role.OFFICER, team=other_team)
    mine = submitted(offender, owner)
    theirs = submitted(other_offender, other_officer)
    assert list(selectors.awaiting_countersignature(colleague)) == [mine]
    assert set(selectors.awaiting_countersignature(force_admin)) == {mine, theirs}
    assert not selectors.awaiting_countersignature(owner).exists()
    assert not selectors.awaiting_countersignature(outsider).exists()
    own = submitted(OffenderFactory(team=offender.team, local_reference="TEST-0010"), colleague)
    assert own not in selectors.awaiting_countersignature(colleague)


def test_task_list_shows_incomplete_when_started_but_not_finished(owner_client, offender, owner):
    draft, _ = services.assessment_start(user=owner, offender=offender)
    factor = draft.ratings.first().factor
    services.factor_save(
        user=owner,
        assessment=draft,
        factor=factor,
        expected_version=1,
        rated=True,
        rating=None,
        evidence="Not seen yet",
        sources=[],
    )
    page = owner_client.get(reverse("assessments:tasks", args=[offender.pk, draft.pk]))
    text = page.content.decode()
    assert text.count("Incomplete") == 1 and text.count("Not started") == 10


def test_demo_seed_is_idempotent_and_tells_the_story(db):
    out = io.StringIO()
    offenders_demo.seed(out)
    demo.seed(out)
    count = Assessment.objects.count()
    demo.seed(out)
    assert Assessment.objects.count() == count

    daniel = Offender.objects.get(local_reference="DEMO-001")
    history = list(selectors.countersigned_history(daniel))
    assert len(history) == 3
    assert [a.final_priority for a in history] == ["high", "medium", "medium"]
    assert history[0].countersigned_at < history[1].countersigned_at < history[2].countersigned_at
    assert all(a.countersigned_by.username == "supervisor" for a in history)
    progress = selectors.progress_over_time(daniel)
    totals = [sum(s.values[i] or 0 for s in progress.series if s.protective) for i in range(3)]
    assert totals[0] < totals[-1]  # protective factors grow
    draft = daniel.arms_assessments.get(status=AssessmentStatus.DRAFT)
    assert draft.previous == history[-1]

    supervisor = history[0].countersigned_by
    assert selectors.awaiting_countersignature(supervisor).count() >= 2
    assert Assessment.objects.filter(status=AssessmentStatus.DRAFT).count() >= 3
