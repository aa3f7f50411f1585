import pytest

from offenders.pnc import CHECK_MESSAGE, FORMAT_MESSAGE, InvalidPNC, check_character, normalise_pnc

VALID_FORMS = [
    ("2001/0123456F", "2001/0123456F"),  # the worked example in the domain notes
    ("20010123456F", "2001/0123456F"),  # without the slash
    ("01/123456F", "2001/0123456F"),  # short form, serial padded to 7 digits
    ("2001/0123456f", "2001/0123456F"),  # lower case check character
    (" 2001/0123456F ", "2001/0123456F"),
]


@pytest.mark.parametrize(("entered", "canonical"), VALID_FORMS)
def test_accepted_forms_normalise_to_the_canonical_form(entered, canonical):
    assert normalise_pnc(entered) == canonical


def test_check_character_of_the_worked_example():
    assert check_character("2001", "0123456") == "F"


@pytest.mark.parametrize(
    "entered", ["", "2001/0123456", "ABCD/0123456F", "2001/01234567F", "2001-0123456F"]
)
def test_badly_formed_pnc_is_refused_with_the_hmpps_wording(entered):
    with pytest.raises(InvalidPNC, match=FORMAT_MESSAGE):
        normalise_pnc(entered)


def test_wrong_check_character_is_refused():
    with pytest.raises(InvalidPNC, match=CHECK_MESSAGE):
        normalise_pnc("2001/0123456G")
