"""Formulation, plan action and meeting forms: validate and present; services do the writes."""

from crispy_forms_gds.layout import Field, Fluid, Size
from django import forms

from arms_site.lib.forms import (
    BoundedModelMultipleChoiceField,
    GovDateField,
    VersionField,
    gds_helper,
    show_hidden_errors,
)
from offenders.models import MappaLevel

from .models import ActionStatus, PlanHeading


class FormulationForm(forms.Form):
    version = VersionField()
    offending_history = forms.CharField(
        label="Offending history summary",
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages={"required": "Enter the offending history summary"},
        help_text="Started from the court appearances. Describe the pattern of the offending.",
    )
    risk_drivers = forms.CharField(
        label="What drives the risk",
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="Which risk factors are active, and how they link to the offending.",
    )
    risk_raisers = forms.CharField(
        label="What would raise the risk",
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="Changes or events that would make offending more likely.",
    )
    risk_reducers = forms.CharField(
        label="What would lower the risk",
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="Protective factors to build on and what would strengthen them.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(
            "version",
            Field.textarea("offending_history"),
            Field.textarea("risk_drivers"),
            Field.textarea("risk_raisers"),
            Field.textarea("risk_reducers"),
            submit="Save the formulation",
        )

    def clean(self):
        data = super().clean()
        show_hidden_errors(self)
        return data


class FactorChoiceField(BoundedModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.name} ({obj.get_kind_display().lower()})"


class PlanActionForm(forms.Form):
    heading = forms.ChoiceField(
        label="Plan heading",
        choices=PlanHeading.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the plan heading"},
    )
    description = forms.CharField(
        label="Action",
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Enter what will be done"},
    )
    owner = forms.CharField(
        label="Owner",
        max_length=150,
        help_text="The person or agency responsible, for example 'PC Smith' or 'Probation'",
        error_messages={"required": "Enter who owns the action"},
    )
    due_date = GovDateField(label="Due date", required=True)
    status = forms.ChoiceField(
        label="Status",
        choices=ActionStatus.choices,
        initial=ActionStatus.OPEN,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the status"},
    )
    factors = FactorChoiceField(
        label="Factors addressed",
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Select every factor this action works on.",
        error_messages={"invalid_choice": "Select the factors addressed from the list"},
    )

    def __init__(self, *args, framework, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["factors"].queryset = framework.factors.all()
        self.helper = gds_helper(
            Field.radios("heading", legend_size=Size.MEDIUM),
            Field.textarea("description"),
            Field.text("owner", field_width=Fluid.TWO_THIRDS),
            "due_date",
            Field.radios("status", legend_size=Size.SMALL, inline=True),
            Field.checkboxes("factors", legend_size=Size.SMALL, small=True),
            submit="Save the action",
        )


class OffenderChoiceField(BoundedModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.full_name} ({obj.local_reference})"


class MeetingForm(forms.Form):
    date = GovDateField(label="Meeting date")
    mappa_level = forms.TypedChoiceField(
        label="MAPPA level",
        choices=MappaLevel.choices,
        coerce=int,  # after the text is checked against the choices
        widget=forms.RadioSelect,
        error_messages={
            "required": "Select the MAPPA level",
            "invalid_choice": "Select the MAPPA level from the list",
        },
    )
    agencies = forms.CharField(
        label="Attendees' agencies",
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="One agency per line. The pack's disclosure record names them.",
        error_messages={"required": "Enter the agencies attending"},
    )
    offenders = OffenderChoiceField(
        label="Offenders on the agenda",
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="You can change the agenda and its order later.",
        error_messages={"invalid_choice": "Select the offenders on the agenda from the list"},
    )

    def __init__(self, *args, offenders, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["offenders"].queryset = offenders
        self.helper = gds_helper(
            "date",
            Field.radios("mappa_level", legend_size=Size.SMALL),
            Field.textarea("agencies"),
            Field.checkboxes("offenders", legend_size=Size.SMALL, small=True),
            submit="Create the meeting",
        )

    def clean_agencies(self):
        agencies = [a.strip() for a in self.cleaned_data["agencies"].splitlines() if a.strip()]
        if not agencies:
            raise forms.ValidationError("Enter the agencies attending")
        return "\n".join(agencies)


class AgendaForm(forms.Form):
    """The agenda as an ordered list of references, one per line: simple, and works without JS."""

    references = forms.CharField(
        label="Agenda, in order",
        widget=forms.Textarea(attrs={"rows": 10}),
        required=False,
        help_text="One offender reference per line, for example DEMO-001. The order here is the order of the pack.",
    )

    def __init__(self, *args, offenders, **kwargs):
        super().__init__(*args, **kwargs)
        self.offenders = offenders
        self.helper = gds_helper(Field.textarea("references"), submit="Save the agenda")

    def clean_references(self):
        refs = [r.strip() for r in self.cleaned_data["references"].splitlines() if r.strip()]
        found = {o.local_reference: o for o in self.offenders.filter(local_reference__in=refs)}
        unknown = [r for r in refs if r not in found]
        if unknown:
            raise forms.ValidationError(
                "Enter references of offenders on your caseload: "
                + ", ".join(unknown)
                + " not found"
            )
        if len(set(refs)) != len(refs):
            raise forms.ValidationError("Enter each reference only once")
        return [found[r] for r in refs]
