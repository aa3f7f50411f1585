import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from audit.models import Action, AuditEvent
from offenders.models import OffenceKind, Sex
from riskmatrix.models import ActuarialRecord, ImmutableRecordError
from riskmatrix.selectors import latest_rm2000, latest_rm2000_s_category, rm2000_history
from tests.factories import OffenderFactory
from tests.riskmatrix.factories import add_appearance, score, worked_history


@pytest.fixture
def case(offender):
    return worked_history(offender)


def test_score_stores_inputs_points_categories_versions_and_audit(owner, case):
    record = score(owner, case, never_married=True)

    # born 1 Apr 1985, no release recorded → age on the assessment date: 40 → S 0 points
    assert record.inputs["age"] == 40
    assert record.inputs["commencement_date"] == "2026-01-15"
    assert record.inputs["sexual_appearances"] == 2
    assert record.inputs["criminal_appearances"] == 4
    assert record.s_points == 1  # 0 (age) + 1 (two sexual) + 0 (four criminal)
    assert record.s_step1_category == "medium"
    assert record.s_aggravating == 4
    assert record.s_category == "very_high"  # medium raised two, capped
    assert record.v_points == 2 and record.v_category == "medium"  # age 40 → 1, one violent → 1
    assert record.c_category == "high"  # 3 + 1 = 4 on the provisional table
    assert record.rules_version == "rm2000-1"
    assert record.c_table_version == "rm2000-c-provisional-1" and record.c_table_provisional
    assert record.points["s"][1] == ["Sexual appearances", 2, 1]
    assert any("Very high" in line for line in record.working["s"])
    assert record.proposed["sexual_appearances"]["source"].startswith("2 sentencing occasions")
    assert record.corrections == {}
    assert record.scored_by == owner and record.is_current
    entry = AuditEvent.objects.get(action=Action.CREATED, object_id=str(record.pk))
    assert entry.offender == case and "S Very high" in entry.summary


def test_correction_with_reason_is_stored(owner, case):
    record = score(
        owner,
        case,
        criminal_appearances=5,
        reasons={
            "criminal_appearances": "A 2010 caution-era conviction is missing from the record"
        },
    )
    assert record.corrections["criminal_appearances"] == {
        "proposed": 4,
        "confirmed": 5,
        "reason": "A 2010 caution-era conviction is missing from the record",
    }
    entry = AuditEvent.objects.get(object_id=str(record.pk))
    assert entry.changed_fields == ["criminal_appearances"]


@pytest.mark.parametrize(
    "changes, field",
    [
        ({"sexual_appearances": -1}, "sexual_appearances"),
        ({"violent_appearances": -2}, "violent_appearances"),
        ({"criminal_appearances": 1}, "criminal_appearances_reason"),
        ({"age": 30}, "age"),
        ({"commencement_date": datetime.date(2030, 1, 1)}, "commencement_date"),
        ({"male_victim": None}, "male_victim"),
        ({"sexual_appearances": "2"}, "sexual_appearances"),
    ],
)
def test_bad_answers_are_refused_by_field_and_nothing_saved(owner, case, changes, field):
    before = ActuarialRecord.objects.count(), AuditEvent.objects.count()
    with pytest.raises(ValidationError) as caught:
        score(owner, case, **changes)
    assert field in caught.value.message_dict
    assert (ActuarialRecord.objects.count(), AuditEvent.objects.count()) == before


def test_criminal_fewer_than_sexual_is_refused_even_with_a_reason(owner, case):
    with pytest.raises(ValidationError) as caught:
        score(owner, case, criminal_appearances=1, reasons={"criminal_appearances": "typo"})
    assert "fewer than sexual" in caught.value.message_dict["criminal_appearances"][0]
    assert not ActuarialRecord.objects.exists()


def test_corrected_to_no_sexual_appearance_is_not_applicable(owner, case):
    with pytest.raises(ValidationError) as caught:
        score(owner, case, sexual_appearances=0, reasons={"sexual_appearances": "x"})
    assert "does not apply" in caught.value.message_dict["sexual_appearances"][0]
    assert not ActuarialRecord.objects.exists()


