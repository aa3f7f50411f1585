from django.urls import path

from .views import assessment as views
from .views import framework as views_framework

app_name = "assessments"

base = "offenders/<int:pk>/arms/"
one = base + "<int:assessment_pk>/"

urlpatterns = [
    path("arms-framework/", views_framework.framework_list, name="framework_list"),
    path("arms-framework/load/", views_framework.framework_upload, name="framework_upload"),
    path(base, views.assessment_list, name="list"),
    path(base + "start/", views.assessment_start, name="start"),
    path(one, views.task_list, name="tasks"),
    path(one + "factors/<slug:code>/", views.factor_edit, name="factor"),
    path(one + "summary/", views.summary, name="summary"),
    path(one + "countersign/", views.countersign, name="countersign"),
]
