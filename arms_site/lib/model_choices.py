"""Model choices generated from the pure enums, so the database and the rules share one list."""

from django.db import models

from .ordinal import RiskCategory

# Low, Medium, High, Very high: RM2000 categories and levels of risk management alike.
RiskCategoryChoice = models.TextChoices(
    "RiskCategoryChoice", [(c.name, (c.value, c.label)) for c in RiskCategory]
)
