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
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from django import forms
from django.core.validators import ProhibitNullCharactersValidator
from django.db import transaction
from django.test import Client
from django.urls import Resolver404, resolve
from django.utils import timezone

from arms_site.lib.forms import BoundedModelChoiceField, BoundedModelMultipleChoiceField
from tests.outsiders import World
from tests.test_outsider_walk import BY_NAME, BY_SEGMENT, FILL, ROUTES, Route

MIN_SUBMISSIONS = 1000
BOUNDED_KEYS = (BoundedModelChoiceField, BoundedModelMultipleChoiceField)
PERSONAS = ("owner", "colleague", "force_admin")  # officer, supervisor, force administrator

# URL namespaces and names not fuzzed, with the reason.
NOT_WALKED_NAMESPACES = {
    "admin": "Django's own admin, for staff only (test_outsider_walk refuses everyone else)",
}
NOT_WALKED = {
    "logout": "signs out: no field to fuzz",
    "login_code": "a step of the two-factor sign-in, reached only half signed in (tests/accounts)",
    "login_backup": "a step of the two-factor sign-in, reached only half signed in (tests/accounts)",
    "login_enrol": "a step of the two-factor sign-in, reached only half signed in (tests/accounts)",
    "keep_alive": "the timeout warning's button: resets the idle clock, no field",
}
ANONYMOUS = {"login"}  # fuzzed signed out: the sign-in page is the one public form

# Pages no persona reaches with a 200, and why that is right (anything else fails the walk).
UNREACHED = {
    "home": "sends everyone to their landing page",
}


def _builds(*names: str, **fills: str):
    """What a page needs: build the World's ``names``; ``fills`` replace the outsider walk's
    objects for parameters (kind -> a World attribute), e.g. ``assessment="submitted"``."""

    def prepare(world: World) -> dict:
        for name in names:
            getattr(world, name)
        return {kind: getattr(world, attr).pk for kind, attr in fills.items()}

    return prepare


# What a page needs beyond the offender (keyed by URL name; a name gone is ignored).
PREPARE = {
    "assessments:list": _builds("appearance"),
    "assessments:summary": _builds(assessment="rated_draft"),
    "assessments:countersign": _builds(assessment="submitted"),
    "engagements:override_request": _builds("decision"),
    "engagements:visit_frequency": _builds("decided_offender"),
    "engagements:visit_frequency_clear": _builds("frequency"),
    "engagements:reactive_propose": _builds("low_for_years"),
    "engagements:reactive_decide": _builds("low_for_years"),
    "formulations:detail": _builds("draft"),
    "formulations:edit": _builds("formulation"),
    "formulations:pdf": _builds("formulation"),
    "formulations:draft": _builds("formulation"),
    "formulations:draft_pdf": _builds("formulation"),
    "formulations:action_add": _builds("formulation"),
    "formulations:meeting": _builds("export"),
    "riskmatrix:start": _builds("appearance"),
    "riskmatrix:osp_start": _builds("appearance"),
    "register:registration_end": _builds("registration"),
    "register:notification_choose": _builds("registration"),
    "register:breach_add": _builds("prohibition"),
}

# Parameters the outsider walk does not fill, (segment, name) -> a function of the World: looked
# up after its BY_SEGMENT and BY_NAME. Empty while the outsider walk fills every parameter.
EXTRA_FILL: dict = {}

SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(1)>'
MARKUP = (SCRIPT, "<img src=x onerror=alert(1)>")  # must never appear unescaped

