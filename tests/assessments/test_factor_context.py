"""A factor page says where it is ("Factor 4 of 11") and shows the last countersigned rating and
evidence beside the form; "Insufficient information" without saying what is missing is a field
error on that page (issue 14, item 6)."""

import pytest
from django.urls import reverse

from assessments import services
from assessments.models import FactorRating
from tests.assessments.factories import countersigned


def factor_url(offender, assessment, code):
    return reverse("assessments:factor", args=[offender.pk, assessment.pk, code])


@pytest.fixture
def draft_after_signed(offender, owner, colleague):
    signed = countersigned(offender, owner, colleague)
    row = signed.ratings.select_related("factor").order_by("factor__order")[3]
    FactorRating.objects.filter(pk=row.pk).update(evidence="Last time: calmer at home.", rating=2)
    draft, _ = services.assessment_start(user=owner, offender=offender)
    return draft, row.factor


def test_the_page_says_which_factor_of_how_many(owner_client, offender, draft_after_signed):
    draft, factor = draft_after_signed
    html = owner_client.get(factor_url(offender, draft, factor.code)).content.decode()
    count = draft.framework.factors.count()
    assert f"Factor 4 of {count}" in html and count == 11


def test_the_last_countersigned_rating_and_evidence_are_beside_the_form(
    owner_client, offender, draft_after_signed, colleague
):
    draft, factor = draft_after_signed
    html = owner_client.get(factor_url(offender, draft, factor.code)).content.decode()
    aside = html.split('id="last-rating"', 1)[1].split("</aside>", 1)[0]
    assert "Last time: calmer at home." in aside
    assert factor.rating_label(2) in aside
    assert colleague.get_full_name() in aside


def test_a_first_assessment_says_there_is_nothing_to_compare(owner_client, offender, owner):
    draft, _ = services.assessment_start(user=owner, offender=offender)
    factor = draft.framework.factors.order_by("order").first()
    html = owner_client.get(factor_url(offender, draft, factor.code)).content.decode()
    assert "Factor 1 of 11" in html and "No countersigned assessment yet" in html


def test_insufficient_information_without_what_is_missing_is_a_field_error(
    owner_client, offender, owner
):
    draft, _ = services.assessment_start(user=owner, offender=offender)
    factor = draft.framework.factors.order_by("order").first()
    response = owner_client.post(
        factor_url(offender, draft, factor.code),
        {"version": draft.version, "rating": "insufficient", "evidence": "Not seen yet"},
    )
    assert response.status_code == 200
    html = response.content.decode()
    message = "Say what information is missing and who could give it, or choose a rating"
    assert html.count(message) == 2  # beside the field and in the error summary
    assert 'href="#id_insufficient_information_note"' in html
    assert not draft.ratings.get(factor=factor).rated  # nothing saved
