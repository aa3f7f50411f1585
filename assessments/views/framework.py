"""The ARMS framework versions, and loading a new one from a JSON file (force administrators)."""

import json

from crispy_forms_gds.layout import Field
from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from arms_site.lib.forms import gds_helper

from ..access import can_load_framework
from ..models import FrameworkVersion
from ..services import framework_load

MAX_FILE_BYTES = 200_000  # eleven factors of wording fit many times over


class FrameworkUploadForm(forms.Form):
    file = forms.FileField(
        label="Framework file (JSON)",
        help_text="The format is described below. Loaded versions are never replaced.",
        error_messages={"required": "Choose a framework file to upload"},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(Field("file"), submit="Load this version")

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_FILE_BYTES:
            raise forms.ValidationError("The file must be smaller than 200 KB")
        try:
            return json.loads(upload.read().decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as error:
            raise forms.ValidationError(f"The file is not valid JSON: {error}") from None


@require_GET
def framework_list(request):
    versions = FrameworkVersion.objects.prefetch_related("factors").select_related("loaded_by")
    return render(request, "assessments/framework_list.html", {"versions": versions})


@require_http_methods(["GET", "POST"])
def framework_upload(request):
    if not can_load_framework(request.user):
        raise PermissionDenied("Only a force administrator can load a framework version.")
    form = FrameworkUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            framework = framework_load(data=form.cleaned_data["file"], user=request.user)
        except ValidationError as error:
            form.add_error("file", error.messages)
        else:
            messages.success(request, f"Framework version {framework.number} loaded")
            return redirect("assessments:framework_list")
    return render(
        request,
        "assessments/framework_upload.html",
        {"form": form, "title": "Load a new ARMS framework version"},
    )
