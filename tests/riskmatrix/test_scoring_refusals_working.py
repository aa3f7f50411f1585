"""RM2000 scoring: when it does not apply, the input it refuses, the working, inputs and rules
version it records, and that it stays free of Django (docs/domain.md, Risk Matrix 2000)."""

import dataclasses
import subprocess
import sys
from pathlib import Path

import pytest

from riskmatrix.scoring import RULES_VERSION, NotApplicable, rm2000_c, rm2000_s
from tests.riskmatrix.scoring_cases import FLAGS, HIGH, LOW, S_BASE, V_BASE, s, v

# --- not applicable and invalid input --------------------------------------------------

NOT_APPLICABLE = [
    (lambda: s(age=17), "under 18"),
    (lambda: s(age=0), "under 18"),
    (lambda: v(age=17), "under 18"),
    (lambda: s(sexual_appearances=0, criminal_appearances=3), "no sexual appearance"),
]


@pytest.mark.parametrize("call, reason", NOT_APPLICABLE)
def test_not_applicable_reasons(call, reason):
    with pytest.raises(NotApplicable, match=reason) as caught:
        call()
    assert reason in caught.value.reason and "does not apply" in str(caught.value)


S_INVALID = [
    (dict(sexual_appearances=-1), "sexual_appearances"),
    (dict(criminal_appearances=-1), "criminal_appearances"),
    (dict(age=-5), "age"),
    (dict(age=121), "age"),
    (dict(sexual_appearances=3, criminal_appearances=2), "criminal_appearances .* fewer than"),
    (dict(sexual_appearances=True), "sexual_appearances"),
    (dict(criminal_appearances=2.5), "criminal_appearances"),
    (dict(age="30"), "age"),
    (dict(age=30.0), "age"),
    (dict(sexual_appearances=None), "sexual_appearances"),
    (dict(male_victim=1), "male_victim"),
    (dict(stranger_victim="yes"), "stranger_victim"),
    (dict(non_contact=None), "non_contact"),
    (dict(never_married=0), "never_married"),
]


@pytest.mark.parametrize("changes, message", S_INVALID)
def test_s_rejects_invalid_input(changes, message):
    with pytest.raises(ValueError, match=message) as caught:
        s(**changes)
    assert not isinstance(caught.value, NotApplicable)


V_INVALID = [
    (dict(violent_appearances=-1), "violent_appearances"),
    (dict(violent_appearances=False), "violent_appearances"),
    (dict(violent_appearances=1.5), "violent_appearances"),
    (dict(violent_appearances="3"), "violent_appearances"),
    (dict(age=200), "age"),
    (dict(age=True), "age"),
    (dict(burglary=1), "burglary"),
    (dict(burglary="no"), "burglary"),
]


@pytest.mark.parametrize("changes, message", V_INVALID)
def test_v_rejects_invalid_input(changes, message):
    with pytest.raises(ValueError, match=message) as caught:
        v(**changes)
    assert not isinstance(caught.value, NotApplicable)


def test_missing_input_is_an_error_not_a_default():
    with pytest.raises(TypeError):
        rm2000_s(age=30, sexual_appearances=1, criminal_appearances=1)


# --- working, inputs, versions ---------------------------------------------------------


def test_s_working_shows_items_and_adjustment():
    result = s(
        age=23, sexual_appearances=2, criminal_appearances=6, male_victim=True, never_married=True
    )
    assert result.working[:4] == (
        "Age at commencement of risk: 23 → 2 points",
        "Sexual appearances: 2 → 1 point",
        "Criminal appearances: 6 → 1 point",
        "Step 1 total: 4 points → High",
    )
    assert "Sexual offence against a male: present" in result.working
    assert "Sexual offence against a stranger: absent" in result.working
    assert "2 aggravating factors: raised one category, High → Very high" in result.working
    assert result.working[-1] == "RM2000/S category: Very high"
    assert result.items[0] == ("Age at commencement of risk", 23, 2)


def test_s_working_shows_no_change_and_capping():
    assert "1 aggravating factor: no change, Low" in s(non_contact=True).working
    capped = s(age=20, sexual_appearances=2, criminal_appearances=2, **dict.fromkeys(FLAGS, True))
    expected = (
        "4 aggravating factors: raised two categories, High → Very high (capped at Very high)"
    )
    assert expected in capped.working


def test_v_working_shows_items_and_total():
    result = v(age=30, violent_appearances=2, burglary=True)
    assert result.working == (
        "Age at commencement of risk: 30 → 2 points",
        "Violent appearances: 2 → 2 points",
        "Any conviction for burglary: yes → 2 points",
        "Total: 6 points → RM2000/V category Very high",
    )


def test_results_carry_inputs_and_rules_version():
    s_result, v_result = s(age=30), v(age=30)
    assert RULES_VERSION == "rm2000-1"
    assert s_result.rules_version == v_result.rules_version == RULES_VERSION
    assert rm2000_c(LOW, LOW).rules_version == RULES_VERSION
    assert s_result.inputs == {**S_BASE, "age": 30}
    assert v_result.inputs == {**V_BASE, "age": 30}
    with pytest.raises(dataclasses.FrozenInstanceError):
        s_result.category = HIGH


# --- purity ----------------------------------------------------------------------------


def test_importing_scoring_does_not_import_django():
    repo_root = Path(__file__).resolve().parents[2]
    code = "import sys, riskmatrix.scoring; sys.exit('django' in sys.modules)"
    completed = subprocess.run([sys.executable, "-c", code], cwd=repo_root, capture_output=True)
    assert completed.returncode == 0, completed.stderr.decode()
