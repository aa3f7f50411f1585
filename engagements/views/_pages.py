"""The form page every engagement form uses: the shared helper, returning to the timetable."""

from django.urls import reverse

from arms_site.lib.views import form_page

# Service error keys that belong to a differently named form field.
FIELD_ALIASES = {"completed_at": "visit_date", "planned_for": "visit_date"}


def timetable_form_page(request, offender, form, save, **page):
    return form_page(
        request,
        form,
        save,
        done_url=reverse("engagements:timetable", args=[offender.pk]),
        aliases=FIELD_ALIASES,
        offender=offender,
        **page,
    )
