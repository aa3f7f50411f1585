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
from ..policy_matrix import level_matrix
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


# The two steps of a change: the form posts to a preview (the level matrix under the current
# and the proposed policy); the preview posts the same values back with SAVE, or EDIT to return.
PREVIEW, SAVE, EDIT = "preview", "save", "edit"


def _proposed_rules(form, rules):
    """The proposed policy as rules, from the form's values for the tables the rules hold."""
    data = {**rules.to_dict(), **form.policy_data(), "version": "proposed"}
    return type(rules).from_dict({key: data[key] for key in rules.to_dict()})


def _settings(form):
    """Every field of the form but the note, current beside proposed: a new field slots in."""
    rows = []
    for name, field in form.fields.items():
        if name == "note":
            continue
        choices = dict(getattr(field, "choices", ()) or ())
        current, proposed = field.initial, form.cleaned_data.get(name)
        rows.append(
            {
                "label": field.label,
                "current": choices.get(current, current),
                "proposed": choices.get(proposed, proposed),
                "changed": str(current) != str(proposed),
            }
        )
    return rows


def _preview(request, form, version, rules):
    try:
        proposed = _proposed_rules(form, rules)
    except (ValueError, KeyError) as error:  # the pure core refuses what the form let through
        form.add_error(None, f"This policy cannot be applied: {error}")
        return None
    context = {
        "form": form,
        "version": version,
        "current": level_matrix(rules),
        "proposed": level_matrix(proposed, compared_with=rules),
        "settings": _settings(form),
        "steps": {"save": SAVE, "edit": EDIT},
        "back_url": reverse("engagements:policy_edit"),
    }
    return render(request, "engagements/policy_preview.html", context)


def _save(request, form):
    try:
        new = services.policy_create_version(
            user=request.user, data=form.policy_data(), note=form.cleaned_data["note"]
        )
    except ValidationError as error:
        apply_validation_error(form, error)
        return None
    messages.success(request, f"Policy {new.version} saved; past decisions keep theirs")
    return redirect("engagements:policy")


@require_http_methods(["GET", "POST"])
def policy_edit(request):
    """Change the policy in two steps: the values, then a preview of their effect to save."""
    _require_force_admin(request.user)
    _current_row, version, data, rules = _current(request.user.force)
    form = PolicyForm(request.POST or None, current=data)
    step = request.POST.get("step", PREVIEW)
    if request.method == "POST" and form.is_valid() and step != EDIT:
        response = _save(request, form) if step == SAVE else _preview(request, form, version, rules)
        if response is not None:
            return response
    return render(
        request,
        "form_page.html",
        {
            "form": form,
            "title": f"Change the level policy (now {version})",
            "back_url": reverse("engagements:policy"),
        },
    )
