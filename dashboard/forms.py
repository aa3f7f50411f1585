"""The caseload filter (a GET form). Choices are built once per request from two small queries,
so validating a filter never adds a query per option."""

from django import forms
from django.db.models import Q
from django.utils.html import escape
from django.utils.safestring import mark_safe

from accounts.models import Role, Team, User
from engagements.models import LevelChoice
from offenders.models import Status

LEVEL_CHOICES = (
    [("", "Any level")]
    + [(value, label) for value, label in reversed(LevelChoice.choices)]
    + [("none", "No level yet")]
)
STATUS_CHOICES = (
    [("", "On the register (active, in custody, reactive)")]
    + list(Status.choices)
    + [("all", "Any status")]
)
OVERDUE_CHOICES = [
    ("", "Overdue or not"),
    ("any", "Overdue a visit or a reassessment"),
    ("visit", "Overdue a visit"),
    ("reassessment", "Overdue a reassessment"),
]
STATIC_CHOICES = [
    ("", "Any static risk"),
    ("rm2000", "Risk Matrix 2000 scored"),
    ("osp", "OSP scored"),
    ("both", "Both scored"),
    ("none", "No static score"),
    ("level_osp", "Level set from OSP"),
]
ATTENTION = {
    "countersign": "Assessment awaiting countersignature",
    "override": "Level override awaiting approval",
    "reactive": "In reactive management",
    "drafts": "Draft assessment older than 30 days",
    "actions": "Risk-plan action past due",
}
OFFICER_CHOICES_MAX = 200
FILTER_NAMES = ("team", "officer", "level", "status", "overdue", "attention", "static")


def team_choices(user) -> list[tuple[str, str]]:
    teams = Team.objects.filter(force_id=user.force_id)
    if user.role != Role.FORCE_ADMIN:
        teams = teams.filter(pk__in=user.teams.values("pk"))
    return [("", "All teams")] + [(str(t.pk), t.name) for t in teams.order_by("name")]


def _key(value) -> str | None:
    """A submitted primary key as text, or None (never a query with a hostile value)."""
    value = str(value or "")
    return value if value.isdigit() and len(value) <= 12 else None


def officer_choices(user, team=None, selected=None) -> list[tuple[str, str]]:
    """The officers of the scope; beyond ``OFFICER_CHOICES_MAX`` (a force of 1,500 officers),
    only the chosen team's and the chosen officer, so that the page does not carry them all."""
    if user.role == Role.OFFICER:
        return [("", "My caseload"), (str(user.pk), user.get_full_name() or user.username)]
    people = User.objects.filter(force_id=user.force_id, role__in=[Role.OFFICER, Role.SUPERVISOR])
    if user.role != Role.FORCE_ADMIN:
        people = people.filter(teams__in=user.teams.values("pk")).distinct()
    people = people.order_by("last_name", "first_name", "pk")
    everyone = "All officers"
    # Plain tuples, not User instances. The name is what ``User.get_full_name`` gives.
    columns = ("pk", "first_name", "last_name", "username")
    rows = list(people.values_list(*columns)[: OFFICER_CHOICES_MAX + 1])
    if len(rows) > OFFICER_CHOICES_MAX:  # a second query only for a big force
        everyone = "All officers (choose a team to list its officers)"
        narrowed = Q(pk=_key(selected)) if _key(selected) else Q(pk__in=[])
        if _key(team):
            narrowed |= Q(teams=_key(team))
        rows = people.filter(narrowed).distinct().values_list(*columns)
    return (
        [("", everyone)]
        + [(str(pk), f"{first} {last}".strip() or username) for pk, first, last, username in rows]
        + [("none", "Not allocated")]
    )


def options_html(choices, selected) -> str:
    """The ``<option>`` elements of a select, escaped, with ``selected`` marked."""
    chosen = "" if selected is None else str(selected)
    return mark_safe(  # every value and label escaped
        "".join(
            f'<option value="{escape(value)}"{" selected" if str(value) == chosen else ""}>'
            f"{escape(label)}</option>"
            for value, label in choices
        )
    )


class CaseloadFilterForm(forms.Form):
    team = forms.ChoiceField(label="Team", required=False)
    officer = forms.ChoiceField(label="Responsible officer", required=False)
    level = forms.ChoiceField(
        label="Level of risk management", required=False, choices=LEVEL_CHOICES
    )
    status = forms.ChoiceField(label="Status", required=False, choices=STATUS_CHOICES)
    overdue = forms.ChoiceField(label="Overdue", required=False, choices=OVERDUE_CHOICES)
    attention = forms.ChoiceField(label="Needing attention", required=False)
    static = forms.ChoiceField(label="Static risk", required=False, choices=STATIC_CHOICES)

    def __init__(self, *args, user, actions_available: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["team"].choices = team_choices(user)
        data = self.data if self.is_bound else {}
        self.fields["officer"].choices = officer_choices(
            user, team=data.get("team"), selected=data.get("officer")
        )
        attention = {k: v for k, v in ATTENTION.items() if k != "actions" or actions_available}
        self.fields["attention"].choices = [("", "Anything")] + list(attention.items())
        for name in FILTER_NAMES:
            self.fields[name].error_messages["invalid_choice"] = (
                f"Select a {self.fields[name].label.lower()} from the list"
            )
            # A force has hundreds of officers: options rendered here, not by a template loop.
            self.fields[name].options_html = options_html(
                self.fields[name].choices, self[name].value()
            )

    def filters(self) -> dict[str, str]:
        """The valid filters (empty ones dropped); call after ``is_valid``."""
        data = getattr(self, "cleaned_data", {})
        return {name: data[name] for name in FILTER_NAMES if data.get(name)}

    def describe(self) -> str:
        """Readable filters for the audit log and the page: "Team: North; Overdue: a visit"."""
        parts = []
        for name, value in self.filters().items():
            label = dict(self.fields[name].choices).get(value, value)
            parts.append(f"{self.fields[name].label}: {label}")
        return "; ".join(parts) or "no filters"
