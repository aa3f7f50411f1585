from django.urls import path

from .views import pages, records

app_name = "register"

urlpatterns = [
    path("offenders/<int:pk>/register/", pages.detail, name="detail"),
    path("offenders/<int:pk>/register/registration/", pages.registration, name="registration"),
    path("offenders/<int:pk>/register/end/", pages.registration_end, name="registration_end"),
    path(
        "offenders/<int:pk>/register/notifications/new/",
        records.notification_choose,
        name="notification_choose",
    ),
    path(
        "offenders/<int:pk>/register/notifications/new/<slug:kind>/",
        records.notification_add,
        name="notification_add",
    ),
    path("offenders/<int:pk>/register/orders/new/", records.order_add, name="order_add"),
    path("offenders/<int:pk>/register/breaches/new/", records.breach_add, name="breach_add"),
    path(
        "offenders/<int:pk>/register/breaches/<int:breach_pk>/close/",
        records.breach_close,
        name="breach_close",
    ),
]
