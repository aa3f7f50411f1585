"""PNC ID validation (pure: no Django).

Format ``YYYY/NNNNNNNC``; also accepted without the slash, or in the short form ``YY/NNNNNNNC``
with the serial padded to 7 digits. The check character is
``"ZABCDEFGHJKLMNPQRTUVWXY"[n mod 23]`` where ``n`` is the last two digits of the year followed
by the 7-digit serial. Example: ``2001/0123456`` gives n = 10123456, 10123456 mod 23 = 6, ``F``.
"""

import re

CHECK_CHARACTERS = "ZABCDEFGHJKLMNPQRTUVWXY"
FORMAT_MESSAGE = "Enter a PNC number in the correct format, exactly as it appears on the document"
CHECK_MESSAGE = "Enter a PNC number with the correct check character"

_PNC = re.compile(r"^(?P<year>\d{2}|\d{4})/?(?P<serial>\d{1,7})(?P<check>[A-Z])$")


class InvalidPNC(ValueError):
    pass


def check_character(year: str, serial: str) -> str:
    n = int(year[-2:] + serial.zfill(7))
    return CHECK_CHARACTERS[n % 23]


def normalise_pnc(value: str) -> str:
    """Return the canonical ``YYYY/NNNNNNNC`` form, or raise InvalidPNC with a readable reason.

    A two-digit year is expanded to the century that does not lie in the future of the
    register (PNC began in the 1970s): 70-99 → 19xx, otherwise 20xx.
    """
    match = _PNC.match(value.strip().upper())
    if not match:
        raise InvalidPNC(FORMAT_MESSAGE)
    year, serial, check = match["year"], match["serial"], match["check"]
    if len(year) == 2:
        year = ("19" if int(year) >= 70 else "20") + year
    serial = serial.zfill(7)
    if check_character(year, serial) != check:
        raise InvalidPNC(CHECK_MESSAGE)
    return f"{year}/{serial}{check}"