def test_read_only_user_cannot_score(auditor, case):
    with pytest.raises(PermissionDenied):
        score(auditor, case)
    assert not ActuarialRecord.objects.exists()


@pytest.mark.parametrize(
    "make, words",
    [
        (lambda team: OffenderFactory(team=team, sex=Sex.FEMALE), "female"),
        (
            lambda team: OffenderFactory(team=team, date_of_birth=datetime.date(2009, 1, 1)),
            "under 18",
        ),
        (lambda team: OffenderFactory(team=team), "no sexual offence"),
    ],
)
def test_not_applicable_offenders_are_never_scored(owner, team, make, words):
    offender = make(team)
    add_appearance(
        offender,
        datetime.date(2025, 3, 1),
        dict(kind=OffenceKind.SEXUAL if words != "no sexual offence" else OffenceKind.OTHER),
    )
    with pytest.raises(ValidationError) as caught:
        score(owner, offender)
    assert words in caught.value.messages[0]
    assert not ActuarialRecord.objects.exists()


def test_new_score_supersedes_the_current_one_and_history_lists_both(owner, case):
    first = score(owner, case, assessment_date=datetime.date(2025, 6, 1))
    second = score(owner, case, never_married=True)
    first.refresh_from_db()
    assert not first.is_current and first.superseded_by == second
    assert second.is_current and second.superseded_by is None
    assert list(rm2000_history(case)) == [second, first]
    assert latest_rm2000(case) == second
    assert latest_rm2000_s_category(case) == "very_high"
    assert "supersedes" in AuditEvent.objects.get(object_id=str(second.pk)).summary


def test_selectors_return_none_when_never_scored(offender):
    assert latest_rm2000(offender) is None
    assert latest_rm2000_s_category(offender) is None


def test_completed_record_cannot_be_changed(owner, case):
    record = score(owner, case)
    record.s_category = "low"
    with pytest.raises(ImmutableRecordError):
        record.save()
    with pytest.raises(ImmutableRecordError):
        record.save(update_fields=["s_category"])
    with pytest.raises(ImmutableRecordError):
        ActuarialRecord.objects.filter(pk=record.pk).update(s_category="low")
    record.refresh_from_db()
    assert record.s_category == "high"  # medium raised one by three aggravating factors


def test_appearances_after_the_assessment_date_are_not_counted(owner, case):
    record = score(owner, case, assessment_date=datetime.date(2016, 1, 1))
    assert record.inputs["sexual_appearances"] == 1
    assert record.inputs["criminal_appearances"] == 2


# --- RM2000 needs a sexual offence committed at 16 or over ---------------------------------


def test_offence_dates_before_16_make_rm2000_not_applicable(owner, offender):
    from tests.riskmatrix.factories import add_appearance

    # born 1 Apr 1985: 16 on 1 Apr 2001; the offence was at 15, sentenced at 16
    add_appearance(
        offender,
        datetime.date(2001, 6, 1),
        dict(description="Sexual assault", kind="sexual", offence_date=datetime.date(2000, 5, 1)),
    )
    with pytest.raises(ValidationError, match="committed at 16 or over"):
        score(owner, offender)


def test_an_offence_dated_at_16_or_over_needs_no_confirmation(owner, offender):
    from tests.riskmatrix.factories import add_appearance

    add_appearance(
        offender,
        datetime.date(2002, 6, 1),
        dict(description="Sexual assault", kind="sexual", offence_date=datetime.date(2001, 4, 1)),
    )
    record = score(owner, offender, sexual_offence_at_16=None)
    assert record.inputs["sexual_offence_at_16"] == "record"
    assert "aged 16" in record.proposed["sexual_offence_at_16"]["source"]


def test_without_dates_the_officer_must_confirm(owner, case):
    with pytest.raises(ValidationError) as refused:
        score(owner, case, sexual_offence_at_16=None)
    assert "sexual_offence_at_16" in refused.value.message_dict
    record = score(owner, case)
    assert record.inputs["sexual_offence_at_16"] == "confirmed by the officer"
