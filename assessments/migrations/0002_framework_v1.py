"""Framework version 1: the 11 factor codes of the domain notes, with guidance in our own words.

The data is frozen here on purpose (a migration must not change meaning later); newer versions
are loaded as data with ``manage.py load_framework FILE.json``.
"""

from django.db import migrations

RATING_LABELS = {"0": "Not present", "1": "Some evidence", "2": "Strong evidence"}

# (code, kind, name, guidance)
FACTORS = [
    (
        "sexual_preoccupation",
        "risk",
        "Sexual preoccupation",
        "How far sex and sexual thoughts take up the person's time and attention, and whether "
        "they seem driven or hard to manage.",
    ),
    (
        "offence_related_sexual_interest",
        "risk",
        "Offence-related sexual interest",
        "Signs of sexual interest in the kind of person or behaviour involved in the offending, "
        "for example material found, disclosures or reports from treatment.",
    ),
    (
        "opportunity_to_offend",
        "risk",
        "Opportunity to offend (access to potential victims)",
        "Whether daily life, work, relationships or online activity give contact with people "
        "like past victims, and whether that contact is sought out.",
    ),
    (
        "emotional_congruence_with_children",
        "risk",
        "Emotional congruence with children",
        "Whether the person finds it easier to relate to children than adults, or looks to "
        "children for emotional closeness.",
    ),
    (
        "hostile_orientation",
        "risk",
        "Hostile orientation",
        "Grievance, suspicion or hostility towards others (for example women, authority), and "
        "attitudes that excuse harming people.",
    ),
    (
        "poor_self_management",
        "risk",
        "Poor self-management",
        "Impulsive or reckless choices, trouble coping with stress or emotions, misuse of drink "
        "or drugs, breaches of conditions.",
    ),
    (
        "negative_social_influences",
        "risk",
        "Negative social influences",
        "People around the person who encourage offending, share harmful attitudes or "
        "undermine the risk management plan.",
    ),
    (
        "positive_routine",
        "protective",
        "Positive routine",
        "A settled, structured week: work, study, volunteering or other commitments that fill "
        "time constructively.",
    ),
    (
        "social_investment",
        "protective",
        "Social investment",
        "Ties the person values and would not want to lose: a job, a home, a relationship, a "
        "role in the community.",
    ),
    (
        "commitment_to_desist",
        "protective",
        "Commitment to desist",
        "What the person says and does that shows they want a life without offending, and "
        "whether their actions match their words.",
    ),
    (
        "positive_social_influences",
        "protective",
        "Positive social influences",
        "People who support a law-abiding life, know the person's history and help with the "
        "risk management plan.",
    ),
]


def load_v1(apps, schema_editor):
    FrameworkVersion = apps.get_model("assessments", "FrameworkVersion")
    Factor = apps.get_model("assessments", "Factor")
    framework, created = FrameworkVersion.objects.get_or_create(
        number=1,
        defaults={
            "label": "ARMS default (provisional wording)",
            "notes": "Six factor names are from public sources, five are provisional. "
            "Guidance is our own wording, not the manual's.",
        },
    )
    if not created:
        return
    Factor.objects.bulk_create(
        Factor(
            framework=framework,
            code=code,
            kind=kind,
            name=name,
            guidance=guidance,
            order=order,
            rating_labels=RATING_LABELS,
        )
        for order, (code, kind, name, guidance) in enumerate(FACTORS, start=1)
    )


def unload_v1(apps, schema_editor):
    apps.get_model("assessments", "Factor").objects.filter(framework__number=1).delete()
    apps.get_model("assessments", "FrameworkVersion").objects.filter(number=1).delete()


class Migration(migrations.Migration):
    dependencies = [("assessments", "0001_initial")]

    operations = [migrations.RunPython(load_v1, unload_v1)]
