"""ARMS forms: validate and present, nothing more. Writes go through assessments.services."""

from crispy_forms_gds.layout import Field, Size
from django import forms

from arms_site.lib.forms import VersionField, gds_helper, show_hidden_errors

from .models import InformationSource, PriorityChoice

INSUFFICIENT = "insufficient"


class FactorForm(forms.Form):
    """One factor page. Everything is optional here (it saves as a draft); submit checks it all."""

    version = VersionField()
    rating = forms.ChoiceField(
        required=False,
        widget=forms.RadioSelect,
        error_messages={
            "invalid_choice": "Choose a rating: not present, some evidence, strong evidence or "
            "insufficient information"
        },
    )
    evidence = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        label="Evidence",
        help_text="What you found and where: what the person said, what you saw at home, what "
        "other agencies told you.",
    )
    sources = forms.MultipleChoiceField(
        required=False,
        choices=InformationSource.choices,
        widget=forms.CheckboxSelectMultiple,
        label="Sources of information",
        help_text="Select all that apply",
        error_messages={"invalid_choice": "Choose sources of information from the list"},
    )
    insufficient_information_note = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        label="What information is missing",
        help_text="Only if you chose insufficient information: what you still need and from whom.",
    )
    work_needed = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        label="Work needed",
        help_text="What would reduce this risk or build this strength.",
    )

    def __init__(self, *args, factor, **kwargs):
        super().__init__(*args, **kwargs)
        self.factor = factor
        self.fields["rating"].label = f"How would you rate {factor.name.lower()}?"
        self.fields["rating"].help_text = factor.guidance
        self.fields["rating"].choices = [
            (str(value), f"{value} {factor.rating_label(value)}") for value in (0, 1, 2)
        ] + [(INSUFFICIENT, "Insufficient information")]
        self.helper = gds_helper(
            "version",
            Field.radios("rating", legend_size=Size.MEDIUM, legend_tag="h2"),
            Field.textarea("evidence"),
            Field.checkboxes("sources", small=True),
            Field.textarea("insufficient_information_note"),
            Field.textarea("work_needed"),
            submit="Save and continue",
        )

    def clean(self):
        data = super().clean()
        show_hidden_errors(self)
        choice = data.get("rating") or ""
        note = (data.get("insufficient_information_note") or "").strip()
        if choice == INSUFFICIENT and not note and "insufficient_information_note" in data:
            # Said now, on this page, not later as "Cannot start yet" at submission.
            self.add_error(
                "insufficient_information_note",
                "Say what information is missing and who could give it, or choose a rating",
            )
        data["rated"] = choice != ""
        data["rating"] = None if choice in ("", INSUFFICIENT) else int(choice)
        return data

    @staticmethod
    def initial_for(row, version: int) -> dict:
        if not row.rated:
            choice = ""
        elif row.rating is None:
            choice = INSUFFICIENT
        else:
            choice = str(row.rating)
        return {
            "version": version,
            "rating": choice,
            "evidence": row.evidence,
            "sources": row.sources,
            "insufficient_information_note": row.insufficient_information_note,
            "work_needed": row.work_needed,
        }


KEEP = "keep"


class SubmitForm(forms.Form):
    version = VersionField()
    override_priority = forms.ChoiceField(
        label="Do you want to change the derived priority?",
        help_text="A change needs a written reason and your supervisor's approval.",
        widget=forms.RadioSelect,
        initial=KEEP,
        choices=[(KEEP, "No, keep the derived priority")]
        + [
            (value, f"Yes, change it to {label.lower()}") for value, label in PriorityChoice.choices
        ],
        error_messages={
            "required": "Say whether you want to change the derived priority",
            "invalid_choice": "Choose low, medium or high, or keep the derived priority",
        },
    )
    override_rationale = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        label="Reason for changing the priority",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(
            "version",
            Field.radios("override_priority", legend_size=Size.MEDIUM, legend_tag="h2"),
            Field.textarea("override_rationale"),
            submit="Submit for countersignature",
        )

    def clean(self):
        data = super().clean()
        show_hidden_errors(self)
        if data.get("override_priority") == KEEP:
            data["override_priority"] = ""
        if data.get("override_priority") and not data.get("override_rationale", "").strip():
            self.add_error(
                "override_rationale", "Enter the reason for changing the derived priority"
            )
        return data


class CountersignForm(forms.Form):
    decision = forms.ChoiceField(
        label="What do you want to do?",
        widget=forms.RadioSelect,
        choices=[
            ("countersign", "Countersign: the assessment is complete and will be locked"),
            ("return", "Return it to the officer for changes"),
        ],
        error_messages={"required": "Choose whether to countersign or return the assessment"},
    )
    approve_override = forms.ChoiceField(
        required=False,
        label="Do you approve the officer's change of priority?",
        widget=forms.RadioSelect,
        choices=[("yes", "Yes, approve the change"), ("no", "No, keep the derived priority")],
    )
    comment = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        label="Comment",
        help_text="Needed when you return the assessment or refuse a change of priority.",
    )

    def __init__(self, *args, override_requested: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.override_requested = override_requested
        fields = [Field.radios("decision", legend_size=Size.MEDIUM, legend_tag="h2")]
        if override_requested:
            fields.append(Field.radios("approve_override", legend_size=Size.SMALL))
        else:
            del self.fields["approve_override"]
        fields.append(Field.textarea("comment"))
        self.helper = gds_helper(*fields, submit="Confirm")

    def clean(self):
        data = super().clean()
        decision = data.get("decision")
        comment = data.get("comment", "").strip()
        if decision == "return" and not comment:
            self.add_error("comment", "Enter what the officer needs to change")
        if decision == "countersign" and self.override_requested:
            approve = data.get("approve_override")
            if not approve:
                self.add_error(
                    "approve_override", "Say whether you approve the officer's change of priority"
                )
            elif approve == "no" and not comment:
                self.add_error("comment", "Enter the reason for refusing the change of priority")
        return data
