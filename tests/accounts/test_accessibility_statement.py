"""The accessibility statement (issue 14 item 12): public, in the GOV.UK model statement's
shape, and linked from the footer of every page."""

import pytest
from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.views.statement import PREPARED_ON

# The headings of the GOV.UK model accessibility statement that the regulations require.
REQUIRED_HEADINGS = (
    "Accessibility statement for ARMS",
    "How accessible this service is",
    "Feedback and contact information",
    "Reporting accessibility problems with this service",
    "Enforcement procedure",
    "Compliance status",
    "Non-accessible content",
    "Preparation of this accessibility statement",
)


@pytest.mark.django_db
def test_the_statement_is_public_and_has_every_required_part():
    response = Client().get(reverse("accessibility"))
    assert response.status_code == 200
    page = response.content.decode()
    for heading in REQUIRED_HEADINGS:
        assert f">{heading}</h" in page, heading
    assert "Equality and Human Rights Commission (EHRC)" in page
    assert "partially compliant with the" in page
    assert f"This statement was prepared on {PREPARED_ON:%-d %B %Y}." in page


@pytest.mark.django_db
def test_a_half_signed_in_user_reaches_the_statement(owner):
    TOTPDevice.objects.create(user=owner, name="Phone", confirmed=True)
    visitor = Client()
    visitor.post(reverse("login"), {"username": "owner", "password": "test-password"})
    response = visitor.get(reverse("accessibility"))
    assert response.status_code == 200


@pytest.mark.django_db
def test_the_footer_links_to_the_statement_signed_out_and_signed_in(owner_client):
    link = f'href="{reverse("accessibility")}">Accessibility statement</a>'
    assert link in Client().get(reverse("login")).content.decode()
    assert link in owner_client.get(reverse("engagements:caseload")).content.decode()
