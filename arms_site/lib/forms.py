"""Shared form plumbing: the GOV.UK form helper, date inputs, and service errors shown on forms."""

import datetime

from crispy_forms_gds.fields import DateInputField
from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Layout, Submit
from django import forms
from django.core.exceptions import ValidationError
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


class GovDateField(DateInputField):
    """A GOV.UK date input (day, month, year) whose messages name the question."""

    def __init__(self, *, label: str, required: bool = True, past_only: bool = False, **kwargs):
        self.past_only = past_only
        self.question = label
        super().__init__(label=label, required=required, require_all_fields=False, **kwargs)
        lower = label[0].lower() + label[1:]
        self.error_messages["required"] = f"Enter the {lower}"
        self.error_messages["incomplete"] = f"The {lower} must include a day, month and year"
        self.error_messages["invalid"] = f"The {lower} must be a real date"
        for part, name in zip(self.fields, ("day", "month", "year"), strict=True):
            part.error_messages["incomplete"] = f"The {lower} must include a {name}"
            part.validators[0].message = f"The {lower} must be a real date"

    def compress(self, data_list):
        if not data_list or all(v in self.empty_values for v in data_list):
            return None
        try:
            day, month, year = (int(v) for v in data_list)
            value = datetime.date(year, month, day)
        except (TypeError, ValueError):
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from None
        if year < 1900:
            raise forms.ValidationError(
                f"The {self.question[0].lower() + self.question[1:]} must be after 1900",
                code="invalid",
            )
        return value

    def clean(self, value):
        result = super().clean(value)
        if self.past_only and result and result > timezone.localdate():
            raise forms.ValidationError(
                f"The {self.question[0].lower() + self.question[1:]} must be in the past",
                code="future",
            )
        return result
