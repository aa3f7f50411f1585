"""Property tests of the shared form fields (``arms_site.lib.forms``): whatever text arrives,
``clean()`` returns a valid value or raises ``forms.ValidationError``, never another exception
(an ``OverflowError`` from a huge year or record key was a 500); valid values round-trip."""

import datetime

import pytest
from django import forms
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from accounts.models import Team
from arms_site.lib.forms import (
    MAX_VERSION,
    BoundedIntegerField,
    BoundedModelChoiceField,
    BoundedModelMultipleChoiceField,
    GovDateField,
    VersionField,
    plain_integer,
)
from tests.factories import ForceFactory, TeamFactory

HUGE = 10**26

# Text a hostile or careless user can send in one box.
digits = st.text(alphabet="0123456789", min_size=1, max_size=30)
numbers = st.one_of(
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.integers(min_value=2**31 - 2, max_value=2**64 + 2).map(str),
    st.integers().map(lambda n: f" {n:+} "),
)
unicode_text = st.text(max_size=60)  # every code point, combining marks, RTL, NUL, emoji
odd = st.sampled_from(
    [
        "",
        " ",
        "\x00",
        "1\x00",
        "9" * 5_000,
        "1e309",
        "NaN",
        "-0",
        "+1",
        "1_000",
        "0x10",
        "1.0",
        "\uff11\uff12",  # full-width digits
        "\u0663",  # Arabic-Indic three
        "\u00b2",  # superscript two
        "12\n",
        "<script>alert(1)</script>",
    ]
)
box = st.one_of(digits, numbers, unicode_text, odd)


def _date_field(past_only=False, required=True):
    return GovDateField(label="Date of birth", past_only=past_only, required=required)


def _clean_or_error(field, value):
    try:
        return True, field.clean(value)
    except forms.ValidationError as error:
        assert error.messages and all(isinstance(m, str) and m for m in error.messages)
        return False, error


# --- GovDateField ----------------------------------------------------------------------------


@settings(max_examples=400)
@given(day=box, month=box, year=box, past_only=st.booleans(), required=st.booleans())
@example(day="1", month="1", year="99999999999999999999999999", past_only=False, required=True)
@example(day="99999999999999999999", month="1", year="2000", past_only=True, required=True)
@example(day="31", month="2", year="2020", past_only=False, required=False)
@example(day="1", month="1", year="0", past_only=False, required=True)
@example(day="1", month="1", year="10000", past_only=False, required=True)
def test_a_date_is_a_real_date_or_a_field_error(day, month, year, past_only, required):
    field = _date_field(past_only=past_only, required=required)
    ok, result = _clean_or_error(field, [day, month, year])
    if ok:
        if result is None:
            assert not required and all(not v.strip() for v in (day, month, year))
            return
        assert isinstance(result, datetime.date)
        assert 1900 <= result.year <= 9999
        assert (result.day, result.month, result.year) == tuple(int(v) for v in (day, month, year))
        if past_only:
            assert result <= datetime.date.today() + datetime.timedelta(days=1)
    else:
        assert any("date of birth" in message for message in result.messages), result.messages


@given(value=st.one_of(st.none(), box, st.lists(box, max_size=5), st.integers()))
def test_a_date_from_anything_else_is_a_field_error(value):
    _clean_or_error(_date_field(required=False), value)


@pytest.mark.parametrize(
    ("parts", "message"),
    [
        (["1", "1", "99999999999999999999999999"], "The date of birth must be a real date"),
        (["31", "2", "2020"], "The date of birth must be a real date"),
        (["1", "1", "10000"], "The date of birth must be a real date"),
        (["1", "13", "2000"], "The date of birth must be a real date"),
        (["\uff11", "1", "2000"], "The date of birth must be a real date"),
        (["1\x00", "1", "2000"], "The date of birth must be a real date"),
        (["1", "1", "1899"], "The date of birth must be after 1900"),
        (["", "1", "2000"], "The date of birth must include a day"),
    ],
)
def test_out_of_range_dates_name_the_question(parts, message):
    with pytest.raises(forms.ValidationError) as error:
        _date_field().clean(parts)
    assert error.value.messages == [message]


@given(day=st.dates(min_value=datetime.date(1900, 1, 1), max_value=datetime.date(9999, 12, 31)))
def test_a_valid_date_round_trips(day):
    field = _date_field()
    assert field.clean([str(day.day), str(day.month), str(day.year)]) == day
    assert field.clean([f"{day.day:02d}", f"{day.month:02d}", f" {day.year} "]) == day
    assert field.clean([str(part) for part in field.widget.decompress(day)]) == day


@given(day=st.dates(min_value=datetime.date(1900, 1, 1), max_value=datetime.date(9999, 12, 31)))
def test_a_valid_date_round_trips_through_a_form(day):
    class Form(forms.Form):
        when = GovDateField(label="Date of the change")

    data = {"when_0": str(day.day), "when_1": str(day.month), "when_2": str(day.year)}
    form = Form(data)
    assert form.is_valid(), form.errors
    assert form.cleaned_data["when"] == day
    assert Form(initial={"when": day})["when"].value() in (day, (day.day, day.month, day.year))


# --- whole numbers ---------------------------------------------------------------------------

