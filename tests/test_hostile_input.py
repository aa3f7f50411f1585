"""Hostile input never breaks a page: every form answers a field error, never a 500.

Like the login and outsider walks (``test_urls_require_login.py``, ``test_outsider_walk.py``) it
reads the URLconf, so a new form page is fuzzed without anyone remembering to add it. Each page is
filled with the real objects of ``tests/outsiders.py`` (a fresh ``World`` per page, plus what the
page needs: ``PREPARE``) and requested with GET by the team's officer, then its supervisor, then
the force administrator, until one may use it. Its forms are read from the rendered HTML (every
``input``, ``select`` and ``textarea`` name, the day/month/year parts of a date included) and each
is sent hostile values: ``EVERY_FIELD`` on every field at once; ``PER_FIELD`` (and one of
``ROTATING``) on one field at a time, the others as the page drew them, so a value the field
accepts goes on to the service; ``IMPOSSIBLE_DATES`` on each date; ``BAD_KEYS`` on each list of
record checkboxes. A button form with no field (POST only) is fuzzed from the page that shows it.
Each submission runs in a savepoint rolled back afterwards, so each meets the page as drawn; an
accepted one carrying markup follows its redirect, so what was stored is rendered too.

Asserted for every response: no 500 and no exception (the client does not re-raise, and anything
raised is caught), and no hostile markup rendered unescaped. Of each page's form: every text
field keeps Django's NUL-character validator (PostgreSQL refuses NUL in text, a 500 if it got
there; SQLite stores it, so on SQLite only this check catches a lost one), every whole number has
both bounds, every choice of records checks its keys as bounded whole numbers. And: every page of
the URLconf is reached or explained (``UNREACHED``), every form seen is fuzzed, and at least
``MIN_SUBMISSIONS`` are sent, so the fuzz can never silently shrink.

The pages, forms and values are in ``tests/hostile/`` (``pages``, ``page_forms``, ``values``); the
red team's findings, one field error each, in ``tests/test_hostile_input_red_team.py``.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

import pytest
from django import forms
from django.core.validators import ProhibitNullCharactersValidator
from django.db import transaction
from django.test import Client

from arms_site.lib.forms import BoundedModelChoiceField, BoundedModelMultipleChoiceField
from tests.hostile.page_forms import PageForm, _page_form, optional_names, read_forms
from tests.hostile.pages import ANONYMOUS, PERSONAS, PREPARE, UNREACHED, WALKED, _fill, _route_name
from tests.hostile.values import MARKUP, submissions
from tests.outsiders import World
from tests.test_outsider_walk import ROUTES, Route

MIN_SUBMISSIONS = 1000
BOUNDED_KEYS = (BoundedModelChoiceField, BoundedModelMultipleChoiceField)


# --- the walk ------------------------------------------------------------------------------------


@dataclass
class Ledger:
    submissions: int = 0
    pages: set = field(default_factory=set)  # routes whose forms were fuzzed
    targets: set = field(default_factory=set)  # (method, route) of every form fuzzed
    seen: dict = field(default_factory=dict)  # (method, route) of every form seen -> page
    per_form: dict = field(default_factory=dict)  # form -> (submissions sent, redirected)
    failures: list = field(default_factory=list)
    unreached: dict = field(default_factory=dict)

    def fail(self, message: str) -> None:
        if len(self.failures) < 200:
            self.failures.append(message)


def _send(client, method, path, data):
    return client.get(path, data) if method == "get" else client.post(path, data)


def _check(ledger: Ledger, where: str, response) -> None:
    if response.status_code >= 500:
        ledger.fail(f"{where}: answered {response.status_code}")
        return
    body = response.content.decode("utf-8", errors="replace")
    for markup in MARKUP:
        if markup in body:
            ledger.fail(f"{where}: the page shows {markup!r} unescaped")


def _has_markup(data: dict) -> bool:
    values = (v for value in data.values() for v in (value if isinstance(value, list) else [value]))
    return any("<" in v for v in values)


def fuzz_form(
    ledger: Ledger, client: Client, page: str, form: PageForm, optional: set[str]
) -> None:
    method = "get" if form.method == "get" else "post"
    before, accepted = ledger.submissions, 0
    for description, data in submissions(form, optional):
        where = f"{method.upper()} {form.action} (form of {page}) with {description}"
        ledger.submissions += 1
        try:
            with transaction.atomic():  # each submission meets the page as drawn
                response = _send(client, method, form.action, data)
                _check(ledger, where, response)
                target = response.get("Location", "") if response.status_code in (302, 303) else ""
                accepted += bool(target)
                if _has_markup(data) and target.startswith("/"):
                    _check(ledger, f"{where}, then GET {target}", client.get(target))
                transaction.set_rollback(True)
        except Exception as error:  # noqa: BLE001 - any exception is the finding
            ledger.fail(f"{where}: raised {type(error).__name__}: {str(error)[:200]}")
    key = f"{method.upper()} {_route_name(form.action)}"
    ledger.per_form[key] = (ledger.submissions - before, accepted)


def check_fields(ledger: Ledger, page: str, form: forms.BaseForm | None) -> None:
    """The page's form keeps the guards: every text field Django's NUL-character validator,
    every whole number both bounds, every choice of records the bounded key check."""
    for name, field_ in (form.fields if form else {}).items():
        parts = field_.fields if isinstance(field_, forms.MultiValueField) else [field_]
        for part in parts:
            if isinstance(part, forms.CharField) and not any(
                isinstance(v, ProhibitNullCharactersValidator) for v in part.validators
            ):
                ledger.fail(f"{page}: the text field {name!r} has lost its NUL validator")
            if isinstance(part, forms.IntegerField) and None in (part.min_value, part.max_value):
                ledger.fail(f"{page}: the whole number {name!r} has no minimum or maximum")
            if isinstance(part, forms.ModelChoiceField) and not isinstance(part, BOUNDED_KEYS):
                ledger.fail(
                    f"{page}: the choice of records {name!r} is not a BoundedModelChoiceField "
                    "or BoundedModelMultipleChoiceField (arms_site.lib.forms)"
                )


def walk_page(ledger: Ledger, route: Route) -> None:
    world = World()
    overrides = PREPARE[route.name](world) if route.name in PREPARE else {}
    path = _fill(world, route, overrides)
    if path is None:
        ledger.unreached[route.name] = "a path parameter the walk cannot fill (see EXTRA_FILL)"
        return
    personas = (None,) if route.name in ANONYMOUS else PERSONAS
    answers = {}
    for persona in personas:
        client = Client(raise_request_exception=False)
        if persona is not None:
            client.force_login(world.person(persona))
        try:
            response = client.get(path)
        except Exception as error:  # noqa: BLE001 - any exception is the finding
            ledger.fail(f"GET {path} ({route}) as {persona}: raised {error!r}")
            return
        answers[persona] = response.status_code
        if response.status_code >= 500:
            ledger.fail(f"GET {path} ({route}) as {persona}: answered {response.status_code}")
        if response.status_code != 200:
            continue
        if "html" not in response.get("Content-Type", ""):
            return  # a PDF, a CSV, a JSON status: no form
        page_form = _page_form(response)
        optional = optional_names(page_form)
        page_forms = read_forms(response.content.decode(), path)
        mine = [f for f in page_forms if _fuzz_here(client, route, f, ledger)]
        if persona != personas[-1] and _refused(client, mine, optional):
            answers[persona] = "200, but refuses to save"
            continue  # shown to this persona, not theirs to save (an officer's own request)
        check_fields(ledger, str(route), page_form)
        for form in page_forms:
            ledger.seen.setdefault((form.method, _route_name(form.action)), str(route))
        for form in mine:
            ledger.targets.add((form.method, _route_name(form.action)))
            fuzz_form(ledger, client, str(route), form, optional)
        if mine:
            ledger.pages.add(route.name)
        return  # the first persona who may use the page is enough
    if set(answers.values()) != {405}:  # a POST-only page is fuzzed through the page with its form
        ledger.unreached[route.name] = f"answers {answers}"


def _refused(client, page_forms: list[PageForm], optional: set[str]) -> bool:
    """Whether the page's form, sent as drawn, is refused (403) to this persona."""
    for form in page_forms:
        if form.method == "post":
            with transaction.atomic():
                status = client.post(form.action, form.baseline(optional)).status_code
                transaction.set_rollback(True)
            return status == 403
    return False


