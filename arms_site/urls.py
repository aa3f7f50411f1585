from django.contrib import admin
from django.urls import include, path

from accounts.views import home as account_views

urlpatterns = [
    path("", account_views.home, name="home"),
    path("", include("accounts.urls")),
    path("offenders/", include("offenders.urls")),
    # Each feature app owns its URLs; offender-scoped pages live under /offenders/<pk>/….
    path("", include("riskmatrix.urls")),
    path("", include("assessments.urls")),
    path("", include("engagements.urls")),
    path("", include("formulations.urls")),
    path("", include("register.urls")),
    path("dashboard/", include("dashboard.urls")),
    path("admin/", admin.site.urls),
]
