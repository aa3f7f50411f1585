from django.apps import AppConfig


class RiskmatrixConfig(AppConfig):
    name = "riskmatrix"
    verbose_name = "Risk Matrix 2000"
