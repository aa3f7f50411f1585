"""Engagement forms: validate and present. Writes go through engagements.services."""

import datetime

from crispy_forms_gds.layout import Field, Fieldset, Fixed, Fluid, Size
from django import forms
from django.utils import timezone

from arms_site.lib.forms import BoundedIntegerField, GovDateField, gds_helper
from assessments.combiner import Level

from .models import ChangeKind, LevelChoice, VisitKind, VisitOutcome
from .services.frequency import MAX_MONTHS, MIN_MONTHS
from .services.policies import STATIC_TOOL_CHOICES, TABLES, field_name


class TimeOfDayField(forms.TimeField):
    def __init__(self, *, label, **kwargs):
        super().__init__(
            label=label,
            input_formats=["%H:%M", "%H.%M", "%H%M"],
            # drawn as it is read back: a time from a record ("19:30:00") was refused unchanged
            widget=forms.TimeInput(format="%H:%M"),
            help_text="Use the 24-hour clock, for example 19:30",
            error_messages={
                "required": f"Enter the {label.lower()}",
                "invalid": f"Enter the {label.lower()} as hours and minutes, like 19:30",
            },
            **kwargs,
        )


def _aware(day: datetime.date, time: datetime.time) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, time))


class VisitRecordForm(forms.Form):
    visit_date = GovDateField(label="Date of the visit", past_only=True)
    visit_time = TimeOfDayField(label="Time of the visit")
    kind = forms.ChoiceField(
        label="Where was the visit",
        choices=VisitKind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select where the visit took place"},
    )
    announced = forms.BooleanField(label="The visit was announced in advance", required=False)
    attended_by = forms.CharField(label="Who attended (optional)", max_length=200, required=False)
    outcome = forms.ChoiceField(
        choices=VisitOutcome.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the outcome of the visit"},
    )
    notes = forms.CharField(label="Notes (optional)", widget=forms.Textarea, required=False)
    concerns_raised = forms.BooleanField(label="Concerns were raised", required=False)
    concerns = forms.CharField(
        label="Concerns (if any)", widget=forms.Textarea(attrs={"rows": 3}), required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(
            Field("visit_date"),
            Field.text("visit_time", field_width=Fixed.FIVE),
            Field.radios("kind", inline=True),
            Field.checkbox("announced"),
            Field.text("attended_by"),
            Field.radios("outcome"),
            Field.textarea("notes", rows=4),
            Field.checkbox("concerns_raised"),
            Field.textarea("concerns", rows=3),
            submit="Record the visit",
        )

    def clean(self):
        data = super().clean()
        if data.get("visit_date") and data.get("visit_time"):
            data["completed_at"] = _aware(data["visit_date"], data["visit_time"])
        if data.get("concerns_raised") and not data.get("concerns", "").strip():
            self.add_error("concerns", "Enter the concerns raised")
        return data


class VisitPlanForm(forms.Form):
    visit_date = GovDateField(label="Date of the visit")
    visit_time = TimeOfDayField(label="Time of the visit")
    kind = forms.ChoiceField(
        label="Where will the visit be",
        choices=VisitKind.choices,
        widget=forms.RadioSelect,
        initial=VisitKind.HOME_VISIT,
        error_messages={"required": "Select where the visit will take place"},
    )
    announced = forms.BooleanField(label="The offender will be told in advance", required=False)
    attended_by = forms.CharField(
        label="Who will attend (optional)", max_length=200, required=False
    )
    notes = forms.CharField(label="Notes (optional)", widget=forms.Textarea, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(
            Field("visit_date"),
            Field.text("visit_time", field_width=Fixed.FIVE),
            Field.radios("kind", inline=True),
            Field.checkbox("announced"),
            Field.text("attended_by"),
            Field.textarea("notes", rows=3),
            submit="Plan the visit",
        )

    def clean(self):
        data = super().clean()
        if data.get("visit_date") and data.get("visit_time"):
            data["planned_for"] = _aware(data["visit_date"], data["visit_time"])
        return data


class ChangeForm(forms.Form):
    kind = forms.ChoiceField(
        label="What changed",
        # the register's compliance changes are recorded by register.services, not typed here
        choices=[c for c in ChangeKind.choices if c[0] != ChangeKind.REGISTER_COMPLIANCE],
        widget=forms.RadioSelect,
        error_messages={"required": "Select what changed"},
    )
    occurred_on = GovDateField(label="Date of the change", past_only=True)
    details = forms.CharField(
        widget=forms.Textarea, error_messages={"required": "Enter the details of the change"}
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(
            Field.radios("kind"),
            Field("occurred_on"),
            Field.textarea("details", rows=5),
            submit="Record the change",
        )


class OverrideRequestForm(forms.Form):
    level = forms.ChoiceField(
        label="Move the level to",
        widget=forms.RadioSelect,
        error_messages={"required": "Select the level you propose"},
    )
    rationale = forms.CharField(
        label="Why the level should change",
        widget=forms.Textarea,
        error_messages={"required": "Enter the reason for changing the level"},
    )

    def __init__(self, *args, derived_level: str, **kwargs):
        super().__init__(*args, **kwargs)
        rank = Level(derived_level).rank
        labels = dict(LevelChoice.choices)
        self.fields["level"].choices = [
            (level.value, labels[level.value]) for level in Level if abs(level.rank - rank) == 1
        ]
        self.helper = gds_helper(
            Field.radios("level"),
            Field.textarea("rationale", rows=5),
            submit="Send to a supervisor",
        )


class DecideForm(forms.Form):
    approve = forms.TypedChoiceField(
        label="Your decision",
        choices=[("yes", "Approve"), ("no", "Refuse")],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        error_messages={"required": "Select approve or refuse"},
    )
    comment = forms.CharField(
        label="Comment (required to refuse)", widget=forms.Textarea, required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(
            Field.radios("approve", inline=True),
            Field.textarea("comment", rows=4),
            submit="Save decision",
        )

    def clean(self):
        data = super().clean()
        if data.get("approve") is False and not data.get("comment", "").strip():
            self.add_error("comment", "Enter the reason for refusing")
        return data


class ReactiveProposeForm(forms.Form):
    no_civil_order = forms.BooleanField(
        label="I have checked: no civil order (such as a sexual harm prevention order) is in force",
        required=False,
    )
    rationale = forms.CharField(
        label="Why reactive management is appropriate",
        widget=forms.Textarea,
        error_messages={"required": "Enter why reactive management is appropriate"},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(
            Field.checkbox("no_civil_order"),
            Field.textarea("rationale", rows=5),
            submit="Send to a supervisor",
        )


class PolicyForm(forms.Form):
    """One field per policy cell; the service validates the whole (and the pure core last)."""

    def __init__(self, *args, current: dict, **kwargs):
        super().__init__(*args, **kwargs)
        fieldsets = []
        level_choices = [(level.value, level.label) for level in Level]
        for table, (enum_cls, template) in TABLES.items():
            names = []
            for member in enum_cls:
                name = field_name(table, member.value)
                label = template.format(member.value.replace("_", " "))
                phrase = label if label[:2].isupper() else label[0].lower() + label[1:]
                if table == "no_rm2000_level":
                    field = forms.ChoiceField(label=label, choices=level_choices)
                else:
                    field = _policy_number(table, label, phrase)
                field.initial = current[table][member.value]
                self.fields[name] = field
                names.append(
                    Field.select(name)
                    if table == "no_rm2000_level"
                    else Field.text(name, field_width=Fixed.TWO)
                )
            fieldsets.append(Fieldset(*names, legend=LEGENDS[table], legend_size=Size.MEDIUM))
        self.fields["static_tool"] = forms.ChoiceField(
            label="Which static tool sets the starting category?",
            choices=STATIC_TOOL_CHOICES,
            widget=forms.RadioSelect,
            initial=current.get("static_tool", "rm2000"),
            help_text="New level decisions start from this tool's result; past decisions keep "
            "the tool they used.",
            error_messages={
                "required": "Select the static tool that sets the starting category",
                "invalid_choice": "Select the static tool that sets the starting category",
            },
        )
        self.fields["note"] = forms.CharField(
            label="Why the policy is changing",
            widget=forms.Textarea,
            error_messages={"required": "Enter why the policy is changing"},
        )
        self.helper = gds_helper(
            Field.radios("static_tool", legend_size=Size.MEDIUM),
            *fieldsets,
            Field.textarea("note", rows=3),
            submit="Preview the change",
        )

    def policy_data(self) -> dict:
        return {
            table: {
                member.value: self.cleaned_data.get(field_name(table, member.value))
                for member in enum_cls
            }
            for table, (enum_cls, _template) in TABLES.items()
        } | {"static_tool": self.cleaned_data.get("static_tool")}


# The form's ranges; below them the words are the service's own (``policies._cell_error``).
MAX_ADJUSTMENT = 2
MAX_INTERVAL_MONTHS = 60


def _policy_number(table: str, label: str, phrase: str) -> BoundedIntegerField:
    messages = {
        "required": f"Enter the {phrase}",
        "invalid": f"The {phrase} must be a whole number",
    }
    if table == "priority_adjustment":
        low, high = -MAX_ADJUSTMENT, MAX_ADJUSTMENT
        messages["min_value"] = messages["max_value"] = (
            f"The {phrase} must be between {low} and {high} levels"
        )
        hint = f"From {low} to {high} levels: 1 raises one level, -1 lowers one, 0 leaves it"
    else:
        low, high = 1, MAX_INTERVAL_MONTHS
        messages["min_value"] = f"The {phrase} must be at least 1 month"
        messages["max_value"] = f"The {phrase} must be {high} months or fewer"
        hint = f"From 1 to {high} months"
    return BoundedIntegerField(
        label=label, min_value=low, max_value=high, error_messages=messages, help_text=hint
    )


LEGENDS = {
    "priority_adjustment": "Levels the ARMS priority moves the RM2000/S category (-1 lowers)",
    "no_rm2000_level": "Level when there is no applicable RM2000/S",
    "visit_interval_months": "Home visit at least every (months)",
    "reassessment_interval_months": "ARMS reassessment at least every (months)",
}


# --- the officer's own home-visit interval ---------------------------------------------

RANGE = f"Enter a number of months between {MIN_MONTHS} and {MAX_MONTHS}"


class VisitFrequencyForm(forms.Form):
    interval_months = BoundedIntegerField(
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
        self.helper = gds_helper(
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
        self.helper = gds_helper(
            Field.textarea("rationale", rows=4),
            submit="Return to the policy default",
        )