HUGE = "99999999999999999999999999"
RTL_EMOJI_COMBINING = (
    "\u202eevil\u202c \u05e9\u05dc\u05d5\u05dd \u0645\u0631\u062d\u0628\u0627 "  # RTL override, Hebrew, Arabic
    "\U0001f600\U0001f46e\u200d\u2640\ufe0f "  # emoji, a ZWJ sequence
    + "Z\u0337\u0327\u031ba\u0336l\u0338g\u0335o\u0337" * 20  # combining marks
    + "\u200b\ufeff\u2028\u2029"  # zero-width, BOM, line and paragraph separators
)
# On every field of a form at once.
EVERY_FIELD = (
    "A" * 10_000,
    "\x00",
    SCRIPT,
    IMG,
    RTL_EMOJI_COMBINING,
    "\u20ac" * 5_000,
    HUGE,
    "-" + HUGE,
    "9223372036854775808",
    "1e309",
    "\uff11\uff12",  # full-width digits
    "{{ 7|add:7 }}{% debug %}",
)
# On one field at a time, the others as the page drew them (so a value the field accepts goes on
# to the service, is stored and is rendered): every field gets all of ``PER_FIELD`` and one of
# ``ROTATING`` (a different one from field to field).
PER_FIELD = ("A" * 10_000, "\x00", f"{SCRIPT}{IMG}", HUGE)
ROTATING = (
    "-" + HUGE,
    RTL_EMOJI_COMBINING,
    "9223372036854775808",
    "-1",
    "abc\x00def",
    "9" * 5_000,
    "0",
    "1.5",
    "\u0663",  # Arabic-Indic digit three
    " \r\n\t",
    "' OR 1=1 --",
    "%s%n%x",
)
# Each date gets all of ``IMPOSSIBLE_DATES`` and one of ``ROTATING_DATES``.
IMPOSSIBLE_DATES = (
    ("31", "2", "2020"),
    ("0", "0", "0"),
    ("1", "1", "99999999999999999999"),
    ("99999999999999999999", "1", "2000"),
    ("1", "99999999999999999999", "2000"),
    ("1", "1", "1899"),
    ("1", "1", "10000"),
    (SCRIPT, IMG, "\x00"),
)
ROTATING_DATES = (
    ("29", "2", "2023"),
    ("32", "13", "2000"),
    ("-1", "-1", "-1"),
    ("\uff11", "\uff11", "\uff12\uff10\uff12\uff10"),
    ("1", "1", "-" + HUGE),
)
BAD_KEYS = (
    [HUGE],
    ["-1"],
    ["abc", "\x00"],
    ["9223372036854775808", "9" * 10_000],
)
# A form with no field (a button) is sent these names, which the page does not expect.
UNEXPECTED = {"id": HUGE, "pk": "-1", "next": SCRIPT, "version": "\x00"}


# --- the URLconf ---------------------------------------------------------------------------


def _walked(route: Route) -> bool:
    if route.namespace.split(":")[0] in NOT_WALKED_NAMESPACES:
        return False
    return route.name not in NOT_WALKED


WALKED = [route for route in ROUTES if _walked(route)]


def _fill(world: World, route: Route, overrides: dict) -> str | None:
    """The page's path with real objects, or None when a parameter cannot be filled."""
    path = route.route
    for param in route.params:
        kind = BY_SEGMENT.get((param.segment, param.name)) or BY_NAME.get(param.name)
        if kind in overrides:
            value = overrides[kind]
        elif kind is not None:
            value = FILL[kind](world)
        elif (param.segment, param.name) in EXTRA_FILL:
            value = EXTRA_FILL[(param.segment, param.name)](world)
        else:
            return None
        path = path.replace(param.token, str(value), 1)
    path = path.replace("^", "").replace("$", "").replace("\\Z", "").replace("\\", "")
    return "/" + path


def _route_name(path: str) -> str | None:
    try:
        match = resolve(urlsplit(path).path)
    except Resolver404:
        return None
    return match.view_name or match.route


# --- reading forms from the page -------------------------------------------------------------


@dataclass
class Control:
    kind: str  # text, hidden, textarea, select, radio, checkbox, file
    options: list[str] = field(default_factory=list)
    chosen: list[str] = field(default_factory=list)
    multiple: bool = False
    numeric: bool = False  # inputmode="numeric"


@dataclass
class PageForm:
    method: str
    action: str  # the path the form is sent to
    controls: dict[str, Control] = field(default_factory=dict)

    def baseline(self, optional: set[str]) -> dict:
        """The form as the page drew it; what a required field lacks gets a plausible value."""
        data = {}
        date_parts = {f"{prefix}_{i}" for prefix in self.dates() for i in range(3)}
        for name, control in self.controls.items():
            required = name not in optional
            chosen = [value for value in control.chosen if value]
            first = [value for value in control.options if value][:1] if required else []
            if control.kind == "file":
                continue
            if control.kind in {"radio", "select"}:
                value = chosen or first or [""]
                data[name] = value if control.multiple else value[0]
            elif control.kind == "checkbox":
                data[name] = chosen or first
            else:
                blank = not required or name in date_parts
                data[name] = (chosen or [""])[0] or ("" if blank else _plausible(name, control))
        for prefix in self.dates():
            parts = [data[f"{prefix}_{i}"] for i in range(3)]
            if not all(part.isdigit() for part in parts) and prefix not in optional:
                if "birth" in prefix:
                    day = ("17", "5", "1980")
                else:  # a visit is planned for the future; other dates are in the past
                    year = timezone.localdate().year + (1 if "plan" in self.action else -1)
                    day = ("15", "6", str(year))
                data.update({f"{prefix}_{i}": part for i, part in enumerate(day)})
        return data

    def dates(self) -> list[str]:
        """The names of the GOV.UK date inputs (``name_0``, ``name_1``, ``name_2``)."""
        return [
            name[:-2]
            for name in self.controls
            if name.endswith("_0") and {f"{name[:-2]}_1", f"{name[:-2]}_2"} <= set(self.controls)
        ]

    def key_lists(self) -> list[str]:
        """Checkbox lists whose values are record keys (the model multiple-choice fields)."""
        return [
            name
            for name, control in self.controls.items()
            if control.kind == "checkbox"
            and control.options
            and all(option.isdigit() for option in control.options)
        ]


