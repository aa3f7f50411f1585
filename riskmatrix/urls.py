from django.urls import path

from .views import osp, rm2000

app_name = "riskmatrix"

urlpatterns = [
    path("offenders/<int:pk>/rm2000/", rm2000.history, name="history"),
    path("offenders/<int:pk>/rm2000/new/", rm2000.start, name="start"),
    path("offenders/<int:pk>/rm2000/<int:record_pk>/", rm2000.detail, name="detail"),
    path("offenders/<int:pk>/osp/", osp.history, name="osp_history"),
    path("offenders/<int:pk>/osp/new/", osp.start, name="osp_start"),
    path("offenders/<int:pk>/osp/<int:record_pk>/", osp.detail, name="osp_detail"),
]
