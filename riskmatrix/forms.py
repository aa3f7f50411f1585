"""The RM2000 form: each item shows what the record proposes and where that came from; the
officer confirms or corrects it. Checking is delegated to ``answers.answer_errors`` (shared with
the service); this form only turns text into values and places errors on fields."""

from crispy_forms_gds.layout import HTML, Div, Field, Fixed, Size
from django import forms
from django.utils.html import format_html

from arms_site.lib.forms import BoundedIntegerField, GovDateField, gds_helper

from .answers import ITEMS, answer_errors, reason_field
from .prefill import SEXUAL_AT_16, Proposal, fmt
from .scoring import MAX_AGE

YES_NO = [("yes", "Yes"), ("no", "No")]
MAX_APPEARANCES = 500  # sentencing occasions: beyond this a count is a typing error


def _bounds(item) -> tuple[int, int, str]:
    """The form's range for a number item, and the message past its top."""
    noun = item.noun.capitalize()
    if item.kind == "age":
        return 0, MAX_AGE, f"{noun} must be {MAX_AGE} or less"
    return 0, MAX_APPEARANCES, f"{noun} must be {MAX_APPEARANCES} or fewer"


def _yes_no(value: bool | None) -> str | None:
    return None if value is None else ("yes" if value else "no")


def _shown(value) -> str:
    if isinstance(value, bool):
        return "Yes" if value else "No"
    return str(value)


def _no_template(html: str) -> HTML:
    # crispy renders HTML() as a Django template: neutralise braces from recorded text.
    return HTML(str(html).replace("{", "&#123;").replace("}", "&#125;"))


class Rm2000Form(forms.Form):
    def __init__(self, *args, proposal: Proposal, offender, **kwargs):
        self.proposal = proposal
        self.offender = offender
        kwargs.setdefault("initial", self._initial(proposal))
        super().__init__(*args, **kwargs)
        layout = []
        for item in ITEMS:
            layout.append(self._add_item(item))
        if SEXUAL_AT_16 in proposal.items:
            layout.append(self._add_at_16())
        self.helper = gds_helper(*layout, submit="Calculate and save the score")

    @staticmethod
    def _initial(proposal: Proposal) -> dict:
        initial = {}
        for item in ITEMS:
            value = proposal.value(item.name)
            initial[item.name] = _yes_no(value) if item.kind == "flag" else value
        initial["commencement_date"] = proposal.value("commencement_date")
        return initial

    def _add_item(self, item) -> Div:
        proposed = self.proposal.items[item.name]
        parts = [_no_template(format_html('<h2 class="govuk-heading-m">{}</h2>', item.label))]
        if proposed.value is None:
            note = format_html('<p class="govuk-body">{}.</p>', proposed.source)
            parts.append(_no_template(note))
        else:
            shown = _shown(proposed.value)
            if item.kind == "age":
                start = self.proposal.value("commencement_date")
                shown = f"{shown} (risk commenced {fmt(start)})"
            parts.append(
                _no_template(
                    format_html(
                        '<div class="govuk-inset-text arms-proposal">'
                        "Proposed from the record: <strong>{}</strong><br>"
                        '<span class="govuk-body-s">Where it came from: {}</span></div>',
                        shown,
                        proposed.source,
                    )
                )
            )
        label = item.question
        if item.kind == "flag":
            self.fields[item.name] = forms.TypedChoiceField(
                label=label,
                choices=YES_NO,
                coerce=lambda v: v == "yes",
                widget=forms.RadioSelect,
                help_text=item.help,
                error_messages={"required": f"Answer the question: {item.question}"},
            )
            field = Field.radios(item.name, inline=True, legend_size=Size.SMALL)
        else:
            low, high, too_high = _bounds(item)
            self.fields[item.name] = BoundedIntegerField(
                label=label,
                min_value=low,
                max_value=high,
                help_text=item.help,
                widget=forms.TextInput(attrs={"inputmode": "numeric", "spellcheck": "false"}),
                error_messages={
                    "required": f"Enter {item.noun}",
                    "invalid": f"Enter {item.noun} as a whole number",
                    # the same words as answers.answer_errors, which checks it again
                    "min_value": f"{item.noun.capitalize()} cannot be negative",
                    "max_value": too_high,
                },
            )
            field = Field.text(item.name, field_width=Fixed.FIVE)
        if item.kind == "age":
            self.fields["commencement_date"] = GovDateField(label="Date risk commenced")
            parts.append(Field("commencement_date"))
        parts.append(field)
        if proposed.value is not None:
            self.fields[reason_field(item.name)] = forms.CharField(
                label=f"Reason for changing {item.noun}",
                required=False,
                max_length=500,
                widget=forms.Textarea(attrs={"rows": 2}),
                help_text="Only needed if you change the proposed value.",
            )
            parts.append(Field.textarea(reason_field(item.name), rows=2))
        return Div(*parts, css_class="arms-rm2000-item govuk-!-margin-bottom-8")

    def _add_at_16(self) -> Div:
        """RM2000 needs a sexual offence at 16 or over: shown from the record, or confirmed."""
        proposed = self.proposal.items[SEXUAL_AT_16]
        parts = [
            _no_template(
                format_html(
                    '<h2 class="govuk-heading-m">A sexual offence at 16 or over</h2>'
                    '<div class="govuk-inset-text arms-proposal">From the record: {}.</div>',
                    proposed.source,
                )
            )
        ]
        if proposed.value is None:
            self.fields[SEXUAL_AT_16] = forms.BooleanField(
                label="I have checked the case file: at least one sexual offence was committed "
                "at 16 or over",
                required=False,
                help_text="RM2000 does not apply to someone whose sexual offences were all "
                "committed before the age of 16.",
            )
            parts.append(Field.checkbox(SEXUAL_AT_16))
        return Div(*parts, css_class="arms-rm2000-item govuk-!-margin-bottom-8")

    def answers(self) -> dict:
        data = self.cleaned_data
        names = [i.name for i in ITEMS] + ["commencement_date", SEXUAL_AT_16]
        return {name: data.get(name) for name in names}

    def reasons(self) -> dict:
        return {
            item.name: self.cleaned_data.get(reason_field(item.name), "")
            for item in ITEMS
            if reason_field(item.name) in self.fields
        }

    def clean(self):
        data = super().clean()
        errors = answer_errors(
            proposal=self.proposal,
            answers=self.answers(),
            reasons=self.reasons(),
            date_of_birth=self.offender.date_of_birth,
        )
        # Every error at once: a field that could not be read keeps its own message only.
        for field, message in errors.items():
            if field not in self.errors:
                self.add_error(None if field == "__all__" else field, message)
        return data
