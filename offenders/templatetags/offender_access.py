"""Templates ask the offender access policy, never the user's role (``offenders.access``)."""

from django import template

from offenders.access import can_change_offender, can_see_offender_history

register = template.Library()


@register.simple_tag(takes_context=True)
def may_change_offender(context, offender) -> bool:
    """``{% may_change_offender offender as can_change %}``"""
    return can_change_offender(context["request"].user, offender)


@register.simple_tag(takes_context=True)
def may_see_offender_history(context, offender) -> bool:
    return can_see_offender_history(context["request"].user, offender)
