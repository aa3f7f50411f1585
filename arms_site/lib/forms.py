"""Shared form plumbing: the GOV.UK form helper, date inputs, bounded whole numbers and record
choices (hostile input is a field error, never a 500), and service errors shown on forms."""

import datetime
import re

from crispy_forms_gds.fields import DateInputField
from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Layout, Submit
from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import ProhibitNullCharactersValidator, RegexValidator
from django.db import connections
from django.utils import timezone


def gds_helper(*fields, submit: str = "Save") -> FormHelper:
    """The crispy helper for a GOV.UK form page: the page template owns the ``<form>`` tag.

    Always a Layout: without one fields keep ``required`` and the browser blocks the GOV.UK
    error summary.
    """
    helper = FormHelper()
    helper.form_tag = False
    helper.layout = Layout(*fields, Submit("submit", submit))
    return helper


def apply_validation_error(form, error: ValidationError, aliases: dict | None = None) -> None:
    """Show a service's ``ValidationError`` on the form: by field where the form has the field
    (``aliases`` maps a model field to a differently named form field), else above the form."""
    aliases = aliases or {}
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            field = aliases.get(field, field)
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


# --- dates -------------------------------------------------------------------------------------

FIRST_YEAR = 1900  # before this a date is a typing error here, not a record
_PARTS = (("day", 2), ("month", 2), ("year", 4))  # the most digits each part may have


class GovDateField(DateInputField):
    """A GOV.UK date input (day, month, year) whose messages name the question.

    Each part must be plain digits (day and month at most 2, the year at most 4), and the date
    real and from 1900 on; anything else is a field error ("The date of birth must be a real
    date"), never an exception, however long or strange the text.
    """

    def __init__(self, *, label: str, required: bool = True, past_only: bool = False, **kwargs):
        self.past_only = past_only
        self.question = label
        super().__init__(label=label, required=required, require_all_fields=False, **kwargs)
        lower = label[0].lower() + label[1:]
        self.error_messages["required"] = f"Enter the {lower}"
        self.error_messages["incomplete"] = f"The {lower} must include a day, month and year"
        self.error_messages["invalid"] = f"The {lower} must be a real date"
        for part, (name, digits) in zip(self.fields, _PARTS, strict=True):
            part.error_messages["incomplete"] = f"The {lower} must include a {name}"
            part.error_messages["required"] = part.error_messages["incomplete"]
            # The package's ``^[0-9]+$`` was unbounded (a huge year overflowed): the text must
            # be 1 to ``digits`` ASCII digits. NUL characters are still refused, in the same words.
            part.validators = [
                RegexValidator(
                    rf"\A[0-9]{{1,{digits}}}\Z", self.error_messages["invalid"], "invalid"
                ),
                ProhibitNullCharactersValidator(self.error_messages["invalid"], "invalid"),
            ]

    def _phrase(self) -> str:
        return self.question[0].lower() + self.question[1:]

    def compress(self, data_list):
        if not data_list or all(v in self.empty_values for v in data_list):
            return None
        try:
            day, month, year = (int(v) for v in data_list)
            value = datetime.date(year, month, day)
        except (TypeError, ValueError, OverflowError):
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from None
        if year < FIRST_YEAR:
            raise forms.ValidationError(
                f"The {self._phrase()} must be after {FIRST_YEAR}", code="invalid"
            )
        return value

    def clean(self, value):
        if isinstance(value, (list, tuple)):  # a part of spaces is an empty part
            value = [v.strip() if isinstance(v, str) else v for v in value]
        result = super().clean(value)
        if self.past_only and result and result > timezone.localdate():
            raise forms.ValidationError(f"The {self._phrase()} must be in the past", code="future")
        return result


# --- whole numbers and choices of records ------------------------------------------------------

_PLAIN_INTEGER = re.compile(r"[+-]?[0-9]+")
MAX_INTEGER_TEXT = 40  # characters: longer text is refused before any conversion