def _plausible(name: str, control: Control) -> str:
    if control.numeric:
        return "3"
    if "time" in name:
        return "10:30"
    if "postcode" in name:
        return "AA1 1AA"
    return "Hostile-test"


class _FormParser(HTMLParser):
    def __init__(self, page_path: str):
        super().__init__(convert_charrefs=True)
        self.page_path = page_path
        self.forms: list[PageForm] = []
        self._form: PageForm | None = None
        self._select: tuple[str, Control] | None = None
        self._textarea: str | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            action = attrs.get("action") or self.page_path
            self._form = PageForm((attrs.get("method") or "get").lower(), urlsplit(action).path)
            self.forms.append(self._form)
            return
        if self._form is None or not attrs.get("name"):
            if tag == "option" and self._select is not None:
                self._add_option(attrs)
            return
        name = attrs["name"]
        if tag == "input":
            kind = (attrs.get("type") or "text").lower()
            if kind in {"submit", "button", "image", "reset"} or name == "csrfmiddlewaretoken":
                return
            if kind not in {"radio", "checkbox", "hidden", "file"}:
                kind = "text"
            control = self._form.controls.setdefault(name, Control(kind))
            control.numeric = attrs.get("inputmode") == "numeric"
            value = attrs.get("value")
            if kind in {"radio", "checkbox"}:
                value = "on" if value is None else value
                control.options.append(value)
                if "checked" in attrs:
                    control.chosen.append(value)
            elif value is not None:
                control.chosen = [value]
        elif tag == "select":
            control = self._form.controls.setdefault(name, Control("select"))
            control.multiple = "multiple" in attrs
            self._select = (name, control)
        elif tag == "textarea":
            self._form.controls.setdefault(name, Control("textarea"))
            self._textarea = name

    def _add_option(self, attrs):
        _name, control = self._select
        value = attrs.get("value", "")
        control.options.append(value)
        if "selected" in attrs:
            control.chosen.append(value)

    def handle_data(self, data):
        if self._textarea and self._form is not None:
            control = self._form.controls[self._textarea]
            control.chosen = [(control.chosen or [""])[0] + data]

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "select":
            self._select = None
        elif tag == "textarea" and self._textarea:
            control = self._form.controls[self._textarea] if self._form else None
            if control and control.chosen and control.chosen[0].startswith("\n"):
                control.chosen = [control.chosen[0][1:]]  # as a browser reads it
            self._textarea = None


def read_forms(html: str, page_path: str) -> list[PageForm]:
    parser = _FormParser(page_path)
    parser.feed(html)
    return [form for form in parser.forms if _route_name(form.action) not in NOT_WALKED]


# --- the submissions -----------------------------------------------------------------------------


def _set(data: dict, form: PageForm, name: str, value: str) -> None:
    control = form.controls[name]
    data[name] = [value] if control.kind == "checkbox" or control.multiple else value


def submissions(form: PageForm, optional: set[str]):
    """(description, data) for every hostile submission of one form."""
    base = form.baseline(optional)
    names = [n for n, c in form.controls.items() if c.kind != "file"]
    if not names:
        yield "unexpected fields", dict(UNEXPECTED)
        return
    for value in EVERY_FIELD:
        data = dict(base)
        for name in names:
            _set(data, form, name, value)
        yield f"every field = {value[:40]!r}", data
    date_parts = {f"{prefix}_{i}" for prefix in form.dates() for i in range(3)}
    singles = [n for n in names if n not in date_parts]
    for index, name in enumerate(singles):
        for value in (*PER_FIELD, ROTATING[index % len(ROTATING)]):
            data = dict(base)
            _set(data, form, name, value)
            yield f"{name} = {value[:40]!r}", data
    for index, prefix in enumerate(form.dates()):
        for parts in (*IMPOSSIBLE_DATES, ROTATING_DATES[index % len(ROTATING_DATES)]):
            data = dict(base)
            data.update({f"{prefix}_{i}": part for i, part in enumerate(parts)})
            yield f"{prefix} = {'/'.join(p[:20] for p in parts)!r}", data
    for name in form.key_lists():
        for keys in BAD_KEYS:
            data = dict(base)
            data[name] = [*form.controls[name].options[:1], *keys]  # a real key, then bad ones
            yield f"{name} = {[k[:20] for k in keys]!r}", data


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


