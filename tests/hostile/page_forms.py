"""Reading a page's forms from its rendered HTML (every ``input``, ``select`` and ``textarea``
name, the day/month/year parts of a date included), and the Django form the page drew them from."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urlsplit

from django import forms
from django.utils import timezone

from tests.hostile.pages import NOT_WALKED, _route_name


@dataclass
class Control:
    kind: str  # text, hidden, textarea, select, radio, checkbox, file
    options: list[str] = field(default_factory=list)
    chosen: list[str] = field(default_factory=list)
    multiple: bool = False
    numeric: bool = False  # inputmode="numeric"


@dataclass
class PageForm:
    method: str
    action: str  # the path the form is sent to
    controls: dict[str, Control] = field(default_factory=dict)

    def baseline(self, optional: set[str]) -> dict:
        """The form as the page drew it; what a required field lacks gets a plausible value."""
        data = {}
        date_parts = {f"{prefix}_{i}" for prefix in self.dates() for i in range(3)}
        for name, control in self.controls.items():
            required = name not in optional
            chosen = [value for value in control.chosen if value]
            first = [value for value in control.options if value][:1] if required else []
            if control.kind == "file":
                continue
            if control.kind in {"radio", "select"}:
                value = chosen or first or [""]
                data[name] = value if control.multiple else value[0]
            elif control.kind == "checkbox":
                data[name] = chosen or first
            else:
                blank = not required or name in date_parts
                data[name] = (chosen or [""])[0] or ("" if blank else _plausible(name, control))
        for prefix in self.dates():
            parts = [data[f"{prefix}_{i}"] for i in range(3)]
            if not all(part.isdigit() for part in parts) and prefix not in optional:
                if "birth" in prefix:
                    day = ("17", "5", "1980")
                else:  # a visit is planned for the future; other dates are in the past
                    year = timezone.localdate().year + (1 if "plan" in self.action else -1)
                    day = ("15", "6", str(year))
                data.update({f"{prefix}_{i}": part for i, part in enumerate(day)})
        return data

    def dates(self) -> list[str]:
        """The names of the GOV.UK date inputs (``name_0``, ``name_1``, ``name_2``)."""
        return [
            name[:-2]
            for name in self.controls
            if name.endswith("_0") and {f"{name[:-2]}_1", f"{name[:-2]}_2"} <= set(self.controls)
        ]

    def key_lists(self) -> list[str]:
        """Checkbox lists whose values are record keys (the model multiple-choice fields)."""
        return [
            name
            for name, control in self.controls.items()
            if control.kind == "checkbox"
            and control.options
            and all(option.isdigit() for option in control.options)
        ]


def _plausible(name: str, control: Control) -> str:
    if control.numeric:
        return "3"
    if "time" in name:
        return "10:30"
    if "postcode" in name:
        return "AA1 1AA"
    return "Hostile-test"


class _FormParser(HTMLParser):
    def __init__(self, page_path: str):
        super().__init__(convert_charrefs=True)
        self.page_path = page_path
        self.forms: list[PageForm] = []
        self._form: PageForm | None = None
        self._select: tuple[str, Control] | None = None
        self._textarea: str | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            action = attrs.get("action") or self.page_path
            self._form = PageForm((attrs.get("method") or "get").lower(), urlsplit(action).path)
            self.forms.append(self._form)
            return
        if self._form is None or not attrs.get("name"):
            if tag == "option" and self._select is not None:
                self._add_option(attrs)
            return
        name = attrs["name"]
        if tag == "input":
            kind = (attrs.get("type") or "text").lower()
            if kind in {"submit", "button", "image", "reset"} or name == "csrfmiddlewaretoken":
                return
            if kind not in {"radio", "checkbox", "hidden", "file"}:
                kind = "text"
            control = self._form.controls.setdefault(name, Control(kind))
            control.numeric = attrs.get("inputmode") == "numeric"
            value = attrs.get("value")
            if kind in {"radio", "checkbox"}:
                value = "on" if value is None else value
                control.options.append(value)
                if "checked" in attrs:
                    control.chosen.append(value)
            elif value is not None:
                control.chosen = [value]
        elif tag == "select":
            control = self._form.controls.setdefault(name, Control("select"))
            control.multiple = "multiple" in attrs
            self._select = (name, control)
        elif tag == "textarea":
            self._form.controls.setdefault(name, Control("textarea"))
            self._textarea = name

    def _add_option(self, attrs):
        _name, control = self._select
        value = attrs.get("value", "")
        control.options.append(value)
        if "selected" in attrs:
            control.chosen.append(value)

    def handle_data(self, data):
        if self._textarea and self._form is not None:
            control = self._form.controls[self._textarea]
            control.chosen = [(control.chosen or [""])[0] + data]

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "select":
            self._select = None
        elif tag == "textarea" and self._textarea:
            control = self._form.controls[self._textarea] if self._form else None
            if control and control.chosen and control.chosen[0].startswith("\n"):
                control.chosen = [control.chosen[0][1:]]  # as a browser reads it
            self._textarea = None


def read_forms(html: str, page_path: str) -> list[PageForm]:
    parser = _FormParser(page_path)
    parser.feed(html)
    return [form for form in parser.forms if _route_name(form.action) not in NOT_WALKED]


def _page_form(response) -> forms.BaseForm | None:
    form = response.context.get("form") if response.context is not None else None
    return form if isinstance(form, forms.BaseForm) else None


def optional_names(form: forms.BaseForm | None) -> set[str]:
    """The names of the page form's optional fields (left empty in the baseline)."""
    names = set()
    for name, field_ in (form.fields if form else {}).items():
        if not field_.required:
            names.add(form.add_prefix(name))
    return names
