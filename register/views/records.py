"""Recording notifications, civil orders and suspected breaches: one GOV.UK form each, with the
rule's deadline shown beside a notification's form."""

from django.http import Http404
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from arms_site.lib.views import form_page
from audit.services import record_viewed

from .. import services
from ..access import breach_for_user, register_for_user
from ..forms import BreachCloseForm, BreachForm, NotificationForm, OrderForm
from ..models import NotificationKind
from ..selectors import prohibitions_of, travel_notifications
from .pages import detail_url

DEADLINE_TEXT = {
    NotificationKind.INITIAL: "Within 3 days beginning with the relevant date or release.",
    NotificationKind.NAME: "Within 3 days beginning with the change of name.",
    NotificationKind.HOME_ADDRESS: "Within 3 days beginning with the move. The new address becomes his current address on the record.",
    NotificationKind.OTHER_ADDRESS: "Within 3 days beginning with the day the stay (or stays in 12 months) reached 7 days.",
    NotificationKind.CHILD: "Within 3 days beginning with the first stay of 12 hours or more in a household with a child under 18.",
    NotificationKind.RELEASE: "Within 3 days beginning with the release.",
    NotificationKind.PERIODIC: "Due by the date above: within one year of the last notification (7 days with no fixed abode).",
    NotificationKind.TRAVEL: "At least 7 days before departure.",
    NotificationKind.RETURN: "Within 3 days beginning with the return.",
}


def _registered(request, pk):
    offender, registration = register_for_user(request.user, pk, for_change=True)
    if registration is None or not registration.on_register:
        raise Http404("No registration in force")
    return offender, registration


@require_GET
def notification_choose(request, pk):
    offender, registration = _registered(request, pk)
    record_viewed(user=request.user, offender=offender, summary="Record a notification opened")
    return render(
        request,
        "register/notification_choose.html",
        {"offender": offender, "registration": registration, "kinds": NotificationKind.choices},
    )


@require_http_methods(["GET", "POST"])
def notification_add(request, pk, kind):
    if kind not in NotificationKind.values:
        raise Http404("No such kind of notification")
    offender, registration = _registered(request, pk)
    form = NotificationForm(
        request.POST or None, kind=kind, travel_choices=travel_notifications(offender)
    )
    if request.method == "GET":
        record_viewed(user=request.user, offender=offender, summary="Notification form opened")

    def save(data):
        services.notification_record(
            user=request.user, offender=offender, **form.service_arguments()
        )

    return form_page(
        request,
        form,
        save,
        title=f"Record a notification: {NotificationKind(kind).label.lower()}",
        success="Notification recorded",
        done_url=detail_url(offender),
        template="register/notification_form.html",
        offender=offender,
        registration=registration,
        deadline_text=DEADLINE_TEXT[kind],
        kind=kind,
        today=timezone.localdate(),
    )


@require_http_methods(["GET", "POST"])
def order_add(request, pk):
    offender, _registration = register_for_user(request.user, pk, for_change=True)
    form = OrderForm(request.POST or None)
    if request.method == "GET":
        record_viewed(user=request.user, offender=offender, summary="Civil order form opened")

    def save(data):
        services.order_record(
            user=request.user,
            offender=offender,
            kind=data["kind"],
            court=data["court"],
            made_on=data["made_on"],
            end_date=data["end_date"],
            until_further_order=data["until_further_order"],
            prohibitions=form.prohibitions(),
        )

    return form_page(
        request,
        form,
        save,
        title="Record a civil order",
        success="Civil order recorded",
        done_url=detail_url(offender),
        aliases={"prohibitions": "prohibition_1"},
        offender=offender,
    )


@require_http_methods(["GET", "POST"])
def breach_add(request, pk):
    offender, _registration = register_for_user(request.user, pk, for_change=True)
    form = BreachForm(request.POST or None, prohibitions=prohibitions_of(offender))
    if request.method == "GET":
        record_viewed(user=request.user, offender=offender, summary="Suspected breach form opened")

    def save(data):
        services.breach_record(
            user=request.user,
            offender=offender,
            breach_of=data["breach_of"],
            prohibition=data["prohibition"],
            what=data["what"],
            found_on=data["found_on"],
            action_taken=data["action_taken"],
        )

    return form_page(
        request,
        form,
        save,
        title="Record a suspected breach",
        success="Suspected breach recorded: a reassessment is now due",
        done_url=detail_url(offender),
        offender=offender,
    )


@require_http_methods(["GET", "POST"])
def breach_close(request, pk, breach_pk):
    offender, breach = breach_for_user(request.user, pk, breach_pk, for_change=True)
    if not breach.is_open:
        raise Http404("This suspected breach is closed")
    form = BreachCloseForm(request.POST or None)
    if request.method == "GET":
        record_viewed(
            user=request.user, offender=offender, obj=breach, summary="Close a breach form opened"
        )

    def save(data):
        services.breach_close(user=request.user, breach=breach, **data)

    return form_page(
        request,
        form,
        save,
        title="Close the suspected breach",
        success="Suspected breach closed",
        done_url=detail_url(offender),
        offender=offender,
    )