bounds = st.tuples(st.integers(-1000, 1000), st.integers(0, 10**12)).map(
    lambda t: (t[0], t[0] + t[1])
)


@settings(max_examples=400)
@given(value=st.one_of(box, st.integers(), st.none(), st.booleans()), limits=bounds)
@example(value="99999999999999999999999999", limits=(1, 24))
@example(value="-99999999999999999999999999", limits=(1, 24))
def test_a_bounded_integer_is_in_range_or_a_field_error(value, limits):
    low, high = limits
    field = BoundedIntegerField(label="Number of months", min_value=low, max_value=high)
    ok, result = _clean_or_error(field, value)
    if ok:
        assert isinstance(result, int) and not isinstance(result, bool)
        assert low <= result <= high
        assert result == int(str(value).strip())
    else:
        assert any("number of months" in m for m in result.messages), result.messages


@given(limits=bounds, data=st.data())
def test_a_bounded_integer_round_trips(limits, data):
    low, high = limits
    number = data.draw(st.integers(low, high))
    field = BoundedIntegerField(label="Number of months", min_value=low, max_value=high)
    assert field.clean(str(number)) == number
    assert field.clean(f"  {number:+d} ") == number
    assert field.clean(number) == number


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("0", "Enter a number of months between 1 and 24"),
        ("25", "Enter a number of months between 1 and 24"),
        ("99999999999999999999999999", "Enter a number of months between 1 and 24"),
        ("-" + "9" * 5_000, "Enter a number of months between 1 and 24"),
        ("two", "The number of months must be a whole number"),
        ("1e3", "The number of months must be a whole number"),
        ("\uff11\uff12", "The number of months must be a whole number"),
        ("", "Enter the number of months"),
    ],
)
def test_a_bounded_integer_speaks_gov_uk(value, message):
    field = BoundedIntegerField(
        label="Number of months",
        min_value=1,
        max_value=24,
        error_messages={
            "min_value": "Enter a number of months between 1 and 24",
            "max_value": "Enter a number of months between 1 and 24",
        },
    )
    with pytest.raises(forms.ValidationError) as error:
        field.clean(value)
    assert error.value.messages == [message]


@given(value=st.one_of(box, st.integers(), st.none(), st.booleans(), st.floats()))
def test_plain_integer_reads_only_plain_digits(value):
    number = plain_integer(value)
    if number is None:
        return
    assert isinstance(number, int) and not isinstance(number, bool)
    if isinstance(value, str):
        text = value.strip()
        assert text.lstrip("+-").isascii() and text.lstrip("+-").isdigit()
        assert number == int(text)


@given(value=st.one_of(box, st.integers()))
def test_a_version_is_a_positive_whole_number_or_a_field_error(value):
    ok, result = _clean_or_error(VersionField(), value)
    if ok:
        assert 1 <= result <= MAX_VERSION
    else:
        assert result.messages == [VersionField.MESSAGE]


# --- record keys -----------------------------------------------------------------------------

DB_SETTINGS = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)


@pytest.fixture
def teams(db):
    force = ForceFactory(name="Property Force", code="PRP1")
    return [TeamFactory(force=force, name=f"Team {n}") for n in range(3)]


def keys(teams):
    real = st.sampled_from([str(t.pk) for t in teams])
    return st.one_of(real, box, st.integers(min_value=-HUGE, max_value=HUGE).map(str))


@DB_SETTINGS
@given(data=st.data())
@example(data=None)
def test_a_record_key_is_a_record_or_a_field_error(teams, data):
    field = BoundedModelChoiceField(
        queryset=Team.objects.filter(pk__in=[t.pk for t in teams[:2]]),
        required=False,
        error_messages={"invalid_choice": "Select the team from the list"},
    )
    value = "99999999999999999999999999" if data is None else data.draw(keys(teams))
    ok, result = _clean_or_error(field, value)
    if ok:
        assert result is None or result in teams[:2]
        if result is not None:
            assert result.pk == int(value)
    else:
        assert result.messages == ["Select the team from the list"]


@DB_SETTINGS
@given(data=st.data())
@example(data=None)
def test_a_list_of_record_keys_is_records_or_a_field_error(teams, data):
    field = BoundedModelMultipleChoiceField(
        queryset=Team.objects.filter(pk__in=[t.pk for t in teams[:2]]),
        required=False,
        error_messages={"invalid_choice": "Select the teams from the list"},
    )
    if data is None:
        values = [str(teams[0].pk), "99999999999999999999999999", "-1"]
    else:
        values = data.draw(st.one_of(st.lists(keys(teams), max_size=5), box))
    ok, result = _clean_or_error(field, values)
    if ok:
        assert set(result) <= set(teams[:2])
    else:
        assert result.messages == ["Select the teams from the list"], result.messages


@pytest.mark.django_db
def test_valid_record_keys_round_trip(teams):
    single = BoundedModelChoiceField(queryset=Team.objects.all())
    many = BoundedModelMultipleChoiceField(queryset=Team.objects.all())
    assert single.clean(str(teams[1].pk)) == teams[1]
    assert single.clean(teams[1]) == teams[1]
    assert set(many.clean([str(t.pk) for t in teams])) == set(teams)
