from django.urls import path

from . import compliance, views

app_name = "dashboard"

urlpatterns = [
    path("", views.home, name="home"),
    path("caseload/", views.caseload, name="caseload"),
    path("caseload.csv", views.export, name="export"),
    # the register's compliance figures (dashboard/compliance.py)
    path("register/", compliance.compliance_list, name="compliance"),
    path("register.csv", compliance.compliance_export, name="compliance_export"),
]
