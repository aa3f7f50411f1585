"""The red team's findings, one by one: each hostile value they found breaking a page is now a
field error with its message (the form filled as the page drew it, then the one value changed).
The pages are filled as in the fuzz walk (``tests/test_hostile_input.py``, ``tests/hostile/``).
"""

from __future__ import annotations

import pytest
from django.test import Client

from tests.hostile.page_forms import _page_form, optional_names, read_forms
from tests.hostile.pages import PERSONAS, PREPARE, WALKED, _fill
from tests.hostile.values import HUGE
from tests.outsiders import World

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
