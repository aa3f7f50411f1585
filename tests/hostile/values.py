"""The hostile values of the fuzz, and every hostile submission of one form: ``EVERY_FIELD`` on
every field at once, ``PER_FIELD`` (and one of ``ROTATING``) on one field at a time,
``IMPOSSIBLE_DATES`` on each date, ``BAD_KEYS`` on each list of record checkboxes."""

from __future__ import annotations

from tests.hostile.page_forms import PageForm

SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(1)>'
MARKUP = (SCRIPT, "<img src=x onerror=alert(1)>")  # must never appear unescaped

HUGE = "99999999999999999999999999"
RTL_EMOJI_COMBINING = (
    "\u202eevil\u202c \u05e9\u05dc\u05d5\u05dd \u0645\u0631\u062d\u0628\u0627 "  # RTL override, Hebrew, Arabic
    "\U0001f600\U0001f46e\u200d\u2640\ufe0f "  # emoji, a ZWJ sequence
    + "Z\u0337\u0327\u031ba\u0336l\u0338g\u0335o\u0337" * 20  # combining marks
    + "\u200b\ufeff\u2028\u2029"  # zero-width, BOM, line and paragraph separators
)
# On every field of a form at once.
EVERY_FIELD = (
    "A" * 10_000,
    "\x00",
    SCRIPT,
    IMG,
    RTL_EMOJI_COMBINING,
    "\u20ac" * 5_000,
    HUGE,
    "-" + HUGE,
    "9223372036854775808",
    "1e309",
    "\uff11\uff12",  # full-width digits
    "{{ 7|add:7 }}{% debug %}",
)
# On one field at a time, the others as the page drew them (so a value the field accepts goes on
# to the service, is stored and is rendered): every field gets all of ``PER_FIELD`` and one of
# ``ROTATING`` (a different one from field to field).
PER_FIELD = ("A" * 10_000, "\x00", f"{SCRIPT}{IMG}", HUGE)
ROTATING = (
    "-" + HUGE,
    RTL_EMOJI_COMBINING,
    "9223372036854775808",
    "-1",
    "abc\x00def",
    "9" * 5_000,
    "0",
    "1.5",
    "\u0663",  # Arabic-Indic digit three
    " \r\n\t",
    "' OR 1=1 --",
    "%s%n%x",
)
# Each date gets all of ``IMPOSSIBLE_DATES`` and one of ``ROTATING_DATES``.
IMPOSSIBLE_DATES = (
    ("31", "2", "2020"),
    ("0", "0", "0"),
    ("1", "1", "99999999999999999999"),
    ("99999999999999999999", "1", "2000"),
    ("1", "99999999999999999999", "2000"),
    ("1", "1", "1899"),
    ("1", "1", "10000"),
    (SCRIPT, IMG, "\x00"),
)
ROTATING_DATES = (
    ("29", "2", "2023"),
    ("32", "13", "2000"),
    ("-1", "-1", "-1"),
    ("\uff11", "\uff11", "\uff12\uff10\uff12\uff10"),
    ("1", "1", "-" + HUGE),
)
BAD_KEYS = (
    [HUGE],
    ["-1"],
    ["abc", "\x00"],
    ["9223372036854775808", "9" * 10_000],
)
# A form with no field (a button) is sent these names, which the page does not expect.
UNEXPECTED = {"id": HUGE, "pk": "-1", "next": SCRIPT, "version": "\x00"}


# --- the submissions -----------------------------------------------------------------------------


def _set(data: dict, form: PageForm, name: str, value: str) -> None:
    control = form.controls[name]
    data[name] = [value] if control.kind == "checkbox" or control.multiple else value


def submissions(form: PageForm, optional: set[str]):
    """(description, data) for every hostile submission of one form."""
    base = form.baseline(optional)
    names = [n for n, c in form.controls.items() if c.kind != "file"]
    if not names:
        yield "unexpected fields", dict(UNEXPECTED)
        return
    for value in EVERY_FIELD:
        data = dict(base)
        for name in names:
            _set(data, form, name, value)
        yield f"every field = {value[:40]!r}", data
    date_parts = {f"{prefix}_{i}" for prefix in form.dates() for i in range(3)}
    singles = [n for n in names if n not in date_parts]
    for index, name in enumerate(singles):
        for value in (*PER_FIELD, ROTATING[index % len(ROTATING)]):
            data = dict(base)
            _set(data, form, name, value)
            yield f"{name} = {value[:40]!r}", data
    for index, prefix in enumerate(form.dates()):
        for parts in (*IMPOSSIBLE_DATES, ROTATING_DATES[index % len(ROTATING_DATES)]):
            data = dict(base)
            data.update({f"{prefix}_{i}": part for i, part in enumerate(parts)})
            yield f"{prefix} = {'/'.join(p[:20] for p in parts)!r}", data
    for name in form.key_lists():
        for keys in BAD_KEYS:
            data = dict(base)
            data[name] = [*form.controls[name].options[:1], *keys]  # a real key, then bad ones
            yield f"{name} = {[k[:20] for k in keys]!r}", data
