"""Shared cases for the RM2000 scoring tests: the category names and an all-zero S and V case."""

from riskmatrix.scoring import Category, rm2000_s, rm2000_v

LOW, MEDIUM, HIGH, VERY_HIGH = Category.LOW, Category.MEDIUM, Category.HIGH, Category.VERY_HIGH

# A case that scores 0 on every S item with no aggravating factor; tests change one thing.
S_BASE = dict(
    age=40,
    sexual_appearances=1,
    criminal_appearances=1,
    male_victim=False,
    stranger_victim=False,
    non_contact=False,
    never_married=False,
)
V_BASE = dict(age=50, violent_appearances=0, burglary=False)
FLAGS = ("male_victim", "stranger_victim", "non_contact", "never_married")


def s(**changes):
    return rm2000_s(**{**S_BASE, **changes})


def v(**changes):
    return rm2000_v(**{**V_BASE, **changes})
