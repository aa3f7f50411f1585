"""Loading a new framework version as data: new assessments use it, old ones keep theirs."""

import json

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.urls import reverse

from assessments import services
from assessments.models import FrameworkVersion
from assessments.priority import FACTOR_CODES, PROTECTIVE_FACTORS
from assessments.services import framework_load

from .factories import countersigned


def _v2(number=2, **changes):
    data = {
        "number": number,
        "label": "Force wording 2027",
        "rating_labels": {"0": "Absent", "1": "Partly present", "2": "Clearly present"},
        "factors": [
            {
                "code": code,
                "kind": "protective" if code in PROTECTIVE_FACTORS else "risk",
                "name": f"{code.replace('_', ' ').capitalize()} (v{number})",
                "guidance": "Our revised help text",
            }
            for code in FACTOR_CODES
        ],
    }
    data.update(changes)
    return data


def test_new_version_is_used_by_new_assessments_and_old_ones_keep_v1(
    offender, owner, colleague, force_admin
):
    old = countersigned(offender, owner, colleague)
    framework_load(data=_v2(), user=force_admin)

    new, _ = services.assessment_start(user=owner, offender=offender)
    assert new.framework.number == 2
    assert new.ratings.first().factor.name == "Sexual preoccupation (v2)"
    # Pre-filled across versions by code.
    assert [r.rating for r in new.ratings.order_by("factor__order")] == [
        r.rating for r in old.ratings.order_by("factor__order")
    ]
    old.refresh_from_db()
    assert old.framework.number == 1
    assert old.ratings.first().factor.name == "Sexual preoccupation"
    assert old.ratings.first().rating_label == "Some evidence"
    assert new.ratings.first().rating_label == "Partly present"


def test_old_assessment_page_shows_its_own_wording(owner_client, offender, owner, colleague):
    old = countersigned(offender, owner, colleague)
    framework_load(data=_v2())
    page = owner_client.get(reverse("assessments:summary", args=[offender.pk, old.pk]))
    text = page.content.decode()
    assert "Framework version 1" in text and "(v2)" not in text


@pytest.mark.parametrize(
    "change, message",
    [
        ({"number": 1}, "not newer"),
        ({"label": " "}, "label"),
        ({"factors": []}, "11 codes"),
        ({"rating_labels": {"3": "Off the scale"}}, "rating_labels"),
    ],
)
def test_invalid_framework_files_are_refused(db, change, message):
    with pytest.raises(ValidationError, match=message):
        framework_load(data=_v2(**change))
    assert FrameworkVersion.objects.count() == 1


def test_a_factor_with_the_wrong_kind_is_refused(db):
    data = _v2()
    data["factors"][0]["kind"] = "protective"
    with pytest.raises(ValidationError, match="must have kind 'risk'"):
        framework_load(data=data)
    assert FrameworkVersion.objects.count() == 1


def test_management_command_loads_a_file(tmp_path, force_admin):
    path = tmp_path / "v2.json"
    path.write_text(json.dumps(_v2()))
    call_command("load_framework", str(path), "--user", force_admin.username)
    assert FrameworkVersion.objects.get(number=2).factors.count() == 11
    with pytest.raises(CommandError, match="not newer"):
        call_command("load_framework", str(path))
