"""Offender forms: validate and present, nothing more. Writes go through offenders.services."""

from crispy_forms_gds.layout import Field, Fieldset, Fluid, Size
from django import forms
from django.utils import timezone

from accounts.models import Role, Team, User
from arms_site.lib.dates import years_before
from arms_site.lib.forms import BoundedModelChoiceField, GovDateField, gds_helper

from ..models import (
    MappaCategory,
    MappaLevel,
    NotificationPeriod,
    Offender,
    RelationshipKind,
    Sex,
    Status,
)
from ..pnc import InvalidPNC, normalise_pnc
from .court import CourtAppearanceForm, OffenceForm, clean_offence

__all__ = [
    "AddressForm",
    "AliasForm",
    "CourtAppearanceForm",
    "OffenceForm",
    "OffenderForm",
    "RelationshipForm",
    "SearchForm",
    "clean_offence",
]


class OffenderForm(forms.Form):
    surname = forms.CharField(
        max_length=100, error_messages={"required": "Enter the surname"}, label="Surname"
    )
    forenames = forms.CharField(
        max_length=150, error_messages={"required": "Enter the forenames"}, label="Forenames"
    )
    date_of_birth = GovDateField(label="Date of birth", past_only=True)
    sex = forms.ChoiceField(
        choices=Sex.choices, widget=forms.RadioSelect, error_messages={"required": "Select the sex"}
    )
    pnc_id = forms.CharField(
        label="PNC ID",
        required=False,
        max_length=13,
        help_text="For example 2001/0123456F",
    )
    local_reference = forms.CharField(
        label="Local or ViSOR reference",
        max_length=30,
        error_messages={"required": "Enter the local or ViSOR reference"},
    )
    status = forms.ChoiceField(choices=Status.choices, initial=Status.ACTIVE)
    # Typed choices: the text is checked against the choices before ``int`` sees it.
    mappa_category = forms.TypedChoiceField(
        label="MAPPA category",
        choices=MappaCategory.choices,
        coerce=int,
        initial=1,
        error_messages={"invalid_choice": "Select the MAPPA category from the list"},
    )
    mappa_level = forms.TypedChoiceField(
        label="MAPPA level",
        choices=MappaLevel.choices,
        coerce=int,
        initial=1,
        error_messages={"invalid_choice": "Select the MAPPA level from the list"},
    )
    registration_start = GovDateField(label="Registration start date", past_only=True)
    notification_period = forms.ChoiceField(
        choices=[("", "Choose a period")] + NotificationPeriod.choices,
        error_messages={"required": "Select the notification period"},
    )
    last_release_date = GovDateField(
        label="Last release from custody", required=False, past_only=True
    )
    community_sentence_start = GovDateField(
        label="Start of the current community sentence",
        required=False,
        past_only=True,
        help_text="If serving one: with the last release, this gives OSP's start of follow-up.",
    )
    team = BoundedModelChoiceField(
        queryset=Team.objects.none(),
        error_messages={
            "required": "Select the team",
            "invalid_choice": "Select the team from the list",
        },
    )
    responsible_officer = BoundedModelChoiceField(
        queryset=User.objects.none(),
        required=False,
        label="Responsible officer",
        error_messages={"invalid_choice": "Select the responsible officer from the list"},
    )

    def __init__(self, *args, user, instance: Offender | None = None, **kwargs):
        self.instance = instance
        if instance is not None and "initial" not in kwargs:
            kwargs["initial"] = {
                name: getattr(instance, name)
                for name in self.base_fields
                if name not in {"team", "responsible_officer"}
            } | {"team": instance.team_id, "responsible_officer": instance.responsible_officer_id}
        super().__init__(*args, **kwargs)
        teams = Team.objects.filter(force_id=user.force_id)
        if user.role != Role.FORCE_ADMIN:
            teams = teams.filter(members=user)
        self.fields["team"].queryset = teams
        self.fields["responsible_officer"].queryset = User.objects.filter(
            force_id=user.force_id, role__in=[Role.OFFICER, Role.SUPERVISOR], is_active=True
        ).order_by("last_name")
        if instance is None and user.is_officer:
            self.initial.setdefault("responsible_officer", user.pk)
            if teams.count() == 1:
                self.initial.setdefault("team", teams.first().pk)
        self.helper = gds_helper(
            Fieldset(
                Field.text("surname", field_width=Fluid.ONE_HALF),
                Field.text("forenames", field_width=Fluid.ONE_HALF),
                Field("date_of_birth"),
                Field.radios("sex", inline=True),
                legend="Identity",
                legend_size=Size.MEDIUM,
            ),
            Fieldset(
                Field.text("pnc_id", field_width=Fluid.ONE_QUARTER),
                Field.text("local_reference", field_width=Fluid.ONE_QUARTER),
                legend="References",
                legend_size=Size.MEDIUM,
            ),
            Fieldset(
                Field.select("status"),
                Field.select("mappa_category"),
                Field.select("mappa_level"),
                Field("registration_start"),
                Field.select("notification_period"),
                Field("last_release_date"),
                Field("community_sentence_start"),
                Field.select("team"),
                Field.select("responsible_officer"),
                legend="Registration and management",
                legend_size=Size.MEDIUM,
            ),
            submit="Save record",
        )

    def clean_pnc_id(self):
        value = self.cleaned_data["pnc_id"].strip()
        if not value:
            return ""
        try:
            value = normalise_pnc(value)
        except InvalidPNC as error:
            raise forms.ValidationError(str(error)) from None
        clash = Offender.objects.filter(pnc_id=value)
        if self.instance is not None:
            clash = clash.exclude(pk=self.instance.pk)
        if clash.exists():
            raise forms.ValidationError("Another record already has this PNC ID")
        return value

    def clean_local_reference(self):
        value = self.cleaned_data["local_reference"].strip().upper()
        clash = Offender.objects.filter(local_reference=value)
        if self.instance is not None:
            clash = clash.exclude(pk=self.instance.pk)
        if clash.exists():
            raise forms.ValidationError("Another record already has this reference")
        return value

    def clean(self):
        data = super().clean()
        dob = data.get("date_of_birth")
        for name in ("registration_start", "last_release_date", "community_sentence_start"):
            value = data.get(name)
            if dob and value and value < dob:
                self.add_error(
                    name, f"The {self.fields[name].label.lower()} must be after the date of birth"
                )
        if dob and dob > years_before(timezone.localdate(), 10):
            self.add_error("date_of_birth", "The date of birth must be at least 10 years ago")
        return data


