"""Security headers on every page: the Content-Security-Policy and its nonce, Permissions-Policy,
and no caching of anything a signed-in user is shown.

The pages are those of the method walk (``tests/test_methods.py``): every URL that serves GET,
its parameters filled with the outsider walk's objects, requested by someone allowed to use it.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from django.urls import reverse

from tests import test_outsider_walk as walk
from tests.test_methods import DEFAULT_PERSONA, PERSONA, SERVES, WALKED
from tests.test_outsider_walk import real_path

world = walk.world  # the outsider walk's World, built once for this module

# The policy, directive by directive ("nonce" stands for this response's 'nonce-…').
EXPECTED_CSP = {
    "default-src": ["'self'"],
    "script-src": ["'self'", "nonce"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'none'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
}
REFUSED_FEATURES = ("camera", "microphone", "geolocation", "payment", "usb", "browsing-topics")
GET_PAGES = [r for r in WALKED if "GET" in SERVES.get(r.name, ())]


def csp_directives(header: str) -> dict[str, list[str]]:
    directives = {}
    for part in header.split(";"):
        name, *values = part.split()
        directives[name] = values
    return directives


def nonce_of(response) -> str:
    """The nonce of the response's policy, having checked the policy is the one above."""
    directives = csp_directives(response["Content-Security-Policy"])
    nonces = [v for v in directives.get("script-src", []) if v.startswith("'nonce-")]
    assert len(nonces) == 1, directives.get("script-src")
    shown = {
        name: ["nonce" if v in nonces else v for v in values] for name, values in directives.items()
    }
    assert shown == EXPECTED_CSP
    assert not {"'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'"} & set(
        directives["script-src"]
    )
    return nonces[0].removeprefix("'nonce-").removesuffix("'")


class _Inline(HTMLParser):
    """What a page carries inline: scripts, style elements, style and event-handler attributes."""

    def __init__(self):
        super().__init__()
        self.scripts, self.styles, self.attributes = [], 0, []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "script":
            self.scripts.append(attrs)
        if tag == "style":
            self.styles += 1
        self.attributes += [
            f"<{tag} {name}=…>" for name in attrs if name == "style" or re.fullmatch(r"on\w+", name)
        ]


def assert_no_store(response):
    assert "no-store" in response["Cache-Control"], response.get("Cache-Control")
    assert response["Pragma"] == "no-cache"


def assert_permissions_policy(response):
    policy = response["Permissions-Policy"]
    for feature in REFUSED_FEATURES:
        assert f"{feature}=()" in policy, feature
    assert "interest-cohort" not in policy  # gone from browsers: an unknown name is an error


def assert_html_page_is_locked_down(response):
    nonce = nonce_of(response)
    page = _Inline()
    page.feed(response.content.decode())
    inline = [s for s in page.scripts if "src" not in s]
    assert inline, "the GOV.UK js-enabled snippet is missing"
    assert all(s.get("nonce") == nonce for s in inline), (nonce, inline)
    assert all(s["src"].startswith("/") for s in page.scripts if "src" in s), page.scripts
    assert not page.styles, "an inline <style> element: move it to static/css"
    assert not page.attributes, f"inline attributes the policy blocks: {page.attributes}"


# --- the walk --------------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("route", GET_PAGES, ids=lambda r: r.name)
def test_every_page_carries_the_security_headers(world, client, route):
    client.force_login(world.person(PERSONA.get(route.name, DEFAULT_PERSONA)))
    path = real_path(world, route)
    response = client.get(path)
    assert response.status_code in (200, 302), (path, response.status_code)
    assert_permissions_policy(response)
    assert_no_store(response)  # a signed-in user: offender data on nearly every response
    assert "Content-Security-Policy" in response
    if response.status_code == 200 and response["Content-Type"].startswith("text/html"):
        assert_html_page_is_locked_down(response)


def test_the_walk_covers_the_main_pages():
    names = {r.name for r in GET_PAGES}
    assert {
        "offenders:detail",
        "engagements:caseload",
        "dashboard:home",
        "assessments:summary",
        "formulations:detail",
        "formulations:meeting",
    } <= names
    assert len(GET_PAGES) >= 35, len(GET_PAGES)


# --- the nonce -------------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_nonce_in_the_header_is_the_inline_scripts_and_new_each_time(world, client):
    client.force_login(world.owner)
    first, second = (client.get(world.offender.get_absolute_url()) for _ in range(2))
    nonces = []
    for response in (first, second):
        nonce = nonce_of(response)
        assert f'<script nonce="{nonce}">document.body.className' in response.content.decode()
        nonces.append(nonce)
    assert nonces[0] != nonces[1]
    assert len(nonces[0]) >= 22  # 16 random bytes, base64


@pytest.mark.django_db
def test_the_sign_in_page_has_the_policy_but_no_offender_data(client):
    response = client.get(reverse("login"))
    assert response.status_code == 200
    assert_html_page_is_locked_down(response)
    assert_permissions_policy(response)


@pytest.mark.django_db
def test_the_enrolment_page_shows_its_qr_code_as_a_data_image(world, client):
    """The one `data:` image the policy allows for: the QR code of the first sign-in."""
    response = client.post(
        reverse("login"), {"username": world.owner.username, "password": "test-password"}
    )
    assert response.status_code == 302
    response = client.get(reverse("login_enrol"))
    assert response.status_code == 200
    assert_html_page_is_locked_down(response)
    assert_no_store(response)
    assert re.search(r'<img\b[^>]*\bsrc="data:image/', response.content.decode())


@pytest.mark.django_db
def test_a_signed_in_error_page_has_the_policy_and_is_not_stored(world, client):
    client.force_login(world.owner)
    response = client.get("/offenders/987654/")
    assert response.status_code == 404
    assert_html_page_is_locked_down(response)
    assert_no_store(response)


# --- caching ---------------------------------------------------------------------------------


@pytest.mark.django_db
def test_downloads_and_the_pack_poll_are_not_stored(world, client):
    client.force_login(world.colleague)
    for path in (
        reverse("dashboard:export"),
        reverse("formulations:pdf", args=[world.offender.pk]),
        reverse("formulations:pack_status", args=[world.meeting.pk, world.export.pk]),
        reverse("formulations:pack_download", args=[world.meeting.pk, world.export.pk]),
    ):
        response = client.get(path)
        assert response.status_code == 200, path
        assert response["Cache-Control"] == "no-store", path
        assert response["Pragma"] == "no-cache", path
        assert_permissions_policy(response)


@pytest.mark.django_db
def test_static_files_stay_cacheable_and_carry_the_permissions_policy(world, client):
    client.force_login(world.owner)
    response = client.get("/static/css/arms.css")
    assert response.status_code == 200
    assert "no-store" not in response.get("Cache-Control", "")
    assert "Pragma" not in response
    assert_permissions_policy(response)
