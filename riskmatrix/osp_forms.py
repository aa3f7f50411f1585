"""The OSP form: each input shows what the record proposes and where that came from; the officer
confirms or corrects it. Checking is delegated to ``osp_answers.osp_answer_errors`` (shared with
the service), as the RM2000 form does."""

import datetime

from crispy_forms_gds.layout import Div, Field, Fixed, Size
from django import forms
from django.utils.html import format_html

from arms_site.lib.forms import BoundedIntegerField, GovDateField, gds_helper

from .forms import YES_NO, _no_template
from .osp_answers import MAX_COUNT, OSP_ITEMS, osp_answer_errors, reason_field
from .prefill import Proposal, fmt

SEXES = [("male", "Male"), ("female", "Female")]
TRISTATE = [("yes", "Yes"), ("no", "No"), ("unknown", "Not known")]


def shown(value) -> str:
    """An answer as a person reads it."""
    if value is None:
        return "Not known"
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, datetime.date):
        return fmt(value)
    if value in ("male", "female"):
        return value.capitalize()
    return str(value)


def _as_choice(item, value):
    if item.kind == "flag":
        return "yes" if value else "no"
    if item.kind == "tristate":
        return {True: "yes", False: "no", None: "unknown"}[value]
    return value


def _field(item) -> tuple[forms.Field, object]:
    if item.kind in ("sex", "flag", "tristate"):
        choices = {"sex": SEXES, "flag": YES_NO, "tristate": TRISTATE}[item.kind]
        coerce = {
            "sex": str,
            "flag": lambda v: v == "yes",
            "tristate": lambda v: {"yes": True, "no": False}.get(v),
        }[item.kind]
        field = forms.TypedChoiceField(
            label=item.question,
            choices=choices,
            coerce=coerce,
            empty_value="",
            widget=forms.RadioSelect,
            help_text=item.help,
            error_messages={
                "required": f"Answer the question: {item.question}",
                "invalid_choice": f"Answer the question: {item.question}",
            },
        )
        return field, Field.radios(item.name, inline=True, legend_size=Size.SMALL)
    if item.kind in ("date", "optional_date"):
        field = GovDateField(label=item.question, required=item.kind == "date", help_text=item.help)
        return field, Field(item.name)
    low = 1 if item.kind == "total" else 0
    field = BoundedIntegerField(
        label=item.question,
        min_value=low,
        max_value=MAX_COUNT,
        help_text=item.help,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "spellcheck": "false"}),
        error_messages={
            "required": f"Enter {item.noun}",
            "invalid": f"Enter {item.noun} as a whole number",
            "min_value": f"{item.noun.capitalize()} must be between {low} and {MAX_COUNT}",
            "max_value": f"{item.noun.capitalize()} must be between {low} and {MAX_COUNT}",
        },
    )
    return field, Field.text(item.name, field_width=Fixed.FIVE)


class OspForm(forms.Form):
    def __init__(self, *args, proposal: Proposal, offender, **kwargs):
        self.proposal = proposal
        self.offender = offender
        kwargs.setdefault(
            "initial",
            {item.name: _as_choice(item, proposal.value(item.name)) for item in OSP_ITEMS},
        )
        super().__init__(*args, **kwargs)
        layout = [self._add_item(item) for item in OSP_ITEMS]
        self.helper = gds_helper(*layout, submit="Calculate and save the OSP scores")

    def _add_item(self, item) -> Div:
        proposed = self.proposal.items[item.name]
        parts = [
            _no_template(format_html('<h2 class="govuk-heading-m">{}</h2>', item.label)),
            _no_template(
                format_html(
                    '<div class="govuk-inset-text arms-proposal">'
                    "Proposed from the record: <strong>{}</strong><br>"
                    '<span class="govuk-body-s">Where it came from: {}</span></div>',
                    shown(proposed.value),
                    proposed.source,
                )
            ),
        ]
        self.fields[item.name], layout = _field(item)
        parts.append(layout)
        self.fields[reason_field(item.name)] = forms.CharField(
            label=f"Reason for changing {item.noun}",
            required=False,
            max_length=500,
            widget=forms.Textarea(attrs={"rows": 2}),
            help_text="Only needed if you change the proposed value.",
        )
        parts.append(Field.textarea(reason_field(item.name), rows=2))
        return Div(*parts, css_class="arms-osp-item govuk-!-margin-bottom-8")

    def answers(self) -> dict:
        return {item.name: self.cleaned_data.get(item.name) for item in OSP_ITEMS}

    def reasons(self) -> dict:
        return {item.name: self.cleaned_data.get(reason_field(item.name), "") for item in OSP_ITEMS}

    def clean(self):
        data = super().clean()
        if self.errors:  # a value could not be read: show that first
            return data
        errors = osp_answer_errors(
            proposal=self.proposal,
            answers=self.answers(),
            reasons=self.reasons(),
            date_of_birth=self.offender.date_of_birth,
        )
        for field, message in errors.items():
            self.add_error(None if field == "__all__" else field, message)
        return data
