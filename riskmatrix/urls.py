from django.urls import path

from . import views

app_name = "riskmatrix"

urlpatterns = [
    path("offenders/<int:pk>/rm2000/", views.history, name="history"),
    path("offenders/<int:pk>/rm2000/new/", views.start, name="start"),
    path("offenders/<int:pk>/rm2000/<int:record_pk>/", views.detail, name="detail"),
]
