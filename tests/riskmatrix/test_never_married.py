"""RM2000 "never married" (issue 14, item 7): relationships on the record, the rule in
``riskmatrix.marital`` (pure), the pre-filled answer with its source, and every error at once."""

import datetime
import subprocess
import sys
from pathlib import Path

import pytest
from django.urls import reverse

from offenders import services as offender_services
from riskmatrix.marital import RULES_VERSION, RelationshipFact, never_married
from riskmatrix.prefill import propose_for_offender
from tests.riskmatrix.factories import worked_history

D = datetime.date
ON = D(2026, 1, 15)


@pytest.mark.parametrize(
    ("facts", "expected", "words"),
    [
        ([], None, "No relationship history is recorded"),
        ([RelationshipFact("marriage", D(2010, 5, 1), D(2012, 1, 1))], False, "married from 1 May 2010"),
        ([RelationshipFact("civil_partnership", D(2020, 1, 1))], False, "in a civil partnership"),
        ([RelationshipFact("cohabitation", D(2018, 3, 1), D(2020, 3, 1))], False, "2 years or more"),
        ([RelationshipFact("cohabitation", D(2018, 3, 1), D(2020, 2, 29))], True, "lasted under 2 years"),
        ([RelationshipFact("cohabitation", D(2024, 6, 1))], True, "lasted under 2 years"),
        ([RelationshipFact("cohabitation", D(2024, 1, 15))], False, "to now"),
        ([RelationshipFact("marriage", D(2027, 1, 1))], True, "no marriage or civil partnership recorded by 15 Jan 2026"),
    ],
)  # fmt: skip
def test_the_rule(facts, expected, words):
    result = never_married(facts, on=ON)
    assert result.value is expected
    assert words in result.working
    assert result.rules_version == RULES_VERSION


@pytest.mark.parametrize(
    "fact",
    [RelationshipFact("engagement", D(2020, 1, 1)), RelationshipFact("marriage", D(2020, 1, 2), D(2020, 1, 1))],
)  # fmt: skip
def test_impossible_facts_are_refused(fact):
    with pytest.raises(ValueError):
        never_married([fact], on=ON)


def test_the_rule_does_not_need_django():
    code = (
        "import sys, datetime\n"
        "from riskmatrix.marital import never_married\n"
        "assert never_married([], on=datetime.date(2026, 1, 1)).value is None\n"
        "loaded = sorted(n for n in sys.modules if n == 'django' or n.startswith('django.'))\n"
        "assert not loaded, loaded\n"
    )
    root = Path(__file__).resolve().parents[2]
    completed = subprocess.run(
        [sys.executable, "-c", code], cwd=root, capture_output=True, text=True
    )
    assert completed.returncode == 0, completed.stderr


def test_a_relationship_is_recorded_and_shown_on_the_summary(owner_client, offender):
    url = reverse("offenders:relationship_add", args=[offender.pk])
    response = owner_client.post(
        url, {"kind": "marriage", "start_date_0": "3", "start_date_1": "11", "start_date_2": "2015"}
    )
    assert response.status_code == 302
    page = owner_client.get(reverse("offenders:detail", args=[offender.pk])).content.decode()
    assert "Relationship history" in page and "3 Nov 2015" in page and "Marriage" in page


def test_a_relationship_form_with_errors_shows_them_all(owner_client, offender):
    url = reverse("offenders:relationship_add", args=[offender.pk])
    html = owner_client.post(url, {"end_date_2": "2020"}).content.decode()
    assert "Select the kind of relationship" in html
    assert "Enter the date it started" in html or "date it started" in html
    assert not offender.relationships.exists()


def test_the_answer_is_prefilled_from_the_relationships_with_its_source(offender, owner):
    worked_history(offender)
    offender_services.relationship_add(
        user=owner, offender=offender, kind="cohabitation", start_date=D(2019, 1, 1), end_date=D(2019, 6, 1)
    )  # fmt: skip
    proposal = propose_for_offender(offender, ON)
    assert proposal.value("never_married") is True
    assert "relationship history" in proposal.items["never_married"].source


def test_changing_prefilled_answers_without_reasons_shows_every_error_at_once(
    owner_client, offender, owner
):
    worked_history(offender)
    offender_services.relationship_add(
        user=owner, offender=offender, kind="marriage", start_date=D(2012, 1, 1)
    )
    url = reverse("riskmatrix:start", args=[offender.pk])
    form = owner_client.get(url).context["form"]
    data = {}
    for name, field in form.fields.items():
        value = form.initial.get(name, field.initial)
        if isinstance(value, datetime.date):
            data |= {f"{name}_0": value.day, f"{name}_1": value.month, f"{name}_2": value.year}
        elif value is not None:
            data[name] = value
    assert data["never_married"] == "no"  # pre-filled: married since 2012
    data["never_married"] = "yes"  # changed without a reason
    data["criminal_appearances"] = int(data["criminal_appearances"]) + 1  # changed, no reason
    data.pop("male_victim")  # and one question left unanswered
    html = owner_client.post(url, data).content.decode()
    assert "Answer the question: " in html
    assert "Enter the reason for changing the answer about marriage" in html
    assert "Enter the reason for changing the number of criminal appearances" in html
