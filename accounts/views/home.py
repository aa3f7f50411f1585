from django.shortcuts import redirect
from django.urls import NoReverseMatch, reverse
from django.views.decorators.http import require_GET


@require_GET
def home(request):
    """Land each person where their work is: supervisors on the dashboard, others on the caseload."""
    if request.user.is_supervisor or request.user.is_force_admin:
        try:
            return redirect(reverse("dashboard:home"))
        except NoReverseMatch:
            pass
    return redirect("engagements:caseload")
