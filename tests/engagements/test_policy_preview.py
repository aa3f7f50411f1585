"""The level policy form previews its effect before saving (issue 14, item 8): the level matrix
(RM2000/S category x ARMS priority) and the visit intervals under the current and the proposed
policy side by side; every field's range checked with a clear message."""

import pytest
from django.urls import reverse

from assessments.combiner import DEFAULT_POLICY, Level
from engagements.models import Policy
from engagements.policy_matrix import NO_RM2000, level_matrix

URL = reverse("engagements:policy_edit")


@pytest.fixture
def admin_client(client, force_admin):
    client.force_login(force_admin)
    return client


def values(client) -> dict:
    form = client.get(URL).context["form"]
    return {name: field.initial for name, field in form.fields.items()} | {"note": "Review"}


def test_the_matrix_is_derive_level_for_every_category_and_priority():
    matrix = level_matrix(DEFAULT_POLICY)
    assert [row.category for row in matrix.rows] == [
        "Very high", "High", "Medium", "Low", NO_RM2000,
    ]  # fmt: skip
    by_category = {row.category: [c.level for c in row.cells] for row in matrix.rows}
    assert by_category["Medium"] == [Level.LOW, Level.MEDIUM, Level.HIGH]
    assert by_category["Very high"] == [Level.HIGH, Level.VERY_HIGH, Level.VERY_HIGH]
    assert matrix.changed == 0 and matrix.rules_version and matrix.working


def test_a_change_is_previewed_side_by_side_and_not_saved(admin_client):
    data = values(admin_client) | {"priority_adjustment__high": 2, "visit_interval_months__low": 9}
    response = admin_client.post(URL, data)
    assert response.status_code == 200
    html = response.content.decode()
    current = html.split('id="policy-current"', 1)[1].split('id="policy-proposed"', 1)[0]
    proposed = html.split('id="policy-proposed"', 1)[1].split('id="policy-settings"', 1)[0]
    assert "Changed" not in current and "Changed" in proposed
    # Priority high now raises two levels: Low with high priority becomes High, not Medium.
    low_row = proposed.split(">Low</th>", 1)[1].split("</tr>", 1)[0]
    assert "High" in low_row
    assert (
        response.context["proposed"].changed == 3
    )  # Low and Medium with high priority, and one interval
    assert "Save as a new version" in html and 'name="step" value="save"' in html
    assert Policy.objects.count() == 0  # nothing saved by the preview


def test_the_preview_lists_every_form_field_current_beside_proposed(admin_client):
    data = values(admin_client) | {"reassessment_interval_months__high": 4}
    response = admin_client.post(URL, data)
    form = response.context["form"]
    settings = response.context["settings"]
    assert [row["label"] for row in settings] == [
        field.label for name, field in form.fields.items() if name != "note"
    ]
    changed = [row for row in settings if row["changed"]]
    assert [(row["current"], row["proposed"]) for row in changed] == [(6, 4)]
    html = response.content.decode()
    for name in form.fields:  # every value goes back with the save
        assert f'name="{name}"' in html


def test_save_from_the_preview_stores_a_new_version(admin_client):
    data = values(admin_client) | {"visit_interval_months__low": 9}
    assert admin_client.post(URL, data | {"step": "save"}).status_code == 302
    assert Policy.objects.order_by("-number").first().data["visit_interval_months"]["low"] == 9


def test_change_the_values_returns_to_the_form_with_them(admin_client):
    data = values(admin_client) | {"visit_interval_months__low": 9, "step": "edit"}
    response = admin_client.post(URL, data)
    assert response.status_code == 200 and "Preview the change" in response.content.decode()
    assert 'value="9"' in response.content.decode()
    assert Policy.objects.count() == 0


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("priority_adjustment__high", 3, "The ARMS priority high adjustment must be between -2 and 2 levels"),
        ("priority_adjustment__low", -3, "The ARMS priority low adjustment must be between -2 and 2 levels"),
        ("visit_interval_months__very_high", 0, "The home visit interval for very high must be at least 1 month"),
        ("reassessment_interval_months__low", 61, "The reassessment interval for low must be 60 months or fewer"),
        ("visit_interval_months__medium", "six", "The home visit interval for medium must be a whole number"),
    ],
)  # fmt: skip
def test_every_range_has_a_clear_message_and_all_show_at_once(admin_client, name, value, message):
    data = values(admin_client) | {name: value, "priority_adjustment__medium": 5}
    html = admin_client.post(URL, data | {"step": "save"}).content.decode()
    assert message in html
    assert "The ARMS priority medium adjustment must be between -2 and 2 levels" in html
    assert "From 1 to 60 months" in html  # the range is in the hint before any error
    assert Policy.objects.count() == 0


def test_the_matrix_module_does_not_need_django():
    import subprocess
    import sys
    from pathlib import Path

    code = (
        "import sys\n"
        "import engagements.policy_matrix as m\n"
        "from assessments.combiner import DEFAULT_POLICY\n"
        "assert m.level_matrix(DEFAULT_POLICY).rows\n"
        "loaded = sorted(n for n in sys.modules if n == 'django' or n.startswith('django.'))\n"
        "assert not loaded, loaded\n"
    )
    root = Path(__file__).resolve().parents[2]
    completed = subprocess.run(
        [sys.executable, "-c", code], cwd=root, capture_output=True, text=True
    )
    assert completed.returncode == 0, completed.stderr
