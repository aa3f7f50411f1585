"""The data steps of the OSP migrations, run against today's models (the functions read them
through ``apps.get_model``, as a migration would)."""

import datetime
import importlib

import pytest
from django.apps import apps

from engagements.models import LevelDecision
from offenders.models import Offence
from tests.engagements.factories import countersigned_assessment
from tests.factories import CourtAppearanceFactory, OffenceFactory
from tests.riskmatrix.factories import score, worked_history

pytestmark = pytest.mark.django_db

offenders_0002 = importlib.import_module("offenders.migrations.0002_osp_offence_types")
engagements_0006 = importlib.import_module("engagements.migrations.0006_level_decision_static_tool")


def test_existing_sexual_offences_get_the_type_their_record_shows(offender):
    appearance = CourtAppearanceFactory(
        offender=offender, sentencing_date=datetime.date(2020, 1, 1)
    )
    rows = {
        "Making indecent images of children": (False, "images"),
        "Exposure": (False, "non_contact"),
        "Sexual activity with a child": (True, "contact_child"),
        "Sexual assault": (True, ""),  # the victim's age is not recorded: left for the officer
    }
    for description, (contact, _expected) in rows.items():
        OffenceFactory(
            appearance=appearance, description=description, kind="sexual", contact=contact
        )
    OffenceFactory(appearance=appearance, description="Theft of images", kind="other")
    offenders_0002.infer_sexual_types(apps, None)
    for description, (_contact, expected) in rows.items():
        assert Offence.objects.get(description=description).sexual_type == expected
    assert Offence.objects.get(description="Theft of images").sexual_type == ""


def test_existing_decisions_get_rm2000_and_the_record_they_used(offender, owner, colleague):
    worked_history(offender)
    record = score(owner, offender)
    assessment = countersigned_assessment(offender, author=owner, supervisor=colleague)
    from engagements import services

    decision = services.level_decision_on_countersign(user=colleague, assessment=assessment)
    # as a decision made before the migration: no static fields yet
    LevelDecision.objects.filter(pk=decision.pk).update(static_category="", static_record=None)
    engagements_0006.backfill_rm2000(apps, None)
    decision.refresh_from_db()
    assert decision.static_tool == "rm2000"
    assert (decision.static_category, decision.static_record) == (record.s_category, record)
