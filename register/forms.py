"""Register forms: validate and present. Writes go through register.services, whose refusals
(the rules') come back as field errors with the same field names."""

from crispy_forms_gds.layout import Field, Fixed
from django import forms

from arms_site.lib.forms import (
    BoundedIntegerField,
    BoundedModelChoiceField,
    GovDateField,
    gds_helper,
)

from .models import DISPOSAL_CHOICES, BreachOf, NotificationKind, OffReason, OrderKind

PROHIBITION_SLOTS = 8  # repeated text fields; an order with more is rare (the service allows 20)


def _text(label, *, required=True, rows=None, max_length=200, message=None):
    widget = forms.Textarea(attrs={"rows": rows}) if rows else forms.TextInput
    return forms.CharField(
        label=label,
        required=required,
        max_length=max_length,
        widget=widget,
        error_messages={
            "required": message or f"Enter the {label[0].lower() + label[1:]}",
            "max_length": f"The {label[0].lower() + label[1:]} must be {max_length} characters or fewer",
        },
    )


def _radios(label, choices, message):
    return forms.ChoiceField(
        label=label, choices=choices, widget=forms.RadioSelect, error_messages={"required": message}
    )


class RegistrationForm(forms.Form):
    relevant_date = GovDateField(
        label="Relevant date",
        past_only=True,
        help_text="The date of the conviction, caution or finding",
    )
    disposal = _radios("Disposal", DISPOSAL_CHOICES, "Select the disposal")
    custody_months = BoundedIntegerField(
        label="Length of the custodial sentence in months",
        min_value=1,
        max_value=1200,
        required=False,
        help_text="Imprisonment only",
    )
    discharge_months = BoundedIntegerField(
        label="Length of the conditional discharge in months",
        min_value=1,
        max_value=600,
        required=False,
        help_text="Conditional discharge only",
    )
    age_on_relevant_date = BoundedIntegerField(
        label="Age on the relevant date",
        min_value=10,
        max_value=119,
        required=False,
        help_text="Leave empty to work it out from the date of birth",
    )
    first_notified_on = GovDateField(label="Date of the initial notification", past_only=True)
    no_fixed_abode = forms.BooleanField(
        label="No fixed abode (notifies every 7 days)", required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(
            Field("relevant_date"),
            Field.radios("disposal"),
            Field.text("custody_months", field_width=Fixed.FIVE),
            Field.text("discharge_months", field_width=Fixed.FIVE),
            Field.text("age_on_relevant_date", field_width=Fixed.THREE),
            Field("first_notified_on"),
            Field.checkbox("no_fixed_abode"),
            submit="Save the registration",
        )

    def clean(self):
        data = super().clean()
        disposal = data.get("disposal")
        for field, needs in (
            ("custody_months", "imprisonment"),
            ("discharge_months", "conditional_discharge"),
        ):
            if disposal == needs and data.get(field) is None and field not in self.errors:
                self.add_error(field, f"Enter the {self.fields[field].label.lower()}")
            elif disposal and disposal != needs and data.get(field) is not None:
                self.add_error(field, f"Leave this empty: it is only for {needs.replace('_', ' ')}")
        return data


class RegistrationEndForm(forms.Form):
    reason = _radios(
        "Why is he no longer on the register?",
        OffReason.choices,
        "Select why he is no longer on the register",
    )
    off_on = GovDateField(label="Date he came off the register", past_only=True)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(
            Field.radios("reason"), Field("off_on"), submit="Take off the register"
        )


EVENT_LABEL = {
    NotificationKind.INITIAL: "Date of the relevant date or of release",
    NotificationKind.NAME: "Date he changed his name",
    NotificationKind.HOME_ADDRESS: "Date he moved in",
    NotificationKind.OTHER_ADDRESS: "Date the stay reached 7 days",
    NotificationKind.CHILD: "Date he began staying with the child",
    NotificationKind.RELEASE: "Date of release",
    NotificationKind.RETURN: "Date he returned",
}
DETAILS_LABEL = {
    NotificationKind.NAME: ("New name", True),
    NotificationKind.OTHER_ADDRESS: ("Address where he stayed", True),
    NotificationKind.CHILD: ("The household and the child", True),
    NotificationKind.TRAVEL: ("Accommodation (optional)", False),
}


class NotificationForm(forms.Form):
    """One form per kind: the fields of ``kind`` only."""

    def __init__(self, *args, kind: str, travel_choices=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.kind = kind
        layout = []
        if kind in EVENT_LABEL:
            self.fields["event_date"] = GovDateField(label=EVENT_LABEL[kind], past_only=True)
            layout.append(Field("event_date"))
        if kind == NotificationKind.TRAVEL:
            self.fields["departure_date"] = GovDateField(label="Date of departure")
            self.fields["return_date"] = GovDateField(label="Date of return", required=False)
            self.fields["destinations"] = _text("Destinations", rows=2, max_length=1000)
            self.fields["carriers"] = _text(
                "Carriers",
                rows=2,
                max_length=1000,
                message="Enter the carriers (airline, ferry or rail company)",
            )
            layout += [
                Field("departure_date"),
                Field("return_date"),
                Field.textarea("destinations", rows=2),
                Field.textarea("carriers", rows=2),
            ]
        if kind == NotificationKind.HOME_ADDRESS:
            self.fields["line_1"] = _text(
                "Address line 1", max_length=150, message="Enter the first line of the new address"
            )
            self.fields["line_2"] = _text(
                "Address line 2 (optional)", required=False, max_length=150
            )
            self.fields["town"] = _text("Town or city", max_length=100)
            self.fields["postcode"] = _text("Postcode", max_length=10)
            layout += [
                Field.text("line_1"),
                Field.text("line_2"),
                Field.text("town"),
                Field.text("postcode", field_width=Fixed.TEN),
            ]
        if kind in DETAILS_LABEL:
            label, required = DETAILS_LABEL[kind]
            self.fields["details"] = _text(label, required=required, rows=3, max_length=2000)
            layout.append(Field.textarea("details", rows=3))
        if kind == NotificationKind.RETURN and travel_choices is not None:
            self.fields["travel"] = BoundedModelChoiceField(
                queryset=travel_choices,
                required=False,
                label="The trip he returned from (optional)",
                error_messages={"invalid_choice": "Select the trip from the list"},
            )
            layout.append(Field.select("travel"))
        self.fields["notified_on"] = GovDateField(label="Date notified", past_only=True)
        self.fields["station"] = _text(
            "Police station", max_length=150, message="Enter the police station where he notified"
        )
        layout += [Field("notified_on"), Field.text("station")]
        self.helper = gds_helper(*layout, submit="Record the notification")

    def clean(self):
        data = super().clean()
        departure, back = data.get("departure_date"), data.get("return_date")
        if departure and back and back < departure:
            self.add_error(
                "return_date", "The date of return must be on or after the date of departure"
            )
        event, notified = data.get("event_date"), data.get("notified_on")
        if event and notified and notified < event:
            self.add_error(
                "notified_on", "The date notified must be on or after the date of the change"
            )
        return data

    def service_arguments(self) -> dict:
        data = self.cleaned_data
        arguments = {
            "kind": self.kind,
            "notified_on": data["notified_on"],
            "station": data["station"],
        }
        for name in (
            "event_date",
            "departure_date",
            "return_date",
            "destinations",
            "carriers",
            "details",
            "travel",
        ):
            if name in data:
                arguments[name] = data[name]
        if self.kind == NotificationKind.HOME_ADDRESS:
            arguments["address"] = {
                name: data[name] for name in ("line_1", "line_2", "town", "postcode")
            }
        return arguments


class OrderForm(forms.Form):
    kind = _radios("Kind of order", OrderKind.choices, "Select the kind of order")
    court = _text("Court", max_length=150, message="Enter the court that made the order")
    made_on = GovDateField(label="Date the order was made", past_only=True)
    until_further_order = forms.BooleanField(
        label="Until further order (no fixed end)", required=False
    )
    end_date = GovDateField(
        label="End date", required=False, help_text="Leave empty for an order until further order"
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        slots = []
        for number in range(1, PROHIBITION_SLOTS + 1):
            name = f"prohibition_{number}"
            self.fields[name] = _text(
                f"Prohibition {number}" + ("" if number == 1 else " (optional)"),
                required=False,
                rows=2,
                max_length=2000,
            )
            slots.append(Field.textarea(name, rows=2))
        self.helper = gds_helper(
            Field.radios("kind"),
            Field.text("court"),
            Field("made_on"),
            Field.checkbox("until_further_order"),
            Field("end_date"),
            *slots,
            submit="Save the order",
        )

    def clean(self):
        data = super().clean()
        if not any(
            (data.get(f"prohibition_{n}") or "").strip() for n in range(1, PROHIBITION_SLOTS + 1)
        ):
            if "prohibition_1" not in self.errors:
                self.add_error("prohibition_1", "Enter at least one prohibition")
        if data.get("until_further_order") and data.get("end_date"):
            self.add_error("end_date", "Leave the end date empty for an order until further order")
        elif (
            not data.get("until_further_order")
            and not data.get("end_date")
            and "end_date" not in self.errors
        ):
            self.add_error("end_date", "Enter the end date, or select until further order")
        return data

    def prohibitions(self) -> list[str]:
        return [
            self.cleaned_data.get(f"prohibition_{n}") or "" for n in range(1, PROHIBITION_SLOTS + 1)
        ]


class BreachForm(forms.Form):
    breach_of = _radios("What was breached?", BreachOf.choices, "Select what was breached")
    what = _text("What happened", rows=4, max_length=4000)
    found_on = GovDateField(label="Date found", past_only=True)
    action_taken = _text("Action taken (optional)", required=False, rows=3, max_length=4000)

    def __init__(self, *args, prohibitions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["prohibition"] = BoundedModelChoiceField(
            queryset=prohibitions,
            required=False,
            label="The prohibition breached (for an order)",
            error_messages={"invalid_choice": "Select the prohibition from the list"},
        )
        self.fields["prohibition"].label_from_instance = lambda p: (
            f"{p.order.get_kind_display()}: {p.text[:80]}"
        )
        self.helper = gds_helper(
            Field.radios("breach_of"),
            Field.select("prohibition"),
            Field.textarea("what", rows=4),
            Field("found_on"),
            Field.textarea("action_taken", rows=3),
            submit="Record the suspected breach",
        )

    def clean(self):
        data = super().clean()
        if (
            data.get("breach_of") == BreachOf.ORDER
            and not data.get("prohibition")
            and "prohibition" not in self.errors
        ):
            self.add_error("prohibition", "Select the prohibition breached")
        return data


class BreachCloseForm(forms.Form):
    outcome = _text("Outcome", rows=4, max_length=4000)
    closed_on = GovDateField(label="Date closed", past_only=True)
    action_taken = _text(
        "Action taken (optional)",
        required=False,
        rows=3,
        max_length=4000,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(
            Field.textarea("outcome", rows=4),
            Field("closed_on"),
            Field.textarea("action_taken", rows=3),
            submit="Close the suspected breach",
        )