def plain_integer(value) -> int | None:
    """``value`` as an int when it is an int or plain ASCII digits (an optional sign, at most
    ``MAX_INTEGER_TEXT`` characters, spaces around allowed), else None. Never raises."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if not isinstance(value, str):
        return None
    text = value.strip()
    if len(text) > MAX_INTEGER_TEXT or not _PLAIN_INTEGER.fullmatch(text):
        return None
    return int(text)


class BoundedIntegerField(forms.IntegerField):
    """A whole number from ``min_value`` to ``max_value`` (both required) with GOV.UK messages.

    Only plain ASCII digits are read (an optional sign; not "1e3", "1_000" or other scripts'
    digits). The default messages name the question (``label``); pass ``error_messages`` to
    change them, e.g. ``{"min_value": ..., "max_value": ...}``.
    """

    def __init__(self, *, min_value: int, max_value: int, label: str | None = None, **kwargs):
        phrase = (label[0].lower() + label[1:]) if label else "number"
        messages = {
            "required": f"Enter the {phrase}",
            "invalid": f"The {phrase} must be a whole number",
            "min_value": f"The {phrase} must be between {min_value} and {max_value}",
            "max_value": f"The {phrase} must be between {min_value} and {max_value}",
        }
        messages.update(kwargs.pop("error_messages", None) or {})
        super().__init__(
            min_value=min_value,
            max_value=max_value,
            label=label,
            error_messages=messages,
            **kwargs,
        )

    def to_python(self, value):
        if value in self.empty_values:
            return None
        number = plain_integer(value)
        if number is not None:
            return number
        text = value.strip() if isinstance(value, str) else ""
        if len(text) > MAX_INTEGER_TEXT and _PLAIN_INTEGER.fullmatch(text):
            code = "min_value" if text.startswith("-") else "max_value"  # far out of range
            limit = self.min_value if code == "min_value" else self.max_value
            raise ValidationError(
                self.error_messages[code], code=code, params={"limit_value": limit}
            )
        raise ValidationError(self.error_messages["invalid"], code="invalid")


MAX_VERSION = 2**31 - 1  # PositiveIntegerField's limit on every database we support


class VersionField(BoundedIntegerField):
    """The hidden version a page was drawn from (optimistic locking): a positive whole number.

    A bad value means the page was not sent as drawn; the form's ``clean`` should show it with
    ``show_hidden_errors`` since a hidden field has no place of its own on the page.
    """

    MESSAGE = "This page could not be saved as sent: reload the page and try again"

    def __init__(self, **kwargs):
        kwargs.setdefault("widget", forms.HiddenInput)
        message = self.MESSAGE
        kwargs.setdefault(
            "error_messages",
            {key: message for key in ("required", "invalid", "min_value", "max_value")},
        )
        super().__init__(min_value=1, max_value=MAX_VERSION, **kwargs)


def show_hidden_errors(form) -> None:
    """Repeat the errors of the form's hidden fields above the form (the GOV.UK error summary
    lists visible fields only). Call from ``clean()``."""
    for field in form.hidden_fields():
        for message in form.errors.get(field.name, []):
            if message not in form.non_field_errors():
                form.add_error(None, message)


def _pk_range(queryset, key: str) -> tuple[int, int] | None:
    """The (smallest, largest) value the column ``key`` can hold, None when it is not a whole
    number column (then values are left to the database lookup)."""
    field = queryset.model._meta.pk if key == "pk" else queryset.model._meta.get_field(key)
    internal = field.get_internal_type()
    if "Integer" not in internal and "AutoField" not in internal:
        return None
    low, high = connections[queryset.db].ops.integer_field_range(internal)
    return (1 if field.primary_key else low or 0), high


class _BoundedKeys:
    """Refuses a submitted key that is not a plain whole number within the column's range
    before any query (SQLite cannot even bind a number past 2**63), as ``invalid_choice``."""

    def _refuse_unless_bounded(self, value) -> None:
        if isinstance(value, self.queryset.model):
            return
        key = self.to_field_name or "pk"
        bounds = _pk_range(self.queryset, key)
        if bounds is None:
            return
        number = plain_integer(value)
        if number is None or not bounds[0] <= number <= bounds[1]:
            raise ValidationError(
                self.error_messages["invalid_choice"],
                code="invalid_choice",
                params={"value": "" if number is None else number},
            )


class BoundedModelChoiceField(_BoundedKeys, forms.ModelChoiceField):
    """A ``ModelChoiceField`` whose submitted key is checked as a bounded whole number first:
    a huge, negative or non-numeric value is "Select ... from the list", never a 500."""

    default_error_messages = {"invalid_choice": "Select an option from the list"}

    def to_python(self, value):
        if value not in self.empty_values:
            self._refuse_unless_bounded(value)
        return super().to_python(value)


class BoundedModelMultipleChoiceField(_BoundedKeys, forms.ModelMultipleChoiceField):
    """A ``ModelMultipleChoiceField`` whose every submitted key is checked as a bounded whole
    number before the ``pk__in`` query (which has no overflow guard in Django)."""

    default_error_messages = {"invalid_choice": "Select options from the list"}

    def __init__(self, queryset, **kwargs):
        given = kwargs.get("error_messages") or {}
        super().__init__(queryset, **kwargs)
        for code in ("invalid_pk_value", "invalid_list"):  # one message for every bad value
            if code not in given:
                self.error_messages[code] = self.error_messages["invalid_choice"]

    def _check_values(self, value):
        if isinstance(value, (list, tuple)):  # anything else: the parent's "invalid_list"
            for item in value:
                self._refuse_unless_bounded(item)
        return super()._check_values(value)
