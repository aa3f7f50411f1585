"""A force administrator loads a new framework version in the browser, without a code change."""

import json

from django.core.files.uploadedfile import SimpleUploadedFile

from assessments.models import FrameworkVersion
from assessments.priority import FACTOR_CODES, PROTECTIVE_FACTORS
from audit.models import Action, AuditEvent

URL = "/arms-framework/load/"


def _file(**changes):
    data = {
        "number": 2,
        "label": "Official wording",
        "factors": [
            {
                "code": code,
                "kind": "protective" if code in PROTECTIVE_FACTORS else "risk",
                "name": f"Renamed {code}",
            }
            for code in FACTOR_CODES
        ],
    } | changes
    return SimpleUploadedFile("framework.json", json.dumps(data).encode(), "application/json")


def test_force_admin_loads_a_new_version_and_it_is_audited(client, force_admin):
    client.force_login(force_admin)
    response = client.post(URL, {"file": _file()})
    assert response.status_code == 302
    version = FrameworkVersion.objects.get(number=2)
    assert version.factors.count() == 11
    assert AuditEvent.objects.filter(action=Action.CREATED, actor=force_admin).exists()
    page = client.get("/arms-framework/").content.decode()
    assert "Version 2: Official wording" in page and "Renamed sexual_preoccupation" in page


def test_a_file_missing_a_factor_is_refused_and_nothing_is_loaded(client, force_admin):
    client.force_login(force_admin)
    bad = _file(factors=[{"code": "sexual_preoccupation", "kind": "risk", "name": "X"}])
    page = client.post(URL, {"file": bad}).content.decode()
    assert "govuk-error-summary" in page and "each of the 11 codes" in page
    assert not FrameworkVersion.objects.filter(number=2).exists()


def test_a_file_that_is_not_json_is_refused(client, force_admin):
    client.force_login(force_admin)
    junk = SimpleUploadedFile("framework.json", b"not json", "application/json")
    assert "not valid JSON" in client.post(URL, {"file": junk}).content.decode()


def test_an_older_or_equal_number_is_refused(client, force_admin):
    client.force_login(force_admin)
    page = client.post(URL, {"file": _file(number=1)}).content.decode()
    assert "is not newer than the loaded version" in page


def test_only_a_force_admin_may_load(client, colleague, owner):
    for user in (colleague, owner):
        client.force_login(user)
        assert client.post(URL, {"file": _file()}).status_code == 403
    assert not FrameworkVersion.objects.filter(number=2).exists()
