"""Bad input gets a clear field error and saves nothing; good input saves and is audited."""

import datetime

import pytest

from audit.models import Action, AuditEvent
from offenders.models import Address, CourtAppearance, Offence, Offender

CREATE_URL = "/offenders/new/"


def _date(prefix, value: datetime.date):
    return {f"{prefix}_0": value.day, f"{prefix}_1": value.month, f"{prefix}_2": value.year}


@pytest.fixture
def valid_offender(team, owner):
    return {
        "surname": "Testperson",
        "forenames": "Alan",
        **_date("date_of_birth", datetime.date(1980, 5, 17)),
        "sex": "male",
        "pnc_id": "2001/0123456F",
        "local_reference": "test-9001",
        "status": "active",
        "mappa_category": "1",
        "mappa_level": "1",
        **_date("registration_start", datetime.date(2019, 3, 1)),
        "notification_period": "indefinite",
        "team": team.pk,
        "responsible_officer": owner.pk,
    }


def test_valid_offender_is_saved_and_audited(owner_client, owner, valid_offender):
    response = owner_client.post(CREATE_URL, valid_offender)
    offender = Offender.objects.get(local_reference="TEST-9001")
    assert response.status_code == 302 and response["Location"] == offender.get_absolute_url()
    assert offender.pnc_id == "2001/0123456F"
    event = AuditEvent.objects.get(offender=offender, action=Action.CREATED)
    assert event.actor == owner


BAD_INPUT = [
    ("surname", {"surname": ""}, "Enter the surname"),
    (
        "future date of birth",
        _date("date_of_birth", datetime.date(2999, 1, 1)),
        "must be in the past",
    ),
    (
        "impossible date",
        {"date_of_birth_0": "31", "date_of_birth_1": "2", "date_of_birth_2": "1980"},
        "must be a real date",
    ),
    ("missing day", {"date_of_birth_0": ""}, "The date of birth must include a day"),
    ("unknown PNC check character", {"pnc_id": "2001/0123456G"}, "correct check character"),
    ("badly formed PNC", {"pnc_id": "12345"}, "Enter a PNC number in the correct format"),
    ("no team", {"team": ""}, "Select the team"),
    (
        "registration before birth",
        _date("registration_start", datetime.date(1970, 1, 1)),
        "must be after the date of birth",
    ),
]


@pytest.mark.parametrize(("case", "change", "message"), BAD_INPUT, ids=[c[0] for c in BAD_INPUT])
def test_bad_input_shows_a_field_error_and_saves_nothing(
    owner_client, valid_offender, case, change, message
):
    before = (Offender.objects.count(), AuditEvent.objects.count())
    response = owner_client.post(CREATE_URL, {**valid_offender, **change})
    page = response.content.decode()
    assert response.status_code == 200
    assert "govuk-error-summary" in page
    assert message in page
    assert "govuk-error-message" in page
    assert (Offender.objects.count(), AuditEvent.objects.count()) == before


def test_duplicate_reference_is_refused(owner_client, valid_offender, offender):
    response = owner_client.post(
        CREATE_URL, {**valid_offender, "local_reference": offender.local_reference}
    )
    assert "Another record already has this reference" in response.content.decode()


def test_edit_records_the_changed_field_names_not_values(
    owner_client, owner, offender, valid_offender
):
    data = {**valid_offender, "local_reference": offender.local_reference, "surname": "Renamed"}
    response = owner_client.post(f"/offenders/{offender.pk}/edit/", data)
    assert response.status_code == 302
    event = AuditEvent.objects.filter(offender=offender, action=Action.CHANGED).get()
    assert "surname" in event.changed_fields
    assert "Renamed" not in str(event.changed_fields) + event.summary


def test_new_address_becomes_current_and_ends_the_previous(owner_client, offender):
    old = Address.objects.create(
        offender=offender,
        line_1="1 Old Road",
        town="Testville",
        postcode="ZZ1 1ZZ",
        start_date=datetime.date(2020, 1, 1),
    )
    response = owner_client.post(
        f"/offenders/{offender.pk}/addresses/new/",
        {
            "line_1": "2 New Road",
            "town": "Testville",
            "postcode": "zz12zz",
            **_date("start_date", datetime.date(2024, 6, 1)),
        },
    )
    assert response.status_code == 302
    old.refresh_from_db()
    assert old.end_date == datetime.date(2024, 6, 1)
    current = offender.addresses.get(end_date__isnull=True)
    assert current.postcode == "ZZ1 2ZZ"
    page = owner_client.get(offender.get_absolute_url()).content.decode()
    assert "Current" in page and "2 New Road" in page