class AliasForm(forms.Form):
    surname = forms.CharField(max_length=100, error_messages={"required": "Enter the surname"})
    forenames = forms.CharField(max_length=150, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(
            Field.text("surname", field_width=Fluid.ONE_HALF),
            Field.text("forenames", field_width=Fluid.ONE_HALF),
            submit="Add alias",
        )


class AddressForm(forms.Form):
    line_1 = forms.CharField(
        label="Address line 1", max_length=150, error_messages={"required": "Enter address line 1"}
    )
    line_2 = forms.CharField(label="Address line 2 (optional)", max_length=150, required=False)
    town = forms.CharField(
        label="Town or city", max_length=100, error_messages={"required": "Enter the town or city"}
    )
    postcode = forms.RegexField(
        regex=r"^[A-Za-z]{1,2}\d[A-Za-z\d]?\s*\d[A-Za-z]{2}$",
        max_length=10,
        error_messages={
            "required": "Enter the postcode",
            "invalid": "Enter a real postcode, like AA1 1AA",
        },
    )
    start_date = GovDateField(label="Date they started living here")
    end_date = GovDateField(label="Date they stopped living here", required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(
            Field.text("line_1"),
            Field.text("line_2"),
            Field.text("town", field_width=Fluid.TWO_THIRDS),
            Field.text("postcode", field_width=Fluid.ONE_QUARTER),
            Field("start_date"),
            Field("end_date"),
            submit="Add address",
        )

    def clean_postcode(self):
        value = self.cleaned_data["postcode"].upper().replace(" ", "")
        return f"{value[:-3]} {value[-3:]}"

    def clean(self):
        data = super().clean()
        start, end = data.get("start_date"), data.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", "The date they stopped living here must be after the start")
        return data


class SearchForm(forms.Form):
    q = forms.CharField(label="Name, PNC ID or reference", required=False, max_length=100)


class RelationshipForm(forms.Form):
    kind = forms.ChoiceField(
        label="What kind of relationship",
        choices=RelationshipKind.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Select the kind of relationship",
            "invalid_choice": "Select the kind of relationship from the list",
        },
    )
    start_date = GovDateField(label="Date it started", past_only=True)
    end_date = GovDateField(
        label="Date it ended (if it has)",
        required=False,
        past_only=True,
        help_text="Leave blank if it continues.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(
            Field.radios("kind", legend_size=Size.SMALL),
            Field("start_date"),
            Field("end_date"),
            submit="Add relationship",
        )

    def clean(self):
        data = super().clean()
        start, end = data.get("start_date"), data.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", "The date it ended must be on or after the date it started")
        return data
