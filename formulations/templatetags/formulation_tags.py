from django import template
from django.utils.html import format_html

register = template.Library()


@register.simple_tag
def not_recorded(detail: str = "") -> str:
    """The one way a section says its source is missing, on the page and in the PDF."""
    suffix = format_html(": {}", detail) if detail else ""
    return format_html('<p class="govuk-body arms-not-recorded">Not yet recorded{}</p>', suffix)
