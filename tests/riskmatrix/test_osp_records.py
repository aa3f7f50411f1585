"""OSP records: proposed from the record, confirmed or corrected, scored, stored, superseded."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from audit.models import Action, AuditEvent
from offenders.models import Sex, Status
from riskmatrix.models import ActuarialRecord, ImmutableRecordError, Tool
from riskmatrix.osp_prefill import propose_osp_for_offender
from riskmatrix.selectors import latest_osp, osp_history
from tests.riskmatrix.osp_factories import ASSESSED, osp_answers, score_osp
from tests.riskmatrix.osp_factories import osp_history as history_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def case(offender):
    return history_of(offender)


def test_the_proposal_reads_the_record_with_sources(case):
    proposal = propose_osp_for_offender(case, ASSESSED)
    values = {name: item.value for name, item in proposal.items.items()}
    assert values == {
        "sex": "male",
        "follow_up_start": datetime.date(2021, 6, 2),
        "in_custody": False,
        "total_sanctions": 4,
        "contact_adult": 1,
        "contact_child": 0,
        "non_contact": 1,
        "images": 2,
        "last_sexual_offence": datetime.date(2020, 12, 1),
        "last_offence": datetime.date(2020, 12, 1),
        "stranger_victim": True,
    }
    assert "current conviction" in proposal.items["follow_up_start"].source
    assert "18 Feb 2018" not in proposal.items["images"].source
    assert "21 Feb 2018, 2 Jun 2021" in proposal.items["images"].source


def test_follow_up_starts_at_release_or_community_sentence_after_the_conviction(case):
    case.last_release_date = datetime.date(2023, 4, 1)
    case.community_sentence_start = datetime.date(2019, 1, 1)
    proposed = propose_osp_for_offender(case, ASSESSED).items["follow_up_start"]
    assert proposed.value == datetime.date(2023, 4, 1)
    assert proposed.source.startswith("Released from custody on 1 Apr 2023")


def test_an_undated_later_sexual_offence_makes_the_latest_date_unknown(case):
    from tests.riskmatrix.factories import add_appearance

    add_appearance(
        case,
        datetime.date(2025, 1, 1),
        dict(description="Voyeurism", kind="sexual", contact=False, sexual_type="non_contact"),
    )
    proposed = propose_osp_for_offender(case, ASSESSED).items["last_sexual_offence"]
    assert proposed.value is None and "has no date: unknown" in proposed.source


def test_score_stores_inputs_points_bands_percentages_reduction_and_audit(owner, case):
    record = score_osp(owner, case)
    assert record.tool == Tool.OSP and record.is_current
    assert (record.dc_points, record.dc_band, record.dc_percentage) == (35, "high", Decimal("4.57"))
    assert record.dc_reduced is False and record.dc_band_before_reduction == "high"
    assert record.dc_reduction.startswith("Time offence-free reduction not applied")
    assert (record.iic_band, record.iic_percentage) == ("high", Decimal("10.310"))
    assert record.iic_row == "2+ indecent-image sanctions"
    assert record.rules_version == "osp-1" and record.osp_category == "high"
    assert record.inputs["follow_up_start"] == "2021-06-02" and record.corrections == {}
    assert [row[2] for row in record.points["dc"]] == [5, 0, 2, 8, 10, 6, 4]
    assert record.proposed["images"]["value"] == 2
    event = AuditEvent.objects.get(action=Action.CREATED, object_type="riskmatrix.actuarialrecord")
    assert event.summary.startswith("OSP scored: OSP/DC High (4.57%), OSP/IIC High (10.31%)")
    assert latest_osp(case) == record


def test_reduction_applied_after_five_years_and_the_working_says_why(owner, case):
    record = score_osp(owner, case, assessment_date=datetime.date(2026, 6, 2))
    assert record.dc_reduced and (record.dc_band_before_reduction, record.dc_band) == (
        "high",
        "medium",
    )
    assert record.dc_reduction.endswith("band High → Medium")
    assert record.osp_category == "high"  # IIC is still High


def test_a_correction_needs_a_reason_and_is_kept(owner, case):
    with pytest.raises(ValidationError) as refused:
        score_osp(owner, case, contact_child=1, total_sanctions=5)
    assert {"contact_child_reason", "total_sanctions_reason"} <= set(refused.value.message_dict)
    reasons = {"contact_child": "CPS file: victim was 15", "total_sanctions": "PNC print"}
    record = score_osp(owner, case, contact_child=1, total_sanctions=5, reasons=reasons)
    assert record.corrections["contact_child"] == {
        "proposed": 0,
        "confirmed": 1,
        "reason": "CPS file: victim was 15",
    }
    assert record.dc_points == 38


@pytest.mark.parametrize(
    "changes, field",
    [
        (dict(total_sanctions=2), "total_sanctions"),
        (dict(total_sanctions=0), "total_sanctions"),
        (dict(images=True), "images"),
        (dict(images=-1), "images"),
        (dict(follow_up_start=datetime.date(1980, 1, 1)), "follow_up_start"),
        (dict(follow_up_start=datetime.date(2027, 1, 1)), "follow_up_start"),
        (dict(last_offence=datetime.date(2030, 1, 1)), "last_offence"),
        (dict(stranger_victim="yes"), "stranger_victim"),
        (dict(sex="female"), "sex"),
        (dict(contact_adult=0, non_contact=0, images=0), "contact_adult"),
    ],
)
def test_bad_or_inapplicable_answers_are_refused_by_field(owner, case, changes, field):
    reasons = {name: "checked" for name in changes}
    with pytest.raises(ValidationError) as refused:
        score_osp(owner, case, reasons=reasons, **changes)
    assert field in refused.value.message_dict
    assert not ActuarialRecord.objects.exists()


def test_read_only_and_outsiders_cannot_score(auditor, outsider, case):
    for user in (auditor, outsider):
        with pytest.raises(PermissionDenied):
            score_osp(user, case)
    assert not ActuarialRecord.objects.exists()


@pytest.mark.parametrize(
    "changes, words",
    [
        (dict(sex=Sex.FEMALE), "built for men"),
        (dict(date_of_birth=datetime.date(2010, 1, 1)), "under 18"),
    ],
)
def test_not_applicable_offenders_are_never_scored(owner, case, changes, words):
    for name, value in changes.items():
        setattr(case, name, value)
    case.save()
    with pytest.raises(ValidationError, match=words):
        score_osp(owner, case, **{"sex": case.sex} if "sex" in changes else {})


def test_no_sexual_offence_is_not_applicable(owner, offender):
    with pytest.raises(ValidationError, match="no sexual offence is recorded"):
        score_osp(owner, offender, total_sanctions=1)


def test_new_score_supersedes_and_records_are_immutable(owner, case):
    first = score_osp(owner, case)
    case.status = Status.CUSTODY
    case.save()
    second = score_osp(owner, case)
    first.refresh_from_db()
    assert not first.is_current and first.superseded_by == second
    assert second.inputs["in_custody"] is True
    assert list(osp_history(case)) == [second, first]
    second.dc_band = "low"
    with pytest.raises(ImmutableRecordError):
        second.save()
    with pytest.raises(ImmutableRecordError):
        ActuarialRecord.objects.filter(pk=second.pk).update(dc_band="low")


def test_osp_and_rm2000_records_are_current_side_by_side(owner, case):
    from tests.riskmatrix.factories import score

    rm = score(owner, case)
    osp = score_osp(owner, case)
    rm.refresh_from_db()
    assert rm.is_current and osp.is_current


def test_answers_helper_accepts_the_proposal_as_is(case):
    assert osp_answers(case)["images"] == 2
