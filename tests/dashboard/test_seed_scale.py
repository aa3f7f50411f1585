"""seed_scale: bulk synthetic data that agrees with the services, and tops up without repeating."""

from django.core.management import call_command
from django.db import transaction

from dashboard.models import CaseloadSnapshot
from engagements.models import OffenderSchedule
from engagements.services.schedule import schedule_refresh
from offenders.models import Offender
from offenders.pnc import normalise_pnc
from riskmatrix.models import ActuarialRecord

FIELDS = [
    "current_level",
    "level_rank",
    "level_effective_date",
    "needs_review",
    "override_pending",
    "reactive",
    "last_visit_at",
    "last_assessment_on",
    "next_visit_due",
    "next_reassessment_due",
    "next_due",
    "reassessment_due_now",
    "reassessment_reason",
    "team_id",
    "force_id",
    "responsible_officer_id",
    "on_register",
]


def test_seed_scale_builds_consistent_data_and_tops_up(db):
    call_command("seed_scale", "--offenders", "40", "--forces", "2")
    offenders = Offender.objects.filter(local_reference__startswith="SCALE-")
    assert offenders.count() == 40
    assert offenders.filter(team__force__code="SC02").count() == 20
    first = offenders.order_by("local_reference").first()
    assert first.local_reference == "SCALE-000001" and first.pnc_id.startswith("2099/")
    assert normalise_pnc(first.pnc_id) == first.pnc_id
    assert ActuarialRecord.objects.filter(offender__in=offenders).exists()
    assert CaseloadSnapshot.objects.filter(scope="force").count() == 2 * 12

    assert OffenderSchedule.objects.filter(offender__in=offenders).count() == 40  # one each
    for schedule in OffenderSchedule.objects.select_related("offender"):
        stored = {f: getattr(schedule, f) for f in FIELDS}
        with transaction.atomic():
            fresh = schedule_refresh(schedule.offender)
            recomputed = {f: getattr(fresh, f) for f in FIELDS}
            transaction.set_rollback(True)
        assert stored == recomputed, schedule.offender.local_reference

    call_command("seed_scale", "--offenders", "50", "--forces", "2")
    assert offenders.count() == 50
    assert Offender.objects.filter(local_reference="SCALE-000050").exists()


def test_seed_scale_scores_osp_with_the_pure_scorer_beside_rm2000(db):
    from riskmatrix.osp_answers import osp_score
    from riskmatrix.osp_prefill import propose_osp_for_offender

    call_command("seed_scale", "--offenders", "40", "--forces", "2")
    osp = ActuarialRecord.objects.filter(tool="osp", offender__local_reference__startswith="SCALE-")
    assert osp.count() >= 20
    assert not osp.filter(offender__sex="female").exists()
    for record in osp.select_related("offender")[:10]:
        # what a service would store: the proposal from the stored record, scored again
        offender = record.offender
        proposal = propose_osp_for_offender(offender, record.assessment_date)
        answers = {name: item.value for name, item in proposal.items.items()}
        dc, iic = osp_score(
            answers, date_of_birth=offender.date_of_birth, assessment_date=record.assessment_date
        )
        assert (record.dc_points, record.dc_band, record.iic_band) == (dc.points, dc.band, iic.band)
        assert record.dc_reduced == dc.reduced and record.rules_version == "osp-1"
    from engagements.models import LevelDecision

    decisions = LevelDecision.objects.filter(offender__local_reference__startswith="SCALE-")
    assert decisions.exclude(rm2000_category="").exists()
    assert not decisions.exclude(rm2000_category="").filter(static_record__isnull=True).exists()
    assert not decisions.exclude(static_tool="rm2000").exists()


def test_seed_scale_team_size_and_sign_in_codes(db):
    """--team-size gives a force more teams; demo_code serves seed_scale's accounts (their own
    devices) and still no other account."""
    import io

    import pytest
    from django.core.management.base import CommandError
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from accounts.models import Team
    from demo.signin import SCALE_DEVICE_NAME
    from tests.factories import UserFactory

    call_command("seed_scale", "--offenders", "25", "--forces", "1", "--team-size", "10")
    assert Team.objects.filter(force__code="SC01").count() == 3
    for username in ("scale.f01.admin", "scale.f01.t003.sup", "scale.f01.t002.o6"):
        out = io.StringIO()
        call_command("demo_code", username, stdout=out)
        assert out.getvalue().strip().isdigit() and len(out.getvalue().strip()) == 6
    # A look-alike account made otherwise, even with a device of that name, gets no code.
    impostor = UserFactory(username="scale.f01.t001.o9x", team=Team.objects.first())
    TOTPDevice.objects.create(user=impostor, name=SCALE_DEVICE_NAME, confirmed=True)
    for username in ("scale.f01.t001.o9x", "scale.f01.admin.x"):
        with pytest.raises(CommandError, match="not a demo account"):
            call_command("demo_code", username)
