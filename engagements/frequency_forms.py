"""Forms for the officer's own home-visit interval. Writes go through engagements.services."""

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Field, Fluid, Layout, Submit
from django import forms

from .services.frequency import MAX_MONTHS, MIN_MONTHS


def _helper(*fields, submit: str) -> FormHelper:
    helper = FormHelper()
    helper.form_tag = False  # form_page.html owns the <form>
    helper.layout = Layout(*fields, Submit("submit", submit))
    return helper


RANGE = f"Enter a number of months between {MIN_MONTHS} and {MAX_MONTHS}"


class VisitFrequencyForm(forms.Form):
    interval_months = forms.IntegerField(
        label="Visit at least every (months)",
        help_text=f"A whole number of months, from {MIN_MONTHS} to {MAX_MONTHS}",
        min_value=MIN_MONTHS,
        max_value=MAX_MONTHS,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "spellcheck": "false"}),
        error_messages={
            "required": "Enter how many months there should be between home visits",
            "invalid": "Enter the number of months as a whole number, like 2",
            "min_value": RANGE,
            "max_value": RANGE,
        },
    )
    rationale = forms.CharField(
        label="Why this interval suits this offender",
        help_text="It is kept with the timetable and shown wherever the interval is shown",
        widget=forms.Textarea,
        error_messages={"required": "Enter why this visit interval suits this offender"},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper(
            Field.text("interval_months", field_width=Fluid.ONE_QUARTER),
            Field.textarea("rationale", rows=5),
            submit="Save the interval",
        )


class VisitFrequencyClearForm(forms.Form):
    rationale = forms.CharField(
        label="Why visits return to the policy default",
        widget=forms.Textarea,
        error_messages={"required": "Enter why visits return to the policy default"},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper(
            Field.textarea("rationale", rows=4),
            submit="Return to the policy default",
        )
