"""Shared form pieces: GOV.UK date inputs with clear, field-specific messages."""

import datetime

from crispy_forms_gds.fields import DateInputField
from django import forms


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
        if self.past_only and result and result > datetime.date.today():
            raise forms.ValidationError(
                f"The {self.question[0].lower() + self.question[1:]} must be in the past",
                code="future",
            )
        return result
