"""Every URL pattern sends an anonymous visitor to the login page."""

import re

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

PUBLIC = {"login", "logout", "accessibility"}


def _walk(patterns, prefix=""):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            yield from _walk(entry.url_patterns, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern):
            yield entry.name, prefix + str(entry.pattern)


def _example_path(route: str) -> str:
    route = route.lstrip("^").rstrip("$").replace("\\Z", "")
    route = re.sub(r"<int:\w+>", "1", route)
    route = re.sub(r"<(?:str|slug|path):\w+>", "x", route)
    route = re.sub(r"<\w+>", "x", route)
    route = re.sub(r"\(\?P<\w+>[^)]*\)", "1", route)
    return "/" + route.replace("\\", "")


ALL_ROUTES = sorted(
    {
        (name or "", _example_path(route))
        for name, route in _walk(get_resolver().url_patterns)
        if name
        not in PUBLIC  # the login, logout and accessibility statement pages are public by design
    }
)


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "path"), ALL_ROUTES)
def test_anonymous_user_is_sent_to_login(client, name, path):
    response = client.get(path)
    assert response.status_code == 302, path
    assert "/login/" in response["Location"], path


def test_the_walk_found_the_offender_pages():
    paths = {path for _, path in ALL_ROUTES}
    assert {"/offenders/", "/offenders/new/", "/offenders/1/", "/offenders/1/edit/"} <= paths