def test_bad_postcode_saves_no_address(owner_client, offender):
    response = owner_client.post(
        f"/offenders/{offender.pk}/addresses/new/",
        {
            "line_1": "2 New Road",
            "town": "Testville",
            "postcode": "not a postcode",
            **_date("start_date", datetime.date(2024, 6, 1)),
        },
    )
    assert "Enter a real postcode" in response.content.decode()
    assert not offender.addresses.exists()


def test_court_appearance_with_its_offence_is_saved_together(owner_client, offender):
    response = owner_client.post(
        f"/offenders/{offender.pk}/appearances/new/",
        {
            **_date("sentencing_date", datetime.date(2016, 2, 3)),
            "court": "Testville Crown Court",
            "disposal": "3 years' imprisonment",
            "custodial": "on",
            "description": "Sexual assault",
            "kind": "sexual",
            "sexual_type": "contact_adult",
            **_date("offence_date", datetime.date(2015, 8, 1)),
            "victim_stranger": "on",
        },
    )
    assert response.status_code == 302
    offence = Offence.objects.get(appearance__offender=offender)
    assert offence.victim_stranger and offence.contact and not offence.victim_male
    assert offence.sexual_type == "contact_adult"
    assert offence.offence_date == datetime.date(2015, 8, 1)


@pytest.mark.parametrize(
    "sexual_type, contact", [("images", False), ("non_contact", False), ("contact_child", True)]
)
def test_the_osp_type_sets_rm2000s_contact_flag(owner_client, offender, sexual_type, contact):
    appearance = CourtAppearance.objects.create(
        offender=offender, sentencing_date=datetime.date(2016, 2, 3), court="C", disposal="D"
    )
    response = owner_client.post(
        f"/offenders/{offender.pk}/appearances/{appearance.pk}/offences/new/",
        {"description": "An offence", "kind": "sexual", "sexual_type": sexual_type},
    )
    assert response.status_code == 302
    offence = appearance.offences.get()
    assert (offence.sexual_type, offence.contact) == (sexual_type, contact)


@pytest.mark.parametrize(
    "changes, message",
    [
        ({"kind": "sexual"}, "Select the type of sexual offence"),
        ({"kind": "other", "sexual_type": "images"}, "Leave the type of sexual offence empty"),
        ({"kind": "sexual", "sexual_type": "rape"}, "Select the type of sexual offence from"),
        (
            {"kind": "other", **_date("offence_date", datetime.date(2016, 2, 4))},
            "on or before the sentencing date",
        ),
        (
            {"kind": "other", **_date("offence_date", datetime.date(1950, 1, 1))},
            "must be after the date of birth",
        ),
    ],
)
def test_offence_type_and_date_are_checked(owner_client, offender, changes, message):
    response = owner_client.post(
        f"/offenders/{offender.pk}/appearances/new/",
        {
            **_date("sentencing_date", datetime.date(2016, 2, 3)),
            "court": "C",
            "disposal": "D",
            "description": "X",
            **changes,
        },
    )
    assert message in response.content.decode()
    assert not CourtAppearance.objects.exists()


def test_appearance_with_no_offence_kind_saves_nothing(owner_client, offender):
    response = owner_client.post(
        f"/offenders/{offender.pk}/appearances/new/",
        {
            **_date("sentencing_date", datetime.date(2016, 2, 3)),
            "court": "C",
            "disposal": "D",
            "description": "X",
        },
    )
    assert "Select the kind of offence" in response.content.decode()
    assert not CourtAppearance.objects.exists()


def test_alias_needs_a_surname(owner_client, offender):
    response = owner_client.post(f"/offenders/{offender.pk}/aliases/new/", {"surname": ""})
    assert "Enter the surname" in response.content.decode()
    assert not offender.aliases.exists()


def test_login_form_errors_use_the_error_summary(client, owner):
    response = client.post("/login/", {"username": "owner", "password": "wrong"})
    page = response.content.decode()
    assert "govuk-error-summary" in page and "Enter a correct username and password" in page
    response = client.post("/login/", {"username": "owner", "password": "test-password"})
    assert response.status_code == 302
