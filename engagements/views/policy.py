"""The force's level policy: the versions, and a force administrator's new version."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from arms_site.lib.forms import apply_validation_error
from assessments.combiner import DEFAULT_POLICY, Level
from assessments.priority import Priority
from audit.services import record_viewed

from .. import services
from ..access import can_manage_level_policy
from ..forms import PolicyForm
from ..models import Policy
from ..selectors import policy_current
from ..services.policies import STATIC_TOOL_CHOICES


def _require_force_admin(user):
    if not can_manage_level_policy(user):
        raise PermissionDenied("Only a force administrator can see and change the level policy.")


def _current(force):
    """The stored version, or the default a force has before its first (stored on first use)."""
    current = policy_current(force)
    if current is None:
        return None, DEFAULT_POLICY.version, DEFAULT_POLICY.to_dict(), DEFAULT_POLICY
    return current, current.version, current.data, current.as_rules()


@require_GET
def policy(request):
    _require_force_admin(request.user)
    current, version, _data, rules = _current(request.user.force)
    record_viewed(user=request.user, obj=current or request.user, summary="Level policy viewed")
    history = Policy.objects.filter(force=request.user.force).select_related("created_by")
    level_rows = [
        (level.label, rules.visit_interval_months[level], rules.reassessment_interval_months[level])
        for level in Level
    ]
    priority_rows = [
        (p.value.capitalize(), rules.priority_adjustment[p], rules.no_rm2000_level[p].label)
        for p in Priority
    ]
    context = {
        "force": request.user.force,
        "version": version,
        "history": history,
        "level_rows": level_rows,
        "priority_rows": priority_rows,
        "static_tool": dict(STATIC_TOOL_CHOICES)[rules.static_tool.value],
    }
    return render(request, "engagements/policy.html", context)


@require_http_methods(["GET", "POST"])
def policy_edit(request):
    _require_force_admin(request.user)
    _current_row, version, data, _rules = _current(request.user.force)
    form = PolicyForm(request.POST or None, current=data)
    if request.method == "POST" and form.is_valid():
        try:
            new = services.policy_create_version(
                user=request.user, data=form.policy_data(), note=form.cleaned_data["note"]
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, f"Policy {new.version} saved; past decisions keep theirs")
            return redirect("engagements:policy")
    return render(
        request,
        "form_page.html",
        {
            "form": form,
            "title": f"Change the level policy (now {version})",
            "back_url": reverse("engagements:policy"),
        },
    )