def _fuzz_here(client, route: Route, form: PageForm, ledger: Ledger) -> bool:
    """A form is fuzzed on its own page, or (when its target has no page: POST only) on the page
    that shows it, once."""
    target = _route_name(form.action)
    if (form.method, target) in ledger.targets:
        return False
    if target == route.name:
        return True
    return client.get(form.action).status_code == 405


@pytest.mark.django_db
def test_hostile_input_never_gives_a_500_or_unescaped_markup():
    ledger = Ledger()
    started = time.monotonic()
    for route in WALKED:
        sid = transaction.savepoint()
        try:
            walk_page(ledger, route)
        finally:
            transaction.savepoint_rollback(sid)
    elapsed = time.monotonic() - started
    print(  # noqa: T201 - shown with -s: the size of the fuzz
        f"\n{ledger.submissions} hostile submissions to {len(ledger.targets)} forms on "
        f"{len(ledger.pages)} pages in {elapsed:.1f} s (form: submissions, accepted)\n"
        + "\n".join(f"  {key}: {sent}, {ok}" for key, (sent, ok) in ledger.per_form.items())
    )

    fuzzed = {target for _method, target in ledger.targets}  # a POST-only page counts here
    unexplained = {
        name: why
        for name, why in ledger.unreached.items()
        if name not in UNREACHED and name not in fuzzed
    }
    assert not unexplained, (
        f"The fuzz could not reach these pages: {unexplained}. Build what they need in PREPARE "
        "(or the World), fill their parameters, or list them in UNREACHED with the reason"
    )
    missed = {key: page for key, page in ledger.seen.items() if key not in ledger.targets}
    assert not missed, f"Forms seen but not fuzzed (form -> page that shows it): {missed}"
    assert not ledger.failures, (
        f"{len(ledger.failures)} hostile submissions broke a page (of {ledger.submissions}):\n"
        + "\n".join(ledger.failures[:40])
    )
    assert ledger.submissions >= MIN_SUBMISSIONS, (ledger.submissions, sorted(ledger.pages))


def test_the_walk_covers_the_form_pages():
    names = {route.name for route in WALKED}
    assert {
        "offenders:create",
        "offenders:edit",
        "offenders:address_add",
        "offenders:appearance_add",
        "engagements:change_record",
        "engagements:visit_plan",
        "engagements:visit_record",
        "formulations:action_add",
        "riskmatrix:start",
        "riskmatrix:osp_start",
        "formulations:meeting_create",
    } <= names
    stray = [name for name in PREPARE if name in {r.name for r in ROUTES} and name not in names]
    assert not stray, f"PREPARE names pages the walk does not visit: {stray}"
