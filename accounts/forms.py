"""Sign-in and account forms: validate and present; accounts.services does the writes."""

from crispy_forms_gds.layout import Field, Fluid
from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.core.validators import MaxLengthValidator

from arms_site.lib.forms import BoundedModelMultipleChoiceField, gds_helper

from .models import Role


class LoginForm(AuthenticationForm):
    error_messages = {
        "invalid_login": "Enter a correct username and password",
        "inactive": "This account is inactive",
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        username = self.fields["username"]
        username.error_messages["required"] = "Enter your username"
        # Django sets max_length on this field but not its validator: without it an over-long
        # name would reach django-axes' 255-character column.
        username.validators.append(MaxLengthValidator(username.max_length))
        self.fields["password"].error_messages["required"] = "Enter your password"
        self.helper = gds_helper(
            Field.text("username", field_width=Fluid.ONE_HALF),
            Field.text("password", field_width=Fluid.ONE_HALF),
            submit="Sign in",
        )


class CodeForm(forms.Form):
    code = forms.CharField(
        label="Enter the 6-digit code from your authenticator app",
        max_length=12,
        error_messages={"required": "Enter the 6-digit code from your authenticator app"},
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "spellcheck": "false"}
        ),
    )

    def __init__(self, *args, submit="Continue", **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(Field.text("code", field_width=5), submit=submit)

    def clean_code(self):
        code = self.cleaned_data["code"].strip().replace(" ", "")
        if not (code.isdigit() and len(code) == 6):
            raise forms.ValidationError("The code must be 6 digits")
        return code


class BackupCodeForm(forms.Form):
    code = forms.CharField(
        label="Enter one of your backup codes",
        max_length=20,
        error_messages={"required": "Enter one of your backup codes"},
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(Field.text("code", field_width=10), submit="Continue")


class AccountForm(forms.Form):
    username = forms.RegexField(
        regex=r"^[\w.@+-]+\Z",
        max_length=150,
        label="Username",
        error_messages={
            "required": "Enter a username",
            "invalid": "A username can only contain letters, numbers and . @ + - _",
        },
    )
    first_name = forms.CharField(
        max_length=150, label="First name", error_messages={"required": "Enter the first name"}
    )
    last_name = forms.CharField(
        max_length=150, label="Last name", error_messages={"required": "Enter the last name"}
    )
    role = forms.ChoiceField(
        choices=Role.choices,
        widget=forms.RadioSelect,
        label="Role",
        error_messages={"required": "Select a role"},
    )
    teams = BoundedModelMultipleChoiceField(
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Teams",
        help_text="A force administrator, or a force-wide auditor, needs no team",
        error_messages={"invalid_choice": "Choose teams of your own force"},
    )
    password = forms.CharField(
        label="First password",
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text="Give it to the user in person; they set up their authenticator app when they first sign in",
        error_messages={"required": "Enter a first password"},
    )

    def __init__(self, *args, teams, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["teams"].queryset = teams
        self.helper = gds_helper(
            Field.text("username", field_width=Fluid.ONE_HALF),
            Field.text("first_name", field_width=Fluid.ONE_HALF),
            Field.text("last_name", field_width=Fluid.ONE_HALF),
            Field.radios("role"),
            Field.checkboxes("teams"),
            Field.text("password", field_width=Fluid.ONE_HALF),
            submit="Add the account",
        )

    def clean_role(self):
        role = self.cleaned_data["role"]
        teams_needed = role in {Role.OFFICER, Role.SUPERVISOR}
        self._teams_needed = teams_needed
        return role

    def clean(self):
        data = super().clean()
        if getattr(self, "_teams_needed", False) and not data.get("teams"):
            self.add_error("teams", "Choose the team of an offender manager or supervisor")
        return data