def _page_form(response) -> forms.BaseForm | None:
    form = response.context.get("form") if response.context is not None else None
    return form if isinstance(form, forms.BaseForm) else None


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


def optional_names(form: forms.BaseForm | None) -> set[str]:
    """The names of the page form's optional fields (left empty in the baseline)."""
    names = set()
    for name, field_ in (form.fields if form else {}).items():
        if not field_.required:
            names.add(form.add_prefix(name))
    return names


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


# --- the red team's findings, one by one ---------------------------------------------------------

RED_TEAM = [
    ("offenders:create", {"date_of_birth_2": HUGE}, "The date of birth must be a real date"),
    ("offenders:edit", {"registration_start_0": HUGE}, "The registration start date must be a real date"),
    ("offenders:address_add", {"start_date_2": HUGE}, "The date they started living here must be a real date"),
    ("offenders:appearance_add", {"sentencing_date_1": HUGE}, "The sentencing date must be a real date"),
    ("engagements:change_record", {"occurred_on_2": HUGE}, "The date of the change must be a real date"),
    ("engagements:visit_plan", {"visit_date_2": HUGE}, "The date of the visit must be a real date"),
    ("riskmatrix:start", {"commencement_date_2": HUGE}, "The date risk commenced must be a real date"),
    ("formulations:action_add", {"due_date_2": HUGE}, "The due date must be a real date"),
    ("formulations:action_add", {"factors": [HUGE]}, "Select the factors addressed from the list"),
    ("formulations:meeting_create", {"date_2": HUGE}, "The meeting date must be a real date"),
    ("formulations:meeting_create", {"offenders": [HUGE, "-1"]}, "Select the offenders on the agenda from the list"),
    ("offenders:create", {"team": HUGE}, "Select the team from the list"),
    ("offenders:create", {"responsible_officer": "-" + HUGE}, "Select the responsible officer from the list"),
    ("offenders:create", {"mappa_level": HUGE}, "Select the MAPPA level from the list"),
    ("riskmatrix:start", {"criminal_appearances": HUGE}, "The number of criminal appearances must be 500 or fewer"),
    ("riskmatrix:start", {"age": "121"}, "The age at commencement of risk must be 120 or less"),
    ("riskmatrix:osp_start", {"total_sanctions": HUGE}, "The number of sanctions must be between 1 and 999"),
    ("riskmatrix:osp_start", {"follow_up_start_2": HUGE}, "The start of follow-up must be a real date"),
    ("riskmatrix:osp_start", {"stranger_victim": HUGE}, "Answer the question: Was the current offence against a stranger?"),
    ("engagements:visit_frequency", {"interval_months": HUGE}, "Enter a number of months between 1 and 24"),
    ("engagements:policy_edit", {"visit_interval_months__low": HUGE}, "The home visit interval for low must be 60 months or fewer"),
    ("engagements:policy_edit", {"priority_adjustment__high": "-3"}, "The ARMS priority high adjustment must be between -2 and 2 levels"),
    ("formulations:edit", {"version": HUGE}, "This page could not be saved as sent: reload the page and try again"),
]  # fmt: skip


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "change", "message"), RED_TEAM, ids=lambda v: str(v)[:40])
def test_each_red_team_finding_is_a_field_error(name, change, message):
    route = next(route for route in WALKED if route.name == name)
    world = World()
    path = _fill(world, route, PREPARE[name](world) if name in PREPARE else {})
    for persona in PERSONAS:
        client = Client(raise_request_exception=False)
        client.force_login(world.person(persona))
        response = client.get(path)
        if response.status_code == 200:
            break
    form = next(f for f in read_forms(response.content.decode(), path) if f.action == path)
    data = {**form.baseline(optional_names(_page_form(response))), **change}
    response = client.post(path, data)
    assert response.status_code == 200
    page = response.content.decode()
    assert "govuk-error-summary" in page and message in page, _page_form(response).errors
