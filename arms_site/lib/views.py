"""The form-page view helper: GET shows the form; a valid POST calls one service; the service's
``ValidationError`` comes back as GOV.UK field errors on the same page, nothing saved."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render

from .forms import apply_validation_error


def form_page(
    request,
    form,
    save,
    *,
    title: str,
    success: str,
    done_url: str,
    back_url: str | None = None,
    template: str = "form_page.html",
    aliases: dict | None = None,
    **context,
):
    """Render ``template`` with the form, or call ``save(cleaned_data)`` and go to ``done_url``."""
    if request.method == "POST" and form.is_valid():
        try:
            save(form.cleaned_data)
        except ValidationError as error:
            apply_validation_error(form, error, aliases)
        else:
            messages.success(request, success)
            return redirect(done_url)
    page = {"form": form, "title": title, "back_url": back_url or done_url, **context}
    return render(request, template, page)
