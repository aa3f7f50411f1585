"""Court appearance and offence forms (the facts Risk Matrix 2000 and OSP are scored from)."""

from crispy_forms_gds.layout import Field, Fieldset, Size
from django import forms

from arms_site.lib.forms import GovDateField, gds_helper

from ..models import OffenceKind, SexualOffenceType


def _offence_fields() -> dict:
    """The fields of one offence, shared by both forms (fresh instances each time)."""
    return {
        "description": forms.CharField(
            label="Offence", max_length=200, error_messages={"required": "Enter the offence"}
        ),
        "kind": forms.ChoiceField(
            label="Kind of offence",
            choices=OffenceKind.choices,
            widget=forms.RadioSelect,
            error_messages={"required": "Select the kind of offence"},
        ),
        "sexual_type": forms.ChoiceField(
            label="Type of sexual offence",
            choices=SexualOffenceType.choices,
            widget=forms.RadioSelect,
            required=False,
            help_text="For a sexual offence only: OSP counts each type. "
            "Risk Matrix 2000 counts the non-contact ones.",
            error_messages={"invalid_choice": "Select the type of sexual offence from the list"},
        ),
        "offence_date": GovDateField(
            label="Date of the offence (if known)", required=False, past_only=True
        ),
        "victim_male": forms.BooleanField(label="A victim was male", required=False),
        "victim_stranger": forms.BooleanField(label="A victim was a stranger", required=False),
    }


OFFENCE_LAYOUT = (
    lambda: Field.text("description"),
    lambda: Field.radios("kind"),
    lambda: Field.radios("sexual_type", legend_size=Size.SMALL),
    lambda: Field("offence_date"),
    lambda: Field.checkbox("victim_male"),
    lambda: Field.checkbox("victim_stranger"),
)


def clean_offence(form, data, *, sentencing_date, date_of_birth):
    """Checks across an offence's fields; adds the field errors to ``form``."""
    kind, sexual_type = data.get("kind"), data.get("sexual_type")
    if kind == OffenceKind.SEXUAL and not sexual_type:
        form.add_error("sexual_type", "Select the type of sexual offence")
    elif kind and kind != OffenceKind.SEXUAL and sexual_type:
        form.add_error(
            "sexual_type",
            "Leave the type of sexual offence empty for an offence that is not sexual",
        )
    offence_date = data.get("offence_date")
    if offence_date and date_of_birth and offence_date < date_of_birth:
        form.add_error("offence_date", "The date of the offence must be after the date of birth")
    elif offence_date and sentencing_date and offence_date > sentencing_date:
        form.add_error(
            "offence_date", "The date of the offence must be on or before the sentencing date"
        )


class CourtAppearanceForm(forms.Form):
    """A sentencing occasion with its first offence; more offences can be added afterwards."""

    sentencing_date = GovDateField(label="Sentencing date", past_only=True)
    court = forms.CharField(max_length=150, error_messages={"required": "Enter the court"})
    disposal = forms.CharField(
        max_length=200,
        error_messages={"required": "Enter the disposal"},
        help_text="For example 4 years' imprisonment, or community order",
    )
    custodial = forms.BooleanField(label="The sentence was custodial", required=False)

    OFFENCE_FIELDS = [
        "description",
        "kind",
        "sexual_type",
        "offence_date",
        "victim_male",
        "victim_stranger",
    ]

    def __init__(self, *args, offender=None, **kwargs):
        self.offender = offender
        super().__init__(*args, **kwargs)
        self.fields.update(_offence_fields())
        self.helper = gds_helper(
            Fieldset(
                Field("sentencing_date"),
                Field.text("court"),
                Field.text("disposal"),
                Field.checkbox("custodial"),
                legend="Sentencing occasion",
                legend_size=Size.MEDIUM,
            ),
            Fieldset(
                *(field() for field in OFFENCE_LAYOUT),
                legend="Offence",
                legend_size=Size.MEDIUM,
            ),
            submit="Add court appearance",
        )

    def clean_sentencing_date(self):
        value = self.cleaned_data["sentencing_date"]
        if self.offender and value and value < self.offender.date_of_birth:
            raise forms.ValidationError("The sentencing date must be after the date of birth")
        return value

    def clean(self):
        data = super().clean()
        clean_offence(
            self,
            data,
            sentencing_date=data.get("sentencing_date"),
            date_of_birth=self.offender.date_of_birth if self.offender else None,
        )
        return data


class OffenceForm(forms.Form):
    def __init__(self, *args, appearance=None, **kwargs):
        self.appearance = appearance
        super().__init__(*args, **kwargs)
        self.fields.update(_offence_fields())
        self.helper = gds_helper(*(field() for field in OFFENCE_LAYOUT), submit="Add offence")

    def clean(self):
        data = super().clean()
        appearance = self.appearance
        clean_offence(
            self,
            data,
            sentencing_date=appearance.sentencing_date if appearance else None,
            date_of_birth=appearance.offender.date_of_birth if appearance else None,
        )
        return data
