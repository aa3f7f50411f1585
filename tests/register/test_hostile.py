"""Hostile input on every register form (every kind of notification): field errors, never a 500,
never unescaped markup, nothing saved. The whole-repo fuzz (tests/test_hostile_input.py) walks
these pages too; here each notification kind gets its own form."""

import pytest
from django.urls import reverse

from register.models import CivilOrder, Notification, NotificationKind, SuspectedBreach
from tests.outsiders import World
from tests.test_hostile_input import WALKED

pytestmark = pytest.mark.django_db

HUGE = "99999999999999999999999999"
SCRIPT = "<script>alert(1)</script>"
VALUES = ("A" * 10_000, "\x00", SCRIPT, HUGE, "-1", "", " ", "\u202eevil\U0001f600")
DATE_PARTS = ("_0", "_1", "_2")


def _fields(form_html: str) -> set[str]:
    import re

    return set(re.findall(r'name="([a-z_0-9]+)"', form_html)) - {"csrfmiddlewaretoken", "submit"}


@pytest.fixture
def world():
    world = World()
    world.registration  # noqa: B018
    world.prohibition  # noqa: B018
    world.breach  # noqa: B018
    return world


def _pages(world):
    pk = world.offender.pk
    yield reverse("register:registration", args=[pk])
    yield reverse("register:order_add", args=[pk])
    yield reverse("register:breach_add", args=[pk])
    yield reverse("register:breach_close", args=[pk, world.breach.pk])
    yield reverse("register:registration_end", args=[pk])
    for kind in NotificationKind.values:
        yield reverse("register:notification_add", args=[pk, kind])


def test_the_register_forms_are_in_the_whole_repo_fuzz():
    names = {route.name for route in WALKED}
    assert {
        "register:registration",
        "register:notification_add",
        "register:order_add",
        "register:breach_add",
        "register:breach_close",
    } <= names


def test_hostile_values_give_field_errors_and_save_nothing(client, world):
    client.force_login(world.owner)
    before = (
        Notification.objects.count(),
        CivilOrder.objects.count(),
        SuspectedBreach.objects.count(),
    )
    posted = 0
    for url in _pages(world):
        fields = _fields(client.get(url).content.decode())
        assert fields, url
        for value in VALUES:
            response = client.post(
                url, {name: value for name in fields} | {"prohibition": value, "travel": value}
            )
            posted += 1
            assert response.status_code == 200, (url, value[:20], response.status_code)
            page = response.content.decode()
            assert SCRIPT not in page
            assert "govuk-error-summary" in page, (url, value[:20])
    after = (
        Notification.objects.count(),
        CivilOrder.objects.count(),
        SuspectedBreach.objects.count(),
    )
    assert after == before and posted >= 100
