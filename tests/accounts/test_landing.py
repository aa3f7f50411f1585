"""Each person lands where their work is, and sign-out ends the session."""

import pytest


@pytest.mark.parametrize(
    ("persona", "landing"),
    [("owner", "/offenders/"), ("colleague", "/dashboard/"), ("force_admin", "/dashboard/")],
)
def test_home_sends_each_role_to_its_landing_page(client, request, persona, landing):
    client.force_login(request.getfixturevalue(persona))
    response = client.get("/")
    assert response.status_code == 302 and response["Location"] == landing


def test_sign_out_ends_the_session(owner_client):
    assert owner_client.post("/logout/").status_code == 302
    response = owner_client.get("/offenders/")
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_login_page_says_the_system_is_logged(client, db):
    page = client.get("/login/").content.decode()
    assert "OFFICIAL-SENSITIVE" in page and "every view and change is recorded" in page
